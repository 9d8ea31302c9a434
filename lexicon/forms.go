package lexicon

import (
	"sync/atomic"

	"github.com/rhetorica/rhetorica/tokenize"
)

// A Matcher remembers, per tokenizer, which entry of its vocabulary each
// form ID ([tokenize.Token.Form]) stands for, so that a word it has met
// before costs one index into a small table instead of hashing the token's
// normal form and probing the vocabulary. The tables are filled lazily by
// every Find that uses them, with atomic stores: two goroutines that
// resolve the same ID store the same value.

// formChunkBits is the log2 of the IDs of one chunk of a formIndex.
const formChunkBits = 10

// maxFormID bounds the IDs a formIndex holds, and so its memory (1 MiB at
// most); a token with a larger ID goes the way of a token without one. A
// tokenizer hands out about one ID per distinct normal form, so a corpus
// needs more only when its vocabulary outgrows the tokenizer's memo (2^17
// surface forms) and the memo starts afresh.
const maxFormID = 1 << 18

// maxFormSpaces is how many tokenizers' IDs a Matcher indexes; documents of
// further tokenizers are matched through the hash table alone. (The
// analyzer uses one tokenizer per language.)
const maxFormSpaces = 4

// formChunk holds the vocabulary entries of 1<<formChunkBits consecutive
// form IDs: 0 when not looked up yet, -1 when the form's normal form is not
// in the vocabulary, else 1 + the entry's index in vocabTable.slots.
type formChunk [1 << formChunkBits]atomic.Int32

// formIndex maps the form IDs of one tokenizer (space) to vocabulary
// entries. Its chunks are allocated as IDs in their range are met, so its
// memory grows with the forms met, up to maxFormID*4 bytes.
type formIndex struct {
	space  uint64
	chunks [maxFormID >> formChunkBits]atomic.Pointer[formChunk]
}

// formIndexes are a Matcher's form indexes, one per tokenizer, claimed by
// the first documents of up to maxFormSpaces tokenizers.
type formIndexes struct {
	spaces [maxFormSpaces]atomic.Pointer[formIndex]
}

// index returns the form index of the tokenizer space, creating it when a
// slot is free, or nil.
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

// slot returns the slot of form ID id, or nil when id is out of range.
func (x *formIndex) slot(id uint32) *atomic.Int32 {
	if id == 0 || id >= maxFormID {
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

// wordEntry returns the vocabulary entry of t.Norm (nil when none), through
// the slot of t's form ID when it has one.
func (m *Matcher) wordEntry(sl *atomic.Int32, t *tokenize.Token) *vocabIDs {
	if sl != nil {
		switch e := sl.Load(); {
		case e > 0:
			return &m.vocab.slots[e-1].ids
		case e < 0:
			return nil
		}
	}
	x := m.vocab.find(m.vocab.hash(t.Norm), t.Norm)
	if x < 0 {
		if sl != nil {
			sl.Store(-1)
		}
		return nil
	}
	if sl != nil {
		sl.Store(x + 1)
	}
	return &m.vocab.slots[x].ids
}
