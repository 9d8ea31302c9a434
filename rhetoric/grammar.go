package rhetoric

import (
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// The rules of the stages look for function words of the statement's
// language: the words that end a clause, undo a negation, mark an agent or
// a victim, report someone else's words. They are language data, not code:
// lexicon.DefaultGrammar holds English and Russian sets, and a lexicon's
// @grammar sections replace classes of its own language (see the lexicon
// package doc for the class names). grammar is that data compiled for
// per-token lookups: a map lookup on the token's normal form, guarded by
// a bit set of word lengths so that most tokens are rejected without
// hashing.

// wordElem is one element of a grammar phrase.
type wordElem struct {
	kind uint8 // elemWord, elemPrefix, elemSuffix or elemStem
	text string
}

const (
	elemWord uint8 = iota
	elemPrefix
	elemSuffix
	elemStem
)

func (e wordElem) matches(t *tokenize.Token) bool {
	switch e.kind {
	case elemWord:
		return t.Norm == e.text
	case elemPrefix:
		return strings.HasPrefix(t.Norm, e.text)
	case elemSuffix:
		return len(t.Norm) > len(e.text) && strings.HasSuffix(t.Norm, e.text)
	default:
		return t.Stem == e.text
	}
}

// wordClass is one compiled grammar class. Its zero value matches nothing.
type wordClass struct {
	words []string // single plain words (see has)
	// plain is the grammar's map of the plain words of all classes to
	// their bits (grammar.plain): a word is one of the class's when it
	// has the class's bit there. One map for all classes, which the
	// first analysis of a run builds; a class of its own had its own.
	plain    map[string]uint64
	lens     uint64       // bit n set when a plain word has n bytes (n < 63; bit 63 for longer)
	others   []wordElem   // single words with a wildcard or stem
	phrases  [][]wordElem // phrases of two or more words
	maxWords int          // words in the longest phrase
	bit      uint64       // the class's bit in a token's class set (see scratch.is)
	// startBit marks the plain first words of the class's phrases; it is
	// set only when every phrase starts with a plain word.
	startBit uint64
}

func lenBit(n int) uint64 {
	if n > 63 {
		n = 63
	}
	return 1 << uint(n)
}

func compileClass(words []string, lang tokenize.Language) wordClass {
	c := wordClass{words: make([]string, 0, len(words))}
	for _, w := range words {
		if oneField(w) {
			// Most words of a class are one plain word: no slice of
			// elements for them (a class is compiled in the first
			// analysis of every run).
			c.addSingle(compileElem(w, lang))
			continue
		}
		var p []wordElem
		for _, f := range strings.Fields(w) {
			p = append(p, compileElem(f, lang))
		}
		switch {
		case len(p) == 0:
		case len(p) > 1:
			c.phrases = append(c.phrases, p)
			c.maxWords = max(c.maxWords, len(p))
		default:
			c.addSingle(p[0])
		}
	}
	c.maxWords = max(c.maxWords, 1)
	return c
}

// addSingle adds a one-word member of the class: a plain word to words,
// a stem or wildcard to others.
func (c *wordClass) addSingle(e wordElem) {
	if e.kind != elemWord {
		c.others = append(c.others, e)
		return
	}
	c.words = append(c.words, e.text)
	c.lens |= lenBit(len(e.text))
}

// compileElem compiles one word of a class (one field of a phrase).
func compileElem(f string, lang tokenize.Language) wordElem {
	switch {
	case strings.HasPrefix(f, "~"):
		return wordElem{elemStem, tokenize.Stem(tokenize.Normalize(f[1:]), lang)}
	case strings.HasSuffix(f, "*"):
		return wordElem{elemPrefix, tokenize.Normalize(f[:len(f)-1])}
	case strings.HasPrefix(f, "*"):
		return wordElem{elemSuffix, tokenize.Normalize(f[1:])}
	default:
		return wordElem{elemWord, tokenize.Normalize(f)}
	}
}

// oneField reports whether strings.Fields(w) is w itself: w is not empty
// and has only ASCII bytes that are not space (other bytes go to Fields).
func oneField(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if b := w[i]; b <= ' ' || b >= 0x7f {
			return false
		}
	}
	return true
}

