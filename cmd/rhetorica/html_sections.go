package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// The visible sections of the HTML report's summary that were tooltips
// before: whom each group targets, the comparison of the two largest
// groups with its cues, and the device rates over time.

// targetRow is one line of the "whom each group targets" table.
type targetRow struct {
	Group   string
	Device  string
	Class   string // the device's swatch class
	Hits    int
	Targets string // "RUS 4 · NATO 2"
	First   bool   // first row of its group (the group cell spans the rest)
	Span    int    // rows of the group, on its first row
}

// maxTargetRows bounds the targets table; the rest is summarised.
const maxTargetRows = 400

// targetRows lists, per group and device, the actors that the group's
// non-negated hits target (NONE left out), most frequent first.
func (h *htmlReport) targetRows(profiles []rhetoric.Profile) []targetRow {
	var rows []targetRow
	for _, p := range profiles {
		start := len(rows)
		for _, d := range p.Devices {
			var parts []string
			for _, t := range d.Targets {
				if t.Actor == "NONE" || len(parts) == 6 {
					continue
				}
				parts = append(parts, t.Actor+" "+strconv.Itoa(t.Count))
			}
			if len(parts) == 0 {
				continue
			}
			rows = append(rows, targetRow{Group: h.groupLabel(p.Group), Device: d.Device,
				Class: deviceClass(h.deviceIndex(d.Device)), Hits: d.Hits, Targets: strings.Join(parts, " · ")})
		}
		if len(rows) > start {
			rows[start].First, rows[start].Span = true, len(rows)-start
		}
		if len(rows) >= maxTargetRows {
			break
		}
	}
	return rows
}

// groupLabel names a group for people.
func (h *htmlReport) groupLabel(g string) string {
	switch {
	case h.by == "":
		return "All statements"
	case g == "":
		return "(no " + h.by + ")"
	}
	return g
}

// compareView is the comparison of the two largest groups.
type compareView struct {
	A, B         string
	WordsA       int
	WordsB       int
	GroupCount   int // groups in the report
	Rows         []compareRow
	Prior        float64
	OnlyTwo      bool
	Significance string
}

type compareRow struct {
	Device       string
	Class        string
	RateA, RateB string
	Z            string
	Sig          bool
	Towards      string // "A" or "B" when significant
	CuesA, CuesB string
}

