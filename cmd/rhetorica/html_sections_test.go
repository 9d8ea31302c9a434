package main

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// TestHTMLSizeLimit feeds a report more text than its limit: the first
// statements are shown in full, of the rest only the ones with the most
// hits, and the summary says what was left out.
func TestHTMLSizeLimit(t *testing.T) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	h := newHTMLReport(w, []string{"blame"}, nil, "", "")
	h.fullLimit = 1000
	var hitsOf []int
	for i := range 60 + maxKeptStatements {
		text := fmt.Sprintf("Statement %d: they blame us. %s", i, strings.Repeat("word ", 20))
		hits := i % 7
		hitsOf = append(hitsOf, hits)
		r := &rhetoric.Report{ID: fmt.Sprintf("st-%03d", i), Words: 24,
			Devices: []rhetoric.DeviceScore{{Device: "blame", Hits: hits}}}
		for range hits {
			r.Hits = append(r.Hits, rhetoric.Hit{Device: "blame", Entry: "blame", Text: "blame", Start: 20, End: 25, Weight: 1})
		}
		if err := h.report(r, text); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.finish(); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	page := b.String()
	shown := strings.Count(page, `<article class="card"`)
	if h.leftOut < maxKeptStatements+10 {
		t.Fatalf("only %d statements beyond the limit", h.leftOut)
	}
	if want := h.n - h.leftOut + maxKeptStatements; shown != want {
		t.Errorf("%d statements shown, want %d (%d in full + %d kept)", shown, want, h.n-h.leftOut, maxKeptStatements)
	}
	if !strings.Contains(page, `id="left-out"`) || !strings.Contains(page, fmt.Sprintf("%s after that", plural(h.leftOut, "statement"))) {
		t.Errorf("the summary does not say what was left out")
	}
	// The kept statements are those with the most hits among the rest.
	rest := slices.Clone(hitsOf[h.n-h.leftOut:])
	slices.SortFunc(rest, func(a, b int) int { return b - a })
	threshold := rest[maxKeptStatements-1]
	for _, k := range h.kept {
		if k.hits < threshold {
			t.Errorf("kept statement %d has %d hits, fewer than %d", k.n, k.hits, threshold)
		}
	}
	// The table of statements still lists all of them.
	if got := strings.Count(page, `<tr><td><a href="#s`); got != h.n {
		t.Errorf("table lists %d statements, want %d", got, h.n)
	}
}

func TestOverPeriods(t *testing.T) {
	tests := []struct {
		spec, date, year, want string
	}{
		{"date:month", "2014-09-24", "", "2014-09"},
		{"date:month", "2014-09-24T10:00:00Z", "", "2014-09"},
		{"date:month", "2014", "", ""},
		{"date:year", "2022-06-24T17:30:00Z", "", "2022"},
		{"date:year", "June 2022", "", ""},
		{"date", "2014-09-24", "", "2014-09-24"},
		{"year", "", "2019", "2019"},
		{"year", "2019-01-01", "", ""},
	}
	for _, tt := range tests {
		spec, err := parseOver(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		r := &rhetoric.Report{Date: tt.date, Meta: map[string]string{}}
		if tt.year != "" {
			r.Meta["year"] = tt.year
		}
		if got := spec.period(r); got != tt.want {
			t.Errorf("%s of date %q: %q, want %q", tt.spec, tt.date, got, tt.want)
		}
	}
	if _, err := parseOver("date:week"); err == nil {
		t.Error("date:week accepted")
	}
}

func TestTimeSeries(t *testing.T) {
	a := newOverAgg(overSpec{key: "date", bucket: "year"}, "speaker")
	add := func(speaker, date string, words, hits int) {
		a.add(&rhetoric.Report{Speaker: speaker, Date: date, Words: words,
			Devices: []rhetoric.DeviceScore{{Device: "blame", Hits: hits}}})
	}
	add("A", "2014-01-01", 1000, 2)
	add("A", "2014-05-01", 1000, 4)
	add("B", "2015-01-01", 500, 1)
	add("A", "2015-01-01", 2000, 2)
	add("B", "", 100, 1)
	ts := a.series()
	type pt struct {
		Group, Period string
		Words         int
		Per1K         float64
	}
	var got []pt
	for _, s := range ts.Series {
		for i := range s.Points {
			got = append(got, pt{s.Group, s.Points[i].Period, s.Points[i].Words, s.Points[i].score("blame").Per1K})
		}
	}
	want := []pt{{"A", "2014", 2000, 3}, {"A", "2015", 2000, 1}, {"B", "2015", 500, 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("series (-want +got):\n%s", diff)
	}
	if ts.Missing != 1 || !cmp.Equal(ts.Periods, []string{"2014", "2015"}) {
		t.Errorf("missing %d, periods %v", ts.Missing, ts.Periods)
	}
}

func TestKWICContext(t *testing.T) {
	tests := []struct {
		name, before, after string
		n                   int
		left, right         string
	}{
		{"plain", "one two three four ", " five six seven", 2, "three four", "five six"},
		{"attached punctuation is free", "of NATO's ", ", which the West", 2, "of NATO's", ", which the"},
		{"attached word before", "Russia's", " has", 1, "Russia's", "has"},
		{"fewer words than the window", "a ", " b", 5, "a", "b"},
		{"line breaks fold", "x\n\ny  ", "\tz\n", 3, "x y", "z"},
		{"window 0", "a b ", " c d", 0, "", ""},
		{"cyrillic", "мир и ", " дружба навсегда", 1, "и", "дружба"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastWords(tt.before, tt.n); got != tt.left {
				t.Errorf("lastWords(%q, %d) = %q, want %q", tt.before, tt.n, got, tt.left)
			}
			if got := firstWords(tt.after, tt.n); got != tt.right {
				t.Errorf("firstWords(%q, %d) = %q, want %q", tt.after, tt.n, got, tt.right)
			}
		})
	}
}
