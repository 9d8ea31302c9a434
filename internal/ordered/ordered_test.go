package ordered_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/ordered"
	_ "github.com/rhetorica/rhetorica/internal/testutil" // defines -update for go test ./... -update
)

type res struct {
	I   int
	V   int
	Err error
}

// square returns Funcs that square their input after a delay that varies
// with the index, so that workers finish out of order.
func square(active *atomic.Int32) ordered.Funcs[int, res] {
	return ordered.Funcs[int, res]{
		Do: func(ctx context.Context, i, x int) res {
			if active != nil {
				active.Add(1)
				defer active.Add(-1)
			}
			time.Sleep(time.Duration((i*7)%5) * 50 * time.Microsecond)
			return res{I: i, V: x * x}
		},
		Stopped: func(i int, err error) res { return res{I: i, Err: err} },
		Err:     func(r res) error { return r.Err },
	}
}

func TestMapKeepsInputOrder(t *testing.T) {
	tests := []struct {
		workers, n int
	}{
		{0, 0}, {1, 1}, {1, 50}, {2, 50}, {8, 200}, {3, 7},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("workers=%d/n=%d", tt.workers, tt.n), func(t *testing.T) {
			var want []res
			for i := range tt.n {
				want = append(want, res{I: i, V: (i + 1) * (i + 1)})
			}
			in := func(yield func(int) bool) {
				for i := range tt.n {
					if !yield(i + 1) {
						return
					}
				}
			}
			got := slices.Collect(ordered.Map(context.Background(), tt.workers, iter.Seq[int](in), square(nil)))
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return errors.Is(a, b) })); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMapStopsEarly checks that a consumer that stops finds no worker
// still running once the loop is left, and that at most 4*workers
// elements beyond those consumed were read.
func TestMapStopsEarly(t *testing.T) {
	var active atomic.Int32
	var read atomic.Int32
	in := func(yield func(int) bool) {
		for i := range 1000 {
			read.Add(1)
			if !yield(i) {
				return
			}
		}
	}
	const workers, take = 2, 10
	n := 0
	for r := range ordered.Map(context.Background(), workers, in, square(&active)) {
		if r.I != n {
			t.Fatalf("result %d has index %d", n, r.I)
		}
		n++
		if n == take {
			break
		}
	}
	if a := active.Load(); a != 0 {
		t.Errorf("%d workers still running after the loop ended", a)
	}
	// take consumed, 4*workers queued, one per worker in hand, one held by
	// the reader when it saw the cancellation.
	if got, limit := read.Load(), int32(take+4*workers+workers+2); got > limit {
		t.Errorf("read %d elements ahead of a consumer that took %d, limit %d", got, take, limit)
	}
}

// TestMapCancelled checks that cancelling the context ends the stream with
// a result carrying the context's error, after contiguous indexes.
func TestMapCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
	var got []res
	for r := range ordered.Map(ctx, 2, in, square(nil)) {
		got = append(got, r)
		if len(got) == 20 {
			cancel()
		}
		if len(got) > 1000 {
			t.Fatal("the stream went on after its context was cancelled")
		}
	}
	last := got[len(got)-1]
	if !errors.Is(last.Err, context.Canceled) {
		t.Errorf("last result %+v, want one carrying context.Canceled", last)
	}
	for i, r := range got {
		if r.I != i {
			t.Fatalf("result %d has index %d", i, r.I)
		}
		if i < len(got)-1 && r.Err != nil {
			t.Errorf("result %d carries %v before the last", i, r.Err)
		}
	}
}

// TestMapCancelledSkipsQueued checks that once the context is cancelled
// the elements already queued for the workers are not worked on: Do runs
// only for the element that cancels.
func TestMapCancelledSkipsQueued(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := func(yield func(int) bool) {
		for i := range 100 {
			if !yield(i) {
				return
			}
		}
	}
	var calls atomic.Int32
	f := ordered.Funcs[int, res]{
		Do: func(_ context.Context, i, x int) res {
			calls.Add(1)
			if i == 0 {
				// Let the reader fill the queue before cancelling.
				time.Sleep(20 * time.Millisecond)
				cancel()
			}
			return res{I: i, V: x}
		},
		Stopped: func(i int, err error) res { return res{I: i, Err: err} },
		Err:     func(r res) error { return r.Err },
	}
	var last res
	for r := range ordered.Map(ctx, 1, in, f) {
		last = r
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("Do ran %d times, want once (only the element that cancelled)", n)
	}
	if !errors.Is(last.Err, context.Canceled) {
		t.Errorf("last result %+v, want one carrying context.Canceled", last)
	}
}

func ExampleMap() {
	words := slices.Values([]string{"peace", "sovereignty", "law"})
	lengths := ordered.Map(context.Background(), 2, words, ordered.Funcs[string, int]{
		Do:      func(_ context.Context, _ int, w string) int { return len(w) },
		Stopped: func(int, error) int { return -1 },
		Err:     func(int) error { return nil },
	})
	for n := range lengths {
		fmt.Println(n)
	}
	// Output:
	// 5
	// 11
	// 3
}
