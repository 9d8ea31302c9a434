package lexicon

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseLIWC(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []Category
		warns int
	}{
		{
			name: "tabs and multiword",
			in:   "%\n1\tblame\n2\tthreat words\n%\naccus*\t1\nresponsible for\t1 2\n",
			want: []Category{{Name: "blame", Entries: []Entry{{"accus*", 1}, {"responsible for", 1}}},
				{Name: "threat_words", Entries: []Entry{{"responsible for", 1}}}},
		},
		{
			name: "space padded ids and crlf",
			in:   "%\r\n01                    Harm\r\n02  Fair\r\n%\r\nsafe*\t\t\t01\r\nbenefit*        \t01\r\npreserve\t\t01 02\r\n",
			want: []Category{{Name: "Harm", Entries: []Entry{{"safe*", 1}, {"benefit*", 1}, {"preserve", 1}}},
				{Name: "Fair", Entries: []Entry{{"preserve", 1}}}},
		},
		{
			name:  "LIWC2007 conditional ids are left out",
			in:    "%\n2\ta\n53\tb\n%\nlike\t02 134)53 (02 53\n",
			want:  []Category{{Name: "a", Entries: []Entry{{"like", 1}}}, {Name: "b", Entries: []Entry{{"like", 1}}}},
			warns: 2,
		},
		{
			name: "header with descriptions",
			in:   "%\n1\tposemo\tPositive  emotion\n2\tneg emo\n%\ngood\t1\nbad\t2\n",
			want: []Category{{Name: "posemo", Description: "Positive emotion", Entries: []Entry{{"good", 1}}},
				{Name: "neg_emo", Entries: []Entry{{"bad", 1}}}},
		},
		{
			name: "cr only",
			in:   "%\r1\tcare\r%\rcompassion\t1\rdo unto others\t1\r",
			want: []Category{{Name: "care", Entries: []Entry{{"compassion", 1}, {"do unto others", 1}}}},
		},
		{
			name: "no tab: trailing numbers are ids",
			in:   "%\n1 a\n2 b\n%\nred line 1 2\nword 2\n",
			want: []Category{{Name: "a", Entries: []Entry{{"red line", 1}}}, {Name: "b", Entries: []Entry{{"red line", 1}, {"word", 1}}}},
		},
		{
			name: "header order not id order, repeats kept once",
			in:   "%\n10\tten\n2\ttwo\n%\nx\t2 10 2\nx\t10\n",
			want: []Category{{Name: "ten", Entries: []Entry{{"x", 1}}}, {Name: "two", Entries: []Entry{{"x", 1}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("t.dic", []byte(tt.in), FormatLIWC)
			if err != nil {
				t.Fatalf("ParseAs: %v", err)
			}
			if diff := cmp.Diff(tt.want, l.Categories()); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
			if w := l.Warnings(); len(w) != tt.warns {
				t.Errorf("warnings %v, want %d", w, tt.warns)
			}
			if l.Name() != "t" {
				t.Errorf("Name() = %q, want t", l.Name())
			}
		})
	}
}

var liwcErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"no header", "word\t1\n", []errAt{{1, 1, ErrBadHeader}}},
	{"unclosed header", "%\n1\ta\nword\t1\n", []errAt{{2, 3, ErrEmptyCategory}, {3, 1, ErrBadHeader}, {3, 7, ErrBadHeader}}},
	{"unknown id", "%\n1\ta\n%\nx\t1 7\ny\t9\n", []errAt{{4, 5, ErrUnknownCategory}, {5, 3, ErrUnknownCategory}}},
	{"bad id", "%\n1\ta\n%\nx\t1 z\n", []errAt{{4, 5, ErrSyntax}}},
	{"bad header line", "%\none\ta\n1\n1\tb\n%\nx\t1\n", []errAt{{2, 1, ErrBadHeader}, {3, 2, ErrBadHeader}}},
	{"duplicate id", "%\n1\ta\n1\tb\n%\nx\t1\n", []errAt{{3, 1, ErrDuplicate}}},
	{"duplicate name", "%\n1\ta\n2\ta\n%\nx\t1 2\n", []errAt{{3, 3, ErrDuplicate}}},
	{"no ids", "%\n1\ta\n%\nx\t1\nlonely\n", []errAt{{5, 7, ErrSyntax}}},
	{"bare star", "%\n1\ta\n%\n*\t1\n", []errAt{{4, 1, ErrBareWildcard}}},
	{"empty category", "%\n1\ta\n2\tb\n%\nx\t1\n", []errAt{{3, 3, ErrEmptyCategory}}},
	{"encoding", "%\n1\ta\n%\nx\xc3\t1\n", []errAt{{2, 3, ErrEmptyCategory}, {4, 2, ErrEncoding}}},
	// The repeat of x is dropped with its position: the error after it
	// still names its own line.
	{"error after a repeat", "%\n1\ta\n2\tb\n%\nx\t1 2\ny\t2\nx\t1\nb*c\t1\nz*y\t2\n", []errAt{{8, 2, ErrSyntax}, {9, 2, ErrSyntax}}},
}