// has reports whether the single token t is a word of the class.
func (c *wordClass) has(t *tokenize.Token) bool {
	if c.hasNorm(t.Norm) {
		return true
	}
	for _, e := range c.others {
		if e.matches(t) {
			return true
		}
	}
	return false
}

// hasNorm reports whether the normal form norm is a plain word of the class.
func (c *wordClass) hasNorm(norm string) bool {
	if c.lens&lenBit(len(norm)) == 0 {
		return false
	}
	if c.bit == 0 {
		return slices.Contains(c.words, norm) // a class beyond the bit set (never today)
	}
	return c.plain[norm]&c.bit != 0
}

// at returns the number of tokens of the longest word or phrase of the
// class that starts at token i and ends before hi, or 0.
func (c *wordClass) at(toks []tokenize.Token, i, hi int) int {
	n := 0
	for _, p := range c.phrases {
		if i+len(p) > hi || len(p) <= n {
			continue
		}
		ok := true
		for k, e := range p {
			if !e.matches(&toks[i+k]) {
				ok = false
				break
			}
		}
		if ok {
			n = len(p)
		}
	}
	if n == 0 && i < hi && c.has(&toks[i]) {
		n = 1
	}
	return n
}

// endsAt returns the number of tokens of a word or phrase of the class that
// ends just before token end and starts at or after lo, or 0.
func (c *wordClass) endsAt(toks []tokenize.Token, lo, end int) int {
	// The first phrase p, in the class's order, such that the longest
	// phrase at end-len(p) that ends by end (at) has its length: such that
	// some phrase of its length matches there. One pass finds the lengths
	// of the phrases that match where they would end at end, a second the
	// first phrase of such a length.
	var lens uint64
	for _, p := range c.phrases {
		if len(p) >= 64 {
			return c.endsAtLong(toks, lo, end) // never today
		}
		if s := end - len(p); s >= lo && lens&(1<<len(p)) == 0 && phraseAt(p, toks, s) {
			lens |= 1 << len(p)
		}
	}
	if lens != 0 {
		for _, p := range c.phrases {
			if lens&(1<<len(p)) != 0 {
				return len(p)
			}
		}
	}
	if end-1 >= lo && c.has(&toks[end-1]) {
		return 1
	}
	return 0
}

// phraseAt reports whether phrase p matches the tokens from s on.
func phraseAt(p []wordElem, toks []tokenize.Token, s int) bool {
	for k, e := range p {
		if !e.matches(&toks[s+k]) {
			return false
		}
	}
	return true
}

// endsAtLong is endsAt as first written, by at for each phrase; endsAt
// asks it for a class with a phrase of 64 words or more.
func (c *wordClass) endsAtLong(toks []tokenize.Token, lo, end int) int {
	for _, p := range c.phrases {
		if s := end - len(p); s >= lo && c.at(toks, s, end) == len(p) {
			return len(p)
		}
	}
	if end-1 >= lo && c.has(&toks[end-1]) {
		return 1
	}
	return 0
}

// grammar is the compiled grammar of one language.
type grammar struct {
	plain     map[string]uint64 // plain word -> bits of its classes
	plainLens uint64            // lenBit of every plain word
	forms     *formIndexes      // by form ID: plain bits | clsPlain, and once found affix bits | clsAffix (see plainBits, scratch.is)
	affixes   []affixBit        // wildcard and stem words of all classes
	affixMask uint64            // bits of the classes that have some
	// Masks of the classes a rule looks for, to skip most tokens with one
	// test (see scratch.plainBits); a phrase class contributes the bit of
	// its phrases' first words (startBit).
	sourceMask, accuseMask uint64
	// frameMask and verbMask are the bits without which a sentence holds
	// no source frame (claim nouns, according, reporting, accusing and
	// appeal verbs) or no accusing frame; all bits when they cannot tell.
	frameMask, verbMask uint64
	frameQuick          quickSet // the words of the frame classes
	breakQuick          quickSet // the words of clause-break
	sourceQuick         quickSet // the words of sourceMask's classes
	accuseQuick         quickSet // the words of accuseMask's classes
	agentQuick          quickSet // the words of agent-noun, by normal form (see maybeNorm)

	clauseBreak, parenthetical, negCancel, negPrefix         wordClass
	adverb, participle, gerund                               wordClass
	auxiliary, beForm, objectGlue, ownSide, accusation       wordClass
	relPronoun, victimMarker, agentMarker, originMarker      wordClass
	fronted, impSkip, impNot, impSelf                        wordClass
	reporting, accusing, appealVerb, according, claimNoun    wordClass
	disputing, complementizer, placeName, article, genitive  wordClass
	claimOpener, preVerb, coordinator, objectLink, venue     wordClass
	anaphor, agentNoun, clauseOpener, ambigVerb, subjPronoun wordClass
	determiner, ownBody, personTitle                         wordClass
}

