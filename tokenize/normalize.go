package tokenize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the normal form shared by tokens and lexicon entries:
//
//   - letters are lower-cased;
//   - curly and typographic apostrophes and single quotes (’ ‘ ‛ ′ ` ´ ʼ) become
//     ASCII ', and double quotes (“ ” „ ‟ ″ « ») become ASCII ";
//   - every hyphen and dash (‐ ‑ ‒ – — ― − and their small and full-width
//     forms) becomes '-', and soft hyphens (U+00AD) and zero-width
//     characters are removed;
//   - the text is brought to NFKC form, so width variants and compatibility
//     characters fold (ＵＮ → un, ﬁ → fi) and a base letter followed by a
//     combining accent composes; combining diacritical marks that remain
//     (they have no precomposed form) are removed;
//   - the Cyrillic ё and Ё become е, as most Russian print writes them (so
//     a lexicon's "Соединенн*" matches "Соединённые"). The fold applies to
//     every language: no other language the tokenizer supports uses the
//     letter, and lexicon entries are normalised the same way.
//
// Pure ASCII input without upper-case letters or backquotes is returned
// unchanged without allocating. Normalize is idempotent.
func Normalize(s string) string {
	if asciiNormal(s) {
		return s
	}
	return string(AppendNormalize(make([]byte, 0, len(s)), s))
}

// asciiNormal reports whether s is ASCII and already in normal form.
func asciiNormal(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || foldASCII(c) != c {
			return false
		}
	}
	return true
}

// foldASCII returns the normal form of the ASCII byte c: lower case, with
// the backtick read as an apostrophe.
func foldASCII(c byte) byte {
	switch {
	case c-'A' < 26:
		return c + 'a' - 'A'
	case c == '`':
		return '\''
	}
	return c
}

// AppendNormalize appends the normal form of s (see [Normalize]) to dst and
// returns the extended slice. It allocates only when dst must grow, and for
// text outside ASCII that needs Unicode composition.
func AppendNormalize(dst []byte, s string) []byte {
	i := 0
	// ASCII fast path.
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		dst = append(dst, foldASCII(c))
		i++
	}
	if i == len(s) {
		return dst
	}
	// Slow path: the rest goes rune by rune through the folding table (which
	// keeps combining marks so that they can compose), then through NFKC
	// when anything could compose or decompose, then once more through the
	// table, which now drops the marks that are left.
	if i > 0 {
		// A combining mark composes with the character before it.
		i--
		dst = dst[:len(dst)-1]
	}
	start := len(dst)
	var marks bool
	dst, marks = appendFold(dst, s[i:], false)
	tail := dst[start:]
	switch {
	case !norm.NFKC.IsNormal(tail):
		// NFKC can also produce upper case (Ⅻ → XII) or new quotes and
		// dashes (＂ → "), which the second fold handles.
		folded := norm.NFKC.Bytes(tail)
		dst, _ = appendFold(dst[:start], string(folded), true)
	case marks:
		folded := string(tail)
		dst, _ = appendFold(dst[:start], folded, true)
	}
	return dst
}

// appendFold lower-cases s and maps quotes and dashes, dropping soft
// hyphens and zero-width characters, and combining diacritics when
// dropMarks is set. It reports whether it saw a combining diacritic.
// Invalid UTF-8 bytes become U+FFFD.
func appendFold(dst []byte, s string, dropMarks bool) ([]byte, bool) {
	marks := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, foldASCII(c))
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if r == utf8.RuneError && w == 1 {
			// An invalid byte becomes U+FFFD, so that removing a mark
			// can never join two stray bytes into a valid character.
			dst = append(dst, "\ufffd"...)
			continue
		}
		if isCombiningDiacritic(r) {
			marks = true
			if dropMarks {
				continue
			}
			dst = utf8.AppendRune(dst, r)
			continue
		}
		if m := foldRune(r); m >= 0 {
			dst = utf8.AppendRune(dst, m)
		}
	}
	return dst, marks
}

// foldRune maps one non-ASCII rune; -1 means drop it.
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '‛', '′', '´', 'ʼ', 'ʹ', 'ʻ', 'ʽ', '‹', '›', '＇', '‵':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '〝', '〞', '＂', '‶':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－', '⁃', '⸺', '⸻':
		return '-'
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return -1
	case 'ё', 'Ё':
		return 'е'
	}
	return unicode.ToLower(r)
}

// isCombiningDiacritic reports whether r is in one of the blocks of
// combining diacritical marks. These are dropped after composition, so a
// stray accent does not split otherwise equal words.
func isCombiningDiacritic(r rune) bool {
	return r >= 0x0300 && r <= 0x036f ||
		r >= 0x1ab0 && r <= 0x1aff ||
		r >= 0x1dc0 && r <= 0x1dff ||
		r >= 0x20d0 && r <= 0x20ff ||
		r >= 0xfe20 && r <= 0xfe2f
}
