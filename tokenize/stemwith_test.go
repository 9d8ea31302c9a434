package tokenize

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/kljensen/snowball/spanish"
)

// stemWithRunes is stemWith as it was before its ASCII loop: every rune
// decoded and tested with the unicode package. TestStemWith and
// FuzzStemWith hold stemWith to it.
func stemWithRunes(w string, stem func(string, bool) string) (out string) {
	if stem == nil || w == "" || w[0] == '\'' || len(w) > maxMemoLen {
		return w
	}
	last := 0
	for i := 0; i < len(w); {
		r, n := decodeAt(w, i)
		switch {
		case r == '-':
			last = i + 1
		case r == '\'' || unicode.IsLetter(r) || unicode.IsMark(r):
		default:
			return w
		}
		i += n
	}
	if last == len(w) {
		return w
	}
	defer func() {
		if recover() != nil {
			out = w
		}
	}()
	s := stem(w[last:], true)
	if s == "" || !utf8.ValidString(s) {
		return w
	}
	if last == 0 {
		return s
	}
	return w[:last] + s
}

// stemOdd is a stemmer that returns what its word cannot give: bytes that
// are not UTF-8, a non-ASCII ending, or nothing.
func stemOdd(w string, _ bool) string {
	switch {
	case len(w) > 6:
		return w[:3] + "\xff"
	case len(w) > 4:
		return w + "é"
	case len(w) > 3:
		return ""
	}
	return w
}

// TestStemWith checks stemWith against stemWithRunes on ASCII words, words
// with hyphens, apostrophes, marks and other runes, with the English
// stemmer and others.
func TestStemWith(t *testing.T) {
	words := []string{"", "nations", "Nations", "u.s.", "rules-based", "russia-backed", "-", "a-", "-led",
		"don't", "'s", "n't", "nations'", "co-operation", "x1", "1990s", "war_crimes", "a b",
		"naïve", "café-bar", "über-cool", "Москва", "mañana", "e\u0301tat", "e\u0301-tat", "\xff",
		"a\xffb", "naciones", "internacionales", "z", "Z-z", "@", "a@b", "{", "`", "~"}
	stemmers := []struct {
		name string
		stem func(string, bool) string
	}{{"english", stemEnglish}, {"spanish", spanish.Stem}, {"odd", stemOdd}, {"nil", nil}}
	for _, st := range stemmers {
		var want, got []string
		for _, w := range words {
			want = append(want, stemWithRunes(w, st.stem))
			got = append(got, stemWith(w, st.stem))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: stemWith differs from stemWithRunes (-want +got):\n%s", st.name, diff)
		}
	}
}

// FuzzStemWith checks stemWith against stemWithRunes on any string, with
// the English stemmer and stemOdd.
func FuzzStemWith(f *testing.F) {
	for _, w := range []string{"nations", "rules-based", "don't", "naïve", "a\xffb", "a-", "1990s", "Nations"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := stemWith(w, stemEnglish), stemWithRunes(w, stemEnglish); got != want {
			t.Fatalf("stemWith(%q, english) = %q, want %q", w, got, want)
		}
		if got, want := stemWith(w, stemOdd), stemWithRunes(w, stemOdd); got != want {
			t.Fatalf("stemWith(%q, odd) = %q, want %q", w, got, want)
		}
	})
}
