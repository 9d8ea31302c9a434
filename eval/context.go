package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/corpus"
)

// DefaultWindow is the default number of bytes of document read on each
// side of an annotated text by [AddContext]: about five sentences of a
// speech, enough for the neighbour features and target candidates of the
// learned layer, which look one sentence back and one ahead.
const DefaultWindow = 1000

// AddContext finds every item's document and stores the text around the
// item in Item.Context, so that the item is analyzed as the analyzer sees
// it in a whole statement: with the sentences before and after it. An item
// with a locator names its document: "file" with "start"/"end" (a text or
// Markdown file under corpus; offsets index the file's bytes) or "file"
// with "row" (a CSV file under corpus whose data row number row, from 0,
// has the text in its text column, e.g. "body"). The context is cut from
// that document at most window bytes before and after the text, at a
// sentence boundary (a full stop, question or exclamation mark followed by
// a blank, or a blank line), never inside front matter. Items with only a
// "text" are left alone and analyzed by themselves.
//
// It returns how many items got a context. A document that cannot be read,
// a row that does not exist, or a text that differs from the bytes its
// locator names is an error naming the annotated file (name) and line: the
// locator is wrong, and analyzing the item alone would hide it. White space
// does not count in that comparison (a run of blanks, line breaks or
// no-break spaces is one space; blanks at either end are dropped), since
// annotators join hard-wrapped lines. The context holds the item's Text in
// place of the bytes it was read from. window <= 0 sets no context.
func AddContext(items []Item, name, corpusDir string, window int) (int, error) {
	if window <= 0 {
		return 0, nil
	}
	docs := map[string]*document{}
	var errs []error
	n := 0
	for i := range items {
		it := &items[i]
		if it.File == "" {
			continue
		}
		d, ok := docs[it.File]
		if !ok {
			var err error
			d, err = readDocument(filepath.Join(corpusDir, filepath.FromSlash(it.File)))
			if err != nil {
				d = &document{err: err}
			}
			docs[it.File] = d
		}
		if d.err != nil {
			errs = append(errs, fmt.Errorf("%w: %s:%d: %s: %v", ErrFormat, name, it.Line, it.ID, d.err))
			continue
		}
		body, start := d.body, -1
		switch {
		case it.Row != nil && d.rows == nil:
			errs = append(errs, fmt.Errorf("%w: %s:%d: %s: a row of %s, which is not a CSV or TSV file", ErrFormat, name, it.Line, it.ID, it.File))
			continue
		case it.Row == nil && d.rows != nil:
			errs = append(errs, fmt.Errorf("%w: %s:%d: %s: %s is a CSV or TSV file: locate the text with \"row\"", ErrFormat, name, it.Line, it.ID, it.File))
			continue
		}
		if it.Row != nil {
			r := *it.Row
			if r < 0 || r >= len(d.rows) {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s: row %d outside %s (%d rows)", ErrFormat, name, it.Line, it.ID, r, it.File, len(d.rows)))
				continue
			}
			body = d.rows[r]
			start = strings.Index(body, it.Text)
			if start < 0 {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s: the text is not in row %d of %s", ErrFormat, name, it.Line, it.ID, r, it.File))
				continue
			}
		} else {
			start = it.Start - d.offset
			if start < 0 || it.End-d.offset > len(body) || it.Start > it.End || !sameText(body[start:it.End-d.offset], it.Text) {
				errs = append(errs, fmt.Errorf("%w: %s:%d: %s: the text differs from bytes [%d,%d) of %s", ErrFormat, name, it.Line, it.ID, it.Start, it.End, it.File))
				continue
			}
		}
		end := start + len(it.Text)
		if it.Row == nil {
			end = it.End - d.offset
		}
		lo, hi := window1(body, start, end, window)
		it.Context, it.ContextStart = body[lo:start]+it.Text+body[end:hi], start-lo
		n++
	}
	if len(errs) > 0 {
		return n, errors.Join(errs...)
	}
	return n, nil
}

// document is a corpus file as AddContext reads it: a text file's body
// (after front matter) and where it starts, or a CSV file's rows.
type document struct {
	body   string
	offset int
	rows   []string // nil for a text file
	err    error
}

func readDocument(path string) (*document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	format, _ := corpus.FormatOf(path)
	if format != corpus.FormatText && format != corpus.FormatCSV && format != corpus.FormatTSV {
		return nil, fmt.Errorf("not a text, Markdown, CSV or TSV file")
	}
	d := &document{}
	isCSV := format == corpus.FormatCSV || format == corpus.FormatTSV
	if isCSV {
		d.rows = []string{}
	}
	for rec := range corpus.Read(filepath.ToSlash(path), f, corpus.Options{MaxBytes: -1}) {
		if isCSV {
			if rec.Err != nil && rec.Lines == 0 {
				return nil, rec.Err
			}
			// A bad row keeps its place, so that row numbers stay right.
			d.rows = append(d.rows, rec.Statement.Text)
			continue
		}
		if rec.Err != nil {
			return nil, rec.Err
		}
		d.body, d.offset = rec.Statement.Text, rec.Statement.BodyOffset
	}
	return d, nil
}

// window1 returns the bounds [lo, hi) of the context of text[start:end]:
// at most w bytes on each side, cut at the first sentence boundary after
// start-w and the last one before end+w (the whole text when it is
// nearer).
func window1(text string, start, end, w int) (lo, hi int) {
	lo, hi = start, end
	if start-w <= 0 {
		lo = 0
	} else {
		for i := start - w; i < start; i++ {
			if isBoundary(text, i) {
				lo = i
				break
			}
		}
	}
	if end+w >= len(text) {
		hi = len(text)
	} else {
		for i := end + w; i > end; i-- {
			if isBoundary(text, i) {
				hi = i
				break
			}
		}
	}
	// Never split a character.
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && hi > 0 && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return lo, hi
}

// isBoundary reports whether a sentence may start at byte i of text: i
// follows a blank (space, tab or line break) that follows a full stop,
// question or exclamation mark (with closing quotes or brackets between),
// or i follows a blank line.
func isBoundary(text string, i int) bool {
	if i <= 1 || i >= len(text) {
		return false
	}
	if c := text[i-1]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
		return false
	}
	j := i - 1
	for j > 0 && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j--
	}
	if text[j] == '\n' {
		// A blank line: only blanks between this and an earlier line break.
		k := j - 1
		for k >= 0 && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k--
		}
		if k >= 0 && text[k] == '\n' {
			return true
		}
		j = k
	}
	for j > 0 && strings.IndexByte("\"')]", text[j]) >= 0 {
		j--
	}
	for j > 2 && (strings.HasSuffix(text[:j+1], "”") || strings.HasSuffix(text[:j+1], "’")) {
		j -= 3
	}
	return j >= 0 && (text[j] == '.' || text[j] == '?' || text[j] == '!')
}

// sameText reports whether a and b are equal once every run of white
// space (Unicode's, so a no-break space too) is one space and white space
// at either end is dropped.
func sameText(a, b string) bool {
	i, j := skipSpace(a, 0), skipSpace(b, 0)
	for i < len(a) && j < len(b) {
		sa, sb := spaceLen(a, i) > 0, spaceLen(b, j) > 0
		switch {
		case sa && sb:
			i, j = skipSpace(a, i), skipSpace(b, j)
		case sa || sb || a[i] != b[j]:
			return false
		default:
			i++
			j++
		}
	}
	return skipSpace(a, i) == len(a) && skipSpace(b, j) == len(b)
}

// spaceLen returns the length in bytes of the white-space character at
// s[i], or 0 when it is not one.
func spaceLen(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		n := spaceLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}
