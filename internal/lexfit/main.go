// Command lexfit rebuilds a framing lexicon from annotated sentences with
// k-fold cross-validation, and is how lexicon/default.lex was rebuilt:
//
//	go run ./internal/lexfit -o lexicon/default.lex
//
// which reads internal/lexfit/testdata/base.lex (the hand-written lexicon
// with the generated file's header and rule sections), ../shared/eval/train.jsonl
// and ../shared/CODEBOOK.md. For every fold it runs lexicon suggest on the
// training folds, adds the candidate cues to the lexicon, runs the analyzer
// over the training folds and keeps an entry only when its non-negated hits
// have at least a minimum support (sentences with the device) and a minimum
// precision there; the pruned lexicon is then scored on the held-out fold.
// The thresholds are chosen per device by its pooled held-out F1 over a
// small grid (a category's entries decide only its own device), and the same
// rule applied to all the data gives the written lexicon: entries that fail
// are deleted from the file (their lines only; comments, modifiers and
// actors stay), kept candidates are appended to their category with their
// training support and precision in a comment. An entry that matches one of
// the codebook's cues (the "Cues: *...*" lists under each "### device") is
// never deleted.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/lexicon/suggest"
	"github.com/rhetorica/rhetorica/rhetoric"
	"github.com/rhetorica/rhetorica/tokenize"
)

func main() {
	data := flag.String("data", "../shared/eval/train.jsonl", "annotated sentences")
	lexPath := flag.String("lexicon", "internal/lexfit/testdata/base.lex", "the lexicon to rebuild (.lex)")
	out := flag.String("o", "", "write the rebuilt lexicon here (default: report only)")
	folds := flag.Int("folds", 5, "number of folds")
	nCand := flag.Int("candidates", 60, "candidate cues per device from suggest")
	keep := flag.String("codebook", "../shared/CODEBOOK.md", "the codebook: entries that match one of its cues are never deleted")
	flag.Parse()
	if err := run(os.Stdout, os.Stderr, *data, *lexPath, *out, *keep, *folds, *nCand); err != nil {
		fmt.Fprintln(os.Stderr, "lexfit:", err)
		os.Exit(1)
	}
}

// params are the thresholds of one fit. A candidate is kept when its
// training hits have support >= candSup and precision >= candP. An entry of
// the given lexicon is kept when it has support (at least one right hit)
// and its training hits do not show it imprecise (3 or more hits, precision
// < baseP): an entry that never fires rightly on the training sentences was
// fitted to others. Entries that match a codebook cue are always kept.
type params struct {
	candSup      int
	candP, baseP float64
}

func (p params) String() string {
	return fmt.Sprintf("candidates: support >= %d and precision >= %.2f; lexicon entries: support >= 1 and precision >= %.2f when >= 3 hits", p.candSup, p.candP, p.baseP)
}

var grid = func() []params {
	var g []params
	for _, cs := range []int{3, 5, 8} {
		for _, cp := range []float64{0.5, 0.6, 0.7, 0.8} {
			for _, bp := range []float64{0.15, 0.25, 0.35} {
				g = append(g, params{cs, cp, bp})
			}
		}
	}
	return g
}()

// key names an entry of a category.
type key struct{ dev, pattern string }

// stat counts the training sentences where an entry has a non-negated hit.
type stat struct{ tp, fp int }

type fitter struct {
	w     io.Writer // the report
	items []suggest.Item
	base  *lexicon.Lexicon
	devs  []string
	nCand int
	keep  map[key]bool
}

