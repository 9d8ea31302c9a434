package tokenize

import (
	"testing"
	"unicode/utf8"
)

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"Mr. Smith went to Washington. He said “No.” 1. First 2. Second",
		"Hello!! (Really?) [1] ... . . . U.S.-led e.g. don't",
		"«Привет», — сказал он. Ответа нет.\n\nНовый абзац",
		"http://x.org/(a) a@b.co @h #t **b** _i_ \xff\xfe",
	} {
		f.Add(s)
	}
	tk, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	tkRU, err := New(Options{Language: Russian})
	if err != nil {
		f.Fatal(err)
	}
	tkFR, err := New(Options{Language: French})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, k := range []*Tokenizer{tk, tkRU, tkFR} {
			doc, err := k.Tokenize(in)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, doc)
			for _, x := range doc.Tokens {
				if utf8.ValidString(x.Text) && !utf8.ValidString(x.Norm) {
					t.Fatalf("token %q has invalid normal form %q", x.Text, x.Norm)
				}
			}
		}
		n := Normalize(in)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", in, n, Normalize(n))
		}
	})
}
