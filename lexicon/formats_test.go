package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestParseYAML(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []Category
		warns []errAt
	}{
		{
			name: "nested keys, flow and block lists, scalar",
			in:   "EUROPE:\n  EAST:\n    'RU': [Россия, российск*, Москв*]\n  WEST:\n    FR:\n      - France\n      - French*\nONE: single\n",
			want: []Category{
				{Name: "EUROPE/EAST/RU", Entries: []Entry{{"Россия", 1}, {"российск*", 1}, {"Москв*", 1}}},
				{Name: "EUROPE/WEST/FR", Entries: []Entry{{"France", 1}, {"French*", 1}}},
				{Name: "ONE", Entries: []Entry{{"single", 1}}},
			},
		},
		{
			name: "key with spaces, repeats, trailing comma, double star",
			in:   "A CATEGORY: [more, lamb, more, little,]\nB: [парагва**]\n",
			want: []Category{{Name: "A_CATEGORY", Entries: []Entry{{"more", 1}, {"lamb", 1}, {"little", 1}}},
				{Name: "B", Entries: []Entry{{"парагва*", 1}}}},
		},
		{
			name:  "unsupported globs are left out with a warning",
			in:    "GW: [Гвинея-Бисау, Гвине*-Бисау, 'a?b', ok]\n",
			want:  []Category{{Name: "GW", Entries: []Entry{{"Гвинея-Бисау", 1}, {"ok", 1}}}},
			warns: []errAt{{1, 31, ErrSyntax}, {1, 55, ErrSyntax}},
		},
		{
			name: "anchors and aliases",
			in:   "base: &b [x, y]\ncopy: *b\n",
			want: []Category{{Name: "base", Entries: []Entry{{"x", 1}, {"y", 1}}}, {Name: "copy", Entries: []Entry{{"x", 1}, {"y", 1}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("t.yml", []byte(tt.in), FormatYAML)
			if err != nil {
				t.Fatalf("ParseAs: %v", err)
			}
			if diff := cmp.Diff(tt.want, l.Categories()); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
			var warns []errAt
			if w := l.Warnings(); len(w) > 0 {
				warns = errsAt(t, w)
			}
			if diff := cmp.Diff(tt.warns, warns, cmpErrs); diff != "" {
				t.Errorf("warnings (-want +got):\n%s\n%v", diff, l.Warnings())
			}
		})
	}
}

var yamlErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"not a mapping", "- a\n- b\n", []errAt{{1, 1, ErrBadHeader}}},
	{"empty", "", []errAt{{1, 1, ErrBadHeader}}},
	{"syntax", "a: [x, y\nb: z\n", []errAt{{1, 1, ErrSyntax}}},
	{"bad values", "a:\n  - [x]\n  - {k: v}\nb:\nc: ''\n", []errAt{{1, 1, ErrEmptyCategory}, {2, 5, ErrSyntax}, {3, 5, ErrSyntax}, {4, 1, ErrEmptyCategory}, {5, 4, ErrEmptyPattern}, {5, 1, ErrEmptyCategory}}},
	{"bare star", "a: [x, '*']\n", []errAt{{1, 9, ErrBareWildcard}}},
	{"error inside a pattern", "a: [x, Россия ~, \"q ~\"]\nb:\n  - _ x\n", []errAt{{1, 21, ErrSyntax}, {1, 27, ErrSyntax}, {3, 5, ErrSyntax}}},
	{"duplicate key", "a: [x]\na: [y]\n", []errAt{{2, 1, ErrDuplicate}}},
	{"invalid utf8", "a: [x\xff]\n", []errAt{{1, 6, ErrEncoding}}},
	{"key not a string", "[a]: [x]\n", []errAt{{1, 1, ErrBadName}}},
}

func TestParseYAMLErrors(t *testing.T) {
	for _, tt := range yamlErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("bad.yml", []byte(tt.in), FormatYAML)
			if l != nil || err == nil {
				t.Fatalf("ParseAs = %v, %v; want nil and an error", l, err)
			}
			got := errsAt(t, err)
			sortAt(tt.want)
			if diff := cmp.Diff(tt.want, got, cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestYAMLNewsmap(t *testing.T) {
	tests := []struct {
		lang  string
		cat   string
		entry string
		warns int
	}{
		{"english", "AFRICA/EAST/ET", "Addis Ababa", 0},
		{"russian", "EUROPE/EAST/RU", "Москв*", 1},
		{"german", "AFRICA/MIDDLE/CF", "Zentralafrikanische* Republik*", 0},
		{"french", "AFRICA/EAST/RE", "Réunion", 0},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			l := sharedLexicon(t, "newsmap/"+tt.lang+".yml")
			if l.NumCategories() < 200 {
				t.Errorf("only %d categories", l.NumCategories())
			}
			c, ok := l.Category(tt.cat)
			if !ok {
				t.Fatalf("no category %q", tt.cat)
			}
			found := false
			for _, e := range c.Entries {
				found = found || e.Pattern == tt.entry
			}
			if !found {
				t.Errorf("%s lacks %q: %v", tt.cat, tt.entry, c.Entries)
			}
			if w := l.Warnings(); len(w) != tt.warns {
				t.Errorf("warnings %v, want %d", w, tt.warns)
			}
			roundTrip(t, l)
		})
	}
}

