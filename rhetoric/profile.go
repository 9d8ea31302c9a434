package rhetoric

import (
	"cmp"
	"math"
	"slices"
)

// Profile aggregates the reports of one group (a speaker, or any metadata
// value). It is plain data: the zero value is an empty profile, usable with
// [Compare], and it is safe for concurrent reads.
type Profile struct {
	Key        string        `json:"key"`   // the metadata key grouped by: speaker, country, ...
	Group      string        `json:"group"` // the value shared by the group
	Statements int           `json:"statements"`
	Words      int           `json:"words"`
	Sentences  int           `json:"sentences"`
	Devices    []DeviceScore `json:"devices"` // same formulas as in a Report, over the whole group
	// Matrix counts the group's moves by source, device and target (see
	// [Matrix]); empty when no hit counts.
	Matrix []MatrixCell `json:"matrix,omitempty"`
}

// Aggregator builds profiles from reports incrementally, in constant memory
// per group: it keeps sums of counts, never the reports. The zero value is
// not usable; use [NewAggregator]. It is not safe for concurrent use.
type Aggregator struct {
	key     string
	devices []string       // device names in order of first appearance
	devIdx  map[string]int // device name -> index in devices
	groups  map[string]*group
}

type group struct {
	statements, words, sentences int
	tallies                      []tally // by device index; may be shorter than Aggregator.devices
	matrix                       Matrix  // who frames whom
}

// NewAggregator groups reports by key: "speaker", "id", "date", or a Meta key
// (a report without that key falls in the group "").
func NewAggregator(key string) *Aggregator {
	return &Aggregator{key: key, devIdx: map[string]int{}, groups: map[string]*group{}}
}

// Key returns the key the aggregator groups by.
func (g *Aggregator) Key() string { return g.key }

func (g *Aggregator) groupOf(r *Report) string {
	switch g.key {
	case "speaker":
		return r.Speaker
	case "id":
		return r.ID
	case "date":
		return r.Date
	}
	return r.Meta[g.key]
}

// Add adds a report to its group. A nil report is ignored.
func (g *Aggregator) Add(r *Report) {
	if r == nil {
		return
	}
	name := g.groupOf(r)
	gr := g.groups[name]
	if gr == nil {
		gr = &group{}
		g.groups[name] = gr
	}
	gr.statements++
	gr.matrix.Add(r)
	gr.words += r.Words
	gr.sentences += r.Sentences
	for i := range r.Devices {
		d := &r.Devices[i]
		di, ok := g.devIdx[d.Device]
		if !ok {
			di = len(g.devices)
			g.devIdx[d.Device] = di
			g.devices = append(g.devices, d.Device)
		}
		if di >= len(gr.tallies) {
			gr.tallies = append(gr.tallies, make([]tally, di+1-len(gr.tallies))...)
		}
		t := &gr.tallies[di]
		t.hits += d.Hits
		t.negated += d.Negated
		t.intensified += d.Intensified
		t.hedged += d.Hedged
		t.sentences += d.CoveredSentences
		t.weight += d.Weight
		for _, tc := range d.Targets {
			t.addTarget(tc.Actor, tc.Count)
		}
	}
}

// Profiles returns the profiles, sorted by group. Every profile lists every
// device seen by the aggregator, in order of first appearance (lexicon order
// when all reports come from one analyzer).
func (g *Aggregator) Profiles() []Profile {
	names := make([]string, 0, len(g.groups))
	for k := range g.groups {
		names = append(names, k)
	}
	slices.Sort(names)
	out := make([]Profile, 0, len(names))
	for _, name := range names {
		gr := g.groups[name]
		p := Profile{Key: g.key, Group: name, Statements: gr.statements, Words: gr.words, Sentences: gr.sentences}
		if gr.matrix.Len() > 0 {
			p.Matrix = gr.matrix.Cells()
		}
		all := 0
		for i := range gr.tallies {
			all += gr.tallies[i].hits
		}
		p.Devices = make([]DeviceScore, len(g.devices))
		for di, dev := range g.devices {
			var t tally
			if di < len(gr.tallies) {
				t = gr.tallies[di]
			}
			p.Devices[di] = t.finish(dev, gr.words, gr.sentences, all)
		}
		out = append(out, p)
	}
	return out
}

// DeviceComparison compares one device between two profiles. It is plain data.
type DeviceComparison struct {
	Device  string  `json:"device"`
	RateA   float64 `json:"rate_a"`   // hits per 1,000 words in A
	RateB   float64 `json:"rate_b"`   // hits per 1,000 words in B
	Diff    float64 `json:"diff"`     // RateA - RateB
	LogOdds float64 `json:"log_odds"` // log-odds ratio with informative Dirichlet prior
	Z       float64 `json:"z"`        // z-score of LogOdds

	HitsA int     `json:"hits_a"` // y_a: non-negated hits in A
	HitsB int     `json:"hits_b"` // y_b: non-negated hits in B
	Alpha float64 `json:"alpha"`  // the device's prior pseudo-count
}

