package corpus_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/corpus"
)

// benchCSV is a CSV corpus of speeches of a few kilobytes, quoted, with
// line breaks and doubled quotes inside.
func benchCSV() []byte {
	var b bytes.Buffer
	b.WriteString("id,speaker,date,text\n")
	para := strings.Repeat(`We call on all parties to respect international law, the "principles" of the Charter and a ceasefire. `, 10)
	for i := range 2000 {
		b.WriteString("s")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(`,Speaker,2024-01-02,"`)
		b.WriteString(strings.ReplaceAll(para, `"`, `""`))
		b.WriteString("\n\n")
		b.WriteString(strings.ReplaceAll(para, `"`, `""`))
		b.WriteString("\"\n")
	}
	return b.Bytes()
}

// BenchmarkReadCSV compares the corpus reader, which bounds rows and
// recovers from unclosed quotes, with encoding/csv reading the same
// records (no statements built).
func BenchmarkReadCSV(b *testing.B) {
	data := benchCSV()
	b.Run("corpus", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			for rec := range corpus.Read("b.csv", bytes.NewReader(data), corpus.Options{}) {
				if rec.Err != nil {
					b.Fatal(rec.Err)
				}
				n++
			}
			if n != 2000 {
				b.Fatalf("%d statements", n)
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(data))
			n := 0
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != 2001 {
				b.Fatalf("%d records", n)
			}
		}
	})
}
