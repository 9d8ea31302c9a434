package lexicon

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/tokenize"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		lang    tokenize.Language
		want    string    // canonical form
		wantEls []element // checked when not nil
	}{
		{name: "word", in: "Blame", want: "blame"},
		{name: "prefix", in: "Accus*", want: "accus*", wantEls: []element{{kind: elemPrefix, text: "accus"}}},
		{name: "stem", in: "~Negotiate", want: "~negotiate",
			wantEls: []element{{kind: elemStem, text: "negotiate", stem: "negoti"}}},
		{name: "phrase with gap", in: "call* on _ to", want: "call* on _ to",
			wantEls: []element{{kind: elemPrefix, text: "call"}, {kind: elemWord, text: "on"}, {kind: elemGap},
				{kind: elemWord, text: "to"}}},
		{name: "white space of any kind", in: "  territorial\t integrity\u00a0 ", want: "territorial integrity"},
		{name: "possessive split like text", in: "Russia’s aggression", want: "russia 's aggression"},
		{name: "negation clitic", in: "don't", want: "do n't"},
		{name: "curly clitic", in: "DON’T", want: "do n't"},
		{name: "compound stays whole", in: "rules-based international order", want: "rules-based international order"},
		{name: "hyphen variant folds", in: "rules\u2011based", want: "rules-based"},
		{name: "abbreviation compound", in: "U.S.-led", want: "u.s.-led"},
		{name: "wildcard on the last token only", in: "Russia's*", want: "russia 's*"},
		{name: "stem on every token", in: "~Russia's", want: "~russia ~'s",
			wantEls: []element{{kind: elemStem, text: "russia", stem: "russia"}, {kind: elemStem, text: "'s", stem: "'s"}}},
		{name: "Cyrillic", in: "Россия", lang: tokenize.Russian, want: "россия"},
		{name: "Cyrillic stem", in: "~переговоры", lang: tokenize.Russian, want: "~переговоры",
			wantEls: []element{{kind: elemStem, text: "переговоры", stem: tokenize.Stem("переговоры", tokenize.Russian)}}},
		{name: "clitic alone", in: "n't", want: "n't"},
		{name: "possessive clitic alone", in: "’s", want: "'s", wantEls: []element{{kind: elemWord, text: "'s"}}},
		{name: "clitic after a word", in: "we 're", want: "we 're"},
		{name: "quoted word is not a clitic", in: "'Kiev", want: "' kiev"},
		{name: "gap in the middle", in: "hold _ accountable", want: "hold _ accountable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, off, err := parsePattern(tt.in, tt.lang)
			if err != nil {
				t.Fatalf("parsePattern(%q) error at %d: %v", tt.in, off, err)
			}
			if got := p.String(); got != tt.want {
				t.Errorf("parsePattern(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if tt.wantEls != nil {
				if diff := cmp.Diff(tt.wantEls, p.elems, cmp.AllowUnexported(element{})); diff != "" {
					t.Errorf("parsePattern(%q) elements (-want +got):\n%s", tt.in, diff)
				}
			}
			// The canonical form parses to the same pattern.
			q, _, err := parsePattern(p.String(), tt.lang)
			if err != nil {
				t.Fatalf("reparse of %q: %v", p.String(), err)
			}
			if diff := cmp.Diff(p.elems, q.elems, cmp.AllowUnexported(element{})); diff != "" {
				t.Errorf("reparse of %q (-first +second):\n%s", p.String(), diff)
			}
		})
	}
}

func TestParsePatternErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		lang    tokenize.Language
		wantOff int
		wantErr error
	}{
		{"empty", "", "", 0, ErrEmptyPattern},
		{"blank", " \t ", "", 0, ErrEmptyPattern},
		{"only invisible characters", "\u200b", "", 0, ErrSyntax},
		{"bare wildcard", "*", "", 0, ErrBareWildcard},
		{"bare wildcard in phrase", "war *", "", 4, ErrBareWildcard},
		{"gap at start", "_ to", "", 0, ErrSyntax},
		{"gap at end", "call on _", "", 8, ErrSyntax},
		{"gap alone", "_", "", 0, ErrSyntax},
		{"stem mark alone", "~", "", 0, ErrSyntax},
		{"stem mark alone in phrase", "peace ~", "", 6, ErrSyntax},
		{"stem of wildcard", "~*", "", 0, ErrSyntax},
		{"stem and wildcard", "~negot*", "", 6, ErrSyntax},
		{"double wildcard", "**", "", 0, ErrSyntax},
		{"double wildcard after word", "war**", "", 3, ErrSyntax},
		{"wildcard inside a word", "a*b", "", 1, ErrSyntax},
		{"wildcard inside a later word", "the a*b", "", 5, ErrSyntax},
		{"leading wildcard", "*ism", "", 0, ErrSyntax},
		{"stem mark inside a word", "a~b", "", 1, ErrSyntax},
		{"double stem mark", "~~war", "", 1, ErrSyntax},
		{"gap glued to a word", "war_crimes", "", 3, ErrSyntax},
		{"bad language", "war", "xx", 0, ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, off, err := parsePattern(tt.in, tt.lang)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("parsePattern(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if off != tt.wantOff {
				t.Errorf("parsePattern(%q) offset = %d, want %d (error %v)", tt.in, off, tt.wantOff, err)
			}
			if off < 0 || off > len(tt.in) {
				t.Errorf("offset %d outside the pattern", off)
			}
		})
	}
}

