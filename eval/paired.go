package eval

import (
	"fmt"
	"math/rand/v2"
)

// Paired compares two sets of predictions on the same items, such as the
// cross-validated predictions of two training configurations on the same
// folds ([CrossPredict]): the figures of each and the differences, alt
// minus base, with 95% intervals from a paired bootstrap over items (each
// resample scores both on the same items). Because the two share their
// items and folds, the interval of a difference is much narrower than the
// spread of either figure over splits. It is plain data.
type Paired struct {
	Items     int        `json:"items"`         // items compared
	MicroF1   [2]float64 `json:"micro_f1"`      // base, alt
	MacroF1   [2]float64 `json:"macro_f1"`      // base, alt
	MicroDiff float64    `json:"micro_diff"`    // alt minus base
	MacroDiff float64    `json:"macro_diff"`    // alt minus base
	MicroCI   Interval   `json:"micro_diff_ci"` // paired-bootstrap interval of MicroDiff
	MacroCI   Interval   `json:"macro_diff_ci"` // paired-bootstrap interval of MacroDiff
	// MeanAlpha is the mean Krippendorff's alpha of the devices with
	// support (see [Result]) under base and alt, AlphaDiff alt's minus
	// base's and AlphaCI its paired-bootstrap interval.
	MeanAlpha [2]float64     `json:"mean_alpha"`
	AlphaDiff float64        `json:"mean_alpha_diff"`
	AlphaCI   Interval       `json:"mean_alpha_diff_ci"`
	Devices   []PairedDevice `json:"devices"` // per device, in the order of the devices given
}

// PairedDevice is one device in a [Paired] comparison: its support, F1 and
// recall under base and alt, and the F1 difference with its interval.
type PairedDevice struct {
	Device  string     `json:"device"`  // the device
	Support int        `json:"support"` // items whose gold devices hold it
	F1      [2]float64 `json:"f1"`      // base, alt
	R       [2]float64 `json:"r"`       // base, alt
	Diff    float64    `json:"diff"`    // F1 of alt minus F1 of base
	CI      Interval   `json:"diff_ci"` // paired-bootstrap interval of Diff
}

// ComparePaired scores base and alt, predictions of the same items (same
// order), over the given devices, and bootstraps the differences with
// opts (Resamples 0 means 1000, negative means no intervals; the seed
// as in [Score]), so that the result is deterministic. It fails when
// base or alt does not hold one prediction per item.
func ComparePaired(devices []string, items []Item, base, alt []Prediction, opts Options) (*Paired, error) {
	if len(base) != len(items) || len(alt) != len(items) {
		return nil, fmt.Errorf("eval: %d base and %d alt predictions for %d items", len(base), len(alt), len(items))
	}
	opts = opts.withDefaults()
	nd := len(devices)
	g := make([][]bool, len(items))
	pb := make([][]bool, len(items))
	pa := make([][]bool, len(items))
	for i, it := range items {
		g[i], pb[i], pa[i] = marks(devices, it.Devices), marks(devices, base[i].Devices), marks(devices, alt[i].Devices)
	}
	// score returns the figures of base and alt on the items idx.
	score := func(idx []int) (perB, perA []counts, micro, macro [2]float64) {
		var mb, ma counts
		perB, mb, macro[0] = tally(g, pb, idx, nd)
		perA, ma, macro[1] = tally(g, pa, idx, nd)
		_, _, micro[0] = prf(mb)
		_, _, micro[1] = prf(ma)
		return perB, perA, micro, macro
	}
	perB, perA, micro, macro := score(every(len(items)))
	res := &Paired{Items: len(items), MicroF1: micro, MacroF1: macro, MicroDiff: micro[1] - micro[0], MacroDiff: macro[1] - macro[0]}
	res.MeanAlpha = [2]float64{meanAlpha(perB, len(items)), meanAlpha(perA, len(items))}
	res.AlphaDiff = res.MeanAlpha[1] - res.MeanAlpha[0]
	for d, name := range devices {
		_, rb, fb := prf(perB[d])
		_, ra, fa := prf(perA[d])
		res.Devices = append(res.Devices, PairedDevice{Device: name, Support: perB[d].tp + perB[d].fn, F1: [2]float64{fb, fa}, R: [2]float64{rb, ra}, Diff: fa - fb})
	}
	if opts.Resamples < 0 || len(items) == 0 {
		return res, nil
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	B := opts.Resamples
	mi, ma, mα := make([]float64, B), make([]float64, B), make([]float64, B)
	dev := make([][]float64, nd)
	for d := range dev {
		dev[d] = make([]float64, B)
	}
	idx := make([]int, len(items))
	for b := range B {
		resample(rng, idx)
		perB, perA, micro, macro := score(idx)
		mi[b], ma[b] = micro[1]-micro[0], macro[1]-macro[0]
		mα[b] = meanAlpha(perA, len(idx)) - meanAlpha(perB, len(idx))
		for d := range nd {
			_, _, fb := prf(perB[d])
			_, _, fa := prf(perA[d])
			dev[d][b] = fa - fb
		}
	}
	res.MicroCI, res.MacroCI, res.AlphaCI = interval(mi), interval(ma), interval(mα)
	for d := range nd {
		res.Devices[d].CI = interval(dev[d])
	}
	return res, nil
}
