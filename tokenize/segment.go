package tokenize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Sentence segmentation works on the tokens, looking at the white space
// between them. A sentence ends
//
//   - after a full stop, question or exclamation mark or ellipsis, together
//     with the closing quotes, brackets and footnote marks glued to it,
//     when what follows looks like the start of a sentence (a capital
//     letter, an opening quote or bracket, a symbol) and the stop is not
//     inside a quotation that goes on after it;
//   - after an abbreviation only when the abbreviation can end a sentence
//     (etc., Inc., U.S.) and the next word says so (a capital, or for
//     acronyms a typical sentence opener: U.S. The); titles (Mr., H.E.,
//     Amb.), No. 5, Art. 51 and inline abbreviations (e.g., vs.) never end
//     one; an initial (Albert I. Jones) only when no name surrounds it;
//   - before a list item (1. 2) a. (iii) •) that starts a line or a
//     sentence, or continues the numbering of the previous item;
//   - at a blank line, unless the text plainly runs on (a word before, a
//     lower-case word after); and at a single line break unless the line
//     looks hard-wrapped: long, or followed by a lower-case word, and the
//     next line not indented further.

// segScratch holds the per-call working memory of the segmenter.
type segScratch struct {
	depth []int32 // quote nesting of each token (strictly inside a quotation)
	stack []int32
}

// appendSentences appends the sentences of toks (tokens of text) to dst,
// taking its scratch memory from pool (which may be nil).
func appendSentences(dst []Sentence, text string, toks []Token, lang Language, pool *sync.Pool) []Sentence {
	if len(toks) == 0 {
		return dst
	}
	var sc *segScratch
	if pool != nil {
		sc, _ = pool.Get().(*segScratch)
	}
	if sc == nil {
		sc = new(segScratch)
	}
	sg := segmenter{lang: lang, text: text, toks: toks}
	sg.depth = quoteDepth(sc, text, toks)
	dst = sg.run(dst)
	if pool != nil && cap(sc.depth) <= maxPooledScratch {
		pool.Put(sc)
	}
	return dst
}

// maxPooledScratch keeps the scratch of huge documents from being pooled.
const maxPooledScratch = 1 << 20

type segmenter struct {
	lang  Language
	text  string
	toks  []Token
	depth []int32

	first     int // first token of the current sentence
	lineFirst int // byte offset of the first token of the current line
	indent    int // indentation of the current line
	parens    int // unclosed '(' in the current sentence

	// the last accepted list marker
	mkDigit, mkLetter, mkRoman int
	mkPara                     bool // a marker was seen in this paragraph
}

func (sg *segmenter) run(dst []Sentence) []Sentence {
	toks := sg.toks
	n := len(toks)
	sg.lineFirst = toks[0].Start
	sg.indent = indentBefore(sg.text, toks[0].Start)
	emit := func(last int) {
		if last >= sg.first {
			dst = append(dst, Sentence{Start: toks[sg.first].Start, End: toks[last].End, First: sg.first, Last: last + 1})
		}
		sg.first = last + 1
		sg.parens = 0
	}
	// The tests of each token below are guarded by inline checks of what
	// they need (a glued next token for a list marker, a first byte for a
	// bullet, a punctuation mark or an abbreviation for a terminal, more
	// than one space before the next token for a line break), so that most
	// tokens make none of the calls.
	for k := 0; k < n; k++ {
		if k+1 < n && toks[k].Kind == Word && toks[k].Flags&Abbreviation == 0 && plainGap(sg.text, toks, k) {
			// A word that is not an abbreviation, followed by one space:
			// no list marker (not glued to the next token), no bullet (a
			// word's text is none), no bracket, no terminal and no line
			// break (TestPlainWordSkip).
			continue
		}
		if k+1 < n && adjacent(toks, k) && mayBeMarker(toks, k) {
			if end, ok := sg.listMarker(k); ok {
				if k > sg.first && !(k-1 == sg.first && isBullet(sg.text, toks, k-1)) {
					emit(k - 1)
				}
				k = end
				if k+1 < n && sg.lineBreak(k) {
					emit(k)
				}
				sg.advanceLine(k)
				continue
			}
		}
		t := &toks[k]
		if mayBeBullet(t.Text) && isBullet(sg.text, toks, k) && k > sg.first {
			emit(k - 1)
		}
		switch t.Text {
		case "(":
			sg.parens++
		case ")":
			if sg.parens > 0 {
				sg.parens--
			}
		}
		if (t.Kind == Punct && mayBeTerminal(t.Text) || t.Kind == Word && t.Flags&Abbreviation != 0) && sg.isTerminal(k) {
			e, brk := sg.decide(k)
			for j := k + 1; j <= e; j++ {
				if toks[j].Text == ")" && sg.parens > 0 {
					sg.parens--
				}
			}
			if brk {
				emit(e)
			} else if e+1 < n && sg.lineBreak(e) {
				emit(e)
			}
			for j := k; j <= e; j++ {
				sg.advanceLine(j)
			}
			k = e
			continue
		}
		if k+1 < n && mayBreak(sg.text, toks, k) {
			if sg.lineBreak(k) {
				emit(k)
			}
			sg.advanceLine(k)
		}
	}
	if sg.first < n {
		emit(n - 1)
	}
	return dst
}

