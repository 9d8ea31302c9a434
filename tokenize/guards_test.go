package tokenize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestInlineGuards checks that the inline guards in front of the
// scanner's and the segmenter's tests never turn away a token the test
// would accept: mayBeURL before scanURL, on every prefix scanURL knows in
// random case and on random strings; mayBeBullet before isBullet, on
// every bullet and random tokens.
func TestInlineGuards(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2026))
	alphabet := []string{"h", "t", "p", "s", ":", "/", "w", ".", "f", "H", "T", "P", "W", "F", "S", "x", " ", "é", "-", "a"}
	var texts []string
	for _, p := range []string{"https://", "http://", "ftp://", "www."} {
		for range 50 {
			var b strings.Builder
			for _, c := range p {
				if rng.IntN(2) == 0 {
					b.WriteString(strings.ToUpper(string(c)))
				} else {
					b.WriteRune(c)
				}
			}
			b.WriteString("example.org/a")
			texts = append(texts, b.String())
		}
	}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	urls := 0
	for _, text := range texts {
		for i := range len(text) {
			if j := scanURL(text, i); j > i {
				urls++
				if !mayBeURL(text, i) {
					t.Errorf("mayBeURL(%q, %d) = false, but scanURL finds %q", text, i, text[i:j])
				}
			}
		}
	}
	if urls < 200 {
		t.Errorf("only %d URLs found; the test cases are wrong", urls)
	}
	// Every one-character text isBullet takes at the start of a line, not
	// only the list below: one added later outside mayBeBullet's bytes
	// would be turned away.
	for r := range rune(utf8.MaxRune + 1) {
		b := string(r)
		toks := []Token{{Text: b, Start: 1, End: 1 + len(b), Kind: Punct}, {Text: "x", Start: 2 + len(b), End: 3 + len(b), Kind: Word}}
		if isBullet("\n"+b+" x", toks, 0) && !mayBeBullet(b) {
			t.Errorf("isBullet takes %q (%U), mayBeBullet turns it away", b, r)
		}
	}
	bullets := []string{"•", "◦", "▪", "‣", "⁃", "●", "○", "■", "□", "►", "▶", "-", "*", "–", "—"}
	for _, b := range bullets {
		toks := []Token{{Text: b, Start: 1, End: 1 + len(b), Kind: Punct}, {Text: "x", Start: 2 + len(b), End: 3 + len(b), Kind: Word}}
		text := "\n" + b + " x"
		if !isBullet(text, toks, 0) {
			t.Errorf("%q is not a bullet at the start of a line", b)
		}
		if !mayBeBullet(b) {
			t.Errorf("mayBeBullet(%q) = false", b)
		}
	}
}

// TestSkipSpaceGuard checks the inline skip in Scanner.Next: skipSpace
// stops at every visible ASCII byte (0x21 to 0x7e) and passes over a
// space, so one space and then such a byte need no call.
func TestSkipSpaceGuard(t *testing.T) {
	for c := byte(0x21); c < 0x7f; c++ {
		if got := skipSpace(string([]byte{c, 'x'}), 0); got != 0 {
			t.Errorf("skipSpace skips %q", c)
		}
	}
	if got := skipSpace(" x", 0); got != 1 {
		t.Errorf("skipSpace(\" x\", 0) = %d, want 1", got)
	}
}

// TestWordGuards checks the inline tests of Scanner.word: a space that
// ends a word is neither an apostrophe nor a hyphen (so the word ends
// there without further tests), and the ASCII digits are the ASCII bytes
// isDigitRune accepts.
func TestWordGuards(t *testing.T) {
	if isApostrophe(' ') || isHyphen(' ') || isWordRune(' ') {
		t.Error("a space continues a word")
	}
	for c := range rune(utf8.RuneSelf) {
		if got, want := asciiClass[c]&cDigit != 0, isDigitRune(c); got != want {
			t.Errorf("%q: ASCII digit class %v, isDigitRune %v", c, got, want)
		}
	}
}

