package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// ungdcJSONL builds a JSONL corpus from the UN General Debate speeches of
// 2024 in ../shared (one speech per line).
func ungdcJSONL(tb testing.TB) []byte {
	shared := testutil.Shared()
	if shared == "" {
		tb.Skip("../shared is absent")
	}
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", "2024", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skip("no UNGDC 2024 speeches in ../shared")
	}
	slices.Sort(files)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		name := filepath.Base(f)
		enc.Encode(map[string]string{"id": name, "country": name[:3], "text": string(data)})
	}
	return buf.Bytes()
}

// BenchmarkStreamJSONL pipes the 2024 UN General Debate (192 speeches) as
// JSONL through "rhetorica analyze --format jsonl -" with the built-in
// lexicon, output discarded: reading, parallel analysis, ordering and JSON
// encoding together. Run it with -cpu 1,2 for the speed-up of two cores
// (one worker per core): besides the wall clock per run it reports the
// process's CPU time per run (cpu-ms/op), which tells a pipeline that
// stalls (same CPU time, less than twice as fast) from cores that are
// slower when both run (more CPU time for the same work).
func BenchmarkStreamJSONL(b *testing.B) {
	if lexicon.Default() == nil {
		b.Skip("the built-in lexicon is not available")
	}
	input := ungdcJSONL(b)
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		code := run(context.Background(), []string{"analyze", "--input-format", "jsonl", "--format", "jsonl", "-"},
			bytes.NewReader(input), io.Discard, io.Discard)
		if code != 0 {
			b.Fatalf("exit code %d", code)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// jsonlGenerator produces n JSONL statements on the fly, so that the input
// itself takes no memory.
type jsonlGenerator struct {
	n, i int
	buf  []byte
}

var genSentences = []string{
	"Moscow bears the blame for this flagrant aggression against Ukraine.",
	"It is a grave threat to every state that respects the Charter and international law.",
	"We are ready for dialogue, and perhaps for a ceasefire, but we will never negotiate under threats.",
	"The alliance is responsible for the provocations on our border.",
	"A peaceful settlement remains possible if Kyiv returns to the treaty.",
}

func (g *jsonlGenerator) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		if g.i == g.n {
			return 0, io.EOF
		}
		var text strings.Builder
		for k := range 60 {
			text.WriteString(genSentences[(g.i+k)%len(genSentences)])
			text.WriteByte(' ')
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("g", g.i), "speaker": fmt.Sprint("S", g.i%7), "text": text.String()})
		g.buf = append(line, '\n')
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// peakHeap runs fn while sampling the live heap, and returns the largest
// heap seen after a forced collection at each sample.
func peakHeap(fn func()) uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(25 * time.Millisecond):
			}
			runtime.GC()
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// TestStreamingMemory checks that memory stays flat as the input grows: the
// peak live heap for 8 times as many statements (about 20 MB of JSONL) must
// stay within a small margin of the peak for the smaller input.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("memory check skipped in -short mode and under the race detector")
	}
	runN := func(n int) uint64 {
		return peakHeap(func() {
			var errb bytes.Buffer
			code := run(context.Background(), withLex("analyze", "--input-format", "jsonl", "--format", "jsonl", "--workers", "2", "-"),
				&jsonlGenerator{n: n}, io.Discard, &errb)
			if code != 0 {
				t.Fatalf("exit code %d: %s", code, errb.String())
			}
		})
	}
	// A sampled peak is noisy on a busy machine: a short run offers the
	// sampler few chances to see its peak, and a long one many chances to
	// catch a collection late. So the small input's peak is the highest of
	// three runs and the large input's the lowest of two. Memory that grew
	// with the input would still show: 8 times the statements would hold
	// about 8 times the heap.
	small := max(runN(250), runN(250), runN(250))
	large := min(runN(2000), runN(2000))
	t.Logf("peak live heap: %d KiB for 250 statements, %d KiB for 2000", small>>10, large>>10)
	if large > small*3/2+4<<20 {
		t.Errorf("heap grows with the input: %d KiB for 250 statements, %d KiB for 2000", small>>10, large>>10)
	}
}

// BenchmarkReadJSONL measures the reader alone (line splitting, JSON
// decoding, ordering queue) on the same corpus, without analysis.
func BenchmarkReadJSONL(b *testing.B) {
	input := ungdcJSONL(b)
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		rd := &reader{stdin: bytes.NewReader(input)}
		n := 0
		for range rd.statements([]source{{path: "-", format: inJSONL, size: -1}}) {
			rd.q.pop()
			n++
		}
		if n == 0 {
			b.Fatal("no statements")
		}
	}
}
