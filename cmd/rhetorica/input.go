package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/internal/statement"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// inputFormat is how an input file is read.
type inputFormat int

const (
	inAuto  inputFormat = iota // by extension
	inText                     // one statement per file, optional front matter
	inJSONL                    // one JSON object per line
	inCSV                      // header row, one statement per row
	inTSV                      // as CSV, tab separated
)

func (f inputFormat) String() string {
	return [...]string{"auto", "text", "jsonl", "csv", "tsv"}[f]
}

// parseInputFormat parses the --input-format flag.
func parseInputFormat(s string) (inputFormat, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return inAuto, nil
	case "txt", "text", "md", "markdown":
		return inText, nil
	case "jsonl", "ndjson", "json-lines":
		return inJSONL, nil
	case "csv":
		return inCSV, nil
	case "tsv":
		return inTSV, nil
	}
	return inAuto, fmt.Errorf("unknown input format %q (want auto, txt, md, jsonl, csv or tsv)", s)
}

// formatOfPath detects an input format from a file name. ok is false for an
// extension that names no supported format.
func formatOfPath(path string) (f inputFormat, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".md", ".markdown", "":
		return inText, true
	case ".jsonl", ".ndjson":
		return inJSONL, true
	case ".csv":
		return inCSV, true
	case ".tsv":
		return inTSV, true
	}
	return inAuto, false
}

// inputOptions configure how statements are read.
type inputOptions struct {
	textCol    string // CSV column of the text; "" means detect
	idCol      string
	speakerCol string
	lazyQuotes bool
	fileMeta   bool // add Meta["file"], the input file, to every statement
	keepText   bool // keep statement texts for the consumer (HTML)
}

// Default CSV column names, tried in order (case-insensitive) when the flag
// is not set.
var (
	textCols    = []string{"text", "body", "content", "speech", "statement", "transcript"}
	idCols      = []string{"id", "link", "url"}
	speakerCols = []string{"speaker", "author", "speaker_name"}
)

// source is one input named on the command line, or found in a directory.
type source struct {
	path   string // as the user wrote it (slash separated); "-" for stdin
	format inputFormat
	size   int64 // bytes; -1 when unknown
	err    error // a problem found while listing (missing file, unknown extension)
}

// name is how the source appears in ids and error lines.
func (s source) name() string {
	if s.path == "-" {
		return "stdin"
	}
	return s.path
}

// listSources expands the command-line paths: directories recursively in
// sorted order (hidden files and folders skipped, only files with a known
// extension), "-" as standard input. Problems become sources with err set,
// so that they are reported in order with the statements.
func listSources(paths []string, override inputFormat) []source {
	var out []source
	for _, p := range paths {
		if p == "-" {
			f := override
			if f == inAuto {
				f = inText
			}
			out = append(out, source{path: "-", format: f, size: -1})
			continue
		}
		name := filepath.ToSlash(p)
		fi, err := os.Stat(p)
		if err != nil {
			out = append(out, source{path: name, err: plainPathError(err)})
			continue
		}
		if !fi.IsDir() {
			f := override
			if f == inAuto {
				var ok bool
				if f, ok = formatOfPath(p); !ok {
					out = append(out, source{path: name, err: fmt.Errorf(
						"%s: unknown input format %q (want .txt, .md, .jsonl, .csv or .tsv, or set --input-format)",
						name, filepath.Ext(p))})
					continue
				}
			}
			out = append(out, source{path: name, format: f, size: fi.Size()})
			continue
		}
		// WalkDir visits entries in lexical order, so the listing is
		// deterministic.
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, source{path: filepath.ToSlash(path), err: plainPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			f, ok := formatOfPath(path)
			if !ok || filepath.Ext(path) == "" {
				return nil // not a statement file: images, PDFs, notes
			}
			if override != inAuto {
				f = override
			}
			var size int64 = -1
			if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			out = append(out, source{path: filepath.ToSlash(path), format: f, size: size})
			return nil
		})
		if werr != nil {
			out = append(out, source{path: name, err: plainPathError(werr)})
		}
	}
	return out
}

// plainPathError turns "open x: no such file or directory" into "x: no such
// file or directory".
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", filepath.ToSlash(pe.Path), pe.Err)
	}
	return err
}

// item is one entry of the order queue between the reader and the consumer
// of the analysis: a statement (err == nil) or a problem reading the input.
type item struct {
	pos  string // file, or file:line
	err  error
	text string // the statement's text, when the consumer needs it
}

