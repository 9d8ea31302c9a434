package main

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// palette holds the highlight colours: Paul Tol's colour-blind-safe "light"
// scheme followed by further light tones, all dark-text readable (contrast
// with black above 7:1 for the first nine). Devices beyond its length reuse
// colours with a dotted border so that they stay distinguishable.
var palette = [...]string{
	"#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
	"#AAAA00", "#DDDDDD", "#CC6677", "#C3A6E0", "#E3C089", "#9CC3A6", "#B0B8E8",
}

// htmlReport streams a standalone HTML report: the head and legend first,
// then one section per statement as reports arrive, then the summary charts
// (placed at the top by CSS order).
type htmlReport struct {
	w       io.Writer
	devices []string
	desc    map[string]string
	title   string
	by      string
	lexName string
	n       int
	total   rhetoric.Profile // all statements
	toc     []tocEntry       // one line per statement for the summary
	started bool
	// timeSeries, when set before finishProfiles (analyze --over), adds
	// the line charts of device rates over time.
	timeSeries *timeSeries

	// Above maxFullTextBytes of statement text, statements are no longer
	// written in full: the report keeps the maxKeptStatements with the
	// most hits among the rest, and says what it left out.
	textBytes int
	fullLimit int        // maxFullTextBytes; tests lower it
	leftOut   int        // statements not written in full
	leftWords int        // their words
	leftBytes int        // their text bytes
	kept      []keptStmt // rendered statements kept from the rest, at most maxKeptStatements
}

// keptStmt is a rendered statement held back when the report is over its
// size limit.
type keptStmt struct {
	n, hits int
	html    []byte
}

// The report's size limits (documented in README.md, "The HTML report").
const (
	// maxFullTextBytes is how much statement text the report shows in
	// full (highlighted), about 3 times as much HTML.
	maxFullTextBytes = 20 << 20
	// maxKeptStatements is how many of the statements beyond the limit are
	// still shown: those with the most hits.
	maxKeptStatements = 50
	// maxTOCRows bounds the table of statements.
	maxTOCRows = 5000
)

// tocEntry is a statement's line in the summary's table of contents.
type tocEntry struct {
	N                 int
	ID, Speaker, Date string
	Words, Hits       int
	Top               string
}

func newHTMLReport(w io.Writer, devices []string, lex *lexicon.Lexicon, title, by string) *htmlReport {
	h := &htmlReport{w: w, devices: devices, desc: map[string]string{}, title: title, by: by,
		fullLimit: maxFullTextBytes}
	if lex != nil {
		h.lexName = lex.Name()
		for _, c := range lex.Categories() {
			h.desc[c.Name] = c.Description
		}
	}
	if h.title == "" {
		h.title = "Framing devices in the statements"
	}
	return h
}

// deviceClass returns the CSS class of device i: "d3".
func deviceClass(i int) string { return "d" + strconv.Itoa(i) }

func (h *htmlReport) deviceIndex(name string) int { return slices.Index(h.devices, name) }

type legendItem struct {
	Name, Class, Description string
}

type headView struct {
	Title   string
	CSS     template.CSS
	Legend  []legendItem
	Lexicon string
}

func (h *htmlReport) css() template.CSS {
	var b strings.Builder
	b.WriteByte('\n')
	b.WriteString(reportCSS)
	for i := range h.devices {
		col := palette[i%len(palette)]
		fmt.Fprintf(&b, ".d%d{--c:%s}", i, col)
		fmt.Fprintf(&b, ".u%d{--u:%s}.f%d{fill:%s}", i, col, i, col)
		if i >= len(palette) {
			fmt.Fprintf(&b, ".hl.d%d,.sw.d%d{border-bottom:2px dotted #222}", i, i)
		}
	}
	b.WriteByte('\n')
	// The CSS is built from constants only; no input reaches it.
	return template.CSS(b.String())
}

