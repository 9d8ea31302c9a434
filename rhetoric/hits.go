package rhetoric

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Target codes that are not lexicon actors.
const (
	TargetNone  = "NONE"  // the sentence names no actor
	TargetOther = "OTHER" // a named entity that is not a lexicon actor (tagging only)
)

// How a target was found, in the order the rules are tried (see the package doc).
const (
	RuleInside     = "inside"     // the actor lies inside the cue (call on Russia to)
	RulePossessive = "possessive" // the actor, possibly with 's, directly precedes the cue
	RuleAgent      = "agent"      // by/at the hands of + actor after the cue
	RuleObject     = "object"     // the actor follows the cue across function words only
	RuleSubject    = "subject"    // the nearest actor before the cue in its clause
	RuleNearest    = "nearest"    // the nearest actor in the sentence
	RuleEntity     = "entity"     // a named entity or proper-noun run (tagging only)
)

// ImperativeEntry is the Hit.Entry of a call to action found from grammar.
const ImperativeEntry = "(imperative)"

// scratch holds the per-call buffers of an analysis, reused through a pool.
type scratch struct {
	doc     tokenize.Document // reused by TokenizeInto
	matches []lexicon.Match
	cues    []lexicon.Match
	mods    []lexicon.Match
	actors  []lexicon.Match
	clause  []int32 // token -> clause number (increasing through the document)
	sentOf  []int32 // token -> sentence index
	actAt   []int32 // token -> index into actors of an actor match starting there, or -1
	actEnd  []int32 // token -> index into actors of an actor match ending just before it (Last == token), or -1
	prevAct []int32 // token i -> the actor match with the largest Last <= i, or -1
	nextAct []int32 // token i -> the actor match with the smallest First >= i, or -1
	hits    []xhit
	mbuf    []Modifier
	tcount  []int32 // per device and target code, in score
	modLo   int     // first modifier that may still reach the next cue
}

func (sc *scratch) reset() {
	// Drop references into the document so a pooled scratch does not keep it alive.
	clear(sc.hits)
	clear(sc.mbuf)
	sc.hits = sc.hits[:0]
	sc.mbuf = sc.mbuf[:0]
}

// xhit is a hit under construction with its device index and the place of
// its modifiers in scratch.mbuf.
type xhit struct {
	dev   int
	tgt   int // index into Analyzer.tcodes
	nmods int // modifiers in scratch.mbuf, starting at mods
	mods  int
	Hit
}

// endsClause reports whether t opens a new clause for modifier scope: the
// punctuation , ; : - -- ( ) [ ] — – … ... . ! ? or one of the
// conjunctions but, however, although, though, whereas, nevertheless
// ("we do not want war, but ...").
func endsClause(t *tokenize.Token) bool {
	// Look at Text first: it lies in the input, read in order, while Norm
	// may point anywhere in the tokenizer's cache.
	x := t.Text
	if len(x) == 0 {
		return false
	}
	switch t.Kind {
	case tokenize.Punct:
		if len(x) == 1 {
			switch x[0] {
			case ',', ';', ':', '-', '(', ')', '[', ']', '.', '!', '?':
				return true
			}
			return false
		}
		switch t.Norm {
		case ",", ";", ":", "-", "--", "(", ")", "[", "]", "—", "–", "…", "...", ".", "!", "?":
			return true
		}
	case tokenize.Word:
		// Compare the surface text, case-insensitively, by length first:
		// most words are rejected without reading a byte.
		switch len(x) {
		case 3:
			return foldEq(x, "but")
		case 6:
			return foldEq(x, "though")
		case 7:
			return foldEq(x, "however") || foldEq(x, "whereas")
		case 8:
			return foldEq(x, "although")
		case 12:
			return foldEq(x, "nevertheless")
		}
	}
	return false
}

// parenthetical reports whether t is a discourse adverb that, between two
// commas, does not end the clause.
func parenthetical(t *tokenize.Token) bool {
	if t.Kind != tokenize.Word {
		return false
	}
	x := t.Text
	switch len(x) {
	case 6:
		return foldEq(x, "indeed")
	case 7:
		return foldEq(x, "however")
	case 9:
		return foldEq(x, "therefore")
	}
	return false
}

