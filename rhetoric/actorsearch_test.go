package rhetoric

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/lexicon"
)

// TestActorSearch checks scratch.prevActor and nextActor against the
// per-token tables they replaced (the actor match ending last at or before
// each token, the first starting at or after it), at every token of the
// bench speeches and of hand-made texts, in both actor views.
func TestActorSearch(t *testing.T) {
	texts := []string{
		"",
		"Russia and Ukraine met the United States in the West Bank.",
		"The U.S.-Russia talks, the EU-China summit and Russia's aggression against Ukraine.",
		"We condemn the United Nations Security Council's failure; Israel blames Iran.",
	}
	texts = append(texts, presentSpeeches(t)...)
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ Prev, Next int32 }
	compared := 0
	for ti, text := range texts {
		st := Statement{Text: text}
		tok, err := a.admit(t.Context(), st)
		if err != nil {
			t.Fatal(err)
		}
		sc := a.pool.Get().(*scratch)
		doc := &sc.doc
		if err := tok.TokenizeInto(doc, text); err != nil {
			t.Fatal(err)
		}
		a.stages(doc, &st, sc)
		swapped := false
		for view := range 2 {
			n := len(doc.Tokens)
			var want, got []pair
			prev := int32(-1)
			wantPrev := make([]int32, n+1)
			for i := 0; i <= n; i++ {
				if j := sc.actEnd[i]; j >= 0 {
					prev = j
				}
				wantPrev[i] = prev
			}
			next := int32(-1)
			wantNext := make([]int32, n+1)
			for i := n; i >= 0; i-- {
				if j := sc.actAt[i]; j >= 0 {
					next = j
				}
				wantNext[i] = next
			}
			for i := 0; i <= n; i++ {
				want = append(want, pair{wantPrev[i], wantNext[i]})
				got = append(got, pair{sc.prevActor(i), sc.nextActor(i)})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("text %d, view %d: actor searches against per-token tables (-want +got):\n%s", ti, view, diff)
			}
			compared += len(sc.actors)
			if !sc.hasVenue {
				break
			}
			sc.swapActors()
			swapped = true
		}
		if swapped {
			sc.swapActors()
		}
		sc.reset()
		a.pool.Put(sc)
	}
	if compared == 0 {
		t.Error("no actor matches compared")
	}
}
