// Package jsonline decodes one line of a JSONL corpus, a JSON object with a
// "text" field, in one pass over its bytes.
//
// The text is unquoted once, into one new string. Every other field is kept
// as metadata: strings as their content, null as "", and any other value
// as compact JSON. A "meta" object is spread into its fields. The line's
// UTF-8 is checked as it is scanned, so no byte is examined twice.
// encoding/json, by contrast, checks the whole line, decodes it into a map
// of raw messages, and then decodes each value a second time.
//
// The results and error messages are those of the encoding/json-based
// decoder that the command-line tool used before. Field order is made
// deterministic, and the tests and the fuzz target check all of this
// against encoding/json. A malformed line takes a slow path through
// encoding/json, so that its error message is encoding/json's own.
package jsonline

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Field is one metadata field of a line: its key and its value as text.
type Field struct {
	Key, Value string
}

// Line is a decoded line. The zero value is an empty line, ready for
// [Decode]; a Line reused for many lines reuses its memory.
type Line struct {
	Text string // the unquoted "text" field
	// Fields are the other fields in the order to apply them: by key,
	// with the fields of a "meta" object (or none for "meta": null), also
	// by key, in the place of "meta". A key that repeats keeps its last
	// value, as in encoding/json.
	Fields []Field

	buf     []byte
	entries []entry
	inner   []Field
	keys    map[string]string // keys seen in earlier lines, so that each is allocated once
}

// UTF8Error reports a line that is not valid UTF-8.
type UTF8Error struct {
	Offset int // byte offset of the first invalid byte in the line
}

func (e *UTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 in the line at byte %d (is the file in another encoding? convert it to UTF-8, for example: iconv -f WINDOWS-1252 -t UTF-8)", e.Offset)
}

// The errors of a line that is valid JSON but not a statement.
var (
	ErrNotObject   = errors.New("not a JSON object (each line must be one object with a \"text\" field)")
	ErrMissingText = errors.New("missing \"text\" field")
	ErrTextType    = errors.New("\"text\" is not a string")
)

// Decode decodes line into l, reusing the memory of l. On error, l.Text is
// empty and l.Fields is empty. The error is a *[UTF8Error], [ErrNotObject],
// [ErrMissingText], [ErrTextType], or, for a line that is not JSON, an
// error whose text is "invalid JSON: " followed by encoding/json's message.
func Decode(line []byte, l *Line) error {
	if l.keys == nil {
		l.keys = make(map[string]string)
	}
	d := decoder{s: line, buf: l.buf, entries: l.entries[:0], inner: l.inner[:0], keys: l.keys}
	l.Text, l.Fields = "", l.Fields[:0]
	text, ok := d.top()
	l.buf, l.entries, l.inner = d.buf, d.entries, d.inner
	switch {
	case !ok:
		return slowError(line)
	case !text.seen:
		return ErrMissingText
	case !text.ok:
		return ErrTextType
	}
	l.Text = text.s
	l.Fields = d.fields(l.Fields)
	return nil
}

// textField is what an object's "text" field held.
type textField struct {
	s    string
	seen bool // the field is present
	ok   bool // its (last) value is a string or null
}

// entry is one top-level field other than "text": a value, or (meta) a
// "meta" object whose fields are inner[lo:hi].
type entry struct {
	key, value string
	meta       bool
	lo, hi     int
}

// decoder scans one line.
type decoder struct {
	s       []byte
	i       int
	buf     []byte // scratch for unquoting
	spaced  bool   // white space was skipped inside a composite value
	entries []entry
	inner   []Field
	keys    map[string]string
}

func (d *decoder) skipSpace() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the byte at d.i, or 0 at the end.
func (d *decoder) peek() byte {
	if d.i < len(d.s) {
		return d.s[d.i]
	}
	return 0
}

// top decodes the line's value: an object (or null, which has no "text"),
// recording its fields in d.entries and d.inner. ok is false when the line
// is not valid JSON or not an object or null (the slow path tells which).
func (d *decoder) top() (text textField, ok bool) {
	d.skipSpace()
	switch d.peek() {
	case 'n':
		if !d.literal("null") {
			return text, false
		}
	case '{':
		if !d.object(&text) {
			return text, false
		}
	default:
		return text, false
	}
	d.skipSpace()
	return text, d.i == len(d.s)
}