// foldEq reports whether x equals the lower-case ASCII word w, ignoring
// ASCII case.
func foldEq(x, w string) bool {
	if len(x) != len(w) {
		return false
	}
	for i := 0; i < len(x); i++ {
		if x[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// negationCancellers are words that, standing between a negator and a cue,
// undo the negation: "not only", "not just", "never again", "not least",
// "no doubt", "no alternative to", "cannot deny", "cannot ignore".
var negationCancellers = map[string]bool{
	"only": true, "just": true, "merely": true, "simply": true, "again": true, "least": true, "less": true,
	"doubt": true, "alternative": true, "question": true,
	"deny": true, "denies": true, "denied": true, "denying": true,
	"dispute": true, "disputes": true, "disputed": true,
	"ignore": true, "ignores": true, "ignored": true, "ignoring": true,
	"overlook": true, "overlooks": true, "overlooked": true,
	"forget": true, "forgets": true, "forgotten": true, "forgot": true,
	"underestimate": true, "underestimated": true,
	// Negative verbs: a negated refusal affirms ("Russia has never refused
	// dialogue", "we will not abandon our support").
	"refuse": true, "refuses": true, "refused": true, "refusing": true,
	"reject": true, "rejects": true, "rejected": true, "rejecting": true,
	"oppose": true, "opposes": true, "opposed": true, "opposing": true,
	"abandon": true, "abandons": true, "abandoned": true, "abandoning": true,
	// A negation does not reach into an embedded clause: "it was not Russia
	// that staged the coup" denies the agent, not the coup.
	"that": true, "which": true, "who": true, "whom": true,
}

// auxiliaries open a verbal cue whose directly preceding actor is its
// subject rather than a possessor.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "has": true, "have": true, "had": true,
	"bears": true, "bear": true, "bore": true, "will": true, "would": true, "must": true, "should": true,
	"can": true, "could": true, "may": true, "might": true, "shall": true, "does": true, "did": true, "do": true,
}

// objectGlue are the function words allowed between a cue and its object.
var objectGlue = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "on": true, "upon": true, "against": true,
	"with": true, "for": true, "from": true, "at": true, "by": true, "toward": true, "towards": true,
	"into": true, "onto": true, "its": true, "their": true, "so-called": true, "hands": true,
}

// ownSide are first-person words: the speaker's side is never a target,
// even when a lexicon lists them as an alias.
var ownSide = map[string]bool{
	"we": true, "us": true, "our": true, "ours": true, "ourselves": true,
	"i": true, "me": true, "my": true, "mine": true, "myself": true,
}

// Limits of the structural target rules, in tokens.
const (
	objectReach  = 3  // function words allowed between a cue and its object
	subjectReach = 8  // tokens searched before a cue for its subject
	agentReach   = 40 // tokens searched before a victim-device cue for its agent
	agentPhrase  = 6  // tokens searched after "by" for the agent
)

// beForms are the forms of "be" that make a following participle passive.
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}

// relativePronouns open a relative clause whose subject is the antecedent.
var relativePronouns = map[string]bool{"that": true, "which": true, "who": true}

