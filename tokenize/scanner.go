package tokenize

import (
	"iter"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scanner splits text into tokens, one per call to [Scanner.Next]. It fills
// Text, Start, End, Kind and Flags of each token but not Norm, Stem or Tag
// (a [Tokenizer] adds those). It is a plain step function: no goroutines,
// no allocation, and memory use independent of the length of the text.
//
// The zero value is a scanner of the empty text; use [NewScanner] or
// [Scanner.Reset] to scan something. A Scanner is not safe for concurrent
// use.
type Scanner struct {
	text    string
	pos     int
	english bool
	lang    Language
	// a clitic split off the last word, returned next: its span, kind
	// and flags (queued only when hasNext)
	qStart, qEnd int
	qKind        Kind
	qFlags       Flags
	hasNext      bool
}

// NewScanner returns a scanner of text with the rules of lang (contractions
// and possessives are split only for English).
func NewScanner(text string, lang Language) *Scanner {
	s := new(Scanner)
	s.Reset(text, lang)
	return s
}

// Reset makes s scan text from the beginning with the rules of lang.
func (s *Scanner) Reset(text string, lang Language) {
	if lang == "" {
		lang = English
	}
	*s = Scanner{text: text, english: lang == English, lang: lang}
}

// Offset returns the byte offset where the next token search starts.
func (s *Scanner) Offset() int { return s.pos }

// Next returns the next token, or ok == false at the end of the text.
func (s *Scanner) Next() (tok Token, ok bool) {
	start, end, kind, flags, ok := s.scan()
	if !ok {
		return Token{}, false
	}
	return Token{Text: s.text[start:end], Start: start, End: end, Kind: kind, Flags: flags}, true
}

// scan finds the next token: its byte span, kind and flags, or ok == false
// at the end of the text. It returns scalars, not a Token: a Token is
// written to memory field by field and copied in 16-byte moves, and
// reading it back whole right after writing it in parts stalls the
// processor (on the corpus, most of what appending the tokens cost).
func (s *Scanner) scan() (start, end int, kind Kind, flags Flags, ok bool) {
	if s.hasNext {
		s.hasNext = false
		s.pos = s.qEnd
		return s.qStart, s.qEnd, s.qKind, s.qFlags, true
	}
	text := s.text
	// Most gaps are one space or none before a visible ASCII byte (0x21
	// to 0x7e, where skipSpace stops): those are skipped without a call.
	i := s.pos
	if i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i]-0x21 >= 0x7f-0x21 {
		i = skipSpace(text, i)
	}
	if i >= len(text) {
		s.pos = i
		return i, i, 0, 0, false
	}
	c := text[i]
	kind = Punct
	switch {
	case c < utf8.RuneSelf && asciiClass[c]&cLetter != 0:
		// Most words are ASCII letters followed by a space or
		// punctuation that none of word's look-aheads goes on over
		// (cEnd): such a word ends at run, plain, without the call to
		// word. The first eight bytes of alnumRun are inline.
		var run int
		if i+8 <= len(text) {
			if m := alnumMask(le64(text[i : i+8])); m != 0x8080808080808080 {
				run = i + bits.TrailingZeros64(^m&0x8080808080808080)/8
			} else {
				run = alnumRun(text, i+8)
			}
		} else {
			run = alnumRun(text, i)
		}
		if run == len(text) || asciiClass[text[run]]&cEnd != 0 {
			s.pos = run
			return i, run, Word, 0, true
		}
		end, kind, flags = s.word(i, run)
		return i, end, kind, flags, true
	case c < utf8.RuneSelf && asciiClass[c]&cDigit != 0:
		end, kind, flags = s.word(i, alnumRun(text, i))
		return i, end, kind, flags, true
	case c < utf8.RuneSelf:
		end, kind, flags = s.asciiOther(i)
	default:
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			end, kind = i+1, Symbol
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end, kind, flags = s.word(i, alnumRun(text, i))
			return i, end, kind, flags, true
		case isApostrophe(r):
			if e := s.cliticAt(i); e > 0 {
				end, kind, flags = e, Word, Clitic
			} else {
				end = i + w
			}
		default:
			end = extendMarks(text, i+w)
			if !isPunctRune(r) {
				kind = Symbol
			}
		}
	}
	s.pos = end
	return i, end, kind, flags, true
}

