package eval_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// contextCorpus writes a small corpus: a Markdown file with front matter and
// hard-wrapped lines, and a CSV file of press releases.
func contextCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"speech.md":   "---\ntitle: A speech\n---\nRussia attacked Ukraine. They bear\nresponsibility for this\u00a0 war.\n\nWe call for peace. Thank you.\n",
		"press.csv":   "link,body\nu1,\"First row. Nothing here.\"\nu2,\"Kyiv was shelled. We condemn the attack.\nPeace must come.\"\n",
		"notes.jsonl": "{\"text\": \"x\"}\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func row(n int) *int { return &n }

func TestAddContext(t *testing.T) {
	dir := contextCorpus(t)
	speech, err := os.ReadFile(filepath.Join(dir, "speech.md"))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(speech), "They")
	end := strings.Index(string(speech), "war.") + len("war.")
	items := []eval.Item{
		// Text joins the hard-wrapped line, as annotators do.
		{ID: "s", Text: "They bear responsibility for this war.", File: "speech.md", Start: start, End: end, Line: 1},
		{ID: "p", Text: "We condemn the attack.", File: "press.csv", Row: row(1), Line: 2},
		{ID: "alone", Text: "Nothing to find.", Line: 3},
	}
	n, err := eval.AddContext(items, "gold.jsonl", dir, 1000)
	if err != nil {
		t.Fatal(err)
	}
	type ctx struct {
		ID, Context string
		Start       int
	}
	var got []ctx
	for _, it := range items {
		got = append(got, ctx{it.ID, it.Context, it.ContextStart})
		if it.Context != "" && it.Context[it.ContextStart:it.ContextStart+len(it.Text)] != it.Text {
			t.Errorf("%s: Context[ContextStart:] does not hold Text", it.ID)
		}
	}
	want := []ctx{
		{"s", "Russia attacked Ukraine. They bear responsibility for this war.\n\nWe call for peace. Thank you.\n", 25},
		{"p", "Kyiv was shelled. We condemn the attack.\nPeace must come.", 18},
		{"alone", "", 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("contexts (-want +got):\n%s", diff)
	}
	if n != 2 {
		t.Errorf("AddContext = %d, want 2", n)
	}

	// A small window cuts at sentence boundaries.
	items[0].Context = ""
	if _, err := eval.AddContext(items[:1], "gold.jsonl", dir, 10); err != nil {
		t.Fatal(err)
	}
	if want := "They bear responsibility for this war.\n\n"; items[0].Context != want {
		t.Errorf("window 10: context %q, want %q", items[0].Context, want)
	}
	// No window, no context.
	items[1].Context = ""
	if n, err := eval.AddContext(items[1:2], "gold.jsonl", dir, 0); n != 0 || err != nil || items[1].Context != "" {
		t.Errorf("window 0: %d, %v, context %q", n, err, items[1].Context)
	}
}

func TestAddContextErrors(t *testing.T) {
	dir := contextCorpus(t)
	tests := []struct {
		name string
		item eval.Item
		want string
	}{
		{"missing file", eval.Item{ID: "a", Text: "x", File: "none.md", Start: 0, End: 1}, "gold.jsonl:7: a: open "},
		{"text differs", eval.Item{ID: "b", Text: "Russia invaded", File: "speech.md", Start: 24, End: 38}, "gold.jsonl:7: b: the text differs from bytes [24,38) of speech.md"},
		{"span inside front matter", eval.Item{ID: "c", Text: "title", File: "speech.md", Start: 4, End: 9}, "c: the text differs"},
		{"row outside", eval.Item{ID: "d", Text: "x", File: "press.csv", Row: row(2)}, "d: row 2 outside press.csv (2 rows)"},
		{"text not in row", eval.Item{ID: "e", Text: "Kyiv was shelled.", File: "press.csv", Row: row(0)}, "e: the text is not in row 0 of press.csv"},
		{"row of a text file", eval.Item{ID: "f", Text: "x", File: "speech.md", Row: row(0)}, "f: a row of speech.md, which is not a CSV or TSV file"},
		{"offsets into a CSV file", eval.Item{ID: "g", Text: "x", File: "press.csv", Start: 0, End: 1}, `g: press.csv is a CSV or TSV file: locate the text with "row"`},
		{"other format", eval.Item{ID: "h", Text: "x", File: "notes.jsonl", Start: 0, End: 1}, "h: not a text, Markdown, CSV or TSV file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := tt.item
			it.Line = 7
			_, err := eval.AddContext([]eval.Item{it}, "gold.jsonl", dir, 100)
			if err == nil || !errors.Is(err, eval.ErrFormat) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("AddContext = %v, want an ErrFormat containing %q", err, tt.want)
			}
		})
	}
}

// TestPredictInContext checks that an item with a context is judged by its
// own sentences, with hits and spans whose offsets index its text.
func TestPredictInContext(t *testing.T) {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		t.Fatal(err)
	}
	const text = "Russia bears responsibility for this war."
	const before = "We want peace and dialogue. "
	items := []eval.Item{
		{ID: "ctx", Text: text, Context: before + text + " We call on all states to support Ukraine.", ContextStart: len(before), Devices: []string{"blame"}},
		{ID: "alone", Text: text, Devices: []string{"blame"}},
	}
	preds, err := eval.Predict(context.Background(), a, items)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(preds[1].Devices, preds[0].Devices); diff != "" {
		t.Errorf("devices in context differ from alone (-alone +context):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"blame"}, preds[0].Devices); diff != "" {
		t.Errorf("devices (-want +got):\n%s", diff)
	}
	if preds[0].Misaligned {
		t.Error("misaligned")
	}
	r := preds[0].Report
	if len(r.Spans) != 1 || r.Spans[0].Start != 0 || r.Spans[0].End != len(text) {
		t.Errorf("spans %+v, want one over the text", r.Spans)
	}
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		if h.Start < 0 || h.End > len(text) || text[h.Start:h.End] != h.Text {
			t.Errorf("hit %q at [%d,%d) does not index the text", h.Text, h.Start, h.End)
		}
	}
	res := eval.Score(a.Devices(), items, preds, eval.Options{Resamples: -1})
	if res.InContext != 1 || res.Misaligned != 0 {
		t.Errorf("InContext %d, Misaligned %d, want 1 and 0", res.InContext, res.Misaligned)
	}
}
