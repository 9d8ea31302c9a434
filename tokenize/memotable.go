package tokenize

import (
	"math/bits"
	"math/rand/v2"
	"unsafe"
)

// memoTable is the immutable map of a memo snapshot from surface texts to
// the records of their forms: an open-addressing table with linear
// probing, built once (by a merge) and then only read.
//
// Go's map costs a look-up up to three cache lines when the rest of the
// analysis has evicted it: the control word of the slot's group, the slot,
// and the bytes of the key, which lie in the arena. A slot here holds the
// key's first fifteen bytes and its length beside the record, so a key of
// up to fifteen bytes (99.9% of the words of the UN corpus) is found in
// one cache line; a longer key compares the rest of its bytes in the
// arena, only when its first fifteen bytes and its length match.
type memoTable struct {
	slots []memoSlot // at most 3/5 of them full (newMemoTable)
	n     int        // full slots
	// seed seeds the hash of the keys: each table draws its own, so that
	// text crafted to make keys collide cannot be written once for all.
	seed uint64
}

// memoSlot is a slot of a memoTable, 32 bytes: two to a cache line.
//
// The slot does not hold the arena offset of its key: the memo stores a
// text's bytes just before those of its normal form, in one chunk, so
// the key lies at the normal form's offset minus its length.
type memoSlot struct {
	w0, w1 uint64 // the key's words (memoKey); w1 is zero in an empty slot
	rec    memoRec
}

// Multipliers of the hash (from wyhash).
const (
	memoK1 = 0xa0761d6478bd642f
	memoK2 = 0xe7037ed1a0b428db
)

// mix64 multiplies a and b into 128 bits and folds the halves together:
// every bit of the result depends on every bit of both.
func mix64(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// le32 returns the first four bytes of s, which has at least four, as a
// little-endian word.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// inlineKey is the longest key whose bytes all lie in its slot.
const inlineKey = 15

// memoKey returns the words of a key that a slot holds, and its hash.
// w0 holds its first eight bytes, little-endian, and w1 its next seven
// (zero bytes after a shorter key) with its length plus one in the top
// byte, so w1 is never zero; the two tell apart any two keys of at most
// inlineKey bytes. The hash of such a key mixes w0, w1 and the table's
// seed; a longer key adds its further eight-byte words from byte 15, the
// last of which may overlap the one before (the length, in w1, tells the
// keys apart).
//
// No byte beyond s is read: the part of fewer than eight bytes (the key,
// or what follows its first eight) is read in two overlapping halves (four
// to seven bytes) or by its first, middle and last bytes (one to three).
// One function without calls: it runs on every look-up.
func memoKey(s string, seed uint64) (w0, w1, h uint64) {
	n := len(s)
	w1 = uint64(n+1) << 56
	var p string
	switch {
	case n >= 16:
		w0 = le64(s)
		w1 |= le64(s[8:]) &^ (0xff << 56)
	case n >= 8:
		w0 = le64(s)
		p = s[8:]
	default:
		p = s
	}
	var x uint64
	switch m := len(p); {
	case m >= 4:
		x = uint64(le32(p)) | uint64(le32(p[m-4:]))<<(8*(m-4))
	case m > 0:
		x = uint64(p[0]) | uint64(p[m/2])<<(8*(m/2)) | uint64(p[m-1])<<(8*(m-1))
	}
	if n >= 8 {
		w1 |= x
	} else {
		w0 = x
	}
	h = wordsHash(w0, w1, seed)
	if n > inlineKey {
		i := inlineKey
		for ; i+8 < n; i += 8 {
			h = mix64(h^le64(s[i:]), memoK2)
		}
		h = mix64(h^le64(s[n-8:]), memoK2)
	}
	return w0, w1, h
}

// wordsHash returns the hash of a key of at most inlineKey bytes, whose
// words are w0 and w1; a longer key's hash starts from it.
func wordsHash(w0, w1, seed uint64) uint64 { return mix64(w0^seed, w1^memoK1) }

// keyOf returns the key of the full slot s, whose bytes lie in chunks.
func keyOf(s memoSlot, chunks [][]byte) string {
	n := int(s.w1>>56) - 1
	return arenaString(chunks, uint32(s.rec.pos)-uint32(n), n)
}

// newMemoTable returns an empty table with room for n records at a load
// of at most 3/5, so linear probing stays short: 1.75 slots to find a key
// and 3.6 to miss one on average, with a random hash. Its size is not
// rounded to a power of two (a slot's index is the high half of the hash
// times the size): the table of the UN corpus's 45,000 texts takes
// 2.3 MiB, where a power of two at a load of at most a half takes 4 MiB,
// which the collector's pacing doubles in the process's memory.
func newMemoTable(n int) memoTable {
	t := memoTable{slots: make([]memoSlot, max(64, n*5/3+1)), seed: rand.Uint64()}
	// A large table is fresh memory from the system, whose pages are
	// mapped on first touch. Filling it reads each slot before writing
	// it, and a page first touched by a read is mapped to the shared
	// zero page, so the write that follows faults again and the kernel
	// flushes that page from every processor the program runs on: on two
	// cores, an interrupt to the other one for each page of each new
	// table. Writing one slot a page first maps each page once, writable.
	for i := 0; i < len(t.slots); i += pageSlots {
		t.slots[i].w1 = 0
	}
	return t
}

// pageSlots is how many slots a 4 KiB page holds.
const pageSlots = 4096 / int(unsafe.Sizeof(memoSlot{}))

// home returns the slot where the probe for a key of hash h starts.
func (t *memoTable) home(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(t.slots)))
	return int(hi)
}

