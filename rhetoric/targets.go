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

// TargetRule names the rule that found a hit's target (see the package doc
// and Analyzer.target).
type TargetRule string

// How a target was found, in the order the rules are tried (see the package
// doc and Analyzer.target).
const (
	RuleInside     TargetRule = "inside"     // the actor lies inside the cue (call on Russia to)
	RuleAccused    TargetRule = "accused"    // X accused Y (of Z), X called on Y (to Z): Y
	RuleAgent      TargetRule = "agent"      // by/at the hands of + actor after the cue
	RulePossessive TargetRule = "possessive" // the actor, possibly with 's, directly precedes the cue
	RuleObject     TargetRule = "object"     // the actor follows the cue across function words only
	RuleSubject    TargetRule = "subject"    // the nearest actor before the cue in its clause
	RuleNearest    TargetRule = "nearest"    // the nearest actor in the sentence
	RuleEntity     TargetRule = "entity"     // a named entity or proper-noun run (tagging only)
)

// targets is the target stage: it sets the target of every hit, the code
// of the actor its cue is about, and the rule that found it.
func (a *Analyzer) targets(doc *tokenize.Document, sc *scratch) {
	for i := range sc.hits {
		h := &sc.hits[i]
		if venues := sc.hasVenue && a.victimDev[h.dev]; venues {
			// A venue ("the United Nations") is where blame is voiced,
			// not whom it targets: victim devices look past it.
			sc.swapActors()
			h.tgt, h.TargetRule = a.target(doc, sc, h.dev, h.first, h.last)
			sc.swapActors()
		} else {
			h.tgt, h.TargetRule = a.target(doc, sc, h.dev, h.first, h.last)
		}
		h.Target = a.tcodes[h.tgt]
	}
}

// Limits of the structural target rules, in tokens.
const (
	objectReach  = 3  // function words allowed between a cue and its object
	subjectReach = 8  // tokens searched before a cue for its subject
	agentReach   = 40 // tokens searched before a victim-device cue for its agent
	agentPhrase  = 6  // tokens searched after "by" for the agent
)

