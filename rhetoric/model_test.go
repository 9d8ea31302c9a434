package rhetoric_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// TestDefaultModel checks that the embedded model loads, knows every
// device of the default lexicon, and decides and explains on real text.
func TestDefaultModel(t *testing.T) {
	m := rhetoric.DefaultModel()
	var want []string
	for _, c := range lexicon.Default().Categories() {
		want = append(want, c.Name)
	}
	if diff := cmp.Diff(want, m.Devices()); diff != "" {
		t.Fatalf("model devices (-want +got):\n%s", diff)
	}
	spec := m.Spec()
	if spec.Training.Examples < 1000 || len(spec.Training.SHA256) != 64 {
		t.Errorf("training record %+v: want the examples and the data's SHA-256", spec.Training)
	}
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Russia bears full responsibility for this brutal war of aggression. We call on all states to support negotiations."
	r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: "s", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spans) != 2 {
		t.Fatalf("want 2 spans, got %d", len(r.Spans))
	}
	if !slices.Contains(r.Spans[0].Devices, "blame") {
		t.Errorf("first sentence: devices %v, want blame", r.Spans[0].Devices)
	}
	if got := r.Spans[0].Targets["blame"]; got != "RUS" {
		t.Errorf("blame target %q, want RUS", got)
	}
	detected := 0
	for _, s := range r.Spans {
		for _, p := range s.Scores {
			if p.P < 0 || p.P > 1 {
				t.Errorf("p = %v", p.P)
			}
			for _, b := range p.Because {
				if b.Start < s.Start || b.End > s.End || b.Start >= b.End {
					t.Errorf("reason %+v outside its sentence [%d,%d)", b, s.Start, s.End)
				}
			}
		}
		for _, d := range s.Devices {
			if !slices.ContainsFunc(s.Scores, func(p rhetoric.Prob) bool { return p.Device == d }) {
				t.Errorf("decided device %s has no score", d)
			}
			if d == "blame" {
				detected++
			}
		}
	}
	for _, d := range r.Devices {
		if d.Device == "blame" && d.Detected != detected {
			t.Errorf("blame detected = %d, want %d", d.Detected, detected)
		}
	}
}

