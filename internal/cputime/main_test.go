package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMain lets the test binary stand in for the timed command: with
// CPUTIME_CHILD set it burns some CPU, writes to its output and exits with
// the status the variable names.
func TestMain(m *testing.M) {
	if s := os.Getenv("CPUTIME_CHILD"); s != "" {
		n := 0
		for i := range 50_000_000 {
			n += i & 7
		}
		os.Stdout.WriteString("child output " + strconv.Itoa(n%2) + "\n")
		code, _ := strconv.Atoi(s)
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// fields parses a cputime line: user, system and wall seconds, RSS KiB.
func fields(t *testing.T, line string) (user, sys, wall float64, rss int64) {
	t.Helper()
	f := strings.Fields(line)
	if len(f) != 4 || !strings.HasSuffix(line, "\n") {
		t.Fatalf("line %q: want four fields and a newline", line)
	}
	var err error
	parse := func(s string) float64 {
		v, e := strconv.ParseFloat(s, 64)
		if e != nil {
			err = e
		}
		return v
	}
	user, sys, wall = parse(f[0]), parse(f[1]), parse(f[2])
	rss, e := strconv.ParseInt(f[3], 10, 64)
	if err != nil || e != nil {
		t.Fatalf("line %q: %v %v", line, err, e)
	}
	return user, sys, wall, rss
}

func TestRun(t *testing.T) {
	tests := []struct {
		name, exit string
		want       int
	}{
		{"success", "0", 0},
		{"the command's status is cputime's", "3", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CPUTIME_CHILD", tt.exit)
			out := filepath.Join(t.TempDir(), "times")
			var stdout, stderr bytes.Buffer
			got := run([]string{"-o", out, os.Args[0]}, nil, &stdout, &stderr)
			if got != tt.want {
				t.Errorf("status %d, want %d (stderr %q)", got, tt.want, stderr.String())
			}
			if diff := cmp.Diff("child output 0\n", stdout.String()); diff != "" {
				t.Errorf("the command's output (-want +got):\n%s", diff)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			user, sys, wall, rss := fields(t, string(b))
			// The child counted to 50 million: some milliseconds of CPU,
			// which GNU time's 10 ms steps could show as 0.
			if user+sys <= 0 || wall <= 0 || (rss <= 0) == haveRSS {
				t.Errorf("line %q: want CPU and wall time above 0, and RSS too where the system reports it (%v)", b, haveRSS)
			}
			if user+sys > wall*float64(runtime.NumCPU())+0.01 {
				t.Errorf("line %q: more CPU than the machine could give in its wall time", b)
			}
		})
	}
}

func TestRunWithoutFile(t *testing.T) {
	t.Setenv("CPUTIME_CHILD", "0")
	var stdout, stderr bytes.Buffer
	if got := run([]string{os.Args[0]}, nil, &stdout, &stderr); got != 0 {
		t.Fatalf("status %d (stderr %q)", got, stderr.String())
	}
	fields(t, stderr.String())
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"no command", nil, 2, "usage: cputime"},
		{"unknown flag", []string{"-x", "true"}, 2, "flag provided but not defined"},
		{"command not found", []string{filepath.Join(t.TempDir(), "none")}, 1, "cputime: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(tt.args, nil, &stdout, &stderr)
			if got != tt.want || !strings.Contains(stderr.String(), tt.msg) {
				t.Errorf("status %d, stderr %q; want %d and %q", got, stderr.String(), tt.want, tt.msg)
			}
		})
	}
}
