package lexicon

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/tokenize"
)

func TestParseDicx(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		want  []Category
		warns []errAt
	}{
		{
			name: "unweighted, BOM, CRLF, quoted phrase with a comma, lower-case x",
			file: "unweighted.dicx",
			want: []Category{
				{Name: "threat", Entries: []Entry{{"attack*", 1}, {"war, not peace", 1}}},
				{Name: "peace", Entries: []Entry{{"ceasefire", 1}, {"negotiat*", 1}}},
				{Name: "blame", Entries: []Entry{{"responsible for", 1}}},
			},
		},
		{
			name: "weighted: 0 is no member, a negative weight is left out with a warning",
			file: "weighted.dicx",
			want: []Category{
				{Name: "positive", Entries: []Entry{{"good", 1.5}, {"fine", 0.25}}},
				{Name: "negative", Entries: []Entry{{"bad", 2}, {"not great", 0.5}, {"sorry :(", 1}}},
			},
			warns: []errAt{{6, 11, ErrBadWeight}, {8, 1, ErrSyntax}},
		},
		{
			name:  "a column without terms is left out",
			file:  "emptycolumn.dicx",
			want:  []Category{{Name: "a", Entries: []Entry{{"x", 1}}}},
			warns: []errAt{{1, 11, ErrEmptyCategory}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseFile(filepath.Join("testdata", tt.file), FormatAuto)
			if err != nil {
				t.Fatalf("ParseFile: %v", err)
			}
			if diff := cmp.Diff(tt.want, l.Categories()); diff != "" {
				t.Errorf("categories (-want +got):\n%s", diff)
			}
			var warns []errAt
			if w := l.Warnings(); len(w) > 0 {
				warns = errsAt(t, w)
			}
			if diff := cmp.Diff(tt.warns, warns, cmpErrs); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

var dicxErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"empty file", "", []errAt{{1, 1, ErrBadHeader}}},
	{"no category in header", "DicTerm\nword\n", []errAt{{1, 1, ErrBadHeader}}},
	{"unnamed middle column", "DicTerm,,b\nx,,X\n", []errAt{{1, 9, ErrBadHeader}}},
	{"bad cell", "DicTerm,a\nword,yes\n", []errAt{{2, 6, ErrBadWeight}}},
	{"too many cells", "DicTerm,a\nword,X,X\n", []errAt{{2, 8, ErrSyntax}}},
	{"cells without a term", "DicTerm,a\n,X\n", []errAt{{2, 1, ErrEmptyPattern}}},
	{"broken quote", "DicTerm,a\n\"word,X\n", []errAt{{2, 9, ErrSyntax}}},
	{"invalid UTF-8", "DicTerm,a\nw\xffx,X\n", []errAt{{2, 2, ErrEncoding}}},
	{"duplicate category", "DicTerm,a,a\nx,X,X\n", []errAt{{1, 11, ErrDuplicate}}},
}

func TestParseDicxErrors(t *testing.T) {
	for _, tt := range dicxErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("t.dicx", []byte(tt.in), FormatLIWC22)
			if err == nil {
				t.Fatalf("no error; lexicon %v", l.Categories())
			}
			if l != nil {
				t.Error("lexicon returned with an error")
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestDicxRoundTrip writes lexicons as .dicx and reads them back: weights
// survive in a weighted dictionary, and an unweighted one is written with X.
func TestDicxRoundTrip(t *testing.T) {
	for _, file := range []string{"unweighted.dicx", "weighted.dicx"} {
		t.Run(file, func(t *testing.T) {
			l, err := ParseFile(filepath.Join("testdata", file), FormatAuto)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, l, FormatLIWC22); err != nil {
				t.Fatal(err)
			}
			back, err := ParseAs(file, buf.Bytes(), FormatLIWC22)
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.Bytes())
			}
			if diff := cmp.Diff(l.Categories(), back.Categories()); diff != "" {
				t.Errorf("round trip (-want +got):\n%s\n%s", diff, buf.Bytes())
			}
			if weighted := file == "weighted.dicx"; weighted == strings.Contains(buf.String(), ",X") {
				t.Errorf("weighted=%v, but the output is:\n%s", weighted, buf.Bytes())
			}
		})
	}
	// The default lexicon is weighted: every weight comes back.
	def := Default()
	var buf bytes.Buffer
	if err := Write(&buf, def, FormatLIWC22); err != nil {
		t.Fatal(err)
	}
	back, err := ParseAs("default.dicx", buf.Bytes(), FormatLIWC22)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(def.Categories(), back.Categories(), descriptionsIgnored); diff != "" {
		t.Errorf("default lexicon through .dicx (-want +got):\n%s", diff)
	}
}

