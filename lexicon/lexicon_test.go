package lexicon

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/tokenize"
)

func validDef() Definition {
	return Definition{
		Name: "t",
		Categories: []Category{
			{Name: "blame", Description: "d", Entries: []Entry{{"accus*", 1}, {"responsible for", 1.5}}},
			{Name: "threat", Entries: []Entry{{"~threaten", 2}}},
		},
		Modifiers: []Modifier{{Negator, "not", 0, nil}, {Intensifier, "very", 1.5, nil}, {Hedge, "perhaps", 0.5, nil}},
		Actors:    []Actor{{"RUS", "Russia", []string{"russia", "the kremlin"}}},
	}
}

func TestNewValid(t *testing.T) {
	def := validDef()
	l, err := New(def)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(def, l.Definition()); diff != "" {
		t.Errorf("Definition (-want +got):\n%s", diff)
	}
	if l.Matcher() == nil {
		t.Error("Matcher() is nil")
	}
	if got := l.Language(); got != "en" {
		t.Errorf("Language() = %q, want en", got)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Definition)
		want   []error
		substr string // in the error text
	}{
		{"no name", func(d *Definition) { d.Name = "" }, []error{ErrBadName}, "lexicon name"},
		{"spaced name", func(d *Definition) { d.Name = "a b" }, []error{ErrBadName}, "white space"},
		{"language", func(d *Definition) { d.Language = "xx" }, []error{ErrLanguage}, `"xx"`},
		{"category name", func(d *Definition) { d.Categories[0].Name = "two words" }, []error{ErrBadName}, `"two words"`},
		{"duplicate category", func(d *Definition) { d.Categories[1].Name = "blame" }, []error{ErrDuplicate}, `category "blame" already defined`},
		{"empty category", func(d *Definition) { d.Categories[1].Entries = nil }, []error{ErrEmptyCategory}, `category "threat" has no entries`},
		{"zero weight", func(d *Definition) { d.Categories[0].Entries[0].Weight = 0 }, []error{ErrBadWeight}, `entry "accus*": weight 0`},
		{"negative, NaN and Inf weights", func(d *Definition) {
			d.Categories[0].Entries[0].Weight = -1
			d.Categories[0].Entries[1].Weight = math.NaN()
			d.Categories[1].Entries[0].Weight = math.Inf(1)
		}, []error{ErrBadWeight, ErrBadWeight, ErrBadWeight}, "finite"},
		{"duplicate pattern", func(d *Definition) { d.Categories[0].Entries[1].Pattern = "accus*" }, []error{ErrDuplicate}, "listed twice"},
		{"bad patterns", func(d *Definition) {
			d.Categories[0].Entries[0].Pattern = "*"
			d.Categories[0].Entries[1].Pattern = " "
			d.Categories[1].Entries[0].Pattern = "_ x"
		}, []error{ErrBareWildcard, ErrEmptyPattern, ErrSyntax}, `category "threat": entry "_ x"`},
		{"patterns the .lex format cannot hold", func(d *Definition) {
			d.Categories[0].Entries[0].Pattern = "#tag"
			d.Categories[0].Entries[1].Pattern = "a = b"
			d.Actors[0].Aliases[0] = "line\nbreak"
		}, []error{ErrSyntax, ErrSyntax, ErrSyntax}, "may not"},
		{"modifier factors", func(d *Definition) {
			d.Modifiers[0].Factor = 2
			d.Modifiers[1].Factor = 0.5
			d.Modifiers[2].Factor = 1.5
		}, []error{ErrBadWeight, ErrBadWeight, ErrBadWeight}, `negator "not"`},
		{"modifier kind and duplicate", func(d *Definition) {
			d.Modifiers = append(d.Modifiers, Modifier{Kind: 9, Pattern: "x"}, Modifier{Negator, "not", 0, nil})
		}, []error{ErrSyntax, ErrDuplicate}, "unknown kind 9"},
		{"actors", func(d *Definition) {
			d.Actors = append(d.Actors, Actor{Code: "RUS", Aliases: []string{"moscow"}}, Actor{Code: "", Aliases: []string{"x"}},
				Actor{Code: "NATO"}, Actor{Code: "EU", Aliases: []string{"eu", "eu"}})
		}, []error{ErrDuplicate, ErrBadName, ErrEmptyCategory, ErrDuplicate}, `actor "NATO" has no aliases`},
		{"description with a line break", func(d *Definition) { d.Categories[0].Description = "a\nb" }, []error{ErrSyntax}, "line break"},
		{"removal conflicts", func(d *Definition) { d.Categories[0].Remove = []string{"accus*", "x", "x"} }, []error{ErrDuplicate, ErrDuplicate}, "both added and removed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := validDef()
			tt.edit(&def)
			l, err := New(def)
			if l != nil || err == nil {
				t.Fatalf("New = %v, %v; want nil and an error", l, err)
			}
			var el ErrorList
			if !errors.As(err, &el) {
				t.Fatalf("%T is not an ErrorList", err)
			}
			if len(el) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(el), len(tt.want), err)
			}
			for i, e := range el {
				if !errors.Is(e, tt.want[i]) {
					t.Errorf("error %d = %v, want %v", i, e, tt.want[i])
				}
				if e.Pos.File != def.Name || e.Pos.Line != 0 {
					t.Errorf("error %d position = %+v, want File %q only", i, e.Pos, def.Name)
				}
				if !errors.Is(err, tt.want[i]) {
					t.Errorf("errors.Is(list, %v) = false", tt.want[i])
				}
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error text %q lacks %q", err, tt.substr)
			}
		})
	}
}

