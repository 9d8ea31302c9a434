// Command corpus streams a folder of speeches through the analyzer,
// aggregates the reports by group, and prints each group's most distinctive
// framing devices: those with the largest log-odds z-score against the
// whole corpus.
//
// By default it reads the UN General Debate speeches in
// ../shared/corpus/ungdc (files named ISO_SESSION_YEAR.txt, grouped by
// country) when that folder exists, and the sample statements in
// testdata/osce (grouped by speaker) otherwise. Files are read lazily, one
// at a time, and analyzed in parallel on all cores, so memory stays flat
// however large the folder.
//
// Run it from the repository root:
//
//	go run ./examples/corpus
//	go run ./examples/corpus -dir ../shared/corpus/ungdc -groups RUS,USA,UKR,CHN
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/rhetorica/rhetorica/examples/internal/exampleio"
	"github.com/rhetorica/rhetorica/internal/statement"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

const ungdc = "../shared/corpus/ungdc"

func main() {
	dir := flag.String("dir", "", "folder of .txt/.md speeches, read recursively (default: "+ungdc+" if present, else testdata/osce)")
	groups := flag.String("groups", "RUS,USA,UKR,CHN,GBR,FRA", "comma-separated groups to print (empty: all)")
	top := flag.Int("top", 3, "devices to print per group")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *dir, *groups, *top); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, dir, groups string, top int) error {
	if dir == "" {
		dir = ungdc
		if _, err := exampleio.FindDir(dir); err != nil {
			dir = "testdata/osce"
		}
	}
	root, err := exampleio.FindDir(dir)
	if err != nil {
		return err
	}
	an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		return err
	}

	// UN speeches group by the country code in their file name; statements
	// with front matter group by speaker.
	key := "speaker"
	var readErr error
	byGroup := rhetoric.NewGroups(rhetoric.KeyMeta("group"))
	var pooled rhetoric.Profile // the whole corpus
	n := 0
	for res := range an.AnalyzeAll(ctx, statements(root, &key, &readErr)) {
		if res.Err != nil {
			return res.Err
		}
		n++
		byGroup.Add(res.Report)
		pooled.Add(res.Report)
	}
	if readErr != nil {
		return readErr
	}
	if n == 0 {
		return fmt.Errorf("no .txt or .md files in %s", root)
	}
	fmt.Fprintf(w, "%d statements, %d words, grouped by %s\n\n", pooled.Statements, pooled.Words, key)

	want := map[string]bool{}
	for _, g := range strings.Split(groups, ",") {
		if g = strings.TrimSpace(g); g != "" {
			want[g] = true
		}
	}
	printed := 0
	for _, p := range byGroup.Profiles() {
		if key == "country" && len(want) > 0 && !want[p.Group] {
			continue
		}
		printed++
		fmt.Fprintf(w, "%s (%d statements, %d words)\n", p.Group, p.Statements, p.Words)
		c := rhetoric.Compare(p, pooled).SortByZ()
		for i, d := range c.Devices {
			if i == top {
				break
			}
			fmt.Fprintf(w, "  %-18s %6.1f per 1k (corpus %5.1f)  z %+6.2f\n", d.Device, d.RateA, d.RateB, d.Z)
		}
	}
	if printed == 0 {
		return fmt.Errorf("none of the groups %q is in the corpus", groups)
	}
	return nil
}

// statements walks root lazily and yields one statement per .txt or .md
// file, in lexical order. It records the grouping key it used in *key and
// the first read error in *errp (a walk error ends the sequence).
func statements(root string, key *string, errp *error) iter.Seq[rhetoric.Statement] {
	return func(yield func(rhetoric.Statement) bool) {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(path))
			if d.IsDir() || (ext != ".txt" && ext != ".md") || strings.HasPrefix(strings.ToUpper(d.Name()), "README") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			st, err := statement.ParseText(rel, data)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			group := st.Speaker
			if iso, _, ok := strings.Cut(filepath.Base(path), "_"); ok && st.Speaker == "" && len(iso) == 3 {
				group, *key = iso, "country"
			}
			if st.Meta == nil {
				st.Meta = map[string]string{}
			}
			st.Meta["group"] = group
			st.Meta["corpus"] = "all"
			if !yield(st) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			*errp = err
		}
	}
}
