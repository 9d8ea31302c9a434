package rhetoric

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// recycleStatements returns statements of every kind, in an order that
// sends each kind of report's memory into the next: the real speeches of
// ../shared (when present) and the repository's statements, then small
// ones; empty text, a transcript with turns (one excluded), Russian text,
// invalid UTF-8 and a statement over the size limit.
func recycleStatements(t *testing.T) []Statement {
	t.Helper()
	var sts []Statement
	for i, text := range presentSpeeches(t) {
		sts = append(sts, Statement{ID: "speech" + string(rune('0'+i)), Speaker: "Speaker", Text: text,
			Meta: map[string]string{"n": string(rune('0' + i))}})
	}
	files, err := filepath.Glob(filepath.Join(testutil.ModuleRoot(t), "testdata", "statements", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements in testdata/statements: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var st Statement
		if err := json.Unmarshal(data, &st); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sts = append(sts, st)
	}
	transcript, err := os.ReadFile(filepath.Join("testdata", "attribution", "transcript.md"))
	if err != nil {
		t.Fatal(err)
	}
	small := []Statement{
		{ID: "one", Speaker: "Jamaica", Text: "We call on Russia to withdraw its forces. Dialogue is the only way."},
		{ID: "empty"},
		{ID: "blank", Text: " \n\t "},
		{ID: "turns", Speaker: "Host", Text: string(transcript), Meta: map[string]string{"kind": "transcript"}},
		{ID: "qa", Text: "THE PRESIDENT:  We condemn this aggression, blaming Russia.\nQ    He said that Kyiv is to blame?\n"},
		{ID: "ru", Language: "ru", Text: "Запад несёт ответственность за этот кризис. Мы призываем к диалогу."},
		{ID: "bad", Text: "The West is to blame \xff for the crisis."},
		{ID: "too large", Text: strings.Repeat("x ", 1<<17+1)},
		{ID: "hedged", Speaker: "Russian Foreign Minister", Text: "Perhaps flagrant aggression, perhaps not. NATO is not to blame."},
	}
	// Big then small, small then big, and the whole again backwards.
	out := append(append([]Statement(nil), sts...), small...)
	out = append(out, sts...)
	for i := len(out) - 1; i >= 0; i-- {
		out = append(out, out[i])
	}
	return out
}

// recycleOptions are the analyzers that TestRecycle compares: with and
// without the model, with excluded turns (whose counts are recomputed) and
// with a subset of devices.
var recycleOptions = []struct {
	name string
	opts Options
}{
	{"default", Options{MaxBytes: 1 << 18}},
	{"no model", Options{NoModel: true, MaxBytes: 1 << 18}},
	{"excluded turns", Options{ExcludeSpeakers: []string{"Q"}, MaxBytes: 1 << 18}},
	{"some devices", Options{Devices: []string{"blame", "threat"}, MaxBytes: 1 << 18}},
}

// TestRecycle analyzes statements of every kind in a row with an analyzer
// whose reports are recycled one after the other, and compares each report
// with a fresh analyzer's (which never sees a recycled report). Every
// third report is kept rather than recycled: at the end it must still be
// what it was, which shows that no later report reused its memory.
func TestRecycle(t *testing.T) {
	sts := recycleStatements(t)
	ctx := context.Background()
	for _, tc := range recycleOptions {
		t.Run(tc.name, func(t *testing.T) {
			fresh, err := New(lexicon.Default(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := New(lexicon.Default(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			type kept struct {
				i         int
				want, got *Report
			}
			var keep []kept
			for i, st := range sts {
				w, werr := fresh.Analyze(ctx, st)
				g, gerr := got.Analyze(ctx, st)
				if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
					t.Fatalf("statement %d (%s): error %v, want %v", i, st.ID, gerr, werr)
				}
				if diff := cmp.Diff(w, g); diff != "" {
					t.Fatalf("statement %d (%s): report with recycled memory differs (-want +got):\n%s", i, st.ID, diff)
				}
				if werr != nil {
					continue
				}
				wj, err := w.AppendJSON(nil)
				if err != nil {
					t.Fatal(err)
				}
				gj, err := g.AppendJSON(nil)
				if err != nil {
					t.Fatal(err)
				}
				if string(wj) != string(gj) {
					t.Fatalf("statement %d (%s): JSON with recycled memory differs:\n%s\nwant\n%s", i, st.ID, gj, wj)
				}
				if i%3 == 0 {
					keep = append(keep, kept{i, w, g})
				} else {
					got.Recycle(g)
				}
			}
			for _, k := range keep {
				if diff := cmp.Diff(k.want, k.got); diff != "" {
					t.Errorf("kept report %d (%s) changed after later analyses (-want +got):\n%s", k.i, sts[k.i].ID, diff)
				}
			}
		})
	}
}

// TestRecycleClears checks that Recycle leaves nothing of a report in the
// memory it keeps: every element of every slice zero, every map empty,
// but for the anchors' hold on the shared slices.
func TestRecycleClears(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	text, err := os.ReadFile(filepath.Join("testdata", "attribution", "transcript.md"))
	if err != nil {
		t.Fatal(err)
	}
	text = append(text, "\nTHE PRESIDENT:  Perhaps NATO is not to blame, but we strongly condemn this flagrant aggression.\n"...)
	r, err := a.Analyze(context.Background(), Statement{ID: "t", Speaker: "Host", Text: string(text),
		Meta: map[string]string{"k": "v"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Turns) == 0 || len(r.Hits) == 0 || len(r.Spans) == 0 {
		t.Fatalf("the transcript gives %d turns, %d hits, %d spans: the test needs all", len(r.Turns), len(r.Hits), len(r.Spans))
	}
	// Everything the report holds, before Recycle empties its slices.
	hits, devs, spans, turns, meta := r.Hits[:cap(r.Hits)], r.Devices[:cap(r.Devices)], r.Spans[:cap(r.Spans)], r.Turns[:cap(r.Turns)], r.Meta
	var mods []Modifier
	var reasons []Reason
	var maps []map[string]string
	for _, h := range r.Hits {
		mods = append(mods, h.Modifiers...)
	}
	if len(mods) == 0 {
		t.Fatal("no modifiers: the test needs some")
	}
	for _, sp := range r.Spans {
		for _, p := range sp.Scores {
			reasons = append(reasons, p.Because...)
		}
		if sp.Targets != nil {
			maps = append(maps, sp.Targets)
		}
	}
	if len(reasons) == 0 || len(maps) == 0 {
		t.Fatalf("%d reasons, %d target maps: the test needs both", len(reasons), len(maps))
	}
	// The shared slices as the report holds them (the copies above are
	// new memory): through the first element that refers to each.
	for _, h := range r.Hits {
		if len(h.Modifiers) > 0 {
			mods = h.Modifiers[:1]
			break
		}
	}
	a.Recycle(r)

	if r.ID != "" || r.Words != 0 || len(r.Hits) != 0 || len(r.Spans) != 0 || len(r.Devices) != 0 {
		t.Errorf("recycled report not emptied: %+v", r)
	}
	if mods[0] != (Modifier{}) {
		t.Errorf("modifier not cleared: %+v", mods[0])
	}
	for i := range hits {
		h := hits[i]
		h.Modifiers = nil // the anchor's
		if !reflect.ValueOf(h).IsZero() {
			t.Errorf("hit %d not cleared: %+v", i, h)
		}
	}
	for i, d := range devs {
		for _, x := range d.Targets[:cap(d.Targets)] {
			if x != (TargetCount{}) {
				t.Errorf("device %d: target not cleared: %+v", i, x)
			}
		}
		d.Targets = nil
		if !reflect.ValueOf(d).IsZero() {
			t.Errorf("device %d not cleared: %+v", i, d)
		}
	}
	for i := range spans {
		sp := spans[i]
		if len(sp.Targets) != 0 {
			t.Errorf("span %d: targets not cleared: %v", i, sp.Targets)
		}
		for _, p := range sp.Scores[:cap(sp.Scores)] {
			for _, x := range p.Because[:cap(p.Because)] {
				if x != (Reason{}) {
					t.Errorf("span %d: reason not cleared: %+v", i, x)
				}
			}
			p.Because = nil
			if !reflect.ValueOf(p).IsZero() {
				t.Errorf("span %d: score not cleared: %+v", i, p)
			}
		}
		for _, n := range sp.Devices[:cap(sp.Devices)] {
			if n != "" {
				t.Errorf("span %d: device name not cleared: %q", i, n)
			}
		}
		sp.Targets, sp.Scores, sp.Devices = nil, nil, nil
		if !reflect.ValueOf(sp).IsZero() {
			t.Errorf("span %d not cleared: %+v", i, sp)
		}
	}
	for i, tu := range turns {
		if tu != (Turn{}) {
			t.Errorf("turn %d not cleared: %+v", i, tu)
		}
	}
	if len(meta) != 0 {
		t.Errorf("meta not cleared: %v", meta)
	}
}

// TestRecycleLimits checks that Recycle leaves a report far larger than
// usual to the collector (it is not cleared), and takes nil.
func TestRecycleLimits(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	a.Recycle(nil)
	huge := &Report{ID: "huge", Hits: make([]Hit, 1, maxRecycled/100)}
	huge.Hits[0].Text = "kept"
	a.Recycle(huge)
	if huge.ID != "huge" || len(huge.Hits) != 1 || huge.Hits[0].Text != "kept" {
		t.Errorf("a huge report was recycled: %+v", huge)
	}
	// A report of a long speech is kept.
	r, err := a.Analyze(context.Background(), Statement{Text: strings.Repeat("Russia is to blame for this war. ", 500)})
	if err != nil {
		t.Fatal(err)
	}
	if n := recycledBytes(r); n > maxRecycled {
		t.Errorf("a report of %d words takes %d bytes, over the limit of %d", r.Words, n, maxRecycled)
	}
	a.Recycle(r)
	if r.Words != 0 {
		t.Errorf("a long speech's report was not recycled")
	}
}

// TestRecycleConcurrent analyzes and recycles on several goroutines at
// once (run it with -race), each comparing its reports with those of a
// fresh analyzer.
func TestRecycleConcurrent(t *testing.T) {
	sts := recycleStatements(t)
	opts := recycleOptions[0].opts
	ctx := context.Background()
	fresh, err := New(lexicon.Default(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]*Report, len(sts))
	for i, st := range sts {
		want[i], _ = fresh.Analyze(ctx, st)
	}
	a, err := New(lexicon.Default(), opts)
	if err != nil {
		t.Fatal(err)
	}
	const workers = 4
	rounds := 2
	if testing.Short() {
		rounds = 1
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range rounds * len(sts) {
				i := (k*7 + w*13) % len(sts) // each worker in its own order
				r, err := a.Analyze(ctx, sts[i])
				if (err == nil) != (want[i] != nil) {
					t.Errorf("worker %d, statement %d: error %v", w, i, err)
					return
				}
				if diff := cmp.Diff(want[i], r); diff != "" {
					t.Errorf("worker %d, statement %d: report differs (-want +got):\n%s", w, i, diff)
					return
				}
				a.Recycle(r)
			}
		}()
	}
	wg.Wait()
}
