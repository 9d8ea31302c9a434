package lexicon

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

// parseDicx reads a LIWC-22 .dicx dictionary: comma-separated values whose
// first row names the categories ("DicTerm,posemo,negemo"; the first cell
// is a label for the term column and is not used) and whose other rows are
// one term each, then one cell per category. A cell is empty (not in the
// category), "X" (in it, weight 1; any case), or a number: the term's
// weight in a weighted dictionary. A weight of 0 means "not in the
// category"; a negative weight cannot be represented (weights here are
// > 0), so the term is left out of that category with a warning in
// [Lexicon.Warnings]. Terms keep LIWC's syntax: a trailing * is a wildcard
// and several words form a phrase; as with .dic, this package also reads
// its own ~stem and _ gap patterns back (LIWC-22 would take them
// literally). A term that holds = or begins with # @ ! (pattern syntax
// here), or is no pattern at all (a lone *), is left out with a warning. Categories keep the column order,
// entries the row order; a repeated term in one category is kept once, and
// a column without terms is left out with a warning.
func parseDicx(name string, data []byte) (*Lexicon, error) {
	b := newForeignBuilder(name, true)
	bom := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		data, bom = data[3:], 3
	}
	// pos gives the position of a field from the reader's line and column
	// (both from 1, the column in bytes); the BOM counts on line 1.
	pos := func(line, col int) Position {
		if line == 1 {
			col += bom
		}
		return Position{File: name, Line: line, Col: col}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var cats []int // column (from 1) -> category index, -1 for an unnamed column
	for row := 0; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				b.errorf(pos(pe.Line, max(pe.Column, 1)), ErrSyntax, "%v", pe.Err)
			} else {
				b.errorf(pos(1, 1), ErrSyntax, "%v", err)
			}
			// A broken quote leaves the rest of the file unreadable.
			if pe == nil || errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				break
			}
			continue
		}
		for i, f := range rec {
			if k := invalidUTF8(f); k >= 0 {
				line, col := r.FieldPos(i)
				b.errorf(pos(line, col+k), ErrEncoding, "invalid UTF-8 byte 0x%02x", f[k])
				rec = nil
				break
			}
		}
		if rec == nil {
			continue
		}
		if cats == nil {
			cats = b.dicxHeader(rec, r, pos)
			continue
		}
		b.dicxRow(rec, cats, r, pos)
	}
	if cats == nil && len(b.errs) == 0 {
		b.errorf(Position{File: name, Line: 1, Col: 1}, ErrBadHeader, "a LIWC-22 dictionary begins with a header row: DicTerm, then the category names")
	}
	// A column without any term is left out, as LIWC-22 itself would count
	// nothing for it.
	b.flushEntries()
	used := make([]bool, len(b.def.Categories))
	for i, c := range b.def.Categories {
		used[i] = len(c.Entries) > 0
		if !used[i] && len(b.errs) == 0 {
			b.warnf(b.src.cats[i].pos, ErrEmptyCategory, "category %q has no terms: left out", c.Name)
		}
	}
	b.keepCategories(used)
	return b.finish()
}

// dicxHeader reads the header row and returns its categories by column.
func (b *defBuilder) dicxHeader(rec []string, r *csv.Reader, pos func(int, int) Position) []int {
	cats := make([]int, len(rec))
	cats[0] = -1
	named := false
	for i := 1; i < len(rec); i++ {
		cats[i] = -1
		line, col := r.FieldPos(i)
		name := categoryName(rec[i])
		if name == "" {
			if i < len(rec)-1 {
				b.errorf(pos(line, col), ErrBadHeader, "column %d has no category name", i+1)
			}
			continue
		}
		named = true
		cats[i] = b.category(name, "", pos(line, col))
	}
	if !named {
		line, col := r.FieldPos(0)
		b.errorf(pos(line, col), ErrBadHeader, "the header row names no category (want DicTerm, then the category names)")
	}
	return cats
}

// dicxRow reads one term row.
func (b *defBuilder) dicxRow(rec []string, cats []int, r *csv.Reader, pos func(int, int) Position) {
	term := strings.Join(strings.Fields(rec[0]), " ")
	line, col := r.FieldPos(0)
	tpos := pos(line, col)
	if term == "" {
		for _, f := range rec[1:] {
			if strings.TrimSpace(f) != "" {
				b.errorf(tpos, ErrEmptyPattern, "a row with category cells has no term")
				return
			}
		}
		return // a blank row
	}
	if off, msg := foreignPattern(term, "="); msg != "" {
		b.warnf(Position{File: tpos.File, Line: tpos.Line, Col: tpos.Col + off}, ErrSyntax, "term %q left out: %s", clip(term), msg)
		return
	}
	if len(rec) > len(cats) {
		line, col := r.FieldPos(len(cats))
		b.errorf(pos(line, col), ErrSyntax, "term %q: %d cells, but the header has %d columns", clip(term), len(rec), len(cats))
		return
	}
	for i := 1; i < len(rec); i++ {
		cell := strings.TrimSpace(rec[i])
		if cell == "" || cats[i] < 0 {
			continue
		}
		line, col := r.FieldPos(i)
		cpos := pos(line, col)
		w := 1.0
		if cell != "X" && cell != "x" {
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				b.errorf(cpos, ErrBadWeight, "term %q: cell %q is neither X nor a number", clip(term), clip(cell))
				continue
			}
			if v == 0 {
				continue
			}
			if v < 0 {
				b.warnf(cpos, ErrBadWeight, "term %q: negative weight %s in category %q left out (weights must be > 0)",
					clip(term), cell, b.def.Categories[cats[i]].Name)
				continue
			}
			w = v
		}
		b.entry(cats[i], term, w, tpos)
	}
}

// dicxText renders def's categories as a LIWC-22 .dicx: a header row
// "DicTerm" and the category names, then one row per distinct pattern in
// order of first appearance, with "X" in its categories' columns, or its
// weight when any entry of the lexicon weighs other than 1 (a weighted
// dictionary). Categories without entries are left out.
func dicxText(def *Definition) string {
	var b strings.Builder
	cw := csv.NewWriter(&b)
	header := []string{"DicTerm"}
	var cols []int // category index by column - 1
	weighted := false
	for i, c := range def.Categories {
		if len(c.Entries) == 0 {
			continue
		}
		header = append(header, c.Name)
		cols = append(cols, i)
		for _, e := range c.Entries {
			weighted = weighted || e.Weight != 1
		}
	}
	cw.Write(header)
	var order []string
	cells := make(map[string][]string)
	for col, ci := range cols {
		for _, e := range def.Categories[ci].Entries {
			p := strings.Join(strings.Fields(e.Pattern), " ")
			row, ok := cells[p]
			if !ok {
				order = append(order, p)
				row = make([]string, len(cols)+1)
				row[0] = p
				cells[p] = row
			}
			if row[col+1] != "" {
				continue // a pattern that normalises alike twice: keep the first
			}
			if weighted {
				row[col+1] = formatWeight(e.Weight)
			} else {
				row[col+1] = "X"
			}
		}
	}
	for _, p := range order {
		cw.Write(cells[p])
	}
	cw.Flush()
	return b.String()
}