// TestParsePatternFastPath checks that the fast path for words of ASCII
// letters gives the elements the tokenizer gives, in every language, for
// the words of a few speeches (or a fixed list without ../shared) written
// as words, wildcards and stems, in lower, upper and mixed case.
func TestParsePatternFastPath(t *testing.T) {
	words := []string{"a", "I", "blame", "Russia", "NATO", "www", "http", "wwwfoo", "nt", "s", "d", "l", "qu",
		"Negotiate", "negotiations", "cannot", "gonna", "eg", "ie", "etc", "mr", "Mrs", "art", "no", "st",
		"running", "generously", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
		"cease-fire", "Self-Determination", "x-ray", "e-mail", "http-www", "www-http", "n-t", "qu-il", "dit-il",
		"a-b-c", "long-term", "de-escalation", "Franco-Comorian", "wwwp-x", "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz"}
	if shared := testutil.Shared(); shared != "" {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", "2024", "*_79_2024.txt"))
		for _, f := range files[:min(len(files), 5)] {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, w := range strings.Fields(string(data)) {
				if _, ok := asciiWord(w); ok {
					words = append(words, w)
				}
			}
		}
	}
	for _, lang := range tokenize.Languages() {
		tk, err := patternTokenizer(lang)
		if err != nil {
			t.Fatal(err)
		}
		// The reference splits with a tokenizer that stems, as
		// appendElements does for a stem element it cannot take whole.
		stk, err := tokenize.New(tokenize.Options{Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, w := range words {
			for _, field := range []string{w, strings.ToUpper(w), w + "*", "~" + w} {
				if seen[field] {
					continue
				}
				seen[field] = true
				got, off, err := appendElements(nil, field, tk, &stemTokenizer{})
				if err != nil {
					t.Fatalf("%s %q: %v at %d", lang, field, err, off)
				}
				body := strings.TrimSuffix(strings.TrimPrefix(field, "~"), "*")
				at := len(field) - len(strings.TrimPrefix(field, "~"))
				want, _, err := appendSplit(nil, field, body, at, at == 1, strings.HasSuffix(field, "*"), stk)
				if err != nil {
					t.Fatalf("%s %q: the tokenizer's path fails: %v", lang, field, err)
				}
				if diff := cmp.Diff(want, got, cmp.AllowUnexported(element{})); diff != "" {
					t.Errorf("%s %q: fast path differs from the tokenizer's (-want +got):\n%s", lang, field, diff)
				}
			}
		}
	}
}

// FuzzASCIIWord checks, in every language, that a field whose word
// asciiWord takes (ASCII letters, perhaps joined by hyphens) gives the
// elements that the tokenizer's path (appendSplit) gives, stems included.
func FuzzASCIIWord(f *testing.F) {
	for _, s := range []string{"blame", "Cease-Fire", "~self-determination", "co-chair*", "a-b-c", "x-Ray", "~running"} {
		f.Add(s)
	}
	type pair struct{ tk, stk *tokenize.Tokenizer }
	var tks []pair
	for _, lang := range tokenize.Languages() {
		tk, err := patternTokenizer(lang)
		if err != nil {
			f.Fatal(err)
		}
		stk, err := tokenize.New(tokenize.Options{Language: lang})
		if err != nil {
			f.Fatal(err)
		}
		tks = append(tks, pair{tk, stk})
	}
	f.Fuzz(func(t *testing.T, field string) {
		stem := strings.HasPrefix(field, "~")
		body := strings.TrimPrefix(field, "~")
		wild := strings.HasSuffix(body, "*")
		body = strings.TrimSuffix(body, "*")
		if _, ok := asciiWord(body); !ok || body == "" || stem && wild {
			return
		}
		at := len(field) - len(strings.TrimPrefix(field, "~"))
		for _, p := range tks {
			got, off, err := appendElements(nil, field, p.tk, &stemTokenizer{})
			if err != nil {
				t.Fatalf("%s %q: %v at %d", p.tk.Options().Language, field, err, off)
			}
			want, _, err := appendSplit(nil, field, body, at, stem, wild, p.stk)
			if err != nil {
				t.Fatalf("%s %q: the tokenizer's path fails: %v", p.tk.Options().Language, field, err)
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(element{})); diff != "" {
				t.Fatalf("%s %q: fast path differs from the tokenizer's (-want +got):\n%s", p.tk.Options().Language, field, diff)
			}
		}
	})
}

// TestPlainPattern checks plainPattern on patterns of each shape, and that
// every pattern it takes is one that checkPattern finds valid in every
// language.
func TestPlainPattern(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"blame", true},
		{"Blame*", true},
		{"~provoke", true},
		{"hold _ accountable", true},
		{"call on _ _ to", true},
		{"  war   crimes ", true},
		{"", false},
		{" ", false},
		{"_", false},
		{"_ war", false},
		{"war _", false},
		{"war _ ", false},
		{"*", false},
		{"~", false},
		{"~*", false},
		{"~war*", false},
		{"war**", false},
		{"wa*r", false},
		{"war~", false},
		{"war_crimes", false},
		{"_war", false},
		{"war\tcrimes", false},
		{"cease-fire", true},
		{"~Self-Determination", true},
		{"co-chair* meeting", true},
		{"-fire", false},
		{"cease-", false},
		{"cease--fire", false},
		{"cease-*", false},
		{"~-fire", false},
		{"co-2", false},
		{"cease‑fire", false},
		{"russia's", false},
		{"g20", false},
		{"café", false},
	}
	tk, err := patternTokenizer(tokenize.English)
	if err != nil {
		t.Fatal(err)
	}
	var got, want []bool
	for _, tc := range tests {
		got, want = append(got, plainPattern(tc.p)), append(want, tc.want)
		if _, err := checkPattern(tc.p, tk); tc.want && err != nil {
			t.Errorf("%q: plain, but checkPattern says %v", tc.p, err)
		}
		if msg := checkAppendPlain(tc.p, tk); msg != "" {
			t.Error(msg)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plainPattern (-want +got):\n%s", diff)
	}
}

// checkAppendPlain returns what is wrong with appendPlain(p) in tk's
// language, or "": it must take exactly the patterns that plainPattern
// takes, and give them the elements of appendPattern, stems included.
func checkAppendPlain(p string, tk *tokenize.Tokenizer) string {
	lang := tk.Options().Language
	got, ok := appendPlain([]element{{kind: elemGap}}, p, tk)
	if ok != plainPattern(p) {
		return fmt.Sprintf("%s %q: appendPlain says %v, plainPattern %v", lang, p, ok, !ok)
	}
	if !ok {
		if len(got.elems) != 1 {
			return fmt.Sprintf("%s %q: appendPlain failed but kept %d elements", lang, p, len(got.elems))
		}
		return ""
	}
	want, off, err := appendPattern([]element{{kind: elemGap}}, p, tk, &stemTokenizer{})
	if err != nil {
		return fmt.Sprintf("%s %q: plain, but appendPattern says %v at %d", lang, p, err, off)
	}
	if diff := cmp.Diff(want.elems, got.elems, cmp.AllowUnexported(element{})); diff != "" {
		return fmt.Sprintf("%s %q: appendPlain differs from appendPattern (-want +got):\n%s", lang, p, diff)
	}
	return ""
}

// FuzzPlainPattern checks that checkPattern finds valid, in every
// language, each pattern that plainPattern takes, and appendPlain against
// plainPattern and appendPattern (checkAppendPlain).
func FuzzPlainPattern(f *testing.F) {
	for _, s := range []string{"blame", "hold _ accountable", "~war crimes*", "_ a", "a _", "~a*", "a  b"} {
		f.Add(s)
	}
	var tks []*tokenize.Tokenizer
	for _, lang := range tokenize.Languages() {
		tk, err := patternTokenizer(lang)
		if err != nil {
			f.Fatal(err)
		}
		tks = append(tks, tk)
	}
	f.Fuzz(func(t *testing.T, p string) {
		for _, tk := range tks {
			if msg := checkAppendPlain(p, tk); msg != "" {
				t.Fatal(msg)
			}
		}
		if !plainPattern(p) {
			return
		}
		for _, tk := range tks {
			if off, err := checkPattern(p, tk); err != nil {
				t.Fatalf("%q: plain, but checkPattern (%s) says %v at %d", p, tk.Options().Language, err, off)
			}
		}
	})
}

// TestSplitElement checks that splitElement, which takes its tokens from
// Tokenizer.All, gives the tokens of TokenizeInto, in every language, for
// words that the tokenizer splits or normalises.
func TestSplitElement(t *testing.T) {
	words := []string{"cease-fire", "franco-comorian", "U.S.-led", "Russia's", "Russia’s", "'s", "’re", "n't",
		"don't", "g20", "1990s", "café", "Ünited", "e.g.", "rules‑based", "peace.war", "o'clock", "x", "über-alles"}
	for _, lang := range tokenize.Languages() {
		for _, opts := range []tokenize.Options{{Language: lang, NoStems: true}, {Language: lang}} {
			tk, err := tokenize.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range words {
				got := splitElement(tk, new(tokenize.Document), w)
				doc := new(tokenize.Document)
				text := w
				if r := []rune(w)[0]; r == '\'' || r == '’' {
					text = "x" + w
				}
				if err := tk.TokenizeInto(doc, text); err != nil {
					t.Fatal(err)
				}
				want := doc.Tokens
				if text != w && len(want) >= 2 && want[0].End == 1 && want[1].Flags&tokenize.Clitic != 0 {
					want = want[1:]
					for i := range want {
						want[i].Start--
						want[i].End--
					}
				} else if text != w {
					if err := tk.TokenizeInto(doc, w); err != nil {
						t.Fatal(err)
					}
					want = doc.Tokens
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%+v %q (-want +got):\n%s", opts, w, diff)
				}
			}
		}
	}
}

// lowerRunRef is lowerRun's reference: the ASCII lower-case letters that
// begin s, at most 8, counted byte by byte.
func lowerRunRef(s string) int {
	n := 0
	for n < len(s) && n < 8 && s[n]-'a' < 26 {
		n++
	}
	return n
}

func TestLowerRun(t *testing.T) {
	tests := []struct {
		name string
		in   string // 8 bytes
		want int
	}{
		{"all letters", "abcdefgz", 8},
		{"none", "Abcdefgh", 0},
		{"before a star", "blame* x", 5},
		{"before a space", "neck wis", 4},
		{"before a hyphen", "ceas-fir", 4},
		{"byte below a", "abc`defg", 3},
		{"byte above z", "abcd{efg", 4},
		{"upper case", "abcDefgh", 3},
		{"high bit after letters", "ab\xffcdefg", 2},
		{"high bit first", "\x80bcdefgh", 0},
		{"high bits everywhere after", "a\xff\xff\xff\xff\xff\xff\xff", 1},
		{"zero byte", "abcdefg\x00", 7},
		{"letters after a high byte", "\xe1\xe1abcdef", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lowerRun(word64(tt.in, 0))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lowerRun(%q) (-want +got):\n%s", tt.in, diff)
			}
			if ref := lowerRunRef(tt.in); ref != tt.want {
				t.Errorf("the reference gives %d for %q, the table %d", ref, tt.in, tt.want)
			}
		})
	}
}

// FuzzLowerRun checks lowerRun, on the 8 bytes from every offset of the
// input, against counting the letters byte by byte.
func FuzzLowerRun(f *testing.F) {
	for _, s := range []string{"abcdefgh", "blame* x", "ab\xffcdefg", "neckwise*", "post-developmentwise*", "~provoke"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for k := 0; k+8 <= len(s); k++ {
			if got, want := lowerRun(word64(s, k)), lowerRunRef(s[k:]); got != want {
				t.Fatalf("lowerRun of %q at %d = %d, want %d", s, k, got, want)
			}
		}
	})
}
