package rhetoric

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// TestTargetPlan checks that the target chooser's plan sums
// (Analyzer.planSum) equal, to the last bit, the sums over the features
// that candidateFeatures finds for each device, for every candidate of
// every sentence and every device that takes a target, on the bench
// speeches and the annotated training sentences.
func TestTargetPlan(t *testing.T) {
	shared := filepath.Join(testutil.ModuleRoot(t), "..", "shared")
	speeches := loadSpeeches(t)
	f, err := os.Open(filepath.Join(shared, "eval", "train.jsonl"))
	if err != nil {
		t.Skipf("shared training set absent: %v", err)
	}
	defer f.Close()
	var train []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		train = append(train, r.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	type counts struct {
		Differ     int  // sums that differ in any bit
		Sums       bool // some sums were compared
		Conditions bool // some plans had a feature that depends on the first hit
	}
	for _, tc := range []struct {
		name  string
		texts []string
	}{
		{"bench speeches", speeches},
		{"training sentences", train},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got counts
			for _, text := range tc.texts {
				comparePlanSums(t, a, text, &got.Differ, &got.Sums, &got.Conditions)
			}
			if diff := cmp.Diff(counts{Sums: true, Conditions: true}, got); diff != "" {
				t.Errorf("plan sums against feature sums (-want +got):\n%s", diff)
			}
		})
	}
}

// comparePlanSums analyzes text and compares, for every sentence,
// target-taking device chosen by the model and candidate, the plan sum
// with the sum over candidateFeatures, counting those that differ.
func comparePlanSums(t *testing.T, a *Analyzer, text string, differ *int, sums, conds *bool) {
	t.Helper()
	st := Statement{Text: text}
	tok, err := a.admit(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	sc := a.pool.Get().(*scratch)
	defer a.pool.Put(sc)
	doc := &sc.doc
	if err := tok.TokenizeInto(doc, text); err != nil {
		t.Fatal(err)
	}
	a.stages(doc, &st, sc)
	m := a.model
	direct := &featSink{}
	lo := 0
	for si := range doc.Sentences {
		hi := lo
		for hi < len(sc.hits) && sc.hits[hi].Sentence == si {
			hi++
		}
		hits := sc.hits[lo:hi]
		lo = hi
		cands := a.candidates(doc, sc, si)
		a.planTargets(doc, sc, si, hits, cands)
		for _, f := range sc.psink.fs {
			if f.start == stepCond {
				*conds = true
			}
		}
		for d := range a.devices {
			if !a.takesTarget[d] || !a.choosesTarget(d) {
				continue
			}
			md := a.mdev[d]
			dh := devHitsOf(hits, d, a.noneIdx)
			for ci := range cands {
				direct.begin(m)
				a.candidateFeatures(doc, sc, si, hits, d, ci, cands, direct)
				want := 0.0
				for _, f := range direct.fs {
					want += float64(m.w[int(f.h)*m.stride+md])
				}
				got := a.planSum(doc, sc, si, hits, d, dh, ci)
				*sums = true
				if math.Float64bits(want) != math.Float64bits(got) {
					*differ++
					t.Logf("sentence %d, device %s, candidate %s: %v from the features, %v from the plan", si, a.devices[d], a.tcodes[cands[ci]], want, got)
				}
			}
		}
	}
	sc.reset()
}
