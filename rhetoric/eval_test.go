package rhetoric_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// The ratchets of the analysis' quality, measured with package eval on the
// annotated sentences in ../shared/eval: the best figures reached so far,
// less 0.005 for float noise. Raise them whenever the analysis improves; a
// change that makes TestEvalCV or TestEvalDev fail lowered the quality and
// must be reconsidered. The cross-validated figure on train.jsonl is the
// measure; dev.jsonl is a check that is never tuned on.
const (
	// 5-fold CV micro-F1 on train.jsonl, trained as the built-in model
	// (learn.DefaultModelConfig), and macro-F1. The thresholds chosen for
	// micro-F1 (blame's held) moved them from 0.701 and 0.626 to 0.705 and
	// 0.624: micro gained on five of five splits (paired intervals above
	// 0), macro moved by -0.002 to +0.006 (mean +0.001), so the macro floor
	// came down by 0.002 with this split's figure.
	cvMicroF1Floor = 0.700
	cvMacroF1Floor = 0.619
	// Micro-F1 of the default analysis (built-in model) on dev.jsonl. It
	// was 0.737; the rare-device entries and the demonym aliases of issues
	// #16 and #14 (CV micro-F1 0.697 -> 0.701, macro-F1 0.618 -> 0.626,
	// gains on three splits) moved it to 0.729: a handful of sentences
	// about economic matters and law, which none of the new entries
	// touches, are decided differently by the retrained weights. That is
	// well inside dev's interval (0.689-0.767), and dev is a check, never
	// a set to choose on. The thresholds chosen for micro-F1 moved it to
	// 0.743.
	devMicroF1Floor = 0.738
	// 5-fold CV target accuracy on train.jsonl: blame's (428/536) and that
	// of all devices that name a target together (1608/1990; 1592/1975,
	// 0.806, with the thresholds for micro-F1, which decide fewer
	// sentences; 1597/1975, 0.809, with the pooled target models of
	// threat, delegitimization and hypocrisy), with the demonym aliases
	// and the speaker's side (t:self).
	cvBlameTargetFloor = 0.793
	cvTargetFloor      = 0.803 // 0.809 less 0.005, rounded down
	// Target accuracy on dev.jsonl, blame's (33/38) and all devices'
	// (90/112), less one sentence each: dev is small, so a floor tighter
	// than one sentence would fail on noise. The speaker's side, which
	// gains 24 to 26 targets on each of three CV splits, costs one dev
	// blame target (34/38 and 91/112 before).
	devBlameTargetFloor = 0.84
	devTargetFloor      = 0.79
)

// The ratchets of the default lexicon alone (no learned layer: a device is
// predicted when it has a non-negated hit). On dev.jsonl the measured
// micro-F1 (0.737) less 0.005: it fell from 0.816 when the lexicon was
// rebuilt from train.jsonl by cross-validation and entries fitted to the dev
// sentences went. On all of train.jsonl a fitted, not a held-out, figure
// (the lexicon's cues were chosen on it by 5-fold CV, see the header of
// lexicon/default.lex): the measured 0.680 less 0.005; its held-out
// counterpart is 0.654 (go run ./internal/lexfit).
const (
	lexDevMicroF1Floor   = 0.732
	lexTrainMicroF1Floor = 0.675
)

// evalErrors prints the errors about one device (or "all") in TestEvalDev
// and TestEvalCV:
//
//	go test ./rhetoric -run TestEvalDev -v -eval.errors=blame
var evalErrors = flag.String("eval.errors", "", "print the errors about this device (or all)")

// sharedEval returns the path of ../shared/eval/name beside the module,
// skipping the test when it is absent.
func sharedEval(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(testutil.ModuleRoot(t), "..", "shared", "eval", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent: skipping the evaluation", p)
	}
	return p
}

