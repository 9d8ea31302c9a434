package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// indentCases are compact JSON documents that exercise appendIndented.
var indentCases = []struct {
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

// checkIndented compares appendIndented with json.Indent on src, which
// must be compact JSON.
func checkIndented(t *testing.T, src []byte) {
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

// TestAppendIndented compares appendIndented with json.Indent on compact
// JSON: hand-picked cases, then random documents marshalled by
// encoding/json.
func TestAppendIndented(t *testing.T) {
	for _, tt := range indentCases {
		t.Run(tt.name, func(t *testing.T) { checkIndented(t, []byte(tt.src)) })
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
			checkIndented(t, src)
		}
	})
}

// FuzzAppendIndented indents arbitrary bytes without panicking, and any
// valid JSON, compacted, exactly as json.Indent does.
func FuzzAppendIndented(f *testing.F) {
	for _, tt := range indentCases {
		f.Add([]byte(tt.src))
	}
	for _, s := range []string{`{"a": [1, 2] }`, `"unterminated`, `["\`, `}}]]`, ` [ ] `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		appendIndented(nil, data, "  ", "  ")
		if !json.Valid(data) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		checkIndented(t, compact.Bytes())
	})
}

// BenchmarkIndentReport indents the compact JSON of a report of a
// paragraph of a speech, as --format json does, with appendIndented and
// with json.Indent.
func BenchmarkIndentReport(b *testing.B) {
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: "s1", Text: "Russia bears full responsibility for this war, " +
		"and we call on all states to act now. The sovereignty of Ukraine is not negotiable; those who shelled the city must answer for it. " +
		"We want peace, but not at the price of our independence."})
	if err != nil {
		b.Fatal(err)
	}
	src, err := r.AppendJSON(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("appendIndented", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		var dst []byte
		for b.Loop() {
			dst = appendIndented(dst[:0], src, "  ", "  ")
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		var dst bytes.Buffer
		for b.Loop() {
			dst.Reset()
			if err := json.Indent(&dst, src, "  ", "  "); err != nil {
				b.Fatal(err)
			}
		}
	})
}
