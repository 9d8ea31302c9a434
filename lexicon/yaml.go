package lexicon

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxYAMLNodes bounds the nodes visited in a YAML dictionary, so that
// aliases cannot blow a small file up into a huge lexicon.
const maxYAMLNodes = 1 << 20

// yamlReader walks a quanteda YAML dictionary.
type yamlReader struct {
	*defBuilder
	lines   []line
	visited int
}

// parseYAML reads a quanteda dictionary in YAML: a mapping whose keys are
// category names and whose values are lists of patterns (a single string
// counts as a list of one) or, nested to any depth, further mappings.
// Nested keys are flattened to paths joined by '/' ("AFRICA/EAST/BI"), in
// file order; white space inside a key becomes '_'. quanteda's glob '*' is
// supported at the end of a word (same meaning as ours; "**" counts as one);
// an entry with a '*' elsewhere or a '?' cannot be represented: it is left
// out and reported in [Lexicon.Warnings]. Repeats of a pattern in one list
// are kept once. Every weight is 1.
func parseYAML(name string, data []byte) (lex *Lexicon, err error) {
	r := &yamlReader{defBuilder: newForeignBuilder(name, false), lines: splitLines(data)}
	for _, l := range r.lines {
		checkLine(&r.errs, name, l)
	}
	if len(r.errs) > 0 {
		return nil, r.errs.err()
	}
	var doc yaml.Node
	if yerr := decodeYAML(data, &doc); yerr != nil {
		msg := strings.TrimPrefix(yerr.Error(), "yaml: ")
		if strings.HasPrefix(msg, "line ") {
			if _, rest, ok := strings.Cut(msg, ": "); ok {
				msg = rest
			}
		}
		r.errorf(r.yamlErrorPos(yerr), ErrSyntax, "malformed YAML: %s", msg)
		return nil, r.errs.err()
	}
	if doc.Kind == 0 {
		r.errorf(Position{File: name, Line: 1, Col: 1}, ErrBadHeader, "empty YAML document: want a mapping of categories")
		return nil, r.errs.err()
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		r.errorf(r.nodePos(root), ErrBadHeader, "the top level of a YAML dictionary must be a mapping of categories")
		return nil, r.errs.err()
	}
	r.mapping(root, "", 0)
	return r.finish()
}

// decodeYAML unmarshals data, turning a panic of the decoder into an error so
// that no input can crash the caller.
func decodeYAML(data []byte, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: malformed document (%v)", p)
		}
	}()
	return yaml.Unmarshal(data, n)
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func (r *yamlReader) visit(n *yaml.Node) bool {
	r.visited++
	if r.visited == maxYAMLNodes {
		r.errorf(r.nodePos(n), ErrSyntax, "the dictionary has more than %d nodes", maxYAMLNodes)
	}
	return r.visited < maxYAMLNodes
}

func (r *yamlReader) mapping(m *yaml.Node, prefix string, depth int) {
	if depth > maxDepth {
		r.errorf(r.nodePos(m), ErrSyntax, "categories nested more than %d levels deep", maxDepth)
		return
	}
	for k := 0; k+1 < len(m.Content); k += 2 {
		key, val := resolve(m.Content[k]), resolve(m.Content[k+1])
		if key == nil || val == nil || !r.visit(key) {
			return
		}
		kpos := r.nodePos(key)
		if key.Kind != yaml.ScalarNode {
			r.errorf(kpos, ErrBadName, "a category name must be a plain string")
			continue
		}
		cname := categoryName(key.Value)
		if cname == "" {
			r.errorf(kpos, ErrBadName, "empty category name")
			continue
		}
		path := cname
		if prefix != "" {
			path = prefix + "/" + cname
		}
		switch val.Kind {
		case yaml.MappingNode:
			r.mapping(val, path, depth+1)
		case yaml.SequenceNode:
			c := r.category(path, "", kpos)
			for _, item := range val.Content {
				item = resolve(item)
				if item == nil || !r.visit(item) {
					return
				}
				r.item(c, item)
			}
		case yaml.ScalarNode:
			c := r.category(path, "", kpos)
			if val.Tag != "!!null" {
				r.item(c, val)
			}
		default:
			r.errorf(r.nodePos(val), ErrSyntax, "category %q: want a list of patterns or a mapping", path)
		}
	}
}

