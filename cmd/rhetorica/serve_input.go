package main

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/rhetorica/rhetorica/internal/statement"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// This file is the server's one seam to the corpus readers: the statements
// of an uploaded file, and of an API request, are read by the same code as
// the files named on the command line. When the readers move to a public
// package, only the bodies of readUpload and parseStatement change.

// readItem is one statement read from an upload, or the problem reading
// one; pos is the file name, or name:line for JSONL and CSV.
type readItem struct {
	pos string
	st  rhetoric.Statement
	err error
}

// readUpload reads the statements of an uploaded file's bytes, choosing the
// reader by the extension of name (.txt, .md, .jsonl, .csv, .tsv). name is
// only a label: no file is opened. Every statement and every problem comes
// back in input order.
func readUpload(name string, data []byte) []readItem {
	f, ok := formatOfPath(name)
	if !ok {
		return []readItem{{pos: name, err: fmt.Errorf("unknown file type %q (want .txt, .md, .jsonl, .csv or .tsv)",
			filepath.Ext(name))}}
	}
	r := &reader{}
	src := source{path: name, format: f, size: int64(len(data))}
	var sts []rhetoric.Statement
	yield := func(st rhetoric.Statement) bool {
		sts = append(sts, st)
		return true
	}
	switch f {
	case inJSONL:
		r.readJSONL(src, bytes.NewReader(data), yield)
	case inCSV, inTSV:
		r.readCSV(src, bytes.NewReader(data), yield)
	default:
		st, err := statement.ParseText(src.name(), data)
		if err != nil {
			return []readItem{{pos: src.name(), err: err}}
		}
		return []readItem{{pos: src.name(), st: st}}
	}
	var out []readItem
	for {
		it, ok := r.q.pop()
		if !ok {
			break
		}
		if it.err != nil {
			out = append(out, readItem{pos: it.pos, err: it.err})
			continue
		}
		// Each statement was queued just before it was yielded.
		if len(sts) == 0 {
			out = append(out, readItem{pos: it.pos, err: fmt.Errorf("internal error: a statement was lost while reading (please report it)")})
			continue
		}
		out = append(out, readItem{pos: it.pos, st: sts[0]})
		sts = sts[1:]
	}
	return out
}

// parseStatement decodes one statement of an API request as a JSONL line
// is decoded: "text" (required), id, speaker, date, language, a "meta"
// object, and any other field as metadata.
func parseStatement(raw []byte) (rhetoric.Statement, error) {
	return parseJSONStatement(raw)
}
