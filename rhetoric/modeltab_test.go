package rhetoric

import (
	"bytes"
	"reflect"
	"sync"
	"testing"
	"unsafe"
)

// TestDefaultModelTables checks that the embedded model.tab is the tables
// of model.bin, byte for byte, and that the built-in model loads from it
// into the model that compiling model.bin gives.
func TestDefaultModelTables(t *testing.T) {
	want, err := parseBinary("model.bin", defaultModel)
	if err != nil {
		t.Fatal(err)
	}
	b, err := want.marshalTables()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, []byte(defaultTables)) {
		t.Fatalf("model.tab (%d bytes) is not model.bin's tables (%d bytes): run go generate ./rhetoric", len(defaultTables), len(b))
	}
	got, err := parseBinaryTables("model.bin", defaultModel, defaultTables)
	if err != nil {
		t.Fatal(err)
	}
	if !within(tableString(got.table), defaultTables) {
		t.Errorf("the built-in model's lookup table is not a view of model.tab")
	}
	// The rows end model.tab: a view when they start on a cache line there,
	// else a copy that does.
	rows := defaultTables[len(defaultTables)-4*len(got.w):]
	if view, aligned := within(unsafeString(got.w), defaultTables), addr(rows)%64 == 0; view != aligned {
		t.Errorf("the built-in model's weights: a view of model.tab %v, on a cache line there %v", view, aligned)
	}
	if addr(unsafeString(got.w))%64 != 0 {
		t.Errorf("the built-in model's weights do not start on a cache line")
	}
	if !reflect.DeepEqual(modelOnly(want), modelOnly(got)) {
		t.Errorf("the model loaded from model.tab differs from model.bin compiled")
	}
}

// unsafeString returns the bytes of w as a string, for their address.
func unsafeString(w []float32) string {
	return unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(w))), 4*len(w))
}

// tableString returns the bytes of t as a string, for their address.
func tableString(t []uint64) string {
	return unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(t))), 8*len(t))
}

// within reports whether the bytes of s lie in those of in.
func within(s, in string) bool {
	return in != "" && addr(s) >= addr(in) && addr(s)+uintptr(len(s)) <= addr(in)+uintptr(len(in))
}

// tablesTestModel returns a small model, its binary form and its tables,
// and the tables of another model.
func tablesTestModel(tb testing.TB) (m *Model, bin, tab, other []byte) {
	tb.Helper()
	m = binTestModel(tb, 0.5, -1, 0, 2.25, 0.125, 0)
	bin, err := m.MarshalBinary()
	if err != nil {
		tb.Fatal(err)
	}
	if tab, err = m.marshalTables(); err != nil {
		tb.Fatal(err)
	}
	if other, err = binTestModel(tb, 0.5, -1, 0, 2.25).marshalTables(); err != nil {
		tb.Fatal(err)
	}
	return m, bin, tab, other
}

// TestModelFromTables loads small models from their tables placed at
// each alignment, and checks that tables that do not fit are refused.
func TestModelFromTables(t *testing.T) {
	m, bin, tab, other := tablesTestModel(t)
	// at places tab at the given address modulo 64.
	at := func(tab []byte, mod int) string {
		buf := make([]byte, len(tab)+128)
		k := (mod - int(uintptr(unsafe.Pointer(&buf[0]))%64) + 64) % 64
		copy(buf[k:], tab)
		return unsafe.String(&buf[k], len(tab))
	}
	tests := []struct {
		name        string
		tab         string
		table, rows bool // the model's lookup table, weight rows are views of tab
	}{
		{"aligned to 64", at(tab, 0), true, true},
		{"aligned to 32", at(tab, 32), true, false},
		{"aligned to 8", at(tab, 8), true, false},
		{"aligned to 1", at(tab, 1), false, false},
		{"another model's", at(other, 0), false, false},
		{"truncated", at(tab[:len(tab)-1], 0), false, false},
		{"longer", at(append(tab[:len(tab):len(tab)], 0), 0), false, false},
		{"none", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseBinaryTables("bin", string(bin), tt.tab)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(modelOnly(m), modelOnly(got)) {
				t.Errorf("loaded model differs from the compiled one")
			}
			if table := within(tableString(got.table), tt.tab); table != tt.table {
				t.Errorf("lookup table a view of the tables: %v, want %v", table, tt.table)
			}
			if rows := within(unsafeString(got.w), tt.tab); rows != tt.rows {
				t.Errorf("weight rows a view of the tables: %v, want %v", rows, tt.rows)
			}
			// Rows loaded from the tables, viewed or copied, start on a
			// cache line.
			if tt.table && addr(unsafeString(got.w))%64 != 0 {
				t.Errorf("weight rows at %#x, not on a cache line", addr(unsafeString(got.w)))
			}
		})
	}
	if _, err := (&Model{w64: []float64{0.1}}).marshalTables(); err == nil {
		t.Errorf("marshalTables of float64 weights: no error")
	}
}

