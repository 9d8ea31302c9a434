package lexicon

import (
	"sync"

	"github.com/rhetorica/rhetorica/internal/formindex"
	"github.com/rhetorica/rhetorica/tokenize"
)

// MatchKind says which part of a lexicon a [Match] comes from.
type MatchKind uint8

// The kinds of match.
const (
	CategoryMatch MatchKind = iota // Index is a category, Entry an entry of it
	ModifierMatch                  // Index is a modifier
	ActorMatch                     // Index is an actor, Entry one of its aliases
)

// Match is one occurrence of a lexicon pattern in a tokenized document.
type Match struct {
	Kind  MatchKind
	Index int // index into Categories(), Modifiers() or Actors(), by Kind
	Entry int // index of the entry (or alias) within the category (or actor); 0 for modifiers
	First int // index of the first matched token in doc.Tokens
	Last  int // index just past the last matched token
	Start int // byte offset of the match in doc.Text
	End   int // byte offset just past the match
	// Part is true when the match lies inside one part of a Compound token
	// (First+1 == Last and Start/End are the part's offsets).
	Part bool
}

// Matcher finds a lexicon's patterns in tokenized documents in one pass.
//
// # Elements
//
// A pattern is a sequence of elements, each of which matches exactly one
// token of [tokenize.Document.Tokens]:
//
//   - word: the token's Norm equals the element's normal form;
//   - word*: the token's Norm begins with the element's normal form (it may
//     also equal it); the prefix is compared byte by byte on normal forms,
//     so `russia*` matches "russian" and also the compound "russia-backed";
//   - ~word: the token's Stem equals the element's stem, which the tokenizer
//     computes in the lexicon's language (so a document must be tokenized in
//     the lexicon's language for stem elements to match);
//   - _ (a gap): any one token of kind [tokenize.Word] or [tokenize.Number],
//     never punctuation, symbols, URLs and the like.
//
// Element words are normalised and split with the tokenizer exactly as text
// is (see parsePattern), so `Russia’s` is the two elements `russia` `'s` and
// matches "Russia's" and "Russia’s" alike, `don't` is `do` `n't`, an
// element written as a lone clitic (`n't`, `’s`) is that clitic, and
// `rules-based` is one element that matches the one compound token
// "rules-based" (or "rules‑based" with another hyphen the tokenizer joins
// words with; an en or em dash separates words, so "rules–based" is three
// tokens). A trailing `*` applies to the last token of its element, `~` to
// every token of it. Exact and prefix elements compare Norm whatever the
// token's kind, so a pattern may contain punctuation (`peace . war`).
// Matches are not confined to a sentence.
//
// A pattern is rejected when it has no element ([ErrEmptyPattern]), when an
// element is a lone `*` ([ErrBareWildcard]), and ([ErrSyntax]) when it
// begins or ends with `_`, or an element is a lone `~`, `~*`, both a stem
// and a wildcard (`~word*`), has `*` anywhere but at its end (`**`, `a*b`,
// `*ism`), `~` anywhere but at its start, `_` inside a word (`war_crimes`:
// write `war crimes`), or no token at all. The error's position is the byte
// offset of the offending element (or character) in the pattern.
//
// # Compounds
//
// A hyphenated compound token ("U.S.-led", "Russia-backed") is matched whole
// first, like any token. Its parts ([tokenize.Document.PartsOf]) are then
// tried, for each overlap group (see below) that has no match covering the
// compound token: a part can match only a pattern of a single word, prefix
// or stem element (never a phrase, and never across the parts or beyond the
// compound). The leftmost part that matches gives the group's match, with
// Part set, First and Last the compound token's index and index+1, and Start
// and End the part's byte offsets; other parts do not match for that group,
// so the compound still counts at most once per group.
//
// # Overlaps
//
// Overlaps are resolved independently within each group: each category is
// a group, each kind of modifier (all negators, all intensifiers, all
// hedges) is a group, and each actor is a group. Within a group the rule is
// leftmost-longest: scanning tokens from the left, at the first token where
// any of the group's patterns match, the longest match (in tokens) is taken,
// and scanning resumes after it; among equally long matches, the pattern
// listed first in the group wins (the lowest entry index for a category,
// the lowest modifier index for a modifier kind, the lowest alias index for
// an actor). So each token counts at most once per group, while matches of
// different groups may overlap freely, and a pattern listed in two
// categories matches in both.
//
// # Order
//
// [Matcher.Find] appends matches ordered by First, then Kind (categories,
// then modifiers, then actors), then Index, then Entry, then Start.
//
// # Cost
//
// The lexicon is compiled once into an automaton over token IDs: a hash
// table from the lexicon's normal forms and stems to word and stem IDs
// (which also gives the trie node that starts a match), a byte trie of
// wildcard prefixes, and a trie of patterns whose edges are (element kind,
// ID) pairs, held in an open-addressing hash table. Every node has a 64-bit
// signature of its edges, and the edges and two-step paths of nodes with
// many edges are in one global Bloom filter small enough to stay in cache
// (about 16 bits per key), so that most walks that would end within the
// next token are ruled out without touching the edge table. Each distinct
// word is resolved once (repeats are found as told below) to its symbols:
// a lookup for its word, one for its stem (each probing a dense array of
// hash tags first and then one slot holding the key and its IDs), and a
// walk of the prefix trie bounded by the word's length. The slot also holds the word's predecessor signatures: which
// first words of patterns it can follow as the second or third token. In a
// large lexicon nearly every word begins some phrase; a walk from such a
// word starts only when the next two tokens' signatures allow it (and then
// the global filter agrees), so most tokens cost a few bit tests on the
// document's own symbols, which stay in cache. Tokens that carry a form ID
// ([tokenize.Token.Form]) are resolved without hashing: the matcher keeps,
// per tokenizer (up to four), a table from form ID to vocabulary entry, or
// to the mark of a word without any symbol (most words of a small lexicon,
// which Find's main loop then passes over in one test), filled as words
// are first met; and each pooled scratch keeps, for the form IDs of the
// last tokenizer it served, the symbols it resolved, so that a word costs
// one index into that table in later documents too (at most 2^18 IDs, 4
// bytes each, and about 4 MiB of symbols, beyond which the scratch starts
// afresh). Tokens without a form ID take the hash path, with a small
// per-document memo and the same result.
// No step depends on the number of entries, so matching costs time linear
// in the document plus the
// number of matches; a large lexicon still costs somewhat more per token
// than a small one, because its tables do not stay in the
// processor's caches, and because its words have symbols to test where a
// small lexicon's mostly have none. Scratch memory is pooled: Find does not
// allocate once dst has room and the scratch has met the document's words.
//
// A Matcher is immutable, apart from its bounded tables of form IDs, and
// safe for concurrent use. The zero value (and a
// nil *Matcher) is usable and matches nothing.
type Matcher struct {
	vocab      vocabTable // normal forms and stems of the lexicon
	rootPrefix []int32    // root edges by prefix ID; 0 means none
	vocabPfx   []int32    // prefix IDs of the vocabulary's strings (see vocabIDs)
	pfxPreds   []predSig  // by prefix ID
	edges      edgeTable  // other edges, by edgeKey
	bloom      []uint64   // global Bloom filter of edges and two-step paths (see nodeInfo)
	bloomMask  int32      // len(bloom)-1
	nodes      []nodeInfo // per node of the pattern trie that has edges or is a gap, stem or prefix target (see builder.renumber); 0 is the root
	outs       []output
	proot      [256]int32 // prefix trie: root children by byte, -1 none
	pnodes     []pnode
	pbytes     []byte // the bytes of the prefix trie's edges (see pnode)
	hasStems   bool
	preds      bool  // some child of the root is filtered: tokSym.preds are needed
	ncats      int32 // the number of categories, the first overlap groups
	ngroups    int
	pool       *sync.Pool // of *scratch
	forms      *formIndexes
}

