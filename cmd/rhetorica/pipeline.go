package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/tokenize"
)

// setup is what analyze and compare build from their flags before reading.
type setup struct {
	an     *rhetoric.Analyzer
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
	if f.workers < 0 {
		return nil, c.usageError(cmd+" ", "--workers must be positive")
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
	if f.noDefault && len(f.lexicons) == 0 {
		return nil, c.usageError(cmd+" ", "--no-default needs at least one --lexicon FILE")
	}
	lex, code := c.loadLexicon(cmd, f.lexicons, f.noDefault)
	if code >= 0 {
		return nil, code
	}
	c.checkLexiconLanguage(lex, lang)
	opts := rhetoric.Options{Language: lang, Tag: f.tag, Workers: f.workers}
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
		srcs:   listSources(paths, inFmt),
		strict: f.strict,
		quiet:  f.noProgress,
		inOpts: inputOptions{textCol: f.textCol, idCol: f.idCol,
			speakerCol: f.speakerCol, lazyQuotes: f.lazyQuotes},
	}
	return s, -1
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
		for _, e := range el {
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

// openOutput returns the writer for -o (or standard output), buffered, and
// a function that flushes and closes it.
func (c *cli) openOutput(path string) (*bufio.Writer, func() error, error) {
	if path == "" || path == "-" {
		w := bufio.NewWriterSize(c.stdout, 64<<10)
		return w, w.Flush, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, plainPathError(err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	return w, func() error {
		err := w.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
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
	ok       int   // statements analysed
	failed   int   // statements or rows that failed
	stopped  bool  // --strict stopped the run
	writeErr error // the output could not be written
	ctxErr   error // interrupted
}

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
	report := func(it item) bool {
		res.failed++
		if it.pos != "" {
			fmt.Fprintf(c.stderr, "%s%s: %v\n", prog.clear(), it.pos, it.err)
		} else {
			fmt.Fprintf(c.stderr, "%s%v\n", prog.clear(), it.err)
		}
		if s.strict {
			res.stopped = true
			rd.stop.Store(true)
			return false
		}
		return true
	}
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
	for r := range s.an.AnalyzeAll(c.ctx, rd.statements(s.srcs)) {
		if r.Err != nil && c.ctx.Err() != nil && errors.Is(r.Err, c.ctx.Err()) {
			res.ctxErr = r.Err
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
		if r.Err != nil {
			msg := r.Err
			if errors.Is(r.Err, rhetoric.ErrInvalidUTF8) {
				msg = errors.New("invalid UTF-8 in the text (convert the input to UTF-8)")
			}
			if !report(item{pos: it.pos, err: msg}) {
				break
			}
			continue
		}
		res.ok++
		if err := emit(r.Report, it.text); err != nil {
			res.writeErr = err
			rd.stop.Store(true)
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

// finish prints the summary of a run and returns its exit code.
func (c *cli) finish(res runResult) int {
	if res.writeErr != nil {
		c.errorf("writing output: %v", res.writeErr)
		return exitInput
	}
	if res.ctxErr != nil {
		c.errorf("interrupted after %s", plural(res.ok, "statement"))
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
