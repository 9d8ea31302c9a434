package lexicon

import (
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/tokenize"
)

// TestEmbeddedValid checks that every .lex file embedded in the package
// (the default lexicon and the built-in grammars) passes validation, which
// their loads skip (see buildChecked), and that a load without it gives
// the same lexicon as one with it.
func TestEmbeddedValid(t *testing.T) {
	type file struct{ name, text string }
	files := []file{{defaultName, string(defaultLex)}}
	names, err := fs.Glob(grammarFS, "grammar/*.lex")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded grammars: %v", err)
	}
	for _, n := range names {
		data, err := grammarFS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file{n, string(data)})
	}
	const text = "Russia's aggression against Ukraine must end; we call on all states to uphold the UN Charter and negotiate."
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			checked, err := parseLex(f.name, f.text)
			if err != nil {
				t.Fatalf("validated load: %v", err)
			}
			fast, err := parseEmbedded(f.name, f.text)
			if err != nil {
				t.Fatalf("load without validation: %v", err)
			}
			if diff := cmp.Diff(checked.Definition(), fast.Definition()); diff != "" {
				t.Errorf("definitions (-validated +unvalidated):\n%s", diff)
			}
			if diff := cmp.Diff(checked.Warnings(), fast.Warnings()); diff != "" {
				t.Errorf("warnings (-validated +unvalidated):\n%s", diff)
			}
			tk, err := tokenize.New(tokenize.Options{Language: checked.Language()})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := tk.Tokenize(text)
			if err != nil {
				t.Fatal(err)
			}
			want, got := checked.Matcher().Find(doc, nil), fast.Matcher().Find(doc, nil)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("matches (-validated +unvalidated):\n%s", diff)
			}
		})
	}
}
