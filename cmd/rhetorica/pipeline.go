package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/tokenize"
)

// setup is what analyze and compare build from their flags before reading.
type setup struct {
	an *rhetoric.Analyzer
	// enc, when set, encodes each report on the analysis workers, and the
	// pipeline hands the bytes to enc.write in input order instead of
	// calling emit (see encoder).
	enc    encoder
	srcs   []source
	inOpts inputOptions
	strict bool
	quiet  bool
}

// prepare validates the shared flags, loads the lexicon and builds the
// analyzer. code >= 0 means stop with that exit code.
func (c *cli) prepare(cmd string, f *analysisFlags, paths []string) (*setup, int) {
	inFmt, err := parseInputFormat(f.inputFormat)
	if err != nil {
		return nil, c.usageError(cmd+" ", "%v", err)
	}
	if f.workers < 0 || f.workers > maxWorkers {
		return nil, c.usageError(cmd+" ", "--workers must be between 1 and %d (0 means one per core), got %d", maxWorkers, f.workers)
	}
	lopts := listOptions{format: inFmt, include: f.include, exclude: f.exclude}
	if err := lopts.checkGlobs(); err != nil {
		return nil, c.usageError(cmd+" ", "--include/--exclude: %v", err)
	}
	var pathMeta *corpus.PathPattern
	if f.pathMeta != "" {
		if pathMeta, err = corpus.ParsePathPattern(f.pathMeta); err != nil {
			return nil, c.usageError(cmd+" ", "--path-meta: %v", strings.TrimPrefix(err.Error(), "corpus: "))
		}
	}
	if (f.meta == "") != (f.metaKey == "") {
		return nil, c.usageError(cmd+" ", "--meta FILE and --meta-key COLUMNS go together")
	}
	var lang tokenize.Language
	if f.lang != "" {
		if lang, err = tokenize.ParseLanguage(f.lang); err != nil {
			return nil, c.usageError(cmd+" ", "unknown language %q for --lang (want one of %s)", f.lang, languageList())
		}
	}
	if len(paths) == 0 {
		return nil, c.usageError(cmd+" ", "no input: name files, directories, or - for standard input")
	}
	if countStdin(paths) > 1 {
		// Standard input can be read once: the second "-" would read
		// nothing and report an empty statement.
		return nil, c.usageError(cmd+" ", "standard input (-) is named more than once; it can be read only once")
	}
	srcs := listSources(paths, lopts)
	if msg := unusedColumnFlags(f, srcs); msg != "" {
		return nil, c.usageError(cmd+" ", "%s", msg)
	}
	if f.noDefault && len(f.lexicons) == 0 {
		return nil, c.usageError(cmd+" ", "--no-default needs at least one --lexicon FILE")
	}
	lex, code := c.loadLexicon(cmd, f.lexicons, f.noDefault)
	if code >= 0 {
		return nil, code
	}
	c.checkLexiconLanguage(lex, lang)
	var meta *corpus.MetaTable
	if f.meta != "" {
		if meta, code = c.loadMeta(f.meta, f.metaKey); code >= 0 {
			return nil, code
		}
	}
	opts := rhetoric.Options{Language: lang, Tag: f.tag, Workers: f.workers, MaxBytes: int(f.maxBytes),
		ExcludeSpeakers: f.excludeSpeakers, NoTurns: f.noTurns, NoModel: f.noModel}
	if f.turnLabel != "" {
		re, err := regexp.Compile(f.turnLabel)
		if err != nil {
			return nil, c.usageError(cmd+" ", "--turn-label: %v", err)
		}
		opts.TurnLabel = re
	}
	if opts.Model, code = c.loadModel(cmd, f.model, f.noModel); code >= 0 {
		return nil, code
	}
	if f.devices != "" {
		for d := range strings.SplitSeq(f.devices, ",") {
			if d = strings.TrimSpace(d); d != "" {
				opts.Devices = append(opts.Devices, d)
			}
		}
	}
	an, err := rhetoric.New(lex, opts)
	if err != nil {
		if errors.Is(err, rhetoric.ErrUnknownDevice) {
			names := make([]string, 0, len(lex.Categories()))
			for _, cat := range lex.Categories() {
				names = append(names, cat.Name)
			}
			return nil, c.usageError(cmd+" ", "unknown device in --devices %s (the lexicon's devices are: %s)",
				strings.TrimPrefix(err.Error(), rhetoric.ErrUnknownDevice.Error()+": "), strings.Join(names, ", "))
		}
		return nil, c.usageError(cmd+" ", "%v", err)
	}
	s := &setup{
		an:     an,
		srcs:   srcs,
		strict: f.strict,
		quiet:  f.noProgress,
		inOpts: inputOptions{textCol: f.textCol, idCol: f.idCol,
			speakerCol: f.speakerCol, lazyQuotes: f.lazyQuotes, maxBytes: int(f.maxBytes),
			pathMeta: pathMeta, meta: meta, budget: newBudget(int(f.maxMemory))},
	}
	return s, -1
}

