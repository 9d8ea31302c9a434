package rhetoric

import "github.com/rhetorica/rhetorica/tokenize"

// clauses is the clause stage: it numbers the clause and the sentence of
// every token into sc.clause and sc.sentOf and returns the number of words
// (tokens of kind Word or Number). Clause numbers increase through the
// document; a new sentence always opens a new clause.
func clauses(doc *tokenize.Document, sc *scratch) (words int) {
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
			if t.Text == "," && i+2 < s.Last && toks[i+2].Text == "," && parenthetical(&toks[i+1]) {
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
			}
			sc.clause[i] = clause
			sc.sentOf[i] = int32(si)
		}
	}
	return words
}

// endsClause reports whether t opens a new clause for modifier scope: the
// punctuation , ; : - -- ( ) [ ] — – … ... . ! ? or one of the
// conjunctions but, however, although, though, whereas, nevertheless
// ("we do not want war, but ...").
func endsClause(t *tokenize.Token) bool {
	// Look at Text first: it lies in the input, read in order, while Norm
	// may point anywhere in the tokenizer's cache.
	x := t.Text
	if len(x) == 0 {
		return false
	}
	switch t.Kind {
	case tokenize.Punct:
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
	case tokenize.Word:
		// Compare the surface text, case-insensitively, by length first:
		// most words are rejected without reading a byte.
		switch len(x) {
		case 3:
			return foldEq(x, "but")
		case 6:
			return foldEq(x, "though")
		case 7:
			return foldEq(x, "however") || foldEq(x, "whereas")
		case 8:
			return foldEq(x, "although")
		case 12:
			return foldEq(x, "nevertheless")
		}
	}
	return false
}

// parenthetical reports whether t is a discourse adverb that, between two
// commas, does not end the clause.
func parenthetical(t *tokenize.Token) bool {
	if t.Kind != tokenize.Word {
		return false
	}
	x := t.Text
	switch len(x) {
	case 6:
		return foldEq(x, "indeed")
	case 7:
		return foldEq(x, "however")
	case 9:
		return foldEq(x, "therefore")
	}
	return false
}

// foldEq reports whether x equals the lower-case ASCII word w, ignoring
// ASCII case.
func foldEq(x, w string) bool {
	if len(x) != len(w) {
		return false
	}
	for i := 0; i < len(x); i++ {
		if x[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// hardBoundary reports whether t separates clauses more strongly than a
// comma: ; : or a contrastive conjunction.
func hardBoundary(t *tokenize.Token) bool {
	switch t.Kind {
	case tokenize.Punct:
		return t.Text == ";" || t.Text == ":"
	case tokenize.Word:
		return endsClause(t)
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