// TestNegationCliticGuard checks the guard of isNegationClitic in
// Scanner.word: every negation clitic has three to five bytes and starts
// with n or N.
func TestNegationCliticGuard(t *testing.T) {
	for _, w := range []string{"n't", "N'T", "n’t", "nʼt", "N’T"} {
		if !isNegationClitic(w) || len(w)-3 > 2 || w[0]|0x20 != 'n' {
			t.Errorf("%q: isNegationClitic %v, %d bytes", w, isNegationClitic(w), len(w))
		}
	}
	// Every apostrophe isApostrophe knows, not only those listed above: one
	// added later with a four-byte encoding would make a clitic the guard
	// turns away.
	for r := range rune(utf8.MaxRune + 1) {
		if !isApostrophe(r) {
			continue
		}
		for _, w := range []string{"n" + string(r) + "t", "N" + string(r) + "T"} {
			if !isNegationClitic(w) || uint(len(w)-3) > 2 || w[0]|0x20 != 'n' {
				t.Errorf("%q (apostrophe %U): isNegationClitic %v, %d bytes", w, r, isNegationClitic(w), len(w))
			}
		}
	}
	for _, w := range []string{"nt", "n't!", "n''t", "no't", "n\U0001F600t"} {
		if isNegationClitic(w) {
			t.Errorf("%q is a negation clitic", w)
		}
	}
}

