package rhetoric_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// devMicroF1Floor is the ratchet of the default lexicon alone (no learned
// layer) on ../shared/eval/dev.jsonl: the measured micro-F1 (0.737) less
// 0.005 for float noise. It fell from 0.816 when the lexicon was rebuilt
// from train.jsonl by cross-validation: entries fitted to the dev sentences
// went, and dev is now a check, never a tuning set. Raise it whenever the
// lexicon or the analyzer improves on train CV and dev alike.
const devMicroF1Floor = 0.732

// trainMicroF1Floor is the ratchet of the default lexicon alone on all of
// ../shared/eval/train.jsonl (a fitted, not a held-out, figure: the
// lexicon's cues were chosen on it by 5-fold CV, see the header of
// lexicon/default.lex): the measured 0.679 less 0.005. Its held-out
// counterpart, 5-fold CV, is 0.653 (go run ./internal/lexfit).
const trainMicroF1Floor = 0.674

// evalErrors prints the false positives and negatives of one device (or
// "all", or "target" for blame-target mistakes) in TestEvalDev:
//
//	go test ./rhetoric -run TestEvalDev -v -eval.errors=blame
var evalErrors = flag.String("eval.errors", "", "print dev-set errors of this device (or all, or target)")

// evalData evaluates another annotated file in the dev.jsonl format (for
// example a held-out set) instead of ../shared/eval/dev.jsonl; the ratchet
// applies only to the dev set.
var evalData = flag.String("eval.data", "", "evaluate this .jsonl file instead of the dev set (ratchet not applied)")

// evalItem is one line of dev.jsonl: a real sentence with the devices and
// targets that the majority of three annotators gave it.
type evalItem struct {
	ID      string            `json:"id"`
	Text    string            `json:"text"`
	Devices []string          `json:"devices"`
	Targets map[string]string `json:"targets"`
}

// deviceScore is the precision, recall and F1 of one device over a data set.
// Precision (recall) is 0 when nothing was predicted (is gold); F1 is 0 when
// both are 0. Support is the number of sentences whose gold has the device.
type deviceScore struct {
	Device     string
	TP, FP, FN int
	P, R, F1   float64
	Support    int
}

// evalScores are the device scores in lexicon order and their averages:
// micro-F1 pools the counts of all devices; macro-F1 is the mean F1 of the
// devices with support.
type evalScores struct {
	Devices []deviceScore
	MicroP  float64
	MicroR  float64
	MicroF1 float64
	MacroF1 float64
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// score compares predicted device sets with gold ones, item by item.
func score(devices []string, gold, pred [][]string) evalScores {
	var s evalScores
	var TP, FP, FN, withSupport int
	var macro float64
	for _, d := range devices {
		ds := deviceScore{Device: d}
		for i := range gold {
			g, p := slices.Contains(gold[i], d), slices.Contains(pred[i], d)
			switch {
			case g && p:
				ds.TP++
			case g:
				ds.FN++
			case p:
				ds.FP++
			}
		}
		ds.P, ds.R, ds.F1 = prf(ds.TP, ds.FP, ds.FN)
		ds.Support = ds.TP + ds.FN
		if ds.Support > 0 {
			macro += ds.F1
			withSupport++
		}
		TP, FP, FN = TP+ds.TP, FP+ds.FP, FN+ds.FN
		s.Devices = append(s.Devices, ds)
	}
	s.MicroP, s.MicroR, s.MicroF1 = prf(TP, FP, FN)
	if withSupport > 0 {
		s.MacroF1 = macro / float64(withSupport)
	}
	return s
}

func TestScore(t *testing.T) {
	devices := []string{"blame", "peace", "threat"}
	gold := [][]string{{"blame"}, {"blame", "peace"}, {}, {"peace"}}
	pred := [][]string{{"blame"}, {"peace"}, {"threat"}, {"peace", "blame"}}
	// blame: TP 1, FN 1, FP 1 -> P 1/2, R 1/2, F1 1/2
	// peace: TP 2 -> 1, 1, 1
	// threat: FP 1, no support -> 0, 0, 0, left out of macro
	// micro: TP 3, FP 2, FN 1 -> P 3/5, R 3/4, F1 2/3
	want := evalScores{
		Devices: []deviceScore{
			{Device: "blame", TP: 1, FP: 1, FN: 1, P: 0.5, R: 0.5, F1: 0.5, Support: 2},
			{Device: "peace", TP: 2, P: 1, R: 1, F1: 1, Support: 2},
			{Device: "threat", FP: 1},
		},
		MicroP: 0.6, MicroR: 0.75, MicroF1: 2.0 / 3, MacroF1: 0.75,
	}
	got := score(devices, gold, pred)
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("score (-want +got):\n%s", diff)
	}
}

