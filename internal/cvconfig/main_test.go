package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
