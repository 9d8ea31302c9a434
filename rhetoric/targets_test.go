package rhetoric

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/lexicon"
)

// targetDef extends testDef with what the target rules below need: an
// actor whose alias overlaps another's ("the west bank"), a cue with an
// actor inside it as its object ("shield terrorists"), and an actor alias
// that contains a cue ("kyiv regime").
func targetDef() lexicon.Definition {
	def := testDef()
	for i := range def.Categories {
		c := &def.Categories[i]
		switch c.Name {
		case "blame":
			c.Entries = append(c.Entries, lexicon.Entry{Pattern: "shield terrorists", Weight: 1})
		case "threat":
			c.Entries = append(c.Entries, lexicon.Entry{Pattern: "expansion of nato", Weight: 1})
		}
	}
	def.Categories = append(def.Categories, lexicon.Category{Name: "delegitimization",
		Entries: []lexicon.Entry{{Pattern: "regime", Weight: 1}, {Pattern: "handlers", Weight: 1}}})
	for i := range def.Actors {
		switch def.Actors[i].Code {
		case "UKR":
			def.Actors[i].Aliases = append(def.Actors[i].Aliases, "kyiv regime")
		case "WEST":
			def.Actors[i].Aliases = append(def.Actors[i].Aliases, "western handlers")
		}
	}
	def.Actors = append(def.Actors, lexicon.Actor{Code: "OTHER", Name: "other",
		Aliases: []string{"the west bank", "terrorists", "the security council"}})
	return def
}