func readDev(t *testing.T) []evalItem {
	t.Helper()
	path := filepath.Join(rhetoric.ModuleRoot(t), "..", "shared", "eval", "dev.jsonl")
	if *evalData != "" {
		path = *evalData
	}
	return readItems(t, path)
}

// readItems reads annotated sentences, skipping the test when path is absent.
func readItems(t *testing.T, path string) []evalItem {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: skipping the evaluation", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []evalItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it evalItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("%s:%d: %v", path, len(items)+1, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatalf("%s holds no items", path)
	}
	return items
}

// TestEvalDev measures the default lexicon through the analyzer against the
// annotated dev sentences. A device is predicted for a sentence when it has
// at least one non-negated hit. The blame target of a sentence is the first
// actor named by its non-negated blame hits (in text order), or NONE when
// every such hit has target NONE; target accuracy is
// computed over the sentences whose gold devices include blame with a gold
// target, and a sentence without a predicted blame hit counts as wrong (the
// accuracy among sentences where blame was found is reported too, and so is
// the looser share of sentences where any non-negated blame hit has the gold
// target).
func TestEvalDev(t *testing.T) {
	items := readDev(t)
	lex := lexicon.Default()
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var devices []string
	for _, c := range lex.Categories() {
		devices = append(devices, c.Name)
	}
	ctx := context.Background()
	gold := make([][]string, len(items))
	pred := make([][]string, len(items))
	cues := make([]map[string][]string, len(items))
	targets := make([]map[string][]string, len(items)) // device -> targets of its non-negated hits
	var tgtN, tgtFound, tgtRight, tgtAny int
	var tgtErrs []string
	for i, it := range items {
		r, err := a.Analyze(ctx, rhetoric.Statement{ID: it.ID, Text: it.Text})
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		gold[i] = it.Devices
		cues[i] = map[string][]string{}
		targets[i] = map[string][]string{}
		blameTarget := ""
		var blameTargets []string
		for _, h := range r.Hits {
			if h.Negated {
				cues[i][h.Device] = append(cues[i][h.Device], "NOT "+h.Text)
				continue
			}
			cues[i][h.Device] = append(cues[i][h.Device], h.Text)
			targets[i][h.Device] = append(targets[i][h.Device], h.Target)
			if !slices.Contains(pred[i], h.Device) {
				pred[i] = append(pred[i], h.Device)
			}
			if h.Device == "blame" {
				if blameTarget == "" || blameTarget == rhetoric.TargetNone {
					blameTarget = h.Target
				}
				blameTargets = append(blameTargets, h.Target)
			}
		}
		if want, ok := it.Targets["blame"]; ok && slices.Contains(it.Devices, "blame") {
			tgtN++
			if blameTarget != "" {
				tgtFound++
			}
			if slices.Contains(blameTargets, want) {
				tgtAny++
			}
			if blameTarget == want {
				tgtRight++
			} else {
				tgtErrs = append(tgtErrs, fmt.Sprintf("%s blame gold %s, got %q %v: %s", it.ID, want, blameTarget, cues[i]["blame"], it.Text))
			}
		}
	}
	s := score(devices, gold, pred)
	// Targets of the other devices, by the same rule as blame, for information.
	var other []string
	for _, d := range devices {
		if d == "blame" {
			continue
		}
		n, right := 0, 0
		for i, it := range items {
			want, ok := it.Targets[d]
			if !ok || !slices.Contains(it.Devices, d) {
				continue
			}
			n++
			if got := firstNamed(targets[i][d]); got == want {
				right++
			} else {
				tgtErrs = append(tgtErrs, fmt.Sprintf("%s %s gold %s, got %q %v: %s", it.ID, d, want, got, cues[i][d], it.Text))
			}
		}
		if n > 0 {
			other = append(other, fmt.Sprintf("%s %d/%d", d, right, n))
		}
	}

	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\tP\tR\tF1\tsupport\tFP\t\n")
	for _, d := range s.Devices {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t\n", d.Device, d.P, d.R, d.F1, d.Support, d.FP)
	}
	tw.Flush()
	t.Logf("dev set: %d sentences\n%s", len(items), b.String())
	t.Logf("micro P %.3f R %.3f F1 %.3f; macro F1 %.3f (ratchet %.3f)", s.MicroP, s.MicroR, s.MicroF1, s.MacroF1, devMicroF1Floor)
	if tgtN > 0 {
		found := 0.0
		if tgtFound > 0 {
			// right answers among the sentences where some blame hit was found
			found = float64(tgtRight) / float64(tgtFound)
		}
		t.Logf("blame targets: %d/%d right = %.2f (first named target of the non-negated blame hits; %.2f of the %d with a blame hit); any blame hit right: %d/%d = %.2f",
			tgtRight, tgtN, float64(tgtRight)/float64(tgtN), found, tgtFound, tgtAny, tgtN, float64(tgtAny)/float64(tgtN))
	}

	if len(other) > 0 {
		t.Logf("other targets right: %s", strings.Join(other, ", "))
	}
	// Target accuracy where the device is decided: over the sentences whose
	// gold devices include d with a gold target and where the analyzer
	// performs d, the share whose first named target equals the gold one.
	var decided []string
	for _, d := range devices {
		n, right := 0, 0
		for i, it := range items {
			want, ok := it.Targets[d]
			if !ok || !slices.Contains(it.Devices, d) || !slices.Contains(pred[i], d) {
				continue
			}
			n++
			if firstNamed(targets[i][d]) == want {
				right++
			}
		}
		if n > 0 {
			decided = append(decided, fmt.Sprintf("%s %.2f (%d/%d)", d, float64(right)/float64(n), right, n))
		}
	}
	t.Logf("target accuracy where decided: %s", strings.Join(decided, ", "))

	if *evalErrors != "" {
		for i, it := range items {
			for _, d := range devices {
				if *evalErrors != "all" && *evalErrors != d {
					continue
				}
				g, p := slices.Contains(gold[i], d), slices.Contains(pred[i], d)
				if g != p {
					kind := "FN"
					if p {
						kind = "FP"
					}
					t.Logf("%s %s %s %v: %s", kind, d, it.ID, cues[i][d], it.Text)
				}
			}
		}
		if *evalErrors == "target" || *evalErrors == "all" {
			for _, e := range tgtErrs {
				t.Logf("target %s", e)
			}
		}
	}

	if *evalData == "" && s.MicroF1 < devMicroF1Floor {
		t.Errorf("dev micro-F1 = %.4f, below the ratchet %.4f: the default lexicon or the analyzer got worse", s.MicroF1, devMicroF1Floor)
	}
}

