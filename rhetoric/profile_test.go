package rhetoric

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func profile(group string, words int, hits map[string]int) Profile {
	p := Profile{Group: group, Words: words}
	for _, d := range []string{"blame", "peace", "values"} {
		p.Devices = append(p.Devices, DeviceScore{Device: d, Hits: hits[d]})
	}
	return p
}

func TestCompare(t *testing.T) {
	// Values computed by hand from eqs. 16-22 of Monroe et al. (2008):
	// blame: alpha = 1000*15/3000 = 5,
	//   delta = log(15/1985) - log(10/2990) = 0.81512, z = delta/sqrt(1/15+1/10) = 1.99663
	// peace: alpha = 1000*8/3000 = 2.66667,
	//   delta = log(2.66667/1997.33333) - log(10.66667/2989.33333) = -0.98306, z = -1.43585
	a := profile("A", 1000, map[string]int{"blame": 10})
	b := profile("B", 2000, map[string]int{"blame": 5, "peace": 8})
	want := Comparison{A: "A", B: "B", Prior: 1000, Devices: []DeviceComparison{
		{Device: "blame", RateA: 10, RateB: 2.5, Diff: 7.5, LogOdds: 0.8151195813716061, Z: 1.9966270537114672, HitsA: 10, HitsB: 5, Alpha: 5},
		{Device: "peace", RateA: 0, RateB: 4, Diff: -4, LogOdds: -0.9830569215649501, Z: -1.435846536673893, HitsB: 8, Alpha: 8.0 / 3},
		{Device: "values"},
	}}
	opt := cmpopts.EquateApprox(1e-9, 1e-12)
	if diff := cmp.Diff(want, Compare(a, b), opt); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
	// A smaller prior shrinks less: a0 = 10 gives alpha = 0.05 for blame,
	// delta = log(10.05/999.95) - log(5.05/2004.95) = 1.38385, z = 2.53706.
	c := CompareWith(a, b, 10)
	if diff := cmp.Diff(DeviceComparison{Device: "blame", RateA: 10, RateB: 2.5, Diff: 7.5, LogOdds: 1.383853515259582, Z: 2.537057835093054, HitsA: 10, HitsB: 5, Alpha: 0.05}, c.Devices[0], opt); diff != "" {
		t.Errorf("CompareWith a0=10 (-want +got):\n%s", diff)
	}
	// Symmetry: swapping the profiles negates log-odds and z.
	s := Compare(b, a)
	for i, d := range s.Devices {
		if math.Abs(d.Z+want.Devices[i].Z) > 1e-9 || math.Abs(d.LogOdds+want.Devices[i].LogOdds) > 1e-9 {
			t.Errorf("%s: swapped z %v, log-odds %v; want negations of %v, %v", d.Device, d.Z, d.LogOdds, want.Devices[i].Z, want.Devices[i].LogOdds)
		}
	}
	// Empty profiles give zeros, never NaN.
	for _, d := range Compare(profile("x", 0, nil), profile("y", 0, nil)).Devices {
		if d != (DeviceComparison{Device: d.Device}) {
			t.Errorf("empty comparison %+v", d)
		}
	}
	// Devices only in b are appended; all hits = all words does not blow up.
	e := Compare(Profile{Group: "e", Words: 2, Devices: []DeviceScore{{Device: "x", Hits: 2}}},
		Profile{Group: "f", Words: 3, Devices: []DeviceScore{{Device: "x", Hits: 3}, {Device: "y"}}})
	for _, d := range e.Devices {
		if math.IsNaN(d.Z) || math.IsInf(d.Z, 0) || math.IsNaN(d.LogOdds) {
			t.Errorf("degenerate comparison %+v", d)
		}
	}
	if len(e.Devices) != 2 || e.Devices[1].Device != "y" {
		t.Errorf("devices = %+v, want x then y", e.Devices)
	}
	sorted := Compare(a, b).SortByZ()
	if got := []string{sorted.Devices[0].Device, sorted.Devices[1].Device, sorted.Devices[2].Device}; !cmp.Equal(got, []string{"blame", "values", "peace"}) {
		t.Errorf("SortByZ order = %v", got)
	}
}

