package rhetoric_test

import (
	"cmp"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// TestExplainReference recomputes every span's scores from the sentence's
// named features (Analyzer.Features) and the model's weights by name, the
// plain way: the devices shown are those decided and those with a hit in
// the sentence (a non-negated or negated hit alike), p is the sigmoid of
// the bias plus the weights, and the reasons are the five features of
// largest |weight|, ties to the name that sorts first. The analysis finds
// them through rows, bits and integer keys; this test keeps it honest.
// It runs on the golden statements and, when ../shared is present, on six
// UN General Debate speeches.
func TestExplainReference(t *testing.T) {
	root := testutil.ModuleRoot(t)
	var sts []rhetoric.Statement
	files, err := filepath.Glob(filepath.Join(root, "testdata", "statements", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var st rhetoric.Statement
		if err := json.Unmarshal(data, &st); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sts = append(sts, st)
	}
	if shared := testutil.Shared(); shared != "" {
		for _, p := range []string{"RUS_77_2022", "UKR_77_2022", "USA_77_2022", "CHN_77_2022", "SYR_77_2022", "IRN_77_2022"} {
			data, err := os.ReadFile(filepath.Join(shared, "corpus", "ungdc", "2022", p+".txt"))
			if err == nil {
				sts = append(sts, rhetoric.Statement{ID: p, Text: string(data)})
			}
		}
	}
	m := rhetoric.DefaultModel()
	spec := m.Spec()
	// One sentence of 700 words the model knows, so that it has more
	// features than a ranking key has room for their index.
	var words []string
	for _, w := range spec.Devices[0].Weights {
		if len(words) < 700 && strings.HasPrefix(w.Feature, "w=") && isLower(w.Feature[2:]) {
			words = append(words, w.Feature[2:])
		}
	}
	if len(words) < 700 {
		t.Fatalf("only %d plain words in the model", len(words))
	}
	sts = append(sts, rhetoric.Statement{ID: "long", Text: "Russia " + strings.Join(words, " ") + "."})
	weights := map[string]map[string]float64{} // device -> feature -> weight
	for _, d := range spec.Devices {
		weights[d.Device] = map[string]float64{}
		for _, w := range d.Weights {
			weights[d.Device][w.Feature] = w.W
		}
	}
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	checked := 0
	for _, st := range sts {
		if st.Meta["tag"] == "true" || st.Text == "" {
			continue
		}
		r, err := a.Analyze(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		feats, err := a.Features(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if len(feats) != len(r.Spans) {
			t.Fatalf("%s: %d sentences of features, %d spans", st.ID, len(feats), len(r.Spans))
		}
		for si, sp := range r.Spans {
			hit := map[string]bool{}
			for _, h := range r.Hits {
				if h.Sentence == si {
					hit[h.Device] = true
				}
			}
			var want []rhetoric.Prob
			for _, d := range spec.Devices {
				if !hit[d.Device] && !slices.Contains(sp.Devices, d.Device) {
					continue
				}
				z := d.Bias
				var because []rhetoric.Reason
				for _, f := range feats[si].Features {
					w, ok := weights[d.Device][f.Name]
					if !ok {
						continue
					}
					z += w
					because = append(because, rhetoric.Reason{Feature: f.Name, Weight: w, Start: f.Start, End: f.End})
				}
				slices.SortFunc(because, func(x, y rhetoric.Reason) int {
					if c := cmp.Compare(math.Abs(y.Weight), math.Abs(x.Weight)); c != 0 {
						return c
					}
					return cmp.Compare(x.Feature, y.Feature)
				})
				because = because[:min(len(because), 5)]
				if because == nil {
					because = []rhetoric.Reason{}
				}
				want = append(want, rhetoric.Prob{Device: d.Device, P: 1 / (1 + math.Exp(-z)), Because: because})
			}
			if diff := gocmp.Diff(want, sp.Scores, cmpopts.EquateEmpty(), cmpopts.EquateApprox(0, 6e-5)); diff != "" {
				t.Errorf("%s sentence %d %q: scores (-want +got):\n%s", st.ID, si, st.Text[sp.Start:sp.End], diff)
			}
			checked += len(want)
			if st.ID == "long" && len(feats[si].Features) <= 512 {
				t.Errorf("the long sentence has %d features, want more than 512", len(feats[si].Features))
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d scores checked", checked)
	}
	t.Logf("%d scores checked", checked)
}

// isLower reports whether s is a word of ASCII lower-case letters.
func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
