package rhetoric

import (
	"cmp"
	"slices"

	"github.com/rhetorica/rhetorica/tokenize"
)

// tally holds the raw counts of one device, from which every score
// follows. Reports and profiles share it so that their formulas agree.
type tally struct {
	hits, negated, intensified, hedged, sentences int
	weight                                        float64
	targets                                       []TargetCount // unsorted while counting
}

func (t *tally) addTarget(code string, n int) {
	for i := range t.targets {
		if t.targets[i].Actor == code {
			t.targets[i].Count += n
			return
		}
	}
	t.targets = append(t.targets, TargetCount{Actor: code, Count: n})
}

// finish computes a DeviceScore from the tally given the totals of its
// report or profile: words, sentences and non-negated hits of all devices.
func (t *tally) finish(device string, words, sentences, allHits int) DeviceScore {
	d := DeviceScore{
		Device: device, Hits: t.hits, Negated: t.negated, Weight: t.weight,
		Intensified: t.intensified, Hedged: t.hedged, CoveredSentences: t.sentences,
		Targets: t.targets,
	}
	if d.Targets == nil {
		d.Targets = []TargetCount{}
	}
	sortTargets(d.Targets)
	if words > 0 {
		d.Per1K = float64(t.hits) * 1000 / float64(words)
	}
	if allHits > 0 {
		d.Share = float64(t.hits) / float64(allHits)
	}
	if sentences > 0 {
		d.Coverage = float64(t.sentences) / float64(sentences)
	}
	if t.hits > 0 {
		d.Intensity = float64(t.intensified) / float64(t.hits)
	}
	return d
}

// sortTargets orders targets by count, descending, then code.
func sortTargets(ts []TargetCount) {
	slices.SortFunc(ts, func(x, y TargetCount) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return cmp.Compare(x.Actor, y.Actor)
	})
}

// score fills r.Devices and r.Spans from the hits in sc (sorted by start).
func (a *Analyzer) score(r *Report, doc *tokenize.Document, sc *scratch) {
	nd := len(a.devices)
	nt := len(a.tcodes)
	tallies := make([]tally, nd)
	// tcount[d*nt+k] counts the hits of device d with target tcodes[k].
	tcount := sc.tcount[:0]
	tcount = append(tcount, make([]int32, nd*nt)...)
	sc.tcount = tcount
	// seen[s*nd+d] records that sentence s performs device d.
	ns := len(doc.Sentences)
	seen := make([]bool, ns*nd)
	all := 0
	for i := range sc.hits {
		h := &sc.hits[i]
		t := &tallies[h.dev]
		if h.Disputed || h.Excluded {
			continue // not the speaker's move (see Hit.Counts)
		}
		if h.Negated {
			t.negated++
			continue
		}
		all++
		t.hits++
		t.weight += h.Weight
		if h.Intensified {
			t.intensified++
		}
		if h.Hedged {
			t.hedged++
		}
		tcount[h.dev*nt+h.tgt]++
		if h.Sentence >= 0 && h.Sentence < ns && !seen[h.Sentence*nd+h.dev] {
			seen[h.Sentence*nd+h.dev] = true
			t.sentences++
		}
	}
	r.Devices = make([]DeviceScore, nd)
	for d := range tallies {
		for k, c := range tcount[d*nt : (d+1)*nt] {
			if c > 0 {
				tallies[d].targets = append(tallies[d].targets, TargetCount{Actor: a.tcodes[k], Count: int(c)})
			}
		}
		r.Devices[d] = tallies[d].finish(a.devices[d], r.Words, r.Sentences, all)
	}
	r.Spans = make([]Span, ns)
	names := make([]string, 0, countTrue(seen))
	for si, s := range doc.Sentences {
		from := len(names)
		for d := range nd {
			if seen[si*nd+d] {
				names = append(names, a.devices[d])
			}
		}
		r.Spans[si] = Span{Start: s.Start, End: s.End, Devices: names[from:len(names):len(names)], Speaker: r.Speaker}
	}
	if len(sc.turns) > 0 {
		a.scoreTurns(r, doc, sc)
	}
}

// scoreTurns fills r.Turns, marks the spans with their turn's speaker and
// leaves the words and sentences of excluded turns out of r's counts (and
// out of its per-1K rates and coverage, which are recomputed).
func (a *Analyzer) scoreTurns(r *Report, doc *tokenize.Document, sc *scratch) {
	r.Turns = make([]Turn, len(sc.turns))
	for k, t := range sc.turns {
		r.Turns[k] = Turn{Speaker: t.speaker, Start: t.start, End: t.end, Excluded: t.excluded}
	}
	k := 0
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
			k = turnAt(sc.turns, t.Start, k)
			r.Turns[k].Words++
		}
	}
	k = 0
	for si := range r.Spans {
		sp := &r.Spans[si]
		k = turnAt(sc.turns, sp.Start, k)
		sp.Speaker, sp.Excluded = sc.turns[k].speaker, sc.turns[k].excluded
		r.Turns[k].Sentences++
	}
	words, sents := 0, 0
	for _, t := range r.Turns {
		if !t.Excluded {
			words += t.Words
			sents += t.Sentences
		}
	}
	if words == r.Words && sents == r.Sentences {
		return
	}
	r.Words, r.Sentences = words, sents
	all := 0
	for _, d := range r.Devices {
		all += d.Hits
	}
	for i := range r.Devices {
		d := &r.Devices[i]
		t := tally{hits: d.Hits, negated: d.Negated, intensified: d.Intensified, hedged: d.Hedged, sentences: d.CoveredSentences, weight: d.Weight, targets: d.Targets}
		*d = t.finish(d.Device, words, sents, all)
	}
}

func countTrue(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}