// participle reports whether w looks like a past participle (-ed, -en).
func participle(w string) bool { return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") }

// victimDevices are the devices whose cue's object is a victim rather than
// the target: the codebook's target of blame is the actor blamed, of threat
// the source of the danger ("aggression against Ukraine", "a threat to
// Russia").
var victimDevices = map[string]bool{"blame": true, "threat": true}

// accusationPrefixes begin the cues whose object is the one accused
// ("blaming the West", "we condemn Russia", "accuse Kyiv").
var accusationPrefixes = []string{"blam", "accus", "condemn", "denounc", "charg", "hold", "call", "fault", "indict", "censur", "reproach", "impute", "point"}

func isAccusation(norm string) bool {
	for _, p := range accusationPrefixes {
		if strings.HasPrefix(norm, p) {
			return true
		}
	}
	return false
}

// hardBoundary reports whether t separates clauses more strongly than a
// comma: ; : or a contrastive conjunction.
func hardBoundary(t *tokenize.Token) bool {
	switch t.Kind {
	case tokenize.Punct:
		return t.Text == ";" || t.Text == ":"
	case tokenize.Word:
		return endsClause(t)
	}
	return false
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// report turns a tokenized document into a Report.
func (a *Analyzer) report(doc *tokenize.Document, st Statement, sc *scratch) *Report {
	toks := doc.Tokens
	n := len(toks)
	r := &Report{ID: st.ID, Speaker: st.Speaker, Date: st.Date, Tokens: n, Sentences: len(doc.Sentences)}
	if len(st.Meta) > 0 {
		r.Meta = make(map[string]string, len(st.Meta))
		for k, v := range st.Meta {
			r.Meta[k] = v
		}
	}

	// Clause and sentence of every token.
	sc.clause = grow32(sc.clause, n)
	sc.sentOf = grow32(sc.sentOf, n)
	var clause int32
	for si, s := range doc.Sentences {
		clause++
		for i := s.First; i < s.Last && i < n; i++ {
			t := &toks[i]
			if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
				r.Words++
			}
			if t.Text == "," && i+2 < s.Last && toks[i+2].Text == "," && parenthetical(&toks[i+1]) {
				// ", however," inside a clause is transparent: "we have
				// not, however, abandoned diplomacy".
				for k := i; k <= i+2; k++ {
					sc.clause[k] = clause
					sc.sentOf[k] = int32(si)
				}
				r.Words++
				i += 2
				continue
			}
			if endsClause(t) {
				clause++
			}
			sc.clause[i] = clause
			sc.sentOf[i] = int32(si)
		}
	}

	sc.modLo = 0
	// Split the matches.
	sc.matches = a.find(doc, sc.matches[:0])
	sc.cues, sc.mods, sc.actors = sc.cues[:0], sc.mods[:0], sc.actors[:0]
	for _, m := range sc.matches {
		if m.First < 0 || m.Last > n || m.First >= m.Last || m.Start < 0 || m.End > len(doc.Text) || m.Start > m.End {
			continue // defensive: never trust indices blindly
		}
		switch m.Kind {
		case lexicon.CategoryMatch:
			if m.Index >= 0 && m.Index < len(a.catDev) && a.catDev[m.Index] >= 0 && m.Entry >= 0 && m.Entry < len(a.cats[m.Index].Entries) {
				sc.cues = append(sc.cues, m)
			}
		case lexicon.ModifierMatch:
			if m.Index >= 0 && m.Index < len(a.mods) {
				sc.mods = append(sc.mods, m)
			}
		case lexicon.ActorMatch:
			if m.Index >= 0 && m.Index < len(a.actors) && !isOwnSide(toks[m.First:m.Last]) {
				sc.actors = append(sc.actors, m)
			}
		}
	}
	sc.actors = longestActors(sc.actors)
	sc.actAt = grow32(sc.actAt, n+1)
	sc.actEnd = grow32(sc.actEnd, n+1)
	for i := range sc.actAt {
		sc.actAt[i], sc.actEnd[i] = -1, -1
	}
	for j, m := range sc.actors {
		if sc.actAt[m.First] < 0 {
			sc.actAt[m.First] = int32(j)
		}
		if sc.actEnd[m.Last] < 0 {
			sc.actEnd[m.Last] = int32(j)
		}
	}
	sc.prevAct = grow32(sc.prevAct, n+1)
	sc.nextAct = grow32(sc.nextAct, n+1)
	prev := int32(-1)
	for i := 0; i <= n; i++ {
		if j := sc.actEnd[i]; j >= 0 {
			prev = j
		}
		sc.prevAct[i] = prev
	}
	next := int32(-1)
	for i := n; i >= 0; i-- {
		if j := sc.actAt[i]; j >= 0 {
			next = j
		}
		sc.nextAct[i] = next
	}

	// Hits from the lexicon.
	cats := a.cats
	for _, m := range sc.cues {
		e := cats[m.Index].Entries[m.Entry]
		sc.hits = append(sc.hits, xhit{dev: a.catDev[m.Index], Hit: Hit{
			Device: cats[m.Index].Name, Entry: e.Pattern, Text: doc.Text[m.Start:m.End],
			Start: m.Start, End: m.End, Weight: e.Weight,
		}})
		h := &sc.hits[len(sc.hits)-1]
		if m.Part {
			negatedPart(doc, sc, h, m)
		}
		a.modify(doc, sc, h, m.First, m.Last)
	}
	// Hits from grammar.
	if doc.Tagged && a.ctaDev >= 0 {
		sc.modLo = 0 // imperatives start again from the first token
		a.imperatives(doc, sc)
	}
	byPlace := func(x, y xhit) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(x.dev, y.dev); c != 0 {
			return c
		}
		return cmp.Compare(x.End, y.End)
	}
	if !slices.IsSortedFunc(sc.hits, byPlace) {
		slices.SortStableFunc(sc.hits, byPlace)
	}

	// Copy out: one allocation for hits, one for all their modifiers.
	r.Hits = make([]Hit, len(sc.hits))
	var mods []Modifier
	if len(sc.mbuf) > 0 {
		mods = make([]Modifier, len(sc.mbuf))
		copy(mods, sc.mbuf)
	}
	for i := range sc.hits {
		h := &sc.hits[i]
		r.Hits[i] = h.Hit
		if h.nmods > 0 {
			r.Hits[i].Modifiers = mods[h.mods : h.mods+h.nmods : h.mods+h.nmods]
		}
	}
	a.score(r, doc, sc)
	return r
}

