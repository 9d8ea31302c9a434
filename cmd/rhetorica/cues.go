package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// cueCount is how often one lexicon entry of a device fired (non-negated)
// in a group. It has the shape of rhetoric.CueCount, which branch w-beam
// adds to rhetoric.Profile as Profile.Cues (sorted by device order, count
// desc, entry): once that lands, cueCounter can give way to p.Cues.
type cueCount struct {
	Device string `json:"device"`
	Entry  string `json:"entry"`
	Count  int    `json:"count"`
}

// cueCounter counts the non-negated hits of each group by device and
// entry, as compare reads the reports.
type cueCounter struct {
	key    string
	groups map[string]map[[2]string]int
}

func newCueCounter(key string) *cueCounter {
	return &cueCounter{key: key, groups: map[string]map[[2]string]int{}}
}

func (c *cueCounter) add(r *rhetoric.Report) {
	g := metaValue(r, c.key)
	m := c.groups[g]
	if m == nil {
		m = map[[2]string]int{}
		c.groups[g] = m
	}
	for i := range r.Hits {
		if !r.Hits[i].Negated {
			m[[2]string{r.Hits[i].Device, r.Hits[i].Entry}]++
		}
	}
}

// cues returns a group's counts sorted by device (in the order of
// devices), count descending, then entry.
func (c *cueCounter) cues(group string, devices []string) []cueCount {
	var out []cueCount
	for k, n := range c.groups[group] {
		out = append(out, cueCount{Device: k[0], Entry: k[1], Count: n})
	}
	sortCues(out, devices)
	return out
}

func sortCues(cs []cueCount, devices []string) {
	slices.SortFunc(cs, func(a, b cueCount) int {
		ia, ib := slices.Index(devices, a.Device), slices.Index(devices, b.Device)
		if ia < 0 {
			ia = len(devices)
		}
		if ib < 0 {
			ib = len(devices)
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a.Device, b.Device), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Entry, b.Entry))
	})
}

// topCues returns the k most frequent cues of device in cs (sorted as
// sortCues leaves them).
func topCues(cs []cueCount, device string, k int) []cueCount {
	var out []cueCount
	for _, c := range cs {
		if c.Device == device && len(out) < k {
			out = append(out, c)
		}
	}
	return out
}

// cueList formats cues as "is to blame 2, war against 1", or "-".
func cueList(cs []cueCount) string {
	if len(cs) == 0 {
		return "-"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s %d", c.Entry, c.Count)
	}
	return strings.Join(parts, ", ")
}
