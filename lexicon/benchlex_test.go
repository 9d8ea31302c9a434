//go:build unix

package lexicon

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/tokenize"
)

// equalHitsEntries is the size of the large lexicon of
// TestWriteBenchLexicons.
const equalHitsEntries = 100_000

// TestWriteBenchLexicons writes the lexicons that scripts/bench-lexicon.sh
// times as a user runs them, into the directory named by
// RHETORICA_BENCH_LEXICONS (skipped without it):
//
//   - core.dic: the 100 category entries of smallBenchDef (7 categories);
//   - large.dic: the same entries, first in each category, then 99,900
//     more, so that its entry numbers are the core's; none of the added
//     entries matches anywhere in the UN General Debate corpus (every year),
//     so that both lexicons give exactly the same hits there;
//   - dense.dic: the corpus's 5,000 most frequent words, so that nearly
//     every word of a speech is a hit.
//
// The added entries are written as a large real lexicon is: words,
// wildcards and stems that the corpus does not use (derived words such as
// "nonpeace" or "sovereigntyless"), and phrases of two and three words that
// the corpus does use but never in that sequence, with and without gaps:
// their first words are common, so that the matcher starts (and abandons)
// walks all over the text, as it does for a real lexicon. The test drops
// every added entry that matches in the corpus, until none does (dropping
// one may uncover a shorter one that it hid), and fails if the core entries
// do not match.
func TestWriteBenchLexicons(t *testing.T) {
	dir := os.Getenv("RHETORICA_BENCH_LEXICONS")
	if dir == "" {
		t.Skip("set RHETORICA_BENCH_LEXICONS=dir to write the benchmark lexicons")
	}
	shared := testutil.SharedDir(t, "corpus")
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no UN General Debate corpus in %s", shared)
	}
	slices.Sort(files)
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := make([]string, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The script's JSONL holds the text decoded with replacement.
		texts[i] = strings.ToValidUTF8(string(data), "\uFFFD")
	}

	// The corpus's words (with their counts) and its adjacent pairs.
	usable := func(t tokenize.Token) bool {
		return t.Kind == tokenize.Word && t.Norm != "" && !strings.ContainsAny(t.Norm, "*~_ ")
	}
	count := map[string]int{}
	pairSet := map[[2]string]bool{}
	doc := new(tokenize.Document)
	for _, text := range texts {
		if err := tk.TokenizeInto(doc, text); err != nil {
			t.Fatal(err)
		}
		ts := doc.Tokens
		for i, tok := range ts {
			if !usable(tok) {
				continue
			}
			count[tok.Norm]++
			if i+1 < len(ts) && usable(ts[i+1]) && len(pairSet) < 400_000 {
				pairSet[[2]string{tok.Norm, ts[i+1].Norm}] = true
			}
		}
	}
	words := make([]string, 0, len(count))
	for w := range count {
		words = append(words, w)
	}
	slices.Sort(words)
	pairs := make([][2]string, 0, len(pairSet))
	for p := range pairSet {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	rng := rand.New(rand.NewPCG(3, 4))
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	rng.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })

	core := smallBenchDef()
	ncore := 0
	seen := map[string]bool{}
	for _, c := range core.Categories {
		for _, e := range c.Entries {
			seen[e.Pattern] = true
			ncore++
		}
	}
	// Candidates: about 15% more than needed, as some will match.
	want := (equalHitsEntries - ncore) * 115 / 100
	var extra []string
	add := func(p string, upTo int) bool {
		if len(extra) >= upTo {
			return false
		}
		if !seen[p] {
			seen[p] = true
			extra = append(extra, p)
		}
		return true
	}
	affixes := []struct{ pre, suf string }{{"", "ness"}, {"non", ""}, {"", "ful"}, {"over", ""}, {"", "ism"},
		{"pre", ""}, {"", "less"}, {"anti", ""}, {"", "wise"}, {"counter", ""}}
	for i, w := range words {
		a := affixes[i%len(affixes)]
		v := a.pre + w + a.suf
		if count[v] > 0 {
			continue
		}
		switch i % 5 {
		case 3:
			v += "*"
		case 4:
			v = "~" + v
		}
		if !add(v, want*30/100) {
			break
		}
	}
	for i := 0; i+7 < len(pairs); i++ { // pairs recombined: a word and another pair's second word
		p := pairs[i][0] + " " + pairs[i+7][1]
		if i%10 == 9 {
			p = pairs[i][0] + " _ " + pairs[i+7][1]
		}
		if pairSet[[2]string{pairs[i][0], pairs[i+7][1]}] {
			continue
		}
		if !add(p, want*80/100) {
			break
		}
	}
	for i := 0; i+13 < len(pairs); i++ { // and triples
		if !add(pairs[i][0]+" "+pairs[i][1]+" "+pairs[i+13][1], want) {
			break
		}
	}

	// The large lexicon: in each core category, its core entries, then
	// every seventh added entry.
	build := func(extra []string) *Definition {
		def := smallBenchDef()
		def.Name, def.Modifiers, def.Actors = "bench", nil, nil
		for i, p := range extra {
			c := &def.Categories[i%len(def.Categories)]
			c.Entries = append(c.Entries, Entry{Pattern: p, Weight: 1})
		}
		return def
	}
	for round := 1; ; round++ {
		def := build(extra)
		m, err := compile(def)
		if err != nil {
			t.Fatal(err)
		}
		drop := map[string]bool{}
		coreHits := 0
		var ms []Match
		for _, text := range texts {
			if err := tk.TokenizeInto(doc, text); err != nil {
				t.Fatal(err)
			}
			ms = m.Find(doc, ms[:0])
			for _, x := range ms {
				if x.Kind != CategoryMatch {
					continue
				}
				if x.Entry < len(core.Categories[x.Index].Entries) {
					coreHits++
					continue
				}
				drop[def.Categories[x.Index].Entries[x.Entry].Pattern] = true
			}
		}
		t.Logf("round %d: %d entries, %d core hits, %d added entries match in the corpus", round, ncore+len(extra), coreHits, len(drop))
		if coreHits == 0 {
			t.Fatal("the core entries match nothing in the corpus")
		}
		if len(drop) == 0 {
			break
		}
		extra = slices.DeleteFunc(extra, func(p string) bool { return drop[p] })
	}
	if ncore+len(extra) < equalHitsEntries {
		t.Fatalf("only %d entries match nothing in the corpus; %d are needed", ncore+len(extra), equalHitsEntries)
	}
	// Leaving out entries that match nothing changes no hit.
	extra = extra[:equalHitsEntries-ncore]

	// The dense lexicon: the most frequent words, over the same categories.
	slices.SortStableFunc(words, func(a, b string) int { return count[b] - count[a] })
	dense := smallBenchDef()
	dense.Modifiers, dense.Actors = nil, nil
	for i := range dense.Categories {
		dense.Categories[i].Entries = nil
	}
	for i, w := range words[:min(5000, len(words))] {
		c := &dense.Categories[i%len(dense.Categories)]
		c.Entries = append(c.Entries, Entry{Pattern: w, Weight: 1})
	}

	coreDef := smallBenchDef()
	coreDef.Modifiers, coreDef.Actors = nil, nil
	for name, def := range map[string]*Definition{"core.dic": coreDef, "large.dic": build(extra), "dense.dic": dense} {
		text := liwcText(def)
		if _, err := ParseAs(name, []byte(text), FormatLIWC); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
