package wordnet_test

import (
	"fmt"

	"github.com/rhetorica/rhetorica/lexicon/suggest/wordnet"
)

// Load a database (here a small one; Debian's wordnet-base installs the
// full one in /usr/share/wordnet) and list what is related to a word.
func ExampleWordNet_Related() {
	wn, err := wordnet.Load("testdata")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range wn.Related("accused", wordnet.Synonym, 0) {
		fmt.Printf("%s (%s), %s of %s sense %d\n", r.Lemma, r.POS, r.Relation, r.Base, r.Sense)
	}
	for _, r := range wn.Related("pernicious", wordnet.Similar, 0) {
		fmt.Printf("%s (%s), %s to %s\n", r.Lemma, r.POS, r.Relation, r.Base)
	}
	// Output:
	// charge (verb), synonym of accuse sense 1
	// blame (verb), synonym of accuse sense 1
	// harmful (adj), similar to pernicious
	// noxious (adj), similar to pernicious
}

// A file that is not in WordNet's format is reported line by line.
func ExampleParseData() {
	_, err := wordnet.ParseData("data.noun", []byte("00000100 03 n 01 war 0 000 | armed conflict\nwar n 1 0 1 0 00000100\n"))
	fmt.Println(err)
	// Output:
	// data.noun:2: no gloss separator " |"
}

// Find the lemmas a word can be an inflection of, the way WordNet's
// morphy does: the exception list for irregular forms, the suffix rules
// for the others, each kept when the index has it.
func ExampleWordNet_BaseForms() {
	wn, err := wordnet.Load("testdata")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", wn.BaseForms("accused", wordnet.Verb))
	fmt.Printf("%q\n", wn.BaseForms("fought_back", wordnet.Verb))
	fmt.Printf("%q\n", wn.BaseForms("accused", wordnet.Noun))
	for _, ss := range wn.Lookup("Accuse", wordnet.Verb) {
		fmt.Println(ss.Words, "|", ss.Gloss)
	}
	// Output:
	// ["accuse"]
	// ["fight back"]
	// []
	// [accuse charge blame] | attribute responsibility to
}
