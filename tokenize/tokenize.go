package tokenize

import (
	"fmt"
	"iter"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// Options configure a [Tokenizer]. The zero value means English, stems on,
// no part-of-speech tagging.
type Options struct {
	// Language selects the stemmer; "" means English.
	Language Language
	// Tag assigns part-of-speech tags with prose (English only).
	Tag bool
	// Entities also extracts named entities with prose; implies Tag.
	Entities bool
	// NoStems leaves every token's Stem equal to its Norm, for a caller
	// that needs only the normal forms (a lexicon splitting the words of
	// its patterns): stemming a new word costs more than the rest of
	// tokenizing it.
	NoStems bool
}

// Tokenizer splits statements into sentences and tokens. It is immutable
// after [New] apart from an internal, bounded memo of normal forms and
// stems, and is safe for concurrent use. The zero value is not usable.
type Tokenizer struct {
	opts    Options
	stem    func(string, bool) string
	cache   formCache
	scratch sync.Pool // *segScratch
	space   uint64    // identifies this tokenizer's form IDs (see Document.FormSpace)
}

// spaces numbers the tokenizers, for Document.FormSpace.
var spaces atomic.Uint64

// New returns a Tokenizer for opts, or an error wrapping [ErrLanguage].
func New(opts Options) (*Tokenizer, error) {
	lang, err := ParseLanguage(string(opts.Language))
	if err != nil {
		return nil, err
	}
	opts.Language = lang
	if opts.Entities {
		opts.Tag = true
	}
	if opts.Tag && lang != English {
		return nil, fmt.Errorf("%w: part-of-speech tagging is available for English only, not %q", ErrLanguage, lang)
	}
	t := &Tokenizer{opts: opts, stem: stemmer(lang), space: spaces.Add(1)}
	if opts.NoStems {
		t.stem = nil // stemWith then gives every word itself
	}
	return t, nil
}

// Options returns the options the tokenizer was built with, with defaults filled in.
func (t *Tokenizer) Options() Options { return t.opts }

// Tokenize splits text into sentences and tokens. It never panics: invalid
// UTF-8 becomes Symbol tokens with true offsets. The error is non-nil only
// when tagging was requested and failed; the document is still usable.
func (t *Tokenizer) Tokenize(text string) (*Document, error) {
	doc := new(Document)
	err := t.TokenizeInto(doc, text)
	return doc, err
}

// TokenizeInto is like [Tokenizer.Tokenize] but fills doc, reusing the
// memory of its slices. After warm-up, tokenizing into a reused Document
// allocates nothing per token.
func (t *Tokenizer) TokenizeInto(doc *Document, text string) error {
	*doc = Document{
		Text:      text,
		Language:  t.opts.Language,
		FormSpace: t.space,
		Tokens:    doc.Tokens[:0],
		Sentences: doc.Sentences[:0],
		Parts:     doc.Parts[:0],
		Entities:  doc.Entities[:0],
	}
	// A reused Document that already holds about a token per five bytes
	// is not resized up front: the estimate costs a pass over the text.
	if cap(doc.Tokens) < len(text)/8+16 {
		if want := estimateTokens(text); cap(doc.Tokens) < want {
			doc.Tokens = make([]Token, 0, want)
		}
	}
	var s Scanner
	s.Reset(text, t.opts.Language)
	// The slice is kept in a local, not in doc, while it grows: doc's copy
	// would be read back after every call and written after every append.
	toks := doc.Tokens
	for {
		start, end, kind, flags, ok := s.scan()
		if !ok {
			break
		}
		// The token is written in place, field by field (see scan).
		toks = append(toks, Token{})
		tok := &toks[len(toks)-1]
		tok.Text, tok.Start, tok.End, tok.Kind, tok.Flags = text[start:end], start, end, kind, flags
	}
	doc.Tokens = toks
	// The forms are filled in a second pass: most of a look-up in the memo
	// is waiting for memory, and back to back, with no scanning between,
	// the processor overlaps the waits of consecutive words.
	for i := range toks {
		tok := &toks[i]
		t.fill(tok)
		if tok.Flags&Compound != 0 {
			doc.Parts = t.appendParts(doc.Parts, *tok)
		}
	}
	doc.Sentences = appendSentences(doc.Sentences, text, toks, t.opts.Language, &t.scratch)
	if t.opts.Tag {
		return t.Tag(doc)
	}
	return nil
}

// All returns an iterator over the tokens of text with Norm and Stem
// filled in, without building a [Document]: memory use does not grow with
// the text. Sentences, parts and tags are not computed.
func (t *Tokenizer) All(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		var s Scanner
		s.Reset(text, t.opts.Language)
		for {
			tok, ok := s.Next()
			if !ok {
				return
			}
			t.fill(&tok)
			if !yield(tok) {
				return
			}
		}
	}
}

// estimateTokens guesses how many tokens text has, erring high, so that
// the token slice is allocated once. English runs at about five bytes per
// token (with the space), so for texts under a megabyte a quarter of the
// length does. For longer ones a quick pass over the bytes counts the
// starts of runs of letters and the punctuation (7% over on UN speeches),
// so that an unusual text (one long word, say) does not reserve memory for
// millions of tokens.
func estimateTokens(text string) int {
	if len(text) < 1<<20 {
		return len(text)/4 + 16
	}
	n := 0
	inRun := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c < utf8.RuneSelf && asciiClass[c]&cSpace != 0:
			inRun = false
		case inRun && (c == '.' || c == ',' || c == '-' || c == '\'' || c == ':' || c == '/') &&
			i+1 < len(text) && asciiClass[text[i+1]]&(cLetter|cDigit) != 0:
			// inside U.S. 1,000 rules-based: the run goes on
		case c < utf8.RuneSelf && asciiClass[c]&(cLetter|cDigit) == 0, c == 0xe2:
			// ASCII punctuation and symbols, and the lead byte of general
			// punctuation (dashes, curly quotes, ellipsis)
			n++
			inRun = false
		case !inRun:
			n++
			inRun = true
		}
	}
	return n + n/16 + 16
}

