package tokenize

import "github.com/kljensen/snowball/english"

// stemEnglish is english.Stem of github.com/kljensen/snowball: stemASCII
// for a plain lower-case ASCII word, which is nearly every word, and
// Snowball for the rest.
func stemEnglish(w string, stemStopWords bool) string {
	if s, ok := stemASCII(w, stemStopWords); ok {
		return s
	}
	return english.Stem(w, stemStopWords)
}