func TestNewErrorText(t *testing.T) {
	def := validDef()
	def.Categories[0].Entries[0].Weight = -2
	_, err := New(def)
	want := `t: category "blame": entry "accus*": weight -2 must be finite and > 0`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

// TestImmutable changes everything that New took or an accessor returned,
// and checks that the lexicon did not change.
func TestImmutable(t *testing.T) {
	def := validDef()
	l, err := New(def)
	if err != nil {
		t.Fatal(err)
	}
	want := validDef()
	def.Categories[0].Entries[0].Pattern = "changed"
	def.Actors[0].Aliases[0] = "changed"
	def.Modifiers[0].Pattern = "changed"
	cats := l.Categories()
	cats[0].Entries[0].Weight = 99
	cats[0].Name = "changed"
	mods := l.Modifiers()
	mods[0].Pattern = "changed"
	acts := l.Actors()
	acts[0].Aliases[0] = "changed"
	d := l.Definition()
	d.Categories[1].Entries[0].Pattern = "changed"
	c, _ := l.Category("blame")
	c.Entries[1].Weight = 99
	if diff := cmp.Diff(want, l.Definition()); diff != "" {
		t.Errorf("lexicon changed (-want +got):\n%s", diff)
	}
}

func TestAccessors(t *testing.T) {
	l, err := New(validDef())
	if err != nil {
		t.Fatal(err)
	}
	got := []any{l.Name(), l.NumCategories(), l.NumModifiers(), l.NumActors(), l.CategoryName(1), l.NumEntries(0),
		l.Entry(0, 1), l.Modifier(2), l.ActorCode(0), l.Alias(0, 1), l.CategoryIndex("threat"), l.CategoryIndex("nope")}
	want := []any{"t", 2, 3, 1, "threat", 2, Entry{"responsible for", 1.5}, Modifier{Hedge, "perhaps", 0.5, nil}, "RUS", "the kremlin", 1, -1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, ok := l.Category("nope"); ok {
		t.Error(`Category("nope") found`)
	}
	if n := testing.AllocsPerRun(100, func() { _ = l.Entry(0, 1); _ = l.Modifier(0) }); n != 0 {
		t.Errorf("Entry and Modifier allocate %v times", n)
	}
}

func TestErrorListAndPositions(t *testing.T) {
	p := []Position{{"f", 3, 7}, {"f", 3, 0}, {"f", 0, 0}, {"", 0, 0}}
	want := []string{"f:3:7", "f:3", "f", "lexicon"}
	for i := range p {
		if got := p[i].String(); got != want[i] {
			t.Errorf("%+v.String() = %q, want %q", p[i], got, want[i])
		}
	}
	_, err := Parse("x.lex", []byte("@oops\n@category c\nw = -1\n"))
	if !errors.Is(err, ErrUnknownDirective) || !errors.Is(err, ErrBadWeight) || errors.Is(err, ErrDuplicate) {
		t.Errorf("errors.Is through the list fails: %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Pos.Line != 1 {
		t.Errorf("errors.As(*Error) = %v", e)
	}
	wantText := "x.lex:1:1: unknown directive \"@oops\"\nx.lex:3:5: weight -1: an entry's weight must be > 0"
	if err.Error() != wantText {
		t.Errorf("text %q\nwant %q", err, wantText)
	}
}

// TestConcurrentUse reads one lexicon from many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	l, err := New(validDef())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for range 8 {
		go func() {
			defer func() { done <- true }()
			for range 50 {
				cats := l.Categories()
				cats[0].Entries[0].Weight++
				_ = l.Definition()
				_ = l.Entry(0, 0)
				if _, err := Merge(l, l); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	if l.Entry(0, 0).Weight != 1 {
		t.Errorf("weight changed to %v", l.Entry(0, 0).Weight)
	}
}

// TestModifierKindText checks that a kind encodes as its name (the JSON of
// a report's modifiers) and decodes back, and that an unknown kind or name
// is an error rather than a number or a silent default.
func TestModifierKindText(t *testing.T) {
	for _, k := range []ModifierKind{Negator, Intensifier, Hedge, Stop, Breach} {
		b, err := k.MarshalText()
		if err != nil || string(b) != k.String() {
			t.Errorf("%v.MarshalText() = %q, %v; want %q", k, b, err, k.String())
		}
		var back ModifierKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, k)
		}
	}
	if b, err := ModifierKind(200).MarshalText(); err == nil {
		t.Errorf("ModifierKind(200).MarshalText() = %q, nil; want an error", b)
	}
	var k ModifierKind
	if err := k.UnmarshalText([]byte("amplifier")); err == nil {
		t.Errorf("UnmarshalText(amplifier) = %v, nil; want an error", k)
	}
}

// TestErrLanguageWrapsTokenize checks that a lexicon in an unsupported
// language fails with an error that errors.Is matches against both the
// lexicon's and the tokenizer's sentinel, whichever package the caller
// knows.
func TestErrLanguageWrapsTokenize(t *testing.T) {
	_, err := Parse("k.lex", []byte("@language klingon\n@category c\nw\n"))
	if !errors.Is(err, ErrLanguage) || !errors.Is(err, tokenize.ErrLanguage) {
		t.Errorf("Parse(@language klingon) = %v; want an error matching lexicon.ErrLanguage and tokenize.ErrLanguage", err)
	}
	if got, want := ErrLanguage.Error(), "lexicon: unsupported language"; got != want {
		t.Errorf("ErrLanguage.Error() = %q, want %q", got, want)
	}
}
