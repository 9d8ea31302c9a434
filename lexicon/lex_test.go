package lexicon

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/tokenize"
)

// errAt is the part of an Error that the tests check.
type errAt struct {
	Line, Col int
	Err       error // the sentinel
}

var sentinels = []error{ErrSyntax, ErrUnknownDirective, ErrBadWeight, ErrDuplicate, ErrEmptyPattern,
	ErrBareWildcard, ErrUnknownCategory, ErrNoCategory, ErrEncoding, ErrFormat, ErrBadHeader, ErrBadName,
	ErrEmptyCategory, ErrLanguage, ErrMerge}

// errsAt reduces err, which must be an ErrorList, to positions and sentinels.
func errsAt(t *testing.T, err error) []errAt {
	t.Helper()
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("error %v (%T) is not an ErrorList", err, err)
	}
	var out []errAt
	for _, e := range el {
		var s error
		for _, x := range sentinels {
			if errors.Is(e, x) {
				s = x
				break
			}
		}
		if s == nil {
			t.Errorf("%v unwraps to no sentinel", e)
		}
		out = append(out, errAt{e.Pos.Line, e.Pos.Col, s})
	}
	return out
}

var cmpErrs = cmp.Comparer(func(a, b error) bool { return a == b })

func TestParseLex(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Definition
	}{
		{
			name: "minimal",
			in:   "@lexicon x\n@category c\nword\n",
			want: Definition{Name: "x", Categories: []Category{{Name: "c", Entries: []Entry{{"word", 1}}}}},
		},
		{
			name: "name from file and defaults",
			in:   "@category c desc  with  spaces \nw = 2.5\n@intensifiers\nvery\n@hedges\nmaybe\n@negators\nnot\n",
			want: Definition{Name: "test", Categories: []Category{{Name: "c", Description: "desc  with  spaces",
				Entries: []Entry{{"w", 2.5}}}},
				Modifiers: []Modifier{{Intensifier, "very", 1.5, nil}, {Hedge, "maybe", 0.5, nil}, {Negator, "not", 0, nil}}},
		},
		{
			name: "language name is canonicalised",
			in:   "@lexicon x\n@language Russian\n@category c\n~угроза\n",
			want: Definition{Name: "x", Language: tokenize.Russian, Categories: []Category{{Name: "c", Entries: []Entry{{"~угроза", 1}}}}},
		},
		{
			name: "comments blank lines and indentation",
			in:   "  # lead\n@lexicon x\n\n\t@category c\n\t  word  \n   # inner\n",
			want: Definition{Name: "x", Categories: []Category{{Name: "c", Entries: []Entry{{"word", 1}}}}},
		},
		{
			name: "removals and weights",
			in:   "@lexicon x\n@category c\na = 1e-2\n! b\n!c\n",
			want: Definition{Name: "x", Categories: []Category{{Name: "c", Entries: []Entry{{"a", 0.01}}, Remove: []string{"b", "c"}}}},
		},
		{
			name: "actors and wordstat names",
			in:   "@lexicon x\n@category ECONOMY/+STATE+\nstate\n@actor RUS Russian Federation\nrussia\n@actor NATO\nnato\n",
			want: Definition{Name: "x", Categories: []Category{{Name: "ECONOMY/+STATE+", Entries: []Entry{{"state", 1}}}},
				Actors: []Actor{{"RUS", "Russian Federation", []string{"russia"}}, {"NATO", "", []string{"nato"}}}},
		},
		{
			name: "bom crlf",
			in:   "\ufeff@lexicon x\r\n@category c\r\nw\r\n",
			want: Definition{Name: "x", Categories: []Category{{Name: "c", Entries: []Entry{{"w", 1}}}}},
		},
		{
			name: "cr only",
			in:   "@lexicon x\r@category c\rw\rv = 3\r",
			want: Definition{Name: "x", Categories: []Category{{Name: "c", Entries: []Entry{{"w", 1}, {"v", 3}}}}},
		},
		{
			name: "same pattern in two categories",
			in:   "@lexicon x\n@category a\nw\n@category b\nw\n",
			want: Definition{Name: "x", Categories: []Category{{Name: "a", Entries: []Entry{{"w", 1}}}, {Name: "b", Entries: []Entry{{"w", 1}}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse("test.lex", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, l.Definition()); diff != "" {
				t.Errorf("Definition (-want +got):\n%s", diff)
			}
		})
	}
}

// lexErrorCases are malformed .lex files with every problem they hold; the
// fuzzer is seeded from them.
var lexErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"unknown directive", "@lexicon x\n@categroy c\nw\n", []errAt{{2, 1, ErrUnknownDirective}, {3, 1, ErrNoCategory}}},
	{"entry before section", "w\n@lexicon x\n", []errAt{{1, 1, ErrNoCategory}}},
	{"bad weights", "@category c\na = x\nb = -1\nc = NaN\nd = 0\ne = 1e999\nf =\n", []errAt{
		{2, 5, ErrBadWeight}, {3, 5, ErrBadWeight}, {4, 5, ErrBadWeight}, {5, 5, ErrBadWeight}, {6, 5, ErrBadWeight}, {7, 4, ErrBadWeight}}},
	{"factors", "@negators\nnot = 2\n@intensifiers\nvery = 0.5\n@hedges\nmaybe = 2\n@actor A\na = 1\n", []errAt{
		{2, 7, ErrBadWeight}, {4, 8, ErrBadWeight}, {6, 9, ErrBadWeight}, {8, 5, ErrBadWeight}}},
	{"duplicates", "@lexicon x\n@category c\nw\n  w = 2\n@category c\nv\n@negators\nnot\nnot\n@actor A\na\n@actor A\nb\nb\n", []errAt{
		{4, 3, ErrDuplicate}, {5, 11, ErrDuplicate}, {9, 1, ErrDuplicate}, {12, 8, ErrDuplicate}, {14, 1, ErrDuplicate}}},
	{"empty pattern", "@category c\n= 2\n!\nw\n", []errAt{{2, 1, ErrEmptyPattern}, {3, 1, ErrEmptyPattern}}},
	{"bare wildcard", "@category c\nfoo *\n", []errAt{{2, 5, ErrBareWildcard}}},
	{"pattern syntax", "@category c\nthe in*side\n_ gap\n~\n", []errAt{{2, 7, ErrSyntax}, {3, 1, ErrSyntax}, {4, 1, ErrSyntax}}},
	{"empty category and actor", "@category c\n@actor A\n@category d\nw\n", []errAt{{1, 11, ErrEmptyCategory}, {2, 8, ErrEmptyCategory}}},
	{"names", "@lexicon\n@lexicon a b\n@category\nw\n@actor\n", []errAt{{1, 9, ErrBadName}, {2, 12, ErrBadName}, {3, 10, ErrBadName}, {5, 7, ErrBadName}}},
	{"language", "@language klingon\n@category c\nw\n", []errAt{{1, 11, ErrLanguage}}},
	{"removal outside category", "@negators\n!not\n", []errAt{{2, 1, ErrSyntax}}},
	{"removal conflicts", "@category c\nw\n!w\n!v\n!v\n", []errAt{{3, 2, ErrDuplicate}, {5, 2, ErrDuplicate}}},
	{"invalid utf8", "@category c\nw\xff\n\xfe\n", []errAt{{2, 2, ErrEncoding}, {3, 1, ErrEncoding}, {1, 11, ErrEmptyCategory}}},
	{"bom counts for columns", "\ufeff@bogus\n", []errAt{{1, 4, ErrUnknownDirective}}},
	{"section argument", "@hedges now\n", []errAt{{1, 9, ErrSyntax}}},
	{"scope of no category", "@category a\nx\n@negators a b\nnot\n", []errAt{{3, 11, ErrUnknownCategory}}},
	{"scope named twice", "@category a\nx\n@stops a a\nthe x\n", []errAt{{3, 8, ErrDuplicate}}},
	{"stop with a factor", "@category a\nx\n@stops\nthe x = 2\n", []errAt{{4, 9, ErrBadWeight}}},
	{"breach with a factor", "@category a\nx\n@breaches a\nhonour = 1\n", []errAt{{4, 10, ErrBadWeight}}},
}