func TestParseLexicoder(t *testing.T) {
	l, err := ParseFile(filepath.Join("testdata", "sample.lc3"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	want := []Category{{Name: "blame", Entries: []Entry{{"accus*", 1}, {"responsible for", 1}}},
		{Name: "threat_words", Entries: []Entry{{"threaten*", 1}, {"red line", 1}}}}
	if diff := cmp.Diff(want, l.Categories()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	roundTrip(t, l)
}

var lexicoderErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"pattern before category", "word\n+c\nw\n", []errAt{{1, 1, ErrNoCategory}}},
	{"nameless category", "+  \nw\n+c\nv\n", []errAt{{1, 1, ErrBadName}}},
	{"bad pattern and empty category", "+a\nfoo *\n+b\n", []errAt{{2, 5, ErrBareWildcard}, {3, 2, ErrEmptyCategory}}},
	{"duplicate category", "+a\nw\n+a\nv\n", []errAt{{3, 2, ErrDuplicate}}},
}

func TestParseLexicoderErrors(t *testing.T) {
	for _, tt := range lexicoderErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("bad.lc3", []byte(tt.in), FormatLexicoder)
			if l != nil || err == nil {
				t.Fatalf("ParseAs = %v, %v; want nil and an error", l, err)
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestParseYoshikoder(t *testing.T) {
	l, err := ParseFile(filepath.Join("testdata", "nested.ykd"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	want := []Category{
		{Name: "blame", Description: "Attribution of responsibility", Entries: []Entry{{"accus*", 1}, {"responsible for", 1}}},
		{Name: "threat", Entries: []Entry{{"threaten*", 1}}},
		{Name: "threat/military_words", Entries: []Entry{{"missile*", 1}}},
	}
	if diff := cmp.Diff(want, l.Categories()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if l.Name() != "nested" {
		t.Errorf("Name() = %q", l.Name())
	}
	roundTrip(t, l)
}

var yoshikoderErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"wrong root", "<dict/>", []errAt{{1, 1, ErrBadHeader}}},
	{"no root", "", []errAt{{1, 1, ErrBadHeader}}},
	{"malformed", "<dictionary>\n<cnode name='x'>\n</dictionary>", []errAt{{3, 1, ErrSyntax}}},
	{"pattern outside category", "<dictionary>\n <cnode name='root'>\n  <pnode name='w'/>\n </cnode>\n</dictionary>", []errAt{{3, 3, ErrNoCategory}}},
	{"bad pattern and names", "<dictionary><cnode name='r'>\n<cnode name=''><pnode name='*'/></cnode>\n<cnode name='b'><pnode name=' '/><pnode name='ok'/></cnode></cnode></dictionary>",
		[]errAt{{2, 1, ErrBadName}, {2, 29, ErrBareWildcard}, {3, 17, ErrEmptyPattern}}},
	{"error inside a pattern", "<dictionary><cnode name='r'>\n<cnode name='c'><pnode name=\"war _\"/></cnode></cnode></dictionary>", []errAt{{2, 34, ErrSyntax}}},
	{"encoding", "<?xml version='1.0' encoding='ISO-8859-1'?><dictionary/>", []errAt{{1, 44, ErrEncoding}}},
	{"text", "<dictionary>hello</dictionary>", []errAt{{1, 13, ErrSyntax}}},
}

func TestParseYoshikoderErrors(t *testing.T) {
	for _, tt := range yoshikoderErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("bad.ykd", []byte(tt.in), FormatYoshikoder)
			if l != nil || err == nil {
				t.Fatalf("ParseAs = %v, %v; want nil and an error", l, err)
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestMary loads the four shared mary.* files, the same small dictionary in
// four formats. All four formats keep the order of categories and entries,
// so nothing is sorted. Category names keep the case the file gives them
// (the .ykd and .yml files upper-case them) and are compared case-folded.
// The shared mary.yml really differs from the other three: its second key is
// "ANOTHER" with the entries [category, had, mary] (the YAML reading of the
// words "Another category" run into a list), so it is compared with that
// content, and its first category with the others'.
func TestMary(t *testing.T) {
	want := []Category{
		{Name: "a_category", Entries: []Entry{{"more", 1}, {"lamb", 1}, {"little", 1}}},
		{Name: "another_category", Entries: []Entry{{"had", 1}, {"mary", 1}}},
	}
	fold := func(cats []Category) []Category {
		for i := range cats {
			cats[i].Name = strings.ToLower(cats[i].Name)
		}
		return cats
	}
	for _, f := range []string{"mary.dic", "mary.lc3", "mary.ykd"} {
		t.Run(f, func(t *testing.T) {
			l := sharedLexicon(t, "formats/"+f)
			if diff := cmp.Diff(want, fold(l.Categories())); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
			if l.Name() != "mary" {
				t.Errorf("Name() = %q", l.Name())
			}
		})
	}
	t.Run("mary.yml", func(t *testing.T) {
		l := sharedLexicon(t, "formats/mary.yml")
		wantYAML := []Category{want[0], {Name: "another", Entries: []Entry{{"category", 1}, {"had", 1}, {"mary", 1}}}}
		if diff := cmp.Diff(wantYAML, fold(l.Categories())); diff != "" {
			t.Errorf("categories (-want +got):\n%s", diff)
		}
	})
}

func TestFormatDetection(t *testing.T) {
	tests := []struct {
		name string
		want Format
		err  bool
	}{
		{"a.lex", FormatLex, false},
		{"dir/A.DIC", FormatLIWC, false},
		{"RID.CAT", FormatWordStat, false},
		{"x.yml", FormatYAML, false},
		{"x.YAML", FormatYAML, false},
		{"x.Lc3", FormatLexicoder, false},
		{"x.ykd", FormatYoshikoder, false},
		{"x.txt", FormatAuto, true},
		{"noext", FormatAuto, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FormatFor(tt.name)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("FormatFor(%q) = %v, %v; want %v, error %v", tt.name, got, err, tt.want, tt.err)
			}
			if err != nil && !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
		})
	}
	for _, s := range []string{"lex", "LIWC", "dic", "wordstat", ".cat", "yaml", "yml", "quanteda", "lc3", "lexicoder", "ykd", "yoshikoder", "auto"} {
		f, err := ParseFormat(s)
		if err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
			continue
		}
		if f != FormatAuto {
			if g, _ := FormatFor("x" + f.Extension()); g != f {
				t.Errorf("Extension of %v does not detect back: %v", f, g)
			}
		}
	}
	if _, err := ParseFormat("docx"); !errors.Is(err, ErrFormat) {
		t.Errorf("ParseFormat(docx) = %v, want ErrFormat", err)
	}
}

func TestParseOverride(t *testing.T) {
	data := []byte("%\n1\ta\n%\nw\t1\n")
	if _, err := ParseAs("lexicon.txt", data, FormatAuto); !errors.Is(err, ErrFormat) {
		t.Errorf("unknown extension: %v, want ErrFormat", err)
	}
	l, err := ParseAs("lexicon.txt", data, FormatLIWC)
	if err != nil {
		t.Fatal(err)
	}
	if l.CategoryName(0) != "a" || l.Name() != "lexicon" {
		t.Errorf("got %q, %q", l.Name(), l.CategoryName(0))
	}
	fsys := fstest.MapFS{"d/words.txt": {Data: data}, "d/x.lex": {Data: []byte("@category c\nw\n")}}
	if l, err := ParseFS(fsys, "d/words.txt", FormatLIWC); err != nil || l.NumCategories() != 1 {
		t.Errorf("ParseFS with override: %v", err)
	}
	if l, err := ParseFS(fsys, "d/x.lex", FormatAuto); err != nil || l.Name() != "x" {
		t.Errorf("ParseFS: %v", err)
	}
	if _, err := ParseFS(fsys, "d/missing.lex", FormatAuto); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ParseFS(missing) = %v, want ErrNotExist", err)
	}
	if _, err := ParseFile(filepath.Join("testdata", "nope.lex"), FormatAuto); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ParseFile(missing) = %v, want ErrNotExist", err)
	}
}

func TestDeepNesting(t *testing.T) {
	var cat, ykd strings.Builder
	ykd.WriteString("<dictionary><cnode name='root'>")
	for i := range 150 {
		cat.WriteString(strings.Repeat("\t", i) + "C\n")
		ykd.WriteString("<cnode name='c'>")
	}
	cat.WriteString(strings.Repeat("\t", 150) + "w (1)\n")
	tests := []struct {
		f    Format
		data string
	}{
		{FormatWordStat, cat.String()},
		{FormatYoshikoder, ykd.String()},
		{FormatYAML, strings.Repeat("{a: ", 150) + "[x]" + strings.Repeat("}", 150)},
	}
	for _, tt := range tests {
		l, err := ParseAs("deep"+tt.f.Extension(), []byte(tt.data), tt.f)
		if l != nil || !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "nested more than 100 levels") {
			t.Errorf("%v: got %v, want a nesting error", tt.f, err)
		}
	}
}

func TestNameFromFile(t *testing.T) {
	tests := map[string]string{
		"a/b/mfd2.0.dic":      "mfd2.0",
		"a/RID.CAT":           "RID",
		"my lexicon.lex":      "my-lexicon",
		".lex":                ".lex",
		"":                    "lexicon",
		"dir/":                "dir",
		"bad\xffname.yml":     "bad-name",
		"x.tar.gz":            "x.tar",
		"Laver and Garry.cat": "Laver-and-Garry",
	}
	for in, want := range tests {
		if got := nameFromFile(in); got != want {
			t.Errorf("nameFromFile(%q) = %q, want %q", in, got, want)
		}
	}
}
