package lexicon

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/tokenize"
)

// Entry is one pattern of a [Category] and its weight. The zero value is not
// a valid entry: [New] requires a non-empty Pattern and a Weight > 0.
type Entry struct {
	// Pattern is the entry as written in the lexicon: a word, a wildcard
	// (aggress*), a stem form (~negotiate), or a phrase of these, possibly
	// with one-word gaps (call on _ to). See the package doc.
	Pattern string
	// Weight is how strongly a match signals the category: finite and > 0;
	// the file formats default it to 1.
	Weight float64
}

// Category is a named set of entries, such as a framing device. The zero
// value is not valid on its own: [New] requires a Name and at least one
// entry (or removal).
type Category struct {
	// Name is non-empty and has no white space or control characters;
	// letters, digits and _ - / + . are recommended, and paths such as
	// ECONOMY/+STATE+ name the categories imported from nested formats.
	Name string
	// Description is one line of free text (no line breaks).
	Description string
	// Entries are the category's patterns, in lexicon order.
	Entries []Entry
	// Remove lists patterns that [Merge] removes from the category of the
	// same name in the base lexicon; they are written as "!PATTERN" lines in
	// the .lex format and never match anything themselves. A category may
	// consist of removals only. Only an overlay uses them: a lexicon that is
	// not merged over another simply carries them along.
	Remove []string
	// Role is how the analyzer treats the category's cues beyond counting
	// them: [RoleVictim], [RoleAppeal], [RoleTarget], [RoleNone] or "" (the role the
	// default lexicon gives a category of this name; see [Lexicon.Role]).
	// The .lex format writes it as @role in the category's section.
	Role string
}

// ModifierKind says how a [Modifier] changes a cue.
type ModifierKind uint8

// The kinds of modifier.
const (
	Negator     ModifierKind = iota // cancels the cue it governs
	Intensifier                     // multiplies the cue's weight by Factor (>= 1)
	Hedge                           // multiplies the cue's weight by Factor (<= 1)
	// Stop is a stop-phrase, typically a name ("Human Rights Council"): a cue
	// that lies inside one of its matches does not count.
	Stop
	// Breach is a verb of compliance ("honour", "fulfil", "comply"): under a
	// negator it is an accusation of a breach, not a cancelled cue, so the
	// negation does not cancel it or the cues after it, and the negated verb
	// is a hit of each category in Modifier.Categories.
	Breach
)

var modifierKindNames = [...]string{"negator", "intensifier", "hedge", "stop", "breach"}

// String returns "negator", "intensifier", "hedge", "stop" or "breach".
func (k ModifierKind) String() string {
	if int(k) < len(modifierKindNames) {
		return modifierKindNames[k]
	}
	return "modifier?"
}

// MarshalText encodes k as its [ModifierKind.String] name, so that JSON
// and other text encodings carry "negator", not a number. A kind outside
// the constants above is an error.
func (k ModifierKind) MarshalText() ([]byte, error) {
	if int(k) >= len(modifierKindNames) {
		return nil, fmt.Errorf("lexicon: unknown modifier kind %d", uint8(k))
	}
	return []byte(modifierKindNames[k]), nil
}

// UnmarshalText decodes a name that [ModifierKind.MarshalText] writes.
func (k *ModifierKind) UnmarshalText(b []byte) error {
	for i, name := range modifierKindNames {
		if string(b) == name {
			*k = ModifierKind(i)
			return nil
		}
	}
	return fmt.Errorf("lexicon: unknown modifier kind %q", b)
}

// Modifier is a pattern that changes how nearby cues count.
type Modifier struct {
	Kind    ModifierKind
	Pattern string  // same pattern syntax as [Entry.Pattern]
	Factor  float64 // weight multiplier for intensifiers and hedges; 0 for the other kinds
	// Categories, when not empty, names categories of the lexicon. For a
	// negator, intensifier, hedge or stop it is the modifier's scope: it
	// changes only the cues of these categories ("prevent" cancels blame,
	// not peace). For a breach it names the categories that a negated
	// breach is reported as. Empty means every category (for a breach: no
	// hit of its own).
	Categories []string
}

// Default factors of modifiers written without one.
const (
	DefaultIntensifierFactor = 1.5
	DefaultHedgeFactor       = 0.5
)

// Actor is an actor that hits can target, such as RUS or NATO.
type Actor struct {
	Code    string   // canonical code: RUS, USA, WEST, NATO, EU, UKR, ... (no white space)
	Name    string   // display name, one line
	Aliases []string // patterns (same syntax as entries) that mention the actor
}

