package eval_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// shared returns the path of ../shared/eval/name, skipping the test when
// it is absent.
func shared(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join(testutil.SharedDir(t, filepath.Join("eval", name)), "eval", name)
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
	var cfg learn.Config
	if c := os.Getenv("RHETORICA_CFG"); c != "" {
		if err := json.Unmarshal([]byte(c), &cfg); err != nil {
			t.Fatal(err)
		}
	}
	res, err := eval.CrossValidate(context.Background(), lexicon.Default(), rhetoric.Options{}, items, 5, cfg, eval.Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", table(res))
}

func TestTargetExperiment(t *testing.T) {
	if os.Getenv("RHETORICA_TGT") == "" {
		t.Skip("set RHETORICA_TGT=1")
	}
	items, err := eval.ReadFile(shared(t, "train.jsonl"), "")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	res, err := eval.Evaluate(context.Background(), a, items, eval.Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", table(res))
	conf := map[string]int{}
	n := 0
	for _, e := range res.Errors {
		for _, te := range e.Targets {
			if te.Device != "blame" {
				continue
			}
			conf[te.Gold+"->"+te.Pred]++
			if n < 40 {
				n++
				var hs []string
				for _, h := range e.Hits {
					if h.Device == "blame" {
						hs = append(hs, fmt.Sprintf("%s(%s,%s,neg=%v)", h.Text, h.Target, h.TargetRule, h.Negated))
					}
				}
				t.Logf("%s gold %s pred %s %v: %s", e.ID, te.Gold, te.Pred, hs, e.Text)
			}
		}
	}
	t.Logf("%v", conf)
}
