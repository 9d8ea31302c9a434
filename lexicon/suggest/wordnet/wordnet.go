package wordnet

import "strings"

// POS is a part of speech: the four files of a WordNet database. The zero
// value is [Noun].
type POS uint8

// The parts of speech, in the order of [POSes].
const (
	Noun POS = iota
	Verb
	Adj
	Adv
	numPOS
)

var posNames = [...]string{"noun", "verb", "adj", "adv"}

// POSes returns the four parts of speech in file order: noun, verb, adj, adv.
func POSes() []POS { return []POS{Noun, Verb, Adj, Adv} }

// String returns "noun", "verb", "adj" or "adv", the suffix of the files
// that hold the part of speech.
func (p POS) String() string {
	if p < numPOS {
		return posNames[p]
	}
	return "pos?"
}

// posOf returns the POS of a letter as the files write it (n, v, a, s, r).
func posOf(s string) (POS, bool) {
	switch s {
	case "n":
		return Noun, true
	case "v":
		return Verb, true
	case "a", "s":
		return Adj, true
	case "r":
		return Adv, true
	}
	return 0, false
}

// Synset is one set of synonyms: one line of a data file. It is plain
// data.
type Synset struct {
	// Offset is the synset's byte offset in its data file, which pointers
	// and index entries use to name it (with the POS).
	Offset int
	POS    POS
	// Satellite is true for an adjective satellite (ss_type "s"): its
	// similar-to pointer leads to the head adjective it clusters around.
	Satellite bool
	// LexFile is the number of the lexicographer file (lex_filenum).
	LexFile int
	// Words are the synset's lemmas as the lexicographer wrote them, with
	// spaces for the file's underscores and without the syntactic markers
	// of adjectives ((a), (p), (ip)): "blame", "pin the blame on".
	Words    []string
	Pointers []Pointer
	// Gloss is the definition and examples after the "|", trimmed.
	Gloss string

	line int // the line of the data file it was parsed from; 0 if built
	file string
}

// Pointer is a relation from a synset, or from one of its words, to
// another synset or word.
type Pointer struct {
	// Symbol is the pointer symbol of wninput(5WN): "&" similar to, "+"
	// derivationally related form, "@" hypernym, "!" antonym, ...
	Symbol string
	// POS and Offset name the target synset.
	POS    POS
	Offset int
	// Source and Target are the 1-based word numbers a lexical pointer
	// joins in the source and target synsets; both are 0 for a semantic
	// pointer, which relates the whole synsets.
	Source, Target int
}

// Semantic pointer symbols used by [WordNet.Related].
const (
	SymbolSimilar = "&" // similar to (adjective clusters)
	SymbolDerived = "+" // derivationally related form (lexical)
	SymbolAlsoSee = "^" // also see
)

// IndexEntry is one line of an index file: a lemma and its synsets in
// sense order (most frequent first). It is plain data.
type IndexEntry struct {
	// Lemma is lower-case, with spaces for the file's underscores.
	Lemma string
	POS   POS
	// Symbols are the pointer symbols the lemma has in any of its synsets.
	Symbols []string
	// TaggedSenses is how many of the first senses are ranked by frequency
	// in the semantic concordances.
	TaggedSenses int
	// Offsets are the lemma's synsets in its data file, sense 1 first.
	Offsets []int
}

// Exception is one line of an exception list (noun.exc, ...): an
// irregular inflected form and its base forms.
type Exception struct {
	Form  string   // with spaces for underscores: "geese", "ran"
	Bases []string // "goose"; "run"
}

// lemmaText turns the file's spelling of a lemma (underscores for spaces)
// into text.
func lemmaText(s string) string { return strings.ReplaceAll(s, "_", " ") }
