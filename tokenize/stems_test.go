package tokenize

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kljensen/snowball/english"
)

// TestStemTable checks that the embedded table of English stems is
// sorted, has one word a line, and gives Snowball's stem for every word,
// that its embedded index is the index of its lines, and that the lookup
// finds each of its words.
func TestStemTable(t *testing.T) {
	if !strings.HasSuffix(stemsEnglish, "\n") {
		t.Fatalf("stems_en.txt does not end with a line break")
	}
	if newStemIndex(stemsEnglish).at != stemsEnglishIndex {
		t.Fatalf("stems_en.idx is not the index of stems_en.txt: run go generate ./tokenize")
	}
	lines := strings.Split(strings.TrimSuffix(stemsEnglish, "\n"), "\n")
	var words []string
	for _, line := range lines {
		w, s, ok := strings.Cut(line, " ")
		if !ok || w == "" || strings.Contains(s, " ") {
			t.Fatalf("bad line %q", line)
		}
		if want := english.Stem(w, true); s != want {
			t.Errorf("stem of %q: table %q, Snowball %q: run go generate ./tokenize", w, s, want)
		}
		got, ok := lookupEnglishStem(w)
		if !ok || got != s {
			t.Errorf("lookupEnglishStem(%q) = %q, %v; want %q, true", w, got, ok, s)
		}
		words = append(words, w)
	}
	if !slices.IsSorted(words) || len(slices.Compact(slices.Clone(words))) != len(words) {
		t.Errorf("stems_en.txt is not sorted by word, or repeats one")
	}
}

// stemLookupCase is a lookup of w in a small table of stems.
type stemLookupCase struct {
	name, tab, w string
	want         string
	ok           bool
}

// stemLookupCases returns lookups in tab, "b b1\nbb b2\nc c3\nd d4\n", of
// words in it and before, between and after them, and in odd tables.
func stemLookupCases(tab string) []stemLookupCase {
	return []stemLookupCase{
		{"first", tab, "b", "b1", true},
		{"second", tab, "bb", "b2", true},
		{"third", tab, "c", "c3", true},
		{"last", tab, "d", "d4", true},
		{"before all", tab, "a", "", false},
		{"between first and second", tab, "ba", "", false},
		{"between second and third", tab, "bba", "", false},
		{"between third and last", tab, "cc", "", false},
		{"after all", tab, "e", "", false},
		{"empty word", tab, "", "", false},
		{"empty table", "", "a", "", false},
		{"one line", "a x\n", "a", "x", true},
		{"no last line break", "a x", "a", "", false},
		{"no space", "nospace\n", "nospace", "", false},
		{"an empty line", "\n", "a", "", false},
		{"empty key", " x\n", "", "x", true},
		{"two lines, second", "a x\nb y\n", "b", "y", true},
		{"two lines, first", "a x\nb y\n", "a", "x", true},
		{"two lines, after", "a x\nb y\n", "c", "", false},
	}
}

// TestLookupStem checks the binary search on small tables, for words in
// them and words before, between and after them.
func TestLookupStem(t *testing.T) {
	tab := "b b1\nbb b2\nc c3\nd d4\n"
	for _, tt := range stemLookupCases(tab) {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := newStemIndex(tt.tab).lookup(tt.w)
			if diff := cmp.Diff([]any{tt.want, tt.ok}, []any{got, ok}); diff != "" {
				t.Errorf("lookup(%q, %q) mismatch (-want +got):\n%s", tt.tab, tt.w, diff)
			}
		})
	}
	// Random tables over a small alphabet, against a map: every word of
	// up to three letters is looked up in each.
	r := rand.New(rand.NewPCG(3, 4))
	var all []string
	for _, n := range []int{1, 2, 3} {
		for k := range 1 << (2 * n) {
			w := ""
			for i := range n {
				w += string(rune('a' + k>>(2*i)&3))
			}
			all = append(all, w)
		}
	}
	slices.Sort(all)
	for range 300 {
		stems := map[string]string{}
		var b strings.Builder
		for _, w := range all {
			if r.IntN(3) == 0 {
				stems[w] = strings.Repeat("s", r.IntN(4))
				b.WriteString(w + " " + stems[w] + "\n")
			}
		}
		for _, w := range all {
			want, wantOK := stems[w]
			got, ok := newStemIndex(b.String()).lookup(w)
			if got != want || ok != wantOK {
				t.Fatalf("lookup(%q, %q) = %q, %v; want %q, %v", b.String(), w, got, ok, want, wantOK)
			}
		}
	}
	// stemEnglish agrees with Snowball on words in and out of the table.
	for _, w := range []string{"abandoned", "sovereignty", "xylophones", "running", "tiesz"} {
		for _, stop := range []bool{true, false} {
			if got, want := stemEnglish(w, stop), english.Stem(w, stop); got != want {
				t.Errorf("stemEnglish(%q, %v) = %q, want %q", w, stop, got, want)
			}
		}
	}
}

