package lexicon

import (
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/tokenize"
)

// elemKind is the kind of one element of a compiled pattern.
type elemKind uint8

const (
	elemWord   elemKind = iota // token Norm equals text
	elemPrefix                 // token Norm starts with text (trailing wildcard)
	elemStem                   // token Stem equals stem
	elemGap                    // any one Word or Number token
)

// element is one normalised pattern element: it matches exactly one token.
type element struct {
	kind elemKind
	text string // normalised word or prefix; for a stem, the normalised word
	stem string // for elemStem: the stem that a token's Stem must equal
}

// pattern is a parsed pattern: a non-empty sequence of elements that does
// not begin or end with a gap.
type pattern struct {
	elems []element
}

// String returns the canonical form of p: its elements, normalised and
// split as the tokenizer splits them, separated by single spaces. Two
// patterns that match the same token sequences by construction (such as
// "Russia’s" and "russia 's") have the same canonical form.
func (p pattern) String() string {
	var b strings.Builder
	for i, e := range p.elems {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch e.kind {
		case elemGap:
			b.WriteByte('_')
		case elemStem:
			b.WriteByte('~')
			b.WriteString(e.text)
		case elemPrefix:
			b.WriteString(e.text)
			b.WriteByte('*')
		default:
			b.WriteString(e.text)
		}
	}
	return b.String()
}

// patternTokenizer returns a new tokenizer of lang for splitting pattern
// elements. Validating or compiling a lexicon uses one for all its
// patterns, so that they share its memo of normal forms and stems, and
// drops it afterwards: a tokenizer kept for the life of the process would
// keep the words of every lexicon ever loaded (megabytes for a large one).
// Making one costs about a tenth of a microsecond. It computes no stems:
// a pattern needs the stems of its stem elements only, and those of ASCII
// letters (nearly all) are stemmed by appendElements itself; appendSplit
// splits the others with a stemming tokenizer of their own.
func patternTokenizer(lang tokenize.Language) (*tokenize.Tokenizer, error) {
	return tokenize.New(tokenize.Options{Language: lang, NoStems: true})
}

// stemTokenizer holds the tokenizer that splits the stem elements which
// appendElements cannot take whole: one that computes stems, unlike the
// pattern tokenizer. It is made on first use, once for a whole lexicon
// (a new one for each element would cost a large lexicon megabytes).
type stemTokenizer struct {
	tk *tokenize.Tokenizer
}

// of returns the stemming tokenizer of tk's options.
func (s *stemTokenizer) of(tk *tokenize.Tokenizer) (*tokenize.Tokenizer, error) {
	opts := tk.Options()
	opts.NoStems = false
	if s.tk == nil || s.tk.Options() != opts {
		t, err := tokenize.New(opts)
		if err != nil {
			return nil, err
		}
		s.tk = t
	}
	return s.tk, nil
}

// parsePattern splits and normalises one pattern string. On error it
// returns the byte offset within s of the problem and an error wrapping
// [ErrEmptyPattern], [ErrBareWildcard] or [ErrSyntax].
//
// The pattern is split at white space into elements. An element is `_` (a
// gap), `word*` (a prefix), `~word` (a stem) or `word` (exact). The word of
// an element is tokenized with the tokenizer of lang, so it may become
// several consecutive elements: `Russia's` gives `russia` `'s`, and
// `~Russia's` gives the stem elements `~russia` `~'s`. A trailing `*`
// applies to the last of them only. Each resulting element takes the
// token's normal form (its Norm); a stem element takes the token's Stem,
// which is what [tokenize.Stem] gives for the normal form in lang.
//
// Errors: a pattern without elements ([ErrEmptyPattern]); `*` alone
// ([ErrBareWildcard]); `~` alone, `~*`, `~word*`, `**`, a `*` or `~` inside a
// word, `_` inside a word, a word that has no tokens, and a gap at the
// beginning or end of the pattern ([ErrSyntax]).
func parsePattern(s string, lang tokenize.Language) (pattern, int, error) {
	tk, err := patternTokenizer(lang)
	if err != nil {
		return pattern{}, 0, fmt.Errorf("%w: %w", ErrSyntax, err)
	}
	return appendPattern(nil, s, tk, &stemTokenizer{})
}

