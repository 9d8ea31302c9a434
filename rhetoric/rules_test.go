package rhetoric_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

const rulesLex = `@lexicon rules
@category blame
aggression
attacks
@category threat
~threat
proliferation
@category values
human rights
@category peace
dialogue
@category delegitimization
~regime
@category international_law
~commitment
@category sovereignty
sovereignty

@negators
not
never
fail to
failed to

@negators blame
~prevent
~deter

@stops
human rights council
@stops delegitimization
~sanction ~regime

@breaches blame
~honour
~fulfil
@breaches
~respect
`

type ruleHit struct {
	Device, Text string
	Negated      bool
}

func ruleHits(t *testing.T, a *rhetoric.Analyzer, text string) []ruleHit {
	t.Helper()
	r, err := a.Analyze(context.Background(), rhetoric.Statement{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []ruleHit
	for _, h := range r.Hits {
		got = append(got, ruleHit{h.Device, h.Text, h.Negated})
	}
	return got
}

// TestRules checks the rules of reading that the lexicon states as data:
// scoped negators, stop-phrases, breaches, and the rule that a part of a
// hyphenated name is no cue.
func TestRules(t *testing.T) {
	lex, err := lexicon.Parse("rules.lex", []byte(rulesLex))
	if err != nil {
		t.Fatal(err)
	}
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []ruleHit
	}{
		{"scoped negator cancels its category", "We act to deter aggression.",
			[]ruleHit{{"blame", "aggression", true}}},
		{"scoped negator leaves other categories", "We act to prevent dialogue from failing and the threat from growing.",
			[]ruleHit{{"peace", "dialogue", false}, {"threat", "threat", false}}},
		{"plain negator still negates all", "There is no threat and not aggression.",
			[]ruleHit{{"threat", "threat", false}, {"blame", "aggression", true}}},
		{"stop-phrase suppresses the cue inside", "The Human Rights Council met.", nil},
		{"outside the stop-phrase the cue counts", "Human rights matter to the Council.",
			[]ruleHit{{"values", "Human rights", false}}},
		{"scoped stop-phrase", "The sanctions regime was extended; the regime lies.",
			[]ruleHit{{"delegitimization", "regime", false}}},
		{"negated breach is an accusation", "Russia has never honoured its commitments.",
			[]ruleHit{{"blame", "honoured", false}, {"international_law", "commitments", false}}},
		{"failed to fulfil", "Kyiv failed to fulfil the commitment.",
			[]ruleHit{{"blame", "fulfil", false}, {"international_law", "commitment", false}}},
		{"breach without category stops the negation only", "They do not respect our sovereignty.",
			[]ruleHit{{"sovereignty", "sovereignty", false}}},
		{"affirmed breach is no hit", "We honour our commitments.",
			[]ruleHit{{"international_law", "commitments", false}}},
		{"negation without breach still cancels", "We did not make commitments.",
			[]ruleHit{{"international_law", "commitments", true}}},
		{"part of a hyphenated name", "The Non-Proliferation Treaty holds.", nil},
		{"part of a lower-case compound", "They fear non-state proliferation and cross-border attacks.",
			[]ruleHit{{"threat", "proliferation", false}, {"blame", "attacks", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ruleHits(t, a, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestDefaultRules checks the rule sections of the default lexicon on the
// cases that motivated them.
func TestDefaultRules(t *testing.T) {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		device string
		want   string // "hit", "negated" or "none"
	}{
		{"We will help Ukraine deter future aggression.", "blame", "negated"},
		{"We must prevent aggression.", "blame", "negated"},
		{"Russia has never honoured the Minsk agreements.", "international_law", "hit"},
		{"That delegation does not respect the sovereignty of Syria.", "sovereignty", "hit"},
		{"The Human Rights Council adopted a resolution.", "values", "none"},
		{"The Democratic Republic of the Congo spoke next.", "values", "none"},
		{"We support the non-proliferation regime.", "delegitimization", "none"},
		{"The regime in Minsk silences its people.", "delegitimization", "hit"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := "none"
			for _, h := range ruleHits(t, a, tt.text) {
				if h.Device != tt.device {
					continue
				}
				if !h.Negated {
					got = "hit"
				} else if got == "none" {
					got = "negated"
				}
			}
			if got != tt.want {
				t.Errorf("%s in %q: got %s, want %s", tt.device, tt.text, got, tt.want)
			}
		})
	}
}
