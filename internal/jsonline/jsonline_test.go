package jsonline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// reference decodes a line with encoding/json the way the command-line
// tool did before this package: check UTF-8, decode into a map of raw
// messages, decode "text", and render every other field (a "meta" object
// spread into its fields) as text. Keys are visited in sorted order, and a
// meta object's keys too, which the map-based original left to chance.
func reference(line []byte) (Line, error) {
	var l Line
	if !utf8.Valid(line) {
		return l, slowError(line)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return l, ErrNotObject
		}
		return l, fmt.Errorf("invalid JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	raw, ok := obj["text"]
	if !ok {
		return l, ErrMissingText
	}
	if err := json.Unmarshal(raw, &l.Text); err != nil {
		return Line{}, ErrTextType
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
					l.Fields = append(l.Fields, Field{k, refText(m[k])})
				}
				continue
			}
		}
		l.Fields = append(l.Fields, Field{k, refText(v)})
	}
	return l, nil
}

// refText renders a raw JSON value as metadata text.
func refText(v json.RawMessage) string {
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

// check decodes line with Decode (into l, reused) and with the reference,
// and fails on any difference.
func check(t *testing.T, l *Line, line string) {
	t.Helper()
	want, wantErr := reference([]byte(line))
	err := Decode([]byte(line), l)
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("Decode(%q) error = %v, want %v", line, err, wantErr)
	}
	if err != nil {
		if l.Text != "" || len(l.Fields) != 0 {
			t.Fatalf("Decode(%q) failed but left %q %v", line, l.Text, l.Fields)
		}
		return
	}
	got := Line{Text: l.Text, Fields: l.Fields}
	if len(got.Fields) == 0 {
		got.Fields = nil
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(Line{}), cmpopts.IgnoreUnexported(Line{})); diff != "" {
		t.Fatalf("Decode(%q) (-want +got):\n%s", line, diff)
	}
}

var cases = []struct {
	name, line string
	want       Line
	err        string
}{
	{name: "text only", line: `{"text":"Peace now."}`, want: Line{Text: "Peace now."}},
	{name: "fields sorted", line: `{"text":"t","speaker":"UKR","id":"s1","date":"2024-09-25"}`,
		want: Line{Text: "t", Fields: []Field{{"date", "2024-09-25"}, {"id", "s1"}, {"speaker", "UKR"}}}},
	{name: "escapes", line: `{"text":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00\ud800x"}`, want: Line{Text: "a\"b\\c/d\n\té😀\ufffdx"}},
	{name: "other values as JSON", line: `{"text":"t","n":1.5e3,"b":true,"z":null,"a":[1, {"x" : 2}]}`,
		want: Line{Text: "t", Fields: []Field{{"a", `[1,{"x":2}]`}, {"b", "true"}, {"n", "1.5e3"}, {"z", ""}}}},
	{name: "meta spread in place", line: `{"text":"t","zz":"1","meta":{"year":2024,"country":"FRA"},"id":"x"}`,
		want: Line{Text: "t", Fields: []Field{{"id", "x"}, {"country", "FRA"}, {"year", "2024"}, {"zz", "1"}}}},
	{name: "meta not an object", line: `{"text":"t","meta":"note"}`, want: Line{Text: "t", Fields: []Field{{"meta", "note"}}}},
	{name: "meta null", line: `{"text":"t","meta":null}`, want: Line{Text: "t"}},
	{name: "repeated key keeps the last", line: `{"text":"a","id":"1","text":"b","id":"2"}`,
		want: Line{Text: "b", Fields: []Field{{"id", "2"}}}},
	{name: "text null", line: `{"text":null}`, want: Line{}},
	{name: "last text null", line: `{"text":"a","text":null}`, want: Line{}},
	{name: "white space", line: " \t{ \"text\" : \"t\" , \"id\" : 7 }\r\n", want: Line{Text: "t", Fields: []Field{{"id", "7"}}}},
	{name: "missing text", line: `{"id":"1"}`, err: ErrMissingText.Error()},
	{name: "null line", line: `null`, err: ErrMissingText.Error()},
	{name: "text not a string", line: `{"text":3}`, err: ErrTextType.Error()},
	{name: "not an object", line: `["text"]`, err: ErrNotObject.Error()},
	{name: "syntax", line: `{"text":"t",}`, err: "invalid JSON: invalid character '}' looking for beginning of object key string"},
	{name: "truncated", line: `{"text":"t`, err: "invalid JSON: unexpected end of JSON input"},
	{name: "control character", line: "{\"text\":\"a\nb\"}", err: "invalid JSON: invalid character '\\n' in string literal"},
	{name: "invalid UTF-8", line: "{\"text\":\"ab\xffc\"}", err: (&UTF8Error{Offset: 11}).Error()},
	{name: "trailing data", line: `{"text":"t"} x`, err: "invalid JSON: invalid character 'x' after top-level value"},
	{name: "bad number", line: `{"text":"t","n":01}`, err: "invalid JSON: invalid character '1' after object key:value pair"},
}