// All returns an iterator over the tokens of text, as [Scanner.Next] would
// return them.
func All(text string, lang Language) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		var s Scanner
		s.Reset(text, lang)
		for {
			t, ok := s.Next()
			if !ok || !yield(t) {
				return
			}
		}
	}
}

// asciiOther scans a token that starts with ASCII punctuation or a symbol.
func (s *Scanner) asciiOther(i int) (int, Kind, Flags) {
	text := s.text
	c := text[i]
	switch c {
	case '.', '-', '*', '_', '=', '~', '/', '+', '<', '>', '|', '\\':
		j := i + 1
		for j < len(text) && text[j] == c {
			j++
		}
		return j, asciiKind(c), 0
	case '!', '?':
		j := i + 1
		for j < len(text) && (text[j] == '!' || text[j] == '?') {
			j++
		}
		return j, Punct, 0
	case '@', '#':
		if i == 0 || !isWordRune(lastRune(text, i)) {
			if j := scanHandle(text, i+1); j > i+1 {
				return j, Handle, 0
			}
		}
		j := i + 1
		if c == '#' {
			for j < len(text) && text[j] == '#' {
				j++
			}
		}
		return j, Symbol, 0
	case '\'':
		if e := s.cliticAt(i); e > 0 {
			return e, Word, Clitic
		}
	}
	return i + 1, asciiKind(c), 0
}

// alnumRun returns the end of the run of ASCII letters and digits that
// starts at i: eight bytes at a time while they last, then byte by byte.
func alnumRun(text string, i int) int {
	const highs = 0x8080808080808080
	for i+8 <= len(text) {
		if m := alnumMask(le64(text[i : i+8])); m != highs {
			return i + bits.TrailingZeros64(^m&highs)/8
		}
		i += 8
	}
	for i < len(text) && asciiClass[text[i]]&(cLetter|cDigit) != 0 {
		i++
	}
	return i
}

// alnumMask returns w's bytes that are ASCII letters or digits, as their
// high bits (the others 0): x+(0x80-lo) reaches the high bit when x >= lo,
// x+(0x7f-hi) when x > hi, and no byte carries into the next as x is at
// most 0x7f. OR-ing 0x20 folds capitals onto small letters.
func alnumMask(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := w &^ highs
	y := x | 0x20*ones
	letter := (y + (0x80-'a')*ones) &^ (y + (0x7f-'z')*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones)
	return (letter | digit) &^ w & highs
}

// le64 returns the first eight bytes of s, which has at least eight, as a
// little-endian word (one load: the compiler merges the eight).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func asciiKind(c byte) Kind {
	if asciiClass[c]&cPunct != 0 {
		return Punct
	}
	return Symbol
}

