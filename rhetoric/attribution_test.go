package rhetoric

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// attrHit is what the attribution tests compare of a hit.
type attrHit struct {
	Device, Text, Target string
	Rule                 TargetRule `json:",omitempty"`
	Speaker              string     `json:",omitempty"`
	Source               string     `json:",omitempty"`
	SourceActor          string     `json:",omitempty"`
	Reported             bool       `json:",omitempty"`
	Disputed             bool       `json:",omitempty"`
	Excluded             bool       `json:",omitempty"`
	Negated              bool       `json:",omitempty"`
}

func attrHits(r *Report) []attrHit {
	out := []attrHit{}
	for _, h := range r.Hits {
		out = append(out, attrHit{h.Device, h.Text, h.Target, h.TargetRule, h.Speaker, h.Source, h.SourceActor,
			h.Reported, h.Disputed, h.Excluded, h.Negated})
	}
	return out
}

func defaultAnalyzer(t *testing.T, opts Options) *Analyzer {
	t.Helper()
	a, err := New(lexicon.Default(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAttributionGolden analyzes the statements of testdata/attribution
// (written for these tests: a transcript with questions, reported speech in
// each pattern, disputed claims, place names, and a news article about two
// ministers) and compares every hit's target, speaker and source with the
// golden files in testdata/golden/attribution. The goldens were read hit
// by hit; TestSeedArticle and TestReportedSpeech state the cases that
// matter by hand. Regenerate with go test ./rhetoric -run TestAttributionGolden -update.
func TestAttributionGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "attribution", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements: %v", err)
	}
	a := defaultAnalyzer(t, Options{ExcludeSpeakers: []string{"Q"}})
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := a.Analyze(context.Background(), Statement{ID: name, Speaker: "the author", Text: string(text)})
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.MarshalIndent(attrHits(r), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, filepath.Join("testdata", "golden", "attribution", name+".json"), append(b, '\n'))
		})
	}
}

// TestSeedArticle checks the source and target of every blame,
// call_to_action and sovereignty hit of a journalist's report of a
// Blinken-Lavrov exchange (testdata/attribution/seed.txt, our paraphrase of
// the situation in ../shared/seeds), against what a careful reader gives.
// Where the analyzer disagrees, the case holds the analyzer's answer in
// got and the reader's in reader, so that a fix shows up as a failure to
// update.
func TestSeedArticle(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "attribution", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := defaultAnalyzer(t, Options{})
	r, err := a.Analyze(context.Background(), Statement{ID: "seed", Speaker: "journalist", Text: string(text)})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Device, Text, Source, Target string }
	const blinken, lavrov, journalist = "Secretary of State Antony Blinken", "Lavrov", "journalist"
	want := []row{
		{"blame", "accused", blinken, "RUS"},
		{"blame", "violating", blinken, "RUS"},
		// reader: the sovereignty of "its neighbour" (Ukraine, unnamed), not Russia's
		{"sovereignty", "sovereignty", blinken, "RUS"},
		{"call_to_action", "must", "Blinken", "RUS"},
		{"sovereignty", "territorial integrity", "Blinken", "UKR"}, // "He called on Russia ...": he is Blinken
		{"blame", "blamed", lavrov, "WEST"},
		// "blamed the West for the escalation": the rebuilt lexicon has no bare "escalation" blame cue, "blamed" carries the move
		{"blame", "is to blame", lavrov, "UKR"}, // "According to Lavrov, Kyiv is to blame"
		{"blame", "provoked", lavrov, "UKR"},    // "his baseless claims": disputed, not counted
		{"call_to_action", "should", "one diplomat", "NONE"},
	}
	var got []row
	for _, h := range r.Hits {
		if h.Negated || !slices.Contains([]string{"blame", "call_to_action", "sovereignty"}, h.Device) {
			continue
		}
		got = append(got, row{h.Device, h.Text, h.Source, h.Target})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed article (-want +got):\n%s", diff)
	}
	for _, h := range r.Hits {
		if h.Text == "provoked" && !(h.Reported && h.Disputed && !h.Counts()) {
			t.Errorf("the baseless claim %+v is not a disputed report", h)
		}
		if h.Source == journalist && (h.Device == "blame" || h.Device == "call_to_action") {
			t.Errorf("the journalist makes no %s move: %+v", h.Device, h)
		}
	}
}

