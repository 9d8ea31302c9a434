package suggest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/lexicon/suggest/wordnet"
	"github.com/rhetorica/rhetorica/tokenize"
)

// wordNetRelations are the relations that propose a candidate: lemmas of
// the same synset, and of the synsets an adjective is similar to.
const wordNetRelations = wordnet.Synonym | wordnet.Similar

// wordNetCues proposes the WordNet candidates of one device.
type wordNetCues struct {
	wn     *wordnet.WordNet
	lex    *lexicon.Lexicon
	cat    int // the device's category in lex
	tok    *tokenize.Tokenizer
	c      *collector
	cues   []Cue // per candidate: the statistics for this device (Count 0: none)
	minSup int
	minP   float64
	lemmas int // distinct lemmas proposed that the category does not match
}

// covered reports whether the lexicon's category matches in doc.
func (w *wordNetCues) covered(doc *tokenize.Document, matches *[]lexicon.Match) bool {
	*matches = w.lex.Matcher().Find(doc, (*matches)[:0])
	return slices.ContainsFunc(*matches, func(m lexicon.Match) bool {
		return m.Kind == lexicon.CategoryMatch && m.Index == w.cat
	})
}

// entryWord returns the word a one-word entry stands for: "~accuse" ->
// "accuse", "perpetrator*" -> "perpetrator", "pernicious"; "" for phrases,
// gaps and patterns that are not plain lower-case words.
func entryWord(p string) string {
	p = strings.TrimPrefix(p, "~")
	p = strings.TrimSuffix(p, "*")
	if p == "" {
		return ""
	}
	for _, r := range p {
		if !('a' <= r && r <= 'z') && r != '-' {
			return ""
		}
	}
	return p
}

// propose returns the WordNet candidates of the device: for each one-word
// entry of its category (in lexicon order), the lemmas WordNet relates to
// it (wordNetRelations, every sense and part of speech) that the category
// does not match yet, written as the collector's candidate for them (see
// candidate: a one-word lemma as its ~stem or as the word, a lemma of two
// or three words as a phrase), with the candidate's statistics on the
// data. A lemma the data never shows with the device, or whose candidates
// fall below the support and precision thresholds, is dropped, and so is
// one whose stem's most frequent form the category
// matches (a variant of an entry, not a synonym); one that ranked already
// (in ranked) is not repeated but marked there (Cue.WordNet). Sorted as Device.Cues. w.lemmas counts the
// distinct lemmas proposed before the data is consulted.
func (w *wordNetCues) propose(ranked []Cue) []Cue {
	var out []Cue
	seen := map[string]bool{}
	rank := map[string]int{}
	for i, c := range ranked {
		rank[c.Pattern] = i
	}
	var doc tokenize.Document
	var matches []lexicon.Match
	lemmas := map[string]bool{}
	for j := range w.lex.NumEntries(w.cat) {
		e := w.lex.Entry(w.cat, j)
		word := entryWord(e.Pattern)
		if word == "" {
			continue
		}
		for _, r := range w.wn.Related(word, wordNetRelations, 0) {
			if w.tok.TokenizeInto(&doc, r.Lemma) != nil {
				continue
			}
			// The category matches the lemma already (a stem or wildcard
			// of the lexicon covers it): nothing new.
			if w.covered(&doc, &matches) {
				continue
			}
			if !lemmas[r.Lemma] {
				lemmas[r.Lemma] = true
				w.lemmas++
			}
			ci := w.candidate(doc.Tokens)
			if ci < 0 || seen[w.cues[ci].Pattern] {
				continue
			}
			how := "synonym of "
			if r.Relation == wordnet.Similar {
				how = "similar to "
			}
			if i, ok := rank[w.cues[ci].Pattern]; ok {
				if c := &ranked[i]; !c.InLexicon && c.WordNet == "" {
					c.WordNet = how + e.Pattern
				}
				continue
			}
			// The candidate generalises the lemma to a stem whose most
			// frequent form the category matches ("unacceptable" for the
			// lemma "unaccepted"): a variant of an entry, not a synonym.
			if p := w.cues[ci].Pattern; w.tok.TokenizeInto(&doc, strings.TrimPrefix(p, "~")) != nil || w.covered(&doc, &matches) {
				continue
			}
			cue := w.cues[ci]
			seen[cue.Pattern] = true
			cue.WordNet = how + e.Pattern
			out = append(out, cue)
		}
	}
	slices.SortFunc(out, func(x, y Cue) int {
		return cmp.Or(cmp.Compare(y.Z, x.Z), strings.Compare(x.Pattern, y.Pattern))
	})
	return out
}

// candidate returns the collector's candidate for a lemma's tokens, or -1
// when the data has none that passes the thresholds: a phrase of two or
// three words, or for one word its stem or the word itself (or the one
// form of its stem the data has, when it lacks the word), whichever
// passes; when both do, the stem if it is about as precise as the word
// (within 0.05, as Suggest prefers general forms), else the word.
func (w *wordNetCues) candidate(toks []tokenize.Token) int32 {
	if len(toks) == 0 || len(toks) > 3 {
		return -1
	}
	for i := range toks {
		if toks[i].Kind != tokenize.Word {
			return -1
		}
	}
	has := func(key string) int32 {
		i, ok := w.c.index[key]
		if !ok {
			return -1
		}
		if c := &w.cues[i]; c.Count == 0 || c.Support == 0 || c.Support < w.minSup || c.Precision < w.minP {
			return -1
		}
		return i
	}
	if len(toks) > 1 {
		norms := make([]string, len(toks))
		for i := range toks {
			norms[i] = toks[i].Norm
		}
		return has(strings.Join(norms, " "))
	}
	wi := has(toks[0].Norm)
	si := int32(-1)
	if stemmable(&toks[0]) {
		si = has("~" + toks[0].Stem)
		// The data has one form of the stem only (no stem candidate):
		// "accused" stands for the lemma "accuse".
		if sf := w.c.stems[toks[0].Stem]; wi < 0 && sf != nil && len(sf.forms) == 1 {
			for form := range sf.forms {
				wi = has(form)
			}
		}
	}
	switch {
	case si < 0:
		return wi
	case wi < 0 || w.cues[si].Precision >= w.cues[wi].Precision-0.05:
		return si
	}
	return wi
}
