package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// TestReproducesDefault checks that lexfit rebuilds lexicon/default.lex
// byte for byte from testdata/base.lex and ../shared/eval/train.jsonl.
func TestReproducesDefault(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: the plain run covers this single-threaded computation")
	}
	if testing.Short() {
		t.Skip("the 5-fold fit takes a few seconds of CPU")
	}
	shared := testutil.SharedDir(t, filepath.Join("eval", "train.jsonl"))
	data := filepath.Join(shared, "eval", "train.jsonl")
	out := filepath.Join(t.TempDir(), "default.lex")
	if err := run(io.Discard, io.Discard, data, filepath.Join("testdata", "base.lex"), out, filepath.Join(shared, "CODEBOOK.md"), 5, 60); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(testutil.ModuleRoot(t), "lexicon", "default.lex"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("lexfit no longer reproduces lexicon/default.lex: run go run ./internal/lexfit -o lexicon/default.lex and check the diff")
	}
}
