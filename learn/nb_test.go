package learn

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestDeviceScales checks the naive-Bayes feature values against the
// formula on a four-example problem: feature 0 only in positives, 1 in
// every example, 2 only in negatives.
func TestDeviceScales(t *testing.T) {
	x := [][]int32{{0, 1}, {0, 1}, {1, 2}, {1}}
	y := []bool{true, true, false, false}
	rows := []int{0, 1, 2, 3}
	base := []float64{1, 1, 2}
	// a = 1, F = 3; positives hold 4 feature occurrences, negatives 3.
	r := func(pos, neg float64) float64 {
		return math.Abs(math.Log((1+pos)/(3+4)) - math.Log((1+neg)/(3+3)))
	}
	tests := []struct {
		name string
		cfg  Config
		want []float64
	}{
		{"off", Config{NB: -1}, base},
		{"power 1", Config{NB: 1, NBAlpha: 1}, []float64{r(2, 0), r(2, 2), 2 * r(0, 1)}},
		{"power 0.5", Config{NB: 0.5, NBAlpha: 1}, []float64{math.Sqrt(r(2, 0)), math.Sqrt(r(2, 2)), 2 * math.Sqrt(r(0, 1))}},
		{"floor", Config{NB: 1, NBAlpha: 1, NBFloor: 0.5}, []float64{r(2, 0), 0.5, 2 * r(0, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := deviceScales(x, y, rows, base, tt.cfg)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("deviceScales (-want +got):\n%s", diff)
			}
		})
	}
	// Only the rows given count: the first two alone have no negatives,
	// so feature 0 (in both) and feature 1 (in both) weigh the same.
	got := deviceScales(x, y, []int{0, 1}, base, Config{NB: 1, NBAlpha: 1})
	if got[0] != got[1] {
		t.Errorf("deviceScales on rows 0-1: features 0 and 1 differ: %v", got)
	}
	if base[0] != 1 || base[2] != 2 {
		t.Errorf("deviceScales changed its input: %v", base)
	}
}
