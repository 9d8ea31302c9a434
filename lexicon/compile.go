package lexicon

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/rhetorica/rhetorica/tokenize"
)

// Symbol kinds on the edges of the phrase trie.
const (
	symWord   = 0
	symPrefix = 1
	symStem   = 2
	symGap    = 3
)

// maxID bounds word, prefix, stem and node IDs so that an edge key fits
// in 64 bits (node in the high 32 bits, kind in 2 bits, ID in 30 bits).
const maxID = 1<<30 - 1

// edgeKey is the key of a trie edge from node along symbol (kind, id).
func edgeKey(node int32, kind uint32, id int32) uint64 {
	return uint64(uint32(node))<<32 | uint64(kind<<30|uint32(id))
}

// output is one pattern accepted at a trie node: its overlap group
// (category c, then the modifier kinds, then the actors) and its entry,
// alias or, for a modifier, its index. That is all a Match needs
// (Matcher.match), in 8 bytes: a large lexicon has one per entry.
type output struct {
	group int32
	entry int32
}

// order is o's preference among equally long matches in its group: lower
// wins. It is the entry's place in its category, the alias's in its actor
// and the modifier's among the modifiers (its index; a modifier's group is
// its kind).
func (o *output) order() int32 { return o.entry }

// match returns the Kind, Index and Entry of a match of o.
func (m *Matcher) match(o output) (MatchKind, int, int) {
	switch g := o.group; {
	case g < m.ncats:
		return CategoryMatch, int(g), int(o.entry)
	case g < m.ncats+numModifierKinds:
		return ModifierMatch, int(o.entry), 0
	default:
		return ActorMatch, int(g - m.ncats - numModifierKinds), int(o.entry)
	}
}

// eachOutput calls f with the output of every pattern of def, in the order
// in which compileWith adds them to the trie, and its pattern. The entries
// of def's categories are in ents when it is not nil.
func eachOutput(def *Definition, ents *entryTable, f func(o output, pat string) error) error {
	nc := int32(len(def.Categories))
	for ci, c := range def.Categories {
		for ei, e := range c.Entries {
			if err := f(output{group: int32(ci), entry: int32(ei)}, e.Pattern); err != nil {
				return fmt.Errorf("%w (category %q, entry %d)", err, c.Name, ei+1)
			}
		}
		if ents == nil {
			continue
		}
		lo, hi := int(ents.first[ci]), int(ents.first[ci+1])
		for k := lo; k < hi; k++ {
			if err := f(output{group: int32(ci), entry: int32(k - lo)}, ents.pattern(k)); err != nil {
				return fmt.Errorf("%w (category %q, entry %d)", err, c.Name, k-lo+1)
			}
		}
	}
	for mi, m := range def.Modifiers {
		if int(m.Kind) >= numModifierKinds {
			return fmt.Errorf("%w: modifier %d has unknown kind %d", ErrSyntax, mi+1, m.Kind)
		}
		if err := f(output{group: nc + int32(m.Kind), entry: int32(mi)}, m.Pattern); err != nil {
			return fmt.Errorf("%w (%s %d)", err, m.Kind, mi+1)
		}
	}
	for ai, a := range def.Actors {
		g := nc + numModifierKinds + int32(ai)
		for li, al := range a.Aliases {
			if err := f(output{group: g, entry: int32(li)}, al); err != nil {
				return fmt.Errorf("%w (actor %q, alias %d)", err, a.Code, li+1)
			}
		}
	}
	return nil
}

// pnode is a node of the byte trie of wildcard prefixes. Its children are
// along the bytes pbytes[first:first+count], sorted; the child along
// pbytes[x] is node x+1 (the nodes are numbered breadth-first, so that
// the edge into a node is always the one just before it).
type pnode struct {
	first, count int32
	prefix       int32 // prefix ID accepted here, or -1
}

// compile builds the matcher of a validated Definition. It parses every
// pattern again (with def.Language) and fails only on a pattern that
// parsePattern rejects or on a lexicon too large to index.
//
// Building costs time linear in the size of the lexicon: the tables are
// sized from the number of patterns, every table is laid out in the order
// in which the definition first uses each word, stem, prefix and edge (so
// the result is deterministic without sorting), and nothing is allocated
// per pattern beyond its parsed elements.
func compile(def *Definition) (*Matcher, error) {
	return compileWith(def, nil, nil)
}

// compileWith is compile splitting patterns with tk, a tokenizer of
// def.Language (one of its own when nil), so that validation and
// compilation can share the tokenizer's memo of the words they split.
// When ents is not nil, it holds the entries of def's categories (see
// eachOutput).
func compileWith(def *Definition, ents *entryTable, tk *tokenize.Tokenizer) (*Matcher, error) {
	npat := numPatterns(def, ents)
	if tk == nil {
		var err error
		if tk, err = patternTokenizer(def.Language); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrSyntax, err)
		}
	}
	b := newBuilder(npat, tk)
	if err := eachOutput(def, ents, func(_ output, pat string) error { return b.add(pat) }); err != nil {
		return nil, err
	}
	return b.finish(def, ents)
}

// numPatterns returns the number of patterns of def and ents (see
// eachOutput).
func numPatterns(def *Definition, ents *entryTable) int {
	npat := len(def.Modifiers)
	for _, c := range def.Categories {
		npat += len(c.Entries)
	}
	if ents != nil {
		npat += len(ents.ends)
	}
	for _, a := range def.Actors {
		npat += len(a.Aliases)
	}
	return npat
}

