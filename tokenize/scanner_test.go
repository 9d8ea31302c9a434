package tokenize

import "testing"

// alnumRunBytes is alnumRun byte by byte, the reference.
func alnumRunBytes(text string, i int) int {
	for i < len(text) && asciiClass[text[i]]&(cLetter|cDigit) != 0 {
		i++
	}
	return i
}

// TestAlnumRun checks the eight-bytes-at-a-time run of letters and digits
// against the byte loop at every start of texts with every boundary byte
// a run can meet: the neighbours of the ranges ('/', ':', '@', '[', '`',
// '{'), non-ASCII bytes, NUL and DEL.
func TestAlnumRun(t *testing.T) {
	texts := []string{
		"", "a", "abcdefgh", "abcdefghi", "Sovereignty and territorial integrity",
		"0123456789/:@[`{AZaz", "ABCDEFG@", "abcdefg`", "abcdefg{", "abcdefg[", "abcdefg/", "abcdefg:",
		"Zelenskyy’s", "naïve résumé", "x\x00yz\x7fabcdefghijk", "\xff\xfeabcdefgh", "1990s-era 17th",
	}
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			if got, want := alnumRun(text, i), alnumRunBytes(text, i); got != want {
				t.Errorf("alnumRun(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}

// FuzzAlnumRun compares alnumRun with the byte loop on any text.
func FuzzAlnumRun(f *testing.F) {
	f.Add("Sovereignty and territorial integrity", 0)
	f.Add("abcdefg@hijklmn", 3)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		if got, want := alnumRun(text, i), alnumRunBytes(text, i); got != want {
			t.Errorf("alnumRun(%q, %d) = %d, want %d", text, i, got, want)
		}
	})
}
