package tokenize

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kljensen/snowball/english"
)

// TestStemTable checks that the embedded table of English stems is
// sorted, has one word a line, and gives Snowball's stem for every word,
// and that the lookup finds each of its words.
func TestStemTable(t *testing.T) {
	if !strings.HasSuffix(stemsEnglish, "\n") {
		t.Fatalf("stems_en.txt does not end with a line break")
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
		got, ok := englishStems().lookup(w)
		if !ok || got != s {
			t.Errorf("lookup(%q) = %q, %v; want %q, true", w, got, ok, s)
		}
		got, ok = lookupStem(stemsEnglish, w)
		if !ok || got != s {
			t.Errorf("lookupStem(%q) = %q, %v; want %q, true", w, got, ok, s)
		}
		// The first 1,024 calls search the text, the others the index.
		got, ok = lookupEnglishStem(w)
		if !ok || got != s {
			t.Errorf("lookupEnglishStem(%q) = %q, %v; want %q, true", w, got, ok, s)
		}
		words = append(words, w)
	}
	if !slices.IsSorted(words) || len(slices.Compact(slices.Clone(words))) != len(words) {
		t.Errorf("stems_en.txt is not sorted by word, or repeats one")
	}
}

// TestLookupStem checks the binary search on small tables, for words in
// them and words before, between and after them.
func TestLookupStem(t *testing.T) {
	tab := "b b1\nbb b2\nc c3\nd d4\n"
	tests := []struct {
		tab, w string
		want   string
		ok     bool
	}{
		{tab, "b", "b1", true},
		{tab, "bb", "b2", true},
		{tab, "c", "c3", true},
		{tab, "d", "d4", true},
		{tab, "a", "", false},
		{tab, "ba", "", false},
		{tab, "bba", "", false},
		{tab, "cc", "", false},
		{tab, "e", "", false},
		{tab, "", "", false},
		{"", "a", "", false},
		{"a x\n", "a", "x", true},
		{"a x", "a", "", false},
		{"nospace\n", "nospace", "", false},
		{"\n", "a", "", false},
		{" x\n", "", "x", true},
		{"a x\nb y\n", "b", "y", true},
		{"a x\nb y\n", "a", "x", true},
		{"a x\nb y\n", "c", "", false},
	}
	for _, tt := range tests {
		got, ok := newStemIndex(tt.tab).lookup(tt.w)
		if diff := cmp.Diff([]any{tt.want, tt.ok}, []any{got, ok}); diff != "" {
			t.Errorf("lookup(%q, %q) mismatch (-want +got):\n%s", tt.tab, tt.w, diff)
		}
		got, ok = lookupStem(tt.tab, tt.w)
		if diff := cmp.Diff([]any{tt.want, tt.ok}, []any{got, ok}); diff != "" {
			t.Errorf("lookupStem(%q, %q) mismatch (-want +got):\n%s", tt.tab, tt.w, diff)
		}
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
			got, ok = lookupStem(b.String(), w)
			if got != want || ok != wantOK {
				t.Fatalf("lookupStem(%q, %q) = %q, %v; want %q, %v", b.String(), w, got, ok, want, wantOK)
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