func TestParseLexErrors(t *testing.T) {
	for _, tt := range lexErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse("bad.lex", []byte(tt.in))
			if l != nil {
				t.Errorf("Parse returned a lexicon with the error %v", err)
			}
			if err == nil {
				t.Fatal("Parse: no error")
			}
			want := tt.want
			// An error list is sorted by position.
			sortAt(want)
			if diff := cmp.Diff(want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func sortAt(s []errAt) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].Line < s[j-1].Line || s[j].Line == s[j-1].Line && s[j].Col < s[j-1].Col); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestLexErrorText(t *testing.T) {
	_, err := Parse("x.lex", []byte("@category c\nw = much\n"))
	want := `x.lex:2:5: weight "much": not a decimal number`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	if !errors.Is(err, ErrBadWeight) {
		t.Errorf("errors.Is(%v, ErrBadWeight) = false", err)
	}
}

func TestLexFiles(t *testing.T) {
	for _, name := range []string{"sample.lex", "crlf.lex", "cr.lex", "overlay.lex"} {
		t.Run(name, func(t *testing.T) {
			l, err := ParseFile(filepath.Join("testdata", name), FormatAuto)
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, l)
		})
	}
	t.Run("crlf content", func(t *testing.T) {
		l, err := ParseFile(filepath.Join("testdata", "crlf.lex"), FormatLex)
		if err != nil {
			t.Fatal(err)
		}
		want := Definition{Name: "crlf", Categories: []Category{{Name: "c", Description: "A description.",
			Entries: []Entry{{"word", 2}, {"indented", 1}}, Remove: []string{"gone"}}}}
		if diff := cmp.Diff(want, l.Definition()); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// roundTrip checks that l written as .lex reads back to the same Definition.
func roundTrip(t *testing.T, l *Lexicon) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, l, FormatLex); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, err := Parse("roundtrip.lex", buf.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(l)): %v\n%s", err, buf.Bytes())
	}
	if diff := cmp.Diff(l.Definition(), back.Definition()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestRoundTripDefaultLex(t *testing.T) {
	l, err := Parse("default.lex", defaultLex)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, l)
	liwcRoundTrip(t, l)
}

