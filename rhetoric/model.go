package rhetoric

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ModelFormat is the format tag of a model file.
const ModelFormat = "rhetorica-model/1"

// ErrModel is returned (wrapped) for a model file that cannot be read.
var ErrModel = errors.New("rhetoric: invalid model")

// ModelSpec is the content of a model file: per device, a logistic
// regression over the sentence features (see the package doc). It is plain
// data; package learn produces it and [NewModel] compiles it.
type ModelSpec struct {
	Format   string        `json:"format"`            // ModelFormat
	Lexicon  string        `json:"lexicon,omitempty"` // name of the lexicon the model was trained with
	Training ModelTraining `json:"training"`          // how and on what it was trained
	Devices  []DeviceModel `json:"devices"`           // one model per device
}

// ModelTraining records how a model was trained. It is plain data.
type ModelTraining struct {
	Data     string          `json:"data,omitempty"`   // the training file's base name
	SHA256   string          `json:"sha256,omitempty"` // of the training file's bytes
	Examples int             `json:"examples"`         // annotated sentences trained on
	Config   json.RawMessage `json:"config,omitempty"` // the trainer's configuration
	CV       json.RawMessage `json:"cv,omitempty"`     // cross-validated figures, when measured
}

// DeviceModel is the logistic regression of one device: a sentence
// performs the device when 1/(1+exp(-(Bias + sum of the weights of its
// features))) >= Threshold. It is plain data.
type DeviceModel struct {
	Device    string   `json:"device"`            // the device (a lexicon category) it decides
	Bias      float64  `json:"bias"`              // the intercept
	Threshold float64  `json:"threshold"`         // the probability at or above which the device is decided
	Weights   []Weight `json:"weights,omitempty"` // sorted by feature name
}

// Weight is the weight of one feature in a [DeviceModel]. It is plain data.
type Weight struct {
	Feature string  `json:"f"` // the feature name (see the package doc)
	W       float64 `json:"w"` // its weight; positive for the device, negative against
}

// Model is a compiled learned layer: per device, a logistic regression over
// hashed sentence features. It is immutable and safe for concurrent use; the
// zero value is not usable: get one from [NewModel], [ParseModel],
// [ReadModel] or [DefaultModel].
type Model struct {
	head    ModelSpec // everything but the weights
	devices []string
	// table is an open-addressing copy of index for the hot path, 8 bytes
	// a slot so that it stays in cache: the high 40 bits of the feature's
	// hash and, in the low 24 bits, its row + 1 (0 marks an empty slot).
	// The slot is chosen from the low bits; a feature outside the model
	// is mistaken for one inside only if 40 bits of their hashes agree
	// (about one lookup in 10^12).
	table []uint64
	mask  uint64
	names nameTable // row -> feature name
	// w64 holds the weights as read, row*len(devices) + device, unless
	// every weight is k/1000 for an int16 k (a trained model's are): then
	// w64 is nil and weight recovers each exactly from its float32 in w,
	// so that the built-in model is one table, filled straight from its
	// binary form.
	w64 []float64
	// w holds the same weights as float32 for the hot path, row*stride +
	// device: a row is padded to a power of two of at most 16 weights, or
	// a multiple of 16, so that it never straddles two cache lines (the
	// built-in model's 14 devices take 64 bytes a row).
	w      []float32
	stride int
	bias   []float64
	thr    []float64
	// zcut[d] is a linear score below which device d's probability is
	// surely under its threshold (see zCut), so that the decision stage
	// skips the exponential of a device it neither decides nor shows.
	zcut []float64
	// targets[d]: the model has target weights (t: features) for device d.
	targets []bool
	// bigrams: the model has bigram features (b=); without, the analyzer
	// does not compute them.
	bigrams bool
	// forms caches the rows of the word and stem features by form ID (see
	// forms.go).
	forms *formIndexes
}

