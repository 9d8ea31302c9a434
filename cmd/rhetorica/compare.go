package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

const compareUsage = `Usage: rhetorica compare --by KEY [A B] [flags] [PATH ...]

Groups the statements by KEY (speaker, date, file, or any metadata field),
then compares two groups device by device: the rate of each device per 1,000
words in A and in B, their difference, and the log-odds ratio with an
informative Dirichlet prior and its z-score (Monroe, Colaresi and Quinn 2008).
A positive z means A uses the device more than B; |z| > 1.96 is marked "*".
Below the table, the top cues of each device on each side (the lexicon
entries that fired, with counts; --cues sets how many) show which words a
z-score comes from. JSON has them as "cues", CSV as the columns top_cues_a
and top_cues_b.

The two groups are --a and --b, or the first two arguments when neither is an
existing file or directory. Without them, the input must hold exactly two
groups (compared in sorted order). With fewer than two groups (every
statement has the same KEY, or none has it) there is nothing to compare:
a usage error, or exit code 1 when an input failed (its statements may be
the missing group).

Inputs are read as by "rhetorica analyze" (see its --help).

Examples:
  rhetorica compare --by speaker Biden Putin statements.jsonl
  rhetorica compare --by speaker --a Biden --b Putin statements.jsonl
  rhetorica compare --by country --format csv speeches/ > rus-vs-ukr.csv
  rhetorica compare --by file --a putin.csv --b zelenskyy.csv putin.csv zelenskyy.csv
`

func (c *cli) compare(args []string) int {
	fs := newFlagSet("compare", compareUsage)
	var f analysisFlags
	f.register(fs)
	by := fs.String("by", "", "group by speaker, date, file or any metadata `KEY` (required)")
	ga := fs.String("a", "", "the first `GROUP`")
	gb := fs.String("b", "", "the second `GROUP`")
	var o outputFlags
	o.register(fs, "table, json or csv")
	sortZ := fs.Bool("sort", false, "sort devices by z-score (largest first) instead of lexicon order")
	prior := fs.Float64("prior", rhetoric.DefaultPrior, "size of the Dirichlet prior in pseudo-words")
	ncues := fs.Int("cues", 3, "show the `N` most frequent cues of each device per group (0: none)")
	pos, code := c.parseFlags(fs, "compare", args)
	if code >= 0 {
		return code
	}
	if *by == "" {
		return c.usageError("compare ", "compare needs --by KEY (speaker, date, file or a metadata field)")
	}
	of, err := o.outFormat()
	if err != nil {
		return c.usageError("compare ", "%v", err)
	}
	if of == outHTML || of == outJSONL || of == outMatrix || of == outMatrixJSON {
		return c.usageError("compare ", "compare writes table, json or csv, not %s", o.format)
	}
	if (*ga == "") != (*gb == "") {
		return c.usageError("compare ", "give both --a and --b, or neither")
	}
	if !(*prior > 0) || math.IsInf(*prior, 0) {
		// rhetoric.CompareWith would quietly use the default instead.
		return c.usageError("compare ", "--prior must be a positive, finite number of pseudo-words, got %v", *prior)
	}
	if *ga == "" && len(pos) >= 3 && !isPath(pos[0]) && !isPath(pos[1]) {
		*ga, *gb, pos = pos[0], pos[1], pos[2:]
	}
	s, code := c.prepare("compare", &f, pos)
	if code >= 0 {
		return code
	}
	s.inOpts.fileMeta = *by == "file"
	if *ncues < 0 {
		return c.usageError("compare ", "--cues must be 0 or more")
	}
	agg := rhetoric.NewGroups(rhetoric.KeyField(*by))
	res := c.pipeline(s, func(r *rhetoric.Report, _ string) error {
		addReport(agg, r)
		return nil
	})
	if res.ctxErr != nil || res.stopped {
		return c.finish(res)
	}
	profiles := agg.Profiles()
	c.checkGroupKey(*by, profiles, s.strict, &res)
	if res.noKey {
		return c.finish(res)
	}
	var groups []string
	for _, p := range profiles {
		groups = append(groups, p.Group)
	}
	find := func(g string) (rhetoric.Profile, bool) {
		for _, p := range profiles {
			if p.Group == g {
				return p, true
			}
		}
		return rhetoric.Profile{}, false
	}
	if msg := tooFewGroups(*by, profiles, *ga != ""); msg != "" {
		return c.groupError(res, "%s", msg)
	}
	var pa, pb rhetoric.Profile
	switch {
	case *ga != "":
		var okA, okB bool
		pa, okA = find(*ga)
		pb, okB = find(*gb)
		if !okA || !okB {
			missing := *ga
			if okA {
				missing = *gb
			}
			return c.groupError(res, "no statements with %s %q (the groups are: %s)", *by, missing, quoteList(groups))
		}
	case len(profiles) == 2:
		pa, pb = profiles[0], profiles[1]
	default:
		return c.groupError(res, "%d groups by %s (%s): name the two to compare with --a and --b",
			len(profiles), *by, quoteList(groups))
	}
	cmpn := rhetoric.CompareWith(pa, pb, *prior)
	if *sortZ {
		cmpn = cmpn.SortByZ()
	}
	w, closeOut, err := c.openOutput(o.out, s.srcs)
	if err != nil {
		return c.fatal(err)
	}
	cues := comparisonCues(cmpn, profileCues(pa), profileCues(pb), *ncues)
	res.writeErr = writeComparison(w, of, *by, pa, pb, cmpn, cues, victimDevices(s.an))
	if err := closeOut(); err != nil && res.writeErr == nil {
		res.writeErr = err
	}
	return c.finish(res)
}

