package rhetoric

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Rules of reading that the lexicon states as data (see the lexicon
// package's "Scoped negators, stop-phrases and breaches") and one that it
// cannot, applied by the cue and modifier stages:
//
//   - a modifier with categories changes only the cues of those devices;
//   - a cue wholly inside a stop-phrase match does not count;
//   - a cue on one part of a hyphenated name, a compound whose every part is
//     capitalised ("Non-Proliferation", "Counter-Terrorism"), does not count:
//     the part names something, it does not describe it;
//   - a breach (compliance verb) under a negator is an accusation: a hit of
//     the breach's devices, and the negation does not cancel it or the cues
//     after it in the clause.

// scopeOf returns, per modifier of lex, nil when the modifier applies to
// every device, or else the devices (by index) it applies to, given the
// category-to-device map catDev.
func scopeOf(lex *lexicon.Lexicon, mods []lexicon.Modifier, catDev []int, ndev int) [][]bool {
	var scope [][]bool
	for i, m := range mods {
		if len(m.Categories) == 0 {
			continue
		}
		if scope == nil {
			scope = make([][]bool, len(mods))
		}
		scope[i] = make([]bool, ndev)
		for _, c := range m.Categories {
			if ci := lex.CategoryIndex(c); ci >= 0 && catDev[ci] >= 0 {
				scope[i][catDev[ci]] = true
			}
		}
	}
	return scope
}

// inScope reports whether modifier mi applies to device dev.
func (a *Analyzer) inScope(mi, dev int) bool {
	return a.modScope == nil || a.modScope[mi] == nil || (dev >= 0 && dev < len(a.modScope[mi]) && a.modScope[mi][dev])
}

// dropNamedCues removes from sc.cues, in place, the cues inside a
// stop-phrase match of their device and the part cues of hyphenated names.
// It needs sc.mods.
func (a *Analyzer) dropNamedCues(doc *tokenize.Document, sc *scratch) {
	var stops []lexicon.Match
	for _, m := range sc.mods {
		if a.mods[m.Index].Kind == lexicon.Stop {
			stops = append(stops, m)
		}
	}
	keep := sc.cues[:0]
	for _, m := range sc.cues {
		if m.Part && hyphenatedName(doc, m.First) {
			continue
		}
		dev := a.catDev[m.Index]
		if slices.ContainsFunc(stops, func(s lexicon.Match) bool {
			return s.First <= m.First && m.Last <= s.Last && a.inScope(s.Index, dev)
		}) {
			continue
		}
		keep = append(keep, m)
	}
	sc.cues = keep
}

// hyphenatedName reports whether token i is a compound of two or more parts
// that all begin with a capital letter.
func hyphenatedName(doc *tokenize.Document, i int) bool {
	parts := doc.PartsOf(i)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isUpperStart(p.Text) {
			return false
		}
	}
	return true
}

// isUpperStart reports whether s begins with an upper-case letter.
func isUpperStart(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z' // unicode.IsUpper's ASCII upper case
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// breachHits adds a hit of each of a breach's devices for every breach
// match governed by a negator (before it in its clause, within the
// negation window, nothing between that undoes the negation).
func (a *Analyzer) breachHits(doc *tokenize.Document, sc *scratch) {
	for _, m := range sc.mods {
		md := &a.mods[m.Index]
		if md.Kind != lexicon.Breach || len(md.Categories) == 0 || !a.negatedAt(doc, sc, m.First) {
			continue
		}
		for _, c := range md.Categories {
			ci := a.lex.CategoryIndex(c)
			if ci < 0 || a.catDev[ci] < 0 {
				continue
			}
			sc.hits = append(sc.hits, xhit{dev: a.catDev[ci], first: m.First, last: m.Last, Hit: Hit{
				Device: c, Entry: md.Pattern, Text: doc.Text[m.Start:m.End], Start: m.Start, End: m.End, Weight: 1,
			}})
		}
	}
}

// negatedAt reports whether an unscoped negator governs token first.
func (a *Analyzer) negatedAt(doc *tokenize.Document, sc *scratch, first int) bool {
	negW := a.opts.NegationWindow
	lo, _ := slices.BinarySearchFunc(sc.mods, first-negW-8, func(m lexicon.Match, t int) int { return cmp.Compare(m.First, t) })
	negated := false
	for j := lo; j < len(sc.mods) && sc.mods[j].First < first; j++ {
		m := sc.mods[j]
		md := &a.mods[m.Index]
		if md.Kind != lexicon.Negator || len(md.Categories) > 0 || m.Last > first || first-m.Last >= negW {
			continue
		}
		if !sameClause(sc.clause, m.First, first, m.Last, sc.clause[first]) || sc.cancelled(m.Last, first) {
			continue
		}
		negated = !negated
	}
	return negated
}

// breachBetween reports whether a breach match starts in tokens [from, to):
// a negator before it negates the compliance, not the cues after it.
func (a *Analyzer) breachBetween(sc *scratch, from, to int) bool {
	if !a.hasBreach {
		return false
	}
	j, _ := slices.BinarySearchFunc(sc.mods, from, func(m lexicon.Match, t int) int { return cmp.Compare(m.First, t) })
	for ; j < len(sc.mods) && sc.mods[j].First < to; j++ {
		if a.mods[sc.mods[j].Index].Kind == lexicon.Breach {
			return true
		}
	}
	return false
}
