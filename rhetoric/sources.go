package rhetoric

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// The sources stage: whose move each hit is.
//
// A hit is the speaker's own move unless it sits in a clause that the
// speaker attributes to a third party. The frames, tried in this order for
// every hit, each from the grammar's word classes:
//
//  1. claim: a claim noun before the hit, in its clause ("Russia's claims
//     that ...", "the lie that ...", "claims by Moscow that ..."); the
//     source is the possessor or the by-phrase, and a disputing word next
//     to the noun ("baseless claims", "the lie", "so-called") makes the
//     claim disputed: it is not the speaker's move and does not count.
//  2. according: "according to X" in the hit's sentence; X is the source.
//  3. verb: a reporting verb before the hit in its sentence, with no clause
//     break between ("X said that ..."), or an accusing or appeal verb
//     with no comma or coordinator between ("X accused Y of ...", "X called
//     on Y to ..."), or the hit's cue itself ("X accused Y"); the source is
//     the subject before the verb.
//  4. tail: a reporting verb after the hit closing its sentence
//     ("..., Lavrov said.", "..., said the minister.").
//
// A source that is the speaker's own side ("we said", "I have called on")
// is no third party: the move stays the speaker's. Otherwise the hit is
// Reported, with Source as written and SourceActor the code of the first
// lexicon actor inside it. Hits that no frame claims have Source = Speaker.

// Limits of the source frames, in tokens.
const (
	reportReach  = 40 // tokens searched before a hit for its reporting verb
	sourceWords  = 8  // longest source phrase
	disputeReach = 3  // tokens before a claim noun searched for a disputing word
)

// attribute is the sources stage: it sets each hit's speaker (its turn's,
// else the statement's), its exclusion, and its source.
func (a *Analyzer) attribute(doc *tokenize.Document, st *Statement, sc *scratch) {
	hint := 0
	var last, lastActor string // the last named source, for "he said"
	lastAt := -1               // its token
	next := 0                  // the next sentence to read a subject name from
	for i := range sc.hits {
		h := &sc.hits[i]
		h.Speaker = st.Speaker
		// The speaker's side, resolved once per speaker by stages.
		self := sc.stSelf
		if k := turnAt(sc.turns, h.Start, hint); k >= 0 {
			hint = k
			h.Speaker = sc.turns[k].speaker
			h.Excluded = sc.turns[k].excluded
			self = sc.turns[k].self
		}
		h.Source, h.SourceActor = h.Speaker, a.code(self)
		a.source(doc, sc, h)
		if !h.Reported {
			continue
		}
		if sc.g.anaphor.hasNorm(tokenize.Normalize(h.Source)) {
			// "He called on ...", "his claims that ...": the last named
			// source or sentence subject of the statement, else unknown.
			// A name that opens a sentence ("Sergey Lavrov, never one to
			// back down, used ...") counts from where it stands; the
			// sentences are read only when an anaphor needs them.
			for si := int(sc.sentOf[h.first]); next <= si; next++ {
				if p, name := a.sentenceSubject(doc, sc, next); name && p.first > lastAt && p.first < h.first {
					last, lastActor, lastAt = a.sourceText(doc, sc, p)
				}
			}
			h.Source, h.SourceActor = last, lastActor
		} else if h.Source != "" && h.first > lastAt {
			last, lastActor, lastAt = h.Source, h.SourceActor, h.first
		}
	}
}

// sourceText returns the text of source phrase p, the code of the first
// lexicon actor inside it ("" for none), and its first token.
func (a *Analyzer) sourceText(doc *tokenize.Document, sc *scratch, p phrase) (text, actor string, at int) {
	toks := doc.Tokens
	text = doc.Text[toks[p.first].Start:toks[p.last-1].End]
	for k := p.first; k < p.last; k++ {
		if j := sc.actAt[k]; j >= 0 && sc.actors[j].Last <= p.last {
			actor = a.tcodes[a.canon[sc.actors[j].Index]]
			break
		}
	}
	return text, actor, p.first
}

