package tokenize

import (
	"errors"
	"fmt"
	"strings"
)

// Language names a language that the tokenizer stems, by its ISO 639-1 code.
// The zero value means English. A Language is a plain string value.
type Language string

// The supported languages.
const (
	English   Language = "en"
	Russian   Language = "ru"
	Spanish   Language = "es"
	French    Language = "fr"
	Swedish   Language = "sv"
	Norwegian Language = "no"
	Hungarian Language = "hu"
)

// ErrLanguage is returned for a language the tokenizer does not support.
var ErrLanguage = errors.New("tokenize: unsupported language")

// Languages returns the supported languages in a fixed order.
func Languages() []Language {
	return []Language{English, Russian, Spanish, French, Swedish, Norwegian, Hungarian}
}

// ParseLanguage accepts an ISO 639-1 code or an English language name in any
// case ("en", "English", "ru", "russian") and returns the [Language]. The empty
// string gives [English].
func ParseLanguage(s string) (Language, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "en", "eng", "english":
		return English, nil
	case "ru", "rus", "russian":
		return Russian, nil
	case "es", "spa", "spanish":
		return Spanish, nil
	case "fr", "fra", "fre", "french":
		return French, nil
	case "sv", "swe", "swedish":
		return Swedish, nil
	case "no", "nb", "nor", "norwegian":
		return Norwegian, nil
	case "hu", "hun", "hungarian":
		return Hungarian, nil
	}
	return "", fmt.Errorf("%w: %q", ErrLanguage, s)
}

// String returns the language code, "en" for the zero value.
func (l Language) String() string {
	if l == "" {
		return string(English)
	}
	return string(l)
}
