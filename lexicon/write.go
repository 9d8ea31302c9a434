package lexicon

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Write encodes l in format f to w: FormatLex writes the native format,
// which reads back to the same [Definition] (see [Parse]); FormatLIWC writes a
// LIWC .dic; FormatLIWC22 a LIWC-22 .dicx, which keeps weights (see
// [Lossy] for what each format cannot hold). Other formats give an error
// wrapping [ErrFormat].
//
// LIWC can hold only categories and their patterns, so a LIWC export loses
// the lexicon's name and language, category descriptions, entry weights
// (LIWC counts every word once), removals, modifiers and actors; categories
// are numbered from 1 in lexicon order, categories without entries are
// left out, and each pattern is written once with the ids of all its
// categories, in order of first appearance. Stem (~word) and gap (_)
// patterns are written as they are: this package reads them back, but LIWC
// itself would take them literally.
func Write(w io.Writer, l *Lexicon, f Format) error {
	if l == nil {
		return fmt.Errorf("lexicon: write: nil lexicon")
	}
	var s string
	def := l.Definition()
	switch f {
	case FormatLex:
		s = lexText(&def)
	case FormatLIWC:
		s = liwcText(&def)
	case FormatLIWC22:
		s = dicxText(&def)
	default:
		return fmt.Errorf("%w: cannot write %v (only lex, liwc and dicx)", ErrFormat, f)
	}
	if _, err := io.WriteString(w, s); err != nil {
		return fmt.Errorf("lexicon: write: %w", err)
	}
	return nil
}

// formatWeight writes a weight so that parseWeight reads back the same
// float64.
func formatWeight(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// lexText renders def in the .lex format.
func lexText(def *Definition) string {
	var b strings.Builder
	b.WriteString("@lexicon ")
	b.WriteString(def.Name)
	b.WriteByte('\n')
	if def.Language != "" {
		b.WriteString("@language ")
		b.WriteString(string(def.Language))
		b.WriteByte('\n')
	}
	for _, c := range def.Categories {
		b.WriteString("\n@category ")
		b.WriteString(c.Name)
		if d := strings.TrimSpace(c.Description); d != "" {
			b.WriteByte(' ')
			b.WriteString(d)
		}
		b.WriteByte('\n')
		if c.Role != "" {
			b.WriteString("@role ")
			b.WriteString(c.Role)
			b.WriteByte('\n')
		}
		for _, e := range c.Entries {
			b.WriteString(e.Pattern)
			if e.Weight != 1 {
				b.WriteString(" = ")
				b.WriteString(formatWeight(e.Weight))
			}
			b.WriteByte('\n')
		}
		for _, p := range c.Remove {
			b.WriteByte('!')
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	for i, m := range def.Modifiers {
		if i == 0 || def.Modifiers[i-1].Kind != m.Kind || !slices.Equal(def.Modifiers[i-1].Categories, m.Categories) {
			b.WriteString("\n@")
			b.WriteString(sectionNames[m.Kind])
			for _, c := range m.Categories {
				b.WriteByte(' ')
				b.WriteString(c)
			}
			b.WriteByte('\n')
		}
		b.WriteString(m.Pattern)
		if m.Kind == Intensifier || m.Kind == Hedge {
			b.WriteString(" = ")
			b.WriteString(formatWeight(m.Factor))
		}
		b.WriteByte('\n')
	}
	for _, a := range def.Actors {
		b.WriteString("\n@actor ")
		b.WriteString(a.Code)
		if n := strings.TrimSpace(a.Name); n != "" {
			b.WriteByte(' ')
			b.WriteString(n)
		}
		b.WriteByte('\n')
		for _, p := range a.Aliases {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	grammarText(&b, def)
	return b.String()
}

// sectionNames are the .lex directives of the modifier kinds, without @.
var sectionNames = [...]string{Negator: "negators", Intensifier: "intensifiers", Hedge: "hedges", Stop: "stops", Breach: "breaches"}

// liwcText renders def's categories as a LIWC .dic.
func liwcText(def *Definition) string {
	var b strings.Builder
	b.WriteString("%\n")
	ids := make([]int, len(def.Categories))
	n := 0
	for i, c := range def.Categories {
		if len(c.Entries) == 0 {
			continue
		}
		n++
		ids[i] = n
		b.WriteString(strconv.Itoa(n))
		b.WriteByte('\t')
		b.WriteString(c.Name)
		b.WriteByte('\n')
	}
	b.WriteString("%\n")
	var order []string
	cats := make(map[string][]int)
	for i, c := range def.Categories {
		for _, e := range c.Entries {
			p := strings.Join(strings.Fields(e.Pattern), " ")
			if _, ok := cats[p]; !ok {
				order = append(order, p)
			}
			if l := cats[p]; len(l) == 0 || l[len(l)-1] != ids[i] {
				cats[p] = append(l, ids[i])
			}
		}
	}
	for _, p := range order {
		b.WriteString(p)
		for k, id := range cats[p] {
			if k == 0 {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(id))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
