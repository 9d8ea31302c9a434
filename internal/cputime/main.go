// Command cputime runs a command and prints what it cost: its user and
// system CPU seconds, its wall-clock seconds and its maximum resident set
// size in KiB (0 where the system does not report it), on one line, with
// microsecond resolution:
//
//	go build -o cputime ./internal/cputime
//	cputime -o times.txt rhetorica analyze speech.txt >/dev/null
//	cat times.txt   # 0.004123 0.002010 0.007512 21344
//
// The benchmark scripts (scripts/bench-peers.sh, scripts/bench-lexicon.sh)
// time each run with it. GNU time prints CPU seconds in 10 ms steps, too
// coarse for the differences those scripts report (the output cost per hit
// of a dense lexicon is the difference of two runs of about 0.3 s).
//
// The command's standard input, output and error are cputime's. Its exit
// status is cputime's too (1 when it could not be started), and the line
// is written whatever its status, so that a failed run still shows its
// cost. Without -o the line goes to standard error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command with its arguments and standard streams; it returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cputime", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the line to `FILE` instead of standard error")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cputime [-o FILE] command [argument ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	cmd := exec.Command(fs.Arg(0), fs.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	status := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
		if status < 0 { // killed by a signal
			status = 1
		}
	case err != nil:
		fmt.Fprintf(stderr, "cputime: %v\n", err)
		return 1
	}
	line := format(cmd.ProcessState, wall)
	if *out == "" {
		fmt.Fprint(stderr, line)
		return status
	}
	if err := os.WriteFile(*out, []byte(line), 0o644); err != nil {
		fmt.Fprintf(stderr, "cputime: %v\n", err)
		return 1
	}
	return status
}

// format returns the line for a finished process: user and system
// seconds, wall seconds, maximum RSS in KiB.
func format(ps *os.ProcessState, wall time.Duration) string {
	return fmt.Sprintf("%.6f %.6f %.6f %d\n", ps.UserTime().Seconds(), ps.SystemTime().Seconds(), wall.Seconds(), maxRSS(ps))
}
