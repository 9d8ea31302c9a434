package rhetoric

import (
	"math/bits"
	"slices"

	"github.com/rhetorica/rhetorica/tokenize"
)

// decide is the decision stage: which devices each sentence performs.
//
// Its input is plain data: the document's hits after the modifier and
// target stages (device index, sentence, flags, weight and target of each),
// sorted by place, so the hits of one sentence are contiguous. Its output is
// the set of devices each sentence performs: for sentence s and device
// index d, bit d%64 of performs[s*pw+d/64] (pw = perfWords(len(a.devices)),
// one word for up to 64 devices), stored in sc.performs and read by the
// score stage for detected counts, spans and explanations.
//
// With a model (the default), a device the model knows is performed when
// the model's probability reaches the device's threshold; the
// explanations go to sc.scores and sc.reasons and the features found in
// the model to sc.sink (sentence s owns sc.sink.fs[sc.fOff[s]:sc.fOff[s+1]]). A device
// the model does not know, and every device with Options.NoModel, follows
// the lexicon rule: a sentence performs a device when it has a non-negated
// hit of that device.
func (a *Analyzer) decide(doc *tokenize.Document, sc *scratch) {
	hits := sc.hits
	nsent := len(doc.Sentences)
	nd := len(a.devices)
	pw := perfWords(nd)
	performs := slices.Grow(sc.performs[:0], nsent*pw)[:nsent*pw]
	clear(performs)
	sc.performs = performs
	for i := range hits {
		h := &hits[i]
		// w-attr: a disputed claim or a hit in an excluded turn is not the
		// speaker's move (Hit.Counts).
		if !h.Counts() || h.Sentence < 0 || h.Sentence >= nsent || (a.model != nil && a.mdev[h.dev] >= 0) {
			continue
		}
		performs[h.Sentence*pw+h.dev>>6] |= 1 << (h.dev & 63)
	}
	if a.model == nil {
		return
	}
	m := a.model
	mnd := len(m.devices)
	k := &sc.sink
	k.begin(m)
	sc.fOff = sc.fOff[:0]
	sc.scores, sc.reasons, sc.scoreOff = sc.scores[:0], sc.reasons[:0], sc.scoreOff[:0]
	if cap(sc.z) < mnd {
		sc.z = make([]float64, mnd)
	}
	z := sc.z[:mnd]
	sc.prob = slices.Grow(sc.prob[:0], nd)[:nd]
	nw := (len(a.modeled) + 63) / 64
	sc.shown = slices.Grow(sc.shown[:0], nw)[:nw]
	sc.visit = slices.Grow(sc.visit[:0], nw)[:nw]
	lo, kt := 0, 0
	for si := range doc.Sentences {
		hi := lo
		for hi < len(hits) && hits[hi].Sentence == si {
			hi++
		}
		k.next()
		from := len(k.fs)
		sc.fOff = append(sc.fOff, from)
		a.sentenceFeatures(doc, sc, si, hits[lo:hi], k)
		copy(z, m.bias)
		// Four rows at a time: each z[d] still adds the rows' weights one
		// after the other in the order of the features (so the sums are
		// the same to the last bit), but is loaded and stored once for
		// four of them. The four rows' loads do not depend on one
		// another, nor on the sums of the rows before, so the processor
		// overlaps their cache misses (a row is one cache line) without a
		// pass that reads them ahead.
		fs := k.fs[from:]
		for len(fs) >= 4 {
			r0 := m.w[int(fs[0].h)*m.stride:][:mnd]
			r1 := m.w[int(fs[1].h)*m.stride:][:mnd]
			r2 := m.w[int(fs[2].h)*m.stride:][:mnd]
			r3 := m.w[int(fs[3].h)*m.stride:][:mnd]
			for d := range z {
				v := z[d]
				v += float64(r0[d])
				v += float64(r1[d])
				v += float64(r2[d])
				v += float64(r3[d])
				z[d] = v
			}
			fs = fs[4:]
		}
		for _, f := range fs {
			row := m.w[int(f.h)*m.stride:][:mnd]
			for d := range z {
				z[d] += float64(row[d])
			}
		}
		// A sentence of an excluded turn (Options.ExcludeSpeakers) is shown
		// but performs nothing, as its hits do not count.
		kt = turnAt(sc.turns, doc.Sentences[si].Start, kt)
		excluded := kt >= 0 && sc.turns[kt].excluded
		// The devices shown are those decided and those with a hit in the
		// sentence (see decideSentence).
		row := performs[si*pw : (si+1)*pw]
		a.decideSentence(sc, z, row, hits[lo:hi], excluded)
		if excluded {
			clear(row)
		}
		sc.scoreOff = append(sc.scoreOff, len(sc.scores))
		a.explain(sc, k.fs[from:])
		lo = hi
	}
	sc.fOff = append(sc.fOff, len(k.fs))
	sc.scoreOff = append(sc.scoreOff, len(sc.scores))
}

