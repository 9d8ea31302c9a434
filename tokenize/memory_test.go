package tokenize

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// longLine returns a single line of about n bytes without any line break:
// UN speeches from ../shared with their line breaks turned into spaces when
// available, else a synthetic paragraph.
func longLine(n int) string {
	var sb strings.Builder
	sb.Grow(n + 512)
	if shared := testutil.Shared(); shared != "" {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", "*", "*.txt"))
		for _, f := range files {
			if sb.Len() >= n {
				break
			}
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, c := range data {
				if c == '\n' || c == '\r' {
					c = ' '
				}
				sb.WriteByte(c)
			}
			sb.WriteByte(' ')
		}
		if sb.Len() >= n {
			return sb.String()
		}
	}
	para := "Mr. President, the U.S.-led coalition don't accept Russia’s so-called “referendums” (No. 5, Art. 51); " +
		"see https://un.org/en/a_b or mail info@un.org. 1,000 troops — 3.5% — left on 2024-12-05... Why? "
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(para)
		// vary the vocabulary a little so the memo sees new words
		sb.WriteString("word")
		sb.WriteByte(byte('a' + i%26))
		sb.WriteByte(byte('a' + (i/26)%26))
		sb.WriteString(". ")
	}
	return sb.String()
}

func allocatedBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLongLineStreaming checks that streaming the tokens of a 16 MB single
// line allocates almost nothing: memory does not grow with the input.
func TestLongLineStreaming(t *testing.T) {
	size := 16 << 20
	if testing.Short() || raceEnabled {
		size = 4 << 20
	}
	text := longLine(size)
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	first := allocatedBytes(func() {
		for range tk.All(text) {
			n++
		}
	})
	if n < len(text)/10 {
		t.Fatalf("only %d tokens in %d bytes", n, len(text))
	}
	// The first pass fills the memo, which is bounded by maxCacheEntries
	// whatever the input; once it holds the vocabulary, a pass allocates
	// (almost) nothing.
	second := allocatedBytes(func() {
		for range tk.All(text) {
		}
	})
	t.Logf("streaming %d bytes (%d tokens): first pass allocated %d bytes (memo), second %d", len(text), n, first, second)
	if limit := uint64(64 << 20); first > limit {
		t.Errorf("first pass allocated %d bytes, want at most %d", first, limit)
	}
	if limit := uint64(1 << 20); second > limit {
		t.Errorf("second pass allocated %d bytes, want at most %d", second, limit)
	}
}

// TestLongLineDocument checks that a Document of a long single line costs
// memory linear in the input and nothing per token beyond the slices: a
// Token is 88 bytes and English has one every five bytes or so, so the
// token slice alone is about 18-22 bytes per input byte; parts, sentences
// and the segmenter's scratch add a little. (Use [Tokenizer.All] or a
// [Scanner] to stream huge inputs in constant memory.)
func TestLongLineDocument(t *testing.T) {
	size := 16 << 20
	if testing.Short() || raceEnabled {
		size = 2 << 20
	}
	text := longLine(size)
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc *Document
	got := allocatedBytes(func() {
		doc, err = tk.Tokenize(text)
	})
	if err != nil {
		t.Fatal(err)
	}
	perToken := float64(got) / float64(len(doc.Tokens))
	perByte := float64(got) / float64(len(text))
	t.Logf("%d bytes, %d tokens, %d sentences: allocated %d bytes (%.1f per input byte, %.1f per token)",
		len(text), len(doc.Tokens), len(doc.Sentences), got, perByte, perToken)
	// Every token, compound part and sentence is stored once, with at most
	// as much again in spare capacity and scratch: two Tokens' worth per
	// token and per part, two Sentences' worth per sentence. (Real
	// speeches have few parts and sentences per token; the synthetic text
	// used without ../shared has many more, so they must be counted.)
	tokSize, sentSize := float64(unsafe.Sizeof(Token{})), float64(unsafe.Sizeof(Sentence{}))
	limit := 2 * (tokSize*float64(len(doc.Tokens)+len(doc.Parts)) + sentSize*float64(len(doc.Sentences)))
	if float64(got) > limit {
		t.Errorf("allocated %d bytes (%.1f per token) for %d tokens, %d parts and %d sentences, want at most %.0f",
			got, perToken, len(doc.Tokens), len(doc.Parts), len(doc.Sentences), limit)
	}
	if perByte > 40 {
		t.Errorf("allocated %.1f bytes per input byte, want at most 40", perByte)
	}
}

// TestAllocsPerToken checks the reuse path: tokenizing into a reused
// Document allocates far less than once per token.
func TestAllocsPerToken(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	text := longLine(64 << 10)
	tk, _ := New(Options{})
	var doc Document
	_ = tk.TokenizeInto(&doc, text)
	allocs := testing.AllocsPerRun(5, func() { _ = tk.TokenizeInto(&doc, text) })
	if perTok := allocs / float64(len(doc.Tokens)); perTok > 0.01 {
		t.Errorf("TokenizeInto allocates %.3f times per token (%v per run, %d tokens)", perTok, allocs, len(doc.Tokens))
	}
	allocs = testing.AllocsPerRun(5, func() { _, _ = tk.Tokenize(text) })
	if perTok := allocs / float64(len(doc.Tokens)); perTok > 0.05 {
		t.Errorf("Tokenize allocates %.3f times per token (%v per run, %d tokens)", perTok, allocs, len(doc.Tokens))
	}
}

// TestLongWord checks that a single 16 MB "word" costs a small multiple of
// its size: one normalised copy, no memo entry and no stemming.
func TestLongWord(t *testing.T) {
	size := 16 << 20
	if testing.Short() || raceEnabled {
		size = 2 << 20
	}
	text := strings.Repeat("Abcdefgh", size/8)
	tk, _ := New(Options{})
	var doc *Document
	got := allocatedBytes(func() { doc, _ = tk.Tokenize(text) })
	if len(doc.Tokens) != 1 || doc.Tokens[0].Stem != doc.Tokens[0].Norm {
		t.Fatalf("got %d tokens", len(doc.Tokens))
	}
	if limit := uint64(3 * len(text)); got > limit {
		t.Errorf("a %d-byte word allocated %d bytes, want at most %d", len(text), got, limit)
	}
}
