package eval

import (
	"math/rand/v2"
	"slices"
)

// Paired compares two sets of predictions on the same items, such as the
// cross-validated predictions of two training configurations on the same
// folds ([CrossPredict]): the figures of each and the differences, alt
// minus base, with 95% intervals from a paired bootstrap over items (each
// resample scores both on the same items). Because the two share their
// items and folds, the interval of a difference is much narrower than the
// spread of either figure over splits. It is plain data.
type Paired struct {
	Items     int            `json:"items"`
	MicroF1   [2]float64     `json:"micro_f1"` // base, alt
	MacroF1   [2]float64     `json:"macro_f1"` // base, alt
	MicroDiff float64        `json:"micro_diff"`
	MacroDiff float64        `json:"macro_diff"`
	MicroCI   Interval       `json:"micro_diff_ci"`
	MacroCI   Interval       `json:"macro_diff_ci"`
	Devices   []PairedDevice `json:"devices"`
}

// PairedDevice is one device in a [Paired] comparison: its support, F1 and
// recall under base and alt, and the F1 difference with its interval.
type PairedDevice struct {
	Device  string     `json:"device"`
	Support int        `json:"support"`
	F1      [2]float64 `json:"f1"` // base, alt
	R       [2]float64 `json:"r"`  // base, alt
	Diff    float64    `json:"diff"`
	CI      Interval   `json:"diff_ci"`
}

// ComparePaired scores base and alt, predictions of the same items (same
// order), over the given devices, and bootstraps the differences with
// opts (Resamples 0 means 1000, negative means no intervals; the seed
// as in [Score]).
func ComparePaired(devices []string, items []Item, base, alt []Prediction, opts Options) *Paired {
	if opts.Resamples == 0 {
		opts.Resamples = 1000
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	nd := len(devices)
	g := make([][]bool, len(items))
	pb := make([][]bool, len(items))
	pa := make([][]bool, len(items))
	for i, it := range items {
		g[i], pb[i], pa[i] = make([]bool, nd), make([]bool, nd), make([]bool, nd)
		for d, name := range devices {
			g[i][d] = slices.Contains(it.Devices, name)
			pb[i][d] = slices.Contains(base[i].Devices, name)
			pa[i][d] = slices.Contains(alt[i].Devices, name)
		}
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	perB, microB, macroB := tally(g, pb, all, nd)
	perA, microA, macroA := tally(g, pa, all, nd)
	_, _, fb := prf(microB)
	_, _, fa := prf(microA)
	res := &Paired{Items: len(items), MicroF1: [2]float64{fb, fa}, MacroF1: [2]float64{macroB, macroA}, MicroDiff: fa - fb, MacroDiff: macroA - macroB}
	for d, name := range devices {
		_, rb, f1b := prf(perB[d])
		_, ra, f1a := prf(perA[d])
		res.Devices = append(res.Devices, PairedDevice{Device: name, Support: perB[d].tp + perB[d].fn, F1: [2]float64{f1b, f1a}, R: [2]float64{rb, ra}, Diff: f1a - f1b})
	}
	if opts.Resamples < 0 || len(items) == 0 {
		return res
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	B := opts.Resamples
	mi, ma := make([]float64, B), make([]float64, B)
	dev := make([][]float64, nd)
	idx := make([]int, len(items))
	for b := range B {
		for i := range idx {
			idx[i] = rng.IntN(len(items))
		}
		perB, microB, macroB := tally(g, pb, idx, nd)
		perA, microA, macroA := tally(g, pa, idx, nd)
		_, _, fb := prf(microB)
		_, _, fa := prf(microA)
		mi[b], ma[b] = fa-fb, macroA-macroB
		for d := range nd {
			_, _, f1b := prf(perB[d])
			_, _, f1a := prf(perA[d])
			dev[d] = append(dev[d], f1a-f1b)
		}
	}
	res.MicroCI, res.MacroCI = interval(mi), interval(ma)
	for d := range nd {
		res.Devices[d].CI = interval(dev[d])
	}
	return res
}
