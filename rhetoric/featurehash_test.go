package rhetoric

import "testing"

// TestFeatHashes checks that the hashes of the fixed parts of feature
// names, carried on over the rest, give the hash of the whole name.
func TestFeatHashes(t *testing.T) {
	devices := []string{"blame", "call_to_action", ""}
	actors := []string{"RUS", "UKR"}
	tcodes := []string{"RUS", "UKR", TargetOther, TargetNone}
	fh := newFeatHashes(devices, actors, tcodes)
	for d, dev := range devices {
		for _, c := range []struct {
			h    uint64
			name string
		}{
			{fnvAdd(fh.hit[d], "bears responsibility"), "h=" + dev + "/bears responsibility"},
			{fnvAdd(fh.neg[d], "x"), "hn=" + dev + "/x"},
			{fnvAdd(fh.intens[d], "x"), "hi=" + dev + "/x"},
			{fnvAdd(fh.hedged[d], "x"), "hh=" + dev + "/x"},
			{fnvAdd(fh.rule[d], "object"), "tr=" + dev + "/object"},
			{fh.det[d], "d=" + dev},
			{fh.det2[d], "d2=" + dev},
			{fh.detNeg[d], "dn=" + dev},
		} {
			if want := FeatureHash(c.name); c.h != want {
				t.Errorf("hash of %q = %x, want %x", c.name, c.h, want)
			}
		}
	}
	for i, a := range actors {
		if got, want := fh.actor[i], FeatureHash("a="+a); got != want {
			t.Errorf("hash of a=%s = %x, want %x", a, got, want)
		}
	}
	for i, c := range tcodes {
		if got, want := fh.cand[i], FeatureHash("t:c="+c); got != want {
			t.Errorf("hash of t:c=%s = %x, want %x", c, got, want)
		}
	}
	if got, want := fnvAdd(fnvAdd(fnvAdd(hB, "war"), " "), "crimes"), FeatureHash("b=war crimes"); got != want {
		t.Errorf("hash of b=war crimes = %x, want %x", got, want)
	}
}