func isOwnSide(ts []tokenize.Token) bool {
	for i := range ts {
		if !ownSide[ts[i].Norm] {
			return false
		}
	}
	return true
}

// negatingPrefixes are compound parts that negate the parts after them:
// "non-aggression", "anti-war".
var negatingPrefixes = map[string]bool{"non": true, "anti": true}

// negatedPart negates a hit on a part of a compound when an earlier part is
// a negating prefix ("non-aggression pact" performs no blame). A lexicon
// entry for the whole compound ("non-interference") matches the whole token
// and is not affected.
func negatedPart(doc *tokenize.Document, sc *scratch, h *xhit, m lexicon.Match) {
	for _, p := range doc.PartsOf(m.First) {
		if p.Start >= m.Start {
			return
		}
		if negatingPrefixes[p.Norm] {
			h.Negated = true
			sc.mbuf = append(sc.mbuf, Modifier{Kind: lexicon.Negator.String(), Text: p.Text, Start: p.Start, End: p.End})
			h.nmods++
			return
		}
	}
}

// modify sets the sentence, modifiers, weight and target of the hit whose
// cue covers tokens [first, last).
func (a *Analyzer) modify(doc *tokenize.Document, sc *scratch, h *xhit, first, last int) {
	toks := doc.Tokens
	h.Sentence = int(sc.sentOf[first])
	cl := sc.clause[first]
	mods := a.mods
	negW, modW := a.opts.NegationWindow, a.opts.ModifierWindow
	reach := max(negW, modW)
	h.mods = len(sc.mbuf) - h.nmods // a negating compound prefix may already be there
	// Modifier matches are ordered by First: find those starting in
	// [first-reach-8, last+reach) (8 bounds a modifier's length).
	// Cues arrive in token order, so the lower bound only moves forward.
	lo := sc.modLo
	for lo < len(sc.mods) && sc.mods[lo].First < first-reach-8 {
		lo++
	}
	sc.modLo = lo
	for j := lo; j < len(sc.mods); j++ {
		m := sc.mods[j]
		if m.First >= last+modW {
			break
		}
		if m.Last > first && m.First < last {
			continue // overlaps the cue: the entry accounts for it
		}
		if !sameClause(sc.clause, m.First, first, m.Last, cl) {
			continue
		}
		md := mods[m.Index]
		before := m.Last <= first
		var dist int // tokens strictly between the modifier and the cue
		if before {
			dist = first - m.Last
		} else {
			dist = m.First - last
		}
		switch md.Kind {
		case lexicon.Negator:
			if !before || dist >= negW || cancelled(toks, m.Last, first) {
				continue
			}
			h.Negated = !h.Negated // two negators cancel: "no peace without justice"
		case lexicon.Intensifier:
			if dist >= modW {
				continue
			}
			// After the cue only adverbs and phrases intensify it ("condemn
			// in the strongest terms", "reject categorically"); an adjective
			// there belongs to a later noun ("attacks are flagrant violations").
			if !before && m.Last-m.First == 1 && !strings.HasSuffix(toks[m.First].Norm, "ly") {
				continue
			}
			h.Intensified = true
			h.Weight *= md.Factor
		case lexicon.Hedge:
			if dist >= modW {
				continue
			}
			h.Hedged = true
			h.Weight *= md.Factor
		default:
			continue
		}
		sc.mbuf = append(sc.mbuf, Modifier{Kind: md.Kind.String(), Text: doc.Text[m.Start:m.End], Start: m.Start, End: m.End})
		h.nmods++
	}
	h.tgt, h.TargetRule = a.target(doc, sc, h.dev, first, last)
	h.Target = a.tcodes[h.tgt]
}

