package lexicon

import (
	"errors"
	"io"
	"io/fs"
)

// Format is a lexicon file format.
type Format uint8

// The supported formats.
const (
	FormatAuto       Format = iota // detect from the file name's extension
	FormatLex                      // the native .lex format (see package doc)
	FormatLIWC                     // LIWC .dic
	FormatWordStat                 // WordStat .cat
	FormatYAML                     // quanteda YAML (.yml, .yaml)
	FormatLexicoder                // Lexicoder .lc3
	FormatYoshikoder               // Yoshikoder .ykd (XML)
)

// ParseFormat returns the Format for a name such as "lex", "liwc", "dic",
// "wordstat", "cat", "yaml", "yml", "lc3", "lexicoder", "ykd", "yoshikoder".
func ParseFormat(s string) (Format, error) { return FormatAuto, errors.New("lexicon: TODO") }

// FormatFor detects a format from a file name's extension.
func FormatFor(name string) (Format, error) { return FormatAuto, errors.New("lexicon: TODO") }

// Parse parses a lexicon in the native .lex format. name is used in error
// positions. Every problem is reported in an [ErrorList]; on error the
// lexicon is nil.
func Parse(name string, data []byte) (*Lexicon, error) { return nil, errors.New("lexicon: TODO") }

// ParseAs parses data in format f (FormatAuto detects from name).
func ParseAs(f Format, name string, data []byte) (*Lexicon, error) {
	return nil, errors.New("lexicon: TODO")
}

// ParseFile reads and parses the file at path, detecting the format from its
// extension unless f is not FormatAuto.
func ParseFile(path string, f Format) (*Lexicon, error) { return nil, errors.New("lexicon: TODO") }

// ParseFS is ParseFile on a file system.
func ParseFS(fsys fs.FS, path string, f Format) (*Lexicon, error) {
	return nil, errors.New("lexicon: TODO")
}

// Write encodes l in format f (FormatLex or FormatLIWC) to w.
func Write(w io.Writer, l *Lexicon, f Format) error { return errors.New("lexicon: TODO") }

// Merge layers over on top of base: new categories, modifiers and actors are
// appended; entries of an existing category are added, re-weighted, or
// removed (see the package doc for the removal syntax).
func Merge(base, over *Lexicon) (*Lexicon, error) { return nil, errors.New("lexicon: TODO") }

// Default returns the embedded default diplomatic-framing lexicon (English).
// It is parsed once and shared.
func Default() *Lexicon { return nil }
