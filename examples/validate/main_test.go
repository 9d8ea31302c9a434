package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// TestRun runs the walk-through and checks what its reader relies on: the
// missed blame sentences are the three that say "complicit", and the
// overlay that adds the word raises blame's F1 under lexicon counting.
// The whole output is a golden file (go test -update rewrites it).
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, "testdata/validate"); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	testutil.Golden(t, filepath.Join("testdata", "output.golden"), []byte(got))
	for _, want := range []string{
		"1. The default analysis on 40 annotated sentences",
		"v02: Moscow is complicit in every crime",
		"v03: Those who armed the militias are complicit",
		"v10: Washington has been complicit",
		"blame F1    0.667  0.815      +0.148",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// Only the sentences that say "complicit" are missed.
	missed := got[strings.Index(got, "2. Blame"):strings.Index(got, "3. Lexicon")]
	if n := strings.Count(missed, "\nv"); n != 3 {
		t.Errorf("%d missed blame sentences, want 3:\n%s", n, missed)
	}
}

// TestRunMissingDir checks that a wrong folder is an error naming it.
func TestRunMissingDir(t *testing.T) {
	err := run(context.Background(), &bytes.Buffer{}, "testdata/no-such-folder")
	if err == nil || !strings.Contains(err.Error(), "no-such-folder") {
		t.Fatalf("run: %v, want an error naming the folder", err)
	}
}