// word scans a token that starts with a letter or digit at i, where the
// run of ASCII letters and digits ends at run (alnumRun; the loops below
// start from it rather than scan it again): a word, a number, a URL, an
// e-mail address or an abbreviation, splitting off an English clitic to
// be returned next. It returns the token's end, kind and flags, and sets
// s.pos to its end. A plain word of ASCII letters never comes here: scan
// ends it at run itself.
func (s *Scanner) word(i, run int) (int, Kind, Flags) {
	text := s.text
	if mayBeURL(text, i) {
		if j := scanURL(text, i); j > i {
			s.pos = j
			return j, URL, 0
		}
	}
	k, dot := lookAhead(text, i, run)
	if k < len(text) && text[k] == '@' {
		if j := scanEmail(text, i); j > i {
			s.pos = j
			return j, Email, 0
		}
	}
	if dot {
		if j := scanDomain(text, i); j > i {
			s.pos = j
			return j, URL, 0
		}
	}
	kind := Word
	var flags Flags
	j := i
	seg := i // start of the current hyphen-separated segment
	if c := text[i]; c < utf8.RuneSelf && asciiClass[c]&cDigit == 0 || c >= utf8.RuneSelf && !startsDigit(text, i) {
		j = run // the loop below would step over the run byte by byte
	} else {
		kind = Number
		j = scanNumber(text, i)
		// 17th, 1990s, 3bn: letters glued to a number stay in it.
		for j < len(text) {
			r, w := decodeAt(text, j)
			if !isWordRune(r) {
				break
			}
			j += w
		}
	}
	for {
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiClass[c]&(cLetter|cDigit) == 0 {
					break
				}
				j++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += w
		}
		if j >= len(text) || text[j] == ' ' {
			break // a space ends most words: no apostrophe, hyphen or dot
		}
		r, w := decodeAt(text, j)
		if isApostrophe(r) {
			nr, _ := decodeAt(text, j+w)
			if j+w >= len(text) || !isLetterRune(nr) {
				break
			}
			if s.lang == French && seg == i && frenchElision(text[i:j]) {
				// l'homme, d'accord, qu'il: the elided word is a clitic
				// token of its own, apostrophe included.
				j += w
				s.pos = j
				return j, Word, Clitic
			}
			if s.english {
				if cs, ce := cliticSplit(text, seg, j, w); ce > 0 {
					if cs == i {
						break
					}
					s.qStart, s.qEnd, s.qKind, s.qFlags = cs, ce, Word, Clitic
					s.hasNext = true
					j = cs
					break
				}
			}
			j += w
			continue
		}
		if isHyphen(r) {
			nr, _ := decodeAt(text, j+w)
			if j+w < len(text) && isWordRune(nr) {
				flags |= Compound
				kind = Word
				j += w
				seg = j
				if isDigitRune(nr) {
					j = scanNumber(text, j)
				}
				continue
			}
			break
		}
		if r == '.' {
			// The first segment of a dotted acronym is one or two letters.
			e := 0
			if j-seg <= 2*utf8.UTFMax {
				e = scanDotted(text, seg, j)
			}
			if e > 0 {
				flags |= Abbreviation
				kind = Word
				j = e
				if next, nw := decodeAt(text, j); j < len(text) && isHyphen(next) {
					if nr, _ := decodeAt(text, j+nw); j+nw < len(text) && isWordRune(nr) {
						continue
					}
				}
				break
			}
			if kind == Word && knownAbbrev(text, seg, j, s.lang) {
				flags |= Abbreviation
				j++
			}
		}
		break
	}
	// n't, n’t, nʼt: three to five bytes from an n (isNegationClitic).
	if s.english && flags == 0 && uint(j-i-3) <= 2 && text[i]|0x20 == 'n' && isNegationClitic(text[i:j]) {
		flags = Clitic // "n't" standing alone, as in a lexicon pattern
	}
	s.pos = j
	return j, kind, flags
}

// lookAhead is the one ASCII look-ahead (of at most 65 bytes) that decides
// whether an e-mail address or a bare domain may start at i: an e-mail
// address only if text[k] is '@', a domain only if dot. Letters and
// digits may appear in both, so it goes on from run, the end of the
// ASCII letters and digits at i. A domain needs a dot followed by a
// letter or digit (not the full stop of "world. The").
func lookAhead(text string, i, run int) (k int, dot bool) {
	k = min(run, i+65)
	for k < len(text) && k-i <= 64 && asciiClass[text[k]]&cEmail != 0 {
		dot = dot || text[k] == '.' && k+1 < len(text) && asciiClass[text[k+1]]&(cLetter|cDigit) != 0
		k++
	}
	return k, dot
}

// frenchElision reports whether w (before an apostrophe) is a French word
// that elides its vowel: l d j m n s t c qu jusqu lorsqu puisqu quoiqu.
func frenchElision(w string) bool {
	if len(w) > 7 {
		return false
	}
	var b [7]byte
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	switch string(b[:len(w)]) {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu":
		return true
	}
	return false
}

// isNegationClitic reports whether w is n't (any case, any apostrophe).
func isNegationClitic(w string) bool {
	if len(w) < 3 || w[0]|0x20 != 'n' || w[len(w)-1]|0x20 != 't' {
		return false
	}
	r, n := utf8.DecodeRuneInString(w[1:])
	return 1+n == len(w)-1 && isApostrophe(r)
}

