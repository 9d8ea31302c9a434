package eval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// Prediction is what the analyzer decided for one item: the devices of
// any of its sentences (Report.Spans[].Devices) and, per device, the
// target of the first sentence that decided it. It is plain data.
//
// An item with a Context is analyzed inside it, and its sentences are
// those that [learn.Align] finds for its text; the Spans and Hits of
// Report are then only theirs, with offsets into the item's Text (a
// feature of a neighbouring sentence in Span.Scores may point before or
// after it), while its other fields describe the whole context.
// Misaligned reports that those sentences do not match the text exactly.
type Prediction struct {
	Devices    []string          `json:"devices"` // the devices the analyzer decided
	Targets    map[string]string `json:"targets"` // device -> actor code or NONE, for decided devices that name a target
	Report     *rhetoric.Report  `json:"-"`       // the analyzer's report of the item
	Misaligned bool              `json:"-"`       // the sentences found for Text do not match it exactly
}

// Predict analyzes every item with a, inside its Context when it has one.
func Predict(ctx context.Context, a *rhetoric.Analyzer, items []Item) ([]Prediction, error) {
	out := make([]Prediction, len(items))
	for i, it := range items {
		text := it.Text
		if it.Context != "" {
			text = it.Context
		}
		r, err := a.Analyze(ctx, rhetoric.Statement{ID: it.ID, Speaker: it.Speaker, Text: text})
		if err != nil {
			return nil, fmt.Errorf("eval: line %d: %w", it.Line, err)
		}
		mis := false
		if it.Context != "" {
			r, mis = clip(r, it.ContextStart, it.ContextStart+len(it.Text))
		}
		out[i] = predictionOf(a.Devices(), r)
		out[i].Misaligned = mis
	}
	return out, nil
}

// clip returns the part of r, a report on an item's context, that covers
// the item's text at [start, end) of it: its aligned sentences' spans and
// hits, with offsets moved to index the text. It reports whether the
// sentences do not match the text exactly.
func clip(r *rhetoric.Report, start, end int) (*rhetoric.Report, bool) {
	spans := make([][2]int, len(r.Spans))
	for i, sp := range r.Spans {
		spans[i] = [2]int{sp.Start, sp.End}
	}
	first, last, exact := learn.Align(spans, start, end)
	c := *r
	c.Spans = nil
	c.Hits = nil
	for _, sp := range r.Spans[first : last+1] {
		sp.Start, sp.End = sp.Start-start, sp.End-start
		sc := make([]rhetoric.Prob, len(sp.Scores))
		for k, p := range sp.Scores {
			p.Because = slices.Clone(p.Because)
			for j := range p.Because {
				p.Because[j].Start -= start
				p.Because[j].End -= start
			}
			sc[k] = p
		}
		sp.Scores = sc
		c.Spans = append(c.Spans, sp)
	}
	for _, h := range r.Hits {
		if h.Sentence < first || h.Sentence > last {
			continue
		}
		h.Start, h.End, h.Sentence = h.Start-start, h.End-start, h.Sentence-first
		h.Modifiers = slices.Clone(h.Modifiers)
		for j := range h.Modifiers {
			h.Modifiers[j].Start -= start
			h.Modifiers[j].End -= start
		}
		c.Hits = append(c.Hits, h)
	}
	return &c, !exact
}

func predictionOf(devices []string, r *rhetoric.Report) Prediction {
	p := Prediction{Devices: []string{}, Targets: map[string]string{}, Report: r}
	for _, d := range devices {
		for _, s := range r.Spans {
			if slices.Contains(s.Devices, d) {
				p.Devices = append(p.Devices, d)
				if t, ok := s.Targets[d]; ok {
					p.Targets[d] = t
				}
				break
			}
		}
	}
	return p
}

