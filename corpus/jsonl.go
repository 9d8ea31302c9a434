package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// readJSONL reads one statement per line; blank lines are skipped.
func readJSONL(name string, br *bufio.Reader, opts Options, yield func(Record) bool) {
	lr := &lineReader{br: br, max: opts.maxBytes()}
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
		st, err := ParseJSON(line)
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
	var st rhetoric.Statement
	if !utf8.Valid(line) {
		return st, InvalidUTF8("the line", string(line))
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return st, errors.New("not a JSON object (each line must be one object with a \"text\" field)")
		}
		return st, fmt.Errorf("invalid JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	raw, ok := obj["text"]
	if !ok {
		return st, errors.New("missing \"text\" field")
	}
	if err := json.Unmarshal(raw, &st.Text); err != nil {
		return st, errors.New("\"text\" is not a string")
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := obj[k]
		switch k {
		case "text":
			continue
		case "meta":
			var m map[string]json.RawMessage
			if err := json.Unmarshal(v, &m); err == nil {
				mk := make([]string, 0, len(m))
				for k := range m {
					mk = append(mk, k)
				}
				slices.Sort(mk)
				for _, k := range mk {
					SetField(&st, k, jsonText(m[k]))
				}
				continue
			}
		}
		SetField(&st, k, jsonText(v))
	}
	return st, nil
}

// jsonText renders a JSON value as metadata text: a string's content, null
// as "", anything else as compact JSON.
func jsonText(v json.RawMessage) string {
	if len(v) > 0 && v[0] == '"' {
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	}
	if string(v) == "null" {
		return ""
	}
	var b bytes.Buffer
	if json.Compact(&b, v) == nil {
		return b.String()
	}
	return string(v)
}
