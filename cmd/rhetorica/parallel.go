package main

import (
	"context"
	"errors"
	"iter"
	"sync"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// encoder is a sink whose reports are encoded on the analysis workers, in
// parallel, so that the goroutine that writes in input order only copies
// bytes. encode appends the bytes of one report to buf (an error is the
// statement's, not the output's); write puts them out.
type encoder interface {
	encode(buf []byte, r *rhetoric.Report) ([]byte, error)
	write(b []byte) error
}

// encodeOnWorkers enables encoder; tests turn it off to compare the output
// with that of the sinks' own report methods.
var encodeOnWorkers = true

// result is one analysed statement: rhetoric's Result, and with an encoder
// its encoded report (enc, from encBufs; the Report itself is dropped).
type result struct {
	rhetoric.Result
	enc    *[]byte
	encErr error
}

// encBufs recycles the buffers of encoded reports.
var encBufs = sync.Pool{New: func() any { return new([]byte) }}

// release returns the buffer of an encoded report once it is written.
func (r *result) release() {
	if r.enc != nil {
		*r.enc = (*r.enc)[:0]
		encBufs.Put(r.enc)
		r.enc = nil
	}
}

// analyzeAll is [rhetoric.Analyzer.AnalyzeAll] with one step more on the
// workers: with enc, each report is encoded where it was analysed. Like
// AnalyzeAll it yields the results in input order, reads at most
// 4*Workers statements ahead of the consumer, stops when ctx is cancelled
// (the last result carries ctx.Err()) or the consumer stops, and returns
// only when every goroutine it started has exited.
func analyzeAll(ctx context.Context, an *rhetoric.Analyzer, in iter.Seq[rhetoric.Statement], enc encoder) iter.Seq[result] {
	return func(yield func(result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer func() {
			cancel()
			wg.Wait()
		}()
		workers := max(an.Options().Workers, 1)
		type job struct {
			idx int
			st  rhetoric.Statement
			out chan result
		}
		jobs := make(chan job)
		order := make(chan chan result, 4*workers)
		wg.Add(1 + workers)
		go func() {
			defer wg.Done()
			defer close(order)
			defer close(jobs)
			i := 0
			for st := range in {
				out := make(chan result, 1)
				select {
				case order <- out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{i, st, out}:
				case <-ctx.Done():
					out <- result{Result: rhetoric.Result{Index: i, Err: ctx.Err()}}
					return
				}
				i++
			}
		}()
		for range workers {
			go func() {
				defer wg.Done()
				for j := range jobs {
					rep, err := an.Analyze(ctx, j.st)
					r := result{Result: rhetoric.Result{Index: j.idx, Report: rep, Err: err}}
					if err == nil && enc != nil {
						r.enc = encBufs.Get().(*[]byte)
						*r.enc, r.encErr = enc.encode((*r.enc)[:0], rep)
						if r.encErr == nil {
							r.Report = &rhetoric.Report{Words: rep.Words} // the consumer notes empty statements
						}
					}
					j.out <- r
				}
			}()
		}
		next := 0
		for out := range order {
			var r result
			select {
			case r = <-out:
			case <-ctx.Done():
				r = result{Result: rhetoric.Result{Index: next, Err: ctx.Err()}}
			}
			// From here the consumer owns r (and releases its buffer).
			if err := ctx.Err(); err != nil && r.Err != nil && errors.Is(r.Err, err) {
				yield(r)
				return
			}
			if !yield(r) {
				return
			}
			next++
		}
		if err := ctx.Err(); err != nil {
			yield(result{Result: rhetoric.Result{Index: next, Err: err}})
		}
	}
}
