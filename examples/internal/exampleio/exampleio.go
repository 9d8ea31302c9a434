// Package exampleio loads the sample statements that the example programs
// analyze. It is internal to the examples: real programs read their own
// formats (or use the rhetorica command, which reads text, Markdown, JSONL
// and CSV).
package exampleio

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// FindDir returns dir if it exists, else dir resolved against each parent of
// the working directory up to the module root, so that `go run` works from
// the repository root and from the example's own folder.
func FindDir(dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		p := filepath.Join(d, dir)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p, nil
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil || filepath.Dir(d) == d {
			return "", fmt.Errorf("examples: folder %s not found from %s", dir, wd)
		}
	}
}

// LoadDir reads every .md and .txt file in dir (sorted by name) as one
// statement. A Markdown file may open with a front-matter block between
// lines of "---" holding "key: value" pairs; id, speaker and date fill the
// statement's fields and the other keys its Meta.
func LoadDir(dir string) ([]rhetoric.Statement, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []rhetoric.Statement
	for _, name := range names {
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".md" && ext != ".txt" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		st, err := ParseStatement(filepath.Base(name), string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("examples: no .md or .txt statements in %s", dir)
	}
	return out, nil
}

// ParseStatement splits the optional front matter from text.
func ParseStatement(name, text string) (rhetoric.Statement, error) {
	st := rhetoric.Statement{ID: strings.TrimSuffix(name, filepath.Ext(name)), Text: text}
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return st, nil
	}
	head, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return st, errors.New("examples: " + name + ": front matter is not closed by ---")
	}
	st.Text = body
	sc := bufio.NewScanner(strings.NewReader(head))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "id":
			st.ID = v
		case "speaker":
			st.Speaker = v
		case "date":
			st.Date = v
		default:
			if st.Meta == nil {
				st.Meta = map[string]string{}
			}
			st.Meta[k] = v
		}
	}
	return st, nil
}
