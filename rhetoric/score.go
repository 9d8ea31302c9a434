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

// count adds a hit to t: a negated hit to negated, any other to hits,
// weight, intensified and hedged. It reports whether the hit counts as
// performed; disputed and excluded hits are the caller's to skip.
func (t *tally) count(h *Hit) bool {
	if h.Negated {
		t.negated++
		return false
	}
	t.hits++
	t.weight += h.Weight
	if h.Intensified {
		t.intensified++
	}
	if h.Hedged {
		t.hedged++
	}
	return true
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
		if h.Disputed || h.Excluded {
			continue // not the speaker's move (see Hit.Counts)
		}
		if !t.count(&h.Hit) {
			continue
		}
		all++
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
	// The explanations of all sentences: one allocation each for the
	// scores and their reasons.
	var scores []Prob
	if a.model != nil && len(sc.scores) > 0 {
		scores = make([]Prob, len(sc.scores))
		reasons := make([]Reason, len(sc.reasons))
		copy(scores, sc.scores)
		copy(reasons, sc.reasons)
		for i, o := range sc.reasonOff {
			scores[i].Because = reasons[o[0]:o[1]:o[1]]
		}
	}
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
		var cands []int // the sentence's target candidates, found when first needed
		for d := range nd {
			if !performs[si*nd+d] {
				continue
			}
			names = append(names, a.devices[d])
			if a.takesTarget[d] {
				if sp.Targets == nil {
					sp.Targets = map[string]string{}
				}
				if cands == nil && a.choosesTarget(d) {
					cands = a.candidates(doc, sc, si)
				}
				sp.Targets[a.devices[d]] = a.chooseTarget(doc, sc, si, hits, d, cands)
			}
		}
		sp.Devices = names[from:len(names):len(names)]
		sp.Speaker = r.Speaker
		if a.model != nil {
			if lo, hi := sc.scoreOff[si], sc.scoreOff[si+1]; hi > lo {
				sp.Scores = scores[lo:hi:hi]
			}
		}
		r.Spans[si] = sp
	}
	if len(sc.turns) > 0 {
		a.scoreTurns(r, doc, sc)
	}
}

// scoreTurns fills r.Turns, marks the spans with their turn's speaker and
// leaves the words and sentences of excluded turns out of r's counts (and
// out of its per-1K rates and coverage, which are recomputed).
func (a *Analyzer) scoreTurns(r *Report, doc *tokenize.Document, sc *scratch) {
	r.Turns = make([]Turn, len(sc.turns))
	for k, t := range sc.turns {
		r.Turns[k] = Turn{Speaker: t.speaker, Start: t.start, End: t.end, Excluded: t.excluded}
	}
	k := 0
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
			k = turnAt(sc.turns, t.Start, k)
			r.Turns[k].Words++
		}
	}
	k = 0
	for si := range r.Spans {
		sp := &r.Spans[si]
		k = turnAt(sc.turns, sp.Start, k)
		sp.Speaker, sp.Excluded = sc.turns[k].speaker, sc.turns[k].excluded
		r.Turns[k].Sentences++
	}
	words, sents := 0, 0
	for _, t := range r.Turns {
		if !t.Excluded {
			words += t.Words
			sents += t.Sentences
		}
	}
	if words == r.Words && sents == r.Sentences {
		return
	}
	r.Words, r.Sentences = words, sents
	all := 0
	for _, d := range r.Devices {
		all += d.Hits
	}
	for i := range r.Devices {
		d := &r.Devices[i]
		t := tally{hits: d.Hits, negated: d.Negated, intensified: d.Intensified, hedged: d.Hedged, sentences: d.CoveredSentences, weight: d.Weight, targets: d.Targets}
		*d = t.finish(d.Device, words, sents, all)
	}
}

// explainTop is how many features Prob.Because lists.
const explainTop = 5

// explain appends to sc.scores and sc.reasons the model's scores of
// sentence si, whose hits are hits and whose features found in the model
// are fs, for the devices it decided and the devices with a hit there. The
// decision stage calls it right after scoring the sentence, while its
// weights are in cache; it selects the top features without sorting them
// all and allocates nothing once the buffers have grown.
func (a *Analyzer) explain(sc *scratch, si int, hits []xhit, fs []feat) {
	nd := len(a.devices)
	m := a.model
	shown := sc.shown[:0]
	shown = append(shown, sc.performs[si*nd:(si+1)*nd]...)
	for i := range hits {
		shown[hits[i].dev] = true
	}
	sc.shown = shown
	for d, ok := range shown {
		md := a.mdev[d]
		if !ok || md < 0 {
			continue
		}
		// top holds indices into fs of the largest |weight|, best first,
		// and aw their |weight|; ties go to the feature name that sorts
		// first.
		var top [explainTop]int
		var aw [explainTop]float32
		k := 0
		// thr is the smallest |weight| that can still enter top: the
		// last one's once top is full (ties decided by name below).
		var thr float32
		for i := range fs {
			// |w| by clearing the sign bit, without a branch on the sign.
			w := math.Float32frombits(math.Float32bits(m.w[int(fs[i].h)*m.stride+md]) &^ (1 << 31))
			if w < thr || w == 0 {
				continue
			}
			if k == explainTop && w == aw[k-1] && m.names.at(int(fs[i].h)) > m.names.at(int(fs[top[k-1]].h)) {
				continue
			}
			if k < explainTop {
				k++
			}
			p := k - 1
			for p > 0 && (w > aw[p-1] || w == aw[p-1] && m.names.at(int(fs[i].h)) < m.names.at(int(fs[top[p-1]].h))) {
				top[p], aw[p] = top[p-1], aw[p-1]
				p--
			}
			top[p], aw[p] = i, w
			if k == explainTop {
				thr = aw[k-1]
			}
		}
		from := len(sc.reasons)
		for _, i := range top[:k] {
			f := fs[i]
			sc.reasons = append(sc.reasons, Reason{Feature: m.names.at(int(f.h)), Weight: m.weight(int(f.h), md), Start: int(f.start), End: int(f.end)})
		}
		// Because is set by the score stage, from the range [from, to).
		sc.scores = append(sc.scores, Prob{Device: a.devices[d], P: round4(float64(sc.probs[si*nd+d]))})
		sc.reasonOff = append(sc.reasonOff, [2]int32{int32(from), int32(len(sc.reasons))})
	}
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
