//go:build !unix

package main

import "os"

// haveRSS reports whether maxRSS knows the process's maximum RSS here.
const haveRSS = false

// maxRSS returns 0: this system's rusage has no maximum RSS.
func maxRSS(*os.ProcessState) int64 { return 0 }
