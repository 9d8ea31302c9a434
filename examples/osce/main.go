// Command osce compares how two sides framed the war in Ukraine at the OSCE
// ministerial in Malta (December 2024), using sample statements written in
// the styles of the US Secretary of State and the Russian Foreign Minister
// (testdata/osce; they are not transcripts).
//
// It analyzes every statement with the embedded default lexicon, groups the
// reports by speaker, and prints, for each framing device, how often each
// side uses it (hits per 1,000 words), the difference, and the log-odds
// z-score of Monroe, Colaresi and Quinn (2008); then whom each side blames.
//
// Run it from the repository root:
//
//	go run ./examples/osce
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/rhetorica/rhetorica/examples/internal/exampleio"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func main() {
	dir := flag.String("dir", "testdata/osce", "folder of statements (.md with front matter)")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "osce:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, dir string) error {
	dir, err := exampleio.FindDir(dir)
	if err != nil {
		return err
	}
	statements, err := exampleio.LoadDir(dir)
	if err != nil {
		return err
	}
	an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		return err
	}
	agg := rhetoric.NewGroups(rhetoric.KeySpeaker())
	for _, st := range statements {
		rep, err := an.Analyze(ctx, st)
		if err != nil {
			return fmt.Errorf("%s: %w", st.ID, err)
		}
		agg.Add(rep)
	}
	profiles := agg.Profiles()
	if len(profiles) != 2 {
		return fmt.Errorf("want statements from exactly two speakers, got %d", len(profiles))
	}
	a, b := profiles[0], profiles[1]
	cmp := rhetoric.Compare(a, b)

	fmt.Fprintf(w, "%s: %d statements, %d words\n", a.Group, a.Statements, a.Words)
	fmt.Fprintf(w, "%s: %d statements, %d words\n\n", b.Group, b.Statements, b.Words)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\t%s /1k\t%s /1k\tdiff\tz\t\n", short(a.Group), short(b.Group))
	for _, d := range cmp.Devices {
		mark := ""
		switch {
		case d.Z >= 1.96:
			mark = "  more by " + short(a.Group)
		case d.Z <= -1.96:
			mark = "  more by " + short(b.Group)
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%+.1f\t%+.2f\t%s\n", d.Device, d.RateA, d.RateB, d.Diff, d.Z, mark)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nwhom each side blames:")
	for _, p := range profiles {
		fmt.Fprintf(w, "  %s: %s\n", p.Group, targets(p, "blame"))
	}
	fmt.Fprintln(w, "\n|z| >= 1.96: the side uses the device significantly more (p < 0.05).")
	return nil
}

// short abbreviates a speaker name for a column header.
func short(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return s
	}
	var b strings.Builder
	for _, w := range f {
		b.WriteByte(w[0])
	}
	return b.String()
}

// targets lists the actors a profile's hits of device target, with counts.
func targets(p rhetoric.Profile, device string) string {
	for _, d := range p.Devices {
		if d.Device != device {
			continue
		}
		var parts []string
		for _, t := range d.Targets {
			parts = append(parts, fmt.Sprintf("%s (%d)", t.Actor, t.Count))
		}
		if len(parts) == 0 {
			return "nobody"
		}
		return strings.Join(parts, ", ")
	}
	return "device not in lexicon"
}
