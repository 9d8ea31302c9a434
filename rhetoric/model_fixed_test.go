package rhetoric

import (
	"math"
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

// TestZCut checks the cut below which the decision stage skips a device's
// probability: every score under it gives a probability under the
// threshold, as sigmoid computes it, and the cut lies within 10^-5 of the
// logit (so that the skip is taken); thresholds too near 0 or 1 get no
// cut.
func TestZCut(t *testing.T) {
	thrs := []float64{1e-6, 0.01, 0.1, 0.3, 0.5, 0.525, 0.55, 0.625, 0.7, 0.9, 0.99, 1 - 1e-6}
	thrs = append(thrs, DefaultModel().thr...)
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		thrs = append(thrs, 1e-6+r.Float64()*(1-2e-6))
	}
	for _, thr := range thrs {
		c := zCut(thr)
		l := math.Log(thr / (1 - thr))
		if !(c < l && l-c < 1e-5*(1+math.Abs(l))) {
			t.Fatalf("zCut(%v) = %v, logit %v: want just below", thr, c, l)
		}
		z := c
		for range 200 {
			z = math.Nextafter(z, math.Inf(-1))
			if p := sigmoid(z); p >= thr {
				t.Fatalf("threshold %v: sigmoid(%v) = %v under zCut %v", thr, z, p, c)
			}
		}
		for range 200 {
			if z := c - r.Float64()*1e-3; sigmoid(z) >= thr {
				t.Fatalf("threshold %v: sigmoid(%v) = %v under zCut %v", thr, z, sigmoid(z), c)
			}
		}
	}
	for _, thr := range []float64{1e-7, 1e-300, 1 - 1e-7, 0.9999999999} {
		if c := zCut(thr); !math.IsInf(c, -1) {
			t.Errorf("zCut(%v) = %v, want -Inf", thr, c)
		}
	}
}
