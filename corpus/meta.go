package corpus

import (
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// Field returns a statement's value for a metadata key: its ID, Speaker,
// Date or Language for "id", "speaker", "date" and "language" (or "lang"),
// any other key from Meta. It is the inverse of [SetField].
func Field(st *rhetoric.Statement, key string) string {
	switch strings.ToLower(key) {
	case "id":
		return st.ID
	case "speaker":
		return st.Speaker
	case "date":
		return st.Date
	case "language", "lang":
		return string(st.Language)
	}
	return st.Meta[key]
}

// PathPattern fills metadata from a file's path. A pattern is literal text
// with fields in braces: "{iso}_{session}_{year}.txt" matches
// "2014/RUS_69_2014.txt" and gives iso=RUS, session=69, year=2014. "{}"
// matches without keeping the text, and "*" is the same as "{}". A pattern
// without "/" is matched against the file's base name; one with "/" against
// as many trailing path elements as it has. A field matches one or more
// characters other than "/", as few as let the rest match. Two fields side
// by side ("{a}{b}") are refused as ambiguous.
//
// A PathPattern is immutable and safe for concurrent use; the zero value is
// not usable: get one from [ParsePathPattern].
type PathPattern struct {
	src   string
	parts []pathPart
	elems int // path elements matched
}

type pathPart struct {
	lit   string // literal text, when field is false
	name  string // field name; "" for an unkept field
	field bool
}

// ParsePathPattern parses a pattern (see [PathPattern]).
func ParsePathPattern(pattern string) (*PathPattern, error) {
	p := &PathPattern{src: pattern, elems: strings.Count(pattern, "/") + 1}
	s := pattern
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			p.parts = append(p.parts, pathPart{lit: lit.String()})
			lit.Reset()
		}
	}
	addField := func(name string) error {
		if n := len(p.parts); n > 0 && p.parts[n-1].field {
			return fmt.Errorf("corpus: path pattern %q: two fields side by side cannot be told apart; put a separator between them", pattern)
		}
		if name != "" && slices.ContainsFunc(p.parts, func(q pathPart) bool { return q.field && q.name == name }) {
			return fmt.Errorf("corpus: path pattern %q: field {%s} appears twice", pattern, name)
		}
		p.parts = append(p.parts, pathPart{name: name, field: true})
		return nil
	}
	for s != "" {
		switch s[0] {
		case '{':
			end := strings.IndexByte(s, '}')
			if end < 0 {
				return nil, fmt.Errorf("corpus: path pattern %q: unclosed {", pattern)
			}
			name := strings.TrimSpace(s[1:end])
			if strings.ContainsAny(name, "{/*") {
				return nil, fmt.Errorf("corpus: path pattern %q: bad field name %q", pattern, name)
			}
			flush()
			if err := addField(name); err != nil {
				return nil, err
			}
			s = s[end+1:]
		case '}':
			return nil, fmt.Errorf("corpus: path pattern %q: } without {", pattern)
		case '*':
			flush()
			if err := addField(""); err != nil {
				return nil, err
			}
			s = s[1:]
		default:
			lit.WriteByte(s[0])
			s = s[1:]
		}
	}
	flush()
	if !slices.ContainsFunc(p.parts, func(q pathPart) bool { return q.name != "" }) {
		return nil, fmt.Errorf("corpus: path pattern %q has no {field}", pattern)
	}
	return p, nil
}

// String returns the pattern as written.
func (p *PathPattern) String() string { return p.src }

// Fields returns the names of the pattern's fields in order.
func (p *PathPattern) Fields() []string {
	var out []string
	for _, q := range p.parts {
		if q.name != "" {
			out = append(out, q.name)
		}
	}
	return out
}

// Match matches a slash-separated path (its last elements, see
// [PathPattern]) and returns the fields' values in pattern order; ok is
// false when the path does not match.
func (p *PathPattern) Match(filePath string) (values [][2]string, ok bool) {
	s := filePath
	// Keep the last p.elems elements.
	for i, n := len(s)-1, 0; i >= 0; i-- {
		if s[i] == '/' {
			n++
			if n == p.elems {
				s = s[i+1:]
				break
			}
		}
	}
	vals := make([]string, len(p.parts))
	if !matchParts(p.parts, s, vals) {
		return nil, false
	}
	for i, q := range p.parts {
		if q.name != "" {
			values = append(values, [2]string{q.name, vals[i]})
		}
	}
	return values, true
}

// matchParts matches s against parts, recording each field's text in
// vals. Fields take as little as lets the rest match.
func matchParts(parts []pathPart, s string, vals []string) bool {
	if len(parts) == 0 {
		return s == ""
	}
	q := parts[0]
	if !q.field {
		rest, ok := strings.CutPrefix(s, q.lit)
		return ok && matchParts(parts[1:], rest, vals[1:])
	}
	for i := 1; i <= len(s); i++ {
		if s[i-1] == '/' {
			return false
		}
		if matchParts(parts[1:], s[i:], vals[1:]) {
			vals[0] = s[:i]
			return true
		}
	}
	return false
}

