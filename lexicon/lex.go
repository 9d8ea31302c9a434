package lexicon

import (
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/tokenize"
)

// defBuilder collects a Definition and the file positions of its items while a
// parser reads a file, along with the problems found.
type defBuilder struct {
	def  Definition
	src  source
	errs ErrorList
	// warns are entries that a foreign format holds but this package cannot
	// represent, left out or adapted (see [Lexicon.Warnings]).
	warns ErrorList
	// sets makes finish drop the exact repeats of a pattern in the same
	// category: the foreign formats treat a category as a set.
	sets bool
	// pending holds the entries read since the last flushEntries, of every
	// category, in the order read. Appending each entry to its category's
	// slice as it is read would copy a large lexicon's entries about five
	// times over as the slices grow (25 MB of garbage for 100,000 entries
	// and their positions); one list, sized from the file's lines, is
	// moved into exactly sized category slices once.
	pending []pendingEntry
	// embedded marks a lexicon embedded in the package, which finish
	// builds without validating it (see buildChecked).
	embedded bool
}

// pendingEntry is an entry read but not yet moved into its category.
type pendingEntry struct {
	e   Entry
	pos srcPos
	cat int32
}

// expect makes room for about n more entries (a line count, say).
func (b *defBuilder) expect(n int) {
	b.pending = slices.Grow(b.pending, n)
}

// newDefBuilder starts a lexicon read from the file name; exact says whether
// pattern positions point at the pattern's bytes (see source.exact).
func newDefBuilder(name string, exact bool) *defBuilder {
	b := &defBuilder{src: source{file: name, exact: exact}}
	b.def.Name = nameFromFile(name)
	b.src.name = Position{File: name, Line: 1, Col: 1}
	b.src.lang = b.src.name
	return b
}

func (b *defBuilder) pos(l line, i int) Position {
	return Position{File: b.src.file, Line: l.num, Col: l.col(i)}
}

func (b *defBuilder) warnf(pos Position, sentinel error, format string, args ...any) {
	b.warns = append(b.warns, newError(pos, sentinel, format, args...))
}

func (b *defBuilder) errorf(pos Position, sentinel error, format string, args ...any) {
	b.errs = append(b.errs, newError(pos, sentinel, format, args...))
}

func (b *defBuilder) category(name, desc string, pos Position) int {
	b.def.Categories = append(b.def.Categories, Category{Name: name, Description: desc})
	b.src.cats = append(b.src.cats, catSource{pos: pos})
	return len(b.def.Categories) - 1
}

// entry adds an entry to category cat (pos is in the builder's file): to
// its Entries while they have the room that reserve made, else to the
// pending entries, which flushEntries appends to them (so that the order
// is kept: once a category is full, its later entries are all pending).
func (b *defBuilder) entry(cat int, p string, w float64, pos Position) {
	c, s := &b.def.Categories[cat], &b.src.cats[cat]
	if len(c.Entries) < cap(c.Entries) && len(s.entries) < cap(s.entries) {
		c.Entries = append(c.Entries, Entry{Pattern: p, Weight: w})
		s.entries = append(s.entries, compactPos(pos))
		return
	}
	b.pending = append(b.pending, pendingEntry{e: Entry{Pattern: p, Weight: w}, pos: compactPos(pos), cat: int32(cat)})
}

// reserve makes room in the Entries of each category c for n[c] more
// entries, all cut from one allocation (and their positions from another),
// for a parser that can count them ahead: the entries then go straight to
// their categories, without the pending list.
func (b *defBuilder) reserve(n []int) {
	b.flushEntries()
	total := 0
	for c, k := range n {
		if k > 0 {
			total += len(b.def.Categories[c].Entries) + k
		}
	}
	if total == 0 {
		return
	}
	ents, poss := make([]Entry, total), make([]srcPos, total)
	lo := 0
	for c, k := range n {
		if k <= 0 {
			continue
		}
		cat, src := &b.def.Categories[c], &b.src.cats[c]
		m := copy(ents[lo:], cat.Entries)
		copy(poss[lo:], src.entries)
		hi := lo + len(cat.Entries) + k
		cat.Entries, src.entries = ents[lo:lo+m:hi], poss[lo:lo+m:hi]
		lo = hi
	}
}