const numModifierKinds = 5

// builder accumulates the tables of a Matcher. Words, stems and prefixes
// get IDs in the order of their first use; the root's edges are arrays
// indexed by those IDs, and the other edges are in a hash table whose
// layout depends only on the order of insertion.
type builder struct {
	words, stems, prefixes         strTable  // IDs by string, and strings by ID
	rootWord, rootStem, rootPrefix []int32   // the root's child along each ID, 0 when none
	edges                          edgeMap   // the edges that leave other nodes
	nnodes                         int32     // node 0 is the root
	outNode                        []int32   // the node of each pattern, in the order added
	scratch                        []int32   // one int32 per node, which finish's steps share in turn
	elems                          []element // scratch for parsing a pattern
	tk                             *tokenize.Tokenizer
	stk                            stemTokenizer
}

func newBuilder(npat int, tk *tokenize.Tokenizer) *builder {
	// A large lexicon has far fewer distinct words than patterns (the
	// 100,000-entry benchmark has 19,000): sizing the word table for every
	// pattern would hold megabytes that are never used, while a table that
	// grows by doubling wastes at most what it finally holds.
	nwords := npat/4 + 8
	return &builder{
		tk:       tk,
		words:    newStrTable(nwords),
		rootWord: make([]int32, 0, nwords),
		edges:    newEdgeMap(npat),
		nnodes:   1,
		outNode:  make([]int32, 0, npat),
	}
}

// intern returns the ID of s in t, adding it (and a 0 to *root) when it is
// new.
func intern(t *strTable, root *[]int32, s string) int32 {
	id, added := t.add(s)
	if added {
		*root = append(*root, 0)
	}
	return id
}

// strTable gives strings IDs in the order of their first use. Its index is
// an open-addressing table of IDs, 4 bytes a slot, at most half full: a
// large lexicon's 40,000 words and stems take a few hundred kilobytes,
// where maps of strings took megabytes and left as much garbage as they
// grew. The zero value is an empty table.
type strTable struct {
	list  []string // by ID
	index []int32  // per slot: 1 + ID, or 0 when free
	seed  maphash.Seed
}

// newStrTable returns a table with room for about n strings.
func newStrTable(n int) strTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return strTable{list: make([]string, 0, n), index: make([]int32, size), seed: maphash.MakeSeed()}
}

// find returns the ID of s, or false.
func (t *strTable) find(s string) (int32, bool) {
	if len(t.list) == 0 {
		return 0, false
	}
	mask := uint64(len(t.index) - 1)
	for i := maphash.String(t.seed, s) & mask; ; i = (i + 1) & mask {
		x := t.index[i]
		if x == 0 {
			return 0, false
		}
		if t.list[x-1] == s {
			return x - 1, true
		}
	}
}

// add returns the ID of s, adding s when it is new (added is then true).
func (t *strTable) add(s string) (id int32, added bool) {
	if t.index == nil {
		*t = newStrTable(8)
	}
	mask := uint64(len(t.index) - 1)
	i := maphash.String(t.seed, s) & mask
	for ; t.index[i] != 0; i = (i + 1) & mask {
		if x := t.index[i]; t.list[x-1] == s {
			return x - 1, false
		}
	}
	id = int32(len(t.list))
	t.list = append(t.list, s)
	t.index[i] = id + 1
	if 2*len(t.list) > len(t.index) {
		t.grow()
	}
	return id, true
}

func (t *strTable) grow() {
	t.index = make([]int32, 2*len(t.index))
	mask := uint64(len(t.index) - 1)
	for x, s := range t.list {
		i := maphash.String(t.seed, s) & mask
		for t.index[i] != 0 {
			i = (i + 1) & mask
		}
		t.index[i] = int32(x) + 1
	}
}

// add parses pat and inserts it into the phrase trie, noting the node
// that accepts it (eachOutput gives its output again in finish).
func (b *builder) add(pat string) error {
	p, ok := appendPlain(b.elems[:0], pat, b.tk)
	if !ok {
		var off int
		var err error
		if p, off, err = appendPattern(b.elems[:0], pat, b.tk, &b.stk); err != nil {
			return fmt.Errorf("%w at offset %d of %q", err, off, pat)
		}
	}
	b.elems = p.elems
	return b.insert(p.elems)
}

// insert inserts the pattern of elements elems into the phrase trie (see
// add).
func (b *builder) insert(elems []element) error {
	node := int32(0)
	for _, e := range elems {
		var kind uint32
		var id int32
		var root *[]int32
		switch e.kind {
		case elemWord:
			kind, id, root = symWord, intern(&b.words, &b.rootWord, e.text), &b.rootWord
		case elemPrefix:
			kind, id, root = symPrefix, intern(&b.prefixes, &b.rootPrefix, e.text), &b.rootPrefix
		case elemStem:
			kind, id, root = symStem, intern(&b.stems, &b.rootStem, e.stem), &b.rootStem
		case elemGap:
			kind = symGap
		}
		if id > maxID || b.nnodes > maxID {
			return errPatternLimit
		}
		if node == 0 && kind != symGap {
			// A pattern never begins with a gap.
			next := (*root)[id]
			if next == 0 {
				next = b.nnodes
				b.nnodes++
				(*root)[id] = next
			}
			node = next
			continue
		}
		node = b.edges.child(edgeKey(node, kind, id), &b.nnodes)
	}
	b.outNode = append(b.outNode, node)
	return nil
}

