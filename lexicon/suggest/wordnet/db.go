package wordnet

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
)

// WordNet is a loaded database: synsets, the index that finds a lemma's
// synsets in sense order, and the exception lists of irregular forms.
// Build it with [New], [Load] or [LoadFS]. The zero value is an empty
// database; a WordNet is immutable and safe for concurrent use.
type WordNet struct {
	synsets [numPOS][]Synset
	byOff   [numPOS]map[int]int32       // offset -> index in synsets
	index   [numPOS]map[string][]int32  // lower-case lemma -> synsets, sense order
	exc     [numPOS]map[string][]string // inflected form -> base forms
}

// Files are the contents of one part of speech's files, for [New].
type Files struct {
	Data       []Synset
	Index      []IndexEntry
	Exceptions []Exception
}

// New builds a database from the parsed files of each part of speech
// (files[Noun], files[Verb], ...; missing parts are empty). Every pointer
// and every index offset must name a synset of the data; those that do
// not are reported (up to [MaxErrors]) as an [ErrorList] whose items
// unwrap to [ErrDangling], and no database is returned. A lemma without an
// index entry is not found by [WordNet.Lookup].
func New(files map[POS]Files) (*WordNet, error) {
	wn := &WordNet{}
	if bad := slices.Sorted(maps.Keys(files)); len(bad) > 0 && bad[len(bad)-1] >= numPOS {
		// The smallest bad one, whatever the map's order.
		i, _ := slices.BinarySearch(bad, numPOS)
		return nil, fmt.Errorf("wordnet: bad part of speech %d", bad[i])
	}
	for _, pos := range POSes() {
		f := files[pos]
		wn.synsets[pos] = f.Data
		m := make(map[int]int32, len(f.Data))
		for i := range f.Data {
			m[f.Data[i].Offset] = int32(i)
		}
		wn.byOff[pos] = m
	}
	var errs ErrorList
	add := func(file string, line int, format string, args ...any) {
		if len(errs) < MaxErrors {
			errs = append(errs, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Err: ErrDangling})
		}
	}
	for _, pos := range POSes() {
		for i := range wn.synsets[pos] {
			ss := &wn.synsets[pos][i]
			for _, p := range ss.Pointers {
				if p.POS >= numPOS { // a caller's Synset; the parser makes none
					add(ss.file, ss.line, "synset %08d: %s pointer to %08d of a bad part of speech %d", ss.Offset, p.Symbol, p.Offset, p.POS)
					continue
				}
				if _, ok := wn.byOff[p.POS][p.Offset]; !ok {
					add(ss.file, ss.line, "synset %08d: %s pointer to %08d, which data.%s lacks", ss.Offset, p.Symbol, p.Offset, p.POS)
				}
			}
		}
	}
	for _, pos := range POSes() {
		f := files[pos]
		m := make(map[string][]int32, len(f.Index))
		for _, e := range f.Index {
			ids := make([]int32, 0, len(e.Offsets))
			for _, off := range e.Offsets {
				id, ok := wn.byOff[pos][off]
				if !ok {
					add("index."+pos.String(), 0, "%q: offset %08d, which data.%s lacks", e.Lemma, off, pos)
					continue
				}
				ids = append(ids, id)
			}
			m[strings.ToLower(e.Lemma)] = ids
		}
		wn.index[pos] = m
		x := make(map[string][]string, len(f.Exceptions))
		for _, e := range f.Exceptions {
			x[e.Form] = append(x[e.Form], e.Bases...)
		}
		wn.exc[pos] = x
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return wn, nil
}

// Load reads a database from the directory dir, as Debian's wordnet-base
// installs it (/usr/share/wordnet): see [LoadFS].
func Load(dir string) (*WordNet, error) {
	wn, err := LoadFS(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("wordnet: %s: %w", dir, err)
	}
	return wn, nil
}