// item adds one list item of category c.
func (r *yamlReader) item(c int, n *yaml.Node) {
	pos := r.nodePos(n)
	if n.Kind != yaml.ScalarNode {
		r.errorf(pos, ErrSyntax, "category %q: a pattern must be a string", r.def.Categories[c].Name)
		return
	}
	p := strings.TrimSpace(n.Value)
	if n.Tag == "!!null" || p == "" {
		r.errorf(pos, ErrEmptyPattern, "category %q: empty pattern", r.def.Categories[c].Name)
		return
	}
	fields := strings.Fields(p)
	for k, f := range fields {
		// A run of trailing stars means what one star means.
		if t := strings.TrimRight(f, "*"); t != "" && len(t) < len(f)-1 {
			fields[k] = t + "*"
			f = fields[k]
		}
		if i := strings.IndexAny(f, "?*"); i >= 0 && (f[i] == '?' || i != len(f)-1) && f != "*" {
			r.warnf(pos, ErrSyntax, "category %q: unsupported glob %q left out: only a trailing * is supported", r.def.Categories[c].Name, p)
			return
		}
	}
	p = strings.Join(fields, " ")
	r.entry(c, p, 1, r.verbatim(pos, p))
}

// verbatim returns pos, or pos moved past an opening quote, marked as
// exact when the file holds the pattern p byte for byte there, so that a
// problem inside the pattern can be pointed at precisely.
func (r *yamlReader) verbatim(pos Position, p string) Position {
	if pos.Line < 1 || pos.Line > len(r.lines) {
		return pos
	}
	l := r.lines[pos.Line-1]
	i := pos.Col - 1 - l.base
	if i < 0 || i >= len(l.text) {
		return pos
	}
	if q := l.text[i]; q == '\'' || q == '"' {
		i++
	}
	if !strings.HasPrefix(l.text[i:], p) {
		return pos
	}
	pos.Col = l.col(i)
	if r.src.exactAt == nil {
		r.src.exactAt = make(map[Position]bool)
	}
	r.src.exactAt[pos] = true
	return pos
}

// nodePos returns the file position of n, with the column in bytes.
func (r *yamlReader) nodePos(n *yaml.Node) Position {
	if n == nil || n.Line < 1 {
		return Position{File: r.src.file, Line: 1, Col: 1}
	}
	return r.byteCol(n.Line, n.Column)
}

// byteCol turns the (line, column in characters) that the YAML decoder gives
// into a Position whose column counts bytes.
func (r *yamlReader) byteCol(lineNo, col int) Position {
	pos := Position{File: r.src.file, Line: lineNo, Col: max(col, 1)}
	if lineNo > len(r.lines) || col < 1 {
		return pos
	}
	l := r.lines[lineNo-1]
	if l.num != lineNo {
		return pos
	}
	i := 0
	for c := 1; c < col && i < len(l.text); c++ {
		_, w := utf8.DecodeRuneInString(l.text[i:])
		i += w
	}
	pos.Col = l.col(i)
	return pos
}

// yamlErrorPos finds the line in a decoder error ("yaml: line 3: ...").
func (r *yamlReader) yamlErrorPos(err error) Position {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if i := strings.Index(msg, "line "); i >= 0 {
		j := i + 5
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(msg[i+5 : j]); err == nil && n > 0 {
			return Position{File: r.src.file, Line: n, Col: 1}
		}
	}
	return Position{File: r.src.file, Line: 1, Col: 1}
}