// flushEntries moves the pending entries into their categories' Entries,
// and their positions into the categories' sources, in the order read.
// Every category's entries and positions get slices of exactly their size,
// cut from one allocation each.
func (b *defBuilder) flushEntries() {
	if len(b.pending) == 0 {
		b.pending = nil
		return
	}
	size := make([]int, len(b.def.Categories)) // of each category after the flush
	total := 0
	for c := range b.def.Categories {
		size[c] = len(b.def.Categories[c].Entries)
		total += size[c]
	}
	for _, pe := range b.pending {
		size[pe.cat]++
	}
	total += len(b.pending)
	ents, poss := make([]Entry, total), make([]srcPos, total)
	lo := 0
	for c, n := range size {
		if n == 0 {
			continue
		}
		cat, src := &b.def.Categories[c], &b.src.cats[c]
		hi := lo + n
		k := copy(ents[lo:hi], cat.Entries)
		copy(poss[lo:hi], src.entries)
		cat.Entries, src.entries = ents[lo:lo+k:hi], poss[lo:lo+k:hi]
		lo = hi
	}
	for _, pe := range b.pending {
		c, s := &b.def.Categories[pe.cat], &b.src.cats[pe.cat]
		c.Entries = append(c.Entries, pe.e) // within the capacity set above
		s.entries = append(s.entries, pe.pos)
	}
	b.pending = nil
}

func (b *defBuilder) remove(cat int, p string, pos Position) {
	c := &b.def.Categories[cat]
	c.Remove = append(c.Remove, p)
	s := &b.src.cats[cat]
	s.removes = append(s.removes, pos)
}

func (b *defBuilder) modifier(k ModifierKind, p string, f float64, pos Position) {
	b.def.Modifiers = append(b.def.Modifiers, Modifier{Kind: k, Pattern: p, Factor: f})
	b.src.mods = append(b.src.mods, pos)
	b.src.scopes = append(b.src.scopes, Position{})
}

// scopedModifier adds a modifier with the categories of its section,
// written at scopePos.
func (b *defBuilder) scopedModifier(k ModifierKind, p string, scope []string, scopePos, pos Position) {
	b.modifier(k, p, 0, pos)
	if len(scope) > 0 {
		b.def.Modifiers[len(b.def.Modifiers)-1].Categories = slices.Clone(scope)
		b.src.scopes[len(b.src.scopes)-1] = scopePos
	}
}

func (b *defBuilder) actor(code, name string, pos Position) int {
	b.def.Actors = append(b.def.Actors, Actor{Code: code, Name: name})
	b.src.actors = append(b.src.actors, actorSource{pos: pos})
	return len(b.def.Actors) - 1
}

func (b *defBuilder) alias(a int, p string, pos Position) {
	b.def.Actors[a].Aliases = append(b.def.Actors[a].Aliases, p)
	s := &b.src.actors[a]
	s.aliases = append(s.aliases, pos)
}

// keepCategories drops the categories whose used flag is false, with their
// source positions: in formats where a header may only group others
// (WordStat, Yoshikoder), such a header is not a category of its own.
func (b *defBuilder) keepCategories(used []bool) {
	b.flushEntries()
	keep := 0
	for c := range b.def.Categories {
		if used[c] {
			b.def.Categories[keep] = b.def.Categories[c]
			b.src.cats[keep] = b.src.cats[c]
			keep++
		}
	}
	b.def.Categories = b.def.Categories[:keep]
	b.src.cats = b.src.cats[:keep]
}