// cliticSplit checks for an English clitic at the apostrophe text[ap:ap+w]
// inside a word whose current segment starts at seg. It returns the span
// of the clitic (which may start before the apostrophe, for n't), or
// ce == 0.
func cliticSplit(text string, seg, ap, w int) (cs, ce int) {
	e := ap + w
	for e < len(text) && asciiClass[text[e]]&cLetter != 0 {
		e++
	}
	if e < len(text) {
		if r, _ := decodeAt(text, e); isWordRune(r) {
			return 0, 0
		}
	}
	suf := text[ap+w : e]
	switch len(suf) {
	case 1:
		switch suf[0] | 0x20 {
		case 't':
			if ap-1 > seg && text[ap-1]|0x20 == 'n' {
				return ap - 1, e
			}
		case 's', 'd', 'm':
			return ap, e
		}
	case 2:
		l := string([]byte{suf[0] | 0x20, suf[1] | 0x20})
		if l == "re" || l == "ll" || l == "ve" {
			return ap, e
		}
	}
	return 0, 0
}

// cliticAt reports the end of a clitic ('s 're 'll 've 'd 'm) that starts
// with the apostrophe at i and is glued to the previous token (Jr.'s,
// 1990's) or stands alone (a lexicon pattern "'s"), or 0.
func (s *Scanner) cliticAt(i int) int {
	if !s.english {
		return 0
	}
	text := s.text
	if i > 0 {
		p := lastRune(text, i)
		if !(isWordRune(p) || p == '.' || unicode.IsSpace(p)) {
			return 0
		}
	}
	_, w := decodeAt(text, i)
	cs, ce := cliticSplit(text, -1, i, w)
	if ce == 0 || cs != i {
		return 0
	}
	return ce
}

// scanNumber scans digits with inner separators (1,000 3.5 2024-12-05 10:30
// 14/05/2023) from i, which holds a digit.
func scanNumber(text string, i int) int {
	j := skipDigits(text, i)
	for j+1 < len(text) {
		switch text[j] {
		case ',', '.', ':', '/', '-':
			if r, _ := decodeAt(text, j+1); isDigitRune(r) {
				j = skipDigits(text, j+1)
				continue
			}
		}
		break
	}
	return j
}

func skipDigits(text string, j int) int {
	for j < len(text) {
		r, w := decodeAt(text, j)
		if !isDigitRune(r) {
			break
		}
		j += w
	}
	return j
}

// scanDotted matches an acronym written with dots (U.S., e.g., H.E., Ph.D.)
// whose first segment is text[seg:dot]: two or more segments of one or two
// letters, each followed by a dot. It returns the end after the last dot,
// or 0.
func scanDotted(text string, seg, dot int) int {
	n := 0
	p := seg
	end := 0
	for {
		q := p
		letters := 0
		for q < len(text) && letters < 3 {
			r, w := decodeAt(text, q)
			if !isLetterRune(r) {
				break
			}
			letters++
			q += w
		}
		if letters == 0 || letters > 2 || q >= len(text) || text[q] != '.' {
			break
		}
		if n == 0 && q != dot {
			return 0
		}
		n++
		end = q + 1
		p = q + 1
	}
	if n < 2 {
		return 0
	}
	return end
}

// knownAbbrev reports whether text[seg:dot] followed by the dot at dot is a
// known abbreviation (Mr. etc. Art.); the abbreviations that only stand
// before a number (No. 5, Art. 51, p. 55) count only then.
func knownAbbrev(text string, seg, dot int, lang Language) bool {
	k := abbrevKind(text[seg:dot], lang)
	switch k {
	case abbrGeneral, abbrTitle, abbrInline, abbrStarter:
		return true
	case abbrNumeric:
		j := dot + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) {
			r, _ := decodeAt(text, j)
			return isDigitRune(r)
		}
	}
	return false
}

// mayBeURL reports whether scanURL may find a URL at i, inline: each of
// its prefixes ("https://", "http://", "ftp://", "www.", in any case) has
// at least four bytes, starts with h, w or f and has p, ':' or '.' as its
// fourth byte.
func mayBeURL(text string, i int) bool {
	if len(text)-i < 4 {
		return false
	}
	c, d := text[i]|0x20, text[i+3]
	return (c == 'h' || c == 'w' || c == 'f') && (d|0x20 == 'p' || d == ':' || d == '.')
}

