package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// overSpec is a parsed --over value: a metadata key and, for dates, the
// width of a period.
type overSpec struct {
	key    string
	bucket string // "", "year" or "month"
}

// parseOver reads KEY, KEY:year or KEY:month.
func parseOver(s string) (overSpec, error) {
	key, bucket, _ := strings.Cut(strings.TrimSpace(s), ":")
	if key == "" {
		return overSpec{}, fmt.Errorf("--over needs a metadata key, such as year or date:month")
	}
	switch bucket {
	case "", "year", "month":
	default:
		return overSpec{}, fmt.Errorf("--over %s: unknown period %q (want %s:year or %s:month)", s, bucket, key, key)
	}
	return overSpec{key: key, bucket: bucket}, nil
}

// String returns the spec as given: "date:month".
func (o overSpec) String() string {
	if o.bucket == "" {
		return o.key
	}
	return o.key + ":" + o.bucket
}

// period returns the period of a report, "" when it has none (or a value
// that is not a date when a bucket is asked for). A date bucket takes the
// leading YYYY or YYYY-MM of an ISO date (2014-09-24, 2014-09, 2014).
func (o overSpec) period(r *rhetoric.Report) string {
	v := strings.TrimSpace(metaValue(r, o.key))
	switch o.bucket {
	case "year":
		if len(v) >= 4 && isDigits(v[:4]) && (len(v) == 4 || v[4] == '-') {
			return v[:4]
		}
		return ""
	case "month":
		if len(v) >= 7 && isDigits(v[:4]) && v[4] == '-' && isDigits(v[5:7]) && (len(v) == 7 || v[7] == '-' || v[7] == 'T') {
			return v[:7]
		}
		return ""
	}
	return v
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// overAgg builds one profile per group and period.
type overAgg struct {
	spec    overSpec
	by      string
	periods map[string]*rhetoric.Groups
	missing int // statements without a period
}

// newOverAgg groups by the --by key, or without one puts every statement
// of a period in one group (a rhetoric.Key with no Of).
func newOverAgg(spec overSpec, by string) *overAgg {
	return &overAgg{spec: spec, by: by, periods: map[string]*rhetoric.Groups{}}
}

func (a *overAgg) add(r *rhetoric.Report) {
	p := a.spec.period(r)
	if p == "" {
		a.missing++
		return
	}
	agg := a.periods[p]
	if agg == nil {
		key := rhetoric.Key{} // every statement in one group
		if a.by != "" {
			key = rhetoric.KeyField(a.by)
		}
		agg = rhetoric.NewGroups(key)
		a.periods[p] = agg
	}
	addReport(agg, r) // --by speaker groups a transcript's turns, as without --over
}

// timeSeries is the output of --over: for each group, its profile in
// each period.
type timeSeries struct {
	Key     string   `json:"key,omitempty"` // the --by key; empty for all statements
	Over    string   `json:"over"`          // the --over spec
	Periods []string `json:"periods"`       // in sorted order
	Series  []series `json:"series"`
	// Missing counts the statements left out for having no period.
	Missing int `json:"missing"`
}

// series is one group's points, one per period in which it has statements.
type series struct {
	Group  string  `json:"group"`
	Points []point `json:"points"`
}

type point struct {
	Period     string                 `json:"period"`
	Statements int                    `json:"statements"`
	Words      int                    `json:"words"`
	Devices    []rhetoric.DeviceScore `json:"devices"`
}

// series returns the time series, groups sorted by name.
func (a *overAgg) series() timeSeries {
	ts := timeSeries{Over: a.spec.String(), Missing: a.missing, Periods: []string{}, Series: []series{}}
	ts.Key = a.by
	for p := range a.periods {
		ts.Periods = append(ts.Periods, p)
	}
	slices.Sort(ts.Periods)
	byGroup := map[string]*series{}
	var groups []string
	for _, p := range ts.Periods {
		for _, prof := range a.periods[p].Profiles() {
			s := byGroup[prof.Group]
			if s == nil {
				s = &series{Group: prof.Group}
				byGroup[prof.Group] = s
				groups = append(groups, prof.Group)
			}
			s.Points = append(s.Points, point{Period: p, Statements: prof.Statements, Words: prof.Words, Devices: prof.Devices})
		}
	}
	slices.Sort(groups)
	for _, g := range groups {
		ts.Series = append(ts.Series, *byGroup[g])
	}
	return ts
}

// groupLabel names a series for people: "all statements" without --by,
// "(no KEY)" for the group of statements without the key.
func (ts *timeSeries) groupLabel(g string) string {
	switch {
	case ts.Key == "":
		return "all statements"
	case g == "":
		return "(no " + ts.Key + ")"
	}
	return g
}

// score returns the score of device d in p (zero when absent).
func (p *point) score(d string) rhetoric.DeviceScore {
	for _, s := range p.Devices {
		if s.Device == d {
			return s
		}
	}
	return rhetoric.DeviceScore{Device: d}
}

// writeTimeSeries writes the series as JSON, JSON Lines (one point per
// line), CSV (one row per group and period) or a table.
func writeTimeSeries(w *bufio.Writer, of outFormat, devices []string, ts timeSeries) error {
	switch of {
	case outJSON:
		b, err := json.MarshalIndent(ts, "", "  ")
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	case outJSONL:
		type line struct {
			Key   string `json:"key,omitempty"`
			Group string `json:"group"`
			point
		}
		for _, s := range ts.Series {
			for _, p := range s.Points {
				b, err := json.Marshal(line{Key: ts.Key, Group: s.Group, point: p})
				if err != nil {
					return err
				}
				w.Write(b)
				w.WriteByte('\n')
			}
		}
		return nil
	case outCSV:
		cw := csv.NewWriter(w)
		key := ts.Key
		if key == "" {
			key = "group"
		}
		cw.Write(append([]string{key, ts.Over, "statements", "words"}, deviceColumns(devices)...))
		for _, s := range ts.Series {
			for _, p := range s.Points {
				row := []string{ts.groupLabel(s.Group), p.Period, strconv.Itoa(p.Statements), strconv.Itoa(p.Words)}
				cw.Write(deviceCells(row, devices, p.Devices))
			}
		}
		cw.Flush()
		return cw.Error()
	}
	if len(ts.Series) == 0 {
		_, err := fmt.Fprintf(w, "no statement has %s\n", ts.Over)
		return err
	}
	// The table: per group, one line per period with the rate of every
	// device that has a hit anywhere.
	var cols []string
	for _, d := range devices {
		for _, s := range ts.Series {
			for i := range s.Points {
				if p := s.Points[i].score(d); p.Hits > 0 {
					cols = append(cols, d)
					goto next
				}
			}
		}
	next:
	}
	perW := len(ts.Over)
	for _, p := range ts.Periods {
		perW = max(perW, utf8.RuneCountInString(p))
	}
	for i, s := range ts.Series {
		if i > 0 {
			w.WriteByte('\n')
		}
		fmt.Fprintf(w, "%s (per 1,000 words)\n", ts.groupLabel(s.Group))
		fmt.Fprintf(w, "  %s  %5s  %7s", fit(strings.ToUpper(ts.Over), perW), "STMTS", "WORDS")
		for _, d := range cols {
			fmt.Fprintf(w, "  %*s", max(len(d), 6), d)
		}
		w.WriteByte('\n')
		for _, p := range s.Points {
			fmt.Fprintf(w, "  %s  %5d  %7d", fit(p.Period, perW), p.Statements, p.Words)
			for _, d := range cols {
				fmt.Fprintf(w, "  %*.2f", max(len(d), 6), p.score(d).Per1K)
			}
			w.WriteByte('\n')
		}
	}
	if ts.Missing > 0 {
		fmt.Fprintf(w, "\n%s without %s left out\n", plural(ts.Missing, "statement"), ts.Over)
	}
	return nil
}
