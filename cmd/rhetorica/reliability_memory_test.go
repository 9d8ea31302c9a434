package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestMemoryBounds covers "memory that no input can blow up": every input
// that used to take gigabytes is refused with a clear message, while it is
// read, and the other statements go on.
func TestMemoryBounds(t *testing.T) {
	long := strings.Repeat("aggression ", 40)
	runRelCases(t, []relCase{
		{name: "front matter aliases (billion laughs)", args: []string{relDir + "laughs.md"}, code: 1,
			stderr: []string{relDir + "laughs.md: broken front matter: the value of", "expands past 10000 nodes or bytes (nested YAML aliases?)",
				"rhetorica: 0 statements analysed, 1 input failed"}, in: 1, out: 0},
		{name: "text file over --max-bytes, refused before reading", args: []string{"--max-bytes", "10", relDir + "fine.txt", relDir + "cr-only.txt"}, code: 1,
			stderr: []string{relDir + "fine.txt: statement too large: the file has 38 bytes, the limit is 10 (--max-bytes)"}, in: 2, out: 0},
		{name: "JSONL line over --max-bytes", args: []string{"--max-bytes", "100", "--input-format", "jsonl", "-"},
			stdin: `{"text":"short"}` + "\n" + `{"text":"` + long + `"}` + "\n" + `{"text":"ok"}` + "\n", code: 1,
			stderr: []string{"stdin:2: statement too large: the line has more than 100 bytes"}, in: 3, out: 2},
		{name: "CSV row over --max-bytes", args: []string{"--max-bytes", "100", "--input-format", "csv", "-"},
			stdin: "id,text\n1,short\n2," + long + "\n3,ok\n", code: 1,
			stderr: []string{"stdin:3: statement too large: the row has more than 100 bytes"}, in: 3, out: 2},
		{name: "statement over --max-memory", args: []string{"--max-memory", "4K", relDir + "fine.txt", "-"},
			stdin: "Dialogue.", code: 1,
			stderr: []string{relDir + "fine.txt: statement too large: 38 bytes of text need up to 7.4 KiB to analyse (200 bytes a byte), over --max-memory 4.0 KiB; raise --max-memory or split the statement"},
			in:     2, out: 1},
		{name: "--workers too large", args: []string{"--workers", "1000000000", relDir + "fine.txt"}, code: 2,
			stderr: []string{"rhetorica: --workers must be between 1 and 1024 (0 means one per core), got 1000000000"}, in: -1},
		{name: "--workers negative", args: []string{"--workers", "-3", relDir + "fine.txt"}, code: 2,
			stderr: []string{"--workers must be between 1 and 1024"}, in: -1},
		{name: "--max-bytes not a size", args: []string{"--max-bytes", "lots", relDir + "fine.txt"}, code: 2,
			stderr: []string{`invalid value "lots" for flag -max-bytes: want a positive size such as 500K, 16M or 2G`}, in: -1},
		{name: "lexicon weight out of range", args: []string{"--lexicon", relDir + "huge-weight.lex", relDir + "fine.txt"}, code: 1,
			stderr: []string{relDir + `huge-weight.lex:5:10: weight "1e308": out of range (at most 1e6)`, "the lexicon has errors; nothing was analysed"}, in: -1},
		{name: "lexicon line of 100 KB", args: []string{"--lexicon", relDir + "long-line.dic", relDir + "fine.txt"}, code: 1,
			stderr: []string{relDir + `long-line.dic:5:1: the line has 100002 bytes, more than the limit of 65536: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."`}, in: -1},
	})
}

