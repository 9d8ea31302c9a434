package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/tokenize"
)

const analyzeUsage = `Usage: rhetorica analyze [flags] [PATH ...]

Scores every statement against the lexicon (the built-in diplomatic-framing
lexicon unless --no-default) and writes one report per statement, or one
profile per group with --by.

Inputs (formats detected by extension; --input-format overrides):
  .txt, .md     one statement per file; a YAML front matter block between
                "---" lines gives id, speaker, date, language and metadata
  directory     every .txt, .md, .jsonl, .csv and .tsv file in it, recursively,
                in sorted order (hidden files skipped)
  .jsonl        one JSON object per line: "text" (required), "id", "speaker",
                "date", "language"; other fields become metadata
  .csv, .tsv    a header row, then one statement per row; the text column is
                --text-col or the first of text, body, content, speech,
                statement; the id column --id-col or id, link, url; the
                speaker column --speaker-col or speaker, author; other
                columns become metadata
  -             standard input (text, unless --input-format says otherwise)
The id defaults to the file path, or file:line for JSONL and CSV rows.

Outputs (--format; default from the extension of -o, else table):
  table   aligned text: per statement its words, hits and strongest devices
  json    a JSON array of reports (or of profiles with --by)
  jsonl   one JSON report (or profile) per line
  csv     LIWC layout: id, speaker, words, sentences, then per device
          <device>_per1k and <device>_hits, devices in lexicon order
  html    a standalone report: highlighted statements, legend, charts

A statement that cannot be read or analysed is reported on standard error as
"file:line: message" and the run goes on (unless --strict); the exit code is
then 1.

Examples:
  rhetorica analyze speech.md
  rhetorica analyze --format json statements.jsonl
  rhetorica analyze -o report.html --by speaker speeches/
  rhetorica analyze --text-col body --id-col link --format csv press.csv > scores.csv
  rhetorica analyze --lexicon extra.lex --devices blame,threat speeches/
  cat speech.txt | rhetorica analyze -
`

// analysisFlags are the flags shared by analyze and compare.
type analysisFlags struct {
	lexicons    stringList
	noDefault   bool
	lang        string
	tag         bool
	devices     string
	workers     int
	strict      bool
	noProgress  bool
	inputFormat string
	textCol     string
	idCol       string
	speakerCol  string
	lazyQuotes  bool
}

func (a *analysisFlags) register(fs *flag.FlagSet) {
	fs.Var(&a.lexicons, "lexicon", "lexicon `FILE` (.lex, .dic, .cat, .yml, .lc3, .ykd) merged over the default; repeatable, applied in order")
	fs.BoolVar(&a.noDefault, "no-default", false, "do not use the built-in lexicon (only the --lexicon files)")
	fs.StringVar(&a.lang, "lang", "", "language of the statements (en, ru, es, fr, ...); default the lexicon's")
	fs.BoolVar(&a.tag, "tag", false, "part-of-speech tagging (finds imperatives and more targets; slower)")
	fs.StringVar(&a.devices, "devices", "", "report only these devices (comma-separated `LIST`)")
	fs.IntVar(&a.workers, "workers", 0, "statements analysed in parallel (default all cores)")
	fs.BoolVar(&a.strict, "strict", false, "stop at the first statement that fails")
	fs.BoolVar(&a.noProgress, "no-progress", false, "never show the progress bar")
	fs.StringVar(&a.inputFormat, "input-format", "auto", "read inputs as `FORMAT`: auto, txt, md, jsonl, csv, tsv")
	fs.StringVar(&a.textCol, "text-col", "", "CSV `COLUMN` holding the text")
	fs.StringVar(&a.idCol, "id-col", "", "CSV `COLUMN` holding the id")
	fs.StringVar(&a.speakerCol, "speaker-col", "", "CSV `COLUMN` holding the speaker")
	fs.BoolVar(&a.lazyQuotes, "lazy-quotes", false, "accept stray quotes in CSV fields instead of reporting the row")
}

// outFormat is an output format.
type outFormat int

const (
	outTable outFormat = iota
	outJSON
	outJSONL
	outCSV
	outHTML
)

func parseOutFormat(s string) (outFormat, error) {
	switch strings.ToLower(s) {
	case "table", "text", "txt":
		return outTable, nil
	case "json":
		return outJSON, nil
	case "jsonl", "ndjson":
		return outJSONL, nil
	case "csv":
		return outCSV, nil
	case "html", "htm":
		return outHTML, nil
	}
	return 0, fmt.Errorf("unknown output format %q (want table, json, jsonl, csv or html)", s)
}

// outFormatFor picks the output format from the -o file's extension.
func outFormatFor(path string) outFormat {
	if f, err := parseOutFormat(strings.TrimPrefix(filepath.Ext(path), ".")); err == nil {
		return f
	}
	return outTable
}

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

