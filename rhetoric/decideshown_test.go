package rhetoric

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecideShown checks that the decision of a sentence through the
// bits of its shown devices (decideShown) sets the same probabilities,
// decisions and devices to explain as the loop over every device
// (decideAll), on random scores around the cuts (some exactly on them),
// random hits and excluded sentences.
func TestDecideShown(t *testing.T) {
	a := defaultAnalyzer(t, Options{})
	m := a.model
	if len(a.modeled) > 64 {
		t.Fatalf("%d modeled devices", len(a.modeled))
	}
	nd, mnd := len(a.devices), len(m.devices)
	rng := rand.New(rand.NewPCG(17, 3))
	type result struct {
		Prob     []float32
		Performs []uint64
		Shown    []uint64
	}
	run := func(decide func(*scratch, []float64, []uint64, []xhit, bool), z []float64, hits []xhit, excluded bool) result {
		sc := &scratch{prob: make([]float32, nd), shown: make([]uint64, 1)}
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
		want := run(a.decideAll, z, hits, excluded)
		got := run(a.decideShown, z, hits, excluded)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("case %d: decideShown against decideAll (-want +got):\n%s", i, diff)
		}
	}
}