// Matcher returns the lexicon's matcher, compiled once when the lexicon was
// built. The rules it applies are documented on [Matcher].
func (l *Lexicon) Matcher() *Matcher { return l.matcher }

// vocabIDs are the IDs of one string of the lexicon's vocabulary as a word
// and as a stem, -1 when it is not one. wordNode and stemNode are the trie nodes that the root's edges along it
// lead to (0 when none), so that starting a match costs no further lookup.
// wordInfo is a copy of the info of wordNode, so that a walk that ends
// after one token never touches the node table; the IDs of the wildcard
// prefixes of the string are vocabPfx[pfxLo:pfxLo+pfxN].
//
// The lexicon's stems that begin the string (the string itself included):
// stemPfx is how many (0, 1, or 2 for two or more), stemLen the length of
// the longest (0 when none; noStemLen when the string is too long to say),
// and kstem and kstemNode its stem and stemNode. A token whose Stem begins
// its Norm (the usual case) then needs no second lookup: its Stem is that
// longest stem, or (with stemPfx < 2) surely none of the lexicon's.
//
// The fields are ordered to pack the struct into 88 bytes: a large
// lexicon has one per string of its vocabulary.
type vocabIDs struct {
	word, stem, wordNode, stemNode int32
	pfxLo                          int32
	kstem, kstemNode               int32
	pfxN                           uint16
	stemLen                        uint8
	stemPfx                        uint8
	wordInfo                       nodeInfo
	preds                          predSig // of the string as a word, as a stem and of its prefixes
}

// noStemLen is vocabIDs.stemLen for a string too long to index its stems.
const noStemLen = 255

// predSig summarises where a symbol stands in the patterns that begin
// with a node n one step below the root, each set a 64-bit signature of
// such nodes (bit nodeBit(n)):
//
//   - next: n has an edge along the symbol;
//   - stop: that edge's child has outputs or a gap edge, so a walk along
//     it may match without a further symbol;
//   - third: a child of n other than its gap child has an edge along it;
//   - afterGap: the gap child of n has an edge along it.
//
// A token whose symbols' predSigs lack a node's bit cannot continue a walk
// from that node in the way the set describes, which canStep learns from
// the tokens' tokSyms, which stay in cache, instead of the global filter.
type predSig struct {
	next, stop, third, afterGap uint64
}

// nodeBit is the bit of node n in a predSig.
func nodeBit(n int32) uint64 { return 1 << (uint32(n) * 0x9e3779b1 >> 26) }

// or adds q's bits to p.
func (p *predSig) or(q *predSig) {
	p.next |= q.next
	p.stop |= q.stop
	p.third |= q.third
	p.afterGap |= q.afterGap
}