// run fits the lexicon at lexPath to the annotated sentences in data with k
// folds and nCand candidate cues per device, writes the report to w and
// each fold's progress to progress, and writes the rebuilt lexicon to out
// unless out is empty. keepPath, unless empty, names the codebook whose
// cues are never deleted.
func run(w, progress io.Writer, data, lexPath, out, keepPath string, k, nCand int) error {
	if k < 2 {
		return fmt.Errorf("-folds %d: cross-validation needs at least 2 folds", k)
	}
	if nCand < 0 {
		return fmt.Errorf("-candidates %d: not a number of candidates", nCand)
	}
	f, err := os.Open(data)
	if err != nil {
		return err
	}
	items, err := suggest.ReadAnnotated(data, f)
	f.Close()
	if err != nil {
		return err
	}
	src, err := os.ReadFile(lexPath)
	if err != nil {
		return err
	}
	base, err := lexicon.Parse(lexPath, src)
	if err != nil {
		return err
	}
	if len(items) < k {
		return fmt.Errorf("%s: %d annotated sentences are too few for %d folds", data, len(items), k)
	}
	ft := &fitter{w: w, items: items, base: base, nCand: nCand, keep: map[key]bool{}}
	for _, c := range base.Categories() {
		ft.devs = append(ft.devs, c.Name)
	}
	if keepPath != "" {
		b, err := os.ReadFile(keepPath)
		if err != nil {
			return err
		}
		if err := ft.codebook(string(b)); err != nil {
			return err
		}
		fmt.Fprintf(w, "%d entries match a codebook cue and are kept\n", len(ft.keep))
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	// before: the lexicon as it is, on every sentence
	before, err := ft.predict(base, all)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d sentences, %d folds\n\nbefore (the lexicon as given, all of %s):\n", len(items), k, data)
	ft.report(all, before)

	// cross-validation
	heldPred := make([][][]string, len(grid)) // per grid point, per item
	for g := range grid {
		heldPred[g] = make([][]string, len(items))
	}
	for fold := range k {
		var train, held []int
		for i := range items {
			if i%k == fold {
				held = append(held, i)
			} else {
				train = append(train, i)
			}
		}
		union, cands, err := ft.union(train)
		if err != nil {
			return err
		}
		stats, err := ft.stats(union, train)
		if err != nil {
			return err
		}
		for g, p := range grid {
			lex, _, err := ft.prune(union, cands, stats, func(string) params { return p })
			if err != nil {
				return err
			}
			pred, err := ft.predict(lex, held)
			if err != nil {
				return err
			}
			for j, i := range held {
				heldPred[g][i] = pred[j]
			}
		}
		fmt.Fprintf(progress, "fold %d done\n", fold+1)
	}
	best := 0
	var bestF float64
	for g := range grid {
		m := ft.score(all, heldPred[g])
		if m.microF1 > bestF+1e-12 {
			best, bestF = g, m.microF1
		}
	}
	fmt.Fprintf(w, "\nafter, %d-fold CV, one setting for every device (held-out folds pooled; chosen: %s):\n", k, grid[best])
	ft.report(all, heldPred[best])

	// Each category's entries decide only its own device, so the setting
	// can be chosen per device, by that device's pooled held-out F1 (ties
	// go to the common setting).
	choice := map[string]int{}
	combined := make([][]string, len(items))
	for di, d := range ft.devs {
		g0, f0 := best, ft.score(all, heldPred[best]).devs[di].f
		for g := range grid {
			if f := ft.score(all, heldPred[g]).devs[di].f; f > f0+1e-12 {
				g0, f0 = g, f
			}
		}
		choice[d] = g0
		for i := range items {
			if slices.Contains(heldPred[g0][i], d) {
				combined[i] = append(combined[i], d)
			}
		}
	}
	fmt.Fprintf(w, "\nafter, %d-fold CV, a setting per device (chosen on the same pooled folds, so slightly optimistic):\n", k)
	for _, d := range ft.devs {
		fmt.Fprintf(w, "  %s: %s\n", d, grid[choice[d]])
	}
	ft.report(all, combined)
	pFor := func(d string) params { return grid[choice[d]] }

	// the final fit on all sentences
	union, cands, err := ft.union(all)
	if err != nil {
		return err
	}
	stats, err := ft.stats(union, all)
	if err != nil {
		return err
	}
	lex, kept, err := ft.prune(union, cands, stats, pFor)
	if err != nil {
		return err
	}
	fit, err := ft.predict(lex, all)
	if err != nil {
		return err
	}
	z, fo := ft.countUnsupported(lex, stats)
	fmt.Fprintf(w, "\nkept entries without a right training hit (not codebook cues): %d never fire, %d only wrongly\n", z, fo)
	fmt.Fprintf(w, "\nafter, fitted on all of %s (not a validity figure):\n", data)
	ft.report(all, fit)
	if out == "" {
		return nil
	}
	text := rewrite(string(src), ft.base, kept, cands, stats)
	if _, err := lexicon.Parse(out, []byte(text)); err != nil {
		return fmt.Errorf("the rewritten lexicon does not parse: %w", err)
	}
	return os.WriteFile(out, []byte(text), 0o644)
}

// union returns the base lexicon with the suggested cues of the items added
// (weight 1), and the added cues per device.
func (ft *fitter) union(idx []int) (*lexicon.Lexicon, map[key]suggest.Cue, error) {
	sub := make([]suggest.Item, len(idx))
	for j, i := range idx {
		sub[j] = ft.items[i]
	}
	res, err := suggest.Suggest(sub, suggest.Options{Lexicon: ft.base, Devices: ft.devs, Max: ft.nCand, MinSupport: 3})
	if err != nil {
		return nil, nil, err
	}
	def := ft.base.Definition()
	cands := map[key]suggest.Cue{}
	for _, d := range res.Devices {
		ci := slices.IndexFunc(def.Categories, func(c lexicon.Category) bool { return c.Name == d.Name })
		for _, c := range d.Cues {
			if c.InLexicon || slices.ContainsFunc(def.Categories[ci].Entries, func(e lexicon.Entry) bool { return e.Pattern == c.Pattern }) {
				continue
			}
			def.Categories[ci].Entries = append(def.Categories[ci].Entries, lexicon.Entry{Pattern: c.Pattern, Weight: 1})
			cands[key{d.Name, c.Pattern}] = c
		}
	}
	lex, err := lexicon.New(def)
	return lex, cands, err
}

// hits returns, per item, the entries with a non-negated hit.
func hits(lex *lexicon.Lexicon, texts []string) ([][]key, error) {
	a, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		return nil, err
	}
	out := make([][]key, len(texts))
	for i, t := range texts {
		r, err := a.Analyze(context.Background(), rhetoric.Statement{ID: fmt.Sprint(i), Text: t})
		if err != nil {
			return nil, err
		}
		for _, h := range r.Hits {
			if !h.Negated && !slices.Contains(out[i], key{h.Device, h.Entry}) {
				out[i] = append(out[i], key{h.Device, h.Entry})
			}
		}
	}
	return out, nil
}