// advanceLine updates the line bookkeeping after token k.
func (sg *segmenter) advanceLine(k int) {
	if k+1 >= len(sg.toks) {
		return
	}
	gap := sg.text[sg.toks[k].End:sg.toks[k+1].Start]
	nl := newlines(gap)
	if nl == 0 {
		return
	}
	sg.lineFirst = sg.toks[k+1].Start
	sg.indent = indentBefore(sg.text, sg.toks[k+1].Start)
	if nl >= 2 {
		sg.mkPara = false
	}
}

// lineBreak reports whether the line break (if any) between tokens k and
// k+1 ends a sentence.
func (sg *segmenter) lineBreak(k int) bool {
	toks := sg.toks
	a, b := &toks[k], &toks[k+1]
	gap := sg.text[a.End:b.Start]
	nl := newlines(gap)
	if nl == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b.Text)
	lower := unicode.IsLower(r)
	runsOn := a.Kind == Word || a.Kind == Number || a.Text == "," || a.Text == ";" || isDashText(a.Text)
	if nl >= 2 {
		return !(runsOn && lower)
	}
	if isBullet(sg.text, toks, k+1) {
		return true
	}
	if indentBefore(sg.text, b.Start) > sg.indent {
		return true
	}
	lineLen := runeCount(sg.text[sg.lineFirst:a.End])
	trailingSpace := gap[0] == ' ' || gap[0] == '\t'
	switch {
	case lower:
		return !(lineLen >= 30 || trailingSpace || a.Text == "," || a.Text == ";" || isDashText(a.Text))
	case b.Text == "(":
		return !trailingSpace
	default:
		// A hard-wrapped line is 60-120 characters long; a longer line is
		// a paragraph of its own, and a shorter one a heading or a list.
		return !(lineLen >= 60 && lineLen <= 120 && a.Text != ":")
	}
}

// isTerminal reports whether token k can end a sentence.
func (sg *segmenter) isTerminal(k int) bool {
	t := &sg.toks[k]
	if k > 0 && adjacent(sg.toks, k-1) {
		// Not inside brackets: [?] [...] (!)
		if p := sg.toks[k-1].Text; p == "[" || p == "(" {
			return false
		}
	}
	switch t.Kind {
	case Punct:
		if isDashText(t.Text) && len(t.Text) > 1 || t.Text == "—" {
			// An interrupted quotation: "... afore she comes, to--" At this moment
			return k > 0 && k+1 < len(sg.toks) && adjacent(sg.toks, k-1) && adjacent(sg.toks, k) &&
				sg.toks[k-1].Kind == Word && isQuoteText(sg.toks[k+1].Text) && sg.depth[k+1] < sg.depth[k]
		}
		switch t.Text {
		case ".", "…", "．", "。", "！", "？", "｡":
			return true
		}
		c := t.Text[0]
		if c == '.' && len(t.Text) > 1 {
			return true // ...
		}
		if c == '!' || c == '?' {
			// Not glued to a following word (Y!J, !Kung).
			if k+1 < len(sg.toks) && adjacent(sg.toks, k) && sg.toks[k+1].Kind == Word {
				return false
			}
			if k == 0 || !adjacent(sg.toks, k-1) {
				// A mark standing alone after a space (French style "Quoi ?") still counts.
				return k > 0
			}
			return true
		}
	case Word:
		return t.Flags&Abbreviation != 0 && t.Text[len(t.Text)-1] == '.'
	}
	return false
}