// slots maps the class names of the lexicon package to the fields of g.
func (g *grammar) slots() map[string]*wordClass {
	return map[string]*wordClass{
		"clause-break": &g.clauseBreak, "parenthetical": &g.parenthetical,
		"negation-canceller": &g.negCancel, "negating-prefix": &g.negPrefix,
		"adverb": &g.adverb, "participle": &g.participle, "gerund": &g.gerund,
		"auxiliary": &g.auxiliary, "be-form": &g.beForm, "object-glue": &g.objectGlue,
		"own-side": &g.ownSide, "accusation": &g.accusation, "relative-pronoun": &g.relPronoun,
		"victim-marker": &g.victimMarker, "agent-marker": &g.agentMarker, "origin-marker": &g.originMarker,
		"fronted-preposition": &g.fronted, "imperative-skip": &g.impSkip, "imperative-not": &g.impNot,
		"imperative-self": &g.impSelf, "reporting-verb": &g.reporting, "accusing-verb": &g.accusing,
		"appeal-verb": &g.appealVerb, "according": &g.according, "claim-noun": &g.claimNoun,
		"disputing": &g.disputing, "complementizer": &g.complementizer, "clause-opener": &g.clauseOpener, "ambiguous-verb": &g.ambigVerb, "subject-pronoun": &g.subjPronoun, "determiner": &g.determiner, "own-body": &g.ownBody, "person-title": &g.personTitle, "place-name": &g.placeName, "agent-noun": &g.agentNoun,
		"article": &g.article, "genitive": &g.genitive,
		"coordinator": &g.coordinator, "anaphor": &g.anaphor, "venue": &g.venue, "object-link": &g.objectLink, "claim-opener": &g.claimOpener, "pre-verb": &g.preVerb,
	}
}

