package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/lexicon/suggest"
	"github.com/rhetorica/rhetorica/lexicon/suggest/wordnet"
	"github.com/rhetorica/rhetorica/tokenize"
)

const lexiconUsage = `Usage:
  rhetorica lexicon check FILE ...      report every error, as file:line:col: message
  rhetorica lexicon convert IN OUT      convert between formats (by extension)
  rhetorica lexicon show [FILE]         list categories, modifiers and actors
  rhetorica lexicon suggest --annotated GOLD.jsonl
                                        rank candidate cues per device from annotated sentences

Formats by extension: .lex (native), .dic (LIWC), .dicx (LIWC-22), .cat
(WordStat), .yml/.yaml (quanteda), .lc3 (Lexicoder), .ykd (Yoshikoder), and
.txt for a VADER or AFINN valence list (told apart by their columns).
convert writes .lex, .dic or .dicx.

What a file holds but rhetorica cannot represent is left out and printed as
a warning (file:line:col: warning: ...), never dropped silently.

Run 'rhetorica lexicon SUBCOMMAND --help' for its flags and examples.
`

func (c *cli) lexicon(args []string) int {
	if len(args) == 0 {
		io.WriteString(c.stderr, lexiconUsage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return c.lexiconCheck(args[1:])
	case "convert":
		return c.lexiconConvert(args[1:])
	case "show":
		return c.lexiconShow(args[1:])
	case "suggest":
		return c.lexiconSuggest(args[1:])
	case "-h", "-help", "--help", "help":
		io.WriteString(c.stdout, lexiconUsage)
		return exitOK
	}
	return c.usageError("lexicon ", "unknown lexicon subcommand %q (want check, convert, show or suggest)", args[0])
}

// lexiconFormat parses a --format/--from/--to flag value ("" is auto).
func lexiconFormat(s string) (lexicon.Format, error) {
	if s == "" || s == "auto" {
		return lexicon.FormatAuto, nil
	}
	f, err := lexicon.ParseFormat(s)
	if err != nil {
		return 0, fmt.Errorf("unknown lexicon format %q (want lex, liwc/dic, dicx, wordstat/cat, yaml, lexicoder/lc3, yoshikoder/ykd, vader or afinn)", s)
	}
	return f, nil
}

const checkUsage = `Usage: rhetorica lexicon check [flags] FILE ...

Parses each lexicon file and prints every problem as file:line:col: message,
then every warning (what the file holds that could not be represented and was
left out or adapted) as file:line:col: warning: message. Exit code 1 when
any file has an error, or a warning with --strict.

Examples:
  rhetorica lexicon check my.lex
  rhetorica lexicon check --format liwc dictionary.txt
  rhetorica lexicon check --strict vader_lexicon.txt AFINN-en-165.txt
`

func (c *cli) lexiconCheck(args []string) int {
	fs := newFlagSet("lexicon check", checkUsage)
	format := fs.String("format", "", "read the files as `FORMAT` instead of detecting it from the extension")
	strict := fs.Bool("strict", false, "count warnings as problems (exit code 1)")
	files, code := c.parseFlags(fs, "lexicon check", args)
	if code >= 0 {
		return code
	}
	f, err := lexiconFormat(*format)
	if err != nil {
		return c.usageError("lexicon check ", "%v", err)
	}
	if len(files) == 0 {
		return c.usageError("lexicon check ", "name at least one lexicon file")
	}
	bad, problems := 0, 0
	for _, path := range files {
		lex, err := lexicon.ParseFile(path, f)
		if err != nil {
			bad++
			var el lexicon.ErrorList
			if errors.As(err, &el) {
				problems += len(el)
			} else {
				problems++
			}
			c.printLexiconError(path, err)
			continue
		}
		// Counted without copying the categories: a large lexicon's copy
		// would be megabytes.
		entries := 0
		for i := range lex.NumCategories() {
			entries += lex.NumEntries(i)
		}
		warns := lex.Warnings()
		for _, w := range warns {
			fmt.Fprintln(c.stdout, warningLine(w))
		}
		status := "ok"
		if len(warns) > 0 {
			status = "ok with " + plural(len(warns), "warning")
			if *strict {
				bad++
				problems += len(warns)
				status = plural(len(warns), "warning") + " (--strict)"
			}
		}
		fmt.Fprintf(c.stdout, "%s: %s (%d categories, %d entries, %d modifiers, %d actors)\n",
			filepath.ToSlash(path), status, lex.NumCategories(), entries, lex.NumModifiers(), lex.NumActors())
	}
	if bad > 0 {
		c.errorf("%s in %d of %s", plural(problems, "problem"), bad, plural(len(files), "file"))
		return exitInput
	}
	return exitOK
}

const convertUsage = `Usage: rhetorica lexicon convert [flags] IN OUT

Reads the lexicon IN and writes it to OUT ("-" for standard output). The
formats come from the extensions unless --from or --to is given. Writing
supports .lex (native, lossless), .dic (LIWC) and .dicx (LIWC-22). What OUT's
format cannot hold (weights in .dic, descriptions, removals, modifiers,
actors, stems and gaps that LIWC would read literally) is named on standard
error; with --strict the conversion then fails and OUT is not written.
IN's own warnings are printed too.

Examples:
  rhetorica lexicon convert moral.dic moral.lex
  rhetorica lexicon convert vader_lexicon.txt vader.dicx
  rhetorica lexicon convert --strict --to liwc my.lex -
`

func (c *cli) lexiconConvert(args []string) int {
	fs := newFlagSet("lexicon convert", convertUsage)
	from := fs.String("from", "", "read IN as `FORMAT`")
	to := fs.String("to", "", "write OUT as `FORMAT` (lex, liwc or dicx)")
	strict := fs.Bool("strict", false, "fail, writing nothing, when OUT's format cannot hold everything IN has")
	files, code := c.parseFlags(fs, "lexicon convert", args)
	if code >= 0 {
		return code
	}
	if len(files) != 2 {
		return c.usageError("lexicon convert ", "convert needs IN and OUT, got %d arguments", len(files))
	}
	in, out := files[0], files[1]
	ff, err := lexiconFormat(*from)
	if err != nil {
		return c.usageError("lexicon convert ", "%v", err)
	}
	tf, err := lexiconFormat(*to)
	if err != nil {
		return c.usageError("lexicon convert ", "%v", err)
	}
	if tf == lexicon.FormatAuto {
		if out == "-" {
			tf = lexicon.FormatLex
		} else if tf, err = lexicon.FormatFor(out); err != nil {
			return c.usageError("lexicon convert ", "cannot tell the format of %s from its extension; use --to lex, liwc or dicx", out)
		}
	}
	if tf != lexicon.FormatLex && tf != lexicon.FormatLIWC && tf != lexicon.FormatLIWC22 {
		return c.usageError("lexicon convert ", "cannot write %s; convert writes .lex, .dic (LIWC) or .dicx (LIWC-22)", tf)
	}
	lex, err := lexicon.ParseFile(in, ff)
	if err != nil {
		c.printLexiconError(in, err)
		return exitInput
	}
	for _, w := range lex.Warnings() {
		fmt.Fprintln(c.stderr, warningLine(w))
	}
	if lost := lexicon.Lossy(lex, tf); len(lost) > 0 {
		name := filepath.ToSlash(out)
		if out == "-" {
			name = "the output"
		}
		for _, l := range lost {
			c.errorf("%s (%s) cannot hold %s", name, tf, l)
		}
		if *strict {
			c.errorf("nothing written: --strict and %s would lose %d kinds of content (write .lex to keep everything)", name, len(lost))
			return exitInput
		}
	}
	if out == "-" {
		if err := lexicon.Write(c.stdout, lex, tf); err != nil {
			return c.fatal(err)
		}
		return exitOK
	}
	// Write to a temporary file first so a failed conversion never leaves
	// a truncated OUT behind.
	tmp, err := os.CreateTemp(filepath.Dir(out), ".rhetorica-*")
	if err != nil {
		return c.fatal(outputPathError(out, err))
	}
	werr := lexicon.Write(tmp, lex, tf)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), out)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return c.fatal(fmt.Errorf("%s: %w", out, werr))
	}
	return exitOK
}