func (ft *fitter) texts(idx []int) []string {
	t := make([]string, len(idx))
	for j, i := range idx {
		t[j] = ft.items[i].Text
	}
	return t
}

func (ft *fitter) stats(lex *lexicon.Lexicon, idx []int) (map[key]stat, error) {
	hs, err := hits(lex, ft.texts(idx))
	if err != nil {
		return nil, err
	}
	st := map[key]stat{}
	for j, i := range idx {
		for _, h := range hs[j] {
			s := st[h]
			if slices.Contains(ft.items[i].Devices, h.dev) {
				s.tp++
			} else {
				s.fp++
			}
			st[h] = s
		}
	}
	return st, nil
}

// prune keeps the entries of union that pass p on stats; it returns the
// lexicon and the kept entries.
func (ft *fitter) prune(union *lexicon.Lexicon, cands map[key]suggest.Cue, stats map[key]stat, pFor func(string) params) (*lexicon.Lexicon, map[key]bool, error) {
	def := union.Definition()
	kept := map[key]bool{}
	for ci := range def.Categories {
		c := &def.Categories[ci]
		p := pFor(c.Name)
		var es []lexicon.Entry
		for _, e := range c.Entries {
			k := key{c.Name, e.Pattern}
			s := stats[k]
			_, isCand := cands[k]
			prec := 0.0
			if s.tp+s.fp > 0 {
				prec = float64(s.tp) / float64(s.tp+s.fp)
			}
			// an entry of the lexicon needs support and must not be shown imprecise
			ok := s.tp >= 1 && !(s.tp+s.fp >= 3 && prec < p.baseP)
			if isCand {
				ok = s.tp >= p.candSup && prec >= p.candP
			}
			if ft.keep[k] || ok {
				es = append(es, e)
				kept[k] = true
			}
		}
		if len(es) == 0 {
			es = c.Entries[:1] // a category may not be empty
			kept[key{c.Name, es[0].Pattern}] = true
		}
		c.Entries = es
	}
	lex, err := lexicon.New(def)
	return lex, kept, err
}

func (ft *fitter) predict(lex *lexicon.Lexicon, idx []int) ([][]string, error) {
	hs, err := hits(lex, ft.texts(idx))
	if err != nil {
		return nil, err
	}
	pred := make([][]string, len(idx))
	for j := range idx {
		for _, h := range hs[j] {
			if !slices.Contains(pred[j], h.dev) {
				pred[j] = append(pred[j], h.dev)
			}
		}
	}
	return pred, nil
}

type devScore struct {
	tp, fp, fn int
	p, r, f    float64
}

