package rhetoric

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rhetorica/rhetorica/lexicon"
)

// TestFirstActor checks the written-out binary search against the
// standard library's on random ordered match lists, repeated starts
// included.
func TestFirstActor(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := rng.IntN(12)
		actors := make([]lexicon.Match, n)
		pos := 0
		for i := range actors {
			pos += rng.IntN(3)
			actors[i].First = pos
		}
		for first := -1; first <= pos+2; first++ {
			want, _ := slices.BinarySearchFunc(actors, first, func(m lexicon.Match, f int) int { return cmp.Compare(m.First, f) })
			if got := firstActor(actors, first); got != want {
				t.Fatalf("firstActor(%v, %d) = %d, want %d", actors, first, got, want)
			}
		}
	}
}