// newGrammar compiles the built-in grammar of lang with the classes of own
// replacing those of the same name.
func newGrammar(lang tokenize.Language, own []lexicon.WordClass) *grammar {
	g := &grammar{forms: new(formIndexes)}
	slots := g.slots()
	for _, set := range [][]lexicon.WordClass{lexicon.DefaultGrammar(lang), own} {
		for _, c := range set {
			if s := slots[c.Name]; s != nil {
				*s = compileClass(c.Words, lang)
			}
		}
	}
	// The merged map is sized once: growing it cost more than filling it.
	n := 0
	for _, c := range slots {
		n += len(c.words) + len(c.phrases)
	}
	g.plain = make(map[string]uint64, n)
	// Give every class a bit (in the order of lexicon.GrammarClasses) and
	// merge the plain words of all classes into one map, so that a token
	// is classified with one lookup.
	for k, name := range lexicon.GrammarClasses() {
		c := slots[name]
		if c == nil || k >= 62 {
			continue
		}
		c.bit = 1 << uint(k)
		for _, w := range c.words {
			g.plain[w] |= c.bit
			g.plainLens |= lenBit(len(w))
		}
		for _, e := range c.others {
			g.affixes = append(g.affixes, affixBit{c.bit, e})
			g.affixMask |= c.bit
		}
	}
	for _, c := range slots {
		c.plain = g.plain
	}
	// Phrase classes get a second bit for their phrases' first words.
	next := len(lexicon.GrammarClasses())
	for _, name := range lexicon.GrammarClasses() {
		c := slots[name]
		if c == nil || len(c.phrases) == 0 || next >= 62 {
			continue
		}
		plainStarts := true
		for _, p := range c.phrases {
			plainStarts = plainStarts && p[0].kind == elemWord
		}
		if !plainStarts {
			continue
		}
		c.startBit = 1 << uint(next)
		next++
		for _, p := range c.phrases {
			g.plain[p[0].text] |= c.startBit
			g.plainLens |= lenBit(len(p[0].text))
		}
	}
	g.sourceMask = g.clauseBreak.any() | g.coordinator.any() | g.claimNoun.any() | g.according.any() |
		g.reporting.any() | g.accusing.any() | g.appealVerb.any()
	g.accuseMask = g.clauseBreak.any() | g.accusing.any() | g.appealVerb.any()
	g.frameMask = g.claimNoun.any() | g.according.any() | g.reporting.any() | g.accusing.any() | g.appealVerb.any()
	g.verbMask = g.accusing.any() | g.appealVerb.any()
	g.breakQuick = newQuickSet(&g.clauseBreak)
	g.sourceQuick = newQuickSet(&g.clauseBreak, &g.coordinator, &g.claimNoun, &g.according, &g.reporting, &g.accusing, &g.appealVerb)
	g.accuseQuick = newQuickSet(&g.clauseBreak, &g.accusing, &g.appealVerb)
	g.frameQuick = newQuickSet(&g.claimNoun, &g.according, &g.reporting, &g.accusing, &g.appealVerb)
	g.agentQuick = newQuickSet(&g.agentNoun)
	g.agentQuick.all = g.agentQuick.all || g.agentNoun.bit == 0 // a class beyond the bit set: no filter
	return g
}

// any returns the bits that a token may carry when it is, or starts, a
// word of c; all bits when c has wildcard or stem words or phrases that
// start with one, which the plain bits cannot show.
func (c *wordClass) any() uint64 {
	if len(c.others) > 0 || len(c.phrases) > 0 && c.startBit == 0 {
		return ^uint64(0)
	}
	return c.bit | c.startBit
}

// plainBits returns the plain-word class bits of token i (and the start
// bits of phrase classes); a token with none of a rule's mask can be
// skipped.
func (sc *scratch) plainBits(i int) uint64 {
	b := sc.cls[i]
	if b&clsPlain == 0 {
		t := &sc.toks[i]
		sl := sc.gforms.Known(t.Form) // inlined; nil for a chunk not met yet
		if sl != nil {
			if v := sl.Load(); v != 0 {
				b |= v
				sc.cls[i] = b
				return b
			}
		} else {
			sl = sc.gforms.Slot(t.Form)
		}
		var p uint64
		if sc.g.plainLens&lenBit(len(t.Norm)) != 0 {
			p = sc.g.plain[t.Norm]
		}
		if sl != nil {
			sl.Store(p | clsPlain)
		}
		b |= p | clsPlain
		sc.cls[i] = b
	}
	return b
}

// affixBit is a single-word element with a wildcard or stem and the bit of
// its class.
type affixBit struct {
	bit uint64
	e   wordElem
}

// Bits of a token's class set that say which part of it is known.
const (
	clsPlain uint64 = 1 << 63 // the plain-word classes are known
	clsAffix uint64 = 1 << 62 // the wildcard and stem classes are known
)

