package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/lexicon/suggest"
)

// toyLex is a small hand-written lexicon of two devices. Its entry
// "aggression" fires only on sentences without blame in toyItems, and
// "accus*" only on one; "accus*" matches a codebook cue of toyCodebook,
// "aggression" does not.
const toyLex = `# a toy lexicon for lexfit's tests
@lexicon toy
@language en

@category blame Attribution of responsibility to an actor.
# hand-written
blame*
accus*
aggression

@category peace Calls for negotiation and an end to fighting.
peace
ceasefire = 1.5
`

const toyCodebook = `# Toy codebook

## Devices

### blame
Attribution of responsibility.
Cues: *blame, accuse,
hold accountable*

### peace
Cues: *peace, ceasefire*
`

// toyItems returns 60 annotated sentences: 20 blame sentences that say
// "responsible for" (a quarter of them also "blame"), 20 peace sentences
// that speak of talks (half of them "peace"), 16 sentences of neither that
// mention aggression in a clinical sense and 4 of neither about a court
// case, which use "accused".
func toyItems() []suggest.Item {
	actors := []string{"The regime", "The occupying army", "The junta", "The militia", "The government"}
	harms := []string{"the shelling of the port", "the famine in the north", "the attack on the convoy", "the collapse of the dam"}
	places := []string{"Geneva", "Vienna", "Doha", "Oslo", "Nairobi"}
	var items []suggest.Item
	add := func(text string, devices ...string) {
		items = append(items, suggest.Item{ID: fmt.Sprintf("s%02d", len(items)), Text: text, Devices: devices})
	}
	for i := range 20 {
		a, h := actors[i%len(actors)], harms[i%len(harms)]
		if i%4 == 0 {
			add(fmt.Sprintf("%s is responsible for %s, and we blame its commanders.", a, h), "blame")
		} else {
			add(fmt.Sprintf("%s is responsible for %s.", a, h), "blame")
		}
	}
	for i := range 20 {
		p := places[i%len(places)]
		if i%2 == 0 {
			add(fmt.Sprintf("The parties should resume negotiations in %s to secure peace.", p), "peace")
		} else {
			add(fmt.Sprintf("We welcome the negotiations held in %s last month.", p), "peace")
		}
	}
	for i := range 16 {
		add(fmt.Sprintf("Study %d measured aggression in laboratory mice under stress.", i+1))
	}
	for i := range 4 {
		add(fmt.Sprintf("The court in %s acquitted the accused on all counts.", places[i]))
	}
	return items
}