// tokSym is what one distinct word resolves to: its symbols in the pattern
// trie. Tokens refer to it through scratch.tok, which keeps it out of the
// per-token array so that a long document's symbols stay in cache. What
// Find's main loop reads of it is in its symHot, in a separate array.
type tokSym struct {
	word, stem   int32 // IDs, or -1
	pfxLo, pfxHi int32 // its prefix IDs are scratch.pfx[pfxLo:pfxHi]
	wordNode     int32 // the root's children along word and stem, or 0
	stemNode     int32
	wordInfo     nodeInfo // the info of wordNode, copied from the vocabulary
}

// symHot is the part of a word's symbols (its tokSym of the same index)
// that Find's main loop tests against the tokens around it: 64 bytes, one
// cache line, so that a word's first token in a document costs one cache
// miss there and not the two of a 96-byte tokSym.
type symHot struct {
	// phraseBit is nodeBit(wordNode) when the word's only way to start a
	// match is wordNode, a node without outputs and without a gap edge
	// followed by another, in a lexicon with predSigs: the first word of
	// phrases only, the usual case in a large lexicon, which Find's main
	// loop tests against the next tokens first. 0 otherwise.
	phraseBit uint64
	preds     predSig // of all its symbols together, when Matcher.preds
	// sigs has bit sigBit(x) of every symbol x of the word, so that a
	// node whose sig shares no bit with it surely has no edge along the
	// word: one test where mayEdge needs one per symbol.
	sigs uint64
	sig  uint64 // wordInfo.sig of the tokSym
	// bloomNode is the tokSym's wordNode when that node is filtered, and
	// bloomWord its word when that is its only symbol; else -1. When
	// neither is -1, the global filter tells whether an edge leads from
	// the node of one word along another (see Find).
	bloomNode, bloomWord int32
}

// Flags of a token in scratch.tok, above the index of its symbols:
// gapBit marks a token of kind Word or Number, which a gap matches, and
// compoundBit a compound token, whose parts Find tries too. With them the
// main loop of Find reads scratch.tok only, not the (much larger) tokens.
// rootBit marks symbols with a child of the root (rootOf): Find's main
// loop passes over a token that has neither it nor compoundBit without
// reading its symbols; phraseFlag marks symbols with a phraseBit, so that
// the loop reads the symHot of those only. Unlike the other flags these
// two belong to the symbols, so a token that shares an earlier token's
// symbols copies them (symBits).
const (
	gapBit      = 1 << 31
	compoundBit = 1 << 30
	rootBit     = 1 << 29
	phraseFlag  = 1 << 28
	symBits     = compoundBit - 1 // the index of the symbols, rootBit and phraseFlag
	symMask     = phraseFlag - 1  // the index of the symbols
)

// rootOf returns rootBit when a match may start with sy, 0 when it surely
// cannot: sy leads from the root along no edge.
func rootOf(sy *tokSym) uint32 {
	if sy.wordNode != 0 || sy.stemNode != 0 || sy.pfxLo != sy.pfxHi {
		return rootBit
	}
	return 0
}

// flagsOf returns the flags of t for scratch.tok, without branches: it
// runs for every token.
func flagsOf(t *tokenize.Token) uint32 {
	return gapKinds[t.Kind] | uint32(t.Flags&tokenize.Compound)*(compoundBit/uint32(tokenize.Compound))
}

// gapKinds holds gapBit for the kinds of token a gap matches.
var gapKinds = [256]uint32{tokenize.Word: gapBit, tokenize.Number: gapBit}

// at returns the symbols of token j and whether a gap matches it.
func (s *scratch) at(j int) (*tokSym, bool) {
	t := s.tok[j]
	return &s.syms[t&symMask], t&gapBit != 0
}

// hotAt returns the symHot of token j.
func (s *scratch) hotAt(j int) *symHot { return &s.hot[s.tok[j]&symMask] }

// scratch is the per-call memory of Find, pooled per Matcher.
type scratch struct {
	syms      []tokSym // per distinct word: of the documents since restart (see forms), or of this one
	hot       []symHot // per element of syms, its symHot
	tok       []uint32 // per token: index into syms and hot | flags (gapBit, compoundBit, rootBit, phraseFlag)
	pfx       []int32  // prefix IDs of syms (tokSym.pfxLo, pfxHi)
	space     uint64   // the form space (tokenize.Document.FormSpace) of forms
	forms     []uint32 // by form ID of space: 0 when not met since restart, else 1 + its scratch.tok value & symBits
	kept      int      // when >= 0, the last document had no form index: syms[kept:] are its own (and pfx[keptPfx:])
	keptPfx   int
	blocked   []int32  // per group: tokens before this index are taken
	stamp     []uint32 // per group: blocked is valid only when stamp == epoch
	epoch     uint32
	bestN     []int32            // per group, at one start: length of the best match, 0 none
	bestO     []int32            // per group, at one start: index into outs of the best match
	touched   []int32            // groups with bestN > 0
	cur, next []active           // active trie nodes
	found     []Match            // matches at one start position
	dst       []Match            // Find's dst while it runs (kept here, not in a register the loop spills)
	memo      [memoSize]memoSlot // distinct words of the document without a form ID: see resolve
	bytes     [256]uint32        // by byte: 0, or 1 + the symbols (as in forms) of that one-byte Norm and Stem
}