// TestNoModel checks that NoModel is the lexicon rule: a sentence performs
// the devices of its non-negated hits.
func TestNoModel(t *testing.T) {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	text := "This is not aggression. Russia's aggression must stop."
	r, err := a.Analyze(context.Background(), rhetoric.Statement{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for si, s := range r.Spans {
		var want []string
		for _, d := range a.Devices() {
			for _, h := range r.Hits {
				if h.Sentence == si && h.Device == d && !h.Negated {
					want = append(want, d)
					break
				}
			}
		}
		if diff := cmp.Diff(want, s.Devices, cmpEmpty); diff != "" {
			t.Errorf("sentence %d (-want +got):\n%s", si, diff)
		}
		if s.Scores != nil {
			t.Errorf("sentence %d: scores without a model: %v", si, s.Scores)
		}
	}
}

var cmpEmpty = cmp.Transformer("empty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

// TestModelDecides checks a hand-made model: its devices follow its
// weights and threshold, the others the lexicon rule.
func TestModelDecides(t *testing.T) {
	m, err := rhetoric.NewModel(rhetoric.ModelSpec{Format: rhetoric.ModelFormat, Devices: []rhetoric.DeviceModel{
		{Device: "peace", Bias: -2, Threshold: 0.5, Weights: []rhetoric.Weight{{Feature: "w=harmony", W: 3}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Analyze(context.Background(), rhetoric.Statement{Text: "We seek harmony. We want peace talks."})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(r.Spans[0].Devices, "peace") {
		t.Errorf("harmony: %v, want peace by the model", r.Spans[0].Devices)
	}
	if slices.Contains(r.Spans[1].Devices, "peace") {
		t.Errorf("peace talks: %v, the model (bias -2) should not decide peace", r.Spans[1].Devices)
	}
	want := []rhetoric.Prob{{Device: "peace", P: 0.7311, Because: []rhetoric.Reason{{Feature: "w=harmony", Weight: 3, Start: 8, End: 15}}}}
	if diff := cmp.Diff(want, r.Spans[0].Scores); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
}

func TestParseModelErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"not json", "{", "unexpected EOF"},
		{"format", `{"format":"x","training":{"examples":0},"devices":[]}`, "format"},
		{"unknown field", `{"format":"rhetorica-model/1","bogus":1,"devices":[]}`, "bogus"},
		{"twice", `{"format":"rhetorica-model/1","devices":[{"device":"a","threshold":0.5,"weights":[]},{"device":"a","threshold":0.5,"weights":[]}]}`, "twice"},
		{"threshold", `{"format":"rhetorica-model/1","devices":[{"device":"a","threshold":1.5,"weights":[]}]}`, "threshold"},
		{"empty feature", `{"format":"rhetorica-model/1","devices":[{"device":"a","threshold":0.5,"weights":[{"f":"","w":1}]}]}`, "bad feature name"},
		{"compact header", "rhetorica-model/1\n{\"bogus\":1}\n", "m.json:2:"},
		{"compact weight", "rhetorica-model/1\n{\"devices\":[{\"device\":\"a\",\"threshold\":0.5}]}\nw=x\tbad\n", "m.json:3: weight 1"},
		{"compact order", "rhetorica-model/1\n{\"devices\":[{\"device\":\"a\",\"threshold\":0.5}]}\nw=y\t1\nw=x\t1\n", "m.json:4: feature \"w=x\" out of order"},
		{"compact extra", "rhetorica-model/1\n{\"devices\":[{\"device\":\"a\",\"threshold\":0.5}]}\nw=y\t1\t2\n", "m.json:3: more than 1"},
		{"compact missing", "rhetorica-model/1\n{\"devices\":[{\"device\":\"a\",\"threshold\":0.5},{\"device\":\"b\",\"threshold\":0.5}]}\nw=y\t1\n", "m.json:3: weight 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rhetoric.ParseModel("m.json", []byte(tc.data))
			if err == nil || !errors.Is(err, rhetoric.ErrModel) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "m.json") {
				t.Errorf("error %v, want ErrModel naming m.json and %q", err, tc.want)
			}
		})
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := rhetoric.DefaultModel()
	var b bytes.Buffer
	if err := m.Encode(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := rhetoric.ParseModel("x", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Spec(), m2.Spec()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var b2 bytes.Buffer
	if err := m2.Encode(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("encoding is not deterministic")
	}
}

func FuzzParseModel(f *testing.F) {
	f.Add([]byte(`{"format":"rhetorica-model/1","devices":[{"device":"peace","bias":-1,"threshold":0.5,"weights":[{"f":"w=peace","w":2}]}]}`))
	f.Add([]byte(`{"format":"x"}`))
	f.Add([]byte{0x1f, 0x8b, 0, 0})
	f.Add([]byte("rhetorica-model/1\n{\"devices\":[{\"device\":\"peace\",\"threshold\":0.5}]}\nw=peace\t2\n"))
	bin, err := rhetoric.NewModel(rhetoric.ModelSpec{Format: rhetoric.ModelFormat, Devices: []rhetoric.DeviceModel{
		{Device: "peace", Bias: -1, Threshold: 0.5, Weights: []rhetoric.Weight{{Feature: "w=peace", W: 2}, {Feature: "w=war", W: -0.125}}},
		{Device: "blame", Bias: -2, Threshold: 0.5, Weights: []rhetoric.Weight{{Feature: "w=war", W: 1.5}}},
	}})
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range []*rhetoric.Model{bin, rhetoric.DefaultModel()} {
		b, err := m.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := rhetoric.ParseModel("fuzz", data)
		if err != nil {
			if !errors.Is(err, rhetoric.ErrModel) {
				t.Fatalf("error %v does not wrap ErrModel", err)
			}
			return
		}
		an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := an.Analyze(context.Background(), rhetoric.Statement{Text: "Russia's war must end. We want peace?"}); err != nil {
			t.Fatal(err)
		}
	})
}

// TestFeatureHashes checks the invariant the learned layer rests on: the
// features the analyzer hashes piece by piece are exactly the names that
// Features reports (and training uses). A model that gives every reported
// feature of a sentence a weight must find them all.
func TestFeatureHashes(t *testing.T) {
	ctx := context.Background()
	base, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Russia's flagrant aggression against Ukraine must stop, and we will never accept it!",
		"Why does Washington not respect the sovereignty of other states?",
		"We call on all parties to return to negotiations. NATO-led forces withdrew.",
	} {
		sents, err := base.Features(ctx, rhetoric.Statement{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for si, s := range sents {
			var ws []rhetoric.Weight
			seen := map[string]bool{}
			for _, f := range s.Features {
				if seen[f.Name] {
					t.Errorf("sentence %d: feature %q twice", si, f.Name)
				}
				seen[f.Name] = true
				if f.Start < s.Start || f.End > s.End || f.Start >= f.End {
					t.Errorf("sentence %d: feature %q at [%d,%d) outside [%d,%d)", si, f.Name, f.Start, f.End, s.Start, s.End)
				}
				ws = append(ws, rhetoric.Weight{Feature: f.Name, W: 0.01})
			}
			// Bias such that the sentence's probability is exactly 0.5
			// when every feature is found.
			m, err := rhetoric.NewModel(rhetoric.ModelSpec{Format: rhetoric.ModelFormat, Devices: []rhetoric.DeviceModel{
				{Device: "values", Bias: -0.01 * float64(len(ws)), Threshold: 0.4999, Weights: ws},
			}})
			if err != nil {
				t.Fatal(err)
			}
			a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
			if err != nil {
				t.Fatal(err)
			}
			r, err := a.Analyze(ctx, rhetoric.Statement{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			sp := r.Spans[si]
			if len(sp.Scores) == 0 || sp.Scores[0].Device != "values" || sp.Scores[0].P != 0.5 {
				t.Errorf("sentence %d of %q: scores %+v, want values at p 0.5 (all %d features found)", si, text, sp.Scores, len(ws))
			}
		}
	}
}