// maxMemoLen is the longest token whose forms are memoised and stemmed.
const maxMemoLen = 64

// fill sets Norm and Stem of tok from the memo.
func (t *Tokenizer) fill(tok *Token) {
	if tok.Kind != Word {
		if asciiNormal(tok.Text) {
			tok.Norm, tok.Stem = tok.Text, tok.Text
			return
		}
		if tok.Kind == Symbol && len(tok.Text) == 1 {
			// An invalid byte: keep it as it is.
			tok.Norm, tok.Stem = tok.Text, tok.Text
			return
		}
	}
	if len(tok.Text) > maxMemoLen {
		// Long tokens (URLs, runs of letters without spaces) are neither
		// memoised nor stemmed: the memo would copy them and the stemmer
		// would expand them to runes.
		tok.Norm = Normalize(tok.Text)
		tok.Stem = tok.Norm
		return
	}
	r, chunks := t.cache.lookup(tok.Text, t.compute)
	tok.Norm, tok.Stem, tok.Form = r.norm(chunks), r.stem(chunks), r.id()
	if tok.Kind != Word && tok.Stem != tok.Norm {
		// The pair (Norm, Norm) is not the one the ID stands for.
		tok.Stem, tok.Form = tok.Norm, 0
	}
}

func (t *Tokenizer) compute(text string) form {
	n := Normalize(text)
	if n != text {
		// "The" and "the", "Russia’s" and "russia's": Snowball, which
		// costs more than the rest of tokenizing a word, runs once per
		// normal form, not once per surface form. The memo's entry for n
		// holds the stem of n when n is its own normal form (Normalize is
		// idempotent; the check keeps this exact if it ever were not).
		// Sharing that entry's ID keeps one ID per (norm, stem) pair.
		if f := t.cache.lookupForm(n, t.computeForm); f.norm == n {
			return f
		}
	}
	return form{norm: n, stem: stemWith(n, t.stem), id: t.cache.newID()}
}

// computeForm is compute without the look-up of the normal form.
func (t *Tokenizer) computeForm(text string) form {
	n := Normalize(text)
	return form{norm: n, stem: stemWith(n, t.stem), id: t.cache.newID()}
}

// appendParts appends the hyphen-separated parts of the compound tok.
func (t *Tokenizer) appendParts(dst []Token, tok Token) []Token {
	text := tok.Text
	start := 0
	for i := 0; i <= len(text); {
		var r rune
		w := 1
		if i < len(text) {
			r, w = decodeAt(text, i)
		}
		if i == len(text) || isHyphen(r) {
			if i > start {
				p := Token{Text: text[start:i], Start: tok.Start + start, End: tok.Start + i, Kind: Word}
				if c, _ := decodeAt(p.Text, 0); isDigitRune(c) {
					p.Kind = Number
				}
				if strings.HasSuffix(p.Text, ".") {
					p.Flags = Abbreviation
				}
				t.fill(&p)
				dst = append(dst, p)
			}
			start = i + w
		}
		i += w
	}
	return dst
}

// Stem returns the snowball stem of the normalised word w in lang, or w
// itself when lang has no stemmer or w is not a word. Only words made of
// letters are stemmed; for a hyphenated compound the last part is stemmed
// ("de-escalation" → "de-escal"); words with digits, dots or a leading
// apostrophe (clitics), and words longer than 64 bytes, are returned
// unchanged.
func Stem(w string, lang Language) string {
	return stemWith(w, stemmer(lang))
}

func stemmer(lang Language) func(string, bool) string {
	switch lang {
	case "", English:
		return stemEnglish
	case Russian:
		return russian.Stem
	case Spanish:
		return spanish.Stem
	case French:
		return french.Stem
	case Swedish:
		return swedish.Stem
	case Norwegian:
		return norwegian.Stem
	case Hungarian:
		return hungarian.Stem
	}
	return nil
}

// stemWith returns the stem of w, a normal form, by stem (nil for none):
// w itself unless w is made of letters, marks, apostrophes and hyphens, in
// which case stem takes what follows its last hyphen.
func stemWith(w string, stem func(string, bool) string) (out string) {
	if stem == nil || w == "" || w[0] == '\'' || len(w) > maxMemoLen {
		return w
	}
	last, i := 0, 0
	// Most words are ASCII: their bytes are tested without decoding runes
	// (for an ASCII byte, unicode.IsLetter holds for A-Z and a-z only, and
	// unicode.IsMark never).
	for ; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			break
		}
		switch {
		case c == '-':
			last = i + 1
		case c == '\'' || 'a' <= c|0x20 && c|0x20 <= 'z':
		default:
			return w
		}
	}
	for i < len(w) {
		r, n := decodeAt(w, i)
		switch {
		case r == '-':
			last = i + 1
		case r == '\'' || unicode.IsLetter(r) || unicode.IsMark(r):
		default:
			return w
		}
		i += n
	}
	if last == len(w) {
		return w
	}
	defer func() {
		// The stemmers are third-party code; never let them crash a caller.
		if recover() != nil {
			out = w
		}
	}()
	s := stem(w[last:], true)
	if s == "" || !validString(s) {
		return w
	}
	if last == 0 {
		return s
	}
	return w[:last] + s
}

// validString is utf8.ValidString, without a call for an ASCII string
// (most stems).
func validString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.ValidString(s[i:])
		}
	}
	return true
}
