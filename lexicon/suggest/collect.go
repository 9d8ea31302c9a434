package suggest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/tokenize"
)

// collector counts the candidates of every sentence.
type collector struct {
	cands []candidate
	index map[string]int32 // pattern (stems: "~" + stem) -> candidate
	seen  []int32          // per candidate, the last sentence that counted it, plus 1
	sent  int32
	nDev  int
	stems map[string]*stemForms // stem -> its forms, for the pattern of a stem cue
	buf   []int32
	// capital and lower count the occurrences of each word not at the start
	// of a sentence written with and without a capital: mostly capitalised
	// words are names, which are not cues.
	capital, lower map[string]int
}

// stemForms counts the word forms seen with one stem.
type stemForms struct {
	cand  int32
	forms map[string]int
}

// functionWords are English words that are never a cue on their own, and
// phrases made only of them are not candidates either.
var functionWords = wordSet(`a an the and or but nor so yet of in on at to for from by with
		about as into onto upon over under between among through during before after within without
		against towards toward than then that this these those there here it its it's is are was were be
		been being am has have had having do does did done will would shall should can could may might must
		i me my we us our you your he him his she her they them their who whom whose which what when where
		why how all any both each every some such no not nor only own same too very s 's also just more most
		other others one ones if because while whether up out off again further once`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// add returns the candidate for pattern, creating it.
func (c *collector) add(key, pattern string, kind Kind) int32 {
	if i, ok := c.index[key]; ok {
		return i
	}
	i := int32(len(c.cands))
	c.cands = append(c.cands, candidate{pattern: pattern, kind: kind, stem: -1,
		dev: make([]int32, c.nDev), newDev: make([]int32, c.nDev)})
	c.seen = append(c.seen, 0)
	c.index[key] = i
	return i
}

// stemmable reports whether a word's stem can be written as ~word.
func stemmable(t *tokenize.Token) bool {
	if t.Stem == "" || len(t.Norm) < 3 {
		return false
	}
	for _, r := range t.Norm {
		if !('a' <= r && r <= 'z') && r < 0x80 {
			return false
		}
	}
	return true
}

// sentence counts the candidates of one sentence.
func (c *collector) sentence(toks []tokenize.Token, actor, hasDev, lexHit []bool) {
	c.sent++
	c.buf = c.buf[:0]
	count := func(i int32) {
		if c.seen[i] != c.sent {
			c.seen[i] = c.sent
			c.buf = append(c.buf, i)
		}
	}
	word := func(j int) bool {
		return j >= 0 && j < len(toks) && toks[j].Kind == tokenize.Word && patternSafe(toks[j].Norm)
	}
	content := func(j int) bool { return !functionWords[toks[j].Norm] && !actor[j] }
	wordCand := make([]int32, len(toks))
	for j := range toks {
		wordCand[j] = -1
		if !word(j) || !content(j) {
			continue
		}
		t := &toks[j]
		if j > 0 && toks[j-1].Kind == tokenize.Word {
			if r := t.Text[0]; 'A' <= r && r <= 'Z' {
				c.capital[t.Norm]++
			} else {
				c.lower[t.Norm]++
			}
		}
		w := c.add(t.Norm, t.Norm, WordCue)
		wordCand[j] = w
		count(w)
		if stemmable(t) {
			sf := c.stems[t.Stem]
			if sf == nil {
				sf = &stemForms{cand: c.add("~"+t.Stem, "", StemCue), forms: map[string]int{}}
				c.stems[t.Stem] = sf
			}
			sf.forms[t.Norm]++
			c.cands[w].stem = sf.cand
			count(sf.cand)
		}
	}
	var sb strings.Builder
	for j := range toks {
		if !word(j) {
			continue
		}
		// phrases of 2 and 3 words
		for n := 2; n <= 3; n++ {
			if !word(j + n - 1) {
				break
			}
			if !slices.ContainsFunc([]int{j, j + 1, j + n - 1}, content) {
				continue
			}
			sb.Reset()
			var parts []int32
			for k := j; k < j+n; k++ {
				if k > j {
					sb.WriteByte(' ')
				}
				sb.WriteString(toks[k].Norm)
				if wordCand[k] >= 0 {
					parts = append(parts, wordCand[k])
				}
			}
			p := sb.String()
			i := c.add(p, p, PhraseCue)
			c.cands[i].parts = parts
			count(i)
		}
		// word _ word
		if j+2 < len(toks) && word(j+2) && (word(j+1) || toks[j+1].Kind == tokenize.Number) && content(j) && content(j+2) {
			p := toks[j].Norm + " _ " + toks[j+2].Norm
			i := c.add(p, p, GapCue)
			var parts []int32
			for _, k := range []int{j, j + 2} {
				if wordCand[k] >= 0 {
					parts = append(parts, wordCand[k])
				}
			}
			c.cands[i].parts = parts
			count(i)
		}
	}
	for _, i := range c.buf {
		cd := &c.cands[i]
		cd.count++
		for d, ok := range hasDev {
			if ok {
				cd.dev[d]++
				if !lexHit[d] {
					cd.newDev[d]++
				}
			}
		}
	}
}

// finishStems names every stem cue after its most frequent form (ties by
// the shorter, then the smaller form) and disables stems seen in one form
// only, which add nothing to the word.
func (c *collector) finishStems() {
	for _, sf := range c.stems {
		type fc struct {
			form string
			n    int
		}
		var fs []fc
		for f, n := range sf.forms {
			fs = append(fs, fc{f, n})
		}
		slices.SortFunc(fs, func(x, y fc) int {
			if c := cmp.Compare(y.n, x.n); c != 0 {
				return c
			}
			if c := cmp.Compare(len(x.form), len(y.form)); c != 0 {
				return c
			}
			return strings.Compare(x.form, y.form)
		})
		cd := &c.cands[sf.cand]
		cd.pattern = "~" + fs[0].form
		if len(fs) < 2 {
			cd.count = 0 // never kept: Support 0
			clear(cd.dev)
		}
	}
}

// patternSafe reports whether a word can stand as an element of a .lex
// pattern as it is (no =, *, _ or ~, no leading #, @ or !).
func patternSafe(w string) bool {
	return w != "" && !strings.ContainsAny(w, "=*_~ \t") && !strings.ContainsAny(w[:1], "#@!")
}

// isName reports whether word w is mostly written with a capital inside a
// sentence.
func (c *collector) isName(w string) bool { return c.capital[w] > 2*c.lower[w] }

// dropNames disables the candidates that contain a name.
func (c *collector) dropNames() {
	for i := range c.cands {
		cd := &c.cands[i]
		name := false
		switch cd.kind {
		case WordCue:
			name = c.isName(cd.pattern)
		case PhraseCue, GapCue:
			for _, p := range cd.parts {
				name = name || c.isName(c.cands[p].pattern)
			}
		}
		if name {
			cd.count = 0
			clear(cd.dev)
		}
	}
}