// finish validates and compiles what was read; any problem, found while
// reading or now, makes the result nil.
func (b *defBuilder) finish() (*Lexicon, error) {
	b.flushEntries()
	if b.sets {
		b.dedupe()
	}
	l, err := buildChecked(b.def, &b.src, b.errs, !b.embedded)
	if l != nil && len(b.warns) > 0 {
		sortErrors(b.warns)
		l.warns = b.warns
	}
	return l, err
}

// dedupe drops the exact repeats of a pattern within each category, and
// their positions, keeping the first, and notes in the source that the
// categories hold none (validation then need not look for them). One
// table serves every category in turn, so that a large lexicon does not
// keep a set per category while it is read: an open-addressing table of
// the indexes of the entries kept, at most half full, which hashes each
// pattern once (a map of strings hashed it twice, for the lookup and the
// insertion, at three times the cost).
func (b *defBuilder) dedupe() {
	var (
		index []int32 // per slot: 1 + the index of a kept entry, or 0
		seed  = maphash.MakeSeed()
	)
	for ci := range b.def.Categories {
		c := &b.def.Categories[ci]
		if len(c.Entries) < 2 {
			continue
		}
		size := 16
		for size < 2*len(c.Entries) {
			size *= 2
		}
		if size <= cap(index) {
			index = index[:size]
			clear(index)
		} else {
			index = make([]int32, size)
		}
		mask := uint64(size - 1)
		var pos []srcPos
		if ci < len(b.src.cats) && len(b.src.cats[ci].entries) == len(c.Entries) {
			pos = b.src.cats[ci].entries
		}
		n := 0
	entries:
		for j, e := range c.Entries {
			i := maphash.String(seed, e.Pattern) & mask
			for ; index[i] != 0; i = (i + 1) & mask {
				if c.Entries[index[i]-1].Pattern == e.Pattern {
					continue entries
				}
			}
			index[i] = int32(n) + 1 // entry n is e from here on
			c.Entries[n] = e
			if pos != nil {
				pos[n] = pos[j]
			}
			n++
		}
		c.Entries = c.Entries[:n]
		if pos != nil {
			b.src.cats[ci].entries = pos[:n]
		}
	}
	b.src.sets = true
}

// newForeignBuilder starts a lexicon read from a foreign format, in which
// a category is a set of patterns (exact repeats are kept once).
func newForeignBuilder(name string, exact bool) *defBuilder {
	b := newDefBuilder(name, exact)
	b.sets = true
	return b
}

// lexSection is the kind of section a .lex line belongs to.
type lexSection uint8

const (
	secNone lexSection = iota
	secCategory
	secNegators
	secIntensifiers
	secHedges
	secActor
	secStops
	secBreaches
	secGrammar
)

// parseLex reads the native .lex format (see the package doc).
func parseLex(name string, text string) (*Lexicon, error) {
	return parseLexFile(name, text, false)
}

// parseEmbedded reads a .lex file embedded in the package (the default
// lexicon, a built-in grammar), which is built without validation: see
// buildChecked. The parser's own checks still run.
func parseEmbedded(name string, text string) (*Lexicon, error) {
	return parseLexFile(name, text, true)
}

