package lexicon_test

import (
	"fmt"
	"os"

	"github.com/rhetorica/rhetorica/lexicon"
)

// A VADER valence list loads as the categories positive and negative, each
// word weighted by the absolute value of its mean valence; an emoticon that
// uses pattern syntax is left out with a warning.
func ExampleParseAs_vader() {
	vader := "abandon\t-1.9\t0.53852\t[-2, -2, -2, -2, -2, -1, -2, -2, -2, -2]\n" +
		"support\t1.7\t0.9\t[2, 1, 2, 2, 3, 1, 1, 2, 2, 1]\n" +
		"(*\t1.1\t0.9\t[2, 1, 2, 2, 3, 1, 1, 2, 2, 1]\n"
	lex, err := lexicon.ParseAs("vader_lexicon.txt", []byte(vader), lexicon.FormatAuto)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range lex.Categories() {
		fmt.Println(c.Name, c.Entries)
	}
	for _, w := range lex.Warnings() {
		fmt.Println("warning:", w)
	}
	// Output:
	// positive [{support 1.7}]
	// negative [{abandon 1.9}]
	// warning: vader_lexicon.txt:3:2: word "(*" left out: "*" is pattern syntax here, so the word would not match literally
}

// A weighted LIWC-22 .dicx: a header row of categories, one row per term,
// and a number (or X for 1) in the columns of its categories.
func ExampleParseAs_dicx() {
	dicx := "DicTerm,threat,peace\nattack*,2,\nceasefire,,X\n\"war, not peace\",0.5,\n"
	lex, err := lexicon.ParseAs("frames.dicx", []byte(dicx), lexicon.FormatAuto)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range lex.Categories() {
		fmt.Println(c.Name, c.Entries)
	}
	// Writing LIWC's older .dic would lose the weights:
	for _, l := range lexicon.Lossy(lex, lexicon.FormatLIWC) {
		fmt.Println("lost:", l)
	}
	if err := lexicon.Write(os.Stdout, lex, lexicon.FormatLIWC22); err != nil {
		fmt.Println(err)
	}
	// Output:
	// threat [{attack* 2} {war, not peace 0.5}]
	// peace [{ceasefire 1}]
	// lost: 2 entry weights other than 1 (e.g. threat: attack* = 2): LIWC counts every word once; they are written as 1
	// DicTerm,threat,peace
	// attack*,2,
	// "war, not peace",0.5,
	// ceasefire,,1
}
