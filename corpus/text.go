package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/tokenize"
)

// InvalidUTF8 reports where s, found in what ("the text", "the line", a
// column), stops being UTF-8, with a hint to convert the encoding.
func InvalidUTF8(what string, s string) error {
	off := 0
	for off < len(s) {
		r, w := utf8.DecodeRuneInString(s[off:])
		if r == utf8.RuneError && w <= 1 {
			break
		}
		off += w
	}
	return fmt.Errorf("invalid UTF-8 in %s at byte %d (is the file in another encoding? convert it to UTF-8, for example: iconv -f WINDOWS-1252 -t UTF-8)", what, off)
}

// ParseText reads a text or Markdown file: optional front matter
// between "---" lines (YAML, or "key: value" lines such as an unquoted
// "title: Remarks: Kyiv" that YAML refuses), then the statement's text. The
// id defaults to name; BodyOffset is where the text starts in data (after
// the front matter and a UTF-8 byte order mark). The data is UTF-8 (a byte
// order mark is dropped) or UTF-16 (with a byte order mark, or recognised
// by its NUL bytes); for UTF-16, BodyOffset counts bytes of the data
// decoded to UTF-8, without its byte order mark, not bytes of data. Lines
// may end in LF, CRLF or CR alone.
//
// Front matter that is neither YAML nor plain "key: value" lines (an
// unclosed "[" or quote, say) is an error wrapping [ErrFrontMatter] that
// names its line in the file, and so are YAML aliases that expand past a
// budget of [MaxFrontMatterNodes] nodes or bytes. A front matter block
// that is never closed is not front matter: the file is all text.
func ParseText(name string, data []byte) (rhetoric.Statement, error) {
	text, err := decodeText(data)
	if err != nil {
		return rhetoric.Statement{}, err
	}
	bom := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		bom = 3
	}
	return parseUTF8(name, text, bom)
}

// parseUTF8 is ParseText after decoding; bom is the length of the UTF-8
// byte order mark dropped from the file, for Statement.BodyOffset.
func parseUTF8(name string, text string, bom int) (rhetoric.Statement, error) {
	if !utf8.ValidString(text) {
		return rhetoric.Statement{}, InvalidUTF8("the text", text)
	}
	st := rhetoric.Statement{ID: name, BodyOffset: bom}
	fm, body, ok := splitFrontMatter(text)
	if !ok {
		st.Text = text
		return st, nil
	}
	st.Text = body
	st.BodyOffset += len(text) - len(body)
	kvs, err := parseFrontMatter(fm)
	if err != nil {
		return rhetoric.Statement{}, err
	}
	for _, kv := range kvs {
		SetField(&st, kv[0], kv[1])
	}
	if st.ID == "" {
		st.ID = name
	}
	return st, nil
}

// cutLine returns the first line of s without its ending (LF, CRLF or CR
// alone) and the rest after the ending; found is false when s has no line
// ending.
func cutLine(s string) (line, rest string, found bool) {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s, "", false
	}
	if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
		return s[:i], s[i+2:], true
	}
	return s[:i], s[i+1:], true
}

// splitFrontMatter splits "---\n...\n---\n" (or "..." as the closing line)
// from the start of text. The block's lines are returned joined by LF
// whatever their endings were.
func splitFrontMatter(text string) (fm, body string, ok bool) {
	first, rest, found := cutLine(text)
	if !found || strings.TrimRight(first, " \t") != "---" {
		return "", "", false
	}
	var lines []string
	for {
		line, after, more := cutLine(rest)
		t := strings.TrimRight(line, " \t")
		if t == "---" || t == "..." {
			return strings.Join(lines, "\n"), after, true
		}
		if !more {
			return "", "", false
		}
		lines = append(lines, line)
		rest = after
	}
}

// MaxFrontMatterNodes bounds the work of reading one front matter block:
// the YAML nodes visited while following aliases, and the bytes of the
// values they expand to. A few kilobytes of nested aliases ("billion
// laughs") would otherwise expand to gigabytes.
const MaxFrontMatterNodes = 10000

