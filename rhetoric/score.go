package rhetoric

import (
	"cmp"
	"math"
	"math/bits"
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
	tallies := slices.Grow(sc.tallies[:0], nd)[:nd]
	clear(tallies) // the targets of the last report are its own
	sc.tallies = tallies
	// A recycled report's device scores hold cleared buffers for their
	// targets.
	for d, x := range sc.re.devs[:min(nd, len(sc.re.devs))] {
		tallies[d].targets = x.Targets
	}
	// tcount[d*nt+k] counts the hits of device d with target tcodes[k].
	tcount := sc.tcount[:0]
	tcount = append(tcount, make([]int32, nd*nt)...)
	sc.tcount = tcount
	// seen[s*nd+d] records that sentence s performs device d.
	ns := len(doc.Sentences)
	seen := slices.Grow(sc.seen[:0], ns*nd)[:ns*nd]
	clear(seen)
	sc.seen = seen
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
	pw := perfWords(nd)
	for i, w := range sc.performs {
		for d := i % pw * 64; w != 0; w &= w - 1 {
			tallies[d+bits.TrailingZeros64(w)].detected++
		}
	}
	r.Devices = sized(sc.re.devs, nd)
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
	scores, reasons := sc.re.scores, sc.re.reasons
	if m := a.model; m != nil && len(sc.scores) > 0 {
		scores = anchored(scores, len(sc.scores))
		reasons = sized(reasons, len(sc.reasons))
		for i, x := range sc.scores {
			for j := x.from; j < x.to; j++ {
				r := sc.reasons[j]
				reasons[j] = Reason{Feature: m.names.at(int(r.row)), Weight: m.weight(int(r.row), int(x.md)), Start: int(r.start), End: int(r.end)}
			}
			scores[i] = Prob{Device: a.devices[x.dev], P: round4(float64(x.p)), Because: reasons[x.from:x.to:x.to]}
		}
	}
	if cap(scores) > 0 {
		anchor(scores).Because = reasons[:0]
	}
	r.Spans = anchored(sc.re.spans, ns)
	names := sized(sc.re.names, countBits(performs))[:0]
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
		for i, w := range performs[si*pw : (si+1)*pw] {
			for ; w != 0; w &= w - 1 {
				d := i*64 + bits.TrailingZeros64(w)
				names = append(names, a.devices[d])
				if a.takesTarget[d] {
					if sp.Targets == nil {
						sp.Targets = sc.re.targetsMap()
					}
					if cands == nil && a.choosesTarget(d) {
						cands = a.candidates(doc, sc, si)
					}
					sp.Targets[a.devices[d]] = a.chooseTarget(doc, sc, si, hits, d, cands)
				}
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
	x := anchor(r.Spans)
	x.Devices, x.Scores = names[:0], scores[:0]
	if len(sc.turns) > 0 {
		a.scoreTurns(r, doc, sc)
	}
}

// scoreTurns fills r.Turns, marks the spans with their turn's speaker and
// leaves the words and sentences of excluded turns out of r's counts (and
// out of its per-1K rates and coverage, which are recomputed).
func (a *Analyzer) scoreTurns(r *Report, doc *tokenize.Document, sc *scratch) {
	r.Turns = sized(sc.re.turns, len(sc.turns))
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

// explain appends to sc.scores and sc.reasons the model's scores of the
// current sentence, whose features found in the model are fs, for the
// devices in sc.shown (those it decided and those with a hit there), with
// their probabilities in sc.prob. The decision stage calls it right after
// scoring the sentence, while its weights are in cache; it selects the top
// features without sorting them all and allocates nothing once the
// buffers have grown.
func (a *Analyzer) explain(sc *scratch, fs []feat) {
	m := a.model
	for wi, word := range sc.shown {
		for ; word != 0; word &= word - 1 {
			x := a.modeled[wi*64+bits.TrailingZeros64(word)]
			d, md := x.d, x.md
			// The reasons are the features of the largest |weight|, ties
			// going to the name that sorts first (see explainKey).
			var n int
			var at [explainTop]int32
			if len(fs) <= explainIdxMask+1 {
				n, at = topFeatures(m, md, fs)
			} else {
				n, at = topFeaturesLong(m, md, fs)
			}
			from := len(sc.reasons)
			for _, i := range at[:n] {
				f := fs[i]
				sc.reasons = append(sc.reasons, xreason{row: int32(f.h), start: f.start, end: f.end})
			}
			sc.scores = append(sc.scores, xscore{dev: int32(d), md: int32(md), p: sc.prob[d], from: int32(from), to: int32(len(sc.reasons))})
		}
	}
}

// The ranking key of a feature in explain: rows are numbered in name
// order, so one integer orders by |weight| and then name: |weight|'s
// float32 bits (31 bits, which order as the values do for values >= 0)
// above the complement of the row (24 bits, as rowMask bounds rows). The
// index of the feature in the sentence rides in the low 9 bits (a longer
// sentence goes through topFeaturesLong). Every key of a weighted feature
// is above keyFloor, and every key of a zero weight at most keyFloor.
const (
	explainIdxBits = 9
	explainIdxMask = 1<<explainIdxBits - 1
	keyFloor       = 1<<(24+explainIdxBits) - 1
)

// explainKey returns the ranking key of feature i of fs for model device
// md.
func explainKey(m *Model, md int, fs []feat, i int) uint64 {
	row := fs[i].h
	bits := math.Float32bits(m.w[int(row)*m.stride+md]) &^ (1 << 31)
	return uint64(bits)<<(24+explainIdxBits) | (^row&rowMask)<<explainIdxBits | uint64(i)&explainIdxMask
}

// topFeatures returns the indices into fs (len(fs) <= explainIdxMask+1) of
// the at most explainTop weighted features of largest key (explainKey,
// written out) for model device md, largest first. A feature enters when
// its key beats the last of the best five; it then sinks into place
// through minima and maxima, which compile to conditional moves: how far it
// goes is as random as the weights, and a loop's branch would mispredict on
// it.
func topFeatures(m *Model, md int, fs []feat) (int, [explainTop]int32) {
	t0, t1, t2, t3, t4 := uint64(keyFloor), uint64(keyFloor), uint64(keyFloor), uint64(keyFloor), uint64(keyFloor)
	const shift = 24 + explainIdxBits // of |weight|'s bits in a key
	// The model's table and stride in locals, and the entry bound of
	// |weight|'s bits kept beside t4: the loop loads only the feature's
	// row and its weight.
	w, stride := m.w[md:], m.stride
	lim := t4 >> shift
	for i := range fs {
		// A weight under the last of the best five loses whatever its
		// row: most features stop here, before their key is built.
		row := fs[i].h
		bits := uint64(math.Float32bits(w[int(row)*stride]) &^ (1 << 31))
		if bits < lim {
			continue
		}
		k := bits<<shift | (^row&rowMask)<<explainIdxBits | uint64(i)&explainIdxMask
		if k <= t4 {
			continue
		}
		t0, k = max(t0, k), min(t0, k)
		t1, k = max(t1, k), min(t1, k)
		t2, k = max(t2, k), min(t2, k)
		t3, k = max(t3, k), min(t3, k)
		t4 = max(t4, k)
		lim = t4 >> shift
	}
	n := 0
	var at [explainTop]int32
	for _, k := range [explainTop]uint64{t0, t1, t2, t3, t4} {
		if k <= keyFloor {
			break
		}
		at[n] = int32(k & explainIdxMask)
		n++
	}
	return n, at
}

// topFeaturesLong is topFeatures for a sentence of more features than the
// key has room for: it keeps their indices beside the keys.
func topFeaturesLong(m *Model, md int, fs []feat) (int, [explainTop]int32) {
	top := [explainTop]uint64{keyFloor, keyFloor, keyFloor, keyFloor, keyFloor}
	var at [explainTop]int32
	n := 0
	for i := range fs {
		k := explainKey(m, md, fs, i) &^ explainIdxMask
		if k <= top[explainTop-1] {
			continue
		}
		n = min(n+1, explainTop)
		p := explainTop - 1
		for p > 0 && k > top[p-1] {
			top[p], at[p] = top[p-1], at[p-1]
			p--
		}
		top[p], at[p] = k, int32(i)
	}
	return n, at
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// countBits returns the number of bits set in b.
func countBits(b []uint64) int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}