// checkPattern is parsePattern with the tokenizer tk, for a caller that
// needs only the error: it parses into pooled memory.
func checkPattern(s string, tk *tokenize.Tokenizer) (int, error) {
	buf := checkBufs.Get().(*[]element)
	p, off, err := appendPattern((*buf)[:0], s, tk, nil)
	*buf = p.elems[:0]
	checkBufs.Put(buf)
	return off, err
}

var checkBufs = sync.Pool{New: func() any { return new([]element) }}

// appendPattern is parsePattern with the tokenizer tk, appending the
// pattern's elements to dst, so that a caller may reuse their memory.
// With stk nil, stems are not computed (validation needs none): a stem
// element's stem is then empty, or its normal form when it was split;
// otherwise stk splits the stem elements that tk cannot take whole.
func appendPattern(dst []element, s string, tk *tokenize.Tokenizer, stk *stemTokenizer) (pattern, int, error) {
	var (
		err               error
		p                 = pattern{elems: dst}
		firstOff, lastOff int
		firstGap, lastGap bool
		fields            int
	)
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if c == ' ' || c-'\t' <= '\r'-'\t' {
					break
				}
				j++
				continue
			}
			r, w = utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += w
		}
		field := s[i:j]
		if fields == 0 {
			firstOff, firstGap = i, field == "_"
		}
		lastOff, lastGap = i, field == "_"
		fields++
		var off int
		p.elems, off, err = appendElements(p.elems, field, tk, stk)
		if err != nil {
			return pattern{}, i + off, err
		}
		i = j
	}
	switch {
	case len(p.elems) == 0:
		return pattern{}, 0, fmt.Errorf("%w", ErrEmptyPattern)
	case firstGap:
		return pattern{}, firstOff, fmt.Errorf("%w: a pattern may not begin with the gap _", ErrSyntax)
	case lastGap:
		return pattern{}, lastOff, fmt.Errorf("%w: a pattern may not end with the gap _", ErrSyntax)
	}
	return p, 0, nil
}

// appendPlain is appendPattern for a plain pattern (see plainPattern),
// stems computed, in one pass over its bytes: it appends the pattern's
// elements to dst and returns true, or returns false for a pattern that
// is not plain, which appendPattern must then parse.
func appendPlain(dst []element, s string, tk *tokenize.Tokenizer) (pattern, bool) {
	n0, lastGap := len(dst), false
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		kind, word, upper, next, ok := plainElem(s, i)
		if !ok || kind == elemGap && len(dst) == n0 {
			return pattern{elems: dst[:n0]}, false
		}
		if upper {
			word, _ = asciiWord(word)
		}
		e := element{kind: kind, text: word}
		if kind == elemStem {
			e.stem = tokenize.Stem(word, tk.Options().Language)
		}
		dst = append(dst, e)
		lastGap = kind == elemGap
		i = next
	}
	if len(dst) == n0 || lastGap {
		return pattern{elems: dst[:n0]}, false
	}
	return pattern{elems: dst}, true
}

