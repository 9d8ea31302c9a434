package learn

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// ErrNoData is returned (wrapped) by [Train] when there is nothing to learn
// from: no examples, or a device without positive or negative examples is
// left at the lexicon rule rather than failing.
var ErrNoData = errors.New("learn: no training data")

// Example is one annotated text: the devices a careful reader finds in it.
// It is plain data.
type Example struct {
	ID string
	// Speaker is who speaks the text, passed to the analyzer as the
	// statement's speaker (it gives the target chooser the speaker's side).
	Speaker string
	Text    string
	Devices []string
	Targets map[string]string // device -> gold target (actor code or NONE), where annotated
	// Context, when not empty, is the text of the example's document
	// around Text, which starts at byte Start of it: the example is then
	// analyzed inside its context and takes the features of the sentences
	// that [Align] finds for Text, so that features of neighbouring
	// sentences are those the analyzer sees in a whole statement.
	Context string
	Start   int
}

// Align returns the sentences, [first, last], of an analysis of a context
// that make up the text at bytes [start, end) of it. spans are the
// sentences' [start, end) in order. A sentence belongs to the text when at
// least half of it lies inside; when none does, the one that overlaps the
// text most is taken. exact reports whether the sentences begin and end
// within 3 bytes of the text (a closing quote or stray blank), that is,
// the analyzer's segmentation agrees with the annotation's. With no
// sentence overlapping the text, first > last.
func Align(spans [][2]int, start, end int) (first, last int, exact bool) {
	first, last = -1, -2
	best, bestOv := -1, 0
	for i, sp := range spans {
		ov := min(sp[1], end) - max(sp[0], start)
		if ov <= 0 {
			continue
		}
		if ov > bestOv {
			best, bestOv = i, ov
		}
		if 2*ov >= sp[1]-sp[0] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		if best < 0 {
			return 0, -1, false
		}
		first, last = best, best
	}
	d0, d1 := spans[first][0]-start, spans[last][1]-end
	exact = d0 >= -3 && d0 <= 3 && d1 >= -3 && d1 <= 3
	return first, last, exact
}

// Config tunes training. The zero value means the defaults; the built-in
// model is trained with [DefaultModelConfig], the defaults but for the
// thresholds' Objective and OwnThreshold.
type Config struct {
	// InnerFolds is the number of folds of the inner cross-validation that
	// chooses each device's regularisation and threshold; 0 means 3,
	// and any other value must be at least 2.
	InnerFolds int `json:"inner_folds"`
	// Lambdas are the L2 strengths tried per device (the loss is summed
	// over class-balanced examples), each finite and > 0; nil means
	// {1, 3, 10}, and an empty non-nil list is an error.
	Lambdas []float64 `json:"lambdas"`
	// MinCount keeps a feature only when it occurs in at least this many
	// training examples; 0 means 2 (no feature learned from one sentence).
	MinCount int `json:"min_count"`
	// Prune drops weights whose magnitude is below it from the model file;
	// 0 means 0.05.
	Prune float64 `json:"prune"`
	// Iterations bounds the optimiser (L-BFGS) per fit; 0 means 150.
	Iterations int `json:"iterations"`
	// PosWeight multiplies the loss of positive examples on top of class
	// balancing; 0 means 1.
	PosWeight float64 `json:"pos_weight"`
	// Scales gives the features whose name starts with a prefix (see the
	// rhetoric package doc) this value instead of 1, which weakens their
	// regularisation; the model file stores weight times value. Where
	// prefixes overlap, the longest wins; a value <= 0 is ignored. nil
	// means {"h=": 2, "d=": 2}.
	Scales map[string]float64 `json:"scales"`
	// Drop lists feature prefixes not to use; nil means {"b="}: bigrams
	// did not help in cross-validation on the project's data (micro-F1
	// 0.689 without, 0.686 with) and cost a third of the layer's time. An
	// empty non-nil list keeps every feature.
	Drop []string `json:"drop"`
	// TargetLambda is the L2 strength of the target models; 0 means 3
	// (target accuracy in cross-validation on the project's data, all
	// devices: 1574, 1554 and 1544 right on three splits with 3, against
	// 1561-1567 with 1 and 1551-1560 with 10).
	// NoTargets trains no target model (the analyzer then takes targets
	// from the hits).
	TargetLambda float64 `json:"target_lambda,omitempty"`
	NoTargets    bool    `json:"no_targets,omitempty"`
	// TargetPool names, per device, other devices whose target examples
	// its target model learns from as well: one conditional logit over
	// the examples of the device and of those devices, in which every
	// feature has a weight shared by all of them and one per device
	// (feature augmentation, Daumé 2007); the device keeps the sum of
	// the shared weight and its own. nil means [DefaultTargetPool], whose
	// devices the analyzer may lack (they are then left out); an empty
	// non-nil map pools none. A map given here must name devices of the
	// training set only, as keys and in the lists ([TrainSet] reports
	// others). A model file records the map with the defaults filled in
	// (an empty map as {}); a file written before TargetPool existed has
	// none and was trained without pooling.
	TargetPool map[string][]string `json:"target_pool"`
	// NB multiplies each feature's value, per device, by
	// max(NBFloor, |r|^NB), r the feature's naive-Bayes log-count ratio
	// between the device's positive and negative training examples with
	// add-NBAlpha smoothing: features that tell the classes apart are
	// regularised less, features seen as often in both classes more (as
	// in NBSVM, Wang and Manning 2012). 0 means 0.5 and NBAlpha 0 means
	// 0.5; a negative NB turns the scaling off (every feature keeps its
	// Scales value).
	NB      float64 `json:"nb,omitempty"`
	NBAlpha float64 `json:"nb_alpha,omitempty"`
	NBFloor float64 `json:"nb_floor,omitempty"`
	// Objective is what the decision thresholds maximise on the inner
	// cross-validated probabilities: [ObjectiveDevice] (each device's own
	// F1), [ObjectiveMicro] (micro-F1 pooled over the devices) or
	// [ObjectiveBlend] (MicroWeight times micro-F1 plus 1 - MicroWeight
	// times macro-F1); "" means ObjectiveDevice. The regularisation
	// strength stays chosen by each device's own F1. See [TrainSet].
	Objective string `json:"objective,omitempty"`
	// MicroWeight is the weight of micro-F1 under ObjectiveBlend, between
	// 0 and 1; 0 means 0.75. The other objectives ignore it.
	MicroWeight float64 `json:"micro_weight,omitempty"`
	// OwnThreshold lists devices whose thresholds the micro and blend
	// objectives leave at the device's own best F1: their decisions still
	// count in the pooled objective, but only the other devices' thresholds
	// move. A device whose recall matters on its own (blame, whose recall
	// the project's validity bar names) keeps the balance its own F1 gives.
	// Under ObjectiveDevice every device keeps its own threshold, and a
	// non-empty OwnThreshold is an error ([Config.Validate]).
	OwnThreshold []string `json:"own_threshold,omitempty"`
}