// edgeMap is the builder's open-addressing hash table from edge keys
// (never 0) to child nodes. Unlike a Go map, its layout, and so the order
// of its slots, depends only on the order of insertion.
type edgeMap struct {
	keys  []uint64
	vals  []int32
	n     int
	mask  uint64
	shift uint // 64 - log2(len(keys)): see home
}

// newEdgeMap returns a map for about hint edges. It grows (doubling) when
// three quarters of its slots are used: it lives only while the trie is
// built, and is released before the final tables are made.
func newEdgeMap(hint int) edgeMap {
	size, shift := 16, uint(60)
	for size < hint {
		size, shift = size*2, shift-1
	}
	return edgeMap{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1), shift: shift}
}

// home returns the slot where the probe for key k begins: the top bits of
// a multiplicative hash, which depend on all the bits of k (the low bits
// of the product depend only on the low bits of k, so that the edges along
// one symbol from nodes that differ in their higher bits would share a
// home and make long runs).
func (t *edgeMap) home(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

// child returns the child along key k, adding a new node (numbered
// *nnodes, which it increments) when there is none.
func (t *edgeMap) child(k uint64, nnodes *int32) int32 {
	i := t.home(k)
	for ; t.keys[i] != 0; i = (i + 1) & t.mask {
		if t.keys[i] == k {
			return t.vals[i]
		}
	}
	c := *nnodes
	*nnodes++
	t.keys[i], t.vals[i] = k, c
	t.n++
	if 4*t.n > 3*len(t.keys) {
		t.grow()
	}
	return c
}

func (t *edgeMap) grow() {
	old, oldv := t.keys, t.vals
	t.keys = make([]uint64, 2*len(old))
	t.vals = make([]int32, 2*len(old))
	t.mask = uint64(len(t.keys) - 1)
	t.shift--
	for x, k := range old {
		if k == 0 {
			continue
		}
		i := t.home(k)
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = k, oldv[x]
	}
}

// innerEdges is the list of edges that leave nodes other than the root,
// grouped by the node they leave: the edges of node n are
// keys[first[n]:first[n+1]] with children child[first[n]:first[n+1]].
type innerEdges struct {
	keys  []uint64
	child []int32
	first []int32 // len(nodes)+1
}

// of returns the range of the edges of node n.
func (e *innerEdges) of(n int32) (lo, hi int32) { return e.first[n], e.first[n+1] }

// fan returns the number of edges that leave node n.
func (e *innerEdges) fan(n int32) int32 { return e.first[n+1] - e.first[n] }

// groupEdges lists the edges of t grouped by node (a counting sort), in
// slot order within a node, using scratch (nnodes long) for its counts.
func groupEdges(t *edgeMap, nnodes int, scratch []int32) innerEdges {
	e := innerEdges{keys: make([]uint64, t.n), child: make([]int32, t.n), first: make([]int32, nnodes+1)}
	for _, k := range t.keys {
		if k != 0 {
			e.first[k>>32+1]++
		}
	}
	for n := 1; n <= nnodes; n++ {
		e.first[n] += e.first[n-1]
	}
	at := scratch[:nnodes]
	copy(at, e.first[:nnodes])
	for x, k := range t.keys {
		if k == 0 {
			continue
		}
		n := k >> 32
		e.keys[at[n]], e.child[at[n]] = k, t.vals[x]
		at[n]++
	}
	return e
}

// renumber gives the nodes that the matcher reads from its node table (the
// root, the nodes that edges leave, the children of gap edges and the
// root's children along stems and prefixes) the lowest numbers, in the
// order of their creation, and the other nodes (leaves reached along a word
// from the root or along an inner edge, whose info the matcher finds copied
// into the slot that leads to them) the numbers after those. It rewrites
// the builder's tables accordingly (the edge map stays valid only for
// groupEdges) and returns the number of the former.
func (b *builder) renumber() int32 {
	renum := b.scratch[:b.nnodes] // first 1 for a node to keep
	clear(renum)
	renum[0] = 1
	for x, k := range b.edges.keys {
		if k != 0 {
			renum[k>>32] = 1
			if uint32(k)>>30 == symGap {
				renum[b.edges.vals[x]] = 1
			}
		}
	}
	for _, c := range b.rootStem {
		renum[c] = 1
	}
	for _, c := range b.rootPrefix {
		renum[c] = 1
	}
	keep := int32(0)
	for _, r := range renum {
		keep += r
	}
	next, leaf := int32(0), keep
	for n, r := range renum {
		if r == 1 {
			renum[n], next = next, next+1
		} else {
			renum[n], leaf = leaf, leaf+1
		}
	}
	for _, ids := range [...][]int32{b.rootWord, b.rootStem, b.rootPrefix, b.outNode} {
		for i, n := range ids {
			ids[i] = renum[n] // the root (0, also "no child") stays 0
		}
	}
	for x, k := range b.edges.keys {
		if k != 0 {
			b.edges.keys[x] = uint64(uint32(renum[k>>32]))<<32 | k&(1<<32-1)
			b.edges.vals[x] = renum[b.edges.vals[x]]
		}
	}
	return keep
}

// finish freezes the builder, to which every pattern of def (and ents, see
// eachOutput) was added, into a Matcher. It fails only when a node accepts
// more than maxNodeOutputs patterns.
func (b *builder) finish(def *Definition, ents *entryTable) (*Matcher, error) {
	ncats := len(def.Categories)
	b.tk, b.elems, b.stk = nil, nil, stemTokenizer{} // the tokenizers' memos hold every split word
	m := &Matcher{
		hasStems: len(b.stems.list) > 0,
		ncats:    int32(ncats),
		ngroups:  ncats + numModifierKinds + len(def.Actors),
	}
	m.rootPrefix = b.rootPrefix
	if m.rootPrefix == nil {
		m.rootPrefix = []int32{}
	}
	// The two largest tables, the vocabulary (the words, then the stems
	// that are not also words; 112 bytes a string) and the edge table, are
	// allocated first, at their exact sizes: then they can take the room
	// that the garbage of reading and validating the lexicon left, which
	// the builder's scratch tables below would otherwise split up.
	keys := b.words.list
	stemAt := make([]int32, len(b.stems.list)) // vocabulary index of each stem
	nkeys := int32(len(keys))
	for id, st := range b.stems.list {
		x, ok := b.words.find(st)
		if !ok {
			x = nkeys
			nkeys++
		}
		stemAt[id] = x
	}
	b.words = strTable{}
	vocab := make([]vocabSlot, nkeys)
	if int(nkeys) > len(keys) {
		keys = slices.Grow(keys, int(nkeys)-len(keys))
	}
	var edgeSlots []edgeSlot
	if b.edges.n > 0 {
		edgeSlots = make([]edgeSlot, b.edges.n*edgeLoadDen/edgeLoadNum+1)
	}
	// Only the nodes that the matcher looks up get an entry in m.nodes (a
	// large lexicon's trie is mostly leaves, whose info is copied into the
	// edge or vocabulary slot that leads to them); info gives every node's
	// info while the tables are built.
	b.scratch = make([]int32, b.nnodes)
	keep := b.renumber()
	nnodes := int(b.nnodes)
	m.nodes = make([]nodeInfo, keep)
	for n := range m.nodes {
		m.nodes[n].node = int32(n)
	}
	var roots []int32 // children of the root
	mark := func(node int32, sym uint32) {
		m.nodes[node].kinds |= 1 << (sym >> 30)
		m.nodes[node].sig |= 1 << sigBit(sym)
	}
	for kind, ids := range [...][]int32{symWord: b.rootWord, symPrefix: b.rootPrefix, symStem: b.rootStem} {
		for id, c := range ids {
			if c > 0 {
				mark(0, uint32(kind)<<30|uint32(id))
				roots = append(roots, c)
			}
		}
	}
	inner := groupEdges(&b.edges, nnodes, b.scratch)
	b.edges = edgeMap{} // release it: the memory of a large lexicon peaks below
	for _, k := range inner.keys {
		mark(int32(k>>32), uint32(k))
	}
	// Outputs: flat, each node's sorted by group then preference. They
	// were added in nearly that order (categories and actors in order,
	// modifiers by index rather than kind), so an insertion sort within
	// each node's run costs about nothing.
	outLo := make([]int32, nnodes+1)
	for _, n := range b.outNode {
		outLo[n+1]++
	}
	for n := 1; n <= nnodes; n++ {
		if outLo[n] > maxNodeOutputs {
			return nil, errPatternLimit
		}
		outLo[n] += outLo[n-1]
	}
	m.outs = make([]output, len(b.outNode))
	for i := range m.nodes {
		m.nodes[i].outLo = outLo[i]
		m.nodes[i].outN = uint16(outLo[i+1] - outLo[i])
	}
	at := b.scratch[:nnodes]
	copy(at, outLo)
	b.placeOutputs(def, ents, m.outs, at)
	at, b.outNode = nil, nil
	info := func(n int32) nodeInfo {
		if int(n) < len(m.nodes) {
			return m.nodes[n]
		}
		return nodeInfo{outLo: outLo[n], outN: uint16(outLo[n+1] - outLo[n]), node: n}
	}
	for i := range nnodes {
		if outLo[i+1]-outLo[i] < 2 {
			continue // nothing to sort, the usual case
		}
		os := m.outs[outLo[i]:outLo[i+1]]
		for x := 1; x < len(os); x++ {
			for y := x; y > 0 && (os[y].group < os[y-1].group || os[y].group == os[y-1].group && os[y].order() < os[y-1].order()); y-- {
				os[y], os[y-1] = os[y-1], os[y]
			}
		}
	}
	m.buildFilters(&inner, info)
	for _, n := range roots {
		ni := info(n)
		m.preds = m.preds || ni.filtered()
	}
	// The vocabulary: the words (index = word ID), then the stems that are
	// not also words. Copy each root node's info into it, and precompute
	// the prefixes of every vocabulary string and the predSigs of the
	// string as a word, as a stem and of its prefixes. The IDs and
	// predSigs are written straight into the entries of the vocabulary
	// table (a large lexicon's would otherwise be built twice over).
	for w := range keys {
		vocab[w].ids = vocabIDs{word: int32(w), stem: -1, wordNode: b.rootWord[w]}
	}
	for id, st := range b.stems.list {
		x := stemAt[id]
		if int(x) == len(keys) {
			keys = append(keys, st)
			vocab[x].ids = vocabIDs{word: -1}
		}
		vocab[x].ids.stem, vocab[x].ids.stemNode = int32(id), b.rootStem[id]
	}
	m.buildPreds(&inner, info, roots, vocab, stemAt, b.scratch)
	m.edges = newEdgeTable(edgeSlots, &inner, info)
	m.buildPrefixTrie(b.prefixes.list)
	b.prefixes = strTable{}
	for x, k := range keys {
		v := &vocab[x].ids
		if v.wordNode > 0 {
			v.wordInfo = info(v.wordNode)
		}
		v.pfxLo = int32(len(m.vocabPfx))
		if m.pnodes != nil {
			m.vocabPfx = m.appendPrefixes(m.vocabPfx, k)
		}
		v.pfxN = uint16(int32(len(m.vocabPfx)) - v.pfxLo) // at most the string's length
		for _, p := range m.vocabPfx[v.pfxLo:] {
			v.preds.or(&m.pfxPreds[p])
		}
	}
	// The lexicon's stems that begin each string, so that a token whose
	// Stem begins its Norm needs no second lookup (see vocabIDs). Only a
	// lexicon with stem elements looks at token stems at all.
	// A string is looked up only when a stem begins with its first two
	// bytes (stemStarts, for stems of two bytes or more), and then only at
	// the lengths n where the filter stemBloom holds stemHash of its first
	// n bytes: that spares most strings, and most lengths of the others, a
	// lookup in the table of stems.
	minStem, maxStem := len(b.stems.list), 0
	if len(b.stems.list) > 0 {
		minStem = noStemLen
	}
	// At least stemBloomBits bits a stem (4,096 bits for a small lexicon):
	// a fixed 4,096 bits were nearly all set by the stems of a
	// 100,000-entry lexicon (5,900 stem elements), which then looked up
	// most lengths of most strings among them.
	shift := uint32(32 - 12)
	for shift > 32-24 && 1<<(32-shift) < stemBloomBits*len(b.stems.list) {
		shift--
	}
	stemBloom := make([]uint64, 1<<(32-shift)/64)
	var stemStarts []uint64 // a bit per pair of bytes, when every stem has two
	for _, st := range b.stems.list {
		minStem, maxStem = min(minStem, len(st)), max(maxStem, len(st))
		h := uint32(0)
		for i := 0; i < len(st); i++ {
			h = stemHash(h, st[i])
		}
		w, bit := stemBloomBit(h, shift)
		stemBloom[w] |= bit
	}
	if minStem >= 2 && minStem < noStemLen {
		stemStarts = make([]uint64, 1<<16/64)
		for _, st := range b.stems.list {
			p := uint(st[0])<<8 | uint(st[1])
			stemStarts[p/64] |= 1 << (p % 64)
		}
	}
	for x, k := range keys {
		v := &vocab[x].ids
		v.stemLen, v.kstem, v.kstemNode = noStemLen, -1, 0
		if !m.hasStems || len(k) >= noStemLen {
			continue
		}
		v.stemLen = 0
		if stemStarts != nil {
			if len(k) < 2 {
				continue
			}
			if p := uint(k[0])<<8 | uint(k[1]); stemStarts[p/64]&(1<<(p%64)) == 0 {
				continue
			}
		}
		if len(k) < minStem {
			continue
		}
		h := uint32(0) // the stemHash of k[:n]
		for i := 0; i < minStem; i++ {
			h = stemHash(h, k[i])
		}
		for n := minStem; n <= min(len(k), maxStem); n++ {
			if n > minStem {
				h = stemHash(h, k[n-1])
			}
			if w, bit := stemBloomBit(h, shift); stemBloom[w]&bit == 0 {
				continue
			}
			if sid, ok := b.stems.find(k[:n]); ok {
				v.stemPfx = min(v.stemPfx+1, 2)
				v.stemLen = uint8(n)
				v.kstem = int32(sid)
			}
		}
		if v.stemPfx > 0 {
			sv := &vocab[stemAt[v.kstem]].ids
			v.kstemNode = sv.stemNode
			v.preds.or(&sv.preds)
		}
	}
	b.stems = strTable{}
	m.vocab = newVocabTable(keys, vocab)
	m.pool = &sync.Pool{}
	m.forms = new(formIndexes)
	return m, nil
}

// placeOutputs puts the output of every pattern of def and ents, in
// eachOutput's order (that of b.outNode), at its node's next place in outs,
// at[n] being node n's.
func (b *builder) placeOutputs(def *Definition, ents *entryTable, outs []output, at []int32) {
	x := 0
	put := func(o output) {
		n := b.outNode[x]
		outs[at[n]] = o
		at[n]++
		x++
	}
	nc := int32(len(def.Categories))
	for ci, c := range def.Categories {
		for ei := range c.Entries {
			put(output{group: int32(ci), entry: int32(ei)})
		}
		if ents != nil {
			for k := range ents.count(ci) {
				put(output{group: int32(ci), entry: int32(k)})
			}
		}
	}
	for mi, md := range def.Modifiers {
		put(output{group: nc + int32(md.Kind), entry: int32(mi)})
	}
	for ai, a := range def.Actors {
		for li := range a.Aliases {
			put(output{group: nc + numModifierKinds + int32(ai), entry: int32(li)})
		}
	}
}

// stemBloomBits is the size, in bits per stem, of the filter of stems
// that builder.finish consults before it looks a prefix of a vocabulary
// string up among the stems.
const stemBloomBits = 16

// stemHash extends the hash h of a string's bytes by the byte c.
func stemHash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 0x01000193 }