// is reports whether token i of the document belongs to class c. A token's
// classes are found at most once per document, on first use: one map
// lookup for all plain-word classes, and the wildcard and stem classes
// only when such a class is asked about; both are kept by form ID (see
// plainBits) for the form's later tokens.
func (sc *scratch) is(c *wordClass, i int) bool {
	b := sc.cls[i]
	if b&clsPlain == 0 {
		b = sc.plainBits(i)
	}
	if c.bit&sc.g.affixMask != 0 && b&clsAffix == 0 {
		t := &sc.toks[i]
		for _, a := range sc.g.affixes {
			if b&a.bit == 0 && a.e.matches(t) {
				b |= a.bit
			}
		}
		b |= clsAffix
		sc.cls[i] = b
		// The form's slot keeps them with its plain bits (a form is a
		// pair of normal form and stem, all that the elements match):
		// the form's next token, in this document or a later one, has
		// them from plainBits.
		if sl := sc.gforms.Known(t.Form); sl != nil {
			sl.Store(b)
		}
	}
	if c.bit == 0 {
		return c.has(&sc.toks[i]) // a class beyond the bit set (never today)
	}
	return b&c.bit != 0
}

// at is wordClass.at through the token class cache: the number of tokens
// of the longest word or phrase of c that starts at token i and ends
// before hi, or 0.
func (sc *scratch) at(c *wordClass, i, hi int) int {
	if c.startBit != 0 && sc.plainBits(i)&(c.startBit|c.bit) == 0 && c.bit&sc.g.affixMask == 0 {
		return 0 // neither a word of c nor the start of one of its phrases
	}
	if len(c.phrases) > 0 {
		return c.at(sc.toks, i, hi)
	}
	if i < hi && sc.is(c, i) {
		return 1
	}
	return 0
}

// endsAt is wordClass.endsAt through the token class cache.
func (sc *scratch) endsAt(c *wordClass, lo, end int) int {
	if len(c.phrases) > 0 {
		return c.endsAt(sc.toks, lo, end)
	}
	if end-1 >= lo && sc.is(c, end-1) {
		return 1
	}
	return 0
}

// startDoc prepares the token class cache for doc, whose grammar sc.g is.
func (sc *scratch) startDoc(doc *tokenize.Document) {
	sc.toks = doc.Tokens
	sc.gforms = nil
	if sc.g != nil {
		sc.gforms = sc.g.forms.Index(doc.FormSpace)
	}
	ns := len(doc.Sentences)
	if cap(sc.sbits) < ns {
		sc.sbits = make([]uint64, ns)
	} else {
		sc.sbits = sc.sbits[:ns]
		clear(sc.sbits)
	}
	n := len(doc.Tokens)
	if cap(sc.cls) < n {
		sc.cls = make([]uint64, n)
	} else {
		sc.cls = sc.cls[:n]
		clear(sc.cls)
	}
}

// ownSide reports whether every token of ts is a first-person word.
func (sc *scratch) isOwnSide(first, last int) bool {
	for i := first; i < last; i++ {
		if !sc.is(&sc.g.ownSide, i) {
			return false
		}
	}
	return true
}

// grammar returns the compiled grammar of lang (the analyzer's language
// when lang is unknown).
func (a *Analyzer) grammar(lang tokenize.Language) *grammar {
	if g := a.grams[lang]; g != nil {
		return g()
	}
	return a.grams[a.lang]()
}

// inPlaceName reports whether the tokens [first, last) of an actor match
// lie strictly inside a place-name phrase ("America" in "Latin America"):
// a place is not an actor, unless an alias of the lexicon covers the whole
// phrase (then the match is not strictly inside).
func (sc *scratch) inPlaceName(first, last int) bool {
	g, toks := sc.g, sc.toks
	if len(g.placeName.phrases) == 0 {
		return false
	}
	for p := max(0, first-g.placeName.maxWords+1); p <= first; p++ {
		n := sc.at(&g.placeName, p, min(len(toks), p+g.placeName.maxWords))
		if n > 0 && p+n >= last && (p < first || p+n > last) {
			return true
		}
	}
	return false
}

// inVenue reports whether the tokens [first, last) of an actor match lie
// inside (or are) a venue phrase: a forum or document where blame is voiced
// ("the United Nations", "the Security Council"), which the victim devices
// never target.
func (sc *scratch) inVenue(first, last int) bool {
	g, toks := sc.g, sc.toks
	if len(g.venue.words) == 0 && len(g.venue.phrases) == 0 && len(g.venue.others) == 0 {
		return false
	}
	for p := max(0, first-g.venue.maxWords+1); p <= first; p++ {
		if n := sc.at(&g.venue, p, min(len(toks), p+g.venue.maxWords)); n > 0 && p+n >= last {
			return true
		}
	}
	return false
}