// decide decides whether the sentence ends at terminal token k. It returns
// the last token that belongs to the sentence if it ends (k plus glued
// closing quotes, brackets and footnotes) and whether it ends.
func (sg *segmenter) decide(k int) (int, bool) {
	toks := sg.toks
	n := len(toks)
	t := &toks[k]

	// Spaced ellipsis: ". . ." continues, ". . . ." ends; when the first
	// dot is glued to a word it is the full stop and the ellipsis opens
	// the next sentence.
	if t.Text == "." {
		m := 1
		for k+m < n && toks[k+m].Text == "." && sg.text[toks[k+m-1].End:toks[k+m].Start] == " " {
			m++
		}
		if m >= 3 {
			attached := k > 0 && adjacent(toks, k-1)
			if m == 3 {
				return k + 2, false
			}
			if attached && k+m < n && startsUpper(toks[k+m].Text) {
				return k, !sg.quoted(k)
			}
			k += m - 1
			t = &toks[k]
		}
	}

	e := sg.closers(k)
	if e+1 >= n {
		return e, true
	}
	if sg.quoted(e) {
		return e, false
	}
	next := &toks[e+1]
	gap := sg.text[toks[e].End:next.Start]
	if newlines(gap) >= 2 {
		return e, true
	}

	if t.Kind == Word { // abbreviation
		return e, sg.afterAbbrev(t, next)
	}

	c := t.Text[0]
	if c == '!' || c == '?' || t.Text == "！" || t.Text == "？" {
		if e > k && next.Text == "(" && isSingleQuote(toks[e].Text) {
			// A single-quoted exclamation or question followed by a
			// parenthesis goes on ('Well!' (Which was true.)); after
			// double quotes the parenthesis starts a new sentence.
			return e, false
		}
		if next.Kind == Number {
			// "Why? 2023 was worse." ends; "[16: firma? 13:28]" does not.
			return e, e+2 < len(toks) && toks[e+2].Kind == Word && !adjacent(toks, e+1)
		}
		return e, sentenceStart(next)
	}
	if newlines(gap) == 1 && len(t.Text) == 1 {
		return e, true
	}
	if next.Kind == Number {
		// "It began in 2022. 2023 was worse." ends; "$.50", "N°. 1026"
		// and "Section 4.2" do not.
		if e == k && t.Text == "." && k > 0 && adjacent(toks, k-1) && gap != "" &&
			(toks[k-1].Kind == Word || toks[k-1].Kind == Number) && toks[k-1].Flags&Abbreviation == 0 {
			if e+2 < len(toks) && toks[e+2].Kind == Word && !adjacent(toks, e+1) {
				return e, true
			}
		}
		return e, false
	}
	if !sentenceStart(next) {
		return e, false
	}
	// An initial: "Albert I. Jones", "Jonas E. Smith" go on; "you and I. Did" ends.
	if t.Text == "." && e == k && k > 0 && adjacent(toks, k-1) {
		p := &toks[k-1]
		if p.Kind == Word && p.Flags == 0 && utf8.RuneCountInString(p.Text) == 1 && startsUpper(p.Text) {
			if k-1 == sg.first {
				return e, false
			}
			// A run of initials: "А. И. Семенов", "Л. Н. Толстой".
			if isInitial(toks, e+1) || (k >= 3 && toks[k-2].Text == "." && isInitial(toks, k-3)) {
				return e, false
			}
			if k >= 2 && toks[k-2].Kind == Word && startsUpper(toks[k-2].Text) && !isStarter(next.Text, false) {
				return e, false
			}
		}
	}
	return e, true
}

