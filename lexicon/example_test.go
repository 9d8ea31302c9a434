package lexicon_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/rhetorica/rhetorica/lexicon"
)

// A small lexicon in the native .lex format: one category with weighted
// entries, a negator and an actor.
func ExampleParse() {
	src := `# Who is blamed.
@lexicon demo
@language en

@category blame Attribution of responsibility.
accus*
~provoke = 1.5
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
	for _, c := range lex.Categories() {
		fmt.Printf("%s (%s)\n", c.Name, c.Description)
		for _, e := range c.Entries {
			fmt.Printf("  %-16s %g\n", e.Pattern, e.Weight)
		}
	}
	fmt.Println(lex.Name(), lex.Language(), lex.NumModifiers(), "modifier,", lex.NumActors(), "actor")
	// Output:
	// blame (Attribution of responsibility.)
	//   accus*           1
	//   ~provoke         1.5
	//   responsible for  1.5
	// demo en 1 modifier, 1 actor
}

// Every problem of a file is reported with its position, and the list
// unwraps to the sentinel errors.
func ExampleParse_errors() {
	src := `@lexicon demo
@category blame
accus* = lots
@categroy threat
*
`
	lex, err := lexicon.Parse("demo.lex", []byte(src))
	fmt.Println(lex == nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, lexicon.ErrBadWeight), errors.Is(err, lexicon.ErrDuplicate))
	// Output:
	// true
	// demo.lex:3:10: weight "lots": not a decimal number
	// demo.lex:4:1: unknown directive "@categroy"
	// demo.lex:5:1: category "blame": entry "*": bare wildcard: a lone * would match every word
	// true false
}

// A user's overlay adds a category, re-weights one entry and removes
// another.
func ExampleMerge() {
	base, err := lexicon.Parse("base.lex", []byte(`@lexicon base
@category blame
accus*
responsible for
call on _ to
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	over, err := lexicon.Parse("mine.lex", []byte(`@lexicon mine
@category blame
accus* = 2
scapegoat*
!call on _ to

@category denial
~deny
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	merged, err := lexicon.Merge(base, over)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := lexicon.Write(os.Stdout, merged, lexicon.FormatLex); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @lexicon base+mine
	//
	// @category blame
	// accus* = 2
	// responsible for
	// scapegoat*
	//
	// @category denial
	// ~deny
}

// A Definition built in Go is validated by New; its problems name the
// category and entry, as it has no lines.
func ExampleNew() {
	_, err := lexicon.New(lexicon.Definition{
		Name: "inline",
		Categories: []lexicon.Category{
			{Name: "threat", Entries: []lexicon.Entry{{Pattern: "red line*"}}},
		},
	})
	fmt.Println(err)
	// Output:
	// inline: category "threat": entry "red line*": weight 0 must be finite and > 0
}

// A LIWC dictionary, imported and written out in the native format.
func ExampleParseAs() {
	dic := "%\n1\tcare\n2\tharm\n%\nprotect*\t1\nwar\t2\nshelter\t1 2\n"
	lex, err := lexicon.ParseAs("moral.dic", []byte(dic), lexicon.FormatLIWC)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := lexicon.Write(os.Stdout, lex, lexicon.FormatLex); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @lexicon moral
	//
	// @category care
	// protect*
	// shelter
	//
	// @category harm
	// war
	// shelter
}