func TestParseLIWCErrors(t *testing.T) {
	for _, tt := range liwcErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("bad.dic", []byte(tt.in), FormatLIWC)
			if l != nil || err == nil {
				t.Fatalf("ParseAs = %v, %v; want nil and an error", l, err)
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestLIWCRealFiles(t *testing.T) {
	tests := []struct {
		file    string
		cats    int
		entries int
		first   string
		check   map[string][]string // category -> some entries it must have
	}{
		{"liwc/mfd2.0.dic", 10, 2103, "care.virtue", map[string][]string{
			"fairness.virtue": {"civil rights", "do unto others", "levels the playing field"},
			"sanctity.vice":   {},
		}},
		{"liwc/moral_foundations_dictionary.dic", 11, 359, "HarmVirtue", map[string][]string{
			"HarmVirtue":      {"safe*", "benefit*", "preserve"},
			"AuthorityVirtue": {"preserve"},
			"FairnessVirtue":  {"fair-*"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			l := sharedLexicon(t, tt.file)
			n := 0
			for i := range l.NumCategories() {
				n += l.NumEntries(i)
			}
			if l.NumCategories() != tt.cats || n != tt.entries || l.CategoryName(0) != tt.first {
				t.Errorf("got %d categories, %d entries, first %q; want %d, %d, %q",
					l.NumCategories(), n, l.CategoryName(0), tt.cats, tt.entries, tt.first)
			}
			for name, pats := range tt.check {
				c, ok := l.Category(name)
				if !ok {
					t.Errorf("no category %q", name)
					continue
				}
				for _, p := range pats {
					if !slices.ContainsFunc(c.Entries, func(e Entry) bool { return e.Pattern == p && e.Weight == 1 }) {
						t.Errorf("category %q lacks %q", name, p)
					}
				}
			}
			if w := l.Warnings(); len(w) != 0 {
				t.Errorf("warnings: %v", w)
			}
			roundTrip(t, l)
			liwcRoundTrip(t, l)
		})
	}
}

func TestLIWCFixtures(t *testing.T) {
	for _, name := range []string{"mixed.dic", "padded.dic", "cronly.dic"} {
		t.Run(name, func(t *testing.T) {
			l, err := ParseFile(filepath.Join("testdata", name), FormatAuto)
			if err != nil {
				t.Fatal(err)
			}
			liwcRoundTrip(t, l)
			roundTrip(t, l)
		})
	}
}

// liwcRoundTrip checks that l exported to LIWC and read back has the same
// categories with the same sets of patterns (LIWC keeps neither weights nor,
// for a word in several categories, the order within a category).
func liwcRoundTrip(t *testing.T, l *Lexicon) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, l, FormatLIWC); err != nil {
		t.Fatal(err)
	}
	back, err := ParseAs(l.Name()+".dic", buf.Bytes(), FormatLIWC)
	if err != nil {
		t.Fatalf("reading the LIWC export: %v\n%s", err, buf.Bytes())
	}
	if diff := cmp.Diff(liwcView(l), liwcView(back)); diff != "" {
		t.Errorf("LIWC round trip (-want +got):\n%s", diff)
	}
}

// liwcView is what LIWC can hold of l: category names and sorted patterns.
func liwcView(l *Lexicon) [][]string {
	var out [][]string
	for _, c := range l.Categories() {
		if len(c.Entries) == 0 {
			continue
		}
		row := []string{c.Name}
		var pats []string
		for _, e := range c.Entries {
			pats = append(pats, strings.Join(strings.Fields(e.Pattern), " "))
		}
		slices.Sort(pats)
		out = append(out, append(row, pats...))
	}
	return out
}

// liwcCountsRef is liwcCounts with every line through liwcCountLines, the
// reference of its fast path (countIDs).
func liwcCountsRef(text string, ids *liwcIDs, ncat int) []int {
	n := make([]int, ncat)
	marks := 0
	liwcCountLines(text, ids, n, &marks)
	return n
}

// TestLIWCCountsFast holds liwcCounts, which counts the usual word lines
// on the spot, to liwcCountsRef.
func TestLIWCCountsFast(t *testing.T) {
	ids := newLIWCIDs(map[int]int{1: 0, 2: 1, 30: 2, 123456789: 1, 1 << 13: 2})
	head := "%\n1\ta\n2\tb\n%\n"
	for _, body := range []string{
		"",
		"war\t1\npeace\t2 30\n",
		"war\t1\npeace\t2 30",
		"war\t1 2 30 1 2\n",                // more ids than countIDs holds
		"war\t 1  2\t30 \n",                // blanks around the ids
		"war\t1\r\npeace\t2\r\n",           // CRLF
		"  war\t1\n\twar 2\n",              // leading blanks
		"war 1 2\nhold _ to account 30\n",  // no tab
		"war\t123456789 8192 1234567890\n", // long ids
		"war\t(02 134)53 2\n%\n\nx\tz 1\n",
		"war\t7 1\nwar\t1x\nwar\t1\u00a0\n",
		"0 1\t\n2 30\t \t\n", // blanks after the tab, which trimming drops
	} {
		text := head + body
		got, want := liwcCounts(text, &ids, 3), liwcCountsRef(text, &ids, 3)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("liwcCounts(%q) (-want +got):\n%s", body, diff)
		}
	}
}

