package rhetoric

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Profile aggregates the reports of one group (a speaker, or any metadata
// value): the sums of their counts, with the rates of a [Report] computed
// over the whole group. It is plain data: the zero value is an empty
// profile, usable with [Profile.Add], [Profile.Merge] and [Compare]. It is
// safe for concurrent reads, not for concurrent Add or Merge.
//
// Profiles are mergeable: adding reports one by one, or adding them to
// several profiles that are then merged, in any order and grouping, gives
// the same profile (floating-point sums may differ in the last bits). So
// the workers of a distributed pipeline can each profile their share of a
// corpus and merge the results.
type Profile struct {
	Key        string        `json:"key"`        // the metadata key grouped by: speaker, country, ...
	Group      string        `json:"group"`      // the value shared by the group
	Statements int           `json:"statements"` // statements added
	Words      int           `json:"words"`      // their words (of turns not excluded)
	Sentences  int           `json:"sentences"`  // their sentences (of turns not excluded)
	Devices    []DeviceScore `json:"devices"`    // same formulas as in a Report, over the whole group
	// Cues counts the non-negated hits of each lexicon entry, the evidence
	// behind Devices: ordered by device (as in Devices), then count
	// (largest first), then entry. The counts of a device add up to its
	// Hits.
	Cues []CueCount `json:"cues,omitempty"`
	// Matrix counts the group's moves by source, device and target (see
	// [Matrix]), ordered as [Matrix.Cells] orders them; empty when no hit
	// counts.
	Matrix []MatrixCell `json:"matrix,omitempty"`
}

// CueCount is how many non-negated hits of a device one lexicon entry
// (as written in the lexicon) produced. It is plain data.
type CueCount struct {
	Device string `json:"device"` // the category of the entry
	Entry  string `json:"entry"`  // the entry as written in the lexicon
	Count  int    `json:"count"`  // its non-negated hits
}

// Add adds a report to the profile. A nil report is ignored. Its cost is
// linear in the report's hits and in the profile's cues of the devices the
// report uses.
//
// Devices keep the order of the reports, which is the analyzer's device
// order ([Analyzer.Devices]): every report lists every device. Only when
// reports or profiles with different device lists meet (from different
// lexicons) does the profile fall back to all their devices sorted by name,
// so that the result still does not depend on the order of the calls.
func (p *Profile) Add(r *Report) {
	if r == nil {
		return
	}
	p.add(Profile{Statements: 1, Words: r.Words, Sentences: r.Sentences, Devices: r.Devices, Cues: reportCues(r), Matrix: reportMatrix(r)})
}

// Merge adds the reports counted in q to p, as if each had been added with
// [Profile.Add]. Merging is associative and commutative, and the zero
// Profile is its identity. p keeps its Key and Group unless it has
// neither, in which case it takes q's: merge profiles of the same group.
func (p *Profile) Merge(q Profile) {
	if p.Key == "" && p.Group == "" {
		p.Key, p.Group = q.Key, q.Group
	}
	if len(p.Devices) > 0 && len(q.Devices) > 0 && &p.Devices[0] == &q.Devices[0] ||
		len(p.Cues) > 0 && len(q.Cues) > 0 && &p.Cues[0] == &q.Cues[0] {
		q = q.Clone() // p.Merge(*p)
	}
	p.add(q)
}

// Clone returns a deep copy of p, which later calls on p leave unchanged.
func (p Profile) Clone() Profile {
	if p.Devices != nil {
		p.Devices = slices.Clone(p.Devices)
		for i := range p.Devices {
			p.Devices[i].Targets = slices.Clone(p.Devices[i].Targets)
		}
	}
	p.Cues = slices.Clone(p.Cues)
	p.Matrix = slices.Clone(p.Matrix)
	return p
}

// add adds the counts of q to p: Add passes the profile of one report,
// Merge another profile. Only raw counts are read (the rates of q's Devices
// are ignored); the cues of a device must be contiguous in q.Cues. A new
// field of Profile is summed here, and set from the report in Add.
func (p *Profile) add(q Profile) {
	p.Statements += q.Statements
	p.Words += q.Words
	p.Sentences += q.Sentences
	devs := q.Devices
	reorder := false
	switch {
	case len(devs) == 0:
	case len(p.Devices) == 0:
		p.Devices = make([]DeviceScore, len(devs))
		for i := range devs {
			p.Devices[i].Device = devs[i].Device
		}
	case !sameDevices(p.Devices, devs):
		p.Devices = unionDevices(p.Devices, devs)
		reorder = true
	}
	for i := range devs {
		d := &devs[i]
		j := i
		if j >= len(p.Devices) || p.Devices[j].Device != d.Device {
			j = p.deviceIndex(d.Device)
		}
		pd := &p.Devices[j]
		pd.Hits += d.Hits
		pd.Negated += d.Negated
		pd.Weight += d.Weight
		pd.Intensified += d.Intensified
		pd.Hedged += d.Hedged
		pd.CoveredSentences += d.CoveredSentences
		pd.Detected += d.Detected
		for _, tc := range d.Targets {
			pd.Targets = addTarget(pd.Targets, tc.Actor, tc.Count)
		}
	}
	all := 0
	for i := range p.Devices {
		all += p.Devices[i].Hits
	}
	for i := range p.Devices {
		d := &p.Devices[i]
		t := tally{hits: d.Hits, negated: d.Negated, intensified: d.Intensified, hedged: d.Hedged,
			sentences: d.CoveredSentences, weight: d.Weight, targets: d.Targets}
		detected := d.Detected
		*d = t.finish(d.Device, p.Words, p.Sentences, all)
		d.Detected = detected
	}
	if reorder {
		p.sortCues(0, len(p.Cues))
	}
	p.addCues(q.Cues)
	p.addMatrix(q.Matrix)
}

// reportMatrix returns the who-frames-whom cells of one report.
func reportMatrix(r *Report) []MatrixCell {
	var m Matrix
	m.Add(r)
	if m.Len() == 0 {
		return nil
	}
	return m.Cells()
}

// addMatrix adds cells to p.Matrix, which stays in compareCells order, so
// that the result does not depend on the order of Add and Merge calls.
func (p *Profile) addMatrix(cells []MatrixCell) {
	for _, c := range cells {
		i, found := slices.BinarySearchFunc(p.Matrix, c, compareCells)
		if found {
			p.Matrix[i].Count += c.Count
			p.Matrix[i].Reported += c.Reported
			continue
		}
		p.Matrix = slices.Insert(p.Matrix, i, c)
	}
}

func addTarget(ts []TargetCount, code string, n int) []TargetCount {
	for i := range ts {
		if ts[i].Actor == code {
			ts[i].Count += n
			return ts
		}
	}
	return append(ts, TargetCount{Actor: code, Count: n})
}

func sameDevices(a, b []DeviceScore) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Device != b[i].Device {
			return false
		}
	}
	return true
}

