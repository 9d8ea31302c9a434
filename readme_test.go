package rhetorica_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// The README is the user's manual; these tests keep it from drifting away
// from the code: its Go quickstart is the quickstart example verbatim, the
// output it shows is what that program prints, every shell command in it
// runs with the exit code it states, and every sample output it shows is
// what the command prints.

// block is a fenced code block of the README.
type block struct {
	lang   string // the info string: go, sh, text
	marker string // the HTML comment on the line before the fence, if any
	body   string
	line   int // line of the opening fence
}

func readmeBlocks(t *testing.T) []block {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var (
		blocks []block
		cur    *block
		prev   string
	)
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &block{lang: strings.TrimPrefix(line, "```"), line: i + 1}
			if strings.HasPrefix(prev, "<!--") {
				cur.marker = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(prev, "<!--"), "-->"))
			}
		case cur != nil && line == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.body += line + "\n"
		}
		if strings.TrimSpace(line) != "" {
			prev = line
		}
	}
	if cur != nil {
		t.Fatalf("README.md:%d: code block is not closed", cur.line)
	}
	return blocks
}

func findBlock(t *testing.T, blocks []block, markerPrefix string) block {
	t.Helper()
	for _, b := range blocks {
		if strings.HasPrefix(b.marker, markerPrefix) {
			return b
		}
	}
	t.Fatalf("README.md has no block marked %q", markerPrefix)
	return block{}
}

func TestReadmeQuickstartIsTheExample(t *testing.T) {
	b := findBlock(t, readmeBlocks(t), "quickstart:")
	src, err := os.ReadFile(filepath.Join("examples", "quickstart", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	_, code, ok := strings.Cut(string(src), "\npackage main\n")
	if !ok {
		t.Fatal("examples/quickstart/main.go: no package clause")
	}
	if diff := cmp.Diff("package main\n"+code, b.body); diff != "" {
		t.Errorf("README.md:%d: quickstart differs from examples/quickstart/main.go (-file +readme):\n%s", b.line, diff)
	}
}

// tool builds the command once per test binary.
func tool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "rhetorica")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, "./cmd/rhetorica").CombinedOutput()
	if err != nil {
		t.Fatalf("go build ./cmd/rhetorica: %v\n%s", err, out)
	}
	return bin
}

// runReadme runs one README command line. "go run ./cmd/rhetorica" runs the
// built tool in a scratch folder (where testdata is linked, so files the
// command writes stay out of the repository); "go run ./examples/..." runs
// in the repository. It returns the combined output and exit code.
func runReadme(t *testing.T, bin, scratch, line string) (string, int) {
	t.Helper()
	args := shellFields(line)
	var cmd *exec.Cmd
	switch {
	case len(args) >= 3 && args[0] == "go" && args[1] == "run" && args[2] == "./cmd/rhetorica":
		cmd = exec.Command(bin, args[3:]...)
		cmd.Dir = scratch
	case len(args) >= 3 && args[0] == "go" && args[1] == "run":
		cmd = exec.Command("go", args[1:]...)
	default:
		t.Fatalf("README command %q: the test does not know how to run it", line)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("README command %q: %v", line, err)
	}
	return out.String(), code
}

