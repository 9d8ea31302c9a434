package lexicon_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// codebookDevices are the framing devices of CODEBOOK.md, in codebook order.
var codebookDevices = []string{
	"blame", "sovereignty", "call_to_action", "international_law", "threat",
	"justification", "solidarity", "peace", "delegitimization", "polarization",
	"values", "humanitarian", "hypocrisy", "economic",
}

// codebookActors are the actor codes of CODEBOOK.md that a lexicon can name
// (NONE is the absence of an actor).
var codebookActors = []string{"RUS", "USA", "WEST", "NATO", "EU", "UKR", "OTHER"}

func TestDefaultIsMemoised(t *testing.T) {
	a, b := lexicon.Default(), lexicon.Default()
	if a == nil {
		t.Fatal("Default() = nil")
	}
	if a != b {
		t.Error("Default() returned two different lexicons; want one shared value")
	}
	if got := a.Language(); got != tokenize.English {
		t.Errorf("Default().Language() = %q, want %q", got, tokenize.English)
	}
}

func TestDefaultDevices(t *testing.T) {
	cats := lexicon.Default().Categories()
	var names []string
	for _, c := range cats {
		names = append(names, c.Name)
	}
	if diff := cmp.Diff(codebookDevices, names); diff != "" {
		t.Errorf("device names (-want +got):\n%s", diff)
	}
	for _, c := range cats {
		if c.Description == "" {
			t.Errorf("device %s has no description", c.Name)
		}
		// Entries are kept only with support in train.jsonl (or as codebook
		// cues), so a rare device such as hypocrisy has few.
		if len(c.Entries) < 5 {
			t.Errorf("device %s has %d entries, want at least 5", c.Name, len(c.Entries))
		}
		for _, e := range c.Entries {
			if !(e.Weight > 0 && e.Weight <= 3) {
				t.Errorf("device %s entry %q has weight %v, want in (0,3]", c.Name, e.Pattern, e.Weight)
			}
		}
	}
}

func TestDefaultModifiers(t *testing.T) {
	count := map[lexicon.ModifierKind]int{}
	for _, m := range lexicon.Default().Modifiers() {
		count[m.Kind]++
		switch m.Kind {
		case lexicon.Intensifier:
			if !(m.Factor > 1) {
				t.Errorf("intensifier %q has factor %v, want > 1", m.Pattern, m.Factor)
			}
		case lexicon.Hedge:
			if !(m.Factor > 0 && m.Factor < 1) {
				t.Errorf("hedge %q has factor %v, want in (0,1)", m.Pattern, m.Factor)
			}
		}
	}
	for _, k := range []lexicon.ModifierKind{lexicon.Negator, lexicon.Intensifier, lexicon.Hedge} {
		if count[k] < 5 {
			t.Errorf("%d %s modifiers, want at least 5", count[k], k)
		}
	}
}

func TestDefaultActors(t *testing.T) {
	var codes []string
	for _, a := range lexicon.Default().Actors() {
		codes = append(codes, a.Code)
		if a.Name == "" || len(a.Aliases) == 0 {
			t.Errorf("actor %s: name %q and %d aliases; want both", a.Code, a.Name, len(a.Aliases))
		}
	}
	if diff := cmp.Diff(codebookActors, codes); diff != "" {
		t.Errorf("actor codes (-want +got):\n%s", diff)
	}
}

// found reports, for each category, modifier kind and actor that matched in
// text, a short label such as "blame", "negator" or "actor:RUS", sorted and
// without repeats.
func found(t *testing.T, l *lexicon.Lexicon, text string) []string {
	t.Helper()
	tok, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tok.Tokenize(text)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, m := range l.Matcher().Find(doc, nil) {
		switch m.Kind {
		case lexicon.CategoryMatch:
			labels = append(labels, l.Categories()[m.Index].Name)
		case lexicon.ModifierMatch:
			labels = append(labels, l.Modifiers()[m.Index].Kind.String())
		case lexicon.ActorMatch:
			labels = append(labels, "actor:"+l.Actors()[m.Index].Code)
		}
	}
	slices.Sort(labels)
	return slices.Compact(labels)
}

func TestDefaultMatches(t *testing.T) {
	l := lexicon.Default()
	tests := []struct {
		name string
		text string
		want []string // labels that must be among the matches
		not  []string // labels that must not be
	}{
		{"curly possessive aggression", "Russia’s aggression", []string{"actor:RUS", "blame"}, nil},
		{"straight possessive aggression", "Russia's aggression", []string{"actor:RUS", "blame"}, nil},
		{"unprovoked war", "an unprovoked war against its neighbour", []string{"blame"}, nil},
		{"blame by stem", "They blamed Washington for the crisis.", []string{"actor:USA", "blame"}, nil},
		{"territorial integrity", "We stand with Ukraine and its territorial integrity.", []string{"actor:UKR", "solidarity", "sovereignty"}, nil},
		{"call on", "We call on Moscow to withdraw its troops.", []string{"actor:RUS", "call_to_action"}, nil},
		{"peace talks stem", "Negotiations resumed in Istanbul.", []string{"peace"}, nil},
		{"rules-based compound", "the rules-based international order", []string{"international_law"}, nil},
		{"hyphen variant", "the rules‑based order", []string{"international_law"}, nil},
		{"threat", "NATO expansion is a threat to our security.", []string{"actor:NATO", "threat"}, nil},
		{"kyiv regime", "the Kyiv regime and its Western sponsors", []string{"actor:UKR", "actor:WEST", "delegitimization"}, nil},
		{"collective west", "The collective West wants to divide the world.", []string{"actor:WEST", "polarization"}, nil},
		{"double standards", "This is a policy of double standards.", []string{"hypocrisy"}, nil},
		{"sanctions and grain", "Sanctions raised grain prices.", []string{"economic"}, nil},
		{"civilians", "Civilians were killed in the shelling.", []string{"blame", "humanitarian"}, nil},
		{"negator clitic", "We don't seek confrontation.", []string{"negator"}, nil},
		{"intensifier", "We condemn in the strongest possible terms this flagrant violation.", []string{"blame", "intensifier", "international_law"}, nil},
		{"hedge", "The attack was reportedly carried out by drones.", []string{"hedge"}, nil},
		{"un is other", "The United Nations must act.", []string{"actor:OTHER", "call_to_action"}, []string{"actor:USA", "solidarity"}},
		{"pronoun us is no actor", "Join us in this effort.", []string{"call_to_action"}, []string{"actor:USA"}},
		// "western" alone is a WEST alias; the place is an OTHER alias, and
		// the analyzer keeps the longest actor match (rhetoric's
		// TestDefaultLexiconTargets checks that the target is OTHER).
		{"western sahara is a place", "the people of Western Sahara", []string{"actor:OTHER"}, nil},
		{"western alone is the bloc", "Western weapons keep arriving.", []string{"actor:WEST"}, nil},
		// Demonyms name their side in both numbers; "Ukrainian" alone too.
		{"ukrainian alone", "Ukrainian territory", []string{"actor:UKR"}, nil},
		{"plural demonyms", "Russians, Ukrainians and Americans", []string{"actor:RUS", "actor:UKR", "actor:USA"}, nil},
		{"according is no accord", "According to the report, prices rose.", []string{"economic"}, []string{"international_law"}},
		{"threat of rain", "the weather forecast for tomorrow", nil, []string{"threat"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := found(t, l, tc.text)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: %s not matched; got %v", tc.text, w, got)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("%q: %s matched; got %v", tc.text, n, got)
				}
			}
		})
	}
}
