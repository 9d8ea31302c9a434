package lexicon

import (
	"sync/atomic"

	"github.com/rhetorica/rhetorica/internal/formindex"
	"github.com/rhetorica/rhetorica/tokenize"
)

// formIndexes are a Matcher's vocabulary entries by form ID, per tokenizer.
type formIndexes = formindex.Indexes[atomic.Int32]

// formIndex is the table of one tokenizer.
type formIndex = formindex.Index[atomic.Int32]

// A Matcher remembers, per tokenizer, which entry of its vocabulary each
// form ID ([tokenize.Token.Form]) stands for, so that a word it has met
// before costs one index into a small table instead of hashing the token's
// normal form and probing the vocabulary. The tables are filled lazily by
// every Find that uses them, with atomic stores: two goroutines that
// resolve the same ID store the same value. A slot (internal/formindex)
// holds 0 when not looked up yet, -1 when the form's normal form is not in
// the vocabulary, else 1 + the entry's index in vocabTable.slots.

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
