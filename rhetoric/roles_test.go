package rhetoric

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRoleFeatures checks the role of a target candidate relative to a
// device's cue (t:g=ROLE, t:gd=ROLE/DISTANCE), as the learned target
// chooser sees it, for every role.
func TestRoleFeatures(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		device string
		actor  string
		want   []string
	}{
		{"attributive", "Russian aggression continues.", "blame", "RUS", []string{"t:g=adj", "t:gd=adj/0"}},
		{"possessive with a modifier", "Russia's brutal aggression continues.", "blame", "RUS", []string{"t:g=poss", "t:gd=poss/near"}},
		{"subject", "Moscow has shown aggression.", "blame", "RUS", []string{"t:g=subj", "t:gd=subj/near"}},
		{"subject beyond three tokens", "Moscow has again and again shown aggression.", "blame", "RUS", []string{"t:g=subj", "t:gd=subj/mid"}},
		{"earlier clause", "Russia denies it; aggression continues.", "blame", "RUS", []string{"t:g=before", "t:gd=before/near"}},
		{"inside the cue", "The expansion of NATO continues.", "threat", "NATO", []string{"t:g=in", "t:gd=in/0"}},
		{"object of an appeal", "We urge the Assembly to act.", "call_to_action", TargetOther, []string{"t:g=obj", "t:gd=obj/near"}},
		{"passive agent", "The aggression by the terrorists continues.", "blame", TargetOther, []string{"t:g=by", "t:gd=by/near"}},
		{"genitive", "The threat of the Kremlin grows.", "threat", "RUS", []string{"t:g=of", "t:gd=of/near"}},
		{"victim", "Aggression against Ukraine continues.", "blame", "UKR", []string{"t:g=against", "t:gd=against/near"}},
		{"after, beyond the glue", "Aggression continues in the east of Ukraine.", "blame", "UKR", []string{"t:g=after", "t:gd=after/mid"}},
		{"later clause", "Aggression continues; Russia denies it.", "blame", "RUS", []string{"t:g=later", "t:gd=later/near"}},
		{"nearest mention wins", "Ukraine says Russia bears responsibility for the war in Ukraine.", "blame", "UKR", []string{"t:g=subj", "t:gd=subj/near"}},
		{"negated cue gives no role", "Russia is not responsible.", "blame", "RUS", nil},
	}
	a := newTest(t, targetDef(), Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := a.Features(context.Background(), Statement{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			found := false
			for _, s := range sents {
				for _, tf := range s.Targets {
					if tf.Device != tt.device || tf.Actor != tt.actor {
						continue
					}
					found = true
					for _, f := range tf.Features {
						if strings.HasPrefix(f.Name, "t:g=") || strings.HasPrefix(f.Name, "t:gd=") {
							got = append(got, f.Name)
						}
					}
				}
			}
			if !found {
				t.Fatalf("no %s candidate for %s in %q", tt.actor, tt.device, tt.text)
			}
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("role features (-want +got):\n%s", diff)
			}
		})
	}
}