// unusedColumnFlags explains why the CSV flags given (--text-col, --id-col,
// --speaker-col, --lazy-quotes) cannot apply to srcs: none of them is CSV
// or TSV. It returns "" when a flag can apply, when none is given, when
// nothing was found to read, and when a source could not be listed (its
// own error says more than a usage error would). Inputs that mix CSV with
// other formats are fine: the flags apply to the CSV and TSV files.
func unusedColumnFlags(f *analysisFlags, srcs []source) string {
	var given []string
	for _, fl := range []struct {
		name string
		set  bool
	}{{"--text-col", f.textCol != ""}, {"--id-col", f.idCol != ""}, {"--speaker-col", f.speakerCol != ""}, {"--lazy-quotes", f.lazyQuotes}} {
		if fl.set {
			given = append(given, fl.name)
		}
	}
	if len(given) == 0 || len(srcs) == 0 {
		return ""
	}
	stdin, jsonl := inAuto, false // stdin: the format of "-", when named
	for _, s := range srcs {
		switch {
		case s.err != nil, s.format == inCSV, s.format == inTSV:
			return ""
		case s.path == "-":
			stdin = s.format
		case s.format == inJSONL:
			jsonl = true
		}
	}
	verb := "applies"
	if len(given) > 1 {
		verb = "apply"
	}
	msg := fmt.Sprintf("%s %s to CSV and TSV inputs, and none of the inputs is one", andList(given), verb)
	switch {
	case stdin != inAuto:
		msg += " (standard input is read as " + stdin.String() + "; --input-format csv or tsv reads it as a table)"
	case jsonl:
		msg += ` (a JSONL line's text, id and speaker are always its fields "text", "id" and "speaker")`
	}
	return msg
}

// andList joins names as "a", "a and b", "a, b and c".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// countStdin counts the paths that name standard input ("-").
func countStdin(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	return n
}

// maxProblems is how many problems of one kind are printed before "and N
// more".
const maxProblems = 100

// maxNotes is how many notes of one kind are printed; the rest are counted.
const maxNotes = 10

// loadMeta reads the --meta table, printing the rows it could not use.
func (c *cli) loadMeta(path, keys string) (*corpus.MetaTable, int) {
	f, err := os.Open(path)
	if err != nil {
		return nil, c.fatal(fmt.Errorf("--meta: %w", plainPathError(err)))
	}
	defer f.Close()
	t, err := corpus.ReadMetaTable(filepath.ToSlash(path), f, keys)
	if err != nil {
		return nil, c.fatal(fmt.Errorf("--meta: %w", err))
	}
	// Rows left out are a warning, not a failure: statements without a
	// row are noted one by one as they are read.
	const shown = 3
	for i, p := range t.Problems {
		if i == shown {
			c.errorf("note: --meta: and %d more rows left out", len(t.Problems)-shown)
			break
		}
		c.errorf("note: --meta: row left out: %s", p)
	}
	return t, -1
}