// parseLexFile is parseLex, for an embedded file when embedded is true.
func parseLexFile(name string, text string, embedded bool) (*Lexicon, error) {
	b := newDefBuilder(name, true)
	b.embedded = embedded
	var (
		sec           = secNone
		cat, act, gr  = -1, -1, -1
		sawName, lang bool
		scope         []string // the categories of a @negators, @stops or @breaches section
		scopePos      Position
	)
	b.expect(strings.Count(text, "\n") + 1) // about one entry a line
	// Valid UTF-8 as a whole is valid line by line: then only the lines'
	// lengths need checking.
	valid := utf8.ValidString(text)
	for l := range textLines(text) {
		if (!valid || len(l.text) > MaxLineBytes) && !checkLine(&b.errs, name, l) {
			continue
		}
		i := leadingSpace(l.text)
		t := trimRightSpace(l.text[i:])
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '@' {
			dir, arg, argAt := splitField(t)
			argAt += i
			switch dir {
			case "@lexicon":
				n, rest, restAt := splitField(arg)
				switch {
				case n == "":
					b.errorf(b.pos(l, argAt), ErrBadName, "@lexicon needs a name")
				case rest != "":
					b.errorf(b.pos(l, argAt+restAt), ErrBadName, "lexicon name may not contain white space")
				case sawName:
					b.errorf(b.pos(l, i), ErrDuplicate, "@lexicon given twice")
				default:
					b.def.Name, sawName = n, true
					b.src.name = b.pos(l, argAt)
				}
			case "@language":
				code, rest, restAt := splitField(arg)
				switch {
				case code == "":
					b.errorf(b.pos(l, argAt), ErrLanguage, "@language needs a language code")
				case rest != "":
					b.errorf(b.pos(l, argAt+restAt), ErrSyntax, "@language takes one code")
				case lang:
					b.errorf(b.pos(l, i), ErrDuplicate, "@language given twice")
				default:
					lg, err := tokenize.ParseLanguage(code)
					if err != nil {
						b.errorf(b.pos(l, argAt), ErrLanguage, "unsupported language %q", code)
						break
					}
					b.def.Language, lang = lg, true
					b.src.lang = b.pos(l, argAt)
				}
			case "@category":
				n, desc, _ := splitField(arg)
				if n == "" {
					b.errorf(b.pos(l, argAt), ErrBadName, "@category needs a name")
					sec, cat = secCategory, -1
					break
				}
				sec, cat = secCategory, b.category(n, desc, b.pos(l, argAt))
			case "@intensifiers", "@hedges":
				if arg != "" {
					b.errorf(b.pos(l, argAt), ErrSyntax, "%s takes no argument", dir)
				}
				sec = map[string]lexSection{"@intensifiers": secIntensifiers, "@hedges": secHedges}[dir]
			case "@negators", "@stops", "@breaches":
				sec = map[string]lexSection{"@negators": secNegators, "@stops": secStops, "@breaches": secBreaches}[dir]
				scope, scopePos = strings.Fields(arg), b.pos(l, argAt)
			case "@actor":
				code, display, _ := splitField(arg)
				if code == "" {
					b.errorf(b.pos(l, argAt), ErrBadName, "@actor needs a code")
					sec, act = secActor, -1
					break
				}
				sec, act = secActor, b.actor(code, display, b.pos(l, argAt))
			case "@grammar", "@role":
				sec, cat, gr = b.grammarDirective(l, i, dir, arg, argAt, sec, cat, gr)
			default:
				b.errorf(b.pos(l, i), ErrUnknownDirective, "unknown directive %q", dir)
			}
			continue
		}

		at := i
		remove := t[0] == '!'
		if remove {
			k := 1 + leadingSpace(t[1:])
			t, at = t[k:], at+k
		}
		pat, wtext, wat, hasWeight := splitWeight(t)
		wat += at
		if pat == "" {
			col := at
			if remove {
				col = i
			}
			b.errorf(b.pos(l, col), ErrEmptyPattern, "empty pattern")
			continue
		}
		ppos := b.pos(l, at)
		if remove && sec != secCategory {
			b.errorf(b.pos(l, i), ErrSyntax, "a removal (!PATTERN) belongs in a @category section")
			continue
		}
		switch sec {
		case secNone:
			b.errorf(ppos, ErrNoCategory, "entry %q before any @category, modifier or @actor section", pat)
		case secCategory:
			if cat < 0 {
				continue // the @category line was bad and is reported
			}
			if remove {
				if hasWeight {
					b.errorf(b.pos(l, wat), ErrBadWeight, "a removal takes no weight")
				}
				b.remove(cat, pat, ppos)
				continue
			}
			w := 1.0
			if hasWeight {
				w = b.weight(l, wtext, wat, 1, func(v float64) bool { return v > 0 }, "an entry's weight must be > 0")
			}
			b.entry(cat, pat, w, ppos)
		case secNegators, secStops, secBreaches:
			k := map[lexSection]ModifierKind{secNegators: Negator, secStops: Stop, secBreaches: Breach}[sec]
			if hasWeight {
				b.errorf(b.pos(l, wat), ErrBadWeight, "a %s takes no factor", k)
			}
			b.scopedModifier(k, pat, scope, scopePos, ppos)
		case secIntensifiers:
			f := DefaultIntensifierFactor
			if hasWeight {
				f = b.weight(l, wtext, wat, f, func(v float64) bool { return v >= 1 }, "an intensifier's factor must be >= 1")
			}
			b.modifier(Intensifier, pat, f, ppos)
		case secHedges:
			f := DefaultHedgeFactor
			if hasWeight {
				f = b.weight(l, wtext, wat, f, func(v float64) bool { return v > 0 && v <= 1 }, "a hedge's factor must be > 0 and <= 1")
			}
			b.modifier(Hedge, pat, f, ppos)
		case secGrammar:
			if hasWeight {
				b.errorf(b.pos(l, wat), ErrBadWeight, "a grammar word takes no weight")
			}
			if gr >= 0 {
				b.grammarWord(gr, pat, ppos)
			}
		case secActor:
			if act < 0 {
				continue
			}
			if hasWeight {
				b.errorf(b.pos(l, wat), ErrBadWeight, "an actor alias takes no weight")
			}
			b.alias(act, pat, ppos)
		}
	}
	return b.finish()
}