const showUsage = `Usage: rhetorica lexicon show [flags] [FILE]

Lists the categories (framing devices) of a lexicon with their descriptions
and entry counts, then its modifiers and actors. Without FILE it shows the
built-in diplomatic-framing lexicon.

Examples:
  rhetorica lexicon show
  rhetorica lexicon show --entries my.lex
`

func (c *cli) lexiconShow(args []string) int {
	fs := newFlagSet("lexicon show", showUsage)
	format := fs.String("format", "", "read FILE as `FORMAT` instead of detecting it from the extension")
	entries := fs.Bool("entries", false, "also list every entry with its weight")
	files, code := c.parseFlags(fs, "lexicon show", args)
	if code >= 0 {
		return code
	}
	if len(files) > 1 {
		return c.usageError("lexicon show ", "show takes at most one file, got %d", len(files))
	}
	f, err := lexiconFormat(*format)
	if err != nil {
		return c.usageError("lexicon show ", "%v", err)
	}
	var lex *lexicon.Lexicon
	if len(files) == 0 {
		if lex = lexicon.Default(); lex == nil {
			return c.fatal(errors.New("the built-in lexicon is not available in this build"))
		}
	} else if lex, err = lexicon.ParseFile(files[0], f); err != nil {
		c.printLexiconError(files[0], err)
		return exitInput
	}
	writeLexicon(c.stdout, lex, *entries)
	for _, w := range lex.Warnings() {
		fmt.Fprintln(c.stderr, warningLine(w))
	}
	return exitOK
}