// afterAbbrev decides whether the sentence ends after the abbreviation t.
func (sg *segmenter) afterAbbrev(t, next *Token) bool {
	w := t.Text[:len(t.Text)-1]
	if next.Kind != Word || next.Flags&Clitic != 0 || !startsUpper(next.Text) {
		return false
	}
	dotted := false
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			dotted = true
			break
		}
	}
	if dotted {
		switch Normalize(w) {
		case "e.g", "i.e", "c.f", "h.e", "n.b", "v.s":
			return false
		case "a.m", "p.m":
			return true
		}
		return isStarter(next.Text, true)
	}
	switch abbrevKind(w, sg.lang) {
	case abbrGeneral:
		return !allUpper(next.Text)
	case abbrStarter:
		return isStarter(next.Text, true)
	}
	return false
}

// closers returns the last token glued to terminal k: closing quotes and
// brackets, footnote marks ([1], .11) directly after it.
func (sg *segmenter) closers(k int) int {
	toks := sg.toks
	n := len(toks)
	e := k
	footnote := false
	for e+1 < n && adjacent(toks, e) {
		nt := &toks[e+1]
		if nt.Kind == Punct && isCloserText(nt.Text) || isEmphasis(nt.Text) {
			// closing quotes and brackets, and Markdown emphasis: **Why?**
			e++
			continue
		}
		if nt.Text == "[" && e+3 < n && toks[e+2].Kind == Number && toks[e+3].Text == "]" && adjacent(toks, e+1) && adjacent(toks, e+2) {
			e += 3
			continue
		}
		if nt.Kind == Number && toks[k].Text == "." && e == k && k > 0 && adjacent(toks, k-1) && isDigits(nt.Text) &&
			(toks[k-1].Kind == Word || toks[k-1].Text == ")") {
			e++
			footnote = true
			continue
		}
		break
	}
	if footnote {
		for e+1 < n && toks[e+1].Kind == Number && isDigits(toks[e+1].Text) && newlines(sg.text[toks[e].End:toks[e+1].Start]) == 0 {
			e++
		}
	}
	return e
}

// quoted reports whether token e is inside a quotation that continues
// after it.
func (sg *segmenter) quoted(e int) bool {
	return sg.depth[e] > 0
}

// listMarker recognises a list item marker at token k (1. 2) a. b.) iii)),
// accepted when it starts a line or a sentence, or continues the numbering
// of the previous marker. It returns the marker's last token.
func (sg *segmenter) listMarker(k int) (int, bool) {
	toks := sg.toks
	n := len(toks)
	if k+1 >= n || !adjacent(toks, k) {
		return 0, false
	}
	if k > 0 && adjacent(toks, k-1) && !isBulletText(toks[k-1].Text) {
		return 0, false
	}
	t := &toks[k]
	digit, letter, roman := 0, 0, 0
	switch {
	case t.Kind == Number && len(t.Text) <= 2 && isDigits(t.Text):
		digit = atoi(t.Text)
	case t.Kind == Word && t.Flags == 0:
		if len(t.Text) == 1 && t.Text[0] < utf8.RuneSelf && asciiClass[t.Text[0]]&cLetter != 0 {
			letter = int(t.Text[0]|0x20) - 'a' + 1
		}
		roman = romanValue(t.Text)
		if letter == 0 && roman == 0 {
			return 0, false
		}
	default:
		return 0, false
	}
	end := k + 1
	paren := false
	switch toks[end].Text {
	case ".":
		if end+1 < n && adjacent(toks, end) && toks[end+1].Text == ")" {
			end++
			paren = true
		}
	case ")":
		paren = true
	default:
		return 0, false
	}
	if end+1 >= n || adjacent(toks, end) {
		return 0, false
	}
	after := &toks[end+1]
	if after.Kind == Number || (after.Kind == Punct && !isOpenerText(after.Text)) {
		return 0, false
	}
	if paren && sg.parens > 0 {
		return 0, false
	}
	lineStart := k == 0 || newlines(sg.text[toks[k-1].End:t.Start]) > 0
	eligible := lineStart || k == sg.first || (k > 0 && (isBulletText(toks[k-1].Text) || sg.endsSentence(k-1)))
	cont := sg.mkPara && ((digit > 0 && digit == sg.mkDigit+1) ||
		(letter > 0 && letter == sg.mkLetter+1) || (roman > 0 && roman == sg.mkRoman+1))
	if !eligible && k > 0 && toks[k-1].Text == ":" && (digit == 1 || letter == 1 || roman == 1) {
		// A list opened by a colon: "Our demands: 1. A ceasefire 2. Talks".
		eligible = true
	}
	ok := cont
	if !ok && eligible {
		switch {
		case paren || digit > 0 || lineStart:
			ok = true
		case letter > 0:
			ok = startsUpper(t.Text) || letter == 1 || roman == 1
		}
	}
	if !ok {
		return 0, false
	}
	sg.mkDigit, sg.mkLetter, sg.mkRoman, sg.mkPara = digit, letter, roman, true
	return end, true
}