func (h *htmlReport) start() error {
	h.started = true
	return htmlTemplates().ExecuteTemplate(h.w, "head", h.headView())
}

// headView is the data of the report's head: title, style sheet, legend.
func (h *htmlReport) headView() headView {
	v := headView{Title: h.title, CSS: h.css(), Lexicon: h.lexName}
	for i, d := range h.devices {
		v.Legend = append(v.Legend, legendItem{Name: d, Class: deviceClass(i), Description: h.desc[d]})
	}
	return v
}

type metaItem struct{ Key, Value string }

type segment struct {
	Text  string
	Class string // "" for plain text
	Title string
}

type statementView struct {
	N         int
	ID        string
	Title     string // Meta["title"], shown under the id
	Speaker   string
	Date      string
	Meta      []metaItem
	Words     int
	Sentences int
	Hits      int
	Negated   int
	Segments  []segment
	NoText    bool
	Chart     barChart
}

func (h *htmlReport) report(r *rhetoric.Report, text string) error {
	if !h.started {
		if err := h.start(); err != nil {
			return err
		}
	}
	h.n++
	h.total.Add(r)
	v := statementView{N: h.n, ID: r.ID, Speaker: r.Speaker, Date: r.Date, Words: r.Words, Sentences: r.Sentences}
	keys := make([]string, 0, len(r.Meta))
	for k := range r.Meta {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "title" {
			v.Title = r.Meta[k]
			continue
		}
		v.Meta = append(v.Meta, metaItem{k, r.Meta[k]})
	}
	for _, d := range r.Devices {
		v.Hits += d.Hits
		v.Negated += d.Negated
	}
	if len(h.toc) < maxTOCRows {
		h.toc = append(h.toc, tocEntry{N: h.n, ID: r.ID, Speaker: r.Speaker, Date: r.Date, Words: r.Words,
			Hits: v.Hits, Top: topDevices(r.Devices, 3)})
	}
	full := h.leftOut == 0 && h.textBytes+len(text) <= h.fullLimit
	if !full {
		h.leftOut++
		h.leftWords += r.Words
		h.leftBytes += len(text)
		if len(h.kept) == maxKeptStatements && !h.keepBetter(v.Hits) {
			return nil
		}
	} else {
		h.textBytes += len(text)
	}
	v.Segments = h.segments(text, r.Hits)
	v.NoText = text == ""
	v.Chart = h.barChart(r.Devices)
	if full {
		return htmlTemplates().ExecuteTemplate(h.w, "statement", v)
	}
	var b bytes.Buffer
	if err := htmlTemplates().ExecuteTemplate(&b, "statement", v); err != nil {
		return err
	}
	h.keep(keptStmt{n: h.n, hits: v.Hits, html: b.Bytes()})
	return nil
}

// keepBetter reports whether a statement with hits would displace the
// weakest kept one (the fewest hits, the latest on a tie).
func (h *htmlReport) keepBetter(hits int) bool {
	return hits > h.kept[h.weakest()].hits
}

func (h *htmlReport) weakest() int {
	w := 0
	for i, k := range h.kept {
		if k.hits < h.kept[w].hits || k.hits == h.kept[w].hits && k.n > h.kept[w].n {
			w = i
		}
	}
	return w
}

// keep adds a rendered statement to the kept ones, displacing the weakest
// when full.
func (h *htmlReport) keep(k keptStmt) {
	if len(h.kept) < maxKeptStatements {
		h.kept = append(h.kept, k)
		return
	}
	h.kept[h.weakest()] = k
}

func (h *htmlReport) finish() error { return h.finishProfiles(nil) }

