package lexicon

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestLines checks the line splitting of the line-based formats: \n, \r\n
// and \r end a line, a last line needs no terminator, and a leading BOM is
// dropped but still counts for columns. textLines must yield what
// splitLines returns, and stop when its caller does.
func TestLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []line
	}{
		{"empty", "", nil},
		{"one line", "a", []line{{text: "a", num: 1}}},
		{"newline", "a\n", []line{{text: "a", num: 1}}},
		{"line endings", "a\nb\r\nc\rd", []line{{text: "a", num: 1}, {text: "b", num: 2}, {text: "c", num: 3}, {text: "d", num: 4}}},
		{"empty lines", "\n\r\n\r", []line{{num: 1}, {num: 2}, {num: 3}}},
		{"bom", "\ufeff%\n1\tx", []line{{text: "%", num: 1, base: 3}, {text: "1\tx", num: 2}}},
		{"cr at end", "a\r", []line{{text: "a", num: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := cmp.Options{cmp.AllowUnexported(line{}), cmpopts.EquateEmpty()}
			if diff := cmp.Diff(tt.want, splitLines([]byte(tt.in)), opt); diff != "" {
				t.Errorf("splitLines (-want +got):\n%s", diff)
			}
			got := slices.Collect(textLines(tt.in))
			if diff := cmp.Diff(tt.want, got, opt); diff != "" {
				t.Errorf("textLines (-want +got):\n%s", diff)
			}
			for l := range textLines(tt.in) {
				if l != tt.want[0] {
					t.Errorf("first line %+v, want %+v", l, tt.want[0])
				}
				break
			}
		})
	}
}

// TestByteScans compares the byte scans of loading with the library
// functions they stand for: indexBreakOrEq with strings.IndexAny, and
// invalidUTF8 with a decoding loop.
func TestByteScans(t *testing.T) {
	tests := []string{"", "peace", "a=b", "line\nbreak", "carriage\rreturn", "x\r\n=", "=", "long pattern without any of them at all", "é=", "\xff", "ok \xc3", "naïve \xe2\x80 cut", "valid ’quote’"}
	for _, s := range tests {
		t.Run(s, func(t *testing.T) {
			want := []int{strings.IndexAny(s, "\r\n="), firstInvalid(s)}
			got := []int{indexBreakOrEq(s), invalidUTF8(s)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("indexBreakOrEq, invalidUTF8 (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTrimRightSpace compares trimRightSpace, which scans ASCII bytes
// itself, with strings.TrimRightFunc and unicode.IsSpace.
func TestTrimRightSpace(t *testing.T) {
	tests := []string{"", " ", "\t\n\v\f\r ", "peace", "peace \t", "a b  ", "x\x00", "x\x1f ", "naïve", "naïve ", "x\u00a0", "x \u0085 \t", "x\u2003", "\u3000", "é\t", "\xff ", "a\x0e"}
	for _, s := range tests {
		t.Run(s, func(t *testing.T) {
			if diff := cmp.Diff(strings.TrimRightFunc(s, unicode.IsSpace), trimRightSpace(s)); diff != "" {
				t.Errorf("trimRightSpace(%q) (-want +got):\n%s", s, diff)
			}
		})
	}
}
