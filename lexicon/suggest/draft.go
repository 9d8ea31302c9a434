package suggest

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteLex writes r as a commented .lex draft for a person to edit: a
// header saying how the cues were ranked, then one category per device
// with its cues in rank order, each after a comment line with its
// statistics, then the device's WordNet candidates, each marked
// "(KIND; wordnet: synonym of ENTRY)". Cues the lexicon already holds are written as comments, so
// the draft can be merged over that lexicon as it stands; a device without
// new cues is a comment only. source names the annotated data in the
// header. The draft parses with lexicon.Parse.
func WriteLex(w io.Writer, r Result, source string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Draft cues from %d annotated sentences of %s (rhetorica lexicon suggest).\n", r.Sentences, oneLine(source))
	b.WriteString("#\n")
	b.WriteString("# Each cue is ranked by z, the z-score of the log-odds ratio (informative Dirichlet prior,\n")
	fmt.Fprintf(&b, "# a0 = %s pseudo-sentences; Monroe, Colaresi & Quinn 2008) of a sentence containing it, with the\n", num(r.Prior))
	b.WriteString("# device against without. support = sentences with the device and the cue; seen = sentences with\n")
	b.WriteString("# the cue; precision = support / seen; new = supporting sentences that the lexicon's category\n")
	b.WriteString("# does not match yet. These are statistics of the training data, not judgements: keep a cue only\n")
	b.WriteString("# if it signals the device in general (read its sentences), prefer ~stems and gaps to variants,\n")
	b.WriteString("# and check the edited lexicon on held-out sentences.\n\n")
	b.WriteString("@lexicon suggested\n")
	if r.Language != "" {
		fmt.Fprintf(&b, "@language %s\n", r.Language)
	}
	for _, d := range r.Devices {
		b.WriteString("\n")
		fresh := len(d.WordNet)
		for _, c := range d.Cues {
			if !c.InLexicon {
				fresh++
			}
		}
		fmt.Fprintf(&b, "# %s: %d of %d sentences have it; %d candidate cues", d.Name, d.Sentences, r.Sentences, len(d.Cues))
		if d.WordNetLemmas > 0 {
			supported := len(d.WordNet)
			for _, c := range d.Cues {
				if c.WordNet != "" {
					supported++
				}
			}
			fmt.Fprintf(&b, "; WordNet relates %d more lemmas to its cues, %d kept", d.WordNetLemmas, supported)
		}
		b.WriteString("\n")
		if fresh > 0 {
			b.WriteString("@category " + d.Name)
			if d.Description != "" {
				b.WriteString(" " + oneLine(d.Description))
			}
			b.WriteString("\n")
		}
		for _, c := range d.Cues {
			writeCue(&b, c)
		}
		if len(d.WordNet) > 0 {
			b.WriteString("# WordNet synonyms of the category's one-word cues that the data supports\n")
		}
		for _, c := range d.WordNet {
			writeCue(&b, c)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCue writes one cue after its comment line of statistics.
func writeCue(b *strings.Builder, c Cue) {
	fmt.Fprintf(b, "# z %.1f  support %d  seen %d  precision %.2f", c.Z, c.Support, c.Count, c.Precision)
	if c.New >= 0 {
		fmt.Fprintf(b, "  new %d", c.New)
	}
	if c.WordNet != "" {
		fmt.Fprintf(b, "  (%s; wordnet: %s)\n", c.Kind, c.WordNet)
	} else {
		fmt.Fprintf(b, "  (%s)\n", c.Kind)
	}
	if c.InLexicon {
		b.WriteString("#   in the lexicon: " + c.Pattern + "\n")
	} else {
		b.WriteString(c.Pattern + "\n")
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