// scanURL returns the end of a URL starting at i (http://, https://, ftp://
// or www.), or i.
func scanURL(text string, i int) int {
	c := text[i] | 0x20
	if c != 'h' && c != 'w' && c != 'f' {
		return i
	}
	rest := text[i:]
	var p int
	switch {
	case hasPrefixFold(rest, "https://"):
		p = 8
	case hasPrefixFold(rest, "http://"):
		p = 7
	case hasPrefixFold(rest, "ftp://"):
		p = 6
	case hasPrefixFold(rest, "www."):
		p = 4
	default:
		return i
	}
	j := i + p
	depth := 0
	for j < len(text) {
		r, w := decodeAt(text, j)
		if r < utf8.RuneSelf {
			if asciiClass[r]&cSpace != 0 || r == '"' || r == '<' || r == '>' || r < ' ' {
				break
			}
			if r == '(' {
				depth++
			} else if r == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
		} else if r == utf8.RuneError && w == 1 || unicode.IsSpace(r) || isQuoteRune(r) || r == '…' {
			break
		}
		j += w
	}
	for j > i+p {
		switch text[j-1] {
		case '.', ',', ';', ':', '!', '?', '\'', ')', ']', '}':
			if text[j-1] == ')' && depth == 0 && countByte(text[i:j], '(') > 0 {
				return j
			}
			j--
			continue
		}
		break
	}
	if j == i+p {
		return i
	}
	return j
}

// topLevelDomains are the endings that make a bare host name (un.org,
// kremlin.ru) a URL without a scheme.
var topLevelDomains = map[string]bool{
	"com": true, "org": true, "net": true, "int": true, "gov": true, "edu": true, "mil": true,
	"info": true, "io": true, "eu": true, "uk": true, "ru": true, "ua": true, "by": true,
	"fr": true, "de": true, "es": true, "it": true, "se": true, "no": true, "hu": true,
	"ch": true, "cn": true, "jp": true, "in": true, "br": true, "ca": true, "au": true,
}

// scanDomain returns the end of a bare host name with a known top-level
// domain and an optional path (un.org, www-less state.gov/briefings),
// starting at i, or i.
func scanDomain(text string, i int) int {
	j := i
	labels := 0
	lastLabel := i
	for {
		k := j
		for k < len(text) && (asciiClass[text[k]]&(cLetter|cDigit) != 0 || text[k] == '-' && k > j) {
			k++
		}
		if k == j || k-j > 63 {
			return i
		}
		labels++
		lastLabel = j
		j = k
		if j+1 < len(text) && text[j] == '.' && asciiClass[text[j+1]]&(cLetter|cDigit) != 0 && labels < 8 {
			j++
			continue
		}
		break
	}
	if labels < 2 || text[j-1] == '-' {
		return i
	}
	// The ending must be written in lower case: "end.It" is a typo, not a
	// host in Italy.
	if !topLevelDomains[text[lastLabel:j]] {
		return i
	}
	if j < len(text) {
		if r, _ := decodeAt(text, j); isWordRune(r) {
			return i
		}
	}
	if j < len(text) && text[j] == '/' {
		// a path, up to white space, trimmed like a URL
		k := j
		for k < len(text) && text[k] > ' ' && text[k] < utf8.RuneSelf && text[k] != '"' && text[k] != '<' && text[k] != '>' {
			k++
		}
		for k > j+1 && strings.IndexByte(".,;:!?')]", text[k-1]) >= 0 {
			k--
		}
		j = k
	}
	return j
}

func countByte(s string, b byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			n++
		}
	}
	return n
}

// scanEmail returns the end of an e-mail address starting at i, or i.
func scanEmail(text string, i int) int {
	// The local part is at most 64 bytes (RFC 5321), which also keeps
	// this look-ahead from making long runs of dotted letters quadratic.
	j := i
	for j < len(text) && j-i <= 64 && asciiClass[text[j]]&cEmail != 0 {
		j++
	}
	if j == i || j >= len(text) || text[j] != '@' || text[j-1] == '.' {
		return i
	}
	k := j + 1
	lastDot := -1
	for k < len(text) {
		c := text[k]
		if asciiClass[c]&(cLetter|cDigit) != 0 || c == '-' {
			k++
			continue
		}
		if c == '.' && k+1 < len(text) && asciiClass[text[k+1]]&(cLetter|cDigit) != 0 && text[k-1] != '.' && k > j+1 {
			lastDot = k
			k++
			continue
		}
		break
	}
	for k > j+1 && text[k-1] == '-' {
		k--
	}
	if lastDot < 0 || k-lastDot < 3 {
		return i
	}
	return k
}

