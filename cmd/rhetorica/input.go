package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// inputFormat is how an input file is read.
type inputFormat = corpus.Format

// The input formats.
const (
	inAuto  = corpus.FormatAuto  // by extension
	inText  = corpus.FormatText  // one statement per file, optional front matter
	inJSONL = corpus.FormatJSONL // one JSON object per line
	inCSV   = corpus.FormatCSV   // header row, one statement per row
	inTSV   = corpus.FormatTSV   // as CSV, tab separated
)

// parseInputFormat parses the --input-format flag.
func parseInputFormat(s string) (inputFormat, error) {
	f, err := corpus.ParseFormat(s)
	if err != nil {
		return f, fmt.Errorf("unknown input format %q (want auto, txt, md, jsonl, csv or tsv)", s)
	}
	return f, nil
}

// inputOptions configure how statements are read.
type inputOptions struct {
	textCol    string // CSV column of the text; "" means detect
	idCol      string
	speakerCol string
	lazyQuotes bool
	maxBytes   int  // longest statement; see corpus.Options.MaxBytes
	fileMeta   bool // add Meta["file"], the input file, to every statement
	keepText   bool // keep statement texts for the consumer (HTML)

	pathMeta *corpus.PathPattern // --path-meta
	meta     *corpus.MetaTable   // --meta
	// budget bounds the text bytes of the statements in flight (read and
	// not yet written); nil means no bound.
	budget *budget
}

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

// listOptions configure listSources.
type listOptions struct {
	format  inputFormat // --input-format
	include []string    // --include globs; empty means every known extension
	exclude []string    // --exclude globs
}

// checkGlobs reports a malformed --include or --exclude pattern.
func (o listOptions) checkGlobs() error {
	for _, g := range append(slices.Clone(o.include), o.exclude...) {
		if _, err := path.Match(g, ""); err != nil {
			return fmt.Errorf("bad glob %q: %v", g, err)
		}
	}
	return nil
}

// wanted applies --include and --exclude to a file found in a directory:
// rel is its path below the directory named on the command line. A glob
// with "/" is matched against rel, one without against the base name.
func (o listOptions) wanted(rel string) bool {
	match := func(globs []string) bool {
		for _, g := range globs {
			target := path.Base(rel)
			if strings.Contains(g, "/") {
				target = rel
			}
			if ok, _ := path.Match(g, target); ok {
				return true
			}
		}
		return false
	}
	if len(o.include) > 0 && !match(o.include) {
		return false
	}
	return !match(o.exclude)
}

// listSources expands the command-line paths: directories recursively in
// sorted order (hidden files and folders skipped, only files with a known
// extension, filtered by --include and --exclude), "-" as standard input.
// Symbolic links named on the command line are followed; inside
// directories they are followed too, and a link that is broken or leads
// back into a folder being walked is reported. Anything but a regular file
// or directory (a FIFO, a device) is refused: it could block forever; read
// it through "-". Problems become sources with err set, so that they are
// reported in order with the statements.
func listSources(paths []string, o listOptions) []source {
	var out []source
	for _, p := range paths {
		if p == "-" {
			f := o.format
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
		switch {
		case fi.IsDir():
			out = walkSources(out, p, strings.TrimSuffix(name, "/"), "", []os.FileInfo{fi}, o)
		case !fi.Mode().IsRegular():
			out = append(out, source{path: name, err: notRegular(name, fi)})
		default:
			f := o.format
			if f == inAuto {
				var ok bool
				if f, ok = corpus.FormatOf(p); !ok {
					out = append(out, source{path: name, err: fmt.Errorf(
						"%s: unknown input format %q (want .txt, .md, .jsonl, .csv or .tsv, or set --input-format)",
						name, filepath.Ext(p))})
					continue
				}
			}
			out = append(out, source{path: name, format: f, size: fi.Size()})
		}
	}
	return out
}

// notRegular explains why a FIFO, device or socket is not read.
func notRegular(name string, fi os.FileInfo) error {
	return fmt.Errorf("%s: not a regular file (%s); read it through standard input: rhetorica analyze - < %s", name, fi.Mode().Type(), name)
}

// walkSources appends the statement files below dir (shown as name; rel is
// its path below the directory named on the command line) in lexical
// order. ancestors are the folders being walked, for loop detection.
func walkSources(out []source, dir, name, rel string, ancestors []os.FileInfo, o listOptions) []source {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return append(out, source{path: name, err: plainPathError(err)})
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		full := filepath.Join(dir, e.Name())
		shown := path.Join(name, e.Name())
		relPath := path.Join(rel, e.Name())
		var fi os.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err = os.Stat(full)
			if err != nil {
				out = append(out, source{path: shown, err: fmt.Errorf("%s: symbolic link not followed: %v", shown, pathErrText(err))})
				continue
			}
		} else if fi, err = e.Info(); err != nil {
			out = append(out, source{path: shown, err: plainPathError(err)})
			continue
		}
		if fi.IsDir() {
			if slices.ContainsFunc(ancestors, func(a os.FileInfo) bool { return os.SameFile(a, fi) }) {
				out = append(out, source{path: shown, err: fmt.Errorf("%s: symbolic link not followed: it leads back to a folder being read (a loop)", shown)})
				continue
			}
			out = walkSources(out, full, shown, relPath, append(ancestors[:len(ancestors):len(ancestors)], fi), o)
			continue
		}
		f, ok := corpus.FormatOf(e.Name())
		if !ok || filepath.Ext(e.Name()) == "" || !o.wanted(relPath) {
			continue // not a statement file: images, PDFs, notes
		}
		if !fi.Mode().IsRegular() {
			out = append(out, source{path: shown, err: notRegular(shown, fi)})
			continue
		}
		if o.format != inAuto {
			f = o.format
		}
		out = append(out, source{path: shown, format: f, size: fi.Size()})
	}
	return out
}

