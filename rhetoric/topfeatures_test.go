package rhetoric

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/lexicon"
)

// TestTopFeatures checks topFeatures, which skips a feature on its weight
// before building its key, against topFeaturesLong, which builds every
// key, on random sentences of distinct rows of the built-in model.
func TestTopFeatures(t *testing.T) {
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := a.model
	rows := m.names.len()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name     string
		min, max int // features in a sentence
	}{
		{"empty", 0, 0},
		{"fewer than five", 1, 4},
		{"short", 5, 40},
		{"long", 41, explainIdxMask + 1},
		{"ties", -1, -1}, // rows of one |weight| at the boundary of the best five
	} {
		t.Run(tc.name, func(t *testing.T) {
			for trial := range 300 {
				md := rng.IntN(len(m.devices))
				var fs []feat
				if tc.min < 0 {
					fs = tiedFeatures(m, md, rng)
				} else {
					n := tc.min + rng.IntN(tc.max-tc.min+1)
					for _, r := range rng.Perm(rows)[:min(n, rows)] {
						fs = append(fs, feat{h: uint64(r)})
					}
				}
				wn, wat := topFeaturesLong(m, md, fs)
				gn, gat := topFeatures(m, md, fs)
				if diff := cmp.Diff(wat[:wn], gat[:gn]); diff != "" {
					t.Fatalf("trial %d, %d features, device %d (-want +got):\n%s", trial, len(fs), md, diff)
				}
			}
		})
	}
}

// tiedFeatures returns, in random order, three rows of larger |weight|
// for model device md and up to six rows that share one |weight|, so that
// the fifth place goes by row among equal weights.
func tiedFeatures(m *Model, md int, rng *rand.Rand) []feat {
	byW := map[float32][]int{}
	for _, r := range rng.Perm(m.names.len()) {
		w := m.w[r*m.stride+md]
		if w < 0 {
			w = -w
		}
		if w != 0 {
			byW[w] = append(byW[w], r)
		}
	}
	var fs []feat
	var tie float32
	for w, rs := range byW {
		if len(rs) >= 4 && (tie == 0 || w < tie) {
			tie = w
		}
	}
	for _, r := range byW[tie][:min(6, len(byW[tie]))] {
		fs = append(fs, feat{h: uint64(r)})
	}
	for w, rs := range byW {
		if w > tie && len(fs) < len(byW[tie][:min(6, len(byW[tie]))])+3 {
			fs = append(fs, feat{h: uint64(rs[0])})
		}
	}
	rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	return fs
}
