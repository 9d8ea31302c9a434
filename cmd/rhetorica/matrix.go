package main

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// matrixTemplate is the HTML report's "who frames whom" section, included
// from report.tmpl's summary.
//
//go:embed matrix.tmpl
var matrixTemplate string

// matrixView is the who-frames-whom table of the HTML report: one row per
// source and device, the targets in a cell, largest first.
type matrixView struct {
	Rows []matrixRow
	More int // rows left out
}

type matrixRow struct {
	Source, Actor, Device, Class string
	Count, Reported              int
	Targets                      string
}

// maxMatrixRows bounds the HTML table; the CSV and JSON formats have it all.
const maxMatrixRows = 60

// newMatrixView groups cells, ordered as rhetoric.Matrix.Cells orders them
// (a Profile's Matrix is), by source and device (devices in report order)
// and keeps the rows with the most moves.
func newMatrixView(cells []rhetoric.MatrixCell, devices []string) matrixView {
	var rows []matrixRow
	for i := 0; i < len(cells); {
		j := i
		var ts []rhetoric.MatrixCell
		row := matrixRow{Source: cells[i].Source, Actor: cells[i].SourceActor, Device: cells[i].Device}
		for ; j < len(cells) && cells[j].Source == row.Source && cells[j].SourceActor == row.Actor && cells[j].Device == row.Device; j++ {
			row.Count += cells[j].Count
			row.Reported += cells[j].Reported
			ts = append(ts, cells[j])
		}
		i = j
		slices.SortStableFunc(ts, func(x, y rhetoric.MatrixCell) int { return y.Count - x.Count })
		var b strings.Builder
		for k, t := range ts {
			if k > 0 {
				b.WriteString(" · ")
			}
			b.WriteString(t.Target)
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(t.Count))
		}
		row.Targets = b.String()
		if d := slices.Index(devices, row.Device); d >= 0 {
			row.Class = deviceClass(d)
		}
		if row.Source == "" {
			row.Source = "(the speaker)"
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(x, y matrixRow) int { return y.Count - x.Count })
	v := matrixView{Rows: rows}
	if len(rows) > maxMatrixRows {
		v.Rows, v.More = rows[:maxMatrixRows], len(rows)-maxMatrixRows
	}
	slices.SortStableFunc(v.Rows, func(x, y matrixRow) int {
		if c := strings.Compare(x.Source, y.Source); c != 0 {
			return c
		}
		return slices.Index(devices, x.Device) - slices.Index(devices, y.Device)
	})
	return v
}

// victimDevices returns the devices of lex whose role is victim (blame and
// threat in the default lexicon): the ones whose targets say whom a side
// blames.
func victimDevices(an *rhetoric.Analyzer) []string {
	var out []string
	for _, d := range an.Devices() {
		if an.Lexicon().Role(d) == lexicon.RoleVictim {
			out = append(out, d)
		}
	}
	return out
}

// writeWhoTargets prints, for one side of a comparison, whom each source
// targets with each of the devices: "who does each side blame".
func writeWhoTargets(b *strings.Builder, side, group string, p rhetoric.Profile, devices []string) {
	first := true
	for _, d := range devices {
		var rows []string
		src, actor, line := "", "", []string{}
		flush := func() {
			if len(line) > 0 {
				name := src
				if name == "" {
					name = "(the speaker)"
				}
				if actor != "" {
					name += " (" + actor + ")"
				}
				rows = append(rows, "    "+name+": "+strings.Join(line, " · "))
			}
		}
		cells := slices.Clone(p.Matrix)
		slices.SortStableFunc(cells, func(x, y rhetoric.MatrixCell) int {
			if c := strings.Compare(x.Source, y.Source); c != 0 {
				return c
			}
			if c := strings.Compare(x.SourceActor, y.SourceActor); c != 0 {
				return c
			}
			return y.Count - x.Count
		})
		for _, c := range cells {
			if c.Device != d {
				continue
			}
			if c.Source != src || c.SourceActor != actor {
				flush()
				src, actor, line = c.Source, c.SourceActor, nil
			}
			line = append(line, c.Target+" "+strconv.Itoa(c.Count))
		}
		flush()
		if len(rows) == 0 {
			continue
		}
		if first {
			b.WriteString(side + " = " + strconv.Quote(group) + "\n")
			first = false
		}
		b.WriteString("  " + d + "\n")
		for _, r := range rows {
			b.WriteString(r + "\n")
		}
	}
}
