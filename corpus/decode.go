package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf16"

	"golang.org/x/text/encoding/unicode"
)

// sniffBytes is how much of a file is looked at to recognise UTF-16
// without a byte order mark.
const sniffBytes = 1024

// utf16Order recognises UTF-16 by a byte order mark (bom is true) or, in
// text without one, by its NUL bytes: ASCII characters in UTF-16 have a
// zero high byte, so NULs fall on one parity only (odd offsets for little
// endian). It returns ok false for anything else.
func utf16Order(head []byte) (big, bom, ok bool) {
	if len(head) >= 2 {
		switch {
		case head[0] == 0xFF && head[1] == 0xFE:
			return false, true, true
		case head[0] == 0xFE && head[1] == 0xFF:
			return true, true, true
		}
	}
	n := len(head) &^ 1
	if n < 4 {
		return false, false, false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	// At least one character in eight is ASCII (spaces alone see to that
	// in prose), and the other parity has no NUL at all.
	switch {
	case odd*8 >= n/2 && even == 0:
		return false, false, true
	case even*8 >= n/2 && odd == 0:
		return true, false, true
	}
	return false, false, false
}

// decode returns a reader of UTF-8 text from r: a UTF-8 byte order mark is
// dropped (utf8BOM is then 3) and UTF-16 is converted. Text with NUL bytes
// that is not UTF-16 is refused as binary.
func decode(r io.Reader) (br *bufio.Reader, utf8BOM int, err error) {
	br = bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, 0, readError(err)
	}
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		return br, 3, nil
	}
	big, bom, ok := utf16Order(head)
	if !ok {
		if i := bytes.IndexByte(head, 0); i >= 0 {
			return nil, 0, fmt.Errorf("%w: NUL byte at byte %d (a binary file, or UTF-16/UTF-32 that could not be recognised? convert it to UTF-8)", ErrEncoding, i)
		}
		return br, 0, nil
	}
	if bom {
		br.Discard(2)
	}
	order := unicode.LittleEndian
	if big {
		order = unicode.BigEndian
	}
	dec := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
	return bufio.NewReaderSize(dec.Reader(br), 64<<10), 0, nil
}

// decodeText is decode for a whole file in memory.
func decodeText(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return string(data[3:]), nil
	}
	big, bom, ok := utf16Order(data[:min(len(data), sniffBytes)])
	if !ok {
		if i := bytes.IndexByte(data[:min(len(data), sniffBytes)], 0); i >= 0 {
			return "", fmt.Errorf("%w: NUL byte at byte %d (a binary file, or UTF-16/UTF-32 that could not be recognised? convert it to UTF-8)", ErrEncoding, i)
		}
		return string(data), nil
	}
	if bom {
		data = data[2:]
	}
	if len(data)%2 != 0 {
		return "", fmt.Errorf("%w: truncated UTF-16 text (odd number of bytes)", ErrEncoding)
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(u)), nil
}

// lineReader reads lines ending in LF, CRLF or CR alone, each at most max
// bytes, reusing one buffer.
type lineReader struct {
	br     *bufio.Reader
	max    int
	buf    []byte
	line   int  // number of the last line returned
	skipLF bool // the last line ended in CR: a following LF belongs to it
}

// errLineTooLong is returned by next for a line over the limit; the line
// has been read to its end (and discarded).
type errLineTooLong struct{ max int }

func (e errLineTooLong) Error() string { return "line too long" }

// indexLineEnd returns the index of the first CR or LF in b, or -1. Two
// IndexByte scans (vectorised) cost less than one IndexAny, which looks at
// every byte in turn; lines seldom hold a CR.
func indexLineEnd(b []byte) int {
	i := bytes.IndexByte(b, '\n')
	before := b
	if i >= 0 {
		before = b[:i]
	}
	if j := bytes.IndexByte(before, '\r'); j >= 0 {
		return j
	}
	return i
}

// next returns the next line without its ending; io.EOF after the last.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	if l.skipLF {
		l.skipLF = false
		if b, err := l.br.Peek(1); err == nil && b[0] == '\n' {
			l.br.Discard(1)
		}
	}
	got, over := false, false
	for {
		if l.br.Buffered() == 0 {
			if _, err := l.br.Peek(1); err != nil {
				if err == io.EOF && got {
					break
				}
				return nil, err
			}
		}
		got = true
		chunk, _ := l.br.Peek(l.br.Buffered())
		i := indexLineEnd(chunk)
		part := chunk
		if i >= 0 {
			part = chunk[:i]
		}
		if !over && len(l.buf)+len(part) > l.max {
			over = true
			l.buf = l.buf[:0]
		}
		if !over {
			l.buf = append(l.buf, part...)
		}
		if i < 0 {
			l.br.Discard(len(chunk))
			continue
		}
		l.skipLF = chunk[i] == '\r'
		l.br.Discard(i + 1)
		break
	}
	l.line++
	if over {
		return nil, errLineTooLong{l.max}
	}
	return l.buf, nil
}
