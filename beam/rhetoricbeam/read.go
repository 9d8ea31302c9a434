package rhetoricbeam

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// The pipeline's counters, in the namespace "rhetoricbeam" (see
// [Namespace]): statements read, reports written by Analyze, and dead
// letters from Read and Analyze.
var (
	statementsRead = beam.NewCounter(Namespace, "statements")
	reportsMade    = beam.NewCounter(Namespace, "reports")
	badRecords     = beam.NewCounter(Namespace, "bad_records")
)

// Namespace is the namespace of the pipeline's counters: "statements"
// (read), "reports" (analyzed) and "bad_records" (dead letters of Read and
// Analyze), which a runner's metrics show while the pipeline runs.
const Namespace = "rhetoricbeam"

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(Record), func(BadRecord), error](&readFn{})
	register.Emitter1[Record]()
	register.Emitter1[BadRecord]()
}

// Format says how a file holds statements.
type Format string

// The input formats. FormatAuto picks one by the file's extension: .jsonl
// and .ndjson are JSONL, .txt, .md and .markdown are text; a file with any
// other extension is a [BadRecord].
const (
	FormatAuto  Format = ""
	FormatJSONL Format = "jsonl" // one JSON object per line, as "rhetorica analyze" reads
	FormatText  Format = "text"  // one statement per file, optional front matter
)

// ParseFormat reads a format name: auto (or ""), jsonl, or text.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "jsonl", "ndjson":
		return FormatJSONL, nil
	case "text", "txt", "md":
		return FormatText, nil
	}
	return FormatAuto, fmt.Errorf("rhetoricbeam: unknown input format %q (want auto, jsonl or text)", s)
}

// Record is a statement with the place it was read from. It is plain data.
type Record struct {
	File      string             `json:"file"`
	Line      int                `json:"line"` // 1-based JSONL line; 0 for a statement that is a whole file
	Statement rhetoric.Statement `json:"statement"`
}

// Pos returns "file:line", or the file alone when Line is 0.
func (r Record) Pos() string { return pos(r.File, r.Line) }

// BadRecord is an input that did not become a report: a line that is not a
// statement, a file that cannot be read, or a statement the analyzer
// rejected. It is plain data.
type BadRecord struct {
	File   string `json:"file"`
	Line   int    `json:"line"`             // 1-based; 0 when the problem concerns the whole file
	Error  string `json:"error"`            // what went wrong
	Record string `json:"record,omitempty"` // the start of the offending line, at most 200 bytes
}

// String returns "file:line: error".
func (b BadRecord) String() string { return pos(b.File, b.Line) + ": " + b.Error }

func pos(file string, line int) string {
	if line == 0 {
		return file
	}
	return file + ":" + strconv.Itoa(line)
}

// maxRecord is the number of bytes of an offending line kept in a BadRecord.
const maxRecord = 200

func clip(b []byte) string {
	if len(b) <= maxRecord {
		return string(b)
	}
	return strings.ToValidUTF8(string(b[:maxRecord]), "") + "..."
}

// ReadOptions configures [Read]. The zero value reads by extension.
type ReadOptions struct {
	Format Format
	// FileMeta adds the file's path as Meta["file"] to every statement, so
	// that reports can be profiled by file (as the CLI's --by file).
	FileMeta bool
}

// Read reads statements from every file matching glob (a path pattern of
// Beam's file systems: local paths, gs:// on Dataflow). It returns the
// statements ([Record]) and the dead letters ([BadRecord]). A glob that
// matches no file fails the pipeline; a local directory it matches is a
// dead letter (match its files instead: corpus/*/*.txt).
func Read(s beam.Scope, glob string, opts ReadOptions) (records, bad beam.PCollection) {
	s = s.Scope("rhetoricbeam.Read")
	files := fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow())
	matches := fileio.ReadMatches(s, files, fileio.ReadDirectorySkip())
	return beam.ParDo2(s, &readFn{Format: string(opts.Format), FileMeta: opts.FileMeta}, matches)
}

// readFn reads the statements of one file.
type readFn struct {
	Format   string
	FileMeta bool
}

func formatOf(f Format, name string) (Format, error) {
	if f != FormatAuto {
		return f, nil
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".txt", ".md", ".markdown":
		return FormatText, nil
	}
	return f, fmt.Errorf("unknown input format %q (want .jsonl, .ndjson, .txt or .md, or set the format)", path.Ext(name))
}

func (fn *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Record), emitBad func(BadRecord)) error {
	name := file.Metadata.Path
	bad := func(b BadRecord) {
		badRecords.Inc(ctx, 1)
		emitBad(b)
	}
	out := func(line int, st rhetoric.Statement) {
		statementsRead.Inc(ctx, 1)
		if fn.FileMeta {
			if st.Meta == nil {
				st.Meta = map[string]string{}
			}
			st.Meta["file"] = name
		}
		emit(Record{File: name, Line: line, Statement: st})
	}
	if !strings.Contains(name, "://") {
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			bad(BadRecord{File: name, Error: "a directory, not a file (match the files in it: DIR/*.txt)"})
			return nil
		}
	}
	format, err := formatOf(Format(fn.Format), name)
	if err != nil {
		bad(BadRecord{File: name, Error: err.Error()})
		return nil
	}
	if format != FormatJSONL {
		data, err := file.Read(ctx)
		if err != nil {
			bad(BadRecord{File: name, Error: "read: " + err.Error()})
			return nil
		}
		st, err := corpus.ParseText(name, data)
		if err != nil {
			bad(BadRecord{File: name, Error: err.Error()})
			return nil
		}
		out(0, st)
		return nil
	}
	rc, err := file.Open(ctx)
	if err != nil {
		bad(BadRecord{File: name, Error: "open: " + err.Error()})
		return nil
	}
	defer rc.Close()
	n, err := readJSONL(rc, func(line int, st rhetoric.Statement) {
		if st.ID == "" {
			st.ID = pos(name, line)
		}
		out(line, st)
	}, func(line int, record []byte, err error) {
		bad(BadRecord{File: name, Line: line, Error: err.Error(), Record: clip(record)})
	})
	if err != nil {
		bad(BadRecord{File: name, Line: n, Error: "read: " + err.Error()})
	}
	return nil
}

// errUTF16 explains a UTF-16 JSONL file.
var errUTF16 = errors.New("the file is UTF-16 encoded; convert it to UTF-8 (for example: iconv -f UTF-16 -t UTF-8)")

// readJSONL reads one statement per line of r, as the command-line tool
// does: a byte order mark is skipped, blank lines are ignored, a line
// that is not a statement object goes to bad with its 1-based number. It
// returns the number of lines read and the first read error; a UTF-16 file
// is one bad record at line 1.
func readJSONL(r io.Reader, statement func(line int, st rhetoric.Statement), bad func(line int, record []byte, err error)) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	var long []byte
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
			l := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte{'\n'}), []byte{'\r'})
			if n == 1 {
				if len(l) >= 2 && (l[0] == 0xFF && l[1] == 0xFE || l[0] == 0xFE && l[1] == 0xFF) {
					bad(1, nil, errUTF16)
					return n, nil
				}
				l = bytes.TrimPrefix(l, []byte{0xEF, 0xBB, 0xBF})
			}
			if len(bytes.TrimSpace(l)) > 0 {
				if st, perr := parseStatement(l); perr != nil {
					bad(n, l, perr)
				} else {
					statement(n, st)
				}
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

func parseStatement(line []byte) (rhetoric.Statement, error) { return corpus.ParseJSON(line) }
