// Command stemgen writes the table of English stems that the tokenizer
// looks up before it runs the Snowball stemmer (see tokenize/stems.go):
// every word of the given lexicon's stem patterns (~word) and every word
// feature (w=word) of the given built-in model, in lower case, each with
// the stem Snowball gives it. Both files are in the repository, so the
// table is rebuilt without the annotated data. go generate runs it, after
// go generate ./rhetoric has written the model. With -index it also writes
// the index of the table's lines that the tokenizer embeds with it: per
// line, where it starts and where its space is, as little-endian uint32s.
//
//	go run ./internal/stemgen -o stems_en.txt -index stems_en.idx ../lexicon/default.lex ../rhetoric/model.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

func main() {
	out := flag.String("o", "stems_en.txt", "output file")
	index := flag.String("index", "", "also write the index of the output's lines to this file")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: stemgen -o OUT [-index OUT.idx] LEXICON.lex MODEL.gz")
		os.Exit(2)
	}
	if err := run(*out, *index, flag.Arg(0), flag.Arg(1)); err != nil {
		fmt.Fprintln(os.Stderr, "stemgen:", err)
		os.Exit(1)
	}
}

func run(out, index, lex, model string) error {
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
	if err := modelWords(words, model); err != nil {
		return fmt.Errorf("%s: %w", model, err)
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	var b strings.Builder
	var at []byte
	for _, w := range keys {
		at = binary.LittleEndian.AppendUint32(at, uint32(b.Len()))
		b.WriteString(w)
		at = binary.LittleEndian.AppendUint32(at, uint32(b.Len()))
		b.WriteByte(' ')
		b.WriteString(english.Stem(w, true))
		b.WriteByte('\n')
	}
	if b.Len() > math.MaxUint32 {
		return fmt.Errorf("the table has %d bytes, too many for its index", b.Len())
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	if index == "" {
		return nil
	}
	return os.WriteFile(index, at, 0o644)
}

// modelWords adds the words of the model's word features to words. In
// the model's text form (rhetoric.Model.Encode) each weight row is a line
// that starts with the feature's name and a tab.
func modelWords(words map[string]bool, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		defer z.Close()
		r = z
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		name, _, ok := strings.Cut(sc.Text(), "\t")
		if w, isWord := strings.CutPrefix(name, "w="); ok && isWord {
			addWords(words, w)
			n++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("no word features (w=) found")
	}
	return nil
}

// addWords adds the runs of letters of s, in lower case, to words.
func addWords(words map[string]bool, s string) {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words[w] = true
	}
}
