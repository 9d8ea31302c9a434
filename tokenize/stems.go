package tokenize

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kljensen/snowball/english"
)

// stemsEnglish holds the Snowball stems of the words of the default
// lexicon's stem patterns and of the built-in model's word features, one
// "word stem" line per word, sorted by word. Snowball converts every
// suffix it tries to runes, about 10,000 instructions a word; the default
// lexicon's 122 stem patterns and the first words of a statement cost a
// one-statement run more than 3 million instructions there. A word found
// here costs a binary search of the embedded text (see
// lookupEnglishStem). TestStemTable checks every line against Snowball, so
// a table made with another version of it fails the tests, and a word
// missing from it is stemmed by Snowball as before.
//
//go:generate go run ./internal/stemgen -o stems_en.txt ../lexicon/default.lex ../rhetoric/model.gz
//go:embed stems_en.txt
var stemsEnglish string

// stemEnglish is english.Stem, with the stems of stemsEnglish looked up.
func stemEnglish(w string, stemStopWords bool) string {
	if stemStopWords {
		if s, ok := lookupEnglishStem(w); ok {
			return s
		}
	}
	return english.Stem(w, stemStopWords)
}

// stemTextLookups counts the lookups made in the text of stemsEnglish
// before it is indexed; see lookupEnglishStem.
var stemTextLookups atomic.Int32

// lookupEnglishStem returns the stem of w in stemsEnglish. The first
// 1,024 lookups search the text (about 3,000 instructions each: the search
// looks for line breaks); later ones use an index of its lines, built
// once (about 450,000 instructions), after which a lookup compares a dozen
// words and searches no bytes. A one-statement run needs a few hundred
// lookups, which the index would not repay; a corpus run needs one for
// each new word.
func lookupEnglishStem(w string) (string, bool) {
	if stemTextLookups.Load() < 1024 {
		stemTextLookups.Add(1)
		return lookupStem(stemsEnglish, w)
	}
	return englishStems().lookup(w)
}

// englishStems indexes stemsEnglish.
var englishStems = sync.OnceValue(func() stemIndex { return newStemIndex(stemsEnglish) })

// stemIndex locates the lines of a table of stems: at[2i] is where line i
// starts and at[2i+1] where its space is. A line without a space or a line
// break is left out.
type stemIndex struct {
	tab string
	at  []uint32
}

func newStemIndex(tab string) stemIndex {
	x := stemIndex{tab: tab, at: make([]uint32, 0, 2*(len(tab)/8+1))}
	for s := 0; s < len(tab); {
		e := strings.IndexByte(tab[s:], '\n')
		if e < 0 {
			break
		}
		e += s
		if sp := strings.IndexByte(tab[s:e], ' '); sp >= 0 {
			x.at = append(x.at, uint32(s), uint32(s+sp))
		}
		s = e + 1
	}
	return x
}

// lookup returns the stem of w, by binary search on the lines, which are
// sorted by word.
func (x stemIndex) lookup(w string) (string, bool) {
	lo, hi := 0, len(x.at)/2
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if x.tab[x.at[2*mid]:x.at[2*mid+1]] < w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == len(x.at)/2 || x.tab[x.at[2*lo]:x.at[2*lo+1]] != w {
		return "", false
	}
	stem := x.tab[x.at[2*lo+1]+1:]
	return stem[:strings.IndexByte(stem, '\n')], true
}

// lookupStem returns the stem of w in tab, lines of "word stem" sorted by
// word, by binary search on the bytes, with no index: the line that
// starts first at or after the middle of the range is compared (the
// range's first line when none does).
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