// unionDevices returns the devices of a and the names of b, sorted by name.
func unionDevices(a, b []DeviceScore) []DeviceScore {
	out := slices.Clone(a)
	for i := range b {
		if !slices.ContainsFunc(out, func(d DeviceScore) bool { return d.Device == b[i].Device }) {
			out = append(out, DeviceScore{Device: b[i].Device})
		}
	}
	slices.SortStableFunc(out, func(x, y DeviceScore) int { return strings.Compare(x.Device, y.Device) })
	return out
}

// deviceIndex returns the index of device in p.Devices, or len(p.Devices)
// for a device it does not list.
func (p *Profile) deviceIndex(device string) int {
	for i := range p.Devices {
		if p.Devices[i].Device == device {
			return i
		}
	}
	return len(p.Devices)
}

// reportCues counts the non-negated hits of r by device and entry, the
// cues of each device contiguous. It scans the hits once per device, which
// costs less than sorting them: a report uses a handful of devices.
func reportCues(r *Report) []CueCount {
	var devs []string // devices of the non-negated hits, in order of appearance
	for i := range r.Hits {
		if h := &r.Hits[i]; !h.Negated && !slices.Contains(devs, h.Device) {
			devs = append(devs, h.Device)
		}
	}
	var cues []CueCount
	for _, dev := range devs {
		from := len(cues)
		for i := range r.Hits {
			h := &r.Hits[i]
			if h.Negated || h.Device != dev {
				continue
			}
			k := from
			for k < len(cues) && cues[k].Entry != h.Entry {
				k++
			}
			if k == len(cues) {
				cues = append(cues, CueCount{Device: dev, Entry: h.Entry})
			}
			cues[k].Count++
		}
	}
	return cues
}

// addCues adds cues, in which the cues of a device are contiguous, to
// p.Cues, which is in Profile order, and keeps that order: a cue whose count
// grew moves up its device's block, a new one enters at the block's end and
// moves up. It touches only the blocks of the devices in cues.
func (p *Profile) addCues(cues []CueCount) {
	for len(cues) > 0 {
		dev := cues[0].Device
		n := 1
		for n < len(cues) && cues[n].Device == dev {
			n++
		}
		lo, hi := p.cueBlock(p.deviceIndex(dev), dev)
		for _, c := range cues[:n] {
			k := lo
			for k < hi && p.Cues[k].Entry != c.Entry {
				k++
			}
			if k == hi {
				p.Cues = slices.Insert(p.Cues, hi, CueCount{Device: dev, Entry: c.Entry})
				hi++
			}
			p.Cues[k].Count += c.Count
			for ; k > lo && cueBefore(p.Cues[k], p.Cues[k-1]); k-- {
				p.Cues[k], p.Cues[k-1] = p.Cues[k-1], p.Cues[k]
			}
		}
		cues = cues[n:]
	}
}

