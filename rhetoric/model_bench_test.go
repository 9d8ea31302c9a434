package rhetoric

import (
	"context"
	"os"
	"testing"
)

// BenchmarkLoadDefaultModel compares loading the built-in model from
// model.gz (the compact text form, gzip-compressed), from the embedded
// binary form and from the binary form with the compiled tables:
//
//	go test ./rhetoric -run XXX -bench LoadDefaultModel
func BenchmarkLoadDefaultModel(b *testing.B) {
	gz, err := os.ReadFile("model.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("gz", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseModel("model.gz", gz); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseBinary("model.bin", defaultModel); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What DefaultModel does: model.bin's header and names, model.tab's
	// tables (the weight rows are copied when they are off a cache line;
	// spareRows serves only the first load).
	b.Run("tab", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseBinaryTables("model.bin", defaultModel, defaultTables); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAnalyzeModel compares end-to-end analysis with the built-in
// model (the default) and without it (NoModel), on one core, so the cost of
// the learned layer is measured in one run:
//
//	go test ./rhetoric -run XXX -bench AnalyzeModel -count 5
func BenchmarkAnalyzeModel(b *testing.B) { benchModelModes(b, false) }

// BenchmarkAnalyzeModelJSON is BenchmarkAnalyzeModel with each report
// encoded as the command's JSONL output is (Report.AppendJSON into a
// reused buffer): the learned layer's whole cost includes writing its
// scores and reasons, which make the output about twice as large.
//
//	go test ./rhetoric -run XXX -bench AnalyzeModelJSON -cpu 1 -count 6
func BenchmarkAnalyzeModelJSON(b *testing.B) { benchModelModes(b, true) }

// benchModelModes analyzes the bench speeches with the built-in model and
// with NoModel, as two sub-benchmarks; with encode, each report is also
// written as JSON into a reused buffer and the output bytes per run are
// reported.
func benchModelModes(b *testing.B, encode bool) {
	texts := loadSpeeches(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	for _, bc := range []struct {
		name string
		opts Options
	}{{"model", Options{}}, {"nomodel", Options{NoModel: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			a := benchAnalyzer(b, bc.opts)
			ctx := context.Background()
			b.SetBytes(int64(n))
			b.ReportAllocs()
			var buf []byte
			out := 0
			for b.Loop() {
				out = 0
				for _, t := range texts {
					r, err := a.Analyze(ctx, Statement{Text: t})
					if err != nil {
						b.Fatal(err)
					}
					if !encode {
						continue
					}
					if buf, err = r.AppendJSON(buf[:0]); err != nil {
						b.Fatal(err)
					}
					out += len(buf)
				}
			}
			if encode {
				b.ReportMetric(float64(out), "out-bytes/op")
			}
		})
	}
}