// endsSentence reports whether token k is a stop (with closers) that could
// end a sentence, for list-marker eligibility.
func (sg *segmenter) endsSentence(k int) bool {
	for k > 0 && sg.toks[k].Kind == Punct && isCloserText(sg.toks[k].Text) && adjacent(sg.toks, k-1) {
		k--
	}
	return sg.isTerminal(k)
}

// quoteDepth computes, for every token, how many quotations enclose it and
// go on after it. Quotations pair opening and closing marks within a
// paragraph; a mark that never closes opens nothing.
func quoteDepth(sc *segScratch, text string, toks []Token) []int32 {
	if cap(sc.depth) < len(toks)+1 {
		sc.depth = make([]int32, len(toks)+1)
	}
	d := sc.depth[:len(toks)+1]
	clear(d)
	stack := sc.stack[:0]
	for k := range toks {
		t := &toks[k]
		if len(stack) > 0 && k > 0 {
			// A quotation does not run over a blank line, nor over a line
			// break after a stop (one paragraph per line). With none open
			// there is nothing to close, so most tokens skip the test.
			if nl := newlines(text[toks[k-1].End:t.Start]); nl >= 2 || nl == 1 && endsWithStop(toks, k-1) {
				stack = stack[:0]
			}
		}
		if t.Kind != Punct {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		spaceBefore := k == 0 || !adjacent(toks, k-1) || isOpenerText(toks[k-1].Text)
		spaceAfter := k+1 == len(toks) || !adjacent(toks, k)
		open, close := false, false
		switch r {
		case '“', '«', '„', '‹', '「', '『':
			open = true
		case '”', '»', '›', '」', '』':
			close = true
		case '"':
			open = true
			for j := len(stack) - 1; j >= 0; j-- {
				if or, _ := utf8.DecodeRuneInString(toks[stack[j]].Text); or == '"' || or == '“' || or == '„' {
					// A double quotation is open: this closes it unless it
					// plainly opens (space before, word after).
					open = spaceBefore && !spaceAfter && !(k+1 < len(toks) && toks[k+1].Kind == Punct)
					break
				}
			}
			close = !open
		case '\'', '‘', '’', '`':
			top := topQuote(stack, toks)
			switch {
			case (top == '\'' || top == '‘' || top == '`') && !spaceBefore:
				close = true
			case spaceBefore && !spaceAfter && r != '’' && k+1 < len(toks) && toks[k+1].Kind != Punct:
				open = true
			}
		}
		switch {
		case open:
			if len(stack) < 16 {
				stack = append(stack, int32(k))
			}
		case close:
			for j := len(stack) - 1; j >= 0; j-- {
				o := stack[j]
				if k-int(o) > maxQuoteTokens {
					break
				}
				or, _ := utf8.DecodeRuneInString(toks[o].Text)
				if matchesQuote(or, r) {
					d[o+1]++
					d[k]--
					stack = stack[:j]
					break
				}
			}
		}
	}
	sc.stack = stack
	var run int32
	for k := range toks {
		run += d[k]
		d[k] = run
	}
	return d[:len(toks)]
}

// maxQuoteTokens bounds the length of a quotation whose stops are kept
// inside one sentence: a stray quote mark cannot pair with another one far
// away and silence every stop in between, and a long quoted passage (a
// speech quoting a paragraph) is split into its sentences.
const maxQuoteTokens = 120

// endsWithStop reports whether token k is a full stop, question or
// exclamation mark, possibly followed by closing quotes and brackets.
func endsWithStop(toks []Token, k int) bool {
	for k > 0 && toks[k].Kind == Punct && isCloserText(toks[k].Text) {
		k--
	}
	switch t := toks[k].Text; {
	case t == "." || t == "…" || t == "..." || t == "．" || t == "。":
		return true
	case t != "" && (t[0] == '!' || t[0] == '?'):
		return true
	}
	return false
}

func topQuote(stack []int32, toks []Token) rune {
	if len(stack) == 0 {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(toks[stack[len(stack)-1]].Text)
	switch r {
	case '“', '„':
		return '"'
	}
	return r
}

// matchesQuote reports whether the opening mark o is closed by c.
func matchesQuote(o, c rune) bool {
	switch c {
	case '”':
		return o == '“' || o == '„' || o == '"'
	case '"':
		return o == '"' || o == '“' || o == '„'
	case '»':
		return o == '«'
	case '›':
		return o == '‹'
	case '」':
		return o == '「'
	case '』':
		return o == '『'
	case '\'', '’':
		return o == '\'' || o == '‘' || o == '`'
	}
	return false
}

func adjacent(toks []Token, k int) bool { return toks[k].End == toks[k+1].Start }

// newlines counts line breaks in white space (CR LF counts once).
func newlines(gap string) int {
	if gap == "" || gap == " " {
		return 0 // most gaps between tokens; inlined, without a call
	}
	return countNewlines(gap)
}

// countNewlines is newlines for any gap.
func countNewlines(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 >= len(gap) || gap[i+1] != '\n' {
				n++
			}
		case 0xe2: // U+2028, U+2029
			if i+2 < len(gap) && gap[i+1] == 0x80 && (gap[i+2] == 0xa8 || gap[i+2] == 0xa9) {
				n++
			}
		}
	}
	return n
}

