package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball"
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
}

// Tokenizer splits statements into sentences and tokens. It is immutable
// after [New] and safe for concurrent use. The zero value is not usable.
type Tokenizer struct {
	opts Options
}

// New returns a Tokenizer for opts, or an error wrapping [ErrLanguage].
func New(opts Options) (*Tokenizer, error) {
	lang, err := ParseLanguage(string(opts.Language))
	if err != nil {
		return nil, err
	}
	opts.Language = lang
	return &Tokenizer{opts: opts}, nil
}

// Options returns the options the tokenizer was built with, with defaults filled in.
func (t *Tokenizer) Options() Options { return t.opts }

// Tokenize splits text into sentences and tokens. It never panics: invalid
// UTF-8 becomes Symbol tokens with true offsets. The error is non-nil only
// when tagging was requested and failed; the document is still usable.
//
// TEMPORARY naive implementation: replaced by the real tokenizer.
func (t *Tokenizer) Tokenize(text string) (*Document, error) {
	doc := &Document{Text: text, Language: t.opts.Language}
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '-') {
					break
				}
				j += w2
			}
			kind := Word
			if unicode.IsDigit(r) {
				kind = Number
			}
			tok := Token{Text: text[i:j], Start: i, End: j, Kind: kind}
			tok.Norm = Normalize(tok.Text)
			tok.Stem = Stem(tok.Norm, t.opts.Language)
			doc.Tokens = append(doc.Tokens, tok)
			i = j
		default:
			kind := Symbol
			if unicode.IsPunct(r) {
				kind = Punct
			}
			doc.Tokens = append(doc.Tokens, Token{Text: text[i : i+w], Norm: Normalize(text[i : i+w]), Stem: Normalize(text[i : i+w]), Start: i, End: i + w, Kind: kind})
			i += w
		}
	}
	first := 0
	for k, tok := range doc.Tokens {
		if tok.Text == "." || tok.Text == "!" || tok.Text == "?" || k == len(doc.Tokens)-1 {
			doc.Sentences = append(doc.Sentences, Sentence{Start: doc.Tokens[first].Start, End: tok.End, First: first, Last: k + 1})
			first = k + 1
		}
	}
	return doc, nil
}

// Normalize returns the normal form shared by tokens and lexicon entries:
// lower case, curly quotes and apostrophes as ASCII, dashes and hyphens
// unified to '-', combining marks and width variants folded.
//
// TEMPORARY naive implementation.
func Normalize(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-", "‐", "-", "‑", "-").Replace(s)
}

// Stem returns the snowball stem of the normalised word w in lang, or w
// itself when lang has no stemmer or w is not a word.
func Stem(w string, lang Language) string {
	name := map[Language]string{"": "english", English: "english", Russian: "russian", Spanish: "spanish", French: "french", Swedish: "swedish", Norwegian: "norwegian", Hungarian: "hungarian"}[lang]
	if name == "" {
		return w
	}
	s, err := snowball.Stem(w, name, true)
	if err != nil {
		return w
	}
	return s
}
