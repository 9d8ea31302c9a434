package lexicon

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
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

// output is one pattern accepted at a trie node: which group it counts for
// (a category, a modifier kind or an actor) and what to report.
type output struct {
	group int32 // overlap group: category c, then 3 modifier kinds, then actors
	order int32 // preference among equally long matches in a group: lower wins
	index int32 // Match.Index
	entry int32 // Match.Entry
	kind  MatchKind
	n     int32 // pattern length in tokens
}

// pnode is a node of the byte trie of wildcard prefixes. Its children are
// edges[first:first+count], sorted by byte.
type pnode struct {
	first, count int32
	prefix       int32 // prefix ID accepted here, or -1
}

type pedge struct {
	b     byte
	child int32
}

// compile builds the matcher of a validated Definition. It parses every
// pattern again (with def.Language) and fails only on a pattern that
// parsePattern rejects or on a lexicon too large to index.
func compile(def *Definition) (*Matcher, error) {
	b := newBuilder()
	nc := len(def.Categories)
	for ci, c := range def.Categories {
		for ei, e := range c.Entries {
			if err := b.add(e.Pattern, def, output{group: int32(ci), order: int32(ei), index: int32(ci), entry: int32(ei), kind: CategoryMatch}); err != nil {
				return nil, fmt.Errorf("%w (category %q, entry %d)", err, c.Name, ei+1)
			}
		}
	}
	for mi, m := range def.Modifiers {
		if int(m.Kind) >= numModifierKinds {
			return nil, fmt.Errorf("%w: modifier %d has unknown kind %d", ErrSyntax, mi+1, m.Kind)
		}
		g := int32(nc + int(m.Kind))
		if err := b.add(m.Pattern, def, output{group: g, order: int32(mi), index: int32(mi), kind: ModifierMatch}); err != nil {
			return nil, fmt.Errorf("%w (%s %d)", err, m.Kind, mi+1)
		}
	}
	for ai, a := range def.Actors {
		g := int32(nc + numModifierKinds + ai)
		for li, al := range a.Aliases {
			if err := b.add(al, def, output{group: g, order: int32(li), index: int32(ai), entry: int32(li), kind: ActorMatch}); err != nil {
				return nil, fmt.Errorf("%w (actor %q, alias %d)", err, a.Code, li+1)
			}
		}
	}
	return b.finish(nc+numModifierKinds+len(def.Actors), def.Language), nil
}

const numModifierKinds = 5

// builder accumulates the tables of a Matcher.
type builder struct {
	words    map[string]int32
	stems    map[string]int32
	prefixes map[string]int32
	prefList []string
	edges    map[uint64]int32
	outs     [][]output // per node
}

func newBuilder() *builder {
	return &builder{
		words:    map[string]int32{},
		stems:    map[string]int32{},
		prefixes: map[string]int32{},
		edges:    map[uint64]int32{},
		outs:     [][]output{nil}, // node 0 is the root
	}
}

func intern(m map[string]int32, s string) int32 {
	id, ok := m[s]
	if !ok {
		id = int32(len(m))
		m[s] = id
	}
	return id
}

// add parses pat and inserts it into the phrase trie with output o.
func (b *builder) add(pat string, def *Definition, o output) error {
	p, off, err := parsePattern(pat, def.Language)
	if err != nil {
		return fmt.Errorf("%w at offset %d of %q", err, off, pat)
	}
	node := int32(0)
	for _, e := range p.elems {
		var kind uint32
		var id int32
		switch e.kind {
		case elemWord:
			kind, id = symWord, intern(b.words, e.text)
		case elemPrefix:
			kind = symPrefix
			id = intern(b.prefixes, e.text)
			if int(id) == len(b.prefList) {
				b.prefList = append(b.prefList, e.text)
			}
		case elemStem:
			kind, id = symStem, intern(b.stems, e.stem)
		case elemGap:
			kind = symGap
		}
		if id > maxID || len(b.outs) > maxID {
			return errPatternLimit
		}
		k := edgeKey(node, kind, id)
		next, ok := b.edges[k]
		if !ok {
			next = int32(len(b.outs))
			b.outs = append(b.outs, nil)
			b.edges[k] = next
		}
		node = next
	}
	o.n = int32(len(p.elems))
	b.outs[node] = append(b.outs[node], o)
	return nil
}

