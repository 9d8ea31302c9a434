//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFIFORefused checks that a FIFO named on the command line is refused
// at once instead of blocking forever (it can be read through "-").
func TestFIFORefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan outcome, 1)
	go func() { done <- runRel(t, "", fifo, relDir+"fine.txt") }()
	select {
	case o := <-done:
		name := filepath.ToSlash(fifo)
		relCase{code: 1, in: 2, out: 1, stderr: []string{name + ": not a regular file (p---------); read it through standard input: rhetorica analyze - < " + name}}.check(t, o)
	case <-time.After(10 * time.Second):
		t.Fatal("the command blocked on a FIFO")
	}
}
