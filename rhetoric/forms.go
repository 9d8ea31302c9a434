package rhetoric

import (
	"sync/atomic"

	"github.com/rhetorica/rhetorica/internal/formindex"
	"github.com/rhetorica/rhetorica/tokenize"
)

// The learned layer and the grammar remember facts about a word by its form
// ID ([tokenize.Token.Form]), so that a word met before costs one index
// into a small table instead of hashing its strings again: a Model the rows
// of the word and stem features (w=norm, s=stem), a grammar the classes
// the normal form is a plain word of. The tables are kept per tokenizer
// and filled lazily, with atomic stores of values that do not depend on
// who stores them, so Models and grammars stay safe for concurrent use.

// formIndexes are tables by form ID, per tokenizer (internal/formindex);
// 0 in a slot means not known yet, so every stored value is nonzero.
type formIndexes = formindex.Indexes[atomic.Uint64]

// formIndex is the table of one tokenizer.
type formIndex = formindex.Index[atomic.Uint64]

// formRowsSet marks a known value of a Model's form index:
// formRowsSet | (w=row+1)<<32 | (s=row+1), a row+1 of 0 meaning the model
// has no such feature.
const formRowsSet = 1 << 63

// wordRows returns the model rows of the features w=t.Norm and s=t.Stem
// (the latter only when the stem differs from the normal form), -1 when
// the model has none, through x's slot for t's form ID. A word met before
// costs a load from its slot, inline; the first meeting calls
// [Model.findWordRows].
func (m *Model) wordRows(x *formIndex, t *tokenize.Token) (w, s int32) {
	var v uint64
	if sl := x.Known(t.Form); sl != nil {
		v = sl.Load()
	}
	if v == 0 {
		v = m.findWordRows(x, t)
	}
	return unpackRows(v)
}

// unpackRows returns the w= and s= rows that a known slot value v of a
// model's form index holds (see formRowsSet), -1 for none.
func unpackRows(v uint64) (w, s int32) {
	return int32(uint32(v>>32)&^(formRowsSet>>32)) - 1, int32(uint32(v)) - 1
}

// findWordRows looks the rows of wordRows up in the model, stores them in
// x's slot for t's form ID (when it has one) and returns the slot's value.
func (m *Model) findWordRows(x *formIndex, t *tokenize.Token) uint64 {
	w := m.lookup(fnvAdd(fnvAdd(fnvOffset, "w="), t.Norm))
	s := int32(-1)
	if t.Stem != t.Norm && t.Stem != "" {
		s = m.lookup(fnvAdd(fnvAdd(fnvOffset, "s="), t.Stem))
	}
	v := formRowsSet | uint64(uint32(w+1))<<32 | uint64(uint32(s+1))
	if sl := x.Slot(t.Form); sl != nil {
		sl.Store(v)
	}
	return v
}
