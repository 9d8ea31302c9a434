package rhetoric

import (
	"cmp"
	"slices"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

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

// insidePatient reports whether the actor starting at token i inside the
// cue [first, last) is the cue's object rather than its agent: it does not
// open the cue and does not follow "of" or "by" ("shield terrorists",
// "arm terrorists" blame whoever shields or arms them; "NATO expansion" and
// "expansion of NATO" name NATO).
func insidePatient(toks []tokenize.Token, first, i int) bool {
	if i <= first {
		return false
	}
	switch toks[i-1].Norm {
	case "of", "by":
		return false
	}
	return true
}

// frontedPrepositions open a sentence-initial prepositional phrase, which
// has no subject: an actor in it ("Despite the Security Council's
// resolutions, some countries ...") is not the subject of the clause after
// its comma. "Under" is left out: it names who is in control ("Under
// Russian occupation, Crimea has become a military stronghold").
var frontedPrepositions = map[string]bool{
	"despite": true, "notwithstanding": true, "in": true, "with": true, "within": true, "without": true,
	"following": true, "for": true, "during": true, "throughout": true, "through": true,
	"given": true, "among": true, "amid": true, "amidst": true, "regarding": true, "concerning": true,
	"unlike": true, "like": true, "beyond": true, "at": true, "on": true, "from": true, "against": true,
	"according": true, "apart": true, "besides": true,
}

// frontedEnd returns the index of the comma that closes a prepositional
// phrase opening sentence s ("Despite ..., "), when it lies before token
// first, or -1. The search stops at a hard boundary or after agentReach
// tokens.
func frontedEnd(toks []tokenize.Token, s tokenize.Sentence, first int) int {
	if s.First >= first || !frontedPrepositions[toks[s.First].Norm] {
		return -1
	}
	for i := s.First + 1; i < first && i <= s.First+agentReach; i++ {
		if toks[i].Text == "," {
			return i
		}
		if hardBoundary(&toks[i]) {
			return -1
		}
	}
	return -1
}

// actorAround returns the actor match that starts before token first and
// reaches into the cue [first, last), or -1 (aliases are assumed to be at
// most 8 tokens long, as in inActor).
func actorAround(sc *scratch, first, last int) int32 {
	for k := first - 1; k >= 0 && k > first-8; k-- {
		if j := sc.actAt[k]; j >= 0 && sc.actors[j].Last > first && sc.actors[j].First < last {
			return j
		}
	}
	return -1
}
