package lexicon

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/tokenize"
)

func mustParse(t *testing.T, name, src string) *Lexicon {
	t.Helper()
	l, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return l
}

func TestMerge(t *testing.T) {
	base := `@lexicon base
@language en
@category blame Old description.
blame
accus* = 1.5
call on _ to
@category threat
~threaten
@negators
not
@intensifiers
very = 1.5
@actor RUS Russia
russia
moscow
`
	tests := []struct {
		name string
		over string
		want Definition
	}{
		{
			name: "add, re-weight, remove, new category",
			over: "@lexicon over\n@category blame New description.\naccus* = 2\nscapegoat*\n!call on _ to\n@category denial\n~deny\n",
			want: Definition{Name: "base+over", Language: "en", Categories: []Category{
				{Name: "blame", Description: "New description.", Entries: []Entry{{"blame", 1}, {"accus*", 2}, {"scapegoat*", 1}}},
				{Name: "threat", Entries: []Entry{{"~threaten", 1}}},
				{Name: "denial", Entries: []Entry{{"~deny", 1}}},
			}, Modifiers: []Modifier{{Negator, "not", 0, nil}, {Intensifier, "very", 1.5, nil}},
				Actors: []Actor{{"RUS", "Russia", []string{"russia", "moscow"}}}},
		},
		{
			name: "modifiers and actors",
			over: "@lexicon over\n@language en\n@intensifiers\nvery = 3\nutterly\n@negators\nnever\n@actor RUS Russian Federation\nthe kremlin\nmoscow\n@actor UKR\nukraine\n",
			want: Definition{Name: "base+over", Language: "en", Categories: []Category{
				{Name: "blame", Description: "Old description.", Entries: []Entry{{"blame", 1}, {"accus*", 1.5}, {"call on _ to", 1}}},
				{Name: "threat", Entries: []Entry{{"~threaten", 1}}},
			}, Modifiers: []Modifier{{Negator, "not", 0, nil}, {Intensifier, "very", 3, nil}, {Intensifier, "utterly", 1.5, nil}, {Negator, "never", 0, nil}},
				Actors: []Actor{{"RUS", "Russian Federation", []string{"russia", "moscow", "the kremlin"}}, {"UKR", "", []string{"ukraine"}}}},
		},
		{
			name: "removing every entry drops the category",
			over: "@lexicon over\n@category threat\n!~threaten\n",
			want: Definition{Name: "base+over", Language: "en", Categories: []Category{
				{Name: "blame", Description: "Old description.", Entries: []Entry{{"blame", 1}, {"accus*", 1.5}, {"call on _ to", 1}}},
			}, Modifiers: []Modifier{{Negator, "not", 0, nil}, {Intensifier, "very", 1.5, nil}},
				Actors: []Actor{{"RUS", "Russia", []string{"russia", "moscow"}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustParse(t, "base.lex", base)
			before := b.Definition()
			o := mustParse(t, "over.lex", tt.over)
			m, err := Merge(b, o)
			if err != nil {
				t.Fatalf("Merge: %v", err)
			}
			if diff := cmp.Diff(tt.want, m.Definition()); diff != "" {
				t.Errorf("merged (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, b.Definition()); diff != "" {
				t.Errorf("Merge changed its base (-before +after):\n%s", diff)
			}
			roundTrip(t, m)
		})
	}
}

func TestMergeErrors(t *testing.T) {
	base := "@lexicon base\n@category blame\nblame\n"
	tests := []struct {
		name string
		over string
		want int // number of ErrMerge items
	}{
		{"remove missing entry", "@lexicon o\n@category blame\n!accus*\n!other\n", 2},
		{"remove from missing category", "@lexicon o\n@category nope\n!x\n", 1},
		{"other language", "@lexicon o\n@language ru\n@category c\nw\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Merge(mustParse(t, "base.lex", base), mustParse(t, "o.lex", tt.over))
			if m != nil || err == nil {
				t.Fatalf("Merge = %v, %v; want an error", m, err)
			}
			var el ErrorList
			if !errors.As(err, &el) || len(el) != tt.want {
				t.Fatalf("got %v, want %d items", err, tt.want)
			}
			for _, e := range el {
				if !errors.Is(e, ErrMerge) || e.Pos.File != "o" {
					t.Errorf("item %v: want ErrMerge at o", e)
				}
			}
		})
	}
	if _, err := Merge(nil, nil); !errors.Is(err, ErrMerge) {
		t.Errorf("Merge(nil, nil) = %v", err)
	}
}

func TestMergeLanguage(t *testing.T) {
	ru := mustParse(t, "ru.lex", "@lexicon ru\n@language ru\n@category c\n~угроза\n")
	over := mustParse(t, "o.lex", "@lexicon o\n@category c\nугрожать\n")
	m, err := Merge(ru, over)
	if err != nil {
		t.Fatal(err)
	}
	if m.Language() != tokenize.Russian {
		t.Errorf("Language() = %q, want ru (inherited)", m.Language())
	}
}

func TestMergeFixtures(t *testing.T) {
	base, err := ParseFile(filepath.Join("testdata", "sample.lex"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	over, err := ParseFile(filepath.Join("testdata", "overlay.lex"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Merge(base, over)
	if err != nil {
		t.Fatal(err)
	}
	blame, _ := m.Category("blame")
	want := Category{Name: "blame", Description: "Blame, as the overlay describes it.", Entries: []Entry{
		{"blame", 1}, {"accus*", 2}, {"~provoke", 1.5}, {"responsible for", 1.5}, {"scapegoat*", 1}}}
	if diff := cmp.Diff(want, blame); diff != "" {
		t.Errorf("blame (-want +got):\n%s", diff)
	}
	if got := m.CategoryIndex("denial"); got != 2 {
		t.Errorf("denial at %d, want 2 (appended)", got)
	}
	if m.Name() != "sample+overlay" {
		t.Errorf("Name() = %q", m.Name())
	}
	// A LIWC dictionary merges over a .lex lexicon like any other; its
	// entries, all of weight 1, re-weight the ones the base has.
	dic, err := ParseFile(filepath.Join("testdata", "mixed.dic"), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Merge(m, dic)
	if err != nil {
		t.Fatal(err)
	}
	if m2.CategoryIndex("threat_words") != 3 || m2.NumEntries(0) != 5 || m2.Entry(0, 1) != (Entry{"accus*", 1}) {
		t.Errorf("LIWC overlay: %v", m2.Categories())
	}
}

// TestMergeScopes checks that an overlay's categories of a modifier replace
// those of the base modifier with the same kind and pattern, and that new
// scoped modifiers, stop-phrases and breaches are added. A scope names
// categories of its own file, so the overlay repeats the ones it scopes.
func TestMergeScopes(t *testing.T) {
	base := mustParse(t, "base.lex", "@lexicon base\n@category blame\naggression\n@category peace\ndialogue\n@negators\nnot\n~prevent\n")
	over := mustParse(t, "over.lex", "@lexicon over\n@category blame\naggression\n@category peace\ndialogue\n@negators blame\n~prevent\n@stops peace\npeace corps\n@breaches blame\n~honour\n")
	m, err := Merge(base, over)
	if err != nil {
		t.Fatal(err)
	}
	want := []Modifier{
		{Negator, "not", 0, nil},
		{Negator, "~prevent", 0, []string{"blame"}},
		{Stop, "peace corps", 0, []string{"peace"}},
		{Breach, "~honour", 0, []string{"blame"}},
	}
	if diff := cmp.Diff(want, m.Modifiers()); diff != "" {
		t.Errorf("merged modifiers (-want +got):\n%s", diff)
	}
}
