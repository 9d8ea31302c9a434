package lexicon

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkParsed holds the invariants of every parser: on error the lexicon is
// nil and every problem has a line and column; on success the lexicon
// written as .lex reads back to the same Definition, and its LIWC export
// reads back too.
func checkParsed(t *testing.T, l *Lexicon, err error) {
	t.Helper()
	if err != nil {
		if l != nil {
			t.Fatalf("lexicon returned with error %v", err)
		}
		el, ok := err.(ErrorList)
		if !ok {
			t.Fatalf("error %T is not an ErrorList: %v", err, err)
		}
		if len(el) == 0 {
			t.Fatal("empty ErrorList returned as an error")
		}
		for _, e := range el {
			if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Err == nil {
				t.Fatalf("error without a position or sentinel: %+v", e)
			}
		}
		return
	}
	if l == nil {
		t.Fatal("nil lexicon without an error")
	}
	for _, w := range l.Warnings() {
		if w.Pos.Line < 1 {
			t.Fatalf("warning without a line: %v", w)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, l, FormatLex); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(l.Name()+".lex", buf.Bytes())
	if err != nil {
		t.Fatalf("written lexicon does not parse: %v\n%s", err, buf.Bytes())
	}
	if diff := cmp.Diff(l.Definition(), back.Definition()); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s\n%s", diff, buf.Bytes())
	}
	buf.Reset()
	if err := Write(&buf, l, FormatLIWC); err != nil {
		t.Fatal(err)
	}
	if l.NumCategories() == 0 {
		return
	}
	if _, err := ParseAs("export.dic", buf.Bytes(), FormatLIWC); err != nil {
		t.Fatalf("LIWC export does not parse: %v\n%s", err, buf.Bytes())
	}
}

// seedFiles adds the testdata files with the given extension.
func seedFiles(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

func FuzzParseLex(f *testing.F) {
	for _, tt := range lexErrorCases {
		f.Add([]byte(tt.in))
	}
	for _, tt := range grammarErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".lex")
	f.Add([]byte("@lexicon x\n@category c\nw = 1e-300\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("fuzz.lex", data)
		checkParsed(t, l, err)
	})
}

func FuzzParseLIWC(f *testing.F) {
	for _, tt := range liwcErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".dic")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseAs("fuzz.dic", data, FormatLIWC)
		checkParsed(t, l, err)
		checkLIWCSlow(t, data, l, err)
		if text := string(data); !strings.Contains(text, "\r") {
			// The counts are hints, which a '\r' may spoil (see liwcCounts).
			ids := newLIWCIDs(map[int]int{1: 0, 2: 1, 3: 2, 10: 0})
			if got, want := liwcCounts(text, &ids, 3), liwcCountsRef(text, &ids, 3); !slices.Equal(got, want) {
				t.Errorf("liwcCounts = %v, want %v", got, want)
			}
		}
	})
}

func FuzzParseWordStat(f *testing.F) {
	for _, tt := range wordStatErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".cat")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseAs("fuzz.cat", data, FormatWordStat)
		checkParsed(t, l, err)
	})
}

func FuzzParseYAML(f *testing.F) {
	for _, tt := range yamlErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".yml")
	f.Add([]byte("a: &x [b, c]\nd: *x\ne:\n  f: [g**, 'h?']\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseAs("fuzz.yml", data, FormatYAML)
		checkParsed(t, l, err)
	})
}

func FuzzParseLexicoder(f *testing.F) {
	for _, tt := range lexicoderErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".lc3")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseAs("fuzz.lc3", data, FormatLexicoder)
		checkParsed(t, l, err)
	})
}

func FuzzParseYoshikoder(f *testing.F) {
	for _, tt := range yoshikoderErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".ykd")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseAs("fuzz.ykd", data, FormatYoshikoder)
		checkParsed(t, l, err)
	})
}

func FuzzParseDicx(f *testing.F) {
	for _, tt := range dicxErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".dicx")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseAs("fuzz.dicx", data, FormatLIWC22)
		checkParsed(t, l, err)
		if err == nil && l.NumCategories() > 0 {
			var buf bytes.Buffer
			if err := Write(&buf, l, FormatLIWC22); err != nil {
				t.Fatal(err)
			}
			if _, err := ParseAs("export.dicx", buf.Bytes(), FormatLIWC22); err != nil {
				t.Fatalf(".dicx export does not parse: %v\n%s", err, buf.Bytes())
			}
		}
	})
}

func FuzzParseValence(f *testing.F) {
	for _, tt := range valenceErrorCases {
		f.Add([]byte(tt.in))
	}
	seedFiles(f, ".txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []Format{FormatVADER, FormatAFINN} {
			l, err := ParseAs("fuzz.txt", data, format)
			checkParsed(t, l, err)
		}
	})
}