// object decodes the top-level object.
func (d *decoder) object(text *textField) bool {
	return d.members(func(key string) bool {
		switch c := d.peek(); {
		case key == "text":
			text.seen = true
			switch c {
			case '"':
				var ok bool
				if text.s, ok = d.str(); !ok {
					return false
				}
				text.ok = true
			case 'n':
				// encoding/json decodes a (last) null into an empty text.
				if !d.literal("null") {
					return false
				}
				text.s, text.ok = "", true
			default:
				if _, ok := d.value(1); !ok {
					return false
				}
				text.s, text.ok = "", false
			}
		case key == "meta" && (c == '{' || c == 'n'):
			// An object is spread into its fields; null into none.
			e := entry{key: key, meta: true, lo: len(d.inner)}
			if c == 'n' {
				if !d.literal("null") {
					return false
				}
			} else if !d.metaObject() {
				return false
			}
			e.hi = len(d.inner)
			d.entries = append(d.entries, e)
		default:
			v, ok := d.value(1)
			if !ok {
				return false
			}
			d.entries = append(d.entries, entry{key: key, value: v})
		}
		return true
	})
}

// metaObject decodes the object of a "meta" field into d.inner.
func (d *decoder) metaObject() bool {
	return d.members(func(key string) bool {
		v, ok := d.value(2)
		if !ok {
			return false
		}
		d.inner = append(d.inner, Field{Key: key, Value: v})
		return true
	})
}

// members walks the object that starts at d.i: for each member it reads
// the key and the colon, then calls member to decode the value. It reports
// whether the object was well formed up to its closing brace.
func (d *decoder) members(member func(key string) bool) bool {
	d.i++ // '{'
	d.skipSpace()
	if d.peek() == '}' {
		d.i++
		return true
	}
	for {
		d.skipSpace()
		key, ok := d.key()
		if !ok {
			return false
		}
		d.skipSpace()
		if d.peek() != ':' {
			return false
		}
		d.i++
		d.skipSpace()
		if !member(key) {
			return false
		}
		d.skipSpace()
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			return true
		default:
			return false
		}
	}
}

// fields appends the fields to apply to dst: the entries by key (the last
// of a repeated key), a meta entry replaced by its fields, by key (again
// the last of a repeated key).
func (d *decoder) fields(dst []Field) []Field {
	es := lastByKey(d.entries, func(e entry) string { return e.key })
	for _, e := range es {
		if !e.meta {
			dst = append(dst, Field{Key: e.key, Value: e.value})
			continue
		}
		dst = append(dst, lastByKey(d.inner[e.lo:e.hi], func(f Field) string { return f.Key })...)
	}
	return dst
}

