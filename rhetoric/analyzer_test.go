package rhetoric

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// brief is the part of a Hit that the table tests check.
type brief struct {
	Device  string
	Text    string
	Negated bool
	Int     bool
	Hedged  bool
	Weight  float64
	Target  string
	Rule    TargetRule
}

func briefs(r *Report, device string) []brief {
	var out []brief
	for _, h := range r.Hits {
		if device != "" && h.Device != device {
			continue
		}
		out = append(out, brief{h.Device, h.Text, h.Negated, h.Intensified, h.Hedged, h.Weight, h.Target, h.TargetRule})
	}
	return out
}

func analyze(t *testing.T, a *Analyzer, text string) *Report {
	t.Helper()
	r, err := a.Analyze(context.Background(), Statement{ID: "t", Text: text})
	if err != nil {
		t.Fatalf("Analyze(%q): %v", text, err)
	}
	return r
}

func TestNegation(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		device string
		window int
		want   []bool // Negated of each hit of device, in order
	}{
		{"not before cue", "We do not seek confrontation.", "threat", 0, []bool{true}},
		{"no directly before", "We seek no confrontation.", "threat", 0, []bool{true}},
		{"negator after cue", "Confrontation is not what we want.", "threat", 0, []bool{false}},
		{"parenthetical however is transparent", "We do not, however, seek confrontation.", "threat", 0, []bool{true}},
		{"comma ends clause", "We do not, in any case, reject dialogue.", "peace", 0, []bool{false}},
		{"but ends clause", "We did not want this but confrontation came.", "threat", 0, []bool{false}},
		{"not only but also", "We want not only dialogue but also negotiations.", "peace", 0, []bool{false, false}},
		{"do not deny", "We do not deny the aggression.", "blame", 0, []bool{false}},
		{"no alternative to", "There is no alternative to dialogue.", "peace", 0, []bool{false}},
		{"never again", "Never again must Europe live like this.", "call_to_action", 0, []bool{false}},
		{"outside default window", "We have not at any single point sought confrontation.", "threat", 0, []bool{false}},
		{"inside wider window", "We have not at any single point sought confrontation.", "threat", 7, []bool{true}},
		{"inside default window", "We have not at any point sought confrontation.", "threat", 0, []bool{true}},
		{"outside narrow window", "We have not at any point sought confrontation.", "threat", 3, []bool{false}},
		{"without", "A world without confrontation.", "threat", 0, []bool{true}},
		{"multiword fail to", "They fail to support Ukraine.", "solidarity", 0, []bool{true}},
		{"negator in previous sentence", "We do not. Confrontation follows.", "threat", 0, []bool{false}},
		{"cleft denies the agent only", "It was not NATO that planned the provocation.", "blame", 0, []bool{false}},
		{"negated refusal affirms", "We have never refused dialogue.", "peace", 0, []bool{false}},
		{"double negation", "We will not fail to support Ukraine.", "solidarity", 0, []bool{false}},
		{"no peace without", "There is no dialogue without peace.", "peace", 0, []bool{true, false}},
		{"non- prefix of a compound", "A non-aggression pact.", "blame", 0, []bool{true}},
		{"compound without prefix", "An aggression-free zone.", "blame", 0, []bool{false}},
		{"only the near cue", "No dialogue is possible while the threat grows.", "", 0, []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTest(t, testDef(), Options{NegationWindow: tt.window})
			var got []bool
			for _, b := range briefs(analyze(t, a, tt.text), tt.device) {
				got = append(got, b.Negated)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("negated (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNegatedHitsDoNotCount(t *testing.T) {
	a := newTest(t, testDef(), Options{Devices: []string{"threat", "peace"}})
	r := analyze(t, a, "We do not seek confrontation. We seek dialogue and peace.")
	want := []DeviceScore{
		{Device: "threat", Hits: 0, Negated: 1, Targets: []TargetCount{}},
		{Device: "peace", Hits: 2, Weight: 2, Per1K: 2000.0 / 10, Share: 1, Coverage: 0.5, CoveredSentences: 1, Detected: 1,
			Targets: []TargetCount{{Actor: TargetNone, Count: 2}}},
	}
	if diff := cmp.Diff(want, r.Devices, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("devices (-want +got):\n%s", diff)
	}
	wantSpans := []Span{{Start: 0, End: 29, Devices: []string{}}, {Start: 30, End: 57, Devices: []string{"peace"}}}
	if diff := cmp.Diff(wantSpans, r.Spans); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

func TestModifiers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []brief
	}{
		{"intensifier before", "This flagrant aggression.", []brief{
			{Device: "blame", Text: "aggression", Int: true, Weight: 1.5, Target: TargetNone}}},
		{"intensifier after", "We condemn this aggression in the strongest possible terms.", []brief{
			{Device: "blame", Text: "aggression", Int: true, Weight: 2, Target: TargetNone}}},
		{"hedge", "Perhaps dialogue is possible.", []brief{
			{Device: "peace", Text: "dialogue", Hedged: true, Weight: 0.5, Target: TargetNone}}},
		{"hedge blocked by comma", "Perhaps, dialogue is possible.", []brief{
			{Device: "peace", Text: "dialogue", Weight: 1, Target: TargetNone}}},
		{"intensifier and hedge multiply", "Perhaps flagrant aggression.", []brief{
			{Device: "blame", Text: "aggression", Int: true, Hedged: true, Weight: 0.75, Target: TargetNone}}},
		{"adjective after the cue belongs to a later noun", "Aggression, flagrant aggression.", []brief{
			{Device: "blame", Text: "Aggression", Weight: 1, Target: TargetNone},
			{Device: "blame", Text: "aggression", Int: true, Weight: 1.5, Target: TargetNone}}},
		{"adjective after the cue in the same clause", "Aggression is flagrant provocation.", []brief{
			{Device: "blame", Text: "Aggression", Weight: 1, Target: TargetNone},
			{Device: "blame", Text: "provocation", Int: true, Weight: 1.5, Target: TargetNone}}},
		{"too far", "Flagrant, as everyone said many times, aggression.", []brief{
			{Device: "blame", Text: "aggression", Weight: 1, Target: TargetNone}}},
		{"negated and intensified", "This is not flagrant aggression.", []brief{
			{Device: "blame", Text: "aggression", Negated: true, Int: true, Weight: 1.5, Target: TargetNone}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTest(t, testDef(), Options{})
			if diff := cmp.Diff(tt.want, briefs(analyze(t, a, tt.text), ""), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
		})
	}
}

func TestModifierTokens(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	r := analyze(t, a, "We do not see flagrant aggression.")
	want := []Modifier{{Kind: lexicon.Negator, Text: "not", Start: 6, End: 9}, {Kind: lexicon.Intensifier, Text: "flagrant", Start: 14, End: 22}}
	if len(r.Hits) != 1 {
		t.Fatalf("hits = %+v, want one", r.Hits)
	}
	if diff := cmp.Diff(want, r.Hits[0].Modifiers); diff != "" {
		t.Errorf("modifiers (-want +got):\n%s", diff)
	}
}

func TestTargets(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		device string
		target string
		rule   TargetRule
	}{
		{"inside the cue", "We call on Russia to withdraw.", "call_to_action", "RUS", RuleInside},
		{"possessive", "Russia's aggression continues.", "blame", "RUS", RulePossessive},
		{"attributive", "Russian aggression continues against Ukraine.", "blame", "RUS", RulePossessive},
		{"possessive beats object", "This is Moscow's aggression against Kyiv.", "blame", "RUS", RulePossessive},
		{"passive agent in cue", "The war waged by Russia goes on.", "blame", "RUS", RuleAgent},
		{"at the hands of", "Civilians die at the hands of the Kremlin.", "blame", "RUS", RuleAgent},
		{"agent after by", "The provocation by NATO was planned.", "blame", "NATO", RuleAgent},
		{"agent cue beats an actor before it", "A war against Ukraine at the hands of NATO.", "blame", "NATO", RuleAgent},
		{"auxiliary makes a subject", "The Kremlin is responsible.", "blame", "RUS", RuleSubject},
		{"against introduces the victim", "Russia wages aggression against Ukraine.", "blame", "RUS", RuleSubject},
		{"object", "They keep blaming the West.", "blame", "WEST", RuleAccused},
		{"victim object is not blamed", "The provocation against Ukraine continues.", "blame", TargetNone, ""},
		{"threat to a victim", "This is a threat to Russia.", "threat", TargetNone, ""},
		{"threat from a source", "This is a threat from NATO.", "threat", "NATO", RuleObject},
		{"agent phrase", "A provocation by the leaders of the Alliance.", "blame", "NATO", RuleAgent},
		{"earliest subject across a comma", "NATO came to Kyiv, blaming everyone and spreading confrontation.", "threat", "NATO", RuleSubject},
		{"coordinated subjects take the first", "Russia and the West bear responsibility.", "blame", "RUS", RuleSubject},
		{"relative clause takes its antecedent", "Russia backs Kyiv which provoked the crisis.", "blame", "UKR", RuleSubject},
		{"hard boundary stops the agent search", "Russia spoke; the provocation continued.", "blame", TargetNone, ""},
		{"agentless passive names a victim", "Ukraine was provoked.", "blame", TargetNone, ""},
		{"passive accusation names the accused", "Ukraine was blamed.", "blame", "UKR", RuleSubject},
		{"non-victim device still takes objects after", "Dialogue with Russia.", "peace", "RUS", RuleObject},
		{"object after preposition", "Our support for Ukraine is firm.", "solidarity", "UKR", RuleObject},
		{"object possessing something else is skipped", "NATO is responsible for Ukraine's suffering.", "blame", "NATO", RuleSubject},
		{"subject", "The West is to blame for the crisis.", "blame", "WEST", RuleSubject},
		{"subject bears", "The Alliance bears responsibility.", "blame", "NATO", RuleSubject},
		{"nearest across a comma", "In Ukraine, civilians endure hardship.", "humanitarian", "UKR", RuleNearest},
		{"nearest tie prefers before", "Russia, dialogue, Ukraine.", "peace", "RUS", RuleNearest},
		{"call to action takes the main subject", "The Alliance, in our view, must act.", "call_to_action", "NATO", RuleSubject},
		{"call to action ignores bystanders", "Attitudes against Russia must change.", "call_to_action", TargetNone, ""},
		{"none", "Dialogue is the only way.", "peace", TargetNone, ""},
		{"own side is never a target", "We stand with our friends.", "solidarity", TargetNone, ""},
		{"other sentence does not count", "Russia is large. Dialogue matters.", "peace", TargetNone, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTest(t, testDef(), Options{})
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

// tagged tokenizes text and assigns the given Penn tags to its tokens in
// order, as prose would, so grammar rules can be tested without the tagger.
func tagged(t *testing.T, text string, tags ...string) *tokenize.Document {
	t.Helper()
	tok, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tok.Tokenize(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != len(doc.Tokens) {
		var norms []string
		for _, tk := range doc.Tokens {
			norms = append(norms, tk.Norm)
		}
		t.Fatalf("the test gives %d tags but the tokenizer splits %q into %d tokens %q: fix the tags to match the tokens", len(tags), text, len(doc.Tokens), norms)
	}
	for i := range doc.Tokens {
		doc.Tokens[i].Tag = tags[i]
	}
	doc.Tagged = true
	return doc
}

func TestImperatives(t *testing.T) {
	tests := []struct {
		name string
		text string
		tags []string
		want []brief
	}{
		{"imperative", "Withdraw your forces from Ukraine.", []string{"VB", "PRP$", "NNS", "IN", "NNP", "."},
			[]brief{{Device: "call_to_action", Text: "Withdraw", Weight: 1, Target: TargetNone}}},
		{"please", "Please stop the shelling.", []string{"UH", "VB", "DT", "NN", "."},
			[]brief{{Device: "call_to_action", Text: "stop", Weight: 1, Target: TargetNone}}},
		{"question", "Do you agree?", []string{"VB", "PRP", "VB", "."}, nil},
		{"let me", "Let me be clear.", []string{"VB", "PRP", "VB", "JJ", "."}, nil},
		{"thank", "Thank you.", []string{"VB", "PRP", "."}, nil},
		{"declarative", "We stop here.", []string{"PRP", "VBP", "RB", "."}, nil},
		{"after semicolon", "We must act; stop the war.", []string{"PRP", "MD", "VB", ":", "VB", "DT", "NN", "."},
			[]brief{{Device: "call_to_action", Text: "must", Weight: 1, Target: TargetNone},
				{Device: "call_to_action", Text: "stop", Weight: 1, Target: TargetNone}}},
		{"entity target", "Stop, Mr Smith.", []string{"VB", ",", "NNP", "NNP", "."},
			[]brief{{Device: "call_to_action", Text: "Stop", Weight: 1, Target: TargetOther, Rule: RuleEntity}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTest(t, testDef(), Options{})
			doc := tagged(t, tt.text, tt.tags...)
			r := a.AnalyzeDocument(doc, Statement{ID: "t"})
			if diff := cmp.Diff(tt.want, briefs(r, "call_to_action")); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("named entity target", func(t *testing.T) {
		a := newTest(t, testDef(), Options{})
		doc := tagged(t, "Dialogue with the Vatican matters.", "NN", "IN", "DT", "NN", "VBZ", ".")
		if h := briefs(a.AnalyzeDocument(doc, Statement{}), "peace"); len(h) != 1 || h[0].Target != TargetNone {
			t.Fatalf("without entities: %+v", h)
		}
		doc.Entities = []tokenize.Entity{{First: 3, Last: 4, Label: "GPE"}}
		want := []brief{{Device: "peace", Text: "Dialogue", Weight: 1, Target: TargetOther, Rule: RuleEntity}}
		if diff := cmp.Diff(want, briefs(a.AnalyzeDocument(doc, Statement{}), "peace")); diff != "" {
			t.Errorf("hits (-want +got):\n%s", diff)
		}
	})
	t.Run("not without the device", func(t *testing.T) {
		a := newTest(t, testDef(), Options{Devices: []string{"peace"}})
		r := a.AnalyzeDocument(tagged(t, "Stop now.", "VB", "RB", "."), Statement{})
		if len(r.Hits) != 0 {
			t.Errorf("hits = %+v, want none", r.Hits)
		}
	})
	t.Run("verb subject is not attributive", func(t *testing.T) {
		def := testDef()
		def.Categories[0].Entries = append(def.Categories[0].Entries, lexicon.Entry{Pattern: "accuses", Weight: 1})
		a := newTest(t, def, Options{})
		r := a.AnalyzeDocument(tagged(t, "Russia accuses Ukraine.", "NNP", "VBZ", "NNP", "."), Statement{})
		if diff := cmp.Diff([]brief{{Device: "blame", Text: "accuses", Weight: 1, Target: "UKR", Rule: RuleAccused}}, briefs(r, "")); diff != "" {
			t.Errorf("hits (-want +got):\n%s", diff)
		}
	})
}

func TestNew(t *testing.T) {
	lex, err := lexicon.New(testDef())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts Options
		want error
	}{
		{"defaults", Options{}, nil},
		{"devices", Options{Devices: []string{"peace", "blame"}}, nil},
		{"unknown device", Options{Devices: []string{"peace", "bogus"}}, ErrUnknownDevice},
		{"negative window", Options{NegationWindow: -1}, ErrOptions},
		{"negative modifier window", Options{ModifierWindow: -2}, ErrOptions},
		{"negative workers", Options{Workers: -1}, ErrOptions},
		{"most workers", Options{Workers: maxWorkers}, nil},
		{"too many workers", Options{Workers: maxWorkers + 1}, ErrOptions},
		{"absurd workers", Options{Workers: math.MaxInt}, ErrOptions},
		{"bad language", Options{Language: "xx"}, tokenize.ErrLanguage},
		{"russian", Options{Language: "ru"}, nil},
		{"russian with tagging", Options{Language: "ru", Tag: true}, tokenize.ErrLanguage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(lex, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("New(%+v) = %v, want %v", tt.opts, err, tt.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "rhetoric: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
	if _, err := New(nil, Options{}); !errors.Is(err, ErrOptions) {
		t.Errorf("New(nil) = %v, want ErrOptions", err)
	}
	a, err := New(lex, Options{Devices: []string{"peace", "blame"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"blame", "peace"}, a.Devices()); diff != "" {
		t.Errorf("devices in lexicon order (-want +got):\n%s", diff)
	}
	o := a.Options()
	if o.NegationWindow != DefaultNegationWindow || o.ModifierWindow != DefaultModifierWindow || o.Workers < 1 || o.Language != tokenize.English {
		t.Errorf("defaults not filled in: %+v", o)
	}
}

func TestAnalyzeInputs(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	ctx := context.Background()
	t.Run("invalid utf-8", func(t *testing.T) {
		_, err := a.Analyze(ctx, Statement{ID: "x", Text: "dialogue \xff"})
		if !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("err = %v, want ErrInvalidUTF8", err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		r, err := a.Analyze(ctx, Statement{ID: "e", Speaker: "s"})
		if err != nil {
			t.Fatal(err)
		}
		if r.Words != 0 || r.Sentences != 0 || len(r.Hits) != 0 || len(r.Spans) != 0 || len(r.Devices) != len(a.devices) {
			t.Errorf("empty report = %+v", r)
		}
		for _, d := range r.Devices {
			if d.Per1K != 0 || d.Share != 0 || d.Coverage != 0 || d.Intensity != 0 {
				t.Errorf("device %+v of empty text is not zero", d)
			}
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := a.Analyze(c, Statement{Text: "dialogue"}); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("language override", func(t *testing.T) {
		if _, err := a.Analyze(ctx, Statement{Language: "ru", Text: "диалог"}); err != nil {
			t.Errorf("ru: %v", err)
		}
		if _, err := a.Analyze(ctx, Statement{Language: "klingon", Text: "x"}); !errors.Is(err, tokenize.ErrLanguage) {
			t.Errorf("klingon: %v, want ErrLanguage", err)
		}
	})
	t.Run("untaggable language falls back to no tags", func(t *testing.T) {
		tg := newTest(t, testDef(), Options{Tag: true})
		r, err := tg.Analyze(ctx, Statement{Language: "ru", Text: "Мы за диалог."})
		if err != nil || r.Words != 3 {
			t.Errorf("ru with tagging: %+v, %v", r, err)
		}
	})
	t.Run("identity and meta copied", func(t *testing.T) {
		meta := map[string]string{"venue": "Valletta"}
		r, err := a.Analyze(ctx, Statement{ID: "i", Speaker: "sp", Date: "2024-12-05", Meta: meta, Text: "Peace."})
		if err != nil {
			t.Fatal(err)
		}
		meta["venue"] = "changed"
		if r.ID != "i" || r.Speaker != "sp" || r.Date != "2024-12-05" || r.Meta["venue"] != "Valletta" {
			t.Errorf("report identity = %+v", r)
		}
	})
}

func TestScores(t *testing.T) {
	a := newTest(t, testDef(), Options{Devices: []string{"blame", "peace"}})
	// Sentence 0: blame(RUS, intensified), blame(RUS); sentence 1: peace,
	// negated blame; sentence 2: nothing. 17 words.
	r := analyze(t, a, "Russia's flagrant aggression and Russia's provocation continue. We seek dialogue, not aggression. Nothing else.")
	if r.Sentences != 3 {
		t.Fatalf("the tokenizer gives %d sentences, the expected scores below assume 3", r.Sentences)
	}
	words := float64(r.Words)
	want := []DeviceScore{
		{Device: "blame", Hits: 2, Negated: 1, Weight: 2.5, Per1K: 2000 / words, Share: 2.0 / 3, Coverage: 1.0 / 3,
			Intensity: 0.5, Intensified: 1, CoveredSentences: 1, Detected: 1, Targets: []TargetCount{{"RUS", 2}}},
		{Device: "peace", Hits: 1, Weight: 1, Per1K: 1000 / words, Share: 1.0 / 3, Coverage: 1.0 / 3,
			CoveredSentences: 1, Detected: 1, Targets: []TargetCount{{TargetNone, 1}}},
	}
	if diff := cmp.Diff(want, r.Devices, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("devices (-want +got):\n%s", diff)
	}
	var spans [][]string
	for _, s := range r.Spans {
		spans = append(spans, s.Devices)
	}
	if diff := cmp.Diff([][]string{{"blame"}, {"peace"}, {}}, spans); diff != "" {
		t.Errorf("span devices (-want +got):\n%s", diff)
	}
}

func TestTargetOrder(t *testing.T) {
	var tl tally
	for _, c := range []string{"UKR", "RUS", "NONE", "RUS", "UKR", "WEST"} {
		tl.addTarget(c, 1)
	}
	tl.hits = 6
	got := tl.finish("d", 0, 0, 0).Targets
	want := []TargetCount{{"RUS", 2}, {"UKR", 2}, {"NONE", 1}, {"WEST", 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
}

// TestJSONContract pins the JSON field names that other tools depend on.
func TestJSONContract(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	r := analyze(t, a, "We call on Russia to stop this flagrant aggression.")
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var ks []string
		for k := range v.(map[string]any) {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	want := map[string][]string{
		"report": {"devices", "hits", "id", "sentences", "spans", "speaker", "tokens", "words"},
		"device": {"coverage", "covered", "detected", "device", "hedged", "hits", "intensified", "intensity", "negated", "per_1k", "share", "targets", "weight"},
		"hit":    {"device", "end", "entry", "hedged", "intensified", "modifiers", "negated", "sentence", "start", "target", "target_rule", "text", "weight"},
		"span":   {"devices", "end", "start", "targets"},
	}
	got := map[string][]string{
		"report": keys(m),
		"device": keys(m["devices"].([]any)[0]),
		"span":   keys(m["spans"].([]any)[0]),
	}
	for _, h := range m["hits"].([]any) {
		if h.(map[string]any)["device"] == "blame" {
			got["hit"] = keys(h)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON keys (-want +got):\n%s", diff)
	}
}

func TestMaxBytes(t *testing.T) {
	lex, err := lexicon.New(testDef())
	if err != nil {
		t.Fatal(err)
	}
	text := "We blame them." // 14 bytes
	tests := []struct {
		name     string
		maxBytes int
		wantErr  bool
	}{
		{"default allows ordinary statements", 0, false},
		{"exactly at the limit", len(text), false},
		{"one byte over the limit", len(text) - 1, true},
		{"negative means no limit", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := New(lex, Options{MaxBytes: tt.maxBytes})
			if err != nil {
				t.Fatal(err)
			}
			r, err := a.Analyze(context.Background(), Statement{ID: "s", Text: text})
			if tt.wantErr {
				if !errors.Is(err, ErrTooLarge) || r != nil {
					t.Fatalf("Analyze = %v, %v; want nil and ErrTooLarge", r, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
		})
	}
	a, err := New(lex, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Options().MaxBytes; got != DefaultMaxBytes {
		t.Errorf("Options().MaxBytes = %d, want DefaultMaxBytes", got)
	}
}
