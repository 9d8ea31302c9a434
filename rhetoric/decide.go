package rhetoric

// decide is the decision stage: which devices each sentence performs.
//
// Its input is plain data: the document's hits after the modifier and
// target stages (device index, sentence, flags, weight and target of each),
// sorted by place, so the hits of one sentence are contiguous; and the
// number of sentences. Its output is the set of devices each sentence
// performs: performs[s*nd+d] for sentence s and device index d (nd =
// len(a.devices)), stored in sc.performs and read by the score stage for
// coverage and spans.
//
// The rule today: a sentence performs a device when it has a non-negated
// hit of that device.
//
// SEAM: a learned per-sentence model replaces this rule here. It keeps the
// contract above (hits in, a device set per sentence out) and may read any
// field of the hits; nothing before this stage depends on its decision.
func (a *Analyzer) decide(hits []xhit, nsent int, sc *scratch) {
	nd := len(a.devices)
	performs := sc.performs[:0]
	performs = append(performs, make([]bool, nsent*nd)...)
	for i := range hits {
		h := &hits[i]
		// w-attr: a disputed claim or a hit in an excluded turn is not the
		// speaker's move (Hit.Counts).
		if !h.Counts() || h.Sentence < 0 || h.Sentence >= nsent {
			continue
		}
		performs[h.Sentence*nd+h.dev] = true
	}
	sc.performs = performs
}
