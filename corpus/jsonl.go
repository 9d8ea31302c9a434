package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"

	"github.com/rhetorica/rhetorica/internal/jsonline"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// readJSONL reads one statement per line; blank lines are skipped.
func readJSONL(name string, br *bufio.Reader, opts Options, yield func(Record) bool) {
	lr := &lineReader{br: br, max: opts.maxBytes()}
	var jl jsonline.Line // one per reader, so its buffers are reused
	for {
		line, err := lr.next()
		pos := name + ":" + strconv.Itoa(lr.line)
		var tl errLineTooLong
		switch {
		case err == nil:
		case errors.As(err, &tl):
			if !yield(Record{Pos: pos, Lines: 1, Err: tooLarge("the line", tl.max)}) {
				return
			}
			continue
		default:
			if err != io.EOF {
				yield(Record{Pos: name, Err: readError(err)})
			}
			return
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		st, err := parseJSON(line, &jl)
		if err != nil {
			if !yield(Record{Pos: pos, Lines: 1, Err: err}) {
				return
			}
			continue
		}
		if st.ID == "" {
			st.ID = pos
		}
		if !yield(Record{Pos: pos, Lines: 1, Statement: st}) {
			return
		}
	}
}

// ParseJSON decodes one JSON object as a statement: "text" (required, a
// string), "id", "speaker", "date", "language" (or "lang"), an optional
// "meta" object, and any other field as metadata (strings as they are,
// other values as compact JSON, null as absent).
func ParseJSON(line []byte) (rhetoric.Statement, error) {
	var l jsonline.Line
	return parseJSON(line, &l)
}

// parseJSON is [ParseJSON] decoding through l, whose memory a reader
// reuses from line to line. The decoder checks the UTF-8 and unquotes the
// text in one pass over the line; see internal/jsonline.
func parseJSON(line []byte, l *jsonline.Line) (rhetoric.Statement, error) {
	var st rhetoric.Statement
	if err := jsonline.Decode(line, l); err != nil {
		return st, err
	}
	st.Text = l.Text
	for _, f := range l.Fields {
		SetField(&st, f.Key, f.Value)
	}
	return st, nil
}
