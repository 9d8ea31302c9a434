package rhetoric

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// TestLowerBit checks that quickSet.lowerBit, where it is sure, gives
// maybeTok's answer, for every quick set of the English grammar and every
// word of the bench speeches and of a few hand-made ones.
func TestLowerBit(t *testing.T) {
	texts := []string{"But however the aggression, BUT Aggression éclat naïve café x y-z a"}
	texts = append(texts, presentSpeeches(t)...)
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := a.grammar(tokenize.English)
	sets := map[string]*quickSet{"frame": &g.frameQuick, "break": &g.breakQuick, "source": &g.sourceQuick, "accuse": &g.accuseQuick, "agent": &g.agentQuick}
	tok, err := tokenize.New(tokenize.Options{Language: tokenize.English})
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ Differ, Sure, Hits int }
	got := map[string]count{}
	for _, text := range texts {
		doc, err := tok.Tokenize(text)
		if err != nil {
			t.Fatal(err)
		}
		for i := range doc.Tokens {
			tk := &doc.Tokens[i]
			for name, q := range sets {
				c := got[name]
				if maybe, sure := q.lowerBit(tk.Text); sure {
					c.Sure++
					if maybe {
						c.Hits++
					}
					if maybe != q.maybeTok(tk) {
						c.Differ++
						t.Errorf("%s set, %q: lowerBit %v, maybeTok %v", name, tk.Text, maybe, !maybe)
					}
				}
				got[name] = c
			}
		}
	}
	for name, c := range got {
		if diff := cmp.Diff(0, c.Differ); diff != "" || c.Sure == 0 || c.Hits == 0 {
			t.Errorf("%s set: %+v; want no difference, some sure answers and some hits", name, c)
		}
	}
}