// sentenceSubject returns the subject that opens sentence si, after a
// fronted prepositional phrase and its comma ("On the other side, Lavrov
// ...", "By blaming the West, he ..."): a run of capitalized words
// ("Sergey Lavrov", "Antony Blinken's approach" gives "Antony Blinken") or
// an anaphor ("He ..."), also after a subordinating opener ("When the
// President was talking, ..."). name reports a person's name that a later
// "he" may stand for: two words or more, an office of the person-title
// class after an article ("the President"), or one lexicon actor before a
// possessive or a verb. A run that opens with an article, determiner,
// opener, auxiliary, pronoun or gerund ("The", "Other", "As", "Are", "We",
// "Having") is no subject.
func (a *Analyzer) sentenceSubject(doc *tokenize.Document, sc *scratch, si int) (p phrase, name bool) {
	toks, g := doc.Tokens, sc.g
	s := doc.Sentences[si]
	i := s.First
	for i < s.Last && toks[i].Kind != tokenize.Word {
		i++ // "**", quotes
	}
	if i < s.Last && (sc.is(&g.fronted, i) || sc.is(&g.agentMarker, i)) {
		for i < s.Last && toks[i].Text != "," {
			i++
		}
		i++
	}
	if i+1 < s.Last && toks[i].Kind == tokenize.Word && sc.is(&g.clauseOpener, i) && !sc.is(&g.ownSide, i+1) {
		i++ // "When the President was talking, he said ...": the subordinate clause's subject
	}
	if i >= s.Last || toks[i].Kind != tokenize.Word || sc.inLabel(toks[i].Start, nil) {
		return phrase{}, false
	}
	if sc.is(&g.anaphor, i) && !sc.is(&g.determiner, i) { // "He ...", not "His claims ..."
		return phrase{i, i + 1}, false
	}
	title := false // "the President", "the Special Envoy": a person by office
	if sc.is(&g.article, i) && i+1 < s.Last && toks[i+1].Kind == tokenize.Word && capitalized(toks[i+1].Text) && !inActor(sc, i+1) &&
		!sc.is(&g.determiner, i+1) && !sc.is(&g.fronted, i+1) {
		i, title = i+1, true
	}
	if !capitalized(toks[i].Text) || sc.is(&g.article, i) || sc.is(&g.determiner, i) || sc.is(&g.clauseOpener, i) || sc.is(&g.auxiliary, i) ||
		sc.is(&g.coordinator, i) || sc.is(&g.clauseBreak, i) || sc.is(&g.subjPronoun, i) || sc.is(&g.ownSide, i) ||
		sc.is(&g.fronted, i) || sc.is(&g.objectGlue, i) || sc.is(&g.agentMarker, i) || sc.is(&g.gerund, i) {
		return phrase{}, false
	}
	e := i
	for e < s.Last && e < i+sourceWords && toks[e].Kind == tokenize.Word && capitalized(toks[e].Text) &&
		!sc.is(&g.ownSide, e) && !sc.is(&g.subjPronoun, e) {
		e++ // "Today I ..." names no one
	}
	// A person's name: two capitalized words or more ("Sergey Lavrov",
	// "President Kennedy"), or one word that names a lexicon actor before
	// a possessive or a verb ("Lavrov's narrative"); not "History is".
	if e-i == 1 && !title && !(inActor(sc, i) && e < s.Last && (isPossessive(toks[e].Norm) || sc.is(&g.auxiliary, e) || sc.is(&g.preVerb, e) ||
		sc.at(&g.reporting, e, s.Last) > 0 || sc.is(&g.accusing, e) || sc.is(&g.appealVerb, e))) {
		return phrase{i, e}, false
	}
	if title {
		// An office names a person ("the President", "the Prime
		// Minister"); "The Organization" or "The Charter" do not.
		return phrase{i - 1, e}, sc.is(&g.personTitle, e-1)
	}
	return phrase{i, e}, true
}

