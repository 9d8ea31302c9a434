// Command stemgen writes the table of English stems that the tokenizer
// looks up before it runs the Snowball stemmer (see tokenize/stems.go):
// every word of the given lexicon's stem patterns (~word) and every word
// of the given JSONL file's "text" fields, in lower case, each with the
// stem Snowball gives it. go generate runs it:
//
//	go run ./internal/stemgen -o stems_en.txt ../lexicon/default.lex ../../shared/eval/train.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

func main() {
	out := flag.String("o", "stems_en.txt", "output file")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: stemgen -o OUT LEXICON.lex TEXTS.jsonl")
		os.Exit(2)
	}
	if err := run(*out, flag.Arg(0), flag.Arg(1)); err != nil {
		fmt.Fprintln(os.Stderr, "stemgen:", err)
		os.Exit(1)
	}
}

func run(out, lex, texts string) error {
	words := map[string]bool{}
	data, err := os.ReadFile(lex)
	if err != nil {
		return err
	}
	for _, f := range strings.Fields(string(data)) {
		if w, ok := strings.CutPrefix(f, "~"); ok {
			addWords(words, w)
		}
	}
	f, err := os.Open(texts)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s: %w", texts, err)
		}
		addWords(words, rec.Text)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, w := range keys {
		b.WriteString(w)
		b.WriteByte(' ')
		b.WriteString(english.Stem(w, true))
		b.WriteByte('\n')
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// addWords adds the runs of letters of s, in lower case, to words.
func addWords(words map[string]bool, s string) {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words[w] = true
	}
}
