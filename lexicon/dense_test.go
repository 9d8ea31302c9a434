package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/tokenize"
)

// denseTexts are the statements in ../testdata, written for this module,
// which generate the dense lexicon and are matched against it.
func denseTexts(t testing.TB) []string {
	t.Helper()
	var texts []string
	for _, name := range []string{"osce/us-ministerial.md", "osce/us-press.md", "osce/ru-ministerial.md",
		"osce/ru-press.md", "custom/statement.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// denseDef builds a lexicon in which, as in a large real one, common words
// begin many phrases: every sequence of three or four words of texts, and
// some single words and pairs, become entries, written as words,
// wildcards, stems, and phrases of those with and without gaps, so that
// the matcher's filters (the global filter and the predSigs) decide most
// walks.
func denseDef(t testing.TB, texts []string) *Definition {
	t.Helper()
	usable := func(tok tokenize.Token) bool {
		return (tok.Kind == tokenize.Word || tok.Kind == tokenize.Number) &&
			!strings.ContainsAny(tok.Norm, "*~_ ")
	}
	seen := map[string]bool{}
	for _, text := range texts {
		ts := tokenizeIn(t, "", text).Tokens
		for i := range ts {
			var g []string
			for j := i; j < len(ts) && j < i+4 && usable(ts[j]); j++ {
				g = append(g, ts[j].Norm)
			}
			for n := 1; n <= len(g); n++ {
				seen[strings.Join(g[:n], " ")] = true
			}
		}
	}
	grams := make([]string, 0, len(seen))
	for g := range seen {
		grams = append(grams, g)
	}
	slices.Sort(grams)
	def := &Definition{
		Name:       "dense",
		Categories: []Category{{Name: "a"}, {Name: "b"}, {Name: "c"}, {Name: "d"}, {Name: "e"}},
		Modifiers: []Modifier{{Kind: Negator, Pattern: "not"}, {Kind: Negator, Pattern: "n't"},
			{Kind: Intensifier, Pattern: "strongly", Factor: 1.5}, {Kind: Hedge, Pattern: "could", Factor: 0.5}},
		Actors: []Actor{{Code: "RUS", Aliases: []string{"russia*", "moscow", "the kremlin"}},
			{Code: "UKR", Aliases: []string{"ukrain*", "kyiv"}}},
	}
	for i, g := range grams {
		w := strings.Fields(g)
		last := len(w) - 1
		// Common words begin phrases only, as in a large lexicon, and
		// some pairs are left out, so that longer phrases often have no
		// entry for their beginning.
		if len(w) == 1 && (len(w[0]) < 7 || i%3 != 0) || len(w) == 2 && i%2 != 0 {
			continue
		}
		switch {
		case len(w) >= 3 && i%4 == 0: // a gap in the middle
			w[1] = "_"
		case len(w) == 4 && i%4 == 1:
			w[2] = "_"
		case len(w) > 1 && len(w[0]) > 6 && i%5 == 0: // a stem, first
			w[0] = "~" + w[0]
		case i%6 == 2: // a stem, last
			w[last] = "~" + w[last]
		case i%6 == 3 && len(w[last]) > 3: // a wildcard, last
			w[last] = w[last][:len(w[last])-2] + "*"
		}
		c := &def.Categories[i%len(def.Categories)]
		c.Entries = append(c.Entries, Entry{Pattern: strings.Join(w, " "), Weight: 1})
	}
	return def
}

var denseOnce struct {
	sync.Once
	def *Definition
	m   *Matcher
	ref [][]refPat // the reference's parsed patterns
	tok *tokenize.Tokenizer
}

// denseMatcher returns the dense lexicon of denseTexts and its matcher,
// built once.
func denseMatcher(t testing.TB) (*Definition, *Matcher) {
	t.Helper()
	denseOnce.Do(func() {
		def := denseDef(t, denseTexts(t))
		m, err := compile(def)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := tokenize.New(tokenize.Options{})
		if err != nil {
			t.Fatal(err)
		}
		denseOnce.def, denseOnce.m, denseOnce.ref, denseOnce.tok = def, m, refGroups(t, def), tok
	})
	if denseOnce.m == nil {
		t.Fatal("dense lexicon failed to build")
	}
	return denseOnce.def, denseOnce.m
}

// TestFindDense checks the matcher against the naive reference where
// nearly every word begins a phrase, and that the lexicon really exercises
// the filters that a small lexicon never reaches.
func TestFindDense(t *testing.T) {
	def, m := denseMatcher(t)
	filtered := 0
	for _, n := range m.nodes {
		if n.filtered() {
			filtered++
		}
	}
	if !m.preds || filtered < 10 {
		t.Fatalf("dense lexicon has %d filtered nodes (preds %v); the test no longer covers the filters", filtered, m.preds)
	}
	texts := append(denseTexts(t),
		"We urge the people of the world to stand with Ukraine, and we urge Russia to withdraw.",
		"The the the of of and to to we we — Ukraine’s Russia-backed, U.S.-led “international law”.")
	for i, text := range texts {
		doc := tokenizeIn(t, "", text)
		got := m.Find(doc, nil)
		if len(got) < len(doc.Tokens)/4 {
			t.Errorf("text %d: %d matches for %d tokens; expected the dense lexicon to match most words", i, len(got), len(doc.Tokens))
		}
		if diff := cmp.Diff(refFind(t, def, doc), got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("text %d: Find differs from the reference (-want +got):\n%s", i, diff)
		}
	}
}

// denseVocab returns the distinct surface words of denseTexts in sorted
// order, with punctuation and the modifiers' words, for FuzzMatchDense to
// build texts from.
func denseVocab(t testing.TB) []string {
	seen := map[string]bool{".": true, ",": true, "—": true, "not": true, "n't": true, "strongly": true, "could": true, "Russia's": true}
	for _, text := range denseTexts(t) {
		for _, tok := range tokenizeIn(t, "", text).Tokens {
			seen[text[tok.Start:tok.End]] = true
		}
	}
	vocab := make([]string, 0, len(seen))
	for w := range seen {
		vocab = append(vocab, w)
	}
	slices.Sort(vocab)
	return vocab
}

// FuzzMatchDense checks Find against the reference with the dense lexicon,
// whose filters decide most walks. An input is a sequence of up to 64
// words of the lexicon's own texts, two bytes a word: every text is then
// dense with phrase beginnings (random bytes would rarely reach the
// filters), and an exec takes a fraction of a millisecond, so that the
// fuzzer explores (and minimizes a new input in seconds) instead of
// spending minutes on each. The lexicon, the reference's parsed patterns
// and the tokenizer are built once per process.
func FuzzMatchDense(f *testing.F) {
	vocab := denseVocab(f)
	index := make(map[string]int, len(vocab))
	for i, w := range vocab {
		index[w] = i
	}
	for _, text := range denseTexts(f) {
		for _, para := range strings.Split(text, "\n\n") {
			var seed []byte
			for _, tok := range tokenizeIn(f, "", para).Tokens {
				if len(seed) == 128 {
					break
				}
				i := index[para[tok.Start:tok.End]]
				seed = append(seed, byte(i>>8), byte(i))
			}
			f.Add(seed)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 128 {
			return
		}
		var b strings.Builder
		for i := 0; i+1 < len(data); i += 2 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[(int(data[i])<<8|int(data[i+1]))%len(vocab)])
		}
		_, m := denseMatcher(t)
		doc, err := denseOnce.tok.Tokenize(b.String())
		if err != nil {
			t.Fatal(err)
		}
		want, got := refFindIn(denseOnce.ref, doc), m.Find(doc, nil)
		if slices.Equal(want, got) {
			return // cmp.Diff is the slow part of a passing exec
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("text %q: Find differs from the reference (-want +got):\n%s", b.String(), diff)
		}
	})
}