// runeCount is utf8.RuneCountInString, eight bytes at a time while they
// are ASCII: lines of hard-wrapped text (about one in ten tokens ends one)
// are measured whole, and most are ASCII. An ASCII byte always ends the
// rune before it, so counting the rest from the first non-ASCII word
// gives the same number.
func runeCount(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return i + utf8.RuneCountInString(s[i:])
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i + utf8.RuneCountInString(s[i:])
		}
	}
	return len(s)
}

// indentBefore measures the spaces and tabs between the start of the line
// and offset i (a tab counts as 4).
func indentBefore(text string, i int) int {
	n := 0
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case ' ':
			n++
		case '\t':
			n += 4
		case '\n', '\r':
			return n
		default:
			return 0
		}
	}
	return n
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func allUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// sentenceStart reports whether t can start a sentence after a stop.
func sentenceStart(t *Token) bool {
	switch t.Kind {
	case Word:
		if t.Flags&Clitic != 0 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		return !unicode.IsLower(r)
	case Number, Symbol, URL, Email, Handle:
		return true
	}
	return isOpenerText(t.Text) || isBulletText(t.Text) || isDashText(t.Text)
}

var starters = map[string]bool{
	"A": true, "Being": true, "Did": true, "For": true, "He": true, "How": true, "However": true,
	"I": true, "In": true, "It": true, "Millions": true, "More": true, "She": true, "That": true,
	"The": true, "There": true, "They": true, "We": true, "What": true, "When": true, "Where": true,
	"Who": true, "Why": true, "This": true, "These": true, "Those": true, "But": true, "And": true,
	"Our": true, "Its": true, "If": true, "As": true, "Yet": true, "So": true, "Now": true,
	// Russian
	"В": true, "Во": true, "На": true, "Но": true, "И": true, "А": true, "Это": true, "Он": true,
	"Она": true, "Они": true, "Мы": true, "Я": true, "Как": true, "Так": true, "Что": true,
	"Если": true, "Когда": true, "По": true, "С": true, "После": true, "Однако": true,
}

// isStarter reports whether w typically opens a sentence; with pronouns
// false, the one-letter words "I" and "A" do not count.
func isStarter(w string, pronouns bool) bool {
	if !pronouns && (w == "I" || w == "A") {
		return false
	}
	return starters[w]
}

func isCloserText(s string) bool {
	switch s {
	case ")", "]", "}", "\"", "'", "”", "’", "»", "›", "」", "』":
		return true
	}
	return false
}

func isOpenerText(s string) bool {
	switch s {
	case "(", "[", "{", "\"", "'", "“", "‘", "«", "‹", "„", "「", "『", "¿", "¡", "`":
		return true
	}
	return false
}

