// Package ordered maps a function over a stream on several goroutines and
// yields the results in input order, holding a bounded number in memory.
// It is the one implementation of that pattern in the module: the
// analyzer's [rhetoric.Analyzer.AnalyzeAll] and the command's pipeline,
// which also encodes each report on its worker, are both built on [Map].
package ordered

import (
	"context"
	"errors"
	"iter"
	"sync"
)

// Funcs are the three things [Map] needs to know about a result type.
type Funcs[In, Out any] struct {
	// Do computes the result of the element at index i. ctx is cancelled
	// when the iteration ends early, so a long Do can stop.
	Do func(ctx context.Context, i int, x In) Out
	// Stopped is the result that stands for the element at index i when
	// the iteration is cancelled before it is done; err is ctx.Err().
	Stopped func(i int, err error) Out
	// Err is the error a result carries, or nil.
	Err func(Out) error
}

// Map applies f.Do to every element of in on workers goroutines (at least
// one) and yields the results in input order. One more goroutine ranges
// over in, so in must tolerate being iterated from another goroutine, as
// any ordinary sequence does; at most 4*workers elements are read ahead of
// the consumer. A nil in is an empty sequence.
//
// When ctx is cancelled the iteration stops: the last result yielded
// carries ctx.Err() (f.Stopped's, or a result of Do that failed with it).
// When the iteration ends, early or not, every goroutine Map started has
// exited; a stopped iteration therefore waits for in to produce its next
// element or end.
func Map[In, Out any](ctx context.Context, workers int, in iter.Seq[In], f Funcs[In, Out]) iter.Seq[Out] {
	if in == nil {
		// Ranging over nil would panic on the reading goroutine, where
		// the caller cannot recover it.
		in = func(func(In) bool) {}
	}
	return func(yield func(Out) bool) {
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer func() {
			cancel()
			wg.Wait()
		}()
		workers = max(workers, 1)
		type job struct {
			idx int
			x   In
			out chan Out
		}
		// order holds each element's result channel in input order; its
		// capacity bounds the read-ahead. jobs has the same capacity, so
		// that a worker finds its next element waiting instead of waiting
		// for the reading goroutine to be scheduled: with every P busy
		// working, that goroutine can wait for a P for a whole
		// scheduling quantum, and an unbuffered hand-off idled the
		// workers meanwhile (5% of their time on two cores).
		window := 4 * workers
		jobs := make(chan job, window)
		order := make(chan chan Out, window)
		wg.Add(1 + workers)
		go func() {
			defer wg.Done()
			defer close(order)
			defer close(jobs)
			i := 0
			for x := range in {
				out := make(chan Out, 1)
				select {
				case order <- out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{i, x, out}:
				case <-ctx.Done():
					out <- f.Stopped(i, ctx.Err())
					return
				}
				i++
			}
		}()
		for range workers {
			go func() {
				defer wg.Done()
				for j := range jobs {
					if err := ctx.Err(); err != nil {
						// Cancelled: the elements still queued are not
						// worked on.
						j.out <- f.Stopped(j.idx, err)
						continue
					}
					j.out <- f.Do(ctx, j.idx, j.x)
				}
			}()
		}
		next := 0
		for out := range order {
			var r Out
			select {
			case r = <-out:
			case <-ctx.Done():
				r = f.Stopped(next, ctx.Err())
			}
			if err := ctx.Err(); err != nil {
				if rerr := f.Err(r); rerr != nil && errors.Is(rerr, err) {
					yield(r)
					return
				}
			}
			if !yield(r) {
				return
			}
			next++
		}
		if err := ctx.Err(); err != nil {
			yield(f.Stopped(next, err))
		}
	}
}
