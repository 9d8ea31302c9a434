package rhetoric

import (
	"cmp"
	"slices"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// ImperativeEntry is the Hit.Entry of a call to action found from grammar.
const ImperativeEntry = "(imperative)"

// cues is the cue stage: it runs the matcher once over doc, splits the
// matches into cues (category matches of reported devices), modifiers and
// actors (the speaker's own side dropped, overlaps resolved), indexes the
// actors by token, and makes a hit of every cue and, in a tagged document,
// of every imperative. The hits in sc.hits are sorted by place (start, then
// device, then end) and carry their device, cue tokens, entry, text, span
// and entry weight; the later stages fill in the rest.
func (a *Analyzer) cues(doc *tokenize.Document, sc *scratch) {
	toks := doc.Tokens
	n := len(toks)
	sc.matches = a.find(doc, sc.matches[:0])
	sc.cues, sc.mods, sc.actors = sc.cues[:0], sc.mods[:0], sc.actors[:0]
	hint := 0
	for _, m := range sc.matches {
		if m.First < 0 || m.Last > n || m.First >= m.Last || m.Start < 0 || m.End > len(doc.Text) || m.Start > m.End {
			continue // defensive: never trust indices blindly
		}
		if sc.inLabel(m.Start, &hint) {
			// A speaker label is no text of the turn: "PRESIDENT
			// ZELENSKYY:" names the speaker, not an actor of the sentence.
			continue
		}
		switch m.Kind {
		case lexicon.CategoryMatch:
			if m.Index >= 0 && m.Index < len(a.catDev) && a.catDev[m.Index] >= 0 && m.Entry >= 0 && m.Entry < a.lex.NumEntries(m.Index) {
				sc.cues = append(sc.cues, m)
			}
		case lexicon.ModifierMatch:
			if m.Index >= 0 && m.Index < len(a.mods) {
				sc.mods = append(sc.mods, m)
			}
		case lexicon.ActorMatch:
			if m.Index >= 0 && m.Index < len(a.actors) && !sc.isOwnSide(m.First, m.Last) && !sc.inPlaceName(m.First, m.Last) {
				sc.actors = append(sc.actors, m)
			}
		}
	}
	indexActors(sc, n)
	sc.hasVenue = false
	for _, m := range sc.actors {
		if sc.inVenue(m.First, m.Last) {
			sc.hasVenue = true
			break
		}
	}
	if sc.hasVenue {
		// Index the actors without venues into sc.alt.
		sc.swapActors()
		sc.actors = sc.actors[:0]
		for _, m := range sc.alt.actors {
			if !sc.inVenue(m.First, m.Last) {
				sc.actors = append(sc.actors, m)
			}
		}
		indexActors(sc, n)
		sc.swapActors()
	}
	a.dropNamedCues(doc, sc)

	// Hits from the lexicon.
	cats := a.cats
	for _, m := range sc.cues {
		e := a.lex.Entry(m.Index, m.Entry)
		sc.hits = append(sc.hits, xhit{dev: a.catDev[m.Index], first: m.First, last: m.Last, part: m.Part, Hit: Hit{
			Device: cats[m.Index].Name, Entry: e.Pattern, Text: doc.Text[m.Start:m.End],
			Start: m.Start, End: m.End, Weight: e.Weight,
		}})
	}
	if a.hasBreach {
		a.breachHits(doc, sc)
	}
	// Hits from grammar.
	if doc.Tagged && a.ctaDev >= 0 {
		a.imperatives(doc, sc)
	}
	if !sortedByPlace(sc.hits) {
		slices.SortStableFunc(sc.hits, byPlace)
	}
}

// sortedByPlace reports whether hits are in byPlace order. It compares
// them where they lie: slices.IsSortedFunc passes two hits, of some 200
// bytes each, by value to every comparison.
func sortedByPlace(hits []xhit) bool {
	for i := 1; i < len(hits); i++ {
		if comparePlace(&hits[i], &hits[i-1]) < 0 {
			return false
		}
	}
	return true
}

// byPlace orders hits by start, then device, then end.
func byPlace(x, y xhit) int { return comparePlace(&x, &y) }

// comparePlace is byPlace on pointers.
func comparePlace(x, y *xhit) int {
	if c := cmp.Compare(x.Start, y.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(x.dev, y.dev); c != 0 {
		return c
	}
	return cmp.Compare(x.End, y.End)
}

// indexActors resolves overlaps between sc.actors and fills the token
// indexes actAt and actEnd for a document of n tokens.
func indexActors(sc *scratch, n int) {
	sc.actors = longestActors(sc.actors)
	sc.actAt = fillNone(grow32(sc.actAt, n+1))
	sc.actEnd = fillNone(grow32(sc.actEnd, n+1))
	for j, m := range sc.actors {
		if sc.actAt[m.First] < 0 {
			sc.actAt[m.First] = int32(j)
		}
		if sc.actEnd[m.Last] < 0 {
			sc.actEnd[m.Last] = int32(j)
		}
	}
}

// fillNone sets every element of s to -1 and returns s. It doubles the
// filled prefix with copy, which moves many bytes a step, where a loop
// stores one element at a time (a document's token indexes are as long as
// its tokens).
func fillNone(s []int32) []int32 {
	if len(s) == 0 {
		return s
	}
	s[0] = -1
	for k := 1; k < len(s); k *= 2 {
		copy(s[k:], s[:k])
	}
	return s
}

// prevActor returns the actor match with the largest Last <= i (of those,
// the first), or -1. sc.actors is ordered by place and its matches do not
// overlap (longestActors), so both their First and their Last ascend, and
// a binary search finds it: the rules ask for it a few times a hit, which
// costs less than an index of every token.
func (sc *scratch) prevActor(i int) int32 {
	as := sc.actors
	lo, hi := 0, len(as) // the first match with Last > i
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); as[h].Last <= i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo == 0 {
		return -1
	}
	last := as[lo-1].Last
	lo, hi = 0, lo-1 // the first match with that Last
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); as[h].Last < last {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return int32(lo)
}

// nextActor returns the first actor match with First >= i, or -1 (see
// prevActor).
func (sc *scratch) nextActor(i int) int32 {
	as := sc.actors
	lo, hi := 0, len(as)
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); as[h].First < i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo == len(as) {
		return -1
	}
	return int32(lo)
}

