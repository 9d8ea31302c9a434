package rhetoric

// Profile aggregates the reports of one group (a speaker, or any metadata value).
type Profile struct {
	Key        string        `json:"key"`   // the metadata key grouped by: speaker, country, ...
	Group      string        `json:"group"` // the value shared by the group
	Statements int           `json:"statements"`
	Words      int           `json:"words"`
	Sentences  int           `json:"sentences"`
	Devices    []DeviceScore `json:"devices"` // same formulas as in a Report, over the whole group
}

// Aggregator builds profiles from reports incrementally, in constant memory
// per group. The zero value is not usable; use [NewAggregator].
// It is not safe for concurrent use.
type Aggregator struct{}

// NewAggregator groups reports by key: "speaker", "id", "date", or a Meta key.
func NewAggregator(key string) *Aggregator { return &Aggregator{} } // TEMPORARY

// Add adds a report to its group.
func (g *Aggregator) Add(r *Report) {}

// Profiles returns the profiles, sorted by group.
func (g *Aggregator) Profiles() []Profile { return nil }

// DeviceComparison compares one device between two profiles.
type DeviceComparison struct {
	Device  string  `json:"device"`
	RateA   float64 `json:"rate_a"`   // hits per 1,000 words in A
	RateB   float64 `json:"rate_b"`   // hits per 1,000 words in B
	Diff    float64 `json:"diff"`     // RateA - RateB
	LogOdds float64 `json:"log_odds"` // log-odds ratio with informative Dirichlet prior
	Z       float64 `json:"z"`        // z-score of LogOdds
}

// Comparison is the per-device comparison of two profiles.
type Comparison struct {
	A       string             `json:"a"`
	B       string             `json:"b"`
	Devices []DeviceComparison `json:"devices"`
}

// Compare compares profiles a and b device by device (Monroe, Colaresi and
// Quinn 2008). A positive Z means a uses the device more than b.
func Compare(a, b Profile) Comparison { return Comparison{A: a.Group, B: b.Group} } // TEMPORARY
