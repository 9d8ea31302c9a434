// Command customlexicon extends the default lexicon with a user's own
// devices, written in the native .lex format, and shows what a broken
// lexicon file reports.
//
// It reads testdata/custom/legitimacy.lex (two new devices, legitimacy and
// historical_grievance, plus a re-weighted and a removed cue of an existing
// device), merges it over lexicon.Default, analyzes
// testdata/custom/statement.txt, and prints every hit of the new devices.
// Then it parses testdata/custom/broken.lex and prints each problem as
// file:line:col: message.
//
// Run it from the repository root:
//
//	go run ./examples/customlexicon
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rhetorica/rhetorica/examples/internal/exampleio"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func main() {
	dir := flag.String("dir", "testdata/custom", "folder with legitimacy.lex, broken.lex and statement.txt")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "customlexicon:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, dir string) error {
	dir, err := exampleio.FindDir(dir)
	if err != nil {
		return err
	}
	// 1. Load the overlay and merge it over the default lexicon. Parse takes
	// the name that errors will show, so read the file and name it briefly.
	data, err := os.ReadFile(filepath.Join(dir, "legitimacy.lex"))
	if err != nil {
		return err
	}
	mine, err := lexicon.Parse("legitimacy.lex", data)
	if err != nil {
		return err
	}
	lex, err := lexicon.Merge(lexicon.Default(), mine)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "lexicon %s: %d categories\n", lex.Name(), lex.NumCategories())

	// 2. Analyze a statement, reporting only the new devices.
	an, err := rhetoric.New(lex, rhetoric.Options{Devices: []string{"legitimacy", "historical_grievance"}})
	if err != nil {
		return err
	}
	text, err := os.ReadFile(filepath.Join(dir, "statement.txt"))
	if err != nil {
		return err
	}
	rep, err := an.Analyze(ctx, rhetoric.Statement{ID: "statement", Text: string(text)})
	if err != nil {
		return err
	}
	for _, h := range rep.Hits {
		flags := ""
		if h.Negated {
			flags += " negated"
		}
		if h.Intensified {
			flags += " intensified"
		}
		if h.Hedged {
			flags += " hedged"
		}
		fmt.Fprintf(w, "  %-20s %-24q entry %-22q weight %.2f target %s%s\n",
			h.Device, h.Text, h.Entry, h.Weight, h.Target, flags)
	}
	for _, d := range rep.Devices {
		fmt.Fprintf(w, "%s: %d hits, %.1f per 1,000 words\n", d.Device, d.Hits, d.Per1K)
	}

	// 3. A broken lexicon: every problem, with its position, and no lexicon.
	data, err = os.ReadFile(filepath.Join(dir, "broken.lex"))
	if err != nil {
		return err
	}
	_, err = lexicon.Parse("broken.lex", data)
	var list lexicon.ErrorList
	if !errors.As(err, &list) {
		return fmt.Errorf("broken.lex: want an error list, got %v", err)
	}
	fmt.Fprintf(w, "\nbroken.lex has %d problems:\n", len(list))
	for _, e := range list {
		fmt.Fprintf(w, "  %s\n", e)
	}
	fmt.Fprintf(w, "is a bad weight among them: %v\n", errors.Is(err, lexicon.ErrBadWeight))
	return nil
}