// queue passes items from the goroutine that reads the input to the one that
// consumes results, in input order. It holds at most the statements read
// ahead of the consumer (bounded by AnalyzeAll) plus the errors between them.
type queue struct {
	mu    sync.Mutex
	items []item
	head  int
}

func (q *queue) push(it item) {
	q.mu.Lock()
	if q.head > 1024 && q.head*2 > len(q.items) {
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items = q.items[:n]
		q.head = 0
	}
	q.items = append(q.items, it)
	q.mu.Unlock()
}

func (q *queue) pop() (item, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.head == len(q.items) {
		return item{}, false
	}
	it := q.items[q.head]
	q.items[q.head] = item{}
	q.head++
	return it, true
}

// reader turns sources into a sequence of statements, recording each
// statement and each problem in its queue.
type reader struct {
	opts  inputOptions
	stdin io.Reader
	q     queue
	read  atomic.Int64 // bytes read so far, for the progress bar
	stop  atomic.Bool  // set by the consumer to end reading early
}

// statements returns the statements of srcs in order. Each yielded
// statement has been pushed on r.q before it is yielded; each problem is
// pushed as an error item.
func (r *reader) statements(srcs []source) iter.Seq[rhetoric.Statement] {
	return func(yield func(rhetoric.Statement) bool) {
		for _, s := range srcs {
			if r.stop.Load() {
				return
			}
			if s.err != nil {
				r.q.push(item{pos: "", err: s.err})
				continue
			}
			if !r.readSource(s, yield) {
				return
			}
		}
	}
}

// emit pushes st on the queue and yields it.
func (r *reader) emit(pos string, st rhetoric.Statement, s source, yield func(rhetoric.Statement) bool) bool {
	if r.opts.fileMeta {
		if st.Meta == nil {
			st.Meta = map[string]string{}
		}
		st.Meta["file"] = s.name()
	}
	it := item{pos: pos}
	if r.opts.keepText {
		it.text = st.Text
	}
	r.q.push(it)
	return yield(st) && !r.stop.Load()
}

func (r *reader) fail(pos string, err error) {
	r.q.push(item{pos: pos, err: err})
}

// readSource reads one source; it returns false when the consumer stopped.
// It runs on AnalyzeAll's reading goroutine, where a panic could not be
// recovered by run: a bug in a reader becomes an error for that source.
func (r *reader) readSource(s source, yield func(rhetoric.Statement) bool) (cont bool) {
	defer func() {
		if v := recover(); v != nil {
			r.fail(s.name(), fmt.Errorf("internal error while reading (please report it): %v", v))
			cont = true
		}
	}()
	var rd io.Reader
	if s.path == "-" {
		rd = r.stdin
	} else {
		f, err := os.Open(filepath.FromSlash(s.path))
		if err != nil {
			r.fail("", plainPathError(err))
			return true
		}
		defer f.Close()
		rd = f
	}
	rd = &countingReader{r: rd, n: &r.read}
	switch s.format {
	case inJSONL:
		return r.readJSONL(s, rd, yield)
	case inCSV, inTSV:
		return r.readCSV(s, rd, yield)
	}
	data, err := io.ReadAll(rd)
	if err != nil {
		r.fail(s.name(), readError(err))
		return true
	}
	st, err := statement.ParseText(s.name(), data)
	if err != nil {
		r.fail(s.name(), err)
		return true
	}
	return r.emit(s.name(), st, s, yield)
}

// readError describes an I/O error without repeating the path.
func readError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("read: %w", pe.Err)
	}
	return err
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// errUTF16 explains a UTF-16 file in a line-based format.
var errUTF16 = errors.New("the file is UTF-16 encoded; convert it to UTF-8 (for example: iconv -f UTF-16 -t UTF-8)")

// readLines calls fn for every line of rd (without its line ending) with its
// 1-based number, reusing one buffer. Lines may be of any length.
func readLines(rd io.Reader, fn func(line []byte, n int) bool) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	var long []byte
	n := 0
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			n++
			l := bytes.TrimSuffix(line, []byte{'\n'})
			l = bytes.TrimSuffix(l, []byte{'\r'})
			if !fn(l, n) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readJSONL reads one statement per line.
