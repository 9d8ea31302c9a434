package lexicon

import "strings"

// parseLexicoder reads a Lexicoder .lc3 dictionary: a line "+NAME" opens a
// category and each following non-blank line is one pattern of it (a word, a
// phrase, or a word with a trailing * wildcard). White space inside a
// category name becomes '_'. Every weight is 1.
func parseLexicoder(name string, text string) (*Lexicon, error) {
	b := newForeignBuilder(name, true)
	cat := -1
	b.expect(strings.Count(text, "\n") + 1) // about one entry a line
	for l := range textLines(text) {
		if !checkLine(&b.errs, name, l) {
			continue
		}
		i := leadingSpace(l.text)
		t := trimRightSpace(l.text[i:])
		if t == "" {
			continue
		}
		if t[0] == '+' {
			k := 1 + leadingSpace(t[1:])
			cname := categoryName(t[1:])
			if cname == "" {
				b.errorf(b.pos(l, i), ErrBadName, "category line %q has no name", clip(t))
				cat = -2
				continue
			}
			cat = b.category(cname, "", b.pos(l, i+k))
			continue
		}
		switch cat {
		case -1:
			b.errorf(b.pos(l, i), ErrNoCategory, "pattern %q before the first +CATEGORY line", clip(t))
		case -2: // under a bad category line, which is reported
		default:
			b.entry(cat, t, 1, b.pos(l, i))
		}
	}
	return b.finish()
}