// weight parses the weight text s found at byte at of l; on a problem it
// reports it and returns def.
func (b *defBuilder) weight(l line, s string, at int, def float64, ok func(float64) bool, rule string) float64 {
	v, err := parseWeight(s)
	switch {
	case err != nil:
		b.errorf(b.pos(l, at), ErrBadWeight, "weight %q: %s", s, err.Error())
	case !ok(v):
		b.errorf(b.pos(l, at), ErrBadWeight, "weight %s: %s", s, rule)
	default:
		return v
	}
	return def
}

// weightError is a malformed weight.
type weightError string

func (e weightError) Error() string { return string(e) }

// parseWeight parses a finite decimal number: digits with an optional
// fraction and exponent, and an optional sign ("1", "1.5", ".5", "2e-1").
// NaN, infinities, hexadecimal and underscores are refused.
func parseWeight(s string) (float64, error) {
	if s == "" {
		return 0, weightError("missing number after '='")
	}
	i := 0
	if s[i] == '+' || s[i] == '-' {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits > 0 && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i, exp = i+1, exp+1
		}
		if exp == 0 {
			digits = 0
		}
	}
	if digits == 0 || i != len(s) {
		return 0, weightError("not a decimal number")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > MaxWeight {
		return 0, weightError("out of range (at most 1e6)")
	}
	return v, nil
}

// splitField splits s (which has no leading white space) at its first run of
// spaces or tabs: the first field, the rest with its leading blanks removed,
// and the offset of the rest within s.
func splitField(s string) (first, rest string, restAt int) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, "", len(s)
	}
	j := i + leadingSpace(s[i:])
	return s[:i], s[j:], j
}

// splitWeight splits an entry line at its last '=' into the pattern and the
// weight text, both trimmed, with the weight's offset within s.
func splitWeight(s string) (pat, weight string, weightAt int, ok bool) {
	eq := strings.LastIndexByte(s, '=')
	if eq < 0 {
		return trimRightSpace(s), "", 0, false
	}
	w := s[eq+1:]
	k := leadingSpace(w)
	return trimRightSpace(s[:eq]), trimRightSpace(w[k:]), eq + 1 + k, true
}
