package learn_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func TestAlign(t *testing.T) {
	// Sentences of a context: [0,20) [21,40) [41,60) [61,80).
	spans := [][2]int{{0, 20}, {21, 40}, {41, 60}, {61, 80}}
	tests := []struct {
		name        string
		start, end  int
		first, last int
		exact       bool
	}{
		{"one sentence", 21, 40, 1, 1, true},
		{"a closing quote more", 21, 42, 1, 1, true},
		{"two sentences", 21, 60, 1, 2, true},
		{"the annotation splits a sentence: its larger half", 41, 52, 2, 2, false},
		{"the analyzer merges: most of the text", 21, 50, 1, 1, false},
		{"half a neighbour is taken", 21, 50 + 1, 1, 2, false},
		{"nothing overlaps", 100, 120, 0, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, last, exact := learn.Align(spans, tt.start, tt.end)
			if diff := cmp.Diff([]any{tt.first, tt.last, tt.exact}, []any{first, last, exact}); diff != "" {
				t.Errorf("Align(%d, %d) (-want +got):\n%s", tt.start, tt.end, diff)
			}
		})
	}
}

// TestFeaturizeInContext checks that an example with a context takes the
// features of its own sentence only, and the same ones as alone.
func TestFeaturizeInContext(t *testing.T) {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	const text = "Russia bears responsibility for this war."
	const before = "We call for peace and dialogue. "
	ex := []learn.Example{
		{ID: "alone", Text: text, Devices: []string{"blame"}},
		{ID: "ctx", Text: text, Devices: []string{"blame"}, Context: before + text + " Sanctions hurt the economy.", Start: len(before)},
	}
	set, err := learn.Featurize(context.Background(), a, ex)
	if err != nil {
		t.Fatal(err)
	}
	names := func(i int) []string {
		var out []string
		for _, x := range set.X[i] {
			out = append(out, set.Names[x])
		}
		slices.Sort(out)
		return out
	}
	if diff := cmp.Diff(names(0), names(1)); diff != "" {
		t.Errorf("features in context differ from alone (-alone +context):\n%s", diff)
	}
	if !slices.Contains(names(1), "d=blame") || slices.Contains(names(1), "w=sanctions") || slices.Contains(names(1), "w=peace") {
		t.Errorf("features in context: %q", names(1))
	}
	if set.Misaligned != 0 {
		t.Errorf("Misaligned = %d", set.Misaligned)
	}
}
