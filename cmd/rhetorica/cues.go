package main

import (
	"fmt"
	"strings"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// cueCount is how often one lexicon entry of a device fired (non-negated)
// in a group: rhetoric.CueCount, with the same JSON.
type cueCount struct {
	Device string `json:"device"`
	Entry  string `json:"entry"`
	Count  int    `json:"count"`
}

// profileCues returns the cue counts of a profile (rhetoric.Profile.Cues:
// by device order, count descending, then entry).
func profileCues(p rhetoric.Profile) []cueCount {
	out := make([]cueCount, len(p.Cues))
	for i, c := range p.Cues {
		out[i] = cueCount(c)
	}
	return out
}

// topCues returns the k most frequent cues of device in cs (sorted as
// profileCues gives them).
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
