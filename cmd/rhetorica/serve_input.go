package main

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// This file is the server's one seam to the corpus readers: the statements
// of an uploaded file, and of an API request, are read by the corpus
// package, as the files named on the command line are.

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
	if _, ok := corpus.FormatOf(name); !ok {
		return []readItem{{pos: name, err: fmt.Errorf("unknown file type %q (want .txt, .md, .jsonl, .csv or .tsv)",
			filepath.Ext(name))}}
	}
	var out []readItem
	for rec := range corpus.Read(name, bytes.NewReader(data), corpus.Options{}) {
		out = append(out, readItem{pos: rec.Pos, st: rec.Statement, err: rec.Err})
	}
	return out
}

// parseStatement decodes one statement of an API request as a JSONL line
// is decoded: "text" (required), id, speaker, date, language, a "meta"
// object, and any other field as metadata.
func parseStatement(raw []byte) (rhetoric.Statement, error) {
	return corpus.ParseJSON(raw)
}
