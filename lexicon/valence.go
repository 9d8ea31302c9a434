package lexicon

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/rhetorica/rhetorica/tokenize"
)

// The categories that a valence lexicon ([FormatVADER], [FormatAFINN]) is
// read into.
const (
	PositiveCategory = "positive" // words with a valence > 0, weighted by it
	NegativeCategory = "negative" // words with a valence < 0, weighted by its absolute value
)

// parseValence reads a word list with one valence per word, tab-separated:
// VADER's "word<TAB>mean<TAB>sd<TAB>ratings" (vader says whether the mean
// must be followed by the two other fields) or AFINN's "word<TAB>integer".
//
// The mapping: a word whose valence v is > 0 becomes an entry of the
// category "positive" with weight v; a word with v < 0 an entry of
// "negative" with weight |v|; a word with v = 0 carries no sentiment and is
// left out (with a warning). The hit count of each category is then the
// number of positive or negative words, and its weight the summed valence
// (on VADER's scale of 0 to 4, AFINN's 1 to 5).
//
// The words are literal: a word holding a character that is pattern syntax
// here (* ~ _ =, or a leading # @ !), or that does not tokenize into a pattern (a lone
// punctuation mark), is left out with a warning, as is a word that differs
// from an earlier one of the same category only in case or in characters
// that normalise alike (":D" and ":d"), which would count twice.
func parseValence(name string, text string, vader bool) (*Lexicon, error) {
	b := newForeignBuilder(name, true)
	// Both categories exist from the start, positive first, so that their
	// order does not depend on the first word; an empty one is dropped.
	top := Position{File: name, Line: 1, Col: 1}
	pos, neg := b.category(PositiveCategory, "", top), b.category(NegativeCategory, "", top)
	seen := map[string]bool{}
	format := "AFINN"
	if vader {
		format = "VADER"
	}
	b.expect(strings.Count(text, "\n") + 1) // about one entry a line
	for l := range textLines(text) {
		if !checkLine(&b.errs, name, l) {
			continue
		}
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		fields := strings.Split(l.text, "\t")
		word := strings.TrimSpace(fields[0])
		wordAt := strings.Index(l.text, word)
		switch {
		case word == "":
			b.errorf(b.pos(l, 0), ErrEmptyPattern, "a line without a word")
			continue
		case len(fields) < 2:
			b.errorf(b.pos(l, len(l.text)), ErrSyntax, "word %q has no valence: want word<TAB>valence (%s)", clip(word), format)
			continue
		case vader && len(fields) != 4:
			b.errorf(b.pos(l, len(l.text)), ErrSyntax, "word %q: %d tab-separated fields, want 4 (word, mean, standard deviation, ratings)", clip(word), len(fields))
			continue
		case !vader && len(fields) != 2:
			b.errorf(b.pos(l, len(fields[0])+len(fields[1])+1), ErrSyntax, "word %q: %d tab-separated fields, want 2 (word, valence)", clip(word), len(fields))
			continue
		}
		valAt := len(fields[0]) + 1
		vs := strings.TrimSpace(fields[1])
		var v float64
		var err error
		if vader {
			v, err = strconv.ParseFloat(vs, 64)
		} else {
			var n int
			n, err = strconv.Atoi(vs)
			v = float64(n)
		}
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			want := "a decimal number"
			if !vader {
				want = "an integer"
			}
			b.errorf(b.pos(l, valAt), ErrBadWeight, "word %q: valence %q is not %s", clip(word), clip(vs), want)
			continue
		}
		wpos := b.pos(l, wordAt)
		if v == 0 {
			b.warnf(wpos, ErrBadWeight, "word %q left out: valence 0 is neither positive nor negative", clip(word))
			continue
		}
		if off, msg := foreignPattern(word, "*~_="); msg != "" {
			b.warnf(b.pos(l, wordAt+off), ErrSyntax, "word %q left out: %s", clip(word), msg)
			continue
		}
		cat, cname := pos, PositiveCategory
		if v < 0 {
			cat, cname = neg, NegativeCategory
		}
		key := cname + "\x00" + strings.Join(strings.Fields(tokenize.Normalize(word)), " ")
		if seen[key] {
			b.warnf(wpos, ErrDuplicate, "word %q left out: it normalises like an earlier word of %q", clip(word), cname)
			continue
		}
		seen[key] = true
		b.entry(cat, word, math.Abs(v), wpos)
	}
	b.def.Categories[pos].Description = "Words of positive valence (" + format + "), weighted by it."
	b.def.Categories[neg].Description = "Words of negative valence (" + format + "), weighted by its absolute value."
	b.flushEntries()
	used := []bool{len(b.def.Categories[pos].Entries) > 0, len(b.def.Categories[neg].Entries) > 0}
	if !used[0] && !used[1] && len(b.errs) == 0 {
		b.errorf(top, ErrEmptyCategory, "no word with a valence other than 0")
	}
	b.keepCategories(used)
	return b.finish()
}

// sniffValence tells a VADER file from an AFINN file by its first
// non-empty line: four tab-separated fields is VADER, two is AFINN.
func sniffValence(text string) (Format, bool) {
	for l := range textLines(text) {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		switch strings.Count(l.text, "\t") {
		case 3:
			return FormatVADER, true
		case 1:
			return FormatAFINN, true
		}
		return FormatAuto, false
	}
	return FormatAuto, false
}

// foreignPattern checks a word or phrase of a foreign format that is to be
// taken literally, apart from the syntax the format shares with ours: it
// returns the offset and a description of the first character that is
// pattern syntax here (one of literal, or a leading # @ !), or of why the
// word is no pattern at all (a lone punctuation mark), and "" when the word
// is fine.
func foreignPattern(word, literal string) (int, string) {
	if k := strings.IndexAny(word, literal); k >= 0 {
		return k, fmt.Sprintf("%q is pattern syntax here, so the word would not match literally", word[k:k+1])
	}
	if c := word[0]; c == '#' || c == '@' || c == '!' {
		return 0, fmt.Sprintf("a pattern may not begin with %q", c)
	}
	if _, off, err := parsePattern(word, ""); err != nil {
		return off, "it is not a pattern: " + errText(err)
	}
	return 0, ""
}
