package rhetoric

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
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

func TestGroups(t *testing.T) {
	rep := func(id, speaker string, words, sentences int, ds ...DeviceScore) *Report {
		return &Report{ID: id, Speaker: speaker, Date: "2024-12-05", Meta: map[string]string{"side": speaker + "-side"},
			Words: words, Sentences: sentences, Devices: ds}
	}
	r1 := rep("1", "lavrov", 100, 4,
		DeviceScore{Device: "blame", Hits: 3, Negated: 1, Weight: 3.5, Intensified: 1, CoveredSentences: 2,
			Targets: []TargetCount{{"NATO", 2}, {"WEST", 1}}},
		DeviceScore{Device: "peace", Hits: 1, Weight: 1, CoveredSentences: 1, Targets: []TargetCount{{"NONE", 1}}})
	r1.Hits = []Hit{{Device: "blame", Entry: "aggression"}, {Device: "blame", Entry: "provocation"},
		{Device: "blame", Entry: "aggression"}, {Device: "blame", Entry: "blamed", Negated: true}, {Device: "peace", Entry: "dialogue"}}
	r2 := rep("2", "lavrov", 300, 6,
		DeviceScore{Device: "blame", Hits: 1, Weight: 1, Hedged: 1, CoveredSentences: 1, Targets: []TargetCount{{"WEST", 1}}},
		DeviceScore{Device: "peace", Targets: []TargetCount{}})
	r2.Hits = []Hit{{Device: "blame", Entry: "provocation"}}
	r3 := rep("3", "blinken", 50, 2,
		DeviceScore{Device: "blame", Hits: 2, Weight: 2, Intensified: 2, CoveredSentences: 2, Targets: []TargetCount{{"RUS", 2}}},
		DeviceScore{Device: "peace", Targets: []TargetCount{}})
	r3.Hits = []Hit{{Device: "blame", Entry: "aggression"}, {Device: "blame", Entry: "aggression"}}
	g := NewGroups(KeySpeaker())
	for _, r := range []*Report{r1, r2, nil, r3} {
		g.Add(r)
	}
	want := []Profile{
		{Key: "speaker", Group: "blinken", Statements: 1, Words: 50, Sentences: 2, Devices: []DeviceScore{
			{Device: "blame", Hits: 2, Weight: 2, Per1K: 40, Share: 1, Coverage: 1, Intensity: 1, Intensified: 2, CoveredSentences: 2,
				Targets: []TargetCount{{"RUS", 2}}},
			{Device: "peace", Targets: []TargetCount{}},
		}, Cues: []CueCount{{"blame", "aggression", 2}},
			// The hand-made hits name no source or target: one cell each.
			Matrix: []MatrixCell{{Device: "blame", Count: 2}}},
		{Key: "speaker", Group: "lavrov", Statements: 2, Words: 400, Sentences: 10, Devices: []DeviceScore{
			{Device: "blame", Hits: 4, Negated: 1, Weight: 4.5, Per1K: 10, Share: 0.8, Coverage: 0.3, Intensity: 0.25,
				Intensified: 1, Hedged: 1, CoveredSentences: 3, Targets: []TargetCount{{"NATO", 2}, {"WEST", 2}}},
			{Device: "peace", Hits: 1, Weight: 1, Per1K: 2.5, Share: 0.2, Coverage: 0.1, CoveredSentences: 1,
				Targets: []TargetCount{{"NONE", 1}}},
		}, Cues: []CueCount{{"blame", "aggression", 2}, {"blame", "provocation", 2}, {"peace", "dialogue", 1}},
			Matrix: []MatrixCell{{Device: "blame", Count: 4}, {Device: "peace", Count: 1}}},
	}
	if diff := cmp.Diff(want, g.Profiles(), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("profiles (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		key        Key
		name, want string
	}{
		{KeyID(), "id", "2"},
		{KeyDate(), "date", "2024-12-05"},
		{KeyField("speaker"), "speaker", "lavrov"},
		{KeyField("side"), "side", "lavrov-side"},
		{KeyMeta("absent"), "absent", ""},
		{Key{Name: "nil"}, "nil", ""},
	} {
		g := NewGroups(tt.key)
		g.Add(r2)
		if ps := g.Profiles(); len(ps) != 1 || ps[0].Group != tt.want || ps[0].Key != tt.name {
			t.Errorf("key %q: profiles %+v, want group %q", tt.name, ps, tt.want)
		}
	}
	// Profiles returns copies: adding more reports leaves them unchanged.
	before := g.Profiles()
	snapshot := before[1].Clone()
	g.Add(r1)
	if diff := cmp.Diff(snapshot, before[1]); diff != "" {
		t.Errorf("Add changed a returned profile (-before +after):\n%s", diff)
	}
}

// TestProfileOfOneReport checks that a profile of a single report repeats
// the report's scores (the formulas are shared) and that its cues add up
// to the device hits.
func TestProfileOfOneReport(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	r := analyze(t, a, "Russia's flagrant aggression continues. We do not seek confrontation; perhaps dialogue helps Ukraine. Aggression, aggression.")
	var p Profile
	p.Add(r)
	if diff := cmp.Diff(r.Devices, p.Devices, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("profile devices differ from report (-report +profile):\n%s", diff)
	}
	want := []CueCount{{"blame", "aggression", 3}, {"peace", "dialogue", 1}}
	if diff := cmp.Diff(want, p.Cues); diff != "" {
		t.Errorf("cues (-want +got):\n%s", diff)
	}
	checkCueSums(t, p)
}

// checkCueSums checks that the cues of each device add up to its hits and
// come in Profile order.
func checkCueSums(t *testing.T, p Profile) {
	t.Helper()
	sum := map[string]int{}
	for _, c := range p.Cues {
		sum[c.Device] += c.Count
	}
	for _, d := range p.Devices {
		if sum[d.Device] != d.Hits {
			t.Errorf("%s: cues add up to %d, want the %d hits", d.Device, sum[d.Device], d.Hits)
		}
	}
	sorted := p.Clone()
	sorted.sortCues(0, len(sorted.Cues))
	if diff := cmp.Diff(sorted.Cues, p.Cues); diff != "" {
		t.Errorf("cues out of order (-sorted +got):\n%s", diff)
	}
}

// randomReports returns n reports with random counts over the devices
// a..e; when mixed, some list other devices or another order, as reports
// of another lexicon would.
func randomReports(rng *rand.Rand, n int, mixed bool) []*Report {
	devices := []string{"e", "b", "a", "d", "c"} // an analyzer's order, not sorted
	actors := []string{"RUS", "UKR", "NATO", "NONE"}
	var out []*Report
	for i := range n {
		names := devices
		if mixed && rng.IntN(4) == 0 {
			names = slices.Clone(devices[:1+rng.IntN(len(devices))])
			if rng.IntN(2) == 0 {
				names = append(names, "z")
			}
			rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
		}
		r := &Report{ID: fmt.Sprint(i), Words: rng.IntN(500), Sentences: rng.IntN(30)}
		for _, d := range names {
			ds := DeviceScore{Device: d, Negated: rng.IntN(2), Targets: []TargetCount{}}
			for range rng.IntN(6) {
				entry := fmt.Sprintf("%s%d", d, rng.IntN(8))
				r.Hits = append(r.Hits, Hit{Device: d, Entry: entry})
				ds.Hits++
				ds.Weight += rng.Float64() * 2
				ds.Targets = addTarget(ds.Targets, actors[rng.IntN(len(actors))], 1)
				if rng.IntN(3) == 0 {
					ds.Intensified++
				}
				if rng.IntN(4) == 0 {
					ds.Hedged++
				}
			}
			ds.CoveredSentences = min(ds.Hits, r.Sentences)
			for range ds.Negated {
				r.Hits = append(r.Hits, Hit{Device: d, Entry: d + "0", Negated: true})
			}
			r.Devices = append(r.Devices, ds)
		}
		rng.Shuffle(len(r.Hits), func(i, j int) { r.Hits[i], r.Hits[j] = r.Hits[j], r.Hits[i] })
		out = append(out, r)
	}
	return out
}

// splitAndMerge adds reports to a random number of profiles, in a random
// order, then merges those profiles in a random tree order.
func splitAndMerge(rng *rand.Rand, reports []*Report) Profile {
	parts := make([]Profile, 1+rng.IntN(len(reports)+1))
	for _, i := range rng.Perm(len(reports)) {
		parts[rng.IntN(len(parts))].Add(reports[i])
	}
	for len(parts) > 1 {
		i, j := rng.IntN(len(parts)), rng.IntN(len(parts)-1)
		if j >= i {
			j++
		}
		parts[i].Merge(parts[j])
		parts = slices.Delete(parts, j, j+1)
	}
	return parts[0]
}

// TestProfileMergeProperty checks that any split of a set of reports into
// parts, added in any order and merged in any tree order, gives the profile
// of one pass.
func TestProfileMergeProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	opt := cmpopts.EquateApprox(0, 1e-9)
	for trial := range 300 {
		mixed := trial%3 == 2
		reports := randomReports(rng, rng.IntN(40), mixed)
		var want Profile
		for _, r := range reports {
			want.Add(r)
		}
		if !mixed {
			checkCueSums(t, want)
		}
		for try := range 4 {
			got := splitAndMerge(rng, reports)
			if diff := cmp.Diff(want, got, opt); diff != "" {
				t.Fatalf("trial %d (mixed %v), split %d: merged profile differs from one pass (-want +got):\n%s", trial, mixed, try, diff)
			}
		}
	}
}