// maxKeptSyms bounds the symbols a scratch keeps from one document to the
// next (a tokSym and a symHot, 112 bytes: about 4 MiB with their prefixes,
// typically far less: only words with symbols take one); a document that
// finds more restarts the scratch. A variable only so that a test can
// lower it.
var maxKeptSyms = 1 << 15

// restart forgets the symbols of earlier documents and ties s.forms to
// form space.
func (s *scratch) restart(space uint64) {
	s.space = space
	clear(s.forms)
	clear(s.bytes[:])
	s.syms = append(s.syms[:0], tokSym{word: -1, stem: -1}) // noSym
	s.hot = append(s.hot[:0], symHot{})
	s.pfx = s.pfx[:0]
}

// formSlot returns the slot of form ID id in s.forms, growing it as needed,
// or nil when id is 0 or at least formindex.MaxID (as the matcher's form
// index, s.forms holds the IDs below it).
func (s *scratch) formSlot(id uint32) *uint32 {
	if id < uint32(len(s.forms)) {
		if id == 0 {
			return nil
		}
		return &s.forms[id]
	}
	if id >= formindex.MaxID {
		return nil
	}
	n := max(2*len(s.forms), 1024, int(id)+1)
	s.forms = append(s.forms, make([]uint32, min(n, formindex.MaxID)-len(s.forms))...)
	return &s.forms[id]
}

// memoSize is the number of slots of the per-document word memo.
const memoSize = 4096

// memoSlot remembers the first token of the current document (epoch) with
// a given normal form (and stem).
type memoSlot struct {
	epoch uint32
	first uint32
}

func (m *Matcher) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{
		blocked: make([]int32, m.ngroups),
		stamp:   make([]uint32, m.ngroups),
		bestN:   make([]int32, m.ngroups),
		bestO:   make([]int32, m.ngroups),
		kept:    -1,
	}
}

// Find appends to dst every match of the lexicon in doc and returns the
// extended slice. The rules for elements, compounds, overlaps and order are
// in the [Matcher] documentation. Find does not modify doc.
func (m *Matcher) Find(doc *tokenize.Document, dst []Match) []Match {
	if m == nil || m.pool == nil || len(m.outs) == 0 || doc == nil || len(doc.Tokens) == 0 {
		return dst
	}
	s := m.getScratch()
	s.epoch++
	if s.epoch == 0 {
		clear(s.stamp)
		clear(s.memo[:])
		s.epoch = 1
	}
	toks := doc.Tokens
	s.dst = dst
	fx := m.forms.Index(doc.FormSpace)
	m.resolve(s, toks, fx, doc.FormSpace)
	parts := doc.Parts
	pi := 0 // cursor into parts
	// tok and hot are s.tok and s.hot, which Find does not change (below
	// resolve, only matchPart appends to s.hot, and cuts it back), in
	// locals so that the phrase test's bounds are known.
	tok, hot := s.tok, s.hot
	for i, ti := range tok {
		if ti&(rootBit|compoundBit) == 0 {
			// The usual case in a small lexicon.
			continue
		}
		if ti&(phraseFlag|compoundBit) == phraseFlag && i+2 < len(tok) {
			// The usual case in a large lexicon: the first word of
			// phrases, none of which goes on with the next tokens, as
			// canStep's first test, on the tokens' symHots only, finds:
			// whether the node may have an edge along a symbol of token
			// i+1 that a walk could follow (by the predSigs, the node's
			// sig and, for a filtered node and a next word without other
			// symbols, the global filter, which rules out most), or a
			// gap edge and then an edge along a symbol of token i+2.
			h := &hot[ti&symMask]
			b := h.phraseBit
			t1 := tok[i+1]
			n1, y := &hot[t1&symMask], &hot[tok[i+2]&symMask]
			if !(n1.preds.next&b != 0 && (n1.preds.stop|y.preds.third)&b != 0 && h.sig&n1.sigs != 0 &&
				(h.bloomNode|n1.bloomWord < 0 || m.mayHold(edgeHash(h.bloomNode, symWord<<30|uint32(n1.bloomWord)))) ||
				t1&gapBit != 0 && y.preds.afterGap&b != 0) {
				continue
			}
		}
		sy := &s.syms[ti&symMask]
		s.found = s.found[:0]
		start := sy.stemNode != 0 || sy.pfxLo != sy.pfxHi || sy.wordInfo.outN != 0
		if !start && sy.wordNode != 0 && i+1 < len(toks) {
			// A token without symbols continues no walk but along a
			// gap edge: most tokens after "the" or "of" in a small
			// lexicon, ruled out without calling canStep.
			t1 := s.tok[i+1]
			start = t1&symMask != noSym || t1&gapBit != 0 && sy.wordInfo.gap > 0
			start = start && m.canStep(s, &sy.wordInfo, i+1)
		}
		if !start {
			// The usual case in a large lexicon: the token begins
			// phrases only, none of which continues with the next token.
			s.cur = s.cur[:0]
		} else {
			s.cur = m.rootNodes(s.cur[:0], s, sy)
		}
		if len(s.cur) > 0 {
			m.walk(s, i)
			for _, g := range s.touched {
				n := int(s.bestN[g])
				kind, index, entry := m.match(m.outs[s.bestO[g]])
				s.found = append(s.found, Match{Kind: kind, Index: index, Entry: entry,
					First: i, Last: i + n, Start: toks[i].Start, End: toks[i+n-1].End})
				s.blocked[g], s.stamp[g] = int32(i+n), s.epoch
				s.bestN[g] = 0
			}
			s.touched = s.touched[:0]
		}
		if ti&compoundBit != 0 {
			t := &toks[i]
			for pi < len(parts) && parts[pi].Start < t.Start {
				pi++
			}
			for ; pi < len(parts) && parts[pi].End <= t.End; pi++ {
				m.matchPart(s, i, &parts[pi], fx)
			}
		}
		if len(s.found) > 0 {
			sortMatches(s.found)
			s.dst = append(s.dst, s.found...)
		}
	}
	dst, s.dst = s.dst, nil
	m.pool.Put(s)
	return dst
}

