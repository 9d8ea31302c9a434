package lexicon

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors that the items of an [ErrorList] unwrap to.
var (
	ErrSyntax           = errors.New("syntax error")
	ErrUnknownDirective = errors.New("unknown directive")
	ErrBadWeight        = errors.New("bad weight")
	ErrDuplicate        = errors.New("duplicate entry")
	ErrEmptyPattern     = errors.New("empty pattern")
	ErrBareWildcard     = errors.New("bare wildcard")
	ErrUnknownCategory  = errors.New("unknown category")
	ErrNoCategory       = errors.New("entry outside any category")
	ErrEncoding         = errors.New("invalid encoding")
	ErrFormat           = errors.New("unknown format")
)

// Position is a place in a lexicon file. Line and Col count from 1; Col
// counts bytes.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col.
func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem in a lexicon, at a position.
type Error struct {
	Pos Position
	Msg string // lower-case message without position
	Err error  // the sentinel it unwraps to
}

// Error formats e as "file:line:col: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in a lexicon, in file order.
type ErrorList []*Error

// Error prints one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
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
