package lexicon

import (
	"fmt"
	"math"
	"strings"

	"github.com/rhetorica/rhetorica/tokenize"
)

// entryTable holds the entries of every category of a compiled lexicon:
// their patterns back to back in one string, and per entry the end of its
// pattern (and its weight, when some weight is not 1). For 100,000 entries
// that is about 1.7 MB, where 100,000 Entry values took 2.4 MB, and their
// patterns, substrings of the file that they were read from, kept the
// whole file's text alive (1.8 MB more). A lexicon keeps it for its life.
type entryTable struct {
	text    string    // the patterns, in lexicon order
	ends    []uint32  // ends[k]: where pattern k ends in text; it begins where k-1 ends
	weights []float64 // the weight of each entry; nil when every weight is 1
	first   []int32   // first[c]: the index of category c's first entry; len(categories)+1 of them
}

// newEntryTable moves the entries of def's categories into a table,
// leaving their Entries nil. It fails when the patterns together have
// more than 4 GiB.
func newEntryTable(def *Definition) (entryTable, error) {
	n, size, ones := 0, 0, true
	for _, c := range def.Categories {
		n += len(c.Entries)
		for _, e := range c.Entries {
			size += len(e.Pattern)
			ones = ones && e.Weight == 1
		}
	}
	if uint64(size) > math.MaxUint32 || int64(n) > math.MaxInt32 {
		return entryTable{}, errPatternLimit
	}
	t := entryTable{ends: make([]uint32, 0, n), first: make([]int32, 0, len(def.Categories)+1)}
	if !ones {
		t.weights = make([]float64, 0, n)
	}
	var b strings.Builder
	b.Grow(size)
	for i := range def.Categories {
		c := &def.Categories[i]
		t.first = append(t.first, int32(len(t.ends)))
		for _, e := range c.Entries {
			b.WriteString(e.Pattern)
			t.ends = append(t.ends, uint32(b.Len()))
			if !ones {
				t.weights = append(t.weights, e.Weight)
			}
		}
		c.Entries = nil
	}
	t.first = append(t.first, int32(len(t.ends)))
	t.text = b.String()
	return t, nil
}

// count returns the number of entries of category c.
func (t *entryTable) count(c int) int { return int(t.first[c+1] - t.first[c]) }

// entry returns entry j of category c. It panics if c or j is out of
// range.
func (t *entryTable) entry(c, j int) Entry {
	lo, hi := t.first[c], t.first[c+1]
	if j < 0 || j >= int(hi-lo) {
		panic(fmt.Sprintf("lexicon: entry index %d out of range [0:%d]", j, hi-lo))
	}
	return t.at(int(lo) + j)
}

// at returns entry k of the whole table.
func (t *entryTable) at(k int) Entry {
	e := Entry{Pattern: t.pattern(k), Weight: 1}
	if t.weights != nil {
		e.Weight = t.weights[k]
	}
	return e
}

// pattern returns the pattern of entry k of the whole table.
func (t *entryTable) pattern(k int) string {
	return t.text[t.start(k):t.ends[k]]
}

// start returns where the pattern of entry k begins in t.text.
func (t *entryTable) start(k int) uint32 {
	if k > 0 {
		return t.ends[k-1]
	}
	return 0
}

// entries returns a new slice of the entries of category c (nil when it
// has none).
func (t *entryTable) entries(c int) []Entry {
	lo, hi := int(t.first[c]), int(t.first[c+1])
	if lo == hi {
		return nil
	}
	out := make([]Entry, hi-lo)
	for k := lo; k < hi; k++ {
		out[k-lo] = t.at(k)
	}
	return out
}

// cloneStrings gives every string of def its own memory, so that none of
// them keeps the text of the file that def was read from alive (the
// entries' patterns have been moved into an entryTable by then).
func cloneStrings(def *Definition) {
	def.Name = strings.Clone(def.Name)
	def.Language = tokenize.Language(strings.Clone(string(def.Language)))
	for i := range def.Categories {
		c := &def.Categories[i]
		c.Name, c.Description, c.Role = strings.Clone(c.Name), strings.Clone(c.Description), strings.Clone(c.Role)
		cloneEach(c.Remove)
	}
	for i := range def.Modifiers {
		m := &def.Modifiers[i]
		m.Pattern = strings.Clone(m.Pattern)
		cloneEach(m.Categories)
	}
	for i := range def.Actors {
		a := &def.Actors[i]
		a.Code, a.Name = strings.Clone(a.Code), strings.Clone(a.Name)
		cloneEach(a.Aliases)
	}
	for i := range def.Grammar {
		g := &def.Grammar[i]
		g.Name = strings.Clone(g.Name)
		cloneEach(g.Words)
	}
}

func cloneEach(s []string) {
	for i := range s {
		s[i] = strings.Clone(s[i])
	}
}
