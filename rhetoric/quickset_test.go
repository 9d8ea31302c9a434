package rhetoric

import (
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// TestQuickSets checks that no quick set of the English grammar rules out
// a word of its classes (maybeTok and maybeNorm), and that plainWords
// passes over exactly the words that maybeTok rules out by their text:
// on every token of the bench speeches and of a text of all the classes'
// words, as written, capitalised and in upper case.
func TestQuickSets(t *testing.T) {
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := a.grammar(tokenize.English)
	type set struct {
		q       *quickSet
		classes []*wordClass
	}
	sets := map[string]set{
		"frame":  {&g.frameQuick, []*wordClass{&g.claimNoun, &g.according, &g.reporting, &g.accusing, &g.appealVerb}},
		"break":  {&g.breakQuick, []*wordClass{&g.clauseBreak}},
		"source": {&g.sourceQuick, []*wordClass{&g.clauseBreak, &g.coordinator, &g.claimNoun, &g.according, &g.reporting, &g.accusing, &g.appealVerb}},
		"accuse": {&g.accuseQuick, []*wordClass{&g.clauseBreak, &g.accusing, &g.appealVerb}},
		"agent":  {&g.agentQuick, []*wordClass{&g.agentNoun}},
	}
	var words []string
	for _, s := range sets {
		for _, c := range s.classes {
			words = append(words, c.words...)
			for _, p := range c.phrases {
				words = append(words, p[0].text)
			}
		}
	}
	all := strings.Join(words, " ")
	texts := []string{all, capitalise(all), strings.ToUpper(all), "But however the aggression, BUT Aggression éclat naïve café x y-z a"}
	texts = append(texts, presentSpeeches(t)...)
	tok, err := tokenize.New(tokenize.Options{Language: tokenize.English})
	if err != nil {
		t.Fatal(err)
	}
	members := map[string]int{}
	for _, text := range texts {
		doc, err := tok.Tokenize(text)
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.Tokens
		for name, s := range sets {
			for i := range toks {
				tk := &toks[i]
				member := false
				for _, c := range s.classes {
					member = member || c.has(tk)
					for _, p := range c.phrases {
						member = member || p[0].matches(tk)
					}
				}
				if member {
					members[name]++
					if !s.q.maybeTok(tk) || !s.q.maybeNorm(tk.Norm) {
						t.Errorf("%s set rules out %q (norm %q), a word of its classes", name, tk.Text, tk.Norm)
					}
				}
				n := plainWords(toks[i:], s.q)
				for k := i; k < i+n; k++ {
					if toks[k].Kind != tokenize.Word || s.q.maybeTok(&toks[k]) {
						t.Fatalf("%s set: plainWords from %q passes over %q", name, tk.Text, toks[k].Text)
					}
				}
				if k := i + n; k < len(toks) && toks[k].Kind == tokenize.Word && !s.q.maybeTok(&toks[k]) {
					if x := toks[k].Text; x != "" && x[0] < 0x80 && x[len(x)-1] < 0x80 {
						t.Errorf("%s set: plainWords from %q stops at %q, which maybeTok rules out", name, tk.Text, x)
					}
				}
			}
		}
	}
	for name := range sets {
		if members[name] == 0 {
			t.Errorf("%s set: no word of its classes met", name)
		}
	}
}

// capitalise returns s with the ASCII letter that opens each of its words
// in upper case.
func capitalise(s string) string {
	b := []byte(s)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
