package lexicon

import (
	"fmt"
	"slices"

	"github.com/rhetorica/rhetorica/tokenize"
)

// Merge layers over on top of base and returns the combined lexicon; neither
// input changes. The rules:
//
//   - Name: base's name, a '+', and over's name ("diplomatic-framing+mine").
//   - Language: base's. over must have the same language or none (an
//     overlay without @language inherits base's); otherwise Merge fails
//     with [ErrMerge].
//   - Categories are matched by name. A new category is appended after
//     base's, in over's order. For an existing category, a non-empty
//     description replaces base's; an entry whose pattern base already has
//     re-weights it in place (keeping its position); other entries are
//     appended; and every pattern in over's [Category.Remove] ("!PATTERN" in
//     .lex) removes base's entry. Removing a pattern that base's category
//     does not have, or removing from a category that base does not have, is
//     an error ([ErrMerge]): a misspelt removal should not pass unnoticed. A
//     category whose entries are all removed is dropped. A role that over
//     declares replaces base's.
//   - Modifiers are matched by kind and pattern: a known one takes over's
//     factor, a new one is appended.
//   - Actors are matched by code: a known actor takes over's display name
//     (when not empty) and gains over's aliases that it lacks; a new actor is
//     appended.
//   - Grammar classes are matched by name: over's class replaces base's
//     whole (to add one word, repeat the class with it).
//
// The result keeps the [Lexicon.Warnings] of both. It is validated and compiled like [New]; all problems come back in
// an [ErrorList] whose positions name over (for merge problems) or the merged
// lexicon.
func Merge(base, over *Lexicon) (*Lexicon, error) {
	if base == nil || over == nil {
		return nil, fmt.Errorf("%w: nil lexicon", ErrMerge)
	}
	def := base.Definition()
	od := over.Definition()
	o := &od
	pos := Position{File: o.Name}
	var errs ErrorList
	errorf := func(format string, args ...any) {
		errs = append(errs, newError(pos, ErrMerge, format, args...))
	}

	def.Name = base.def.Name + "+" + o.Name
	if o.Language != "" && langOf(o.Language) != langOf(def.Language) {
		errorf("language %s differs from the base lexicon's %s", langOf(o.Language), langOf(def.Language))
	}

	catAt := make(map[string]int, len(def.Categories))
	for i, c := range def.Categories {
		catAt[c.Name] = i
	}
	dropped := make([]bool, len(def.Categories))
	for _, oc := range o.Categories {
		i, ok := catAt[oc.Name]
		if !ok {
			if len(oc.Remove) > 0 {
				errorf("category %q: cannot remove %q: the base lexicon has no such category", oc.Name, oc.Remove[0])
			}
			if len(oc.Entries) > 0 {
				n := cloneCategory(oc)
				n.Remove = nil
				catAt[oc.Name] = len(def.Categories)
				def.Categories = append(def.Categories, n)
				dropped = append(dropped, false)
			}
			continue
		}
		c := &def.Categories[i]
		if oc.Description != "" {
			c.Description = oc.Description
		}
		if oc.Role != "" {
			c.Role = oc.Role
		}
		at := make(map[string]int, len(c.Entries))
		for j, e := range c.Entries {
			at[e.Pattern] = j
		}
		for _, e := range oc.Entries {
			if j, ok := at[e.Pattern]; ok {
				c.Entries[j].Weight = e.Weight
				continue
			}
			at[e.Pattern] = len(c.Entries)
			c.Entries = append(c.Entries, e)
		}
		if len(oc.Remove) == 0 {
			continue
		}
		gone := make([]bool, len(c.Entries))
		for _, p := range oc.Remove {
			j, ok := at[p]
			if !ok {
				errorf("category %q: cannot remove %q: the base lexicon's category has no such entry", oc.Name, p)
				continue
			}
			gone[j] = true
		}
		kept := c.Entries[:0]
		for j, e := range c.Entries {
			if !gone[j] {
				kept = append(kept, e)
			}
		}
		c.Entries = kept
		if len(c.Entries) == 0 && len(c.Remove) == 0 {
			dropped[i] = true
		}
	}
	cats := def.Categories[:0]
	for i, c := range def.Categories {
		if !dropped[i] {
			cats = append(cats, c)
		}
	}
	def.Categories = cats

	type modKey struct {
		k ModifierKind
		p string
	}
	modAt := make(map[modKey]int, len(def.Modifiers))
	for i, m := range def.Modifiers {
		modAt[modKey{m.Kind, m.Pattern}] = i
	}
	for _, m := range o.Modifiers {
		m.Categories = slices.Clone(m.Categories)
		if i, ok := modAt[modKey{m.Kind, m.Pattern}]; ok {
			def.Modifiers[i].Factor = m.Factor
			def.Modifiers[i].Categories = m.Categories
			continue
		}
		modAt[modKey{m.Kind, m.Pattern}] = len(def.Modifiers)
		def.Modifiers = append(def.Modifiers, m)
	}

	actAt := make(map[string]int, len(def.Actors))
	for i, a := range def.Actors {
		actAt[a.Code] = i
	}
	for _, oa := range o.Actors {
		i, ok := actAt[oa.Code]
		if !ok {
			actAt[oa.Code] = len(def.Actors)
			oa.Aliases = append([]string(nil), oa.Aliases...)
			def.Actors = append(def.Actors, oa)
			continue
		}
		a := &def.Actors[i]
		if oa.Name != "" {
			a.Name = oa.Name
		}
		for _, p := range oa.Aliases {
			if !containsString(a.Aliases, p) {
				a.Aliases = append(a.Aliases, p)
			}
		}
	}
	def.Grammar = mergeGrammar(def.Grammar, o.Grammar)
	if len(errs) > 0 {
		return nil, errs.err()
	}
	l, err := build(def, nil, nil)
	if l != nil {
		l.warns = append(slices.Clone(base.warns), over.warns...)
	}
	return l, err
}

// langOf returns the language l stands for: English when empty.
func langOf(l tokenize.Language) tokenize.Language {
	if l == "" {
		return tokenize.English
	}
	return l
}

func containsString(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
