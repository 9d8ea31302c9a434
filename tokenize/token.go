package tokenize

// Kind classifies a [Token]. The zero value is [Word].
type Kind uint8

// The kinds of token.
const (
	Word   Kind = iota // a run of letters, possibly with apostrophes, hyphens or internal dots (U.S.)
	Number             // digits with optional separators and decimals: 1,000 3.5 2024-12-05
	Punct              // punctuation: . , ; : ! ? quotes brackets dashes
	Symbol             // any other symbol: $ % & * + = and emoji
	URL                // a web address: https://example.org/x
	Email              // an e-mail address
	Handle             // a social-media handle or hashtag: @user #tag
)

var kindNames = [...]string{"word", "number", "punct", "symbol", "url", "email", "handle"}

// String returns the lower-case name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k)) + ")"
}

// Flags record how a token was formed. The zero value means none.
type Flags uint8

// The token flags.
const (
	Compound     Flags = 1 << iota // hyphenated compound (rules-based); its parts are in [Document.Parts]
	Clitic                         // a clitic split from its host: n't 's 're 'll 've 'd 'm
	Abbreviation                   // an abbreviation or acronym written with dots: U.S. e.g. Art.
)

var flagNames = [...]string{"compound", "clitic", "abbreviation"}

// String returns the names of the flags set in f joined by '|', or "0".
func (f Flags) String() string {
	if f == 0 {
		return "0"
	}
	var b []byte
	for i, name := range flagNames {
		if f&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, '|')
			}
			b = append(b, name...)
		}
	}
	if rest := f &^ (1<<len(flagNames) - 1); rest != 0 {
		if len(b) > 0 {
			b = append(b, '|')
		}
		b = append(b, "flags("...)
		b = append(b, itoa(int(rest))...)
		b = append(b, ')')
	}
	return string(b)
}

// Token is one token of a statement. Text is always input[Start:End]. It
// is a plain value: copy it freely; the zero value is an empty word.
type Token struct {
	Text  string // surface form, exactly input[Start:End]
	Norm  string // normalised form (see [Normalize]); what lexicons match
	Stem  string // snowball stem of Norm for words in the document's language; Norm otherwise
	Tag   string // Penn Treebank part-of-speech tag when the document was tagged, else ""
	Start int    // byte offset of the first byte
	End   int    // byte offset just past the last byte
	// Form is a small dense ID of the pair (Norm, Stem) within the
	// tokenizer named by [Document.FormSpace], or 0 when the token has none
	// (non-word tokens already in normal form, such as most punctuation and
	// numbers; tokens over 64 bytes; all tokens once a tokenizer has handed
	// out about a million IDs). Tokens of one tokenizer with the same nonzero Form have
	// the same Norm and Stem, so a consumer may index a table by it instead
	// of hashing the strings. Leave it 0 in tokens made by hand, and set it
	// to 0 when changing a token's Norm or Stem.
	Form  uint32
	Kind  Kind
	Flags Flags
}

// Sentence is a sentence of a [Document]: a byte span and a token range.
// It is a plain value.
type Sentence struct {
	Start int // byte offset of the sentence's first token
	End   int // byte offset just past its last token
	First int // index of its first token in [Document.Tokens]
	Last  int // index just past its last token
}

// Entity is a named entity found by the part-of-speech tagger's extractor.
// It is a plain value.
type Entity struct {
	First int    // index of the first token in [Document.Tokens]
	Last  int    // index just past the last token
	Label string // prose's label, such as GPE, PERSON or ORG
}

// Document is a tokenized statement. The zero value is an empty document,
// ready for [Tokenizer.TokenizeInto]. A Document is safe for concurrent
// reads, not for concurrent reads and writes.
type Document struct {
	Text     string   // the input, unchanged
	Language Language // the language used for stems
	// FormSpace identifies the tokenizer whose form IDs ([Token.Form]) the
	// tokens carry, unique in the process; 0 (the zero value, and what a
	// Document built by hand should keep) means the IDs are not to be used.
	// Set it to 0 before mixing in tokens of another tokenizer.
	FormSpace uint64
	Tokens    []Token    // all tokens in order
	Sentences []Sentence // sentences in order, covering every token exactly once
	// Parts holds the parts of every Compound token, in text order: for
	// "rules-based" the tokens "rules" and "based" with their own offsets.
	Parts []Token
	// Tagged reports whether part-of-speech tags were assigned.
	Tagged bool
	// Unaligned counts tokens that the tagger could not align and left untagged.
	Unaligned int
	// Entities are named entities, when entity extraction was requested.
	Entities []Entity
}

// PartsOf returns the parts of token i when it is a Compound, else nil.
func (d *Document) PartsOf(i int) []Token {
	if i < 0 || i >= len(d.Tokens) || d.Tokens[i].Flags&Compound == 0 {
		return nil
	}
	t := d.Tokens[i]
	lo, hi := 0, len(d.Parts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Parts[m].Start < t.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	j := lo
	for j < len(d.Parts) && d.Parts[j].End <= t.End {
		j++
	}
	return d.Parts[lo:j]
}

// SentenceTokens returns the tokens of sentence i. It panics if i is out
// of range, as indexing Sentences would.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
