package lexicon

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
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
	FormatLIWC22                   // LIWC-22 .dicx (CSV, weights allowed)
	FormatVADER                    // VADER valence list (word, mean, sd, ratings; .txt)
	FormatAFINN                    // AFINN valence list (word, integer; .txt)
)

var formatNames = [...]string{"auto", "lex", "liwc", "wordstat", "yaml", "lexicoder", "yoshikoder", "dicx", "vader", "afinn"}

// String returns the format's name: "auto", "lex", "liwc", "wordstat",
// "yaml", "lexicoder", "yoshikoder", "dicx", "vader" or "afinn".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("format(%d)", uint8(f))
}

// Extension returns the usual file extension of f, with its dot (".lex",
// ".dic", ".cat", ".yml", ".lc3", ".ykd", ".dicx", and ".txt" for the
// valence lists), or "" for FormatAuto.
func (f Format) Extension() string {
	switch f {
	case FormatLex:
		return ".lex"
	case FormatLIWC:
		return ".dic"
	case FormatWordStat:
		return ".cat"
	case FormatYAML:
		return ".yml"
	case FormatLexicoder:
		return ".lc3"
	case FormatYoshikoder:
		return ".ykd"
	case FormatLIWC22:
		return ".dicx"
	case FormatVADER, FormatAFINN:
		return ".txt"
	}
	return ""
}

// ParseFormat returns the Format for a name such as "lex", "liwc", "dic",
// "wordstat", "cat", "yaml", "yml", "quanteda", "lc3", "lexicoder", "ykd",
// "yoshikoder", "dicx", "liwc22", "vader", "afinn" or "auto", in any case and with or without a leading dot. An
// unknown name gives an error wrapping [ErrFormat].
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "auto", "":
		return FormatAuto, nil
	case "lex":
		return FormatLex, nil
	case "liwc", "dic":
		return FormatLIWC, nil
	case "wordstat", "cat":
		return FormatWordStat, nil
	case "yaml", "yml", "quanteda":
		return FormatYAML, nil
	case "lexicoder", "lc3":
		return FormatLexicoder, nil
	case "yoshikoder", "ykd":
		return FormatYoshikoder, nil
	case "dicx", "liwc22", "liwc-22":
		return FormatLIWC22, nil
	case "vader":
		return FormatVADER, nil
	case "afinn":
		return FormatAFINN, nil
	}
	return FormatAuto, fmt.Errorf("%w %q", ErrFormat, s)
}

// wantExtensions lists the extensions that name a format, for errors.
const wantExtensions = "want .lex, .dic, .dicx, .cat, .yml, .yaml, .lc3, .ykd, or .txt for a VADER or AFINN list"

// FormatFor detects a format from a file name's extension, in any case:
// .lex, .dic, .dicx, .cat, .yml, .yaml, .lc3 or .ykd. Any other name,
// including .txt (whose format [DetectFormat] finds from the content),
// gives an error wrapping [ErrFormat].
func FormatFor(name string) (Format, error) {
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	switch ext {
	case ".lex":
		return FormatLex, nil
	case ".dic":
		return FormatLIWC, nil
	case ".cat":
		return FormatWordStat, nil
	case ".yml", ".yaml":
		return FormatYAML, nil
	case ".lc3":
		return FormatLexicoder, nil
	case ".ykd":
		return FormatYoshikoder, nil
	case ".dicx":
		return FormatLIWC22, nil
	}
	if ext == "" {
		return FormatAuto, fmt.Errorf("%w: %q has no extension (%s)", ErrFormat, name, wantExtensions)
	}
	if isPlainText(name) {
		return FormatAuto, fmt.Errorf("%w: a %s file's format comes from its content (see DetectFormat)", ErrFormat, ext)
	}
	return FormatAuto, fmt.Errorf("%w: extension %q of %q (%s)", ErrFormat, ext, name, wantExtensions)
}

// isPlainText reports whether name ends in .txt or .tsv, the extensions of
// the valence lists.
func isPlainText(name string) bool {
	ext := strings.ToLower(path.Ext(filepath.ToSlash(name)))
	return ext == ".txt" || ext == ".tsv"
}

// DetectFormat is [FormatFor] that also reads a .txt or .tsv file's content:
// a first non-empty line of four tab-separated fields (word, mean,
// standard deviation, ratings) is [FormatVADER], of two fields (word,
// integer) [FormatAFINN]. Anything else gives an error wrapping
// [ErrFormat].
func DetectFormat(name string, data []byte) (Format, error) {
	if !isPlainText(name) {
		return FormatFor(name)
	}
	if f, ok := sniffValence(string(data)); ok {
		return f, nil
	}
	return FormatAuto, notValence(name)
}

