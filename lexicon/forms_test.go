package lexicon

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/formindex"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/tokenize"
)

// formSpeeches tokenizes up to n speeches of the 2024 debate with one
// tokenizer, so that their tokens share form IDs.
func formSpeeches(tb testing.TB, n int) []*tokenize.Document {
	tb.Helper()
	shared := testutil.SharedDir(tb, "corpus")
	dir := filepath.Join(shared, "corpus", "ungdc", "2024")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Skipf("no speeches in %s", dir)
	}
	sort.Strings(names)
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*tokenize.Document
	for _, name := range names[:min(n, len(names))] {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := tk.Tokenize(string(data))
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// withoutForms returns a copy of doc whose form IDs the matcher ignores.
func withoutForms(doc *tokenize.Document) *tokenize.Document {
	d := *doc
	d.FormSpace = 0
	return &d
}

// TestFindFormIDs checks that matching through the tokenizer's form IDs
// finds exactly what matching through the strings finds, on real speeches
// (the form index filled by earlier speeches serving later ones), with the
// default lexicon and the benchmark's, from several goroutines at once.
func TestFindFormIDs(t *testing.T) {
	docs := formSpeeches(t, 24)
	small, err := compile(smallBenchDef())
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*Matcher{"default": Default().Matcher(), "small": small} {
		want := make([][]Match, len(docs))
		for i, doc := range docs {
			want[i] = m.Find(withoutForms(doc), nil)
		}
		var wg sync.WaitGroup
		for g := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range docs {
					i := (k + g*7) % len(docs)
					got := m.Find(docs[i], nil)
					if diff := cmp.Diff(want[i], got); diff != "" {
						t.Errorf("%s, speech %d: form IDs change the matches (-want +got):\n%s", name, i, diff)
						return
					}
				}
			}()
		}
		wg.Wait()
		filled := 0
		if x := m.forms.Index(docs[0].FormSpace); x != nil {
			for i := range docs[0].Tokens {
				if sl := x.Slot(docs[0].Tokens[i].Form); sl != nil && sl.Load() != 0 {
					filled++
				}
			}
		}
		if filled == 0 {
			t.Errorf("%s: the form index was not filled", name)
		}
	}
}

// TestFindFormSpaces checks that documents of more tokenizers than a
// Matcher indexes are still matched, through the strings.
func TestFindFormSpaces(t *testing.T) {
	m := Default().Matcher()
	text := "The so-called referendums in occupied territories are a sham; Russia must withdraw its troops."
	var want []Match
	for i := range formindex.MaxSpaces + 3 {
		doc := tokenizeIn(t, "", text)
		got := m.Find(doc, nil)
		if i == 0 {
			want = got
			if len(want) == 0 {
				t.Fatal("no matches")
			}
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("tokenizer %d (-want +got):\n%s", i, diff)
		}
	}
}

// BenchmarkFindForms matches 24 speeches of one tokenizer with the
// default lexicon, through the form IDs (ids=on) and through the strings
// (ids=off), the A/B of the form index.
func BenchmarkFindForms(b *testing.B) {
	docs := formSpeeches(b, 24)
	m := Default().Matcher()
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	for _, on := range []bool{true, false} {
		use := docs
		name := "ids=on"
		if !on {
			name = "ids=off"
			use = nil
			for _, d := range docs {
				use = append(use, withoutForms(d))
			}
		}
		b.Run(name, func(b *testing.B) {
			var dst []Match
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range use {
					dst = m.Find(d, dst[:0])
				}
			}
		})
	}
}

// TestFindKeptSymbols checks that the symbols a scratch keeps from one
// document to the next (scratch.forms and scratch.bytes) change no match:
// documents of two tokenizers in turns (each switch restarts the scratch),
// with documents whose form IDs are not to be used in between (whose
// symbols the scratch drops), with the bound on kept symbols as it is and
// lowered so that most documents restart the scratch, match as they do
// through the strings on a matcher of their own.
func TestFindKeptSymbols(t *testing.T) {
	a, b := formSpeeches(t, 6), formSpeeches(t, 6)
	var docs []*tokenize.Document
	for i := range a {
		docs = append(docs, a[i], withoutForms(a[(i+2)%len(a)]), a[(i+1)%len(a)], b[i])
	}
	defer func(n int) { maxKeptSyms = n }(maxKeptSyms)
	lex, err := loadDefault() // the shared default lexicon, compiled again: its form index is its own
	if err != nil {
		t.Fatal(err)
	}
	def := lex.Definition()
	for _, bound := range []int{maxKeptSyms, 8} {
		maxKeptSyms = bound
		for name, d := range map[string]*Definition{"default": &def, "small": smallBenchDef()} {
			ref, err := compile(d)
			if err != nil {
				t.Fatal(err)
			}
			m, err := compile(d)
			if err != nil {
				t.Fatal(err)
			}
			for i, doc := range docs {
				want := ref.Find(withoutForms(doc), nil)
				if diff := cmp.Diff(want, m.Find(doc, nil)); diff != "" {
					t.Errorf("%s, bound %d, document %d: kept symbols change the matches (-want +got):\n%s", name, bound, i, diff)
				}
			}
		}
	}
}