// Definition is the plain, editable content of a lexicon. Build one and
// pass it to [New] to get an immutable, compiled [Lexicon]. The zero value
// is an empty definition; it becomes valid once it has a Name.
type Definition struct {
	// Name names the lexicon; it has no white space. The file parsers take
	// it from the file (@lexicon in .lex, the root node of a .ykd) or else
	// from the file name without its extension.
	Name string
	// Language is the language that stems (~word) and patterns are
	// normalised for; empty means English (and, for [Merge], "the base
	// lexicon's language").
	Language   tokenize.Language
	Categories []Category
	Modifiers  []Modifier
	Actors     []Actor
	// Grammar holds the lexicon's own grammar classes, which replace the
	// built-in classes of the same name for its language (see
	// [DefaultGrammar] and [WordClass]).
	Grammar []WordClass
}

// Lexicon is a validated, compiled lexicon. It is immutable and safe for
// concurrent use; the zero value is not usable: get one from [New], a Parse
// function, [Merge] or [Default].
//
// Every accessor returns copies: nothing a caller does with a returned slice
// changes the lexicon. The slice-returning accessors ([Lexicon.Categories],
// [Lexicon.Actors], [Lexicon.Modifiers], [Lexicon.Definition]) therefore
// allocate; in a hot loop use the allocation-free ones ([Lexicon.Entry],
// [Lexicon.Modifier], [Lexicon.CategoryName], [Lexicon.NumCategories] ...),
// which also turn the indices of a [Match] back into names and patterns
// (see the example of [Matcher.Find]).
type Lexicon struct {
	def      Definition // without its categories' Entries, which are in ents
	ents     entryTable
	matcher  *Matcher
	catIndex map[string]int
	warns    ErrorList
}

// New validates def and compiles it. Every problem is reported together in an
// [ErrorList] whose items name the category, modifier or actor concerned;
// their [Position] has only File set (to def.Name), since a Definition built in
// Go has no lines. New copies def: changing def afterwards does not change the
// lexicon.
//
// New checks that the lexicon name, category names and actor codes are
// non-empty and free of white space ([ErrBadName]); that the language is one
// the tokenizer supports ([ErrLanguage]); that no category or actor is empty
// ([ErrEmptyCategory]); that every weight and factor is finite and positive —
// zero is rejected, since an entry that can only ever count nothing is a
// mistake, and a literal Entry{Pattern: "x"} would otherwise slip through
// with weight 0 ([ErrBadWeight]); that intensifier factors are >= 1, hedge
// factors in (0, 1], and negators have factor 0; that no pattern, category
// name, modifier (per kind) or actor code repeats ([ErrDuplicate]); and that
// every pattern parses ([ErrEmptyPattern], [ErrBareWildcard], [ErrSyntax]).
// The lexicon stores empty slices as nil and drops the white space around
// patterns, descriptions and display names, as the file formats do.
func New(def Definition) (*Lexicon, error) {
	return build(cloneDefinition(def), nil, nil)
}

// build validates def (which the caller hands over) and compiles it. src,
// when not nil, gives the file positions of def's items (the caller hands
// it over too: build clears it once def is valid); errs are problems that
// a parser already found, reported together with the ones found here.
func build(def Definition, src *source, errs ErrorList) (*Lexicon, error) {
	return buildChecked(def, src, errs, true)
}