// resolve fills s.tok, s.syms (and s.pfx) with the symbols of every
// token. The lexicon's large tables are consulted about once per distinct
// word, not once per token: a token with a form ID (of space, whose index
// of the matcher is fx) shares the symbols that s.forms holds for its ID,
// which last from one document to the next, as do those of one-byte
// tokens (punctuation, mostly) in s.bytes; a token without one shares
// those of an earlier token of the document with the same Norm and Stem,
// found through a small direct-mapped memo.
func (m *Matcher) resolve(s *scratch, toks []tokenize.Token, fx *formIndex, space uint64) {
	if cap(s.tok) < len(toks) {
		s.tok = make([]uint32, len(toks), len(toks)+len(toks)/4)
	}
	s.tok = s.tok[:len(toks)]
	if s.kept >= 0 {
		// The last document's symbols are of no use to this one.
		s.syms, s.hot, s.pfx, s.kept = s.syms[:s.kept], s.hot[:s.kept], s.pfx[:s.keptPfx], -1
		clear(s.bytes[:])
	}
	if len(s.syms) == 0 || fx != nil && space != s.space || len(s.syms) > maxKeptSyms {
		s.restart(space)
	}
	if fx == nil {
		// A document without a form index keeps s.forms for the
		// documents that have one and leaves nothing behind.
		s.kept, s.keptPfx = len(s.syms), len(s.pfx)
	}
	for i := range toks {
		t := &toks[i]
		if fx != nil {
			if c := s.formSlot(t.Form); c != nil {
				if *c == 0 {
					x := uint32(noSym)
					if sl := fx.Known(t.Form); sl == nil || sl.Load() != formNoSym {
						x = m.formSymbols(s, t, fx) // the test is its first case, inlined
					}
					*c = x + 1
				}
				s.tok[i] = *c - 1 | flagsOf(t)
				continue
			}
		}
		if n := t.Norm; len(n) == 1 && t.Stem == n {
			c := &s.bytes[n[0]]
			if *c == 0 {
				*c = m.newSymbols(s, t, m.vocab.hash(n)) + 1
			}
			s.tok[i] = *c - 1 | flagsOf(t)
			continue
		}
		h := m.vocab.hash(t.Norm)
		c := &s.memo[h&(memoSize-1)]
		if c.epoch == s.epoch {
			if f := &toks[c.first]; f.Norm == t.Norm && f.Stem == t.Stem {
				s.tok[i] = s.tok[c.first]&symBits | flagsOf(t)
				continue
			}
		}
		s.tok[i] = m.newSymbols(s, t, h) | flagsOf(t)
		c.epoch, c.first = s.epoch, uint32(i)
	}
}

// newSymbols resolves t, whose Norm has hash h, and returns the index of
// its symbols in s.syms with rootBit (see rootOf) and phraseFlag: noSym, or
// a new tokSym (and symHot) that it appends.
func (m *Matcher) newSymbols(s *scratch, t *tokenize.Token, h uint64) uint32 {
	k := s.add()
	m.symbols(s, k, t, h)
	return s.settle(k, m.preds)
}

// add appends a zero tokSym and symHot for symbols to resolve, and returns
// their index.
func (s *scratch) add() uint32 {
	s.syms = append(s.syms, tokSym{})
	s.hot = append(s.hot, symHot{})
	return uint32(len(s.syms) - 1)
}

// settle finishes the symbols just resolved into s.syms[k] and s.hot[k],
// the last ones, and returns their index with rootBit (see rootOf) and
// phraseFlag; when they are empty it drops them and returns noSym, which
// all such words share. preds is Matcher.preds.
func (s *scratch) settle(k uint32, preds bool) uint32 {
	sy := &s.syms[k]
	if sy.empty() {
		s.pfx = s.pfx[:sy.pfxLo]
		s.syms, s.hot = s.syms[:k], s.hot[:k]
		return noSym
	}
	h := &s.hot[k]
	h.set(sy, s.pfx[sy.pfxLo:sy.pfxHi], preds)
	if h.phraseBit != 0 {
		k |= phraseFlag
	}
	return k | rootOf(sy)
}

// noSym is the index in scratch.syms of the symbols of a word that has
// none: no word or stem ID and no prefix. resolve keeps it there for
// every document, so that such words, most words of a small lexicon, share
// it instead of taking a tokSym each.
const noSym = 0

// empty reports whether sy has no symbol at all. Its predSig is then
// zero, or (for a string of the vocabulary that is only some pattern's
// stem) describes symbols the word does not have; either way the word
// cannot start or continue a walk, except through a gap, which looks at
// its flags only.
func (sy *tokSym) empty() bool {
	return sy.word < 0 && sy.stem < 0 && sy.pfxLo == sy.pfxHi
}

