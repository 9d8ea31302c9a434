package learn

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestChoiceGradient checks the conditional logit's gradient against
// central differences, and that fitting it ranks each example's gold
// candidate first.
func TestChoiceGradient(t *testing.T) {
	// Three examples; features 0 and 1 mark the gold candidate (feature 1
	// only in two of them), feature 2 is noise shared by all candidates.
	p := &choice{
		x: [][]int32{
			{0, 2}, {2}, {1, 2},
			{2}, {0, 1},
			{1}, {2}, {},
		},
		start:  []int{0, 3, 5, 8},
		gold:   []int{0, 4, 5},
		lambda: 0.5,
	}
	w := []float64{0, 0.3, -0.2, 0.7}
	g := make([]float64, len(w))
	p.eval(w, g)
	const h = 1e-6
	for j := 1; j < len(w); j++ {
		wp, wm := append([]float64(nil), w...), append([]float64(nil), w...)
		wp[j] += h
		wm[j] -= h
		num := (p.eval(wp, make([]float64, len(w))) - p.eval(wm, make([]float64, len(w)))) / (2 * h)
		if math.Abs(num-g[j]) > 1e-5 {
			t.Errorf("gradient of w[%d] = %.6f, central difference %.6f", j, g[j], num)
		}
	}
	if g[0] != 0 {
		t.Errorf("gradient of the unused bias = %v, want 0", g[0])
	}

	w = make([]float64, 4)
	minimize(p, w, 150, 1e-9)
	var got []int
	for e := range p.gold {
		best, bz := -1, 0.0
		for r := p.start[e]; r < p.start[e+1]; r++ {
			z := 0.0
			for _, j := range p.x[r] {
				z += w[1+j]
			}
			if best < 0 || z > bz {
				best, bz = r, z
			}
		}
		got = append(got, best)
	}
	if diff := cmp.Diff(p.gold, got); diff != "" {
		t.Errorf("chosen rows (-want +got):\n%s", diff)
	}
}
