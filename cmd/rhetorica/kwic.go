package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

const kwicUsage = `Usage: rhetorica kwic [flags] [PATH ...]

Keyword in context: every hit with the words before and after it, as
quanteda's kwic() gives, so that a reader can check what a device counted
and quote it. In a terminal the matches line up in one column; --format
csv, json or jsonl (or -o FILE with that extension) give one record per hit
with the columns id, speaker, sentence, device, entry, start, end, left,
match, right, negated, target.

Context words are the runs of non-space characters around the match (a word
keeps its punctuation; characters attached to the match come along free),
within the statement; line breaks become spaces. The table's ID:SENTENCE
gives the sentence index from 0, as in the JSON report.
Negated hits are listed and marked "(negated)" in the table; --counted
leaves out every hit that does not count: negated ones, disputed claims
and hits in the turns of --exclude-speaker. In a transcript the speaker
is the hit's turn's.

Inputs are read as by "rhetorica analyze" (see its --help).

Examples:
  rhetorica kwic --device blame speeches/
  rhetorica kwic --device threat --entry "security concerns" --window 8 corpus.jsonl
  rhetorica kwic --device blame,threat --format csv -o blame.csv speeches/
`

// kwicLine is one hit in context.
type kwicLine struct {
	ID       string  `json:"id"`
	Speaker  string  `json:"speaker"`
	Sentence int     `json:"sentence"`
	Device   string  `json:"device"`
	Entry    string  `json:"entry"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Left     string  `json:"left"`
	Match    string  `json:"match"`
	Right    string  `json:"right"`
	Weight   float64 `json:"weight"`
	Negated  bool    `json:"negated"`
	Target   string  `json:"target"`
}

func (c *cli) kwic(args []string) int {
	fs := newFlagSet("kwic", kwicUsage)
	var f analysisFlags
	f.register(fs)
	var o outputFlags
	o.register(fs, "table, csv, json or jsonl")
	device := fs.String("device", "", "only hits of these devices (comma-separated `LIST`)")
	entry := fs.String("entry", "", "only hits of these lexicon entries, as written in the lexicon (comma-separated `LIST`)")
	window := fs.Int("window", 5, "`N` words of context on each side")
	counted := fs.Bool("counted", false, "leave out the hits that do not count (negated, disputed, or in a turn of --exclude-speaker)")
	paths, code := c.parseFlags(fs, "kwic", args)
	if code >= 0 {
		return code
	}
	of, err := o.outFormat()
	if err != nil {
		return c.usageError("kwic ", "%v", err)
	}
	if of == outHTML || of == outHits {
		return c.usageError("kwic ", "kwic writes table, csv, json or jsonl, not %s", o.format)
	}
	if *window < 0 {
		return c.usageError("kwic ", "--window must be 0 or more")
	}
	s, code := c.prepare("kwic", &f, paths)
	if code >= 0 {
		return code
	}
	devices := splitList(*device)
	known := s.an.Devices()
	for _, d := range devices {
		if !slices.Contains(known, d) {
			return c.usageError("kwic ", "unknown device %q in --device (the devices are: %s)", d, strings.Join(known, ", "))
		}
	}
	entries := splitList(*entry)
	if msg := unknownEntries(s.an, devices, entries); msg != "" {
		return c.usageError("kwic ", "%s", msg)
	}
	s.inOpts.keepText = true
	w, closeOut, err := c.openOutput(o.out, s.srcs)
	if err != nil {
		return c.fatal(err)
	}
	var sink kwicSink
	switch of {
	case outCSV:
		sink = &kwicCSV{w: csv.NewWriter(w)}
	case outJSON, outJSONL:
		sink = &kwicJSON{w: w, array: of == outJSON}
	default:
		sink = &kwicTable{w: w, width: kwicWidth(*window)}
	}
	res := c.pipeline(s, func(r *rhetoric.Report, text string) error {
		for _, h := range r.Hits {
			if (len(devices) > 0 && !slices.Contains(devices, h.Device)) ||
				(len(entries) > 0 && !slices.Contains(entries, h.Entry)) || (*counted && !h.Counts()) {
				continue
			}
			if err := sink.line(kwicFor(r, h, text, *window)); err != nil {
				return err
			}
		}
		return nil
	})
	if res.writeErr == nil {
		res.writeErr = sink.finish()
	}
	if err := closeOut(); err != nil && res.writeErr == nil {
		res.writeErr = err
	}
	return c.finish(res)
}

// kwicFor puts a hit in its context of n words each side.
func kwicFor(r *rhetoric.Report, h rhetoric.Hit, text string, n int) kwicLine {
	l := kwicLine{ID: r.ID, Speaker: r.Speaker, Sentence: h.Sentence, Device: h.Device, Entry: h.Entry,
		Start: h.Start, End: h.End, Match: oneLine(h.Text), Weight: h.Weight, Negated: h.Negated, Target: h.Target}
	if h.Speaker != "" {
		l.Speaker = h.Speaker // the speaker of the hit's turn, as --format hits gives it
	}
	if h.Start < 0 || h.Start > h.End || h.End > len(text) {
		return l
	}
	l.Left = lastWords(text[:h.Start], n)
	l.Right = firstWords(text[h.End:], n)
	return l
}

// lastWords returns the last n space-separated words of s, joined by one
// space. It reads only as far back as it needs to.
func lastWords(s string, n int) string {
	start := len(s)
	// Characters attached to the match ("Russia's" before "aggression")
	// come along without counting as a word.
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= w
	}
	for range n {
		i := start
		for i > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:i])
			if !unicode.IsSpace(r) {
				break
			}
			i -= w
		}
		if i == 0 {
			break
		}
		for i > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsSpace(r) {
				break
			}
			i -= w
		}
		start = i
	}
	return oneLine(s[start:])
}

// firstWords returns the first n space-separated words of s, joined by one
// space. It reads only as far as it needs to.
func firstWords(s string, n int) string {
	end := 0
	// Punctuation attached to the match ("expansion,") comes along without
	// counting as a word.
	for end < len(s) {
		r, w := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += w
	}
	for range n {
		i := end
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += w
		}
		if i == len(s) {
			break
		}
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += w
		}
		end = i
	}
	return oneLine(s[:end])
}

type kwicSink interface {
	line(kwicLine) error
	finish() error
}

// kwicTable aligns the matches in one column. The contexts are cut to a
// width that follows --window (the left one from the left), so lines
// stream out as hits arrive.
type kwicTable struct {
	w     *bufio.Writer
	n     int
	width int // of each context column, in runes
}

const kwicRef = 28

// kwicWidth is the width of the context columns for a window of n words:
// about 7 runes a word, between 12 and 70.
func kwicWidth(n int) int { return min(max(n*7, 12), 70) }

func (t *kwicTable) line(l kwicLine) error {
	if t.n == 0 {
		fmt.Fprintf(t.w, "%s  %s  %s  %s\n", fit("ID:SENTENCE", kwicRef), fit("DEVICE", 16), padLeft("LEFT", t.width), "[MATCH] RIGHT")
	}
	t.n++
	ref := fitTail(l.ID+":"+strconv.Itoa(l.Sentence), kwicRef)
	right := l.Right
	if l.Negated {
		right += "  (negated)"
	}
	_, err := fmt.Fprintf(t.w, "%s  %s  %s  [%s] %s\n", ref, fit(l.Device, 16), padLeft(cutLeft(l.Left, t.width), t.width),
		l.Match, cutRight(right, t.width+len("  (negated)")))
	return err
}

func (t *kwicTable) finish() error {
	if t.n == 0 {
		_, err := t.w.WriteString("no hits\n")
		return err
	}
	_, err := fmt.Fprintf(t.w, "%s\n", plural(t.n, "hit"))
	return err
}

// padLeft right-aligns s in width runes.
func padLeft(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return strings.Repeat(" ", width-n) + s
	}
	return s
}

// cutLeft keeps the last width runes of s, marking a cut with "…".
func cutLeft(s string, width int) string {
	if n := utf8.RuneCountInString(s); n > width {
		rs := []rune(s)
		return "…" + string(rs[n-width+1:])
	}
	return s
}

// cutRight keeps the first width runes of s, marking a cut with "…".
func cutRight(s string, width int) string {
	if utf8.RuneCountInString(s) > width {
		return string([]rune(s)[:width-1]) + "…"
	}
	return s
}

type kwicCSV struct {
	w      *csv.Writer
	header bool
}

var kwicColumns = []string{"id", "speaker", "sentence", "device", "entry", "start", "end", "left", "match", "right", "weight", "negated", "target"}

func (k *kwicCSV) line(l kwicLine) error {
	if !k.header {
		k.header = true
		k.w.Write(kwicColumns)
	}
	return k.w.Write([]string{l.ID, l.Speaker, strconv.Itoa(l.Sentence), l.Device, l.Entry, strconv.Itoa(l.Start),
		strconv.Itoa(l.End), l.Left, l.Match, l.Right, strconv.FormatFloat(l.Weight, 'g', -1, 64),
		strconv.FormatBool(l.Negated), l.Target})
}

func (k *kwicCSV) finish() error {
	if !k.header {
		k.w.Write(kwicColumns)
	}
	k.w.Flush()
	return k.w.Error()
}

// kwicJSON writes a JSON array (one element per line) or JSON Lines.
type kwicJSON struct {
	w     *bufio.Writer
	array bool
	n     int
}

func (k *kwicJSON) line(l kwicLine) error {
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	if k.array {
		if k.n == 0 {
			k.w.WriteString("[\n  ")
		} else {
			k.w.WriteString(",\n  ")
		}
	}
	k.n++
	k.w.Write(b)
	if !k.array {
		return k.w.WriteByte('\n')
	}
	return nil
}

func (k *kwicJSON) finish() error {
	if !k.array {
		return nil
	}
	if k.n == 0 {
		_, err := k.w.WriteString("[]\n")
		return err
	}
	_, err := k.w.WriteString("\n]\n")
	return err
}

// unknownEntries says which of entries no reported device (or no device of
// devices, when given) has, or returns "": a misspelt --entry would
// otherwise print "no hits".
func unknownEntries(an *rhetoric.Analyzer, devices, entries []string) string {
	lex := an.Lexicon()
	for _, e := range entries {
		found := false
		for _, d := range an.Devices() {
			if len(devices) > 0 && !slices.Contains(devices, d) {
				continue
			}
			i := lex.CategoryIndex(d)
			for j := 0; i >= 0 && j < lex.NumEntries(i) && !found; j++ {
				found = lex.Entry(i, j).Pattern == e
			}
		}
		if !found {
			return fmt.Sprintf("no device has the lexicon entry %q; give entries as the lexicon writes them (see rhetorica lexicon show --entries), such as ~blame or aggress*", e)
		}
	}
	return ""
}
