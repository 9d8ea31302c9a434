package rhetoric

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestParseFixed checks the model loader's fast path against
// strconv.ParseFloat bit for bit, and that it declines what it cannot read
// exactly.
func TestParseFixed(t *testing.T) {
	for _, s := range []string{"0", "-0", "2", "-0.276", "0.5", "1.25", "123.456", "-999999999999.999", "0.001", "-0.1"} {
		got, ok := parseFixed([]byte(s))
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want {
			t.Errorf("parseFixed(%q) = %v, %v; ParseFloat gives %v, %v", s, got, ok, want, err)
		}
	}
	for _, s := range []string{"", "-", ".", "1.", "1.2345", "1e3", "NaN", "+1", "1..2", "1234567890123456", "0x10", " 1"} {
		if v, ok := parseFixed([]byte(s)); ok {
			t.Errorf("parseFixed(%q) = %v, true; want it left to ParseFloat", s, v)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		s := strconv.FormatFloat((r.Float64()-0.5)*float64(r.IntN(2000000)), 'f', r.IntN(4), 64)
		got, ok := parseFixed([]byte(s))
		want, _ := strconv.ParseFloat(s, 64)
		if !ok || got != want {
			t.Fatalf("parseFixed(%q) = %v, %v; ParseFloat gives %v", s, got, ok, want)
		}
	}
}
