package rhetoric

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
)

// The binary form of a model file, which [Model.MarshalBinary] writes and
// [ParseModel] reads. It holds exactly what the compact form holds, laid
// out so that loading is a copy: no gunzip, no line splitting, no number
// parsing. The built-in model is embedded in this form, which makes it load
// in well under a millisecond instead of several. All integers are
// little-endian:
//
//	"rhetorica-model-bin/1\n"
//	uint32 n, then n bytes: the header, as in the compact form's second line
//	uint32 rows: the number of features
//	byte kind: 2 (weights are int16 thousandths) or 8 (float64 bits)
//	rows x uint16: the length of each feature name
//	the feature names, concatenated, in sorted order
//	rows x devices weights of the kind, row by row
//
// A weight written as int16 k is exactly k/1000 as a float64, the value
// strconv.ParseFloat gives for its decimal form. The trainer rounds weights
// to three decimals, so a trained model takes 2 bytes a weight; a model
// with any other weight takes the float64 kind.
const modelBinMagic = "rhetorica-model-bin/1\n"

const (
	binKindFixed16 = 2
	binKindFloat64 = 8
)

// MarshalBinary returns the model in its binary form, which [ParseModel]
// reads back into an identical model, several times faster than the
// compact form. The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	hj, err := m.headerJSON()
	if err != nil {
		return nil, err
	}
	rows := m.names.len()
	kind, nw := byte(binKindFixed16), rows*len(m.devices)
	if m.w64 != nil {
		kind = binKindFloat64
	}
	n := len(modelBinMagic) + 4 + len(hj) + 5 + 2*rows + len(m.names.blob) + nw*int(kind)
	b := make([]byte, 0, n)
	b = append(b, modelBinMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(hj)))
	b = append(b, hj...)
	b = binary.LittleEndian.AppendUint32(b, uint32(rows))
	b = append(b, kind)
	for row := range rows {
		name := m.names.at(row)
		if len(name) > math.MaxUint16 {
			return nil, fmt.Errorf("%w: feature name of %d bytes", ErrModel, len(name))
		}
		b = binary.LittleEndian.AppendUint16(b, uint16(len(name)))
	}
	b = append(b, m.names.blob...)
	if m.w64 == nil {
		for row := range rows {
			for d := range m.devices {
				b = binary.LittleEndian.AppendUint16(b, uint16(m.fixedWeight(row, d)))
			}
		}
	}
	for _, v := range m.w64 {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b, nil
}

// fixed16 returns k such that k/1000 is exactly v, if there is one in the
// range of an int16.
func fixed16(v float64) (int16, bool) {
	r := math.Round(v * 1000)
	if !(r >= math.MinInt16 && r <= math.MaxInt16) {
		return 0, false
	}
	k := int16(r)
	if math.Float64bits(float64(k)/1000) != math.Float64bits(v) {
		return 0, false
	}
	return k, true
}

// binReader reads the binary form from a string, so that the feature
// names of an embedded model are substrings of it and cost no copy.
type binReader struct {
	s   string
	off int
	err error
}

// take returns the next n bytes, or "" and an error naming what when the
// data is too short.
func (r *binReader) take(n int, what string) string {
	if r.err != nil {
		return ""
	}
	if n < 0 || n > len(r.s)-r.off {
		r.err = fmt.Errorf("truncated %s at byte %d", what, r.off)
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *binReader) uint32(what string) int {
	s := r.take(4, what)
	if s == "" {
		return 0
	}
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// parseBinary reads the binary form (data starts with modelBinMagic).
func parseBinary(name, data string) (*Model, error) { return parseBinaryTables(name, data, "") }

// parseBinaryTables is parseBinary, taking the model's compiled tables
// from tab when tab is not empty and fits (see modelFromTables).
func parseBinaryTables(name, data, tab string) (*Model, error) {
	r := &binReader{s: data, off: len(modelBinMagic)}
	hj := r.take(r.uint32("header length"), "header")
	rows := r.uint32("feature count")
	kind := r.take(1, "weight kind")
	if r.err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrModel, name, r.err)
	}
	head, err := parseHeader([]byte(hj))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: header: %v", ErrModel, name, err)
	}
	if kind[0] != binKindFixed16 && kind[0] != binKindFloat64 {
		return nil, fmt.Errorf("%w: %s: weight kind %d", ErrModel, name, kind[0])
	}
	nd := len(head.Devices)
	size := int(kind[0])
	// Check the length before allocating, so that a corrupt count cannot
	// ask for a huge table.
	if need := rows * (2 + nd*size); rows > len(data) || need > len(data)-r.off {
		return nil, fmt.Errorf("%w: %s: truncated: %d features of %d devices need at least %d more bytes, have %d", ErrModel, name, rows, nd, need, len(data)-r.off)
	}
	lens := r.take(2*rows, "name lengths")
	if tab != "" && size == binKindFixed16 && r.err == nil {
		// The tables hold the names' offsets: the names' block is what
		// lies between their lengths and the weights.
		if m, ok := modelFromTables(head, data[r.off:len(data)-rows*nd*size], rows, tab); ok {
			return m, nil
		}
	}
	names := nameTable{off: make([]uint32, rows+1)}
	total := 0
	for i := range rows {
		total += int(lens[2*i]) | int(lens[2*i+1])<<8
		names.off[i+1] = uint32(total)
	}
	names.blob = r.take(total, "feature names")
	if r.err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrModel, name, r.err)
	}
	for i := 1; i < rows; i++ {
		if names.at(i) <= names.at(i-1) {
			return nil, fmt.Errorf("%w: %s: feature %q out of order or repeated", ErrModel, name, names.at(i))
		}
	}
	ws := r.take(rows*nd*size, "weights")
	if r.err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrModel, name, r.err)
	}
	if r.off != len(data) {
		return nil, fmt.Errorf("%w: %s: %d bytes after the weights", ErrModel, name, len(data)-r.off)
	}
	var w64 []float64
	w16 := ""
	if size == binKindFixed16 {
		w16 = ws
	} else {
		w64 = make([]float64, rows*nd)
		for i := range w64 {
			var u uint64
			for j := 7; j >= 0; j-- {
				u = u<<8 | uint64(ws[8*i+j])
			}
			w64[i] = math.Float64frombits(u)
		}
	}
	m, err := compile(head, names, w64, w16)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// parseHeader reads the header of the compact and binary forms: the
// [ModelSpec] without format tag and weights.
func parseHeader(line []byte) (ModelSpec, error) {
	var head ModelSpec
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&head); err != nil {
		return ModelSpec{}, err
	}
	head.Format = ModelFormat
	for _, d := range head.Devices {
		if len(d.Weights) > 0 {
			return ModelSpec{}, fmt.Errorf("weights in the header")
		}
	}
	return head, nil
}