func readGold(t *testing.T, name string) []eval.Item {
	t.Helper()
	p := sharedEval(t, name)
	items, err := eval.ReadFile(p, filepath.Dir(filepath.Dir(p)))
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// logResult logs the table of an evaluation and, with -eval.errors, its
// errors.
func logResult(t *testing.T, what string, r *eval.Result) {
	t.Helper()
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\tP\tR\tF1\tF1 95%%\tsupport\ttarget\t\n")
	for _, d := range r.Devices {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f-%.2f\t%d\t%d/%d\t\n", d.Device, d.P, d.R, d.F1, d.F1CI.Lo, d.F1CI.Hi, d.Support, d.TargetRight, d.TargetN)
	}
	tw.Flush()
	t.Logf("%s: %d items\n%s", what, r.Items, b.String())
	t.Logf("micro P %.3f R %.3f F1 %.3f (%.3f-%.3f); macro F1 %.3f (%.3f-%.3f)",
		r.MicroP, r.MicroR, r.MicroF1, r.MicroCI.Lo, r.MicroCI.Hi, r.MacroF1, r.MacroCI.Lo, r.MacroCI.Hi)
	if *evalErrors == "" {
		return
	}
	for _, e := range r.Errors {
		var kinds []string
		for _, d := range e.FN {
			if *evalErrors == "all" || *evalErrors == d {
				kinds = append(kinds, "FN "+d)
			}
		}
		for _, d := range e.FP {
			if *evalErrors == "all" || *evalErrors == d {
				kinds = append(kinds, "FP "+d)
			}
		}
		for _, te := range e.Targets {
			if *evalErrors == "all" || *evalErrors == te.Device {
				kinds = append(kinds, fmt.Sprintf("target %s %s (gold %s)", te.Device, te.Pred, te.Gold))
			}
		}
		if len(kinds) == 0 {
			continue
		}
		var hits []string
		for _, h := range e.Hits {
			neg := ""
			if h.Negated {
				neg = "NOT "
			}
			hits = append(hits, fmt.Sprintf("%s%s:%s@%s", neg, h.Device, h.Text, h.Target))
		}
		t.Logf("%s %s %v: %s", e.ID, strings.Join(kinds, ", "), hits, e.Text)
	}
}

// TestEvalDev measures the default analysis (built-in lexicon and model)
// on the dev sentences, and, for information, lexicon counting alone.
func TestEvalDev(t *testing.T) {
	items := readGold(t, "dev.jsonl")
	ctx := context.Background()
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := eval.Evaluate(ctx, a, items, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	logResult(t, "dev, default analysis", r)
	if r.MicroF1 < devMicroF1Floor {
		t.Errorf("dev micro-F1 = %.4f, below the ratchet %.4f: the analysis got worse", r.MicroF1, devMicroF1Floor)
	}
	right, n := 0, 0
	for _, d := range r.Devices {
		right, n = right+d.TargetRight, n+d.TargetN
		if d.Device == "blame" && d.TargetAcc < devBlameTargetFloor {
			t.Errorf("dev blame target accuracy %.4f (%d/%d): below the ratchet %.4f", d.TargetAcc, d.TargetRight, d.TargetN, devBlameTargetFloor)
		}
	}
	if n == 0 || float64(right)/float64(n) < devTargetFloor {
		t.Errorf("dev target accuracy of all devices %d/%d: below the ratchet %.4f", right, n, devTargetFloor)
	}
	lexOnly, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err = eval.Evaluate(ctx, lexOnly, items, eval.Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dev, lexicon counting (--no-model): micro-F1 %.3f, macro-F1 %.3f", r.MicroF1, r.MacroF1)
	if r.MicroF1 < lexDevMicroF1Floor {
		t.Errorf("dev micro-F1 of the lexicon alone = %.4f, below the ratchet %.4f: the default lexicon or the analyzer got worse", r.MicroF1, lexDevMicroF1Floor)
	}
}

// TestEvalTrain measures the default lexicon alone (--no-model) on all the
// training sentences, against lexTrainMicroF1Floor.
func TestEvalTrain(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: the plain run covers this single-threaded computation")
	}
	if testing.Short() {
		t.Skip("the training set takes a few seconds")
	}
	items := readGold(t, "train.jsonl")
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := eval.Evaluate(context.Background(), a, items, eval.Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	logResult(t, "train, lexicon counting (fitted)", r)
	if r.MicroF1 < lexTrainMicroF1Floor {
		t.Errorf("train micro-F1 of the lexicon alone = %.4f, below the ratchet %.4f: the default lexicon or the analyzer got worse", r.MicroF1, lexTrainMicroF1Floor)
	}
}

// TestEvalCV cross-validates the learned layer on train.jsonl (5 folds),
// trained as the built-in model is (learn.DefaultModelConfig).
// It takes about a minute; -short skips it.
func TestEvalCV(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: the plain run covers this single-threaded computation")
	}
	if testing.Short() {
		t.Skip("-short: skipping the cross-validation")
	}
	items := readGold(t, "train.jsonl")
	r, err := eval.CrossValidate(context.Background(), lexicon.Default(), rhetoric.Options{}, items, 5, learn.DefaultModelConfig(), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	logResult(t, "5-fold CV on train", r)
	if r.MicroF1 < cvMicroF1Floor || r.MacroF1 < cvMacroF1Floor {
		t.Errorf("CV micro-F1 %.4f, macro-F1 %.4f: below the ratchets %.4f, %.4f", r.MicroF1, r.MacroF1, cvMicroF1Floor, cvMacroF1Floor)
	}
	right, n := 0, 0
	for _, d := range r.Devices {
		right, n = right+d.TargetRight, n+d.TargetN
		if d.Device == "blame" && d.TargetAcc < cvBlameTargetFloor {
			t.Errorf("CV blame target accuracy %.4f (%d/%d): below the ratchet %.4f", d.TargetAcc, d.TargetRight, d.TargetN, cvBlameTargetFloor)
		}
	}
	if n == 0 || float64(right)/float64(n) < cvTargetFloor {
		t.Errorf("CV target accuracy of all devices %d/%d: below the ratchet %.4f", right, n, cvTargetFloor)
	}
}

// TestDefaultModelReproducible retrains the built-in model as go generate
// does and checks that the result is byte for byte the embedded file.
func TestDefaultModelReproducible(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: the plain run covers this single-threaded computation")
	}
	if testing.Short() {
		t.Skip("-short: skipping the retraining")
	}
	p := sharedEval(t, "train.jsonl")
	items := readGold(t, "train.jsonl")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	m, err := eval.TrainModel(context.Background(), lexicon.Default(), rhetoric.Options{}, items, "train.jsonl", data, learn.DefaultModelConfig())
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := m.Encode(&got); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(testutil.ModuleRoot(t), "rhetoric", "model.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got.Bytes()) {
		spec := m.Spec()
		old := rhetoric.DefaultModel().Spec()
		t.Errorf("retraining does not reproduce rhetoric/model.gz (%d bytes, now %d; data sha256 %s, embedded %s): run go generate ./rhetoric",
			len(want), got.Len(), spec.Training.SHA256, old.Training.SHA256)
		for i := range min(len(spec.Devices), len(old.Devices)) {
			if !slices.Equal(spec.Devices[i].Weights, old.Devices[i].Weights) {
				t.Logf("%s differs", spec.Devices[i].Device)
			}
		}
	}
}
