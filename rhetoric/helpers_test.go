package rhetoric

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// testDef is a small lexicon for unit tests, independent of the default
// lexicon (which is tuned separately).
func testDef() lexicon.Definition {
	e := func(ps ...string) []lexicon.Entry {
		var out []lexicon.Entry
		for _, p := range ps {
			w := 1.0
			if i := strings.Index(p, "="); i > 0 {
				w = 2
				p = strings.TrimSpace(p[:i])
			}
			out = append(out, lexicon.Entry{Pattern: p, Weight: w})
		}
		return out
	}
	return lexicon.Definition{
		Name:     "test",
		Language: tokenize.English,
		Categories: []lexicon.Category{
			{Name: "blame", Entries: e("blame", "blamed", "aggression", "responsible", "responsibility", "accuse", "blaming", "war waged by", "at the hands of", "provocation", "provoked")},
			{Name: "sovereignty", Entries: e("sovereignty", "territorial integrity")},
			{Name: "call_to_action", Entries: e("call on _ to", "must", "urge")},
			{Name: "threat", Entries: e("threat", "expansion", "confrontation")},
			{Name: "peace", Entries: e("dialogue", "negotiations", "diplomacy", "peace")},
			{Name: "solidarity", Entries: e("support", "stand with")},
			{Name: "humanitarian", Entries: e("civilians", "suffering")},
		},
		Modifiers: []lexicon.Modifier{
			{Kind: lexicon.Negator, Pattern: "not"},
			{Kind: lexicon.Negator, Pattern: "no"},
			{Kind: lexicon.Negator, Pattern: "never"},
			{Kind: lexicon.Negator, Pattern: "without"},
			{Kind: lexicon.Negator, Pattern: "fail to"},
			{Kind: lexicon.Intensifier, Pattern: "flagrant", Factor: 1.5},
			{Kind: lexicon.Intensifier, Pattern: "strongest possible terms", Factor: 2},
			{Kind: lexicon.Hedge, Pattern: "perhaps", Factor: 0.5},
			{Kind: lexicon.Hedge, Pattern: "might", Factor: 0.5},
		},
		Actors: []lexicon.Actor{
			{Code: "RUS", Name: "Russia", Aliases: []string{"russia", "russian", "moscow", "the kremlin"}},
			{Code: "UKR", Name: "Ukraine", Aliases: []string{"ukraine", "kyiv"}},
			{Code: "WEST", Name: "the West", Aliases: []string{"the west", "western countries"}},
			{Code: "NATO", Name: "NATO", Aliases: []string{"nato", "the alliance"}},
			{Code: "OWN", Name: "first person (must never be a target)", Aliases: []string{"we", "our"}},
		},
	}
}

var (
	realOnce sync.Once
	realOK   bool
)

// realMatcher reports whether lexicon's matcher is implemented (it is
// written concurrently with this package); until then tests use fakeFind.
func realMatcher() bool {
	realOnce.Do(func() {
		lex, err := lexicon.New(lexicon.Definition{Name: "probe", Categories: []lexicon.Category{{Name: "p", Entries: []lexicon.Entry{{Pattern: "probe", Weight: 1}}}}})
		if err != nil {
			return
		}
		tok, _ := tokenize.New(tokenize.Options{})
		doc, _ := tok.Tokenize("a probe.")
		realOK = len(lex.Matcher().Find(doc, nil)) == 1
	})
	return realOK
}

