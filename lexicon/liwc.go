package lexicon

import (
	"strconv"
	"strings"
)

// parseLIWC reads a LIWC .dic file: a header between two lines holding "%"
// that maps category ids to names ("1<TAB>posemo", or "1<TAB>posemo<TAB>text"
// with a description; white space inside a name becomes '_'), then one line
// per word:
// the word (possibly several words, or with a trailing * wildcard), a tab and
// the ids of its categories separated by blanks. Lines without a tab split at
// white space, the trailing numbers being the ids. Categories keep the order
// of the header, entries the order of the file; every weight is 1. The
// conditional ids of LIWC2007 ("134)53", "(02") cannot be represented: they
// are left out and reported in [Lexicon.Warnings].
func parseLIWC(name string, text string) (*Lexicon, error) {
	b := newForeignBuilder(name, true)
	ids := make(map[int]int) // LIWC id -> category index
	header := 0              // 0 before the header, 1 inside, 2 after
	var last line            // the last line, for an unclosed header
	nlines := 0
	for l := range textLines(text) {
		last = l
		nlines++
		if !checkLine(&b.errs, name, l) {
			continue
		}
		i := leadingSpace(l.text)
		t := trimRightSpace(l.text[i:])
		if t == "" {
			continue
		}
		switch header {
		case 0:
			if t != "%" {
				b.errorf(b.pos(l, i), ErrBadHeader, "a LIWC dictionary begins with a line holding %%, found %q", clip(t))
				return nil, b.errs.err()
			}
			header = 1
		case 1:
			if t == "%" {
				header = 2
				b.reserve(liwcCounts(text, ids, len(b.def.Categories)))
				continue
			}
			id, rest, restAt := splitField(t)
			n, err := strconv.Atoi(id)
			if err != nil || n < 0 {
				b.errorf(b.pos(l, i), ErrBadHeader, "category id %q is not a number", clip(id))
				continue
			}
			// "1<TAB>name<TAB>description": a second tab starts a
			// description; otherwise the words of the name are joined by _.
			desc := ""
			if tab := strings.IndexByte(rest, '\t'); tab >= 0 {
				rest, desc = rest[:tab], strings.Join(strings.Fields(rest[tab+1:]), " ")
			}
			cname := categoryName(rest)
			if cname == "" {
				b.errorf(b.pos(l, i+len(id)), ErrBadHeader, "category %d has no name", n)
				continue
			}
			if _, dup := ids[n]; dup {
				b.errorf(b.pos(l, i), ErrDuplicate, "category id %d defined twice", n)
				continue
			}
			ids[n] = b.category(cname, desc, b.pos(l, i+restAt))
		case 2:
			b.liwcEntry(l, i, t, ids)
		}
	}
	if header < 2 {
		pos := Position{File: name, Line: 1, Col: 1}
		if nlines > 0 {
			pos = b.pos(last, len(last.text))
		}
		b.errorf(pos, ErrBadHeader, "the header block is not closed by a line holding %%")
	}
	return b.finish()
}

// liwcEntry reads one word line; t is the line's text from byte i.
func (b *defBuilder) liwcEntry(l line, i int, t string, ids map[int]int) {
	word, idText, idAt := t, "", len(t)
	if tab := strings.IndexByte(t, '\t'); tab >= 0 {
		word = trimRightSpace(t[:tab])
		idAt = tab + leadingSpace(t[tab:])
		idText = t[idAt:]
	} else {
		// No tab: the trailing all-digit fields are the ids.
		end := len(t)
		for {
			k := strings.LastIndexAny(t[:end], " ")
			f := t[k+1 : end]
			if !isDigits(f) || k < 0 {
				break
			}
			idAt = k + 1
			end = k
			for end > 0 && t[end-1] == ' ' {
				end--
			}
		}
		word, idText = trimRightSpace(t[:end]), t[idAt:]
		if idAt == len(t) {
			word = t
		}
	}
	if idText == "" {
		b.errorf(b.pos(l, i+len(t)), ErrSyntax, "word %q has no category ids", clip(word))
		return
	}
	pos := b.pos(l, i)
	for off := 0; off < len(idText); {
		k := leadingSpace(idText[off:])
		off += k
		if off >= len(idText) {
			break
		}
		f, _, _ := splitField(idText[off:])
		n, err := strconv.Atoi(f)
		switch {
		case strings.ContainsAny(f, "()"):
			// LIWC2007's conditional ids, as in "like<TAB>02 134)53 (02 134)126".
			b.warnf(b.pos(l, i+idAt+off), ErrSyntax, "word %q: conditional category %q left out", clip(word), clip(f))
		case err != nil || !isDigits(f):
			b.errorf(b.pos(l, i+idAt+off), ErrSyntax, "category id %q is not a number", clip(f))
		default:
			if c, ok := ids[n]; ok {
				b.entry(c, word, 1, pos)
			} else {
				b.errorf(b.pos(l, i+idAt+off), ErrUnknownCategory, "word %q: category id %d is not in the header", clip(word), n)
			}
		}
		off += len(f)
	}
}

// liwcCounts counts the entries of each category in the word lines of a
// LIWC file's text (those after its header), ids mapping the header's ids
// to the ncat categories, so that the parser can give each category room
// for exactly its entries. It reads the ids as liwcEntry does, but does
// not check them: a count that is off costs an allocation, not a result.
func liwcCounts(text string, ids map[int]int, ncat int) []int {
	n := make([]int, ncat)
	marks := 0 // lines holding %: the entries follow the second
	for l := range textLines(text) {
		t := trimRightSpace(l.text[leadingSpace(l.text):])
		if marks < 2 {
			if t == "%" {
				marks++
			}
			continue
		}
		idText := ""
		if tab := strings.IndexByte(t, '\t'); tab >= 0 {
			idText = t[tab+1:]
		} else {
			// No tab: the trailing all-digit fields.
			end := len(t)
			for end > 0 {
				k := strings.LastIndexByte(t[:end], ' ')
				if k < 0 || !isDigits(t[k+1:end]) {
					break
				}
				idText, end = t[k+1:], k
				for end > 0 && t[end-1] == ' ' {
					end--
				}
			}
		}
		for f := range strings.FieldsSeq(idText) {
			if id, err := strconv.Atoi(f); err == nil {
				if c, ok := ids[id]; ok {
					n[c]++
				}
			}
		}
	}
	return n
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	n := 40
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "..."
}