// plainElem reads the element of a plain pattern (see plainPattern) that
// starts at s[i], which is not a space: a gap (`_`), or a word of ASCII
// letters or a compound of such words joined by single hyphens, perhaps a
// stem (`~word`) or a prefix (`word*`) but not both, followed by a space
// or the end. It returns the element's kind, its word ("" for a gap),
// whether the word has an upper-case letter, and where the element ends;
// ok is false when no plain element starts at i. Whether a gap may stand
// there is the caller's to say.
func plainElem(s string, i int) (kind elemKind, word string, upper bool, next int, ok bool) {
	if s[i] == '_' {
		if i+1 < len(s) && s[i+1] != ' ' {
			return 0, "", false, 0, false
		}
		return elemGap, "", false, i + 1, true
	}
	kind = elemWord
	if s[i] == '~' {
		kind = elemStem
		i++
	}
	j := i
	for j+8 <= len(s) {
		// Most of a pattern's bytes, up to eight at a time.
		n := lowerRun(word64(s, j))
		if j += n; n < 8 {
			break
		}
	}
	for j < len(s) {
		if c := s[j]; c-'a' < 26 {
			j++
		} else if c-'A' < 26 {
			j, upper = j+1, true
		} else if c == '-' && j > i && j+1 < len(s) && s[j+1]|0x20-'a' < 26 {
			j++
		} else {
			break
		}
	}
	if j == i {
		return 0, "", false, 0, false
	}
	word = s[i:j]
	if j < len(s) && s[j] == '*' {
		if kind == elemStem {
			return 0, "", false, 0, false
		}
		kind = elemPrefix
		j++
	}
	if j < len(s) && s[j] != ' ' {
		return 0, "", false, 0, false
	}
	return kind, word, upper, j, true
}

// word64 returns the 8 bytes of s from k as a little-endian word (one load).
func word64(s string, k int) uint64 {
	s = s[k : k+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerRun returns how many of the bytes of w, a little-endian word of 8
// bytes, are ASCII lower-case letters before the first that is not: one
// with its high bit set, or one whose high bit adding 0x80-'a' does not
// set, or adding 0x7f-'z' does. A byte with its high bit set may carry
// into the next byte's sum, but every byte below the first such one is a
// letter and carries nothing.
func lowerRun(w uint64) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	bad := (w | ^(w + (0x80-'a')*ones) | (w + (0x7f-'z')*ones)) & high
	return bits.TrailingZeros64(bad) / 8
}

// appendElements parses one white-space-free field of a pattern and
// appends its elements to dst. On error it returns the offset within field.
func appendElements(dst []element, field string, tk *tokenize.Tokenizer, stk *stemTokenizer) ([]element, int, error) {
	if field == "_" {
		return append(dst, element{kind: elemGap}), 0, nil
	}
	body, at := field, 0
	stem := strings.HasPrefix(body, "~")
	if stem {
		body, at = body[1:], 1
	}
	wild := strings.HasSuffix(body, "*")
	if wild {
		body = body[:len(body)-1]
	}
	switch {
	case body == "" && wild && !stem:
		return dst, 0, fmt.Errorf("%w: a lone * would match every word", ErrBareWildcard)
	case body == "":
		return dst, 0, fmt.Errorf("%w: %q has no word", ErrSyntax, field)
	case stem && wild:
		return dst, len(field) - 1, fmt.Errorf("%w: %q is both a stem and a wildcard", ErrSyntax, field)
	}
	if lower, ok := asciiWord(body); ok {
		// The fast path of most lexicon entries: a word of ASCII letters
		// (or a compound of such words, see asciiWord) is one Word token
		// for every language's tokenizer, whose Norm is the word in lower
		// case and whose Stem is the stem of that.
		e := element{kind: elemWord, text: lower}
		switch {
		case stem:
			e.kind = elemStem
			if stk != nil {
				e.stem = tokenize.Stem(lower, tk.Options().Language)
			}
		case wild:
			e.kind = elemPrefix
		}
		return append(dst, e), 0, nil
	}
	if k := strings.IndexAny(body, "*~_"); k >= 0 {
		what := "a wildcard * may only end a word"
		switch body[k] {
		case '~':
			what = "a stem mark ~ may only begin a word"
		case '_':
			what = "a gap _ must stand alone"
		}
		return dst, at + k, fmt.Errorf("%w: %s", ErrSyntax, what)
	}
	if stem && stk != nil {
		// The tokens' stems are needed: split with a tokenizer that
		// computes them (tk, from patternTokenizer, does not).
		var err error
		if tk, err = stk.of(tk); err != nil {
			return dst, at, fmt.Errorf("%w: %w", ErrSyntax, err)
		}
	}
	return appendSplit(dst, field, body, at, stem, wild, tk)
}

// asciiWord reports whether body is made of ASCII letters, perhaps in
// runs joined by single hyphens ("cease-fire", "self-determination"), and
// returns it in lower case (body itself when it has no upper-case letter).
// Every language's tokenizer gives such a word as one Word token (a
// compound when it has hyphens: a hyphen followed by a letter continues a
// word), whose Norm is the word in lower case and whose Stem is the stem
// of that (tokenize.Stem stems a compound's last part, as the tokenizer
// does).
func asciiWord(body string) (string, bool) {
	upper := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c-'a' < 26:
		case c-'A' < 26:
			upper = true
		case c == '-' && i > 0 && i+1 < len(body) && body[i-1] != '-':
			// Between letters: the byte before is one (it is not a
			// hyphen, and anything else has returned), and the next
			// iteration checks the byte after.
		default:
			return "", false
		}
	}
	if !upper {
		return body, true
	}
	b := make([]byte, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b), true
}