func languageList() string {
	var names []string
	for _, l := range tokenize.Languages() {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
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

func (c *cli) analyze(args []string) int {
	fs := newFlagSet("analyze", analyzeUsage)
	var f analysisFlags
	f.register(fs)
	format := fs.String("format", "", "output `FORMAT`: table, json, jsonl, csv or html (default from -o's extension, else table)")
	out := fs.String("o", "", "write the output to `FILE` instead of standard output")
	by := fs.String("by", "", "aggregate by speaker, date, file or any metadata `KEY`; output one profile per group")
	title := fs.String("title", "", "title of the HTML report")
	paths, code := c.parseFlags(fs, "analyze", args)
	if code >= 0 {
		return code
	}
	var of outFormat
	if *format != "" {
		var err error
		if of, err = parseOutFormat(*format); err != nil {
			return c.usageError("analyze ", "%v", err)
		}
	} else if *out != "" {
		of = outFormatFor(*out)
	}
	s, code := c.prepare("analyze", &f, paths)
	if code >= 0 {
		return code
	}
	s.inOpts.fileMeta = *by == "file"
	s.inOpts.keepText = of == outHTML

	w, closeOut, err := c.openOutput(*out)
	if err != nil {
		return c.fatal(err)
	}
	devices := s.an.Devices()
	var agg *rhetoric.Aggregator
	if *by != "" {
		agg = rhetoric.NewAggregator(*by)
	}
	var sink reportSink
	switch {
	case of == outHTML:
		h := newHTMLReport(w, devices, s.an.Lexicon(), *title, *by)
		sink = h
	case agg != nil:
		sink = nopSink{}
	case of == outJSON:
		sink = &jsonSink{w: w}
	case of == outJSONL:
		sink = &jsonlSink{w: w}
	case of == outCSV:
		sink = newCSVSink(w, devices)
	default:
		sink = newTableSink(w, devices)
	}
	res := c.pipeline(s, func(r *rhetoric.Report, text string) error {
		if agg != nil {
			agg.Add(r)
		}
		return sink.report(r, text)
	})
	if res.writeErr == nil {
		var profiles []rhetoric.Profile
		if agg != nil {
			profiles = agg.Profiles()
		}
		switch {
		case of == outHTML:
			res.writeErr = sink.(*htmlReport).finishProfiles(profiles)
		case agg != nil:
			res.writeErr = writeProfiles(w, of, *by, devices, profiles)
		default:
			res.writeErr = sink.finish()
		}
	}
	if err := closeOut(); err != nil && res.writeErr == nil {
		res.writeErr = err
	}
	return c.finish(res)
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
		c.errorf("interrupted after %d statements", res.ok)
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

// progress draws a progress bar on a terminal's standard error.
type progress struct {
	w        io.Writer
	total    int64 // bytes, -1 when unknown
	start    time.Time
	last     time.Time
	drawn    bool
	disabled bool
}

// minProgress is how many statements a run must reach before a bar is drawn.
const minProgress = 8

func newProgress(w io.Writer, total int64, quiet bool) *progress {
	p := &progress{w: w, total: total, start: time.Now(), disabled: true}
	if f, ok := w.(*os.File); ok && !quiet {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.disabled = false
		}
	}
	return p
}

func (p *progress) update(n int, done int64) {
	if p.disabled || n < minProgress {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 150*time.Millisecond {
		return
	}
	p.last = now
	p.drawn = true
	io.WriteString(p.w, "\r"+renderProgress(n, done, p.total, now.Sub(p.start), 80)+"\x1b[K")
}

// clear returns what erases the bar before an error line is printed.
func (p *progress) clear() string {
	if p.drawn {
		return "\r\x1b[K"
	}
	return ""
}

func (p *progress) done() {
	if p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
	}
}

// renderProgress formats one progress line of at most width columns:
// statements, megabytes read, rate, and with a known total a bar and the
// estimated time left.
func renderProgress(n int, done, total int64, elapsed time.Duration, width int) string {
	mb := float64(done) / (1 << 20)
	secs := elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = mb / secs
	}
	stats := fmt.Sprintf("%d statements  %.1f MB  %.1f MB/s", n, mb, rate)
	if total <= 0 {
		return truncate(stats, width)
	}
	frac := min(float64(done)/float64(total), 1)
	eta := "--"
	if done > 0 && secs > 0 {
		left := time.Duration(secs * (1/frac - 1) * float64(time.Second)).Round(time.Second)
		eta = left.String()
	}
	tail := fmt.Sprintf(" %3.0f%%  %s  ETA %s", frac*100, stats, eta)
	barW := width - len(tail) - 2
	if barW < 10 {
		return truncate(fmt.Sprintf("%3.0f%%  %s  ETA %s", frac*100, stats, eta), width)
	}
	fill := int(frac * float64(barW))
	return "[" + strings.Repeat("#", fill) + strings.Repeat(".", barW-fill) + "]" + tail
}

func truncate(s string, width int) string {
	if len(s) > width {
		return s[:width]
	}
	return s
}
