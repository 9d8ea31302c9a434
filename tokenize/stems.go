package tokenize

import (
	_ "embed"
	"strings"

	"github.com/kljensen/snowball/english"
)

// stemsEnglish holds the Snowball stems of the words of the default
// lexicon's stem patterns and of the project's annotated sentences, one
// "word stem" line per word, sorted by word. Snowball converts every
// suffix it tries to runes, about 10,000 instructions a word; the default
// lexicon's 122 stem patterns and the first words of a statement cost a
// one-statement run more than 3 million instructions there. A word found
// here costs a binary search of the embedded text, which needs no index
// built at start-up. TestStemTable checks every line against Snowball, so
// a table made with another version of it fails the tests, and a word
// missing from it is stemmed by Snowball as before.
//
//go:generate go run ./internal/stemgen -o stems_en.txt ../lexicon/default.lex ../../shared/eval/train.jsonl
//go:embed stems_en.txt
var stemsEnglish string

// stemEnglish is english.Stem, with the stems of stemsEnglish looked up.
func stemEnglish(w string, stemStopWords bool) string {
	if stemStopWords {
		if s, ok := lookupStem(stemsEnglish, w); ok {
			return s
		}
	}
	return english.Stem(w, stemStopWords)
}

// lookupStem returns the stem of w in tab, lines of "word stem" sorted by
// word, by binary search on the bytes: the line that starts first at or
// after the middle of the range is compared (the range's first line when
// none does), its ends found with the library's forward search.
func lookupStem(tab, w string) (string, bool) {
	lo, hi := 0, len(tab) // both at the start of a line
	for lo < hi {
		s := lo + (hi-lo)/2
		if s > lo && tab[s-1] != '\n' {
			if k := strings.IndexByte(tab[s:hi], '\n'); k >= 0 && s+k+1 < hi {
				s += k + 1
			} else {
				s = lo
			}
		}
		e := strings.IndexByte(tab[s:hi], '\n')
		if e < 0 {
			return "", false // a table without its last line break
		}
		e += s
		line := tab[s:e]
		sp := strings.IndexByte(line, ' ')
		if sp < 0 {
			return "", false
		}
		switch key := line[:sp]; {
		case key == w:
			return line[sp+1:], true
		case key < w:
			lo = e + 1
		default:
			hi = s
		}
	}
	return "", false
}
