package rhetoric

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/tokenize"
)

// TestFormIndexes checks that the facts kept by form ID (a model's rows of
// w= and s=, a grammar's plain-word classes and its wildcard and stem
// classes) are those computed from the strings, on real speeches, both when a word is first met (the table is
// filled) and later (it is read).
func TestFormIndexes(t *testing.T) {
	dir := filepath.Join(testutil.ModuleRoot(t), "..", "shared", "corpus")
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A copy of the built-in model with its own form indexes: other tests'
	// tokenizers may have claimed all of the shared model's.
	mc := *DefaultModel()
	mc.forms = new(formIndexes)
	m := &mc
	g := newGrammar(tokenize.English, nil)
	var classes []*wordClass
	for _, c := range g.slots() {
		classes = append(classes, c)
	}
	type rows struct{ W, S int32 }
	for pass := range 2 {
		for _, p := range benchSpeeches {
			data, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				t.Skipf("shared corpus absent: %v", err)
			}
			doc, err := tk.Tokenize(string(data))
			if err != nil {
				t.Fatal(err)
			}
			x := m.forms.Index(doc.FormSpace)
			if x == nil {
				t.Fatal("no form index for the tokenizer")
			}
			with := &scratch{g: g}
			with.startDoc(doc)
			without := &scratch{g: g}
			without.startDoc(doc)
			without.gforms = nil
			var got, want []rows
			var gotBits, wantBits []uint64
			var gotIs, wantIs []bool
			for i := range doc.Tokens {
				tok := &doc.Tokens[i]
				w, s := m.wordRows(x, tok)
				got = append(got, rows{w, s})
				r := rows{m.lookup(FeatureHash("w=" + tok.Norm)), -1}
				if tok.Stem != tok.Norm && tok.Stem != "" {
					r.S = m.lookup(FeatureHash("s=" + tok.Stem))
				}
				want = append(want, r)
				// The affix bits that is keeps by form ID are left out: the
				// comparison of is below covers them.
				gotBits = append(gotBits, with.plainBits(i)&^(g.affixMask|clsAffix))
				wantBits = append(wantBits, without.plainBits(i)&^(g.affixMask|clsAffix))
				for _, c := range classes {
					gotIs = append(gotIs, with.is(c, i))
					wantIs = append(wantIs, without.is(c, i))
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("pass %d, %s: rows by form ID (-want +got):\n%s", pass, p, diff)
			}
			if diff := cmp.Diff(wantBits, gotBits); diff != "" {
				t.Errorf("pass %d, %s: plain bits by form ID (-want +got):\n%s", pass, p, diff)
			}
			if diff := cmp.Diff(wantIs, gotIs); diff != "" {
				t.Errorf("pass %d, %s: classes by form ID (-want +got):\n%s", pass, p, diff)
			}
		}
	}
	if x := g.forms.Index(0); x != nil {
		t.Error("FormSpace 0 got an index")
	}
}