// lastByKey sorts s by key, keeping only the last element (in the
// original order) of each key, in place.
func lastByKey[T any](s []T, key func(T) string) []T {
	slices.SortStableFunc(s, func(a, b T) int { return strings.Compare(key(a), key(b)) })
	out := s[:0]
	for i := range s {
		if i+1 < len(s) && key(s[i+1]) == key(s[i]) {
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// literal consumes the literal word at d.i.
func (d *decoder) literal(word string) bool {
	if !bytes.HasPrefix(d.s[d.i:], []byte(word)) {
		return false
	}
	d.i += len(word)
	return true
}

// value consumes one JSON value at nesting depth depth and returns it as
// metadata text: a string's content, "" for null, compact JSON for
// anything else.
func (d *decoder) value(depth int) (string, bool) {
	switch c := d.peek(); {
	case c == '"':
		return d.str()
	case c == 'n':
		return "", d.literal("null")
	case c == 't':
		return "true", d.literal("true")
	case c == 'f':
		return "false", d.literal("false")
	case c == '-' || c >= '0' && c <= '9':
		start := d.i
		if !d.number() {
			return "", false
		}
		return string(d.s[start:d.i]), true
	case c == '{' || c == '[':
		start := d.i
		d.spaced = false
		if !d.skipValue(depth + 1) {
			return "", false
		}
		raw := d.s[start:d.i]
		if !d.spaced {
			return string(raw), true
		}
		var b bytes.Buffer
		if json.Compact(&b, raw) != nil {
			return "", false
		}
		return b.String(), true
	}
	return "", false
}

// maxDepth is the deepest nesting of objects and arrays that
// encoding/json accepts.
const maxDepth = 10000

// space skips white space inside a composite value, noting it.
func (d *decoder) space() {
	n := d.i
	d.skipSpace()
	d.spaced = d.spaced || d.i > n
}

// skipValue consumes and validates one value at nesting depth depth (the
// line's object is at depth 1).
func (d *decoder) skipValue(depth int) bool {
	switch c := d.peek(); c {
	case '"':
		return d.skipString()
	case '{', '[':
		if depth > maxDepth {
			return false
		}
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		d.i++
		d.space()
		if d.peek() == end {
			d.i++
			return true
		}
		for {
			d.space()
			if end == '}' {
				if !d.skipString() {
					return false
				}
				d.space()
				if d.peek() != ':' {
					return false
				}
				d.i++
				d.space()
			}
			if !d.skipValue(depth + 1) {
				return false
			}
			d.space()
			switch d.peek() {
			case ',':
				d.i++
			case end:
				d.i++
				return true
			default:
				return false
			}
		}
	}
	_, ok := d.value(depth)
	return ok
}

// number consumes a JSON number.
func (d *decoder) number() bool {
	s, i := d.s, d.i
	digits := func() bool {
		n := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > n
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	d.i = i
	return true
}

// skipString consumes a string, validating it, without unquoting it.
func (d *decoder) skipString() bool {
	_, ok := d.scanString(false)
	return ok
}

// maxKeys bounds the memo of keys of a Line.
const maxKeys = 1024

// key consumes an object key: a string, taken from the memo of keys when
// it has no escapes and was seen before.
func (d *decoder) key() (string, bool) {
	start := d.i + 1
	if !d.skipString() {
		return "", false
	}
	raw := d.s[start : d.i-1]
	if bytes.IndexByte(raw, '\\') >= 0 {
		d.i = start - 1
		return d.str()
	}
	if k, ok := d.keys[string(raw)]; ok {
		return k, true
	}
	k := string(raw)
	if len(d.keys) < maxKeys {
		d.keys[k] = k
	}
	return k, true
}

// str consumes a string and returns its content.
func (d *decoder) str() (string, bool) {
	return d.scanString(true)
}

// scanString consumes the string at d.i, checking its escapes and UTF-8,
// and returns its unquoted content when want is set. A string without
// escapes becomes one copy of its bytes; one with escapes is unquoted into
// d.buf first.
func (d *decoder) scanString(want bool) (string, bool) {
	s := d.s
	if d.i >= len(s) || s[d.i] != '"' {
		return "", false
	}
	i := d.i + 1
	start := i
	escaped := false
	for {
		i = skipPlain(s, i)
		if i >= len(s) {
			return "", false
		}
		c := s[i]
		switch {
		case c == '"':
			d.i = i + 1
			if !want {
				return "", true
			}
			if !escaped {
				return string(s[start:i]), true
			}
			return d.unquote(s[start:i])
		case c == '\\':
			escaped = true
			if i+1 >= len(s) {
				return "", false
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s) || !isHex4(s[i+2:i+6]) {
					return "", false
				}
				i += 6
			default:
				return "", false
			}
		case c < 0x20:
			return "", false
		case c < utf8.RuneSelf:
			i++
		default:
			r, w := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && w == 1 {
				return "", false
			}
			i += w
		}
	}
}

// skipPlain returns the index of the first byte at or after i that is
// not plain string content: a quote, a backslash, a control character or
// a byte of a multi-byte UTF-8 sequence (len(s) if there is none). It
// tests eight bytes at a time.
func skipPlain(s []byte, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for i+8 <= len(s) {
		x := binary.LittleEndian.Uint64(s[i:])
		q := x ^ (ones * '"')
		b := x ^ (ones * '\\')
		// A byte's high bit is set in m when the byte is below 0x20, is a
		// quote or a backslash (its xor is zero), or is 0x80 or above.
		// Borrows can only mark bytes above a byte that is marked itself.
		m := (x - ones*0x20) | (q - ones) | (b - ones) | x
		m &= highs
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < len(s) {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			return i
		}
		i++
	}
	return i
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// unquote decodes the escapes of a validated string body as
// encoding/json does: a surrogate pair is one character, and a lone
// surrogate becomes U+FFFD.
func (d *decoder) unquote(body []byte) (string, bool) {
	b := d.buf[:0]
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			j := bytes.IndexByte(body[i:], '\\')
			if j < 0 {
				j = len(body) - i
			}
			b = append(b, body[i:i+j]...)
			i += j
			continue
		}
		switch body[i+1] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(body[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(body) && body[i] == '\\' && body[i+1] == 'u' {
					if r2 := utf16.DecodeRune(r, hex4(body[i+2:i+6])); r2 != utf8.RuneError {
						r = r2
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // " \ /
			b = append(b, body[i+1])
		}
		i += 2
	}
	d.buf = b
	return string(b), true
}

// slowError returns the error of a line that the fast path rejected,
// found with encoding/json so that its message is encoding/json's.
func slowError(line []byte) error {
	if !utf8.Valid(line) {
		off := 0
		for off < len(line) {
			r, w := utf8.DecodeRune(line[off:])
			if r == utf8.RuneError && w <= 1 {
				break
			}
			off += w
		}
		return &UTF8Error{Offset: off}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return ErrNotObject
		}
		return fmt.Errorf("invalid JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	// encoding/json accepts what the fast path does not: a bug here. Say
	// so rather than lose the line silently.
	return errors.New("invalid JSON: the line could not be decoded")
}