// longestActors resolves overlaps between the actor matches of different
// actors, in place: of overlapping matches it keeps the leftmost, then the
// longest, then the one of the actor listed first, so that "the West Bank"
// (listed under another actor) is not also "the West". The matcher resolves
// overlaps only within one actor. Parts of one hyphenated compound do not
// overlap ("U.S.-Russia" names both). The result is ordered by Start.
func longestActors(ms []lexicon.Match) []lexicon.Match {
	if !slices.IsSortedFunc(ms, actorOrder) {
		slices.SortStableFunc(ms, actorOrder)
	}
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start < end {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}

// actorOrder orders actor matches by Start, then longest first, then actor
// index.
func actorOrder(x, y lexicon.Match) int {
	if c := cmp.Compare(x.Start, y.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(y.End, x.End); c != 0 {
		return c
	}
	return cmp.Compare(x.Index, y.Index)
}

// imperatives adds a call_to_action hit for every clause of a tagged
// document that opens with a base-form verb (Penn tag VB) and does not end a
// question: the sentence start and the first word after ; or :. Words of
// the grammar's imperative-skip class may precede the verb; verbs of its
// imperative-not class open formulas ("thank you"), and a verb followed by
// an imperative-self word is the speaker's own move ("let me").
func (a *Analyzer) imperatives(doc *tokenize.Document, sc *scratch) {
	toks, g := doc.Tokens, sc.g
	for _, s := range doc.Sentences {
		if s.Last <= s.First || s.Last > len(toks) {
			continue
		}
		if toks[s.Last-1].Norm == "?" {
			continue
		}
		open := true
		for i := s.First; i < s.Last; i++ {
			t := &toks[i]
			if t.Kind == tokenize.Punct {
				if t.Norm == ";" || t.Norm == ":" {
					open = true
				}
				continue
			}
			if !open {
				continue
			}
			if g.impSkip.has(t) {
				continue
			}
			open = false
			if t.Tag != "VB" || g.impNot.has(t) {
				continue
			}
			if i+1 < s.Last && sc.is(&g.impSelf, i+1) {
				continue // "let me", "allow me": the speaker's own move
			}
			if a.coveredByCTA(sc, i) {
				continue
			}
			sc.hits = append(sc.hits, xhit{dev: a.ctaDev, first: i, last: i + 1, Hit: Hit{
				Device: a.devices[a.ctaDev], Entry: ImperativeEntry, Text: t.Text, Start: t.Start, End: t.End, Weight: 1,
			}})
		}
	}
}

// coveredByCTA reports whether a lexicon call_to_action hit already covers token i.
func (a *Analyzer) coveredByCTA(sc *scratch, i int) bool {
	// Cues are ordered by First; a cue covering i starts at most 16 tokens
	// before it (patterns are short).
	k, _ := slices.BinarySearchFunc(sc.cues, i-16, func(m lexicon.Match, t int) int { return cmp.Compare(m.First, t) })
	for ; k < len(sc.cues) && sc.cues[k].First <= i; k++ {
		if m := sc.cues[k]; m.Last > i && a.catDev[m.Index] == a.ctaDev {
			return true
		}
	}
	return false
}

// actorView is a set of actor matches and their token indexes (see
// scratch).
type actorView struct {
	actors        []lexicon.Match
	actAt, actEnd []int32
}

// swapActors exchanges the actor indexes of sc with sc.alt.
func (sc *scratch) swapActors() {
	sc.actors, sc.alt.actors = sc.alt.actors, sc.actors
	sc.actAt, sc.alt.actAt = sc.alt.actAt, sc.actAt
	sc.actEnd, sc.alt.actEnd = sc.alt.actEnd, sc.actEnd
}