// finish freezes the builder into a Matcher for ngroups overlap groups.
func (b *builder) finish(ngroups int, lang tokenize.Language) *Matcher {
	m := &Matcher{
		hasStems: len(b.stems) > 0,
		ngroups:  ngroups,
	}
	// Root edges go to the vocabulary (words, stems) or to an array indexed
	// by prefix ID; the other edges go to the hash table.
	rootWord := make([]int32, len(b.words))
	rootStem := make([]int32, len(b.stems))
	m.rootPrefix = make([]int32, len(b.prefixes))
	m.nodes = make([]nodeInfo, len(b.outs))
	inner := make(map[uint64]int32, len(b.edges))
	var roots []int32 // children of the root
	for n := range m.nodes {
		m.nodes[n].node = int32(n)
	}
	for k, v := range b.edges {
		m.nodes[k>>32].kinds |= 1 << (uint32(k) >> 30)
		m.nodes[k>>32].sig |= 1 << sigBit(uint32(k))
		if k>>32 != 0 {
			inner[k] = v
			continue
		}
		roots = append(roots, v)
		id := int32(k & maxID)
		switch uint32(k) >> 30 {
		case symWord:
			rootWord[id] = v
		case symStem:
			rootStem[id] = v
		case symPrefix:
			m.rootPrefix[id] = v
		}
	}
	vocab := make(map[string]vocabIDs, len(b.words)+len(b.stems))
	for w, id := range b.words {
		vocab[w] = vocabIDs{word: id, stem: -1, wordNode: rootWord[id]}
	}
	for st, id := range b.stems {
		v, ok := vocab[st]
		if !ok {
			v.word = -1
		}
		v.stem, v.stemNode = id, rootStem[id]
		vocab[st] = v
	}
	// Outputs: flat, each node's sorted by group then preference.
	for i, os := range b.outs {
		sort.Slice(os, func(x, y int) bool {
			if os[x].group != os[y].group {
				return os[x].group < os[y].group
			}
			return os[x].order < os[y].order
		})
		m.nodes[i].outLo = int32(len(m.outs))
		m.nodes[i].outN = int32(len(os))
		m.outs = append(m.outs, os...)
	}
	m.buildFilters(inner)
	for _, n := range roots {
		m.preds = m.preds || m.nodes[n].filtered
	}
	wordPreds, stemPreds := m.buildPreds(inner, roots, len(b.words), len(b.stems))
	m.edges = newEdgeTable(inner, m.nodes)
	m.buildPrefixTrie(b.prefList)
	// Copy each root node's info into the vocabulary, and precompute the
	// prefixes of every vocabulary string and the predSigs of the string
	// as a word, as a stem and of its prefixes, in a fixed order.
	keys := make([]string, 0, len(vocab))
	for k := range vocab {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := vocab[k]
		if v.wordNode > 0 {
			v.wordInfo = m.nodes[v.wordNode]
		}
		v.pfxLo = int32(len(m.vocabPfx))
		if m.pnodes != nil {
			m.vocabPfx = m.appendPrefixes(m.vocabPfx, k)
		}
		v.pfxN = int32(len(m.vocabPfx)) - v.pfxLo
		if v.word >= 0 {
			v.preds.or(&wordPreds[v.word])
		}
		if v.stem >= 0 {
			v.preds.or(&stemPreds[v.stem])
		}
		for _, p := range m.vocabPfx[v.pfxLo:] {
			v.preds.or(&m.pfxPreds[p])
		}
		vocab[k] = v
	}
	// The stem of each string, when it begins the string, so that a
	// token whose Stem is that prefix needs no second lookup.
	for _, k := range keys {
		v := vocab[k]
		v.stemLen, v.kstem, v.kstemNode = noStemLen, -1, 0
		if st := tokenize.Stem(k, lang); len(st) < noStemLen && strings.HasPrefix(k, st) {
			v.stemLen = uint8(len(st))
			if sv, ok := vocab[st]; ok && sv.stem >= 0 {
				v.kstem, v.kstemNode = sv.stem, sv.stemNode
				v.preds.or(&sv.preds)
			}
		}
		vocab[k] = v
	}
	m.vocab = newVocabTable(keys, vocab)
	m.pool = &sync.Pool{}
	return m
}