// stemBloomBit returns the word of the stem filter (of 1<<(32-shift)
// bits) and the bit in it of a string whose stemHash is h.
func stemBloomBit(h, shift uint32) (int, uint64) {
	b := (h * 0x9e3779b1) >> shift
	return int(b / 64), 1 << (b % 64)
}

// nodeInfo is what the matcher needs about one node of the pattern trie,
// packed into 24 bytes (a large lexicon has copies of it in every edge and
// vocabulary slot): its outputs are outs[outLo:outLo+outN], sig summarises
// the symbols on its edges, and bit k of kinds is set when an edge of
// symbol kind k leaves it.
//
// The edges of a node with many edges (kindFiltered set in kinds) are also in one
// global Bloom filter, m.bloom, keyed on (node, symbol) and sized to about
// bloomBitsPerKey bits per key for the whole trie (256 KB for 100,000
// entries), so that it stays in the processor's cache and a missing edge
// is nearly always known from one word of it rather than from the large
// edge table. The same filter holds the node's two-step paths (pairHash)
// for each edge followed by an edge other than a gap, and the filter's
// word for an edge says (outBits, gapBits) whether its child has outputs
// or a gap edge, so that a walk that would stop after one more token is
// ruled out before it starts.
//
// The child along a gap edge is gap (0 when none); as a pattern never ends
// with a gap, that child matters only if one of its own edges continues,
// so gapKinds, its kinds, and its sig (in nodes) let a walk skip it when
// the token after the gapped one cannot continue.
type nodeInfo struct {
	sig      uint64 // bit sigBit(symbol) set for each edge that leaves the node
	outLo    int32
	gap      int32  // the child along the gap edge, or 0
	node     int32  // the node itself, which keys the global filter
	outN     uint16 // at most maxNodeOutputs
	kinds    uint8  // bit k: an edge of symbol kind k; kindFiltered: the node's edges are in the global filter
	gapKinds uint8  // kinds of the gap child
}