// finish writes the summary charts and closes the document.
func (h *htmlReport) finishProfiles(profiles []rhetoric.Profile) error {
	if !h.started {
		if err := h.start(); err != nil {
			return err
		}
	}
	// The statements kept beyond the size limit, in input order.
	slices.SortFunc(h.kept, func(a, b keptStmt) int { return cmp.Compare(a.n, b.n) })
	for _, k := range h.kept {
		if _, err := h.w.Write(k.html); err != nil {
			return err
		}
	}
	type footView struct {
		Statements int
		Count      string
		Overall    barChart
		Words      int
		By         string
		Groups     heatChart
		Targets    []targetRow
		Compare    *compareView
		Time       *timeView
		Version    string
		TOC        []tocEntry
		TOCCut     int    // statements missing from the table
		LeftOut    string // what the size limit left out, or ""
		Matrix     matrixView
	}
	fv := footView{Statements: h.n, Count: plural(h.n, "statement"), By: h.by, Version: version, TOC: h.toc,
		Matrix: newMatrixView(h.total.Matrix, h.devices)}
	if h.total.Statements > 0 {
		fv.Overall = h.barChart(h.total.Devices)
		fv.Words = h.total.Words
	}
	if h.by != "" && len(profiles) > 0 {
		fv.Groups = h.heatChart(profiles)
		fv.Targets = h.targetRows(profiles)
		fv.Compare = h.compareView(profiles)
	} else if h.total.Statements > 0 {
		fv.Targets = h.targetRows([]rhetoric.Profile{h.total})
	}
	if h.timeSeries != nil {
		fv.Time = h.timeView(h.timeSeries)
	}
	fv.TOCCut = h.n - len(h.toc)
	if h.leftOut > 0 {
		fv.LeftOut = fmt.Sprintf("This report shows the first %.0f MB of statement text in full. The %s after that (%s, %.1f MB of text) are counted in every chart and table; of them, only the %s with the most hits are shown in full. Use --format hits or kwic to read every hit.",
			float64(h.fullLimit)/(1<<20), plural(h.leftOut, "statement"), plural(h.leftWords, "word"), float64(h.leftBytes)/(1<<20),
			plural(len(h.kept), "statement"))
	}
	return htmlTemplates().ExecuteTemplate(h.w, "foot", fv)
}

// segments splits text at every hit boundary. Each piece covered by hits
// gets the class of its main device (the first non-negated hit covering it,
// by start then length), a second device's underline when hits of two
// devices overlap there, and a tooltip describing every covering hit.
func (h *htmlReport) segments(text string, hits []rhetoric.Hit) []segment {
	valid := make([]rhetoric.Hit, 0, len(hits))
	for _, ht := range hits {
		if ht.Start >= 0 && ht.Start < ht.End && ht.End <= len(text) &&
			utf8.RuneStart(text[ht.Start]) && (ht.End == len(text) || utf8.RuneStart(text[ht.End])) {
			valid = append(valid, ht)
		}
	}
	slices.SortStableFunc(valid, func(a, b rhetoric.Hit) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.End, a.End)
	})
	cuts := []int{0, len(text)}
	for _, ht := range valid {
		cuts = append(cuts, ht.Start, ht.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var segs []segment
	var cover []int
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		cover = cover[:0]
		for j := range valid {
			if valid[j].Start >= b {
				break
			}
			if valid[j].Start <= a && valid[j].End >= b {
				cover = append(cover, j)
			}
		}
		seg := segment{Text: text[a:b]}
		if len(cover) > 0 {
			main := cover[0]
			for _, j := range cover {
				if !valid[j].Negated {
					main = j
					break
				}
			}
			mh := valid[main]
			cls := "hl " + deviceClass(h.deviceIndex(mh.Device))
			if mh.Negated {
				cls += " neg"
			}
			for _, j := range cover {
				if valid[j].Device != mh.Device {
					cls += " u u" + strconv.Itoa(h.deviceIndex(valid[j].Device))
					break
				}
			}
			var tips []string
			for _, j := range cover {
				tips = append(tips, hitTooltip(valid[j]))
			}
			seg.Class = cls
			seg.Title = strings.Join(tips, "\n\n")
		}
		if n := len(segs); n > 0 && seg.Class == "" && segs[n-1].Class == "" {
			segs[n-1].Text += seg.Text
			continue
		}
		segs = append(segs, seg)
	}
	return segs
}