// sameClause reports whether all tokens from the earlier of the modifier and
// the cue to the later one lie in clause cl. Clause numbers only increase,
// so it suffices to compare the two ends.
func sameClause(clause []int32, mFirst, first, mLast int, cl int32) bool {
	if mFirst < first {
		return clause[mFirst] == cl
	}
	return clause[mLast-1] == cl
}

// cancelled reports whether a canceller word lies in tokens [from, to).
func cancelled(toks []tokenize.Token, from, to int) bool {
	for i := from; i < to; i++ {
		if negationCancellers[toks[i].Norm] {
			return true
		}
	}
	return false
}

// target finds the actor that the cue on tokens [first, last) is about.
func (a *Analyzer) target(doc *tokenize.Document, sc *scratch, dev, first, last int) (int, string) {
	toks := doc.Tokens
	// For devices whose object is a victim (blame, threat), only an
	// accusation cue ("blaming the West") takes its object as target.
	victim := a.victimDev[dev] && !isAccusation(toks[first].Norm)
	si := sc.sentOf[first]
	s := doc.Sentences[si]
	cl := sc.clause[first]
	code := func(j int32) int { return a.canon[sc.actors[j].Index] }

	// 1. Inside the cue (a gap: "call on Russia to").
	for i := first; i < last; i++ {
		if j := sc.actAt[i]; j >= 0 && sc.actors[j].Last <= last {
			if victim && insidePatient(toks, first, i) {
				continue // "shield terrorists": the one harmed or helped, not blamed
			}
			return code(j), RuleInside
		}
	}
	// An actor whose alias contains the cue ("the Kyiv regime" for
	// "regime", "Western handlers" for "handlers") is what the cue is about.
	if j := actorAround(sc, first, last); j >= 0 {
		return code(j), RuleInside
	}
	// 2. A cue that ends in "by" or "at the hands of" names its agent next.
	agent := toks[last-1].Norm == "by" || toks[last-1].Norm == "of" && last-first >= 2 && toks[last-2].Norm == "hands"
	if agent {
		// The agent may be a phrase: "provoked by the acts of the Ukrainian army".
		for i := last; i < s.Last && i < last+agentPhrase && sc.clause[i] == sc.clause[last-1]; i++ {
			if j := sc.actAt[i]; j >= 0 && sc.actors[j].Last <= s.Last {
				return code(j), RuleAgent
			}
		}
	}
	// 3. Possessive or attributive directly before: "Russia's aggression",
	// "Russian aggression", "NATO expansion". An actor directly before a cue
	// that opens with an auxiliary is its subject ("Washington is to
	// blame", "Russia bears responsibility"); with tags, one before a verb
	// cue is left to the later rules, so an object wins ("Russia accuses
	// Ukraine").
	if j := sc.actEnd[first]; j >= 0 && sc.actors[j].First >= s.First && !afterAgainst(toks, s, sc.actors[j]) {
		if auxiliaries[toks[first].Norm] {
			return code(j), RuleSubject
		}
		if !strings.HasPrefix(toks[first].Tag, "VB") {
			return code(j), RulePossessive
		}
	}
	if p := possessiveBefore(toks, s.First, first); p >= 0 {
		if j := sc.actEnd[p]; j >= 0 && sc.actors[j].First >= s.First {
			return code(j), RulePossessive
		}
	}
	// 3 and 4. After the cue across function words only: a passive agent
	// ("waged by Russia", "at the hands of Russia") or an object ("blaming the
	// West", "support for Ukraine"). An actor followed by 's possesses
	// something else ("responsible for Ukraine's suffering") and is skipped.
	glue := 0
	for i := last; i < s.Last; i++ {
		if sc.clause[i] != sc.clause[last-1] {
			break
		}
		if j := sc.actAt[i]; j >= 0 {
			e := sc.actors[j].Last
			if e < s.Last && (isPossessive(toks[e].Norm) || toks[e].Norm == "'") {
				break
			}
			if agent {
				return code(j), RuleAgent
			}
			if victim && toks[i-1].Norm != "from" {
				break // "aggression against Ukraine", "invasion of Iraq": a victim
			}
			return code(j), RuleObject
		}
		if !objectGlue[toks[i].Norm] || glue == objectReach {
			break
		}
		if toks[i].Norm == "against" {
			break // "sanctions against Russia": the victim, not the target
		}
		if toks[i].Norm == "by" {
			for k := i + 1; k < s.Last && k <= i+agentPhrase && sc.clause[k] == sc.clause[i]; k++ {
				if j := sc.actAt[k]; j >= 0 && sc.actors[j].Last <= s.Last {
					return code(j), RuleAgent
				}
			}
			break
		}
		glue++
	}
	// 5. Subject. For victim devices the agent of the harm is usually the
	// subject of the main clause: take the earliest actor before the cue
	// back to the sentence start or a hard boundary (; : but however ...),
	// across commas ("NATO led an intervention in Libya, destroying its
	// statehood"), within agentReach tokens. No other rule applies to them
	// but tagging's entities: an actor after the cue, or beyond a boundary,
	// is not blamed ("undermining an architecture supported by ASEAN").
	if victim {
		// A passive without an agent names only the victim: "the people of
		// Afghanistan were abandoned".
		if first-1 >= s.First && beForms[toks[first-1].Norm] && participle(toks[last-1].Norm) {
			return a.entityTarget(doc, sc, s, first, last)
		}
		if j := a.earliestBefore(doc, sc, s, first); j >= 0 {
			return code(j), RuleSubject
		}
		return a.entityTarget(doc, sc, s, first, last)
	}
	// Otherwise the nearest actor before the cue in its clause.
	for i := first - 1; i >= s.First && i >= first-subjectReach; i-- {
		if sc.clause[i] != cl {
			break
		}
		if j := sc.actEnd[i+1]; j >= 0 && sc.actors[j].First >= s.First && !afterAgainst(toks, s, sc.actors[j]) {
			return code(j), RuleSubject
		}
	}
	// 6. The nearest actor in the sentence; on a tie the one before the cue.
	// Not for calls to action: their addressee is the subject or object of
	// the appeal, never a bystander ("attitudes against Türkiye should stop").
	if dev == a.ctaDev {
		if j := a.earliestBefore(doc, sc, s, first); j >= 0 {
			return code(j), RuleSubject
		}
		return a.entityTarget(doc, sc, s, first, last)
	}
	best, bestDist := int32(-1), 0
	if j := sc.prevAct[first]; j >= 0 && sc.actors[j].First >= s.First && !afterAgainst(toks, s, sc.actors[j]) {
		best, bestDist = j, first-sc.actors[j].Last
	}
	if j := sc.nextAct[last]; j >= 0 && sc.actors[j].Last <= s.Last && !afterAgainst(toks, s, sc.actors[j]) {
		if d := sc.actors[j].First - last; best < 0 || d < bestDist {
			best = j
		}
	}
	if best >= 0 {
		return code(best), RuleNearest
	}
	return a.entityTarget(doc, sc, s, first, last)
}