// kindFiltered is the bit of nodeInfo.kinds set for a node whose edges are
// in the global filter (such a node has edges, so kinds != 0 still means
// "has edges", and the other tests of kinds look at the kinds' own bits).
const kindFiltered = 1 << 7

// filtered reports whether the node's edges are in the global filter.
func (n *nodeInfo) filtered() bool { return n.kinds&kindFiltered != 0 }

// maxNodeOutputs bounds the patterns accepted at one node: the same
// pattern in as many categories, modifier kinds and actors.
const maxNodeOutputs = 1<<16 - 1

// sigBit hashes a symbol (the low 32 bits of an edge key) to a bit of a
// node's signature: an edge whose bit is clear in the node's sig does not
// exist, which spares most failed lookups a trip to the edge table.
func sigBit(sym uint32) uint32 { return (sym * 0x9e3779b1) >> 26 }

// bloomMinEdges is the fan-out from which a node gets a Bloom filter; below
// it the 64-bit sig rejects most missing edges on its own.
const bloomMinEdges = 8

// bloomBitsPerKey is the size of the global filter per key it holds (an
// edge of a filtered node, or a two-step path from one).
const bloomBitsPerKey = 16

// The global filter is probed with a hash per key: edgeHash for an edge
// along x from node, pairHash for that edge followed by an edge along y.
// Each costs one multiplication, so that ruling out a walk costs little
// more than the memory access. The hashes are independent of sigBit's.
func edgeHash(node int32, x uint32) uint64 {
	h := (uint64(uint32(node))<<32 | uint64(x)) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

func pairHash(h uint64, y uint32) uint64 {
	h = (h ^ uint64(y)<<3) * 0xff51afd7ed558ccd
	return h ^ h>>29
}

// bloomWord returns the index of the word of the global filter (of
// mask+1 words) that holds the key of hash h.
func bloomWord(h uint64, mask int32) int32 { return int32(h>>40) & mask }

// Bits of the key of hash h in its word: two for the key itself, two set
// (for an edge) when the edge's child has outputs, two when it has a gap
// edge.
func bloomBits(h uint64) uint64 { return 1<<(h&63) | 1<<((h>>6)&63) }
func outBits(h uint64) uint64   { return 1<<((h>>12)&63) | 1<<((h>>18)&63) }
func gapBits(h uint64) uint64   { return 1<<((h>>24)&63) | 1<<((h>>30)&63) }

// buildFilters puts the edges and two-step paths of every inner node with
// at least bloomMinEdges edges into one global Bloom filter (about
// bloomBitsPerKey bits per key, so that it mostly stays in cache), and sets
// the gap fields of every node (which need the children's sig and kinds to
// be final).
func (m *Matcher) buildFilters(e *innerEdges, info func(int32) nodeInfo) {
	nkeys := 0
	for n := int32(1); n < int32(len(m.nodes)); n++ {
		if e.fan(n) < bloomMinEdges {
			continue
		}
		lo, hi := e.of(n)
		for _, c := range e.child[lo:hi] {
			nkeys += 2 + int(e.fan(c))
		}
	}
	if nkeys > 0 {
		words := 1
		for words*64 < bloomBitsPerKey*nkeys {
			words *= 2
		}
		m.bloom = make([]uint64, words)
		m.bloomMask = int32(words - 1)
	}
	for n := int32(1); n < int32(len(m.nodes)); n++ {
		if e.fan(n) < bloomMinEdges {
			continue
		}
		ni := &m.nodes[n]
		ni.kinds |= kindFiltered
		lo, hi := e.of(n)
		for x := lo; x < hi; x++ {
			k, c := e.keys[x], e.child[x]
			h := edgeHash(n, uint32(k))
			w := bloomWord(h, m.bloomMask)
			m.bloom[w] |= bloomBits(h)
			if info(c).outN > 0 {
				m.bloom[w] |= outBits(h)
			}
			clo, chi := e.of(c)
			for _, kc := range e.keys[clo:chi] {
				if uint32(kc)>>30 == symGap {
					m.bloom[w] |= gapBits(h)
					continue
				}
				h2 := pairHash(h, uint32(kc))
				m.bloom[bloomWord(h2, m.bloomMask)] |= bloomBits(h2)
			}
		}
	}
	for x, k := range e.keys {
		if uint32(k)>>30 == symGap {
			m.nodes[k>>32].gap = e.child[x]
		}
	}
	for n := range m.nodes {
		if g := m.nodes[n].gap; g > 0 {
			m.nodes[n].gapKinds = m.nodes[g].kinds
		}
	}
}

// buildPreds computes the predSigs of every word, stem and prefix symbol
// from the edges of inner that leave roots (the children of the root) and
// their children: those of a word (its ID is its index in vocab) and of a
// stem (at vocab[stemAt[ID]]) are added to its vocabulary entry's, those of
// prefixes go to m.pfxPreds. It runs after buildFilters, which sets the
// gap fields of the nodes. It overwrites scratch (one int32 per node).
func (m *Matcher) buildPreds(e *innerEdges, info func(int32) nodeInfo, roots []int32, vocab []vocabSlot, stemAt []int32, scratch []int32) {
	m.pfxPreds = make([]predSig, len(m.rootPrefix))
	// For a node one step below the root, first[n] is n; for a node two
	// steps below, first is its parent, and gapChild tells whether it is
	// reached along a gap.
	first := scratch[:len(e.first)-1]
	clear(first)
	gapChild := make([]bool, len(e.first)-1)
	for _, n := range roots {
		first[n] = n
	}
	for x, k := range e.keys {
		if p := int32(k >> 32); first[p] == p {
			first[e.child[x]], gapChild[e.child[x]] = p, uint32(k)>>30 == symGap
		}
	}
	for x, k := range e.keys {
		c := e.child[x]
		p := int32(k >> 32)
		n := first[p]
		if n == 0 {
			continue
		}
		var sig *predSig
		id := int32(uint32(k) & maxID)
		switch uint32(k) >> 30 {
		case symWord:
			sig = &vocab[id].ids.preds
		case symStem:
			sig = &vocab[stemAt[id]].ids.preds
		case symPrefix:
			sig = &m.pfxPreds[id]
		default:
			continue // gaps: canStep checks the nodes' gap fields
		}
		switch {
		case n == p:
			sig.next |= nodeBit(n)
			if ci := info(c); ci.outN > 0 || ci.gap > 0 {
				sig.stop |= nodeBit(n)
			}
		case gapChild[p]:
			sig.afterGap |= nodeBit(n)
		default:
			sig.third |= nodeBit(n)
		}
	}
}

// buildPrefixTrie builds the byte trie of wildcard prefixes: prefList[id]
// is accepted at the node reached by its bytes.
func (m *Matcher) buildPrefixTrie(prefList []string) {
	if len(prefList) == 0 {
		return
	}
	// Sort the prefix IDs by their strings: the prefixes below a node of
	// the trie are then a contiguous run, the node's own prefix (if any)
	// first and the children's runs in byte order. Nodes are numbered
	// breadth-first, so that the children of a node are contiguous.
	order := make([]int32, len(prefList))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(prefList[a], prefList[b]) })
	// The trie has a node per distinct prefix of the strings: the root,
	// and each string's bytes past what it shares with the one before.
	nn, prev := 1, ""
	for _, id := range order {
		p := prefList[id]
		k := 0
		for k < len(p) && k < len(prev) && p[k] == prev[k] {
			k++
		}
		nn += len(p) - k
		prev = p
	}
	type span struct{ lo, hi, depth int32 }
	queue := make([]span, 1, nn) // span q holds the prefixes below node q
	queue[0] = span{0, int32(len(order)), 0}
	for i := range m.proot {
		m.proot[i] = -1
	}
	m.pnodes = make([]pnode, 0, nn)
	m.pbytes = make([]byte, 0, nn-1)
	for q := 0; q < len(queue); q++ {
		sp := queue[q]
		lo, d := sp.lo, int(sp.depth)
		pn := pnode{prefix: -1, first: int32(len(m.pbytes))}
		if lo < sp.hi && len(prefList[order[lo]]) == d {
			pn.prefix = order[lo]
			lo++
		}
		for lo < sp.hi {
			c := prefList[order[lo]][d]
			hi := lo + 1
			for hi < sp.hi && prefList[order[hi]][d] == c {
				hi++
			}
			child := int32(len(queue)) // = len(m.pbytes) + 1
			queue = append(queue, span{lo, hi, sp.depth + 1})
			m.pbytes = append(m.pbytes, c)
			if q == 0 {
				m.proot[c] = child
			}
			lo = hi
		}
		pn.count = int32(len(m.pbytes)) - pn.first
		m.pnodes = append(m.pnodes, pn)
	}
}

