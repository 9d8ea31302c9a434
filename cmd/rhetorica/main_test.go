package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// moduleRoot is the repository root; the tests run from it so that paths in
// outputs read "testdata/cli/..." as in the README.
var moduleRoot string

func TestMain(m *testing.M) {
	flag.Parse()
	var err error
	if moduleRoot, err = testutil.Root(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.Chdir(moduleRoot); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// runCLI runs the command in-process.
func runCLI(t testing.TB, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// checkGolden compares got with testdata/cli/golden/name, or rewrites it
// with -update. An absent golden file means the output must be empty.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", "cli", "golden", name), []byte(got))
}

// lex are the flags that select the tests' own lexicon, so that goldens do
// not change when the built-in lexicon is improved.
var lex = []string{"--no-default", "--lexicon", "testdata/cli/lexicons/test.lex"}

func args(a ...string) []string { return a }

func withLex(cmd string, a ...string) []string {
	return append(append([]string{cmd}, lex...), a...)
}

func TestGolden(t *testing.T) {
	const (
		dir   = "testdata/cli/statements"
		jsonl = "testdata/cli/statements.jsonl"
		csvf  = "testdata/cli/statements.csv"
	)
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		// every input format, every output format
		{"analyze-dir-table", withLex("analyze", dir), "", 0},
		{"analyze-dir-json", withLex("analyze", "--format", "json", dir), "", 0},
		{"analyze-jsonl-jsonl", withLex("analyze", "--format", "jsonl", jsonl), "", 0},
		{"analyze-csv-csv", withLex("analyze", "--format", "csv", csvf), "", 0},
		{"analyze-all-csv", withLex("analyze", "--format", "csv", dir, jsonl, csvf), "", 0},
		{"analyze-stdin-text", withLex("analyze", "--format", "jsonl", "-"), "We blame Moscow. Dialogue, not threats.\n", 0},
		{"analyze-stdin-jsonl", withLex("analyze", "--input-format", "jsonl", "--format", "csv", "-"),
			`{"id":"s1","speaker":"X","text":"A ceasefire now."}` + "\n" + `{"id":"s2","text":"The danger is grave."}` + "\n", 0},
		{"analyze-flags-after-paths", withLex("analyze", csvf, "--format", "jsonl", "--devices", "blame,peace"), "", 0},
		{"analyze-csv-text-col", withLex("analyze", "--input-format", "csv", "--format", "csv", "--text-col", "headline", "testdata/cli/bad/notext.csv"), "", 0},
		{"analyze-tsv-table", withLex("analyze", "testdata/cli/statements.tsv"), "", 0},
		{"analyze-merge", append(withLex("analyze", "--lexicon", "testdata/cli/lexicons/extra.lex", "--devices", "humanitarian,blame", "--format", "csv"), dir), "", 0},
		{"analyze-html", withLex("analyze", "--format", "html", "--by", "country", dir, "testdata/cli/xss.md"), "", 0},

		// hit-level data and concordances
		{"analyze-hits", withLex("analyze", "--format", "hits", "--meta-cols", "country,title", dir), "", 0},
		{"analyze-hits-jsonl", withLex("analyze", "--format", "hits-jsonl", "--meta-cols", "country", jsonl), "", 0},
		{"kwic-table", withLex("kwic", "--device", "blame,peace", dir, jsonl), "", 0},
		{"kwic-entry-csv", withLex("kwic", "--entry", "dialogue", "--window", "2", "--format", "csv", dir, jsonl, csvf), "", 0},
		{"kwic-json-counted", withLex("kwic", "--counted", "--format", "json", "--device", "threat", dir), "", 0},
		{"kwic-transcript-csv", withLex("kwic", "--format", "csv", "testdata/cli/transcript.md"), "", 0},
		{"kwic-transcript-counted-csv", withLex("kwic", "--counted", "--exclude-speaker", "Q", "--format", "csv", "testdata/cli/transcript.md"), "", 0},
		{"usage-kwic-device", withLex("kwic", "--device", "sarcasm", dir), "", 2},
		{"usage-kwic-entry", withLex("kwic", "--entry", "blame", dir), "", 2},
		{"usage-meta-cols", withLex("analyze", "--meta-cols", "country", dir), "", 2},
		{"usage-out-xlsx", withLex("analyze", "-o", "out.xlsx", dir), "", 2},
		{"usage-hits-by", withLex("analyze", "--format", "hits", "--by", "speaker", dir), "", 2},

		// the CSV column flags need a CSV or TSV input to apply to
		{"usage-text-col-jsonl", withLex("analyze", "--text-col", "body", "--format", "csv", jsonl), "", 2},
		{"usage-columns-dir", withLex("analyze", "--id-col", "link", "--speaker-col", "author", "--lazy-quotes", dir), "", 2},
		{"usage-text-col-stdin", withLex("kwic", "--text-col", "body", "-"), "id,body\nx,We blame Moscow.\n", 2},
		{"analyze-id-col-mixed", withLex("analyze", "--id-col", "speaker", "--format", "csv", jsonl, csvf), "", 0},
		{"analyze-text-col-stdin-csv", withLex("analyze", "--input-format", "csv", "--text-col", "body", "--format", "csv", "-"), "id,body\nx,We blame Moscow.\n", 0},
		{"text-col-missing-file", withLex("analyze", "--text-col", "body", "--format", "csv", "testdata/cli/nope.csv"), "", 1},

		// time
		{"analyze-over-table", withLex("analyze", "--by", "country", "--over", "date:year", dir, jsonl), "", 0},
		{"analyze-over-csv", withLex("analyze", "--over", "date:month", "--format", "csv", dir, jsonl), "", 0},
		{"analyze-over-json", withLex("analyze", "--by", "speaker", "--over", "date", "--format", "json", dir), "", 0},
		{"analyze-over-html", withLex("analyze", "--by", "country", "--over", "date:month", "--format", "html", dir, jsonl), "", 0},
		{"usage-over-bucket", withLex("analyze", "--over", "date:week", dir), "", 2},
		{"analyze-over-turns-csv", withLex("analyze", "--by", "speaker", "--over", "date:month", "--exclude-speaker", "Q", "--format", "csv", "testdata/cli/transcript.md"), "", 0},
		{"usage-over-matrix", withLex("analyze", "--over", "date:year", "--format", "matrix", dir), "", 2},
		{"usage-over-matrix-json", withLex("analyze", "--over", "date:year", "--format", "matrix-json", dir), "", 2},

		// aggregation
		{"by-speaker-table", withLex("analyze", "--by", "speaker", jsonl, csvf), "", 0},
		{"by-country-csv", withLex("analyze", "--by", "country", "--format", "csv", jsonl, csvf, dir), "", 0},
		{"by-file-json", withLex("analyze", "--by", "file", "--format", "json", jsonl, csvf), "", 0},
		{"by-speaker-jsonl", withLex("analyze", "--by", "speaker", "--format", "jsonl", csvf), "", 0},
		{"by-turn-speaker-jsonl", withLex("analyze", "--by", "speaker", "--exclude-speaker", "Q", "--format", "jsonl", "testdata/cli/transcript.md"), "", 0},
		{"analyze-turns-json", withLex("analyze", "--exclude-speaker", "Q", "--format", "json", "testdata/cli/transcript.md"), "", 0},

		// who frames whom
		{"analyze-matrix", withLex("analyze", "--format", "matrix", jsonl, csvf), "", 0},
		{"analyze-matrix-json-by", withLex("analyze", "--format", "matrix-json", "--by", "speaker", csvf), "", 0},
		{"analyze-matrix-json-by-empty", withLex("analyze", "--format", "matrix-json", "--by", "speaker", "testdata/cli/transcript.md"), "", 0},
		{"usage-bad-turn-label", withLex("analyze", "--turn-label", "(", csvf), "", 2},

		// evaluation: scores, intervals, agreement and the confusion table
		{"eval-table", withLex("eval", "--no-model", "--resamples", "200", "testdata/eval/annotated.jsonl"), "", 0},

		// compare
		{"compare-table", withLex("compare", "--by", "speaker", "Foreign Minister", "Spokesperson", dir, jsonl, csvf), "", 0},
		{"compare-flags-json", withLex("compare", "--by", "country", "--a", "Freedonia", "--b", "Ruritania", "--format", "json", jsonl, csvf), "", 0},
		{"compare-two-groups-csv", withLex("compare", "--by", "speaker", "--format", "csv", "--sort", csvf), "", 0},
		{"compare-unknown-group", withLex("compare", "--by", "speaker", "--a", "Nobody", "--b", "Spokesperson", csvf), "", 2},
		// an input failed: its statements may be the missing group, so the
		// exit code is the failure's (1), not a usage error's
		{"compare-unknown-group-input-failed", withLex("compare", "--by", "speaker", "--a", "Nobody", "--b", "Spokesperson", csvf, "testdata/cli/nope.md"), "", 1},
		{"compare-all-inputs-failed", withLex("compare", "--by", "speaker", "testdata/cli/nope.md"), "", 1},
		{"compare-many-groups", withLex("compare", "--by", "id", csvf), "", 2},
		{"compare-key-absent", withLex("compare", "--by", "nokey", csvf), "", 2},
		{"compare-key-absent-named", withLex("compare", "--by", "nokey", "--a", "x", "--b", "y", csvf), "", 2},
		{"compare-one-group", withLex("compare", "--by", "speaker", "--input-format", "jsonl", "-"),
			`{"speaker":"X","text":"We blame them."}` + "\n" + `{"speaker":"X","text":"A ceasefire now."}` + "\n", 2},
		{"compare-one-group-named", withLex("compare", "--by", "speaker", "--a", "X", "--b", "Y", "--input-format", "jsonl", "-"),
			`{"speaker":"X","text":"We blame them."}` + "\n", 2},
		{"compare-no-statements", withLex("compare", "--by", "speaker", "--input-format", "jsonl", "-"), "", 2},
		{"usage-compare-prior-zero", withLex("compare", "--by", "speaker", "--prior", "0", csvf), "", 2},
		{"usage-compare-prior-nan", withLex("compare", "--by", "speaker", "--prior", "NaN", csvf), "", 2},
		{"usage-compare-prior-inf", withLex("compare", "--by", "speaker", "--prior", "+Inf", csvf), "", 2},

		// bad input: every statement yields a record or an error line
		{"bad-jsonl", withLex("analyze", "--format", "jsonl", "testdata/cli/bad/rows.jsonl"), "", 1},
		{"bad-csv", withLex("analyze", "--format", "csv", "testdata/cli/bad/rows.csv"), "", 1},
		{"bad-strict", withLex("analyze", "--strict", "--format", "jsonl", "testdata/cli/bad/rows.jsonl", csvf), "", 1},
		{"csv-no-text-column", withLex("analyze", "--format", "csv", "testdata/cli/bad/notext.csv", csvf), "", 1},
		{"csv-named-column-missing", withLex("analyze", "--text-col", "speech", "--format", "csv", csvf), "", 1},
		{"missing-file", withLex("analyze", "--format", "csv", "testdata/cli/nope.md", csvf), "", 1},
		{"unknown-extension", withLex("analyze", "--format", "csv", "testdata/cli/lexicons/test.lex"), "", 1},
		{"bad-lexicon", args("analyze", "--no-default", "--lexicon", "testdata/cli/lexicons/bad.lex", csvf), "", 1},
		{"missing-lexicon", args("analyze", "--no-default", "--lexicon", "testdata/cli/lexicons/nope.lex", csvf), "", 1},

		// lexicon commands
		{"lexicon-check-ok", args("lexicon", "check", "testdata/cli/lexicons/test.lex", "testdata/cli/lexicons/extra.lex"), "", 0},
		{"lexicon-check-bad", args("lexicon", "check", "testdata/cli/lexicons/test.lex", "testdata/cli/lexicons/bad.lex"), "", 1},
		{"lexicon-show", args("lexicon", "show", "testdata/cli/lexicons/test.lex"), "", 0},
		{"lexicon-show-entries", args("lexicon", "show", "--entries", "testdata/cli/lexicons/extra.lex"), "", 0},
		{"lexicon-convert-liwc", args("lexicon", "convert", "--to", "liwc", "testdata/cli/lexicons/test.lex", "-"), "", 0},
		{"lexicon-convert-lex", args("lexicon", "convert", "testdata/cli/lexicons/test.lex", "-"), "", 0},
		{"lexicon-convert-dicx", args("lexicon", "convert", "--to", "dicx", "testdata/cli/lexicons/test.lex", "-"), "", 0},
		{"lexicon-convert-strict", args("lexicon", "convert", "--strict", "--to", "liwc", "testdata/cli/lexicons/test.lex", "-"), "", 1},
		{"lexicon-convert-vader", args("lexicon", "convert", "--to", "dicx", "testdata/cli/lexicons/vader.txt", "-"), "", 0},
		{"lexicon-check-warnings", args("lexicon", "check", "testdata/cli/lexicons/valence.dicx", "testdata/cli/lexicons/vader.txt", "testdata/cli/lexicons/afinn.txt"), "", 0},
		{"lexicon-check-strict", args("lexicon", "check", "--strict", "testdata/cli/lexicons/afinn.txt"), "", 1},
		{"lexicon-show-warnings", args("lexicon", "show", "--entries", "testdata/cli/lexicons/afinn.txt"), "", 0},
		{"analyze-valence", args("analyze", "--no-default", "--lexicon", "testdata/cli/lexicons/afinn.txt", "--lexicon", "testdata/cli/lexicons/vader.txt", "--format", "jsonl", "-"),
			"They abandon the talks; we support the breakthrough :-D but can't stand delay.\n", 0},
		{"analyze-lang-ru-english-lexicon", withLex("analyze", "--lang", "ru", "--format", "csv", "testdata/cli/statements.tsv"), "", 0},
		{"lexicon-suggest", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/small.jsonl", "--lexicon", "testdata/cli/lexicons/test.lex", "--no-default", "--min-support", "2", "--min-z", "0.5", "--prior", "10"), "", 0},
		{"lexicon-suggest-device", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/small.jsonl", "--device", "peace", "--min-support", "2", "--min-z", "0.5", "--prior", "10"), "", 0},
		{"lexicon-suggest-bad", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/bad.jsonl"), "", 1},
		{"lexicon-suggest-missing", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/nope.jsonl"), "", 1},
		{"lexicon-suggest-wordnet", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/wordnet.jsonl", "--lexicon", "testdata/cli/lexicons/test.lex", "--no-default", "--device", "blame", "--min-support", "2", "--prior", "10", "--wordnet", "lexicon/suggest/wordnet/testdata"), "", 0},
		{"lexicon-suggest-wordnet-missing", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/wordnet.jsonl", "--wordnet", "testdata/cli/nope"), "", 1},
		{"usage-suggest-none", args("lexicon", "suggest"), "", 2},
		{"usage-suggest-prior-nan", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/small.jsonl", "--prior", "NaN"), "", 2},
		{"usage-suggest-precision-nan", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/small.jsonl", "--min-precision", "NaN"), "", 2},
		{"usage-suggest-z-nan", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/small.jsonl", "--min-z", "NaN"), "", 2},
		{"usage-suggest-device", args("lexicon", "suggest", "--annotated", "testdata/cli/suggest/small.jsonl", "--device", "irony"), "", 1},

		// usage errors
		{"usage-none", args(), "", 2},
		{"usage-unknown-command", args("analyse-this"), "", 2},
		{"usage-unknown-flag", args("analyze", "--colour", "red", "x.md"), "", 2},
		{"usage-unknown-format", withLex("analyze", "--format", "xml", csvf), "", 2},
		{"usage-unknown-input-format", withLex("analyze", "--input-format", "pdf", csvf), "", 2},
		{"usage-no-input", withLex("analyze"), "", 2},
		{"usage-stdin-twice", withLex("analyze", "--format", "csv", "-", "testdata/cli/statements.csv", "-"), "We blame Moscow.\n", 2},
		{"usage-kwic-stdin-twice", withLex("kwic", "-", "-"), "We blame Moscow.\n", 2},
		{"usage-bad-lang", withLex("analyze", "--lang", "klingon", csvf), "", 2},
		{"usage-unknown-device", withLex("analyze", "--devices", "blame,sarcasm", csvf), "", 2},
		{"usage-lexicon-format", withLex("analyze", "--lexicon", "testdata/cli/statements.csv", "testdata/cli/statements.csv"), "", 2},
		{"usage-no-default-alone", args("analyze", "--no-default", csvf), "", 2},
		{"usage-compare-no-by", withLex("compare", csvf), "", 2},
		{"usage-compare-html", withLex("compare", "--by", "speaker", "--format", "html", csvf), "", 2},
		{"usage-lexicon-sub", args("lexicon", "fix", "a.lex"), "", 2},
		{"usage-convert-args", args("lexicon", "convert", "a.lex"), "", 2},
		{"usage-convert-to", args("lexicon", "convert", "--to", "yaml", "testdata/cli/lexicons/test.lex", "-"), "", 2},
		{"usage-check-none", args("lexicon", "check"), "", 2},
		{"usage-eval-resamples", args("eval", "--resamples", "-1", "testdata/cli/suggest/small.jsonl"), "", 2},
		{"usage-eval-context", args("eval", "--context", "-5", "testdata/cli/suggest/small.jsonl"), "", 2},
		{"usage-train-context", args("train", "--context", "-5", "--annotated", "testdata/cli/suggest/small.jsonl", "-o", "testdata/cli/nope.model"), "", 2},
		{"usage-train-micro-weight", args("train", "--micro-weight", "0.5", "--annotated", "testdata/cli/suggest/small.jsonl", "-o", "testdata/cli/nope.model"), "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, tt.code, stderr)
			}
			ext := ".txt"
			for i, a := range tt.args {
				if a == "--format" && i+1 < len(tt.args) {
					ext = "." + tt.args[i+1]
				}
			}
			checkGolden(t, tt.name+ext, stdout)
			checkGolden(t, tt.name+".stderr", stderr)
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace on stderr:\n%s", stderr)
			}
		})
	}
}

// TestHelp checks that every command answers --help with examples and exit 0.
func TestHelp(t *testing.T) {
	for _, a := range [][]string{
		{"--help"}, {"help"}, {"help", "analyze"}, {"analyze", "--help"}, {"analyze", "-h"},
		{"compare", "--help"}, {"kwic", "--help"}, {"lexicon", "--help"}, {"lexicon", "check", "--help"},
		{"lexicon", "convert", "--help"}, {"lexicon", "show", "--help"}, {"lexicon", "suggest", "--help"},
		{"eval", "--help"}, {"eval", "-h"}, {"help", "eval"}, {"train", "--help"}, {"help", "train"}, {"serve", "--help"},
	} {
		t.Run(strings.Join(a, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", a...)
			if code != 0 {
				t.Errorf("exit code %d, stderr %q", code, stderr)
			}
			if !strings.Contains(stdout, "Usage") || !strings.Contains(stdout, "rhetorica") {
				t.Errorf("no usage on stdout:\n%s", stdout)
			}
			if a[0] != "lexicon" || len(a) > 2 {
				if !strings.Contains(stdout, "Examples:") {
					t.Errorf("no examples on stdout:\n%s", stdout)
				}
			}
		})
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.HasPrefix(stdout, "rhetorica "+version) {
		t.Errorf("--version: code %d, output %q", code, stdout)
	}
}

// TestOutputFile checks -o, the format taken from its extension, and that
// the statements and reports agree in number.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "scores.csv")
	code, stdout, stderr := runCLI(t, "", withLex("analyze", "-o", out, "testdata/cli/statements.csv")...)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("code %d stdout %q stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "id,speaker,words,sentences,blame_per1k,blame_hits,") {
		t.Errorf("unexpected CSV:\n%s", data)
	}
	code, _, stderr = runCLI(t, "", withLex("analyze", "-o", filepath.Join(dir, "no", "such", "dir.csv"), "testdata/cli/statements.csv")...)
	if code != 1 || !strings.Contains(stderr, "no such file or directory") {
		t.Errorf("unwritable -o: code %d stderr %q", code, stderr)
	}
}

// TestLongCSVField checks a field far over 128 KiB and CRLF line endings.
func TestLongCSVField(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("We call for dialogue and a ceasefire. ", 8000) // ~300 KB
	data := "id,speaker,text\r\nlong,A,\"" + long + "\"\r\nshort,B,The danger is real.\r\n"
	path := filepath.Join(dir, "long.csv")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", withLex("analyze", "--format", "csv", "--devices", "peace", path)...)
	if code != 0 {
		t.Fatalf("code %d stderr %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, r := range rows {
		got = append(got, []string{r[0], r[1], r[5]}) // id, speaker, peace_hits
	}
	want := [][]string{{"id", "speaker", "peace_hits"}, {"long", "A", "16000"}, {"short", "B", "0"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestUTF16 checks that UTF-16 is decoded in every format: a text file
// with a byte order mark, and JSONL and CSV without one (recognised by
// their NUL bytes).
func TestUTF16(t *testing.T) {
	dir := t.TempDir()
	utf16le := func(s string, bom bool) []byte {
		var enc []byte
		if bom {
			enc = []byte{0xFF, 0xFE}
		}
		for _, r := range s {
			enc = append(enc, byte(r), 0)
		}
		return enc
	}
	txt := filepath.Join(dir, "u16.txt")
	os.WriteFile(txt, utf16le("A ceasefire now.", true), 0o644)
	jl := filepath.Join(dir, "u16.jsonl")
	os.WriteFile(jl, utf16le(`{"id":"j","text":"A ceasefire now."}`+"\n", false), 0o644)
	cs := filepath.Join(dir, "u16.csv")
	os.WriteFile(cs, utf16le("id,text\r\nc,A ceasefire now.\r\n", false), 0o644)
	code, stdout, stderr := runCLI(t, "", withLex("analyze", "--format", "csv", "--devices", "peace", txt, jl, cs)...)
	if code != 0 {
		t.Errorf("code %d, want 0; stderr:\n%s", code, stderr)
	}
	for _, row := range []string{"u16.txt,,3,1,333.3333,1\n", "j,,3,1,333.3333,1\n", "c,,3,1,333.3333,1\n"} {
		if !strings.Contains(stdout, row) {
			t.Errorf("no row %q in:\n%s", row, stdout)
		}
	}
}

// TestDefaultLexicon runs the built-in lexicon end to end; its exact counts
// belong to the lexicon's own tests, so only the shape is checked here.
func TestDefaultLexicon(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "analyze", "--format", "csv", "testdata/cli/statements", "testdata/cli/statements.csv")
	if code != 0 {
		t.Fatalf("code %d, stderr:\n%s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 {
		t.Fatalf("%d rows, want a header and 7 statements:\n%s", len(rows), stdout)
	}
	header := strings.Join(rows[0], ",")
	for _, col := range []string{"blame_per1k", "blame_hits", "threat_hits", "international_law_hits", "peace_hits"} {
		if !strings.Contains(header, col) {
			t.Errorf("header lacks %s: %s", col, header)
		}
	}
	blame := slices.Index(rows[0], "blame_hits")
	if rows[1][0] != "minister-2024-03" || rows[1][blame] == "0" {
		t.Errorf("no blame found in the minister's statement: %v", rows[1])
	}
	code, stdout, _ = runCLI(t, "", "lexicon", "show")
	if code != 0 || !strings.Contains(stdout, "blame") || !strings.Contains(stdout, "negators") {
		t.Errorf("lexicon show: code %d\n%s", code, stdout)
	}
}

// TestLexiconConvertFile converts to files named by extension and reads
// them back.
func TestLexiconConvertFile(t *testing.T) {
	dir := t.TempDir()
	dic := filepath.Join(dir, "test.dic")
	lexf := filepath.Join(dir, "again.lex")
	if code, _, stderr := runCLI(t, "", "lexicon", "convert", "testdata/cli/lexicons/test.lex", dic); code != 0 {
		t.Fatalf("to .dic: code %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "", "lexicon", "check", dic)
	if code != 0 || !strings.Contains(stdout, "ok (4 categories, 14 entries") {
		t.Errorf("check .dic: code %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "", "lexicon", "convert", "testdata/cli/lexicons/test.lex", lexf); code != 0 {
		t.Fatalf("to .lex: code %d: %s", code, stderr)
	}
	_, want, _ := runCLI(t, "", "lexicon", "convert", "testdata/cli/lexicons/test.lex", "-")
	got, err := os.ReadFile(lexf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("file and standard output differ (-want +got):\n%s", diff)
	}
	// A failed conversion leaves no file behind.
	bad := filepath.Join(dir, "bad.lex")
	if code, _, _ := runCLI(t, "", "lexicon", "convert", "testdata/cli/lexicons/bad.lex", bad); code != 1 {
		t.Errorf("bad input: code %d, want 1", code)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed conversion created %s", bad)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
}
