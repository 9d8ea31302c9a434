package eval

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestWindow(t *testing.T) {
	// Sentences: "Two is here." [5,17), "Three?" [18,24), "Four!" [25,30),
	// "Five five five." [32,47), "Six." [48,52). A context starts where a
	// sentence may start and ends where the next one may (after blanks).
	const text = "One. Two is here. Three? Four!\n\nFive five five. Six."
	tests := []struct {
		name              string
		start, end, w     int
		wantLo, wantHi    int
		wantContextString string
	}{
		{"whole text within reach", 18, 24, 100, 0, len(text), text},
		{"cut after a full stop, and at a blank line", 18, 24, 14, 5, 32, "Two is here. Three? Four!\n\n"},
		{"cut after a question mark", 25, 30, 7, 18, 32, "Three? Four!\n\n"},
		{"an exclamation mark before a line break", 32, 47, 3, 31, 48, "\nFive five five. "},
		{"no boundary in reach before the text keeps its start", 5, 17, 2, 5, 18, "Two is here. "},
		{"no boundary in reach after the text keeps its end", 48, 50, 1, 48, 50, "Si"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := window1(text, tt.start, tt.end, tt.w)
			if diff := cmp.Diff([]int{tt.wantLo, tt.wantHi}, []int{lo, hi}); diff != "" {
				t.Errorf("window1(%d, %d, %d) (-want +got):\n%s", tt.start, tt.end, tt.w, diff)
			}
			if got := text[lo:hi]; got != tt.wantContextString {
				t.Errorf("context %q, want %q", got, tt.wantContextString)
			}
		})
	}
}

func TestSameText(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"a b", "a b", true},
		{"the scale of the\nopportunities", "the scale of the opportunities", true},
		{"risks.\u00a0 These", "risks. These", true},
		{"  padded \n", "padded", true},
		{"a b", "ab", false},
		{"a b", "a c", false},
		{"a b", "a b c", false},
		{"", "", true},
		{" ", "", true},
	}
	for _, tt := range tests {
		if got := sameText(tt.a, tt.b); got != tt.want {
			t.Errorf("sameText(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := sameText(tt.b, tt.a); got != tt.want {
			t.Errorf("sameText(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// FuzzWindow checks that a context always holds the text, stays inside the
// document and never splits a character.
func FuzzWindow(f *testing.F) {
	f.Add("One. Two is here. Three? Four!\n\nFive.", 5, 17, 8)
	f.Add("«Да.» Нет! “Quoted.” Next", 9, 14, 3)
	f.Fuzz(func(t *testing.T, text string, start, end, w int) {
		if start < 0 || end > len(text) || start > end || w <= 0 || !utf8.ValidString(text) ||
			(start < len(text) && !utf8.RuneStart(text[start])) || (end < len(text) && !utf8.RuneStart(text[end])) {
			return // AddContext's texts are valid UTF-8 and its spans hold whole characters
		}
		lo, hi := window1(text, start, end, w)
		if lo < 0 || lo > start || hi < end || hi > len(text) {
			t.Fatalf("window1(%q, %d, %d, %d) = [%d, %d): does not hold the text or leaves the document", text, start, end, w, lo, hi)
		}
		if !utf8.ValidString(text[lo:start]) || !utf8.ValidString(text[end:hi]) {
			t.Fatalf("window1(%q, %d, %d, %d) = [%d, %d) splits a character", text, start, end, w, lo, hi)
		}
	})
}
