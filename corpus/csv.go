package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/rhetoric"
)

// Default CSV column names, tried in order (case-insensitive).
var (
	textCols    = []string{"text", "body", "content", "speech", "statement", "transcript"}
	idCols      = []string{"id", "link", "url"}
	speakerCols = []string{"speaker", "author", "speaker_name"}
)

// ErrNoTextColumn is wrapped by the error for a CSV file without a text
// column.
var ErrNoTextColumn = errors.New("no text column")

// csvReader reads CSV records: fields separated by comma, records ending in
// LF, CRLF or CR alone, fields quoted with '"' ("" for a quote) that may
// hold line breaks. It is written for corpora rather than taken from
// encoding/csv so that it can bound a row while reading it and recover
// from a quote that is never closed: the rows after the line where it
// opened are read again instead of being swallowed into one field.
type csvReader struct {
	br      *bufio.Reader
	pending []byte // bytes to read before br (rows read again after a quote error)
	comma   byte
	lazy    bool
	max     int
	line    int // line of the next byte, 1-based

	raw    []byte // the bytes after the open quote, for reading them again
	field  []byte
	fields []string
}

func (c *csvReader) readByte() (byte, error) {
	if len(c.pending) > 0 {
		b := c.pending[0]
		c.pending = c.pending[1:]
		return b, nil
	}
	return c.br.ReadByte()
}

func (c *csvReader) peekByte() (byte, bool) {
	if len(c.pending) > 0 {
		return c.pending[0], true
	}
	b, err := c.br.Peek(1)
	if err != nil {
		return 0, false
	}
	return b[0], true
}

// run returns the bytes available without reading that hold no quote,
// line break (or, outside quotes, separator), at most n of them. They stay
// unread until skip.
func (c *csvReader) run(inQuotes bool, n int) []byte {
	var buf []byte
	if len(c.pending) > 0 {
		buf = c.pending
	} else {
		buf, _ = c.br.Peek(c.br.Buffered())
	}
	buf = buf[:min(len(buf), max(n, 0))]
	for i, b := range buf {
		if b == '"' || b == '\n' || b == '\r' || !inQuotes && b == c.comma {
			return buf[:i]
		}
	}
	return buf
}

// skip consumes n bytes returned by run.
func (c *csvReader) skip(n int) {
	if len(c.pending) > 0 {
		c.pending = c.pending[n:]
		return
	}
	c.br.Discard(n)
}

// record is one CSV record or the problem with it.
type record struct {
	fields []string // valid until the next read
	start  int      // line where it starts
	lines  int      // physical lines it covers
	blank  bool     // an empty line
	err    error
}

// read returns the next record; io.EOF at the end of the input.
func (c *csvReader) read() (rec record, err error) {
	c.raw = c.raw[:0]
	c.field = c.field[:0]
	c.fields = c.fields[:0]
	rec.start = c.line
	var (
		fieldStart = true
		inQuotes   bool
		quoteLine  int // line where the open quote is
		any        bool
		size       int
	)
	endField := func() {
		c.fields = append(c.fields, string(c.field))
		c.field = c.field[:0]
		fieldStart = true
	}
	// skipLine reads to the end of the current physical line after an
	// error in an unquoted part.
	skipLine := func() {
		for {
			b, err := c.readByte()
			if err != nil {
				return
			}
			if b == '\n' {
				c.line++
				return
			}
			if b == '\r' {
				if nb, ok := c.peekByte(); ok && nb == '\n' {
					c.readByte()
				}
				c.line++
				return
			}
		}
	}
	finish := func(e error) (record, error) {
		rec.lines = c.line - rec.start
		rec.fields = c.fields
		rec.err = e
		return rec, nil
	}
	for {
		// Copy a run of ordinary bytes at once (the bulk of a field),
		// stopping short of the limit so that the byte that passes it
		// goes through the checks below.
		if run := c.run(inQuotes, c.max-size); len(run) > 0 {
			any = true
			if !inQuotes {
				fieldStart = false
			}
			if inQuotes {
				c.raw = append(c.raw, run...)
			}
			c.field = append(c.field, run...)
			size += len(run)
			c.skip(len(run))
			continue
		}
		b, rerr := c.readByte()
		if rerr != nil {
			if rerr != io.EOF {
				return rec, rerr
			}
			if !any {
				return rec, io.EOF
			}
			if inQuotes {
				return c.unclosed(rec, quoteLine, "it runs to the end of the file")
			}
			endField()
			c.line++ // the last line, without a line ending
			return finish(nil)
		}
		any = true
		if inQuotes {
			c.raw = append(c.raw, b)
		}
		size++
		if size > c.max {
			if inQuotes {
				return c.unclosed(rec, quoteLine, fmt.Sprintf("the field passes the limit of %d bytes", c.max))
			}
			// Outside quotes the row ends with its physical line.
			switch b {
			case '\r':
				if nb, ok := c.peekByte(); ok && nb == '\n' {
					c.readByte()
				}
				c.line++
			case '\n':
				c.line++
			default:
				skipLine()
			}
			c.fields = c.fields[:0]
			return finish(tooLarge("the row", c.max))
		}
		if inQuotes {
			switch b {
			case '"':
				nb, ok := c.peekByte()
				switch {
				case ok && nb == '"':
					c.readByte()
					c.raw = append(c.raw, '"')
					c.field = append(c.field, '"')
					size++
				case !ok || nb == c.comma || nb == '\n' || nb == '\r':
					inQuotes = false
				case c.lazy:
					c.field = append(c.field, '"')
				case quoteLine < c.line:
					// A quote that ran over line breaks and ends in a stray
					// quote was most likely never meant to open a field:
					// read the lines after it again.
					return c.unclosed(rec, quoteLine, fmt.Sprintf("a quote on line %d does not close it", c.line))
				default:
					line := c.line
					skipLine()
					return finish(fmt.Errorf("%w: extraneous \" in a quoted field (line %d; --lazy-quotes keeps it)", ErrQuote, line))
				}
			case '\r':
				if nb, ok := c.peekByte(); ok && nb == '\n' {
					c.readByte()
					c.raw = append(c.raw, '\n')
					size++
				}
				c.line++
				c.field = append(c.field, '\n')
			case '\n':
				c.line++
				c.field = append(c.field, '\n')
			default:
				c.field = append(c.field, b)
			}
			continue
		}
		switch {
		case fieldStart && b == '"':
			// Only the bytes after the open quote are kept, to be read
			// again if it is never closed.
			inQuotes = true
			quoteLine = c.line
			c.raw = c.raw[:0]
			fieldStart = false
		case b == c.comma:
			endField()
		case b == '\n' || b == '\r':
			if b == '\r' {
				if nb, ok := c.peekByte(); ok && nb == '\n' {
					c.readByte()
				}
			}
			rec.blank = fieldStart && len(c.fields) == 0 && len(c.field) == 0
			endField()
			c.line++
			return finish(nil)
		case b == '"' && !c.lazy:
			skipLine()
			return finish(fmt.Errorf("%w: bare \" in a field that is not quoted (--lazy-quotes keeps it)", ErrQuote))
		default:
			fieldStart = false
			c.field = append(c.field, b)
		}
	}
}

