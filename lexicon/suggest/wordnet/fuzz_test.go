package wordnet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
