//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// haveRSS reports whether maxRSS knows the process's maximum RSS here.
const haveRSS = true

// maxRSS returns the maximum resident set size of the finished process
// (and of the children it waited for) in KiB.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) / 1024 // bytes there
	}
	return int64(ru.Maxrss)
}