// TestSpareBuf takes room for rows from one spareBuf in several
// goroutines at once, as models loaded at once do: exactly one gets the
// buffer, and every slice starts on a cache line with room for what was
// asked. Rows too many for the buffer never get it.
func TestSpareBuf(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		wantSpare int // how many of the takers get the buffer
	}{
		{"one row", 16, 1},
		{"a few rows", 10, 1}, // the heap aligns 40 bytes to 16 only
		{"a model's rows", 14 * 9066, 1},
		{"all the buffer", 1 << 18, 1},
		{"too many", 1<<18 + 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := new(spareBuf)
			got := make([][]float32, 8)
			var wg sync.WaitGroup
			for i := range got {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got[i] = s.take(tt.n)
				}()
			}
			wg.Wait()
			spare := 0
			buf := unsafe.String((*byte)(unsafe.Pointer(&s.rows[0])), 4*len(s.rows))
			for _, w := range got {
				full := w[:tt.n]
				if within(unsafeString(full), buf) {
					spare++
				}
				if len(w) != 0 || cap(w) != tt.n || addr(unsafeString(full))%64 != 0 {
					t.Errorf("slice of length %d, room %d at %#x; want 0, %d on a cache line", len(w), cap(w), addr(unsafeString(full)), tt.n)
				}
			}
			if spare != tt.wantSpare {
				t.Errorf("%d takers got the buffer, want %d", spare, tt.wantSpare)
			}
		})
	}
}

// FuzzModelFromTables loads a small model with arbitrary bytes as its
// tables: loading never panics or fails; tables that do not fit are
// refused, and the model is then the one its binary form compiles to;
// tables that are accepted have the layout's length. (The content of the
// tables is not checked: the built-in model's are embedded and tested.)
func FuzzModelFromTables(f *testing.F) {
	m, bin, tab, other := tablesTestModel(f)
	for _, s := range [][]byte{tab, other, tab[:len(tab)-1], tab[:len(modelTabMagic)+17], nil} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Copy to a cache line, so that the tables can be viewed.
		buf := make([]byte, len(data)+64)
		k := int(-uintptr(unsafe.Pointer(&buf[0])) % 64)
		copy(buf[k:], data)
		in := unsafe.String(&buf[k], len(data))
		if len(data) == 0 {
			in = ""
		}
		got, err := parseBinaryTables("bin", string(bin), in)
		if err != nil {
			t.Fatal(err)
		}
		if !within(tableString(got.table), in) {
			if !reflect.DeepEqual(modelOnly(m), modelOnly(got)) {
				t.Errorf("tables refused, but the model differs from the compiled one")
			}
			return
		}
		if len(data) != len(tab) {
			t.Errorf("tables of %d bytes accepted, the layout has %d", len(data), len(tab))
		}
		if bytes.Equal(data, tab) && !reflect.DeepEqual(modelOnly(m), modelOnly(got)) {
			t.Errorf("the model's own tables load into another model")
		}
	})
}
