package wordnet

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzParse checks that no input makes a parser panic, that every error
// names the file and a line of it and unwraps to ErrSyntax, and that every
// line gives at most one synset, entry or error.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"data.verb", "data.adj", "index.adj", "noun.exc"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("00000100 00 v 01 fight 0 000 02 + 08 00 | x\r\n0000x100 00 n 01 war 0 000 | y"))
	f.Add([]byte("\ufeffwar n 1 0 1 0 00000100\nwar n 0 0 0 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		nLines := strings.Count(string(data), "\n") + 1
		check := func(n int, err error) {
			if err == nil {
				if n > nLines {
					t.Fatalf("%d results from %d lines", n, nLines)
				}
				return
			}
			var l ErrorList
			if !errors.As(err, &l) || len(l) == 0 || len(l) > MaxErrors {
				t.Fatalf("error %v is not an ErrorList of 1 to %d items", err, MaxErrors)
			}
			for _, e := range l {
				if e.File != "f" || e.Line < 1 || e.Line > nLines || !errors.Is(e, ErrSyntax) {
					t.Fatalf("bad error item %#v", e)
				}
			}
			if n+len(l) > nLines {
				t.Fatalf("%d results and %d errors from %d lines", n, len(l), nLines)
			}
		}
		ss, err := ParseData("f", data)
		check(len(ss), err)
		for _, s := range ss {
			if len(s.Words) == 0 {
				t.Fatalf("synset without words: %+v", s)
			}
		}
		ix, err := ParseIndex("f", data)
		check(len(ix), err)
		for _, e := range ix {
			if len(e.Offsets) == 0 {
				t.Fatalf("entry without offsets: %+v", e)
			}
		}
		ex, err := ParseExceptions("f", data)
		check(len(ex), err)
	})
}

// FuzzLoad builds a database from fuzzed data, index and exception files
// of the verbs and adjectives (dangling references and all) and checks
// that loading and every lookup of its lemmas neither panic nor vary from
// call to call, and that a loaded database's Related lemmas are never a
// base form of the word.
func FuzzLoad(f *testing.F) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	f.Add(read("data.verb"), read("index.verb"), read("verb.exc"), read("data.adj"), read("index.adj"))
	f.Add([]byte("00000100 31 v 01 war 0 001 + 00000100 a 0101 | x\n"), []byte("war v 1 0 1 0 00000100\n"), []byte("wars war\n"),
		[]byte("00000100 00 s 01 war 0 001 & 00000100 v 0000 | y\n"), []byte("war a 1 0 1 0 00000100\n"))
	f.Fuzz(func(t *testing.T, dataV, indexV, excV, dataA, indexA []byte) {
		wn, err := LoadFS(fstest.MapFS{
			"data.verb": {Data: dataV}, "index.verb": {Data: indexV}, "verb.exc": {Data: excV},
			"data.adj": {Data: dataA}, "index.adj": {Data: indexA},
		})
		if err != nil {
			if wn != nil {
				t.Fatalf("LoadFS returned a database and the error %v", err)
			}
			return
		}
		var words []string
		for _, data := range [][]byte{indexV, indexA, excV} {
			for _, line := range strings.Split(string(data), "\n") {
				if f := strings.Fields(line); len(f) > 0 {
					words = append(words, f[0], strings.ToUpper(f[0]))
				}
			}
		}
		for _, w := range words {
			rel := wn.Related(w, Synonym|Similar|Derived, 0)
			if again := wn.Related(w, Synonym|Similar|Derived, 0); !slices.Equal(rel, again) {
				t.Fatalf("Related(%q) varies: %v, then %v", w, rel, again)
			}
			for _, pos := range POSes() {
				bases := wn.BaseForms(w, pos)
				for _, r := range rel {
					if r.POS == pos && slices.Contains(bases, r.Lemma) {
						t.Fatalf("Related(%q) lists its own base form %q (%s)", w, r.Lemma, pos)
					}
				}
				wn.Lookup(w, pos)
			}
			wn.Related(w, Synonym, 1)
		}
	})
}
