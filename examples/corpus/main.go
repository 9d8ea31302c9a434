// Command corpus streams a folder of speeches through the analyzer,
// aggregates the reports by group, and prints each group's most distinctive
// framing devices: those with the largest log-odds z-score against the
// whole corpus.
//
// Files are read with the corpus package, as the rhetorica command reads
// them, and their metadata comes from the data, not from code: front
// matter in each file, and with -path-meta a pattern over the file names.
// By default it reads the UN General Debate speeches in
// ../shared/corpus/ungdc, whose files are named ISO_SESSION_YEAR.txt, with
// the pattern {country}_{session}_{year}.txt, grouped by country; when
// that folder is absent, the sample statements in testdata/osce, grouped by
// the speaker of their front matter. Files are read lazily, one at a time,
// and analyzed in parallel on all cores, so memory stays flat however large
// the folder.
//
// Run it from the repository root:
//
//	go run ./examples/corpus
//	go run ./examples/corpus -dir ../shared/corpus/ungdc -groups RUS,USA,UKR,CHN
//	go run ./examples/corpus -dir speeches -path-meta '{speaker}-{date}.md' -by speaker
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

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/examples/internal/exampleio"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

const (
	ungdc        = "../shared/corpus/ungdc"
	ungdcPattern = "{country}_{session}_{year}.txt"
)

// config is what the flags choose.
type config struct {
	dir      string // folder to read; "" means ungdc, else testdata/osce
	pathMeta string // file name pattern; "" means none (or ungdcPattern for ungdc)
	by       string // metadata key to group by; "" means country or speaker
	groups   string // comma-separated groups to print; "" means all
	top      int    // devices per group
}

func main() {
	var c config
	flag.StringVar(&c.dir, "dir", "", "folder of .txt/.md speeches, read recursively (default: "+ungdc+" if present, else testdata/osce)")
	flag.StringVar(&c.pathMeta, "path-meta", "", "metadata from file names, e.g. '{country}_{session}_{year}.txt' (default that one for "+ungdc+"); files that do not match are skipped")
	flag.StringVar(&c.by, "by", "", "metadata key to group by (default country with -path-meta, else speaker)")
	flag.StringVar(&c.groups, "groups", "RUS,USA,UKR,CHN,GBR,FRA", "comma-separated groups to print (empty: all)")
	flag.IntVar(&c.top, "top", 3, "devices to print per group")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, c); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, c config) error {
	if c.dir == "" {
		c.dir = ungdc
		if _, err := exampleio.FindDir(c.dir); err != nil {
			c.dir, c.groups = "testdata/osce", ""
		} else if c.pathMeta == "" {
			c.pathMeta = ungdcPattern
		}
	}
	root, err := exampleio.FindDir(c.dir)
	if err != nil {
		return err
	}
	var pattern *corpus.PathPattern
	if c.pathMeta != "" {
		if pattern, err = corpus.ParsePathPattern(c.pathMeta); err != nil {
			return err
		}
	}
	if c.by == "" {
		c.by = "speaker"
		if pattern != nil {
			c.by = pattern.Fields()[0]
		}
	}
	an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		return err
	}

	var readErr error
	byGroup := rhetoric.NewGroups(rhetoric.KeyField(c.by))
	var pooled rhetoric.Profile // the whole corpus
	n := 0
	for res := range an.AnalyzeAll(ctx, statements(root, pattern, &readErr)) {
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
		return fmt.Errorf("no statements in %s", root)
	}
	fmt.Fprintf(w, "%d statements, %d words, grouped by %s\n\n", pooled.Statements, pooled.Words, c.by)

	want := map[string]bool{}
	for g := range strings.SplitSeq(c.groups, ",") {
		if g = strings.TrimSpace(g); g != "" {
			want[g] = true
		}
	}
	printed := 0
	for _, p := range byGroup.Profiles() {
		if len(want) > 0 && !want[p.Group] {
			continue
		}
		printed++
		group := p.Group
		if group == "" {
			group = "(no " + c.by + ")"
		}
		fmt.Fprintf(w, "%s (%d statements, %d words)\n", group, p.Statements, p.Words)
		cmp := rhetoric.Compare(p, pooled).SortByZ()
		for i, d := range cmp.Devices {
			if i == c.top {
				break
			}
			fmt.Fprintf(w, "  %-18s %6.1f per 1k (corpus %5.1f)  z %+6.2f\n", d.Device, d.RateA, d.RateB, d.Z)
		}
	}
	if printed == 0 {
		return fmt.Errorf("none of the groups %q is in the corpus", c.groups)
	}
	return nil
}

// statements walks root lazily and yields the statements of its .txt and
// .md files in lexical order, read with corpus.Read. With a pattern, only
// the files whose names match it are read (a README or a notes file next
// to the speeches is skipped) and the fields it matches become metadata.
// Every statement gets Meta["corpus"] = "all", the key of the pooled
// profile. The first problem is recorded in *errp and ends the sequence.
func statements(root string, pattern *corpus.PathPattern, errp *error) iter.Seq[rhetoric.Statement] {
	return func(yield func(rhetoric.Statement) bool) {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			rel = filepath.ToSlash(rel)
			ext := strings.ToLower(filepath.Ext(path))
			if d.IsDir() || ext != ".txt" && ext != ".md" {
				return nil
			}
			if pattern != nil {
				if _, ok := pattern.Match(rel); !ok {
					return nil
				}
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			for rec := range corpus.Read(rel, f, corpus.Options{}) {
				if rec.Err != nil {
					return fmt.Errorf("%s: %w", rec.Pos, rec.Err)
				}
				st := rec.Statement
				if pattern != nil {
					pattern.Apply(&st, rel)
				}
				corpus.SetField(&st, "corpus", "all")
				if !yield(st) {
					return fs.SkipAll
				}
			}
			return nil
		})
		if err != nil {
			*errp = err
		}
	}
}
