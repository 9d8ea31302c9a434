package rhetoric

import "unsafe"

// A report's memory is a handful of slices, some of which its elements
// share: the hits' Modifiers are parts of one slice, and so are the spans'
// Devices, their Scores and the scores' Because. Go cannot widen such a
// part back to its whole without package unsafe, so every report that
// Analyze builds keeps each shared slice whole in an anchor: an element
// past the end of the slice that holds it, at its last index of capacity.
//
//	Hits[:cap][cap-1].Modifiers      the hits' modifiers
//	Spans[:cap][cap-1].Devices       the spans' device names
//	Spans[:cap][cap-1].Scores        the spans' scores (the model's)
//	Scores[:cap][cap-1].Because      the scores' reasons
//
// An anchor lies beyond the length of its slice, so JSON, go-cmp and any
// loop over the report never see it. A caller that appends to a report's
// Hits or Spans may overwrite an anchor: Recycle then reuses less, and
// clears whatever it finds. Recycle clears a report and everything
// it holds and puts it in the analyzer's pool; the next report built takes
// its slices back from the report and its anchors (take), and sends them
// out again in its own.

// maxRecycled is the largest report, in bytes of the slices it holds
// (not counting its strings and maps), that Recycle keeps for reuse. The
// reports of the UN General Debate corpus take 62 KB at the median (12 KB
// of text), 148 KB at the 99th percentile and 215 KB at most (42 KB of
// text), with the model. A larger one is left to the garbage collector, so
// that one huge statement does not pin its memory in the pool.
const maxRecycled = 1 << 20

// maxFreeMaps is how many cleared maps of spans' Targets a worker keeps
// between reports.
const maxFreeMaps = 512

// Recycle hands the memory of r, a report returned by a's [Analyzer.Analyze]
// or [Analyzer.AnalyzeDocument], back to a, whose later analyses reuse it
// (on any goroutine) instead of allocating: a program that analyzes a
// stream of statements and drops each report after writing it (as the
// rhetorica command does) leaves the garbage collector less to do.
//
// r and everything reachable from it (its hits, modifiers, spans, scores,
// reasons, turns and maps) must not be used afterwards, and no two calls
// of Recycle may hand over the same memory: recycle a report at most once,
// and not together with the reports [SplitBySpeaker] made of it, which
// share its memory. The rules are those of a [sync.Pool]: memory that is
// still in use when a later report reuses it is overwritten, and that
// report's output with it. Strings are never reused: a string taken from
// r (a hit's Text, a speaker) stays valid.
//
// Recycle clears what it keeps, so that nothing of r can show in a later
// report. A report whose memory is far larger than usual is left to the
// garbage collector instead. Recycle(nil) does nothing. Recycle is safe for
// concurrent use, with other calls of Recycle and with the analyses.
func (a *Analyzer) Recycle(r *Report) {
	if r == nil || recycledBytes(r) > maxRecycled {
		return
	}
	hits := r.Hits[:cap(r.Hits)]
	var mods []Modifier
	if n := len(hits); n > 0 {
		mods = hits[n-1].Modifiers
	}
	clear(mods[:cap(mods)])
	clear(hits)
	if n := len(hits); n > 0 {
		hits[n-1].Modifiers = mods[:0]
	}

	devs := r.Devices[:cap(r.Devices)]
	for i := range devs {
		t := devs[i].Targets
		clear(t[:cap(t)])
		devs[i] = DeviceScore{Targets: t[:0]}
	}

	spans := r.Spans[:cap(r.Spans)]
	var names []string
	var scores []Prob
	if n := len(spans); n > 0 {
		names, scores = spans[n-1].Devices, spans[n-1].Scores
	}
	scores = scores[:cap(scores)]
	var reasons []Reason
	if n := len(scores); n > 0 {
		reasons = scores[n-1].Because
	}
	clear(names[:cap(names)])
	clear(reasons[:cap(reasons)])
	clear(scores)
	if n := len(scores); n > 0 {
		scores[n-1].Because = reasons[:0]
	}
	// The spans keep their Targets maps, cleared, for take to collect.
	for i := range spans {
		m := spans[i].Targets
		clear(m)
		spans[i] = Span{Targets: m}
	}
	if n := len(spans); n > 0 {
		spans[n-1].Devices, spans[n-1].Scores = names[:0], scores[:0]
	}

	turns := r.Turns[:cap(r.Turns)]
	clear(turns)
	clear(r.Meta)
	*r = Report{Meta: r.Meta, Hits: hits[:0], Devices: devs[:0], Spans: spans[:0], Turns: turns[:0]}
	a.reports.Put(r)
}

