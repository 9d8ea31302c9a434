package lexicon

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

func TestWriteGolden(t *testing.T) {
	tests := []struct {
		in     string
		format Format
		out    string
	}{
		{"sample.lex", FormatLex, "sample.lex"},
		{"sample.lex", FormatLIWC, "sample.dic"},
		{"overlay.lex", FormatLex, "overlay.lex"},
		{"rules.lex", FormatLex, "rules.lex"},
		{"nested.cat", FormatLex, "nested-cat.lex"},
		{"nested.yml", FormatLex, "nested-yml.lex"},
		{"nested.yml", FormatLIWC, "nested-yml.dic"},
		{"padded.dic", FormatLIWC, "padded.dic"},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			l, err := ParseFile(filepath.Join("testdata", tt.in), FormatAuto)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, l, tt.format); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, filepath.Join("testdata", "golden", tt.out), buf.Bytes())
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	l, err := New(validDef())
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(&bytes.Buffer{}, l, FormatYAML); !errors.Is(err, ErrFormat) {
		t.Errorf("Write(yaml) = %v, want ErrFormat", err)
	}
	if err := Write(failWriter{}, l, FormatLex); err == nil || err.Error() != "lexicon: write: disk full" {
		t.Errorf("Write to a failing writer = %v", err)
	}
	if err := Write(&bytes.Buffer{}, nil, FormatLex); err == nil {
		t.Error("Write(nil lexicon) succeeded")
	}
}

// TestLIWCExportLoses documents what a LIWC export keeps: categories and
// patterns, not weights, descriptions, removals, modifiers or actors.
func TestLIWCExportLoses(t *testing.T) {
	l, err := ParseFile(filepath.Join("testdata", "sample.lex"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	liwcRoundTrip(t, l)
	var buf bytes.Buffer
	if err := Write(&buf, l, FormatLIWC); err != nil {
		t.Fatal(err)
	}
	back, err := ParseAs("sample.dic", buf.Bytes(), FormatLIWC)
	if err != nil {
		t.Fatal(err)
	}
	if back.NumModifiers() != 0 || back.NumActors() != 0 || back.Entry(0, 2).Weight != 1 || back.Categories()[0].Description != "" {
		t.Errorf("LIWC export kept more than categories and patterns: %+v", back.Definition())
	}
}

// TestParseRules checks the scoped sections of testdata/rules.lex: the
// categories of @negators, @stops and @breaches lines reach every modifier
// of the section, and a bare directive has none.
func TestParseRules(t *testing.T) {
	l, err := ParseFile(filepath.Join("testdata", "rules.lex"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	bt := []string{"blame", "threat"}
	want := []Modifier{
		{Negator, "not", 0, nil},
		{Negator, "never", 0, nil},
		{Negator, "~prevent", 0, bt},
		{Negator, "~deter", 0, bt},
		{Stop, "human rights council", 0, nil},
		{Stop, "threat assessment", 0, []string{"threat"}},
		{Breach, "~honour", 0, []string{"blame"}},
		{Breach, "~comply with", 0, []string{"blame"}},
		{Breach, "~respect", 0, nil},
	}
	if diff := cmp.Diff(want, l.Modifiers()); diff != "" {
		t.Errorf("modifiers (-want +got):\n%s", diff)
	}
	// The accessor returns copies.
	l.Modifiers()[2].Categories[0] = "x"
	if got := l.Modifier(2).Categories[0]; got != "blame" {
		t.Errorf("changing a returned scope changed the lexicon: %q", got)
	}
}
