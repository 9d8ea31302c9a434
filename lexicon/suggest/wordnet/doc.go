// Package wordnet reads the Princeton WordNet 3.0 database in the format
// of its own files (wndb(5WN)), as Debian's wordnet-base package installs
// them in /usr/share/wordnet, and finds the lemmas related to a word. The
// suggest package uses it to propose synonyms of a lexicon's cues, which
// it then validates on annotated data.
//
// # Files
//
// A database has, for each part of speech ([Noun], [Verb], [Adj], [Adv]),
// a data file (data.noun, ...) with one [Synset] a line: its lemmas, its
// [Pointer]s to other synsets and its gloss; an index file (index.noun,
// ...) with one [IndexEntry] a line: a lemma and its synsets in sense
// order, most frequent first; and an exception list (noun.exc, ...) of
// irregular inflections ([Exception]). [ParseData], [ParseIndex] and
// [ParseExceptions] parse one file each without I/O; every bad line is
// reported as an [Error] "file:line: message" in an [ErrorList] that
// unwraps to [ErrSyntax]. [New] joins the parsed files into a [WordNet]
// and checks that every pointer and index offset names a synset
// ([ErrDangling]); [Load] and [LoadFS] read a directory.
//
// # Lookups
//
// [WordNet.BaseForms] finds the lemmas a word can be an inflection of, the
// way WordNet's morphy does: the exception list, the word itself and the
// suffix rules of its part of speech ("accused" -> "accuse").
// [WordNet.Lookup] returns a lemma's synsets in sense order.
// [WordNet.Related] returns the lemmas related to a word by a [Relation]:
// the other lemmas of its synsets ([Synonym]), the lemmas of the synsets
// an adjective is similar to ([Similar]: a satellite's head and a head's
// satellites), and its derivationally related forms ([Derived]). Results
// are in a fixed order: parts of speech in file order, then senses, then
// the order of the lemmas in the file.
//
// A [WordNet] is immutable after loading and safe for concurrent use. The
// full database takes about a second to load and some 100 MB of memory.
package wordnet
