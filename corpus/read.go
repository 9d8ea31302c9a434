package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// Errors that reading errors wrap, for errors.Is.
var (
	// ErrTooLarge is wrapped by the error for a statement (a text file, a
	// JSONL line, a CSV row) longer than Options.MaxBytes. Nothing more
	// than the limit is held in memory to find it out.
	ErrTooLarge = errors.New("statement too large")
	// ErrFrontMatter is wrapped by the error for front matter that is
	// neither YAML nor plain "key: value" lines, or whose aliases expand
	// past the budget.
	ErrFrontMatter = errors.New("broken front matter")
	// ErrQuote is wrapped by the error for a CSV quote that is never
	// closed, or a stray quote outside Options.LazyQuotes.
	ErrQuote = errors.New("csv quote")
	// ErrEncoding is wrapped by the error for text that is neither UTF-8
	// nor UTF-16, such as binary data.
	ErrEncoding = errors.New("unsupported encoding")
)

// DefaultMaxBytes is the longest statement read when Options.MaxBytes is 0
// (64 MiB, the analyzer's own default limit).
const DefaultMaxBytes = 64 << 20

// Format is how a corpus file is laid out.
type Format int

// The formats. FormatAuto picks one from the file name's extension.
const (
	FormatAuto  Format = iota // by extension (see [FormatOf])
	FormatText                // one statement per file, optional front matter
	FormatJSONL               // one JSON object per line
	FormatCSV                 // a header row, then one statement per row
	FormatTSV                 // as CSV, tab separated
)

// known reports whether f is one of the Format constants.
func (f Format) known() bool { return f >= FormatAuto && f <= FormatTSV }

// String returns the format's name: auto, text, jsonl, csv or tsv.
func (f Format) String() string {
	if !f.known() {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return [...]string{"auto", "text", "jsonl", "csv", "tsv"}[f]
}

// ParseFormat parses a format name: auto, txt/text/md/markdown,
// jsonl/ndjson, csv or tsv (any case).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "txt", "text", "md", "markdown":
		return FormatText, nil
	case "jsonl", "ndjson", "json-lines":
		return FormatJSONL, nil
	case "csv":
		return FormatCSV, nil
	case "tsv":
		return FormatTSV, nil
	}
	return FormatAuto, fmt.Errorf("corpus: unknown format %q (want auto, txt, md, jsonl, csv or tsv)", s)
}

// FormatOf returns the format of a file name by its extension: .txt, .text,
// .md, .markdown and no extension are text; .jsonl and .ndjson JSONL; .csv
// and .tsv. ok is false for any other extension.
func FormatOf(name string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md", ".markdown", "":
		return FormatText, true
	case ".jsonl", ".ndjson":
		return FormatJSONL, true
	case ".csv":
		return FormatCSV, true
	case ".tsv":
		return FormatTSV, true
	}
	return FormatAuto, false
}

// Options configure [Read]. The zero value reads by extension with the
// default column names and limit.
type Options struct {
	Format Format // FormatAuto means by the name's extension

	// CSV columns (case-insensitive names). Empty means the first present
	// of the defaults: text, body, content, speech, statement, transcript
	// for the text; id, link, url for the id; speaker, author,
	// speaker_name for the speaker. A named column that is missing fails
	// the file.
	TextColumn, IDColumn, SpeakerColumn string
	// LazyQuotes accepts a stray quote inside a CSV field as a literal
	// character. A quote that is never closed is an error all the same.
	LazyQuotes bool

	// MaxBytes is the longest statement read, in bytes of UTF-8 text: a
	// text file, a JSONL line or a CSV row. A longer one is an error
	// wrapping [ErrTooLarge], found while reading (at most MaxBytes are
	// held). 0 means [DefaultMaxBytes]; a negative value means no limit.
	MaxBytes int
}

func (o Options) maxBytes() int {
	switch {
	case o.MaxBytes == 0:
		return DefaultMaxBytes
	case o.MaxBytes < 0:
		return int(^uint(0) >> 1)
	}
	return o.MaxBytes
}

// Record is one element of [Read]: a statement, or a problem at a position.
// It is plain data.
type Record struct {
	// Pos is where the record is: the name for a text file, name:line for
	// a JSONL line or CSV row (the line where the row starts), or the name
	// alone for a problem with the whole file.
	Pos string
	// Lines is how many physical lines the record covers (0 for a text
	// file or a problem with the whole file). With the skipped blank lines
	// and the header, the Lines of a file's records add up to its lines.
	Lines int
	// Statement is valid when Err is nil. For a text or Markdown file its
	// BodyOffset is where its text starts in the file (after the front
	// matter and a UTF-8 byte order mark; in a UTF-16 file, counted in
	// the text decoded to UTF-8).
	Statement rhetoric.Statement
	Err       error
}

// Read returns the statements of one corpus file in order, and a Record
// with Err set for each problem (a bad line or row, a statement over the
// limit, an unreadable file); reading goes on after a bad line or row. name
// is used for positions and default ids (a text file's id is its name, a
// line's or row's is name:line, unless the data gives one). The sequence
// reads r lazily, holding one statement at a time; it must not be ranged
// over twice.
//
// Text is UTF-8 (a byte order mark is dropped) or UTF-16 (with a byte order
// mark, or recognised by its NUL bytes); lines end with LF, CRLF or CR
// alone. An opts.Format that is none of the Format constants is a problem
// with the whole file.
func Read(name string, r io.Reader, opts Options) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		f := opts.Format
		if !f.known() {
			yield(Record{Pos: name, Err: fmt.Errorf("corpus: unknown format %v in Options.Format", f)})
			return
		}
		if f == FormatAuto {
			var ok bool
			if f, ok = FormatOf(name); !ok {
				yield(Record{Pos: name, Err: fmt.Errorf("unknown input format %q (want .txt, .md, .jsonl, .csv or .tsv)", filepath.Ext(name))})
				return
			}
		}
		br, bom, err := decode(r)
		if err != nil {
			yield(Record{Pos: name, Err: err})
			return
		}
		switch f {
		case FormatJSONL:
			readJSONL(name, br, opts, yield)
		case FormatCSV, FormatTSV:
			readCSV(name, br, f == FormatTSV, opts, yield)
		default:
			readText(name, br, bom, opts, yield)
		}
	}
}

// readText reads a whole file as one statement, refusing it as soon as it
// passes the limit.
func readText(name string, r *bufio.Reader, bom int, opts Options, yield func(Record) bool) {
	max := opts.maxBytes()
	var lr io.Reader = r
	if max < int(^uint(0)>>1) {
		lr = io.LimitReader(r, int64(max)+1)
	}
	data, err := io.ReadAll(lr)
	if err != nil {
		yield(Record{Pos: name, Err: readError(err)})
		return
	}
	if len(data) > max {
		yield(Record{Pos: name, Err: tooLarge("the file", max)})
		return
	}
	st, err := parseUTF8(name, string(data), bom)
	if err != nil {
		yield(Record{Pos: name, Err: err})
		return
	}
	yield(Record{Pos: name, Statement: st})
}

func tooLarge(what string, max int) error {
	return fmt.Errorf("%w: %s has more than %d bytes (the limit; raise it with --max-bytes or Options.MaxBytes)", ErrTooLarge, what, max)
}

// readError describes an I/O error without repeating a path (the record's
// position names the file).
func readError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("read: %w", pe.Err)
	}
	return err
}
