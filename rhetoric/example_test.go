package rhetoric_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// exampleLex is a small inline lexicon, so that the examples do not change
// when the default lexicon is tuned.
const exampleLex = `@lexicon example
@language en

@category blame Attribution of responsibility.
aggression
responsible for = 1.5

@category threat Danger to security.
threat
confrontation

@category peace Dialogue and negotiation.
dialogue
~negotiate

@negators
not
n't

@intensifiers
flagrant = 1.5

@hedges
perhaps = 0.5

@actor RUS Russia
russia
moscow

@actor NATO NATO
nato
`

func Example() {
	lex, err := lexicon.Parse("example.lex", []byte(exampleLex))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := a.Analyze(context.Background(), rhetoric.Statement{
		ID:   "demo",
		Text: "Russia's flagrant aggression must end. We do not seek confrontation; perhaps negotiations can begin.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range r.Hits {
		fmt.Printf("%-6s %-14q weight=%.2f negated=%v target=%s\n", h.Device, h.Text, h.Weight, h.Negated, h.Target)
	}
	for _, d := range r.Devices {
		fmt.Printf("%-6s hits=%d negated=%d per_1k=%.1f intensity=%.1f\n", d.Device, d.Hits, d.Negated, d.Per1K, d.Intensity)
	}
	// Output:
	// blame  "aggression"   weight=1.50 negated=false target=RUS
	// threat "confrontation" weight=1.00 negated=true target=NONE
	// peace  "negotiations" weight=0.50 negated=false target=NONE
	// blame  hits=1 negated=0 per_1k=66.7 intensity=1.0
	// threat hits=0 negated=1 per_1k=0.0 intensity=0.0
	// peace  hits=1 negated=0 per_1k=66.7 intensity=0.0
}

// An unknown device in Options.Devices is an error.
func ExampleNew_unknownDevice() {
	lex, err := lexicon.Parse("example.lex", []byte(exampleLex))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = rhetoric.New(lex, rhetoric.Options{Devices: []string{"peace", "propaganda"}})
	fmt.Println(err)
	fmt.Println(errors.Is(err, rhetoric.ErrUnknownDevice))
	// Output:
	// rhetoric: unknown device: "propaganda"
	// true
}

// A lexicon error carries its position; the analyzer is never built.
func ExampleNew_lexiconError() {
	_, err := lexicon.Parse("bad.lex", []byte("@category blame\naggression = lots\n"))
	fmt.Println(errors.Is(err, lexicon.ErrBadWeight))
	// Output:
	// true
}

func ExampleCompare() {
	lex, err := lexicon.Parse("example.lex", []byte(exampleLex))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	statements := []rhetoric.Statement{
		{Speaker: "hawk", Text: "NATO's aggression is a threat. Moscow faces a threat."},
		{Speaker: "hawk", Text: "The confrontation was chosen by NATO."},
		{Speaker: "dove", Text: "Dialogue, dialogue and more dialogue. We will negotiate."},
	}
	g := rhetoric.NewGroups(rhetoric.KeySpeaker())
	for _, st := range statements {
		r, err := a.Analyze(context.Background(), st)
		if err != nil {
			fmt.Println(err)
			return
		}
		g.Add(r)
	}
	p := g.Profiles() // sorted by group: dove, hawk
	// The default prior (1,000 pseudo-words) shrinks contrasts between
	// profiles this short to nearly nothing; a smaller prior shrinks less.
	def := rhetoric.Compare(p[1], p[0])
	small := rhetoric.CompareWith(p[1], p[0], 10)
	for i, d := range def.Devices {
		fmt.Printf("%-6s hawk=%5.1f dove=%5.1f z=%+.2f z(a0=10)=%+.2f\n", d.Device, d.RateA, d.RateB, d.Z, small.Devices[i].Z)
	}
	// Output:
	// blame  hawk= 62.5 dove=  0.0 z=+0.08 z(a0=10)=+0.50
	// threat hawk=187.5 dove=  0.0 z=+0.14 z(a0=10)=+0.95
	// peace  hawk=  0.0 dove=500.0 z=-0.35 z(a0=10)=-2.16
}

// Two workers each profile their share of the statements; merged, their
// profiles equal the profile of one pass over all of them.
func ExampleProfile_Merge() {
	lex, err := lexicon.Parse("example.lex", []byte(exampleLex))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := []string{
		"NATO's aggression is a threat.",
		"We are not responsible for the confrontation.",
		"Dialogue, dialogue and more dialogue.",
		"Their flagrant aggression must end.",
	}
	var one, worker1, worker2 rhetoric.Profile
	for i, text := range texts {
		r, err := a.Analyze(context.Background(), rhetoric.Statement{Text: text})
		if err != nil {
			fmt.Println(err)
			return
		}
		one.Add(r)
		if i%2 == 0 {
			worker1.Add(r)
		} else {
			worker2.Add(r)
		}
	}
	worker2.Merge(worker1)
	fmt.Println("statements:", worker2.Statements, "words:", worker2.Words, "same as one pass:", reflect.DeepEqual(one, worker2))
	for _, d := range worker2.Devices {
		fmt.Printf("%-6s hits=%d per1k=%.1f\n", d.Device, d.Hits, d.Per1K)
	}
	for _, c := range worker2.Cues {
		fmt.Printf("cue %s/%s: %d\n", c.Device, c.Entry, c.Count)
	}
	// Output:
	// statements: 4 words: 23 same as one pass: true
	// blame  hits=2 per1k=87.0
	// threat hits=1 per1k=43.5
	// peace  hits=3 per1k=130.4
	// cue blame/aggression: 2
	// cue threat/threat: 1
	// cue peace/dialogue: 3
}

func ExampleAnalyzer_AnalyzeAll() {
	lex, err := lexicon.Parse("example.lex", []byte(exampleLex))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := rhetoric.New(lex, rhetoric.Options{Workers: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := []string{"Dialogue now.", "NATO is a threat.", "bad \xff", "We do not want confrontation."}
	in := func(yield func(rhetoric.Statement) bool) {
		for i, t := range texts {
			if !yield(rhetoric.Statement{ID: fmt.Sprint("s", i), Text: t}) {
				return
			}
		}
	}
	for res := range a.AnalyzeAll(context.Background(), in) {
		if res.Err != nil {
			fmt.Println(res.Index, "error:", errors.Is(res.Err, rhetoric.ErrInvalidUTF8))
			continue
		}
		for _, h := range res.Report.Hits {
			fmt.Println(res.Index, res.Report.ID, h.Device, h.Negated, h.Target)
		}
	}
	// Output:
	// 0 s0 peace false NONE
	// 1 s1 threat false NATO
	// 2 error: true
	// 3 s3 threat true NONE
}

// ExampleAnalyzer_Recycle writes each report as a line of JSON and then
// hands its memory back to the analyzer, which reuses it for the next
// statement instead of allocating: nothing may use the report afterwards.
func ExampleAnalyzer_Recycle() {
	lex, err := lexicon.Parse("example.lex", []byte(exampleLex))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := rhetoric.New(lex, rhetoric.Options{NoModel: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := []string{"Moscow is responsible for this flagrant aggression.", "NATO is not a threat.", ""}
	var line []byte
	for i, t := range texts {
		r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: fmt.Sprint("s", i), Text: t})
		if err != nil {
			fmt.Println(err)
			return
		}
		if line, err = r.AppendJSON(line[:0]); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.ID, len(r.Hits), "hits,", len(line), "bytes of JSON")
		a.Recycle(r) // line holds what the report said; r must not be used again
	}
	// Output:
	// s0 2 hits, 1169 bytes of JSON
	// s1 1 hits, 869 bytes of JSON
	// s2 0 hits, 585 bytes of JSON
}

// ExampleMatrix shows who frames whom in a journalist's report: the
// reported moves belong to their sources, and a claim the writer rejects
// counts for no one.
func ExampleMatrix() {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: "report", Speaker: "journalist", Text: "Lavrov accused the West of fueling the conflict. " +
		"Blinken said that Russia's aggression must end. Both ignored the baseless claims that NATO provoked the war."})
	if err != nil {
		fmt.Println(err)
		return
	}
	var m rhetoric.Matrix
	m.Add(r)
	for _, c := range m.Targets("blame") {
		fmt.Printf("%s (%s) blames %s: %d\n", c.Source, c.SourceActor, c.Target, c.Count)
	}
	// Output:
	// Blinken () blames RUS: 1
	// Lavrov (RUS) blames WEST: 2
}

// ExampleSplitBySpeaker splits a transcript by turn, leaving the
// reporters' questions out.
func ExampleSplitBySpeaker() {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{ExcludeSpeakers: []string{"Q"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "THE PRESIDENT:  Russia's aggression must end.\n" +
		"Q    Is Russia to blame for high prices?\n" +
		"SECRETARY BLINKEN:  We stand with Ukraine.\n"
	r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: "briefing", Speaker: "White House", Text: text})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range rhetoric.SplitBySpeaker(r) {
		fmt.Printf("%s: %d words, %d hits\n", p.Speaker, p.Words, len(p.Hits))
	}
	// Output:
	// THE PRESIDENT: 7 words, 2 hits
	// SECRETARY BLINKEN: 6 words, 1 hits
}
