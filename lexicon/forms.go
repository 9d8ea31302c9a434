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

// A Matcher remembers, per tokenizer, what each form ID
// ([tokenize.Token.Form]) resolves to, so that a word it has met before
// costs one index into a small table instead of hashing the token's normal
// form and probing the vocabulary, and a word without symbols costs nothing
// more. The tables are filled lazily by every Find that uses them, with
// atomic stores: two goroutines that resolve the same ID store the same
// value, as a form ID stands for one (Norm, Stem) pair. A slot
// (internal/formindex) holds
//
//   - formUnknown (0) when not resolved yet;
//   - 1 + the index in vocabTable.slots of the form's normal form;
//   - formNoSym when the normal form is not in the vocabulary and the form
//     has no symbol (no stem of the lexicon, no wildcard prefix): most
//     words of a small lexicon;
//   - formOther when the normal form is not in the vocabulary but the form
//     has some symbol, which symbolsOf then finds again.
const (
	formUnknown = 0
	formNoSym   = -1
	formOther   = -2
)

// formSymbols resolves token t, which carries a form ID of the tokenizer
// of fx, and returns the index of its symbols in s.syms: noSym, or a new
// tokSym (and symHot) that it appends, with rootBit (see rootOf) and
// phraseFlag.
func (m *Matcher) formSymbols(s *scratch, t *tokenize.Token, fx *formIndex) uint32 {
	sl := fx.Known(t.Form)
	if sl == nil {
		sl = fx.Slot(t.Form) // nil when the ID is out of range
	}
	e := int32(formUnknown)
	if sl != nil {
		e = sl.Load()
	}
	var v *vocabIDs
	switch {
	case e == formNoSym:
		return noSym
	case e > 0:
		v = &m.vocab.slots[e-1].ids
	case e == formUnknown:
		if x := m.vocab.find(m.vocab.hash(t.Norm), t.Norm); x >= 0 {
			v = &m.vocab.slots[x].ids
			e = x + 1
		}
	}
	k := s.add()
	m.symbolsOf(s, k, t, v)
	switch k = s.settle(k, m.preds); {
	case k == noSym:
		e = formNoSym
	case e == formUnknown:
		e = formOther
	}
	if sl != nil {
		sl.Store(e)
	}
	return k
}