// DefaultTargetPool returns the default of [Config.TargetPool]: the
// target models of threat, delegitimization and hypocrisy also learn from
// blame's examples. Their target is, like blame's, the actor the move is
// against (the codebook: the source of the threat, the actor delegitimized,
// the actor accused of hypocrisy), and they have fewer examples (403, 247
// and 70 gold targets in the project's training data, blame 752). Target
// accuracy in 5-fold cross-validation on the project's data, all devices,
// rose from 1608, 1628 and 1621 right to 1613, 1635 and 1627 on the three
// usual splits (and from 1615 and 1604 to 1621 and 1612 on two more) under
// the device objective, and by 5 to 7 on each of the five under
// [DefaultModelConfig]; pooling all four devices with each other gained on
// two splits only.
func DefaultTargetPool() map[string][]string {
	return map[string][]string{
		"threat":           {"blame"},
		"delegitimization": {"blame"},
		"hypocrisy":        {"blame"},
	}
}

// The objectives of Config.Objective.
const (
	// ObjectiveDevice chooses each device's threshold for its own F1.
	ObjectiveDevice = "device"
	// ObjectiveMicro chooses the thresholds of all devices together for
	// the micro-F1 of their pooled decisions.
	ObjectiveMicro = "micro"
	// ObjectiveBlend chooses them together for MicroWeight times micro-F1
	// plus 1 - MicroWeight times macro-F1.
	ObjectiveBlend = "blend"
)

// DefaultModelConfig returns the configuration the built-in model
// (rhetoric.DefaultModel) is trained with by `go generate ./rhetoric`:
// the defaults, with the thresholds chosen together for micro-F1
// ([ObjectiveMicro]) except blame's, which keeps its own best F1
// (OwnThreshold). In 5-fold cross-validation on the project's 4,200
// annotated sentences this raised micro-F1 by 0.004 to 0.008 on each of
// five splits against [ObjectiveDevice] (paired bootstrap intervals all
// above 0), left macro-F1 unchanged on average (+0.001) and left blame's
// decisions as they were; see the README, "The learned model".
func DefaultModelConfig() Config {
	return Config{Objective: ObjectiveMicro, OwnThreshold: []string{"blame"}}
}

