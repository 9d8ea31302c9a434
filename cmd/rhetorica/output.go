package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// jsonSink writes a JSON array of reports, one element per line block.
type jsonSink struct {
	w   *bufio.Writer
	n   int
	buf []byte
}

// jsonScratch holds the compact JSON of a report before it is indented.
var jsonScratch = sync.Pool{New: func() any { return new([]byte) }}

// encode appends json.MarshalIndent's bytes of r, without reflection:
// AppendJSON writes what json.Marshal would, and appendIndented indents it
// as json.Indent would. It runs on the analysis workers (see encoder).
func (s *jsonSink) encode(buf []byte, r *rhetoric.Report) ([]byte, error) {
	sp := jsonScratch.Get().(*[]byte)
	defer jsonScratch.Put(sp)
	var err error
	if *sp, err = r.AppendJSON((*sp)[:0]); err != nil {
		return buf, err
	}
	return appendIndented(buf, *sp, "  ", "  "), nil
}

// appendIndented appends to dst what json.Indent writes for src, which
// must be compact JSON (no space between tokens) as json.Marshal and
// AppendJSON write it: a line break, prefix and one indent per level
// after an opening bracket or a comma, ": " after a key, and empty
// objects and arrays kept as {} and []. It copies strings, numbers and
// literals whole instead of running json's scanner on every byte, writes
// a line's break, prefix and indents with one copy, and checks nothing:
// the encoder's tests prove its output valid.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	// nl is a line break, the prefix and the indents of the deepest
	// level met so far; a new line at depth d copies its start.
	var buf [128]byte
	nl := append(append(buf[:0], '\n'), prefix...)
	base := len(nl)
	newline := func(dst []byte, depth int) []byte {
		n := base + max(depth, 0)*len(indent)
		for len(nl) < n {
			nl = append(nl, indent...)
		}
		return append(dst, nl[:n]...)
	}
	// Indenting about doubles a report: one allocation instead of the
	// doublings of append.
	dst = slices.Grow(dst, 2*len(src))
	depth := 0
	run := 0 // src[run:i] is still to be copied as it is
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch jsonByte[c] {
		case 0:
			continue
		case '"':
			j := i + 1
			for j < len(src) && jsonByte[src[j]] != '"' {
				j++
			}
			for j < len(src) && src[j] != '"' { // after a backslash
				if src[j] == '\\' {
					j++
				}
				j++
			}
			i = min(j, len(src)-1)
			continue
		}
		dst = append(dst, src[run:i]...)
		run = i + 1
		switch c {
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// Empty: kept as {} or [] (or as the mismatched pair
				// that json.Indent would also copy).
				dst = append(dst, src[i+1])
				i++
				run = i + 1
			} else if i+1 < len(src) {
				depth++
				dst = newline(dst, depth)
			}
		case ',':
			dst = append(dst, c)
			dst = newline(dst, depth)
		case ':':
			dst = append(dst, c, ' ')
		default: // '}', ']'
			depth--
			dst = newline(dst, depth)
			dst = append(dst, c)
		}
	}
	return append(dst, src[run:]...)
}

// jsonByte classifies the bytes of compact JSON for appendIndented: '"'
// for a quote and a backslash (a string's end, or the escape that the
// string loop then steps over), the byte itself for a bracket, comma or
// colon, 0 for the others.
var jsonByte = func() (t [256]byte) {
	for _, c := range []byte("{}[],:") {
		t[c] = c
	}
	t['"'], t['\\'] = '"', '"'
	return t
}()

// write writes one encoded report as the next element of the array.
func (s *jsonSink) write(b []byte) error {
	sep := ",\n"
	if s.n == 0 {
		sep = "[\n"
	}
	s.n++
	s.w.WriteString(sep)
	s.w.WriteString("  ")
	_, err := s.w.Write(b)
	return err
}

func (s *jsonSink) report(r *rhetoric.Report, _ string) error {
	// The report is encoded before anything is written, so one that
	// cannot be encoded leaves the array valid.
	var err error
	if s.buf, err = s.encode(s.buf[:0], r); err != nil {
		return &badReport{err}
	}
	return s.write(s.buf)
}

func (s *jsonSink) finish() error {
	if s.n == 0 {
		_, err := s.w.WriteString("[]\n")
		return err
	}
	_, err := s.w.WriteString("\n]\n")
	return err
}

// jsonlSink writes one report per line.
type jsonlSink struct {
	w   *bufio.Writer
	buf []byte
}

// encode appends json.Marshal's bytes of r, without reflection, and a
// newline. It runs on the analysis workers (see encoder).
func (s *jsonlSink) encode(buf []byte, r *rhetoric.Report) ([]byte, error) {
	buf, err := r.AppendJSON(buf)
	return append(buf, '\n'), err
}

// write writes one encoded report.
func (s *jsonlSink) write(b []byte) error {
	_, err := s.w.Write(b)
	return err
}

