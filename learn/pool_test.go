package learn

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPoolDevices checks which devices a device's target model learns
// from besides its own (Config.TargetPool).
func TestPoolDevices(t *testing.T) {
	devices := []string{"blame", "sovereignty", "threat", "hypocrisy"}
	tests := []struct {
		name   string
		pool   map[string][]string
		device int
		want   []int
	}{
		{"default: threat from blame", nil, 2, []int{0}},
		{"default: hypocrisy from blame", nil, 3, []int{0}},
		{"default: blame pools none", nil, 0, nil},
		{"default: sovereignty pools none", nil, 1, nil},
		{"empty map pools none", map[string][]string{}, 2, nil},
		{"in the analyzer's order, unknown devices and itself left out", map[string][]string{"hypocrisy": {"threat", "peace", "hypocrisy", "blame"}}, 3, []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Set{Devices: devices}
			got := poolDevices(s, tt.device, Config{TargetPool: tt.pool}.withDefaults())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("poolDevices (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPooledTargets checks that a pooled target model learns what only
// the pool's examples show: in device 1's own examples feature "p" marks
// the gold candidate once (below MinCount), in device 0's every time.
// Alone, device 1 learns only "q"; pooled with device 0, it also weighs
// "p" in favour of the candidate, and still "q". Device 0's model does not
// change.
func TestPooledTargets(t *testing.T) {
	const p, q, noise = 0, 1, 2
	s := &Set{Devices: []string{"blame", "hypocrisy"}, Names: []string{"t:p", "t:q", "t:noise"}}
	add := func(d int, gold []int32) {
		s.T = append(s.T, []Candidate{
			{Device: d, Actor: "NONE", X: []int32{noise}},
			{Device: d, Actor: "RUS", X: gold},
		})
		g := []string{"", ""}
		g[d] = "RUS"
		s.G = append(s.G, g)
	}
	for range 30 {
		add(0, []int32{p})
	}
	add(1, []int32{p, q})
	for range 24 {
		add(1, []int32{q})
	}
	idx := make([]int, len(s.T))
	for i := range idx {
		idx[i] = i
	}
	weights := func(pool map[string][]string) map[string]float64 {
		out := map[string]float64{}
		for _, w := range trainTargets(s, idx, 1, Config{TargetPool: pool}.withDefaults()) {
			out[w.Feature] = w.W
		}
		return out
	}
	alone := weights(map[string][]string{})
	pooled := weights(map[string][]string{"hypocrisy": {"blame"}})
	type signs struct{ P, Q bool }
	got := map[string]signs{
		"alone":  {alone["t:p"] > 0, alone["t:q"] > 0},
		"pooled": {pooled["t:p"] > 0, pooled["t:q"] > 0},
	}
	want := map[string]signs{
		"alone":  {false, true},
		"pooled": {true, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positive weights of t:p and t:q (-want +got):\n%s\nalone %v\npooled %v", diff, alone, pooled)
	}
	// Device 0's own model is the same whether device 1 pools it or not.
	own := trainTargets(s, idx, 0, Config{TargetPool: map[string][]string{}}.withDefaults())
	if diff := cmp.Diff(own, trainTargets(s, idx, 0, Config{TargetPool: map[string][]string{"hypocrisy": {"blame"}}}.withDefaults())); diff != "" {
		t.Errorf("blame's target weights when hypocrisy pools them (-alone +pooled):\n%s", diff)
	}
}
