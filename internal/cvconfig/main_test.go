package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
)

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.jsonl")
	located := filepath.Join(dir, "located.jsonl")
	if err := os.WriteFile(located, []byte(`{"id": "a", "text": "Peace now.", "file": "gone.txt", "start": 0, "end": 10, "devices": ["peace"]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string // in the error
	}{
		{"bad config", []string{"-train", missing, "-config", "{"}, "-config"},
		{"unknown config field", []string{"-train", missing, "-config", `{"lambda": 3}`}, "unknown field"},
		{"missing training file", []string{"-train", missing}, "none.jsonl"},
		{"bad flag", []string{"-nope"}, "nope"},
		{"context of a missing document", []string{"-train", located, "-corpus", dir, "-context", "100"}, "located.jsonl:1: a: open "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

// TestRunDev cross-validates on a tiny annotated file and scores a model
// trained on all of it on a second file (here the same one), and reports a
// missing -dev file by name.
func TestRunDev(t *testing.T) {
	tiny := filepath.Join("..", "..", "learn", "testdata", "tiny.jsonl")
	var out strings.Builder
	if err := run([]string{"-train", tiny, "-folds", "2", "-config", `{"min_count": 1}`, "-dev", tiny}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "micro ") || !strings.HasPrefix(lines[1], "targets |") ||
		!strings.HasPrefix(lines[2], "dev tiny.jsonl | micro ") || !strings.HasPrefix(lines[3], "dev targets |") {
		t.Errorf("output:\n%s\nwant CV, targets, dev and dev targets lines", out.String())
	}
	missing := filepath.Join(t.TempDir(), "dev.jsonl")
	err := run([]string{"-train", tiny, "-folds", "2", "-dev", missing}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "dev.jsonl") {
		t.Errorf("missing -dev file: error %v, want one naming dev.jsonl", err)
	}
}

// TestRunFast cross-validates a tiny file in the fast mode, which prints
// the figures line only.
func TestRunFast(t *testing.T) {
	tiny := filepath.Join("..", "..", "learn", "testdata", "tiny.jsonl")
	var out strings.Builder
	if err := run([]string{"-train", tiny, "-folds", "2", "-fast", "-config", `{"min_count": 1}`}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "micro ") || !strings.Contains(lines[0], " blame ") {
		t.Errorf("output:\n%s\nwant one line of figures", out.String())
	}
	if err := run([]string{"-train", tiny, "-folds", "1", "-fast"}, io.Discard); err == nil {
		t.Error("-fast with 1 fold: no error")
	}
}

// TestRunPaired writes the cross-validated predictions of one run and
// compares a second run on the same split with them: a run against its
// own predictions differs by nothing. Predictions of another split or
// file are refused.
func TestRunPaired(t *testing.T) {
	tiny := filepath.Join("..", "..", "learn", "testdata", "tiny.jsonl")
	dir := t.TempDir()
	preds := filepath.Join(dir, "base.jsonl")
	common := []string{"-train", tiny, "-folds", "2", "-fast", "-config", `{"min_count": 1}`}
	if err := run(append(common, "-preds", preds), io.Discard); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(append(common, "-against", preds, "-resamples", "50"), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "paired vs base.jsonl | micro ") ||
		!strings.Contains(lines[1], "+0.0000 [+0.0000, +0.0000]") || !strings.Contains(lines[1], " blame +0.000 [+0.000, +0.000] (R ") {
		t.Errorf("output:\n%s\nwant the figures and a paired line of zero differences", out.String())
	}
	err := run(append(common, "-salt", "x", "-against", preds), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "another split") {
		t.Errorf("predictions of another split: error %v, want one saying so", err)
	}
	if err := run(append(common, "-against", preds+".none"), io.Discard); err == nil || !strings.Contains(err.Error(), "base.jsonl.none") {
		t.Errorf("missing -against file: error %v, want one naming it", err)
	}
}

// TestNewEntriesKept checks which candidate entries a fold keeps: those
// whose hits in the other folds have enough support and precision.
func TestNewEntriesKept(t *testing.T) {
	over, err := lexicon.Parse("new.lex", []byte("@category peace\nlasting = 1\ntalks = 2\n@category blame\nresponsibility = 1.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	set := &learn.Set{
		Devices: []string{"blame", "peace"},
		Names:   []string{"h=peace/lasting", "h=peace/talks", "h=blame/responsibility"},
		// items 0-3 in fold 0, 4-5 in fold 1
		X: [][]int32{{0}, {0, 1}, {1}, {2}, {0, 2}, {1, 2}},
		Y: [][]bool{{false, true}, {false, true}, {false, false}, {true, false}, {true, true}, {true, false}},
	}
	folds := []int{0, 0, 0, 0, 1, 1}
	tests := []struct {
		name string
		nw   newEntries
		f    int
		want string
	}{
		// fold 0 trains on items 4-5: lasting 1/1, talks 0/1, responsibility 2/2
		{"fold 0, support 2", newEntries{over, 2, 0.35}, 0, "@category blame\nresponsibility = 1.5\n"},
		{"fold 0, support 1", newEntries{over, 1, 0.35}, 0, "@category peace\nlasting = 1\n@category blame\nresponsibility = 1.5\n"},
		// fold 1 trains on items 0-3: lasting 2/2, talks 1/2, responsibility 1/1
		{"fold 1, support 2", newEntries{over, 2, 0.35}, 1, "@category peace\nlasting = 1\n"},
		{"fold 1, support 1", newEntries{over, 1, 0.35}, 1, "@category peace\nlasting = 1\ntalks = 2\n@category blame\nresponsibility = 1.5\n"},
		{"fold 1, precision 0.6", newEntries{over, 1, 0.6}, 1, "@category peace\nlasting = 1\n@category blame\nresponsibility = 1.5\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, err := tt.nw.kept(set, folds, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			if want := strings.Count(tt.want, " = "); n != want {
				t.Errorf("kept %d entries, want %d", n, want)
			}
		})
	}
	// all items, support 2: lasting 3/3 (kept in fold 1 only), talks 1/3
	// (in neither), responsibility 3/3 (in fold 0 only)
	wantStats := []entryStat{
		{Device: "peace", Pattern: "lasting", Right: 3, All: 3, Folds: 1},
		{Device: "peace", Pattern: "talks", Right: 1, All: 3, Folds: 0},
		{Device: "blame", Pattern: "responsibility", Right: 3, All: 3, Folds: 1},
	}
	gotStats, err := newEntries{over, 2, 0.35}.stats(set, folds, 2)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantStats, gotStats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	bad, err := lexicon.Parse("bad.lex", []byte("@category nodevice\nlasting\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := (newEntries{bad, 1, 0}).kept(set, folds, 0); err == nil || !strings.Contains(err.Error(), "nodevice") {
		t.Errorf("a category that is no device: error %v, want one naming it", err)
	}
}

// TestRunNew validates a candidate entry on a tiny file in the fast mode
// and reports the entries kept per fold.
func TestRunNew(t *testing.T) {
	tiny := filepath.Join("..", "..", "learn", "testdata", "tiny.jsonl")
	over := filepath.Join(t.TempDir(), "new.lex")
	if err := os.WriteFile(over, []byte("@category peace\nlasting = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run([]string{"-train", tiny, "-folds", "2", "-fast", "-config", `{"min_count": 1}`, "-new", over, "-new-support", "1", "-new-precision", "0"}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "micro ") || !strings.HasPrefix(lines[1], "new | entries kept per fold: ") {
		t.Errorf("output:\n%s\nwant the figures and the entries kept", out.String())
	}
	out.Reset()
	if err := run([]string{"-train", tiny, "-folds", "2", "-fast", "-config", `{"min_count": 1}`, "-new", over, "-new-support", "1", "-new-precision", "0", "-new-entries"}, &out); err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "new entry | peace | lasting | ") || !strings.HasSuffix(lines[2], " of 2 folds") {
		t.Errorf("output with -new-entries:\n%s\nwant a third line for the entry", out.String())
	}
	if err := run([]string{"-train", tiny, "-new", over}, io.Discard); err == nil || !strings.Contains(err.Error(), "-fast") {
		t.Errorf("-new without -fast: error %v, want one naming -fast", err)
	}
	if err := run([]string{"-train", tiny, "-fast", "-new", over + ".none"}, io.Discard); err == nil || !strings.Contains(err.Error(), "new.lex.none") {
		t.Errorf("missing -new file: error %v, want one naming it", err)
	}
}

// TestTrainConfig checks the configuration a run trains with: learn's
// zero value, or the built-in model's recipe with -shipped, each
// overlaid by the fields -config names.
func TestTrainConfig(t *testing.T) {
	recipe := learn.DefaultModelConfig()
	tests := []struct {
		name    string
		shipped bool
		config  string
		want    learn.Config
	}{
		{"zero value", false, "", learn.Config{}},
		{"config alone", false, `{"min_count": 3}`, learn.Config{MinCount: 3}},
		{"shipped recipe", true, "", recipe},
		{"shipped recipe, one field changed", true, `{"min_count": 3}`,
			learn.Config{MinCount: 3, Objective: recipe.Objective, OwnThreshold: recipe.OwnThreshold}},
		{"shipped recipe, objective overridden", true, `{"objective": "device", "own_threshold": []}`,
			learn.Config{Objective: learn.ObjectiveDevice, OwnThreshold: []string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := trainConfig(tt.shipped, tt.config)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := trainConfig(true, `{"objectiv": "micro"}`); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("misspelt field with -shipped: error %v, want unknown field", err)
	}
}