// buildChecked is build, validating def only when check is true. Only the
// lexicons embedded in the package (the default lexicon and the built-in
// grammars) are built without the check: they are part of the program,
// and TestEmbeddedValid proves that they pass it, so that checking them
// again at every start would only cost time (a third of the default
// lexicon's load). Compiling still parses every pattern and fails on a bad
// one.
func buildChecked(def Definition, src *source, errs ErrorList, check bool) (*Lexicon, error) {
	if def.Language != "" {
		if l, err := tokenize.ParseLanguage(string(def.Language)); err == nil {
			def.Language = l
		}
	}
	trimmed := canonical(&def)
	c := &checker{def: &def, src: src, noRepeats: src != nil && src.sets && !trimmed, build: check}
	// The entries move into their table first, so that validation reads
	// them there: while it builds the trie (c.build), the garbage
	// collector then has no Entry values, a pointer each, to scan. (When
	// they cannot move, validation reads them in def, and its errors come
	// first.)
	ents, entsErr := newEntryTable(&def)
	if entsErr == nil {
		c.ents = &ents
	}
	if check {
		errs = append(errs, c.validate()...)
	}
	if len(errs) > 0 {
		return nil, errs.err()
	}
	pos := Position{File: def.Name}
	if err := entsErr; err != nil {
		return nil, ErrorList{{Pos: pos, Msg: "cannot compile: " + errText(err), Err: err}}
	}
	if src != nil {
		// The positions of the items served validation only; the caller
		// hands src over, so drop them before compiling, which is when a
		// large lexicon's memory peaks. The entries are in ents now, and
		// with the other strings copied, nothing keeps the file's text.
		pos = Position{File: src.file, Line: 1, Col: 1}
		*src = source{}
		cloneStrings(&def)
	}
	// Compiling splits the patterns again, with validation's tokenizer
	// (of def.Language, which validation found valid).
	var tk *tokenize.Tokenizer
	if c.tkLang == def.Language {
		tk = c.tk
	}
	c.tk = nil // compiling drops it before building its tables
	var m *Matcher
	var err error
	if c.build && c.b != nil {
		// Validation added every pattern to the trie.
		m, err = c.b.finish(&def, &ents)
		c.b = nil
	} else {
		m, err = compileWith(&def, &ents, tk)
	}
	if err != nil {
		return nil, ErrorList{{Pos: pos, Msg: "cannot compile: " + errText(err), Err: err}}
	}
	l := &Lexicon{def: def, ents: ents, matcher: m, catIndex: make(map[string]int, len(def.Categories))}
	for i, c := range def.Categories {
		l.catIndex[c.Name] = i
	}
	return l, nil
}

// canonical makes every empty slice of def nil, so that two definitions
// with the same content compare equal, and trims the white space around
// patterns, descriptions and display names, which no file format keeps.
// It reports whether it trimmed the pattern of an entry.
func canonical(def *Definition) (trimmed bool) {
	if len(def.Categories) == 0 {
		def.Categories = nil
	}
	for i := range def.Categories {
		c := &def.Categories[i]
		c.Description = strings.TrimSpace(c.Description)
		if len(c.Entries) == 0 {
			c.Entries = nil
		}
		for j := range c.Entries {
			p := &c.Entries[j].Pattern
			if n := len(*p); n > 0 && notSpace((*p)[0]) && notSpace((*p)[n-1]) {
				continue // what TrimSpace would keep whole, the usual case
			}
			if t := strings.TrimSpace(*p); len(t) != len(*p) {
				*p, trimmed = t, true
			}
		}
		if len(c.Remove) == 0 {
			c.Remove = nil
		}
		for j := range c.Remove {
			c.Remove[j] = strings.TrimSpace(c.Remove[j])
		}
	}
	if len(def.Modifiers) == 0 {
		def.Modifiers = nil
	}
	for i := range def.Modifiers {
		m := &def.Modifiers[i]
		m.Pattern = strings.TrimSpace(m.Pattern)
		if len(m.Categories) == 0 {
			m.Categories = nil
		}
	}
	if len(def.Actors) == 0 {
		def.Actors = nil
	}
	for i := range def.Actors {
		a := &def.Actors[i]
		a.Name = strings.TrimSpace(a.Name)
		if len(a.Aliases) == 0 {
			a.Aliases = nil
		}
		for j := range a.Aliases {
			a.Aliases[j] = strings.TrimSpace(a.Aliases[j])
		}
	}
	if len(def.Grammar) == 0 {
		def.Grammar = nil
	}
	for i := range def.Grammar {
		g := &def.Grammar[i]
		if len(g.Words) == 0 {
			g.Words = nil
		}
		for j := range g.Words {
			g.Words[j] = strings.Join(strings.Fields(g.Words[j]), " ")
		}
	}
	return trimmed
}

// notSpace reports whether c is an ASCII byte other than white space: a
// string that begins and ends with such bytes has nothing for
// strings.TrimSpace to trim.
func notSpace(c byte) bool { return c > ' ' && c < utf8.RuneSelf }

// cloneDefinition returns a deep copy of def.
func cloneDefinition(def Definition) Definition {
	out := def
	out.Categories = cloneCategories(def.Categories)
	out.Modifiers = cloneModifiers(def.Modifiers)
	out.Actors = cloneActors(def.Actors)
	out.Grammar = cloneGrammar(def.Grammar)
	return out
}

func cloneModifiers(mods []Modifier) []Modifier {
	out := slices.Clone(mods)
	for i := range out {
		out[i].Categories = slices.Clone(out[i].Categories)
	}
	return out
}