// appendSplit is appendElements for a word that the tokenizer must split
// and normalise (one with an apostrophe, dot, digit, a letter outside
// ASCII, or a hyphen that does not join two runs of ASCII letters).
func appendSplit(dst []element, field, body string, at int, stem, wild bool, tk *tokenize.Tokenizer) ([]element, int, error) {
	doc := splitDocs.Get().(*tokenize.Document)
	defer splitDocs.Put(doc)
	toks := splitElement(tk, doc, body)
	if len(toks) == 0 {
		return dst, at, fmt.Errorf("%w: %q has no word", ErrSyntax, field)
	}
	for n, t := range toks {
		e := element{kind: elemWord, text: t.Norm}
		switch {
		case stem:
			e.kind, e.stem = elemStem, t.Stem
		case wild && n == len(toks)-1:
			e.kind = elemPrefix
		}
		if e.text == "" {
			return dst, at + t.Start, fmt.Errorf("%w: %q has no word", ErrSyntax, field)
		}
		dst = append(dst, e)
	}
	return dst, 0, nil
}

// splitElement tokenizes the word of one element into doc's tokens (whose
// memory it reuses between calls; the document's other fields are not
// set). A word that begins with an apostrophe is first tried as a clitic,
// as it would appear after a host word in text, so that `'s` and `’re`
// written on their own are the clitic tokens "'s" and "'re" rather than a
// quote and a word. The tokens are valid until doc is reused.
//
// The tokens are those of [tokenize.Tokenizer.TokenizeInto], taken from
// [tokenize.Tokenizer.All], which computes neither the sentences nor the
// parts of compounds, which a pattern does not use: for a word such as
// "cease-fire", about half of what tokenizing it cost.
func splitElement(tk *tokenize.Tokenizer, doc *tokenize.Document, body string) []tokenize.Token {
	if r, _ := utf8.DecodeRuneInString(body); r == '\'' || tokenize.Normalize(string(r)) == "'" {
		doc.Tokens = appendTokens(doc.Tokens[:0], tk, "x"+body)
		if toks := doc.Tokens; len(toks) >= 2 && toks[0].End == 1 && toks[1].Flags&tokenize.Clitic != 0 {
			toks = toks[1:]
			for i := range toks {
				toks[i].Start--
				toks[i].End--
			}
			return toks
		}
	}
	doc.Tokens = appendTokens(doc.Tokens[:0], tk, body)
	return doc.Tokens
}

// appendTokens appends the tokens of text to dst.
func appendTokens(dst []tokenize.Token, tk *tokenize.Tokenizer, text string) []tokenize.Token {
	for t := range tk.All(text) {
		dst = append(dst, t)
	}
	return dst
}

// splitDocs recycles the documents that splitElement tokenizes into.
var splitDocs = sync.Pool{New: func() any { return new(tokenize.Document) }}

// errPatternLimit is returned by compile for a lexicon too large to index.
var errPatternLimit = errors.New("lexicon: too many patterns or words to compile")
