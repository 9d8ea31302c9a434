//go:build race

package main

// raceEnabled is true under the race detector, which slows the data-driven
// tests (training and fitting over 4,200 sentences) by an order of
// magnitude; they run single-threaded code that the plain run checks, so
// the race run skips them.
const raceEnabled = true