// TestErrorFlood checks that 300 lexicon errors print as 100 and a count.
func TestErrorFlood(t *testing.T) {
	o := runRel(t, "", "--lexicon", relDir+"flood.lex", relDir+"fine.txt")
	lines := strings.Split(strings.TrimSpace(o.stderr), "\n")
	want := []string{relDir + `flood.lex:5:8: weight "heavy": not a decimal number`, relDir + "flood.lex: and 200 more problems",
		"rhetorica: the lexicon has errors; nothing was analysed"}
	if o.code != 1 || len(lines) != 102 || lines[0] != want[0] || lines[100] != want[1] || lines[101] != want[2] {
		t.Errorf("code %d, %d lines: first %q, last two %q", o.code, len(lines), lines[0], lines[len(lines)-2:])
	}
}

// denseText is an io.Reader of n bytes of text dense with hits of the
// tests' lexicon and of the default one (a cue every 14 bytes or so),
// generated as it is read.
type denseText struct{ n, off int }

const denseSentence = "We blame the aggression; the danger and the provocation endanger a peaceful settlement, so we negotiate a ceasefire. "

func (d *denseText) Read(p []byte) (int, error) {
	if d.off >= d.n {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && d.off < d.n {
		k := copy(p[n:min(len(p), n+d.n-d.off)], denseSentence[d.off%len(denseSentence):])
		n += k
		d.off += k
	}
	return n, nil
}

// TestMemoryBudget analyses statements dense with hits and checks the peak
// live heap against --max-memory: a 60 MB statement is refused (with the
// memory it would need) holding little more than its text, and a 4 MB one
// is analysed within the budget, which measures the cost per byte of text
// that costPerByte (and the README) state. It allocates about 1 GB, so it
// runs only with RHETORICA_MEMORY_TEST=1:
//
//	RHETORICA_MEMORY_TEST=1 go test ./cmd/rhetorica -run TestMemoryBudget -v
func TestMemoryBudget(t *testing.T) {
	if os.Getenv("RHETORICA_MEMORY_TEST") == "" || raceEnabled {
		t.Skip("set RHETORICA_MEMORY_TEST=1 to run (allocates about 1 GB; not under -race)")
	}
	tests := []struct {
		name    string
		size    int
		args    []string
		code    int
		stderr  string
		maxHeap uint64
		perByte bool // log and check the cost per byte
	}{
		{"60 MB refused while reading by --max-bytes", 60 << 20, nil, 1,
			"stdin: statement too large: the file has more than 8388608 bytes", 64 << 20, false},
		{"60 MB refused by --max-memory before analysis", 60 << 20, []string{"--max-bytes", "64M"}, 1,
			"stdin: statement too large: 62914560 bytes of text need up to 11.7 GiB to analyse (200 bytes a byte), over --max-memory 2.0 GiB", 256 << 20, false},
		{"4 MB analysed within --max-memory 1G", 4 << 20, []string{"--max-memory", "1G"}, 0, "", 1 << 30, true},
		{"4 MB analysed with the default lexicon", 4 << 20, []string{"--max-memory", "1G", "--default"}, 0, "", 1 << 30, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.GC()
			var code int
			var errb bytes.Buffer
			peak := peakHeap(func() {
				args := withLex("analyze", append(append([]string{"--format", "jsonl"}, tt.args...), "-")...)
				if slices.Contains(tt.args, "--default") {
					args = []string{"analyze", "--format", "jsonl", "--max-memory", "1G", "-"}
				}
				code = run(context.Background(), args, &denseText{n: tt.size}, io.Discard, &errb)
			})
			t.Logf("%d MB: peak live heap %d MiB (%.0f bytes a byte of text)", tt.size>>20, peak>>20, float64(peak)/float64(tt.size))
			if code != tt.code || !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("code %d, stderr %q; want %d and %q", code, errb.String(), tt.code, tt.stderr)
			}
			if peak > tt.maxHeap {
				t.Errorf("peak live heap %d MiB, over the bound of %d MiB", peak>>20, tt.maxHeap>>20)
			}
			if tt.perByte && float64(peak)/float64(tt.size) > costPerByte {
				t.Errorf("%.0f bytes a byte, over costPerByte (%d): update it and the README", float64(peak)/float64(tt.size), costPerByte)
			}
		})
	}
}
