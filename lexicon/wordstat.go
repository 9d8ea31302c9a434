package lexicon

import (
	"strings"
)

// parseWordStat reads a WordStat .cat file: categories nested by leading tabs
// (one tab per level), each entry a line "WORD (WEIGHT)" one level deeper than
// its category. Categories are flattened to paths joined by '/'
// ("ECONOMY/+STATE+"), in the order of their headers; a header with no entry
// of its own (only sub-categories) does not become a category. Inside a word
// '_' joins the words of a phrase ("WAR_IN_IRAQ" becomes "WAR IN IRAQ"), a
// trailing '*' is a wildcard as in our syntax, and the number in parentheses
// is the entry's weight. White space inside a category name becomes '_'.
//
// One quirk of real files is accepted: a word whose wildcard is followed by
// an opening parenthesis, as in RID.CAT's "PENITEN*(CIARY (1)", is read as
// the wildcard alone (PENITEN*), with a warning in [Lexicon.Warnings].
// Repeats of a pattern in one category are kept once.
func parseWordStat(name string, text string) (*Lexicon, error) {
	b := newForeignBuilder(name, true)
	var (
		path []string // names of the open headers, by depth
		cats []int    // their category index
		used []bool   // by category index: has an entry
	)
	b.expect(strings.Count(text, "\n") + 1) // about one entry a line
	for l := range textLines(text) {
		if !checkLine(&b.errs, name, l) {
			continue
		}
		depth := 0
		for depth < len(l.text) && l.text[depth] == '\t' {
			depth++
		}
		i := depth + leadingSpace(l.text[depth:])
		t := trimRightSpace(l.text[i:])
		if t == "" {
			continue
		}
		if depth > maxDepth {
			b.errorf(b.pos(l, 0), ErrSyntax, "categories nested more than %d levels deep", maxDepth)
			continue
		}
		word, weight, wAt, isEntry := splitWordStatEntry(t)
		if !isEntry {
			if depth > len(path) {
				b.errorf(b.pos(l, 0), ErrSyntax, "category %q is indented deeper than one level below its parent", clip(t))
				continue
			}
			path = append(path[:depth], categoryName(t))
			cats = cats[:depth]
			c := b.category(strings.Join(path, "/"), "", b.pos(l, i))
			cats = append(cats, c)
			used = append(used, false)
			continue
		}
		if depth == 0 {
			b.errorf(b.pos(l, i), ErrNoCategory, "entry %q is not indented under a category", clip(t))
			continue
		}
		if depth > len(path) {
			b.errorf(b.pos(l, 0), ErrSyntax, "entry %q is indented deeper than one level below its category", clip(t))
			continue
		}
		w := b.weight(l, weight, i+wAt, 1, func(v float64) bool { return v > 0 }, "an entry's weight must be > 0")
		if word == "" {
			b.errorf(b.pos(l, i), ErrEmptyPattern, "empty pattern")
			continue
		}
		if k := strings.Index(word, "*("); k >= 0 {
			b.warnf(b.pos(l, i+k+1), ErrSyntax, "entry %q read as %q", clip(word), word[:k+1])
			word = word[:k+1]
		}
		c := cats[depth-1]
		used[c] = true
		b.entry(c, strings.ReplaceAll(word, "_", " "), w, b.pos(l, i))
	}
	// Drop the headers that have no entries of their own.
	b.keepCategories(used)
	return b.finish()
}

// splitWordStatEntry splits "WORD (1)" into the word, the weight text and
// its offset; a line that does not end in a parenthesised number is a
// header.
func splitWordStatEntry(t string) (word, weight string, weightAt int, ok bool) {
	if !strings.HasSuffix(t, ")") {
		return "", "", 0, false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return "", "", 0, false
	}
	inner := t[open+1 : len(t)-1]
	w := strings.TrimSpace(inner)
	if w == "" || strings.Trim(w, "0123456789.+-eE") != "" {
		return "", "", 0, false // "PRO (ENVIRONMENT)" is a header
	}
	k := leadingSpace(inner)
	return trimRightSpace(t[:open]), w, open + 1 + k, true
}