// cueBefore reports whether cue x sorts before cue y of the same device:
// larger count first, then entry.
func cueBefore(x, y CueCount) bool {
	return x.Count > y.Count || x.Count == y.Count && x.Entry < y.Entry
}

// cueBlock returns the range of p.Cues holding the cues of device dev,
// whose index in p.Devices is di (empty where they would go when there
// are none).
func (p *Profile) cueBlock(di int, dev string) (lo, hi int) {
	before := func(c CueCount) bool { // c sorts before the block of dev
		ci := p.deviceIndex(c.Device)
		return ci < di || ci == di && c.Device < dev
	}
	lo, _ = slices.BinarySearchFunc(p.Cues, true, func(c CueCount, _ bool) int {
		if before(c) {
			return -1
		}
		return 1
	})
	hi = lo
	for hi < len(p.Cues) && p.Cues[hi].Device == dev {
		hi++
	}
	return lo, hi
}

// sortCues sorts p.Cues[lo:hi] in Profile order: device (as in Devices;
// devices it does not list last, by name), count descending, entry.
func (p *Profile) sortCues(lo, hi int) {
	slices.SortFunc(p.Cues[lo:hi], func(x, y CueCount) int {
		if x.Device != y.Device {
			if c := cmp.Compare(p.deviceIndex(x.Device), p.deviceIndex(y.Device)); c != 0 {
				return c
			}
			return strings.Compare(x.Device, y.Device)
		}
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return strings.Compare(x.Entry, y.Entry)
	})
}

// Key says which group a report belongs to, for [Groups]. It is plain
// data; a Key whose Of is nil puts every report in the group "".
type Key struct {
	Name string               // the key's name, copied to Profile.Key: "speaker", "country", ...
	Of   func(*Report) string // the report's group
}

// KeySpeaker groups reports by speaker.
func KeySpeaker() Key { return Key{Name: "speaker", Of: func(r *Report) string { return r.Speaker }} }

// KeyID groups reports by statement id: one group per statement.
func KeyID() Key { return Key{Name: "id", Of: func(r *Report) string { return r.ID }} }

// KeyDate groups reports by date, as written in the statements.
func KeyDate() Key { return Key{Name: "date", Of: func(r *Report) string { return r.Date }} }

// KeyMeta groups reports by the metadata field name; a report without it
// falls in the group "".
func KeyMeta(name string) Key {
	return Key{Name: name, Of: func(r *Report) string { return r.Meta[name] }}
}

// KeyField returns the key for a name as a user types it: [KeySpeaker],
// [KeyID] or [KeyDate] for "speaker", "id" and "date", else [KeyMeta].
func KeyField(name string) Key {
	switch name {
	case "speaker":
		return KeySpeaker()
	case "id":
		return KeyID()
	case "date":
		return KeyDate()
	}
	return KeyMeta(name)
}

// Groups builds one [Profile] per group of reports, in constant memory per
// group: it keeps sums of counts, never the reports. The zero value is not
// usable; use [NewGroups]. It is not safe for concurrent use.
type Groups struct {
	key    Key
	groups map[string]*Profile
}

// NewGroups returns an empty set of profiles grouped by key.
func NewGroups(key Key) *Groups {
	return &Groups{key: key, groups: map[string]*Profile{}}
}

// Key returns the key the groups are formed by.
func (g *Groups) Key() Key { return g.key }

// Add adds a report to the profile of its group. A nil report is ignored.
func (g *Groups) Add(r *Report) {
	if r == nil {
		return
	}
	var name string
	if g.key.Of != nil {
		name = g.key.Of(r)
	}
	p := g.groups[name]
	if p == nil {
		p = &Profile{Key: g.key.Name, Group: name}
		g.groups[name] = p
	}
	p.Add(r)
}

// Profiles returns a copy of the profiles, sorted by group.
func (g *Groups) Profiles() []Profile {
	names := make([]string, 0, len(g.groups))
	for k := range g.groups {
		names = append(names, k)
	}
	slices.Sort(names)
	out := make([]Profile, 0, len(names))
	for _, name := range names {
		out = append(out, g.groups[name].Clone())
	}
	return out
}

// DeviceComparison compares one device between two profiles. It is plain data.
type DeviceComparison struct {
	Device  string  `json:"device"`   // the device compared
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
	A       string             `json:"a"`       // the first profile's group
	B       string             `json:"b"`       // the second profile's group
	Prior   float64            `json:"prior"`   // a0, the prior size in pseudo-words
	Devices []DeviceComparison `json:"devices"` // one comparison per device: A's order, then those only in B
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