// TestLookupEnglishStemConcurrent looks words up in the embedded table
// from several goroutines at once, for go test -race.
func TestLookupEnglishStemConcurrent(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(stemsEnglish, "\n"), "\n")
	var wg sync.WaitGroup
	errs := make([]string, 4)
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(lines) && i < 4*1024; i += len(errs) {
				w, want, _ := strings.Cut(lines[i], " ")
				if got, ok := lookupEnglishStem(w); !ok || got != want {
					errs[g] = fmt.Sprintf("lookupEnglishStem(%q) = %q, %v; want %q, true", w, got, ok, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Error(e)
		}
	}
}

// FuzzLookupStem looks a word up in an arbitrary table and in a sorted
// table made of the fuzzed words: no lookup panics, not even with an index
// that does not fit the table; a stem found is that of a whole line of the
// table; in a sorted table, the index finds exactly what a map of its
// lines holds.
func FuzzLookupStem(f *testing.F) {
	for _, tt := range stemLookupCases("b b1\nbb b2\nc c3\nd d4\n") {
		f.Add(tt.tab, tt.w)
	}
	f.Add(stemsEnglish[:2000], "abandoned")
	f.Fuzz(func(t *testing.T, tab, w string) {
		isLine := func(tab, w, stem string) bool {
			line := w + " " + stem + "\n"
			return strings.HasPrefix(tab, line) || strings.Contains(tab, "\n"+line)
		}
		if stem, ok := newStemIndex(tab).lookup(w); ok && !isLine(tab, w, stem) {
			t.Errorf("lookup(%q, %q) = %q, not a line of the table", tab, w, stem)
		}
		// Another table's index (a table regenerated without its index).
		stemIndex{tab: w, at: newStemIndex(tab).at}.lookup(w)
		// A sorted table of the words of tab and w, each stemmed to
		// itself reversed.
		words := strings.Fields(tab + " " + w)
		slices.Sort(words)
		words = slices.Compact(words)
		stems := map[string]string{}
		var b strings.Builder
		for _, k := range words {
			r := []byte(k)
			slices.Reverse(r)
			stems[k] = string(r)
			b.WriteString(k + " " + stems[k] + "\n")
		}
		sorted := b.String()
		x := newStemIndex(sorted)
		for _, k := range append(words, w, w+"a", "") {
			want, wantOK := stems[k]
			if got, ok := x.lookup(k); got != want || ok != wantOK {
				t.Errorf("lookup(%q, %q) = %q, %v; want %q, %v", sorted, k, got, ok, want, wantOK)
			}
		}
	})
}

// BenchmarkLookupStem looks up every word of the embedded table, and as
// many words missing from it, by the embedded index and by one built from
// the text.
func BenchmarkLookupStem(b *testing.B) {
	lines := strings.Split(strings.TrimSuffix(stemsEnglish, "\n"), "\n")
	var words []string
	for _, l := range lines {
		w, _, _ := strings.Cut(l, " ")
		words = append(words, w, w+"q")
	}
	x := newStemIndex(stemsEnglish)
	for _, bc := range []struct {
		name   string
		lookup func(string) (string, bool)
	}{
		{"embedded", lookupEnglishStem},
		{"index", x.lookup},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range words {
					bc.lookup(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
		})
	}
}

// newStemIndex indexes tab, as stemgen does when it writes the embedded
// table's index: the tests' reference for it, and their way to index
// tables of their own.
func newStemIndex(tab string) stemIndex {
	at := make([]byte, 0, 8*(len(tab)/8+1))
	for s := 0; s < len(tab); {
		e := strings.IndexByte(tab[s:], '\n')
		if e < 0 {
			break
		}
		e += s
		if sp := strings.IndexByte(tab[s:e], ' '); sp >= 0 {
			at = binary.LittleEndian.AppendUint32(at, uint32(s))
			at = binary.LittleEndian.AppendUint32(at, uint32(s+sp))
		}
		s = e + 1
	}
	return stemIndex{tab: tab, at: string(at)}
}
