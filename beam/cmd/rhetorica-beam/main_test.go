package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"
)

func TestMain(m *testing.M) {
	if os.Getenv("RHETORICA_BEAM_LOG") == "" {
		slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	ptest.Main(m)
}

func runCmd(t *testing.T, c config) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), c, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCmd(t, config{input: "../../rhetoricbeam/testdata/shards/*.jsonl", output: dir,
		by: "speaker", compare: "Lavrov,Blinken", reports: true, csv: true, inputFormat: "auto"})
	if code != 1 || !strings.Contains(stderr, "3 records did not become reports; see "+dir+"/bad.jsonl") {
		t.Errorf("exit %d, stderr %q; want 1 and the 3 bad records", code, stderr)
	}
	if want := "7 statements read, 6 reports, 3 bad records; wrote all.jsonl, profiles.jsonl, compare.jsonl, reports.jsonl, reports.csv, bad.jsonl\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	count := func(name string) int {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return bytes.Count(data, []byte{'\n'})
	}
	got := map[string]int{}
	for _, f := range []string{"all.jsonl", "profiles.jsonl", "compare.jsonl", "reports.jsonl", "reports.csv", "bad.jsonl"} {
		got[f] = count(filepath.Join(dir, f))
	}
	want := map[string]int{"all.jsonl": 1, "profiles.jsonl": 3, "compare.jsonl": 1, "reports.jsonl": 6, "reports.csv": 7, "bad.jsonl": 3}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines per file (-want +got):\n%s", diff)
	}

	// A clean input exits 0, with an empty bad.jsonl.
	clean := filepath.Join(t.TempDir(), "ok.jsonl")
	os.WriteFile(clean, []byte(`{"id":"1","speaker":"A","text":"We call for dialogue."}`+"\n"), 0o644)
	dir2 := t.TempDir()
	if code, _, stderr := runCmd(t, config{input: clean, output: dir2, inputFormat: "auto"}); code != 0 || count(filepath.Join(dir2, "bad.jsonl")) != 0 {
		t.Errorf("clean input: exit %d, stderr %q", code, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	out := t.TempDir()
	for _, tt := range []struct {
		name string
		c    config
		code int
		msg  string
	}{
		{"no input", config{output: out}, 2, "--input and --output are required"},
		{"bad format", config{input: "x", output: out, inputFormat: "xml"}, 2, `unknown input format "xml"`},
		{"compare without by", config{input: "x", output: out, compare: "a,b"}, 2, "--compare needs --by KEY"},
		{"compare one group", config{input: "x", output: out, by: "speaker", compare: "a"}, 2, "--compare wants two groups"},
		{"missing lexicon", config{input: "x", output: out, lexicons: []string{filepath.Join(out, "none.lex")}}, 1, "none.lex"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.c)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.msg)
			}
		})
	}
}

// TestReadmeScaleOut runs the "go run ./cmd/rhetorica-beam" lines of the
// README's Scale out section and checks the output the README shows after
// each (the "# ..." line that follows it).
func TestReadmeScaleOut(t *testing.T) {
	data, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(data), "\n## Scale out\n")
	if !ok {
		t.Fatal("README.md has no Scale out section")
	}
	sec, _, _ = strings.Cut(sec, "\n## ")
	t.Chdir("../..") // the README's commands run in beam/
	lines := strings.Split(sec, "\n")
	ran := 0
	for i, line := range lines {
		args, ok := strings.CutPrefix(line, "go run ./cmd/rhetorica-beam ")
		if !ok {
			continue
		}
		var c config
		fs := flag.NewFlagSet("rhetorica-beam", flag.ContinueOnError)
		c.register(fs)
		fields := strings.Fields(strings.ReplaceAll(args, "'", ""))
		if err := fs.Parse(fields); err != nil {
			t.Fatalf("README: %q: %v", line, err)
		}
		c.output = t.TempDir()
		code, stdout, stderr := runCmd(t, c)
		want := ""
		if i+1 < len(lines) {
			want, _ = strings.CutPrefix(lines[i+1], "# ")
		}
		if code != 0 || strings.TrimSpace(stdout) != want {
			t.Errorf("README: %q: exit %d, output %q, stderr %q; the README shows %q", line, code, stdout, stderr, want)
		}
		ran++
	}
	if ran == 0 {
		t.Error("no rhetorica-beam command in the README's Scale out section")
	}
}
