package wordnet

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors that the items of an [ErrorList] unwrap to.
var (
	// ErrSyntax is a line that does not follow wndb(5WN).
	ErrSyntax = errors.New("wordnet: syntax error")
	// ErrDangling is a pointer or index entry naming a synset that no
	// data file holds.
	ErrDangling = errors.New("wordnet: dangling reference")
)

// Error is one problem in a WordNet file, at a line. The zero value is not
// meaningful; the parsers and [New] build them.
type Error struct {
	File string
	Line int    // 1-based; 0 when the problem has no line
	Msg  string // lower-case message without position
	Err  error  // the sentinel Unwrap returns
}

// Error formats e as "file:line: message" (or "file: message").
func (e *Error) Error() string {
	f := e.File
	if f == "" {
		f = "wordnet"
	}
	if e.Line > 0 {
		return f + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return f + ": " + e.Msg
}

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is the problems found in the files, in the order found. A
// parser stops after [MaxErrors] of them, so a file that is not a WordNet
// file at all gives a short list.
type ErrorList []*Error

// MaxErrors is the most problems a parser or [New] collects.
const MaxErrors = 20

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

// Unwrap returns the items, so errors.Is finds their sentinels.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// lines calls f with every line of data that is not part of the licence
// header (lines starting with a space) and not blank, with its 1-based
// number and without its line ending (LF or CRLF) and trailing spaces. A
// UTF-8 byte order mark is skipped. f returns false to stop.
func lines(data []byte, f func(n int, line string) bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for n := 1; len(data) > 0; n++ {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if len(line) == 0 || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		s := strings.TrimRight(string(line), " \t\r")
		if s == "" {
			continue
		}
		if !f(n, s) {
			return
		}
	}
}

// collector gathers the errors of one file.
type collector struct {
	file string
	errs ErrorList
}

func (c *collector) add(line int, sentinel error, format string, args ...any) {
	c.errs = append(c.errs, &Error{File: c.file, Line: line, Msg: fmt.Sprintf(format, args...), Err: sentinel})
}

func (c *collector) full() bool { return len(c.errs) >= MaxErrors }

func (c *collector) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// fields walks the space-separated fields of a line.
type fields struct {
	f   []string
	i   int
	bad string // the first problem, or ""
}

func (p *fields) next(what string) string {
	if p.bad != "" {
		return ""
	}
	if p.i >= len(p.f) {
		p.bad = "missing " + what
		return ""
	}
	p.i++
	return p.f[p.i-1]
}

// num reads an unsigned number in base 10 or 16.
func (p *fields) num(what string, base int) int {
	s := p.next(what)
	if p.bad != "" {
		return 0
	}
	v, err := strconv.ParseUint(s, base, 31)
	if err != nil {
		p.bad = fmt.Sprintf("bad %s %q", what, s)
		return 0
	}
	return int(v)
}

func (p *fields) pos(what string) (POS, bool) {
	s := p.next(what)
	if p.bad != "" {
		return 0, false
	}
	pos, ok := posOf(s)
	if !ok {
		p.bad = fmt.Sprintf("bad %s %q (want n, v, a, s or r)", what, s)
	}
	return pos, ok
}

// ParseData parses a data file (data.noun, data.verb, data.adj, data.adv)
// as wndb(5WN) describes it: one synset a line,
//
//	synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss
//
// after a licence header of lines that start with a space. Fields may be
// separated by any run of spaces; CRLF line endings and a byte order mark
// are accepted. The verb frames are checked and dropped. name is used in
// errors only; every bad line is reported (up to [MaxErrors]) as an
// [ErrorList] of "name:line: message" items that unwrap to [ErrSyntax],
// with the synsets of the good lines.
func ParseData(name string, data []byte) ([]Synset, error) {
	c := collector{file: name}
	var out []Synset
	lines(data, func(n int, line string) bool {
		ss, bad := parseSynset(line)
		if bad != "" {
			c.add(n, ErrSyntax, "%s", bad)
			return !c.full()
		}
		ss.line, ss.file = n, name
		out = append(out, ss)
		return true
	})
	return out, c.err()
}

func parseSynset(line string) (Synset, string) {
	head, gloss, ok := strings.Cut(line, " |")
	if !ok {
		return Synset{}, "no gloss separator \" |\""
	}
	p := fields{f: strings.Fields(head)}
	var ss Synset
	ss.Gloss = strings.TrimSpace(gloss)
	ss.Offset = p.num("synset_offset", 10)
	ss.LexFile = p.num("lex_filenum", 10)
	typ := p.next("ss_type")
	if p.bad == "" {
		var ok bool
		if ss.POS, ok = posOf(typ); !ok {
			p.bad = fmt.Sprintf("bad ss_type %q (want n, v, a, s or r)", typ)
		}
		ss.Satellite = typ == "s"
	}
	nw := p.num("w_cnt", 16)
	if p.bad == "" && nw == 0 {
		p.bad = "synset without words (w_cnt 0)"
	}
	for i := 0; i < nw && p.bad == ""; i++ {
		w := p.next("word")
		p.num("lex_id", 16)
		if ss.POS == Adj {
			w = stripMarker(w)
		}
		if p.bad == "" && w == "" {
			p.bad = "empty word"
		}
		ss.Words = append(ss.Words, lemmaText(w))
	}
	np := p.num("p_cnt", 10)
	for i := 0; i < np && p.bad == ""; i++ {
		var ptr Pointer
		ptr.Symbol = p.next("pointer_symbol")
		ptr.Offset = p.num("pointer synset_offset", 10)
		ptr.POS, _ = p.pos("pointer pos")
		st := p.next("source/target")
		if p.bad != "" {
			break
		}
		v, err := strconv.ParseUint(st, 16, 16)
		if len(st) != 4 || err != nil {
			p.bad = fmt.Sprintf("bad source/target %q (want 4 hex digits)", st)
			break
		}
		ptr.Source, ptr.Target = int(v>>8), int(v&0xff)
		if ptr.Source > nw {
			p.bad = fmt.Sprintf("pointer from word %d of a synset of %d words", ptr.Source, nw)
		}
		ss.Pointers = append(ss.Pointers, ptr)
	}
	if p.bad == "" && ss.POS == Verb && p.i < len(p.f) {
		nf := p.num("f_cnt", 10)
		for i := 0; i < nf && p.bad == ""; i++ {
			if plus := p.next("frame"); p.bad == "" && plus != "+" {
				p.bad = fmt.Sprintf("bad frame: %q where + belongs", plus)
			}
			p.num("f_num", 10)
			p.num("w_num", 16)
		}
	}
	if p.bad == "" && p.i < len(p.f) {
		p.bad = fmt.Sprintf("unexpected field %q before the gloss", p.f[p.i])
	}
	return ss, p.bad
}

// stripMarker removes an adjective's syntactic marker: "galore(ip)" ->
// "galore".
func stripMarker(w string) string {
	for _, m := range [...]string{"(a)", "(p)", "(ip)"} {
		if strings.HasSuffix(w, m) {
			return w[:len(w)-len(m)]
		}
	}
	return w
}

// ParseIndex parses an index file (index.noun, ...) as wndb(5WN)
// describes it: one lemma a line,
//
//	lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...]
//
// after a licence header of lines that start with a space. Errors are as
// for [ParseData].
func ParseIndex(name string, data []byte) ([]IndexEntry, error) {
	c := collector{file: name}
	var out []IndexEntry
	lines(data, func(n int, line string) bool {
		p := fields{f: strings.Fields(line)}
		var e IndexEntry
		e.Lemma = lemmaText(p.next("lemma"))
		e.POS, _ = p.pos("pos")
		ns := p.num("synset_cnt", 10)
		np := p.num("p_cnt", 10)
		for i := 0; i < np && p.bad == ""; i++ {
			e.Symbols = append(e.Symbols, p.next("ptr_symbol"))
		}
		if sc := p.num("sense_cnt", 10); p.bad == "" && sc != ns {
			p.bad = fmt.Sprintf("sense_cnt %d differs from synset_cnt %d", sc, ns)
		}
		e.TaggedSenses = p.num("tagsense_cnt", 10)
		if p.bad == "" && ns == 0 {
			p.bad = "lemma without synsets"
		}
		for i := 0; i < ns && p.bad == ""; i++ {
			e.Offsets = append(e.Offsets, p.num("synset_offset", 10))
		}
		if p.bad == "" && p.i < len(p.f) {
			p.bad = fmt.Sprintf("unexpected field %q after %d offsets", p.f[p.i], ns)
		}
		if p.bad != "" {
			c.add(n, ErrSyntax, "%s", p.bad)
			return !c.full()
		}
		out = append(out, e)
		return true
	})
	return out, c.err()
}

// ParseExceptions parses an exception list (noun.exc, verb.exc, adj.exc,
// adv.exc): an inflected form and one or more base forms a line. Errors
// are as for [ParseData].
func ParseExceptions(name string, data []byte) ([]Exception, error) {
	c := collector{file: name}
	var out []Exception
	lines(data, func(n int, line string) bool {
		f := strings.Fields(line)
		if len(f) < 2 {
			c.add(n, ErrSyntax, "form %q without a base form", line)
			return !c.full()
		}
		e := Exception{Form: lemmaText(f[0])}
		for _, b := range f[1:] {
			e.Bases = append(e.Bases, lemmaText(b))
		}
		out = append(out, e)
		return true
	})
	return out, c.err()
}