// isPath reports whether s names standard input or an existing file or
// directory.
func isPath(s string) bool {
	if s == "-" {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

// tooFewGroups explains why profiles, grouped by key, leave nothing to
// compare: no statement was analysed, or they all fall in one group (all
// without the key, or all with the same value). It returns "" for two
// groups or more, and, when the user named the groups (named), for one
// group with a value: the caller's "no statements with KEY B" answers
// that request more precisely.
func tooFewGroups(key string, profiles []rhetoric.Profile, named bool) string {
	switch {
	case len(profiles) == 0:
		return "nothing to compare: no statement was analysed"
	case len(profiles) > 1, named && profiles[0].Group != "":
		return ""
	}
	p := profiles[0]
	if p.Group == "" {
		return fmt.Sprintf("nothing to compare: no statement has %q (%s, all in one group)", key, plural(p.Statements, "statement"))
	}
	return fmt.Sprintf("nothing to compare: every statement has %s %q (%s, all in one group)", key, p.Group, plural(p.Statements, "statement"))
}

func quoteList(ss []string) string {
	const maxShown = 20
	var parts []string
	for i, s := range ss {
		if i == maxShown {
			parts = append(parts, fmt.Sprintf("... %d more", len(ss)-maxShown))
			break
		}
		parts = append(parts, strconv.Quote(s))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// comparisonJSON is the JSON output of compare: the comparison with the
// sizes of both groups and the top cues of each device.
type comparisonJSON struct {
	Key string `json:"key"`
	rhetoric.Comparison
	StatementsA int          `json:"statements_a"`
	StatementsB int          `json:"statements_b"`
	WordsA      int          `json:"words_a"`
	WordsB      int          `json:"words_b"`
	Cues        []deviceCues `json:"cues,omitempty"`
	// Who frames whom in each group (rhetoric.Profile.Matrix).
	MatrixA []rhetoric.MatrixCell `json:"matrix_a,omitempty"`
	MatrixB []rhetoric.MatrixCell `json:"matrix_b,omitempty"`
}

// deviceCues are the top cues of one device in each group.
type deviceCues struct {
	Device string     `json:"device"`
	A      []cueCount `json:"a"`
	B      []cueCount `json:"b"`
}

// comparisonCues picks the top k cues per side for each device of c that
// has a hit in either group, in c's device order; nil when k is 0.
func comparisonCues(c rhetoric.Comparison, a, b []cueCount, k int) []deviceCues {
	if k == 0 {
		return nil
	}
	var out []deviceCues
	for _, d := range c.Devices {
		if d.HitsA == 0 && d.HitsB == 0 {
			continue
		}
		dc := deviceCues{Device: d.Device, A: topCues(a, d.Device, k), B: topCues(b, d.Device, k)}
		if dc.A == nil {
			dc.A = []cueCount{}
		}
		if dc.B == nil {
			dc.B = []cueCount{}
		}
		out = append(out, dc)
	}
	return out
}

func writeComparison(w *bufio.Writer, of outFormat, key string, pa, pb rhetoric.Profile, c rhetoric.Comparison, cues []deviceCues, victims []string) error {
	cuesOf := func(device string) (a, b []cueCount) {
		for _, dc := range cues {
			if dc.Device == device {
				return dc.A, dc.B
			}
		}
		return nil, nil
	}
	switch of {
	case outJSON:
		b, err := json.MarshalIndent(comparisonJSON{Key: key, Comparison: c,
			StatementsA: pa.Statements, StatementsB: pb.Statements, WordsA: pa.Words, WordsB: pb.Words, Cues: cues,
			MatrixA: pa.Matrix, MatrixB: pb.Matrix}, "", "  ")
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	case outCSV:
		cw := csv.NewWriter(w)
		header := []string{"device", "rate_a", "rate_b", "diff", "log_odds", "z", "hits_a", "hits_b"}
		if cues != nil {
			header = append(header, "top_cues_a", "top_cues_b")
		}
		cw.Write(header)
		for _, d := range c.Devices {
			row := []string{d.Device, formatFloat(d.RateA), formatFloat(d.RateB), formatFloat(d.Diff),
				formatFloat(d.LogOdds), formatFloat(d.Z), strconv.Itoa(d.HitsA), strconv.Itoa(d.HitsB)}
			if cues != nil {
				a, b := cuesOf(d.Device)
				row = append(row, cueCSV(a), cueCSV(b))
			}
			cw.Write(row)
		}
		cw.Flush()
		return cw.Error()
	}
	fmt.Fprintf(w, "A = %s %q: %s, %s\n", key, c.A, plural(pa.Statements, "statement"), plural(pa.Words, "word"))
	fmt.Fprintf(w, "B = %s %q: %s, %s\n\n", key, c.B, plural(pb.Statements, "statement"), plural(pb.Words, "word"))
	devW := len("DEVICE")
	for _, d := range c.Devices {
		devW = max(devW, utf8.RuneCountInString(d.Device))
	}
	fmt.Fprintf(w, "%s  %8s  %8s  %8s  %8s  %7s\n", fit("DEVICE", devW), "A/1K", "B/1K", "A-B", "LOG-ODDS", "Z")
	for _, d := range c.Devices {
		mark := ""
		if math.Abs(d.Z) > 1.96 {
			mark = " *"
		}
		fmt.Fprintf(w, "%s  %8.2f  %8.2f  %8.2f  %8.3f  %7.2f%s\n", fit(d.Device, devW), d.RateA, d.RateB, d.Diff, d.LogOdds, d.Z, mark)
	}
	if _, err := fmt.Fprintf(w, "\nz > 0: A uses the device more; * |z| > 1.96 (p < .05, two-sided)\n"); err != nil {
		return err
	}
	if len(cues) > 0 {
		fmt.Fprintf(w, "\nTOP CUES (entry and hits; A above, B below)\n")
		for _, dc := range cues {
			fmt.Fprintf(w, "%s  A: %s\n", fit(dc.Device, devW), cueList(dc.A))
			fmt.Fprintf(w, "%s  B: %s\n", fit("", devW), cueList(dc.B))
		}
	}
	var who strings.Builder
	writeWhoTargets(&who, "A", c.A, pa, victims)
	writeWhoTargets(&who, "B", c.B, pb, victims)
	if who.Len() > 0 {
		fmt.Fprintf(w, "\nWho each side blames (targets of its %s moves, by source):\n%s", strings.Join(victims, " and "), who.String())
	}
	return nil
}

// cueCSV formats cues for a CSV cell: "is to blame:2; war against:1".
func cueCSV(cs []cueCount) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Entry + ":" + strconv.Itoa(c.Count)
	}
	return strings.Join(parts, "; ")
}

// groupError reports that the groups asked for are not in the run's
// statements. When every input was read, the command line asked for
// what is not there: a usage error. When an input failed, its statements
// may be what is missing, so the message follows the run's summary and the
// exit code is the failure's, not a usage error's.
func (c *cli) groupError(res runResult, format string, args ...any) int {
	if code := c.finish(res); code != exitOK {
		c.errorf(format, args...)
		return code
	}
	return c.usageError("compare ", format, args...)
}
