package tokenize

import "github.com/kljensen/snowball/english"

// maxFastStem is the longest word stemASCII takes: its buffer holds the
// word and the one letter step 1b may add.
const maxFastStem = 64

// stemASCII stems w exactly as english.Stem(w, stemStopWords) of
// github.com/kljensen/snowball does (the Porter2 algorithm in that
// package's reading), for a word of at most maxFastStem ASCII bytes with
// no upper-case letter, white space or control byte and no leading
// apostrophe; ok is false for any other word, which the caller stems with
// Snowball. Snowball converts the word and every suffix it tries to runes,
// about 10,000 instructions and a dozen allocations a word; this works in
// a byte buffer on the stack and returns a prefix of w when the stem is
// one (most stems are), so it allocates only when a step replaced letters.
// TestStemASCII and FuzzStemASCII hold it to Snowball.
//
// Each step below names the suffixes it tries in Snowball's order: the
// first that ends the word is the one a step acts on, even when a later,
// shorter one would pass the step's region test.
func stemASCII(w string, stemStopWords bool) (stem string, ok bool) {
	if len(w) == 0 || len(w) > maxFastStem || w[0] == '\'' {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c <= ' ' || c >= 0x7f || 'A' <= c && c <= 'Z' {
			return "", false
		}
	}
	if len(w) <= 2 || !stemStopWords && english.IsStopWord(w) {
		return w, true
	}
	if s, ok := invariantStem(w); ok {
		return s, true
	}
	var s stemBuf
	s.n = copy(s.b[:], w)
	s.regions()
	s.step0()
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return s.result(w), true
}

// invariantStem returns the stem Porter2 gives a word it lists as an
// exception (before any step), and false for other words.
func invariantStem(w string) (string, bool) {
	switch w {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes":
		return w, true
	case "inning", "outing", "canning", "herring", "earring",
		"proceed", "exceed", "succeed":
		return w, true
	case "innings", "outings", "cannings", "herrings", "earrings",
		"proceeds", "exceeds", "succeeds":
		return w[:len(w)-1], true
	case "proceeded", "exceeded", "succeeded":
		return w[:len(w)-2], true
	case "proceeding", "exceeding", "succeeding":
		return w[:len(w)-3], true
	}
	return "", false
}

// stemBuf is a word being stemmed: its bytes b[:n] (a y that acts as a
// consonant is upper case until the end), and the starts of its regions
// R1 and R2, never beyond n.
type stemBuf struct {
	b      [maxFastStem + 1]byte
	n      int
	r1, r2 int
}

// isVowel reports whether c is one of a, e, i, o, u, y (a lower-case y:
// an upper-case Y is a consonant).
func isVowel(c byte) bool { return vowels[c] }

// vowels marks a, e, i, o, u and y.
var vowels = [256]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true}

// regions marks the consonant y's (first letter, or after a vowel) and
// sets R1 and R2: each starts after the first non-vowel that follows a
// vowel in what precedes it, and R1 after gener, commun or arsen.
func (s *stemBuf) regions() {
	for i := 0; i < s.n; i++ {
		// In order: a y after a Y made just before is not after a vowel.
		if s.b[i] == 'y' && (i == 0 || isVowel(s.b[i-1])) {
			s.b[i] = 'Y'
		}
	}
	switch {
	case s.hasPrefix("gener"):
		s.r1 = 5
	case s.hasPrefix("commun"):
		s.r1 = 6
	case s.hasPrefix("arsen"):
		s.r1 = 5
	default:
		s.r1 = s.afterVowelConsonant(0)
	}
	s.r2 = s.afterVowelConsonant(s.r1)
}

// afterVowelConsonant returns the position after the first non-vowel that
// follows a vowel in b[from:n], or n.
func (s *stemBuf) afterVowelConsonant(from int) int {
	for j := from + 1; j < s.n; j++ {
		if isVowel(s.b[j-1]) && !isVowel(s.b[j]) {
			return j + 1
		}
	}
	return s.n
}

func (s *stemBuf) hasPrefix(p string) bool {
	return len(p) <= s.n && string(s.b[:len(p)]) == p
}

// hasSuffix reports whether the word ends in x, comparing from the end,
// where most suffixes already differ.
func (s *stemBuf) hasSuffix(x string) bool {
	if len(x) > s.n {
		return false
	}
	b := s.b[s.n-len(x) : s.n]
	for i := len(x) - 1; i >= 0; i-- {
		if b[i] != x[i] {
			return false
		}
	}
	return true
}

// setLen cuts or extends the word to n bytes; the regions never start
// beyond its end.
func (s *stemBuf) setLen(n int) {
	s.n = n
	s.r1 = min(s.r1, n)
	s.r2 = min(s.r2, n)
}