// hitTooltip describes a hit for its title attribute.
func hitTooltip(ht rhetoric.Hit) string {
	var b strings.Builder
	b.WriteString(ht.Device)
	if ht.Negated {
		b.WriteString(" (negated: not counted)")
	}
	fmt.Fprintf(&b, "\nentry: %s\nweight: %s", ht.Entry, strconv.FormatFloat(ht.Weight, 'g', 4, 64))
	for _, m := range ht.Modifiers {
		fmt.Fprintf(&b, "\n%s: %s", m.Kind, m.Text)
	}
	if ht.Target != "" && ht.Target != "NONE" {
		fmt.Fprintf(&b, "\ntarget: %s", ht.Target)
		if ht.TargetRule != "" {
			fmt.Fprintf(&b, " (%s)", ht.TargetRule)
		}
	} else {
		b.WriteString("\ntarget: none")
	}
	return b.String()
}

// barChart is a horizontal bar chart of device rates (per 1,000 words).
type barChart struct {
	Width, Height int
	LabelW        int
	LabelX        int
	Bars          []bar
	Empty         bool
	Summary       string // text alternative
}

type bar struct {
	Y, W, TextY, ValueX int
	Label, Value, Class string
	Title               string
}

const (
	barH      = 18
	barGap    = 6
	barLabelW = 150
	barMaxW   = 300
)

// barChart draws the devices with any hit, in lexicon order.
func (h *htmlReport) barChart(scores []rhetoric.DeviceScore) barChart {
	ch := barChart{LabelW: barLabelW, LabelX: barLabelW - 8}
	maxRate := 0.0
	for _, d := range scores {
		maxRate = max(maxRate, d.Per1K)
	}
	var alt []string
	for _, d := range scores {
		if d.Hits == 0 && d.Negated == 0 {
			continue
		}
		w := 0
		if maxRate > 0 {
			w = int(d.Per1K / maxRate * barMaxW)
		}
		y := len(ch.Bars) * (barH + barGap)
		b := bar{Y: y, W: max(w, 1), TextY: y + barH - 5, ValueX: barLabelW + max(w, 1) + 6,
			Label: d.Device, Class: "f" + strconv.Itoa(h.deviceIndex(d.Device)),
			Value: fmt.Sprintf("%.1f", d.Per1K)}
		b.Title = fmt.Sprintf("%s: %s, %.2f per 1,000 words", d.Device, plural(d.Hits, "hit"), d.Per1K)
		if d.Negated > 0 {
			b.Value += fmt.Sprintf("  (+%d negated)", d.Negated)
			b.Title += fmt.Sprintf(", %d negated (not counted)", d.Negated)
		}
		ch.Bars = append(ch.Bars, b)
		alt = append(alt, fmt.Sprintf("%s %.1f", d.Device, d.Per1K))
	}
	ch.Empty = len(ch.Bars) == 0
	ch.Width = barLabelW + barMaxW + 140
	ch.Height = max(len(ch.Bars)*(barH+barGap), barH)
	ch.Summary = "Hits per 1,000 words: " + strings.Join(alt, ", ")
	return ch
}

// heatChart is a grid of groups (rows) by devices (columns); each cell's
// colour strength is the group's rate relative to the highest rate of that
// device, and it shows the rate.
type heatChart struct {
	Width, Height int
	Cols          []heatCol
	Rows          []heatRow
}

type heatCol struct {
	X, LabelX, LabelY int
	Label             string
	Class             string
}

type heatRow struct {
	Y, TextY, LabelX int
	Label            string
	Full             string // the whole label, when Label is shortened
	Cells            []heatCell
}

type heatCell struct {
	X, Y, TextX, TextY int
	Opacity, Value     string
	Class, Title       string
}