// NewModel compiles a model from its spec. It fails (wrapping [ErrModel])
// for a wrong format tag, a device listed twice, a threshold outside (0, 1)
// or a weight that is not finite.
func NewModel(spec ModelSpec) (*Model, error) {
	if spec.Format != ModelFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrModel, spec.Format, ModelFormat)
	}
	head := spec
	head.Devices = make([]DeviceModel, len(spec.Devices))
	for i, d := range spec.Devices {
		head.Devices[i] = DeviceModel{Device: d.Device, Bias: d.Bias, Threshold: d.Threshold}
	}
	var names []string
	for _, d := range spec.Devices {
		for _, w := range d.Weights {
			names = append(names, w.Feature)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	nd := len(spec.Devices)
	w := make([]float64, len(names)*nd)
	for di, d := range spec.Devices {
		for _, wt := range d.Weights {
			row, _ := slices.BinarySearch(names, wt.Feature)
			w[row*nd+di] += wt.W
		}
	}
	return compile(head, newNameTable(names), w, "")
}

// nameTable holds the feature names of a model in one string, so that the
// built-in model's are a piece of its embedded data and the table holds one
// pointer for the garbage collector to follow, not one a feature. Name i is
// blob[off[i]:off[i+1]].
type nameTable struct {
	blob string
	off  []uint32
}

func newNameTable(names []string) nameTable {
	var b strings.Builder
	off := make([]uint32, 1, len(names)+1)
	for _, n := range names {
		b.WriteString(n)
		off = append(off, uint32(b.Len()))
	}
	return nameTable{blob: b.String(), off: off}
}

// len returns the number of names.
func (t nameTable) len() int { return len(t.off) - 1 }

// at returns name i.
func (t nameTable) at(i int) string { return t.blob[t.off[i]:t.off[i+1]] }

// compile checks a model's header and its weight table (names sorted,
// weights row*len(devices)+device: in w64, or when w64 is nil, as the
// binary form's int16 thousandths, 2 little-endian bytes each, in w16) and
// builds the lookup table.
func compile(head ModelSpec, names nameTable, w64 []float64, w16 string) (*Model, error) {
	n := len(w16) / 2
	if w64 != nil {
		n = len(w64)
		fixed := true
		for _, v := range w64 {
			if _, ok := fixed16(v); !ok {
				fixed = false
				break
			}
		}
		if !fixed {
			m, err := compileWeights(head, names, w64, "", n)
			if err == nil {
				m.w64 = w64
			}
			return m, err
		}
	}
	return compileWeights(head, names, w64, w16, n)
}

// compileWeights is compile once it is known whether the weights are kept
// as read (the caller sets w64) or recovered from w.
func compileWeights(head ModelSpec, names nameTable, w64 []float64, w16 string, n int) (*Model, error) {
	m, err := newModelHead(head, names)
	if err != nil {
		return nil, err
	}
	nd := len(m.devices)
	if n != names.len()*nd {
		return nil, fmt.Errorf("%w: %d weights for %d features and %d devices", ErrModel, n, names.len(), nd)
	}
	m.w = make([]float32, names.len()*m.stride)
	for row := range names.len() {
		dst := m.w[row*m.stride : row*m.stride+nd]
		if w64 == nil {
			b := w16[2*row*nd : 2*(row+1)*nd]
			for di := range dst {
				k := int16(uint16(b[2*di]) | uint16(b[2*di+1])<<8)
				dst[di] = float32(float64(k) / 1000) // as float32(w64) would be
			}
		} else {
			for di, v := range w64[row*nd : row*nd+nd] {
				dst[di] = float32(v)
			}
		}
	}
	for i, v := range w64 {
		if v-v != 0 { // NaN or infinite
			return nil, fmt.Errorf("%w: device %q: bad weight %v of feature %q", ErrModel, m.devices[i%nd], v, names.at(i/nd))
		}
	}
	if names.len() >= rowMask {
		return nil, fmt.Errorf("%w: %d features, at most %d", ErrModel, names.len(), rowMask-1)
	}
	size := 16
	for size < names.len()*3/2 {
		size *= 2
	}
	m.table = make([]uint64, size)
	m.mask = uint64(size - 1)
	for row := range names.len() {
		n := names.at(row)
		// FeatureHash, checking the bytes on the way.
		h := uint64(fnvOffset)
		for i := 0; i < len(n); i++ {
			c := n[i]
			if c <= '\r' && (c == '\t' || c == '\n' || c == '\r') {
				return nil, fmt.Errorf("%w: bad feature name %q", ErrModel, n)
			}
			h ^= uint64(c)
			h *= fnvPrime
		}
		if n == "" {
			return nil, fmt.Errorf("%w: bad feature name %q", ErrModel, n)
		}
		if n[0] == 'b' && strings.HasPrefix(n, "b=") {
			m.bigrams = true
		}
		if n[0] == 't' && strings.HasPrefix(n, "t:") {
			for di := range nd {
				if m.w[row*m.stride+di] != 0 {
					m.targets[di] = true
				}
			}
		}
		for j := slot(h) & m.mask; ; j = (j + 1) & m.mask {
			e := m.table[j]
			if e == 0 {
				m.table[j] = h&^rowMask | uint64(row+1)
				break
			}
			// Slots keep the hash's high bits: only when those agree can
			// the whole hash, computed again, agree.
			if prev := int(e&rowMask) - 1; e&^rowMask == h&^rowMask && FeatureHash(names.at(prev)) == h {
				return nil, fmt.Errorf("%w: features %q and %q share a hash", ErrModel, names.at(prev), n)
			}
		}
	}
	return m, nil
}

// newModelHead returns a model with head's devices checked and set up, its
// names and the stride of its weight rows, but no weights or table yet.
func newModelHead(head ModelSpec, names nameTable) (*Model, error) {
	m := &Model{head: head, names: names, forms: new(formIndexes)}
	for _, d := range head.Devices {
		if d.Device == "" || slices.Contains(m.devices, d.Device) {
			return nil, fmt.Errorf("%w: device %q empty or listed twice", ErrModel, d.Device)
		}
		if !(d.Threshold > 0 && d.Threshold < 1) || math.IsNaN(d.Bias) || math.IsInf(d.Bias, 0) {
			return nil, fmt.Errorf("%w: device %q: threshold %v or bias %v out of range", ErrModel, d.Device, d.Threshold, d.Bias)
		}
		m.devices = append(m.devices, d.Device)
		m.bias = append(m.bias, d.Bias)
		m.thr = append(m.thr, d.Threshold)
		m.zcut = append(m.zcut, zCut(d.Threshold))
	}
	nd := len(m.devices)
	m.targets = make([]bool, nd)
	m.stride = rowStride(nd)
	return m, nil
}

// rowStride returns the number of float32s a weight row of nd devices
// takes: a power of two of at most 16, or a multiple of 16, so that a row
// never straddles two cache lines.
func rowStride(nd int) int {
	s := 1
	for s < nd && s < 16 {
		s *= 2
	}
	return max(s, (nd+15)/16*16)
}

// rowMask masks the row bits of a table slot.
const rowMask = 1<<24 - 1

// slot mixes the low bits of a hash (those not stored in the table) into
// a slot index.
func slot(h uint64) uint64 { return ((h & rowMask) * 0x9E3779B97F4A7C15) >> 24 }

// lookup returns the row of the feature with hash h, or -1.
func (m *Model) lookup(h uint64) int32 {
	if len(m.table) == 0 {
		return -1
	}
	hi := h &^ rowMask
	for j := slot(h) & m.mask; ; j = (j + 1) & m.mask {
		e := m.table[j]
		if e == 0 {
			return -1
		}
		if e&^rowMask == hi {
			return int32(e&rowMask) - 1
		}
	}
}

// ParseModel reads a model file, optionally gzip-compressed: either the
// compact form [Model.Encode] writes (a line "rhetorica-model/1", a line of
// JSON with the [ModelSpec] without weights, then one line per feature: its
// name and its weight for each device, tab-separated), the binary form
// [Model.MarshalBinary] writes, or the JSON of a whole [ModelSpec] (for
// models written by hand). name is used in error messages, with the line
// for the compact form.
func ParseModel(name string, data []byte) (*Model, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrModel, name, err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, 256<<20))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrModel, name, err)
		}
	}
	if bytes.HasPrefix(data, []byte(modelBinMagic)) {
		return parseBinary(name, string(data))
	}
	if rest, ok := bytes.CutPrefix(data, []byte(ModelFormat+"\n")); ok {
		m, err := parseCompact(name, rest)
		if err != nil {
			return nil, err
		}
		return m, nil
	}
	var spec ModelSpec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&spec); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrModel, name, err)
	}
	m, err := NewModel(spec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

func parseCompact(name string, data []byte) (*Model, error) {
	line, data, _ := bytes.Cut(data, []byte("\n"))
	head, err := parseHeader(line)
	if err != nil {
		return nil, fmt.Errorf("%w: %s:2: %v", ErrModel, name, err)
	}
	nd := len(head.Devices)
	rows := bytes.Count(data, []byte("\n")) + 1
	names := make([]string, 0, rows)
	w := make([]float64, 0, rows*nd)
	for ln := 3; len(data) > 0; ln++ {
		line, data, _ = bytes.Cut(data, []byte("\n"))
		f, rest, _ := bytes.Cut(line, []byte("\t"))
		n := string(f)
		if len(names) > 0 && n <= names[len(names)-1] {
			return nil, fmt.Errorf("%w: %s:%d: feature %q out of order or repeated", ErrModel, name, ln, n)
		}
		names = append(names, n)
		for di := range nd {
			var col []byte
			col, rest, _ = bytes.Cut(rest, []byte("\t"))
			v, ok := parseFixed(col)
			var err error
			if !ok {
				v, err = strconv.ParseFloat(string(col), 64)
			}
			if err != nil {
				return nil, fmt.Errorf("%w: %s:%d: weight %d of %q: %v", ErrModel, name, ln, di+1, n, err)
			}
			w = append(w, v)
		}
		if len(rest) > 0 {
			return nil, fmt.Errorf("%w: %s:%d: more than %d weights", ErrModel, name, ln, nd)
		}
	}
	m, err := compile(head, newNameTable(names), w, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// weight returns the weight of feature row for device d as read.
func (m *Model) weight(row, d int) float64 {
	if m.w64 != nil {
		return m.w64[row*len(m.devices)+d]
	}
	return float64(m.fixedWeight(row, d)) / 1000
}

// fixedWeight returns k such that the weight of feature row for device d
// is k/1000, for a model whose weights are all such (w64 nil). The float32
// of k/1000 is within 2^-24 of it relatively, so 1000 times it is within
// 0.002 of k, and rounding gives k back exactly (TestFixedWeight checks
// every int16). Being that near an integer, it rounds by adding ±0.5 and
// truncating, which is cheaper than math.Round.
func (m *Model) fixedWeight(row, d int) int16 {
	x := float64(m.w[row*m.stride+d]) * 1000
	return int16(x + math.Copysign(0.5, x))
}

// parseFixed parses the weights a model file is written with: an optional
// minus sign, at most 15 digits and at most 3 decimals ("-0.276", "2").
// It returns exactly what strconv.ParseFloat returns, because the value is
// n/10^k with n and 10^k exact in a float64, and IEEE division rounds
// correctly; anything else reports !ok and is left to ParseFloat. It makes
// loading the embedded model several times faster.
func parseFixed(b []byte) (float64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n int64
	digits, decimals, dot := 0, 0, false
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			if dot {
				decimals++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 || decimals > 3 || dot && decimals == 0 {
		return 0, false
	}
	v := float64(n) / [4]float64{1, 10, 100, 1000}[decimals]
	if neg {
		v = -v
	}
	return v, true
}

// ReadModel reads a model file from disk (see [ParseModel]).
func ReadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rhetoric: %w", err)
	}
	return ParseModel(path, data)
}

// The built-in model is trained from ../shared/eval/train.jsonl (beside the
// checkout) with the default lexicon and learn.DefaultModelConfig (the
// flags --objective and --own-threshold); the command prints its 5-fold
// cross-validated figures first. model.gz is the training's output, the
// file the reproducibility test compares byte for byte; model.bin is the
// same model in the binary form, which is what the binary embeds because
// it loads without gunzip or number parsing (a test checks that it is
// model.gz converted):
//
//go:generate go run ../cmd/rhetorica train --annotated ../../shared/eval/train.jsonl --folds 5 --objective micro --own-threshold blame -o model.gz
//go:generate go run ./internal/modelbin model.gz model.bin

//go:embed model.bin
var defaultModel string

// The tables of the built-in model, compiled from model.bin (see
// modeltab.go).
//
//go:generate go run ./internal/modelbin -tables model.bin model.tab
//go:embed model.tab
var defaultTables string

// DefaultModel returns the built-in model, trained on the project's
// annotated sentences with the default lexicon (see the package doc and
// README for how to retrain it). It is decoded once. It panics if the
// embedded file is corrupt, a build error that the tests rule out.
var DefaultModel = sync.OnceValue(func() *Model {
	m, err := parseBinaryTables("model.bin", defaultModel, defaultTables)
	if err != nil {
		panic(err) // the embedded files are tested
	}
	return m
})

// Spec returns the model's content, weights by device and feature name
// (zero weights left out).
func (m *Model) Spec() ModelSpec {
	s := m.head
	s.Devices = slices.Clone(m.head.Devices)
	for di := range s.Devices {
		s.Devices[di].Weights = []Weight{}
		for row := range m.names.len() {
			if v := m.weight(row, di); v != 0 {
				n := m.names.at(row)
				s.Devices[di].Weights = append(s.Devices[di].Weights, Weight{Feature: n, W: v})
			}
		}
	}
	return s
}

// Devices returns the devices the model decides, in its order.
func (m *Model) Devices() []string { return slices.Clone(m.devices) }

// Encode writes the model file in the compact form (see [ParseModel]),
// gzip-compressed without a name or time in the header, so that the same
// model always gives the same bytes.
func (m *Model) Encode(w io.Writer) error {
	hj, err := m.headerJSON()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(ModelFormat + "\n")
	b.Write(hj)
	b.WriteByte('\n')
	nd := len(m.devices)
	var num []byte
	for row := range m.names.len() {
		b.WriteString(m.names.at(row))
		for di := range nd {
			b.WriteByte('\t')
			num = strconv.AppendFloat(num[:0], m.weight(row, di), 'g', -1, 64)
			b.Write(num)
		}
		b.WriteByte('\n')
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("rhetoric: %w", err)
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return fmt.Errorf("rhetoric: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("rhetoric: %w", err)
	}
	return nil
}

// headerJSON returns the header line of the compact form (and of the
// binary form): the [ModelSpec] without its format tag and weights.
func (m *Model) headerJSON() ([]byte, error) {
	hj, err := json.Marshal(struct {
		Lexicon  string        `json:"lexicon,omitempty"`
		Training ModelTraining `json:"training"`
		Devices  []DeviceModel `json:"devices"`
	}{m.head.Lexicon, m.head.Training, m.head.Devices})
	if err != nil {
		return nil, fmt.Errorf("rhetoric: %w", err)
	}
	return hj, nil
}

// Prob returns the probability the model gives device d for a sentence
// with the named features. It is meant for tests and tools; the analyzer
// uses hashed features.
func (m *Model) Prob(d string, features []string) float64 {
	di := slices.Index(m.devices, d)
	if di < 0 {
		return 0
	}
	z := m.bias[di]
	for _, f := range features {
		if row := m.lookup(FeatureHash(f)); row >= 0 {
			z += m.weight(int(row), di)
		}
	}
	return sigmoid(z)
}

// zCut returns a linear score z0 such that sigmoid(z) < thr for every
// z < z0, as sigmoid computes it: the logit of thr less a margin of 1e-6
// (relative to the logit when that is larger than 1). Below z0 the true
// sigmoid is under thr by at least thr(1-thr) times the margin, roughly,
// which is more than 10^-13 of thr for any threshold in [1e-6, 1-1e-6],
// while sigmoid and the logit are off by a few units in the last place
// (about 10^-15 relatively). For a threshold nearer 0 or 1 it returns
// -Inf: every score is then computed in full.
func zCut(thr float64) float64 {
	if !(thr >= 1e-6 && thr <= 1-1e-6) {
		return math.Inf(-1)
	}
	l := math.Log(thr) - math.Log1p(-thr)
	return l - 1e-6*(1+math.Abs(l))
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