// unclosed reports a quote opened on line quoteLine that is never closed,
// and arranges for the lines after it to be read again as rows (c.raw holds
// the bytes read after the quote).
func (c *csvReader) unclosed(rec record, quoteLine int, why string) (record, error) {
	rest := c.raw
	// Read again from the line after the quote's.
	cut := -1
	for i, b := range rest {
		if b == '\n' || b == '\r' {
			cut = i + 1
			if b == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
				cut++
			}
			break
		}
	}
	again := []byte(nil)
	if cut >= 0 {
		again = append(again, rest[cut:]...)
	}
	c.pending = append(again, c.pending...)
	c.line = quoteLine + 1
	rec.lines = c.line - rec.start
	rec.err = fmt.Errorf("%w: the quote opened on line %d is never closed (%s); the lines after it are read as rows", ErrQuote, quoteLine, why)
	return rec, nil
}

// readCSV reads a CSV or TSV file with a header row, one statement per row.
func readCSV(name string, br *bufio.Reader, tsv bool, opts Options, yield func(Record) bool) {
	c := &csvReader{br: br, comma: ',', lazy: opts.LazyQuotes, max: opts.maxBytes(), line: 1}
	if tsv {
		c.comma = '\t'
	}
	hrec, err := c.read()
	if err == io.EOF {
		yield(Record{Pos: name, Err: errors.New("empty file (want a header row)")})
		return
	}
	if err != nil {
		yield(Record{Pos: name, Err: readError(err)})
		return
	}
	if hrec.err != nil {
		yield(Record{Pos: name + ":1", Lines: hrec.lines, Err: fmt.Errorf("header row: %w", hrec.err)})
		return
	}
	header := slices.Clone(hrec.fields)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	fail := func(err error) { yield(Record{Pos: name + ":1", Lines: hrec.lines, Err: err}) }
	textIdx, err := column(header, opts.TextColumn, textCols, "--text-col")
	if err == nil && textIdx < 0 {
		err = fmt.Errorf("%w (looked for %s; choose one with --text-col; the columns are: %s)",
			ErrNoTextColumn, strings.Join(textCols, ", "), strings.Join(header, ", "))
	}
	if err != nil {
		fail(err)
		return
	}
	idIdx, err := column(header, opts.IDColumn, idCols, "--id-col")
	if err != nil {
		fail(err)
		return
	}
	spIdx, err := column(header, opts.SpeakerColumn, speakerCols, "--speaker-col")
	if err != nil {
		fail(err)
		return
	}
	for {
		rec, err := c.read()
		if err == io.EOF {
			return
		}
		pos := name + ":" + strconv.Itoa(rec.start)
		if err != nil {
			yield(Record{Pos: pos, Err: readError(err)})
			return
		}
		if rec.err != nil {
			if !yield(Record{Pos: pos, Lines: rec.lines, Err: rec.err}) {
				return
			}
			continue
		}
		if rec.blank {
			continue
		}
		if len(rec.fields) != len(header) {
			if !yield(Record{Pos: pos, Lines: rec.lines, Err: fmt.Errorf("row has %d fields, the header has %d", len(rec.fields), len(header))}) {
				return
			}
			continue
		}
		st, err := csvStatement(header, rec.fields, textIdx, idIdx, spIdx)
		if err != nil {
			if !yield(Record{Pos: pos, Lines: rec.lines, Err: err}) {
				return
			}
			continue
		}
		if st.ID == "" {
			st.ID = pos
		}
		if !yield(Record{Pos: pos, Lines: rec.lines, Statement: st}) {
			return
		}
	}
}

func csvStatement(header, fields []string, textIdx, idIdx, spIdx int) (rhetoric.Statement, error) {
	var st rhetoric.Statement
	for i, v := range fields {
		if !utf8.ValidString(v) {
			return st, InvalidUTF8(fmt.Sprintf("column %q", header[i]), v)
		}
	}
	for i, v := range fields {
		switch i {
		case textIdx:
			st.Text = v
		case idIdx:
			st.ID = v
		case spIdx:
			st.Speaker = v
		default:
			SetField(&st, header[i], v)
		}
	}
	return st, nil
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