// writeToy writes the toy lexicon, codebook and annotated sentences into
// dir and returns their paths.
func writeToy(t *testing.T, dir string) (lexPath, codebook, data string) {
	t.Helper()
	lexPath = filepath.Join(dir, "base.lex")
	codebook = filepath.Join(dir, "CODEBOOK.md")
	data = filepath.Join(dir, "train.jsonl")
	var b strings.Builder
	for _, it := range toyItems() {
		line, err := json.Marshal(it)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	for path, text := range map[string]string{lexPath: toyLex, codebook: toyCodebook, data: b.String()} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return lexPath, codebook, data
}

// entries returns each category's entry patterns.
func entries(lex *lexicon.Lexicon) map[string][]string {
	m := map[string][]string{}
	for _, c := range lex.Categories() {
		for _, e := range c.Entries {
			m[c.Name] = append(m[c.Name], e.Pattern)
		}
	}
	return m
}

// TestRunToy runs the whole fit on the toy data, as go run ./internal/lexfit
// does on train.jsonl: the rebuilt lexicon must drop the entry that fires
// only wrongly, keep the codebook's cue although it fires only wrongly too,
// keep the supported entries, and add the cues the data supports. The
// rebuilt file is a golden file (go test -update rewrites it).
func TestRunToy(t *testing.T) {
	dir := t.TempDir()
	lexPath, codebook, data := writeToy(t, dir)
	out := filepath.Join(dir, "rebuilt.lex")
	var report, progress strings.Builder
	if err := run(&report, &progress, data, lexPath, out, codebook, 3, 10); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, filepath.Join("testdata", "toy-rebuilt.lex"), got)

	lex, err := lexicon.Parse(out, got)
	if err != nil {
		t.Fatalf("the rebuilt lexicon does not parse: %v", err)
	}
	es := entries(lex)
	for _, c := range []struct {
		dev, pattern string
		want         bool
		why          string
	}{
		{"blame", "aggression", false, "fires only on sentences without blame and is no codebook cue"},
		{"blame", "accus*", true, "matches the codebook cue accuse"},
		{"blame", "blame*", true, "fires rightly"},
		{"peace", "peace", true, "fires rightly"},
		{"peace", "ceasefire", true, "is a codebook cue, though it never fires"},
		{"blame", "responsible", true, "is a candidate in all 20 blame sentences and no other"},
		{"peace", "negotiations", true, "is a candidate in all 20 peace sentences and no other"},
	} {
		if got := slices.Contains(es[c.dev], c.pattern); got != c.want {
			t.Errorf("%s entry %q kept = %v, want %v: it %s; entries %q", c.dev, c.pattern, got, c.want, c.why, es[c.dev])
		}
	}
	for _, want := range []string{
		"4 entries match a codebook cue and are kept", // blame*, accus*, peace, ceasefire
		"60 sentences, 3 folds",
		"after, 3-fold CV",
	} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, report.String())
		}
	}
	if diff := cmp.Diff("fold 1 done\nfold 2 done\nfold 3 done\n", progress.String()); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}

	// The fit is deterministic: a second run writes the same file.
	out2 := filepath.Join(dir, "again.lex")
	if err := run(io.Discard, io.Discard, data, lexPath, out2, codebook, 3, 10); err != nil {
		t.Fatal(err)
	}
	again, err := os.ReadFile(out2)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(got), string(again)); diff != "" {
		t.Errorf("a second run differs (-first +second):\n%s", diff)
	}
}

