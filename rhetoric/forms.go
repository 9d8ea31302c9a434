package rhetoric

import (
	"sync/atomic"

	"github.com/rhetorica/rhetorica/tokenize"
)

// A Model remembers, per tokenizer, the rows of the word and stem features
// (w=norm, s=stem) of each form ID ([tokenize.Token.Form]), so that a word
// it has met before costs one index into a small table instead of hashing
// both feature names and probing the model's table twice. The tables are
// filled lazily, with atomic stores of values that do not depend on who
// stores them, so a Model stays safe for concurrent use.

// formRowChunkBits is the log2 of the IDs of one chunk of a formRowIndex.
const formRowChunkBits = 10

// maxFormRowID bounds the IDs a formRowIndex holds, and so its memory
// (2 MiB at most); a token with a larger ID is looked up by its strings.
const maxFormRowID = 1 << 18

// maxFormRowSpaces is how many tokenizers' IDs a Model indexes (the
// analyzer uses one per language); further ones go the slow way.
const maxFormRowSpaces = 4

// formRowChunk holds the feature rows of 1<<formRowChunkBits consecutive
// form IDs: 0 when not looked up yet, else formRowsSet | (w=row+1)<<32 |
// (s=row+1), a row+1 of 0 meaning the model has no such feature.
type formRowChunk [1 << formRowChunkBits]atomic.Uint64

const formRowsSet = 1 << 63

// formRowIndex maps the form IDs of one tokenizer (space) to feature rows.
type formRowIndex struct {
	space  uint64
	chunks [maxFormRowID >> formRowChunkBits]atomic.Pointer[formRowChunk]
}

// formRowIndexes are a Model's form indexes, claimed by the documents of
// up to maxFormRowSpaces tokenizers.
type formRowIndexes struct {
	spaces [maxFormRowSpaces]atomic.Pointer[formRowIndex]
}

// index returns the index of tokenizer space, creating it when a slot is
// free, or nil.
func (f *formRowIndexes) index(space uint64) *formRowIndex {
	if f == nil || space == 0 {
		return nil
	}
	for i := range f.spaces {
		p := &f.spaces[i]
		x := p.Load()
		if x == nil {
			p.CompareAndSwap(nil, &formRowIndex{space: space})
			x = p.Load()
		}
		if x.space == space {
			return x
		}
	}
	return nil
}

// wordRows returns the model rows of the features w=t.Norm and s=t.Stem
// (the latter only when the stem differs from the normal form), -1 when
// the model has none, through x's slot for t's form ID.
func (m *Model) wordRows(x *formRowIndex, t *tokenize.Token) (w, s int32) {
	id := t.Form
	var sl *atomic.Uint64
	if x != nil && id != 0 && id < maxFormRowID {
		p := &x.chunks[id>>formRowChunkBits]
		c := p.Load()
		if c == nil {
			p.CompareAndSwap(nil, new(formRowChunk))
			c = p.Load()
		}
		sl = &c[id&(1<<formRowChunkBits-1)]
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