// TestProfileMergeReal checks the property on reports of real statements.
func TestProfileMergeReal(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	var reports []*Report
	for _, text := range streamTexts {
		reports = append(reports, analyze(t, a, text))
	}
	var want Profile
	for _, r := range reports {
		want.Add(r)
	}
	if want.Devices[0].Device != a.Devices()[0] || len(want.Devices) != len(a.Devices()) {
		t.Fatalf("devices %v, want the analyzer's %v", want.Devices, a.Devices())
	}
	checkCueSums(t, want)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		if diff := cmp.Diff(want, splitAndMerge(rng, reports), cmpopts.EquateApprox(0, 1e-9)); diff != "" {
			t.Fatalf("merged profile differs from one pass (-want +got):\n%s", diff)
		}
	}
}

func TestProfileMergeSpecialCases(t *testing.T) {
	reports := randomReports(rand.New(rand.NewPCG(5, 6)), 10, false)
	var p Profile
	for _, r := range reports {
		p.Add(r)
	}
	opt := cmpopts.EquateApprox(0, 1e-9)
	// The zero profile is the identity, on either side.
	q := p.Clone()
	q.Merge(Profile{})
	if diff := cmp.Diff(p, q, opt); diff != "" {
		t.Errorf("p.Merge(zero) (-p +got):\n%s", diff)
	}
	var z Profile
	z.Merge(p)
	if diff := cmp.Diff(p, z, opt); diff != "" {
		t.Errorf("zero.Merge(p) (-p +got):\n%s", diff)
	}
	// Merging a profile into itself doubles it, as adding every report twice does.
	var twice Profile
	for _, r := range append(slices.Clone(reports), reports...) {
		twice.Add(r)
	}
	self := p.Clone()
	self.Merge(self)
	if diff := cmp.Diff(twice, self, opt); diff != "" {
		t.Errorf("p.Merge(p) (-twice +got):\n%s", diff)
	}
	// Key and Group: kept, or taken by an empty receiver.
	a := Profile{Key: "speaker", Group: "lavrov"}
	a.Merge(Profile{Key: "speaker", Group: "other"})
	var b Profile
	b.Merge(Profile{Key: "speaker", Group: "blinken"})
	if a.Group != "lavrov" || b.Group != "blinken" || b.Key != "speaker" {
		t.Errorf("groups after merge: %q, %q/%q", a.Group, b.Key, b.Group)
	}
	// A nil report changes nothing.
	n := p.Clone()
	n.Add(nil)
	if diff := cmp.Diff(p, n); diff != "" {
		t.Errorf("Add(nil) (-p +got):\n%s", diff)
	}
	// Mixed device lists fall back to all devices sorted by name.
	var m Profile
	m.Add(&Report{Devices: []DeviceScore{{Device: "y"}, {Device: "x"}}})
	m.Add(&Report{Devices: []DeviceScore{{Device: "z"}, {Device: "x"}}, Hits: []Hit{{Device: "z", Entry: "zz"}}})
	var names []string
	for _, d := range m.Devices {
		names = append(names, d.Device)
	}
	if diff := cmp.Diff([]string{"x", "y", "z"}, names); diff != "" {
		t.Errorf("mixed devices (-want +got):\n%s", diff)
	}
}

// BenchmarkProfileAdd adds real UN speeches' reports to one profile, as a
// group of many statements grows: the cost of profiling next to analysis
// (BenchmarkAnalyze, same speeches).
func BenchmarkProfileAdd(b *testing.B) {
	texts := loadSpeeches(b)
	a := benchAnalyzer(b, Options{})
	var reports []*Report
	n := 0
	for _, t := range texts {
		r, err := a.Analyze(context.Background(), Statement{Text: t})
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, r)
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var p Profile
	for b.Loop() {
		for _, r := range reports {
			p.Add(r)
		}
	}
	b.ReportMetric(float64(len(p.Cues)), "cues")
}
