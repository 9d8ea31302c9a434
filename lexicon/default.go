package lexicon

import (
	_ "embed"
	"sync"
)

// defaultLex is the native .lex source of the default lexicon.
//
//go:embed default.lex
var defaultLex []byte

// defaultName is the file name reported in errors about the embedded lexicon.
const defaultName = "default.lex"

// loadDefault parses the embedded default lexicon once.
var loadDefault = sync.OnceValues(func() (*Lexicon, error) {
	return parseEmbedded(defaultName, string(defaultLex))
})

// Default returns the embedded default diplomatic-framing lexicon
// (English): every framing device of the project's codebook (blame,
// sovereignty, call_to_action, international_law, threat, justification,
// solidarity, peace, delegitimization, polarization, values, humanitarian,
// hypocrisy, economic) with weighted cues, the negators, intensifiers and
// hedges, and the actors RUS, USA, WEST, NATO, EU, UKR and OTHER with their
// usual aliases.
//
// The file is parsed on the first call and the same immutable [Lexicon] is
// returned by every call, so it is safe for concurrent use and cheap to call
// repeatedly. Extend or adjust it with [Merge].
//
// The embedded file is part of the program, not input, and the package
// tests prove that it parses and passes validation, which its load
// therefore skips; a parse error is a programmer error (a broken edit of
// default.lex) and Default panics with the positioned error list. This is
// the only panic in the package.
func Default() *Lexicon {
	l, err := loadDefault()
	if err != nil {
		panic("lexicon: the embedded default lexicon is invalid (programmer error): " + err.Error())
	}
	return l
}