// scanHandle returns the end of the name of a handle or hashtag whose
// sigil is just before i, or i.
func scanHandle(text string, i int) int {
	j := i
	letters := false
	for j < len(text) {
		r, w := decodeAt(text, j)
		if r == '_' || isDigitRune(r) {
			j += w
			continue
		}
		if isLetterRune(r) || (j > i && unicode.IsMark(r)) {
			letters = true
			j += w
			continue
		}
		break
	}
	if !letters {
		return i
	}
	return j
}

// skipSpace skips white space, control and invisible format characters.
func skipSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&cSpace == 0 && c >= ' ' && c != 0x7f {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		if !unicode.IsSpace(r) && !isInvisible(r) {
			return i
		}
		i += w
	}
	return i
}

// isInvisible reports format and control characters that are skipped like
// white space between tokens.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u061c':
		return true
	}
	return unicode.Is(unicode.Cc, r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// extendMarks extends a symbol over following combining marks, variation
// selectors and zero-width joiner sequences (emoji with modifiers).
func extendMarks(text string, j int) int {
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch {
		case r == '\u200d':
			if j+w < len(text) {
				_, w2 := utf8.DecodeRuneInString(text[j+w:])
				j += w + w2
				continue
			}
			return j + w
		case r >= 0xfe00 && r <= 0xfe0f, r >= 0x1f3fb && r <= 0x1f3ff, r >= 0xe0020 && r <= 0xe007f:
			j += w
		case r >= utf8.RuneSelf && unicode.IsMark(r):
			j += w
		default:
			return j
		}
	}
	return j
}

func decodeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func lastRune(text string, i int) rune {
	if i <= 0 {
		return utf8.RuneError
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

const (
	cLetter = 1 << iota
	cDigit
	cSpace
	cPunct
	cEmail // may appear in the local part of an e-mail address
	// cEnd marks the ASCII bytes that end a word of ASCII letters where
	// it stands: none of the look-aheads of Scanner.word (a URL's ':' or
	// '.', an e-mail address's local part or '@', a domain's dot, an
	// apostrophe, a hyphen, an abbreviation's dot) goes on over them.
	cEnd
)

var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= cLetter | cEmail
		t[c-'a'+'A'] |= cLetter | cEmail
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= cDigit | cEmail
	}
	for _, c := range " \t\n\r\v\f" {
		t[c] |= cSpace
	}
	for _, c := range ".,;:!?'\"()[]{}-/_`" {
		t[c] |= cPunct
	}
	for _, c := range "._%+-" {
		t[c] |= cEmail
	}
	for c := range utf8.RuneSelf {
		if t[c]&cEmail == 0 && c != '@' && c != '\'' && c != ':' {
			t[c] |= cEnd
		}
	}
	return t
}()

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cLetter != 0
	}
	return unicode.IsLetter(r)
}

// startsDigit reports whether the rune at i of text is a digit.
func startsDigit(text string, i int) bool {
	r, _ := decodeAt(text, i)
	return isDigitRune(r)
}

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cDigit != 0
	}
	return unicode.IsDigit(r)
}

// isWordRune reports runes that continue a word: letters, digits, combining
// marks, soft hyphens and zero-width (non-)joiners.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(cLetter|cDigit) != 0
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u00ad' || r == '\u200c' || r == '\u200d'
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

// isHyphen reports the characters that join a compound (not dashes).
func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '„', '‟', '«', '»', '‹', '›', '‛', '「', '」', '『', '』':
		return true
	}
	return false
}

// isPunctRune reports whether a non-letter rune is punctuation (kind
// [Punct]) rather than a symbol.
func isPunctRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cPunct != 0
	}
	switch r {
	case '§', '¶', '†', '‡', '‰', '‱', '※', '⁂':
		return false
	}
	return unicode.IsPunct(r)
}