func cloneCategories(cats []Category) []Category {
	if cats == nil {
		return nil
	}
	out := make([]Category, len(cats))
	for i, c := range cats {
		out[i] = cloneCategory(c)
	}
	return out
}

func cloneCategory(c Category) Category {
	c.Entries = slices.Clone(c.Entries)
	c.Remove = slices.Clone(c.Remove)
	return c
}

func cloneActors(actors []Actor) []Actor {
	if actors == nil {
		return nil
	}
	out := make([]Actor, len(actors))
	for i, a := range actors {
		a.Aliases = slices.Clone(a.Aliases)
		out[i] = a
	}
	return out
}

// Name returns the lexicon's name.
func (l *Lexicon) Name() string { return l.def.Name }

// Language returns the lexicon's language: [tokenize.English] when its
// definition left it empty.
func (l *Lexicon) Language() tokenize.Language {
	if l.def.Language == "" {
		return tokenize.English
	}
	return l.def.Language
}

// Definition returns a deep copy of the lexicon's content, to edit and pass
// to [New]. Its Language is empty when the source did not set one.
func (l *Lexicon) Definition() Definition {
	def := cloneDefinition(l.def)
	def.Categories = l.Categories()
	return def
}

// Categories returns a deep copy of the categories, in lexicon order (the
// order that [Match.Index] refers to).
func (l *Lexicon) Categories() []Category {
	cats := cloneCategories(l.def.Categories)
	for i := range cats {
		cats[i].Entries = l.ents.entries(i)
	}
	return cats
}

// Modifiers returns a copy of the modifiers, in lexicon order.
func (l *Lexicon) Modifiers() []Modifier { return cloneModifiers(l.def.Modifiers) }

// Actors returns a deep copy of the actors, in lexicon order.
func (l *Lexicon) Actors() []Actor { return cloneActors(l.def.Actors) }

// NumCategories returns the number of categories.
func (l *Lexicon) NumCategories() int { return len(l.def.Categories) }

// NumModifiers returns the number of modifiers.
func (l *Lexicon) NumModifiers() int { return len(l.def.Modifiers) }

// NumActors returns the number of actors.
func (l *Lexicon) NumActors() int { return len(l.def.Actors) }

// CategoryName returns the name of category i. It panics if i is out of
// range, as indexing Categories() would.
func (l *Lexicon) CategoryName(i int) string { return l.def.Categories[i].Name }

// NumEntries returns the number of entries of category i. It panics if i is
// out of range.
func (l *Lexicon) NumEntries(i int) int {
	_ = l.def.Categories[i] // the range check
	return l.ents.count(i)
}

// Entry returns entry j of category i, as a [Match] with Kind CategoryMatch
// refers to it (Index i, Entry j). It does not allocate, and panics if i or j
// is out of range.
func (l *Lexicon) Entry(i, j int) Entry {
	_ = l.def.Categories[i] // the range check
	return l.ents.entry(i, j)
}

// Modifier returns modifier i; it allocates only to copy the categories of a
// scoped modifier. It panics if i is out of
// range.
func (l *Lexicon) Modifier(i int) Modifier {
	m := l.def.Modifiers[i]
	m.Categories = slices.Clone(m.Categories)
	return m
}

// ActorCode returns the code of actor i. It panics if i is out of range.
func (l *Lexicon) ActorCode(i int) string { return l.def.Actors[i].Code }

// Alias returns alias j of actor i, as a [Match] with Kind ActorMatch refers
// to it. It panics if i or j is out of range.
func (l *Lexicon) Alias(i, j int) string { return l.def.Actors[i].Aliases[j] }

// Warnings returns a copy of the problems that did not stop the lexicon
// from loading: entries of a foreign format that this package cannot
// represent and left out, or read in an adapted form (each item says which).
// Every item has a file position and unwraps to a sentinel such as
// [ErrSyntax]. Lexicons read from .lex, built by [New] or merged from such
// lexicons have none.
func (l *Lexicon) Warnings() ErrorList {
	if len(l.warns) == 0 {
		return nil
	}
	out := make(ErrorList, len(l.warns))
	for i, w := range l.warns {
		c := *w
		out[i] = &c
	}
	return out
}

// CategoryIndex returns the index of the category called name, or -1.
func (l *Lexicon) CategoryIndex(name string) int {
	if i, ok := l.catIndex[name]; ok {
		return i
	}
	return -1
}