// loadLexicon returns the default lexicon with the files merged over it in
// order (or only the files with noDefault). Every error of every file is
// printed as file:line:col: message.
func (c *cli) loadLexicon(cmd string, files []string, noDefault bool) (*lexicon.Lexicon, int) {
	var lex *lexicon.Lexicon
	if !noDefault {
		lex = lexicon.Default()
		if lex == nil {
			c.errorf("the built-in lexicon is not available in this build; use --no-default --lexicon FILE")
			return nil, exitInput
		}
	}
	failed := false
	for _, path := range files {
		l, err := lexicon.ParseFile(path, lexicon.FormatAuto)
		if err != nil {
			failed = true
			if errors.Is(err, lexicon.ErrFormat) && !isErrorList(err) {
				return nil, c.usageError(cmd+" ", "--lexicon: %v", err)
			}
			c.printLexiconError(path, err)
			continue
		}
		c.printLexiconWarnings(path, l)
		if failed {
			continue
		}
		if lex == nil {
			lex = l
			continue
		}
		if lex, err = lexicon.Merge(lex, l); err != nil {
			failed = true
			c.printLexiconError(path, err)
		}
	}
	if failed {
		c.errorf("the lexicon has errors; nothing was analysed")
		return nil, exitInput
	}
	return lex, -1
}

func isErrorList(err error) bool {
	var el lexicon.ErrorList
	return errors.As(err, &el)
}

// printLexiconError prints each item of an ErrorList on its own line
// (file:line:col: message), or the error prefixed by the path.
func (c *cli) printLexiconError(path string, err error) {
	var el lexicon.ErrorList
	if errors.As(err, &el) {
		for i, e := range el {
			if i == maxProblems {
				fmt.Fprintf(c.stderr, "%s: and %d more problems\n", filepath.ToSlash(path), len(el)-i)
				break
			}
			fmt.Fprintln(c.stderr, e.Error())
		}
		return
	}
	var e *lexicon.Error
	if errors.As(err, &e) {
		fmt.Fprintln(c.stderr, e.Error())
		return
	}
	msg := plainPathError(err).Error()
	if !strings.Contains(msg, filepath.ToSlash(path)) {
		msg = filepath.ToSlash(path) + ": " + msg
	}
	fmt.Fprintln(c.stderr, msg)
}

// outputPathError names the output path as the user gave it in an error
// from creating the temporary file it is written through (a missing or
// read-only folder), whose random name would mean nothing to them.
func outputPathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), pe.Err)
	}
	return err
}

// outputIsInput returns an error when out names the same file as one of
// inputs (through links too; an input may be written with slashes), so
// that a command never writes its output over a file it reads; a missing
// out, or "-", is no input.
func outputIsInput(out string, inputs ...string) error {
	if out == "" || out == "-" {
		return nil
	}
	ofi, err := os.Stat(out)
	if err != nil || !ofi.Mode().IsRegular() {
		return nil
	}
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		if ifi, err := os.Stat(filepath.FromSlash(in)); err == nil && os.SameFile(ofi, ifi) {
			return fmt.Errorf("%s is also an input (%s): writing it would destroy it; choose another output file", out, in)
		}
	}
	return nil
}

