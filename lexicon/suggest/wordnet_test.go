package suggest

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/lexicon/suggest/wordnet"
)

// wordNetItems are sentences where WordNet synonyms of the lexicon's cues
// (the small database of wordnet/testdata) occur with and without blame.
var wordNetItems = []Item{
	{ID: "1", Text: "They accused the regime of the crimes.", Devices: []string{"blame"}},
	{ID: "2", Text: "We charge them with aggression.", Devices: []string{"blame"}},
	{ID: "3", Text: "They are charging the government with the massacre.", Devices: []string{"blame"}},
	{ID: "4", Text: "The fees for electricity rose.", Devices: []string{"economic"}},
	{ID: "5", Text: "These are harmful and noxious policies.", Devices: []string{"blame"}},
	{ID: "6", Text: "Smoking is harmful.", Devices: nil},
	{ID: "7", Text: "The committee met on Tuesday.", Devices: nil},
	{ID: "8", Text: "Incrimination of others is easy.", Devices: nil},
}

const wordNetLex = "@lexicon known\n@category blame Blame.\n~accuse\npernicious\nnoxious\n@category economic Money.\nelectricity\n"

func TestSuggestWordNet(t *testing.T) {
	lex, err := lexicon.Parse("known.lex", []byte(wordNetLex))
	if err != nil {
		t.Fatal(err)
	}
	wn, err := wordnet.Load(filepath.Join("wordnet", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Lexicon: lex, WordNet: wn, Devices: []string{"blame"}, MinSupport: 1, MinZ: 100, Prior: 10}
	res, err := Suggest(wordNetItems, opts)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Pattern        string
		Support, Count int
		WordNet        string
	}
	var got []row
	for _, c := range res.Devices[0].WordNet {
		got = append(got, row{c.Pattern, c.Support, c.Count, c.WordNet})
	}
	// charge and blame are synonyms of accuse, harmful is similar to
	// pernicious; blame and incrimination never occur with blame;
	// noxious is in the lexicon already.
	want := []row{
		{"~charge", 2, 2, "synonym of ~accuse"},
		{"harmful", 1, 2, "similar to pernicious"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WordNet cues (-want +got):\n%s", diff)
	}
	if got := res.Devices[0].WordNetLemmas; got != 4 { // charge, blame, baneful, harmful
		t.Errorf("WordNetLemmas = %d, want 4", got)
	}

	// A cue the data ranks is marked, not repeated.
	opts.MinZ = -100
	res, err = Suggest(wordNetItems, opts)
	if err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, c := range res.Devices[0].Cues {
		if c.WordNet != "" {
			marked = append(marked, c.Pattern+": "+c.WordNet)
		}
	}
	if diff := cmp.Diff([]string{"~charge: synonym of ~accuse", "harmful: similar to pernicious"}, marked,
		cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("marked cues (-want +got):\n%s", diff)
	}
	if len(res.Devices[0].WordNet) != 0 {
		t.Errorf("WordNet = %+v, want none (all ranked)", res.Devices[0].WordNet)
	}

	// Precision below the threshold drops a candidate.
	opts.MinZ, opts.MinPrecision = 100, 0.6
	res, err = Suggest(wordNetItems, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Devices[0].WordNet); got != 1 {
		t.Errorf("with precision >= 0.6: %d WordNet cues, want 1 (~charge)", got)
	}
}

// TestDraftWordNetGolden writes a draft with WordNet candidates; it must
// parse.
func TestDraftWordNetGolden(t *testing.T) {
	lex, err := lexicon.Parse("known.lex", []byte(wordNetLex))
	if err != nil {
		t.Fatal(err)
	}
	wn, err := wordnet.Load(filepath.Join("wordnet", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Suggest(wordNetItems, Options{Lexicon: lex, WordNet: wn, MinSupport: 1, MinZ: 0.9, Max: 2, Prior: 10})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteLex(&buf, res, "wordnet.jsonl"); err != nil {
		t.Fatal(err)
	}
	if _, err := lexicon.Parse("draft.lex", buf.Bytes()); err != nil {
		t.Errorf("the draft does not parse: %v\n%s", err, buf.String())
	}
	testutil.Golden(t, filepath.Join("testdata", "wordnet.lex"), buf.Bytes())
}

// With a WordNet database, Suggest also proposes synonyms of the
// lexicon's one-word cues that the data supports. Here the word "charge"
// is in one sentence with blame only, below the least support; its stem
// passes.
func ExampleOptions_wordNet() {
	lex, err := lexicon.Parse("known.lex", []byte("@lexicon known\n@category blame Blame.\n~accuse\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	wn, err := wordnet.Load("wordnet/testdata") // or /usr/share/wordnet
	if err != nil {
		fmt.Println(err)
		return
	}
	items := []Item{
		{ID: "1", Text: "They accused the regime.", Devices: []string{"blame"}},
		{ID: "2", Text: "We charge them with aggression.", Devices: []string{"blame"}},
		{ID: "3", Text: "They charged the government with the massacre.", Devices: []string{"blame"}},
		{ID: "4", Text: "The charges for electricity rose.", Devices: nil},
		{ID: "5", Text: "The meeting ended.", Devices: nil},
		{ID: "6", Text: "We met on Tuesday.", Devices: nil},
	}
	res, err := Suggest(items, Options{Lexicon: lex, WordNet: wn, Devices: []string{"blame"}, MinSupport: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Devices[0].WordNet {
		fmt.Printf("%s (%s): support %d of %d; %s\n", c.Pattern, c.Kind, c.Support, c.Count, c.WordNet)
	}
	// Output:
	// ~charge (stem): support 2 of 3; synonym of ~accuse
}
