package lexicon

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rhetorica/rhetorica/tokenize"
)

// Sentinel errors that the items of an [ErrorList] unwrap to. Test for them
// with errors.Is, which looks through an ErrorList into every item.
var (
	ErrSyntax           = errors.New("lexicon: syntax error")
	ErrUnknownDirective = errors.New("lexicon: unknown directive")
	ErrBadWeight        = errors.New("lexicon: bad weight")
	ErrDuplicate        = errors.New("lexicon: duplicate entry")
	ErrEmptyPattern     = errors.New("lexicon: empty pattern")
	ErrBareWildcard     = errors.New("lexicon: bare wildcard")
	ErrUnknownCategory  = errors.New("lexicon: unknown category")
	ErrNoCategory       = errors.New("lexicon: entry outside any category")
	ErrEncoding         = errors.New("lexicon: invalid encoding")
	ErrFormat           = errors.New("lexicon: unknown format")
	// ErrBadHeader is a malformed header: the % block of a LIWC .dic, or the
	// root element of an XML dictionary.
	ErrBadHeader = errors.New("lexicon: bad header")
	// ErrBadName is an empty or malformed lexicon name, category name or
	// actor code.
	ErrBadName = errors.New("lexicon: bad name")
	// ErrEmptyCategory is a category (or actor) without entries (aliases).
	ErrEmptyCategory = errors.New("lexicon: empty category")
	// ErrLanguage is a language that the tokenizer does not support. It
	// wraps [tokenize.ErrLanguage], so errors.Is finds either sentinel in
	// an error that carries it.
	ErrLanguage error = &wrapError{"lexicon: unsupported language", tokenize.ErrLanguage}
	// ErrMerge is a problem found while merging two lexicons, such as the
	// removal of an entry that the base lexicon does not have.
	ErrMerge = errors.New("lexicon: cannot merge")
)

// wrapError is a sentinel error with its own message that unwraps to a
// sentinel of another package.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// Position is a place in a lexicon file. Line and Col count from 1; Col
// counts bytes (a UTF-8 byte order mark on line 1 counts too, so offsets stay
// true). A Position with Line 0 names only the lexicon or file, for problems
// in a [Definition] that did not come from a file. The zero value is usable.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col, file:line when Col is 0, or just the
// file when Line is 0. An empty File prints as "lexicon".
func (p Position) String() string {
	f := p.File
	if f == "" {
		f = "lexicon"
	}
	switch {
	case p.Line <= 0:
		return f
	case p.Col <= 0:
		return f + ":" + strconv.Itoa(p.Line)
	}
	return f + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// Error is one problem in a lexicon, at a position. The zero value is not
// meaningful; parsers, [New] and [Merge] build them.
type Error struct {
	Pos Position
	Msg string // lower-case message without position
	Err error  // the sentinel (or an error wrapping it) that Unwrap returns
}

// Error formats e as "file:line:col: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in a lexicon, in file order (by line,
// then column). A nil or empty ErrorList is never returned as an error.
type ErrorList []*Error

// Error prints one problem per line, the first 100 of them, then "and N
// more problems" (the list itself holds them all).
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i == maxErrorLines {
			fmt.Fprintf(&b, "and %d more problems", len(l)-i)
			break
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the items, so errors.Is finds any of their sentinels.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// sortErrors orders l by file, line and column, keeping the order of
// problems found at the same place.
func sortErrors(l ErrorList) {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// err returns l, sorted and with exact repeats dropped (the same problem
// at the same place, as YAML aliases can produce), as an error: nil when l
// is empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	sortErrors(l)
	l = slices.CompactFunc(l, func(a, b *Error) bool { return a.Pos == b.Pos && a.Msg == b.Msg })
	return l
}

// newError builds an item whose message is format's text and which unwraps
// to sentinel.
func newError(pos Position, sentinel error, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

// errText is err's message without the package prefix, for messages that
// already say where they come from.
func errText(err error) string {
	s := err.Error()
	for strings.HasPrefix(s, "lexicon: ") {
		s = s[len("lexicon: "):]
	}
	return s
}
