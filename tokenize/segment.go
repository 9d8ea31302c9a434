package tokenize

// appendSentences appends the sentences of tokens to dst. (Placeholder rules, refined below.)
func appendSentences(dst []Sentence, text string, toks []Token) []Sentence {
	first := 0
	for k, tok := range toks {
		end := k == len(toks)-1
		if !end && tok.Kind == Punct && (tok.Text == "." || tok.Text == "!" || tok.Text == "?") {
			end = true
		}
		if end {
			dst = append(dst, Sentence{Start: toks[first].Start, End: tok.End, First: first, Last: k + 1})
			first = k + 1
		}
	}
	return dst
}