// descriptionsIgnored compares categories without their descriptions, which
// .dicx cannot hold.
// .dicx has one row per term, so entries of later categories come in row
// order: compare them as sets.
var descriptionsIgnored = cmp.Transformer("nodesc", func(c Category) Category {
	c.Description = ""
	c.Role = "" // .dicx has no roles (Lossy names them)
	c.Entries = slices.SortedFunc(slices.Values(c.Entries), func(a, b Entry) int { return strings.Compare(a.Pattern, b.Pattern) })
	return c
})

func TestParseValence(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		f     Format
		want  []Category
		warns []errAt
	}{
		{
			name: "VADER: mean as weight, case repeat and pattern syntax left out",
			file: "sample.vader.txt",
			f:    FormatVADER,
			want: []Category{
				{Name: "positive", Description: "Words of positive valence (VADER), weighted by it.",
					Entries: []Entry{{"support", 1.7}, {":-D", 2.3}}},
				{Name: "negative", Description: "Words of negative valence (VADER), weighted by its absolute value.",
					Entries: []Entry{{"abandon", 1.9}}},
			},
			warns: []errAt{{4, 1, ErrDuplicate}, {5, 2, ErrSyntax}},
		},
		{
			name: "AFINN: integer as weight, phrases, 0 left out",
			file: "sample.afinn.txt",
			f:    FormatAFINN,
			want: []Category{
				{Name: "positive", Description: "Words of positive valence (AFINN), weighted by it.",
					Entries: []Entry{{"breakthrough", 3}}},
				{Name: "negative", Description: "Words of negative valence (AFINN), weighted by its absolute value.",
					Entries: []Entry{{"abandon", 2}, {"can't stand", 3}}},
			},
			warns: []errAt{{4, 1, ErrBadWeight}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f, err := DetectFormat(path, data); err != nil || f != tt.f {
				t.Errorf("DetectFormat = %v, %v; want %v", f, err, tt.f)
			}
			l, err := ParseFile(path, FormatAuto)
			if err != nil {
				t.Fatalf("ParseFile: %v", err)
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

var valenceErrorCases = []struct {
	name string
	f    Format
	in   string
	want []errAt
}{
	{"AFINN decimal", FormatAFINN, "good\t1.5\n", []errAt{{1, 6, ErrBadWeight}}},
	{"AFINN no valence", FormatAFINN, "good\n", []errAt{{1, 5, ErrSyntax}}},
	{"VADER three fields", FormatVADER, "good\t1.5\t0.3\n", []errAt{{1, 13, ErrSyntax}}},
	{"VADER not a number", FormatVADER, "good\tx\t0.3\t[1]\n", []errAt{{1, 6, ErrBadWeight}}},
	{"only zeros", FormatAFINN, "so so\t0\n", []errAt{{1, 1, ErrEmptyCategory}}},
	{"invalid UTF-8", FormatAFINN, "go\xffod\t1\n", []errAt{{1, 3, ErrEncoding}}},
}

func TestParseValenceErrors(t *testing.T) {
	for _, tt := range valenceErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseAs("t.txt", []byte(tt.in), tt.f)
			if err == nil {
				t.Fatalf("no error; lexicon %v", l.Categories())
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
	if _, err := ParseAs("words.txt", []byte("just words\n"), FormatAuto); !errors.Is(err, ErrFormat) {
		t.Errorf("an unrecognisable .txt: got %v, want ErrFormat", err)
	}
}

// TestSharedDictionaries loads the real .dicx-convertible, VADER and AFINN
// files of ../shared: every line is either an entry or a warning.
func TestSharedDictionaries(t *testing.T) {
	tests := []struct {
		file           string
		pos, neg, warn int
	}{
		// 7,520 lines: 62 emoticons use pattern syntax or repeat another in
		// another case, 3 more are no pattern; none has valence 0.
		{"sentiment/vader_lexicon.txt", 3300, 4155, 65},
		// 3,382 lines: "kind of" and "some kind" have valence 0.
		{"sentiment/AFINN-en-165.txt", 1176, 2204, 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			l := sharedLexicon(t, tt.file)
			got := []int{l.NumEntries(l.CategoryIndex(PositiveCategory)), l.NumEntries(l.CategoryIndex(NegativeCategory)), len(l.Warnings())}
			if diff := cmp.Diff([]int{tt.pos, tt.neg, tt.warn}, got); diff != "" {
				t.Errorf("positive, negative, warnings (-want +got):\n%s", diff)
			}
			// Through .dicx and back, a valence list keeps every weight.
			var buf bytes.Buffer
			if err := Write(&buf, l, FormatLIWC22); err != nil {
				t.Fatal(err)
			}
			back, err := ParseAs("v.dicx", buf.Bytes(), FormatLIWC22)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(l.Categories(), back.Categories(), descriptionsIgnored); diff != "" {
				t.Errorf("through .dicx (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLossy(t *testing.T) {
	l, err := Parse("x.lex", []byte("@lexicon x\n@language ru\n@category a about a\nw = 2\n~stem\ncall on _ to\n!gone\n@negators\nnot\n@actor RUS Russia\nrussia\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`1 entry weights other than 1 (e.g. a: w = 2): LIWC counts every word once; they are written as 1`,
		`1 category descriptions (e.g. a): LIWC has no place for them`,
		`1 removals (e.g. a: !gone): LIWC cannot remove entries of another dictionary`,
		`1 modifiers (negators, intensifiers, hedges) (e.g. negator not): LIWC has none`,
		`1 actors (e.g. RUS): LIWC has none`,
		`the language (ru): LIWC does not record it`,
		`1 stem patterns (e.g. ~stem): written as they are; this package reads them back, LIWC would take ~ literally`,
		`1 gap patterns (e.g. call on _ to): written as they are; this package reads them back, LIWC would take _ literally`,
	}
	if diff := cmp.Diff(want, Lossy(l, FormatLIWC)); diff != "" {
		t.Errorf("Lossy(liwc) (-want +got):\n%s", diff)
	}
	if got := Lossy(l, FormatLIWC22); len(got) != len(want)-1 || strings.Contains(strings.Join(got, "\n"), "weights") {
		t.Errorf("Lossy(dicx) should keep weights and lose the rest:\n%s", strings.Join(got, "\n"))
	}
	if got := Lossy(l, FormatLex); got != nil {
		t.Errorf("Lossy(lex) = %q, want nil", got)
	}
}

// TestYoFold matches newsmap's Russian entry "Соединенн* Штат* Америк*"
// against text written with ё: the normaliser folds ё to е on both sides.
func TestYoFold(t *testing.T) {
	l := sharedLexicon(t, "newsmap/russian.yml")
	tk, err := tokenize.New(tokenize.Options{Language: tokenize.Russian})
	if err != nil {
		t.Fatal(err)
	}
	text := "Соединённые Штаты Америки и ЁЛКА."
	doc, err := tk.Tokenize(text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range l.Matcher().Find(doc, nil) {
		if m.Kind == CategoryMatch {
			got = append(got, l.CategoryName(m.Index)+": "+text[m.Start:m.End])
		}
	}
	want := []string{"AMERICA/NORTH/US: Соединённые Штаты Америки"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
}
