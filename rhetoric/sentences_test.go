package rhetoric_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func ExampleReport_SentenceWeights() {
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
		Text: "Russia's flagrant aggression is the threat. We do not seek confrontation. Dialogue, perhaps negotiations, can begin.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.SentenceWeights() {
		fmt.Printf("sentence %d [%d:%d]:", s.Sentence, s.Start, s.End)
		for _, d := range s.Devices {
			fmt.Printf(" %s hits=%d weight=%.2f;", d.Device, d.Hits, d.Weight)
		}
		fmt.Println()
	}
	// Output:
	// sentence 0 [0:43]: blame hits=1 weight=1.50; threat hits=1 weight=1.50;
	// sentence 1 [44:73]:
	// sentence 2 [74:116]: peace hits=2 weight=1.50;
}

func TestSentenceWeights(t *testing.T) {
	r := &rhetoric.Report{
		Devices: []rhetoric.DeviceScore{{Device: "a"}, {Device: "b"}},
		Spans:   []rhetoric.Span{{Start: 0, End: 5}, {Start: 6, End: 9}},
		Hits: []rhetoric.Hit{
			{Device: "b", Sentence: 0, Weight: 2},
			{Device: "a", Sentence: 0, Weight: 1},
			{Device: "a", Sentence: 0, Weight: 0.5},
			{Device: "a", Sentence: 1, Weight: 3, Negated: true},
			{Device: "zz", Sentence: 2, Weight: 1},
		},
	}
	want := []rhetoric.SentenceWeights{
		{Sentence: 0, Start: 0, End: 5, Devices: []rhetoric.DeviceWeight{{"a", 2, 1.5}, {"b", 1, 2}}},
		{Sentence: 1, Start: 6, End: 9},
		{Sentence: 2, Devices: []rhetoric.DeviceWeight{{"zz", 1, 1}}},
	}
	if diff := cmp.Diff(want, r.SentenceWeights(), cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("SentenceWeights (-want +got):\n%s", diff)
	}
}
