package main

import (
	"fmt"
	"strings"
	"testing"
)

// The reliability tests (issue 11) run the command in-process on the files
// of testdata/reliability, one test file per class of defect:
// reliability_memory_test.go (bounded memory) and reliability_lost_test.go
// (nothing lost while the exit code says success). Each case checks the
// exit code, the message and the accounting: every statement in the input
// is either a record of the output or an error reported on standard error.

const relDir = "testdata/reliability/"

// relCase is one run of "rhetorica analyze --format jsonl" with the tests'
// lexicon.
type relCase struct {
	name   string
	args   []string // inputs and further flags
	stdin  string
	code   int
	stderr []string // substrings of standard error, in order
	in     int      // statements in the input; -1 skips the accounting
	out    int      // records expected in the output
	stdout []string // substrings of standard output
}

// outcome is what a run did.
type outcome struct {
	code           int
	stdout, stderr string
	records        int // JSONL records written
	problems       int // problem lines on standard error (not notes or summary)
}

func runRel(t *testing.T, stdin string, args ...string) outcome {
	t.Helper()
	code, stdout, stderr := runCLI(t, stdin, withLex("analyze", append([]string{"--format", "jsonl"}, args...)...)...)
	o := outcome{code: code, stdout: stdout, stderr: stderr}
	for line := range strings.Lines(stdout) {
		if strings.TrimSpace(line) != "" {
			o.records++
		}
	}
	for line := range strings.Lines(stderr) {
		if !strings.HasPrefix(line, "rhetorica: ") && !strings.Contains(line, ": note: ") {
			o.problems++
		}
	}
	return o
}

// check asserts the exit code, the messages and the accounting of c.
func (c relCase) check(t *testing.T, o outcome) {
	t.Helper()
	if o.code != c.code {
		t.Errorf("exit code %d, want %d; stderr:\n%s", o.code, c.code, o.stderr)
	}
	rest := o.stderr
	for _, want := range c.stderr {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Errorf("stderr lacks %q (in order); stderr:\n%s", want, o.stderr)
			break
		}
		rest = rest[i+len(want):]
	}
	for _, want := range c.stdout {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, o.stdout)
		}
	}
	if c.in < 0 {
		return
	}
	if o.records != c.out {
		t.Errorf("%d records out, want %d", o.records, c.out)
	}
	if o.records+o.problems != c.in {
		t.Errorf("accounting: %d statements in, %d records out + %d problems reported", c.in, o.records, o.problems)
	}
	if o.problems > 0 {
		summary := fmt.Sprintf("rhetorica: %s analysed, %s failed", plural(o.records, "statement"), plural(o.problems, "input"))
		if !strings.Contains(o.stderr, summary) {
			t.Errorf("stderr lacks the summary %q:\n%s", summary, o.stderr)
		}
	} else if o.code == exitOK && strings.Contains(o.stderr, " failed") {
		t.Errorf("exit 0 with failures reported:\n%s", o.stderr)
	}
}

func runRelCases(t *testing.T, cases []relCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, runRel(t, c.stdin, c.args...))
		})
	}
}