// Category returns a deep copy of the category called name.
func (l *Lexicon) Category(name string) (Category, bool) {
	i, ok := l.catIndex[name]
	if !ok {
		return Category{}, false
	}
	c := cloneCategory(l.def.Categories[i])
	c.Entries = l.ents.entries(i)
	return c, true
}

// source maps the items of a Definition to the places in a file where they
// were written, so that validation reports file:line:col.
type source struct {
	file   string
	name   Position // of the lexicon name
	lang   Position // of the language code
	cats   []catSource
	mods   []Position
	scopes []Position // of each modifier's section directive, for its Categories
	actors []actorSource
	// grammar holds the positions of the grammar classes (pos) and their
	// words (aliases).
	grammar []actorSource
	// sets is true when no category holds the same pattern twice (the
	// parser of a foreign format dropped the repeats).
	sets bool
	// exact is true when each pattern's Position is that of its first byte
	// and the file holds the pattern byte for byte, so that an offset within
	// the pattern can be added to the column.
	exact bool
	// exactAt marks, for a source that is not exact as a whole, the pattern
	// positions where the file does hold the pattern byte for byte.
	exactAt map[Position]bool
}

type catSource struct {
	pos     Position
	entries []srcPos // a large lexicon has one per entry: see srcPos
	removes []Position
	role    Position
}

// srcPos is a Position in the source's own file, in 8 bytes rather than
// 32 (a 100,000-entry lexicon holds one per entry while it is validated).
// Lines and columns fit: a file has at most MaxFileBytes bytes (a larger
// one given to ParseAs would see them clamped).
type srcPos struct {
	line, col int32
}

// compactPos returns p without its file, which must be the source's.
func compactPos(p Position) srcPos {
	return srcPos{line: int32(min(p.Line, math.MaxInt32)), col: int32(min(p.Col, math.MaxInt32))}
}

// getPos returns s[i] in file, or the zero Position.
func getPos(s []srcPos, i int, file string) Position {
	if i < len(s) {
		return Position{File: file, Line: int(s[i].line), Col: int(s[i].col)}
	}
	return Position{}
}

type actorSource struct {
	pos     Position
	aliases []Position
}

// checker validates a Definition, collecting problems.
type checker struct {
	def  *Definition
	src  *source
	errs ErrorList
	// tk splits the patterns of language tkLang (tkErr when there is none).
	tk     *tokenize.Tokenizer
	tkLang tokenize.Language
	tkErr  error
	// noRepeats is true when no category holds the same pattern twice
	// (source.sets, and canonical trimmed no pattern into another), so
	// that the entries need no set to find repeats in.
	noRepeats bool
	// build is true while validation also adds the patterns that a match
	// reports (outputs, in eachOutput's order) to the trie of b, made on
	// first use: a plain pattern is then read once, not once to validate
	// and again to compile. It turns false, and b nil, when a pattern
	// cannot be added (compileWith then reports why) or an output is
	// skipped.
	build bool
	b     *builder
	// ents holds the categories' entries, when they are no longer in
	// def (see buildChecked).
	ents *entryTable
}

// entries returns the number of entries of category i (see c.ents).
func (c *checker) entries(i int) int {
	if c.ents != nil {
		return c.ents.count(i)
	}
	return len(c.def.Categories[i].Entries)
}

func (c *checker) at(f func(*source) Position) Position {
	if c.src == nil {
		return Position{File: c.def.Name}
	}
	p := f(c.src)
	if p.File == "" {
		p.File = c.src.file
	}
	if p.Line < 1 {
		p.Line, p.Col = 1, 1
	}
	return p
}

func (c *checker) addf(pos Position, sentinel error, format string, args ...any) {
	c.errs = append(c.errs, newError(pos, sentinel, format, args...))
}

// get returns s[i] or the zero Position.
func get(s []Position, i int) Position {
	if i < len(s) {
		return s[i]
	}
	return Position{}
}

func (c *checker) catSrc(i int) catSource {
	if c.src != nil && i < len(c.src.cats) {
		return c.src.cats[i]
	}
	return catSource{}
}

func (c *checker) actorSrc(i int) actorSource {
	if c.src != nil && i < len(c.src.actors) {
		return c.src.actors[i]
	}
	return actorSource{}
}