// target finds the actor that the cue on tokens [first, last) is about.
func (a *Analyzer) target(doc *tokenize.Document, sc *scratch, dev, first, last int) (int, TargetRule) {
	toks := doc.Tokens
	// For devices whose object is a victim (blame, threat), only an
	// accusation cue ("blaming the West") takes its object as target.
	g := sc.g
	victim := a.victimDev[dev] && !sc.is(&g.accusation, first)
	si := sc.sentOf[first]
	s := doc.Sentences[si]
	cl := sc.clause[first]
	code := func(j int32) int { return a.canon[sc.actors[j].Index] }

	// 1. Inside the cue (a gap: "call on Russia to").
	for i := first; i < last; i++ {
		if j := sc.actAt[i]; j >= 0 && sc.actors[j].Last <= last {
			if victim && sc.insidePatient(first, i) {
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
	// 2. The object of an accusing or appeal verb: "X accused Y", "X
	// accused Y of Z", "X called on Y to Z" target Y, for the verb and for
	// every cue in Z.
	if j := a.accusedObject(doc, sc, s, first, a.victimDev[dev] || dev == a.ctaDev); j >= 0 {
		return code(j), RuleAccused
	}
	// 3. A cue that ends in "by" or "at the hands of" names its agent next,
	// unless a gerund follows: "by arming Ukraine" is a means.
	agent := sc.endsAt(&g.agentMarker, first, last) > 0 && !(last < s.Last && sc.is(&g.gerund, last))
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
	// After "against" an attributive actor is still the possessor
	// ("defend against Russian aggression"), but not a subject ("attitudes
	// against Russia must change") nor before a cue that opens with a
	// preposition ("a war against Russia at the hands of ...").
	if j := sc.actEnd[first]; j >= 0 && sc.actors[j].First >= s.First {
		against := sc.afterAgainst(s, sc.actors[j])
		switch {
		case sc.is(&g.auxiliary, first):
			if !against {
				return code(j), RuleSubject
			}
		case strings.HasPrefix(toks[first].Tag, "VB"):
		case !against || !sc.is(&g.objectGlue, first):
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
			if victim && sc.endsAt(&g.originMarker, last, i) == 0 {
				break // "aggression against Ukraine", "invasion of Iraq": a victim
			}
			return code(j), RuleObject
		}
		if !sc.is(&g.objectGlue, i) || glue == objectReach {
			break
		}
		if sc.is(&g.victimMarker, i) {
			break // "sanctions against Russia": the victim, not the target
		}
		if sc.is(&g.agentMarker, i) {
			if i+1 < s.Last && sc.is(&g.gerund, i+1) {
				break // "by arming Ukraine": a means, not a passive agent
			}
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
		if first-1 >= s.First && sc.is(&g.beForm, first-1) && sc.is(&g.participle, last-1) {
			return a.entityTarget(doc, sc, s, first, last)
		}
		if j := a.earliestBefore(doc, sc, s, first); j >= 0 {
			return code(j), RuleSubject
		}
		if j := a.agentAfter(doc, sc, s, last); j >= 0 {
			return code(j), RuleNearest
		}
		return a.entityTarget(doc, sc, s, first, last)
	}
	// Otherwise the nearest actor before the cue in its clause.
	for i := first - 1; i >= s.First && i >= first-subjectReach; i-- {
		if sc.clause[i] != cl {
			break
		}
		if j := sc.actEnd[i+1]; j >= 0 && sc.actors[j].First >= s.First && !sc.afterAgainst(s, sc.actors[j]) {
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
	if j := sc.prevActor(first); j >= 0 && sc.actors[j].First >= s.First && !sc.afterAgainst(s, sc.actors[j]) {
		best, bestDist = j, first-sc.actors[j].Last
	}
	if j := sc.nextActor(last); j >= 0 && sc.actors[j].Last <= s.Last && !sc.afterAgainst(s, sc.actors[j]) {
		if d := sc.actors[j].First - last; best < 0 || d < bestDist {
			best = j
		}
	}
	if best >= 0 {
		return code(best), RuleNearest
	}
	return a.entityTarget(doc, sc, s, first, last)
}

// accuseReach bounds how far before a cue its accusing verb may stand.
const accuseReach = 12

// accusedObject returns the actor Y of an accusing or appeal frame that
// the cue at token first belongs to, or -1: the cue is the verb ("Russia
// accused the West", "condemns Russia's actions"), or it follows "V Y
// of/for/to" in its clause ("accused the West of fueling the conflict")
// and inZ is set (a victim or appeal device: "accused Russia of violating
// the sovereignty of Ukraine" does not make Russia the sovereign).
// Y is the first actor after the verb across object glue.
func (a *Analyzer) accusedObject(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, first int, inZ bool) int32 {
	toks, g := doc.Tokens, sc.g
	if sc.sentBits(doc, int(sc.sentOf[first]))&g.verbMask == 0 {
		return -1 // no accusing or appeal verb in the sentence
	}
	for v := first; v >= s.First && v >= first-accuseReach; v-- {
		t := &toks[v]
		if t.Kind == tokenize.Word && (!g.accuseQuick.maybeTok(t) || sc.plainBits(v)&g.accuseMask == 0) {
			continue
		}
		if v < first && (t.Text == ";" || t.Kind == tokenize.Word && sc.is(&g.clauseBreak, v)) {
			return -1
		}
		if t.Kind != tokenize.Word || !(sc.is(&g.accusing, v) || sc.is(&g.appealVerb, v)) || inActor(sc, v) {
			continue
		}
		k, glue := v+1, 0
		for k < s.Last && sc.actAt[k] < 0 && glue < objectReach && sc.is(&g.objectGlue, k) && !sc.is(&g.victimMarker, k) {
			k, glue = k+1, glue+1
		}
		if k >= s.Last || sc.actAt[k] < 0 {
			return -1
		}
		j := sc.actAt[k]
		if v == first {
			return j
		}
		if !inZ {
			return -1 // only victim and appeal devices take Y inside Z
		}
		e := int(sc.actors[j].Last)
		if e < s.Last && isPossessive(toks[e].Norm) {
			e++ // "accused Russia's leaders of"
			for e < first && e < s.Last && toks[e].Kind == tokenize.Word && !sc.is(&g.objectLink, e) && e < int(sc.actors[j].Last)+3 {
				e++
			}
		}
		if e < first && sc.is(&g.objectLink, e) {
			return j
		}
		return -1
	}
	return -1
}

// earliestBefore returns the earliest actor match before token first in
// sentence s, back to a hard boundary and within agentReach tokens, or -1.
// At a relative pronoun the search stops; when nothing was found after it,
// the antecedent (the nearest actor before the pronoun) is returned. An
// actor right after "against" is a victim and is skipped.
func (a *Analyzer) earliestBefore(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, first int) int32 {
	g := sc.g
	found := int32(-1)
	fronted := sc.frontedEnd(s, first)
	for i := first - 1; i >= s.First && i >= first-agentReach; i-- {
		if sc.hardBoundary(i) || i == fronted {
			break
		}
		if sc.is(&g.relPronoun, i) {
			if found < 0 {
				if j := sc.prevActor(i); j >= 0 && sc.actors[j].First >= s.First {
					found = j
				}
			}
			break
		}
		if j := sc.actAt[i]; j >= 0 && sc.actors[j].Last <= first && !sc.afterAgainst(s, sc.actors[j]) {
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
func (a *Analyzer) entityTarget(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, first, last int) (int, TargetRule) {
	toks := doc.Tokens
	if doc.Tagged {
		ents := doc.Entities
		k, _ := slices.BinarySearchFunc(ents, s.First, func(e tokenize.Entity, t int) int { return cmp.Compare(e.First, t) })
		for ; k < len(ents) && ents[k].First < s.Last; k++ {
			if e := ents[k]; e.Last <= s.Last && e.First < e.Last && !sc.isOwnSide(e.First, e.Last) && !inActor(sc, e.First) {
				return a.otherIdx, RuleEntity
			}
		}
		for i := max(s.First, first-subjectReach); i < min(s.Last, last+subjectReach); i++ {
			if t := toks[i].Tag; (t == "NNP" || t == "NNPS") && !sc.is(&sc.g.ownSide, i) && !inActor(sc, i) {
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

// afterAgainst reports whether actor match m directly follows a victim
// marker ("against"), possibly with one article between: a victim, not a
// target.
func (sc *scratch) afterAgainst(s tokenize.Sentence, m lexicon.Match) bool {
	g := sc.g
	i := m.First - 1
	if i >= s.First && sc.is(&g.article, i) {
		i--
	}
	return i >= s.First && sc.is(&g.victimMarker, i)
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

// insidePatient reports whether the actor starting at token i inside the
// cue [first, last) is the cue's object rather than its agent: it does not
// open the cue and does not follow a genitive or agent marker ("of", "by";
// "shield terrorists",
// "arm terrorists" blame whoever shields or arms them; "NATO expansion" and
// "expansion of NATO" name NATO).
func (sc *scratch) insidePatient(first, i int) bool {
	g := sc.g
	if i <= first {
		return false
	}
	return !sc.is(&g.genitive, i-1) && !sc.is(&g.agentMarker, i-1)
}

// frontedEnd returns the index of the comma that closes a prepositional
// phrase opening sentence s ("Despite ..., "), when it lies before token
// first, or -1. The search stops at a hard boundary or after agentReach
// tokens.
func (sc *scratch) frontedEnd(s tokenize.Sentence, first int) int {
	g, toks := sc.g, sc.toks
	if s.First >= first || !sc.is(&g.fronted, s.First) {
		return -1
	}
	for i := s.First + 1; i < first && i <= s.First+agentReach; i++ {
		if toks[i].Text == "," {
			return i
		}
		if sc.hardBoundary(i) {
			return -1
		}
	}
	return -1
}

// actorAround returns the actor match that starts before token first and
// reaches into the cue [first, last), or -1 (aliases are assumed to be at
// most 8 tokens long, as in inActor).
func actorAround(sc *scratch, first, last int) int32 {
	for k := first - 1; k >= 0 && k > first-8; k-- {
		if j := sc.actAt[k]; j >= 0 && sc.actors[j].Last > first && sc.actors[j].First < last {
			return j
		}
	}
	return -1
}

// agentAfter is the victim devices' last structural resort: the nearest
// actor after the cue in its sentence that is not its object ("the
// destabilizing activities of Iran", "the aggression ... fuelled by
// Russia", "the aggressor is President Putin"), or -1. An actor after a
// victim marker ("against"), or reached from the cue across object glue
// alone ("invasion of Iraq"), is a victim and is skipped.
func (a *Analyzer) agentAfter(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, last int) int32 {
	g := sc.g
	i := last
	for i < s.Last && sc.actAt[i] < 0 && sc.is(&g.objectGlue, i) {
		i++
	}
	if i < s.Last && sc.actAt[i] >= 0 {
		i = int(sc.actors[sc.actAt[i]].Last) // the cue's object: a victim
	}
	for ; i < s.Last && i < last+agentReach; i++ {
		if sc.hardBoundary(i) {
			return -1
		}
		if j := sc.actAt[i]; j >= 0 && sc.actors[j].Last <= s.Last {
			if k := sc.beforeArticle(s, sc.actors[j].First); k >= s.First && (sc.is(&g.agentMarker, k) || sc.is(&g.genitive, k) || sc.is(&g.beForm, k)) {
				return j
			}
			i = sc.actors[j].Last - 1
		}
	}
	return -1
}

// beforeArticle returns the index of the token before token i, skipping
// one article ("by the Kremlin" gives "by").
func (sc *scratch) beforeArticle(s tokenize.Sentence, i int) int {
	g := sc.g
	k := i - 1
	if k >= s.First && sc.is(&g.article, k) {
		k--
	}
	return k
}
