package lexicon

import (
	"github.com/rhetorica/rhetorica/tokenize"
)

// Entry is one pattern of a [Category] and its weight.
type Entry struct {
	// Pattern is the entry as written in the lexicon: a word, a wildcard
	// (aggress*), a stem form, or a phrase of these, possibly with gaps.
	Pattern string
	// Weight is how strongly a match signals the category; 1 by default.
	Weight float64
}

// Category is a named set of entries, such as a framing device.
type Category struct {
	Name        string
	Description string
	Entries     []Entry
}

// ModifierKind says how a [Modifier] changes a cue.
type ModifierKind uint8

// The kinds of modifier.
const (
	Negator     ModifierKind = iota // cancels the cue it governs
	Intensifier                     // multiplies the cue's weight by Factor (> 1)
	Hedge                           // multiplies the cue's weight by Factor (< 1)
)

var modifierKindNames = [...]string{"negator", "intensifier", "hedge"}

// String returns "negator", "intensifier" or "hedge".
func (k ModifierKind) String() string {
	if int(k) < len(modifierKindNames) {
		return modifierKindNames[k]
	}
	return "modifier?"
}

// Modifier is a pattern that changes how nearby cues count.
type Modifier struct {
	Kind    ModifierKind
	Pattern string  // same pattern syntax as [Entry.Pattern]
	Factor  float64 // weight multiplier for intensifiers and hedges; 0 for negators
}

// Actor is an actor that hits can target, such as RUS or NATO.
type Actor struct {
	Code    string   // canonical code: RUS, USA, WEST, NATO, EU, UKR, ...
	Name    string   // display name
	Aliases []string // patterns (same syntax as entries) that mention the actor
}

// Definition is the plain, editable content of a lexicon. Build one and
// pass it to [New] to get an immutable, compiled [Lexicon].
type Definition struct {
	Name       string
	Language   tokenize.Language
	Categories []Category
	Modifiers  []Modifier
	Actors     []Actor
}

// Lexicon is a validated, compiled lexicon. It is immutable and safe for
// concurrent use; the zero value is not usable: get one from [New], a Parse
// function, [Merge] or [Default].
type Lexicon struct {
	def Definition
	// compiled matcher lives here
}

// New validates def and compiles it. All problems are reported together in
// an [ErrorList].
func New(def Definition) (*Lexicon, error) {
	return &Lexicon{def: def}, nil // TEMPORARY: validation and compilation to come
}

// Name returns the lexicon's name.
func (l *Lexicon) Name() string { return l.def.Name }

// Language returns the lexicon's language.
func (l *Lexicon) Language() tokenize.Language { return l.def.Language }

// Definition returns a deep copy of the lexicon's content, to edit and pass to [New].
func (l *Lexicon) Definition() Definition { return l.def } // TEMPORARY: must deep-copy

// Categories returns the categories in lexicon order. The caller must not modify them.
func (l *Lexicon) Categories() []Category { return l.def.Categories }

// Modifiers returns the modifiers in lexicon order. The caller must not modify them.
func (l *Lexicon) Modifiers() []Modifier { return l.def.Modifiers }

// Actors returns the actors in lexicon order. The caller must not modify them.
func (l *Lexicon) Actors() []Actor { return l.def.Actors }
