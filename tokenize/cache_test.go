package tokenize

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestFormCacheConcurrent looks words up from several goroutines at once,
// so that misses land while a merge is in progress, and checks that every
// lookup returns the form computed from its own text, during the run and
// after it.
func TestFormCacheConcurrent(t *testing.T) {
	compute := func(s string) *form { return &form{norm: strings.ToUpper(s), stem: s + "/" + strconv.Itoa(len(s))} }
	const words, goroutines = 20000, 4
	var c formCache
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range words {
				// Each goroutine walks the words in its own order, and
				// looks every word up twice.
				w := "w" + strconv.Itoa((i*(2*g+1))%words)
				for range 2 {
					if got, want := c.lookup(w, compute), compute(w); *got != *want {
						errs <- w + ": got " + got.norm + " " + got.stem
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	calls := 0
	for i := range words {
		w := "w" + strconv.Itoa(i)
		if got := c.lookup(w, func(s string) *form { calls++; return compute(s) }); *got != *compute(w) {
			t.Errorf("%s: got %+v after the run", w, got)
		}
	}
	if calls != 0 {
		t.Errorf("%d of %d words computed again after the run: the memo lost them", calls, words)
	}
}