// TestEveryErrorHasALine runs every malformed case of every format and checks
// that no lexicon comes back and that every item has a line and column.
func TestEveryErrorHasALine(t *testing.T) {
	type bad struct {
		f  Format
		in string
	}
	var all []bad
	for _, c := range lexErrorCases {
		all = append(all, bad{FormatLex, c.in})
	}
	for _, c := range liwcErrorCases {
		all = append(all, bad{FormatLIWC, c.in})
	}
	for _, c := range wordStatErrorCases {
		all = append(all, bad{FormatWordStat, c.in})
	}
	for _, c := range yamlErrorCases {
		all = append(all, bad{FormatYAML, c.in})
	}
	for _, c := range lexicoderErrorCases {
		all = append(all, bad{FormatLexicoder, c.in})
	}
	for _, c := range yoshikoderErrorCases {
		all = append(all, bad{FormatYoshikoder, c.in})
	}
	for _, c := range all {
		l, err := ParseAs("bad"+c.f.Extension(), []byte(c.in), c.f)
		if l != nil || err == nil {
			t.Errorf("%v %q: got a lexicon or no error (%v)", c.f, c.in, err)
			continue
		}
		for _, e := range err.(ErrorList) {
			if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.File != "bad"+c.f.Extension() {
				t.Errorf("%v %q: %v has no line and column", c.f, c.in, e)
			}
			if !strings.HasPrefix(e.Error(), e.Pos.String()+": ") || e.Msg == "" {
				t.Errorf("%v: badly formatted %q", c.f, e.Error())
			}
		}
	}
}

func BenchmarkParseLex(b *testing.B) {
	data := defaultLex
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("default.lex", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefault measures what the first call of Default costs: the
// embedded default lexicon read and compiled, without the validation of
// BenchmarkParseLex (see buildChecked). It runs warm: a fresh process also
// pays for the first stems and the cold caches.
func BenchmarkLoadDefault(b *testing.B) {
	text := string(defaultLex)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := parseEmbedded(defaultName, text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseLIWC(b *testing.B) {
	path := filepath.Join(testutil.SharedDir(b, "lexicons"), "lexicons", "liwc", "mfd2.0.dic")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseAs(path, data, FormatLIWC); err != nil {
			b.Fatal(err)
		}
	}
}
