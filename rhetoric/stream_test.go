package rhetoric

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/lexicon"
)

var streamTexts = []string{
	"We call on Russia to withdraw. Dialogue is the only way.",
	"NATO expansion is a threat. We do not seek confrontation.",
	"Our support for Ukraine will not waver.",
	"The West is to blame for the crisis.",
	"",
	"Perhaps flagrant aggression, perhaps not.",
}

func statements(n int) iter.Seq[Statement] {
	return func(yield func(Statement) bool) {
		for i := range n {
			if !yield(Statement{ID: fmt.Sprint(i), Speaker: fmt.Sprint("s", i%3), Text: streamTexts[i%len(streamTexts)]}) {
				return
			}
		}
	}
}

// settle waits for goroutines started by a test to exit and fails if the
// count does not return to before.
func settle(t *testing.T, before int) {
	t.Helper()
	for range 200 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Errorf("goroutines: %d before, %d after: leak", before, runtime.NumGoroutine())
}

func TestAnalyzeAllOrder(t *testing.T) {
	before := runtime.NumGoroutine()
	a := newTest(t, testDef(), Options{Workers: 4})
	ctx := context.Background()
	n := 0
	for res := range a.AnalyzeAll(ctx, statements(100)) {
		if res.Err != nil {
			t.Fatalf("result %d: %v", res.Index, res.Err)
		}
		if res.Index != n || res.Report.ID != fmt.Sprint(n) {
			t.Fatalf("result %d has index %d, id %s", n, res.Index, res.Report.ID)
		}
		want, err := a.Analyze(ctx, Statement{ID: fmt.Sprint(n), Speaker: fmt.Sprint("s", n%3), Text: streamTexts[n%len(streamTexts)]})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, res.Report); diff != "" {
			t.Fatalf("stream report %d differs from Analyze (-want +got):\n%s", n, diff)
		}
		n++
	}
	if n != 100 {
		t.Errorf("got %d results, want 100", n)
	}
	settle(t, before)
}