// earliestBefore returns the earliest actor match before token first in
// sentence s, back to a hard boundary and within agentReach tokens, or -1.
// At a relative pronoun the search stops; when nothing was found after it,
// the antecedent (the nearest actor before the pronoun) is returned. An
// actor right after "against" is a victim and is skipped.
func (a *Analyzer) earliestBefore(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, first int) int32 {
	toks := doc.Tokens
	found := int32(-1)
	fronted := frontedEnd(toks, s, first)
	for i := first - 1; i >= s.First && i >= first-agentReach; i-- {
		if hardBoundary(&toks[i]) || i == fronted {
			break
		}
		if relativePronouns[toks[i].Norm] {
			if found < 0 {
				if j := sc.prevAct[i]; j >= 0 && sc.actors[j].First >= s.First {
					found = j
				}
			}
			break
		}
		if j := sc.actAt[i]; j >= 0 && sc.actors[j].Last <= first && !afterAgainst(toks, s, sc.actors[j]) {
			found = j
		}
	}
	return found
}

// entityTarget is the last resort: OTHER for a named entity or proper-noun
// run near the cue when the document is tagged, else NONE.
//
// Entities and proper nouns that a lexicon actor covers do not count: the
// rules above already declined that actor ("withdraw your forces from
// Ukraine" names no addressee).
func (a *Analyzer) entityTarget(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, first, last int) (int, string) {
	toks := doc.Tokens
	if doc.Tagged {
		ents := doc.Entities
		k, _ := slices.BinarySearchFunc(ents, s.First, func(e tokenize.Entity, t int) int { return cmp.Compare(e.First, t) })
		for ; k < len(ents) && ents[k].First < s.Last; k++ {
			if e := ents[k]; e.Last <= s.Last && e.First < e.Last && !isOwnSide(toks[e.First:e.Last]) && !inActor(sc, e.First) {
				return a.otherIdx, RuleEntity
			}
		}
		for i := max(s.First, first-subjectReach); i < min(s.Last, last+subjectReach); i++ {
			if t := toks[i].Tag; (t == "NNP" || t == "NNPS") && !ownSide[toks[i].Norm] && !inActor(sc, i) {
				return a.otherIdx, RuleEntity
			}
		}
	}
	return a.noneIdx, ""
}