// edgeTable is an open-addressing hash table from edge keys to child nodes,
// used for the edges that leave nodes other than the root. Keys are never 0
// (a non-root node is >= 1 in the key's high half), so 0 marks a free slot.
// It is a plain array probed linearly from a multiplicative hash, reduced to
// the table's size by a multiplication rather than a mask, so that the
// table can hold its keys at a fixed load (edgeLoad) instead of anywhere
// between a quarter and a half of a power of two: one cache line per lookup
// in the common case, which matters for the large tries of big lexicons,
// without the megabytes of empty slots.
type edgeTable struct {
	slots []edgeSlot
}

// edgeSlot is an edge and a copy of the info of the node it leads to (whose
// node field is the child), so that following an edge costs one cache miss
// rather than two.
type edgeSlot struct {
	key  uint64
	info nodeInfo
}

// edgeLoadNum/edgeLoadDen is the share of an edgeTable's slots that hold
// edges: with linear probing, a hit costs about 2.5 probes and a miss 8.5
// at 0.75, in adjacent slots (two to a cache line). Most lookups that
// would miss are ruled out before by the node's sig or the global filter;
// at 0.6 (1.75 and 3.6 probes) the table of a 100,000-entry lexicon took
// 0.86 MB more, which the garbage collector lets the heap double.
const edgeLoadNum, edgeLoadDen = 3, 4

