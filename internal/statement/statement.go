// Package statement reads statements from text and Markdown files: an
// optional front matter block of metadata, then the text. The command-line
// tool and the example programs share it, so they read files alike.
package statement

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/rhetorica/rhetorica/rhetoric"
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

// decodeText strips a UTF-8 byte order mark and decodes UTF-16 text that
// starts with a byte order mark; anything else must be UTF-8.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		if len(data)%2 != 0 {
			return "", errors.New("truncated UTF-16 text (odd number of bytes)")
		}
		big := data[0] == 0xFE
		u := make([]uint16, 0, len(data)/2-1)
		for i := 2; i+1 < len(data); i += 2 {
			if big {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		return string(utf16.Decode(u)), nil
	}
	s := string(data)
	if !utf8.ValidString(s) {
		return "", InvalidUTF8("the text", s)
	}
	return s, nil
}

// ParseText reads a text or Markdown file: optional front matter
// between "---" lines (YAML; "key: value" lines when it is not valid YAML),
// then the statement's text. The id defaults to name.
func ParseText(name string, data []byte) (rhetoric.Statement, error) {
	text, err := decodeText(data)
	if err != nil {
		return rhetoric.Statement{}, err
	}
	st := rhetoric.Statement{ID: name}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		st.BodyOffset = 3
	}
	fm, body, ok := splitFrontMatter(text)
	if ok {
		st.Text = body
		st.BodyOffset += len(text) - len(body)
		for _, kv := range parseFrontMatter(fm) {
			SetField(&st, kv[0], kv[1])
		}
		if st.ID == "" {
			st.ID = name
		}
	} else {
		st.Text = text
	}
	return st, nil
}

// splitFrontMatter splits "---\n...\n---\n" (or "..." as the closing line,
// CRLF tolerated) from the start of text.
func splitFrontMatter(text string) (fm, body string, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", "", false
	}
	off := len(first) + 1
	for off <= len(text) {
		line, _, more := strings.Cut(text[off:], "\n")
		t := strings.TrimRight(line, " \t\r")
		if t == "---" || t == "..." {
			end := off + len(line)
			if more {
				end++
			}
			return rest[:off-len(first)-1], text[end:], true
		}
		if !more {
			break
		}
		off += len(line) + 1
	}
	return "", "", false
}

// parseFrontMatter returns the key-value pairs of a front matter block in
// order. Scalars are taken as written; lists are joined with ", ". When the
// block is not valid YAML (an unquoted "title: Remarks: Kyiv"), each
// "key: value" line is taken literally.
func parseFrontMatter(fm string) [][2]string {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err == nil {
		if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
			m := doc.Content[0]
			var out [][2]string
			for i := 0; i+1 < len(m.Content); i += 2 {
				k, v := m.Content[i], m.Content[i+1]
				out = append(out, [2]string{k.Value, yamlText(v)})
			}
			return out
		}
		if strings.TrimSpace(fm) == "" {
			return nil
		}
	}
	var out [][2]string
	for line := range strings.Lines(fm) {
		k, v, ok := strings.Cut(line, ":")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.HasPrefix(k, "#") {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out = append(out, [2]string{k, v})
	}
	return out
}

// yamlText flattens a YAML value to a string.
func yamlText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.AliasNode:
		if n.Alias != nil {
			return yamlText(n.Alias)
		}
	case yaml.SequenceNode:
		parts := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			parts = append(parts, yamlText(c))
		}
		return strings.Join(parts, ", ")
	case yaml.MappingNode:
		parts := make([]string, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, n.Content[i].Value+": "+yamlText(n.Content[i+1]))
		}
		return strings.Join(parts, ", ")
	}
	return ""
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
		st.Language = value
	case "text":
		// the text of a front matter or a metadata column never replaces the statement
	default:
		if st.Meta == nil {
			st.Meta = map[string]string{}
		}
		st.Meta[key] = value
	}
}
