package rhetoric

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// benchSpeeches are real UN General Debate speeches from ../shared/corpus.
var benchSpeeches = []string{
	"ungdc/2022/RUS_77_2022.txt", "ungdc/2022/USA_77_2022.txt", "ungdc/2022/UKR_77_2022.txt",
	"ungdc/2022/GBR_77_2022.txt", "ungdc/2022/CHN_77_2022.txt", "ungdc/2022/FRA_77_2022.txt",
}

// loadSpeeches reads the bench speeches, skipping when the shared corpus
// is absent.
func loadSpeeches(tb testing.TB) []string {
	tb.Helper()
	out := presentSpeeches(tb)
	if len(out) < len(benchSpeeches) {
		tb.Skip("shared corpus absent: the bench speeches are missing")
	}
	return out
}

// presentSpeeches reads those of the bench speeches that ../shared holds,
// for tests that also run on texts of their own without it.
func presentSpeeches(tb testing.TB) []string {
	tb.Helper()
	dir := filepath.Join(testutil.ModuleRoot(tb), "..", "shared", "corpus")
	var out []string
	for _, p := range benchSpeeches {
		if data, err := os.ReadFile(filepath.Join(dir, p)); err == nil {
			out = append(out, string(data))
		}
	}
	return out
}

func benchAnalyzer(b *testing.B, opts Options) *Analyzer {
	b.Helper()
	a, err := New(lexicon.Default(), opts)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkAnalyze is end-to-end analysis (tokenize, match, modifiers,
// targets, scores) without tagging, on one core.
func BenchmarkAnalyze(b *testing.B) {
	texts := loadSpeeches(b)
	a := benchAnalyzer(b, Options{})
	ctx := context.Background()
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if _, err := a.Analyze(ctx, Statement{Text: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAnalyzeAll is the streaming form over Workers = GOMAXPROCS.
func BenchmarkAnalyzeAll(b *testing.B) {
	texts := loadSpeeches(b)
	a := benchAnalyzer(b, Options{})
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	in := func(yield func(Statement) bool) {
		for _, t := range texts {
			if !yield(Statement{Text: t}) {
				return
			}
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for r := range a.AnalyzeAll(context.Background(), in) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
}

// taggedInput is the first speech, cut to whole sentences of about 8 KB,
// and its sentences as our tokenizer splits them.
func taggedInput(b *testing.B) (string, []string) {
	text := loadSpeeches(b)[0]
	tok, err := tokenize.New(tokenize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := tok.Tokenize(text)
	if err != nil {
		b.Fatal(err)
	}
	end := 0
	var sents []string
	for _, s := range doc.Sentences {
		if s.End > 8000 {
			break
		}
		end = s.End
		sents = append(sents, text[s.Start:s.End])
	}
	return text[:end], sents
}

// BenchmarkAnalyzeTagged is end-to-end analysis with part-of-speech tagging.
// Compare it with BenchmarkProseTag on the same sentences.
func BenchmarkAnalyzeTagged(b *testing.B) {
	text, _ := taggedInput(b)
	a := benchAnalyzer(b, Options{Tag: true})
	ctx := context.Background()
	if _, err := a.Analyze(ctx, Statement{Text: text}); err != nil { // load the model
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Analyze(ctx, Statement{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseTag is prose's own tokenization and tagging of the same
// sentences (segmentation and entity extraction off, model loaded once):
// the reference that BenchmarkAnalyzeTagged should stay within 1.5x of.
func BenchmarkProseTag(b *testing.B) {
	text, sents := taggedInput(b)
	d, err := prose.NewDocument("A model.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		b.Fatal(err)
	}
	model := d.Model
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			if _, err := prose.NewDocument(s, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkStreamingMemory pushes 600 speeches (about 12 MB) through
// AnalyzeAll and reports the heap in use at the end, which stays at the
// level of the few statements in flight (see also TestStreamingMemoryFlat).
func BenchmarkStreamingMemory(b *testing.B) {
	texts := loadSpeeches(b)
	a := benchAnalyzer(b, Options{})
	const n = 600
	in := func(yield func(Statement) bool) {
		for i := range n {
			if !yield(Statement{ID: fmt.Sprint(i), Text: texts[i%len(texts)]}) {
				return
			}
		}
	}
	b.ReportAllocs()
	var heap uint64
	for b.Loop() {
		for r := range a.AnalyzeAll(context.Background(), in) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = ms.HeapInuse
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
}

// BenchmarkReportOnly measures this package's own work (modifiers,
// targets, scores, report building) on pre-tokenized speeches with
// pre-computed matches, excluding tokenizing and matching.
func BenchmarkReportOnly(b *testing.B) {
	texts := loadSpeeches(b)
	a := newTest(b, lexicon.Default().Definition(), Options{})
	tok, err := tokenize.New(tokenize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	type pre struct {
		doc     *tokenize.Document
		matches []lexicon.Match
	}
	var docs []pre
	n, hits := 0, 0
	for _, t := range texts {
		doc, err := tok.Tokenize(t)
		if err != nil {
			b.Fatal(err)
		}
		m := a.find(doc, nil)
		docs = append(docs, pre{doc, m})
		n += len(t)
		hits += len(m)
	}
	var cur []lexicon.Match
	a.find = func(_ *tokenize.Document, dst []lexicon.Match) []lexicon.Match { return append(dst, cur...) }
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			cur = d.matches
			a.AnalyzeDocument(d.doc, Statement{})
		}
	}
	b.ReportMetric(float64(hits), "matches/op")
}
