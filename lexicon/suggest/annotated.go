package suggest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Item is one annotated sentence: its text and the devices a reader found in
// it. It is plain data; the zero value is an unlabelled empty sentence.
type Item struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Devices []string `json:"devices"`
}

// ErrAnnotated is the sentinel of every problem [ReadAnnotated] reports.
var ErrAnnotated = errors.New("suggest: bad annotated line")

// LineError is a problem with one line of an annotated file.
type LineError struct {
	File string // the name given to ReadAnnotated
	Line int    // 1-based line number
	Msg  string
}

// Error returns "file:line: message".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Unwrap returns [ErrAnnotated].
func (e *LineError) Unwrap() error { return ErrAnnotated }

// maxLine bounds one JSON line (a sentence with its fields).
const maxLine = 1 << 20

// ReadAnnotated reads annotated sentences in JSON Lines, one object per line
// with the fields id, text and devices (others, such as targets or sampling,
// are ignored), as in the project's train.jsonl and dev.jsonl. Blank lines
// are skipped; a byte order mark and \r\n line ends are accepted. Every
// line that is not such an object, or has no text, is reported as a
// [LineError] naming name and the line; all of them are returned together
// (joined with [errors.Join]) with the items of the good lines, so a caller
// can choose to go on or stop. An I/O error ends the reading.
func ReadAnnotated(name string, r io.Reader) ([]Item, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var items []Item
	var errs []error
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		var it Item
		dec := json.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(&it); err != nil {
			errs = append(errs, &LineError{name, line, "not a JSON object with id, text and devices: " + plainJSONError(err)})
			continue
		}
		if dec.More() {
			errs = append(errs, &LineError{name, line, "more than one JSON value on the line"})
			continue
		}
		if strings.TrimSpace(it.Text) == "" {
			errs = append(errs, &LineError{name, line, fmt.Sprintf("item %q has no text", it.ID)})
			continue
		}
		if it.ID == "" {
			it.ID = fmt.Sprintf("%s:%d", name, line)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = &LineError{name, line + 1, fmt.Sprintf("line longer than %d bytes", maxLine)}
		} else {
			err = fmt.Errorf("suggest: %s: %w", name, err)
		}
		errs = append(errs, err)
	}
	return items, errors.Join(errs...)
}

// plainJSONError shortens encoding/json's messages.
func plainJSONError(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}