// validate returns every problem of c.def, positioned through c.src when
// it is not nil.
func (c *checker) validate() ErrorList {
	def := c.def
	if msg := badName(def.Name); msg != "" {
		c.addf(c.at(func(s *source) Position { return s.name }), ErrBadName, "lexicon name %q %s", def.Name, msg)
	}
	lang := def.Language
	if lang != "" && !slices.Contains(tokenize.Languages(), lang) {
		c.addf(c.at(func(s *source) Position { return s.lang }), ErrLanguage, "unsupported language %q", string(lang))
		lang = tokenize.English
	}
	seenCat := make(map[string]int, len(def.Categories))
	// The patterns of one category, then of its removals: one map serves
	// every category in turn (a large lexicon's would each be megabytes).
	var seen, removed map[string]bool
	for i, cat := range def.Categories {
		cs := c.catSrc(i)
		cpos := c.at(func(*source) Position { return cs.pos })
		// The labels are formatted only for an error: the built-in
		// lexicon's hundreds of valid items would otherwise cost a tenth
		// of a one-statement run's validation.
		label := func() string { return fmt.Sprintf("category %q", cat.Name) }
		if msg := badName(cat.Name); msg != "" {
			c.addf(cpos, ErrBadName, "category name %q %s", cat.Name, msg)
		} else if j, dup := seenCat[cat.Name]; dup {
			c.addf(cpos, ErrDuplicate, "%s already defined (category %d)", label(), j+1)
		} else {
			seenCat[cat.Name] = i
		}
		if strings.ContainsAny(cat.Description, "\r\n") {
			c.addf(cpos, ErrSyntax, "%s: description has a line break", label())
		}
		nents := c.entries(i)
		if nents == 0 && len(cat.Remove) == 0 {
			c.addf(cpos, ErrEmptyCategory, "%s has no entries", label())
		}
		// The set of the entries' patterns, which finds the repeats and
		// the removals of added patterns: not needed when there can be
		// neither.
		track := !c.noRepeats || len(cat.Remove) > 0
		if track && seen == nil {
			seen = make(map[string]bool, nents)
		} else if track {
			clear(seen)
		}
		for j := range nents {
			var e Entry
			if t := c.ents; t != nil {
				e = t.at(int(t.first[i]) + j)
			} else {
				e = cat.Entries[j]
			}
			// A large lexicon has hundreds of thousands of valid
			// entries, nearly all plain and of weight 1: such an entry
			// needs neither its position nor its label.
			plain := c.plainOutput(e.Pattern, lang)
			if plain && !track && e.Weight > 0 && e.Weight <= MaxWeight {
				continue
			}
			pos := c.at(func(s *source) Position { return getPos(cs.entries, j, s.file) })
			what := func() string { return fmt.Sprintf("%s: entry %q", label(), clip(e.Pattern)) }
			if (plain || c.output(e.Pattern, lang, pos, what)) && track && seen[e.Pattern] {
				c.addf(pos, ErrDuplicate, "%s listed twice", what())
			}
			if track {
				seen[e.Pattern] = true
			}
			if !(e.Weight > 0) || math.IsInf(e.Weight, 0) {
				c.addf(pos, ErrBadWeight, "%s: weight %v must be finite and > 0", what(), e.Weight)
			} else if e.Weight > MaxWeight {
				c.addf(pos, ErrBadWeight, "%s: weight %v is over the limit of 1e6", what(), e.Weight)
			}
		}
		if removed == nil {
			removed = make(map[string]bool, len(cat.Remove))
		} else {
			clear(removed)
		}
		for j, p := range cat.Remove {
			pos := c.at(func(*source) Position { return get(cs.removes, j) })
			what := func() string { return fmt.Sprintf("%s: removal !%s", label(), clip(p)) }
			switch {
			case !c.pattern(p, lang, pos, what):
			case removed[p]:
				c.addf(pos, ErrDuplicate, "%s listed twice", what())
			case seen[p]:
				c.addf(pos, ErrDuplicate, "%s: the pattern is both added and removed", what())
			}
			removed[p] = true
		}
	}
	type modKey struct {
		k ModifierKind
		p string
	}
	seenMod := make(map[modKey]bool, len(def.Modifiers))
	for i, m := range def.Modifiers {
		pos := c.at(func(s *source) Position { return get(s.mods, i) })
		what := func() string { return fmt.Sprintf("%s %q", m.Kind, clip(m.Pattern)) }
		if int(m.Kind) >= len(modifierKindNames) {
			c.addf(pos, ErrSyntax, "modifier %q: unknown kind %d", clip(m.Pattern), m.Kind)
			c.build, c.b = false, nil
			continue
		}
		if c.output(m.Pattern, lang, pos, what) && seenMod[modKey{m.Kind, m.Pattern}] {
			c.addf(pos, ErrDuplicate, "%s listed twice", what())
		}
		seenMod[modKey{m.Kind, m.Pattern}] = true
		c.scope(m, i, what, seenCat)
		switch f := m.Factor; {
		case (m.Kind == Negator || m.Kind == Stop || m.Kind == Breach) && f != 0:
			c.addf(pos, ErrBadWeight, "%s: a %s takes no factor (got %v)", what(), m.Kind, f)
		case m.Kind == Intensifier && !(f >= 1 && !math.IsInf(f, 0)):
			c.addf(pos, ErrBadWeight, "%s: factor %v must be finite and >= 1", what(), f)
		case m.Kind == Intensifier && f > MaxWeight:
			c.addf(pos, ErrBadWeight, "%s: factor %v is over the limit of 1e6", what(), f)
		case m.Kind == Hedge && !(f > 0 && f <= 1):
			c.addf(pos, ErrBadWeight, "%s: factor %v must be > 0 and <= 1", what(), f)
		}
	}
	seenActor := make(map[string]int, len(def.Actors))
	for i, a := range def.Actors {
		as := c.actorSrc(i)
		apos := c.at(func(*source) Position { return as.pos })
		label := func() string { return fmt.Sprintf("actor %q", a.Code) }
		if msg := badName(a.Code); msg != "" {
			c.addf(apos, ErrBadName, "actor code %q %s", a.Code, msg)
		} else if j, dup := seenActor[a.Code]; dup {
			c.addf(apos, ErrDuplicate, "%s already defined (actor %d)", label(), j+1)
		} else {
			seenActor[a.Code] = i
		}
		if strings.ContainsAny(a.Name, "\r\n") {
			c.addf(apos, ErrSyntax, "%s: name has a line break", label())
		}
		if len(a.Aliases) == 0 {
			c.addf(apos, ErrEmptyCategory, "%s has no aliases", label())
		}
		seen := make(map[string]bool, len(a.Aliases))
		for j, p := range a.Aliases {
			pos := c.at(func(*source) Position { return get(as.aliases, j) })
			what := func() string { return fmt.Sprintf("%s: alias %q", label(), clip(p)) }
			if c.output(p, lang, pos, what) && seen[p] {
				c.addf(pos, ErrDuplicate, "%s listed twice", what())
			}
			seen[p] = true
		}
	}
	c.checkGrammar(def)
	return c.errs
}