func TestTargetRules(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		device string
		target string
		rule   TargetRule
	}{
		// Overlapping actors: the longest match wins across actors.
		{"longer actor shadows a shorter one", "Dialogue in the West Bank.", "peace", "OTHER", RuleNearest},
		{"longer actor is the subject", "The West Bank suffered a provocation.", "blame", "OTHER", RuleSubject},
		{"shorter actor alone still matches", "The West has provoked the crisis.", "blame", "WEST", RuleSubject},
		// An actor inside a victim-device cue as its object is not blamed.
		{"object inside the cue is no target", "Some states shield terrorists.", "blame", TargetNone, ""},
		{"object inside the cue gives way to the subject", "Russia continues to shield terrorists.", "blame", "RUS", RuleSubject},
		{"actor after of inside the cue", "The expansion of NATO continues.", "threat", "NATO", RuleInside},
		// A sentence-initial prepositional phrase holds no subject.
		{"fronted phrase is skipped", "Despite the Security Council, some states provoked the crisis.", "blame", TargetNone, ""},
		{"fronted phrase, subject after it", "Despite the Security Council, Russia has provoked the crisis.", "blame", "RUS", RuleSubject},
		{"under names who is in control", "Under Russian rule, the provocation continued.", "blame", "RUS", RuleSubject},
		{"cue inside the fronted phrase", "Despite the provocation by NATO, we talk.", "blame", "NATO", RuleAgent},
		{"a subordinate clause is not fronted phrase", "As NATO expanded, it provoked the crisis.", "blame", "NATO", RuleSubject},
		// An actor whose alias contains the cue.
		{"alias containing the cue", "Weapons flow to the Kyiv regime.", "delegitimization", "UKR", RuleInside},
		{"alias containing the cue at its end", "It was guided by Western handlers.", "delegitimization", "WEST", RuleInside},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTest(t, targetDef(), Options{})
			hs := briefs(analyze(t, a, tt.text), tt.device)
			if len(hs) == 0 {
				t.Fatalf("no %s hit in %q", tt.device, tt.text)
			}
			got := [2]string{hs[0].Target, string(hs[0].Rule)}
			if diff := cmp.Diff([2]string{tt.target, string(tt.rule)}, got); diff != "" {
				t.Errorf("target, rule (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLongestActors(t *testing.T) {
	act := func(index, first, last, start, end int) lexicon.Match {
		return lexicon.Match{Kind: lexicon.ActorMatch, Index: index, First: first, Last: last, Start: start, End: end}
	}
	part := func(index, tok, start, end int) lexicon.Match {
		m := act(index, tok, tok+1, start, end)
		m.Part = true
		return m
	}
	tests := []struct {
		name string
		in   []lexicon.Match
		want []lexicon.Match
	}{
		{"no overlap", []lexicon.Match{act(0, 0, 1, 0, 6), act(1, 2, 3, 10, 16)}, []lexicon.Match{act(0, 0, 1, 0, 6), act(1, 2, 3, 10, 16)}},
		{"longest at one start wins over an earlier actor", // the west | the west bank
			[]lexicon.Match{act(2, 0, 2, 0, 8), act(6, 0, 3, 0, 13)}, []lexicon.Match{act(6, 0, 3, 0, 13)}},
		{"leftmost wins over a later longer one", // the west | west bank talks
			[]lexicon.Match{act(2, 0, 2, 0, 8), act(6, 1, 4, 4, 19)}, []lexicon.Match{act(2, 0, 2, 0, 8)}},
		{"tie goes to the actor listed first",
			[]lexicon.Match{act(3, 0, 1, 0, 4), act(1, 0, 1, 0, 4)}, []lexicon.Match{act(1, 0, 1, 0, 4)}},
		{"parts of one compound do not overlap", // U.S.-Russia
			[]lexicon.Match{part(0, 0, 5, 11), part(1, 0, 0, 4)}, []lexicon.Match{part(1, 0, 0, 4), part(0, 0, 5, 11)}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := longestActors(append([]lexicon.Match(nil), tt.in...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("longestActors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultLexiconTargets checks the target rules together with the
// default lexicon's actors and cues.
func TestDefaultLexiconTargets(t *testing.T) {
	tests := []firstTargetCase{
		{"west bank is not the west", "Settlements in the West Bank are an aggression.", "blame", "OTHER"},
		{"western sahara is not the west", "The people of Western Sahara suffer occupation.", "sovereignty", "OTHER"},
		{"western hemisphere is a place", "We support dialogue across the Western Hemisphere.", "peace", "OTHER"},
		{"western alone is the west", "Western sanctions are to blame for the hunger.", "blame", "WEST"},
		{"western handlers are the west", "Kyiv is steered by Western handlers who provoke the conflict.", "blame", "WEST"},
		{"coordinated subject takes the first", "The United States and the European Union supported the coup.", "blame", "USA"},
		{"participle after a comma takes the main subject", "NATO led an intervention in Libya, destroying its statehood.", "blame", "NATO"},
		{"invasion of a victim", "The United States launched the invasion of Iraq.", "blame", "USA"},
		{"causing the crisis, no actor", "We ask those who unleashed this war to answer.", "blame", TargetNone},
		{"causing the crisis, subject", "Russia knew where to hit to provoke this crisis.", "blame", "RUS"},
	}
	checkFirstTargets(t, defaultAnalyzer(t, Options{}), tests)
}

// firstTargetCase is a sentence, a device and the target its first hit
// of that device must have.
type firstTargetCase struct {
	name   string
	text   string
	device string
	target string
}

// checkFirstTargets analyzes each case's text with a and compares the
// target of the first hit of the case's device with the case's target.
func checkFirstTargets(t *testing.T, a *Analyzer, tests []firstTargetCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := briefs(analyze(t, a, tt.text), tt.device)
			if len(hs) == 0 {
				t.Fatalf("no %s hit in %q", tt.device, tt.text)
			}
			if diff := cmp.Diff(tt.target, hs[0].Target); diff != "" {
				t.Errorf("%q: %s target (-want +got):\n%s", tt.text, tt.device, diff)
			}
		})
	}
}

// TestDemonymTargets checks that the default lexicon's demonyms, singular
// and plural, name their side as a target: the annotators give "the
// Russians", "Ukrainian territory" and "Ukrainians" that actor, and a
// sentence that names a side only so used to have no target but NONE.
// Each case gives the target of the device's first hit (its rule-based
// target; without a model).
func TestDemonymTargets(t *testing.T) {
	a := defaultAnalyzer(t, Options{NoModel: true})
	tests := []firstTargetCase{
		{"plural subject", "The Russians shelled the city again.", "blame", "RUS"},
		{"plural object of support", "We stand with the Ukrainians.", "solidarity", "UKR"},
		{"singular before the cue", "Ukrainian sovereignty is not negotiable.", "sovereignty", "UKR"},
		{"plural American subject", "Americans provoked this crisis.", "blame", "USA"},
		{"singular still names the side", "Russian forces shelled the city.", "blame", "RUS"},
	}
	checkFirstTargets(t, a, tests)
}

// TestSelfFeature checks that the target feature t:self marks the
// candidate that is the speaker's side, the turn's speaker's inside a
// turn, and nothing when the speaker resolves to no actor.
func TestSelfFeature(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	tests := []struct {
		name, speaker, text string
		want                [][]string // per sentence, the blame candidates with t:self
	}{
		{"speaker's side named", "RUS", "Russia and NATO bear responsibility for this war.",
			[][]string{{"RUS"}}},
		{"speaker resolved from a name", "Russian Federation", "Russia and NATO bear responsibility for this war.",
			[][]string{{"RUS"}}},
		{"speaker's side not named", "USA", "Russia and NATO bear responsibility for this war.",
			[][]string{nil}},
		{"no speaker", "", "Russia and NATO bear responsibility for this war.",
			[][]string{nil}},
		{"speaker that names no actor", "FRA", "Russia and NATO bear responsibility for this war.",
			[][]string{nil}},
		{"turns", "USA",
			"MR. LAVROV: NATO and Russia bear responsibility for this war.\nQ Is Russia or the United States to blame?\n",
			[][]string{{"RUS"}, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := a.Features(context.Background(), Statement{ID: "s", Speaker: tt.speaker, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := make([][]string, len(sents))
			for i, s := range sents {
				for _, tf := range s.Targets {
					if tf.Device != "blame" {
						continue
					}
					for _, f := range tf.Features {
						if f.Name == "t:self" {
							got[i] = append(got[i], tf.Actor)
						}
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("candidates with t:self (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSpeakerFeature checks that the target feature t:sc pairs the
// speaker's side with every other candidate (NONE and OTHER included) of
// the victim devices only, and is absent when the speaker resolves to no
// actor.
func TestSpeakerFeature(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	tests := []struct {
		name, speaker, text, device string
		want                        []string // the t:sc features, over all candidates
	}{
		{"blame, side named", "RUS", "Russia and NATO bear responsibility for this war.", "blame",
			[]string{"t:sc=RUS/NONE", "t:sc=RUS/NATO"}},
		{"blame, side not named", "UKR", "The Kremlin bears responsibility for this war.", "blame",
			[]string{"t:sc=UKR/NONE", "t:sc=UKR/RUS"}},
		{"threat is a victim device", "USA", "Hamas remains a threat to the region.", "threat",
			[]string{"t:sc=USA/NONE", "t:sc=USA/OTHER"}},
		{"solidarity is not", "USA", "We stand with Ukraine.", "solidarity", nil},
		{"no speaker", "", "Russia and NATO bear responsibility for this war.", "blame", nil},
		{"speaker that names no actor", "FRA", "Russia and NATO bear responsibility for this war.", "blame", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := a.Features(context.Background(), Statement{ID: "s", Speaker: tt.speaker, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sents {
				for _, tf := range s.Targets {
					if tf.Device != tt.device {
						continue
					}
					for _, f := range tf.Features {
						if strings.HasPrefix(f.Name, "t:sc=") {
							got = append(got, f.Name)
						}
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("t:sc features (-want +got):\n%s", diff)
			}
		})
	}
}