// inActor reports whether token i lies inside an actor match (aliases are
// assumed to be at most 8 tokens long).
func inActor(sc *scratch, i int) bool {
	for k := i; k >= 0 && k > i-8; k-- {
		if j := sc.actAt[k]; j >= 0 && sc.actors[j].Last > i {
			return true
		}
	}
	return false
}

// afterAgainst reports whether actor match j directly follows "against"
// (possibly with "the"): a victim, not a target.
func afterAgainst(toks []tokenize.Token, s tokenize.Sentence, m lexicon.Match) bool {
	i := m.First - 1
	if i >= s.First && toks[i].Norm == "the" {
		i--
	}
	return i >= s.First && toks[i].Norm == "against"
}

func isPossessive(norm string) bool { return norm == "'s" || norm == "'" || norm == "s'" }

// possessiveBefore returns the index of the first token of a possessive
// marker ending just before token i ('s, ', or ' followed by s), or -1.
func possessiveBefore(toks []tokenize.Token, lo, i int) int {
	if i-1 < lo {
		return -1
	}
	if isPossessive(toks[i-1].Norm) {
		return i - 1
	}
	if i-2 >= lo && toks[i-1].Norm == "s" && toks[i-2].Norm == "'" && toks[i-2].End == toks[i-1].Start {
		return i - 2
	}
	return -1
}

// imperativeSkip are words that may precede the verb of an imperative.
var imperativeSkip = map[string]bool{"please": true, "so": true, "now": true, "and": true, "then": true}

// imperativeNot are base-form verbs that open formulas, not calls to action.
var imperativeNot = map[string]bool{"thank": true, "excuse": true, "pardon": true, "welcome": true, "congratulate": true}

// imperatives adds a call_to_action hit for every clause of a tagged
// document that opens with a base-form verb (Penn tag VB) and does not end a
// question: the sentence start and the first word after ; or :.
func (a *Analyzer) imperatives(doc *tokenize.Document, sc *scratch) {
	toks := doc.Tokens
	for _, s := range doc.Sentences {
		if s.Last <= s.First || s.Last > len(toks) {
			continue
		}
		if toks[s.Last-1].Norm == "?" {
			continue
		}
		open := true
		for i := s.First; i < s.Last; i++ {
			t := &toks[i]
			if t.Kind == tokenize.Punct {
				if t.Norm == ";" || t.Norm == ":" {
					open = true
				}
				continue
			}
			if !open {
				continue
			}
			if imperativeSkip[t.Norm] {
				continue
			}
			open = false
			if t.Tag != "VB" || imperativeNot[t.Norm] {
				continue
			}
			if i+1 < s.Last && toks[i+1].Norm == "me" {
				continue // "let me", "allow me": the speaker's own move
			}
			if a.coveredByCTA(sc, i) {
				continue
			}
			sc.hits = append(sc.hits, xhit{dev: a.ctaDev, Hit: Hit{
				Device: callToAction, Entry: ImperativeEntry, Text: t.Text, Start: t.Start, End: t.End, Weight: 1,
			}})
			a.modify(doc, sc, &sc.hits[len(sc.hits)-1], i, i+1)
		}
	}
}

// coveredByCTA reports whether a lexicon call_to_action hit already covers token i.
func (a *Analyzer) coveredByCTA(sc *scratch, i int) bool {
	// Cues are ordered by First; a cue covering i starts at most 16 tokens
	// before it (patterns are short).
	k, _ := slices.BinarySearchFunc(sc.cues, i-16, func(m lexicon.Match, t int) int { return cmp.Compare(m.First, t) })
	for ; k < len(sc.cues) && sc.cues[k].First <= i; k++ {
		if m := sc.cues[k]; m.Last > i && a.catDev[m.Index] == a.ctaDev {
			return true
		}
	}
	return false
}
