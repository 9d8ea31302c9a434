package tokenize

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// maxCacheEntries bounds the memo of a [Tokenizer]: once it has computed
// this many forms, it starts again empty, so memory stays bounded on text
// with an unbounded vocabulary.
const maxCacheEntries = 1 << 17

// maxFormIDs bounds the form IDs a [Tokenizer] hands out (see
// [Token.Form]). Every form the memo computes takes the next ID, so a memo
// that keeps turning over its entries (text with an unbounded vocabulary)
// would use them up; forms computed after that get ID 0, and consumers fall
// back to the strings. A consumer's table indexed by form ID is therefore
// bounded too.
const maxFormIDs = 1 << 20

// form is the normal form and stem of one surface text, with the dense ID
// of that (norm, stem) pair, 0 when none.
type form struct {
	norm, stem string
	id         uint32
}

// memoRec is a memoised form in two words: the arena offsets of its
// normal form (low half) and stem (high half; see arenaChunk), and the
// lengths of the two (16 bits each) with the form ID (high half). Two
// words keep it in registers: a larger struct is copied through memory,
// and reading it back whole right after writing it in parts stalls the
// processor.
type memoRec struct{ pos, meta uint64 }

// id returns the record's form ID.
func (r memoRec) id() uint32 { return uint32(r.meta >> 32) }

// norm returns the normal form, which lies in chunks.
func (r memoRec) norm(chunks [][]byte) string {
	return arenaString(chunks, uint32(r.pos), int(uint16(r.meta)))
}

// stem returns the stem, which lies in chunks.
func (r memoRec) stem(chunks [][]byte) string {
	return arenaString(chunks, uint32(r.pos>>32), int(uint16(r.meta>>16)))
}

// form returns the form of r, which lies in chunks.
func (r memoRec) form(chunks [][]byte) form {
	return form{norm: r.norm(chunks), stem: r.stem(chunks), id: r.id()}
}

// arenaChunk is the size of the memo's arena chunks, which hold the bytes
// of the surface texts, normal forms and stems it keeps; an arena offset o
// is byte o%arenaChunk of chunk o/arenaChunk. A string never spans two
// chunks.
const arenaChunk = 1 << 16

// arenaString returns the n bytes at arena offset off as a string that
// shares the arena's memory: bytes once written to the arena never change.
func arenaString(chunks [][]byte, off uint32, n int) string {
	if n == 0 {
		return ""
	}
	return unsafe.String(&chunks[off/arenaChunk][off%arenaChunk], n)
}

// memoSnap is an immutable view of the memo: a table from surface texts
// to the records of their forms, and the arena chunks the records and the
// table's keys point into, as they were when it was made.
type memoSnap struct {
	t      memoTable
	chunks [][]byte
}

// formCache memoises the normal form and stem of surface texts. It is
// safe for concurrent use.
//
// What it holds gives the garbage collector little to do: the texts,
// normal forms and stems lie in 64 KiB chunks of bytes (the arena), each
// text just before its normal form and stem in one chunk, and the entries
// are records of offsets (memoRec). The snapshot's table (memoTable) is a
// slice of slots without pointers; the small maps of recent misses have
// arena strings as keys. Before, each entry was a key string and a *form
// of two strings, four objects to mark in every cycle, which was most of
// the collector's work in a run over a corpus.
//
// Hits read an immutable snapshot through an atomic pointer, without locks
// or allocation: a table whose slot holds a text of up to fifteen bytes
// beside its record, so a hit reads one cache line before the strings are
// used. Misses go to a small map under a mutex, which is merged into a
// new snapshot once it holds a quarter as many entries, so each entry is
// copied a bounded number of times. The merge copies the whole memo, so
// it runs outside the mutex: the full small map is set aside (still read
// by look-ups, never written again) and a fresh one takes the misses
// meanwhile. One merge runs at a time. A form is a pure function of its
// text whichever table or map holds it.
//
// The arena only grows, and the snapshots share it: a reader's chunks
// stop where the bytes were when its snapshot was made, and what lies
// below never changes. After maxCacheEntries records the memo starts again
// with a new arena and maps (a new generation); a merge of the old
// generation that finishes after that is dropped.
type formCache struct {
	ro atomic.Pointer[memoSnap]
	mu sync.Mutex
	// Under mu: the generation, its count of records and its arena, the
	// map of the misses since the last merge, and the one being merged
	// (nil when none; read-only once set).
	gen     uint64
	added   int // records made in this generation
	chunks  [][]byte
	used    int // bytes used of the last chunk
	dirty   map[string]memoRec
	merging map[string]memoRec
	ids     atomic.Uint32 // the last form ID handed out
}

