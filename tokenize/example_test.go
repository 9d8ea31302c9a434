package tokenize_test

import (
	"fmt"

	"github.com/rhetorica/rhetorica/tokenize"
)

func Example() {
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, _ := tk.Tokenize("Russia’s so-called referendums don't count. Mr. Smith said so.")
	for _, t := range doc.Tokens {
		fmt.Printf("%d:%d %-12q norm=%-12q stem=%-10q %s\n", t.Start, t.End, t.Text, t.Norm, t.Stem, t.Kind)
	}
	for i := range doc.Sentences {
		s := doc.Sentences[i]
		fmt.Printf("sentence %d: %q\n", i, doc.Text[s.Start:s.End])
	}
	// Output:
	// 0:6 "Russia"     norm="russia"     stem="russia"   word
	// 6:10 "’s"         norm="'s"         stem="'s"       word
	// 11:20 "so-called"  norm="so-called"  stem="so-call"  word
	// 21:32 "referendums" norm="referendums" stem="referendum" word
	// 33:35 "do"         norm="do"         stem="do"       word
	// 35:38 "n't"        norm="n't"        stem="n't"      word
	// 39:44 "count"      norm="count"      stem="count"    word
	// 44:45 "."          norm="."          stem="."        punct
	// 46:49 "Mr."        norm="mr."        stem="mr."      word
	// 50:55 "Smith"      norm="smith"      stem="smith"    word
	// 56:60 "said"       norm="said"       stem="said"     word
	// 61:63 "so"         norm="so"         stem="so"       word
	// 63:64 "."          norm="."          stem="."        punct
	// sentence 0: "Russia’s so-called referendums don't count."
	// sentence 1: "Mr. Smith said so."
}

func ExampleDocument_PartsOf() {
	tk, _ := tokenize.New(tokenize.Options{})
	doc, _ := tk.Tokenize("A U.S.-led, rules-based order")
	for i, t := range doc.Tokens {
		for _, p := range doc.PartsOf(i) {
			fmt.Printf("%s: part %q at %d:%d\n", t.Text, p.Text, p.Start, p.End)
		}
	}
	// Output:
	// U.S.-led: part "U.S." at 2:6
	// U.S.-led: part "led" at 7:10
	// rules-based: part "rules" at 12:17
	// rules-based: part "based" at 18:23
}

func ExampleNormalize() {
	fmt.Println(tokenize.Normalize("Russia’s"), tokenize.Normalize("Russia's"))
	fmt.Println(tokenize.Normalize("UKRAINE"), tokenize.Normalize("ＵＮ"))
	fmt.Println(tokenize.Normalize("de‑escalation"), tokenize.Normalize("“peace”"))
	// Output:
	// russia's russia's
	// ukraine un
	// de-escalation "peace"
}

func ExampleStem() {
	fmt.Println(tokenize.Stem("negotiations", tokenize.English))
	fmt.Println(tokenize.Stem("переговоры", tokenize.Russian))
	// Output:
	// negoti
	// переговор
}

func ExampleAll() {
	for t := range tokenize.All("We’ve got 1,000 e-mails: info@un.org", tokenize.English) {
		fmt.Printf("%q %s\n", t.Text, t.Kind)
	}
	// Output:
	// "We" word
	// "’ve" word
	// "got" word
	// "1,000" number
	// "e-mails" word
	// ":" punct
	// "info@un.org" email
}

func ExampleTokenizer_TokenizeInto() {
	tk, _ := tokenize.New(tokenize.Options{})
	var doc tokenize.Document // reused: no allocation per token once warm
	for _, text := range []string{"First statement.", "Second one! Third?"} {
		if err := tk.TokenizeInto(&doc, text); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(len(doc.Tokens), "tokens,", len(doc.Sentences), "sentences")
	}
	// Output:
	// 3 tokens, 1 sentences
	// 5 tokens, 2 sentences
}

func ExampleNew_error() {
	_, err := tokenize.New(tokenize.Options{Language: "tlh"})
	fmt.Println(err)
	// Output:
	// tokenize: unsupported language: "tlh"
}
