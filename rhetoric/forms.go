package rhetoric

import (
	"sync/atomic"

	"github.com/rhetorica/rhetorica/tokenize"
)

// The learned layer and the grammar remember facts about a word by its form
// ID ([tokenize.Token.Form]), so that a word met before costs one index
// into a small table instead of hashing its strings again: a Model the rows
// of the word and stem features (w=norm, s=stem), a grammar the classes
// the normal form is a plain word of. The tables are kept per tokenizer
// and filled lazily, with atomic stores of values that do not depend on
// who stores them, so Models and grammars stay safe for concurrent use.

// formChunkBits is the log2 of the IDs of one chunk of a formIndex.
const formChunkBits = 10

// maxFormID bounds the IDs a formIndex holds, and so its memory (2 MiB at
// most); a token with a larger ID is looked up by its strings.
const maxFormID = 1 << 18

// maxFormSpaces is how many tokenizers' IDs a formIndexes holds (the
// analyzer uses one per language); further ones go the slow way.
const maxFormSpaces = 4

// formChunk holds one uint64 per form ID of 1<<formChunkBits consecutive
// IDs; 0 means not known yet, so every stored value must be nonzero.
type formChunk [1 << formChunkBits]atomic.Uint64

// formIndex maps the form IDs of one tokenizer (space) to uint64 values.
// Its chunks are allocated as IDs in their range are met.
type formIndex struct {
	space  uint64
	chunks [maxFormID >> formChunkBits]atomic.Pointer[formChunk]
}

// formIndexes are the form indexes of up to maxFormSpaces tokenizers, each
// claimed by the first document of its tokenizer.
type formIndexes struct {
	spaces [maxFormSpaces]atomic.Pointer[formIndex]
}

// index returns the index of tokenizer space, creating it when a slot is
// free, or nil.
func (f *formIndexes) index(space uint64) *formIndex {
	if f == nil || space == 0 {
		return nil
	}
	for i := range f.spaces {
		p := &f.spaces[i]
		x := p.Load()
		if x == nil {
			p.CompareAndSwap(nil, &formIndex{space: space})
			x = p.Load()
		}
		if x.space == space {
			return x
		}
	}
	return nil
}

// slot returns the value slot of form ID id, or nil when x is nil or id is
// 0 or out of range.
func (x *formIndex) slot(id uint32) *atomic.Uint64 {
	if x == nil || id == 0 || id >= maxFormID {
		return nil
	}
	p := &x.chunks[id>>formChunkBits]
	c := p.Load()
	if c == nil {
		p.CompareAndSwap(nil, new(formChunk))
		c = p.Load()
	}
	return &c[id&(1<<formChunkBits-1)]
}

// formRowsSet marks a known value of a Model's form index:
// formRowsSet | (w=row+1)<<32 | (s=row+1), a row+1 of 0 meaning the model
// has no such feature.
const formRowsSet = 1 << 63

// wordRows returns the model rows of the features w=t.Norm and s=t.Stem
// (the latter only when the stem differs from the normal form), -1 when
// the model has none, through x's slot for t's form ID.
func (m *Model) wordRows(x *formIndex, t *tokenize.Token) (w, s int32) {
	sl := x.slot(t.Form)
	if sl != nil {
		if v := sl.Load(); v != 0 {
			return int32(uint32(v>>32)&^(formRowsSet>>32)) - 1, int32(uint32(v)) - 1
		}
	}
	w = m.lookup(fnvAdd(fnvAdd(fnvOffset, "w="), t.Norm))
	s = -1
	if t.Stem != t.Norm && t.Stem != "" {
		s = m.lookup(fnvAdd(fnvAdd(fnvOffset, "s="), t.Stem))
	}
	if sl != nil {
		sl.Store(formRowsSet | uint64(uint32(w+1))<<32 | uint64(uint32(s+1)))
	}
	return w, s
}
