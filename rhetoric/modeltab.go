package rhetoric

import (
	"encoding/binary"
	"fmt"
	"math"
	"sync/atomic"
	"unsafe"

	"github.com/rhetorica/rhetorica/rhetoric/internal/modelhook"
)

// The tables of the built-in model, compiled when the model is generated
// (model.tab, which go generate writes from model.bin), so that loading
// the model at start-up takes slices of the embedded data instead of
// converting 127,000 weights and hashing 9,000 feature names. The pages of
// the embedded data are read from the binary when a lookup first touches
// them, so a one-statement run reads a few of them.
// All integers are little-endian; the views need a little-endian machine
// (elsewhere the model is compiled from model.bin as before):
//
//	"rhetorica-model-tab/1\n"
//	uint32 rows, devices, stride (float32s a weight row takes), table slots
//	byte: 1 if the model has bigram features
//	devices bytes: 1 if the model has target weights for the device
//	zeros to a multiple of 64 bytes
//	(rows+1) x uint32: the offsets of the feature names in their block
//	zeros to a multiple of 64 bytes
//	slots x uint64: the lookup table (Model.table)
//	rows x stride float32: the weight rows (Model.w), at a multiple of 64
//
// The linker aligns the embedded data to 32 bytes, not 64, so the weight
// rows start on a cache line in about half of the builds. When they do not,
// the loader copies them (0.6 MB, no conversion; see spareRows), so that a
// row (64 bytes for 14 devices) stays one cache line for the corpus run's
// lookups, as in a compiled model. (Two copies of the rows 32 bytes apart
// would always give a view, but make model.tab larger than the
// repository's 1 MB limit for a tracked file.)
// TestDefaultModelTables checks that model.tab is model.bin's tables byte
// for byte and that the built-in model loads from it.
const modelTabMagic = "rhetorica-model-tab/1\n"

func init() {
	modelhook.Tables = func(bin []byte) ([]byte, error) {
		m, err := ParseModel("model.bin", bin)
		if err != nil {
			return nil, err
		}
		return m.marshalTables()
	}
}

// pad64 appends zeros to b up to a multiple of 64 bytes.
func pad64(b []byte) []byte {
	for len(b)%64 != 0 {
		b = append(b, 0)
	}
	return b
}

// marshalTables returns the model's tables in the form above, for a model
// whose weights are all int16 thousandths (a trained model's are).
func (m *Model) marshalTables() ([]byte, error) {
	if m.w64 != nil {
		return nil, fmt.Errorf("%w: tables are written only for weights in thousandths", ErrModel)
	}
	b := []byte(modelTabMagic)
	for _, v := range []int{m.names.len(), len(m.devices), m.stride, len(m.table)} {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	b = append(b, boolByte(m.bigrams))
	for _, t := range m.targets {
		b = append(b, boolByte(t))
	}
	b = pad64(b)
	for _, o := range m.names.off {
		b = binary.LittleEndian.AppendUint32(b, o)
	}
	b = pad64(b)
	for _, e := range m.table {
		b = binary.LittleEndian.AppendUint64(b, e)
	}
	b = pad64(b)
	for _, w := range m.w {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	return b, nil
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// modelFromTables returns the model of the binary form's header, names
// (blob, rows of them) and weights in thousandths, with the tables taken
// from tab, which must be that model's tables as [Model.marshalTables]
// writes them. It reports false when tab does not fit the model or cannot
// be viewed on this machine: the caller then compiles the model.
func modelFromTables(head ModelSpec, blob string, rows int, tab string) (*Model, bool) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 || len(tab) < len(modelTabMagic)+17 || tab[:len(modelTabMagic)] != modelTabMagic {
		return nil, false
	}
	r := &binReader{s: tab, off: len(modelTabMagic)}
	nr, nd, stride, size := r.uint32(""), r.uint32(""), r.uint32(""), r.uint32("")
	names := nameTable{blob: blob}
	m, err := newModelHead(head, names)
	if err != nil || nr != rows || nd != len(m.devices) || stride != m.stride || size < 16 || size&(size-1) != 0 {
		return nil, false
	}
	flags := r.take(1+nd, "")
	r.off = (r.off + 63) &^ 63
	offs := r.take(4*(rows+1), "")
	r.off = (r.off + 63) &^ 63
	table := r.take(8*size, "")
	r.off = (r.off + 63) &^ 63
	w := r.take(4*rows*stride, "")
	if r.err != nil || r.off != len(tab) || rows == 0 {
		return nil, false
	}
	if addr(offs)%4 != 0 || addr(table)%8 != 0 || addr(w)%4 != 0 {
		return nil, false
	}
	m.names.off = unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.StringData(offs))), rows+1)
	if m.names.off[0] != 0 || m.names.off[rows] != uint32(len(blob)) {
		return nil, false
	}
	m.table = unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.StringData(table))), size)
	m.mask = uint64(size - 1)
	m.w = unsafe.Slice((*float32)(unsafe.Pointer(unsafe.StringData(w))), rows*stride)
	if addr(w)%64 != 0 {
		m.w = append(alignedRows(len(m.w)), m.w...)
	}
	m.bigrams = flags[0] == 1
	for d := range m.targets {
		m.targets[d] = flags[1+d] == 1
	}
	return m, true
}

// spareRows is where the first model loaded from tables copies its weight
// rows when they are off a cache line: memory outside the heap, so that
// the copy does not bring a one-statement run's heap to the collector's
// first goal (4 MB), and whose pages the kernel supplies only when written.
var spareRows spareBuf

// spareBuf is room for the weight rows of one model, given out once. It
// holds the rows of up to 16,384 features of 16 devices, and 16 more
// float32s to start on a cache line. It is safe for concurrent use: of
// models loaded at once, only one takes it.
type spareBuf struct {
	taken atomic.Bool
	rows  [1<<18 + 16]float32
}

// alignedRows returns an empty slice with room for n float32s that starts
// on a cache line: in spareRows the first time, else on the heap.
func alignedRows(n int) []float32 { return spareRows.take(n) }

// take returns an empty slice with room for n float32s that starts on a
// cache line: in s's rows the first time they are large enough, else on
// the heap.
func (s *spareBuf) take(n int) []float32 {
	if n <= len(s.rows)-16 && s.taken.CompareAndSwap(false, true) {
		return lineStart(s.rows[:], n)
	}
	// The heap aligns a large allocation to a page, a small one only to
	// its size class.
	return lineStart(make([]float32, n+15), n)
}

// lineStart returns an empty slice of buf with room for n float32s that
// starts on a cache line; buf holds at least n+15.
func lineStart(buf []float32, n int) []float32 {
	k := int(-uintptr(unsafe.Pointer(unsafe.SliceData(buf))) % 64 / 4)
	return buf[k : k : k+n]
}

// addr returns the address of s's bytes.
func addr(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
