package rhetoric

import (
	"cmp"
	"math"
	"slices"

	"github.com/rhetorica/rhetorica/tokenize"
)

// tally holds the raw counts of one device, from which every score
// follows. Reports and profiles share it so that their formulas agree.
type tally struct {
	hits, negated, intensified, hedged, sentences int
	detected                                      int // sentences that perform the device (the decision)
	weight                                        float64
	targets                                       []TargetCount // unsorted while counting
}

func (t *tally) addTarget(code string, n int) {
	for i := range t.targets {
		if t.targets[i].Actor == code {
			t.targets[i].Count += n
			return
		}
	}
	t.targets = append(t.targets, TargetCount{Actor: code, Count: n})
}

// finish computes a DeviceScore from the tally given the totals of its
// report or profile: words, sentences and non-negated hits of all devices.
func (t *tally) finish(device string, words, sentences, allHits int) DeviceScore {
	d := DeviceScore{
		Device: device, Hits: t.hits, Negated: t.negated, Weight: t.weight,
		Intensified: t.intensified, Hedged: t.hedged, CoveredSentences: t.sentences, Detected: t.detected,
		Targets: t.targets,
	}
	if d.Targets == nil {
		d.Targets = []TargetCount{}
	}
	sortTargets(d.Targets)
	if words > 0 {
		d.Per1K = float64(t.hits) * 1000 / float64(words)
	}
	if allHits > 0 {
		d.Share = float64(t.hits) / float64(allHits)
	}
	if sentences > 0 {
		d.Coverage = float64(t.sentences) / float64(sentences)
	}
	if t.hits > 0 {
		d.Intensity = float64(t.intensified) / float64(t.hits)
	}
	return d
}

// sortTargets orders targets by count, descending, then code.
func sortTargets(ts []TargetCount) {
	slices.SortFunc(ts, func(x, y TargetCount) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return cmp.Compare(x.Actor, y.Actor)
	})
}

// score fills r.Devices and r.Spans from the hits in sc (sorted by start).
func (a *Analyzer) score(r *Report, doc *tokenize.Document, sc *scratch) {
	nd := len(a.devices)
	nt := len(a.tcodes)
	tallies := make([]tally, nd)
	// tcount[d*nt+k] counts the hits of device d with target tcodes[k].
	tcount := sc.tcount[:0]
	tcount = append(tcount, make([]int32, nd*nt)...)
	sc.tcount = tcount
	// seen[s*nd+d] records that sentence s performs device d.
	ns := len(doc.Sentences)
	seen := make([]bool, ns*nd)
	all := 0
	for i := range sc.hits {
		h := &sc.hits[i]
		t := &tallies[h.dev]
		if h.Negated {
			t.negated++
			continue
		}
		all++
		t.hits++
		t.weight += h.Weight
		if h.Intensified {
			t.intensified++
		}
		if h.Hedged {
			t.hedged++
		}
		tcount[h.dev*nt+h.tgt]++
		if h.Sentence >= 0 && h.Sentence < ns && !seen[h.Sentence*nd+h.dev] {
			seen[h.Sentence*nd+h.dev] = true
			t.sentences++
		}
	}
	for si := range ns {
		for d := range nd {
			if sc.performs[si*nd+d] {
				tallies[d].detected++
			}
		}
	}
	r.Devices = make([]DeviceScore, nd)
	for d := range tallies {
		for k, c := range tcount[d*nt : (d+1)*nt] {
			if c > 0 {
				tallies[d].targets = append(tallies[d].targets, TargetCount{Actor: a.tcodes[k], Count: int(c)})
			}
		}
		r.Devices[d] = tallies[d].finish(a.devices[d], r.Words, r.Sentences, all)
	}
	performs := sc.performs
	r.Spans = make([]Span, ns)
	names := make([]string, 0, countTrue(performs))
	lo := 0
	for si, s := range doc.Sentences {
		hi := lo
		for hi < len(sc.hits) && sc.hits[hi].Sentence == si {
			hi++
		}
		hits := sc.hits[lo:hi]
		lo = hi
		from := len(names)
		sp := Span{Start: s.Start, End: s.End}
		for d := range nd {
			if !performs[si*nd+d] {
				continue
			}
			names = append(names, a.devices[d])
			if a.takesTarget[d] {
				if sp.Targets == nil {
					sp.Targets = map[string]string{}
				}
				sp.Targets[a.devices[d]] = a.chooseTarget(doc, sc, si, hits, d)
			}
		}
		sp.Devices = names[from:len(names):len(names)]
		if a.model != nil {
			sp.Scores = a.explain(sc, si, hits)
		}
		r.Spans[si] = sp
	}
}

// explainTop is how many features Prob.Because lists.
const explainTop = 5

// explain returns the model's scores of sentence si for the devices it
// decided and the devices with a hit there. It allocates two slices per
// sentence that shows a score, and selects the top features without
// sorting them all.
func (a *Analyzer) explain(sc *scratch, si int, hits []xhit) []Prob {
	nd := len(a.devices)
	m := a.model
	mnd := len(m.devices)
	fs := sc.sink.fs[sc.fOff[si]:sc.fOff[si+1]]
	shown := func(d int) bool {
		if a.mdev[d] < 0 {
			return false
		}
		if sc.performs[si*nd+d] {
			return true
		}
		for i := range hits {
			if hits[i].dev == d {
				return true
			}
		}
		return false
	}
	n := 0
	for d := range nd {
		if shown(d) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Prob, 0, n)
	reasons := make([]Reason, 0, n*explainTop)
	for d := range nd {
		if !shown(d) {
			continue
		}
		md := a.mdev[d]
		// top holds indices into fs of the largest |weight|, best first;
		// ties go to the feature name that sorts first.
		var top [explainTop]int
		k := 0
		better := func(i, j int) bool {
			wi := math.Abs(m.w[int(fs[i].h)*mnd+md])
			wj := math.Abs(m.w[int(fs[j].h)*mnd+md])
			if wi != wj {
				return wi > wj
			}
			return m.names[fs[i].h] < m.names[fs[j].h]
		}
		for i := range fs {
			if m.w[int(fs[i].h)*mnd+md] == 0 {
				continue
			}
			if k == explainTop && !better(i, top[k-1]) {
				continue
			}
			if k < explainTop {
				k++
			}
			p := k - 1
			for p > 0 && better(i, top[p-1]) {
				top[p] = top[p-1]
				p--
			}
			top[p] = i
		}
		from := len(reasons)
		for _, i := range top[:k] {
			f := fs[i]
			reasons = append(reasons, Reason{Feature: m.names[f.h], Weight: round4(m.w[int(f.h)*mnd+md]), Start: int(f.start), End: int(f.end)})
		}
		out = append(out, Prob{Device: a.devices[d], P: round4(float64(sc.probs[si*nd+d])), Because: reasons[from:len(reasons):len(reasons)]})
	}
	return out
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func countTrue(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}