// firstNamed returns the first target that names an actor, NONE when none
// does, and "" when there are no targets.
func firstNamed(targets []string) string {
	got := ""
	for _, tg := range targets {
		if got == "" || got == rhetoric.TargetNone {
			got = tg
		}
	}
	return got
}

// TestEvalTrain measures the default lexicon alone on the training
// sentences, by the rule of TestEvalDev (a device is predicted when it has a
// non-negated hit), against trainMicroF1Floor.
func TestEvalTrain(t *testing.T) {
	if testing.Short() {
		t.Skip("the training set takes a few seconds")
	}
	items := readItems(t, filepath.Join(rhetoric.ModuleRoot(t), "..", "shared", "eval", "train.jsonl"))
	lex := lexicon.Default()
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var devices []string
	for _, c := range lex.Categories() {
		devices = append(devices, c.Name)
	}
	gold := make([][]string, len(items))
	pred := make([][]string, len(items))
	for i, it := range items {
		r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: it.ID, Text: it.Text})
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		gold[i] = it.Devices
		for _, h := range r.Hits {
			if !h.Negated && !slices.Contains(pred[i], h.Device) {
				pred[i] = append(pred[i], h.Device)
			}
		}
	}
	s := score(devices, gold, pred)
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\tP\tR\tF1\tsupport\t\n")
	for _, d := range s.Devices {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t\n", d.Device, d.P, d.R, d.F1, d.Support)
	}
	tw.Flush()
	t.Logf("train set: %d sentences\n%s", len(items), b.String())
	t.Logf("micro P %.3f R %.3f F1 %.3f; macro F1 %.3f (ratchet %.3f)", s.MicroP, s.MicroR, s.MicroF1, s.MacroF1, trainMicroF1Floor)
	if s.MicroF1 < trainMicroF1Floor {
		t.Errorf("train micro-F1 = %.4f, below the ratchet %.4f: the default lexicon or the analyzer got worse", s.MicroF1, trainMicroF1Floor)
	}
}