// symbols resolves one token, whose Norm has hash h (m.vocab.hash), into
// s.syms[k] and the preds of s.hot[k], which must be zero, appending its
// prefix IDs to s.pfx.
func (m *Matcher) symbols(s *scratch, k uint32, t *tokenize.Token, h uint64) {
	m.symbolsOf(s, k, t, m.vocab.get(h, t.Norm))
}

// set sets the fields of h other than preds from sy, the tokSym of the
// same symbols (not empty: most words of a small lexicon have none, and
// need no symHot), whose prefix IDs are pfx; preds is Matcher.preds.
func (h *symHot) set(sy *tokSym, pfx []int32, preds bool) {
	var sigs uint64
	if sy.word >= 0 {
		sigs |= 1 << sigBit(symWord<<30|uint32(sy.word))
	}
	if sy.stem >= 0 {
		sigs |= 1 << sigBit(symStem<<30|uint32(sy.stem))
	}
	for _, p := range pfx {
		sigs |= 1 << sigBit(symPrefix<<30|uint32(p))
	}
	h.sigs, h.sig = sigs, sy.wordInfo.sig
	h.bloomNode, h.bloomWord = -1, -1
	if sy.wordInfo.filtered() {
		h.bloomNode = sy.wordNode
	}
	if sy.stem < 0 && len(pfx) == 0 {
		h.bloomWord = sy.word
	}
	if sy.wordNode != 0 && preds && sy.wordInfo.outN == 0 && sy.wordInfo.gapKinds&(1<<symGap) == 0 && sy.stemNode == 0 && len(pfx) == 0 {
		h.phraseBit = nodeBit(sy.wordNode)
	}
}

// symbolsOf is symbols given v, the vocabulary entry of t.Norm (nil when
// none). It leaves the rest of s.hot[k] to symHot.set.
func (m *Matcher) symbolsOf(s *scratch, k uint32, t *tokenize.Token, v *vocabIDs) {
	sy, preds := &s.syms[k], &s.hot[k].preds
	sy.word, sy.stem = -1, -1
	sy.pfxLo = int32(len(s.pfx))
	if v != nil {
		sy.word, sy.wordNode, sy.wordInfo = v.word, v.wordNode, v.wordInfo
		if m.preds {
			*preds = v.preds
		}
		if v.pfxN > 0 {
			s.pfx = append(s.pfx, m.vocabPfx[v.pfxLo:v.pfxLo+int32(v.pfxN)]...)
		}
	} else if m.pnodes != nil {
		s.pfx = m.appendPrefixes(s.pfx, t.Norm)
		if m.preds {
			for _, p := range s.pfx[sy.pfxLo:] {
				preds.or(&m.pfxPreds[p])
			}
		}
	}
	sy.pfxHi = int32(len(s.pfx))
	if m.hasStems {
		if v != nil && v.stemLen != noStemLen && len(t.Stem) <= len(t.Norm) && t.Stem == t.Norm[:len(t.Stem)] {
			switch {
			case v.stemPfx > 0 && len(t.Stem) == int(v.stemLen):
				sy.stem, sy.stemNode = v.kstem, v.kstemNode // and v.preds has the stem's
				return
			case v.stemPfx < 2:
				return // the Stem begins the Norm and is none of the lexicon's stems
			}
		}
		if t.Stem != t.Norm {
			v = m.vocab.get(m.vocab.hash(t.Stem), t.Stem)
			if v != nil && m.preds {
				preds.or(&v.preds)
			}
		}
		if v != nil {
			sy.stem, sy.stemNode = v.stem, v.stemNode
		}
	}
}

// appendPrefixes appends the IDs of the wildcard prefixes that norm begins
// with, shortest first. The walk stops where the prefix trie does, so it
// costs at most len(norm) steps.
func (m *Matcher) appendPrefixes(dst []int32, norm string) []int32 {
	if norm == "" {
		return dst
	}
	n := m.proot[norm[0]]
	for i := 1; n >= 0; i++ {
		pn := &m.pnodes[n]
		if pn.prefix >= 0 {
			dst = append(dst, pn.prefix)
		}
		if i == len(norm) || pn.count == 0 {
			break
		}
		if pn.count == 1 {
			// A chain, most of a trie of long prefixes.
			if m.pbytes[pn.first] != norm[i] {
				break
			}
			n = pn.first + 1
			continue
		}
		n = m.pchild(pn, norm[i])
	}
	return dst
}