func isQuoteText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isQuoteRune(r)
}

// isEmphasis reports a run of Markdown emphasis marks (* ** _ __).
func isEmphasis(s string) bool {
	return s != "" && strings.Trim(s, "*") == "" || s == "_" || s == "__"
}

func isSingleQuote(s string) bool {
	return s == "'" || s == "’" || s == "›"
}

func isDashText(s string) bool {
	switch s {
	case "-", "--", "–", "—", "―", "‒":
		return true
	}
	return false
}

func isBulletText(s string) bool {
	switch s {
	case "•", "◦", "▪", "‣", "⁃", "●", "○", "■", "□", "►", "▶", "✓", "✔":
		return true
	}
	return false
}

// mayBeBullet reports whether s may be a bullet's text (isBullet): every
// such text is '-', '*' or a character from U+2000 to U+2FFF, whose UTF-8
// starts with the byte 0xE2.
func mayBeBullet(s string) bool {
	return s != "" && (s[0] == '-' || s[0] == '*' || s[0] == 0xE2)
}

// mayBreak reports whether the gap between tokens k and k+1 may hold a
// line break: it is neither empty nor one space, the gaps newlines
// answers 0 for without counting (so lineBreak and advanceLine do
// nothing for the others).
func mayBreak(text string, toks []Token, k int) bool {
	a, b := toks[k].End, toks[k+1].Start
	return b-a > 1 || b-a == 1 && text[a] != ' '
}

// mayBeMarker reports whether token k may start a list marker
// (listMarker): a number of at most two digits or a word of at most five
// bytes (a letter, a roman numeral), followed by "." or ")".
func mayBeMarker(toks []Token, k int) bool {
	nt := toks[k+1].Text
	return len(toks[k].Text) <= 5 && len(nt) == 1 && (nt[0] == '.' || nt[0] == ')')
}

// mayBeTerminal reports whether the punctuation s may be a terminal
// (isTerminal): a stop, an ellipsis, a question or exclamation mark or a
// dash starts with '.', '!', '?', '-' or the lead byte of a character
// from U+2000 to U+2FFF (dashes, the ellipsis), U+3000 to U+3FFF (。) or
// U+F000 to U+FFFF (the full-width marks).
func mayBeTerminal(s string) bool {
	switch s[0] {
	case '.', '!', '?', '-', 0xE2, 0xE3, 0xEF:
		return true
	}
	return false
}

// plainGap reports whether tokens k and k+1 are separated by one space.
func plainGap(text string, toks []Token, k int) bool {
	a := toks[k].End
	return toks[k+1].Start == a+1 && text[a] == ' '
}

// isBullet reports whether token k is a bullet that opens a list item: a
// bullet character, or '-' or '*' alone at the start of a line.
func isBullet(text string, toks []Token, k int) bool {
	t := &toks[k]
	if k+1 >= len(toks) {
		return false
	}
	switch t.Text {
	case "•", "◦", "▪", "‣", "⁃", "●", "○", "■", "□", "►", "▶":
		return true
	case "-", "*", "–", "—":
		return !adjacent(toks, k) && (k == 0 || newlines(text[toks[k-1].End:t.Start]) > 0)
	}
	return false
}

// isInitial reports whether token k is a single capital letter followed by
// a glued full stop.
func isInitial(toks []Token, k int) bool {
	if k < 0 || k+1 >= len(toks) || !adjacent(toks, k) || toks[k+1].Text != "." {
		return false
	}
	t := &toks[k]
	return t.Kind == Word && t.Flags == 0 && utf8.RuneCountInString(t.Text) == 1 && startsUpper(t.Text)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]-'0' > 9 {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// romanValue returns the value of a lower- or upper-case roman numeral up
// to xx, or 0.
func romanValue(s string) int {
	if len(s) == 0 || len(s) > 5 {
		return 0
	}
	var b [5]byte
	for i := 0; i < len(s); i++ {
		b[i] = s[i] | 0x20
	}
	switch string(b[:len(s)]) {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	case "v":
		return 5
	case "vi":
		return 6
	case "vii":
		return 7
	case "viii":
		return 8
	case "ix":
		return 9
	case "x":
		return 10
	case "xi":
		return 11
	case "xii":
		return 12
	}
	return 0
}