// pathErrText is the cause of a path error without the path.
func pathErrText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
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
	pos   string // file, or file:line
	err   error
	text  string   // the statement's text, when the consumer needs it
	size  int      // bytes taken from the budget
	notes []string // warnings about the statement (metadata not found)
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
	noted string       // the last source noted as not matching --path-meta
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
	if r.opts.pathMeta != nil && s.path != "-" {
		// Every statement of a file gets its fields; a file that does not
		// match is noted once, on its first statement.
		if !r.opts.pathMeta.Apply(&st, s.path) && r.noted != s.path {
			r.noted = s.path
			it.notes = append(it.notes, fmt.Sprintf("the path does not match --path-meta %q", r.opts.pathMeta.String()))
		}
	}
	if r.opts.meta != nil && !r.opts.meta.Join(&st) {
		it.notes = append(it.notes, "no row of the --meta table has this statement's key")
	}
	if r.opts.keepText {
		it.text = st.Text
	}
	if b := r.opts.budget; b != nil {
		if len(st.Text) > b.limit {
			r.fail(pos, fmt.Errorf("%w: %d bytes of text need up to %s to analyse (%d bytes a byte), over --max-memory %s; raise --max-memory or split the statement",
				corpus.ErrTooLarge, len(st.Text), sizeText(len(st.Text)*costPerByte), costPerByte, sizeText(b.memory)))
			return !r.stop.Load()
		}
		it.size = b.acquire(len(st.Text), &r.stop)
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
		fi, err := f.Stat()
		switch {
		case err != nil:
			r.fail(s.name(), readError(err))
			return true
		case !fi.Mode().IsRegular():
			r.fail("", notRegular(s.name(), fi))
			return true
		case s.format == inText && r.opts.maxBytes > 0 && fi.Size() > int64(r.opts.maxBytes)*2+2:
			// Refuse without reading (a UTF-16 file may hold twice the
			// bytes of its UTF-8 text).
			r.fail(s.name(), fmt.Errorf("%w: the file has %d bytes, the limit is %d (--max-bytes)", corpus.ErrTooLarge, fi.Size(), r.opts.maxBytes))
			return true
		}
		rd = f
	}
	rd = &countingReader{r: rd, n: &r.read}
	opts := corpus.Options{Format: s.format, TextColumn: r.opts.textCol, IDColumn: r.opts.idCol,
		SpeakerColumn: r.opts.speakerCol, LazyQuotes: r.opts.lazyQuotes, MaxBytes: r.opts.maxBytes}
	for rec := range corpus.Read(s.name(), rd, opts) {
		if rec.Err != nil {
			r.fail(rec.Pos, rec.Err)
			if r.stop.Load() {
				return false
			}
			continue
		}
		if !r.emit(rec.Pos, rec.Statement, s, yield) {
			return false
		}
	}
	return true
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

// budget bounds the text bytes of the statements between the reader and
// the writer: the reader acquires a statement's bytes before handing it to
// the analyzer and the consumer releases them once its report is written.
// Memory in flight is then at most the budget times the cost per byte of
// text (see the README), whatever --workers says. A statement larger than
// the whole budget is refused by the reader before it is analysed.
type budget struct {
	mu     sync.Mutex
	cond   *sync.Cond
	memory int // --max-memory
	limit  int // bytes of text: memory / costPerByte
	used   int
}

func newBudget(memory int) *budget {
	b := &budget{memory: memory, limit: max(memory/costPerByte, 1)}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes fit (or nothing else is in flight) and
// returns what was taken; it returns 0 without waiting once stop is set.
func (b *budget) acquire(n int, stop *atomic.Bool) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > b.limit {
		if stop.Load() {
			return 0
		}
		b.cond.Wait()
	}
	b.used += n
	return n
}

func (b *budget) release(n int) {
	if b == nil || n == 0 {
		return
	}
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// wake lets a waiting acquire see that reading stopped (set stop first).
func (b *budget) wake() {
	if b != nil {
		b.mu.Lock()
		b.cond.Broadcast()
		b.mu.Unlock()
	}
}
