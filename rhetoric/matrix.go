package rhetoric

import (
	"cmp"
	"slices"
)

// Who frames whom
//
// A Matrix counts the moves of a set of statements by source, device and
// target: how often each source (a hit's Source: the turn's or statement's
// speaker, or the third party whose move the speaker reports) performs each
// device against each target. Only hits that count (Hit.Counts: not negated,
// not disputed, not in an excluded turn) are counted.

// MatrixCell is one source, device and target with its count. It is plain
// data.
type MatrixCell struct {
	Source      string `json:"source"`                 // as written; "" when unknown
	SourceActor string `json:"source_actor,omitempty"` // the source's actor code, if any
	Device      string `json:"device"`                 // the device of the moves
	Target      string `json:"target"`                 // their target: an actor code, OTHER or NONE
	Count       int    `json:"count"`                  // moves that count (see Hit.Counts)
	Reported    int    `json:"reported"`               // of Count, the moves the speaker reports
}

type matrixKey struct{ source, sourceActor, device, target string }

// Matrix counts moves by source, device and target. The zero value is an
// empty matrix ready to use; it is not safe for concurrent use. Add and
// Merge commute: the cells depend only on the hits added, not on the order.
type Matrix struct {
	cells map[matrixKey]*MatrixCell
}

func (m *Matrix) cell(k matrixKey) *MatrixCell {
	if m.cells == nil {
		m.cells = map[matrixKey]*MatrixCell{}
	}
	c := m.cells[k]
	if c == nil {
		c = &MatrixCell{Source: k.source, SourceActor: k.sourceActor, Device: k.device, Target: k.target}
		m.cells[k] = c
	}
	return c
}

// Add counts the hits of r that count. A nil report is ignored.
func (m *Matrix) Add(r *Report) {
	if r == nil {
		return
	}
	for i := range r.Hits {
		h := &r.Hits[i]
		if !h.Counts() {
			continue
		}
		c := m.cell(matrixKey{h.Source, h.SourceActor, h.Device, h.Target})
		c.Count++
		if h.Reported {
			c.Reported++
		}
	}
}

// Merge adds the counts of o to m.
func (m *Matrix) Merge(o *Matrix) {
	if o == nil {
		return
	}
	for k, oc := range o.cells {
		c := m.cell(k)
		c.Count += oc.Count
		c.Reported += oc.Reported
	}
}

// Len returns the number of non-empty cells.
func (m *Matrix) Len() int { return len(m.cells) }

// Cells returns the cells ordered by source, device and target (source
// actor breaking ties), a fresh slice each time.
func (m *Matrix) Cells() []MatrixCell {
	out := make([]MatrixCell, 0, len(m.cells))
	for _, c := range m.cells {
		out = append(out, *c)
	}
	slices.SortFunc(out, compareCells)
	return out
}

// compareCells orders cells by source, device and target, the source actor
// breaking ties.
func compareCells(x, y MatrixCell) int {
	return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Device, y.Device),
		cmp.Compare(x.Target, y.Target), cmp.Compare(x.SourceActor, y.SourceActor))
}

// Targets returns, for one device, how often each source targets each
// actor: the rows of "who does each side blame", ordered by source, then by
// count (descending) and target.
func (m *Matrix) Targets(device string) []MatrixCell {
	var out []MatrixCell
	for _, c := range m.cells {
		if c.Device == device {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(x, y MatrixCell) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(y.Count, x.Count),
			cmp.Compare(x.Target, y.Target), cmp.Compare(x.SourceActor, y.SourceActor))
	})
	return out
}
