// Command rhetorica analyses how political and diplomatic statements frame a
// conflict: it reads speeches, press releases or a spreadsheet of statements,
// finds framing devices (blame, threat, appeals to law, calls to action...)
// with a lexicon, and writes tables, JSON, CSV or a standalone HTML report.
//
// Usage:
//
//	rhetorica analyze [flags] [PATH ...]
//	rhetorica compare --by KEY [A B] [flags] [PATH ...]
//	rhetorica kwic [--device D] [--entry E] [--window N] [PATH ...]
//	rhetorica lexicon check FILE ...
//	rhetorica lexicon convert IN OUT
//	rhetorica lexicon show [FILE]
//	rhetorica eval [flags] GOLD.jsonl
//	rhetorica train --annotated GOLD.jsonl -o MODEL [flags]
//	rhetorica lexicon suggest --annotated GOLD.jsonl
//	rhetorica serve [--addr 127.0.0.1:8080] [flags]
//	rhetorica --version
//
// Run "rhetorica COMMAND --help" for the flags and examples of each command.
//
// Exit codes: 0 when everything worked, 1 when some input failed (a missing
// file, a bad row, a lexicon with errors), 2 for a usage error (an unknown
// command, flag or format).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
)

// version is the release of the command; the module version and VCS revision
// from the build information are printed beside it.
const version = "0.1.0"

// Exit codes.
const (
	exitOK    = 0 // everything worked
	exitInput = 1 // some input failed
	exitUsage = 2 // the command line was wrong
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// cli carries the streams of one invocation, so that tests run the command
// in-process.
type cli struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// errorf prints a message prefixed with the command name to standard error.
func (c *cli) errorf(format string, args ...any) {
	fmt.Fprintf(c.stderr, "rhetorica: "+format+"\n", args...)
}

// usageError prints a message and a hint for help and returns exitUsage.
func (c *cli) usageError(cmd, format string, args ...any) int {
	c.errorf(format, args...)
	fmt.Fprintf(c.stderr, "Run 'rhetorica %s--help' for usage.\n", cmd)
	return exitUsage
}

const mainUsage = `rhetorica finds how political and diplomatic statements frame a conflict.

Usage:
  rhetorica analyze [flags] [PATH ...]        score statements, one report each (or profiles with --by)
  rhetorica compare --by KEY [A B] [PATH ...]  compare two groups device by device
  rhetorica kwic [--device D] [PATH ...]      every hit in its context (keyword in context)
  rhetorica lexicon check FILE ...            report every error in lexicon files
  rhetorica lexicon convert IN OUT            convert a lexicon between formats
  rhetorica lexicon show [FILE]               list a lexicon's devices (the default one without FILE)
  rhetorica eval [flags] GOLD.jsonl           score the analysis against annotated sentences
  rhetorica train --annotated GOLD.jsonl -o MODEL  train a learned model on annotated sentences
  rhetorica lexicon suggest --annotated F     rank candidate cues per device from annotated sentences
  rhetorica serve [--addr HOST:PORT]          a web page and a JSON API on this machine
  rhetorica --version                         print the version

Inputs are .txt and .md files (one statement per file, optional YAML front
matter), directories (read recursively), .jsonl and .csv corpora (one
statement per line or row) and "-" for standard input.

Examples:
  rhetorica analyze speech.md
  rhetorica analyze --format html -o report.html speeches/
  rhetorica analyze --by speaker --format csv corpus.jsonl
  rhetorica compare --by speaker Biden Putin statements.csv

Run 'rhetorica COMMAND --help' for the flags and examples of a command.
Exit codes: 0 ok, 1 some input failed, 2 usage error.
`

// run executes the command line args (without the program name) and returns
// the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	c := &cli{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	defer func() {
		// A bug must not show a user a stack trace; it still fails loudly.
		if r := recover(); r != nil {
			c.errorf("internal error: %v (please report this with the command line that caused it)", r)
			code = exitInput
		}
	}()
	if len(args) == 0 {
		io.WriteString(stderr, mainUsage)
		return exitUsage
	}
	switch args[0] {
	case "analyze", "analyse":
		return c.analyze(args[1:])
	case "compare":
		return c.compare(args[1:])
	case "kwic":
		return c.kwic(args[1:])
	case "lexicon":
		return c.lexicon(args[1:])
	case "eval":
		return c.eval(args[1:])
	case "train":
		return c.train(args[1:])
	case "serve":
		return c.serve(args[1:])
	case "version", "--version", "-version", "-V":
		c.printVersion()
		return exitOK
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] != "help" && !strings.HasPrefix(args[1], "-") {
			return run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		io.WriteString(stdout, mainUsage)
		return exitOK
	}
	if strings.HasPrefix(args[0], "-") {
		return c.usageError("", "unknown flag %s before the command", args[0])
	}
	return c.usageError("", "unknown command %q (want analyze, compare, kwic, lexicon, eval, train or serve)", args[0])
}

func (c *cli) printVersion() {
	fmt.Fprintf(c.stdout, "rhetorica %s", version)
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			fmt.Fprintf(c.stdout, " (module %s)", v)
		}
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if modified == "true" {
				rev += "+dirty"
			}
			fmt.Fprintf(c.stdout, " (commit %s)", rev)
		}
	}
	fmt.Fprintf(c.stdout, " %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its usage (text followed by the flag defaults) to its output.
func newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse errors are reported by parseFlags
	fs.Usage = func() {
		w := fs.Output()
		io.WriteString(w, usage)
		io.WriteString(w, "\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args allowing flags after positional arguments
// ("rhetorica analyze speech.md --format json"); "--" ends the flags. It
// returns the positional arguments, or a non-negative exit code when the
// command should stop (help was printed, or a usage error).
func (c *cli) parseFlags(fs *flag.FlagSet, cmd string, args []string) ([]string, int) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(c.stdout)
			fs.Usage()
			return nil, exitOK
		}
		if err != nil {
			return nil, c.usageError(cmd+" ", "%s: %v", cmd, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, -1
		}
		// flag stops at the first non-flag; "--" is consumed by it, so a
		// remaining list after "--" must be taken whole.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), -1
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// fatal reports err and returns exitInput; used for errors that stop a
// command before any statement is read.
func (c *cli) fatal(err error) int {
	c.errorf("%v", err)
	return exitInput
}
