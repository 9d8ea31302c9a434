package tokenize

import (
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the prose model")
	}
	tk, err := New(Options{Tag: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tk.Tokenize("Russia’s troops don't leave. We’ve asked the U.N. to act.")
	if err != nil {
		t.Fatal(err)
	}
	type tt struct{ Text, Tag string }
	var got []tt
	for _, x := range doc.Tokens {
		got = append(got, tt{x.Text, x.Tag})
	}
	want := []tt{
		{"Russia", "NNP"}, {"’s", "POS"}, {"troops", "NNS"}, {"do", "VBP"}, {"n't", "RB"}, {"leave", "VB"}, {".", "."},
		{"We", "PRP"}, {"’ve", "VBP"}, {"asked", "VBN"}, {"the", "DT"}, {"U.N.", "NNP"}, {"to", "TO"}, {"act", "VB"}, {".", "."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tags mismatch (-want +got):\n%s", diff)
	}
	if !doc.Tagged || doc.Unaligned != 0 {
		t.Errorf("Tagged = %v, Unaligned = %d; want true, 0", doc.Tagged, doc.Unaligned)
	}
	checkInvariants(t, doc)
}

func TestTagQuotedWord(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the prose model")
	}
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	// prose alone drops 'sanctions' (a word opening with a quote and s);
	// given our tokens it keeps it, and the words after it align.
	doc, _ := tk.Tokenize("The 'sanctions' failed badly...")
	if err := tk.Tag(doc); err != nil {
		t.Fatal(err)
	}
	type tt struct{ Text, Tag string }
	var got []tt
	for _, x := range doc.Tokens {
		got = append(got, tt{x.Text, x.Tag})
	}
	want := []tt{{"The", "DT"}, {"'", "POS"}, {"sanctions", "NNS"}, {"'", "POS"}, {"failed", "VBD"}, {"badly", "RB"}, {"...", "."}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tags mismatch (-want +got):\n%s", diff)
	}
	if doc.Unaligned != 0 {
		t.Errorf("Unaligned = %d, want 0", doc.Unaligned)
	}
}

func TestEntities(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the prose model")
	}
	tk, err := New(Options{Entities: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tk.Tokenize("President Biden met the United Nations in New York.")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Entities {
		s := doc.Text[doc.Tokens[e.First].Start:doc.Tokens[e.Last-1].End]
		got = append(got, e.Label+":"+s)
	}
	want := []string{"PERSON:Biden", "ORGANIZATION:United Nations", "GPE:New York"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entities mismatch (-want +got):\n%s", diff)
	}
}

// TestTagConcurrent runs tagging from many goroutines on one Tokenizer;
// run with -race.
func TestTagConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the prose model")
	}
	tk, err := New(Options{Entities: true})
	if err != nil {
		t.Fatal(err)
	}
	texts := make([]string, 8)
	want := make([]*Document, len(texts))
	for i := range texts {
		texts[i] = fmt.Sprintf("Statement %d: Russia’s envoy met Dr. Ng in Geneva. They don't agree on point %d.", i, i)
		want[i], err = tk.Tokenize(texts[i])
		if err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 3; r++ {
				i := (g + r) % len(texts)
				doc, err := tk.Tokenize(texts[i])
				if err != nil {
					errs <- err.Error()
					return
				}
				if diff := cmp.Diff(want[i], doc); diff != "" {
					errs <- diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent tagging differs from sequential (-want +got):\n%s", e)
	}
}
