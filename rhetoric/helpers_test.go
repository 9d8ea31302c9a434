package rhetoric

import (
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// testDef is a small lexicon for unit tests, independent of the default
// lexicon (which is tuned separately).
func testDef() lexicon.Definition {
	e := func(ps ...string) []lexicon.Entry {
		var out []lexicon.Entry
		for _, p := range ps {
			w := 1.0
			if i := strings.Index(p, "="); i > 0 {
				w = 2
				p = strings.TrimSpace(p[:i])
			}
			out = append(out, lexicon.Entry{Pattern: p, Weight: w})
		}
		return out
	}
	return lexicon.Definition{
		Name:     "test",
		Language: tokenize.English,
		Categories: []lexicon.Category{
			{Name: "blame", Entries: e("blame", "blamed", "aggression", "responsible", "responsibility", "accuse", "blaming", "war waged by", "at the hands of", "provocation", "provoked")},
			{Name: "sovereignty", Entries: e("sovereignty", "territorial integrity")},
			{Name: "call_to_action", Entries: e("call on _ to", "must", "urge")},
			{Name: "threat", Entries: e("threat", "expansion", "confrontation")},
			{Name: "peace", Entries: e("dialogue", "negotiations", "diplomacy", "peace")},
			{Name: "solidarity", Entries: e("support", "stand with")},
			{Name: "humanitarian", Entries: e("civilians", "suffering")},
		},
		Modifiers: []lexicon.Modifier{
			{Kind: lexicon.Negator, Pattern: "not"},
			{Kind: lexicon.Negator, Pattern: "no"},
			{Kind: lexicon.Negator, Pattern: "never"},
			{Kind: lexicon.Negator, Pattern: "without"},
			{Kind: lexicon.Negator, Pattern: "fail to"},
			{Kind: lexicon.Intensifier, Pattern: "flagrant", Factor: 1.5},
			{Kind: lexicon.Intensifier, Pattern: "strongest possible terms", Factor: 2},
			{Kind: lexicon.Hedge, Pattern: "perhaps", Factor: 0.5},
			{Kind: lexicon.Hedge, Pattern: "might", Factor: 0.5},
		},
		Actors: []lexicon.Actor{
			{Code: "RUS", Name: "Russia", Aliases: []string{"russia", "russian", "moscow", "the kremlin"}},
			{Code: "UKR", Name: "Ukraine", Aliases: []string{"ukraine", "kyiv"}},
			{Code: "WEST", Name: "the West", Aliases: []string{"the west", "western countries"}},
			{Code: "NATO", Name: "NATO", Aliases: []string{"nato", "the alliance"}},
			{Code: "OWN", Name: "first person (must never be a target)", Aliases: []string{"we", "our"}},
		},
	}
}

// newTest returns an analyzer for def, without the learned model unless
// opts names one.
func newTest(t testing.TB, def lexicon.Definition, opts Options) *Analyzer {
	t.Helper()
	lex, err := lexicon.New(def)
	if err != nil {
		t.Fatalf("lexicon.New: %v", err)
	}
	if opts.Model == nil {
		// These tests check the lexicon mechanics: the built-in model, trained
		// for the default lexicon, would decide the test lexicon's devices.
		opts.NoModel = true
	}
	a, err := New(lex, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}
