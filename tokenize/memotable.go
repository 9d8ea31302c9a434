package tokenize

import (
	"math/bits"
	"math/rand/v2"
)

// memoTable is the immutable map of a memo snapshot from surface texts to
// the records of their forms: an open-addressing table with linear
// probing, built once (by a merge) and then only read.
//
// Go's map costs a look-up up to three cache lines when the rest of the
// analysis has evicted it: the control word of the slot's group, the slot,
// and the bytes of the key, which lie in the arena. A slot here holds the
// key's first eight bytes beside the record, so a key of at most eight
// bytes (most tokens by frequency) is found in one cache line; a longer
// key compares the rest of its bytes in the arena, and only when the
// first eight bytes, its length and a tag of its hash match.
type memoTable struct {
	slots []memoSlot // a power of two of them, at most maxMemoLoad full
	n     int        // full slots
}

// memoSlot is a slot of a memoTable, 32 bytes: two to a cache line.
type memoSlot struct {
	// word holds the key's first eight bytes, little-endian, with zero
	// bytes after a shorter key.
	word uint64
	// key holds the arena offset of the whole key (low half) and the
	// key's length plus one with a 24-bit tag of its hash above it (high
	// half, see keyTag); it is zero in an empty slot.
	key uint64
	rec memoRec
}

// maxMemoLoad is the largest share of full slots in a memoTable: linear
// probing stays short below about a half.
const maxMemoLoad = 0.5

// memoSeed seeds the hash of the memo's keys, so that text crafted to
// make keys collide cannot be written once for every process.
var memoSeed = rand.Uint64() | 1

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

// keyWord returns the first eight bytes of s as a little-endian word, with
// zero bytes after a shorter s. It reads no byte beyond s: a shorter s is
// read in two overlapping halves (four to seven bytes) or by its first,
// middle and last bytes (one to three).
func keyWord(s string) uint64 {
	n := len(s)
	switch {
	case n >= 8:
		return le64(s)
	case n >= 4:
		return uint64(le32(s)) | uint64(le32(s[n-4:]))<<(8*(n-4))
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return 0
}

// keyHash returns the hash of s, whose first word (keyWord) is w. A key of
// at most eight bytes is hashed from w and its length alone; a longer one
// adds its further eight-byte words, the last of which may overlap the one
// before (the length tells the keys apart).
func keyHash(s string, w uint64) uint64 {
	h := mix64(w^memoSeed, uint64(len(s))^memoK1)
	if len(s) > 8 {
		i := 8
		for ; i+8 < len(s); i += 8 {
			h = mix64(h^le64(s[i:]), memoK2)
		}
		h = mix64(h^le64(s[len(s)-8:]), memoK2)
	}
	return h
}

// keyTag returns the high half of a slot's key field for a key of n bytes
// with hash h: n+1, never zero, with the hash's top 24 bits above it. The
// slot's index takes the hash's low bits, so the tag tells apart keys
// that share a probe sequence.
func keyTag(n int, h uint64) uint32 {
	return uint32(n+1) | uint32(h>>40)<<8
}

// newMemoTable returns an empty table with room for n records.
func newMemoTable(n int) memoTable {
	size := 64
	for float64(n) > maxMemoLoad*float64(size) {
		size *= 2
	}
	return memoTable{slots: make([]memoSlot, size)}
}

// find returns the record of text, whose key bytes lie in chunks.
func (t *memoTable) find(text string, chunks [][]byte) (memoRec, bool) {
	if len(t.slots) == 0 {
		return memoRec{}, false
	}
	w := keyWord(text)
	h := keyHash(text, w)
	tag := keyTag(len(text), h)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.word == w && uint32(s.key>>32) == tag &&
			(len(text) <= 8 || arenaString(chunks, uint32(s.key)+8, len(text)-8) == text[8:]) {
			return s.rec, true
		}
		if s.key == 0 {
			return memoRec{}, false
		}
	}
}

// insert adds the record r of the key at arena offset off, key, which is
// not in the table yet; the table must keep an empty slot after it, or
// a look-up that misses would never end.
func (t *memoTable) insert(key string, off uint32, r memoRec) {
	w := keyWord(key)
	h := keyHash(key, w)
	t.put(memoSlot{word: w, key: uint64(off) | uint64(keyTag(len(key), h))<<32, rec: r}, h)
}

// put stores s in the first empty slot from its hash h on.
func (t *memoTable) put(s memoSlot, h uint64) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
	t.n++
}

// grown returns a new table holding t's records with room for n more: a
// copy of t's slots when that many fit, else its records put again by
// the hashes of their keys, which lie in chunks.
func (t *memoTable) grown(n int, chunks [][]byte) memoTable {
	if len(t.slots) > 0 && float64(t.n+n) <= maxMemoLoad*float64(len(t.slots)) {
		g := memoTable{slots: make([]memoSlot, len(t.slots)), n: t.n}
		copy(g.slots, t.slots)
		return g
	}
	g := newMemoTable(t.n + n)
	for _, s := range t.slots {
		if s.key == 0 {
			continue
		}
		key := arenaString(chunks, uint32(s.key), int(uint8(s.key>>32))-1)
		g.put(s, keyHash(key, s.word))
	}
	return g
}

// all calls yield with the key and record of every full slot, in the
// order of the slots.
func (t *memoTable) all(chunks [][]byte, yield func(string, memoRec)) {
	for _, s := range t.slots {
		if s.key != 0 {
			yield(arenaString(chunks, uint32(s.key), int(uint8(s.key>>32))-1), s.rec)
		}
	}
}