// newTest returns an analyzer for def, using the fake matcher while the
// real one is a stub.
func newTest(t testing.TB, def lexicon.Definition, opts Options) *Analyzer {
	t.Helper()
	lex, err := lexicon.New(def)
	if err != nil {
		t.Fatalf("lexicon.New: %v", err)
	}
	if opts.Model == nil {
		// These tests check the lexicon mechanics: the built-in model, trained
		// for the default lexicon, would decide the test lexicon's devices.
		opts.NoModel = true
	}
	a, err := New(lex, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if !realMatcher() {
		a.find = fakeFinder(def)
	}
	return a
}

// fakeFinder is a slow, obviously correct matcher for the pattern subset
// used by the tests: exact words, trailing wildcards, gaps; leftmost-longest
// per category, modifier and actor.
func fakeFinder(def lexicon.Definition) func(*tokenize.Document, []lexicon.Match) []lexicon.Match {
	tok, _ := tokenize.New(tokenize.Options{Language: def.Language})
	type pat struct {
		elems []string // "" gap, "x*" prefix, else exact
	}
	compile := func(p string) pat {
		var out pat
		for _, f := range strings.Fields(p) {
			switch {
			case f == "_":
				out.elems = append(out.elems, "")
			case strings.HasSuffix(f, "*"):
				out.elems = append(out.elems, tokenize.Normalize(f))
			default:
				d, _ := tok.Tokenize(f)
				for _, t := range d.Tokens {
					out.elems = append(out.elems, t.Norm)
				}
			}
		}
		return out
	}
	type group struct {
		kind lexicon.MatchKind
		idx  int
		pats []pat
	}
	var groups []group
	for i, c := range def.Categories {
		g := group{kind: lexicon.CategoryMatch, idx: i}
		for _, e := range c.Entries {
			g.pats = append(g.pats, compile(e.Pattern))
		}
		groups = append(groups, g)
	}
	for i, m := range def.Modifiers {
		groups = append(groups, group{kind: lexicon.ModifierMatch, idx: i, pats: []pat{compile(m.Pattern)}})
	}
	for i, a := range def.Actors {
		g := group{kind: lexicon.ActorMatch, idx: i}
		for _, al := range a.Aliases {
			g.pats = append(g.pats, compile(al))
		}
		groups = append(groups, g)
	}
	return func(doc *tokenize.Document, dst []lexicon.Match) []lexicon.Match {
		ts := doc.Tokens
		from := len(dst)
		for _, g := range groups {
			for i := 0; i < len(ts); {
				best, bestLen := -1, 0
				for pi, p := range g.pats {
					n := len(p.elems)
					if i+n > len(ts) {
						continue
					}
					ok := true
					for k, el := range p.elems {
						t := ts[i+k]
						switch {
						case el == "":
							ok = t.Kind == tokenize.Word || t.Kind == tokenize.Number
						case strings.HasSuffix(el, "*"):
							ok = strings.HasPrefix(t.Norm, strings.TrimSuffix(el, "*"))
						default:
							ok = t.Norm == el
						}
						if !ok {
							break
						}
					}
					if ok && n > bestLen {
						best, bestLen = pi, n
					}
				}
				if best < 0 {
					i++
					continue
				}
				entry := best
				if g.kind == lexicon.ModifierMatch {
					entry = 0
				}
				dst = append(dst, lexicon.Match{Kind: g.kind, Index: g.idx, Entry: entry, First: i, Last: i + bestLen,
					Start: ts[i].Start, End: ts[i+bestLen-1].End})
				i += bestLen
			}
			// Parts of compounds not matched whole by this group.
			for i := range ts {
				covered := false
				for _, m := range dst[from:] {
					if m.Kind == g.kind && m.Index == g.idx && m.First <= i && i < m.Last {
						covered = true
					}
				}
				if covered {
					continue
				}
				for _, part := range doc.PartsOf(i) {
					for pi, p := range g.pats {
						if len(p.elems) == 1 && p.elems[0] == part.Norm {
							entry := pi
							if g.kind == lexicon.ModifierMatch {
								entry = 0
							}
							dst = append(dst, lexicon.Match{Kind: g.kind, Index: g.idx, Entry: entry, First: i, Last: i + 1,
								Start: part.Start, End: part.End, Part: true})
							break
						}
					}
				}
			}
		}
		slices.SortStableFunc(dst[from:], func(x, y lexicon.Match) int {
			if c := cmp.Compare(x.First, y.First); c != 0 {
				return c
			}
			if c := cmp.Compare(x.Kind, y.Kind); c != 0 {
				return c
			}
			return cmp.Compare(x.Index, y.Index)
		})
		return dst
	}
}

// moduleRoot walks up from the working directory to go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}
