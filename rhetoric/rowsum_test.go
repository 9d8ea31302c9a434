package rhetoric

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAddRows16 compares addRows16 (the assembly kernel on amd64) with
// addRows16Go bit for bit: random rows of trained-looking weights (k/1000)
// and of any float32 (tiny, huge, subnormal, negative zero), random runs
// of features from none to a few hundred, repeated rows included, and
// starting sums that are not zero.
func TestAddRows16(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	const rows = 300
	for trial := range 400 {
		w := make([]float32, rows*16)
		for i := range w {
			switch r := rng.IntN(10); {
			case r < 5:
				w[i] = 0
			case r < 8 || trial%2 == 0:
				w[i] = float32(rng.IntN(20001)-10000) / 1000
			default:
				w[i] = math.Float32frombits(rng.Uint32() &^ (0xff << 23)) // finite: exponent below all ones
				if rng.IntN(3) == 0 {
					w[i] = math.Float32frombits(rng.Uint32()&0x807fffff | uint32(rng.IntN(254))<<23)
				}
			}
		}
		fs := make([]feat, rng.IntN(300))
		for i := range fs {
			fs[i] = feat{h: uint64(rng.IntN(rows)), start: int32(i)}
		}
		var want, got [16]float64
		for d := range want {
			want[d] = float64(rng.IntN(8001)-4000) / 1000
		}
		if trial%5 == 0 {
			want[3] = math.Copysign(0, -1)
		}
		got = want
		addRows16Go(&want, w, fs)
		if len(fs) > 0 {
			addRows16(&got, &w[0], &fs[0], len(fs))
		}
		wb, gb := make([]uint64, 16), make([]uint64, 16)
		for d := range want {
			wb[d], gb[d] = math.Float64bits(want[d]), math.Float64bits(got[d])
		}
		if diff := cmp.Diff(wb, gb); diff != "" {
			t.Fatalf("trial %d (%d features): sums' bits differ (-want +got):\n%s", trial, len(fs), diff)
		}
	}
	t.Logf("assembly kernel: %v", haveAddRows16)
}
