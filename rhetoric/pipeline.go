package rhetoric

import (
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// The analysis of a tokenized document runs in six stages, one file each,
// handing plain data on in scratch:
//
//	clauses.go    clauses   token -> clause and sentence numbers, word count
//	cues.go       cues      matcher hits split into cues, modifiers and actors;
//	                        a hit per cue (and per imperative), sorted by place
//	modifiers.go  modifiers negation, intensifiers and hedges of every hit
//	targets.go    targets   the actor each hit is about, by named rules
//	sources.go    sources   each hit's speaker (turns.go finds the turns of
//	                        a transcript first) and whose move it is
//	decide.go     decide    which devices each sentence performs
//	score.go      score     device scores and spans of the report
//
// report is the driver; a stage reads only what the earlier ones wrote.

// scratch holds the per-call buffers of an analysis, reused through a pool.
type scratch struct {
	doc tokenize.Document // reused by TokenizeInto
	g   *grammar          // the grammar of the document's language
	// gforms is g's index of plain bits by the form IDs of the document's
	// tokenizer, or nil (see plainBits)
	gforms *formIndex

	// speaker names resolved to actor codes (see speakerActor)
	spkDoc     tokenize.Document
	spkMatches []lexicon.Match
	// The speaker's side (see Analyzer.selfSide), as an index into
	// Analyzer.tcodes or -1: the statement speaker's (a turn's is in its
	// turnSpan); the current sentence's, set by Analyzer.candidates.
	stSelf int
	self   int
	// selfTurn is the turn of the last sentence selfSide was asked about:
	// where the search for the next one starts.
	selfTurn int

	turns []turnSpan       // speaker turns of a transcript; empty for one speaker
	toks  []tokenize.Token // the document's tokens
	cls   []uint64         // token -> its grammar classes, filled on use (see is)
	sbits []uint64         // sentence -> union of its words' classes (see sentBits)

	// clauses
	clause []int32 // token -> clause number (increasing through the document)
	sentOf []int32 // token -> sentence index

	// cues
	matches []lexicon.Match
	cues    []lexicon.Match
	mods    []lexicon.Match
	actors  []lexicon.Match
	actAt   []int32 // token -> index into actors of an actor match starting there, or -1
	actEnd  []int32 // token -> index into actors of an actor match ending just before it (Last == token), or -1
	hits    []xhit  // sorted by place once the cue stage is done
	// alt holds the actor indexes without venues ("the United Nations",
	// "the Security Council"), which the victim devices' target rules
	// use; hasVenue says that it differs from the ones above.
	alt      actorView
	hasVenue bool

	// modifiers
	mbuf  []Modifier
	modLo int // first modifier that may still reach the next cue

	// decide
	// performs: sentence s performs device d when bit d%64 of word
	// s*perfWords(len(devices))+d/64 is set
	performs []uint64
	prob     []float32 // per device: the model's probability in the current sentence, where shown
	sink     featSink  // the features found in the model, sentence after sentence
	fOff     []int     // sentence s owns sink.fs[fOff[s]:fOff[s+1]]
	z        []float64 // per model device: the linear score of a sentence
	cands    []int     // target candidates of a sentence (indices into tcodes)
	// okinds[i-s.First] classifies token i of sentence okSent as an OTHER
	// cue (see Analyzer.otherKinds); okSent is -1 until found after the
	// last call of Analyzer.candidates
	okSent int
	okinds []uint8
	// ments[mentOff[2*i]:mentOff[2*i+1]] are the mentions of candidate
	// cands[i] (Analyzer.mentions), mentOff[2*i] -1 until found
	ments   [][2]int
	mentOff []int32
	tsink   featSink // the target features of one candidate that depend on the device
	// The target plan of the sentence's candidates (Analyzer.planTargets):
	// candidate cands[i] owns psink.fs[planOff[i]:planOff[i+1]]; planned
	// says it is made for the current candidates.
	psink   featSink
	planOff []int
	planned bool
	// The model's explanations, without pointers (so that building them
	// needs no write barrier and the collector does not scan them): scores
	// of all sentences in order, sentence s owning
	// scores[scoreOff[s]:scoreOff[s+1]]. The score stage turns them into
	// Probs and Reasons.
	scores   []xscore
	scoreOff []int
	reasons  []xreason
	shown    []uint64 // bit x: a.modeled[x] is explained in the current sentence
	visit    []uint64 // bit x: decideSentence computes a.modeled[x]'s probability
	// per device, the sentence's non-negated hits and the first and last
	// of them, valid for the devices with a bit in hbits[:pw] (pw =
	// perfWords(len(devices))); hbits[pw:] marks the devices with a
	// negated hit (sentenceFeatures)
	hpos, hfirst, hlast []int32
	hbits               []uint64

	// re is the memory of a recycled report (see Analyzer.Recycle) while
	// a report is built.
	re reuse

	// score
	tcount  []int32 // per device and target code
	tallies []tally // per device
	seen    []bool  // sentence s has a hit of device d: seen[s*len(devices)+d]
}

func (sc *scratch) reset() {
	// Drop references into the document so a pooled scratch does not keep it alive.
	clear(sc.hits)
	clear(sc.mbuf)
	clear(sc.tallies) // their targets belong to the report
	sc.hits = sc.hits[:0]
	sc.mbuf = sc.mbuf[:0]
}

// xscore is a Prob under construction: device index dev (model device md),
// the probability as decided (a float32, which the report rounds to four
// decimals) and its reasons, scratch.reasons[from:to].
type xscore struct {
	dev, md  int32
	p        float32
	from, to int32
}

// xreason is a Reason under construction: the model row of the feature and
// its byte span.
type xreason struct {
	row, start, end int32
}

// xhit is a hit under construction: the Hit itself, its device index, the
// tokens [first, last) of its cue, its target's index and the place of its
// modifiers in scratch.mbuf.
type xhit struct {
	dev         int
	first, last int  // the cue's tokens
	part        bool // the cue matched one part of a compound token
	tgt         int  // index into Analyzer.tcodes
	nmods       int  // modifiers in scratch.mbuf, starting at mods
	mods        int
	Hit
}

// perfWords returns the words of scratch.performs a sentence takes, for
// nd devices.
func perfWords(nd int) int { return (nd + 63) / 64 }

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// stages runs the stages up to the decision (clauses, cues, modifiers,
// targets, sources) and returns the document's word count. The report and
// the learned layer's Features share it, so that a model is trained on
// exactly the features the analysis computes.
func (a *Analyzer) stages(doc *tokenize.Document, st *Statement, sc *scratch) int {
	sc.g = a.grammar(doc.Language)
	sc.startDoc(doc)
	sc.turns = a.findTurns(doc.Text, st.Speaker, sc.turns)
	sc.stSelf = a.codeIndex(a.speakerActor(doc.Language, st.Speaker, sc))
	for i := range sc.turns {
		t := &sc.turns[i]
		if t.speaker == st.Speaker {
			t.self = sc.stSelf
		} else {
			t.self = a.codeIndex(a.speakerActor(doc.Language, t.speaker, sc))
		}
	}
	sc.selfTurn, sc.self = 0, -1
	words := clauses(doc, sc)
	a.cues(doc, sc)
	a.modifiers(doc, sc)
	a.targets(doc, sc)
	a.attribute(doc, st, sc)
	return words
}

// report turns a tokenized document into a Report, running the stages in
// order.
func (a *Analyzer) report(doc *tokenize.Document, st Statement, sc *scratch) *Report {
	r := a.take(sc)
	*r = Report{ID: st.ID, Speaker: st.Speaker, Date: st.Date, BodyOffset: st.BodyOffset, Tokens: len(doc.Tokens), Sentences: len(doc.Sentences)}
	if len(st.Meta) > 0 {
		r.Meta = sc.re.meta
		if r.Meta == nil {
			r.Meta = make(map[string]string, len(st.Meta))
		}
		for k, v := range st.Meta {
			r.Meta[k] = v
		}
	}
	r.Words = a.stages(doc, &st, sc)
	a.decide(doc, sc)
	r.Hits = copyHits(sc)
	a.score(r, doc, sc)
	sc.re.done()
	return r
}

// copyHits copies the hits out of scratch into the hits of a recycled
// report, else into new memory: one allocation for the hits, one for all
// their modifiers, which the hits' anchor holds (see recycle.go).
func copyHits(sc *scratch) []Hit {
	hits := anchored(sc.re.hits, len(sc.hits))
	mods := sc.re.mods
	if len(sc.mbuf) > 0 {
		mods = sized(mods, len(sc.mbuf))
		copy(mods, sc.mbuf)
	}
	for i := range sc.hits {
		h := &sc.hits[i]
		hits[i] = h.Hit
		if h.nmods > 0 {
			hits[i].Modifiers = mods[h.mods : h.mods+h.nmods : h.mods+h.nmods]
		}
	}
	anchor(hits).Modifiers = mods[:0]
	return hits
}
