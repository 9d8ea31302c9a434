package statement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// ParseJSON decodes one JSONL object: id, speaker, date, language,
// text, an optional meta object, and any other field as metadata (strings as
// they are, other values as JSON).
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
				for mk, mv := range m {
					SetField(&st, mk, jsonText(mv))
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
