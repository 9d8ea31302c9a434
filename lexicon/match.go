package lexicon

import "github.com/rhetorica/rhetorica/tokenize"

// MatchKind says which part of a lexicon a [Match] comes from.
type MatchKind uint8

// The kinds of match.
const (
	CategoryMatch MatchKind = iota // Index is a category, Entry an entry of it
	ModifierMatch                  // Index is a modifier
	ActorMatch                     // Index is an actor, Entry one of its aliases
)

// Match is one occurrence of a lexicon pattern in a tokenized document.
type Match struct {
	Kind  MatchKind
	Index int // index into Categories(), Modifiers() or Actors(), by Kind
	Entry int // index of the entry (or alias) within the category (or actor); 0 for modifiers
	First int // index of the first matched token in doc.Tokens
	Last  int // index just past the last matched token
	Start int // byte offset of the match in doc.Text
	End   int // byte offset just past the match
	// Part is true when the match lies inside one part of a Compound token
	// (First+1 == Last and Start/End are the part's offsets).
	Part bool
}

// Matcher finds a lexicon's patterns in tokenized documents in one pass.
// It is immutable and safe for concurrent use.
type Matcher struct{ lex *Lexicon }

// Matcher returns the lexicon's compiled matcher (compiled once, on first use or in [New]).
func (l *Lexicon) Matcher() *Matcher { return &Matcher{lex: l} }

// Find appends to dst every match in doc and returns the extended slice,
// ordered by First, then Kind, then Index. Within each category, each
// modifier and each actor independently, overlaps are resolved
// leftmost-longest so each token counts at most once per category.
func (m *Matcher) Find(doc *tokenize.Document, dst []Match) []Match {
	return dst // TEMPORARY
}
