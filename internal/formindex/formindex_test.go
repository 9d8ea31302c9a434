package formindex_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestKnown(t *testing.T) {
	var f formindex.Indexes[atomic.Uint64]
	x := f.Index(3)
	x.Slot(5) // allocates the chunk of IDs 0 to 1023
	var nilX *formindex.Index[atomic.Uint64]
	for _, tc := range []struct {
		name string
		x    *formindex.Index[atomic.Uint64]
		id   uint32
		want string // "slot": Known gives Slot's slot; "nil": it gives nil
	}{
		{"allocated chunk", x, 5, "slot"},
		{"same chunk, other ID", x, 1023, "slot"},
		{"chunk not allocated yet", x, 1024, "nil"},
		{"ID 0", x, 0, "nil"},
		{"ID MaxID", x, formindex.MaxID, "nil"},
		{"nil index", nilX, 5, "nil"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.x.Known(tc.id)
			kind := "nil"
			if got != nil {
				kind = "slot"
				if got != tc.x.Slot(tc.id) {
					kind = "other slot"
				}
			}
			if diff := cmp.Diff(tc.want, kind); diff != "" {
				t.Errorf("Known(%d) (-want +got):\n%s", tc.id, diff)
			}
		})
	}
	if x.Slot(1024) == nil || x.Known(1024) != x.Slot(1024) {
		t.Error("Slot did not allocate the chunk Known reads")
	}
}