// warningLine formats a lexicon warning as file:line:col: warning: message.
func warningLine(w *lexicon.Error) string {
	return w.Pos.String() + ": warning: " + w.Msg
}

// maxLexiconWarnings is how many warnings of one lexicon analyze prints
// before it points to "lexicon check" for the rest.
const maxLexiconWarnings = 10

// printLexiconWarnings prints the warnings of a lexicon loaded for
// analysis on standard error, the first maxLexiconWarnings of them.
func (c *cli) printLexiconWarnings(path string, lex *lexicon.Lexicon) {
	warns := lex.Warnings()
	for i, w := range warns {
		if i == maxLexiconWarnings {
			c.errorf("%s: %d more warnings; see them all with: rhetorica lexicon check %s", filepath.ToSlash(path), len(warns)-i, path)
			break
		}
		fmt.Fprintln(c.stderr, warningLine(w))
	}
}

// scriptOf returns the script that words of lang are written in, when it
// is not Latin (the only one to tell apart from an English lexicon).
func scriptOf(lang tokenize.Language) (*unicode.RangeTable, string) {
	if lang == tokenize.Russian {
		return unicode.Cyrillic, "Cyrillic"
	}
	return nil, ""
}

// checkLexiconLanguage warns when the statements' language is written in a
// script that no entry of the lexicon uses: nothing could match.
func (c *cli) checkLexiconLanguage(lex *lexicon.Lexicon, lang tokenize.Language) {
	script, name := scriptOf(lang)
	if script == nil {
		return
	}
	for i := range lex.NumCategories() {
		for j := range lex.NumEntries(i) {
			for _, r := range lex.Entry(i, j).Pattern {
				if unicode.Is(script, r) {
					return
				}
			}
		}
	}
	c.errorf("warning: --lang %s, but no entry of the lexicon %q is written in %s: nothing can match; add a lexicon written in %s with --lexicon (e.g. newsmap's russian.yml)",
		lang, lex.Name(), name, name)
}

func weight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// writeLexicon prints a readable summary of lex.
func writeLexicon(w io.Writer, lex *lexicon.Lexicon, entries bool) {
	name := lex.Name()
	if name == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(w, "lexicon %s, language %s\n\n", name, lex.Language())
	cats := lex.Categories()
	nameW := len("CATEGORY")
	for _, cat := range cats {
		nameW = max(nameW, len(cat.Name))
	}
	fmt.Fprintf(w, "%s  %7s  %s\n", fit("CATEGORY", nameW), "ENTRIES", "DESCRIPTION")
	for _, cat := range cats {
		fmt.Fprintf(w, "%s  %7d  %s\n", fit(cat.Name, nameW), len(cat.Entries), cat.Description)
		if entries {
			for _, e := range cat.Entries {
				fmt.Fprintf(w, "    %s = %s\n", e.Pattern, weight(e.Weight))
			}
		}
	}
	mods := lex.Modifiers()
	if len(mods) > 0 {
		fmt.Fprintln(w)
		for _, kind := range []lexicon.ModifierKind{lexicon.Negator, lexicon.Intensifier, lexicon.Hedge, lexicon.Stop, lexicon.Breach} {
			var parts []string
			for _, m := range mods {
				if m.Kind != kind {
					continue
				}
				p := m.Pattern
				if kind == lexicon.Intensifier || kind == lexicon.Hedge {
					p += " ×" + weight(m.Factor)
				}
				if len(m.Categories) > 0 {
					p += " (" + strings.Join(m.Categories, " ") + ")"
				}
				parts = append(parts, p)
			}
			if len(parts) > 0 {
				plural := kind.String() + "s"
				if kind == lexicon.Breach {
					plural = "breaches"
				}
				fmt.Fprintf(w, "%s (%d): %s\n", plural, len(parts), strings.Join(parts, ", "))
			}
		}
	}
	actors := lex.Actors()
	if len(actors) > 0 {
		fmt.Fprintf(w, "\nACTOR  %7s  NAME\n", "ALIASES")
		for _, a := range actors {
			fmt.Fprintf(w, "%s  %7d  %s\n", fit(a.Code, 5), len(a.Aliases), a.Name)
			if entries {
				fmt.Fprintf(w, "    %s\n", strings.Join(a.Aliases, ", "))
			}
		}
	}
}