// notValence is the error of a .txt or .tsv file that is no valence list.
func notValence(name string) error {
	return fmt.Errorf("%w: %q is neither a VADER list (word, mean, sd, ratings) nor an AFINN list (word, integer), both tab-separated; name the format", ErrFormat, name)
}

// Parse parses a lexicon in the native .lex format. name is used in error
// positions and, without an @lexicon line, as the lexicon's name (see
// [Definition.Name]). Every problem is reported in an [ErrorList]; on error
// the lexicon is nil.
func Parse(name string, data []byte) (*Lexicon, error) { return parseLex(name, string(data)) }

// ParseAs parses data in format f; FormatAuto detects the format from name's
// extension, or a .txt file's content ([DetectFormat]; an error wrapping
// [ErrFormat] when it cannot). Problems in the
// data are reported in an [ErrorList] whose items all have a line and
// column; on error the lexicon is nil. The formats that have no lexicon
// name take it from name without its directory and extension.
func ParseAs(name string, data []byte, f Format) (*Lexicon, error) {
	if f == FormatAuto {
		var err error
		if f, err = DetectFormat(name, data); err != nil {
			return nil, err
		}
	}
	if lineBased(f) {
		// The lexicon keeps substrings of the text: a copy of data, which
		// the caller may change afterwards.
		return parseText(name, string(data), f)
	}
	switch f {
	case FormatYAML:
		return parseYAML(name, data)
	case FormatYoshikoder:
		return parseYoshikoder(name, data)
	case FormatLIWC22:
		return parseDicx(name, data)
	}
	return nil, fmt.Errorf("%w: %v", ErrFormat, f)
}

// lineBased reports whether f is read line by line from a string, by
// parseText.
func lineBased(f Format) bool {
	switch f {
	case FormatLex, FormatLIWC, FormatWordStat, FormatLexicoder, FormatVADER, FormatAFINN:
		return true
	}
	return false
}

// parseText parses text in the line-based format f (see lineBased). The
// lexicon's patterns are substrings of text.
func parseText(name, text string, f Format) (*Lexicon, error) {
	switch f {
	case FormatLex:
		return parseLex(name, text)
	case FormatLIWC:
		return parseLIWC(name, text)
	case FormatWordStat:
		return parseWordStat(name, text)
	case FormatLexicoder:
		return parseLexicoder(name, text)
	case FormatVADER:
		return parseValence(name, text, true)
	case FormatAFINN:
		return parseValence(name, text, false)
	}
	return nil, fmt.Errorf("%w: %v", ErrFormat, f)
}

// ParseFile reads and parses the file at path, detecting the format from its
// extension (and a .txt file's content, see [DetectFormat]) unless f is not
// FormatAuto. Positions in errors name path.
func ParseFile(path string, f Format) (*Lexicon, error) {
	if f == FormatAuto && !isPlainText(path) {
		var err error
		if f, err = FormatFor(path); err != nil {
			return nil, err
		}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer fh.Close()
	return parseReader(path, fh, f)
}

// ParseFS is ParseFile on a file system.
func ParseFS(fsys fs.FS, path string, f Format) (*Lexicon, error) {
	if f == FormatAuto && !isPlainText(path) {
		var err error
		if f, err = FormatFor(path); err != nil {
			return nil, err
		}
	}
	fh, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer fh.Close()
	return parseReader(path, fh, f)
}

// parseReader reads the file path from r and parses it in format f
// (FormatAuto only for a .txt or .tsv file, whose content tells). A
// line-based format reads the file straight into the string that the
// lexicon's patterns are cut from, so that a large lexicon's text is held
// once rather than as a buffer and its copy.
func parseReader(path string, r io.Reader, f Format) (*Lexicon, error) {
	if f != FormatAuto && !lineBased(f) {
		var buf bytes.Buffer
		if err := readLimited(path, r, &buf); err != nil {
			return nil, err
		}
		return ParseAs(path, buf.Bytes(), f)
	}
	var sb strings.Builder
	if err := readLimited(path, r, &sb); err != nil {
		return nil, err
	}
	text := sb.String()
	if f == FormatAuto {
		var ok bool
		if f, ok = sniffValence(text); !ok {
			return nil, notValence(path)
		}
	}
	return parseText(path, text, f)
}

// growWriter is a buffer that can be grown ahead of writing:
// *bytes.Buffer and *strings.Builder.
type growWriter interface {
	io.Writer
	Grow(n int)
	Len() int
}

// readLimited reads a lexicon file of at most MaxFileBytes into w,
// refusing a larger one while reading it.
func readLimited(path string, r io.Reader, w growWriter) error {
	// Size the buffer for a regular file (plus the byte that tells it
	// grew), as os.ReadFile does, rather than doubling one: a large lexicon
	// would otherwise leave twice its size as garbage.
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < MaxFileBytes {
			w.Grow(int(fi.Size()) + 1)
		}
	}
	if _, err := io.Copy(w, io.LimitReader(r, MaxFileBytes+1)); err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	if w.Len() > MaxFileBytes {
		return fmt.Errorf("lexicon: %s: the file has more than %d bytes (the limit)", path, MaxFileBytes)
	}
	return nil
}