func TestDecode(t *testing.T) {
	var l Line
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Decode([]byte(tc.line), &l)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tc.err {
				t.Fatalf("error = %q, want %q", gotErr, tc.err)
			}
			if err == nil {
				got := Line{Text: l.Text, Fields: slices.Clone(l.Fields)}
				if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(Line{}), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			}
			check(t, &l, tc.line)
		})
	}
}

// TestDecodeRandom compares Decode with encoding/json on random lines
// built from JSON pieces: mostly valid objects, some broken by a random
// cut or byte.
func TestDecodeRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	strs := []string{`""`, `"a"`, `"Україна"`, `"\u00e9\n"`, `"\ud83d\ude00"`, `"\udc00"`, `"q\"\\"`, `"<&>"`}
	vals := append([]string{`0`, `-1.5e-3`, `true`, `false`, `null`, `[]`, `{}`, `[1, 2]`, `{"k": [null]}`, `{ }`}, strs...)
	keys := []string{`"text"`, `"id"`, `"speaker"`, `"meta"`, `"date"`, `"ID"`, `"x y"`, `"\u0074ext"`}
	var l Line
	for range 20000 {
		var b strings.Builder
		b.WriteByte('{')
		n := rng.IntN(6)
		for i := range n {
			if i > 0 {
				b.WriteString([]string{",", " , ", ",\n"}[rng.IntN(3)])
			}
			b.WriteString(keys[rng.IntN(len(keys))])
			b.WriteString([]string{":", " : "}[rng.IntN(2)])
			switch v := rng.IntN(10); {
			case v == 0:
				b.WriteString(`{"country": "FRA", "year": 2024, "country": ["x"]}`)
			case v < 5:
				b.WriteString(strs[rng.IntN(len(strs))])
			default:
				b.WriteString(vals[rng.IntN(len(vals))])
			}
		}
		b.WriteByte('}')
		line := b.String()
		switch rng.IntN(8) {
		case 0:
			line = line[:rng.IntN(len(line)+1)]
		case 1:
			i := rng.IntN(len(line) + 1)
			const junk = "\"{}[],: x0\\\xff\n\t"
			line = line[:i] + junk[rng.IntN(len(junk)):][:1] + line[i:]
		}
		check(t, &l, line)
	}
}

func TestDecodeAllocs(t *testing.T) {
	line := []byte(`{"id":"s1","speaker":"UKR","text":"We call on Russia to end the war.","meta":{"year":"2024"}}`)
	var l Line
	if err := Decode(line, &l); err != nil {
		t.Fatal(err)
	}
	// The text, and nothing else for fields whose values are unescaped
	// strings, apart from their copies.
	if n := testing.AllocsPerRun(100, func() { Decode(line, &l) }); n > 5 {
		t.Errorf("Decode allocates %v times, want at most 5 (one string per value)", n)
	}
}

func FuzzDecode(f *testing.F) {
	for _, tc := range cases {
		f.Add([]byte(tc.line))
	}
	var l Line
	f.Fuzz(func(t *testing.T, line []byte) {
		check(t, &l, string(line))
	})
}

func BenchmarkDecode(b *testing.B) {
	text := strings.Repeat("We call on all states to respect the \"Charter\" of the United Nations. ", 200)
	line, _ := json.Marshal(map[string]string{"id": "UKR_79_2024.txt", "country": "UKR", "year": "2024", "text": text})
	b.Run("dec=jsonline", func(b *testing.B) {
		var l Line
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			if err := Decode(line, &l); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dec=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := reference(line); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func ExampleDecode() {
	var l Line
	err := Decode([]byte(`{"id":"s1","text":"Peace\u2014now.","meta":{"country":"FRA"}}`), &l)
	fmt.Println(err)
	fmt.Printf("%q %v\n", l.Text, l.Fields)
	err = Decode([]byte(`{"id":"s2"}`), &l)
	fmt.Println(err)
	// Output:
	// <nil>
	// "Peace—now." [{id s1} {country FRA}]
	// missing "text" field
}

// TestSkipPlain checks the eight-bytes-at-a-time scan against a byte loop:
// every byte value at every place of a 19-byte string of plain bytes, and
// pairs of special bytes.
func TestSkipPlain(t *testing.T) {
	naive := func(s []byte, i int) int {
		for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] < 0x80 {
			i++
		}
		return i
	}
	base := []byte("abcdefghij klmnopq")
	base = append(base, 0x7f)
	for c := range 256 {
		for p := range base {
			for _, q := range []int{-1, 0, 3, 8, 18} {
				s := slices.Clone(base)
				s[p] = byte(c)
				if q >= 0 {
					s[q] = '"'
				}
				for start := range 3 {
					if got, want := skipPlain(s, start), naive(s, start); got != want {
						t.Fatalf("skipPlain(%q, %d) = %d, want %d", s, start, got, want)
					}
				}
			}
		}
	}
}
