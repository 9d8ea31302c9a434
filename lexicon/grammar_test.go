package lexicon

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/tokenize"
)

func TestParseGrammarAndRoles(t *testing.T) {
	l, err := ParseFile("testdata/grammar.lex", FormatLex)
	if err != nil {
		t.Fatal(err)
	}
	checkParsed(t, l, nil)
	def := l.Definition()
	gotRoles := map[string]string{}
	for _, c := range def.Categories {
		gotRoles[c.Name] = c.Role
	}
	if diff := cmp.Diff(map[string]string{"accusation": RoleVictim, "demand": RoleAppeal}, gotRoles); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
	want := []WordClass{
		{Name: "clause-break", Words: []string{"but", "yet"}},
		{Name: "agent-marker", Words: []string{"by", "at the hands of"}},
		{Name: "adverb", Words: []string{"*ly"}},
	}
	if diff := cmp.Diff(want, l.Grammar()); diff != "" {
		t.Errorf("grammar (-want +got):\n%s", diff)
	}
}

func TestRole(t *testing.T) {
	l, err := Parse("x.lex", []byte("@category blame\nw\n@category accusation\n@role victim\nv\n@category call_to_action\n@role none\nu\n@category other\nz\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ cat, want string }{
		{"blame", RoleVictim},      // from the default lexicon's category of that name
		{"accusation", RoleVictim}, // declared
		{"call_to_action", ""},     // declared none, overriding the default
		{"other", ""},              // nothing declared anywhere
		{"threat", RoleVictim},     // not in l: the default's role of that name
		{"no-such-category-anywhere", ""},
	}
	for _, tt := range tests {
		if got := l.Role(tt.cat); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.cat, got, tt.want)
		}
	}
	// The default lexicon declares today's behaviour.
	d := Default()
	for cat, want := range map[string]string{"blame": RoleVictim, "threat": RoleVictim, "call_to_action": RoleAppeal, "peace": "",
		"sovereignty": RoleTarget, "solidarity": RoleTarget, "delegitimization": RoleTarget, "hypocrisy": RoleTarget} {
		if got := d.Role(cat); got != want {
			t.Errorf("Default().Role(%q) = %q, want %q", cat, got, want)
		}
	}
}

var grammarErrorCases = []struct {
	name string
	in   string
	want []errAt
}{
	{"unknown class", "@grammar clause-brake\nbut\n", []errAt{{1, 10, ErrBadName}}},
	{"empty class", "@grammar adverb\n@grammar participle\n*ed\n", []errAt{{1, 10, ErrEmptyCategory}}},
	{"class twice", "@grammar adverb\n*ly\n@grammar adverb\n*ment\n", []errAt{{3, 10, ErrDuplicate}}},
	{"word twice", "@grammar adverb\n*ly\n  *ly\n", []errAt{{3, 3, ErrDuplicate}}},
	{"bad words", "@grammar adverb\n*l*\n~x*\n**\n", []errAt{{2, 1, ErrSyntax}, {3, 1, ErrSyntax}, {4, 1, ErrSyntax}}},
	{"weight", "@grammar adverb\n*ly = 2\n", []errAt{{2, 7, ErrBadWeight}}},
	{"no name", "@grammar\nbut\n", []errAt{{1, 9, ErrSyntax}}},
	{"two names", "@grammar adverb participle\n*ly\n", []errAt{{1, 17, ErrSyntax}}},
	{"role outside category", "@role victim\n@category c\nw\n", []errAt{{1, 1, ErrSyntax}}},
	{"unknown role", "@category c\n@role villain\nw\n", []errAt{{2, 7, ErrSyntax}}},
	{"role twice", "@category c\n@role victim\n@role appeal\nw\n", []errAt{{3, 1, ErrDuplicate}}},
	{"role after grammar", "@category c\nw\n@grammar adverb\n*ly\n@role victim\n", []errAt{{5, 1, ErrSyntax}}},
}