// checkLIWCSlow parses data as a LIWC file with every line through
// liwcEntry and compares the outcome with l and err, the outcome with
// liwcLine's fast path.
func checkLIWCSlow(t *testing.T, data []byte, l *Lexicon, err error) {
	t.Helper()
	liwcFastLines = false
	slow, slowErr := ParseAs("fuzz.dic", data, FormatLIWC)
	liwcFastLines = true
	if (err == nil) != (slowErr == nil) || err != nil && err.Error() != slowErr.Error() {
		t.Fatalf("error %v, without the fast path %v", err, slowErr)
	}
	if err != nil {
		return
	}
	if diff := cmp.Diff(slow.Definition(), l.Definition()); diff != "" {
		t.Errorf("definition (-slow +fast):\n%s", diff)
	}
	if diff := cmp.Diff(slow.Warnings().Error(), l.Warnings().Error()); diff != "" {
		t.Errorf("warnings (-slow +fast):\n%s", diff)
	}
}

// TestLIWCLine holds the fast path of the LIWC parser (liwcLine) to
// liwcEntry's reading on the line shapes around it.
func TestLIWCLine(t *testing.T) {
	head := "%\n1\ta\n2\tb\n30\tc\n%\nbase\t1 2 30\n"
	for _, body := range []string{
		"war\t1\npeace\t2 30\n",
		"war\t1\npeace\t2 30",
		"war\t1 2 30 1 2 30 1 2 30\n", // more ids than liwcLine holds
		"war\t 1  2\t30 \n",
		"war\t1\r\npeace\t2\r\n",
		"  war\t1\n\twar 2\n",
		"war 1 2\nhold _ to account 30\n",
		"war\t123456789 1234567890\n",
		"war\t7 1\n",
		"war\t(02 134)53 2\n%\n\nx\tz 1\n",
		"war \t1\nwar\u00a0\t1\nwar\t1\u00a0\n",
		"a\rb\t1\nc\t2\r\rd\t30\n\n\ne\t1",
		"war\t\nwar\t1x\n\ufeffwar\t1\n",
		"0 1\t\n2 30\t \t\n",
	} {
		text := head + body
		l, err := ParseAs("fuzz.dic", []byte(text), FormatLIWC)
		checkLIWCSlow(t, []byte(text), l, err)
	}
}

// tabOrRef is tabOr a byte at a time.
func tabOrRef(s string, q int, x byte) int {
	for q < len(s) && s[q] != '\t' && s[q] != x {
		q++
	}
	return q
}

// FuzzTabOr holds tabOr to a byte loop at every start, for both bytes the
// LIWC reader ends words on.
func FuzzTabOr(f *testing.F) {
	for _, s := range []string{"", "\t", "abc\tdef", "abcdefghijk\r\t", "ünïcode wörd\t1", "12345678\n", "\x89\x80\x8d\x0a\x09"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, x := range []byte{'\r', '\n'} {
			for q := 0; q <= len(s); q++ {
				if got, want := tabOr(s, q, x), tabOrRef(s, q, x); got != want {
					t.Fatalf("tabOr(%q, %d, %q) = %d, want %d", s, q, x, got, want)
				}
			}
		}
	})
}