// Options configure [Score]. The zero value means the defaults.
type Options struct {
	// Resamples is the number of bootstrap resamples of the items behind
	// the 95% intervals; 0 means 1000, negative means no intervals.
	Resamples int
	// Seed seeds the bootstrap (a fixed PCG stream), so intervals are
	// deterministic; 0 means 1.
	Seed uint64
}

// withDefaults returns o with its zero fields set to the defaults.
func (o Options) withDefaults() Options {
	if o.Resamples == 0 {
		o.Resamples = 1000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// Interval is a bootstrap 95% interval: the 2.5th and 97.5th percentiles.
type Interval struct {
	Lo float64 `json:"lo"` // 2.5th percentile
	Hi float64 `json:"hi"` // 97.5th percentile
}

// DeviceResult is the score of one device. Precision is TP/(TP+FP) (0 when
// nothing was predicted), recall TP/(TP+FN) (0 without support), F1 their
// harmonic mean. Target accuracy counts the items whose gold and predicted
// devices both hold the device and whose gold names a target: TargetRight
// of them have the same predicted target.
type DeviceResult struct {
	Device  string   `json:"device"`  // the device (a lexicon category)
	Support int      `json:"support"` // items whose gold devices hold it (TP + FN)
	TP      int      `json:"tp"`      // gold and predicted
	FP      int      `json:"fp"`      // predicted, not gold
	FN      int      `json:"fn"`      // gold, not predicted
	P       float64  `json:"p"`       // precision
	R       float64  `json:"r"`       // recall
	F1      float64  `json:"f1"`      // F1
	PCI     Interval `json:"p_ci"`    // bootstrap interval of P
	RCI     Interval `json:"r_ci"`    // bootstrap interval of R
	F1CI    Interval `json:"f1_ci"`   // bootstrap interval of F1
	// Kappa is Cohen's kappa of the predicted against the gold marks of
	// the device over all items, and Alpha Krippendorff's alpha of the
	// two as coders of nominal data (see the package documentation);
	// each is 0 where it is undefined, when neither side tells items
	// apart (both mark all of them, or none).
	Kappa       float64  `json:"kappa"`
	Alpha       float64  `json:"alpha"`
	KappaCI     Interval `json:"kappa_ci"`     // bootstrap interval of Kappa
	AlphaCI     Interval `json:"alpha_ci"`     // bootstrap interval of Alpha
	TargetN     int      `json:"target_n"`     // items counted for target accuracy
	TargetRight int      `json:"target_right"` // of them, those with the gold target
	TargetAcc   float64  `json:"target_acc"`   // TargetRight / TargetN; 0 when TargetN is 0
}

// Result is an evaluation: per-device scores in the analyzer's device
// order, micro-F1 (over the pooled counts of all devices) and macro-F1
// (the mean F1 of the devices with support), with intervals; a confusion
// table and the items with errors. It is plain data.
type Result struct {
	Items int `json:"items"` // items scored
	// InContext counts the items analyzed inside their document (see
	// [AddContext]) and Misaligned those of them whose text the
	// analyzer's sentences do not match exactly (see [Prediction]).
	InContext  int            `json:"in_context,omitempty"`
	Misaligned int            `json:"misaligned,omitempty"`
	Folds      int            `json:"folds,omitempty"` // cross-validation folds, 0 for a plain evaluation
	Devices    []DeviceResult `json:"devices"`         // per device, in the order of the devices scored (the analyzer's)
	MicroP     float64        `json:"micro_p"`         // precision over the pooled counts
	MicroR     float64        `json:"micro_r"`         // recall over the pooled counts
	MicroF1    float64        `json:"micro_f1"`        // F1 over the pooled counts
	MacroF1    float64        `json:"macro_f1"`        // mean F1 of the devices with support
	MicroCI    Interval       `json:"micro_f1_ci"`     // bootstrap interval of MicroF1
	MacroCI    Interval       `json:"macro_f1_ci"`     // bootstrap interval of MacroF1
	// MeanAlpha is the mean Krippendorff's alpha of the devices with
	// support, as MacroF1 is their mean F1.
	MeanAlpha   float64   `json:"mean_alpha"`
	MeanAlphaCI Interval  `json:"mean_alpha_ci"` // bootstrap interval of MeanAlpha
	Confusion   Confusion `json:"confusion"`     // what was found instead of missed devices
	Errors      []Error   `json:"errors"`        // the items with a wrong device or target, in input order
}

// Confusion shows what the analyzer found instead of a missed device:
// Counts[g][p] is the number of items where device g was missed (gold, not
// predicted) and device p was wrongly predicted (predicted, not gold);
// Counts[g][len(Devices)] counts the misses of g with no wrong device.
type Confusion struct {
	Devices []string `json:"devices"` // row and column names
	Counts  [][]int  `json:"counts"`  // len(Devices) rows of len(Devices)+1 counts
}

// Error is an item the analyzer got wrong: missed (FN) or wrong (FP)
// devices, or wrong targets, with the hits of its report. It is plain data.
type Error struct {
	ID      string            `json:"id"`                // the item's id
	Line    int               `json:"line"`              // its line in the annotated file, from 1
	Text    string            `json:"text"`              // its text
	Gold    []string          `json:"gold"`              // the annotated devices
	Pred    []string          `json:"pred"`              // the predicted devices
	FN      []string          `json:"fn,omitempty"`      // missed: gold, not predicted
	FP      []string          `json:"fp,omitempty"`      // wrong: predicted, not gold
	Targets []TargetError     `json:"targets,omitempty"` // devices found with a wrong target
	Hits    []rhetoric.Hit    `json:"hits"`              // the hits of the item's report
	Scores  [][]rhetoric.Prob `json:"scores,omitempty"`  // per sentence, when a model decided
}

// TargetError is a device whose predicted target differs from the gold one.
type TargetError struct {
	Device string `json:"device"` // the device
	Gold   string `json:"gold"`   // the annotated target
	Pred   string `json:"pred"`   // the predicted target
}

type counts struct{ tp, fp, fn int }

func prf(c counts) (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Score compares predictions with the gold items (same order) over the
// given devices. preds must hold one prediction per item: Score panics
// otherwise, a programmer's error (see [ComparePaired], which reports it).
func Score(devices []string, items []Item, preds []Prediction, opts Options) *Result {
	opts = opts.withDefaults()
	nd := len(devices)
	// gold and predicted, item x device
	g := make([][]bool, len(items))
	p := make([][]bool, len(items))
	for i, it := range items {
		g[i], p[i] = marks(devices, it.Devices), marks(devices, preds[i].Devices)
	}
	res := &Result{Items: len(items)}
	for i, it := range items {
		if it.Context != "" {
			res.InContext++
			if preds[i].Misaligned {
				res.Misaligned++
			}
		}
	}
	per, micro, macro := tally(g, p, every(len(items)), nd)
	res.MicroP, res.MicroR, res.MicroF1 = prf(micro)
	res.MacroF1 = macro
	for d, name := range devices {
		dr := DeviceResult{Device: name, TP: per[d].tp, FP: per[d].fp, FN: per[d].fn, Support: per[d].tp + per[d].fn}
		dr.P, dr.R, dr.F1 = prf(per[d])
		dr.Kappa, dr.Alpha = agreement(per[d], len(items))
		res.Devices = append(res.Devices, dr)
	}
	res.MeanAlpha = meanAlpha(per, len(items))
	// Targets.
	for i, it := range items {
		for d, name := range devices {
			want, ok := it.Targets[name]
			if !ok || !g[i][d] || !p[i][d] {
				continue
			}
			res.Devices[d].TargetN++
			if preds[i].Targets[name] == want {
				res.Devices[d].TargetRight++
			}
		}
	}
	for d := range res.Devices {
		if n := res.Devices[d].TargetN; n > 0 {
			res.Devices[d].TargetAcc = float64(res.Devices[d].TargetRight) / float64(n)
		}
	}
	// Bootstrap.
	if opts.Resamples > 0 && len(items) > 0 {
		rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
		B := opts.Resamples
		ps, rs, fs := make([][]float64, nd), make([][]float64, nd), make([][]float64, nd)
		ks, as := make([][]float64, nd), make([][]float64, nd)
		mi, ma, mα := make([]float64, B), make([]float64, B), make([]float64, B)
		idx := make([]int, len(items))
		for b := range B {
			resample(rng, idx)
			per, micro, macro := tally(g, p, idx, nd)
			_, _, mi[b] = prf(micro)
			ma[b] = macro
			mα[b] = meanAlpha(per, len(idx))
			for d := range nd {
				pp, rr, ff := prf(per[d])
				ps[d] = append(ps[d], pp)
				rs[d] = append(rs[d], rr)
				fs[d] = append(fs[d], ff)
				k, a := agreement(per[d], len(idx))
				ks[d] = append(ks[d], k)
				as[d] = append(as[d], a)
			}
		}
		res.MicroCI, res.MacroCI, res.MeanAlphaCI = interval(mi), interval(ma), interval(mα)
		for d := range nd {
			res.Devices[d].PCI, res.Devices[d].RCI, res.Devices[d].F1CI = interval(ps[d]), interval(rs[d]), interval(fs[d])
			res.Devices[d].KappaCI, res.Devices[d].AlphaCI = interval(ks[d]), interval(as[d])
		}
	}
	// Confusion and errors.
	res.Confusion = Confusion{Devices: slices.Clone(devices), Counts: make([][]int, nd)}
	for d := range nd {
		res.Confusion.Counts[d] = make([]int, nd+1)
	}
	res.Errors = []Error{}
	for i, it := range items {
		var fn, fp []int
		for d := range nd {
			switch {
			case g[i][d] && !p[i][d]:
				fn = append(fn, d)
			case p[i][d] && !g[i][d]:
				fp = append(fp, d)
			}
		}
		for _, a := range fn {
			if len(fp) == 0 {
				res.Confusion.Counts[a][nd]++
			}
			for _, b := range fp {
				res.Confusion.Counts[a][b]++
			}
		}
		var terr []TargetError
		for d, name := range devices {
			want, ok := it.Targets[name]
			if ok && g[i][d] && p[i][d] && preds[i].Targets[name] != want {
				terr = append(terr, TargetError{Device: name, Gold: want, Pred: preds[i].Targets[name]})
			}
		}
		if len(fn) == 0 && len(fp) == 0 && len(terr) == 0 {
			continue
		}
		e := Error{ID: it.ID, Line: it.Line, Text: it.Text, Gold: names(devices, g[i]), Pred: names(devices, p[i]), Targets: terr}
		for _, d := range fn {
			e.FN = append(e.FN, devices[d])
		}
		for _, d := range fp {
			e.FP = append(e.FP, devices[d])
		}
		if r := preds[i].Report; r != nil {
			e.Hits = r.Hits
			for _, s := range r.Spans {
				if len(s.Scores) > 0 {
					e.Scores = append(e.Scores, s.Scores)
				}
			}
		}
		if e.Hits == nil {
			e.Hits = []rhetoric.Hit{}
		}
		res.Errors = append(res.Errors, e)
	}
	return res
}

func names(devices []string, on []bool) []string {
	out := []string{}
	for d, v := range on {
		if v {
			out = append(out, devices[d])
		}
	}
	return out
}

// marks reports, for each of devices, whether names holds it.
func marks(devices, names []string) []bool {
	on := make([]bool, len(devices))
	for d, name := range devices {
		on[d] = slices.Contains(names, name)
	}
	return on
}

// every returns the indices 0, ..., n-1: all items, once each.
func every(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// resample fills idx with indices drawn uniformly, with repeats, from
// 0 to len(idx)-1: one bootstrap resample of the items.
func resample(rng *rand.Rand, idx []int) {
	for i := range idx {
		idx[i] = rng.IntN(len(idx))
	}
}

// tally counts per device over the items idx (with repeats) and returns
// the per-device counts, the pooled counts and the macro-F1.
func tally(g, p [][]bool, idx []int, nd int) ([]counts, counts, float64) {
	per := make([]counts, nd)
	for _, i := range idx {
		for d := range nd {
			switch {
			case g[i][d] && p[i][d]:
				per[d].tp++
			case g[i][d]:
				per[d].fn++
			case p[i][d]:
				per[d].fp++
			}
		}
	}
	var micro counts
	macro, n := 0.0, 0
	for _, c := range per {
		micro.tp += c.tp
		micro.fp += c.fp
		micro.fn += c.fn
		if c.tp+c.fn > 0 {
			_, _, f := prf(c)
			macro += f
			n++
		}
	}
	if n > 0 {
		macro /= float64(n)
	}
	return per, micro, macro
}

// agreement returns Cohen's kappa and Krippendorff's alpha of the gold
// and the predicted marks of one device on n items, whose counts c are:
//
//	kappa = (po - pe) / (1 - pe)
//	po = 1 - (FP + FN)/n    pe = (g·p + (n-g)(n-p)) / n²
//	alpha = 1 - (2n - 1)(FP + FN) / (m0 · m1)
//
// where g = TP + FN and p = TP + FP are the items each side marks, and
// m1 = g + p and m0 = 2n - m1 count the marks and the blanks of both
// (Krippendorff's alpha for two coders, binary nominal values and no
// missing data). Each is 0 where it is undefined.
func agreement(c counts, n int) (kappa, alpha float64) {
	if n == 0 {
		return 0, 0
	}
	nn := float64(n)
	g, p := float64(c.tp+c.fn), float64(c.tp+c.fp)
	d := float64(c.fp + c.fn) // the items the two sides disagree on
	if pe := (g*p + (nn-g)*(nn-p)) / (nn * nn); pe < 1 {
		kappa = (1 - d/nn - pe) / (1 - pe)
	}
	if m1 := g + p; m1 > 0 && m1 < 2*nn {
		alpha = 1 - (2*nn-1)*d/((2*nn-m1)*m1)
	}
	return kappa, alpha
}

// meanAlpha returns the mean Krippendorff's alpha of the devices with
// support among per, counted over n items.
func meanAlpha(per []counts, n int) float64 {
	sum, k := 0.0, 0
	for _, c := range per {
		if c.tp+c.fn > 0 {
			_, a := agreement(c, n)
			sum += a
			k++
		}
	}
	if k == 0 {
		return 0
	}
	return sum / float64(k)
}

// interval returns the 2.5th and 97.5th percentiles of xs (sorted in
// place), by the nearest-rank method.
func interval(xs []float64) Interval {
	if len(xs) == 0 {
		return Interval{}
	}
	sort.Float64s(xs)
	at := func(q float64) float64 {
		k := int(q*float64(len(xs))+0.5) - 1
		return xs[max(0, min(len(xs)-1, k))]
	}
	return Interval{Lo: at(0.025), Hi: at(0.975)}
}

// Evaluate analyzes the items with a and scores the result.
func Evaluate(ctx context.Context, a *rhetoric.Analyzer, items []Item, opts Options) (*Result, error) {
	preds, err := Predict(ctx, a, items)
	if err != nil {
		return nil, err
	}
	return Score(a.Devices(), items, preds, opts), nil
}

// CrossValidate measures training on the items by k-fold cross-validation:
// items are assigned to folds by [learn.Folds]; for each fold a model is
// trained (learn.TrainSet with cfg) on the other folds and the fold is
// analyzed with it (lex and aopts, with aopts.Model replaced). The
// predictions of all folds are scored together (see [CrossPredict]).
func CrossValidate(ctx context.Context, lex *lexicon.Lexicon, aopts rhetoric.Options, items []Item, k int, cfg learn.Config, opts Options) (*Result, error) {
	preds, err := CrossPredict(ctx, lex, aopts, items, k, cfg)
	if err != nil {
		return nil, err
	}
	base, err := ruleAnalyzer(lex, aopts)
	if err != nil {
		return nil, err
	}
	res := Score(base.Devices(), items, preds, opts)
	res.Folds = k
	return res, nil
}

// CrossPredict returns the predictions that [CrossValidate] scores: each
// item's, in order, by the model trained without its fold. Two
// configurations cross-validated on the same items and folds can be
// compared item by item with [ComparePaired].
func CrossPredict(ctx context.Context, lex *lexicon.Lexicon, aopts rhetoric.Options, items []Item, k int, cfg learn.Config) ([]Prediction, error) {
	if k < 2 || k > len(items) {
		return nil, fmt.Errorf("eval: %d folds for %d items", k, len(items))
	}
	if err := cfg.Validate(); err != nil {
		return nil, err // before the features are extracted
	}
	base, err := ruleAnalyzer(lex, aopts)
	if err != nil {
		return nil, err
	}
	set, err := learn.Featurize(ctx, base, Examples(items))
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	folds := learn.Folds(ids, k)
	preds := make([]Prediction, len(items))
	for f := range k {
		var tr []int
		var te []Item
		var teIdx []int
		for i := range items {
			if folds[i] == f {
				te = append(te, items[i])
				teIdx = append(teIdx, i)
			} else {
				tr = append(tr, i)
			}
		}
		spec, err := learn.TrainSet(ctx, set, tr, cfg)
		if err != nil {
			return nil, err
		}
		m, err := rhetoric.NewModel(spec)
		if err != nil {
			return nil, err
		}
		mopts := aopts
		mopts.NoModel, mopts.Model = false, m
		a, err := rhetoric.New(lex, mopts)
		if err != nil {
			return nil, err
		}
		p, err := Predict(ctx, a, te)
		if err != nil {
			return nil, err
		}
		for j, i := range teIdx {
			preds[i] = p[j]
		}
	}
	return preds, nil
}

// ruleAnalyzer returns the analyzer of lex and aopts without a learned
// model: the lexicon rules, whose features the models are trained on.
func ruleAnalyzer(lex *lexicon.Lexicon, aopts rhetoric.Options) (*rhetoric.Analyzer, error) {
	aopts.NoModel, aopts.Model = true, nil
	return rhetoric.New(lex, aopts)
}

// Examples converts items to training examples.
func Examples(items []Item) []learn.Example {
	ex := make([]learn.Example, len(items))
	for i, it := range items {
		ex[i] = learn.Example{ID: it.ID, Speaker: it.Speaker, Text: it.Text, Devices: it.Devices, Targets: it.Targets, Context: it.Context, Start: it.ContextStart}
	}
	return ex
}

// TrainModel trains a model on all the items with the lexicon and
// analyzer options (learn.Train over features of an analyzer without a
// model) and records the lexicon's name, the training file's base name
// and the SHA-256 of its bytes data, and the configuration. The same
// inputs give a byte-identical model file.
func TrainModel(ctx context.Context, lex *lexicon.Lexicon, aopts rhetoric.Options, items []Item, dataName string, data []byte, cfg learn.Config) (*rhetoric.Model, error) {
	an, err := ruleAnalyzer(lex, aopts)
	if err != nil {
		return nil, err
	}
	spec, err := learn.Train(ctx, an, Examples(items), cfg)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	spec.Lexicon = lex.Name()
	spec.Training.Data = dataName
	spec.Training.SHA256 = hex.EncodeToString(sum[:])
	return rhetoric.NewModel(spec)
}
