// Package exampleio finds and loads the sample statements that the example
// programs analyze, reading files as the rhetorica command does.
package exampleio

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rhetorica/rhetorica/corpus"
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
// statement, as the rhetorica command does: a file may open with a YAML
// front-matter block between lines of "---"; id, speaker, date and language
// fill the statement's fields and the other keys its Meta.
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
		st, err := corpus.ParseText(filepath.Base(name), data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, st)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("examples: no .md or .txt statements in %s", dir)
	}
	return out, nil
}
