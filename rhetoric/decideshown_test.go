package rhetoric

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decideEveryDevice is the decision of a sentence written plainly, as
// decideSentence was before it visited only the devices it needs: a loop
// over every modeled device, skipping one without a hit whose score is
// under the cut.
func decideEveryDevice(a *Analyzer, sc *scratch, z []float64, performs []uint64, hits []xhit, excluded bool) {
	m, shown := a.model, sc.shown
	clear(shown)
	for i := range hits {
		if x := a.modIdx[hits[i].dev]; x >= 0 {
			shown[x>>6] |= 1 << (x & 63)
		}
	}
	for x, dm := range a.modeled {
		d, md := dm.d, dm.md
		if shown[x>>6]&(1<<(x&63)) == 0 && z[md] < m.zcut[md] {
			continue
		}
		p := sigmoid(z[md])
		sc.prob[d] = float32(p)
		if p >= m.thr[md] && !excluded {
			performs[d>>6] |= 1 << (d & 63)
			shown[x>>6] |= 1 << (x & 63)
		}
	}
}

// TestDecideShown checks that the decision of a sentence through the
// bits of the devices it needs (decideSentence) sets the same
// probabilities, decisions and devices to explain as the loop over every
// device (decideEveryDevice), on random scores around the cuts (some
// exactly on them), random hits and excluded sentences.
func TestDecideShown(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	m := a.model
	nd, mnd := len(a.devices), len(m.devices)
	nw := (len(a.modeled) + 63) / 64
	rng := rand.New(rand.NewPCG(17, 3))
	type result struct {
		Prob     []float32
		Performs []uint64
		Shown    []uint64
	}
	run := func(decide func(*scratch, []float64, []uint64, []xhit, bool), z []float64, hits []xhit, excluded bool) result {
		sc := &scratch{prob: make([]float32, nd), shown: make([]uint64, nw), visit: make([]uint64, nw)}
		performs := make([]uint64, perfWords(nd))
		decide(sc, z, performs, hits, excluded)
		return result{sc.prob, performs, sc.shown}
	}
	for i := range 20000 {
		z := make([]float64, mnd)
		for md := range z {
			switch rng.IntN(8) {
			case 0:
				z[md] = m.zcut[md]
			case 1:
				z[md] = m.zcut[md] + 3 + rng.Float64()
			default:
				z[md] = m.zcut[md] + rng.NormFloat64()*2
			}
		}
		var hits []xhit
		for range rng.IntN(4) {
			hits = append(hits, xhit{dev: rng.IntN(nd)})
		}
		excluded := rng.IntN(10) == 0
		want := run(func(sc *scratch, z []float64, p []uint64, h []xhit, ex bool) { decideEveryDevice(a, sc, z, p, h, ex) }, z, hits, excluded)
		got := run(a.decideSentence, z, hits, excluded)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("case %d: decideSentence against decideEveryDevice (-want +got):\n%s", i, diff)
		}
	}
}