func (r *reader) readJSONL(s source, rd io.Reader, yield func(rhetoric.Statement) bool) bool {
	name := s.name()
	cont := true
	err := readLines(rd, func(line []byte, n int) bool {
		pos := name + ":" + strconv.Itoa(n)
		if n == 1 {
			if len(line) >= 2 && (line[0] == 0xFF && line[1] == 0xFE || line[0] == 0xFE && line[1] == 0xFF) {
				r.fail(name, errUTF16)
				return false
			}
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return true
		}
		st, err := parseJSONStatement(line)
		if err != nil {
			r.fail(pos, err)
			return !r.stop.Load()
		}
		if st.ID == "" {
			st.ID = pos
		}
		cont = r.emit(pos, st, s, yield)
		return cont
	})
	if err != nil {
		r.fail(name, readError(err))
	}
	return cont
}

// parseJSONStatement decodes one JSONL object (see [statement.ParseJSON]).
func parseJSONStatement(line []byte) (rhetoric.Statement, error) { return statement.ParseJSON(line) }

// errNoTextColumn is wrapped by the error for a CSV without a text column.
var errNoTextColumn = errors.New("no text column")

// readCSV reads a CSV (or TSV) with a header row, one statement per row.
func (r *reader) readCSV(s source, rd io.Reader, yield func(rhetoric.Statement) bool) bool {
	name := s.name()
	br := bufio.NewReaderSize(rd, 64<<10)
	if b, _ := br.Peek(3); len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		r.fail(name, errUTF16)
		return true
	} else if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	if s.format == inTSV {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = r.opts.lazyQuotes
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			r.fail(name, errors.New("empty file (want a header row)"))
		} else {
			r.fail(name, csvError(err))
		}
		return true
	}
	header = slices.Clone(header)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	textIdx, err := column(header, r.opts.textCol, textCols, "--text-col")
	if err == nil && textIdx < 0 {
		err = fmt.Errorf("%w (looked for %s; choose one with --text-col; the columns are: %s)",
			errNoTextColumn, strings.Join(textCols, ", "), strings.Join(header, ", "))
	}
	if err != nil {
		r.fail(name+":1", err)
		return true
	}
	idIdx, err := column(header, r.opts.idCol, idCols, "--id-col")
	if err != nil {
		r.fail(name+":1", err)
		return true
	}
	spIdx, err := column(header, r.opts.speakerCol, speakerCols, "--speaker-col")
	if err != nil {
		r.fail(name+":1", err)
		return true
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return true
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.fail(name+":"+strconv.Itoa(pe.StartLine), csvError(err))
				if pe.Err == csv.ErrQuote || pe.Err == csv.ErrBareQuote {
					if r.stop.Load() {
						return false
					}
					continue
				}
			} else {
				r.fail(name, readError(err))
			}
			return true
		}
		// FieldPos is valid only after a successful Read with fields.
		line, _ := cr.FieldPos(0)
		pos := name + ":" + strconv.Itoa(line)
		if len(rec) != len(header) {
			if len(rec) == 1 && rec[0] == "" {
				continue // a blank line
			}
			r.fail(pos, fmt.Errorf("row has %d fields, the header has %d", len(rec), len(header)))
			if r.stop.Load() {
				return false
			}
			continue
		}
		var st rhetoric.Statement
		bad := -1
		for i, v := range rec {
			if !utf8.ValidString(v) {
				bad = i
				break
			}
		}
		if bad >= 0 {
			r.fail(pos, statement.InvalidUTF8(fmt.Sprintf("column %q", header[bad]), rec[bad]))
			if r.stop.Load() {
				return false
			}
			continue
		}
		for i, v := range rec {
			switch i {
			case textIdx:
				st.Text = v
			case idIdx:
				st.ID = v
			case spIdx:
				st.Speaker = v
			default:
				statement.SetField(&st, header[i], v)
			}
		}
		if st.ID == "" {
			st.ID = pos
		}
		if !r.emit(pos, st, s, yield) {
			return false
		}
	}
}

// column finds the index of a CSV column: the one named by the flag (an
// error when it is missing), else the first default name present, else -1.
func column(header []string, flagValue string, defaults []string, flagName string) (int, error) {
	find := func(name string) int {
		for i, h := range header {
			if strings.EqualFold(h, name) {
				return i
			}
		}
		return -1
	}
	if flagValue != "" {
		if i := find(flagValue); i >= 0 {
			return i, nil
		}
		return -1, fmt.Errorf("no column %q (%s); the columns are: %s", flagValue, flagName, strings.Join(header, ", "))
	}
	for _, d := range defaults {
		if i := find(d); i >= 0 {
			return i, nil
		}
	}
	return -1, nil
}

// csvError drops encoding/csv's own position prefix (the line is in the
// error line already).
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("csv: %w", pe.Err)
	}
	return err
}