// compareView compares the two groups with the most words (ties broken by
// name) device by device, as "rhetorica compare" does, with their top
// cues. It is nil with fewer than two groups.
func (h *htmlReport) compareView(profiles []rhetoric.Profile) *compareView {
	if len(profiles) < 2 {
		return nil
	}
	ps := slices.Clone(profiles)
	slices.SortStableFunc(ps, func(a, b rhetoric.Profile) int {
		return cmp.Or(cmp.Compare(b.Words, a.Words), cmp.Compare(a.Group, b.Group))
	})
	pa, pb := ps[0], ps[1]
	c := rhetoric.Compare(pa, pb)
	v := &compareView{A: h.groupLabel(pa.Group), B: h.groupLabel(pb.Group), WordsA: pa.Words, WordsB: pb.Words,
		GroupCount: len(profiles), Prior: c.Prior, OnlyTwo: len(profiles) == 2}
	ca, cb := profileCues(pa), profileCues(pb)
	for _, d := range c.SortByZ().Devices {
		if d.HitsA == 0 && d.HitsB == 0 {
			continue
		}
		row := compareRow{Device: d.Device, Class: deviceClass(h.deviceIndex(d.Device)),
			RateA: fmt.Sprintf("%.2f", d.RateA), RateB: fmt.Sprintf("%.2f", d.RateB),
			Z: fmt.Sprintf("%+.2f", d.Z), Sig: math.Abs(d.Z) > 1.96,
			CuesA: cueList(topCues(ca, d.Device, 3)), CuesB: cueList(topCues(cb, d.Device, 3))}
		if row.Sig {
			row.Towards = "A"
			if d.Z < 0 {
				row.Towards = "B"
			}
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// timeView holds the line charts of --over: one small chart per device,
// one line per group.
type timeView struct {
	Over    string
	Groups  []timeGroup
	Charts  []lineChart
	Dropped int // groups left out of the charts
	Missing int // statements without a period
}

type timeGroup struct {
	Label, Colour string
}

type lineChart struct {
	Device        string
	Class         string
	Width, Height int
	Max           string // the y axis maximum, per 1,000 words
	Lines         []chartLine
	XLabels       []axisLabel
	PlotLeft      int
	PlotBottom    int
	PlotRight     int
	Summary       string
}

type chartLine struct {
	Points string // SVG polyline points
	Colour string
	Dots   []chartDot
}

type chartDot struct {
	X, Y  string
	Title string
}

type axisLabel struct {
	X, Y  int
	Label string
}

// groupColours are Paul Tol's "bright" scheme, distinguishable for
// colour-blind readers, then black.
var groupColours = [...]string{"#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB", "#000000"}

// timeView draws each device that any group uses, at most
// len(groupColours) groups (those with the most words).
func (h *htmlReport) timeView(ts *timeSeries) *timeView {
	v := &timeView{Over: ts.Over, Missing: ts.Missing}
	ser := slices.Clone(ts.Series)
	if len(ser) > len(groupColours) {
		words := func(s series) int {
			n := 0
			for _, p := range s.Points {
				n += p.Words
			}
			return n
		}
		slices.SortStableFunc(ser, func(a, b series) int { return cmp.Compare(words(b), words(a)) })
		v.Dropped = len(ser) - len(groupColours)
		ser = ser[:len(groupColours)]
		slices.SortFunc(ser, func(a, b series) int { return strings.Compare(a.Group, b.Group) })
	}
	for i, s := range ser {
		v.Groups = append(v.Groups, timeGroup{Label: ts.groupLabel(s.Group), Colour: groupColours[i]})
	}
	const w, hgt, left, right, top, bottom = 320, 170, 40, 30, 10, 40
	plotW, plotH := w-left-right, hgt-top-bottom
	np := len(ts.Periods)
	xOf := func(i int) float64 {
		if np == 1 {
			return left + float64(plotW)/2
		}
		return left + float64(i)*float64(plotW)/float64(np-1)
	}
	// Label at most ~8 periods on the x axis.
	step := max(1, (np+7)/8)
	var xl []axisLabel
	for i, p := range ts.Periods {
		if i%step == 0 || i == np-1 {
			xl = append(xl, axisLabel{X: int(xOf(i)), Y: hgt - bottom + 14, Label: p})
		}
	}
	for _, d := range h.devices {
		maxRate := 0.0
		for _, s := range ser {
			for i := range s.Points {
				maxRate = max(maxRate, s.Points[i].score(d).Per1K)
			}
		}
		if maxRate == 0 {
			continue
		}
		ch := lineChart{Device: d, Class: deviceClass(h.deviceIndex(d)), Width: w, Height: hgt, Max: fmt.Sprintf("%.1f", maxRate),
			XLabels: xl, PlotLeft: left, PlotBottom: hgt - bottom, PlotRight: w - right}
		var alt []string
		for gi, s := range ser {
			ln := chartLine{Colour: groupColours[gi]}
			var pts []string
			var vals []string
			for i := range s.Points {
				p := &s.Points[i]
				pi := slices.Index(ts.Periods, p.Period)
				rate := p.score(d).Per1K
				x := xOf(pi)
				y := float64(top) + float64(plotH)*(1-rate/maxRate)
				xs, ys := strconv.FormatFloat(x, 'f', 1, 64), strconv.FormatFloat(y, 'f', 1, 64)
				pts = append(pts, xs+","+ys)
				ln.Dots = append(ln.Dots, chartDot{X: xs, Y: ys, Title: fmt.Sprintf("%s, %s %s: %.2f per 1,000 words (%s, %s)",
					v.Groups[gi].Label, ts.Over, p.Period, rate, plural(p.score(d).Hits, "hit"), plural(p.Words, "word"))})
				vals = append(vals, fmt.Sprintf("%s %.1f", p.Period, rate))
			}
			ln.Points = strings.Join(pts, " ")
			ch.Lines = append(ch.Lines, ln)
			alt = append(alt, v.Groups[gi].Label+": "+strings.Join(vals, ", "))
		}
		ch.Summary = d + " per 1,000 words over " + ts.Over + ". " + strings.Join(alt, "; ")
		v.Charts = append(v.Charts, ch)
	}
	return v
}

// labelWidth estimates the width in pixels of a label at 12px.
func labelWidth(s string) int { return utf8.RuneCountInString(s)*7 + 4 }
