package tokenize

import (
	"iter"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// lookupConcurrently looks up the texts of walk(g) in c on goroutine g,
// for g from 0 to goroutines-1, all at once, and fails the test on any
// form that is not compute's of its own text.
func lookupConcurrently(t *testing.T, c *formCache, compute func(string) form, goroutines int, walk func(g int) iter.Seq[string]) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w := range walk(g) {
				if got, want := c.lookupForm(w, compute), compute(w); got != want {
					errs <- w + ": got " + got.norm + " " + got.stem
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestFormCacheConcurrent looks words up from several goroutines at once,
// so that misses land while a merge is in progress, and checks that every
// lookup returns the form computed from its own text, during the run and
// after it.
func TestFormCacheConcurrent(t *testing.T) {
	compute := func(s string) form { return form{norm: strings.ToUpper(s), stem: s + "/" + strconv.Itoa(len(s))} }
	const words, goroutines = 20000, 4
	var c formCache
	lookupConcurrently(t, &c, compute, goroutines, func(g int) iter.Seq[string] {
		return func(yield func(string) bool) {
			for i := range words {
				// Each goroutine walks the words in its own order, and
				// looks every word up twice. Every tenth word is longer.
				w := "w" + strconv.Itoa((i*(2*g+1))%words)
				if i%10 == 0 {
					w += "-longer-than-a-key"
				}
				for range 2 {
					if !yield(w) {
						return
					}
				}
			}
		}
	})
	calls := 0
	for i := range words {
		w := "w" + strconv.Itoa(i)
		if i%10 == 0 {
			// the goroutine with g = 0 walked the words in order
			w += "-longer-than-a-key"
		}
		if got := c.lookupForm(w, func(s string) form { calls++; return compute(s) }); got != compute(w) {
			t.Errorf("%s: got %+v after the run", w, got)
		}
	}
	if calls != 0 {
		t.Errorf("%d of %d words computed again after the run: the memo lost them", calls, words)
	}
}

// TestFormCacheKeys checks texts that a careless arena could confuse:
// trailing zero bytes, an empty text and normal form, multibyte texts and
// the longest memoised one.
func TestFormCacheKeys(t *testing.T) {
	compute := func(s string) form { return form{norm: strings.TrimRight(s, "\x00"), stem: "<" + s + ">"} }
	texts := []string{"ab", "ab\x00", "ab\x00\x00", "", "\x00", strings.Repeat("x", 15), strings.Repeat("x", 16), strings.Repeat("é", 8), strings.Repeat("y", maxMemoLen)}
	var c formCache
	for range 2 {
		for _, text := range texts {
			if got, want := c.lookupForm(text, compute), compute(text); got != want {
				t.Errorf("%q: got %+v, want %+v", text, got, want)
			}
		}
	}
}

// TestFormCacheRestart looks up more distinct texts than the memo keeps,
// from four goroutines at once, so that generations start again while
// merges are in progress, and checks that every form is still right, and
// that the memo started again rather than growing past its bound.
func TestFormCacheRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("looks up 300,000 texts")
	}
	compute := func(s string) form { return form{norm: s, stem: s[:len(s)/2]} }
	var c formCache
	const n, goroutines = 2*maxCacheEntries + 1000, 4
	lookupConcurrently(t, &c, compute, goroutines, func(g int) iter.Seq[string] {
		return func(yield func(string) bool) {
			for i := g; i < n; i += goroutines {
				if !yield(strconv.Itoa(i * 7919)) {
					return
				}
			}
		}
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen < 3 || c.added > maxCacheEntries {
		t.Errorf("after %d texts: generation %d with %d records, want generation 3 or more with at most %d", n, c.gen, c.added, maxCacheEntries)
	}
}