// pchild returns the child of pn along byte c, or -1.
func (m *Matcher) pchild(pn *pnode, c byte) int32 {
	es := m.pbytes[pn.first : pn.first+pn.count]
	if len(es) <= 8 {
		for x, b := range es {
			if b == c {
				return pn.first + int32(x) + 1
			}
		}
		return -1
	}
	lo, hi := 0, len(es)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if es[h] < c {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(es) && es[lo] == c {
		return pn.first + int32(lo) + 1
	}
	return -1
}

// rootNodes appends the trie nodes reached from the root by one token.
func (m *Matcher) rootNodes(dst []active, s *scratch, sy *tokSym) []active {
	if sy.wordNode > 0 {
		dst = append(dst, active{sy.wordNode, sy.wordInfo})
	}
	if sy.stemNode > 0 {
		dst = append(dst, active{sy.stemNode, m.nodes[sy.stemNode]})
	}
	for _, p := range s.pfx[sy.pfxLo:sy.pfxHi] {
		if n := m.rootPrefix[p]; n > 0 {
			dst = append(dst, active{n, m.nodes[n]})
		}
	}
	return dst
}

// active is a node that a walk has reached, with a copy of its info.
type active struct {
	node int32
	info nodeInfo
}

// walk follows the pattern trie from the nodes in s.cur (reached by token
// i) along the following tokens, recording in s.bestN/s.bestO the best
// match of each group that is free at i.
func (m *Matcher) walk(s *scratch, i int) {
	n := len(s.tok)
	for length := 1; ; length++ {
		more := false
		for k := range s.cur {
			a := &s.cur[k]
			if a.info.outN > 0 {
				m.accept(s, &a.info, i, length)
			}
			more = more || a.info.kinds != 0
		}
		j := i + length
		if !more || j >= n {
			return
		}
		sy, gap := s.at(j)
		next, nextGap := s.after(j)
		s.next = s.next[:0]
		for k := range s.cur {
			a := &s.cur[k]
			kinds := a.info.kinds
			if kinds&(1<<symWord) != 0 && sy.word >= 0 {
				m.step(s, a, symWord, sy.word, next, nextGap)
			}
			if kinds&(1<<symStem) != 0 && sy.stem >= 0 {
				m.step(s, a, symStem, sy.stem, next, nextGap)
			}
			if kinds&(1<<symPrefix) != 0 {
				for _, p := range s.pfx[sy.pfxLo:sy.pfxHi] {
					m.step(s, a, symPrefix, p, next, nextGap)
				}
			}
			if a.info.gap > 0 && gap && m.mayGap(s, &a.info, next, nextGap) {
				g := a.info.gap
				s.next = append(s.next, active{g, m.nodes[g]})
			}
		}
		if len(s.next) == 0 {
			return
		}
		s.cur, s.next = s.next, s.cur
	}
}

// step follows the edge (kind, id) from the active node a along token j,
// appending the child to s.next unless a's filters show that the child
// would neither match nor go on with next, the token after j.
func (m *Matcher) step(s *scratch, a *active, kind uint32, id int32, next *tokSym, nextGap bool) {
	sym := kind<<30 | uint32(id)
	if !m.mayEdge(s, &a.info, sym, next, nextGap) {
		return
	}
	if e := m.edges.get(uint64(uint32(a.node))<<32 | uint64(sym)); e != nil {
		s.next = append(s.next, active{e.info.node, e.info})
	}
}

// canStep reports whether the node of info, a child of the root, may have
// an edge along a symbol of token j, or (a gap edge) along token j and
// then a symbol of token j+1, that a walk could follow to a match; false
// means it surely has none. It checks the predSigs of the tokens and the
// filters, never the edge table.
func (m *Matcher) canStep(s *scratch, info *nodeInfo, j int) bool {
	if j >= len(s.tok) || info.kinds == 0 {
		return false
	}
	sy, gap := s.at(j)
	next, nextGap := s.after(j)
	if info.filtered() {
		// A filtered node has bloomMinEdges edges or more, so its sig
		// rules out little; the tokens' predSigs rule out most walks
		// before the global filter is touched.
		b := nodeBit(info.node)
		if info.gap > 0 && gap && next != nil &&
			(s.hotAt(j+1).preds.afterGap&b != 0 || nextGap && info.gapKinds&(1<<symGap) != 0) &&
			m.mayGap(s, info, next, nextGap) {
			return true
		}
		if p := &s.hotAt(j).preds; p.next&b == 0 || p.stop&b == 0 && (next == nil || s.hotAt(j+1).preds.third&b == 0) {
			return false
		}
	} else if info.gap > 0 && gap && m.mayGap(s, info, next, nextGap) {
		return true
	}
	if info.kinds&(1<<symWord) != 0 && sy.word >= 0 && m.mayEdge(s, info, symWord<<30|uint32(sy.word), next, nextGap) {
		return true
	}
	if info.kinds&(1<<symStem) != 0 && sy.stem >= 0 && m.mayEdge(s, info, symStem<<30|uint32(sy.stem), next, nextGap) {
		return true
	}
	if info.kinds&(1<<symPrefix) != 0 {
		for _, p := range s.pfx[sy.pfxLo:sy.pfxHi] {
			if m.mayEdge(s, info, symPrefix<<30|uint32(p), next, nextGap) {
				return true
			}
		}
	}
	return false
}

// after returns the symbols of the token after token j (nil at the end of
// the document) and whether a gap matches it.
func (s *scratch) after(j int) (*tokSym, bool) {
	if j+1 >= len(s.tok) {
		return nil, false
	}
	return s.at(j + 1)
}

// mayEdge reports whether the node of info may have an edge along symbol
// x whose child has outputs or an edge along a symbol of next, the token
// after the one x stands for (false means it surely has none).
func (m *Matcher) mayEdge(s *scratch, info *nodeInfo, x uint32, next *tokSym, nextGap bool) bool {
	if info.sig&(1<<sigBit(x)) == 0 {
		return false
	}
	if !info.filtered() {
		return true
	}
	h := edgeHash(info.node, x)
	word := m.bloom[bloomWord(h, m.bloomMask)]
	if b := bloomBits(h); word&b != b {
		return false
	}
	if b := outBits(h); word&b == b {
		return true
	}
	if next == nil {
		return false
	}
	if b := gapBits(h); nextGap && word&b == b {
		return true
	}
	return m.mayPair(s, h, next)
}

// mayGap reports whether a walk may go on from the node of info along its
// gap edge and then along a symbol of next, the token after the gapped one
// (false means it surely cannot). The gap edge exists, and its child has no
// outputs, as no pattern ends with a gap; so for a filtered node only the
// two-step paths through it are probed.
func (m *Matcher) mayGap(s *scratch, info *nodeInfo, next *tokSym, nextGap bool) bool {
	if next == nil || !m.mayStep(info.gapKinds, m.nodes[info.gap].sig, s, next, nextGap) {
		return false
	}
	if !info.filtered() || nextGap && info.gapKinds&(1<<symGap) != 0 {
		return true
	}
	return m.mayPair(s, edgeHash(info.node, symGap<<30), next)
}

// mayPair reports whether the global filter may hold a two-step path made
// of the edge of hash h and an edge along a symbol of next.
func (m *Matcher) mayPair(s *scratch, h uint64, next *tokSym) bool {
	if next.word >= 0 && m.mayHold(pairHash(h, symWord<<30|uint32(next.word))) {
		return true
	}
	if next.stem >= 0 && m.mayHold(pairHash(h, symStem<<30|uint32(next.stem))) {
		return true
	}
	for _, p := range s.pfx[next.pfxLo:next.pfxHi] {
		if m.mayHold(pairHash(h, symPrefix<<30|uint32(p))) {
			return true
		}
	}
	return false
}

// mayHold reports whether the global filter may hold the key of hash h.
func (m *Matcher) mayHold(h uint64) bool {
	b := bloomBits(h)
	return m.bloom[bloomWord(h, m.bloomMask)]&b == b
}

// mayStep reports whether a node of the given edge kinds and sig may have
// an edge along one of the symbols of sy, a token that a gap matches when
// gap is true (false means it surely has none).
func (m *Matcher) mayStep(kinds uint8, sig uint64, s *scratch, sy *tokSym, gap bool) bool {
	has := func(kind uint32, id int32) bool { return sig&(1<<sigBit(kind<<30|uint32(id))) != 0 }
	if kinds&(1<<symWord) != 0 && sy.word >= 0 && has(symWord, sy.word) {
		return true
	}
	if kinds&(1<<symStem) != 0 && sy.stem >= 0 && has(symStem, sy.stem) {
		return true
	}
	if kinds&(1<<symPrefix) != 0 {
		for _, p := range s.pfx[sy.pfxLo:sy.pfxHi] {
			if has(symPrefix, p) {
				return true
			}
		}
	}
	return kinds&(1<<symGap) != 0 && gap
}

// accept records the outputs of node, a match of length tokens starting at
// token i, for every group that is free at i and has no better match yet.
func (m *Matcher) accept(s *scratch, ni *nodeInfo, i, length int) {
	for k := ni.outLo; k < ni.outLo+int32(ni.outN); k++ {
		o := &m.outs[k]
		g := o.group
		if s.stamp[g] == s.epoch && int(s.blocked[g]) > i {
			continue
		}
		switch b := s.bestN[g]; {
		case b == 0:
			s.touched = append(s.touched, g)
		case int(b) > length, int(b) == length && m.outs[s.bestO[g]].order() <= o.order():
			continue
		}
		s.bestN[g], s.bestO[g] = int32(length), k
	}
}

// matchPart matches the single-element patterns against one part of the
// compound token i, for the groups still free at i.
func (m *Matcher) matchPart(s *scratch, i int, p *tokenize.Token, fx *formIndex) {
	lo, n := len(s.pfx), len(s.syms)
	var x uint32
	if fx != nil && p.Form != 0 {
		x = m.formSymbols(s, p, fx)
	} else {
		x = m.newSymbols(s, p, m.vocab.hash(p.Norm))
	}
	s.cur = s.cur[:0]
	if x&rootBit != 0 {
		s.cur = m.rootNodes(s.cur, s, &s.syms[x&symMask])
	}
	s.pfx, s.syms, s.hot = s.pfx[:lo], s.syms[:n], s.hot[:n]
	for k := range s.cur {
		m.accept(s, &s.cur[k].info, i, 1)
	}
	for _, g := range s.touched {
		kind, index, entry := m.match(m.outs[s.bestO[g]])
		s.found = append(s.found, Match{Kind: kind, Index: index, Entry: entry,
			First: i, Last: i + 1, Start: p.Start, End: p.End, Part: true})
		s.blocked[g], s.stamp[g] = int32(i+1), s.epoch
		s.bestN[g] = 0
	}
	s.touched = s.touched[:0]
}

// sortMatches orders the matches found at one position by Kind, Index,
// Entry and Start (insertion sort: there are only a few).
func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && lessMatch(&ms[j], &ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func lessMatch(a, b *Match) bool {
	if a.First != b.First {
		return a.First < b.First
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Index != b.Index {
		return a.Index < b.Index
	}
	if a.Entry != b.Entry {
		return a.Entry < b.Entry
	}
	return a.Start < b.Start
}