// sentBits returns the union of the plain class bits of the words of
// sentence si that may be words of the frame classes (computed once per
// sentence): a sentence without the bit of such a class holds no word of
// it, so a rule looking for one skips the sentence. Only the frame
// classes' bits are reliable in the result.
func (sc *scratch) sentBits(doc *tokenize.Document, si int) uint64 {
	if si >= len(sc.sbits) {
		return ^uint64(0)
	}
	if b := sc.sbits[si]; b&clsPlain != 0 {
		return b
	}
	s := doc.Sentences[si]
	b := clsPlain
	q := &sc.g.frameQuick
	for i := s.First; i < s.Last; i++ {
		// Skip the run of words that q rules out without a call.
		if i += plainWords(sc.toks[i:s.Last], q); i == s.Last {
			break
		}
		if t := &sc.toks[i]; t.Kind == tokenize.Word && q.maybeTok(t) {
			b |= sc.plainBits(i)
		}
	}
	sc.sbits[si] = b
	return b
}

// quickSet is a filter over the first byte, last byte and length of the
// plain words and phrase first words of some classes: a token whose pair
// of end bytes was never seen with its length belongs to none of them (a
// few others pass and are looked up). The pair is indexed by the low five
// bits of each byte, which are the same for an ASCII letter in either
// case, so a surface text needs no folding. A set built from a class with
// wildcard or stem words, or phrases that start with one, lets everything
// through.
type quickSet struct {
	all bool
	// lens[quickIndex(first, last)] has bit quickLen(n) for a word of n
	// bytes with those end bytes.
	lens [1024]uint32
}

// quickIndex is the place of a word's first and last bytes in
// quickSet.lens.
func quickIndex(first, last byte) int {
	return int(first&31)<<5 | int(last&31)
}

// quickLen is the bit of a word's length n in quickSet.lens: bit n, bit 31
// for 31 bytes or more.
func quickLen(n int) uint32 {
	return 1 << uint(min(n, 31))
}

func newQuickSet(classes ...*wordClass) quickSet {
	var q quickSet
	add := func(w string) {
		if w != "" {
			q.lens[quickIndex(w[0], w[len(w)-1])] |= quickLen(len(w))
		}
	}
	for _, c := range classes {
		if len(c.others) > 0 {
			q.all = true
		}
		for _, w := range c.words {
			add(w)
		}
		for _, p := range c.phrases {
			if p[0].kind != elemWord {
				q.all = true
			}
			add(p[0].text)
		}
	}
	return q
}

// has reports whether a word with first byte first, last byte last and n
// bytes may be in the set (folding an ASCII letter's case).
func (q *quickSet) has(first, last byte, n int) bool {
	return q.lens[quickIndex(first, last)]&quickLen(n) != 0
}

// maybeNorm reports whether a word whose normal form is norm may belong
// to one of the set's classes. Unlike maybeTok it has no exception: the
// classes' plain words are normal forms.
func (q *quickSet) maybeNorm(norm string) bool {
	return q.all || norm != "" && q.has(norm[0], norm[len(norm)-1], len(norm))
}

// maybeTok reports whether token t may belong to one of the set's
// classes. It reads the token's surface text when that starts and ends
// with an ASCII byte (the text lies in the input, read in order; Norm may
// point anywhere in the tokenizer's cache): up to the case of a letter,
// which has does not tell, its first and last bytes and length are the
// normal form's, except for text whose inner characters normalise to
// fewer bytes (diacritics), which the function words of a grammar do not
// have. Other tokens are checked through their normal form.
func (q *quickSet) maybeTok(t *tokenize.Token) bool {
	x := t.Text
	if q.all || x == "" {
		return q.all
	}
	if x[0] >= 0x80 || x[len(x)-1] >= 0x80 {
		x = t.Norm
		return x != "" && q.has(x[0], x[len(x)-1], len(x))
	}
	return q.has(x[0], x[len(x)-1], len(x))
}
