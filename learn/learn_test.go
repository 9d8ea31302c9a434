package learn_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func readTiny(t testing.TB) []learn.Example {
	t.Helper()
	f, err := os.Open("testdata/tiny.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ex []learn.Example
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e struct {
			ID      string   `json:"id"`
			Text    string   `json:"text"`
			Devices []string `json:"devices"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		ex = append(ex, learn.Example{ID: e.ID, Text: e.Text, Devices: e.Devices})
	}
	return ex
}

func baseAnalyzer(t testing.TB) *rhetoric.Analyzer {
	t.Helper()
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestTrainTiny trains on a tiny hand-written set and checks that the
// model learned its two devices, decides them on unseen sentences, and
// that training is deterministic.
func TestTrainTiny(t *testing.T) {
	ex := readTiny(t)
	ctx := context.Background()
	cfg := learn.Config{MinCount: 1, Lambdas: []float64{0.1}}
	spec, err := learn.Train(ctx, baseAnalyzer(t), ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range spec.Devices {
		got = append(got, d.Device)
	}
	if diff := cmp.Diff([]string{"blame", "peace"}, got); diff != "" {
		t.Fatalf("trained devices (-want +got):\n%s", diff)
	}
	again, err := learn.Train(ctx, baseAnalyzer(t), ex, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(spec, again); diff != "" {
		t.Errorf("training is not deterministic (-first +second):\n%s", diff)
	}
	m, err := rhetoric.NewModel(spec)
	if err != nil {
		t.Fatal(err)
	}
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Russia bears responsibility for the attack.", []string{"blame"}},
		{"We call for talks and a ceasefire.", []string{"peace"}},
		{"The delegates arrived on Monday.", []string{}},
	} {
		r, err := a.Analyze(ctx, rhetoric.Statement{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{}
		for _, s := range r.Spans {
			for _, d := range s.Devices {
				if d == "blame" || d == "peace" {
					got = append(got, d)
				}
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
	}
}

// TestFoldsFewerThanOne checks that k < 1 puts every id in fold 0, as
// k = 1 does, instead of dividing by zero (k = 0) or dealing out negative
// "folds" (k = -2 gave 0 and 1).
func TestFoldsFewerThanOne(t *testing.T) {
	ids := []string{"a", "b", "c", "d"}
	for _, k := range []int{1, 0, -1, -2} {
		if diff := cmp.Diff([]int{0, 0, 0, 0}, learn.Folds(ids, k)); diff != "" {
			t.Errorf("Folds(ids, %d) (-want +got):\n%s", k, diff)
		}
	}
}

func TestFolds(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e", "f", "g"}
	f := learn.Folds(ids, 3)
	n := make([]int, 3)
	for _, k := range f {
		n[k]++
	}
	if diff := cmp.Diff([]int{3, 2, 2}, n); diff != "" {
		t.Errorf("fold sizes (-want +got):\n%s", diff)
	}
	// Equal ids share a fold, and the others are dealt as without them.
	dup := learn.Folds([]string{"a", "b", "c", "a", "d", "e", "f", "g", "a"}, 3)
	if dup[0] != dup[3] || dup[0] != dup[8] {
		t.Errorf("the three a's fall in folds %d, %d, %d; want one", dup[0], dup[3], dup[8])
	}
	if diff := cmp.Diff(f, []int{dup[0], dup[1], dup[2], dup[4], dup[5], dup[6], dup[7]}); diff != "" {
		t.Errorf("the other ids' folds change with a repeated id (-without +with):\n%s", diff)
	}
	// Independent of order.
	rev := []string{"g", "f", "e", "d", "c", "b", "a"}
	fr := learn.Folds(rev, 3)
	for i := range ids {
		if f[i] != fr[len(ids)-1-i] {
			t.Errorf("fold of %s depends on order: %d vs %d", ids[i], f[i], fr[len(ids)-1-i])
		}
	}
}

func TestTrainErrors(t *testing.T) {
	ctx := context.Background()
	_, err := learn.Train(ctx, baseAnalyzer(t), nil, learn.Config{})
	if err == nil {
		t.Error("no examples: no error")
	}
	_, err = learn.Train(ctx, baseAnalyzer(t), []learn.Example{{ID: "x", Text: "a", Devices: []string{"nonsense"}}}, learn.Config{})
	if err == nil {
		t.Error("unknown device: no error")
	}
}

// TestTrainSetBadIndex checks that TrainSet reports an index of idx
// outside the set instead of panicking.
func TestTrainSetBadIndex(t *testing.T) {
	ctx := context.Background()
	s, err := learn.Featurize(ctx, baseAnalyzer(t), readTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	n := len(s.IDs)
	tests := []struct {
		name string
		s    *learn.Set
		idx  []int
		want string
	}{
		{"past the end", s, []int{0, 1, n}, fmt.Sprintf("learn: example index %d out of range [0, %d)", n, n)},
		{"negative", s, []int{-1, 0}, fmt.Sprintf("learn: example index -1 out of range [0, %d)", n)},
		{"nil set", nil, []int{0}, "learn: example index 0 out of range [0, 0)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := learn.TrainSet(ctx, tt.s, tt.idx, learn.Config{MinCount: 1, Lambdas: []float64{0.1}})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTrainObjective trains the tiny set under each objective: the
// weights are those of the default training (only thresholds are chosen
// differently), training stays deterministic, and an unknown objective
// or weight is an error.
func TestTrainObjective(t *testing.T) {
	ex := readTiny(t)
	ctx := context.Background()
	base := learn.Config{MinCount: 1, Lambdas: []float64{0.1}}
	def, err := learn.Train(ctx, baseAnalyzer(t), ex, base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		objective string
		weight    float64
		own       []string
		wantErr   bool
	}{
		{"device", learn.ObjectiveDevice, 0, nil, false},
		{"micro", learn.ObjectiveMicro, 0, nil, false},
		{"micro, blame holds its own threshold", learn.ObjectiveMicro, 0, []string{"blame"}, false},
		{"blend default weight", learn.ObjectiveBlend, 0, nil, false},
		{"blend 0.5", learn.ObjectiveBlend, 0.5, nil, false},
		{"blend weight out of range", learn.ObjectiveBlend, 2, nil, true},
		{"unknown objective", "pooled", 0, nil, true},
		{"own threshold of an unknown device", learn.ObjectiveMicro, 0, []string{"blam"}, true},
		{"own threshold under objective device", learn.ObjectiveDevice, 0, []string{"blame"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base
			cfg.Objective, cfg.MicroWeight, cfg.OwnThreshold = tt.objective, tt.weight, tt.own
			spec, err := learn.Train(ctx, baseAnalyzer(t), ex, cfg)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			again, err := learn.Train(ctx, baseAnalyzer(t), ex, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(spec, again); diff != "" {
				t.Errorf("training is not deterministic (-first +second):\n%s", diff)
			}
			type weights struct {
				Device string
				Bias   float64
				W      []rhetoric.Weight
			}
			strip := func(s rhetoric.ModelSpec) []weights {
				var out []weights
				for _, d := range s.Devices {
					out = append(out, weights{d.Device, d.Bias, d.Weights})
				}
				return out
			}
			if diff := cmp.Diff(strip(def), strip(spec)); diff != "" {
				t.Errorf("weights differ from the default training (-default +got):\n%s", diff)
			}
		})
	}
}

// TestTrainTargetPool checks that Train refuses a target pool naming a
// device the analyzer does not have (a misspelt name would silently pool
// nothing) and accepts the default pool, an empty one and a known one.
func TestTrainTargetPool(t *testing.T) {
	ex := readTiny(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		pool    map[string][]string
		wantErr string
	}{
		{"default", nil, ""},
		{"none", map[string][]string{}, ""},
		{"known devices", map[string][]string{"threat": {"blame"}}, ""},
		{"unknown device pooled", map[string][]string{"threat": {"blaem"}}, `learn: target pool for "threat" names "blaem", which is not a device of the training set`},
		{"unknown device pooling", map[string][]string{"thraet": {"blame"}}, `learn: target pool for "thraet", which is not a device of the training set`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := learn.Train(ctx, baseAnalyzer(t), ex, learn.Config{MinCount: 1, Lambdas: []float64{0.1}, TargetPool: tt.pool})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.wantErr, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}