// recycledBytes returns the bytes of the slices that r holds, anchors
// included, for Recycle's limit.
func recycledBytes(r *Report) int {
	n := cap(r.Hits)*int(unsafe.Sizeof(Hit{})) +
		cap(r.Devices)*int(unsafe.Sizeof(DeviceScore{})) +
		cap(r.Spans)*int(unsafe.Sizeof(Span{})) +
		cap(r.Turns)*int(unsafe.Sizeof(Turn{}))
	if n > maxRecycled {
		return n // no need to look further
	}
	if c := cap(r.Hits); c > 0 {
		n += cap(r.Hits[:c][c-1].Modifiers) * int(unsafe.Sizeof(Modifier{}))
	}
	for _, d := range r.Devices[:cap(r.Devices)] {
		n += cap(d.Targets) * int(unsafe.Sizeof(TargetCount{}))
	}
	if c := cap(r.Spans); c > 0 {
		a := &r.Spans[:c][c-1]
		n += cap(a.Devices)*int(unsafe.Sizeof("")) + cap(a.Scores)*int(unsafe.Sizeof(Prob{}))
		if k := cap(a.Scores); k > 0 {
			n += cap(a.Scores[:k][k-1].Because) * int(unsafe.Sizeof(Reason{}))
		}
	}
	return n
}

// reuse holds the memory of a recycled report while the next report is
// built (see take): slices of length 0 whose elements are zero.
// Everything but maps goes out in that report or is dropped, so that the
// scratch keeps nothing a report holds.
type reuse struct {
	hits    []Hit
	mods    []Modifier
	devs    []DeviceScore // [:cap]; each one's Targets is a buffer for that device
	spans   []Span
	names   []string
	scores  []Prob
	reasons []Reason
	turns   []Turn
	meta    map[string]string
	// maps are cleared maps for spans' Targets, kept from report to
	// report (at most maxFreeMaps): no report holds them.
	maps []map[string]string
}

// take fills sc.re with the memory of a recycled report, if the pool has
// one, and returns the report to fill: the recycled one, else a new one.
func (a *Analyzer) take(sc *scratch) *Report {
	r, _ := a.reports.Get().(*Report)
	if r == nil {
		return new(Report)
	}
	re := &sc.re
	re.hits = r.Hits
	if c := cap(re.hits); c > 0 {
		x := &re.hits[:c][c-1]
		re.mods, x.Modifiers = x.Modifiers, nil
	}
	re.devs = r.Devices[:cap(r.Devices)]
	re.spans = r.Spans
	spans := r.Spans[:cap(r.Spans)]
	if c := len(spans); c > 0 {
		x := &spans[c-1]
		re.names, re.scores = x.Devices, x.Scores
		x.Devices, x.Scores = nil, nil
	}
	if c := cap(re.scores); c > 0 {
		x := &re.scores[:c][c-1]
		re.reasons, x.Because = x.Because, nil
	}
	for i := range spans {
		if m := spans[i].Targets; m != nil {
			spans[i].Targets = nil
			if len(re.maps) < maxFreeMaps {
				re.maps = append(re.maps, m)
			}
		}
	}
	re.turns = r.Turns
	re.meta = r.Meta
	return r
}

// done drops sc.re's hold on the memory of the report just built, which
// now owns it (or never will: what it did not use goes to the collector).
func (re *reuse) done() {
	*re = reuse{maps: re.maps}
}

// targetsMap returns an empty map for a span's Targets: a recycled one if
// there is one.
func (re *reuse) targetsMap() map[string]string {
	if n := len(re.maps); n > 0 {
		m := re.maps[n-1]
		re.maps[n-1] = nil
		re.maps = re.maps[:n-1]
		return m
	}
	return map[string]string{}
}

// anchored returns a slice of length n and capacity at least n+1 whose
// elements past n are zero: s[:n] when s is large enough (its elements
// are zero), else a new one.
func anchored[T any](s []T, n int) []T {
	if cap(s) > n {
		return s[:n]
	}
	return make([]T, n, n+1)
}

// sized returns a slice of length n: s[:n] when s is large enough, else a
// new one (never nil, even of length 0, as make's).
func sized[T any](s []T, n int) []T {
	if s != nil && cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// anchor returns the anchor of s, the element at its last index of
// capacity (s must have capacity beyond its length).
func anchor[T any](s []T) *T {
	return &s[:cap(s)][cap(s)-1]
}