// Validate reports a setting that [TrainSet] would refuse without looking
// at the data: an unknown Objective, a MicroWeight outside [0, 1], an
// empty non-nil Lambdas or one that is not a finite positive number,
// InnerFolds negative or 1 (the inner cross-validation needs two folds),
// or an OwnThreshold under ObjectiveDevice, which would have no effect. (Device
// names in OwnThreshold and TargetPool are checked by TrainSet against the
// training set's devices.)
func (c Config) Validate() error {
	micro, err := c.withDefaults().microWeight()
	if err != nil {
		return err
	}
	if c.Lambdas != nil && len(c.Lambdas) == 0 {
		return errors.New("learn: no regularisation strength to try (lambdas is empty)")
	}
	for _, l := range c.Lambdas {
		if !(l > 0) || math.IsInf(l, 1) {
			return fmt.Errorf("learn: regularisation strength %v is not a positive number", l)
		}
	}
	if c.InnerFolds < 0 || c.InnerFolds == 1 {
		return fmt.Errorf("learn: %d inner folds; want at least 2 (0 means 3)", c.InnerFolds)
	}
	if micro == 0 && len(c.OwnThreshold) > 0 {
		return fmt.Errorf("learn: own threshold for %q needs objective %q or %q", c.OwnThreshold[0], ObjectiveMicro, ObjectiveBlend)
	}
	return nil
}

// checkDevices reports a device name of OwnThreshold, or of TargetPool when
// it was given (not nil before the defaults), that is not among devices.
func (c Config) checkDevices(devices []string, poolGiven bool) error {
	for _, d := range c.OwnThreshold {
		if !slices.Contains(devices, d) {
			return fmt.Errorf("learn: own threshold for %q, which is not a device of the training set", d)
		}
	}
	if !poolGiven {
		return nil
	}
	for _, d := range slices.Sorted(maps.Keys(c.TargetPool)) {
		if !slices.Contains(devices, d) {
			return fmt.Errorf("learn: target pool for %q, which is not a device of the training set", d)
		}
		for _, p := range c.TargetPool[d] {
			if !slices.Contains(devices, p) {
				return fmt.Errorf("learn: target pool for %q names %q, which is not a device of the training set", d, p)
			}
		}
	}
	return nil
}

// microWeight returns the weight of micro-F1 in the thresholds' objective
// (0 for ObjectiveDevice, whose objective is macro-F1, maximised by each
// device's own best), or an error for an unknown objective or a weight
// outside [0, 1].
func (c Config) microWeight() (float64, error) {
	switch c.Objective {
	case "", ObjectiveDevice:
		return 0, nil
	case ObjectiveMicro:
		return 1, nil
	case ObjectiveBlend:
		if c.MicroWeight < 0 || c.MicroWeight > 1 || math.IsNaN(c.MicroWeight) {
			return 0, fmt.Errorf("learn: micro weight %v is not between 0 and 1", c.MicroWeight)
		}
		return c.MicroWeight, nil
	}
	return 0, fmt.Errorf("learn: unknown objective %q (want %q, %q or %q)", c.Objective, ObjectiveDevice, ObjectiveMicro, ObjectiveBlend)
}

func (c Config) withDefaults() Config {
	if c.InnerFolds == 0 {
		c.InnerFolds = 3
	}
	if c.Lambdas == nil {
		c.Lambdas = []float64{1, 3, 10}
	}
	if c.MinCount == 0 {
		c.MinCount = 2
	}
	if c.Prune == 0 {
		c.Prune = 0.05
	}
	if c.Iterations == 0 {
		c.Iterations = 150
	}
	if c.PosWeight == 0 {
		c.PosWeight = 1
	}
	if c.Drop == nil {
		c.Drop = []string{"b="}
	}
	if c.NB == 0 {
		c.NB = 0.5
	}
	if c.NBAlpha == 0 {
		c.NBAlpha = 0.5
	}
	if c.TargetLambda == 0 {
		c.TargetLambda = 3
	}
	if c.TargetPool == nil {
		c.TargetPool = DefaultTargetPool()
	}
	if c.Scales == nil {
		c.Scales = map[string]float64{"h=": 2, "d=": 2}
	}
	if c.Objective == ObjectiveBlend && c.MicroWeight == 0 {
		c.MicroWeight = 0.75
	}
	return c
}

// Set is a featurized training set: the feature names of every example (the
// union over its sentences) as ids into Names, and its gold devices. It is
// plain data, safe for concurrent reads.
type Set struct {
	Devices []string  // the analyzer's devices, in its order
	Names   []string  // feature id -> name
	IDs     []string  // example ids
	X       [][]int32 // example -> sorted feature ids
	Y       [][]bool  // example -> device index -> gold
	// T holds the target candidates of each example (the union over its
	// sentences, by device and actor) and G its gold targets by device
	// index ("" where none is annotated).
	T [][]Candidate
	G [][]string
	// Misaligned counts the examples analyzed in a context whose text the
	// analyzer's sentences do not match exactly (see [Align]).
	Misaligned int
}

// Candidate is a candidate target of a device in an example, with the ids
// of its features.
type Candidate struct {
	Device int
	Actor  string
	X      []int32
}