const suggestUsage = `Usage: rhetorica lexicon suggest --annotated GOLD.jsonl [flags]

Ranks candidate cues for each device from annotated sentences (JSON Lines
with text and devices, as train.jsonl) and writes them as a commented .lex
draft: words, ~stems, two- and three-word phrases and word _ word patterns,
ranked by the z-score of the log-odds ratio with an informative Dirichlet
prior of sentences with the device against those without, each with its
support, precision and the number of sentences the lexicon does not match
yet. Cues the lexicon already holds are written as comments. With
--wordnet DIR it also proposes WordNet synonyms of the lexicon's one-word
cues (same synset; similar-to for adjectives) that the data supports.

Examples:
  rhetorica lexicon suggest --annotated train.jsonl --device blame
  rhetorica lexicon suggest --annotated train.jsonl --min-support 5 -o draft.lex
`

func (c *cli) lexiconSuggest(args []string) int {
	fs := newFlagSet("lexicon suggest", suggestUsage)
	annotated := fs.String("annotated", "", "read annotated sentences from `FILE` (JSON Lines; required)")
	var devices, lexFiles stringList
	fs.Var(&devices, "device", "rank cues for this `DEVICE` only (repeatable; default every device)")
	fs.Var(&lexFiles, "lexicon", "merge this lexicon `FILE` over the default one to mark known cues (repeatable)")
	noDefault := fs.Bool("no-default", false, "compare with the --lexicon files alone, not the default lexicon")
	minSupport := fs.Int("min-support", suggest.DefaultMinSupport, "keep cues in at least `N` sentences with the device")
	minPrecision := fs.Float64("min-precision", 0, "keep cues with at least this `PRECISION` (default: the device's base rate)")
	minZ := fs.Float64("min-z", suggest.DefaultMinZ, "keep cues with a z-score of at least `Z`")
	maxCues := fs.Int("max", suggest.DefaultMax, "keep at most `N` cues per device (negative: all)")
	prior := fs.Float64("prior", suggest.DefaultPrior, "prior size a0 in `SENTENCES`")
	out := fs.String("o", "-", "write the draft to `FILE` (- for standard output)")
	wnDir := fs.String("wordnet", "", "also propose WordNet synonyms of the lexicon's one-word cues, from the database in `DIR` (e.g. /usr/share/wordnet)")
	rest, code := c.parseFlags(fs, "lexicon suggest", args)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("lexicon suggest ", "unexpected argument %q (give the data with --annotated)", rest[0])
	}
	if *annotated == "" {
		return c.usageError("lexicon suggest ", "--annotated FILE is required")
	}
	if *minSupport < 1 || !(*prior > 0) || math.IsInf(*prior, 0) || !(*minPrecision >= 0 && *minPrecision <= 1) || *maxCues == 0 {
		return c.usageError("lexicon suggest ", "--min-support and --max must be >= 1, --prior a finite number > 0, --min-precision in [0, 1]")
	}
	if math.IsNaN(*minZ) {
		return c.usageError("lexicon suggest ", "--min-z must be a number, got NaN")
	}
	if *noDefault && len(lexFiles) == 0 {
		return c.usageError("lexicon suggest ", "--no-default needs a --lexicon FILE")
	}
	if err := outputIsInput(*out, append([]string{*annotated}, lexFiles...)...); err != nil {
		return c.fatal(fmt.Errorf("-o %w", err))
	}
	lex, code := c.loadLexicon("lexicon suggest", lexFiles, *noDefault)
	if lex == nil {
		return code
	}
	var wn *wordnet.WordNet
	if *wnDir != "" {
		var err error
		if wn, err = wordnet.Load(*wnDir); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				c.errorf("%s", line)
			}
			return exitInput
		}
	}
	f, err := os.Open(*annotated)
	if err != nil {
		return c.fatal(plainPathError(err))
	}
	items, err := suggest.ReadAnnotated(filepath.ToSlash(*annotated), f)
	f.Close()
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			c.errorf("%s", line)
		}
		return exitInput
	}
	res, err := suggest.Suggest(items, suggest.Options{
		Devices: devices, Lexicon: lex, MinSupport: *minSupport, MinPrecision: *minPrecision,
		MinZ: *minZ, Max: *maxCues, Prior: *prior, WordNet: wn,
	})
	if err != nil {
		return c.fatal(err)
	}
	if *out == "-" {
		if err := suggest.WriteLex(c.stdout, res, filepath.Base(*annotated)); err != nil {
			return c.fatal(err)
		}
		return exitOK
	}
	var b strings.Builder
	suggest.WriteLex(&b, res, filepath.Base(*annotated))
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		return c.fatal(plainPathError(err))
	}
	return exitOK
}
