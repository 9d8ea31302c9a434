package lexicon

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestLimits checks that each limit is a positioned error whose message
// does not echo the offending input in full.
func TestLimits(t *testing.T) {
	long := strings.Repeat("x", MaxPatternBytes+1)
	tests := []struct {
		name string
		file string
		data string
		want []errAt
		msg  string
	}{
		{"huge weight", "t.lex", "@category blame\naccus* = 1e308\n",
			[]errAt{{2, 10, ErrBadWeight}}, `t.lex:2:10: weight "1e308": out of range (at most 1e6)`},
		{"huge factor", "t.lex", "@category blame\naccus*\n@intensifiers\nvery = 1e7\n",
			[]errAt{{4, 8, ErrBadWeight}}, `t.lex:4:8: weight "1e7": out of range (at most 1e6)`},
		{"long pattern", "t.lex", "@category blame\n" + long + "\n",
			[]errAt{{2, 1, ErrSyntax}}, `t.lex:2:1: category "blame": entry "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...": the pattern has 513 bytes, more than the limit of 512`},
		{"long dic line", "t.dic", "%\n1\tblame\n%\naccus*\t1\n" + strings.Repeat("y", MaxLineBytes+1) + "\t1\n",
			[]errAt{{5, 1, ErrSyntax}}, `t.dic:5:1: the line has 65539 bytes, more than the limit of 65536: "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy..."`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAs(tt.file, []byte(tt.data), FormatAuto)
			if err == nil {
				f, _ := FormatFor(tt.file)
				_, err = ParseAs(tt.file, []byte(tt.data), f)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q lacks %q", err, tt.msg)
			}
			if len(err.Error()) > 400 {
				t.Errorf("error of %d bytes echoes the input", len(err.Error()))
			}
		})
	}
}

func TestNewWeightLimit(t *testing.T) {
	def := Definition{Name: "t", Categories: []Category{{Name: "blame", Entries: []Entry{{"accus*", 2e6}}}}}
	_, err := New(def)
	if !errors.Is(err, ErrBadWeight) || !strings.Contains(err.Error(), "over the limit of 1e6") {
		t.Errorf("err = %v", err)
	}
}

// TestErrorListCap checks that a flood of errors prints the first 100 and
// a count of the rest.
func TestErrorListCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("@category blame\n")
	for i := range 250 {
		fmt.Fprintf(&b, "a%d = x\n", i)
	}
	_, err := Parse("t.lex", []byte(b.String()))
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 250 {
		t.Fatalf("err = %v, want 250 items", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 101 || lines[100] != "and 150 more problems" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestFileLimit(t *testing.T) {
	fsys := fstest.MapFS{"big.lex": {Data: make([]byte, MaxFileBytes+1)}}
	_, err := ParseFS(fsys, "big.lex", FormatAuto)
	if err == nil || !strings.Contains(err.Error(), "big.lex: the file has more than 67108864 bytes (the limit)") {
		t.Errorf("err = %v", err)
	}
}

// TestYAMLAliasErrorsOnce checks that an error reached through YAML
// aliases many times is reported once.
func TestYAMLAliasErrorsOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 6; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	_, err := ParseAs("laughs.yml", []byte(b.String()), FormatYAML)
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("err = %v, want an ErrorList", err)
	}
	seen := map[string]bool{}
	for _, e := range el {
		if seen[e.Error()] {
			t.Errorf("repeated: %s", e)
		}
		seen[e.Error()] = true
	}
	if len(el) > 10 {
		t.Errorf("%d errors for 5 categories:\n%v", len(el), err)
	}
}

// TestNodeOutputLimit checks that a pattern accepted by more groups than a
// trie node can count (the same pattern in maxNodeOutputs+1 categories) is
// refused with a compile error rather than counted wrongly, and that one
// group fewer compiles and matches in every category.
func TestNodeOutputLimit(t *testing.T) {
	def := func(n int) Definition {
		d := Definition{Name: "many", Categories: make([]Category, n)}
		for i := range d.Categories {
			d.Categories[i] = Category{Name: fmt.Sprintf("c%d", i), Entries: []Entry{{Pattern: "word", Weight: 1}}}
		}
		return d
	}
	l, err := New(def(maxNodeOutputs))
	if err != nil {
		t.Fatalf("New with %d categories: %v", maxNodeOutputs, err)
	}
	if got := len(l.Matcher().Find(tokenizeIn(t, "", "a word"), nil)); got != maxNodeOutputs {
		t.Errorf("Find: %d matches, want %d", got, maxNodeOutputs)
	}
	_, err = New(def(maxNodeOutputs + 1))
	if !errors.Is(err, errPatternLimit) {
		t.Errorf("New with %d categories: error %v, want errPatternLimit", maxNodeOutputs+1, err)
	}
}