// participleSubject returns the subject of a participial clause opened by
// verb v ("Blinken didn't hold back, calling out ...", "..., blaming the
// West ... and accusing Ukraine"): the subject that opens the sentence,
// when v is a gerund after a comma or a coordinator; or, for a gerund that
// opens the sentence after a preposition ("By blaming the West, he hopes
// ..."), the subject after the phrase's comma.
func (a *Analyzer) participleSubject(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, si, v int) phrase {
	toks, g := doc.Tokens, sc.g
	if v <= s.First || !sc.is(&g.gerund, v) {
		return phrase{}
	}
	fronted := v-1 == s.First && (sc.is(&g.fronted, v-1) || sc.is(&g.agentMarker, v-1))
	if !fronted && !(toks[v-1].Text == "," || sc.is(&g.coordinator, v-1)) {
		return phrase{} // with no comma the sentence's subject is too far: "He ran an ad in Florida accusing ..."
	}
	// sentenceSubject skips a fronted phrase to its comma ("By blaming the
	// West, he hopes ..."), so the subject then stands after the verb.
	p, _ := a.sentenceSubject(doc, sc, si)
	if p.last <= p.first || !fronted && p.last > v {
		return phrase{}
	}
	return p
}

// phrase is a token range [first, last) naming a source.
type phrase struct{ first, last int }

// source applies the source frames to hit h.
func (a *Analyzer) source(doc *tokenize.Document, sc *scratch, h *xhit) {
	toks, g := doc.Tokens, sc.g
	si := sc.sentOf[h.first]
	if sc.sentBits(doc, int(si))&g.frameMask == 0 {
		return // no reporting verb, claim noun or "according" in the sentence
	}
	s := doc.Sentences[si]
	var (
		src      phrase
		found    bool
		disputed bool
	)
	// Search back from the hit to the sentence start (bounded), stopping
	// at a boundary that opens the speaker's own clause.
	lo := max(s.First, h.first-reportReach)
	narrow := false // a comma or coordinator lies between: only say-verbs reach the hit
	for i := h.first - 1; i >= lo && !found; i-- {
		t := &toks[i]
		if t.Kind == tokenize.Word && (!g.sourceQuick.maybeTok(t) || sc.plainBits(i)&g.sourceMask == 0) {
			continue // most words open no frame
		}
		if t.Text == ";" || t.Kind == tokenize.Word && sc.is(&g.clauseBreak, i) {
			break
		}
		if t.Text == "," || t.Kind == tokenize.Word && sc.is(&g.coordinator, i) && !(i+1 < len(toks) && sc.is(&g.gerund, i+1)) {
			narrow = true // but "accused Russia of violating ... and undermining ..." goes on
		}
		// 1. A claim noun: "Russia's claims that", "the lie that".
		if sc.is(&g.claimNoun, i) && i+1 < len(toks) && (sc.is(&g.claimOpener, i+1) || a.claimBy(doc, sc, i, h.first)) && !a.verbReading(sc, toks, s, i) {
			found = true
			disputed = sc.is(&g.disputing, i) // "the lie that": disputed by itself
			for k := max(s.First, i-disputeReach); k < i; k++ {
				if sc.is(&g.disputing, k) {
					disputed = true
				}
			}
			if p := possessiveBefore(toks, s.First, i); p >= 0 {
				src = a.subjectBefore(doc, sc, s, p)
			} else if k := i - 1 - sc.disputedWords(s.First, i); k >= s.First && sc.is(&g.anaphor, k) {
				src = phrase{k, k + 1} // "his baseless claims"
			} else if i+2 < h.first && sc.is(&g.agentMarker, i+1) {
				src = phrase{i + 2, a.phraseEnd(doc, sc, i+2, h.first)}
			}
			continue
		}
		if t.Kind != tokenize.Word {
			continue
		}
		// 2. "according to X".
		if n := sc.at(&g.according, i, s.Last); n > 0 && i+n < s.Last {
			if i+n <= h.first {
				if inName(sc, toks, s, i+n, h.first) {
					break // the hit names the source: "according to the World Bank"
				}
				found = true
				src = phrase{i + n, a.phraseEnd(doc, sc, i+n, h.first)}
			}
			continue
		}
		// 3. A reporting verb before the hit ("X said that ...").
		if a.reportingVerb(sc, toks, s, i) {
			if narrow && sc.at(&g.reporting, i, s.Last) == 0 {
				break // "X calls for peace and stands with Y": stands is X's own verb
			}
			if p := a.subjectBefore(doc, sc, s, i); p.last > p.first {
				found, src = true, p
			} else if p := a.participleSubject(doc, sc, s, int(si), i); p.last > p.first {
				found, src = true, p
			}
			break // the nearest verb decides, with or without a subject
		}
	}
	// 3. The cue itself is a reporting verb: "Lavrov accused the West".
	if !found && a.reportingVerb(sc, toks, s, h.first) {
		if p := a.subjectBefore(doc, sc, s, h.first); p.last > p.first {
			found, src = true, p
		} else if p := a.participleSubject(doc, sc, s, int(si), h.first); p.last > p.first {
			found, src = true, p
		}
	}
	// 2 and 4. After the hit: ", according to X." or ", X said." closing
	// the sentence.
	if !found {
		src, found = a.tailSource(doc, sc, s, h.last)
	}
	if !found {
		return
	}
	if src.last > src.first && (sc.isOwnSide(src.first, src.last) || sc.ownBody(src) || a.namesSpeaker(doc, sc, src, h.Speaker)) {
		return // "we said", "my country calls on", "Jamaica calls on" by Jamaica: the speaker's own move
	}
	h.Reported = true
	h.Disputed = disputed
	h.Source = ""
	h.SourceActor = ""
	if src.last > src.first {
		h.Source, h.SourceActor, _ = a.sourceText(doc, sc, src)
	}
}