// newID returns a fresh form ID, or 0 once maxFormIDs are used up.
func (c *formCache) newID() uint32 {
	if c.ids.Load() >= maxFormIDs-1 {
		return 0
	}
	id := c.ids.Add(1)
	if id >= maxFormIDs {
		return 0
	}
	return id
}

// lookup returns the record of the form of text and the arena chunks its
// strings lie in, computing and memoising the form on a miss with compute.
// The memo keeps copies of what it stores, never text or the strings
// compute returns, which may share the caller's input.
func (c *formCache) lookup(text string, compute func(string) form) (memoRec, [][]byte) {
	if s := c.ro.Load(); s != nil {
		if r, ok := s.t.find(text, s.chunks); ok {
			return r, s.chunks
		}
	}
	c.mu.Lock()
	r, ok := c.dirty[text]
	if !ok && c.merging != nil {
		r, ok = c.merging[text]
	}
	if ok {
		chunks := c.chunks
		c.mu.Unlock()
		return r, chunks
	}
	c.mu.Unlock()
	f := compute(text)
	c.mu.Lock()
	if c.dirty == nil || c.added >= maxCacheEntries {
		c.restart()
	}
	// The text, the normal form and the stem go in one chunk, in this
	// order: the table finds the text's bytes just before the normal
	// form's (see memoSlot).
	c.reserve(len(text) + len(f.norm) + len(f.stem))
	key := c.store(text)
	r = c.add(f)
	c.dirty[arenaString(c.chunks, key, len(text))] = r
	chunks := c.chunks
	n := 0
	if ro := c.ro.Load(); ro != nil {
		n = ro.t.n
	}
	var full map[string]memoRec
	gen := c.gen
	if c.merging == nil && len(c.dirty) >= max(256, n/4) {
		full = c.dirty
		c.merging = full
		c.dirty = make(map[string]memoRec, 256)
	}
	c.mu.Unlock()
	if full != nil {
		// The snapshot takes the arena as it is now (chunks): the merged
		// records point nowhere beyond it.
		c.merge(gen, full, chunks)
	}
	return r, chunks
}

// lookupForm is lookup with the form's strings.
func (c *formCache) lookupForm(text string, compute func(string) form) form {
	r, chunks := c.lookup(text, compute)
	return r.form(chunks)
}

// restart begins a new generation: no records, an empty arena and empty
// maps. Called with mu held.
func (c *formCache) restart() {
	c.gen++
	c.added = 0
	c.chunks, c.used = nil, 0
	c.dirty = make(map[string]memoRec, 256)
	c.merging = nil
	c.ro.Store(nil)
}

// add stores f's strings in the arena and returns its record. Called with
// mu held.
func (c *formCache) add(f form) memoRec {
	norm := c.store(f.norm)
	stem := norm
	if f.stem != f.norm {
		stem = c.store(f.stem)
	}
	r := memoRec{
		pos:  uint64(norm) | uint64(stem)<<32,
		meta: uint64(uint16(len(f.norm))) | uint64(uint16(len(f.stem)))<<16 | uint64(f.id)<<32,
	}
	c.added++
	return r
}

// reserve makes room for n bytes in the arena's last chunk, adding a
// chunk if they do not fit, so that the next stores of n bytes in all
// are contiguous. The texts and forms of the memo are at most a few times
// maxMemoLen bytes, far shorter than a chunk (and than the 16 bits of a
// record's lengths).
func (c *formCache) reserve(n int) {
	if len(c.chunks) == 0 || c.used+n > arenaChunk {
		c.chunks = append(c.chunks, make([]byte, arenaChunk))
		c.used = 0
	}
}

// store copies s into the arena and returns its offset.
func (c *formCache) store(s string) uint32 {
	c.reserve(len(s))
	k := len(c.chunks) - 1
	// A chunk's slice never changes once appended (readers of a snapshot
	// share it): only bytes beyond those of every string handed out so
	// far are written.
	off := uint32(k*arenaChunk + c.used)
	c.used += copy(c.chunks[k][c.used:], s)
	return off
}

// merge stores a new snapshot holding the current one's table and full,
// over the arena chunks, unless the memo has started a new generation
// since gen. Only the one merge in progress stores a snapshot within a
// generation, so the current one is still current when it is done.
func (c *formCache) merge(gen uint64, full map[string]memoRec, chunks [][]byte) {
	snap := memoSnap{chunks: chunks}
	if ro := c.ro.Load(); ro != nil {
		snap.t = ro.t.grown(len(full), chunks)
	} else {
		snap.t = newMemoTable(len(full))
	}
	for k, r := range full {
		snap.t.insert(k, r)
	}
	c.mu.Lock()
	if c.gen == gen {
		c.ro.Store(&snap)
		c.merging = nil
	}
	c.mu.Unlock()
}
