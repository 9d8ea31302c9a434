package tokenize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// speech returns a real speech from ../shared/corpus, or skips.
func speech(b *testing.B) string {
	shared := sharedDir(b)
	if shared == "" {
		b.Skip("../shared is absent")
	}
	data, err := os.ReadFile(filepath.Join(shared, "corpus", "ungdc", "2024", "USA_79_2024.txt"))
	if err != nil {
		b.Skip(err)
	}
	return string(data)
}

// speeches returns the 2024 UN General Debate speeches concatenated (a few MB).
func speeches(b *testing.B) string {
	shared := sharedDir(b)
	if shared == "" {
		b.Skip("../shared is absent")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", "2024", "*.txt"))
	if len(files) == 0 {
		b.Skip("no speeches")
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func benchTokenize(b *testing.B, text string, segment bool) {
	tk, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var doc Document
	_ = tk.TokenizeInto(&doc, text) // warm the memo
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	ntok := 0
	for b.Loop() {
		if segment {
			_ = tk.TokenizeInto(&doc, text)
			ntok += len(doc.Tokens)
		} else {
			for range tk.All(text) {
				ntok++
			}
		}
	}
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokens streams the tokens (with Norm and Stem) of a speech,
// without building a Document.
func BenchmarkTokens(b *testing.B) { benchTokenize(b, speech(b), false) }

// BenchmarkTokenize builds a reused Document with sentences and parts.
func BenchmarkTokenize(b *testing.B) { benchTokenize(b, speech(b), true) }

// BenchmarkTokenizeCorpus builds Documents for all 2024 speeches at once.
func BenchmarkTokenizeCorpus(b *testing.B) { benchTokenize(b, speeches(b), true) }

// BenchmarkTokenizeNew allocates a new Document each time, as Tokenize does.
func BenchmarkTokenizeNew(b *testing.B) {
	text := speech(b)
	tk, _ := New(Options{})
	_, _ = tk.Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var toks int
	for b.Loop() {
		doc, _ := tk.Tokenize(text)
		toks += len(doc.Tokens)
	}
	b.ReportMetric(float64(b.N)*0+float64(testing.AllocsPerRun(1, func() { _, _ = tk.Tokenize(text) }))/float64(toks/b.N), "allocs/token")
}

// BenchmarkTag tokenizes and tags a speech with prose.
func BenchmarkTag(b *testing.B) {
	text := speech(b)
	tk, err := New(Options{Tag: true})
	if err != nil {
		b.Fatal(err)
	}
	var doc Document
	if err := tk.TokenizeInto(&doc, text); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = tk.TokenizeInto(&doc, text)
	}
}

// BenchmarkNormalize normalises the tokens of a speech one by one.
func BenchmarkNormalize(b *testing.B) {
	text := speech(b)
	var words []string
	for t := range All(text, English) {
		words = append(words, t.Text)
	}
	buf := make([]byte, 0, 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			buf = AppendNormalize(buf[:0], w)
		}
	}
}
