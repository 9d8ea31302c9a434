// Package formindex holds tables indexed by form ID (tokenize.Token.Form),
// one per tokenizer, so that a consumer remembers a fact about a word it has
// met before (the matcher its vocabulary entry, the learned layer its
// feature rows, the grammar its word classes) and pays one index into a
// small table instead of hashing the word's strings again.
//
// A table's slots are atomics of the consumer's choice, filled lazily with
// values that do not depend on who stores them, so a consumer stays safe
// for concurrent use. Slots come in chunks allocated as IDs in their range
// are met; memory is bounded by MaxID slots per tokenizer and MaxSpaces
// tokenizers per consumer, and a token outside the bounds goes the
// consumer's slow way.
package formindex

import (
	"sync/atomic"
	"unsafe"
)

// chunkBits is the log2 of the IDs of one chunk of an Index.
const chunkBits = 10

// MaxID bounds the form IDs an Index holds. A tokenizer hands out about one
// ID per distinct normal form, so a corpus needs more only when its
// vocabulary outgrows the tokenizer's memo and the memo starts afresh.
const MaxID = 1 << 18

// MaxSpaces is how many tokenizers' IDs an Indexes holds (the analyzer uses
// one tokenizer per language); documents of further tokenizers go the slow
// way.
const MaxSpaces = 4

// Index maps the form IDs of one tokenizer (tokenize.Document.FormSpace)
// to slots of type S, typically an atomic integer whose zero value means
// "not known yet".
type Index[S any] struct {
	space uint64
	// chunks are *[1 << chunkBits]S, read and written atomically; they
	// are untyped pointers so that Known, which reads them with
	// atomic.LoadPointer, needs no generic helper and inlines.
	chunks [MaxID >> chunkBits]unsafe.Pointer
}

// Indexes are the Index of each of up to MaxSpaces tokenizers, each claimed
// by the first document of its tokenizer. The zero value is ready to use.
type Indexes[S any] struct {
	spaces [MaxSpaces]atomic.Pointer[Index[S]]
}

// Index returns the index of tokenizer space, creating it when a place is
// free, or nil when f is nil, space is 0 (no form IDs) or every place is
// taken by other tokenizers.
func (f *Indexes[S]) Index(space uint64) *Index[S] {
	if f == nil || space == 0 {
		return nil
	}
	for i := range f.spaces {
		p := &f.spaces[i]
		x := p.Load()
		if x == nil {
			p.CompareAndSwap(nil, &Index[S]{space: space})
			x = p.Load()
		}
		if x.space == space {
			return x
		}
	}
	return nil
}

// Slot returns the slot of form ID id, or nil when x is nil or id is 0 or
// out of range.
func (x *Index[S]) Slot(id uint32) *S {
	if s := x.Known(id); s != nil {
		return s
	}
	if x == nil || id-1 >= MaxID-1 {
		return nil
	}
	p := &x.chunks[id>>chunkBits]
	atomic.CompareAndSwapPointer(p, nil, unsafe.Pointer(new([1 << chunkBits]S)))
	return &(*[1 << chunkBits]S)(atomic.LoadPointer(p))[id&(1<<chunkBits-1)]
}

// Known returns the slot of form ID id when its chunk has been allocated,
// else nil (also when x is nil or id is 0 or out of range); [Index.Slot]
// allocates the chunk. It is small enough to inline, so a consumer that
// looks up a slot for every word calls Known first and Slot only when it
// returns nil, which for a valid ID happens once per chunk.
func (x *Index[S]) Known(id uint32) *S {
	if x == nil || id-1 >= MaxID-1 {
		return nil
	}
	c := atomic.LoadPointer(&x.chunks[id>>chunkBits])
	if c == nil {
		return nil
	}
	return &(*[1 << chunkBits]S)(c)[id&(1<<chunkBits-1)]
}