func TestAnalyzeAllErrorsContinue(t *testing.T) {
	a := newTest(t, testDef(), Options{Workers: 2})
	in := func(yield func(Statement) bool) {
		for _, s := range []string{"peace", "bad \xff", "dialogue"} {
			if !yield(Statement{Text: s}) {
				return
			}
		}
	}
	var errs []bool
	for res := range a.AnalyzeAll(context.Background(), in) {
		errs = append(errs, res.Err != nil)
	}
	if diff := cmp.Diff([]bool{false, true, false}, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestAnalyzeAllNil checks that a nil sequence is an empty stream: the
// goroutine that ranges over it must not crash the program.
func TestAnalyzeAllNil(t *testing.T) {
	a := newTest(t, testDef(), Options{Workers: 2})
	var got []Result
	for res := range a.AnalyzeAll(context.Background(), nil) {
		got = append(got, res)
	}
	if diff := cmp.Diff([]Result(nil), got); diff != "" {
		t.Errorf("AnalyzeAll(nil) (-want +got):\n%s", diff)
	}
}

func TestAnalyzeAllBreak(t *testing.T) {
	before := runtime.NumGoroutine()
	a := newTest(t, testDef(), Options{Workers: 3})
	n := 0
	for range a.AnalyzeAll(context.Background(), statements(1_000_000)) {
		n++
		if n == 10 {
			break
		}
	}
	settle(t, before)
}

func TestAnalyzeAllCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	a := newTest(t, testDef(), Options{Workers: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last Result
	n := 0
	for res := range a.AnalyzeAll(ctx, statements(1_000_000)) {
		last = res
		n++
		if n == 50 {
			cancel()
		}
		if n > 50+8*2+10 {
			t.Fatalf("still yielding %d results after cancel", n)
		}
	}
	if !errors.Is(last.Err, context.Canceled) {
		t.Errorf("last result = %+v, want context.Canceled", last)
	}
	settle(t, before)

	// Cancelled before starting: one result, the error.
	var got []Result
	for res := range a.AnalyzeAll(ctx, statements(10)) {
		got = append(got, res)
	}
	if len(got) != 1 || !errors.Is(got[0].Err, context.Canceled) {
		t.Errorf("pre-cancelled stream = %+v", got)
	}
	settle(t, before)
}

// TestConcurrentAnalyze shares one Analyzer between many goroutines; run
// with -race. Every goroutine must get the same JSON as a serial run.
func TestConcurrentAnalyze(t *testing.T) {
	a := newTest(t, testDef(), Options{})
	ctx := context.Background()
	want := make([]string, len(streamTexts))
	for i, s := range streamTexts {
		r, err := a.Analyze(ctx, Statement{ID: "c", Text: s})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	errc := make(chan error, 32)
	for g := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				i := (g + k) % len(streamTexts)
				r, err := a.Analyze(ctx, Statement{ID: "c", Text: streamTexts[i]})
				if err != nil {
					errc <- err
					return
				}
				b, _ := json.Marshal(r)
				if string(b) != want[i] {
					errc <- fmt.Errorf("goroutine %d: text %d: got %s, want %s", g, i, b, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
}

// TestStreamingMemoryFlat runs N and then 4N statements through AnalyzeAll
// into Groups, sampling the live heap (after a GC) every 100 results
// while the stream runs, and checks that the peak does not grow with the
// stream length.
func TestStreamingMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	a := newTest(t, testDef(), Options{Workers: 2})
	text := strings.Repeat(streamTexts[0]+" "+streamTexts[1]+" ", 5)
	peak := func(n int) uint64 {
		in := func(yield func(Statement) bool) {
			for i := range n {
				if !yield(Statement{ID: fmt.Sprint(i), Speaker: fmt.Sprint("s", i%5), Text: text}) {
					return
				}
			}
		}
		g := NewGroups(KeySpeaker())
		var top uint64
		var ms runtime.MemStats
		k := 0
		for res := range a.AnalyzeAll(context.Background(), in) {
			g.Add(res.Report)
			if k++; k%100 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				top = max(top, ms.HeapInuse)
			}
		}
		if ps := g.Profiles(); len(ps) != 5 || ps[0].Statements*5 != n {
			t.Fatalf("profiles %+v", ps)
		}
		return top
	}
	peak(100) // warm up pools
	small := peak(400)
	large := peak(1600)
	t.Logf("peak live heap while streaming 400 statements: %d KiB; 1600 statements: %d KiB", small>>10, large>>10)
	if large > small+small/2+1<<20 {
		t.Errorf("peak heap grew from %d to %d bytes for 4x the statements", small, large)
	}
}

// FuzzAnalyze checks invariants on any input: no panic, spans inside the
// text and exact, counts consistent with hits, deterministic JSON.
func FuzzAnalyze(f *testing.F) {
	for _, s := range streamTexts {
		f.Add(s)
	}
	for _, s := range []string{"We call on Russia's", "not not not aggression", "Russia's", "'s", "call on _ to", "— , ; : ( ) but", "dialogue\r\n\r\nпереговоры", "\ufeffPeace!"} {
		f.Add(s)
	}
	def := testDef()
	if lex := lexicon.Default(); lex != nil {
		def = lex.Definition() // the real lexicon exercises more rules
	}
	a := newTest(f, def, Options{})
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		r, err := a.Analyze(ctx, Statement{ID: "f", Text: text})
		if !utf8.ValidString(text) {
			if !errors.Is(err, ErrInvalidUTF8) {
				t.Fatalf("invalid utf-8 accepted: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string][2]int{}
		for _, h := range r.Hits {
			if h.Start < 0 || h.End > len(text) || h.Start >= h.End || text[h.Start:h.End] != h.Text {
				t.Fatalf("hit %+v outside or not matching the text", h)
			}
			if h.Sentence < 0 || h.Sentence >= r.Sentences {
				t.Fatalf("hit %+v has sentence out of range %d", h, r.Sentences)
			}
			if h.Target == "" {
				t.Fatalf("hit %+v has no target", h)
			}
			c := counts[h.Device]
			if h.Negated {
				c[1]++
			} else {
				c[0]++
			}
			counts[h.Device] = c
		}
		for _, s := range r.Spans {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("span %+v outside the text", s)
			}
		}
		for _, d := range r.Devices {
			if c := counts[d.Device]; d.Hits != c[0] || d.Negated != c[1] {
				t.Fatalf("device %s: hits %d negated %d, but the hits say %v", d.Device, d.Hits, d.Negated, c)
			}
			tc := 0
			for _, x := range d.Targets {
				tc += x.Count
			}
			if tc != d.Hits || d.Intensity < 0 || d.Intensity > 1 || d.Coverage < 0 || d.Coverage > 1 || d.Share < 0 || d.Share > 1 {
				t.Fatalf("device %+v inconsistent", d)
			}
		}
		b1, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		r2, _ := a.Analyze(ctx, Statement{ID: "f", Text: text})
		b2, _ := json.Marshal(r2)
		if string(b1) != string(b2) {
			t.Fatalf("JSON not deterministic:\n%s\n%s", b1, b2)
		}
	})
}

// TestConcurrentTagged shares a tagging Analyzer (prose's model, entity
// extraction) between goroutines; run with -race.
func TestConcurrentTagged(t *testing.T) {
	if testing.Short() {
		t.Skip("short: loads prose's model")
	}
	a := newTest(t, testDef(), Options{Tag: true, Entities: true})
	ctx := context.Background()
	text := "Stop the war in Mariupol, Mr Smith. " + streamTexts[0]
	want, err := a.Analyze(ctx, Statement{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				got, err := a.Analyze(ctx, Statement{Text: text})
				if err != nil {
					t.Error(err)
					return
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("concurrent tagged report differs (-want +got):\n%s", diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}
