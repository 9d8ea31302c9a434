package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// TestNothingLost covers "nothing lost, or the exit code says so" for the
// inputs: every row and line of a broken file is a record or a reported
// error, and odd encodings and line endings are read, not mangled.
func TestNothingLost(t *testing.T) {
	quoteErr := relDir + "unclosed-quote.csv:6: csv quote: the quote opened on line 6 is never closed (it runs to the end of the file); the lines after it are read as rows"
	runRelCases(t, []relCase{
		{name: "unclosed CSV quote", args: []string{relDir + "unclosed-quote.csv"}, code: 1,
			stderr: []string{quoteErr, "rhetorica: 999 statements analysed, 1 input failed"}, in: 1000, out: 999},
		{name: "unclosed CSV quote, lazy quotes", args: []string{"--lazy-quotes", relDir + "unclosed-quote.csv"}, code: 1,
			stderr: []string{quoteErr}, in: 1000, out: 999},
		{name: "ragged CSV rows", args: []string{relDir + "ragged.csv"}, code: 1,
			stderr: []string{relDir + "ragged.csv:3: row has 2 fields, the header has 3", relDir + "ragged.csv:4: row has 4 fields",
				relDir + "ragged.csv:6: row has 1 fields", relDir + "ragged.csv:7: row has 5 fields", relDir + "ragged.csv:8: csv quote: bare \""},
			in: 8, out: 3, stdout: []string{`"id":"g1"`, `"id":"g2"`, `"id":"g3"`}},
		{name: "broken front matter", args: []string{relDir + "broken-front-matter.md", relDir + "fine.txt"}, code: 1,
			stderr: []string{relDir + "broken-front-matter.md: broken front matter: line 3: "}, in: 2, out: 1},
		{name: "empty statement gets a note", args: []string{relDir + "empty.txt", relDir + "fine.txt"}, code: 0,
			stderr: []string{relDir + "empty.txt: note: empty statement (no words); its report has zero counts"}, in: 2, out: 2},
		{name: "CR-only front matter", args: []string{relDir + "cr-only.md"}, in: 1, out: 1,
			stdout: []string{`"id":"cr-md","speaker":"Ruritania"`, `"sentences":2`}},
		{name: "CR-only text", args: []string{relDir + "cr-only.txt"}, in: 1, out: 1, stdout: []string{`"sentences":2`}},
		{name: "CR-only JSONL", args: []string{relDir + "cr-only.jsonl"}, in: 5, out: 5, stdout: []string{`"id":"j1"`, `"id":"j5"`}},
		{name: "CR-only CSV", args: []string{relDir + "cr-only.csv"}, in: 5, out: 5, stdout: []string{`"id":"c1","speaker":"S1"`, `"id":"c5"`}},
		{name: "UTF-16 without BOM", args: []string{relDir + "utf16-nobom.txt", relDir + "utf16-nobom.jsonl", relDir + "utf16-nobom.csv"},
			in: 5, out: 5, stdout: []string{`"words":9`, `"id":"u2"`, `"id":"v2"`}},
		{name: "unknown extension named", args: []string{relDir + "fine.txt", "go.sum"}, code: 1,
			stderr: []string{`go.sum: unknown input format ".sum"`}, in: 2, out: 1},
	})
}

// TestOutputIsInput checks that -o naming an input is refused before
// anything is read or written, also when the input is found in a folder.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "s.jsonl")
	data, err := os.ReadFile(relDir + "statements.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, data, 0o644)
	for _, target := range []string{in, dir} {
		o := runRel(t, "", "-o", in, target)
		if o.code != 1 || !strings.Contains(o.stderr, "rhetorica: -o "+in+" is also an input ("+filepath.ToSlash(in)+"): writing it would destroy it") {
			t.Errorf("%s: code %d, stderr %q", target, o.code, o.stderr)
		}
		if got, _ := os.ReadFile(in); !bytes.Equal(got, data) {
			t.Fatalf("%s: the input was changed (%d bytes, was %d)", target, len(got), len(data))
		}
	}
}