// Featurize runs the analyzer's feature extraction over the examples. A
// gold device that the analyzer does not report is an error naming the
// example.
func Featurize(ctx context.Context, a *rhetoric.Analyzer, ex []Example) (*Set, error) {
	s := &Set{Devices: a.Devices()}
	ids := map[string]int32{}
	for _, e := range ex {
		text := e.Text
		if e.Context != "" {
			text = e.Context
		}
		sents, err := a.Features(ctx, rhetoric.Statement{ID: e.ID, Speaker: e.Speaker, Text: text})
		if err != nil {
			return nil, fmt.Errorf("learn: %s: %w", e.ID, err)
		}
		if e.Context != "" {
			spans := make([][2]int, len(sents))
			for i, st := range sents {
				spans[i] = [2]int{st.Start, st.End}
			}
			first, last, exact := Align(spans, e.Start, e.Start+len(e.Text))
			sents = sents[first : last+1]
			if !exact {
				s.Misaligned++
			}
		}
		id := func(name string) int32 {
			k, ok := ids[name]
			if !ok {
				k = int32(len(s.Names))
				ids[name] = k
				s.Names = append(s.Names, name)
			}
			return k
		}
		var xs []int32
		var cands []Candidate
		for _, st := range sents {
			for _, f := range st.Features {
				xs = append(xs, id(f.Name))
			}
			for _, tf := range st.Targets {
				d := slices.Index(s.Devices, tf.Device)
				k := slices.IndexFunc(cands, func(c Candidate) bool { return c.Device == d && c.Actor == tf.Actor })
				if k < 0 {
					k = len(cands)
					cands = append(cands, Candidate{Device: d, Actor: tf.Actor})
				}
				for _, f := range tf.Features {
					cands[k].X = append(cands[k].X, id(f.Name))
				}
			}
		}
		for k := range cands {
			slices.Sort(cands[k].X)
			cands[k].X = slices.Compact(cands[k].X)
		}
		slices.Sort(xs)
		xs = slices.Compact(xs)
		y := make([]bool, len(s.Devices))
		for _, d := range e.Devices {
			k := slices.Index(s.Devices, d)
			if k < 0 {
				return nil, fmt.Errorf("learn: %s: device %q is not one of the analyzer's", e.ID, d)
			}
			y[k] = true
		}
		g := make([]string, len(s.Devices))
		for d, t := range e.Targets {
			if k := slices.Index(s.Devices, d); k >= 0 && y[k] {
				g[k] = t
			}
		}
		s.IDs = append(s.IDs, e.ID)
		s.X = append(s.X, xs)
		s.Y = append(s.Y, y)
		s.T = append(s.T, cands)
		s.G = append(s.G, g)
	}
	return s, nil
}

// Folds assigns each of the ids to one of k folds, deterministically and
// independently of their order: the distinct ids are ranked by a hash of
// the id and dealt out in turn. Equal ids get the same fold, so that an
// example given twice is never trained on and tested at once. k < 1 is
// taken as 1: every id is in fold 0.
func Folds(ids []string, k int) []int {
	k = max(k, 1)
	idx := make([]int, len(ids))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		if c := cmp.Compare(rhetoric.FeatureHash("fold:"+ids[x]), rhetoric.FeatureHash("fold:"+ids[y])); c != 0 {
			return c
		}
		return cmp.Compare(ids[x], ids[y])
	})
	out := make([]int, len(ids))
	r := -1
	for j, i := range idx {
		if j == 0 || ids[i] != ids[idx[j-1]] {
			r++
		}
		out[i] = r % k
	}
	return out
}

// Train featurizes the examples with a and trains a model on all of them
// (see [TrainSet]).
func Train(ctx context.Context, a *rhetoric.Analyzer, ex []Example, cfg Config) (rhetoric.ModelSpec, error) {
	if err := cfg.Validate(); err != nil {
		return rhetoric.ModelSpec{}, err // before the features are extracted
	}
	s, err := Featurize(ctx, a, ex)
	if err != nil {
		return rhetoric.ModelSpec{}, err
	}
	all := make([]int, len(s.X))
	for i := range all {
		all[i] = i
	}
	return TrainSet(ctx, s, all, cfg)
}

