package rhetoric

import "github.com/rhetorica/rhetorica/tokenize"

// clauses is the clause stage: it numbers the clause and the sentence of
// every token into sc.clause and sc.sentOf and returns the number of words
// (tokens of kind Word or Number). Clause numbers increase through the
// document; a new sentence always opens a new clause.
func clauses(doc *tokenize.Document, sc *scratch) (words int) {
	g := sc.g
	toks := doc.Tokens
	n := len(toks)
	sc.clause = grow32(sc.clause, n)
	sc.sentOf = grow32(sc.sentOf, n)
	var clause int32
	for si, s := range doc.Sentences {
		clause++
		for i := s.First; i < s.Last && i < n; i++ {
			t := &toks[i]
			if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
				words++
			}
			if t.Text == "," && i+2 < s.Last && toks[i+2].Text == "," && toks[i+1].Kind == tokenize.Word && sc.is(&g.parenthetical, i+1) {
				// ", however," inside a clause is transparent: "we have
				// not, however, abandoned diplomacy".
				for k := i; k <= i+2; k++ {
					sc.clause[k] = clause
					sc.sentOf[k] = int32(si)
				}
				words++
				i += 2
				continue
			}
			if endsClause(t) {
				clause++
			} else if t.Kind == tokenize.Word {
				maybe, sure := g.breakQuick.lowerBit(t.Text)
				if !sure {
					maybe = g.breakQuick.maybeTok(t)
				}
				if maybe {
					if k := sc.at(&g.clauseBreak, i, s.Last); k > 0 {
						// A clause-break word or phrase ("but", "тем не
						// менее") opens the clause it belongs to.
						clause++
						for ; k > 1; k-- {
							sc.clause[i], sc.sentOf[i] = clause, int32(si)
							i++
							if toks[i].Kind == tokenize.Word || toks[i].Kind == tokenize.Number {
								words++
							}
						}
					}
				}
			}
			sc.clause[i] = clause
			sc.sentOf[i] = int32(si)
		}
	}
	return words
}

// endsClause reports whether the punctuation token t opens a new clause
// for modifier scope: , ; : - -- ( ) [ ] — – … ... . ! ? (words that do,
// such as "but", are the grammar's clause-break class).
func endsClause(t *tokenize.Token) bool {
	// Look at Text first: it lies in the input, read in order, while Norm
	// may point anywhere in the tokenizer's cache.
	x := t.Text
	if len(x) == 0 || t.Kind != tokenize.Punct {
		return false
	}
	if len(x) == 1 {
		switch x[0] {
		case ',', ';', ':', '-', '(', ')', '[', ']', '.', '!', '?':
			return true
		}
		return false
	}
	switch t.Norm {
	case ",", ";", ":", "-", "--", "(", ")", "[", "]", "—", "–", "…", "...", ".", "!", "?":
		return true
	}
	return false
}

// hardBoundary reports whether t separates clauses more strongly than a
// comma: ; : or a clause-break word.
func (sc *scratch) hardBoundary(i int) bool {
	t := &sc.toks[i]
	switch t.Kind {
	case tokenize.Punct:
		return t.Text == ";" || t.Text == ":"
	case tokenize.Word:
		return sc.g.breakQuick.maybeTok(t) && sc.is(&sc.g.clauseBreak, i)
	}
	return false
}

// sameClause reports whether all tokens from the earlier of the modifier and
// the cue to the later one lie in clause cl. Clause numbers only increase,
// so it suffices to compare the two ends.
func sameClause(clause []int32, mFirst, first, mLast int, cl int32) bool {
	if mFirst < first {
		return clause[mFirst] == cl
	}
	return clause[mLast-1] == cl
}