// shellFields splits a command line at blanks as a shell does with single
// quotes: 'a b' is one argument, without its quotes.
func shellFields(line string) []string {
	var args []string
	var cur strings.Builder
	inQuote, started := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			inQuote, started = !inQuote, true
		case !inQuote && (r == ' ' || r == '\t'):
			if started {
				args = append(args, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if started {
		args = append(args, cur.String())
	}
	return args
}

func scratchDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	abs, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(abs, filepath.Join(dir, "testdata")); err != nil {
		t.Skipf("cannot link testdata into a scratch folder: %v", err)
	}
	return dir
}

func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command-line tool and the examples")
	}
	bin, scratch := tool(t), scratchDir(t)
	blocks := readmeBlocks(t)
	ran := 0
	for _, b := range blocks {
		if b.lang != "sh" {
			continue
		}
		for i, line := range strings.Split(b.body, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			want := 0
			if cmdline, comment, ok := strings.Cut(line, "#"); ok {
				line = strings.TrimSpace(cmdline)
				if n, ok := strings.CutPrefix(strings.TrimSpace(comment), "exit "); ok {
					var err error
					if want, err = strconv.Atoi(n); err != nil {
						t.Fatalf("README.md:%d: bad exit comment %q", b.line+1+i, comment)
					}
				}
			}
			// The test command is this very run; go get and go install
			// need the network. A benchmark command runs each benchmark
			// once, to show that it works.
			if strings.HasPrefix(line, "go test") && strings.Contains(line, "-bench") {
				runBench(t, line+" -benchtime=1x")
				ran++
				continue
			}
			if strings.HasPrefix(line, "go test") || strings.HasPrefix(line, "go get") || strings.HasPrefix(line, "go install") {
				continue
			}
			out, code := runReadme(t, bin, scratch, line)
			ran++
			if code != want {
				t.Errorf("README.md:%d: %q exited %d, the README says %d; output:\n%s", b.line+1+i, line, code, want, out)
			}
		}
	}
	if ran < 10 {
		t.Errorf("ran only %d README commands; the parser lost some", ran)
	}
	// Files that the README says commands write.
	for _, name := range []string{"report.html", "legitimacy.dic"} {
		if fi, err := os.Stat(filepath.Join(scratch, name)); err != nil || fi.Size() == 0 {
			t.Errorf("README command did not write %s: %v", name, err)
		}
	}
}

func runBench(t *testing.T, line string) {
	t.Helper()
	args := strings.Fields(line)
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		t.Errorf("README command %q: %v\n%s", line, err, out)
	}
	if !bytes.Contains(out, []byte("ns/op")) {
		if testutil.Shared() == "" {
			// The benchmarks run on the shared corpus and skip without
			// it, as in a user's clone: the command still works.
			t.Logf("README command %q ran no benchmark (../shared is absent)", line)
			return
		}
		t.Errorf("README command %q ran no benchmark:\n%s", line, out)
	}
}

// TestReadmeLexicon parses the README's .lex example with the real parser.
func TestReadmeLexicon(t *testing.T) {
	b := findBlock(t, readmeBlocks(t), "lex:")
	lex, err := lexicon.Parse("README.md", []byte(b.body))
	if err != nil {
		t.Fatalf("README.md:%d: the .lex example does not parse:\n%v", b.line, err)
	}
	var got []string
	for _, c := range lex.Categories() {
		got = append(got, c.Name)
	}
	if diff := cmp.Diff([]string{"blame"}, got); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	if n := len(lex.Modifiers()); n != 5 {
		t.Errorf("%d modifiers, want 5 (3 negators, 1 intensifier, 1 hedge)", n)
	}
}

func TestReadmeOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command-line tool and the examples")
	}
	bin, scratch := tool(t), scratchDir(t)
	checked := 0
	for _, b := range readmeBlocks(t) {
		var cmdline string
		switch {
		case strings.HasPrefix(b.marker, "output of:"):
			cmdline = strings.TrimSpace(strings.TrimPrefix(b.marker, "output of:"))
		case strings.HasPrefix(b.marker, "quickstart-output"):
			cmdline = "go run ./examples/quickstart"
		default:
			continue
		}
		out, _ := runReadme(t, bin, scratch, cmdline)
		checked++
		printed := make(map[string]bool)
		for _, line := range strings.Split(out, "\n") {
			printed[line] = true
		}
		// Every line shown must be printed whole (the README may abridge
		// with "..." lines, but not cut a line short: a header missing its
		// last columns would misstate the format).
		for _, want := range strings.Split(strings.TrimRight(b.body, "\n"), "\n") {
			if strings.TrimSpace(want) == "..." {
				continue
			}
			if !printed[want] {
				t.Errorf("README.md:%d: %q does not print the line\n\t%s\nit printed:\n%s", b.line, cmdline, want, out)
			}
		}
	}
	if checked < 3 {
		t.Errorf("checked %d output blocks, want at least 3", checked)
	}
}