// TrainSet trains a model on the examples idx of s: per device, a
// class-balanced L2-regularised logistic regression over the features
// seen in at least Config.MinCount of those examples, each valued by its
// naive-Bayes log-count ratio for the device (Config.NB), with the strength
// and the decision threshold chosen by an inner cross-validation that
// maximises the device's F1. Under Config.Objective micro or blend, the
// thresholds are then chosen again, all together, on the devices' inner
// cross-validated probabilities, by coordinate ascent from each device's
// own best threshold (one device at a time in lexicon order; a tie keeps
// the current threshold). A device with fewer than two positive or
// negative examples is left out (the analyzer then uses the lexicon rule
// for it). The result is deterministic. An index of idx outside s is an
// error.
func TrainSet(ctx context.Context, s *Set, idx []int, cfg Config) (rhetoric.ModelSpec, error) {
	if err := cfg.Validate(); err != nil {
		return rhetoric.ModelSpec{}, err
	}
	poolGiven := cfg.TargetPool != nil
	cfg = cfg.withDefaults()
	micro, err := cfg.microWeight()
	if err != nil {
		return rhetoric.ModelSpec{}, err
	}
	if len(idx) == 0 {
		return rhetoric.ModelSpec{}, fmt.Errorf("%w: no examples", ErrNoData)
	}
	n := 0 // examples of s
	if s != nil {
		n = min(len(s.IDs), len(s.X), len(s.Y))
	}
	for _, i := range idx {
		if i < 0 || i >= n {
			return rhetoric.ModelSpec{}, fmt.Errorf("learn: example index %d out of range [0, %d)", i, n)
		}
	}
	if err := cfg.checkDevices(s.Devices, poolGiven); err != nil {
		return rhetoric.ModelSpec{}, err
	}
	// Columns: features in at least MinCount of the examples.
	count := make([]int, len(s.Names))
	for _, i := range idx {
		for _, f := range s.X[i] {
			count[f]++
		}
	}
	col := make([]int32, len(s.Names))
	var names []string
	for f, c := range count {
		col[f] = -1
		if c >= cfg.MinCount && !slices.ContainsFunc(cfg.Drop, func(p string) bool { return strings.HasPrefix(s.Names[f], p) }) {
			col[f] = int32(len(names))
			names = append(names, s.Names[f])
		}
	}
	x := make([][]int32, len(idx))
	ids := make([]string, len(idx))
	for r, i := range idx {
		for _, f := range s.X[i] {
			if c := col[f]; c >= 0 {
				x[r] = append(x[r], c)
			}
		}
		ids[r] = s.IDs[i]
	}
	scales := make([]float64, len(names))
	for j, n := range names {
		scales[j] = featureScale(cfg.Scales, n)
	}
	inner := Folds(ids, cfg.InnerFolds)
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return rhetoric.ModelSpec{}, fmt.Errorf("learn: %w", err)
	}
	spec := rhetoric.ModelSpec{Format: rhetoric.ModelFormat, Training: rhetoric.ModelTraining{Examples: len(idx), Config: cfgJSON}}
	// Devices are independent: train them in parallel, keep lexicon order.
	out := make([]*rhetoric.DeviceModel, len(s.Devices))
	fits := make([]devFit, len(s.Devices))
	forEach(ctx, len(s.Devices), func(d int) {
		out[d], fits[d] = trainDevice(s, idx, d, x, names, scales, inner, cfg)
	})
	if err := ctx.Err(); err != nil {
		return rhetoric.ModelSpec{}, err
	}
	if micro > 0 {
		var joint []devFit
		var models []*rhetoric.DeviceModel
		for d, dm := range out {
			if dm != nil {
				f := fits[d]
				f.own = slices.Contains(cfg.OwnThreshold, s.Devices[d])
				joint, models = append(joint, f), append(models, dm)
			}
		}
		for i, t := range jointThresholds(joint, micro) {
			models[i].Threshold = round(t)
		}
	}
	for _, dm := range out {
		if dm != nil {
			spec.Devices = append(spec.Devices, *dm)
		}
	}
	return spec, nil
}

// featureScale returns the value of feature name under Config.Scales: that
// of the longest prefix of name with a positive value, or 1. (Taking the
// first prefix the map's iteration met made the training depend on the
// run when two prefixes overlapped.)
func featureScale(scales map[string]float64, name string) float64 {
	v, n := 1.0, -1
	for pre, pv := range scales {
		if pv > 0 && len(pre) > n && strings.HasPrefix(name, pre) {
			v, n = pv, len(pre)
		}
	}
	return v
}

// forEach calls f(0), ..., f(n-1), GOMAXPROCS at a time, and returns when
// all have returned; once ctx is done it starts no more.
func forEach(ctx context.Context, n int, f func(int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			f(i)
		}()
	}
	wg.Wait()
}

// devFit is what the thresholds of all devices are chosen from together:
// one device's gold on the training rows, its inner cross-validated
// probabilities at the chosen strength, and the threshold that maximises
// its own F1 on them.
type devFit struct {
	y    []bool
	prob []float64
	thr  float64
	own  bool // the threshold stays thr (Config.OwnThreshold)
}