// parseFrontMatter returns the key-value pairs of a front matter block in
// order. Scalars are taken as written; lists are joined with ", ". When the
// block is not valid YAML but every line is a plain "key: value" (an
// unquoted "title: Remarks: Kyiv"), each line is taken literally; otherwise
// the YAML error is returned, with its line counted in the file (the block
// starts on line 2).
func parseFrontMatter(fm string) ([][2]string, error) {
	var doc yaml.Node
	yerr := yaml.Unmarshal([]byte(fm), &doc)
	if yerr == nil {
		if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
			m := doc.Content[0]
			var out [][2]string
			budget := MaxFrontMatterNodes
			for i := 0; i+1 < len(m.Content); i += 2 {
				k, v := m.Content[i], m.Content[i+1]
				var b strings.Builder
				if !yamlText(&b, v, &budget) {
					return nil, fmt.Errorf("%w: the value of %q expands past %d nodes or bytes (nested YAML aliases?)",
						ErrFrontMatter, truncate(k.Value, 40), MaxFrontMatterNodes)
				}
				out = append(out, [2]string{k.Value, b.String()})
			}
			return out, nil
		}
		if strings.TrimSpace(fm) == "" {
			return nil, nil
		}
	}
	var out [][2]string
	n := 1
	for line := range strings.Lines(fm) {
		n++
		k, v, ok := strings.Cut(line, ":")
		k = strings.TrimSpace(k)
		if strings.TrimSpace(line) == "" || strings.HasPrefix(k, "#") {
			continue
		}
		v = strings.TrimSpace(v)
		if !ok || k == "" || strings.ContainsAny(k, "[]{}\"'&*!|>%@`") || line[0] == ' ' || line[0] == '\t' || !plainValue(v) {
			msg := "not a \"key: value\" line"
			if yerr != nil {
				msg = yamlMessage(yerr)
			}
			return nil, fmt.Errorf("%w: line %d: %s", ErrFrontMatter, n, msg)
		}
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out = append(out, [2]string{k, v})
	}
	return out, nil
}

// plainValue reports whether v can be taken literally when YAML refuses a
// block: it opens no flow collection, alias, anchor, tag or block scalar,
// and a quote it opens is closed.
func plainValue(v string) bool {
	if v == "" {
		return true
	}
	switch v[0] {
	case '[', '{', '&', '*', '!', '|', '>', '%', '@', '`':
		return false
	case '"', '\'':
		return len(v) >= 2 && v[len(v)-1] == v[0]
	}
	return true
}

// yamlMessage drops yaml's prefix and line (which counts from the block,
// not the file).
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if _, after, ok := strings.Cut(msg, ": "); ok {
			msg = after
		}
	}
	return truncate(msg, 200)
}

// truncate shortens s to at most n bytes (on a rune boundary) with "...".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// yamlText writes a YAML value as flat text, spending one unit of budget
// per node and per byte written; it returns false when the budget runs out.
func yamlText(b *strings.Builder, n *yaml.Node, budget *int) bool {
	*budget--
	if *budget < 0 {
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		*budget -= len(n.Value)
		if *budget < 0 {
			return false
		}
		b.WriteString(n.Value)
	case yaml.AliasNode:
		if n.Alias != nil {
			return yamlText(b, n.Alias, budget)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if i > 0 {
				b.WriteString(", ")
			}
			if !yamlText(b, c, budget) {
				return false
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(n.Content[i].Value + ": ")
			if !yamlText(b, n.Content[i+1], budget) {
				return false
			}
		}
	}
	return true
}

// SetField stores a metadata value: id, speaker, date and language fill the
// statement's fields, anything else goes to Meta. Empty values are dropped.
func SetField(st *rhetoric.Statement, key, value string) {
	if value == "" {
		return
	}
	switch strings.ToLower(key) {
	case "id":
		st.ID = value
	case "speaker":
		st.Speaker = value
	case "date":
		st.Date = value
	case "language", "lang":
		st.Language = tokenize.Language(value)
	case "text":
		// the text of a front matter or a metadata column never replaces the statement
	default:
		if st.Meta == nil {
			st.Meta = map[string]string{}
		}
		st.Meta[key] = value
	}
}