// reportingVerb reports whether token i of sentence s is a reporting,
// accusing or appeal verb: a word of those classes that is not capitalized
// inside the sentence, not part of an actor's name ("the United States
// calls" has no verb "states") and not after object glue ("the blame",
// "is to blame").
func (a *Analyzer) reportingVerb(sc *scratch, toks []tokenize.Token, s tokenize.Sentence, i int) bool {
	g, t := sc.g, &toks[i]
	if t.Kind != tokenize.Word || !(sc.at(&g.reporting, i, s.Last) > 0 || sc.is(&g.accusing, i) || sc.is(&g.appealVerb, i)) {
		return false // a word or the start of a phrase: "said", "made it clear"
	}
	if i > s.First && sc.is(&g.objectGlue, i-1) && !(i-1 == s.First && sc.is(&g.gerund, i)) {
		return false // a noun or infinitive: "the blame", "is to blame"; not "By blaming ..."
	}
	if !sc.is(&g.gerund, i) {
		k := i - 1
		for k > s.First && sc.is(&g.preVerb, k) {
			k-- // "has been strongly condemned"
		}
		if k >= s.First && sc.is(&g.beForm, k) {
			return false // a passive has no source: "the meeting was called", "it is claimed"
		}
	}
	if i > s.First && sc.is(&g.ambigVerb, i) && !subjectLike(sc, toks, s, i-1) {
		return false // a plural noun: "other states", "maritime claims"
	}
	return (i == s.First || !capitalized(t.Text)) && !inActor(sc, i)
}

// ownPossessive reports whether token i is a first-person possessive
// (own-side and determiner: "my", "our").
func (sc *scratch) ownPossessive(i int) bool {
	return sc.is(&sc.g.ownSide, i) && sc.is(&sc.g.determiner, i)
}