// trainDevice trains the model of device d on the examples idx of s (x:
// their features as columns names, scaled by scales; inner: their inner
// folds), or returns nil when the device has too few examples of a class.
// It also returns the device's inner cross-validated fit.
func trainDevice(s *Set, idx []int, d int, x [][]int32, names []string, scales []float64, inner []int, cfg Config) (*rhetoric.DeviceModel, devFit) {
	dev := s.Devices[d]
	y := make([]bool, len(idx))
	pos := 0
	for r, i := range idx {
		y[r] = s.Y[i][d]
		if y[r] {
			pos++
		}
	}
	if pos < 2 || len(idx)-pos < 2 {
		return nil, devFit{}
	}
	// Inner CV: out-of-fold probabilities for every strength. The
	// feature values of a fit (deviceScales) are measured on its own
	// training rows only.
	var trs, tes [][]int
	var fscales [][]float64
	for k := range cfg.InnerFolds {
		var tr, te []int
		for r := range idx {
			if inner[r] == k {
				te = append(te, r)
			} else {
				tr = append(tr, r)
			}
		}
		trs, tes = append(trs, tr), append(tes, te)
		fscales = append(fscales, deviceScales(x, y, tr, scales, cfg))
	}
	bestF, bestL, bestT := -1.0, cfg.Lambdas[0], 0.5
	var bestP []float64
	for _, lambda := range cfg.Lambdas {
		prob := make([]float64, len(idx))
		for k := range cfg.InnerFolds {
			w := fit(x, y, trs[k], fscales[k], lambda, cfg)
			for _, r := range tes[k] {
				prob[r] = predict(w, x[r], fscales[k])
			}
		}
		f, t := bestThreshold(prob, y)
		if f > bestF+1e-9 {
			bestF, bestL, bestT, bestP = f, lambda, t, prob
		}
	}
	all := make([]int, len(idx))
	for r := range all {
		all[r] = r
	}
	scales = deviceScales(x, y, all, scales, cfg)
	w := fit(x, y, all, scales, bestL, cfg)
	dm := rhetoric.DeviceModel{Device: dev, Bias: round(w[0]), Threshold: round(bestT)}
	for j, n := range names {
		if v := round(w[1+j] * scales[j]); math.Abs(v) >= cfg.Prune {
			dm.Weights = append(dm.Weights, rhetoric.Weight{Feature: n, W: v})
		}
	}
	if !cfg.NoTargets {
		dm.Weights = append(dm.Weights, trainTargets(s, idx, d, cfg)...)
	}
	slices.SortFunc(dm.Weights, func(a, b rhetoric.Weight) int { return cmp.Compare(a.Feature, b.Feature) })
	return &dm, devFit{y: y, prob: bestP, thr: bestT}
}

// jointThresholds chooses the thresholds of the devices fits together, on
// the grid of [bestThreshold], to maximise micro times the micro-F1 of
// their pooled inner cross-validated decisions plus 1 - micro times their
// macro-F1 (the mean of their F1). It starts from each device's own best
// threshold and moves one device's threshold at a time, in order, to the
// grid value that most raises the objective (on a tie the current one is
// kept, then the lowest), until a round over the devices gains nothing or
// after 50 rounds. A fit marked own keeps its threshold and only counts.
// It returns the thresholds, in the order of fits; with micro 0 they are
// each device's own best.
func jointThresholds(fits []devFit, micro float64) []float64 {
	// grid[i][k-gridLo]: device i's decisions at threshold k·0.025.
	grid := make([][gridHi - gridLo + 1]decisions, len(fits))
	cur := make([]int, len(fits))
	for i, f := range fits {
		grid[i] = gridDecisions(f.prob, f.y)
		cur[i] = min(gridHi, max(gridLo, int(math.Round(f.thr/0.025))))
	}
	score := func() float64 {
		var all decisions
		macro := 0.0
		for i, k := range cur {
			c := grid[i][k-gridLo]
			all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
			macro += c.f1()
		}
		return micro*all.f1() + (1-micro)*macro/float64(len(cur))
	}
	if len(fits) > 0 {
		best := score()
		for range 50 {
			moved := false
			for i := range fits {
				if fits[i].own {
					continue
				}
				keep := cur[i]
				for k := gridLo; k <= gridHi; k++ {
					cur[i] = k
					if v := score(); v > best+1e-12 {
						best, keep, moved = v, k, true
					}
				}
				cur[i] = keep
			}
			if !moved {
				break
			}
		}
	}
	out := make([]float64, len(fits))
	for i, k := range cur {
		out[i] = float64(k) * 0.025
	}
	return out
}

