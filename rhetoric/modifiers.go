package rhetoric

import (
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// modifiers is the modifier stage: for every hit, in place order, it sets
// the sentence, applies the negators, intensifiers and hedges of the
// lexicon in the cue's clause (flags, weight) and records the modifier
// tokens that applied in sc.mbuf.
func (a *Analyzer) modifiers(doc *tokenize.Document, sc *scratch) {
	sc.modLo = 0
	for i := range sc.hits {
		h := &sc.hits[i]
		if h.part {
			negatedPart(doc, sc, h)
		}
		a.modify(doc, sc, h)
	}
}

// negatedPart negates a hit on a part of a compound when an earlier part is
// a negating prefix ("non-aggression pact" performs no blame; the
// grammar's negating-prefix class). A lexicon
// entry for the whole compound ("non-interference") matches the whole token
// and is not affected.
func negatedPart(doc *tokenize.Document, sc *scratch, h *xhit) {
	for _, p := range doc.PartsOf(h.first) {
		if p.Start >= h.Start {
			return
		}
		if sc.g.negPrefix.has(&p) {
			h.Negated = true
			sc.mbuf = append(sc.mbuf, Modifier{Kind: lexicon.Negator, Text: p.Text, Start: p.Start, End: p.End})
			h.nmods++
			return
		}
	}
}

// modify sets the sentence and the modifiers and weight of hit h.
func (a *Analyzer) modify(doc *tokenize.Document, sc *scratch, h *xhit) {
	first, last := h.first, h.last
	h.Sentence = int(sc.sentOf[first])
	cl := sc.clause[first]
	mods := a.mods
	negW, modW := a.opts.NegationWindow, a.opts.ModifierWindow
	reach := max(negW, modW)
	h.mods = len(sc.mbuf) - h.nmods // a negating compound prefix may already be there
	// Modifier matches are ordered by First: find those starting in
	// [first-reach-8, last+reach) (8 bounds a modifier's length).
	// Hits arrive in token order, so the lower bound only moves forward.
	lo := sc.modLo
	for lo < len(sc.mods) && sc.mods[lo].First < first-reach-8 {
		lo++
	}
	sc.modLo = lo
	for j := lo; j < len(sc.mods); j++ {
		m := sc.mods[j]
		if m.First >= last+modW {
			break
		}
		if m.Last > first && m.First < last {
			continue // overlaps the cue: the entry accounts for it
		}
		if !sameClause(sc.clause, m.First, first, m.Last, cl) {
			continue
		}
		md := mods[m.Index]
		if !a.inScope(m.Index, h.dev) {
			continue
		}
		before := m.Last <= first
		var dist int // tokens strictly between the modifier and the cue
		if before {
			dist = first - m.Last
		} else {
			dist = m.First - last
		}
		switch md.Kind {
		case lexicon.Negator:
			if !before || dist >= negW || sc.cancelled(m.Last, first) || a.breachBetween(sc, m.Last, last) {
				continue
			}
			h.Negated = !h.Negated // two negators cancel: "no peace without justice"
		case lexicon.Intensifier:
			if dist >= modW {
				continue
			}
			// After the cue only adverbs and phrases intensify it ("condemn
			// in the strongest terms", "reject categorically"); an adjective
			// there belongs to a later noun ("attacks are flagrant violations").
			if !before && m.Last-m.First == 1 && !sc.is(&sc.g.adverb, m.First) {
				continue
			}
			h.Intensified = true
			h.Weight *= md.Factor
		case lexicon.Hedge:
			if dist >= modW {
				continue
			}
			h.Hedged = true
			h.Weight *= md.Factor
		default:
			continue
		}
		sc.mbuf = append(sc.mbuf, Modifier{Kind: md.Kind, Text: doc.Text[m.Start:m.End], Start: m.Start, End: m.End})
		h.nmods++
	}
}

// cancelled reports whether a negation canceller lies in tokens [from, to):
// a word between a negator and a cue that undoes the negation ("not only",
// "never again", "has never refused"; the grammar's negation-canceller
// class).
func (sc *scratch) cancelled(from, to int) bool {
	g := sc.g
	for i := from; i < to; i++ {
		if sc.is(&g.negCancel, i) {
			return true
		}
	}
	return false
}