// Apply sets the fields matched in filePath on st with [SetField], except
// those st already has (front matter or a JSON field is more specific than
// a file name), and reports whether the path matched.
func (p *PathPattern) Apply(st *rhetoric.Statement, filePath string) bool {
	vals, ok := p.Match(path.Clean(filePath))
	for _, kv := range vals {
		if Field(st, kv[0]) == "" {
			SetField(st, kv[0], kv[1])
		}
	}
	return ok
}

// MetaTable is a table of metadata read from CSV, joined to statements on
// one or more key columns. It is immutable once read and safe for
// concurrent use; the zero value is not usable: get one from
// [ReadMetaTable].
type MetaTable struct {
	keys    []int    // key columns
	keyMeta []string // the statement field each key column is compared with
	header  []string
	rows    map[string][]string
	// Problems are the rows that could not be used (a ragged row, a
	// duplicate key), as "name:line: message", in order.
	Problems []string
}

// ReadMetaTable reads a CSV (or, when name ends in .tsv, TSV) table with
// a header row. keys names the key columns, comma separated; each is
// "COLUMN" (compared with the statement's field of the same name) or
// "COLUMN=FIELD" (compared with FIELD): "ISO Code=iso,Year=year". Column
// names are case-insensitive; values are trimmed of spaces. A row whose
// fields do not match the header, or whose key repeats an earlier row's,
// is left out and listed in Problems; a missing key column is an error.
func ReadMetaTable(name string, r io.Reader, keys string) (*MetaTable, error) {
	br, _, err := decode(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &csvReader{br: br, comma: ',', max: DefaultMaxBytes, line: 1}
	if strings.HasSuffix(strings.ToLower(name), ".tsv") {
		c.comma = '\t'
	}
	hrec, err := c.read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file (want a header row)", name)
	}
	if err == nil {
		err = hrec.err
	}
	if err != nil {
		return nil, fmt.Errorf("%s:1: %w", name, err)
	}
	t := &MetaTable{rows: map[string][]string{}}
	for _, h := range hrec.fields {
		t.header = append(t.header, strings.TrimSpace(h))
	}
	for k := range strings.SplitSeq(keys, ",") {
		col, field, ok := strings.Cut(k, "=")
		col = strings.TrimSpace(col)
		if !ok {
			field = col
		}
		field = strings.TrimSpace(field)
		i := slices.IndexFunc(t.header, func(h string) bool { return strings.EqualFold(h, col) })
		if i < 0 || col == "" {
			return nil, fmt.Errorf("%s: no key column %q (the columns are: %s)", name, col, strings.Join(t.header, ", "))
		}
		t.keys = append(t.keys, i)
		t.keyMeta = append(t.keyMeta, field)
	}
	seen := map[string]int{}
	for {
		rec, err := c.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, rec.start, err)
		}
		pos := name + ":" + strconv.Itoa(rec.start)
		if rec.blank {
			continue
		}
		if rec.err != nil {
			t.Problems = append(t.Problems, pos+": "+rec.err.Error())
			continue
		}
		fields := rec.fields
		// A trailing empty column (a comma at the end of every line) is
		// common in exported spreadsheets: accept missing or extra empty
		// cells at the end.
		for len(fields) > len(t.header) && strings.TrimSpace(fields[len(fields)-1]) == "" {
			fields = fields[:len(fields)-1]
		}
		if len(fields) != len(t.header) && len(fields) < len(t.header) {
			fields = append(slices.Clone(fields), make([]string, len(t.header)-len(fields))...)
		}
		if len(fields) != len(t.header) {
			t.Problems = append(t.Problems, fmt.Sprintf("%s: row has %d fields, the header has %d", pos, len(rec.fields), len(t.header)))
			continue
		}
		row := make([]string, len(fields))
		for i, f := range fields {
			row[i] = strings.TrimSpace(f)
		}
		key := t.key(func(i int) string { return row[t.keys[i]] })
		if first, dup := seen[key]; dup {
			t.Problems = append(t.Problems, fmt.Sprintf("%s: key %s repeats the row on line %d (the first is kept)", pos, strings.ReplaceAll(key, "\x00", ", "), first))
			continue
		}
		seen[key] = rec.start
		t.rows[key] = row
	}
	return t, nil
}

// key joins key values with a separator that cannot occur in a trimmed
// CSV value.
func (t *MetaTable) key(value func(i int) string) string {
	var b strings.Builder
	for i := range t.keys {
		if i > 0 {
			b.WriteByte(0)
		}
		b.WriteString(value(i))
	}
	return b.String()
}

// Len returns the number of rows in the table.
func (t *MetaTable) Len() int { return len(t.rows) }

// Join looks st up by its key fields and sets the other columns of its row
// as metadata (with [SetField]; a field the statement already has is kept).
// It reports whether a row was found.
func (t *MetaTable) Join(st *rhetoric.Statement) bool {
	missing := false
	key := t.key(func(i int) string {
		v := strings.TrimSpace(Field(st, t.keyMeta[i]))
		if v == "" {
			missing = true
		}
		return v
	})
	row, ok := t.rows[key]
	if missing || !ok {
		return false
	}
	for i, v := range row {
		if slices.Contains(t.keys, i) || t.header[i] == "" || Field(st, t.header[i]) != "" {
			continue
		}
		SetField(st, t.header[i], v)
	}
	return true
}