// trainTargets trains the target model of device d: a conditional logit
// (a softmax over each example's candidates, see [choice]) over the
// candidates of the examples idx whose gold names a target of d that is
// among their candidates. It returns the t: weights, or none when fewer
// than minTargetExamples examples qualify.
func trainTargets(s *Set, idx []int, d int, cfg Config) []rhetoric.Weight {
	const minTargetExamples = 20
	rows, start, gold, devs := targetExamples(s, idx, d, nil, nil, nil, []int{})
	if len(gold) < minTargetExamples {
		return nil
	}
	if pool := poolDevices(s, d, cfg); len(pool) > 0 {
		for _, p := range pool {
			rows, start, gold, devs = targetExamples(s, idx, p, rows, start, gold, devs)
		}
		return trainPooledTargets(s, d, rows, start, gold, devs, cfg)
	}
	start = append(start, len(rows))
	// Columns: features of at least MinCount candidates.
	count := map[int32]int{}
	for _, r := range rows {
		for _, f := range r {
			count[f]++
		}
	}
	var feats []int32
	for f, c := range count {
		if c >= cfg.MinCount {
			feats = append(feats, f)
		}
	}
	slices.Sort(feats)
	x := make([][]int32, len(rows))
	for r, xs := range rows {
		for _, f := range xs {
			if j, ok := slices.BinarySearch(feats, f); ok {
				x[r] = append(x[r], int32(j))
			}
		}
	}
	w := make([]float64, 1+len(feats))
	minimize(&choice{x: x, start: start, gold: gold, lambda: cfg.TargetLambda}, w, cfg.Iterations, 1e-6)
	var out []rhetoric.Weight
	for j, f := range feats {
		if v := round(w[1+j]); math.Abs(v) >= cfg.Prune {
			out = append(out, rhetoric.Weight{Feature: s.Names[f], W: v})
		}
	}
	return out
}

// targetExamples appends to rows the candidates of device d in the
// examples idx whose gold names a target of d that is among their
// candidates, to start the first row of each such example, to gold its
// gold row, and to devs d once per row (when devs is not nil).
func targetExamples(s *Set, idx []int, d int, rows [][]int32, start, gold, devs []int) ([][]int32, []int, []int, []int) {
	for _, i := range idx {
		g := s.G[i][d]
		if g == "" || !slices.ContainsFunc(s.T[i], func(c Candidate) bool { return c.Device == d && c.Actor == g }) {
			continue
		}
		start = append(start, len(rows))
		for _, c := range s.T[i] {
			if c.Device != d {
				continue
			}
			if c.Actor == g {
				gold = append(gold, len(rows))
			}
			rows = append(rows, c.X)
			if devs != nil {
				devs = append(devs, d)
			}
		}
	}
	return rows, start, gold, devs
}

// poolDevices returns the indices of the devices whose target examples
// device d's target model also learns from (Config.TargetPool), in the
// analyzer's order, without d and devices the analyzer does not have.
func poolDevices(s *Set, d int, cfg Config) []int {
	var out []int
	for i, name := range s.Devices {
		if i != d && slices.Contains(cfg.TargetPool[s.Devices[d]], name) {
			out = append(out, i)
		}
	}
	return out
}

// trainPooledTargets trains the target model of device d on the target
// examples of d and of the devices of its pool (see Config.TargetPool),
// as targetExamples lists them (devs: each row's device): every feature
// seen in at least MinCount candidates has a shared weight, and a weight
// per device where that device's candidates have it MinCount times; d's
// t: weights are the sums of its own and the shared ones.
func trainPooledTargets(s *Set, d int, rows [][]int32, start, gold, devs []int, cfg Config) []rhetoric.Weight {
	start = append(start, len(rows))
	// A column is a feature shared by all devices (dev -1) or a device's own.
	type column struct {
		f   int32
		dev int
	}
	count := map[column]int{}
	for r, xs := range rows {
		for _, f := range xs {
			count[column{f, -1}]++
			count[column{f, devs[r]}]++
		}
	}
	var cols []column
	for c, n := range count {
		if n >= cfg.MinCount {
			cols = append(cols, c)
		}
	}
	slices.SortFunc(cols, func(a, b column) int {
		if c := cmp.Compare(a.f, b.f); c != 0 {
			return c
		}
		return cmp.Compare(a.dev, b.dev)
	})
	index := make(map[column]int32, len(cols))
	for j, c := range cols {
		index[c] = int32(j)
	}
	x := make([][]int32, len(rows))
	for r, xs := range rows {
		for _, f := range xs {
			if j, ok := index[column{f, -1}]; ok {
				x[r] = append(x[r], j)
			}
			if j, ok := index[column{f, devs[r]}]; ok {
				x[r] = append(x[r], j)
			}
		}
	}
	w := make([]float64, 1+len(cols))
	minimize(&choice{x: x, start: start, gold: gold, lambda: cfg.TargetLambda}, w, cfg.Iterations, 1e-6)
	// cols is sorted by feature, so each feature's shared and own weights
	// are neighbours.
	var out []rhetoric.Weight
	for j := 0; j < len(cols); {
		f, v := cols[j].f, 0.0
		for ; j < len(cols) && cols[j].f == f; j++ {
			if cols[j].dev < 0 || cols[j].dev == d {
				v += w[1+j]
			}
		}
		if v = round(v); math.Abs(v) >= cfg.Prune {
			out = append(out, rhetoric.Weight{Feature: s.Names[f], W: v})
		}
	}
	return out
}

