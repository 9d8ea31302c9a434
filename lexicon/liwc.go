package lexicon

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
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
	var byID liwcIDs
	// Valid UTF-8 as a whole is valid line by line: then only the lines'
	// lengths need checking.
	valid := utf8.ValidString(text)
	// The text a '\n' at a time: after the header, a word line of the
	// usual form is read on the spot (liwcLine); any other piece, and
	// every piece before, goes through linesFrom. num is the number of
	// the piece's first line.
	for p, num := 0, 1; p < len(text); {
		end := strings.IndexByte(text[p:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += p
		}
		seg := text[p:end]
		p = end + 1
		if header == 2 && valid && len(seg) <= MaxLineBytes && liwcFastLines && b.liwcLine(seg, num, &byID) {
			num++
			continue
		}
		lines := 0
		for l := range linesFrom(seg, num) {
			lines++
			if !liwcFileLine(b, name, l, valid, &header, ids, &byID, text) {
				return nil, b.errs.err()
			}
			last = l
			nlines++
		}
		num += max(lines, 1)
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

// liwcFastLines turns liwcLine on: a variable only so that a test can
// compare its reading with liwcEntry's.
var liwcFastLines = true

// liwcFileLine reads line l of the LIWC file name, which is valid UTF-8
// when valid is true, in state *header (0 before the header, 1 inside, 2
// after), with the header's ids so far and, after it, byID; text is the
// whole file. It reports false when the file cannot be read on.
func liwcFileLine(b *defBuilder, name string, l line, valid bool, header *int, ids map[int]int, byID *liwcIDs, text string) bool {
	if (!valid || len(l.text) > MaxLineBytes) && !checkLine(&b.errs, name, l) {
		return true
	}
	i := leadingSpace(l.text)
	t := trimRightSpace(l.text[i:])
	if t == "" {
		return true
	}
	switch *header {
	case 0:
		if t != "%" {
			b.errorf(b.pos(l, i), ErrBadHeader, "a LIWC dictionary begins with a line holding %%, found %q", clip(t))
			return false
		}
		*header = 1
	case 1:
		if t == "%" {
			*header = 2
			*byID = newLIWCIDs(ids)
			b.reserve(liwcCounts(text, byID, len(b.def.Categories)))
			return true
		}
		id, rest, restAt := splitField(t)
		n, err := strconv.Atoi(id)
		if err != nil || n < 0 {
			b.errorf(b.pos(l, i), ErrBadHeader, "category id %q is not a number", clip(id))
			return true
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
			return true
		}
		if _, dup := ids[n]; dup {
			b.errorf(b.pos(l, i), ErrDuplicate, "category id %d defined twice", n)
			return true
		}
		ids[n] = b.category(cname, desc, b.pos(l, i+restAt))
	case 2:
		b.liwcEntry(l, i, t, byID)
	}
	return true
}

// liwcLine reads l, line num of a LIWC file after its header, when it is
// a word line of the usual form: a word that does not begin with a blank
// and ends in an ASCII byte other than white space, without '\r', a tab,
// and up to eight ids of one to nine digits, each in the header, separated
// by blanks (perhaps trailing). Such a line is what liwcEntry reads without
// an error or a warning. It reports false, having read nothing, for a line
// of any other form.
func (b *defBuilder) liwcLine(l string, num int, ids *liwcIDs) bool {
	q := tabOr(l, 0, '\r')
	if q == 0 || q == len(l) || l[q] != '\t' || l[0] == ' ' || l[q-1] <= ' ' || l[q-1] >= utf8.RuneSelf {
		return false
	}
	word := l[:q]
	var c [8]int // the categories of the ids read
	k := 0
	for q++; q < len(l); {
		if x := l[q]; x == ' ' || x == '\t' {
			q++
			continue
		}
		id, j := digits(l, q)
		if j == q || j-q > 9 || k == len(c) || j < len(l) && l[j] != ' ' && l[j] != '\t' {
			return false
		}
		x, ok := ids.get(id)
		if !ok {
			return false
		}
		c[k] = x
		k++
		q = j
	}
	if k == 0 {
		return false
	}
	pos := Position{File: b.src.file, Line: num, Col: 1}
	for _, x := range c[:k] {
		b.entry(x, word, 1, pos)
	}
	return true
}

// liwcEntry reads one word line; t is the line's text from byte i.
func (b *defBuilder) liwcEntry(l line, i int, t string, ids *liwcIDs) {
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
		f := idText[off : off+blankAt(idText[off:])]
		if n, ok := smallID(f); ok {
			// The usual id: a few digits, without the checks below.
			if c, ok := ids.get(n); ok {
				b.entry(c, word, 1, pos)
			} else {
				b.errorf(b.pos(l, i+idAt+off), ErrUnknownCategory, "word %q: category id %d is not in the header", clip(word), n)
			}
			off += len(f)
			continue
		}
		n, err := strconv.Atoi(f)
		switch {
		case strings.ContainsAny(f, "()"):
			// LIWC2007's conditional ids, as in "like<TAB>02 134)53 (02 134)126".
			b.warnf(b.pos(l, i+idAt+off), ErrSyntax, "word %q: conditional category %q left out", clip(word), clip(f))
		case err != nil || !isDigits(f):
			b.errorf(b.pos(l, i+idAt+off), ErrSyntax, "category id %q is not a number", clip(f))
		default:
			if c, ok := ids.get(n); ok {
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
//
// A word line of the usual form (see countLine) is counted as it is
// scanned; any other line goes through textLines and the checks of
// liwcEntry. A '\r' that textLines would break a usual line at may make a
// count wrong, which costs no more.
func liwcCounts(text string, ids *liwcIDs, ncat int) []int {
	n := make([]int, ncat)
	marks := 0 // lines holding %: the entries follow the second
	for p := 0; p < len(text); {
		if marks == 2 {
			if next, ok := countLine(text, p, ids, n); ok {
				p = next
				continue
			}
		}
		end := strings.IndexByte(text[p:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += p
		}
		liwcCountLines(text[p:end], ids, n, &marks)
		p = end + 1
	}
	return n
}

// countLine counts the category ids of the line that begins at text[p],
// when it has the usual form: a word that does not begin with a blank, a
// tab, and one to four ids of one to nine digits separated by blanks, up
// to a '\n' or the end. It returns where the next line begins; false, having
// counted nothing, for a line of any other form.
func countLine(text string, p int, ids *liwcIDs, n []int) (int, bool) {
	q := tabOr(text, p, '\n')
	if q == p || q == len(text) || text[q] != '\t' || text[p] == ' ' {
		return p, false
	}
	q++
	if id, j := digits(text, q); j > q && j-q <= 9 && (j == len(text) || text[j] == '\n') {
		// One id, the usual case.
		if x, ok := ids.get(id); ok {
			n[x]++
		}
		return j + 1, true
	}
	var c [4]int // the categories of the ids read
	k, fields := 0, 0
	for q < len(text) && text[q] != '\n' {
		if b := text[q]; b == ' ' || b == '\t' {
			q++
			continue
		}
		id, j := digits(text, q)
		if j == q || j-q > 9 || k == len(c) || j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' {
			return p, false
		}
		if x, ok := ids.get(id); ok {
			c[k] = x
			k++
		}
		q = j
		fields++
	}
	if fields == 0 {
		// Blanks after the tab are trimmed: a line of the other form.
		return p, false
	}
	for _, x := range c[:k] {
		n[x]++
	}
	return q + 1, true
}

// digits returns the value of the run of ASCII digits that begins at s[i]
// and where it ends (i when there is none); the value is that of its last
// 19 digits or so, which matters only for runs of up to nine.
func digits(s string, i int) (int, int) {
	v := 0
	for ; i < len(s) && s[i]-'0' <= 9; i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v, i
}

// liwcCountLines is liwcCounts for the lines of s, any of them; marks is
// the number of lines holding % so far.
func liwcCountLines(s string, ids *liwcIDs, n []int, marks *int) {
	for l := range textLines(s) {
		t := trimRightSpace(l.text[leadingSpace(l.text):])
		if *marks < 2 {
			if t == "%" {
				*marks++
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
		for len(idText) > 0 {
			idText = idText[leadingSpace(idText):]
			k := blankAt(idText)
			if id, ok := smallID(idText[:k]); ok {
				if c, ok := ids.get(id); ok {
					n[c]++
				}
			} else if id, err := strconv.Atoi(idText[:k]); err == nil {
				if c, ok := ids.get(id); ok {
					n[c]++
				}
			}
			idText = idText[k:]
		}
	}
}

// liwcIDs maps the category ids of a LIWC header to category indexes.
type liwcIDs struct {
	m     map[int]int
	dense []int32 // dense[id]: 1 + the index of id's category, or 0; for the ids below maxDenseID
}

// maxDenseID bounds the ids that liwcIDs finds in a slice, not its map.
const maxDenseID = 1 << 12

// newLIWCIDs returns the ids of m (id to category index).
func newLIWCIDs(m map[int]int) liwcIDs {
	ids := liwcIDs{m: m}
	top := -1
	for id := range m {
		if id >= 0 && id < maxDenseID {
			top = max(top, id)
		}
	}
	ids.dense = make([]int32, top+1)
	for id, c := range m {
		if id >= 0 && id < maxDenseID {
			ids.dense[id] = int32(c) + 1
		}
	}
	return ids
}

// get returns the category index of id.
func (x *liwcIDs) get(id int) (int, bool) {
	if id >= 0 && id < maxDenseID {
		if id < len(x.dense) && x.dense[id] > 0 {
			return int(x.dense[id] - 1), true
		}
		return 0, false
	}
	c, ok := x.m[id]
	return c, ok
}

// smallID returns the value of s when it is one to nine ASCII digits
// (what strconv.Atoi reads without error, and isDigits accepts).
func smallID(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + int(d)
	}
	return n, true
}

// blankAt returns the index of the first space or tab of s, or len(s).
func blankAt(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			return i
		}
	}
	return len(s)
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

// tabOr returns the index of the first tab or x in s at or after q, or
// len(s): a word of a LIWC line ends there. It reads eight bytes at a time
// (the lowest zero byte of w^tabs or w^xs is the first match).
func tabOr(s string, q int, x byte) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	xs := uint64(x) * ones
	for q+8 <= len(s) {
		w := word64(s, q)
		t, o := w^'\t'*ones, w^xs
		if m := ((t-ones)&^t | (o-ones)&^o) & high; m != 0 {
			return q + bits.TrailingZeros64(m)/8
		}
		q += 8
	}
	for q < len(s) && s[q] != '\t' && s[q] != x {
		q++
	}
	return q
}
