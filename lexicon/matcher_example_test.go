package lexicon_test

import (
	"fmt"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// A Matcher reports each match by index; the lexicon's allocation-free
// accessors turn the indices back into names and patterns: CategoryName
// and Entry for a category match, Modifier for a modifier match, ActorCode
// and Alias for an actor match. This is how a caller that runs the
// matcher itself (rather than the rhetoric analyzer) reads its matches.
func ExampleMatcher_Find() {
	src := `@lexicon demo
@category blame
accus*
responsible for = 1.5

@negators
not

@actor RUS Russia
russia
the kremlin
`
	lex, err := lexicon.Parse("demo.lex", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	tok, err := tokenize.New(tokenize.Options{Language: lex.Language()})
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := tok.Tokenize("The Kremlin is not responsible for this, Russia accuses others.")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range lex.Matcher().Find(doc, nil) {
		text := doc.Text[m.Start:m.End]
		switch m.Kind {
		case lexicon.CategoryMatch:
			fmt.Printf("%-18q category %s, entry %q\n", text, lex.CategoryName(m.Index), lex.Entry(m.Index, m.Entry).Pattern)
		case lexicon.ModifierMatch:
			md := lex.Modifier(m.Index)
			fmt.Printf("%-18q %s %q\n", text, md.Kind, md.Pattern)
		case lexicon.ActorMatch:
			fmt.Printf("%-18q actor %s, alias %q\n", text, lex.ActorCode(m.Index), lex.Alias(m.Index, m.Entry))
		}
	}
	// Output:
	// "The Kremlin"      actor RUS, alias "the kremlin"
	// "not"              negator "not"
	// "responsible for"  category blame, entry "responsible for"
	// "Russia"           actor RUS, alias "russia"
	// "accuses"          category blame, entry "accus*"
}