// ownBody reports whether source phrase p is the speaker's own body: a
// first-person possessive before a word of the own-body class ("my
// delegation", "our Government", "my country"), not before a person ("my
// predecessor said").
func (sc *scratch) ownBody(p phrase) bool {
	return p.last-p.first >= 2 && sc.ownPossessive(p.first) && sc.is(&sc.g.ownBody, p.last-1)
}

// namesSpeaker reports whether source phrase p is the speaker's own name
// ("Jamaica calls on ..." in a statement whose speaker is "Jamaica"),
// compared without regard to case or a leading article on either side.
func (a *Analyzer) namesSpeaker(doc *tokenize.Document, sc *scratch, p phrase, speaker string) bool {
	f := strings.Fields(speaker)
	if len(f) > 1 && sc.g.article.hasNorm(tokenize.Normalize(f[0])) {
		f = f[1:] // "the Holy See" names the Holy See
	}
	if len(f) == 0 {
		return false
	}
	speaker = strings.Join(f, " ")
	if p.last-p.first > 1 && sc.is(&sc.g.article, p.first) {
		p.first++
	}
	toks := doc.Tokens
	name := strings.Join(strings.Fields(doc.Text[toks[p.first].Start:toks[p.last-1].End]), " ")
	return strings.EqualFold(name, speaker)
}

// claimBy reports whether claim noun i opens "claims by X that" before
// token limit: an agent marker, a source phrase and a claim opener.
func (a *Analyzer) claimBy(doc *tokenize.Document, sc *scratch, i, limit int) bool {
	if i+2 >= limit || !sc.is(&sc.g.agentMarker, i+1) {
		return false
	}
	e := a.phraseEnd(doc, sc, i+2, limit)
	return e < limit && sc.is(&sc.g.claimOpener, e)
}

// inName reports whether token h of sentence s lies in the name that
// starts at token k: a run of articles and capitalized words ("the World
// Bank", "the Human Rights Council").
func inName(sc *scratch, toks []tokenize.Token, s tokenize.Sentence, k, h int) bool {
	for ; k < s.Last && toks[k].Kind == tokenize.Word && (sc.is(&sc.g.article, k) || capitalized(toks[k].Text)); k++ {
		if k == h && capitalized(toks[k].Text) {
			return true
		}
	}
	return false
}

// subjectLike reports whether token k of sentence s may end the subject
// of an ambiguous verb after it: a word capitalized inside the sentence or
// an actor ("Russia claims", "Jamaica calls on"), a pronoun ("it
// states"), or an auxiliary or pre-verb word between a subject and its
// verb ("has repeatedly called"). A determiner that only the sentence
// start capitalizes ("Other states") is not.
func subjectLike(sc *scratch, toks []tokenize.Token, s tokenize.Sentence, k int) bool {
	g, t := sc.g, &toks[k]
	if t.Kind != tokenize.Word {
		return false
	}
	if k == s.First && sc.is(&g.determiner, k) {
		return false // "Other states", "Many states"
	}
	return capitalized(t.Text) || inActor(sc, k) || sc.is(&g.subjPronoun, k) ||
		sc.is(&g.auxiliary, k) || sc.is(&g.preVerb, k)
}

// verbReading reports whether claim noun i is rather a reporting verb
// with its subject before it: "Moscow claims that ..." against "Moscow's
// claims that ...", "his claims that ...".
func (a *Analyzer) verbReading(sc *scratch, toks []tokenize.Token, s tokenize.Sentence, i int) bool {
	return i > s.First && sc.is(&sc.g.reporting, i) && !isPossessive(toks[i-1].Norm) && subjectLike(sc, toks, s, i-1)
}