// TestSharedSeedArticle reads the article the project started from
// (../shared/seeds, skipped when absent): a journalist's account of the
// Malta exchange, whose moves belong to Blinken, to Lavrov or to the
// journalist. The table is a careful reading of every blame,
// call_to_action and sovereignty hit (sentence, device, hit text): whose
// move it is and its target. Some moves still escape the rules ("Antony
// Blinken's approach was all about ...", "He wanted to send a strong
// signal that ...", "He paints a picture of ..."),
// so the test holds the count of right answers to at least what the rules
// reached when it was written, and logs the misses.
func TestSharedSeedArticle(t *testing.T) {
	dir := filepath.Join(testutil.SharedDir(t, "seeds"), "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 1 {
		t.Skipf("want one seed article in %s, got %d (%v)", dir, len(files), err)
	}
	text, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		Sentence     int
		Device, Text string
	}
	type move struct{ Source, Target string }
	const b, l, j = "Blinken", "Lavrov", "journalist"
	want := map[key]move{
		{4, "blame", "aggression"}:                   {b, "RUS"}, // Blinken ..., calling out Russia's aggression
		{6, "blame", "blaming"}:                      {l, "WEST"},
		{6, "blame", "accusing"}:                     {l, "UKR"},
		{13, "sovereignty", "Sovereignty"}:           {j, "NONE"}, // a heading
		{14, "sovereignty", "sovereignty"}:           {b, "NONE"}, // Blinken's approach ... was all about
		{14, "sovereignty", "territorial integrity"}: {b, "NONE"},
		{15, "blame", "condemns"}:                    {b, "RUS"}, // He made it crystal clear that ...
		{16, "blame", "violating"}:                   {b, "RUS"},
		{16, "blame", "undermining"}:                 {b, "RUS"},
		{17, "blame", "aggression"}:                  {b, "RUS"},  // He argued that ...
		{22, "sovereignty", "sovereignty"}:           {b, "NONE"}, // He wanted to send a strong signal that ...
		{22, "sovereignty", "territorial integrity"}: {b, "NONE"},
		{25, "blame", "attempt"}:                     {j, "NONE"},
		{29, "call_to_action", "needs to"}:           {j, "UKR"},
		{31, "blame", "Blaming"}:                     {l, "WEST"}, // the heading of Lavrov's rebuttal
		{33, "blame", "blame"}:                       {l, "WEST"},
		{34, "blame", "accused"}:                     {l, "WEST"},
		{34, "blame", "fueling the conflict"}:        {l, "WEST"},
		{35, "blame", "aggression"}:                  {l, "WEST"}, // He portrayed ...
		{37, "blame", "accused"}:                     {l, "WEST"},
		{38, "blame", "annexation"}:                  {j, "RUS"}, // Lavrov also defended Russia's annexation
		{38, "sovereignty", "annexation"}:            {j, "RUS"},
		{40, "blame", "aggression"}:                  {l, "WEST"}, // He paints a picture of ...
		{41, "blame", "undermining"}:                 {j, "RUS"},  // His remarks were aimed at undermining
		{42, "blame", "blame"}:                       {j, "RUS"},  // to deflect blame from Russia
		{43, "blame", "blaming"}:                     {l, "WEST"}, // By blaming the West, he ...
		{43, "blame", "condemnation"}:                {j, "RUS"},
		{48, "blame", "pressure"}:                    {j, "WEST"},
		{61, "call_to_action", "need to"}:            {j, "NONE"},
	}
	a := defaultAnalyzer(t, Options{})
	r, err := a.Analyze(context.Background(), Statement{ID: "seed", Speaker: j, Text: string(text)})
	if err != nil {
		t.Fatal(err)
	}
	who := func(source string) string {
		for _, name := range []string{b, l} {
			if strings.Contains(source, name) {
				return name
			}
		}
		return source
	}
	sentence := func(off int) int {
		for i, s := range r.Spans {
			if off >= s.Start && off < s.End {
				return i
			}
		}
		return -1
	}
	got := map[key]move{}
	for _, h := range r.Hits {
		if !h.Negated {
			got[key{sentence(h.Start), h.Device, h.Text}] = move{who(h.Source), h.Target}
		}
	}
	sources, targets := 0, 0
	for k, w := range want {
		g, ok := got[k]
		switch {
		case !ok:
			t.Logf("no hit %+v", k)
		case g == w:
			sources++
			targets++
		default:
			if g.Source == w.Source {
				sources++
			}
			if g.Target == w.Target {
				targets++
			}
			t.Logf("%+v: got %+v, a reader gives %+v", k, g, w)
		}
	}
	t.Logf("sources right %d of %d, targets %d", sources, len(want), targets)
	if sources < 23 || targets < 26 {
		t.Errorf("seed article: sources right %d of %d (want >= 23), targets %d (want >= 26)", sources, len(want), targets)
	}
}

