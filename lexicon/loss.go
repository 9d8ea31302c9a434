package lexicon

import (
	"fmt"
	"strings"

	"github.com/rhetorica/rhetorica/tokenize"
)

// Lossy lists, one line each, what writing l in format f would lose or
// change: weights other than 1 (LIWC counts every word once), category
// descriptions, removals, modifiers, actors, a language other than English, categories left
// out for having no entries, and stem (~word) and gap (_) patterns, which
// are written as they are but which LIWC itself would read literally. The
// lines are in that fixed order and each gives a count and an example. It
// is nil when nothing is lost, always for [FormatLex], and for a format
// that [Write] cannot write.
func Lossy(l *Lexicon, f Format) []string {
	if l == nil || (f != FormatLIWC && f != FormatLIWC22) {
		return nil
	}
	full := l.Definition()
	def := &full
	target := "LIWC"
	if f == FormatLIWC22 {
		target = "LIWC-22"
	}
	var out []string
	add := func(n int, what, example, why string) {
		if n == 0 {
			return
		}
		s := fmt.Sprintf("%d %s", n, what)
		if example != "" {
			s += " (e.g. " + example + ")"
		}
		out = append(out, s+": "+why)
	}
	var weights, descs, removals, stems, gaps, empty, roles int
	var wEx, dEx, rEx, sEx, gEx, eEx, roEx string
	for _, c := range def.Categories {
		if c.Role != "" {
			roles++
			if roEx == "" {
				roEx = c.Name + ": @role " + string(c.Role)
			}
		}
		if c.Description != "" {
			descs++
			if dEx == "" {
				dEx = c.Name
			}
		}
		if len(c.Entries) == 0 {
			empty++
			if eEx == "" {
				eEx = c.Name
			}
		}
		for _, p := range c.Remove {
			removals++
			if rEx == "" {
				rEx = c.Name + ": !" + p
			}
		}
		for _, e := range c.Entries {
			if e.Weight != 1 {
				weights++
				if wEx == "" {
					wEx = fmt.Sprintf("%s: %s = %s", c.Name, e.Pattern, formatWeight(e.Weight))
				}
			}
			for _, field := range strings.Fields(e.Pattern) {
				if strings.HasPrefix(field, "~") {
					stems++
					if sEx == "" {
						sEx = e.Pattern
					}
					break
				}
			}
			for _, field := range strings.Fields(e.Pattern) {
				if field == "_" {
					gaps++
					if gEx == "" {
						gEx = e.Pattern
					}
					break
				}
			}
		}
	}
	if f == FormatLIWC {
		add(weights, "entry weights other than 1", wEx, "LIWC counts every word once; they are written as 1")
	}
	add(descs, "category descriptions", dEx, target+" has no place for them")
	add(removals, "removals", rEx, target+" cannot remove entries of another dictionary")
	add(roles, "category roles", roEx, target+" has none; a category named like one of the default lexicon's (blame, call_to_action, solidarity ...) gets its role back when read")
	var mEx, aEx string
	if len(def.Modifiers) > 0 {
		mEx = def.Modifiers[0].Kind.String() + " " + def.Modifiers[0].Pattern
	}
	if len(def.Actors) > 0 {
		aEx = def.Actors[0].Code
	}
	add(len(def.Modifiers), "modifiers (negators, intensifiers, hedges)", mEx, target+" has none")
	add(len(def.Actors), "actors", aEx, target+" has none")
	if def.Language != "" && def.Language != tokenize.English {
		out = append(out, fmt.Sprintf("the language (%s): %s does not record it", def.Language, target))
	}
	add(empty, "categories without entries", eEx, "left out")
	add(stems, "stem patterns", sEx, "written as they are; this package reads them back, "+target+" would take ~ literally")
	add(gaps, "gap patterns", gEx, "written as they are; this package reads them back, "+target+" would take _ literally")
	return out
}