// subjectBefore returns the source phrase that ends just before token v (a
// reporting verb or a possessive marker): skipping auxiliaries and adverbs
// ("has repeatedly said"), the run of capitalized words, actor names,
// articles, genitives and possessives back from there, or else the one
// word before ("officials said"). It is empty at a sentence start,
// punctuation or a relative pronoun ("those who claim").
func (a *Analyzer) subjectBefore(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, v int) phrase {
	toks, g := doc.Tokens, sc.g
	end := v
	for end-1 >= s.First && end-1 >= v-3 && toks[end-1].Kind == tokenize.Word && (sc.is(&g.auxiliary, end-1) || sc.is(&g.preVerb, end-1) || sc.is(&g.beForm, end-1)) {
		end--
	}
	if end-1 >= s.First && sc.is(&g.coordinator, end-1) {
		return phrase{} // "stands with Ukraine and condemns": the subject is earlier
	}
	first := end
	for k := end - 1; k >= s.First && k >= end-sourceWords; k-- {
		t := &toks[k]
		ok := false
		switch {
		case isPossessive(t.Norm):
			ok = true
		case t.Kind == tokenize.Word && (sc.is(&g.article, k) || sc.is(&g.genitive, k)):
			ok = k > s.First // "of" or "the" inside a name
		case t.Kind == tokenize.Word || t.Kind == tokenize.Number:
			// The one lower-case word before a verb ("officials said"),
			// but a gerund takes none ("a law saying", "stop demanding").
			ok = capitalized(t.Text) || inActor(sc, k) || k == end-1 && !sc.is(&g.relPronoun, k) && !sc.is(&g.complementizer, k) && !sc.is(&g.objectGlue, k) && !sc.is(&g.gerund, k) && !sc.is(&g.gerund, v)
		}
		if !ok || sc.inLabel(t.Start, nil) || t.Kind == tokenize.Word && !inActor(sc, k) &&
			(sc.is(&g.clauseOpener, k) || sc.is(&g.coordinator, k) || sc.is(&g.clauseBreak, k) || sc.is(&g.fronted, k) || sc.is(&g.agentMarker, k) ||
				sc.is(&g.auxiliary, k) || sc.is(&g.beForm, k)) {
			break // "As I said", "Q And Hamas said": the subject starts after
		}
		first = k
	}
	// Drop leading genitives ("of Lavrov said" has no "of").
	for first < end && toks[first].Kind == tokenize.Word && sc.is(&g.genitive, first) {
		first++
	}
	// Keep the speaker's possessive before the head: "my country calls on".
	if first < end && first-1 >= s.First && sc.ownPossessive(first-1) {
		first--
	}
	if first < end && sc.is(&g.relPronoun, first) {
		return phrase{}
	}
	if first < end && first > s.First && sc.is(&g.gerund, v) && toks[first-1].Kind == tokenize.Word &&
		(sc.is(&g.fronted, first-1) || sc.is(&g.objectGlue, first-1)) && !sc.is(&g.article, first-1) {
		return phrase{} // "an ad in Florida accusing ...": a place, not the gerund's subject
	}
	return phrase{first, end}
}

// phraseEnd returns the end of a source phrase starting at token i, before
// limit: up to the next punctuation or complementizer, at most sourceWords
// tokens.
func (a *Analyzer) phraseEnd(doc *tokenize.Document, sc *scratch, i, limit int) int {
	toks := doc.Tokens
	k := i
	for k < limit && k < i+sourceWords && toks[k].Kind != tokenize.Punct && !sc.is(&sc.g.complementizer, k) {
		k++
	}
	return k
}

