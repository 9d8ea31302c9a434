package rhetoric

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// hitSummary is what the grammar tests compare of a hit.
type hitSummary struct {
	Device, Text, Target string
	Negated              bool
}

func summarize(r *Report) []hitSummary {
	var out []hitSummary
	for _, h := range r.Hits {
		out = append(out, hitSummary{h.Device, h.Text, h.Target, h.Negated})
	}
	return out
}

func analyzeText(t *testing.T, a *Analyzer, text string) *Report {
	t.Helper()
	r, err := a.Analyze(context.Background(), Statement{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// ruDef is a small Russian lexicon: a threat cue, a blame cue, negators and
// two actors.
func ruDef() lexicon.Definition {
	return lexicon.Definition{
		Name: "ru-test", Language: tokenize.Russian,
		Categories: []lexicon.Category{
			{Name: "threat", Entries: []lexicon.Entry{{Pattern: "угроза", Weight: 1}}},
			{Name: "blame", Entries: []lexicon.Entry{{Pattern: "агрессия", Weight: 1}}},
			{Name: "peace", Entries: []lexicon.Entry{{Pattern: "~переговоры", Weight: 1}}},
		},
		Modifiers: []lexicon.Modifier{{Kind: lexicon.Negator, Pattern: "не"}, {Kind: lexicon.Negator, Pattern: "нет"}},
		Actors: []lexicon.Actor{
			{Code: "RUS", Name: "Россия", Aliases: []string{"россия", "~россии"}},
			{Code: "NATO", Name: "НАТО", Aliases: []string{"нато"}},
			{Code: "OWN", Name: "мы", Aliases: []string{"мы", "наш"}},
		},
	}
}

// TestRussianGrammar checks that a Russian lexicon gets the Russian
// function words: "не только" does not negate, "но" ends the clause the way
// "but" does, first-person words are never a target.
func TestRussianGrammar(t *testing.T) {
	a := newTest(t, ruDef(), Options{})
	tests := []struct {
		name, text string
		want       []hitSummary
	}{
		{"not only is no negation", "Это не только угроза.", []hitSummary{{"threat", "угроза", TargetNone, false}}},
		{"plain negation", "Это не угроза.", []hitSummary{{"threat", "угроза", TargetNone, true}}},
		{"но ends the clause", "Мы не хотим войны, но это угроза.", []hitSummary{{"threat", "угроза", TargetNone, false}}},
		{"но without a comma", "Не хотим войны но угроза растёт.", []hitSummary{{"threat", "угроза", TargetNone, false}}},
		{"тем не менее is one break", "Не спорим тем не менее угроза.", []hitSummary{{"threat", "угроза", TargetNone, false}}},
		{"a victim after против", "Агрессия против России.", []hitSummary{{"blame", "Агрессия", TargetNone, false}}},
		{"possessor before the cue", "НАТО агрессия продолжается.", []hitSummary{{"blame", "агрессия", "NATO", false}}},
		{"own side is no target", "Мы угроза.", []hitSummary{{"threat", "угроза", TargetNone, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, summarize(analyzeText(t, a, tt.text))); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.text, diff)
			}
		})
	}
	// The English probe beside it, through the test lexicon.
	en := newTest(t, testDef(), Options{})
	got := summarize(analyzeText(t, en, "This is not only a threat."))
	if diff := cmp.Diff([]hitSummary{{"threat", "threat", TargetNone, false}}, got); diff != "" {
		t.Errorf("English probe (-want +got):\n%s", diff)
	}
}

// TestLexiconGrammarOverrides checks that a lexicon's @grammar class
// replaces the built-in one: with "yet" as the only clause break, "but" no
// longer shields a cue from a negator and "yet" does.
func TestLexiconGrammarOverrides(t *testing.T) {
	def := testDef()
	def.Grammar = []lexicon.WordClass{{Name: "clause-break", Words: []string{"yet"}}}
	a := newTest(t, def, Options{})
	base := newTest(t, testDef(), Options{})
	tests := []struct {
		text      string
		base, own bool // negated with the built-in grammar, with the lexicon's
	}{
		{"We do not want war but peace.", false, true},
		{"We do not want war yet peace.", true, false},
	}
	for _, tt := range tests {
		b, o := analyzeText(t, base, tt.text).Hits, analyzeText(t, a, tt.text).Hits
		if len(b) != 1 || len(o) != 1 {
			t.Fatalf("%s: hits %v / %v", tt.text, b, o)
		}
		if b[0].Negated != tt.base || o[0].Negated != tt.own {
			t.Errorf("%s: negated %v with the built-in grammar, %v with the lexicon's; want %v, %v", tt.text, b[0].Negated, o[0].Negated, tt.base, tt.own)
		}
	}
}

// TestRolesFollowTheLexicon checks that renaming blame keeps its behaviour
// when the lexicon declares the role, and that an appeal device of any name
// receives the imperatives.
func TestRolesFollowTheLexicon(t *testing.T) {
	rename := func(role string) lexicon.Definition {
		def := testDef()
		for i := range def.Categories {
			if def.Categories[i].Name == "blame" {
				def.Categories[i].Name = "accusation"
				def.Categories[i].Role = role
			}
		}
		return def
	}
	text := "The aggression towards Ukraine continues."
	targets := func(a *Analyzer) []string {
		var out []string
		for _, h := range analyzeText(t, a, text).Hits {
			out = append(out, h.Device+" "+h.Target)
		}
		return out
	}
	want := []string{"blame NONE"}
	if diff := cmp.Diff(want, targets(newTest(t, testDef(), Options{}))); diff != "" {
		t.Errorf("blame (-want +got):\n%s", diff)
	}
	want = []string{"accusation NONE"}
	if diff := cmp.Diff(want, targets(newTest(t, rename(lexicon.RoleVictim), Options{}))); diff != "" {
		t.Errorf("accusation with @role victim (-want +got):\n%s", diff)
	}
	// Without the role, the object of "aggression towards" is the target.
	want = []string{"accusation UKR"}
	if diff := cmp.Diff(want, targets(newTest(t, rename(""), Options{}))); diff != "" {
		t.Errorf("accusation without a role (-want +got):\n%s", diff)
	}

	// Imperatives count as the appeal device, whatever its name.
	def := testDef()
	for i := range def.Categories {
		if def.Categories[i].Name == "call_to_action" {
			def.Categories[i].Name = "demand"
			def.Categories[i].Role = lexicon.RoleAppeal
		}
	}
	a := newTest(t, def, Options{Tag: true})
	var got []string
	for _, h := range analyzeText(t, a, "Stop the war now.").Hits {
		got = append(got, h.Device+" "+h.Entry)
	}
	if diff := cmp.Diff([]string{"demand " + ImperativeEntry}, got); diff != "" {
		t.Errorf("imperative (-want +got):\n%s", diff)
	}
}

// TestTargetDevicesFollowRoles checks that which devices report a target
// per sentence (Span.Targets) follows the category's role, not its name:
// solidarity takes a target through the role the default lexicon gives
// that name, a renamed copy takes one only when it declares @role target,
// and @role none takes it away.
func TestTargetDevicesFollowRoles(t *testing.T) {
	withSolidarity := func(name, role string) lexicon.Definition {
		def := testDef()
		for i := range def.Categories {
			if def.Categories[i].Name == "solidarity" {
				def.Categories[i].Name = name
				def.Categories[i].Role = role
			}
		}
		return def
	}
	tests := []struct {
		name, cat, role string
		want            []map[string]string
	}{
		{"default role by name", "solidarity", "", []map[string]string{{"solidarity": "UKR"}}},
		{"renamed with @role target", "support", lexicon.RoleTarget, []map[string]string{{"support": "UKR"}}},
		{"renamed without a role", "support", "", []map[string]string{nil}},
		{"@role none", "solidarity", lexicon.RoleNone, []map[string]string{nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTest(t, withSolidarity(tt.cat, tt.role), Options{})
			var got []map[string]string
			for _, sp := range analyzeText(t, a, "We stand with Ukraine.").Spans {
				got = append(got, sp.Targets)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("span targets (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGrammarBits checks that every class of the built-in grammars gets
// its bit in the merged word map (at most 62 bits, phrase starts
// included): a class beyond them would silently match nothing.
func TestGrammarBits(t *testing.T) {
	for _, lang := range []tokenize.Language{tokenize.English, tokenize.Russian} {
		g := newGrammar(lang, nil)
		slots := g.slots()
		for _, name := range lexicon.GrammarClasses() {
			c := slots[name]
			if c == nil {
				t.Errorf("%s: class %q has no field in the grammar", lang, name)
				continue
			}
			if len(c.words) > 0 && c.bit == 0 {
				t.Errorf("%s: class %q has words but no bit", lang, name)
			}
		}
	}
}

// TestEndsAt checks that endsAt answers as endsAtLong, which asks at for
// every phrase, for every class of the English and Russian grammars with
// phrases, at every end and start of up to ten tokens before it, on the
// bench speeches and on texts of the classes' phrases.
func TestEndsAt(t *testing.T) {
	for _, lang := range []tokenize.Language{tokenize.English, tokenize.Russian} {
		g := newGrammar(lang, nil)
		var texts []string
		for _, c := range g.slots() {
			for _, p := range c.phrases {
				var words []string
				for _, e := range p {
					words = append(words, e.text)
				}
				texts = append(texts, "so "+strings.Join(words, " ")+" ,")
			}
		}
		if lang == tokenize.English {
			texts = append(texts, presentSpeeches(t)...)
		}
		tok, err := tokenize.New(tokenize.Options{Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		type count struct{ Differ, Found int }
		got := count{}
		for _, text := range texts {
			doc, err := tok.Tokenize(text)
			if err != nil {
				t.Fatal(err)
			}
			toks := doc.Tokens
			for name, c := range g.slots() {
				if len(c.phrases) == 0 {
					continue
				}
				for end := 1; end <= len(toks); end++ {
					for lo := max(0, end-10); lo < end; lo++ {
						want, n := c.endsAtLong(toks, lo, end), c.endsAt(toks, lo, end)
						if n != want {
							got.Differ++
							t.Errorf("%s %s, tokens %d to %d: endsAt %d, endsAtLong %d", lang, name, lo, end, n, want)
						}
						if n > 1 {
							got.Found++
						}
					}
				}
			}
		}
		if diff := cmp.Diff(0, got.Differ); diff != "" || got.Found == 0 {
			t.Errorf("%s: %+v; want no difference and some phrases found", lang, got)
		}
	}
}

// TestEndsAtOrder checks endsAt against endsAtLong and the length wanted
// on classes whose phrases end alike, where the class's order decides.
func TestEndsAtOrder(t *testing.T) {
	tests := []struct {
		words []string
		text  string
		want  int
	}{
		{[]string{"b c", "a b c"}, "a b c", 2},
		{[]string{"a b c", "b c"}, "a b c", 3},
		{[]string{"a b c", "b c", "z b c"}, "z b c", 3},
		{[]string{"x y", "a b c", "b c"}, "q b c", 2},
		{[]string{"x y", "c"}, "a b c", 1},
		{[]string{"x y"}, "a b c", 0},
	}
	tok, err := tokenize.New(tokenize.Options{Language: tokenize.English})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		c := compileClass(tt.words, tokenize.English)
		doc, err := tok.Tokenize(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		n := len(doc.Tokens)
		if diff := cmp.Diff(tt.want, c.endsAt(doc.Tokens, 0, n)); diff != "" {
			t.Errorf("%q in %q: endsAt (-want +got):\n%s", tt.words, tt.text, diff)
		}
		if diff := cmp.Diff(tt.want, c.endsAtLong(doc.Tokens, 0, n)); diff != "" {
			t.Errorf("%q in %q: endsAtLong (-want +got):\n%s", tt.words, tt.text, diff)
		}
	}
}
