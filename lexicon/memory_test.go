package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestEntryTable checks that the compact table of a lexicon's entries gives
// back every entry, in order, with its weight, and keeps weights only when
// one is not 1.
func TestEntryTable(t *testing.T) {
	tests := []struct {
		name        string
		cats        []Category
		wantWeights bool
	}{
		{"empty", nil, false},
		{"unit weights", []Category{
			{Name: "a", Entries: []Entry{{"war", 1}, {"call on _ to", 1}}},
			{Name: "b"},
			{Name: "c", Entries: []Entry{{"~negotiate", 1}}},
		}, false},
		{"weights", []Category{
			{Name: "a", Entries: []Entry{{"war", 1}, {"peace*", 2.5}}},
			{Name: "b", Entries: []Entry{{"Russia’s", 0.25}}},
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := &Definition{Categories: cloneCategories(tt.cats)}
			tab, err := newEntryTable(def)
			if err != nil {
				t.Fatal(err)
			}
			if got := tab.weights != nil; got != tt.wantWeights {
				t.Errorf("weights kept: %v, want %v", got, tt.wantWeights)
			}
			for c, cat := range tt.cats {
				if def.Categories[c].Entries != nil {
					t.Errorf("category %d still has its entries", c)
				}
				if diff := cmp.Diff(cat.Entries, tab.entries(c)); diff != "" {
					t.Errorf("entries of category %d (-want +got):\n%s", c, diff)
				}
				if got := tab.count(c); got != len(cat.Entries) {
					t.Errorf("count(%d) = %d, want %d", c, got, len(cat.Entries))
				}
				for j, e := range cat.Entries {
					if got := tab.entry(c, j); got != e {
						t.Errorf("entry(%d, %d) = %v, want %v", c, j, got, e)
					}
				}
			}
		})
	}
}