// TestPlainWord checks the plain-word path of Scanner.scan against the
// full scan (Scanner.word): a word of ASCII letters followed by any ASCII
// byte of class cEnd, or by nothing, in every language, gives the same
// end, kind, flags and queued clitic.
func TestPlainWord(t *testing.T) {
	type result struct {
		End          int
		Kind         Kind
		Flags        Flags
		HasNext      bool
		QStart, QEnd int
	}
	scanWith := func(text string, lang Language, full bool) result {
		var s Scanner
		s.Reset(text, lang)
		var r result
		if full {
			r.End, r.Kind, r.Flags = s.word(0, alnumRun(text, 0))
		} else {
			start, end, kind, flags, ok := s.scan()
			if !ok || start != 0 {
				t.Errorf("%q: scan gives no token at 0 (%d, %v)", text, start, ok)
			}
			r.End, r.Kind, r.Flags = end, kind, flags
		}
		r.HasNext, r.QStart, r.QEnd = s.hasNext, s.qStart, s.qEnd
		if s.pos != r.End {
			t.Errorf("%q: pos %d, end %d", text, s.pos, r.End)
		}
		return r
	}
	words := []string{
		"a", "I", "n", "nt", "not", "http", "https", "www", "ftp", "wwwx", "httpx",
		"Mr", "etc", "No", "p", "e", "U", "un", "org", "world", "absolute", "absolutely", "international",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
		"s", "t", "d", "l", "qu", "jusqu", "re", "ll", "ve",
	}
	tails := []string{"", "x", "1", "org", "com", "S. Jones", "y@b.com", "//x.org", ".", "-", "'"}
	langs := []Language{English, French, Russian, Spanish}
	n := 0
	for _, w := range words {
		for c := range byte(utf8.RuneSelf) {
			if asciiClass[c]&cEnd == 0 {
				continue
			}
			for _, tail := range tails {
				text := w + string(rune(c)) + tail
				for _, lang := range langs {
					want, got := scanWith(text, lang, true), scanWith(text, lang, false)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("%q (%s): (-want +got)\n%s", text, lang, diff)
					}
					n++
				}
			}
		}
		for _, lang := range langs {
			if diff := cmp.Diff(scanWith(w, lang, true), scanWith(w, lang, false)); diff != "" {
				t.Errorf("%q at the end (%s): (-want +got)\n%s", w, lang, diff)
			}
		}
	}
	// The bytes that are not cEnd are those some look-ahead goes on over.
	for c := range byte(utf8.RuneSelf) {
		want := !strings.ContainsRune("@':._%+-", rune(c)) && asciiClass[c]&(cLetter|cDigit) == 0
		if got := asciiClass[c]&cEnd != 0; got != want {
			t.Errorf("%q: cEnd %v, want %v", c, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no cases")
	}
}

// TestPlainWordSkip checks the skip at the top of segmenter.run: for a
// word that is not an abbreviation and is followed by one space, every
// test of the loop body answers no, on texts built around its edge cases
// (bullets, brackets and list markers next to words, words before line
// breaks, abbreviations).
func TestPlainWordSkip(t *testing.T) {
	texts := []string{
		"• one • two ● three ■ four - five * six – seven — eight",
		"ℓ is a letter. ⅰ) first ⅱ) second",
		"a. first b. second c) third (iv) fourth ii. fifth",
		"Mr. Smith met Dr. Jones etc. The U.S. Army",
		"word \nword  word\tword\r\nword\u2028word",
		"(word) [word] {word} «word» “word” ‘word’",
		"l'homme d'accord qu'il don't can't isn't o'clock",
		"1. one 2) two 3 . three",
	}
	for _, b := range []string{"•", "◦", "▪", "‣", "⁃", "●", "○", "■", "□", "►", "▶", "✓", "✔", "-", "*", "–", "—"} {
		texts = append(texts, "x "+b+" y", b+"word next", "word"+b+" next", "\n"+b+" item\n"+b+" item")
	}
	for _, text := range texts {
		for _, lang := range []Language{English, French, Russian} {
			sg := testSegmenter(text, lang)
			toks := sg.toks
			if len(toks) == 0 {
				continue
			}
			for k := 0; k+1 < len(toks); k++ {
				tok := &toks[k]
				if tok.Kind != Word || tok.Flags&Abbreviation != 0 || !plainGap(text, toks, k) {
					continue
				}
				got := struct{ Adjacent, Bullet, Bracket, Terminal, Break bool }{
					Adjacent: adjacent(toks, k),
					Bullet:   isBullet(text, toks, k) || isBulletText(tok.Text),
					Bracket:  tok.Text == "(" || tok.Text == ")",
					Terminal: sg.isTerminal(k) && (tok.Kind == Punct || tok.Flags&Abbreviation != 0),
					Break:    mayBreak(text, toks, k) || newlines(text[tok.End:toks[k+1].Start]) > 0,
				}
				if diff := cmp.Diff(struct{ Adjacent, Bullet, Bracket, Terminal, Break bool }{}, got); diff != "" {
					t.Errorf("%q (%s), token %d %q: (-want +got)\n%s", text, lang, k, tok.Text, diff)
				}
			}
		}
	}
}

// TestLookAheadGuard checks that lookAhead never turns away an e-mail
// address or a domain that scanEmail or scanDomain would find, on texts
// built around its edge cases and on random strings.
func TestLookAheadGuard(t *testing.T) {
	texts := []string{
		"un.org", "world. The", "end.It", "a.b.c.org", "state.gov/briefings", "x@un.org", "a.b@c.de",
		"see un.org.", "w-h.org", "w.-h.org", strings.Repeat("a", 63) + ".org", strings.Repeat("a", 64) + ".org",
		strings.Repeat("a", 70) + ".org", "a." + strings.Repeat("b", 70) + ".org", "x. y.org", "1.5.org",
	}
	rng := rand.New(rand.NewPCG(17, 2026))
	alphabet := []byte("ab1.-@_ org.comx\n")
	for range 20000 {
		b := make([]byte, 1+rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			if asciiClass[text[i]]&(cLetter|cDigit) == 0 {
				continue
			}
			k, dot := lookAhead(text, i, alnumRun(text, i))
			got := struct{ Email, Domain bool }{
				Email:  scanEmail(text, i) > i && !(k < len(text) && text[k] == '@'),
				Domain: scanDomain(text, i) > i && !dot,
			}
			if diff := cmp.Diff(struct{ Email, Domain bool }{}, got); diff != "" {
				t.Errorf("%q at %d: turned away (-want +got)\n%s", text, i, diff)
			}
		}
	}
}

// TestAbbrevGuards checks the guards of abbrevKind (English has no list
// of its own; no ASCII key is longer than maxAbbrevLen) and the guard of
// scanDotted in Scanner.word (the first segment of a dotted acronym
// has at most two letters of at most four bytes).
func TestAbbrevGuards(t *testing.T) {
	if m, ok := abbrevsByLanguage[English]; ok || m != nil {
		t.Errorf("abbrevsByLanguage has a list for English: %v", m)
	}
	type kindOf struct {
		Key  string
		Kind uint8
	}
	check := func(lang Language, m map[string]uint8) {
		for k, want := range m {
			if len(k) > maxAbbrevLen {
				t.Errorf("%q (%s): %d bytes, maxAbbrevLen %d", k, lang, len(k), maxAbbrevLen)
			}
			r, n := utf8.DecodeRuneInString(k)
			for _, w := range []string{k, strings.ToUpper(k), string(unicode.ToUpper(r)) + k[n:]} {
				if diff := cmp.Diff(kindOf{w, want}, kindOf{w, abbrevKind(w, lang)}); diff != "" {
					t.Errorf("%s: (-want +got)\n%s", lang, diff)
				}
			}
		}
	}
	check(English, abbrevs)
	for lang, m := range abbrevsByLanguage {
		check(lang, m)
	}
	for _, w := range []string{"internat", "ETCETERA", "messrsx"} {
		if k := abbrevKind(w, English); k != abbrNone {
			t.Errorf("%q: kind %d", w, k)
		}
	}
	rng := rand.New(rand.NewPCG(23, 2026))
	alphabet := []string{"U", "S", "e", "g", ".", ".", "ab", "é", "Ж", "𝐀", " ", "x"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		for dot := 0; dot < len(text); dot++ {
			if text[dot] != '.' {
				continue
			}
			for seg := 0; seg < dot; seg++ {
				if scanDotted(text, seg, dot) > 0 && dot-seg > 2*utf8.UTFMax {
					t.Errorf("%q: an acronym from %d with its first dot at %d", text, seg, dot)
				}
			}
		}
	}
}

// TestMarkerGuard checks that mayBeMarker never turns away a list marker
// listMarker accepts, on lists of every kind and on random strings.
func TestMarkerGuard(t *testing.T) {
	texts := []string{
		"1. one 2. two 3) three 10. ten 99) last",
		"a. first b. second c) third A. upper (b) paren",
		"i. one ii. two iii) three iv. four viii. eight xii) twelve XII. upper",
		"Our demands: 1. A ceasefire 2. Talks",
		"\n1.) one\n2.) two\n• a. bullet",
	}
	rng := rand.New(rand.NewPCG(31, 2026))
	alphabet := []string{"1", "2", "12", "a", "b", "iii", "viii", "xii", "word", ".", ")", "(", " ", "\n", ":", "•", "A"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(16) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, text := range texts {
		sg := testSegmenter(text, English)
		toks := sg.toks
		for k := 0; k+1 < len(toks); k++ {
			if _, ok := sg.listMarker(k); ok {
				found++
				if !mayBeMarker(toks, k) {
					t.Errorf("%q: marker %q at token %d turned away", text, toks[k].Text, k)
				}
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d markers", found)
	}
}

// TestTerminalGuard checks that mayBeTerminal never turns away a
// punctuation token isTerminal accepts: every punctuation character of
// the Basic Multilingual Plane, alone and doubled, after a word, after a
// space, inside quotation marks and as an interrupted quotation.
func TestTerminalGuard(t *testing.T) {
	found := 0
	for r := rune(0x21); r <= 0xFFFF; r++ {
		if !unicode.IsPunct(r) || !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		for _, text := range []string{
			"a" + c + " B", "a " + c + " B", "a" + c + c + " B", "«a" + c + "» B",
			"He said \"to" + c + "\" At this", "He said \"to" + c + c + "\" At", "(a" + c + ") B",
		} {
			sg := testSegmenter(text, English)
			toks := sg.toks
			for k := range toks {
				if toks[k].Kind != Punct || !sg.isTerminal(k) {
					continue
				}
				found++
				if !mayBeTerminal(toks[k].Text) {
					t.Errorf("%q: terminal %q (token %d) turned away", text, toks[k].Text, k)
				}
			}
		}
	}
	if found < 20 {
		t.Errorf("only %d terminals", found)
	}
}

// testSegmenter returns a segmenter over the tokens of text in lang, with
// its quotation depths, as appendSentences sets it up, for tests of its
// single decisions.
func testSegmenter(text string, lang Language) segmenter {
	var toks []Token
	for tok := range All(text, lang) {
		toks = append(toks, tok)
	}
	var sc segScratch
	sg := segmenter{lang: lang, text: text, toks: toks}
	sg.depth = quoteDepth(&sc, text, toks)
	return sg
}