// find returns the record of text; the keys of more than inlineKey bytes
// lie in chunks.
func (t *memoTable) find(text string, chunks [][]byte) (memoRec, bool) {
	if len(t.slots) == 0 {
		return memoRec{}, false
	}
	w0, w1, h := memoKey(text, t.seed)
	for i := t.home(h); ; {
		s := &t.slots[i]
		if s.w0 == w0 && s.w1 == w1 && (len(text) <= inlineKey || keyOf(*s, chunks) == text) {
			return s.rec, true
		}
		if s.w1 == 0 {
			return memoRec{}, false
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// insert adds the record r of key, which is not in the table yet and
// lies in the arena just before r's normal form; the table must keep an
// empty slot after it, or a look-up that misses would never end.
func (t *memoTable) insert(key string, r memoRec) {
	w0, w1, h := memoKey(key, t.seed)
	t.put(memoSlot{w0: w0, w1: w1, rec: r}, h)
}

// put stores s in the first empty slot from the home of its hash h on.
func (t *memoTable) put(s memoSlot, h uint64) {
	i := t.home(h)
	for t.slots[i].w1 != 0 {
		if i++; i == len(t.slots) {
			i = 0
		}
	}
	t.slots[i] = s
	t.n++
}

// grown returns a new table holding t's records with room for n more,
// put again by the hashes of their keys with a new seed: a key of at most
// inlineKey bytes is hashed from its slot's words, a longer one from its
// bytes, which lie in chunks.
func (t *memoTable) grown(n int, chunks [][]byte) memoTable {
	g := newMemoTable(t.n + n)
	for _, s := range t.slots {
		switch {
		case s.w1 == 0:
		case s.w1>>56 <= inlineKey+1:
			g.put(s, wordsHash(s.w0, s.w1, g.seed))
		default:
			_, _, h := memoKey(keyOf(s, chunks), g.seed)
			g.put(s, h)
		}
	}
	return g
}

// all calls yield with the key and record of every full slot, in the
// order of the slots.
func (t *memoTable) all(chunks [][]byte, yield func(string, memoRec)) {
	for _, s := range t.slots {
		if s.w1 != 0 {
			yield(keyOf(s, chunks), s.rec)
		}
	}
}
