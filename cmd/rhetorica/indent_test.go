package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAppendIndented compares appendIndented with json.Indent on compact
// JSON: hand-picked cases, then random documents marshalled by
// encoding/json.
func TestAppendIndented(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"empty object", `{}`},
		{"empty array", `[]`},
		{"scalars", `[1,-2.5e-7,true,false,null,"x"]`},
		{"nested", `{"a":{"b":[1,{"c":[]},{}],"d":{}},"e":[[],[[]]]}`},
		{"punctuation in strings", `{"{[,:]}":"a,b:c{d}[e]","q":"\"{\\\"}\\\\","u":"\u003c\u2028é"}`},
		{"escaped backslash before quote", `["\\","\\\\",""]`},
		{"string values", `{"k":"v"}`},
	}
	check := func(t *testing.T, src []byte) {
		t.Helper()
		var want bytes.Buffer
		if err := json.Indent(&want, src, "  ", "  "); err != nil {
			t.Fatalf("json.Indent(%s): %v", src, err)
		}
		got := appendIndented([]byte("prior"), src, "  ", "  ")
		if diff := cmp.Diff("prior"+want.String(), string(got)); diff != "" {
			t.Errorf("appendIndented(%s) mismatch (-want +got):\n%s", src, diff)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, []byte(tt.src)) })
	}
	t.Run("random", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		pieces := []string{"", "a", `"`, `\`, "{", "}", "[", "]", ",", ":", "é", "\x01", "<&>"}
		var gen func(depth int) any
		gen = func(depth int) any {
			switch k := r.IntN(6); {
			case depth > 3 || k == 0:
				s := ""
				for range r.IntN(4) {
					s += pieces[r.IntN(len(pieces))]
				}
				return s
			case k == 1:
				return r.NormFloat64()
			case k == 2:
				return r.IntN(2) == 0
			case k == 3:
				return nil
			case k == 4:
				m := map[string]any{}
				for range r.IntN(4) {
					m[pieces[r.IntN(len(pieces))]+pieces[r.IntN(len(pieces))]] = gen(depth + 1)
				}
				return m
			default:
				a := []any{}
				for range r.IntN(4) {
					a = append(a, gen(depth+1))
				}
				return a
			}
		}
		for range 3000 {
			src, err := json.Marshal(gen(0))
			if err != nil {
				t.Fatal(err)
			}
			check(t, src)
		}
	})
}
