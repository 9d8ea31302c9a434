package lexicon

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strings"
)

// parseYoshikoder reads a Yoshikoder .ykd dictionary: XML whose root element
// <dictionary> holds one root <cnode> (the dictionary itself, whose name is
// not used: Yoshikoder calls new dictionaries "New dictionary"), which holds
// the categories as nested <cnode name=".." desc=".."> elements and their
// patterns as <pnode name=".."/> elements. Nested categories are flattened to
// paths joined by '/'; a category without patterns of its own (only
// sub-categories) is dropped. White space inside a name becomes '_'; the desc
// attribute becomes the description. Every weight is 1.
func parseYoshikoder(name string, data []byte) (*Lexicon, error) {
	b := newForeignBuilder(name, false)
	lines := splitLines(data)
	for _, l := range lines {
		checkLine(&b.errs, name, l)
	}
	if len(b.errs) > 0 {
		return nil, b.errs.err()
	}
	starts := lineStarts(data)
	posAt := func(off int64) Position {
		n := sort.Search(len(starts), func(i int) bool { return starts[i] > int(off) }) // lines starting after off
		if n == 0 {
			return Position{File: name, Line: 1, Col: 1}
		}
		return Position{File: name, Line: n, Col: int(off) - starts[n-1] + 1}
	}

	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "utf8") {
			return r, nil
		}
		return nil, errors.New("unsupported encoding " + charset + " (want UTF-8)")
	}
	type open struct {
		name string // element name
		path string // category path for cnodes below the root
		cat  int    // category index, or -1
	}
	var (
		stack   []open
		used    []bool
		sawRoot bool
	)
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			pos := posAt(d.InputOffset())
			var se *xml.SyntaxError
			if errors.As(err, &se) && se.Line > 0 {
				pos = Position{File: name, Line: se.Line, Col: 1}
			}
			sentinel := ErrSyntax
			if strings.Contains(err.Error(), "encoding") || strings.Contains(err.Error(), "UTF-8") {
				sentinel = ErrEncoding
			}
			b.errorf(pos, sentinel, "malformed XML: %s", strings.TrimPrefix(err.Error(), "xml: "))
			return nil, b.errs.err()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			pos := posAt(off)
			el := t.Name.Local
			attr := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case len(stack) == 0:
				if el != "dictionary" || sawRoot {
					b.errorf(pos, ErrBadHeader, "a Yoshikoder dictionary has one root element <dictionary>, found <%s>", el)
					return nil, b.errs.err()
				}
				sawRoot = true
				stack = append(stack, open{name: el, cat: -1})
			case len(stack) > maxDepth:
				b.errorf(pos, ErrSyntax, "elements nested more than %d levels deep", maxDepth)
				return nil, b.errs.err()
			case el == "cnode":
				parent := stack[len(stack)-1]
				o := open{name: el, cat: -1}
				switch {
				case parent.name == "dictionary":
					// the dictionary's own root node: not a category
				case parent.name != "cnode":
					b.errorf(pos, ErrSyntax, "<cnode> inside <%s>", parent.name)
				default:
					cname := categoryName(attr("name"))
					if cname == "" {
						b.errorf(pos, ErrBadName, "<cnode> without a name")
						cname = "?"
					}
					o.path = cname
					if parent.path != "" {
						o.path = parent.path + "/" + cname
					}
					o.cat = b.category(o.path, strings.Join(strings.Fields(attr("desc")), " "), pos)
					used = append(used, false)
				}
				stack = append(stack, o)
			case el == "pnode":
				parent := stack[len(stack)-1]
				p := strings.TrimSpace(attr("name"))
				switch {
				case parent.cat < 0:
					b.errorf(pos, ErrNoCategory, "pattern %q outside any category", clip(p))
				case p == "":
					b.errorf(pos, ErrEmptyPattern, "<pnode> without a pattern")
				default:
					used[parent.cat] = true
					// Point at the pattern itself when the element holds it
					// verbatim as an attribute value.
					raw := data[off:d.InputOffset()]
					for _, q := range []string{`"`, "'"} {
						if k := bytes.Index(raw, []byte(q+p+q)); k >= 0 && strings.Count(string(raw), p) == 1 {
							pos = posAt(off + int64(k) + 1)
							if b.src.exactAt == nil {
								b.src.exactAt = make(map[Position]bool)
							}
							b.src.exactAt[pos] = true
							break
						}
					}
					b.entry(parent.cat, p, 1, pos)
				}
				stack = append(stack, open{name: el, cat: -1})
			default:
				b.errorf(pos, ErrSyntax, "unexpected element <%s>", el)
				stack = append(stack, open{name: el, cat: -1})
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 && len(stack) > 0 {
				b.errorf(posAt(off), ErrSyntax, "unexpected text inside <%s>", stack[len(stack)-1].name)
			}
		}
	}
	if !sawRoot {
		b.errorf(Position{File: name, Line: 1, Col: 1}, ErrBadHeader, "no <dictionary> element")
		return nil, b.errs.err()
	}
	b.keepCategories(used)
	return b.finish()
}

// lineStarts returns the byte offset at which each line of data begins
// (lines end at \n, \r\n or \r).
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case '\n':
			starts = append(starts, i+1)
		}
	}
	return starts
}