// TestOutputIsAnnotatedInput checks that train, lexicon suggest and eval
// refuse to write their output over the annotated file they read, which
// would replace a user's annotations with a model, a draft lexicon or
// predictions.
func TestOutputIsAnnotatedInput(t *testing.T) {
	data, err := os.ReadFile("testdata/cli/suggest/small.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args func(gold string) []string
	}{
		{"train -o", func(gold string) []string { return []string{"train", "--annotated", gold, "-o", gold} }},
		{"lexicon suggest -o", func(gold string) []string {
			return []string{"lexicon", "suggest", "--annotated", gold, "--min-support", "2", "-o", gold}
		}},
		{"eval --predictions", func(gold string) []string { return []string{"eval", "--resamples", "0", "--predictions", gold, gold} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gold := filepath.Join(t.TempDir(), "gold.jsonl")
			if err := os.WriteFile(gold, data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCLI(t, "", tt.args(gold)...)
			if want := "is also an input (" + gold + "): writing it would destroy it"; code != 1 || !strings.Contains(stderr, want) {
				t.Errorf("code %d, stderr %q; want 1 and %q", code, stderr, want)
			}
			if got, _ := os.ReadFile(gold); !bytes.Equal(got, data) {
				t.Errorf("the annotated file was changed (%d bytes, was %d)", len(got), len(data))
			}
		})
	}
}

// TestOutputDirMissing checks that an output that cannot be created is
// named as the user gave it, not by the temporary file it is written
// through.
func TestOutputDirMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	tests := []struct {
		name string
		out  string
		args []string
	}{
		{"analyze -o", dir + "/out.json", withLex("analyze", "-o", dir+"/out.json", relDir+"fine.txt")},
		{"compare -o", dir + "/out.csv", withLex("compare", "--by", "speaker", "-o", dir+"/out.csv", "testdata/cli/statements.csv")},
		{"lexicon convert", dir + "/out.lex", []string{"lexicon", "convert", "testdata/cli/lexicons/test.lex", dir + "/out.lex"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			want := "rhetorica: " + filepath.ToSlash(tt.out) + ": no such file or directory\n"
			if code != 1 || stderr != want {
				t.Errorf("code %d, stderr %q; want 1 and %q", code, stderr, want)
			}
		})
	}
}

// TestOutputFileAtomic checks that -o is written under a temporary name and
// renamed: a run leaves no temporary file, and output stopped by --strict
// is still a valid, closed JSON array.
func TestOutputFileAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	os.WriteFile(out, []byte("old"), 0o600)
	code, _, stderr := runCLI(t, "", withLex("analyze", "--strict", "-o", out, relDir+"ragged.csv")...)
	if code != 1 || !strings.Contains(stderr, "failed; stopped by --strict") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(out)
	var reports []rhetoric.Report
	if err := json.Unmarshal(data, &reports); err != nil || len(reports) != 1 || reports[0].ID != "g1" {
		t.Errorf("output %q (%v), want a JSON array with g1", data, err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the output folder: %v", entries)
	}
}

// TestBadReport checks that a report the encoder refuses fails its
// statement, named, and leaves the JSON array valid and closed.
func TestBadReport(t *testing.T) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	s := &jsonSink{w: w}
	good := &rhetoric.Report{ID: "good"}
	bad := &rhetoric.Report{ID: "bad", Devices: []rhetoric.DeviceScore{{Device: "blame", Weight: math.Inf(1)}}}
	var failed []string
	for _, r := range []*rhetoric.Report{good, bad, good} {
		var br *badReport
		if err := s.report(r, ""); err != nil {
			if !errors.As(err, &br) {
				t.Fatalf("%s: error %v is not a badReport", r.ID, err)
			}
			failed = append(failed, r.ID)
		}
	}
	s.finish()
	w.Flush()
	var reports []rhetoric.Report
	if err := json.Unmarshal(b.Bytes(), &reports); err != nil || len(reports) != 2 || len(failed) != 1 {
		t.Errorf("output %q (%v), failed %v", b.String(), err, failed)
	}
}

// TestSymlinks checks that a symlinked folder named without a trailing
// slash is read, that symlinked files inside folders are followed, and
// that a broken link and a loop are reported, not skipped silently.
func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	speeches := filepath.Join(dir, "speeches")
	os.Mkdir(speeches, 0o755)
	os.WriteFile(filepath.Join(speeches, "a.txt"), []byte("We call for dialogue."), 0o644)
	d := filepath.Join(dir, "d")
	os.Mkdir(d, 0o755)
	for link, target := range map[string]string{
		filepath.Join(dir, "link"):   speeches,
		filepath.Join(d, "b.txt"):    filepath.Join(speeches, "a.txt"),
		filepath.Join(d, "loop"):     d,
		filepath.Join(d, "gone.txt"): filepath.Join(dir, "nowhere.txt"),
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	link := filepath.ToSlash(filepath.Join(dir, "link"))
	c := relCase{code: 0, in: 1, out: 1, stdout: []string{`"id":"` + link + `/a.txt"`}}
	c.check(t, runRel(t, "", link))

	dd := filepath.ToSlash(d)
	c = relCase{code: 1, in: 3, out: 1, stderr: []string{
		dd + "/gone.txt: symbolic link not followed: no such file or directory",
		dd + "/loop: symbolic link not followed: it leads back to a folder being read (a loop)"},
		stdout: []string{`"id":"` + dd + `/b.txt"`}}
	c.check(t, runRel(t, "", dd))
}

// TestOutputDevice checks that -o naming a device is written directly and
// that a failed write is reported with exit 1.
func TestOutputDevice(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	code, _, stderr := runCLI(t, "", withLex("analyze", "--format", "json", "-o", "/dev/full", relDir+"fine.txt")...)
	want := "rhetorica: writing output: /dev/full: no space left on device; the output is incomplete (1 statement analysed)"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("code %d, stderr %q; want 1 and %q", code, stderr, want)
	}
}