// deviceScales returns the feature values of one device's fit on the
// examples rows of x (y: the device's gold): with Config.NB negative,
// scales itself; otherwise scales[j] times max(NBFloor, |r_j|^NB), where
//
//	r_j = log((a + pos_j) / (a·F + Σ pos)) - log((a + neg_j) / (a·F + Σ neg))
//
// is feature j's naive-Bayes log-count ratio: pos_j and neg_j count the
// positive and negative rows that have it, the sums run over all F
// features and a is NBAlpha.
func deviceScales(x [][]int32, y []bool, rows []int, scales []float64, cfg Config) []float64 {
	if cfg.NB < 0 {
		return scales
	}
	nf := len(scales)
	pc, nc := make([]float64, nf), make([]float64, nf)
	var ps, ns float64
	for _, r := range rows {
		c := nc
		if y[r] {
			c = pc
		}
		for _, j := range x[r] {
			c[j]++
		}
		if y[r] {
			ps += float64(len(x[r]))
		} else {
			ns += float64(len(x[r]))
		}
	}
	a := cfg.NBAlpha
	lp, ln := math.Log(a*float64(nf)+ps), math.Log(a*float64(nf)+ns)
	out := make([]float64, nf)
	for j := range nf {
		r := math.Log(a+pc[j]) - lp - math.Log(a+nc[j]) + ln
		out[j] = scales[j] * math.Max(cfg.NBFloor, math.Pow(math.Abs(r), cfg.NB))
	}
	return out
}

// round keeps three decimals of a weight, enough for its effect on a
// probability and short in the model file.
func round(v float64) float64 { return math.Round(v*1e3) / 1e3 }

// fit trains one device's regression on the examples rows of x.
func fit(x [][]int32, y []bool, rows []int, scales []float64, lambda float64, cfg Config) []float64 {
	nf := len(scales)
	p := &problem{lambda: lambda, nf: nf, scale: scales}
	pos := 0
	for _, r := range rows {
		p.x = append(p.x, x[r])
		p.y = append(p.y, y[r])
		if y[r] {
			pos++
		}
	}
	n := float64(len(rows))
	cp, cn := cfg.PosWeight*n/(2*math.Max(1, float64(pos))), n/(2*math.Max(1, float64(len(rows)-pos)))
	p.cost = make([]float64, len(rows))
	for i, yy := range p.y {
		if yy {
			p.cost[i] = cp
		} else {
			p.cost[i] = cn
		}
	}
	w := make([]float64, 1+nf)
	minimize(p, w, cfg.Iterations, 1e-6)
	return w
}

func predict(w []float64, xs []int32, scales []float64) float64 {
	z := w[0]
	for _, j := range xs {
		z += w[1+j] * scales[j]
	}
	return sigmoid(z)
}

// The decision thresholds tried: k·0.025 for k from gridLo to gridHi
// (0.05 to 0.95).
const gridLo, gridHi = 2, 38

// decisions counts the decisions prob >= threshold against the gold.
type decisions struct{ tp, fp, fn int }

// f1 returns the F1 of c, 0 when it has no true positive.
func (c decisions) f1() float64 {
	if c.tp == 0 {
		return 0
	}
	return 2 * float64(c.tp) / float64(2*c.tp+c.fp+c.fn)
}

// gridDecisions returns the decisions of prob against y at each threshold
// of the grid, index k - gridLo for threshold k·0.025.
func gridDecisions(prob []float64, y []bool) [gridHi - gridLo + 1]decisions {
	var out [gridHi - gridLo + 1]decisions
	for k := gridLo; k <= gridHi; k++ {
		t := float64(k) * 0.025
		var c decisions
		for i, p := range prob {
			switch {
			case p >= t && y[i]:
				c.tp++
			case p >= t:
				c.fp++
			case y[i]:
				c.fn++
			}
		}
		out[k-gridLo] = c
	}
	return out
}

// bestThreshold returns the F1 and threshold on the grid (0.05 to 0.95,
// step 0.025) that maximise F1 of prob >= threshold against y; ties go to
// the threshold nearest 0.5.
func bestThreshold(prob []float64, y []bool) (float64, float64) {
	bestF, bestT := -1.0, 0.5
	for i, c := range gridDecisions(prob, y) {
		t := float64(gridLo+i) * 0.025
		f := c.f1()
		if f > bestF+1e-12 || (math.Abs(f-bestF) <= 1e-12 && math.Abs(t-0.5) < math.Abs(bestT-0.5)) {
			bestF, bestT = f, t
		}
	}
	return bestF, bestT
}