// tailSource finds a source after a hit ending at token last: a comma then
// "according to X" or "X said" / "said X" closing the sentence.
func (a *Analyzer) tailSource(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, last int) (phrase, bool) {
	toks, g := doc.Tokens, sc.g
	end := s.Last
	for end > last && toks[end-1].Kind == tokenize.Punct {
		end-- // closing . " ”
	}
	// The last comma of the sentence after the hit.
	comma := -1
	for k := end - 1; k >= last && k >= end-sourceWords-3; k-- {
		if toks[k].Text == "," {
			comma = k
			break
		}
	}
	if comma < 0 || comma+1 >= end {
		return phrase{}, false
	}
	i := comma + 1
	for i < end && toks[i].Kind == tokenize.Punct {
		i++ // , ” Lavrov said
	}
	if n := sc.at(&g.according, i, end); n > 0 {
		return phrase{i + n, end}, i+n < end
	}
	if sc.is(&g.reporting, i) { // ", said the minister"
		return phrase{i + 1, end}, i+1 < end
	}
	if n := sc.endsAt(&g.reporting, i+1, end); n > 0 && !(n == 1 && sc.is(&g.ambigVerb, end-1) && !subjectLike(sc, toks, s, end-2)) { // ", Lavrov said", ", he pointed out"
		p := phrase{i, end - n}
		for p.first < p.last && toks[p.first].Kind == tokenize.Word && sc.is(&g.clauseOpener, p.first) {
			p.first++ // ", as you say"
		}
		for p.last > p.first && (sc.is(&g.auxiliary, p.last-1) || sc.is(&g.preVerb, p.last-1)) {
			p.last--
		}
		return p, p.last > p.first
	}
	return phrase{}, false
}

// capitalized reports whether the word w begins with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// disputedWords counts the disputing words right before token i ("his
// baseless claims").
func (sc *scratch) disputedWords(lo, i int) int {
	n := 0
	for k := i - 1; k >= lo && sc.is(&sc.g.disputing, k); k-- {
		n++
	}
	return n
}

// speakerActor returns the actor code that a speaker's name resolves to,
// or "" for a name that resolves to none ("Q", "THE PRESIDENT") or that the
// document's language cannot tokenize. A name that is a lexicon actor code
// as written ("RUS", "USA"; not OTHER) is that actor; any other name gives
// the first lexicon actor that it names ("Russian Federation" and "MR.
// LAVROV" give RUS when the lexicon lists them). The name is matched as a
// short text of its own, with the analyzer's lexicon, so the cost is that
// of a few words per speaker and statement.
func (a *Analyzer) speakerActor(lang tokenize.Language, name string, sc *scratch) string {
	if name == "" || len(name) > maxSpeakerBytes {
		return ""
	}
	if name != TargetOther && slices.Contains(a.actors, name) {
		return name
	}
	tok := a.toks[lang]
	if tok == nil {
		tok = a.toks[a.lang]
	}
	if tok == nil || tok.TokenizeInto(&sc.spkDoc, name) != nil {
		return ""
	}
	sc.spkMatches = a.find(&sc.spkDoc, sc.spkMatches[:0])
	for _, m := range sc.spkMatches {
		if m.Kind == lexicon.ActorMatch && m.Index >= 0 && m.Index < len(a.canon) {
			return a.tcodes[a.canon[m.Index]]
		}
	}
	return ""
}

// maxSpeakerBytes bounds the speaker names that speakerActor matches: a
// longer "name" is not a name, and matching it would cost as much as a text.
const maxSpeakerBytes = 200

// codeIndex returns the index in tcodes of an actor code, or -1 for "".
func (a *Analyzer) codeIndex(code string) int {
	if code == "" {
		return -1
	}
	return slices.Index(a.tcodes, code)
}

// selfSide returns the speaker's side in sentence si: the actor (an index
// into tcodes) that the speaker of its turn resolves to, else the
// statement speaker's (see [Analyzer.speakerActor]), or -1 for none. The
// stages resolve each speaker once; the attribution of hits reads the same
// sides.
func (a *Analyzer) selfSide(doc *tokenize.Document, sc *scratch, si int) int {
	k := turnAt(sc.turns, doc.Sentences[si].Start, sc.selfTurn)
	if k < 0 {
		return sc.stSelf
	}
	sc.selfTurn = k
	return sc.turns[k].self
}

// code returns the actor code of index i in tcodes, or "" for -1.
func (a *Analyzer) code(i int) string {
	if i < 0 {
		return ""
	}
	return a.tcodes[i]
}