// replace puts repl in place of the word's last k bytes.
func (s *stemBuf) replace(k int, repl string) {
	n := s.n - k
	copy(s.b[n:], repl)
	s.setLen(n + len(repl))
}

// inR1 and inR2 report whether the last k bytes lie in R1 or R2.
func (s *stemBuf) inR1(k int) bool { return k <= s.n-s.r1 }
func (s *stemBuf) inR2(k int) bool { return k <= s.n-s.r2 }

// endsShortSyllable reports whether b[:i] ends in a short syllable: a
// vowel and a non-vowel at the start of a word of two letters, or a
// non-vowel, a vowel and a non-vowel other than w, x and Y.
func (s *stemBuf) endsShortSyllable(i int) bool {
	switch {
	case i == 2:
		return isVowel(s.b[0]) && !isVowel(s.b[1])
	case i >= 3:
		c1, c2, c3 := s.b[i-1], s.b[i-2], s.b[i-3]
		return !isVowel(c1) && c1 != 'w' && c1 != 'x' && c1 != 'Y' && isVowel(c2) && !isVowel(c3)
	}
	return false
}

// isShort reports whether the word is short: R1 is empty and it ends in a
// short syllable.
func (s *stemBuf) isShort() bool { return s.r1 >= s.n && s.endsShortSyllable(s.n) }

// step0 removes a possessive: 's', 's or '.
func (s *stemBuf) step0() {
	for _, x := range [...]string{"'s'", "'s", "'"} {
		if s.hasSuffix(x) {
			s.setLen(s.n - len(x))
			return
		}
	}
}

// step1a handles plural endings: sses, ied, ies, us, ss, s.
func (s *stemBuf) step1a() {
	switch {
	case s.hasSuffix("sses"):
		s.replace(4, "ss")
	case s.hasSuffix("ied"), s.hasSuffix("ies"):
		if s.n > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case s.hasSuffix("us"), s.hasSuffix("ss"):
	case s.hasSuffix("s"):
		// Deleted when a vowel comes before the letter before the s.
		for i := 0; i < s.n-2; i++ {
			if isVowel(s.b[i]) {
				s.setLen(s.n - 1)
				return
			}
		}
	}
}

