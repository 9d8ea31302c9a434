package learn

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJointThresholds checks the thresholds chosen together on small
// probability sets whose best thresholds are known. Device "common" is
// separated perfectly at its own best, 0.5 (10 positives at 0.8, 10
// negatives at 0.2). Device "rare" has one positive at 0.31 and negatives
// at 0.36 and 0.41: its own F1 is best, 0.5, at any threshold up to 0.3
// (0.3 being nearest 0.5), where it also takes both negatives. Pooled,
// the rare device on costs more than it brings: micro-F1 is 22/24 = 0.917
// with it on and 20/21 = 0.952 with it off, the lowest threshold above
// 0.4 on the grid being 0.425; macro-F1 is 0.75 on and 0.5 off. So
// weights of micro up to 0.5 keep 0.3 (blend 0.833 on, 0.726 off), and
// 0.9 and 1 turn the rare device off (blend 0.900 on, 0.907 off).
func TestJointThresholds(t *testing.T) {
	var common devFit
	for i := range 20 {
		pos := i < 10
		p := 0.2
		if pos {
			p = 0.8
		}
		common.y, common.prob = append(common.y, pos), append(common.prob, p)
	}
	rare := devFit{y: []bool{true, false, false, false, false}, prob: []float64{0.31, 0.36, 0.41, 0.1, 0.05}}
	// Device "low" is separated perfectly below 0.21 (positives at 0.21
	// to 0.46, negatives at 0.1); its own best is 0.2, which every
	// objective keeps.
	low := devFit{y: []bool{true, true, true, false, false}, prob: []float64{0.21, 0.31, 0.46, 0.1, 0.1}}
	// Device "poor" has its positive at 0.5 below negatives at 0.6 and
	// 0.7, so its own best (F1 0.5) is 0.5 with both negatives. Held there
	// (Config.OwnThreshold), it still counts in the pooled micro-F1: with
	// rare on, 2 TP and 4 FP give 0.5, with rare off 1 TP, 2 FP and 1 FN
	// give 0.4, so rare stays on; held beside common instead, rare turns
	// off as it does when both move.
	poor := devFit{y: []bool{true, false, false}, prob: []float64{0.5, 0.6, 0.7}}
	for _, f := range []*devFit{&common, &rare, &low, &poor} {
		_, f.thr = bestThreshold(f.prob, f.y)
	}
	if diff := cmp.Diff([]float64{0.5, 0.3, 0.2, 0.5}, []float64{round(common.thr), round(rare.thr), round(low.thr), round(poor.thr)}); diff != "" {
		t.Fatalf("own best thresholds (-want +got):\n%s", diff)
	}
	tests := []struct {
		name  string
		fits  []devFit
		micro float64
		want  []float64
	}{
		{"none", nil, 1, []float64{}},
		{"one device, micro is its own F1", []devFit{rare}, 1, []float64{0.3}},
		{"device objective keeps own bests", []devFit{common, rare}, 0, []float64{0.5, 0.3}},
		{"blend 0.5 keeps the rare device on", []devFit{common, rare}, 0.5, []float64{0.5, 0.3}},
		{"blend 0.9 turns it off", []devFit{common, rare}, 0.9, []float64{0.5, 0.425}},
		{"micro turns it off", []devFit{common, rare}, 1, []float64{0.5, 0.425}},
		{"order does not matter", []devFit{rare, common}, 1, []float64{0.425, 0.5}},
		{"three devices", []devFit{low, common, rare}, 1, []float64{0.2, 0.5, 0.425}},
		{"an own threshold stays", []devFit{common, own(rare)}, 1, []float64{0.5, 0.3}},
		{"a held device counts: well", []devFit{own(common), rare}, 1, []float64{0.5, 0.425}},
		{"a held device counts: badly", []devFit{own(poor), rare}, 1, []float64{0.5, 0.3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := jointThresholds(tt.fits, tt.micro)
			// Compare on the grid, as the model file rounds them.
			for i := range got {
				got[i] = round(got[i])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("thresholds (-want +got):\n%s", diff)
			}
		})
	}
}

// own returns f marked to keep its own best threshold.
func own(f devFit) devFit {
	f.own = true
	return f
}

// TestMicroWeight checks the weight of micro-F1 each objective gives and
// the settings refused.
func TestMicroWeight(t *testing.T) {
	tests := []struct {
		cfg     Config
		want    float64
		wantErr bool
	}{
		{Config{}, 0, false},
		{Config{Objective: ObjectiveDevice, MicroWeight: 0.3}, 0, false},
		{Config{Objective: ObjectiveMicro}, 1, false},
		{Config{Objective: ObjectiveBlend}, 0.75, false},
		{Config{Objective: ObjectiveBlend, MicroWeight: 0.5}, 0.5, false},
		{Config{Objective: ObjectiveBlend, MicroWeight: 1.5}, 0, true},
		{Config{Objective: ObjectiveBlend, MicroWeight: -0.5}, 0, true},
		{Config{Objective: "macro"}, 0, true},
	}
	for _, tt := range tests {
		got, err := tt.cfg.withDefaults().microWeight()
		if diff := cmp.Diff(tt.want, got); diff != "" || (err != nil) != tt.wantErr {
			t.Errorf("%+v: weight (-want +got):\n%s error %v, want error %v", tt.cfg, diff, err, tt.wantErr)
		}
		if verr := tt.cfg.Validate(); (verr != nil) != tt.wantErr {
			t.Errorf("%+v: Validate() = %v, want error %v", tt.cfg, verr, tt.wantErr)
		}
	}
}
