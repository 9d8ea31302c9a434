package formindex_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/rhetorica/rhetorica/internal/formindex"
	_ "github.com/rhetorica/rhetorica/internal/testutil" // defines -update for go test ./... -update
)

func TestIndexes(t *testing.T) {
	var f formindex.Indexes[atomic.Int32]
	if f.Index(0) != nil {
		t.Error("space 0 got an index")
	}
	var nilF *formindex.Indexes[atomic.Int32]
	if nilF.Index(1) != nil {
		t.Error("a nil Indexes gave an index")
	}
	a := f.Index(7)
	if a == nil || f.Index(7) != a {
		t.Fatal("a space's index is not stable")
	}
	for space := uint64(8); space < 7+formindex.MaxSpaces; space++ {
		if f.Index(space) == nil {
			t.Errorf("space %d found no free place", space)
		}
	}
	if f.Index(100) != nil {
		t.Errorf("more than %d spaces got an index", formindex.MaxSpaces)
	}
	for _, id := range []uint32{0, formindex.MaxID, formindex.MaxID + 5} {
		if a.Slot(id) != nil {
			t.Errorf("id %d got a slot", id)
		}
	}
	var nilX *formindex.Index[atomic.Int32]
	if nilX.Slot(1) != nil {
		t.Error("a nil Index gave a slot")
	}
	// Slots are stable and distinct, also when goroutines race for them.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := uint32(1); id < 5000; id++ {
				a.Slot(id).CompareAndSwap(0, int32(id))
				if got := a.Slot(id).Load(); got != int32(id) {
					t.Errorf("goroutine %d: slot %d holds %d", g, id, got)
					return
				}
			}
		}()
	}
	wg.Wait()
	if a.Slot(formindex.MaxID-1) == a.Slot(formindex.MaxID-2) {
		t.Error("two IDs share a slot")
	}
}

func ExampleIndexes() {
	var lengths formindex.Indexes[atomic.Int32] // by form ID: 1 + the word's length
	x := lengths.Index(1)                       // the index of tokenizer (form space) 1
	sl := x.Slot(42)                            // form ID 42
	if sl.Load() == 0 {
		sl.Store(1 + int32(len("sovereignty")))
	}
	fmt.Println(x.Slot(42).Load() - 1)
	// Output: 11
}