// scope checks the Categories of modifier i: valid names, none twice, each
// a category of the same lexicon.
func (c *checker) scope(m Modifier, i int, what func() string, cats map[string]int) {
	if len(m.Categories) == 0 {
		return
	}
	pos := c.at(func(s *source) Position { return get(s.scopes, i) })
	for j, name := range m.Categories {
		switch {
		case badName(name) != "":
			c.addf(pos, ErrBadName, "%s: category name %q %s", what(), name, badName(name))
		case slices.Contains(m.Categories[:j], name):
			c.addf(pos, ErrDuplicate, "%s: category %q named twice", what(), name)
		default:
			if _, ok := cats[name]; !ok {
				c.addf(pos, ErrUnknownCategory, "%s: no category %q", what(), name)
			}
		}
	}
}

// indexBreakOrEq returns the index of the first '\r', '\n' or '=' in s, or
// -1: strings.IndexAny(s, "\r\n="), without building its set of bytes
// for every pattern of a lexicon.
func indexBreakOrEq(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\r' || c == '\n' || c == '=' {
			return i
		}
	}
	return -1
}

// pattern checks one pattern and reports whether it is valid.
func (c *checker) pattern(p string, lang tokenize.Language, pos Position, what func() string) bool {
	if len(p) > MaxPatternBytes {
		c.addf(pos, ErrSyntax, "%s: the pattern has %d bytes, more than the limit of %d", what(), len(p), MaxPatternBytes)
		return false
	}
	if plainPattern(p) && c.tokenizer(lang) != nil {
		// What the checks below and checkPattern would say, at a tenth
		// of their cost (a plain pattern is not empty, has no line break
		// or '=', and begins with a letter, '~' or a space).
		return true
	}
	if p == "" || strings.TrimSpace(p) == "" {
		c.addf(pos, ErrEmptyPattern, "%s: empty pattern", what())
		return false
	}
	if i := indexBreakOrEq(p); i >= 0 {
		c.addf(c.shift(pos, i), ErrSyntax, "%s: a pattern may not contain %q", what(), p[i])
		return false
	}
	if p[0] == '#' || p[0] == '@' || p[0] == '!' {
		c.addf(pos, ErrSyntax, "%s: a pattern may not begin with %q", what(), p[0])
		return false
	}
	if c.tokenizer(lang) == nil {
		err := fmt.Errorf("%w: %w", ErrSyntax, c.tkErr)
		c.errs = append(c.errs, &Error{Pos: pos, Msg: what() + ": " + errText(err), Err: err})
		return false
	}
	if off, err := checkPattern(p, c.tk); err != nil {
		c.errs = append(c.errs, &Error{Pos: c.shift(pos, off), Msg: what() + ": " + errText(err), Err: err})
		return false
	}
	return true
}