// decideSentence is the decision of a sentence given its scores z (by
// model device), its hits, and performs, the sentence's row of
// sc.performs: it sets the probability of every device shown (sc.prob)
// and marks in sc.shown the devices to explain, those with a hit in the
// sentence and those decided (unless excluded, a sentence of an excluded
// turn, which shows its devices but performs none). The probability of
// any other device is not needed, so only the devices with a hit and
// those whose score reaches the cut (Model.zcut) are visited: they are
// found as bits (sc.visit) in one pass over the scores, then visited in
// the order of a.modeled, and the others cost no exponential.
func (a *Analyzer) decideSentence(sc *scratch, z []float64, performs []uint64, hits []xhit, excluded bool) {
	m, shown, visit := a.model, sc.shown, sc.visit
	clear(shown)
	for i := range hits {
		if x := a.modIdx[hits[i].dev]; x >= 0 {
			shown[x>>6] |= 1 << (x & 63)
		}
	}
	copy(visit, shown)
	zcut, xOf := m.zcut[:len(z)], a.modOf[:len(z)]
	for md, v := range z {
		if x := xOf[md]; !(v < zcut[md]) && x >= 0 {
			visit[x>>6] |= 1 << (x & 63)
		}
	}
	for wi, w := range visit {
		for ; w != 0; w &= w - 1 {
			x := wi*64 + bits.TrailingZeros64(w)
			d, md := a.modeled[x].d, a.modeled[x].md
			p := sigmoid(z[md])
			sc.prob[d] = float32(p)
			if p >= m.thr[md] && !excluded {
				performs[d>>6] |= 1 << (d & 63)
				shown[x>>6] |= 1 << (x & 63)
			}
		}
	}
}

// modeledDevice is a device the model decides: its index d and its
// index md in the model.
type modeledDevice struct{ d, md int }

// spanTarget returns the target code of device d in a sentence whose hits
// are hits (a run of sc.hits): the first actor named by a non-negated hit
// of d, else NONE when d has such hits; with none, the first actor named by
// any non-negated hit of a device that takes a target, else NONE.
func (a *Analyzer) spanTarget(hits []xhit, d int) string {
	seen := false
	for i := range hits {
		h := &hits[i]
		if h.dev != d || h.Negated {
			continue
		}
		seen = true
		if h.tgt != a.noneIdx {
			return a.tcodes[h.tgt]
		}
	}
	if seen {
		return TargetNone
	}
	for i := range hits {
		h := &hits[i]
		if h.Negated || !a.takesTarget[h.dev] {
			continue
		}
		if h.tgt != a.noneIdx {
			return a.tcodes[h.tgt]
		}
	}
	return TargetNone
}

// choosesTarget reports whether the model chooses the target of device d
// (it has target weights for d); otherwise [Analyzer.spanTarget] does.
func (a *Analyzer) choosesTarget(d int) bool {
	return a.model != nil && a.mdev[d] >= 0 && a.model.targets[a.mdev[d]]
}

// chooseTarget returns the target of device d, decided in sentence si
// whose hits are hits: with a model that has target weights for d, the
// candidate (NONE or an actor named in the sentence) with the largest sum
// of weights, the first such on a tie; otherwise [Analyzer.spanTarget].
// cands are the sentence's candidates ([Analyzer.candidates]), which do
// not depend on d, so the caller finds them once per sentence; nil when
// the model does not choose d's target.
//
// NONE comes first among the candidates, so a sentence that offers no
// other wins NONE without its features being summed.
//
// Most of a candidate's features do not depend on the device, and a
// sentence may decide several devices that take a target: the first call
// for a sentence makes its candidates' plan ([Analyzer.planTargets]) and
// every call sums it, finding only the features that depend on d. Each
// sum adds the same weights in the same order as over
// [Analyzer.candidateFeatures] with d, so it is the same to the last bit.
func (a *Analyzer) chooseTarget(doc *tokenize.Document, sc *scratch, si int, hits []xhit, d int, cands []int) string {
	if !a.choosesTarget(d) {
		return a.spanTarget(hits, d)
	}
	if len(cands) == 1 {
		return a.tcodes[cands[0]]
	}
	if !sc.planned {
		a.planTargets(doc, sc, si, hits, cands)
	}
	dh := devHitsOf(hits, d, a.noneIdx)
	best, bestZ := a.noneIdx, 0.0
	for ci, c := range cands {
		if z := a.planSum(doc, sc, si, hits, d, dh, ci); ci == 0 || z > bestZ {
			best, bestZ = c, z
		}
	}
	return a.tcodes[best]
}

// planSum returns the sum of the weights for device d (whose hits among
// hits are dh) of the features of candidate cands[ci] in sentence si, in
// their order, from the sentence's target plan.
func (a *Analyzer) planSum(doc *tokenize.Document, sc *scratch, si int, hits []xhit, d int, dh devHits, ci int) float64 {
	m := a.model
	md := a.mdev[d]
	z := 0.0
	for _, f := range sc.psink.fs[sc.planOff[ci]:sc.planOff[ci+1]] {
		switch {
		case f.start >= 0:
			z += float64(m.w[int(f.h)*m.stride+md])
		case f.start == stepCond:
			if dh.first < 0 {
				continue
			}
			row := int32(uint32(f.h))
			if int(f.end) >= dh.first {
				row = int32(uint32(f.h >> 32))
			}
			if row >= 0 {
				z += float64(m.w[int(row)*m.stride+md])
			}
		default:
			k := &sc.tsink
			k.begin(m)
			if f.start == stepNone {
				a.noneHitFeature(dh, 0, 0, k)
				a.speakerFeature(sc, d, a.noneIdx, 0, 0, k)
			} else {
				a.deviceFeatures(doc, sc, si, hits, d, ci, k)
			}
			for _, g := range k.fs {
				z += float64(m.w[int(g.h)*m.stride+md])
			}
		}
	}
	return z
}

// planTargets makes the target plan of sentence si, whose hits are hits
// and candidates cands: each candidate's features for no device in
// particular ([Analyzer.candidateFeatures] with d = -1), in sc.psink.
func (a *Analyzer) planTargets(doc *tokenize.Document, sc *scratch, si int, hits []xhit, cands []int) {
	k := &sc.psink
	k.begin(a.model)
	sc.planOff = append(sc.planOff[:0], 0)
	for ci := range cands {
		a.candidateFeatures(doc, sc, si, hits, -1, ci, cands, k)
		k.endPlan()
		sc.planOff = append(sc.planOff, len(k.fs))
	}
	sc.planned = true
}