// LoadFS reads data.POS and index.POS for POS noun, verb, adj and adv, and
// the exception lists POS.exc where they exist, from the root of fsys, and
// builds the database with [New]. A missing data or index file is an
// error that unwraps to fs.ErrNotExist; a part of speech whose data and
// index files are both missing is left empty, but not all four.
func LoadFS(fsys fs.FS) (*WordNet, error) {
	files := map[POS]Files{}
	var errs []error
	for _, pos := range POSes() {
		var f Files
		data, derr := fs.ReadFile(fsys, "data."+pos.String())
		index, ierr := fs.ReadFile(fsys, "index."+pos.String())
		if errors.Is(derr, fs.ErrNotExist) && errors.Is(ierr, fs.ErrNotExist) {
			continue
		}
		if derr != nil || ierr != nil {
			errs = append(errs, cmpOr(derr, ierr))
			continue
		}
		var err error
		if f.Data, err = ParseData("data."+pos.String(), data); err != nil {
			errs = append(errs, err)
		}
		if f.Index, err = ParseIndex("index."+pos.String(), index); err != nil {
			errs = append(errs, err)
		}
		if exc, err := fs.ReadFile(fsys, pos.String()+".exc"); err == nil {
			if f.Exceptions, err = ParseExceptions(pos.String()+".exc", exc); err != nil {
				errs = append(errs, err)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
		files[pos] = f
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no data.noun, data.verb, data.adj or data.adv: %w", fs.ErrNotExist)
	}
	return New(files)
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// Len returns the number of synsets of a part of speech.
func (wn *WordNet) Len(pos POS) int {
	if pos >= numPOS {
		return 0
	}
	return len(wn.synsets[pos])
}

// Synset returns the synset of pos at offset. Its Words and Pointers share
// memory with the database and must not be modified.
func (wn *WordNet) Synset(pos POS, offset int) (Synset, bool) {
	if pos >= numPOS {
		return Synset{}, false
	}
	i, ok := wn.byOff[pos][offset]
	if !ok {
		return Synset{}, false
	}
	return wn.synsets[pos][i], true
}

// Lookup returns the synsets of a lemma (any case; spaces or underscores
// between its words) in pos, in sense order, most frequent sense first;
// nil when the index lacks it. The lemma must be a base form: see
// [WordNet.BaseForms]. The synsets share memory with the database and must
// not be modified.
func (wn *WordNet) Lookup(lemma string, pos POS) []Synset {
	if pos >= numPOS {
		return nil
	}
	ids := wn.index[pos][strings.ToLower(lemmaText(lemma))]
	out := make([]Synset, 0, len(ids))
	for _, id := range ids {
		out = append(out, wn.synsets[pos][id])
	}
	return out
}

// detachments are the suffix rules of WordNet's morphological processor
// (morphy(7WN)): an inflected ending and the base ending it stands for.
var detachments = [numPOS][][2]string{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// BaseForms returns the lemmas of pos that word (lower case) can be an
// inflection of, the way morphy(7WN) finds them: the base forms its
// exception list gives, the word itself, and what the suffix rules of the
// part of speech make of it, each kept when the index has it, without
// repeats, in that order.
func (wn *WordNet) BaseForms(word string, pos POS) []string {
	if pos >= numPOS || word == "" {
		return nil
	}
	word = strings.ToLower(lemmaText(word))
	var out []string
	try := func(b string) {
		if _, ok := wn.index[pos][b]; ok && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	for _, b := range wn.exc[pos][word] {
		try(b)
	}
	try(word)
	for _, d := range detachments[pos] {
		if stem, ok := strings.CutSuffix(word, d[0]); ok && stem != "" {
			try(stem + d[1])
		}
	}
	return out
}

// Relation says which related lemmas [WordNet.Related] returns; relations
// combine with |.
type Relation uint8

// The relations.
const (
	// Synonym is another lemma of the same synset.
	Synonym Relation = 1 << iota
	// Similar is a lemma of a synset an adjective's similar-to pointer
	// (&) leads to: a satellite's head, or a head's satellites.
	Similar
	// Derived is a derivationally related form (+) of the lemma itself,
	// often in another part of speech: blame -> blameworthy.
	Derived
)

// String names the relations of r joined by "+": "synonym",
// "similar", "derived".
func (r Relation) String() string {
	var parts []string
	for i, n := range [...]string{"synonym", "similar", "derived"} {
		if r&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// Related is a lemma that [WordNet.Related] found.
type Related struct {
	Lemma    string   // lower case, words joined by spaces
	POS      POS      // the part of speech of Lemma
	Relation Relation // how it was reached (one relation)
	Base     string   // the base form of the word it is related to
	Sense    int      // the 1-based sense of Base it came from
}

// Related returns the lemmas related to word by the relations rel, in
// every part of speech (noun, verb, adj, adv): for each base form of the
// word ([WordNet.BaseForms]) and each of its senses, up to maxSenses of
// them (<= 0: all), the other lemmas of the synset (Synonym), the lemmas
// of the synsets its similar-to pointers lead to (Similar), and the
// targets of its derivationally related pointers (Derived). The word's
// own base forms are left out; each lemma is listed once per part of
// speech, under the first sense and relation that reached it, in that
// order.
func (wn *WordNet) Related(word string, rel Relation, maxSenses int) []Related {
	var out []Related
	type key struct {
		lemma string
		pos   POS
	}
	seen := map[key]bool{}
	var bases [numPOS][]string
	for _, pos := range POSes() {
		bases[pos] = wn.BaseForms(word, pos)
		for _, b := range bases[pos] {
			seen[key{b, pos}] = true
		}
	}
	for _, pos := range POSes() {
		add := func(lemma string, p POS, r Relation, base string, sense int) {
			lemma = strings.ToLower(lemma)
			k := key{lemma, p}
			if !seen[k] {
				seen[k] = true
				out = append(out, Related{Lemma: lemma, POS: p, Relation: r, Base: base, Sense: sense})
			}
		}
		for _, b := range bases[pos] {
			for si, id := range wn.index[pos][b] {
				if maxSenses > 0 && si >= maxSenses {
					break
				}
				ss := &wn.synsets[pos][id]
				if rel&Synonym != 0 {
					for _, w := range ss.Words {
						add(w, pos, Synonym, b, si+1)
					}
				}
				for _, p := range ss.Pointers {
					switch {
					case rel&Similar != 0 && p.Symbol == SymbolSimilar && p.Source == 0:
						if t, ok := wn.Synset(p.POS, p.Offset); ok {
							for _, w := range t.Words {
								add(w, p.POS, Similar, b, si+1)
							}
						}
					case rel&Derived != 0 && p.Symbol == SymbolDerived && p.Source > 0 &&
						p.Source <= len(ss.Words) && strings.EqualFold(ss.Words[p.Source-1], b):
						if t, ok := wn.Synset(p.POS, p.Offset); ok && p.Target > 0 && p.Target <= len(t.Words) {
							add(t.Words[p.Target-1], p.POS, Derived, b, si+1)
						}
					}
				}
			}
		}
	}
	return out
}