func TestGrammarErrors(t *testing.T) {
	for _, tt := range grammarErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse("bad.lex", []byte(tt.in))
			if l != nil || err == nil {
				t.Fatalf("Parse = %v, %v; want an error", l, err)
			}
			sortAt(tt.want)
			if diff := cmp.Diff(tt.want, errsAt(t, err), cmpErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestNewValidatesGrammar(t *testing.T) {
	_, err := New(Definition{Name: "x", Grammar: []WordClass{{Name: "nope", Words: []string{"a"}}, {Name: "adverb"}}})
	want := []errAt{{0, 0, ErrBadName}, {0, 0, ErrEmptyCategory}}
	if diff := cmp.Diff(want, errsAt(t, err), cmpErrs); diff != "" {
		t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
	}
}

func TestDefaultGrammar(t *testing.T) {
	for _, lang := range []tokenize.Language{tokenize.English, tokenize.Russian} {
		g := DefaultGrammar(lang)
		if len(g) < 20 {
			t.Errorf("%s: %d classes, want the full set", lang, len(g))
		}
		for _, c := range g {
			if !knownClass(c.Name) || len(c.Words) == 0 {
				t.Errorf("%s: class %q with %d words", lang, c.Name, len(c.Words))
			}
		}
	}
	if g := DefaultGrammar(tokenize.Hungarian); g != nil {
		t.Errorf("Hungarian has no built-in grammar, got %d classes", len(g))
	}
	// A copy: changing it does not change the next call.
	g := DefaultGrammar(tokenize.English)
	g[0].Words[0] = "changed"
	if DefaultGrammar(tokenize.English)[0].Words[0] == "changed" {
		t.Error("DefaultGrammar returned shared data")
	}
}

func TestMergeGrammarAndRoles(t *testing.T) {
	base, err := Parse("base.lex", []byte("@category blame\nw\n@grammar clause-break\nbut\n@grammar adverb\n*ly\n"))
	if err != nil {
		t.Fatal(err)
	}
	over, err := Parse("over.lex", []byte("@category blame\n@role none\nv\n@grammar clause-break\nbut\nyet\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Merge(base, over)
	if err != nil {
		t.Fatal(err)
	}
	want := []WordClass{{Name: "clause-break", Words: []string{"but", "yet"}}, {Name: "adverb", Words: []string{"*ly"}}}
	if diff := cmp.Diff(want, m.Grammar()); diff != "" {
		t.Errorf("merged grammar (-want +got):\n%s", diff)
	}
	if got := m.Role("blame"); got != "" {
		t.Errorf("merged role of blame = %q, want none", got)
	}
}

// TestReadGrammarFile checks that the quick reader of the built-in grammar
// files reads every one of them as the lexicon parser does, and that it
// leaves the files it does not read plainly to the parser.
func TestReadGrammarFile(t *testing.T) {
	files, err := fs.Glob(grammarFS, "grammar/*.lex")
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in grammar files: %v", err)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			data, err := grammarFS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			lx, err := parseEmbedded(name, string(data))
			if err != nil {
				t.Fatal(err)
			}
			got, ok := readGrammarFile(string(data))
			if !ok {
				t.Fatalf("readGrammarFile(%s) leaves it to the parser", name)
			}
			if diff := cmp.Diff(lx.def.Grammar, got); diff != "" {
				t.Errorf("readGrammarFile(%s) mismatch (-parser +quick):\n%s", name, diff)
			}
		})
	}
	head := "# c\n@lexicon g\n@language en\n\n@grammar article\n"
	tests := []struct {
		name string
		text string
		want []WordClass
		ok   bool
	}{
		{"plain", head + "the\n  a  \n\tan\t\n", []WordClass{{Name: "article", Words: []string{"the", "a", "an"}}}, true},
		{"phrase spaced", head + "hands   of\nhands\tof\n", []WordClass{{Name: "article", Words: []string{"hands of", "hands of"}}}, true},
		{"non-ASCII space", head + "a\u00a0b\n", []WordClass{{Name: "article", Words: []string{"a b"}}}, true},
		{"two classes, one empty", head + "@grammar genitive\n# none\n@grammar venue\nthe un\n",
			[]WordClass{{Name: "article"}, {Name: "genitive"}, {Name: "venue", Words: []string{"the un"}}}, true},
		{"no last line break", head + "the", []WordClass{{Name: "article", Words: []string{"the"}}}, true},
		{"empty", "", nil, true},
		{"weight", head + "the = 2\n", nil, false},
		{"removal", head + "!the\n", nil, false},
		{"word before a class", "the\n", nil, false},
		{"other directive", "@category blame\nx\n", nil, false},
		{"class without a name", "@grammar\nx\n", nil, false},
		{"class with two names", "@grammar a b\nx\n", nil, false},
		{"carriage return", head + "the\r\n", nil, false},
		{"byte order mark", "\ufeff" + head, nil, false},
		{"invalid UTF-8", head + "\xff\n", nil, false},
		{"long line", head + strings.Repeat("a", MaxLineBytes+1) + "\n", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := readGrammarFile(tt.text)
			if ok != tt.ok {
				t.Fatalf("readGrammarFile ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("readGrammarFile mismatch (-want +got):\n%s", diff)
			}
			// What the quick reader reads, the parser reads the same way.
			lx, err := parseEmbedded("t.lex", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(lx.def.Grammar, got); diff != "" {
				t.Errorf("parser and quick reader differ (-parser +quick):\n%s", diff)
			}
		})
	}
}