func (s *jsonlSink) report(r *rhetoric.Report, _ string) error {
	var err error
	if s.buf, err = s.encode(s.buf[:0], r); err != nil {
		return &badReport{err}
	}
	return s.write(s.buf)
}

func (s *jsonlSink) finish() error { return nil }

// formatFloat prints a rate with 4 decimals, without a negative zero.
func formatFloat(v float64) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// csvSink writes the LIWC layout: one row per statement.
type csvSink struct {
	w       *csv.Writer
	devices []string
	header  bool
	row     []string
}

func newCSVSink(w io.Writer, devices []string) *csvSink {
	return &csvSink{w: csv.NewWriter(w), devices: devices}
}

func deviceColumns(devices []string) []string {
	var cols []string
	for _, d := range devices {
		cols = append(cols, d+"_per1k", d+"_hits")
	}
	return cols
}

func (s *csvSink) writeHeader() error {
	s.header = true
	return s.w.Write(append([]string{"id", "speaker", "words", "sentences"}, deviceColumns(s.devices)...))
}

// deviceCells appends per device its rate and hits, in the order of devices.
func deviceCells(row []string, devices []string, scores []rhetoric.DeviceScore) []string {
	for _, d := range devices {
		var ds rhetoric.DeviceScore
		for i := range scores {
			if scores[i].Device == d {
				ds = scores[i]
				break
			}
		}
		row = append(row, formatFloat(ds.Per1K), strconv.Itoa(ds.Hits))
	}
	return row
}

func (s *csvSink) report(r *rhetoric.Report, _ string) error {
	if !s.header {
		if err := s.writeHeader(); err != nil {
			return err
		}
	}
	s.row = append(s.row[:0], r.ID, r.Speaker, strconv.Itoa(r.Words), strconv.Itoa(r.Sentences))
	s.row = deviceCells(s.row, s.devices, r.Devices)
	return s.w.Write(s.row)
}

func (s *csvSink) finish() error {
	if !s.header {
		s.writeHeader()
	}
	s.w.Flush()
	return s.w.Error()
}

// tableSink writes one aligned line per statement. Columns have fixed widths
// so that lines stream out as reports arrive.
type tableSink struct {
	w       *bufio.Writer
	devices []string
	n       int
	hits    []int
	words   int
}

func newTableSink(w *bufio.Writer, devices []string) *tableSink {
	return &tableSink{w: w, devices: devices, hits: make([]int, len(devices))}
}

const (
	idWidth      = 36
	speakerWidth = 18
)

// fit pads or shortens s to width runes ("…" marks a cut).
func fit(s string, width int) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	n := utf8.RuneCountInString(s)
	if n > width {
		rs := []rune(s)
		return string(rs[:width-1]) + "…"
	}
	return s + strings.Repeat(" ", width-n)
}

// fitTail is fit keeping the end of s, where paths and line numbers are.
func fitTail(s string, width int) string {
	if n := utf8.RuneCountInString(s); n > width {
		rs := []rune(s)
		return "…" + string(rs[n-width+1:])
	}
	return fit(s, width)
}