type scores struct {
	devs             []devScore
	microF1, macroF1 float64
	microP, microR   float64
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (ft *fitter) score(idx []int, pred [][]string) scores {
	var s scores
	var TP, FP, FN, n int
	for _, d := range ft.devs {
		var ds devScore
		for j, i := range idx {
			g, p := slices.Contains(ft.items[i].Devices, d), slices.Contains(pred[j], d)
			switch {
			case g && p:
				ds.tp++
			case g:
				ds.fn++
			case p:
				ds.fp++
			}
		}
		ds.p, ds.r, ds.f = prf(ds.tp, ds.fp, ds.fn)
		if ds.tp+ds.fn > 0 {
			s.macroF1 += ds.f
			n++
		}
		TP, FP, FN = TP+ds.tp, FP+ds.fp, FN+ds.fn
		s.devs = append(s.devs, ds)
	}
	s.microP, s.microR, s.microF1 = prf(TP, FP, FN)
	s.macroF1 /= float64(max(n, 1))
	return s
}

func (ft *fitter) report(idx []int, pred [][]string) {
	s := ft.score(idx, pred)
	tw := tabwriter.NewWriter(ft.w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\tP\tR\tF1\tsupport\t\n")
	for i, d := range ft.devs {
		ds := s.devs[i]
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t\n", d, ds.p, ds.r, ds.f, ds.tp+ds.fn)
	}
	fmt.Fprintf(tw, "micro\t%.3f\t%.3f\t%.3f\t\t\n", s.microP, s.microR, s.microF1)
	fmt.Fprintf(tw, "macro F1\t\t\t%.3f\t\t\n", s.macroF1)
	tw.Flush()
}

// rewrite deletes the entry lines of src that were not kept and appends the
// kept candidates to their categories.
func rewrite(src string, base *lexicon.Lexicon, kept map[key]bool, cands map[key]suggest.Cue, stats map[key]stat) string {
	lines := strings.SplitAfter(src, "\n")
	var b strings.Builder
	cat := ""
	inCat := false
	added := map[string][]key{}
	for k := range cands {
		if kept[k] {
			added[k.dev] = append(added[k.dev], k)
		}
	}
	flush := func() {
		if !inCat || len(added[cat]) == 0 {
			return
		}
		ks := added[cat]
		slices.SortFunc(ks, func(x, y key) int {
			if c := cmp.Compare(cands[y].Z, cands[x].Z); c != 0 {
				return c
			}
			return strings.Compare(x.pattern, y.pattern)
		})
		b.WriteString("# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)\n")
		for _, k := range ks {
			s := stats[k]
			fmt.Fprintf(&b, "# %d / %.2f\n%s\n", s.tp, float64(s.tp)/float64(s.tp+s.fp), k.pattern)
		}
		b.WriteString("\n")
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "@role ") {
			b.WriteString(l) // a property of the category, inside its section
			continue
		}
		if strings.HasPrefix(t, "@") {
			flush()
			inCat = false
			if name, ok := strings.CutPrefix(t, "@category "); ok {
				cat, _, _ = strings.Cut(name, " ")
				inCat = true
			}
			b.WriteString(l)
			continue
		}
		if inCat && t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "!") {
			pat, _, _ := strings.Cut(t, "=")
			if !kept[key{cat, strings.TrimSpace(pat)}] {
				continue
			}
		}
		b.WriteString(l)
	}
	flush()
	return b.String()
}

// codebook marks as kept every entry of a device's category that matches
// one of the device's cues in the codebook text.
func (ft *fitter) codebook(text string) error {
	tok, err := tokenize.New(tokenize.Options{Language: ft.base.Language()})
	if err != nil {
		return err
	}
	dev := ""
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if name, ok := strings.CutPrefix(l, "### "); ok {
			dev = strings.TrimSpace(name)
			continue
		}
		rest, ok := strings.CutPrefix(l, "Cues: *")
		if !ok || dev == "" {
			continue
		}
		for !strings.Contains(rest, "*") && i+1 < len(lines) {
			i++
			rest += " " + strings.TrimSpace(lines[i])
		}
		rest, _, _ = strings.Cut(rest, "*")
		ci := ft.base.CategoryIndex(dev)
		if ci < 0 {
			continue
		}
		for _, cue := range strings.Split(rest, ",") {
			doc, err := tok.Tokenize(strings.TrimSpace(cue))
			if err != nil {
				return err
			}
			for _, m := range ft.base.Matcher().Find(doc, nil) {
				if m.Kind == lexicon.CategoryMatch && m.Index == ci {
					ft.keep[key{dev, ft.base.Entry(ci, m.Entry).Pattern}] = true
				}
			}
		}
	}
	return nil
}

// countUnsupported is a debugging aid.
func (ft *fitter) countUnsupported(lex *lexicon.Lexicon, stats map[key]stat) (zero, fpOnly int) {
	for _, c := range lex.Categories() {
		for _, e := range c.Entries {
			k := key{c.Name, e.Pattern}
			if ft.keep[k] {
				continue
			}
			s := stats[k]
			if s.tp+s.fp == 0 {
				zero++
			} else if s.tp == 0 {
				fpOnly++
			}
		}
	}
	return
}
