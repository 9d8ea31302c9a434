package lexicon

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rhetorica/rhetorica/tokenize"
)

// hit is a Match in a form that reads well in a diff.
type hit struct {
	Kind        MatchKind
	Index       int
	Entry       int
	Text        string // doc.Text[Start:End]
	First, Last int
	Part        bool
}

func hits(doc *tokenize.Document, ms []Match) []hit {
	var out []hit
	for _, m := range ms {
		out = append(out, hit{m.Kind, m.Index, m.Entry, doc.Text[m.Start:m.End], m.First, m.Last, m.Part})
	}
	return out
}

// cat is a shorthand for a category match.
func cat(index, entry int, text string, first, last int) hit {
	return hit{CategoryMatch, index, entry, text, first, last, false}
}

func part(h hit) hit { h.Part = true; return h }

// defOf builds a Definition with one category per list of patterns.
func defOf(lang tokenize.Language, cats ...[]string) *Definition {
	def := &Definition{Name: "test", Language: lang}
	for i, c := range cats {
		var es []Entry
		for _, p := range c {
			es = append(es, Entry{Pattern: p, Weight: 1})
		}
		def.Categories = append(def.Categories, Category{Name: "c" + string(rune('0'+i)), Entries: es})
	}
	return def
}

func tokenizeIn(t testing.TB, lang tokenize.Language, text string) *tokenize.Document {
	t.Helper()
	tk, err := tokenize.New(tokenize.Options{Language: lang})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tk.Tokenize(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestFind(t *testing.T) {
	modsDef := &Definition{
		Name: "mods",
		Categories: []Category{{Name: "blame", Entries: []Entry{
			{Pattern: "aggression", Weight: 1}, {Pattern: "flagrant aggression", Weight: 1},
		}}},
		Modifiers: []Modifier{
			{Kind: Negator, Pattern: "not"},
			{Kind: Intensifier, Pattern: "flagrant", Factor: 1.5},
			{Kind: Negator, Pattern: "not only"},
			{Kind: Hedge, Pattern: "perhaps", Factor: 0.5},
			{Kind: Intensifier, Pattern: "only", Factor: 1.5},
		},
		Actors: []Actor{
			{Code: "RUS", Name: "Russia", Aliases: []string{"russia", "the kremlin", "moscow"}},
			{Code: "UKR", Name: "Ukraine", Aliases: []string{"ukraine", "kyiv", "kiev"}},
		},
	}
	tests := []struct {
		name string
		def  *Definition
		text string
		want []hit
	}{
		{
			name: "exact word, case-insensitive, every occurrence",
			def:  defOf("", []string{"sanctions"}),
			text: "New Sanctions; SANCTIONS, sanction and sanctioned.",
			want: []hit{cat(0, 0, "Sanctions", 1, 2), cat(0, 0, "SANCTIONS", 3, 4)},
		},
		{
			name: "exact word does not match inflections",
			def:  defOf("", []string{"sanction"}),
			text: "sanctions sanctioned",
		},
		{
			name: "wildcard matches the prefix and longer words only",
			def:  defOf("", []string{"aggress*"}),
			text: "Aggression, aggressive, aggress and transgression.",
			want: []hit{cat(0, 0, "Aggression", 0, 1), cat(0, 0, "aggressive", 2, 3), cat(0, 0, "aggress", 4, 5)},
		},
		{
			name: "stem matches every inflection with the same stem",
			def:  defOf("", []string{"~negotiate"}),
			text: "We negotiate; they negotiated the negotiations, negotiating. Negotiator? Negation.",
			want: []hit{cat(0, 0, "negotiate", 1, 2), cat(0, 0, "negotiated", 4, 5),
				cat(0, 0, "negotiations", 6, 7), cat(0, 0, "negotiating", 8, 9), cat(0, 0, "Negotiator", 10, 11)},
		},
		{
			name: "gap takes one word or number, not punctuation, not two words",
			def:  defOf("", []string{"call on _ to"}),
			text: "We call on Moscow to act; call on , to; call on 5 to; call on the Kremlin to.",
			want: []hit{cat(0, 0, "call on Moscow to", 1, 5), cat(0, 0, "call on 5 to", 12, 16)},
		},
		{
			name: "wildcard inside a phrase",
			def:  defOf("", []string{"call* on"}),
			text: "Calling on all, called upon, calls on.",
			want: []hit{cat(0, 0, "Calling on", 0, 2), cat(0, 0, "calls on", 7, 9)},
		},
		{
			name: "curly apostrophe in the lexicon, straight in the text",
			def:  defOf("", []string{"Russia’s aggression"}),
			text: "Russia's aggression and Russia’s aggression.",
			want: []hit{cat(0, 0, "Russia's aggression", 0, 3), cat(0, 0, "Russia’s aggression", 4, 7)},
		},
		{
			name: "straight apostrophe in the lexicon, curly in the text",
			def:  defOf("", []string{"don't"}),
			text: "We don’t agree and don't.",
			want: []hit{cat(0, 0, "don’t", 1, 3), cat(0, 0, "don't", 5, 7)},
		},
		{
			// U+2011 non-breaking hyphen in the lexicon; U+2010 hyphen in the text.
			// An en dash is not a hyphen to the tokenizer: "rules–based" is three tokens.
			name: "hyphen variants in lexicon and text agree",
			def:  defOf("", []string{"rules‑based order"}),
			text: "A rules-based order, a rules‐based order, a rules based order.",
			want: []hit{cat(0, 0, "rules-based order", 1, 3), cat(0, 0, "rules‐based order", 5, 7)},
		},
		{
			name: "compound matched whole, not in parts, for the same category",
			def:  defOf("", []string{"backed", "russia-backed"}),
			text: "Russia-backed separatists were backed.",
			want: []hit{cat(0, 1, "Russia-backed", 0, 1), cat(0, 0, "backed", 3, 4)},
		},
		{
			name: "compound parts match single words",
			def:  defOf("", []string{"led"}),
			text: "The U.S.-led coalition led.",
			want: []hit{part(cat(0, 0, "led", 1, 2)), cat(0, 0, "led", 3, 4)},
		},
		{
			name: "a compound counts once per category: leftmost matching part",
			def:  defOf("", []string{"led", "u.s."}),
			text: "The U.S.-led coalition.",
			want: []hit{part(cat(0, 1, "U.S.", 1, 2))},
		},
		{
			name: "parts of a compound per category independently",
			def:  defOf("", []string{"russia-backed"}, []string{"backed"}, []string{"russia"}),
			text: "Russia-backed forces.",
			want: []hit{cat(0, 0, "Russia-backed", 0, 1), part(cat(1, 0, "backed", 0, 1)), part(cat(2, 0, "Russia", 0, 1))},
		},
		{
			name: "parts do not match phrases",
			def:  defOf("", []string{"backed separatists", "russia backed"}),
			text: "Russia-backed separatists.",
		},
		{
			name: "wildcard and stem on parts",
			def:  defOf("", []string{"western*"}, []string{"~negotiate"}),
			text: "An anti-Westernism re-negotiation.",
			want: []hit{part(cat(0, 0, "Westernism", 1, 2)), part(cat(1, 0, "negotiation", 2, 3))},
		},
		{
			name: "wildcard matches a compound whole",
			def:  defOf("", []string{"anti*", "western"}),
			text: "anti-Western rhetoric",
			want: []hit{cat(0, 0, "anti-Western", 0, 1)},
		},
		{
			name: "leftmost-longest within a category",
			def:  defOf("", []string{"territorial", "territorial integrity", "integrity of"}),
			text: "the territorial integrity of Ukraine; integrity of borders",
			want: []hit{cat(0, 1, "territorial integrity", 1, 3), cat(0, 2, "integrity of", 6, 8)},
		},
		{
			name: "leftmost wins over an equally long later match",
			def:  defOf("", []string{"integrity of", "territorial integrity"}),
			text: "territorial integrity of Ukraine",
			want: []hit{cat(0, 1, "territorial integrity", 0, 2)},
		},
		{
			name: "longest wins over shorter at the same start, even listed later",
			def:  defOf("", []string{"international", "rules-based international order", "rules-based"}),
			text: "the rules-based international order",
			want: []hit{cat(0, 1, "rules-based international order", 1, 4)},
		},
		{
			name: "equally long: the entry listed first wins",
			def:  defOf("", []string{"russia*", "russian", "~russian"}),
			text: "Russian forces",
			want: []hit{cat(0, 0, "Russian", 0, 1)},
		},
		{
			name: "categories resolve overlaps independently",
			def:  defOf("", []string{"territorial integrity"}, []string{"integrity of"}),
			text: "territorial integrity of Ukraine",
			want: []hit{cat(0, 0, "territorial integrity", 0, 2), cat(1, 0, "integrity of", 1, 3)},
		},
		{
			name: "one pattern in two categories matches in both",
			def:  defOf("", []string{"peace", "war"}, []string{"war"}),
			text: "war and peace",
			want: []hit{cat(0, 1, "war", 0, 1), cat(1, 0, "war", 0, 1), cat(0, 0, "peace", 2, 3)},
		},
		{
			name: "a phrase that fails halfway leaves the shorter match",
			def:  defOf("", []string{"war", "war crimes tribunal"}),
			text: "war crimes tribunal? war crimes.",
			want: []hit{cat(0, 1, "war crimes tribunal", 0, 3), cat(0, 0, "war", 4, 5)},
		},
		{
			name: "modifiers by kind and actors by actor, ordered by First, Kind, Index",
			def:  modsDef,
			text: "Perhaps not only Moscow's flagrant aggression: the Kremlin, not Kyiv, or Kiev.",
			want: []hit{
				{ModifierMatch, 3, 0, "Perhaps", 0, 1, false},
				{ModifierMatch, 2, 0, "not only", 1, 3, false}, // "not only" beats "not" (both negators)
				{ModifierMatch, 4, 0, "only", 2, 3, false},     // an intensifier: another group
				{ActorMatch, 0, 2, "Moscow", 3, 4, false},
				cat(0, 1, "flagrant aggression", 5, 7),
				{ModifierMatch, 1, 0, "flagrant", 5, 6, false},
				{ActorMatch, 0, 1, "the Kremlin", 8, 10, false},
				{ModifierMatch, 0, 0, "not", 11, 12, false},
				{ActorMatch, 1, 1, "Kyiv", 12, 13, false},
				{ActorMatch, 1, 2, "Kiev", 15, 16, false},
			},
		},
		{
			name: "Cyrillic words, prefixes and stems",
			def:  defOf(tokenize.Russian, []string{"россия", "агресс*", "~переговоры"}),
			text: "Россия осуждает агрессию. Переговоры и переговорах?",
			want: []hit{cat(0, 0, "Россия", 0, 1), cat(0, 1, "агрессию", 2, 3),
				cat(0, 2, "Переговоры", 4, 5), cat(0, 2, "переговорах", 6, 7)},
		},
		{
			name: "clitics written alone match clitics in text",
			def:  defOf("", []string{"n't"}, []string{"russia 's"}),
			text: "We don't, Russia's and won’t.",
			want: []hit{cat(0, 0, "n't", 2, 3), cat(1, 0, "Russia's", 4, 6), cat(0, 0, "n’t", 8, 9)},
		},
		{
			name: "phrases may span sentences",
			def:  defOf("", []string{"peace . war"}),
			text: "Peace. War is near.",
			want: []hit{cat(0, 0, "Peace. War", 0, 3)},
		},
		{
			name: "several paths through the trie at once; equally long: first entry",
			def:  defOf("", []string{"sanction* on _ and", "sanctions on russia", "~sanction on moscow", "sanctions _ russia and"}),
			text: "sanctions on Russia and sanctioned on Moscow",
			want: []hit{cat(0, 0, "sanctions on Russia and", 0, 4), cat(0, 2, "sanctioned on Moscow", 4, 7)},
		},
		{
			name: "a gap does not begin a walk but continues one",
			def:  defOf("", []string{"hold _ accountable", "accountable"}),
			text: "hold Russia accountable, hold accountable",
			want: []hit{cat(0, 0, "hold Russia accountable", 0, 3), cat(0, 1, "accountable", 5, 6)},
		},
		{
			name: "empty document",
			def:  defOf("", []string{"war"}),
			text: "",
		},
		{
			name: "punctuation only",
			def:  defOf("", []string{"war"}),
			text: " ... !? ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := compile(tt.def)
			if err != nil {
				t.Fatal(err)
			}
			doc := tokenizeIn(t, tt.def.Language, tt.text)
			got := hits(doc, m.Find(doc, nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			if diff := cmp.Diff(tt.want, hits(doc, refFind(t, tt.def, doc))); diff != "" {
				t.Errorf("reference Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindAppendsAndReuses(t *testing.T) {
	m, err := compile(defOf("", []string{"war"}))
	if err != nil {
		t.Fatal(err)
	}
	doc := tokenizeIn(t, "", "war, war")
	prev := Match{Kind: ActorMatch, Index: 9}
	got := m.Find(doc, []Match{prev})
	want := []Match{prev,
		{Kind: CategoryMatch, First: 0, Last: 1, Start: 0, End: 3},
		{Kind: CategoryMatch, First: 2, Last: 3, Start: 5, End: 8},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find mismatch (-want +got):\n%s", diff)
	}
	// A second call with a shorter document reuses pooled scratch correctly.
	doc2 := tokenizeIn(t, "", "no war")
	if diff := cmp.Diff([]Match{{First: 1, Last: 2, Start: 3, End: 6}}, m.Find(doc2, nil)); diff != "" {
		t.Errorf("second Find mismatch (-want +got):\n%s", diff)
	}
}

func TestFindZeroAndNil(t *testing.T) {
	doc := tokenizeIn(t, "", "war")
	var nilM *Matcher
	if got := nilM.Find(doc, nil); got != nil {
		t.Errorf("nil Matcher found %v", got)
	}
	if got := new(Matcher).Find(doc, nil); got != nil {
		t.Errorf("zero Matcher found %v", got)
	}
	m, err := compile(defOf("", []string{"war"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Find(nil, nil); got != nil {
		t.Errorf("Find(nil doc) = %v", got)
	}
	if got := m.Find(&tokenize.Document{}, nil); got != nil {
		t.Errorf("Find(empty doc) = %v", got)
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		def  *Definition
		want string
	}{
		{"bad entry", defOf("", []string{"ok", "a*b"}), `entry 2`},
		{"bad modifier kind", &Definition{Modifiers: []Modifier{{Kind: 7, Pattern: "x"}}}, "unknown kind"},
		{"bad alias", &Definition{Actors: []Actor{{Code: "RUS", Aliases: []string{"_"}}}}, `actor "RUS"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compile(tt.def)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("compile error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// fuzzSeeds are lexicon/text pairs for FuzzMatch; lexicon patterns are
// separated by '|'.
var fuzzSeeds = [][2]string{
	{"sanctions|aggress*|~negotiate|call on _ to", "We call on Moscow to negotiate; aggression and sanctions."},
	{"Russia’s aggression|don't|n't|rules-based order", "Russia's aggression; we don’t accept a rules‐based order."},
	{"led|u.s.|russia-backed|backed|anti*|western*", "The U.S.-led, Russia-backed, anti-Western re-negotiation."},
	{"territorial|territorial integrity|integrity of|war|war crimes tribunal", "territorial integrity of Ukraine; war crimes."},
	{"not|not only|flagrant|perhaps|only", "Perhaps not only flagrant, not only."},
	{"россия|агресс*|~переговоры", "Россия осуждает агрессию. Переговоры!"},
	{"*|_|a*b|~|x _|_ y", "x y _ * a*b"},
	{"", ""},
}

func FuzzMatch(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, lex, text string) {
		if len(lex) > 2000 || len(text) > 4000 {
			return
		}
		def := &Definition{Name: "fuzz", Categories: []Category{{Name: "a"}, {Name: "b"}, {Name: "c"}},
			Actors: []Actor{{Code: "X"}, {Code: "Y"}}}
		for k, p := range strings.Split(lex, "|") {
			_, off, err := parsePattern(p, "")
			if err != nil {
				if off < 0 || off > len(p) {
					t.Fatalf("parsePattern(%q): offset %d outside the pattern", p, off)
				}
				continue
			}
			switch k % 5 {
			case 0, 1, 2:
				c := &def.Categories[k%3]
				c.Entries = append(c.Entries, Entry{Pattern: p, Weight: 1})
			case 3:
				def.Modifiers = append(def.Modifiers, Modifier{Kind: ModifierKind(k % 3), Pattern: p})
			case 4:
				a := &def.Actors[k%2]
				a.Aliases = append(a.Aliases, p)
			}
		}
		m, err := compile(def)
		if err != nil {
			t.Fatalf("compile: %v", err)
		}
		doc := tokenizeIn(t, "", text)
		got := m.Find(doc, nil)
		// Invariants.
		type key struct {
			kind  MatchKind
			group int
		}
		end := map[key]int{} // per group: token index just past its last match
		for n, g := range got {
			if g.First < 0 || g.First >= g.Last || g.Last > len(doc.Tokens) || g.Start < 0 || g.Start >= g.End || g.End > len(text) {
				t.Fatalf("match %d out of range: %+v", n, g)
			}
			if g.Part && g.Last != g.First+1 {
				t.Fatalf("part match spans tokens: %+v", g)
			}
			if !g.Part && (g.Start != doc.Tokens[g.First].Start || g.End != doc.Tokens[g.Last-1].End) {
				t.Fatalf("match offsets do not match its tokens: %+v", g)
			}
			if n > 0 && lessMatch(&g, &got[n-1]) {
				t.Fatalf("matches out of order: %+v before %+v", got[n-1], g)
			}
			k := key{g.Kind, g.Index}
			if g.Kind == ModifierMatch {
				k.group = int(def.Modifiers[g.Index].Kind)
			}
			if e, ok := end[k]; ok && g.First < e {
				t.Fatalf("overlapping matches in one group: %+v", g)
			}
			end[k] = g.Last
		}
		want := refFind(t, def, doc)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Find differs from the reference (-want +got):\n%s", diff)
		}
	})
}

// refFind is a deliberately naive implementation of the documented rules,
// to check the automaton against: for every group, try every pattern at
// every position.
func refFind(t testing.TB, def *Definition, doc *tokenize.Document) []Match {
	return refFindIn(refGroups(t, def), doc)
}

// refPat is one pattern of the reference matcher.
type refPat struct {
	p                   pattern
	kind                MatchKind
	index, entry, order int
}

// refGroups parses def's patterns for refFindIn, one group per category,
// modifier kind and actor.
func refGroups(t testing.TB, def *Definition) [][]refPat {
	type pat = refPat
	var groups [][]pat
	for ci, c := range def.Categories {
		var g []pat
		for ei, e := range c.Entries {
			p, _, err := parsePattern(e.Pattern, def.Language)
			if err != nil {
				t.Fatal(err)
			}
			g = append(g, pat{p, CategoryMatch, ci, ei, ei})
		}
		groups = append(groups, g)
	}
	for k := range numModifierKinds {
		var g []pat
		for mi, m := range def.Modifiers {
			if int(m.Kind) != k {
				continue
			}
			p, _, err := parsePattern(m.Pattern, def.Language)
			if err != nil {
				t.Fatal(err)
			}
			g = append(g, pat{p, ModifierMatch, mi, 0, mi})
		}
		groups = append(groups, g)
	}
	for ai, a := range def.Actors {
		var g []pat
		for li, al := range a.Aliases {
			p, _, err := parsePattern(al, def.Language)
			if err != nil {
				t.Fatal(err)
			}
			g = append(g, pat{p, ActorMatch, ai, li, li})
		}
		groups = append(groups, g)
	}
	return groups
}

// refFindIn is refFind with the patterns parsed.
func refFindIn(groups [][]refPat, doc *tokenize.Document) []Match {
	elemOK := func(e element, tok tokenize.Token) bool {
		switch e.kind {
		case elemWord:
			return tok.Norm == e.text
		case elemPrefix:
			return strings.HasPrefix(tok.Norm, e.text)
		case elemStem:
			return tok.Stem == e.stem
		}
		return tok.Kind == tokenize.Word || tok.Kind == tokenize.Number
	}
	ts := doc.Tokens
	var out []Match
	for _, g := range groups {
		covered := make([]bool, len(ts))
		for i := 0; i < len(ts); {
			best, bestLen := -1, 0
			for k, pt := range g {
				n := len(pt.p.elems)
				if i+n > len(ts) || n < bestLen || n == bestLen && best >= 0 && g[best].order <= pt.order {
					continue
				}
				ok := true
				for j, e := range pt.p.elems {
					if !elemOK(e, ts[i+j]) {
						ok = false
						break
					}
				}
				if ok {
					best, bestLen = k, n
				}
			}
			if best < 0 {
				i++
				continue
			}
			pt := g[best]
			out = append(out, Match{Kind: pt.kind, Index: pt.index, Entry: pt.entry, First: i, Last: i + bestLen,
				Start: ts[i].Start, End: ts[i+bestLen-1].End})
			for j := i; j < i+bestLen; j++ {
				covered[j] = true
			}
			i += bestLen
		}
		for i := range ts {
			if covered[i] {
				continue
			}
		parts:
			for _, p := range doc.PartsOf(i) {
				best := -1
				for k, pt := range g {
					if len(pt.p.elems) == 1 && pt.p.elems[0].kind != elemGap && elemOK(pt.p.elems[0], p) &&
						(best < 0 || pt.order < g[best].order) {
						best = k
					}
				}
				if best >= 0 {
					pt := g[best]
					out = append(out, Match{Kind: pt.kind, Index: pt.index, Entry: pt.entry, First: i, Last: i + 1,
						Start: p.Start, End: p.End, Part: true})
					break parts
				}
			}
		}
	}
	sortAll(out)
	return out
}

func sortAll(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && lessMatch(&ms[j], &ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func TestLexiconMatcher(t *testing.T) {
	const src = `@lexicon t
@language en
@category blame
accus*
responsible for
@negators
n't
@actor RUS Russia
russia
the kremlin
`
	lex, err := Parse("t.lex", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	doc := tokenizeIn(t, "", "The Kremlin isn't responsible for accusations against Russia-backed groups.")
	got := hits(doc, lex.Matcher().Find(doc, nil))
	want := []hit{
		{ActorMatch, 0, 1, "The Kremlin", 0, 2, false},
		{ModifierMatch, 0, 0, "n't", 3, 4, false},
		cat(0, 1, "responsible for", 4, 6),
		cat(0, 0, "accusations", 6, 7),
		{ActorMatch, 0, 0, "Russia", 8, 9, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find mismatch (-want +got):\n%s", diff)
	}
}

// TestFindConcurrent shares one Matcher between goroutines, each matching
// its own documents; run with -race.
func TestFindConcurrent(t *testing.T) {
	def := defOf("", []string{"war", "war crimes", "aggress*", "~negotiate"}, []string{"russia", "led"})
	m, err := compile(def)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"War crimes and aggression; we negotiate with Russia.",
		"The U.S.-led talks: negotiations, not war.",
		"",
		"Russia-led aggressors negotiated war crimes war.",
	}
	docs := make([]*tokenize.Document, len(texts))
	want := make([][]Match, len(texts))
	for i, text := range texts {
		docs[i] = tokenizeIn(t, "", text)
		want[i] = m.Find(docs[i], nil)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []Match
			for n := range 200 {
				i := (g + n) % len(docs)
				dst = m.Find(docs[i], dst[:0])
				if diff := cmp.Diff(want[i], dst, cmpopts.EquateEmpty()); diff != "" {
					errs <- diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for diff := range errs {
		t.Errorf("concurrent Find differs (-want +got):\n%s", diff)
	}
}

// TestFindLongWords checks words longer than the vocabulary keeps inline
// (vocabInline bytes), as entries, stems, phrase words and prefixes, against
// the reference matcher.
func TestFindLongWords(t *testing.T) {
	def := &Definition{Name: "long", Categories: []Category{
		{Name: "a", Entries: []Entry{{Pattern: "antidisestablishmentarianism", Weight: 1},
			{Pattern: "~internationalizations", Weight: 1}, {Pattern: "counterrevolutionaries of", Weight: 1}}},
		{Name: "b", Entries: []Entry{{Pattern: "pneumonoultramicroscopic*", Weight: 1},
			{Pattern: "the _ antidisestablishmentarianisms", Weight: 1}, {Pattern: "of counterrevolutionaries", Weight: 1}}},
	}}
	m, err := compile(def)
	if err != nil {
		t.Fatal(err)
	}
	doc := tokenizeIn(t, "", "Antidisestablishmentarianism, the internationalization of counterrevolutionaries of "+
		"pneumonoultramicroscopicsilicovolcanoconiosis and the new antidisestablishmentarianisms.")
	got := m.Find(doc, nil)
	if len(got) < 5 {
		t.Errorf("%d matches, want at least 5: %+v", len(got), got)
	}
	if diff := cmp.Diff(refFind(t, def, doc), got); diff != "" {
		t.Errorf("Find differs from the reference (-want +got):\n%s", diff)
	}
}