// topDevices lists the strongest devices of scores by rate: "blame 12.3".
func topDevices(scores []rhetoric.DeviceScore, k int) string {
	idx := make([]int, 0, len(scores))
	for i := range scores {
		if scores[i].Hits > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(scores[b].Per1K, scores[a].Per1K) })
	var parts []string
	for _, i := range idx[:min(k, len(idx))] {
		parts = append(parts, fmt.Sprintf("%s %.1f", scores[i].Device, scores[i].Per1K))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func (s *tableSink) report(r *rhetoric.Report, _ string) error {
	if s.n == 0 {
		fmt.Fprintf(s.w, "%s  %s  %7s  %5s  %4s  %s\n", fit("ID", idWidth), fit("SPEAKER", speakerWidth),
			"WORDS", "SENTS", "HITS", "TOP DEVICES (per 1,000 words)")
	}
	s.n++
	hits := 0
	for _, d := range r.Devices {
		hits += d.Hits
		if i := slices.Index(s.devices, d.Device); i >= 0 {
			s.hits[i] += d.Hits
		}
	}
	s.words += r.Words
	_, err := fmt.Fprintf(s.w, "%s  %s  %7d  %5d  %4d  %s\n", fitTail(r.ID, idWidth), fit(r.Speaker, speakerWidth),
		r.Words, r.Sentences, hits, topDevices(r.Devices, 3))
	return err
}

func (s *tableSink) finish() error {
	if s.n == 0 {
		_, err := s.w.WriteString("no statements\n")
		return err
	}
	total := 0
	for _, h := range s.hits {
		total += h
	}
	_, err := fmt.Fprintf(s.w, "%s, %s, %s\n", plural(s.n, "statement"), plural(s.words, "word"), plural(total, "hit"))
	return err
}

// writeProfiles writes the profiles of --by in format of.
func writeProfiles(w *bufio.Writer, of outFormat, key string, devices []string, profiles []rhetoric.Profile) error {
	switch of {
	case outJSON:
		if profiles == nil {
			profiles = []rhetoric.Profile{}
		}
		b, err := json.MarshalIndent(profiles, "", "  ")
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	case outJSONL:
		for i := range profiles {
			b, err := json.Marshal(&profiles[i])
			if err != nil {
				return err
			}
			w.Write(b)
			w.WriteByte('\n')
		}
		return nil
	case outMatrix, outMatrixJSON:
		groups := make([]matrixGroup, len(profiles))
		for i, p := range profiles {
			cells := p.Matrix
			if cells == nil {
				cells = []rhetoric.MatrixCell{} // "cells": [], as without --by
			}
			groups[i] = matrixGroup{p.Group, cells}
		}
		return writeMatrix(w, of == outMatrixJSON, key, groups)
	case outCSV:
		cw := csv.NewWriter(w)
		cw.Write(append([]string{key, "statements", "words", "sentences"}, deviceColumns(devices)...))
		for _, p := range profiles {
			row := []string{p.Group, strconv.Itoa(p.Statements), strconv.Itoa(p.Words), strconv.Itoa(p.Sentences)}
			cw.Write(deviceCells(row, devices, p.Devices))
		}
		cw.Flush()
		return cw.Error()
	}
	return writeProfileTable(w, key, devices, profiles)
}

// writeProfileTable prints one block per group: the devices with rate,
// hits, negated hits, share and mean intensity.
func writeProfileTable(w *bufio.Writer, key string, devices []string, profiles []rhetoric.Profile) error {
	if len(profiles) == 0 {
		_, err := w.WriteString("no statements\n")
		return err
	}
	devW := len("DEVICE")
	for _, d := range devices {
		devW = max(devW, utf8.RuneCountInString(d))
	}
	for i, p := range profiles {
		if i > 0 {
			w.WriteByte('\n')
		}
		group := p.Group
		if group == "" {
			group = "(none)"
		}
		fmt.Fprintf(w, "%s: %s  (%s, %s, %s)\n", key, group, plural(p.Statements, "statement"), plural(p.Words, "word"), plural(p.Sentences, "sentence"))
		fmt.Fprintf(w, "  %s  %8s  %6s  %7s  %6s  %s\n", fit("DEVICE", devW), "PER 1K", "HITS", "NEGATED", "SHARE", "TOP TARGETS")
		for _, d := range devices {
			var ds rhetoric.DeviceScore
			for j := range p.Devices {
				if p.Devices[j].Device == d {
					ds = p.Devices[j]
				}
			}
			fmt.Fprintf(w, "  %s  %8.2f  %6d  %7d  %5.1f%%  %s\n", fit(d, devW), ds.Per1K, ds.Hits, ds.Negated, ds.Share*100, targets(ds.Targets, 3))
		}
	}
	return nil
}

// targets lists the first k targets: "RUS 4, NATO 1".
func targets(ts []rhetoric.TargetCount, k int) string {
	var parts []string
	for _, t := range ts {
		if len(parts) == k {
			break
		}
		if t.Actor == "NONE" {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d", t.Actor, t.Count))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// matrixSink collects the who-frames-whom matrix of all reports (--format
// matrix or matrix-json without --by).
type matrixSink struct {
	w    *bufio.Writer
	m    rhetoric.Matrix
	json bool
}

func (s *matrixSink) report(r *rhetoric.Report, _ string) error {
	s.m.Add(r)
	return nil
}

func (s *matrixSink) finish() error {
	return writeMatrix(s.w, s.json, "", []matrixGroup{{"", s.m.Cells()}})
}

// matrixGroup is the matrix of one group of --by ("" without --by).
type matrixGroup struct {
	Group string                `json:"group"`
	Cells []rhetoric.MatrixCell `json:"cells"`
}

// writeMatrix writes the who-frames-whom matrix: CSV with one row per
// source, device and target (a first column for the group with --by KEY),
// or JSON (an object with the cells; with --by, an array of groups).
func writeMatrix(w *bufio.Writer, asJSON bool, key string, groups []matrixGroup) error {
	if asJSON {
		var v any = groups
		if key == "" {
			cells := []rhetoric.MatrixCell{}
			if len(groups) == 1 && groups[0].Cells != nil {
				cells = groups[0].Cells
			}
			v = struct {
				Cells []rhetoric.MatrixCell `json:"cells"`
			}{cells}
		} else if groups == nil {
			v = []matrixGroup{}
		}
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	}
	cw := csv.NewWriter(w)
	head := []string{"source", "source_actor", "device", "target", "count", "reported"}
	if key != "" {
		head = append([]string{key}, head...)
	}
	cw.Write(head)
	for _, g := range groups {
		for _, c := range g.Cells {
			row := []string{c.Source, c.SourceActor, c.Device, c.Target, strconv.Itoa(c.Count), strconv.Itoa(c.Reported)}
			if key != "" {
				row = append([]string{g.Group}, row...)
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	return cw.Error()
}