// TestRunErrors checks that bad arguments and files give an error that
// names the problem, and write no lexicon.
func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	lexPath, codebook, data := writeToy(t, dir)
	bad := filepath.Join(dir, "bad.lex")
	if err := os.WriteFile(bad, []byte("@category\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	few := filepath.Join(dir, "few.jsonl")
	if err := os.WriteFile(few, []byte(`{"id":"a","text":"We blame them.","devices":["blame"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name                string
		data, lex, codebook string
		folds, cands        int
		want                string
	}{
		{"one fold", data, lexPath, codebook, 1, 10, "at least 2 folds"},
		{"negative candidates", data, lexPath, codebook, 3, -1, "-candidates -1"},
		{"too few sentences", few, lexPath, codebook, 3, 10, "too few for 3 folds"},
		{"no data", filepath.Join(dir, "absent.jsonl"), lexPath, codebook, 3, 10, "absent.jsonl"},
		{"no lexicon", data, filepath.Join(dir, "absent.lex"), codebook, 3, 10, "absent.lex"},
		{"bad lexicon", data, bad, codebook, 3, 10, "bad.lex"},
		{"no codebook", data, lexPath, filepath.Join(dir, "absent.md"), 3, 10, "absent.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.lex")
			err := run(io.Discard, io.Discard, c.data, c.lex, out, c.codebook, c.folds, c.cands)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("run: %v, want an error containing %q", err, c.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a lexicon was written despite the error")
			}
		})
	}
}

// TestRewrite checks the rewriting of a lexicon's text: dropped entries
// lose their lines only, kept candidates are appended to their category,
// most distinctive first, with their support and precision, and comments,
// roles and other sections stay.
func TestRewrite(t *testing.T) {
	src := `# header
@lexicon toy
@language en

@category blame Blame.
@role victim
# a comment stays
blame*
aggression = 1.5
accus*

@category peace Peace.
peace

@negators
not
`
	base, err := lexicon.Parse("toy.lex", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	kept := map[key]bool{
		{"blame", "blame*"}: true, {"blame", "accus*"}: true, {"peace", "peace"}: true,
		{"blame", "responsible"}: true, {"blame", "culprit"}: true, {"peace", "talks"}: true,
	}
	cands := map[key]suggest.Cue{
		{"blame", "responsible"}: {Pattern: "responsible", Z: 2.5},
		{"blame", "culprit"}:     {Pattern: "culprit", Z: 4},
		{"blame", "rejected"}:    {Pattern: "rejected", Z: 9}, // not kept
		{"peace", "talks"}:       {Pattern: "talks", Z: 3},
	}
	stats := map[key]stat{
		{"blame", "responsible"}: {tp: 8, fp: 2},
		{"blame", "culprit"}:     {tp: 3, fp: 0},
		{"peace", "talks"}:       {tp: 5, fp: 5},
	}
	want := `# header
@lexicon toy
@language en

@category blame Blame.
@role victim
# a comment stays
blame*
accus*

# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 3 / 1.00
culprit
# 8 / 0.80
responsible

@category peace Peace.
peace

# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 5 / 0.50
talks

@negators
not
`
	got := rewrite(src, base, kept, cands, stats)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rewrite (-want +got):\n%s", diff)
	}
	if _, err := lexicon.Parse("rewritten.lex", []byte(got)); err != nil {
		t.Errorf("the rewritten text does not parse: %v", err)
	}
}

// TestCodebook checks which entries the codebook's cue lists protect: cues
// may run over several lines, and only a device's own category counts.
func TestCodebook(t *testing.T) {
	base, err := lexicon.Parse("toy.lex", []byte(toyLex))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, codebook string
		want           []key
	}{
		{"toy", toyCodebook, []key{{"blame", "accus*"}, {"blame", "blame*"}, {"peace", "ceasefire"}, {"peace", "peace"}}},
		{"a cue under another device", "### peace\nCues: *accuse*\n", nil},
		{"a device the lexicon lacks", "### threat\nCues: *peace*\n", nil},
		{"cues before any device", "Cues: *blame*\n### peace\n", nil},
		{"no cue list", "### blame\nBlame is blame.\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			ft := &fitter{base: base, keep: map[key]bool{}}
			if err := ft.codebook(c.codebook); err != nil {
				t.Fatal(err)
			}
			var got []key
			for k := range ft.keep {
				got = append(got, k)
			}
			slices.SortFunc(got, func(a, b key) int {
				return strings.Compare(a.dev+"\x00"+a.pattern, b.dev+"\x00"+b.pattern)
			})
			if diff := cmp.Diff(c.want, got, cmp.AllowUnexported(key{})); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScore checks precision, recall and F1 per device and pooled, on
// predictions counted by hand.
func TestScore(t *testing.T) {
	ft := &fitter{
		devs: []string{"blame", "peace", "threat"},
		items: []suggest.Item{
			{ID: "a", Devices: []string{"blame"}},
			{ID: "b", Devices: []string{"blame", "peace"}},
			{ID: "c", Devices: []string{"peace"}},
			{ID: "d"},
		},
	}
	pred := [][]string{{"blame"}, {"peace"}, {"blame"}, {"threat"}}
	got := ft.score([]int{0, 1, 2, 3}, pred)
	// blame: tp 1 (a), fn 1 (b), fp 1 (c); peace: tp 1 (b), fn 1 (c);
	// threat: fp 1 (d), no gold, so it stays out of macro-F1.
	want := scores{
		devs: []devScore{
			{tp: 1, fp: 1, fn: 1, p: 0.5, r: 0.5, f: 0.5},
			{tp: 1, fn: 1, p: 1, r: 0.5, f: 2.0 / 3},
			{fp: 1},
		},
		microP: 0.5, microR: 0.5, microF1: 0.5,
		macroF1: (0.5 + 2.0/3) / 2,
	}
	approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) < 1e-12 })
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(scores{}, devScore{}), approx); diff != "" {
		t.Errorf("score (-want +got):\n%s", diff)
	}
}