// TestEntryOutOfRange checks that Lexicon.Entry panics for an entry
// index outside its category, rather than returning the next category's.
func TestEntryOutOfRange(t *testing.T) {
	l, err := New(Definition{Name: "x", Categories: []Category{
		{Name: "a", Entries: []Entry{{"war", 1}}},
		{Name: "b", Entries: []Entry{{"peace", 1}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range []int{-1, 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Entry(0, %d) did not panic", j)
				}
			}()
			e := l.Entry(0, j)
			t.Errorf("Entry(0, %d) = %v", j, e)
		}()
	}
	if got := l.Entry(1, 0); got != (Entry{"peace", 1}) {
		t.Errorf("Entry(1, 0) = %v", got)
	}
}

// TestPendingOrder checks that entries keep the order in which a parser
// added them, whether they go to the room that reserve made or, past it,
// to the pending list, and that their positions follow them.
func TestPendingOrder(t *testing.T) {
	tests := []struct {
		name    string
		reserve []int // nil: no reserve
		adds    []int // the category of each entry, in order
	}{
		{"no reserve", nil, []int{0, 1, 0, 2, 0, 1}},
		{"exact", []int{3, 2, 1}, []int{0, 1, 0, 2, 0, 1}},
		{"too little room", []int{1, 0, 1}, []int{0, 1, 0, 2, 0, 1, 2}},
		{"too much room", []int{5, 5, 5}, []int{0, 1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newDefBuilder("x.lex", true)
			for _, name := range []string{"a", "b", "c"} {
				b.category(name, "", Position{})
			}
			if tt.reserve != nil {
				b.reserve(tt.reserve)
			}
			want := make([][]string, 3)
			wantLines := make([][]int32, 3)
			for k, c := range tt.adds {
				p := strings.Repeat("w", k+1)
				b.entry(c, p, 1, Position{File: "x.lex", Line: k + 1, Col: 2})
				want[c] = append(want[c], p)
				wantLines[c] = append(wantLines[c], int32(k+1))
			}
			b.flushEntries()
			for c := range 3 {
				var got []string
				for _, e := range b.def.Categories[c].Entries {
					got = append(got, e.Pattern)
				}
				var lines []int32
				for _, p := range b.src.cats[c].entries {
					lines = append(lines, p.line)
				}
				if diff := cmp.Diff(want[c], got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("category %d (-want +got):\n%s", c, diff)
				}
				if diff := cmp.Diff(wantLines[c], lines, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("lines of category %d (-want +got):\n%s", c, diff)
				}
			}
		})
	}
}

// TestLIWCCounts checks the counts the LIWC parser reserves room by: the
// numbers of entries it then reads, for the line shapes it accepts.
func TestLIWCCounts(t *testing.T) {
	tests := []struct {
		name, in string
		ids      map[int]int // the header's ids and their categories
		want     []int
	}{
		{"tabs", "%\n1\ta\n2\tb\n%\nx\t1\ny z\t1 2\n", map[int]int{1: 0, 2: 1}, []int{2, 1}},
		{"no tab", "%\n1 a\n2 b\n%\nx 1 2\ny z 2\n", map[int]int{1: 0, 2: 1}, []int{1, 2}},
		{"padding and crlf", "%\r\n01   a\r\n02 b\r\n%\r\nx\t\t01\r\n  y   \t 01 02 \r\n", map[int]int{1: 0, 2: 1}, []int{2, 1}},
		{"conditional ids", "%\n2\ta\n53\tb\n%\nlike\t02 134)53 (02 53\n", map[int]int{2: 0, 53: 1}, []int{1, 1}},
		{"unknown id", "%\n1\ta\n%\nx\t1 7\n", map[int]int{1: 0}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := newLIWCIDs(tt.ids)
			got := liwcCounts(tt.in, &ids, len(tt.want))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
			l, err := parseLIWC("x.dic", tt.in)
			if err != nil {
				return // the unknown id is an error
			}
			read := make([]int, l.NumCategories())
			for c := range read {
				read[c] = l.NumEntries(c)
			}
			if diff := cmp.Diff(read, got); diff != "" {
				t.Errorf("counts against the entries read (-read +counted):\n%s", diff)
			}
		})
	}
}

// TestStrTable checks that the builder's string table gives IDs in the
// order of first use and finds every string after growing.
func TestStrTable(t *testing.T) {
	var tab strTable
	var want []string
	for i := range 1000 {
		s := strings.Repeat("ab", i%7) + string(rune('a'+i%26)) + strings.Repeat("z", i/26)
		id, added := tab.add(s)
		if !added {
			if want[id] != s {
				t.Fatalf("add(%q) = %d, which is %q", s, id, want[id])
			}
			continue
		}
		if int(id) != len(want) {
			t.Fatalf("add(%q) = %d, want the next ID %d", s, id, len(want))
		}
		want = append(want, s)
	}
	if diff := cmp.Diff(want, tab.list); diff != "" {
		t.Errorf("list (-want +got):\n%s", diff)
	}
	for id, s := range want {
		if got, ok := tab.find(s); !ok || int(got) != id {
			t.Errorf("find(%q) = %d, %v, want %d", s, got, ok, id)
		}
	}
	if _, ok := tab.find("absent"); ok {
		t.Error("find found a string never added")
	}
}

// TestParseFileAsParseAs checks that reading a file straight into the
// string its patterns are cut from gives the lexicon that ParseAs gives
// for the same bytes, for every format.
func TestParseFileAsParseAs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, werr := ParseAs(path, data, FormatAuto)
			got, gerr := ParseFile(path, FormatAuto)
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Fatalf("ParseFile error %v, ParseAs error %v", gerr, werr)
			}
			if werr != nil {
				return
			}
			if diff := cmp.Diff(want.Definition(), got.Definition()); diff != "" {
				t.Errorf("definition (-ParseAs +ParseFile):\n%s", diff)
			}
			if diff := cmp.Diff(want.Warnings().Error(), got.Warnings().Error()); diff != "" {
				t.Errorf("warnings (-ParseAs +ParseFile):\n%s", diff)
			}
		})
	}
}