// maxDepth bounds the nesting of categories in the formats that nest them,
// so that a hostile file cannot make category paths grow quadratically.
const maxDepth = 100

// nameFromFile derives a lexicon name from a file name: its base without
// extension, white space replaced by '-'.
func nameFromFile(name string) string {
	base := path.Base(filepath.ToSlash(name))
	if ext := path.Ext(base); ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	base = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return '-'
		}
		return r
	}, strings.ToValidUTF8(base, "-"))
	if base == "" || base == "." || base == "/" {
		return "lexicon"
	}
	return base
}

// categoryName turns a name from a foreign format into a valid category
// name: leading and trailing white space dropped, inner runs of white space
// replaced by one '_' ("A category" becomes "A_category").
func categoryName(s string) string {
	return strings.Join(strings.Fields(s), "_")
}

// line is one line of a line-based file.
type line struct {
	text string // without its line terminator
	num  int    // line number, from 1
	base int    // bytes before text on its line (a BOM on line 1)
}

// col returns the 1-based column of byte i of the line's text.
func (l line) col(i int) int { return l.base + i + 1 }

// splitLines splits data at \n, \r\n and \r, dropping a leading UTF-8 BOM
// (which still counts for columns).
func splitLines(data []byte) []line {
	s := string(data)
	lines := make([]line, 0, strings.Count(s, "\n")+1)
	for l := range textLines(s) {
		lines = append(lines, l)
	}
	return lines
}

// textLines yields the lines of s as splitLines describes them.
func textLines(s string) iter.Seq[line] { return linesFrom(s, 1) }

// linesFrom is textLines for s, the text of a file from the beginning of
// its line first (a BOM is dropped only when first is 1).
func linesFrom(s string, first int) iter.Seq[line] {
	return func(yield func(line) bool) {
		base := 0
		if first == 1 && strings.HasPrefix(s, "\ufeff") {
			s, base = s[3:], 3
		}
		for n := first; ; n++ {
			// Two byte searches, which run many bytes at a time, find
			// the first line break sooner than IndexAny's byte loop.
			i := strings.IndexByte(s, '\n')
			end := i
			if end < 0 {
				end = len(s)
			}
			if j := strings.IndexByte(s[:end], '\r'); j >= 0 {
				i = j
			}
			if i < 0 {
				if s != "" {
					yield(line{text: s, num: n, base: base})
				}
				return
			}
			if !yield(line{text: s[:i], num: n, base: base}) {
				return
			}
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s, base = s[i+1:], 0
		}
	}
}

// invalidUTF8 returns the offset of the first byte of s that is not valid
// UTF-8, or -1.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		// The common case, checked many bytes at a time.
		return -1
	}
	return firstInvalid(s)
}

// firstInvalid is invalidUTF8 rune by rune: the offset of the first byte
// of s that does not decode, or -1.
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return -1
}

// checkLine reports an encoding error for l and returns false when l is not
// valid UTF-8.
func checkLine(errs *ErrorList, file string, l line) bool {
	if len(l.text) > MaxLineBytes {
		*errs = append(*errs, newError(Position{file, l.num, l.col(0)}, ErrSyntax, "the line has %d bytes, more than the limit of %d: %q", len(l.text), MaxLineBytes, clip(l.text)))
		return false
	}
	if i := invalidUTF8(l.text); i >= 0 {
		*errs = append(*errs, newError(Position{file, l.num, l.col(i)}, ErrEncoding, "invalid UTF-8 byte 0x%02x", l.text[i]))
		return false
	}
	return true
}

// leadingSpace returns the number of leading space and tab bytes of s.
func leadingSpace(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// trimRightSpace drops trailing spaces and tabs (and any other white space).
// It looks at bytes while they are ASCII, whose white space is '\t' to '\r'
// and ' ' for unicode.IsSpace too, and leaves the rest to
// strings.TrimRightFunc, which decodes runes from the end (a tenth of a
// one-statement run's load of the default lexicon when it did all of it).
func trimRightSpace(s string) string {
	i := len(s)
	for i > 0 {
		c := s[i-1]
		if c >= utf8.RuneSelf {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace)
		}
		if c != ' ' && c-'\t' > '\r'-'\t' {
			break
		}
		i--
	}
	return s[:i]
}