// step1b handles eedly, ingly, edly, ing, eed, ed.
func (s *stemBuf) step1b() {
	var k int
	eed := false
	switch {
	case s.hasSuffix("eedly"):
		k, eed = 5, true
	case s.hasSuffix("ingly"):
		k = 5
	case s.hasSuffix("edly"):
		k = 4
	case s.hasSuffix("ing"):
		k = 3
	case s.hasSuffix("eed"):
		k, eed = 3, true
	case s.hasSuffix("ed"):
		k = 2
	default:
		return
	}
	if eed {
		if s.inR1(k) {
			s.replace(k, "ee")
		}
		return
	}
	vowel := false
	for i := 0; i < s.n-k; i++ {
		if isVowel(s.b[i]) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	r1, r2 := s.r1, s.r2
	s.setLen(s.n - k)
	switch {
	case s.hasSuffix("at"), s.hasSuffix("bl"), s.hasSuffix("iz"):
		s.b[s.n] = 'e'
		s.n++
	case s.hasSuffix("bb"), s.hasSuffix("dd"), s.hasSuffix("ff"), s.hasSuffix("gg"),
		s.hasSuffix("mm"), s.hasSuffix("nn"), s.hasSuffix("pp"), s.hasSuffix("rr"),
		s.hasSuffix("tt"):
		s.n--
	default:
		if s.isShort() {
			s.b[s.n] = 'e'
			s.n++
			s.r1, s.r2 = s.n, s.n
			return
		}
	}
	s.r1, s.r2 = min(r1, s.n), min(r2, s.n)
}

// step1c turns a final y or Y after a non-vowel (not the first letter)
// into i.
func (s *stemBuf) step1c() {
	if s.n > 2 && (s.b[s.n-1] == 'y' || s.b[s.n-1] == 'Y') && !isVowel(s.b[s.n-2]) {
		s.b[s.n-1] = 'i'
	}
}

// suffixRule is a suffix and its replacement.
type suffixRule struct{ suffix, repl string }

// step2Rules are step 2's suffixes in Snowball's order; li and ogi have
// conditions of their own.
var step2Rules = [...]suffixRule{
	{"ational", "ate"}, {"fulness", "ful"}, {"iveness", "ive"}, {"ization", "ize"},
	{"ousness", "ous"}, {"biliti", "ble"}, {"lessli", "less"}, {"tional", "tion"},
	{"alism", "al"}, {"aliti", "al"}, {"ation", "ate"}, {"entli", "ent"},
	{"fulli", "ful"}, {"iviti", "ive"}, {"ousli", "ous"}, {"anci", "ance"},
	{"abli", "able"}, {"alli", "al"}, {"ator", "ate"}, {"enci", "ence"},
	{"izer", "ize"}, {"bli", "ble"}, {"ogi", "og"}, {"li", ""},
}

// suffixesByLast holds rules by the last letter of their suffix, in their
// order: a word can only end in the suffixes of its own last letter, so
// the first of those that ends it is the first of all the rules.
type suffixesByLast [26][]suffixRule

// byLast sorts rules by the last letter of their suffix.
func byLast(rules []suffixRule) *suffixesByLast {
	var t suffixesByLast
	for _, r := range rules {
		c := r.suffix[len(r.suffix)-1] - 'a'
		t[c] = append(t[c], r)
	}
	return &t
}

// of returns the rules whose suffix ends in the word's last letter.
func (t *suffixesByLast) of(s *stemBuf) []suffixRule {
	if s.n == 0 {
		return nil
	}
	c := s.b[s.n-1] - 'a'
	if c >= 26 {
		return nil
	}
	return t[c]
}

// first returns the first of the rules whose suffix ends the word, in
// their order, or false when none does.
func (t *suffixesByLast) first(s *stemBuf) (suffixRule, bool) {
	for _, r := range t.of(s) {
		if s.hasSuffix(r.suffix) {
			return r, true
		}
	}
	return suffixRule{}, false
}

var (
	step2ByLast = byLast(step2Rules[:])
	step3ByLast = byLast(step3Rules[:])
	step4ByLast = byLast(step4Rules[:])
)

// step2 replaces derivational suffixes in R1.
func (s *stemBuf) step2() {
	r, ok := step2ByLast.first(s)
	k := len(r.suffix)
	if !ok || !s.inR1(k) {
		return
	}
	switch r.suffix {
	case "li":
		// Only after c, d, e, g, h, k, m, n, r or t.
		if s.n >= 3 {
			switch s.b[s.n-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				s.setLen(s.n - k)
			}
		}
	case "ogi":
		if s.n >= 4 && s.b[s.n-4] == 'l' {
			s.replace(k, r.repl)
		}
	default:
		s.replace(k, r.repl)
	}
}

// step3Rules are step 3's suffixes in Snowball's order; ative has a
// condition of its own.
var step3Rules = [...]suffixRule{
	{"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"},
	{"ative", ""}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

// step3 replaces further derivational suffixes in R1.
func (s *stemBuf) step3() {
	r, ok := step3ByLast.first(s)
	k := len(r.suffix)
	switch {
	case !ok || !s.inR1(k):
	case r.suffix == "ative":
		// Only when R2 holds it.
		if s.n-s.r2 >= 5 {
			s.setLen(s.n - k)
		}
	default:
		s.replace(k, r.repl)
	}
}

// step4Rules are step 4's suffixes in Snowball's order, all removed.
var step4Rules = [...]suffixRule{
	{"ement", ""}, {"ance", ""}, {"ence", ""}, {"able", ""}, {"ible", ""}, {"ment", ""},
	{"ent", ""}, {"ant", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""},
	{"ive", ""}, {"ize", ""}, {"ion", ""}, {"al", ""}, {"er", ""}, {"ic", ""},
}

// step4 removes suffixes in R2; ion only after s or t.
func (s *stemBuf) step4() {
	r, ok := step4ByLast.first(s)
	k := len(r.suffix)
	if !ok || !s.inR2(k) {
		return
	}
	if r.suffix == "ion" && (s.n < 4 || s.b[s.n-4] != 's' && s.b[s.n-4] != 't') {
		return
	}
	s.setLen(s.n - k)
}

// step5 removes a final e in R2, or in R1 when no short syllable precedes
// it, and one l of a final ll in R2.
func (s *stemBuf) step5() {
	last := s.n - 1
	if s.r1 > last {
		return
	}
	switch {
	case s.b[last] == 'e':
		if s.r2 <= last || !s.endsShortSyllable(last) {
			s.setLen(last)
		}
	case s.r2 <= last && s.b[last] == 'l' && last >= 1 && s.b[last-1] == 'l':
		s.setLen(last)
	}
}

// result returns the stem with its Y's in lower case: w's own prefix when
// it is one, a new string otherwise.
func (s *stemBuf) result(w string) string {
	for i := 0; i < s.n; i++ {
		if s.b[i] == 'Y' {
			s.b[i] = 'y'
		}
	}
	if s.n <= len(w) && string(s.b[:s.n]) == w[:s.n] {
		return w[:s.n]
	}
	return string(s.b[:s.n])
}
