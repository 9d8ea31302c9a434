package tokenize

import (
	_ "embed"
	"strings"

	"github.com/kljensen/snowball/english"
)

// stemsEnglish holds the Snowball stems of the words of the default
// lexicon's stem patterns and of the built-in model's word features, one
// "word stem" line per word, sorted by word. Snowball converts every
// suffix it tries to runes, about 10,000 instructions a word; the default
// lexicon's 122 stem patterns and the first words of a statement cost a
// one-statement run more than 3 million instructions there. A word found
// here costs a binary search on the lines that stemsEnglishIndex locates
// (see lookupEnglishStem). TestStemTable checks every line against
// Snowball, so a table made with another version of it fails the tests,
// and a word missing from it is stemmed by Snowball as before.
//
//go:generate go run ./internal/stemgen -o stems_en.txt -index stems_en.idx ../lexicon/default.lex ../rhetoric/model.gz
//go:embed stems_en.txt
var stemsEnglish string

// stemsEnglishIndex locates the lines of stemsEnglish, as stemIndex.at
// does: written with the table, so that no run searches the text for its
// line breaks (about 3,000 instructions a lookup) or indexes it (about
// 450,000 instructions). TestStemTable checks that it is the index of the
// table.
//
//go:embed stems_en.idx
var stemsEnglishIndex string

// stemEnglish is english.Stem, with the stems of stemsEnglish looked up.
func stemEnglish(w string, stemStopWords bool) string {
	if stemStopWords {
		if s, ok := lookupEnglishStem(w); ok {
			return s
		}
	}
	return english.Stem(w, stemStopWords)
}

// englishStems is the index of stemsEnglish.
var englishStems = stemIndex{tab: stemsEnglish, at: stemsEnglishIndex}

// lookupEnglishStem returns the stem of w in stemsEnglish: a binary search
// on its lines, comparing a dozen words.
func lookupEnglishStem(w string) (string, bool) { return englishStems.lookup(w) }

// stemIndex locates the lines of a table of stems: the little-endian
// uint32 numbers at[8i:8i+4] and at[8i+4:8i+8] are where line i starts and
// where its space is. A line without a space or a line break is left out.
type stemIndex struct {
	tab string
	at  string
}

// pos returns the k-th number of the index.
func (x stemIndex) pos(k int) int {
	b := x.at[4*k : 4*k+4]
	return int(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24)
}

// key returns the word of line i, or false when the index does not fit
// the table (a table regenerated without its index).
func (x stemIndex) key(i int) (string, bool) {
	s, sp := x.pos(2*i), x.pos(2*i+1)
	if s > sp || sp >= len(x.tab) {
		return "", false
	}
	return x.tab[s:sp], true
}

// lookup returns the stem of w, by binary search on the lines, which are
// sorted by word.
func (x stemIndex) lookup(w string) (string, bool) {
	n := len(x.at) / 8
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		k, ok := x.key(mid)
		if !ok {
			return "", false
		}
		if k < w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == n {
		return "", false
	}
	if k, ok := x.key(lo); !ok || k != w {
		return "", false
	}
	stem := x.tab[x.pos(2*lo+1)+1:]
	e := strings.IndexByte(stem, '\n')
	if e < 0 {
		return "", false
	}
	return stem[:e], true
}
