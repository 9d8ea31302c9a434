package eval_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/eval"
)

// TestComparePaired compares two sets of predictions of four items whose
// figures are known by hand, without intervals, and checks that identical
// predictions differ by exactly 0 on every resample.
func TestComparePaired(t *testing.T) {
	devices := []string{"blame", "peace"}
	items := []eval.Item{
		{ID: "1", Devices: []string{"blame"}},
		{ID: "2", Devices: []string{"blame", "peace"}},
		{ID: "3", Devices: []string{}},
		{ID: "4", Devices: []string{"peace"}},
	}
	p := func(d ...string) eval.Prediction { return eval.Prediction{Devices: d} }
	// base: blame TP 1 FN 1 FP 1 (F1 1/2), peace TP 2 (F1 1): pooled TP 3,
	// FP 1, FN 1, micro 3/4, macro 3/4.
	base := []eval.Prediction{p("blame"), p("peace"), p("blame"), p("peace")}
	// alt: blame TP 2 (F1 1), peace TP 1 FN 1 (F1 2/3): pooled TP 3,
	// FN 1, micro 6/7, macro 5/6.
	// Alpha on 4 items (eight values): base blame 1 - 7·2/(4·4) = 1/8,
	// peace 1, mean 9/16; alt blame 1, peace (gold 2, predicted 1, one
	// apart) 1 - 7·1/(5·3) = 8/15, mean 23/30.
	alt := []eval.Prediction{p("blame"), p("blame"), p(), p("peace")}
	tests := []struct {
		name      string
		base, alt []eval.Prediction
		want      *eval.Paired
	}{
		{"hand", base, alt, &eval.Paired{
			Items: 4, MicroF1: [2]float64{0.75, 6.0 / 7}, MacroF1: [2]float64{0.75, 5.0 / 6},
			MicroDiff: 6.0/7 - 0.75, MacroDiff: 5.0/6 - 0.75,
			MeanAlpha: [2]float64{9.0 / 16, 23.0 / 30}, AlphaDiff: 23.0/30 - 9.0/16,
			Devices: []eval.PairedDevice{
				{Device: "blame", Support: 2, F1: [2]float64{0.5, 1}, R: [2]float64{0.5, 1}, Diff: 0.5},
				{Device: "peace", Support: 2, F1: [2]float64{1, 2.0 / 3}, R: [2]float64{1, 0.5}, Diff: 2.0/3 - 1},
			},
		}},
		{"same", base, base, &eval.Paired{
			Items: 4, MicroF1: [2]float64{0.75, 0.75}, MacroF1: [2]float64{0.75, 0.75},
			MeanAlpha: [2]float64{9.0 / 16, 9.0 / 16},
			Devices: []eval.PairedDevice{
				{Device: "blame", Support: 2, F1: [2]float64{0.5, 0.5}, R: [2]float64{0.5, 0.5}},
				{Device: "peace", Support: 2, F1: [2]float64{1, 1}, R: [2]float64{1, 1}},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eval.ComparePaired(devices, items, tt.base, tt.alt, eval.Options{Resamples: -1})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("ComparePaired (-want +got):\n%s", diff)
			}
		})
	}
	compare := func(base, alt []eval.Prediction, opts eval.Options) *eval.Paired {
		t.Helper()
		p, err := eval.ComparePaired(devices, items, base, alt, opts)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	same := compare(base, base, eval.Options{Resamples: 200})
	zero := eval.Interval{}
	if same.MicroCI != zero || same.MacroCI != zero || same.AlphaCI != zero || same.Devices[0].CI != zero || same.Devices[1].CI != zero {
		t.Errorf("identical predictions: intervals %+v %+v %+v %+v %+v, want all 0", same.MicroCI, same.MacroCI, same.AlphaCI, same.Devices[0].CI, same.Devices[1].CI)
	}
	hand := compare(base, alt, eval.Options{Resamples: 200})
	if again := compare(base, alt, eval.Options{Resamples: 200}); !cmp.Equal(hand, again) {
		t.Error("the paired bootstrap is not deterministic")
	}
	if hand.MicroCI.Lo > hand.MicroDiff || hand.MicroCI.Hi < hand.MicroDiff || hand.MicroCI.Lo == hand.MicroCI.Hi {
		t.Errorf("micro difference %.3f outside its interval %+v, or the interval empty", hand.MicroDiff, hand.MicroCI)
	}
	if hand.AlphaCI.Lo > hand.AlphaDiff || hand.AlphaCI.Hi < hand.AlphaDiff || hand.AlphaCI.Lo == hand.AlphaCI.Hi {
		t.Errorf("alpha difference %.3f outside its interval %+v, or the interval empty", hand.AlphaDiff, hand.AlphaCI)
	}
	// Predictions that do not match the items one for one are an error,
	// not a panic.
	for _, tt := range []struct {
		name      string
		base, alt []eval.Prediction
	}{
		{"short base", base[:3], alt},
		{"short alt", base, alt[:3]},
		{"long alt", base, append(alt[:4:4], p())},
	} {
		if _, err := eval.ComparePaired(devices, items, tt.base, tt.alt, eval.Options{}); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}