// Comparison is the per-device comparison of two profiles. It is plain
// data; the zero value compares nothing.
type Comparison struct {
	A       string             `json:"a"`
	B       string             `json:"b"`
	Prior   float64            `json:"prior"` // a0, the prior size in pseudo-words
	Devices []DeviceComparison `json:"devices"`
}

// DefaultPrior is the prior size a0 used by [Compare]: the prior counts as
// 1,000 pseudo-words at the pooled rates of the two profiles.
const DefaultPrior = 1000

// Compare compares profiles a and b device by device (Monroe, Colaresi and
// Quinn 2008) with the prior size [DefaultPrior]. A positive Z means a uses
// the device more than b. See [CompareWith] and the package doc.
func Compare(a, b Profile) Comparison { return CompareWith(a, b, DefaultPrior) }

// CompareWith is [Compare] with prior size a0 (a0 <= 0 or NaN means
// [DefaultPrior]).
//
// Each word of a profile is one draw from K+1 classes: the K devices (a
// non-negated hit is one draw of its device) and one residual class, "no
// device", holding the remaining words. So n = max(Words, total hits) and
// y_0 = n - total hits. The informative Dirichlet prior is
// alpha_k = a0 * (y_ka + y_kb) / (n_a + n_b), the pooled share of class k
// scaled to a0 pseudo-words (so the alphas sum to a0). Then, for device k,
//
//	delta = log((y_a+alpha)/(n_a+a0-y_a-alpha)) - log((y_b+alpha)/(n_b+a0-y_b-alpha))
//	var   = 1/(y_a+alpha) + 1/(y_b+alpha)
//	z     = delta / sqrt(var)
//
// Devices are taken from a, then those only in b, in order. A device that
// neither profile uses (y_a = y_b = 0) gets LogOdds and Z of 0, as does the
// degenerate case where a device's hits are every word of both profiles.
func CompareWith(a, b Profile, a0 float64) Comparison {
	if !(a0 > 0) || math.IsInf(a0, 0) {
		a0 = DefaultPrior
	}
	c := Comparison{A: a.Group, B: b.Group, Prior: a0}
	hitsOf := func(p Profile, dev string) int {
		for i := range p.Devices {
			if p.Devices[i].Device == dev {
				return p.Devices[i].Hits
			}
		}
		return 0
	}
	var devs []string
	for _, d := range a.Devices {
		devs = append(devs, d.Device)
	}
	for _, d := range b.Devices {
		if !slices.Contains(devs, d.Device) {
			devs = append(devs, d.Device)
		}
	}
	total := func(p Profile) (n int) {
		hits := 0
		for _, d := range p.Devices {
			hits += d.Hits
		}
		return max(p.Words, hits)
	}
	na, nb := float64(total(a)), float64(total(b))
	c.Devices = make([]DeviceComparison, 0, len(devs))
	for _, dev := range devs {
		ya, yb := hitsOf(a, dev), hitsOf(b, dev)
		dc := DeviceComparison{Device: dev, HitsA: ya, HitsB: yb}
		if a.Words > 0 {
			dc.RateA = float64(ya) * 1000 / float64(a.Words)
		}
		if b.Words > 0 {
			dc.RateB = float64(yb) * 1000 / float64(b.Words)
		}
		dc.Diff = dc.RateA - dc.RateB
		if na+nb > 0 && ya+yb > 0 {
			alpha := a0 * float64(ya+yb) / (na + nb)
			fa, fb := float64(ya), float64(yb)
			dc.Alpha = alpha
			if ra, rb := na+a0-fa-alpha, nb+a0-fb-alpha; ra > 0 && rb > 0 {
				dc.LogOdds = math.Log((fa+alpha)/ra) - math.Log((fb+alpha)/rb)
				dc.Z = dc.LogOdds / math.Sqrt(1/(fa+alpha)+1/(fb+alpha))
			}
		}
		c.Devices = append(c.Devices, dc)
	}
	return c
}

// SortByZ orders the devices of c by z-score, largest first (the devices a
// uses most distinctively), ties by device name. It returns c.
func (c Comparison) SortByZ() Comparison {
	c.Devices = slices.Clone(c.Devices)
	slices.SortStableFunc(c.Devices, func(x, y DeviceComparison) int {
		if c := cmp.Compare(y.Z, x.Z); c != 0 {
			return c
		}
		return cmp.Compare(x.Device, y.Device)
	})
	return c
}