// nodeInfo is what the matcher needs about one node of the pattern trie,
// packed so that one cache line holds it: its outputs are
// outs[outLo:outLo+outN], sig summarises the symbols on its edges, and bit
// k of kinds is set when an edge of symbol kind k leaves it.
//
// The edges of a node with many edges (filtered set) are also in one
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
	outLo, outN int32
	sig         uint64 // bit sigBit(symbol) set for each edge that leaves the node
	gap         int32  // the child along the gap edge, or 0
	node        int32  // the node itself, which keys the global filter
	kinds       uint8
	gapKinds    uint8 // kinds of the gap child
	filtered    bool  // the node's edges are in the global filter
}

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
func (m *Matcher) buildFilters(inner map[uint64]int32) {
	keys := make([]uint64, 0, len(inner))
	fan := make([]int32, len(m.nodes))
	for k := range inner {
		keys = append(keys, k)
		fan[k>>32]++
	}
	slices.Sort(keys)
	// The edges of node n are keys[first[n]:first[n]+fan[n]].
	first := make([]int32, len(m.nodes))
	for n, at := 0, int32(0); n < len(m.nodes); n++ {
		first[n] = at
		at += fan[n]
	}
	nkeys := 0
	for n := 1; n < len(m.nodes); n++ {
		if fan[n] < bloomMinEdges {
			continue
		}
		for _, k := range keys[first[n] : first[n]+fan[n]] {
			nkeys += 2 + int(fan[inner[k]])
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
	for n := 1; n < len(m.nodes); n++ {
		if fan[n] < bloomMinEdges {
			continue
		}
		ni := &m.nodes[n]
		ni.filtered = true
		for _, k := range keys[first[n] : first[n]+fan[n]] {
			x, c := uint32(k), inner[k]
			h := edgeHash(int32(n), x)
			w := bloomWord(h, m.bloomMask)
			m.bloom[w] |= bloomBits(h)
			if m.nodes[c].outN > 0 {
				m.bloom[w] |= outBits(h)
			}
			for _, kc := range keys[first[c] : first[c]+fan[c]] {
				if uint32(kc)>>30 == symGap {
					m.bloom[w] |= gapBits(h)
					continue
				}
				h2 := pairHash(h, uint32(kc))
				m.bloom[bloomWord(h2, m.bloomMask)] |= bloomBits(h2)
			}
		}
	}
	for _, k := range keys {
		if uint32(k)>>30 == symGap {
			m.nodes[k>>32].gap = inner[k]
		}
	}
	for n := range m.nodes {
		if g := m.nodes[n].gap; g > 0 {
			m.nodes[n].gapKinds = m.nodes[g].kinds
		}
	}
}

// buildPreds computes the predSigs of every word, stem and prefix symbol
// (those of prefixes go to m.pfxPreds) from the edges of inner that leave
// roots (the children of the root) and their children. It runs after
// buildFilters, which sets the gap fields of the nodes.
func (m *Matcher) buildPreds(inner map[uint64]int32, roots []int32, nwords, nstems int) (words, stems []predSig) {
	words = make([]predSig, nwords)
	stems = make([]predSig, nstems)
	m.pfxPreds = make([]predSig, len(m.rootPrefix))
	// For a node one step below the root, first[n] is n; for a node two
	// steps below, first is its parent, and gapChild tells whether it is
	// reached along a gap.
	first := make([]int32, len(m.nodes))
	gapChild := make([]bool, len(m.nodes))
	for _, n := range roots {
		first[n] = n
	}
	for k, c := range inner {
		if p := int32(k >> 32); first[p] == p {
			first[c], gapChild[c] = p, uint32(k)>>30 == symGap
		}
	}
	for k, c := range inner {
		p := int32(k >> 32)
		n := first[p]
		if n == 0 {
			continue
		}
		var sig *predSig
		id := int32(uint32(k) & maxID)
		switch uint32(k) >> 30 {
		case symWord:
			sig = &words[id]
		case symStem:
			sig = &stems[id]
		case symPrefix:
			sig = &m.pfxPreds[id]
		default:
			continue // gaps: canStep checks the nodes' gap fields
		}
		switch {
		case n == p:
			sig.next |= nodeBit(n)
			if m.nodes[c].outN > 0 || m.nodes[c].gap > 0 {
				sig.stop |= nodeBit(n)
			}
		case gapChild[p]:
			sig.afterGap |= nodeBit(n)
		default:
			sig.third |= nodeBit(n)
		}
	}
	return words, stems
}

// buildPrefixTrie builds the byte trie of wildcard prefixes: prefList[id]
// is accepted at the node reached by its bytes.
func (m *Matcher) buildPrefixTrie(prefList []string) {
	if len(prefList) == 0 {
		return
	}
	// Build with per-node child maps, then flatten breadth-first with
	// children sorted by byte.
	type tnode struct {
		kids   map[byte]int32
		prefix int32
	}
	nodes := []tnode{{prefix: -1}}
	for id, p := range prefList {
		n := int32(0)
		for i := 0; i < len(p); i++ {
			c, ok := nodes[n].kids[p[i]]
			if !ok {
				c = int32(len(nodes))
				nodes = append(nodes, tnode{prefix: -1})
				if nodes[n].kids == nil {
					nodes[n].kids = map[byte]int32{}
				}
				nodes[n].kids[p[i]] = c
			}
			n = c
		}
		nodes[n].prefix = int32(id)
	}
	// Renumber breadth-first so that siblings are contiguous.
	newID := make([]int32, len(nodes))
	order := []int32{0}
	for q := 0; q < len(order); q++ {
		n := order[q]
		keys := make([]int, 0, len(nodes[n].kids))
		for c := range nodes[n].kids {
			keys = append(keys, int(c))
		}
		sort.Ints(keys)
		for _, c := range keys {
			k := nodes[n].kids[byte(c)]
			newID[k] = int32(len(order))
			order = append(order, k)
		}
	}
	m.pnodes = make([]pnode, len(order))
	for i := range m.proot {
		m.proot[i] = -1
	}
	for newN, old := range order {
		pn := pnode{prefix: nodes[old].prefix, first: int32(len(m.pedges))}
		keys := make([]int, 0, len(nodes[old].kids))
		for c := range nodes[old].kids {
			keys = append(keys, int(c))
		}
		sort.Ints(keys)
		for _, c := range keys {
			child := newID[nodes[old].kids[byte(c)]]
			m.pedges = append(m.pedges, pedge{b: byte(c), child: child})
			if newN == 0 {
				m.proot[c] = child
			}
		}
		pn.count = int32(len(m.pedges)) - pn.first
		m.pnodes[newN] = pn
	}
}

// edgeTable is an open-addressing hash table from edge keys to child nodes,
// used for the edges that leave nodes other than the root. Keys are never 0
// (a non-root node is >= 1 in the key's high half), so 0 marks a free slot.
// It is a plain array probed linearly from a multiplicative hash: one cache
// line per lookup in the common case, which matters for the large tries of
// big lexicons.
type edgeTable struct {
	slots []edgeSlot
	shift uint // 64 - log2(len(slots))
}

// edgeSlot is an edge and a copy of the info of the node it leads to, so
// that following an edge costs one cache miss rather than two.
type edgeSlot struct {
	key   uint64
	info  nodeInfo
	child int32
}

func newEdgeTable(m map[uint64]int32, nodes []nodeInfo) edgeTable {
	if len(m) == 0 {
		return edgeTable{}
	}
	bits := uint(1)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := edgeTable{slots: make([]edgeSlot, 1<<bits), shift: 64 - bits}
	// Insert in key order so the layout does not depend on map iteration.
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	mask := uint64(len(t.slots) - 1)
	for _, k := range keys {
		i := t.home(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = edgeSlot{key: k, child: m[k], info: nodes[m[k]]}
	}
	return t
}

func (t *edgeTable) home(k uint64) uint64 {
	return (k * 0x9e3779b97f4a7c15) >> t.shift
}

// get returns the slot of edge key k, or nil.
func (t *edgeTable) get(k uint64) *edgeSlot {
	if t.slots == nil {
		return nil
	}

	mask := uint64(len(t.slots) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k {
			return s
		}
		if s.key == 0 {
			return nil
		}
	}
}

// vocabTable is an open-addressing hash table from the strings of a
// lexicon's vocabulary to their vocabIDs. A lookup first probes tags, a
// dense array of 32-bit hash tags (128 KB for 19,000 strings, so it mostly
// stays in cache): a string that is not in the vocabulary is usually
// rejected there. Only on a matching tag does it touch the slot, which
// holds the key (when it has at most vocabInline bytes) and the vocabIDs
// together, so that a hit costs one slot rather than a slot and an entry
// elsewhere; longer keys are compared with keys.
type vocabTable struct {
	tags  []uint32 // per slot: the key's tag (never 0), or 0 when free
	slots []vocabSlot
	keys  []string
	mask  uint64
	seed  maphash.Seed
}

const vocabInline = 23

type vocabSlot struct {
	n   uint8             // the key's length, or vocabInline+1 when it is not inline
	key [vocabInline]byte // the key, or (not inline) its index into keys, little-endian
	ids vocabIDs
}

// vocabTag is the tag of a hash: its high half, never 0.
func vocabTag(h uint64) uint32 { return uint32(h>>32) | 1 }

// newVocabTable builds the table of vocab, inserting keys (sorted) in order
// so that the layout depends only on the seed.
func newVocabTable(keys []string, vocab map[string]vocabIDs) vocabTable {
	t := vocabTable{seed: maphash.MakeSeed()}
	if len(keys) == 0 {
		return t
	}
	size := 2
	for size*3 < len(keys)*4 {
		size *= 2
	}
	t.tags = make([]uint32, size)
	t.slots = make([]vocabSlot, size)
	t.mask = uint64(size - 1)
	t.keys = keys
	for x, k := range keys {
		h := maphash.String(t.seed, k)
		i := h & t.mask
		for t.tags[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.tags[i] = vocabTag(h)
		sl := &t.slots[i]
		sl.ids, sl.n = vocab[k], vocabInline+1
		binary.LittleEndian.PutUint32(sl.key[:4], uint32(x))
		if len(k) <= vocabInline {
			sl.n = uint8(copy(sl.key[:], k))
		}
	}
	return t
}

// hash returns the hash of s that get expects.
func (t *vocabTable) hash(s string) uint64 { return maphash.String(t.seed, s) }

// get returns the IDs of s, whose hash is h, or nil.
func (t *vocabTable) get(h uint64, s string) *vocabIDs {
	if t.tags == nil {
		return nil
	}
	tag := vocabTag(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.tags[i] {
		case 0:
			return nil
		case tag:
			sl := &t.slots[i]
			if len(s) <= vocabInline {
				if int(sl.n) == len(s) && string(sl.key[:sl.n]) == s {
					return &sl.ids
				}
			} else if sl.n > vocabInline && t.keys[binary.LittleEndian.Uint32(sl.key[:4])] == s {
				return &sl.ids
			}
		}
	}
}