func TestAggregator(t *testing.T) {
	rep := func(id, speaker string, words, sentences int, ds ...DeviceScore) *Report {
		return &Report{ID: id, Speaker: speaker, Date: "2024-12-05", Meta: map[string]string{"side": speaker + "-side"},
			Words: words, Sentences: sentences, Devices: ds}
	}
	r1 := rep("1", "lavrov", 100, 4,
		DeviceScore{Device: "blame", Hits: 3, Negated: 1, Weight: 3.5, Intensified: 1, CoveredSentences: 2,
			Targets: []TargetCount{{"NATO", 2}, {"WEST", 1}}},
		DeviceScore{Device: "peace", Hits: 1, Weight: 1, CoveredSentences: 1, Targets: []TargetCount{{"NONE", 1}}})
	r2 := rep("2", "lavrov", 300, 6,
		DeviceScore{Device: "blame", Hits: 1, Weight: 1, Hedged: 1, CoveredSentences: 1, Targets: []TargetCount{{"WEST", 1}}},
		DeviceScore{Device: "peace", Targets: []TargetCount{}})
	r3 := rep("3", "blinken", 50, 2,
		DeviceScore{Device: "blame", Hits: 2, Weight: 2, Intensified: 2, CoveredSentences: 2, Targets: []TargetCount{{"RUS", 2}}},
		DeviceScore{Device: "peace", Targets: []TargetCount{}})
	g := NewAggregator("speaker")
	for _, r := range []*Report{r1, r2, nil, r3} {
		g.Add(r)
	}
	want := []Profile{
		{Key: "speaker", Group: "blinken", Statements: 1, Words: 50, Sentences: 2, Devices: []DeviceScore{
			{Device: "blame", Hits: 2, Weight: 2, Per1K: 40, Share: 1, Coverage: 1, Intensity: 1, Intensified: 2, CoveredSentences: 2,
				Targets: []TargetCount{{"RUS", 2}}},
			{Device: "peace", Targets: []TargetCount{}},
		}},
		{Key: "speaker", Group: "lavrov", Statements: 2, Words: 400, Sentences: 10, Devices: []DeviceScore{
			{Device: "blame", Hits: 4, Negated: 1, Weight: 4.5, Per1K: 10, Share: 0.8, Coverage: 0.3, Intensity: 0.25,
				Intensified: 1, Hedged: 1, CoveredSentences: 3, Targets: []TargetCount{{"NATO", 2}, {"WEST", 2}}},
			{Device: "peace", Hits: 1, Weight: 1, Per1K: 2.5, Share: 0.2, Coverage: 0.1, CoveredSentences: 1,
				Targets: []TargetCount{{"NONE", 1}}},
		}},
	}
	if diff := cmp.Diff(want, g.Profiles(), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("profiles (-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ key, group string }{{"id", "2"}, {"date", "2024-12-05"}, {"side", "lavrov-side"}, {"absent", ""}} {
		g := NewAggregator(tt.key)
		g.Add(r2)
		if ps := g.Profiles(); len(ps) != 1 || ps[0].Group != tt.group || ps[0].Key != tt.key {
			t.Errorf("key %q: profiles %+v, want group %q", tt.key, ps, tt.group)
		}
	}
}

// TestProfileOfOneReport checks that a profile of a single report repeats
// the report's scores: the formulas are shared.
func TestProfileOfOneReport(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	r := analyze(t, a, "Russia's flagrant aggression continues. We do not seek confrontation; perhaps dialogue helps Ukraine.")
	g := NewAggregator("speaker")
	g.Add(r)
	ps := g.Profiles()
	if len(ps) != 1 {
		t.Fatalf("profiles = %+v", ps)
	}
	if diff := cmp.Diff(r.Devices, ps[0].Devices, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("profile devices differ from report (-report +profile):\n%s", diff)
	}
}
