package rhetoric

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestDefaultModelBinary checks that the embedded model.bin is model.gz
// (the training's output) converted, byte for byte, and that both load
// into the same model.
func TestDefaultModelBinary(t *testing.T) {
	data, err := os.ReadFile("model.gz")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseModel("model.gz", data)
	if err != nil {
		t.Fatal(err)
	}
	got := DefaultModel()
	if !reflect.DeepEqual(modelOnly(want), modelOnly(got)) {
		t.Errorf("model.bin does not load into the model of model.gz: run go generate ./rhetoric")
	}
	b, err := want.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, []byte(defaultModel)) {
		t.Errorf("model.bin (%d bytes) is not model.gz converted (%d bytes): run go generate ./rhetoric", len(defaultModel), len(b))
	}
}

// binTestModel is a small model with the given weights for two devices.
func binTestModel(t testing.TB, ws ...float64) *Model {
	t.Helper()
	spec := ModelSpec{Format: ModelFormat, Lexicon: "x", Training: ModelTraining{Examples: 3, Config: []byte(`{"a":1}`)},
		Devices: []DeviceModel{{Device: "peace", Bias: -1, Threshold: 0.5}, {Device: "blame", Bias: 0.25, Threshold: 0.4}}}
	for i, w := range ws {
		d := &spec.Devices[i%2]
		d.Weights = append(d.Weights, Weight{Feature: "w=f" + strconv.Itoa(i/2), W: w})
	}
	m, err := NewModel(spec)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestModelBinaryRoundTrip checks that the binary form reads back into an
// identical model, plain and gzip-compressed, with weights of both kinds.
func TestModelBinaryRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		ws   []float64
		kind byte
	}{
		{"fixed", []float64{0.5, -0.276, 2, 0, 32.767, -32.768, 0.001, 7.033}, binKindFixed16},
		{"float", []float64{0.5, 0.1234, 1e-9, -3}, binKindFloat64},
		{"too large", []float64{40, 1}, binKindFloat64},
		{"empty", nil, binKindFixed16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := binTestModel(t, tc.ws...)
			b, err := m.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write(b)
			zw.Close()
			for _, data := range [][]byte{b, z.Bytes()} {
				m2, err := ParseModel("m.bin", data)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(modelOnly(m), modelOnly(m2), cmp.AllowUnexported(Model{}, nameTable{}), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("read back (-want +got):\n%s", diff)
				}
				b2, err := m2.MarshalBinary()
				if err != nil || !bytes.Equal(b, b2) {
					t.Errorf("second encoding differs (%v)", err)
				}
			}
			if got := binKind(t, b); got != tc.kind {
				t.Errorf("weight kind %d, want %d", got, tc.kind)
			}
		})
	}
}

// binKind returns the weight kind byte of a binary model.
func binKind(t *testing.T, b []byte) byte {
	t.Helper()
	r := &binReader{s: string(b), off: len(modelBinMagic)}
	r.take(r.uint32(""), "")
	r.uint32("")
	k := r.take(1, "")
	if r.err != nil {
		t.Fatal(r.err)
	}
	return k[0]
}

// TestFixed16 checks that a weight goes in 2 bytes exactly when k/1000
// gives it back bit for bit.
func TestFixed16(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		s := strconv.FormatFloat((r.Float64()-0.5)*65, 'f', r.IntN(4), 64)
		v, _ := strconv.ParseFloat(s, 64)
		if v == 0 {
			v = 0 // "-0" is the one value without an int16 form
		}
		k, ok := fixed16(v)
		if !ok || float64(k)/1000 != v {
			t.Fatalf("fixed16(%s) = %d, %v", s, k, ok)
		}
	}
	for _, v := range []float64{0.0005, 1.0 / 3, 33, -33, math.NaN(), math.Inf(1), math.Copysign(0, -1)} {
		if k, ok := fixed16(v); ok {
			t.Errorf("fixed16(%v) = %d, true; want false", v, k)
		}
	}
}

// TestParseBinaryErrors checks that every truncation of a binary model,
// and each kind of corruption, is an error that wraps ErrModel and names
// the file.
func TestParseBinaryErrors(t *testing.T) {
	b, err := binTestModel(t, 0.5, -0.25, 1, 2).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	check := func(data []byte, want string) {
		t.Helper()
		_, err := ParseModel("m.bin", data)
		if err == nil || !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), "m.bin") || !strings.Contains(err.Error(), want) {
			t.Errorf("%d bytes: error %v, want ErrModel naming m.bin and %q", len(data), err, want)
		}
	}
	for n := len(modelBinMagic); n < len(b); n++ {
		check(b[:n], "truncated")
	}
	check(append(bytes.Clone(b), 0), "1 bytes after the weights")
	hl := len(modelBinMagic) + 4 + int(b[len(modelBinMagic)])
	bad := bytes.Clone(b)
	bad[hl+4] = 3
	check(bad, "weight kind 3")
	bad = bytes.Clone(b)
	copy(bad[hl:], []byte{0xff, 0xff, 0xff, 0x7f})
	check(bad, "truncated")
	bad = bytes.Clone(b)
	bad[len(modelBinMagic)+4] = '['
	check(bad, "header")
	// Names out of order: swap the first letters of "w=f0" and "w=f1".
	bad = bytes.Clone(b)
	i := bytes.Index(bad, []byte("w=f0w=f1"))
	bad[i+3], bad[i+7] = '1', '0'
	check(bad, "out of order")
}

// TestFixedWeight checks that every int16 k survives the float32 the hot
// path keeps of k/1000: Model.fixedWeight gives k back, so weights need
// no second copy.
func TestFixedWeight(t *testing.T) {
	m := &Model{w: make([]float32, 1), stride: 1}
	for k := math.MinInt16; k <= math.MaxInt16; k++ {
		m.w[0] = float32(float64(k) / 1000)
		if got := m.fixedWeight(0, 0); int(got) != k {
			t.Fatalf("k = %d: float32 %v gives back %d", k, m.w[0], got)
		}
	}
}

// modelOnly returns a copy of m without its cache of feature rows by form
// ID, which depends on the documents analysed with it.
func modelOnly(m *Model) *Model {
	c := *m
	c.forms = nil
	return &c
}
