package rhetoric

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSortedByPlace checks that sortedByPlace answers as
// slices.IsSortedFunc with byPlace, on hits that differ in each key.
func TestSortedByPlace(t *testing.T) {
	hit := func(start, dev, end int) xhit { return xhit{dev: dev, Hit: Hit{Start: start, End: end}} }
	tests := []struct {
		name string
		hits []xhit
		want bool
	}{
		{"none", nil, true},
		{"one", []xhit{hit(3, 1, 5)}, true},
		{"by start", []xhit{hit(1, 2, 9), hit(2, 1, 3)}, true},
		{"start falls", []xhit{hit(2, 1, 3), hit(1, 2, 9)}, false},
		{"by device", []xhit{hit(1, 1, 9), hit(1, 2, 3)}, true},
		{"device falls", []xhit{hit(1, 2, 3), hit(1, 1, 9)}, false},
		{"by end", []xhit{hit(1, 1, 3), hit(1, 1, 9)}, true},
		{"end falls", []xhit{hit(1, 1, 9), hit(1, 1, 3)}, false},
		{"equal", []xhit{hit(1, 1, 3), hit(1, 1, 3)}, true},
		{"falls at the end", []xhit{hit(1, 1, 3), hit(4, 0, 5), hit(6, 0, 7), hit(6, 0, 6)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sortedByPlace(tt.hits)); diff != "" {
				t.Errorf("sortedByPlace (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(slices.IsSortedFunc(tt.hits, byPlace), sortedByPlace(tt.hits)); diff != "" {
				t.Errorf("sortedByPlace against slices.IsSortedFunc (-want +got):\n%s", diff)
			}
		})
	}
}