// TestReportedSpeech checks each pattern of reported speech on one
// sentence: the first hit of the named device.
func TestReportedSpeech(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	tests := []struct {
		name, text, device string
		want               attrHit
	}{
		{"said that", "Zelenskyy said that Russia's aggression must be stopped.", "blame",
			attrHit{Target: "RUS", Source: "Zelenskyy", SourceActor: "UKR", Reported: true}},
		{"claimed that", "The Kremlin claimed that NATO was responsible for the crisis.", "blame",
			attrHit{Target: "NATO", Source: "Kremlin", SourceActor: "RUS", Reported: true}},
		{"insisted that", "The minister insisted that Ukraine's sovereignty is not negotiable.", "sovereignty",
			attrHit{Target: "UKR", Source: "minister", Reported: true}},
		{"accused of", "Lavrov accused the West of fueling the conflict by arming Ukraine.", "blame",
			attrHit{Target: "WEST", Source: "Lavrov", SourceActor: "RUS", Reported: true}},
		{"by + gerund is no agent", "Lavrov accused the West of fueling the conflict by arming Ukraine.", "blame#2",
			attrHit{Target: "WEST", Source: "Lavrov", SourceActor: "RUS", Reported: true}},
		{"calls on to", "The President calls on Russia to withdraw its forces.", "call_to_action",
			attrHit{Target: "RUS", Source: "President", Reported: true}},
		{"according to", "According to Kyiv, Russian troops shelled the city.", "blame",
			attrHit{Target: "RUS", Source: "Kyiv", SourceActor: "UKR", Reported: true}},
		{"claims that", "Moscow's claims that Ukraine provoked the war are groundless.", "blame",
			attrHit{Target: "UKR", Source: "Moscow", SourceActor: "RUS", Reported: true}},
		{"closing said", "The war was provoked by NATO, Lavrov said.", "blame",
			attrHit{Target: "NATO", Source: "Lavrov", SourceActor: "RUS", Reported: true}},
		{"own side is no report", "We said that Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"baseless claims", "Putin repeated his baseless claims that Ukraine was about to invade.", "blame",
			attrHit{Target: "UKR", Reported: true, Disputed: true}},
		{"the lie that", "The lie that NATO provoked this war has been told too often.", "blame",
			attrHit{Target: "NATO", Reported: true, Disputed: true}},
		{"verb cue takes its object", "The United States stands firmly with Ukraine and condemns Russia's actions.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"not a reporting verb", "Russia bears the blame for this war.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		// The speaker quoting itself, after a sentence opener or with a
		// contracted auxiliary, makes its own move.
		{"as I said", "As I said in Brussels, Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"and I've told", "And I’ve told Moscow that its aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"we have always said", "We have always said that Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"let me say", "Let me say that Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"as the minister said", "As the minister said, Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the minister", Reported: true}},
		{"and Lavrov said", "And Lavrov said that NATO provoked the war.", "blame",
			attrHit{Target: "NATO", Source: "Lavrov", SourceActor: "RUS", Reported: true}},
		// A verb that is also a plural noun, or has another sense, is a
		// reporting verb only after a subject-like word.
		{"claims after a name", "Russia claims that NATO threatens its security.", "threat",
			attrHit{Target: "NATO", Source: "Russia", SourceActor: "RUS", Reported: true}},
		{"claims as a noun", "Their maritime claims threaten the security of their neighbours.", "threat",
			attrHit{Target: "NONE", Source: "the author"}},
		{"states as a noun", "Other states have imposed sanctions on the aggressor.", "economic",
			attrHit{Target: "NONE", Source: "the author"}},
		{"added as a noun", "The economy added jobs despite the sanctions.", "economic",
			attrHit{Target: "NONE", Source: "the author"}},
		{"a passive has no source", "The meeting was called to condemn the aggression.", "blame",
			attrHit{Target: "NONE", Source: "the author"}},
		{"the hit names the source", "According to the World Bank, the damage already exceeds the budget of many states.", "economic",
			attrHit{Target: "NONE", Source: "the author"}},
		{"a passive after an adverb", "The aggression against Ukraine has been strongly condemned by many states.", "blame",
			attrHit{Target: "NONE", Source: "the author"}}, // Ukraine is the victim
		{"we have been calling for", "We’ve been calling for an end to Russia's aggression.", "call_to_action",
			attrHit{Target: "NONE", Source: "the author"}},
		// A participial clause takes the subject of its sentence, and a
		// later "he" the last person named as a subject.
		{"participle after a comma", "Lavrov spoke for an hour, blaming the West for the war.", "blame",
			attrHit{Target: "WEST", Source: "Lavrov", SourceActor: "RUS", Reported: true}},
		{"fronted by + gerund", "Sergey Lavrov spoke first. By blaming NATO, he hoped to split the alliance.", "blame",
			attrHit{Target: "NATO", Source: "Sergey Lavrov", SourceActor: "RUS", Reported: true}},
		{"he after a named subject", "Sergey Lavrov spoke first. He argued that NATO provoked the war.", "blame",
			attrHit{Target: "NATO", Source: "Sergey Lavrov", SourceActor: "RUS", Reported: true}},
		{"he after an office in a subordinate clause", "When the President spoke in Kyiv, he said that Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "the President", Reported: true}},
		{"no person in a one-word opener", "History is long. He argued that NATO provoked the war.", "blame",
			attrHit{Target: "NATO", Reported: true}},
		{"relative clause subject", "We thank the voice which very resolutely calls on Russia to stop its aggression.", "call_to_action",
			attrHit{Target: "RUS", Source: "the author"}},
		// The place is not the gerund's subject; "He" is beyond the rules,
		// so the move stays the speaker's.
		{"a place before a gerund", "He ran an ad in Florida accusing Moscow of aggression.", "blame",
			attrHit{Target: "RUS", Source: "the author"}},
		{"closing as you say", "The sanctions will hurt Moscow, as the minister says.", "economic",
			attrHit{Target: "RUS", Source: "the minister", Reported: true}},
		{"made it clear that", "Blinken made it crystal clear that Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "Blinken", Reported: true}},
		{"closing pointed out", "Russia's aggression must end, Blinken pointed out.", "blame",
			attrHit{Target: "RUS", Source: "Blinken", Reported: true}},
		{"my delegation calls on", "My delegation calls on Russia to withdraw its troops.", "call_to_action",
			attrHit{Target: "RUS", Source: "the author"}},
		{"our government condemns", "Yesterday our government condemned the aggression against Ukraine.", "blame",
			attrHit{Target: "NONE", Source: "the author"}},
		{"a state naming itself", "The Author calls on Russia to withdraw its troops.", "call_to_action",
			attrHit{Target: "RUS", Source: "the author"}},
		{"my predecessor is a third party", "My predecessor said that Russia's aggression must end.", "blame",
			attrHit{Target: "RUS", Source: "My predecessor", Reported: true}},
		{"a progressive is active", "The Kremlin is accusing Kyiv of shelling the plant.", "blame",
			attrHit{Target: "UKR", Source: "Kremlin", SourceActor: "RUS", Reported: true}},
		{"claims by", "The false claims by Moscow that NATO provoked the war convince no one.", "blame",
			attrHit{Target: "NATO", Source: "Moscow", SourceActor: "RUS", Reported: true, Disputed: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := a.Analyze(context.Background(), Statement{ID: "t", Speaker: "the author", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			dev, nth := tt.device, 1
			if i := strings.IndexByte(dev, '#'); i >= 0 {
				dev, nth = dev[:i], int(dev[i+1]-'0')
			}
			var got *attrHit
			for _, h := range attrHits(r) {
				if h.Device == dev {
					if nth--; nth == 0 {
						got = &h
						break
					}
				}
			}
			if got == nil {
				t.Fatalf("no %s hit in %q: %+v", tt.device, tt.text, attrHits(r))
			}
			g := attrHit{Target: got.Target, Source: got.Source, SourceActor: got.SourceActor, Reported: got.Reported, Disputed: got.Disputed}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("%s: %s (-want +got):\n%s", tt.text, got.Text, diff)
			}
		})
	}
}

// TestPlaceNames checks that an actor inside a place name is no actor
// unless the lexicon names the whole place, and that a victim after
// "against" stays a victim.
func TestPlaceNames(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	tests := []struct{ text, device, target string }{
		{"Sovereign states in Latin America deserve respect.", "sovereignty", TargetNone},
		{"Sovereign states in South America deserve respect.", "sovereignty", TargetNone},
		{"Settlements in the West Bank violate international law.", "blame", "OTHER"}, // the lexicon's OTHER alias
		{"Western Sahara deserves sovereignty.", "sovereignty", "OTHER"},
		{"We will deter attacks against NATO territory.", "blame", TargetNone},
		{"America stands with Ukraine.", "solidarity", "USA"},
	}
	for _, tt := range tests {
		r, err := a.Analyze(context.Background(), Statement{ID: "t", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, h := range r.Hits {
			if h.Device == tt.device {
				got = h.Target
				break
			}
		}
		if got != tt.target {
			t.Errorf("%s: %s target %q, want %q (%+v)", tt.text, tt.device, got, tt.target, attrHits(r))
		}
	}
}

// TestTurnLabels checks the built-in speaker-label rule line by line.
func TestTurnLabels(t *testing.T) {
	tests := []struct{ line, want string }{
		{"THE PRESIDENT:  We had very good meetings.", "THE PRESIDENT"},
		{"SECRETARY BLINKEN: Thank you.", "SECRETARY BLINKEN"},
		{"MR. LAVROV: (As interpreted.) Good day.", "MR. LAVROV"},
		{"MODERATOR:", "MODERATOR"},
		{"PARTICIPANT: Yes.", "PARTICIPANT"},
		{"Q    Mr. President, what did you achieve?", "Q"},
		{"Q\u00a0\u00a0\u00a0 Mr. President, what did you achieve?", "Q"},
		{"Q: Will you go?", "Q"},
		{"Q", "Q"},
		{"Q Is NATO to blame?", "Q"},
		{"Q I wonder, Mr. President, whether ...", "Q"},
		{"**THE PRESIDENT:** Thank you.", "THE PRESIDENT"},
		{"**Q:** Sir?", "Q"},
		{"> MS. JEAN-PIERRE: Good afternoon.", "MS. JEAN-PIERRE"},
		{"  PRESIDENT ZELENSKYY:  (As interpreted.)", "PRESIDENT ZELENSKYY"},
		// not labels
		{"Qatar is a partner.", ""},
		{"QA Is done.", ""},
		{"THE Q is lower.", ""},
		{"NATO is strong.", ""},
		{"Note: the text is edited.", ""},
		{"5:48 P.M. CET", ""},
		{"A: yes", ""},
		{"U.S.:x", ""},
		{"THE PRESIDENT said: no.", ""},
		{"ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE: too long", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got, _ := defaultLabel(tt.line); got != tt.want {
			t.Errorf("defaultLabel(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestLabelBody checks where a turn's text begins after its label: the
// label, its colon and its emphasis markers are not the turn's text.
func TestLabelBody(t *testing.T) {
	tests := []struct{ line, body string }{
		{"THE PRESIDENT:  Russia must withdraw.", "  Russia must withdraw."},
		{"**THE PRESIDENT:** Thank you.", " Thank you."},
		{"Q    Mr. President, what did you achieve?", "Mr. President, what did you achieve?"},
		{"Q: Will you go?", " Will you go?"},
		{"Q Is NATO to blame?", " Is NATO to blame?"},
		{"> MS. JEAN-PIERRE: Good afternoon.", " Good afternoon."},
		{"Qatar is a partner.", "Qatar is a partner."}, // no label
	}
	for _, tt := range tests {
		_, body := defaultLabel(tt.line)
		if diff := cmp.Diff(tt.body, tt.line[body:]); diff != "" {
			t.Errorf("defaultLabel(%q) body (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestLabelIsNoActor checks that the actor named in a speaker label is
// the speaker, not an actor of the turn's first sentence: no hit of
// "PRESIDENT ZELENSKYY: We condemn ..." targets UKR, and that a label is no
// part of a source ("Q    Brian Deese said ..."), with the built-in label
// rule or a user's pattern.
func TestLabelIsNoActor(t *testing.T) {
	text := "PRESIDENT ZELENSKYY:  We condemn this aggression and call on our partners to help.\n"
	text += "Q    Brian Deese said that Russia's aggression must end.\n"
	for _, opts := range []Options{{}, {TurnLabel: regexp.MustCompile(`^([A-Z][A-Z .]+):|^Q `)}} {
		a := defaultAnalyzer(t, opts)
		r, err := a.Analyze(context.Background(), Statement{ID: "t", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 {
			t.Fatal("no hits")
		}
		for _, h := range r.Hits {
			if h.Speaker == "Q" {
				if h.Source != "Brian Deese" {
					t.Errorf("hit %q: source %q, want Brian Deese (the label Q is not part of it)", h.Text, h.Source)
				}
				continue
			}
			if h.Target == "UKR" || h.Speaker != "PRESIDENT ZELENSKYY" || h.SourceActor != "UKR" {
				t.Errorf("hit %q: target %s, speaker %q, source actor %q; want a target other than the speaker's label", h.Text, h.Target, h.Speaker, h.SourceActor)
			}
		}
	}
}

// TestTurns checks turns end to end: speakers of hits and spans, excluded
// questions left out of scores but kept in the report, the user's label
// pattern, and the split by speaker.
func TestTurns(t *testing.T) {
	text := "Opening words on peace.\nTHE PRESIDENT:  Russia's aggression must end.\nQ    Is Russia to blame for high prices?\nTHE PRESIDENT:  Putin is to blame.\n"
	a := defaultAnalyzer(t, Options{ExcludeSpeakers: []string{"q"}})
	r, err := a.Analyze(context.Background(), Statement{ID: "t", Speaker: "White House", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var turns []string
	for _, tu := range r.Turns {
		turns = append(turns, tu.Speaker)
	}
	if diff := cmp.Diff([]string{"White House", "THE PRESIDENT", "Q", "THE PRESIDENT"}, turns); diff != "" {
		t.Errorf("turns (-want +got):\n%s", diff)
	}
	for _, h := range r.Hits {
		inQ := h.Start >= r.Turns[2].Start && h.Start < r.Turns[2].End
		if h.Excluded != inQ || inQ != (h.Speaker == "Q") {
			t.Errorf("hit %q: speaker %q excluded %v", h.Text, h.Speaker, h.Excluded)
		}
	}
	blame := 0
	for _, d := range r.Devices {
		if d.Device == "blame" {
			blame = d.Hits
		}
	}
	if blame != 2 { // "aggression" and "is to blame", not the question's "to blame"
		t.Errorf("blame hits = %d, want 2 (the question's is excluded)", blame)
	}
	if want := r.Turns[0].Words + r.Turns[1].Words + r.Turns[3].Words; r.Words != want {
		t.Errorf("words = %d, want %d (without the question)", r.Words, want)
	}
	for _, s := range r.Spans {
		if s.Speaker == "Q" && (!s.Excluded || len(s.Devices) > 0) {
			t.Errorf("span of the question counts: %+v", s)
		}
	}
	parts := SplitBySpeaker(r)
	var names []string
	for _, p := range parts {
		names = append(names, p.Speaker)
		for _, h := range p.Hits {
			if h.Speaker != p.Speaker {
				t.Errorf("part %q holds a hit of %q", p.Speaker, h.Speaker)
			}
		}
	}
	if diff := cmp.Diff([]string{"White House", "THE PRESIDENT"}, names); diff != "" {
		t.Errorf("split (-want +got):\n%s", diff)
	}

	// A user's rule: "Name:" in title case.
	b := defaultAnalyzer(t, Options{TurnLabel: regexp.MustCompile(`^([A-Z][a-z]+):`)})
	r, err = b.Analyze(context.Background(), Statement{ID: "t", Text: "Smith: Russia's aggression must end.\nJones: We want peace.\nTHE PRESIDENT: no label now.\n"})
	if err != nil {
		t.Fatal(err)
	}
	turns = nil
	for _, tu := range r.Turns {
		turns = append(turns, tu.Speaker)
	}
	if diff := cmp.Diff([]string{"Smith", "Jones"}, turns); diff != "" {
		t.Errorf("turns with a user's rule (-want +got):\n%s", diff)
	}
	// NoTurns: one speaker.
	c := defaultAnalyzer(t, Options{NoTurns: true})
	if r, _ := c.Analyze(context.Background(), Statement{ID: "t", Text: text}); len(r.Turns) != 0 {
		t.Errorf("NoTurns: %d turns", len(r.Turns))
	}
}

// TestSpeakerActor checks that a move's source actor is its speaker's
// actor code when the speaker's name names a lexicon actor, for the
// statement's speaker and a turn's, and that a reported move keeps the
// reported speaker's.
func TestSpeakerActor(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	tests := []struct {
		name, speaker, text string
		want                []string // source/source_actor of each blame hit
	}{
		{"statement speaker", "Russian Federation", "NATO bears responsibility for this war.",
			[]string{"Russian Federation/RUS"}},
		{"speaker that names no actor", "The Chair", "NATO bears responsibility for this war.",
			[]string{"The Chair/"}},
		{"speaker that is an actor code", "RUS", "NATO bears responsibility for this war.",
			[]string{"RUS/RUS"}},
		{"OTHER is no speaker's side", "OTHER", "NATO bears responsibility for this war.",
			[]string{"OTHER/"}},
		{"an actor code in lower case is a name", "rus", "NATO bears responsibility for this war.",
			[]string{"rus/"}},
		{"no speaker", "", "NATO bears responsibility for this war.",
			[]string{"/"}},
		{"turns", "White House",
			"MR. LAVROV: NATO bears responsibility for this war.\nQ Is Russia to blame?\nPRESIDENT ZELENSKYY: Russia bears responsibility for this war.\n",
			[]string{"MR. LAVROV/RUS", "Q/", "PRESIDENT ZELENSKYY/UKR"}},
		{"reported move keeps its source", "United States", "Lavrov accused the West of fueling the conflict.",
			[]string{"Lavrov/RUS", "Lavrov/RUS"}}, // "accused" and "fueling the conflict"
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := a.Analyze(context.Background(), Statement{ID: "s", Speaker: tt.speaker, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range r.Hits {
				if h.Device == "blame" && !h.Negated {
					got = append(got, h.Source+"/"+h.SourceActor)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("blame sources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMatrix checks that Add and Merge commute and count only moves that
// count.
func TestMatrix(t *testing.T) {
	a := defaultAnalyzer(t, Options{ExcludeSpeakers: []string{"Q"}})
	texts := []string{
		"Lavrov accused the West of fueling the conflict. Russia's aggression must end.",
		"Q    Is Russia to blame?\nTHE PRESIDENT:  Putin is to blame.",
		"Putin repeated his baseless claims that Ukraine was about to invade.",
	}
	var reports []*Report
	for _, tx := range texts {
		r, err := a.Analyze(context.Background(), Statement{ID: "t", Speaker: "S", Text: tx})
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, r)
	}
	var one Matrix
	for _, r := range reports {
		one.Add(r)
	}
	var x, y Matrix
	x.Add(reports[2])
	x.Add(reports[0])
	y.Add(reports[1])
	y.Merge(&x)
	if diff := cmp.Diff(one.Cells(), y.Cells()); diff != "" {
		t.Errorf("merge differs from one pass (-want +got):\n%s", diff)
	}
	var blame []MatrixCell
	for _, c := range one.Cells() {
		if c.Device == "blame" {
			blame = append(blame, c)
		}
	}
	want := []MatrixCell{
		{Source: "Lavrov", SourceActor: "RUS", Device: "blame", Target: "WEST", Count: 2, Reported: 2},
		{Source: "S", Device: "blame", Target: "RUS", Count: 1},
		{Source: "THE PRESIDENT", Device: "blame", Target: "RUS", Count: 1},
	}
	if diff := cmp.Diff(want, blame); diff != "" {
		t.Errorf("blame cells (-want +got):\n%s", diff)
	}
}

// TestWhiteHouseTranscripts reads the White House transcripts in
// ../shared/corpus (skipped without them): no reporter's question counts
// toward the President's profile, and every turn of the transcripts that
// hold questions is attributed to its label.
func TestWhiteHouseTranscripts(t *testing.T) {
	dir := filepath.Join(testutil.ModuleRoot(t), "..", "shared", "corpus", "whitehouse_ukraine", "speeches-remarks")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	if len(files) == 0 {
		t.Skip("no White House corpus in ../shared/corpus")
	}
	a := defaultAnalyzer(t, Options{ExcludeSpeakers: []string{"Q"}})
	agg := NewGroups(KeySpeaker())
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("\nQ ")) && !bytes.Contains(data, []byte("\nQ\u00a0")) {
			continue
		}
		if checked++; checked > 40 {
			break
		}
		r, err := a.Analyze(context.Background(), Statement{ID: f, Speaker: "White House", Text: string(data)})
		if err != nil {
			t.Fatal(err)
		}
		// Every line that opens with a label (found here without the
		// analyzer's rule) starts a turn of that speaker.
		want := 0
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			l := strings.TrimLeft(sc.Text(), " ")
			if strings.HasPrefix(l, "Q ") || strings.HasPrefix(l, "Q\u00a0") || strings.HasPrefix(l, "THE PRESIDENT:") {
				want++
			}
		}
		got := 0
		for _, tu := range r.Turns {
			if tu.Speaker == "Q" || tu.Speaker == "THE PRESIDENT" {
				got++
			}
		}
		if got != want {
			t.Errorf("%s: %d Q and THE PRESIDENT turns, want %d", filepath.Base(f), got, want)
		}
		for _, h := range r.Hits {
			if h.Speaker == "" {
				t.Errorf("%s: hit %q at %d has no speaker", filepath.Base(f), h.Text, h.Start)
			}
			if h.Speaker == "Q" && h.Counts() {
				t.Errorf("%s: the question's hit %q counts", filepath.Base(f), h.Text)
			}
		}
		for _, p := range SplitBySpeaker(r) {
			agg.Add(p)
		}
	}
	if checked == 0 {
		t.Skip("no transcript with questions")
	}
	for _, p := range agg.Profiles() {
		if p.Group == "Q" {
			t.Errorf("the questions form a profile: %+v", p)
		}
		for _, c := range p.Matrix {
			if c.Source == "Q" {
				t.Errorf("%s: a question's move in the matrix: %+v", p.Group, c)
			}
		}
	}
	t.Logf("%d transcripts with questions checked", checked)
}

// FuzzTurns checks the turn finder on any text: no panic, turns in order,
// contiguous, covering the text from the first label (or from 0) to its
// end, each label at a line start, and analysis of the text keeps every
// hit's speaker among the turns' speakers.
func FuzzTurns(f *testing.F) {
	for _, s := range []string{
		"THE PRESIDENT:  Hi.\nQ    Why?\n", "intro\n**MODERATOR:** next\nQ: x", "Q", "\n\nQ\u00a0 x\nMR. X: y",
		"A: b\nNATO: c\n> MS. Y: d", "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE: x\n",
		"PRESIDENT ZELENSKYY:  We condemn this aggression, blaming Russia.\nQ    He said that Kyiv is to blame?\n",
	} {
		f.Add(s)
	}
	a, err := New(lexicon.Default(), Options{ExcludeSpeakers: []string{"Q"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		turns := a.findTurns(text, "S", nil)
		for i, tu := range turns {
			if tu.start < 0 || tu.end > len(text) || tu.start > tu.end {
				t.Fatalf("turn %d %+v out of range", i, tu)
			}
			if i > 0 && tu.start != turns[i-1].end {
				t.Fatalf("turn %d starts at %d, the previous ends at %d", i, tu.start, turns[i-1].end)
			}
			if tu.label && tu.start > 0 && text[tu.start-1] != '\n' {
				t.Fatalf("label of turn %d not at a line start", i)
			}
			if tu.speaker == "" {
				t.Fatalf("turn %d has no speaker", i)
			}
			if tu.body < tu.start || tu.body > tu.end || !tu.label && tu.body != tu.start {
				t.Fatalf("turn %d %+v: its text does not begin inside it", i, tu)
			}
		}
		if len(turns) > 0 && turns[len(turns)-1].end != len(text) {
			t.Fatalf("the last turn ends at %d, not %d", turns[len(turns)-1].end, len(text))
		}
		r, err := a.Analyze(context.Background(), Statement{ID: "f", Speaker: "S", Text: text})
		if err != nil {
			return // invalid UTF-8
		}
		for _, h := range r.Hits {
			ok := len(r.Turns) == 0 && h.Speaker == "S"
			for _, tu := range r.Turns {
				ok = ok || tu.Speaker == h.Speaker
			}
			if !ok {
				t.Fatalf("hit %+v has a speaker outside the turns %+v", h, r.Turns)
			}
		}
	})
}