// plainOutput reports whether p, the pattern of an output, is a plain
// pattern (see plainPattern) that the tokenizer of lang can split, and so
// valid; it then also adds p to the trie when c.build. False says
// nothing: such a pattern goes through output.
func (c *checker) plainOutput(p string, lang tokenize.Language) bool {
	if len(p) > MaxPatternBytes {
		return false
	}
	b := c.b // made with the tokenizer of lang, which one validation keeps
	if b == nil {
		if c.tokenizer(lang) == nil {
			return false
		}
		if b = c.builder(lang); b == nil {
			return plainPattern(p)
		}
	}
	el, ok := appendPlain(b.elems[:0], p, b.tk)
	b.elems = el.elems
	if !ok {
		return false
	}
	if b.insert(el.elems) != nil {
		c.build, c.b = false, nil // compileWith reports it
	}
	return true
}

// output checks the pattern of an output (see pattern) and, when it is
// valid and c.build, adds it to the trie.
func (c *checker) output(p string, lang tokenize.Language, pos Position, what func() string) bool {
	ok := c.pattern(p, lang, pos, what)
	if !c.build {
		return ok
	}
	if b := c.builder(lang); b == nil || !ok || b.add(p) != nil {
		c.build, c.b = false, nil
	}
	return ok
}

// builder returns the builder of c.b, made on first use, when c.build and
// lang, the language validation splits with, is the definition's (whose
// tokenizer compiling needs); else nil.
func (c *checker) builder(lang tokenize.Language) *builder {
	if c.b != nil || !c.build {
		return c.b
	}
	if lang != c.def.Language || c.tokenizer(lang) == nil {
		c.build = false
		return nil
	}
	c.b = newBuilder(numPatterns(c.def, c.ents), c.tk)
	return c.b
}

// tokenizer returns the pattern tokenizer of lang, made on first use, or
// nil when there is none (c.tkErr says why).
func (c *checker) tokenizer(lang tokenize.Language) *tokenize.Tokenizer {
	if c.tk == nil || c.tkLang != lang {
		if c.tk, c.tkErr = patternTokenizer(lang); c.tkErr != nil {
			c.tk = nil
		}
		c.tkLang = lang
	}
	return c.tk
}

// plainPattern reports whether p is made of words of ASCII letters (or
// compounds of such words joined by single hyphens), each perhaps a stem
// (`~word`) or a prefix (`word*`) but not both, and gaps (`_`) between
// them, separated by spaces: nearly every entry of a large lexicon. Such a
// pattern is valid in every language (see appendElements' fast path), so
// validation need not split it; false says nothing.
func plainPattern(p string) bool {
	words, gapLast := 0, false
	for i := 0; i < len(p); {
		if p[i] == ' ' {
			i++
			continue
		}
		kind, _, _, next, ok := plainElem(p, i)
		if !ok || kind == elemGap && words == 0 {
			return false // not plain, or a gap that begins the pattern
		}
		if gapLast = kind == elemGap; !gapLast {
			words++
		}
		i = next
	}
	return words > 0 && !gapLast
}

// shift moves pos by off bytes within a pattern when the source allows it.
func (c *checker) shift(pos Position, off int) Position {
	if c.src != nil && (c.src.exact || c.src.exactAt[pos]) && pos.Line > 0 && off > 0 {
		pos.Col += off
	}
	return pos
}

// badName says what is wrong with a lexicon name, category name or actor
// code, or returns "".
func badName(s string) string {
	if s == "" {
		return "is empty"
	}
	for _, r := range s {
		switch {
		case r == unicode.ReplacementChar:
			return "is not valid UTF-8"
		case unicode.IsSpace(r):
			return "contains white space"
		case !unicode.IsPrint(r):
			return "contains a control character"
		}
	}
	return ""
}
