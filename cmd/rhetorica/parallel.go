package main

import (
	"context"
	"iter"
	"sync"

	"github.com/rhetorica/rhetorica/internal/ordered"
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
// its encoded report (enc, from encBufs; the Report itself is recycled).
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
	return ordered.Map(ctx, an.Options().Workers, in, ordered.Funcs[rhetoric.Statement, result]{
		Do: func(ctx context.Context, i int, st rhetoric.Statement) result {
			rep, err := an.Analyze(ctx, st)
			r := result{Result: rhetoric.Result{Index: i, Report: rep, Err: err}}
			if err == nil && enc != nil {
				r.enc = encBufs.Get().(*[]byte)
				*r.enc, r.encErr = enc.encode((*r.enc)[:0], rep)
				if r.encErr == nil {
					r.Report = &rhetoric.Report{Words: rep.Words} // the consumer notes empty statements
					an.Recycle(rep)                               // nothing holds it: encode copied what it needed
				}
			}
			return r
		},
		Stopped: func(i int, err error) result { return result{Result: rhetoric.Result{Index: i, Err: err}} },
		Err:     func(r result) error { return r.Err },
	})
}
