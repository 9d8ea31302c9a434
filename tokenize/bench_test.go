package tokenize

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// speech returns a real speech from ../shared/corpus, or skips.
func speech(b *testing.B) string {
	shared := testutil.Shared()
	if shared == "" {
		b.Skip("../shared is absent")
	}
	data, err := os.ReadFile(filepath.Join(shared, "corpus", "ungdc", "2024", "USA_79_2024.txt"))
	if err != nil {
		b.Skip(err)
	}
	return string(data)
}

// speeches returns the 2024 UN General Debate speeches concatenated (a few
// MB), or skips.
func speeches(b testing.TB) string {
	shared := testutil.Shared()
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
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
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
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(max(ntok, 1)), "allocs/token")
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
	doc, _ := tk.Tokenize(text)
	ntok := len(doc.Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		_, _ = tk.Tokenize(text)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N)/float64(ntok), "allocs/token")
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

// BenchmarkProseTag is the reference: prose alone tagging the same speech
// as one document with a shared model and no segmentation (no offsets).
func BenchmarkProseTag(b *testing.B) {
	text := speech(b)
	model, err := tagModel()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseTokenize is prose's tokenizer alone on the speech.
func BenchmarkProseTokenize(b *testing.B) {
	text := speech(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
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

// BenchmarkFormMemo looks up, in the warm memo of normal forms, every word
// of the 2024 speeches in text order, as filling the tokens does: the
// memo's own cost, without scanning.
func BenchmarkFormMemo(b *testing.B) {
	text := speeches(b)
	tk, _ := New(Options{})
	var words []string
	bytes := 0
	for tok := range All(text, English) {
		if tok.Kind == Word && len(tok.Text) <= maxMemoLen {
			words = append(words, tok.Text)
			bytes += len(tok.Text)
		}
	}
	for _, w := range words {
		tk.cache.lookup(w, tk.compute)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	ids := uint32(0)
	for b.Loop() {
		for _, w := range words {
			r, _ := tk.cache.lookup(w, tk.compute)
			ids += r.id()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	if ids == 0 {
		b.Fatal("no form IDs")
	}
}
