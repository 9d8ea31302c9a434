package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a progress bar on a terminal's standard error.
type progress struct {
	w        io.Writer
	total    int64 // bytes, -1 when unknown
	start    time.Time
	last     time.Time
	drawn    bool
	disabled bool
}

// minProgress is how many statements a run must reach before a bar is drawn.
const minProgress = 8

func newProgress(w io.Writer, total int64, quiet bool) *progress {
	p := &progress{w: w, total: total, start: time.Now(), disabled: true}
	if f, ok := w.(*os.File); ok && !quiet {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.disabled = false
		}
	}
	return p
}

func (p *progress) update(n int, done int64) {
	if p.disabled || n < minProgress {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 150*time.Millisecond {
		return
	}
	p.last = now
	p.drawn = true
	io.WriteString(p.w, "\r"+renderProgress(n, done, p.total, now.Sub(p.start), 80)+"\x1b[K")
}

// clear returns what erases the bar before an error line is printed.
func (p *progress) clear() string {
	if p.drawn {
		return "\r\x1b[K"
	}
	return ""
}

func (p *progress) done() {
	if p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
	}
}

// renderProgress formats one progress line of at most width columns:
// statements, megabytes read, rate, and with a known total a bar and the
// estimated time left.
func renderProgress(n int, done, total int64, elapsed time.Duration, width int) string {
	mb := float64(done) / (1 << 20)
	secs := elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = mb / secs
	}
	stats := fmt.Sprintf("%d statements  %.1f MB  %.1f MB/s", n, mb, rate)
	if total <= 0 {
		return truncate(stats, width)
	}
	frac := min(float64(done)/float64(total), 1)
	eta := "--"
	if done > 0 && secs > 0 {
		left := time.Duration(secs * (1/frac - 1) * float64(time.Second)).Round(time.Second)
		eta = left.String()
	}
	tail := fmt.Sprintf(" %3.0f%%  %s  ETA %s", frac*100, stats, eta)
	barW := width - len(tail) - 2
	if barW < 10 {
		return truncate(fmt.Sprintf("%3.0f%%  %s  ETA %s", frac*100, stats, eta), width)
	}
	fill := int(frac * float64(barW))
	return "[" + strings.Repeat("#", fill) + strings.Repeat(".", barW-fill) + "]" + tail
}

func truncate(s string, width int) string {
	if len(s) > width {
		return s[:width]
	}
	return s
}
