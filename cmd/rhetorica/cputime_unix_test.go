//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time this process has used, or
// 0 when it cannot tell.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
