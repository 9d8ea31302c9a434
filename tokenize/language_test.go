package tokenize

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseLanguage(t *testing.T) {
	cases := []struct {
		in   string
		want Language
		err  error
	}{
		{"", English, nil},
		{" English ", English, nil},
		{"eng", English, nil},
		{"RU", Russian, nil},
		{"russian", Russian, nil},
		{"es", Spanish, nil},
		{"French", French, nil},
		{"fre", French, nil},
		{"sv", Swedish, nil},
		{"nb", Norwegian, nil},
		{"Hungarian", Hungarian, nil},
		{"de", "", ErrLanguage},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseLanguage(c.in)
			if !errors.Is(err, c.err) || got != c.want {
				t.Errorf("ParseLanguage(%q) = %q, %v; want %q, %v", c.in, got, err, c.want, c.err)
			}
		})
	}
	var langs []string
	for _, l := range Languages() {
		back, err := ParseLanguage(l.String())
		if err != nil || back != l {
			t.Errorf("ParseLanguage(%q) = %q, %v", l, back, err)
		}
		langs = append(langs, l.String())
	}
	if diff := cmp.Diff([]string{"en", "ru", "es", "fr", "sv", "no", "hu"}, langs); diff != "" {
		t.Errorf("Languages mismatch (-want +got):\n%s", diff)
	}
	if got := Language("").String(); got != "en" {
		t.Errorf(`Language("").String() = %q, want "en"`, got)
	}
}

func TestScannerStepByStep(t *testing.T) {
	s := NewScanner("Don't stop.", English)
	var got []tok
	var offsets []int
	for {
		x, ok := s.Next()
		if !ok {
			break
		}
		got = append(got, tok{x.Text, x.Start, x.End, x.Kind, x.Flags})
		offsets = append(offsets, s.Offset())
	}
	want := []tok{w("Do", 0), wf("n't", 2, Clitic), w("stop", 6), pu(".", 10)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Next mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{2, 5, 10, 11}, offsets); diff != "" {
		t.Errorf("Offset mismatch (-want +got):\n%s", diff)
	}
	if _, ok := s.Next(); ok {
		t.Error("Next after the end returned a token")
	}
	var zero Scanner
	if _, ok := zero.Next(); ok {
		t.Error("zero Scanner returned a token")
	}
}

func TestSentenceTokens(t *testing.T) {
	tk, _ := New(Options{})
	doc, _ := tk.Tokenize("One. Two three.")
	var got []string
	for _, x := range doc.SentenceTokens(1) {
		got = append(got, x.Text)
	}
	if diff := cmp.Diff([]string{"Two", "three", "."}, got); diff != "" {
		t.Errorf("SentenceTokens(1) mismatch (-want +got):\n%s", diff)
	}
}

// TestLocate checks how prose's rewritten tokens are found in the text,
// without loading the model.
func TestLocate(t *testing.T) {
	text := "He said “no” ... 'sanctions' don’t &rsquo;x"
	cases := []struct {
		name       string
		cur        int
		pt         string
		start, end int
		ok         bool
	}{
		{"plain after space", 2, "said", 3, 7, true},
		{"curly double quote as ASCII", 7, `"`, 8, 11, true},
		{"curly apostrophe as ASCII", 32, "n't", 35, 40, true},
		{"entity apostrophe", 40, "'", 41, 48, true},
		{"skips a dropped word", 17, "'", 21, 22, true},
		{"absent", 0, "war", 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, e, ok := locate(text, c.cur, c.pt)
			if s != c.start || e != c.end || ok != c.ok {
				t.Errorf("locate(%d, %q) = %d, %d, %v; want %d, %d, %v (%q)", c.cur, c.pt, s, e, ok, c.start, c.end, c.ok, text[min(s, len(text)):min(e, len(text))])
			}
		})
	}
}