// newEdgeTable builds the table of the edges e in slots, which are zero
// and len(e.keys)*edgeLoadDen/edgeLoadNum+1 long.
func newEdgeTable(slots []edgeSlot, e *innerEdges, info func(int32) nodeInfo) edgeTable {
	if len(e.keys) == 0 {
		return edgeTable{}
	}
	t := edgeTable{slots: slots}
	// The layout depends only on the order of e, which is deterministic.
	for x, k := range e.keys {
		i := t.home(k)
		for t.slots[i].key != 0 {
			if i++; i == len(t.slots) {
				i = 0
			}
		}
		t.slots[i] = edgeSlot{key: k, info: info(e.child[x])}
	}
	return t
}

// home returns the slot where the probe for key k begins.
func (t *edgeTable) home(k uint64) int {
	hi, _ := bits.Mul64(k*0x9e3779b97f4a7c15, uint64(len(t.slots)))
	return int(hi)
}

// get returns the slot of edge key k, or nil.
func (t *edgeTable) get(k uint64) *edgeSlot {
	if t.slots == nil {
		return nil
	}
	for i := t.home(k); ; {
		s := &t.slots[i]
		if s.key == k {
			return s
		}
		if s.key == 0 {
			return nil
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// vocabTable is an open-addressing hash table from the strings of a
// lexicon's vocabulary to their vocabIDs. A lookup probes index, a dense
// array of 64-bit words, each a 32-bit hash tag (never 0) and the number of
// an entry in slots, or 0 when free: at 8 bytes a slot it mostly stays in
// cache (256 KB for 19,000 strings), and a string that is not in the
// vocabulary is usually rejected there. Only on a matching tag does it touch
// the entry, which holds the key (when it has at most vocabInline bytes) and
// the vocabIDs together, so that a hit costs one entry rather than an entry
// and a key elsewhere; the few longer keys are kept in long. The entries
// are as many as the strings, not as the slots of the index, which spares
// a large lexicon a megabyte or two of empty 128-byte slots, and the table
// keeps no string header per key (which the garbage collector would scan
// at every cycle).
type vocabTable struct {
	index []uint64 // per slot: tag<<32 | entry, or 0 when free
	slots []vocabSlot
	long  []string // the keys longer than vocabInline bytes (rare)
	mask  uint64
	seed  maphash.Seed
}

const vocabInline = 23

type vocabSlot struct {
	n   uint8             // the key's length, or vocabInline+1 when it is not inline
	key [vocabInline]byte // the key, or (not inline) its index into long, little-endian
	ids vocabIDs
}

// vocabTag is the tag of a hash: its high half, never 0.
func vocabTag(h uint64) uint32 { return uint32(h>>32) | 1 }

// newVocabTable builds the table of keys, whose entries are vocab (by
// index; the table fills in their keys), inserting them in order so that
// the layout depends only on the seed.
func newVocabTable(keys []string, vocab []vocabSlot) vocabTable {
	t := vocabTable{seed: maphash.MakeSeed()}
	if len(keys) == 0 {
		return t
	}
	size := 2
	for size*3 < len(keys)*4 {
		size *= 2
	}
	t.index = make([]uint64, size)
	t.slots = vocab
	t.mask = uint64(size - 1)
	for x, k := range keys {
		h := maphash.String(t.seed, k)
		i := h & t.mask
		for t.index[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.index[i] = uint64(vocabTag(h))<<32 | uint64(x)
		sl := &t.slots[x]
		if len(k) <= vocabInline {
			sl.n = uint8(copy(sl.key[:], k))
		} else {
			// A copy: the key may be part of the text of a file (see
			// checker.build).
			sl.n = vocabInline + 1
			binary.LittleEndian.PutUint32(sl.key[:4], uint32(len(t.long)))
			t.long = append(t.long, strings.Clone(k))
		}
	}
	return t
}

// hash returns the hash of s that get expects.
func (t *vocabTable) hash(s string) uint64 { return maphash.String(t.seed, s) }

// get returns the IDs of s, whose hash is h, or nil.
func (t *vocabTable) get(h uint64, s string) *vocabIDs {
	if x := t.find(h, s); x >= 0 {
		return &t.slots[x].ids
	}
	return nil
}

// find returns the index in slots of the entry of s, whose hash is h, or -1.
func (t *vocabTable) find(h uint64, s string) int32 {
	if t.index == nil {
		return -1
	}
	tag := vocabTag(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.index[i]
		if v == 0 {
			return -1
		}
		if uint32(v>>32) != tag {
			continue
		}
		sl := &t.slots[uint32(v)]
		if len(s) <= vocabInline {
			if int(sl.n) == len(s) && string(sl.key[:sl.n]) == s {
				return int32(uint32(v))
			}
		} else if sl.n > vocabInline && t.long[binary.LittleEndian.Uint32(sl.key[:4])] == s {
			return int32(uint32(v))
		}
	}
}
