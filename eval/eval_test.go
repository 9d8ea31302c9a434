package eval_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/eval"
)

func TestScore(t *testing.T) {
	devices := []string{"blame", "peace", "threat"}
	items := []eval.Item{
		{ID: "1", Devices: []string{"blame"}, Targets: map[string]string{"blame": "RUS"}},
		{ID: "2", Devices: []string{"blame", "peace"}, Targets: map[string]string{"blame": "USA"}},
		{ID: "3", Devices: []string{}},
		{ID: "4", Devices: []string{"peace"}},
	}
	preds := []eval.Prediction{
		{Devices: []string{"blame"}, Targets: map[string]string{"blame": "RUS"}},
		{Devices: []string{"peace", "threat"}},
		{Devices: []string{"threat"}},
		{Devices: []string{"peace", "blame"}, Targets: map[string]string{"blame": "NONE"}},
	}
	// blame: TP 1, FN 1, FP 1 -> P 1/2, R 1/2, F1 1/2; target 1/1
	// peace: TP 2 -> 1, 1, 1
	// threat: FP 2, no support -> 0, left out of macro
	// micro: TP 3, FP 3, FN 1 -> P 1/2, R 3/4, F1 3/5
	// agreement on 4 items: blame, gold 2 marks, predicted 2, 2 apart:
	// po 1/2 = pe, kappa 0; alpha 1 - 7·2/(4·4) = 1/8. peace: 1 and 1.
	// threat, gold none, predicted 2: kappa 0, alpha 1 - 7·2/(6·2) = -1/6.
	// Mean alpha of blame and peace: 9/16.
	got := eval.Score(devices, items, preds, eval.Options{Resamples: -1})
	want := &eval.Result{
		Items: 4,
		Devices: []eval.DeviceResult{
			{Device: "blame", Support: 2, TP: 1, FP: 1, FN: 1, P: 0.5, R: 0.5, F1: 0.5, Alpha: 0.125, TargetN: 1, TargetRight: 1, TargetAcc: 1},
			{Device: "peace", Support: 2, TP: 2, P: 1, R: 1, F1: 1, Kappa: 1, Alpha: 1},
			{Device: "threat", FP: 2, Alpha: -1.0 / 6},
		},
		MicroP: 0.5, MicroR: 0.75, MicroF1: 0.6, MacroF1: 0.75, MeanAlpha: 0.5625,
		Confusion: eval.Confusion{Devices: devices, Counts: [][]int{{0, 0, 1, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}},
		Errors: []eval.Error{
			{ID: "2", Text: "", Gold: []string{"blame", "peace"}, Pred: []string{"peace", "threat"}, FN: []string{"blame"}, FP: []string{"threat"}},
			{ID: "3", Gold: []string{}, Pred: []string{"threat"}, FP: []string{"threat"}},
			{ID: "4", Gold: []string{"peace"}, Pred: []string{"blame", "peace"}, FP: []string{"blame"}},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Score (-want +got):\n%s", diff)
	}
}

// TestScoreAgreement checks kappa and alpha against worked examples: the
// binary reliability data of Krippendorff's "Computing Krippendorff's
// alpha-reliability" (two observers, ten units, alpha 0.095), Cohen's
// kappa of the same by hand (po 0.6, pe 0.56: 0.04/0.44), and the
// degenerate cases.
func TestScoreAgreement(t *testing.T) {
	type want struct{ Kappa, Alpha float64 }
	tests := []struct {
		name       string
		gold, pred string // one mark a unit: 1 the device, 0 not
		want       want
	}{
		// alpha 1 - 19·4/(14·6) = 8/84, the paper's 0.095
		{"krippendorff binary", "0100000010", "1110010000", want{1.0 / 11, 8.0 / 84}},
		{"perfect", "0110", "0110", want{1, 1}},
		{"opposite", "0101", "1010", want{-1, 1 - 7.0*4/(4*4)}},
		{"neither marks", "0000", "0000", want{0, 0}},
		{"both mark all", "111", "111", want{0, 0}},
		{"one side marks none", "0000", "0110", want{0, 1 - 7.0*2/(6*2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []eval.Item
			var preds []eval.Prediction
			for i := range tt.gold {
				it, pr := eval.Item{ID: strconv.Itoa(i)}, eval.Prediction{}
				if tt.gold[i] == '1' {
					it.Devices = []string{"blame"}
				}
				if tt.pred[i] == '1' {
					pr.Devices = []string{"blame"}
				}
				items, preds = append(items, it), append(preds, pr)
			}
			r := eval.Score([]string{"blame"}, items, preds, eval.Options{Resamples: -1})
			got := want{r.Devices[0].Kappa, r.Devices[0].Alpha}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("agreement (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreIntervals(t *testing.T) {
	devices := []string{"blame"}
	var items []eval.Item
	var preds []eval.Prediction
	for i := range 200 {
		g := i%2 == 0
		p := i%3 != 0
		it := eval.Item{ID: string(rune('a' + i%26)), Devices: []string{}}
		pr := eval.Prediction{Devices: []string{}}
		if g {
			it.Devices = []string{"blame"}
		}
		if p {
			pr.Devices = []string{"blame"}
		}
		items, preds = append(items, it), append(preds, pr)
	}
	a := eval.Score(devices, items, preds, eval.Options{Seed: 7})
	b := eval.Score(devices, items, preds, eval.Options{Seed: 7})
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("bootstrap is not deterministic (-a +b):\n%s", diff)
	}
	d := a.Devices[0]
	if !(d.F1CI.Lo < d.F1 && d.F1 < d.F1CI.Hi) || d.F1CI.Hi-d.F1CI.Lo > 0.3 {
		t.Errorf("F1 %.3f, interval %+v", d.F1, d.F1CI)
	}
	if !(d.AlphaCI.Lo < d.Alpha && d.Alpha < d.AlphaCI.Hi) || d.AlphaCI.Hi-d.AlphaCI.Lo > 0.4 {
		t.Errorf("alpha %.3f, interval %+v", d.Alpha, d.AlphaCI)
	}
	if !(d.KappaCI.Lo < d.Kappa && d.Kappa < d.KappaCI.Hi) || d.KappaCI.Hi-d.KappaCI.Lo > 0.4 {
		t.Errorf("kappa %.3f, interval %+v", d.Kappa, d.KappaCI)
	}
	if a.MeanAlphaCI != d.AlphaCI {
		t.Errorf("one device: mean alpha interval %+v, its alpha's %+v", a.MeanAlphaCI, d.AlphaCI)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus", "a.txt"), []byte("Hello. Russia is to blame. Bye."), 0o644); err != nil {
		t.Fatal(err)
	}
	in := "\ufeff" + `{"id":"1","text":"We want peace.","devices":["peace"],"annotator":"A"}

{"id":"2","file":"corpus/a.txt","start":7,"end":26,"devices":["blame"],"targets":{"blame":"RUS"}}
`
	got, err := eval.Read(strings.NewReader(in), "gold.jsonl", dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Item{
		{ID: "1", Text: "We want peace.", Devices: []string{"peace"}, Line: 1},
		{ID: "2", Text: "Russia is to blame.", Devices: []string{"blame"}, Targets: map[string]string{"blame": "RUS"}, File: "corpus/a.txt", Start: 7, End: 26, Line: 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
}

// TestLocatorSpeaker checks the rule that gives an annotated item's
// speaker from its corpus file, and that Read applies it only when the
// item names no speaker.
func TestLocatorSpeaker(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"corpus/ungdc/2022/RUS_77_2022.txt", "RUS"},
		{"corpus/ungdc/2014/UKR_69_2014.txt", "UKR"},
		{"ungdc/2019/FRA_74_2019.txt", "FRA"},
		{"corpus/ungdc/2019/fra_74_2019.txt", ""},  // not an ISO3 code
		{"corpus/ungdc/2019/FRAN_74_2019.txt", ""}, // not an ISO3 code
		{"corpus/ungdc/README.txt", ""},
		{"corpus/whitehouse_ukraine/speeches-remarks/2022-03/x.md", "USA"},
		{"corpus/kremlin_zelenskyy_press/putin_kremlin_en_2021-10_2022-06.csv", "RUS"},
		{"corpus/kremlin_zelenskyy_press/zelenskyy_president_gov_ua_en_2021-10_2022-06.csv", "UKR"},
		{"corpus/kremlin_zelenskyy_press/other.csv", ""},
		{"corpus/a.txt", ""},
		{"", ""},
	} {
		if got := eval.LocatorSpeaker(tc.file); got != tc.want {
			t.Errorf("LocatorSpeaker(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corpus", "ungdc", "2022"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus", "ungdc", "2022", "USA_77_2022.txt"), []byte("Russia is to blame."), 0o644); err != nil {
		t.Fatal(err)
	}
	in := `{"id":"1","file":"corpus/ungdc/2022/USA_77_2022.txt","start":0,"end":19,"devices":["blame"]}
{"id":"2","file":"corpus/ungdc/2022/USA_77_2022.txt","start":0,"end":19,"devices":["blame"],"speaker":"Joe Biden"}
{"id":"3","text":"Russia is to blame.","devices":["blame"]}
`
	items, err := eval.Read(strings.NewReader(in), "gold.jsonl", dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Speaker)
	}
	if diff := cmp.Diff([]string{"USA", "Joe Biden", ""}, got); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", "holds no items"},
		{"bad json", `{"id":`, "gold.jsonl:1:"},
		{"no id", `{"text":"x","devices":[]}`, "gold.jsonl:1: no id"},
		{"repeat", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}", "gold.jsonl:2: id \"a\" repeats line 1"},
		{"no text", `{"id":"a"}`, "neither text nor file"},
		{"no corpus", `{"id":"a","file":"x.txt","start":0,"end":1}`, "no corpus directory"},
		{"missing file", `{"id":"a","file":"nope.txt","start":0,"end":1}`, "gold.jsonl:1: a:"},
		{"bad utf8", "{\"id\":\"a\",\"text\":\"\\xff\"}", "gold.jsonl:1:"},
		{"empty target", `{"id":"a","text":"x","targets":{"blame":" "}}`, "empty target for blame"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			corpus := ""
			if tc.name == "missing file" {
				corpus = t.TempDir()
			}
			_, err := eval.Read(strings.NewReader(tc.in), "gold.jsonl", corpus)
			if err == nil || !errors.Is(err, eval.ErrFormat) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want ErrFormat with %q", err, tc.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`{"id":"1","text":"We want peace.","devices":["peace"]}`)
	f.Add(`{"id":"2","file":"a.txt","start":7,"end":26,"devices":["blame"],"targets":{"blame":"RUS"}}`)
	f.Add("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}")
	f.Fuzz(func(t *testing.T, in string) {
		items, err := eval.Read(strings.NewReader(in), "f", "")
		if err != nil {
			if !errors.Is(err, eval.ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		for _, it := range items {
			if it.ID == "" || it.Text == "" || it.Line < 1 {
				t.Fatalf("bad item %+v", it)
			}
		}
	})
}
