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
	clauseOf, sentOf := sc.clause[:n], sc.sentOf[:n]
	q := &g.breakQuick
	var clause int32
	for si, s := range doc.Sentences {
		clause++
		sid := int32(si)
		last := min(s.Last, n)
		for i := s.First; i < last; i++ {
			// Most tokens are words that the quick set rules out as
			// clause-break words: they only take the clause and sentence
			// numbers. A run of them is found first, by a loop without
			// calls that keeps its values in registers.
			if j := i + plainWords(toks[i:last], q); j > i {
				words += j - i
				for ; i < j; i++ {
					clauseOf[i], sentOf[i] = clause, sid
				}
				if i == last {
					break
				}
			}
			t := &toks[i]
			if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
				words++
			}
			if t.Text == "," && i+2 < s.Last && toks[i+2].Text == "," && toks[i+1].Kind == tokenize.Word && sc.is(&g.parenthetical, i+1) {
				// ", however," inside a clause is transparent: "we have
				// not, however, abandoned diplomacy".
				for k := i; k <= i+2; k++ {
					clauseOf[k] = clause
					sentOf[k] = sid
				}
				words++
				i += 2
				continue
			}
			if endsClause(t) {
				clause++
			} else if t.Kind == tokenize.Word && q.maybeTok(t) {
				if k := sc.at(&g.clauseBreak, i, s.Last); k > 0 {
					// A clause-break word or phrase ("but", "тем не
					// менее") opens the clause it belongs to.
					clause++
					for ; k > 1; k-- {
						clauseOf[i], sentOf[i] = clause, sid
						i++
						if toks[i].Kind == tokenize.Word || toks[i].Kind == tokenize.Number {
							words++
						}
					}
				}
			}
			clauseOf[i] = clause
			sentOf[i] = sid
		}
	}
	return words
}

// plainWords returns the number of tokens at the start of toks that are
// words which q rules out, as maybeTok tells for a word that starts and
// ends with an ASCII byte; none when q lets every word through.
func plainWords(toks []tokenize.Token, q *quickSet) int {
	if q.all {
		return 0
	}
	for k := range toks {
		t := &toks[k]
		x := t.Text
		if t.Kind != tokenize.Word || len(x) == 0 {
			return k
		}
		if f, l := x[0], x[len(x)-1]; f|l >= 0x80 || q.has(f, l, len(x)) {
			return k
		}
	}
	return len(toks)
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
