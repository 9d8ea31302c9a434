package rhetoric

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/lexicon"
)

// TestFeatRows checks that the rows of an analyzer's fixed features are
// those that looking their whole names up in the model gives, and that
// the indices of rules and roles name them.
func TestFeatRows(t *testing.T) {
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := a.model
	row := func(name string) int32 { return m.lookup(FeatureHash(name)) }
	var want, got []int32
	for i, n := range fixedNames {
		want, got = append(want, row(n.p+n.y)), append(got, a.fr.fixed[i])
	}
	for d, dev := range a.devices {
		want = append(want, row("d="+dev), row("d2="+dev), row("dn="+dev))
		got = append(got, a.fr.det[d], a.fr.det2[d], a.fr.detNeg[d])
		for i, r := range targetRules {
			want, got = append(want, row("tr="+dev+"/"+string(r))), append(got, a.fr.rule[d][i])
		}
	}
	for i, c := range a.actors {
		want, got = append(want, row("a="+c)), append(got, a.fr.actor[i])
	}
	for i, c := range a.tcodes {
		want, got = append(want, row("t:c="+c)), append(got, a.fr.cand[i])
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fixed rows (-want +got):\n%s", diff)
	}
	found := 0
	for _, r := range got {
		if r >= 0 {
			found++
		}
	}
	if found < 20 {
		t.Errorf("only %d fixed features in the built-in model", found)
	}
	for i, r := range targetRules {
		if got := ruleIndex(r); got != i {
			t.Errorf("ruleIndex(%q) = %d, want %d", r, got, i)
		}
	}
	for i, r := range roles {
		if got := roleIndex(r); got != i {
			t.Errorf("roleIndex(%q) = %d, want %d", r, got, i)
		}
	}
	if ruleIndex("other") != -1 || roleIndex("other") != -1 {
		t.Error("an unknown rule or role has an index")
	}
	none := newFeatRows(nil, &a.fh)
	for _, r := range none.fixed {
		if r != -1 {
			t.Fatalf("a row %d without a model", r)
		}
	}
}

// TestRowMemo checks the memo of rows against lookups: keys that repeat,
// collide in a slot, are 0 (not kept) or come from another form space.
func TestRowMemo(t *testing.T) {
	m := DefaultModel()
	sc := &scratch{}
	r := sc.rowMemo(1)
	words := []string{"we", "the", "russia", "war", "peace", "in", "nonesuch"}
	for round := range 3 { // the first round fills the memo, the others find it
		for i, w := range words {
			for _, key := range []uint64{rowKey(rkFirst, uint64(i+1), 1), rowKey(rkFirst, uint64(i+1)<<10, 1), 0} {
				want := m.lookup(FeatureHash("f=first/" + w))
				got, ok := r.get(key)
				if !ok {
					got = r.find(m, key, hFFirst, "", "", w)
				}
				if got != want {
					t.Errorf("round %d, %q, key %x: row %d, want %d", round, w, key, got, want)
				}
			}
		}
	}
	if _, ok := r.get(0); ok {
		t.Error("the key 0 is found")
	}
	r.slots[5].key = rowKey(rkFirst, 7, 1)
	if r2 := sc.rowMemo(2); r2 != r || r.slots[5].key != emptyRowKey {
		t.Error("another form space did not empty the memo")
	}
	if rowKey(rkStart, 0, 5) != 0 || rowKey(rkStart, 5, 1<<30) != 0 || rowKey(rkStart, 1, 1) == 0 {
		t.Error("rowKey bounds")
	}
}
