package eval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// shared returns the path of ../shared/eval/name, skipping the test when
// it is absent.
func shared(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "eval", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent: skipping", p)
	}
	return p
}

func table(r *eval.Result) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\tP\tR\tF1\tF1 95%%\tn\ttarget\t\n")
	for _, d := range r.Devices {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.2f-%.2f\t%d\t%d/%d\t\n", d.Device, d.P, d.R, d.F1, d.F1CI.Lo, d.F1CI.Hi, d.Support, d.TargetRight, d.TargetN)
	}
	tw.Flush()
	fmt.Fprintf(&b, "micro P %.3f R %.3f F1 %.3f (%.3f-%.3f); macro F1 %.3f (%.3f-%.3f)\n", r.MicroP, r.MicroR, r.MicroF1, r.MicroCI.Lo, r.MicroCI.Hi, r.MacroF1, r.MacroCI.Lo, r.MacroCI.Hi)
	return b.String()
}

func TestCVExperiment(t *testing.T) {
	if os.Getenv("RHETORICA_CV") == "" {
		t.Skip("set RHETORICA_CV=1")
	}
	items, err := eval.ReadFile(shared(t, "train.jsonl"), filepath.Join("..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.CrossValidate(context.Background(), lexicon.Default(), rhetoric.Options{}, items, 5, learn.Config{}, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", table(res))
}