// openOutput returns the writer for -o (or standard output), buffered, and
// a function that flushes and closes it. A file is written under a
// temporary name in its folder and renamed over path only when everything
// was flushed, so a failed run leaves any earlier file as it was. An output
// file that is one of the inputs is refused before anything is read.
func (c *cli) openOutput(path string, srcs []source) (*bufio.Writer, func() error, error) {
	if path == "" || path == "-" {
		w := bufio.NewWriterSize(c.stdout, 64<<10)
		return w, w.Flush, nil
	}
	mode := os.FileMode(0o644)
	if ofi, err := os.Stat(path); err == nil {
		if !ofi.Mode().IsRegular() {
			// A device or FIFO (-o /dev/stdout) cannot be replaced: write
			// to it directly.
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, nil, plainPathError(err)
			}
			w := bufio.NewWriterSize(f, 64<<10)
			return w, func() error {
				err := w.Flush()
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return plainPathError(err)
			}, nil
		}
		mode = ofi.Mode().Perm()
		var inputs []string
		for _, s := range srcs {
			if s.err == nil {
				inputs = append(inputs, s.path)
			}
		}
		if err := outputIsInput(path, inputs...); err != nil {
			return nil, nil, fmt.Errorf("-o %w", err)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, outputPathError(path, err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	return w, func() error {
		err := w.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(f.Name(), mode)
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
		if err != nil {
			os.Remove(f.Name())
			return plainPathError(err)
		}
		return nil
	}, nil
}

// reportSink writes reports as they arrive.
type reportSink interface {
	report(r *rhetoric.Report, text string) error
	finish() error
}

type nopSink struct{}

func (nopSink) report(*rhetoric.Report, string) error { return nil }
func (nopSink) finish() error                         { return nil }

// runResult counts what happened to the input.
type runResult struct {
	ok       int   // statements analysed and written
	failed   int   // statements, rows or files that failed
	stopped  bool  // --strict stopped the run
	writeErr error // the output could not be written
	ctxErr   error // interrupted
	notes    int   // notes printed (empty statements, metadata not found)
	// noKey is set when --by's key is missing from most statements under
	// --strict.
	noKey bool
}

// checkGroupKey warns when the --by key is missing from most statements
// (they all fall in one group "(none)"), or notes how many miss it; under
// --strict, a key missing from most statements fails the run.
func (c *cli) checkGroupKey(key string, profiles []rhetoric.Profile, strict bool, res *runResult) {
	missing, total := 0, 0
	for _, p := range profiles {
		total += p.Statements
		if p.Group == "" {
			missing += p.Statements
		}
	}
	switch {
	case missing == 0:
	case missing*2 > total && strict:
		c.errorf("--by %s: %d of %d statements have no %q (a typo? the field comes from front matter, JSON fields, CSV columns, --path-meta or --meta); failing because of --strict",
			key, missing, total, key)
		res.noKey = true
	case missing*2 > total:
		c.errorf("warning: --by %s: %d of %d statements have no %q and are grouped as (none) (a typo? the field comes from front matter, JSON fields, CSV columns, --path-meta or --meta)",
			key, missing, total, key)
	default:
		c.errorf("note: --by %s: %d of %d statements have no %q and are grouped as (none)", key, missing, total, key)
	}
}

// badReport is returned by a sink for a report it cannot encode (a
// statement's failure, not the output's): the run goes on without it.
type badReport struct{ err error }

func (e *badReport) Error() string { return "cannot write its report: " + e.err.Error() }
func (e *badReport) Unwrap() error { return e.err }

// pipeline reads the sources, analyses the statements in parallel and calls
// emit for each report in input order. Problems are printed on standard
// error as "file:line: message" in input order.
func (c *cli) pipeline(s *setup, emit func(r *rhetoric.Report, text string) error) runResult {
	rd := &reader{opts: s.inOpts, stdin: c.stdin}
	var res runResult
	var total int64
	for _, src := range s.srcs {
		if src.size < 0 {
			total = -1
			break
		}
		total += src.size
	}
	prog := newProgress(c.stderr, total, s.quiet)
	// halt ends reading early; a reader waiting for budget wakes up.
	halt := func() {
		rd.stop.Store(true)
		rd.opts.budget.wake()
	}
	report := func(it item) bool {
		res.failed++
		if it.pos != "" {
			fmt.Fprintf(c.stderr, "%s%s: %v\n", prog.clear(), it.pos, it.err)
		} else {
			fmt.Fprintf(c.stderr, "%s%v\n", prog.clear(), it.err)
		}
		if s.strict {
			res.stopped = true
			halt()
			return false
		}
		return true
	}
	// note prints a note; after maxNotes of one kind the rest are
	// counted and summed up at the end.
	noteCount := map[string]int{}
	var noteKinds []string
	note := func(pos, msg string) {
		res.notes++
		if noteCount[msg] == 0 {
			noteKinds = append(noteKinds, msg)
		}
		noteCount[msg]++
		if noteCount[msg] <= maxNotes {
			fmt.Fprintf(c.stderr, "%s%s: note: %s\n", prog.clear(), pos, msg)
		}
	}
	defer func() {
		for _, msg := range noteKinds {
			if n := noteCount[msg]; n > maxNotes {
				c.errorf("note: %d more statements not listed: %s", n-maxNotes, msg)
			}
		}
	}()
	// drain reports the problems queued before the next statement and
	// returns that statement's item.
	drain := func() (item, bool) {
		for {
			it, ok := rd.q.pop()
			if !ok {
				return item{}, false
			}
			if it.err == nil {
				return it, true
			}
			if !report(it) {
				return item{}, false
			}
		}
	}
	for r := range analyzeAll(c.ctx, s.an, rd.statements(s.srcs), s.enc) {
		if r.Err != nil && c.ctx.Err() != nil && errors.Is(r.Err, c.ctx.Err()) {
			res.ctxErr = r.Err
			halt()
			break
		}
		it, ok := drain()
		if !ok {
			if res.stopped {
				break
			}
			// Cannot happen: every statement is queued before it is
			// yielded. Report rather than lose the result.
			it = item{pos: "?"}
		}
		ok = c.handle(r, it, s.enc, emit, report, note, &res)
		r.release()
		rd.opts.budget.release(it.size)
		if !ok {
			halt()
			break
		}
		prog.update(res.ok+res.failed, rd.read.Load())
	}
	if !res.stopped && res.writeErr == nil && res.ctxErr == nil {
		for {
			it, ok := rd.q.pop()
			if !ok {
				break
			}
			if it.err != nil && !report(it) {
				break
			}
		}
	}
	prog.done()
	return res
}

// handle writes one result, or reports why it failed; false stops the run.
func (c *cli) handle(r result, it item, enc encoder, emit func(*rhetoric.Report, string) error,
	report func(item) bool, note func(pos, msg string), res *runResult) bool {
	if r.Err != nil {
		msg := r.Err
		if errors.Is(r.Err, rhetoric.ErrInvalidUTF8) {
			msg = errors.New("invalid UTF-8 in the text (convert the input to UTF-8)")
		}
		return report(item{pos: it.pos, err: msg})
	}
	for _, n := range it.notes {
		note(it.pos, n)
	}
	if r.Report.Words == 0 {
		note(it.pos, "empty statement (no words); its report has zero counts")
	}
	var err error
	switch {
	case enc == nil:
		err = emit(r.Report, it.text)
	case r.encErr != nil:
		err = &badReport{r.encErr}
	default:
		err = enc.write(*r.enc)
	}
	if err != nil {
		var bad *badReport
		if errors.As(err, &bad) {
			return report(item{pos: it.pos, err: bad})
		}
		res.writeErr = fmt.Errorf("%w (the report of %s and any after it were not written)", err, it.pos)
		return false
	}
	res.ok++
	return true
}

// finish prints the summary of a run and returns its exit code.
func (c *cli) finish(res runResult) int {
	if res.writeErr != nil {
		c.errorf("writing output: %v; the output is incomplete (%s analysed)", res.writeErr, plural(res.ok, "statement"))
		return exitInput
	}
	if res.ctxErr != nil {
		c.errorf("interrupted after %s", plural(res.ok, "statement"))
		return exitInput
	}
	if res.noKey && res.failed == 0 {
		return exitInput
	}
	if res.failed > 0 {
		verb := "failed"
		if res.stopped {
			verb = "failed; stopped by --strict"
		}
		c.errorf("%s analysed, %s %s", plural(res.ok, "statement"), plural(res.failed, "input"), verb)
		return exitInput
	}
	return exitOK
}

// plural formats a count and a noun: "1 statement", "2 statements".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// addReport adds r to agg; grouped by speaker, a transcript counts toward
// each turn's speaker rather than the statement's (rhetoric.SplitBySpeaker).
func addReport(agg *rhetoric.Groups, r *rhetoric.Report) {
	if agg.Key().Name != "speaker" {
		agg.Add(r)
		return
	}
	for _, p := range rhetoric.SplitBySpeaker(r) {
		agg.Add(p)
	}
}
