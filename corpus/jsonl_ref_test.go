package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/jsonline"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// The encoding/json-based decoder that ParseJSON used before the one-pass
// decoder of internal/jsonline; the fuzz target below holds the two to the
// same statements and the same error messages.

// parseJSONRef decodes one JSON object as a statement: "text" (required, a
// string), "id", "speaker", "date", "language" (or "lang"), an optional
// "meta" object, and any other field as metadata (strings as they are,
// other values as compact JSON, null as absent).
func parseJSONRef(line []byte) (rhetoric.Statement, error) {
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
					SetField(&st, k, jsonTextRef(m[k]))
				}
				continue
			}
		}
		SetField(&st, k, jsonTextRef(v))
	}
	return st, nil
}

// jsonTextRef renders a JSON value as metadata text: a string's content, null
// as "", anything else as compact JSON.
func jsonTextRef(v json.RawMessage) string {
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

// FuzzParseJSONSame checks that the one-pass decoder, reused from line to
// line as a reader does, gives what the encoding/json decoder gave.
func FuzzParseJSONSame(f *testing.F) {
	for _, s := range []string{
		`{"text":"a"}`, `{"id":1,"text":"","meta":{"a":[1]}}`, `[1]`, `{"text":`, "{\"text\":\"\xe9\"}",
		`{"id":"a","speaker":"S","date":"d","lang":"ru","text":"T\u00e9\n","n":3.0,"ok":true,"x":null,"l":[1, "2"]}`,
		`{"text":"T","meta":{"country":"R","speaker":"S"},"meta":null}`, `{"text":"x","text":null}`,
		`{"text":"\ud800"}`, `{"text":1}`, `null`, ` {"text" : "a" , "Meta":{"ID":"q"}} `,
	} {
		f.Add([]byte(s))
	}
	var l jsonline.Line
	f.Fuzz(func(t *testing.T, line []byte) {
		want, werr := parseJSONRef(line)
		got, gerr := parseJSON(line, &l)
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("%q: err = %v, want %v", line, gerr, werr)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", line, diff)
		}
	})
}

// BenchmarkParseJSON compares the two decoders on a speech-sized line.
func BenchmarkParseJSON(b *testing.B) {
	para := strings.Repeat(`We call on all parties to respect \"international law\", the principles of the Charter and a ceasefire.\n`, 60)
	line := []byte(`{"id":"UKR_77_2022","country":"Ukraine","year":2022,"session":77,"text":"` + para + `"}`)
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseJSONRef(line); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one-pass", func(b *testing.B) {
		var l jsonline.Line
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseJSON(line, &l); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestIndexLineEnd checks indexLineEnd against bytes.IndexAny.
func TestIndexLineEnd(t *testing.T) {
	for _, s := range []string{"", "a", "\n", "\r", "\r\n", "\n\r", "ab\ncd\r", "ab\rcd\n", strings.Repeat("x", 100) + "\r" + strings.Repeat("y", 50) + "\n",
		strings.Repeat("x", 100) + "\n" + strings.Repeat("y", 50) + "\r", strings.Repeat("z", 4000)} {
		if got, want := indexLineEnd([]byte(s)), bytes.IndexAny([]byte(s), "\r\n"); got != want {
			t.Errorf("indexLineEnd(%q) = %d, want %d", s, got, want)
		}
	}
}