// The heatmap's SVG scales down to the page width (CSS), so it fits at any
// width and in print; its labels are sized to the longest ones, so that
// none is cut by the edge.
func (h *htmlReport) heatChart(profiles []rhetoric.Profile) heatChart {
	const cellW, cellH, maxLabel = 58, 26, 40
	labels := make([]string, len(profiles))
	labelW := 60
	for r, p := range profiles {
		label := p.Group
		if label == "" {
			label = "(no " + h.by + ")"
		}
		labels[r] = fmt.Sprintf("%s (%d)", shortenMiddle(label, maxLabel), p.Statements)
		labelW = max(labelW, labelWidth(labels[r])+12)
	}
	// Column labels are turned 45 degrees: their height and their reach
	// to the right of the last column follow the longest device name.
	colLabel := 0
	for _, d := range h.devices {
		colLabel = max(colLabel, labelWidth(d))
	}
	top := colLabel*7/10 + 14
	var ch heatChart
	maxRate := make([]float64, len(h.devices))
	for _, p := range profiles {
		for _, d := range p.Devices {
			if i := h.deviceIndex(d.Device); i >= 0 {
				maxRate[i] = max(maxRate[i], d.Per1K)
			}
		}
	}
	// Devices that no group uses are left out, to keep the grid narrow.
	var cols []int
	for i, d := range h.devices {
		if maxRate[i] == 0 {
			continue
		}
		x := labelW + len(cols)*cellW
		cols = append(cols, i)
		ch.Cols = append(ch.Cols, heatCol{X: x, LabelX: x + cellW/2 - 4, LabelY: top - 6, Label: d, Class: "f" + strconv.Itoa(i)})
	}
	for r, p := range profiles {
		y := top + r*cellH
		label := p.Group
		if label == "" {
			label = "(no " + h.by + ")"
		}
		row := heatRow{Y: y, TextY: y + cellH/2 + 5, LabelX: labelW - 8, Label: labels[r]}
		if shortenMiddle(label, maxLabel) != label {
			row.Full = label
		}
		for c, i := range cols {
			d := h.devices[i]
			var ds rhetoric.DeviceScore
			for _, s := range p.Devices {
				if s.Device == d {
					ds = s
				}
			}
			op := 0.12 + 0.88*ds.Per1K/maxRate[i]
			x := labelW + c*cellW
			row.Cells = append(row.Cells, heatCell{X: x, Y: y + 1, TextX: x + cellW/2, TextY: y + cellH/2 + 5,
				Opacity: strconv.FormatFloat(op, 'f', 2, 64), Value: fmt.Sprintf("%.1f", ds.Per1K),
				Class: "f" + strconv.Itoa(i),
				Title: fmt.Sprintf("%s, %s: %.2f per 1,000 words (%s in %s)", label, d, ds.Per1K, plural(ds.Hits, "hit"), plural(p.Words, "word"))})
		}
		ch.Rows = append(ch.Rows, row)
	}
	ch.Width = labelW + len(cols)*cellW + colLabel*7/10 + 10
	ch.Height = top + len(profiles)*cellH + 10
	return ch
}

// shortenMiddle shortens s to n runes by cutting out its middle, where
// long group names (file paths, titles) differ least: the start and the
// end stay.
func shortenMiddle(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	head := (n - 1) * 2 / 5
	return string(rs[:head]) + "…" + string(rs[len(rs)-(n-1-head):])
}

// reportCSS is the style sheet of the HTML report; the per-device colours
// are appended to it.
//
//go:embed report.css
var reportCSS string

// reportTemplate holds the templates of the HTML report: "head", "statement"
// (one per statement), "bars" (a chart) and "foot" (the summary).
//
//go:embed report.tmpl
var reportTemplate string

var htmlTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.Must(template.New("report").Funcs(template.FuncMap{"plural": plural}).Parse(reportTemplate)).Parse(matrixTemplate))
})
