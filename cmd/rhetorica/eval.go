package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/internal/predfile"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

const evalUsage = `Usage: rhetorica eval [flags] GOLD.jsonl

Scores the analysis against annotated sentences: per device precision,
recall and F1 with bootstrap 95% intervals and support, agreement with the
annotation as Cohen's kappa and Krippendorff's alpha (the analysis and the
gold as two coders), micro and macro F1, target accuracy for the devices
that name a target, and a confusion table.
GOLD.jsonl has one object per line: "id", "devices", "targets" (device ->
actor) and "text" or a locator "file"/"start"/"end" read from --corpus.
With --context N, an item whose "file" (with "start"/"end", or "row" of a
CSV file) locates it is analyzed inside up to N bytes of its document on
each side, as in a whole statement.

With --folds K it cross-validates training instead: a model is trained on
K-1 folds and scored on the held-out fold, K times (the built-in model is
not used; each fold's model is trained as the built-in one was, with
--objective micro --own-threshold blame in rhetorica train's terms, blame
held only when the lexicon has it). Items are dealt into folds by a hash
of their id; --fold-salt S hashes S before each id, which gives another,
equally valid split: the spread of the figures over a few salts is the
noise of one cross-validation (runs compared with --against must use the
same salt).

To tell whether a change (another lexicon, model or flag) helps, write one
run's predictions with --predictions and compare a second run on the same
file with --against: it prints the differences in micro-, macro- and each
device's F1, this run minus that one, with 95% intervals from a paired
bootstrap over the items. Both runs see the same items (and, with --folds,
the same folds), so a difference is measured far more finely than by two
separate intervals.

Examples:
  rhetorica eval ../shared/eval/dev.jsonl
  rhetorica eval --no-model --errors - dev.jsonl
  rhetorica eval --folds 5 --format json train.jsonl
  rhetorica eval --folds 5 --predictions base.jsonl train.jsonl
  rhetorica eval --folds 5 --lexicon mine.lex --against base.jsonl train.jsonl

`

// evalFlags are the flags of eval and train.
type evalFlags struct {
	lexicons  stringList
	noDefault bool
	corpus    string
	context   int
	folds     int
	tag       bool
}

func (e *evalFlags) register(fs *flag.FlagSet) {
	fs.Var(&e.lexicons, "lexicon", "lexicon `FILE` merged over the default; repeatable")
	fs.BoolVar(&e.noDefault, "no-default", false, "do not use the built-in lexicon (only the --lexicon files)")
	fs.StringVar(&e.corpus, "corpus", "", "`DIR` that file locators are relative to (default: the parent of GOLD's directory)")
	fs.IntVar(&e.context, "context", 0, "analyze each located text inside `N` bytes of its document on each side (0: alone)")
	fs.BoolVar(&e.tag, "tag", false, "part-of-speech tagging (finds imperatives and more targets; slower)")
}

// loadModel returns the model of --model, or nil for the default (or with
// --no-model). code >= 0 means stop with that exit code.
func (c *cli) loadModel(cmd, path string, noModel bool) (*rhetoric.Model, int) {
	if path == "" {
		return nil, -1
	}
	if noModel {
		return nil, c.usageError(cmd+" ", "--model and --no-model exclude each other")
	}
	m, err := rhetoric.ReadModel(path)
	if err != nil {
		c.errorf("%v", err)
		return nil, exitInput
	}
	return m, -1
}

// readGold reads an annotated file, printing every error; with window > 0
// it finds each located item's context (eval.AddContext).
func (c *cli) readGold(path, corpus string, window int) ([]eval.Item, int) {
	if corpus == "" {
		corpus = filepath.Dir(filepath.Dir(path))
	}
	items, err := eval.ReadFile(path, corpus)
	if err == nil {
		_, err = eval.AddContext(items, path, corpus, window)
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			c.errorf("%s", line)
		}
		return nil, exitInput
	}
	return items, -1
}

func (c *cli) eval(args []string) int {
	fs := newFlagSet("eval", evalUsage)
	var ef evalFlags
	ef.register(fs)
	model := fs.String("model", "", "decide with this model `FILE` instead of the built-in one")
	noModel := fs.Bool("no-model", false, "no learned model: devices with a non-negated hit (lexicon counting)")
	fs.IntVar(&ef.folds, "folds", 0, "cross-validate training with `K` folds instead of evaluating a model")
	salt := fs.String("fold-salt", "", "with --folds, deal the items into folds by the hash of `S` and their id (another split)")
	errs := fs.String("errors", "", "write every error: `DIR` (errors.jsonl and one DEVICE.txt each) or - for standard output")
	format := fs.String("format", "table", "output `FORMAT`: table or json")
	resamples := fs.Int("resamples", 1000, "bootstrap resamples behind the 95% intervals (0: none)")
	predsOut := fs.String("predictions", "", "write each item's predicted devices and targets to `FILE` (JSONL, one line per item)")
	against := fs.String("against", "", "compare with the predictions in `FILE`, written by --predictions on the same annotated file: differences with paired 95% intervals")
	rest, code := c.parseFlags(fs, "eval", args)
	if code >= 0 {
		return code
	}
	if len(rest) != 1 {
		return c.usageError("eval ", "want one annotated file, got %d", len(rest))
	}
	if *format != "table" && *format != "json" {
		return c.usageError("eval ", "unknown --format %q (want table or json)", *format)
	}
	if ef.folds == 1 || ef.folds < 0 {
		return c.usageError("eval ", "--folds must be at least 2")
	}
	if ef.context < 0 {
		return c.usageError("eval ", "--context must be 0 or more bytes")
	}
	if *resamples < 0 {
		return c.usageError("eval ", "--resamples must be 0 (no intervals) or more")
	}
	if *salt != "" && ef.folds == 0 {
		return c.usageError("eval ", "--fold-salt needs --folds")
	}
	if ef.folds > 0 && (*model != "" || *noModel) {
		return c.usageError("eval ", "--folds trains its own models: drop --model and --no-model")
	}
	if ef.noDefault && len(ef.lexicons) == 0 {
		return c.usageError("eval ", "--no-default needs at least one --lexicon FILE")
	}
	if err := outputIsInput(*predsOut, append([]string{rest[0], *model}, ef.lexicons...)...); err != nil {
		return c.fatal(fmt.Errorf("--predictions %w", err))
	}
	m, code := c.loadModel("eval", *model, *noModel)
	if code >= 0 {
		return code
	}
	items, code := c.readGold(rest[0], ef.corpus, ef.context)
	if code >= 0 {
		return code
	}
	lex, code := c.loadLexicon("eval", ef.lexicons, ef.noDefault)
	if code >= 0 {
		return code
	}
	var base []eval.Prediction
	if *against != "" {
		var err error
		if base, err = predfile.Read(*against, items); err != nil {
			c.errorf("%v", err)
			return exitInput
		}
	}
	opts := rhetoric.Options{Tag: ef.tag, Model: m, NoModel: *noModel}
	eo := eval.Options{Resamples: *resamples}
	if *resamples == 0 {
		eo.Resamples = -1
	}
	// The predictions first, then their scores, as eval.Evaluate and
	// eval.CrossValidate do, so that they can be written and compared.
	var preds []eval.Prediction
	var devices []string
	var err error
	if ef.folds > 0 {
		var an *rhetoric.Analyzer
		if an, err = rhetoric.New(lex, rhetoric.Options{Tag: ef.tag, NoModel: true}); err == nil {
			devices = an.Devices()
			preds, err = crossPredict(c, lex, opts, items, ef.folds, *salt)
		}
	} else {
		var an *rhetoric.Analyzer
		if an, err = rhetoric.New(lex, opts); err == nil {
			devices = an.Devices()
			preds, err = eval.Predict(c.ctx, an, items)
		}
	}
	if err != nil {
		c.errorf("%v", err)
		return exitInput
	}
	res := eval.Score(devices, items, preds, eo)
	res.Folds = ef.folds
	var paired *eval.Paired
	if base != nil {
		if paired, err = eval.ComparePaired(devices, items, base, preds, eo); err != nil {
			c.errorf("%v", err)
			return exitInput
		}
	}
	if *predsOut != "" {
		if err := predfile.Write(*predsOut, items, preds); err != nil {
			c.errorf("%v", err)
			return exitInput
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		out := struct {
			*eval.Result
			Paired *eval.Paired `json:"paired,omitempty"`
		}{res, paired}
		if err := enc.Encode(out); err != nil {
			c.errorf("%v", err)
			return exitInput
		}
	} else {
		writeEvalTable(c.stdout, res, eo.Resamples > 0)
		if paired != nil {
			writePairedTable(c.stdout, *against, paired, eo.Resamples > 0)
		}
	}
	if *errs != "" {
		if err := writeEvalErrors(c.stdout, *errs, res); err != nil {
			c.errorf("%v", err)
			return exitInput
		}
	}
	return exitOK
}

// writeEvalTable prints the scores, the averages and the confusion table;
// the intervals are "-" without resamples.
func writeEvalTable(w io.Writer, r *eval.Result, intervals bool) {
	ci := func(c eval.Interval, prec int) string {
		if !intervals {
			return "-"
		}
		return fmt.Sprintf("%.*f-%.*f", prec, c.Lo, prec, c.Hi)
	}
	what := "evaluation"
	if r.Folds > 0 {
		what = fmt.Sprintf("%d-fold cross-validation", r.Folds)
	}
	fmt.Fprintf(w, "%s on %d items\n", what, r.Items)
	if r.InContext > 0 {
		fmt.Fprintf(w, "%d analyzed inside their document, %d of them segmented differently\n", r.InContext, r.Misaligned)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "device\tP\tR\tF1\tF1 95%%\tsupport\tkappa\talpha\ttarget acc\t\n")
	for _, d := range r.Devices {
		if d.Support == 0 && d.TP+d.FP == 0 {
			continue // neither annotated nor found: nothing to show
		}
		tgt := ""
		if d.TargetN > 0 {
			tgt = fmt.Sprintf("%.2f (%d/%d)", d.TargetAcc, d.TargetRight, d.TargetN)
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%s\t%d\t%.2f\t%.2f\t%s\t\n", d.Device, d.P, d.R, d.F1, ci(d.F1CI, 2), d.Support, d.Kappa, d.Alpha, tgt)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nmicro P %.3f R %.3f F1 %.3f (95%% %s); macro F1 %.3f (95%% %s)\n",
		r.MicroP, r.MicroR, r.MicroF1, ci(r.MicroCI, 3), r.MacroF1, ci(r.MacroCI, 3))
	fmt.Fprintf(w, "mean Krippendorff's alpha %.3f (95%% %s)\n", r.MeanAlpha, ci(r.MeanAlphaCI, 3))

	missed := false
	for _, row := range r.Confusion.Counts {
		for _, n := range row {
			missed = missed || n > 0
		}
	}
	if !missed {
		fmt.Fprintf(w, "\nno device was missed\n")
		return
	}
	fmt.Fprintf(w, "\nconfusion: missed device (row) and the wrong device found instead (column); - = none\n")
	tw = tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t")
	for _, d := range r.Confusion.Devices {
		fmt.Fprintf(tw, "%s\t", abbrev(d))
	}
	fmt.Fprintf(tw, "-\t\n")
	for i, d := range r.Confusion.Devices {
		if !slices.ContainsFunc(r.Confusion.Counts[i], func(n int) bool { return n > 0 }) {
			continue
		}
		fmt.Fprintf(tw, "%s\t", d)
		for _, n := range r.Confusion.Counts[i] {
			fmt.Fprintf(tw, "%d\t", n)
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()
}

// abbrev shortens a device name to a column header.
func abbrev(d string) string {
	if len(d) > 5 {
		return d[:5]
	}
	return d
}

// writeEvalErrors writes the errors of r: to stdout as text for "-", else into
// the directory dir as errors.jsonl and one DEVICE.txt per device.
func writeEvalErrors(stdout io.Writer, dir string, r *eval.Result) error {
	if dir == "-" {
		fmt.Fprintf(stdout, "\nerrors (%d items)\n", len(r.Errors))
		for _, e := range r.Errors {
			writeError(stdout, e, "")
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var all strings.Builder
	for _, e := range r.Errors {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		all.Write(b)
		all.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(dir, "errors.jsonl"), []byte(all.String()), 0o644); err != nil {
		return err
	}
	for _, d := range r.Confusion.Devices {
		var b strings.Builder
		for _, e := range r.Errors {
			writeError(&b, e, d)
		}
		if err := os.WriteFile(filepath.Join(dir, d+".txt"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeError prints one error item (only its mistakes about device, when
// device is not empty), with its hits.
func writeError(w io.Writer, e eval.Error, device string) {
	has := func(list []string) bool {
		for _, d := range list {
			if d == device {
				return true
			}
		}
		return false
	}
	var kinds []string
	for _, d := range e.FN {
		if device == "" || d == device {
			kinds = append(kinds, "missed "+d)
		}
	}
	for _, d := range e.FP {
		if device == "" || d == device {
			kinds = append(kinds, "wrong "+d)
		}
	}
	for _, t := range e.Targets {
		if device == "" || t.Device == device {
			kinds = append(kinds, fmt.Sprintf("%s target %s, gold %s", t.Device, t.Pred, t.Gold))
		}
	}
	if len(kinds) == 0 || device != "" && !has(e.FN) && !has(e.FP) && len(kinds) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s (line %d): %s\n  %s\n  gold %v, found %v\n", e.ID, e.Line, strings.Join(kinds, "; "), e.Text, e.Gold, e.Pred)
	for _, h := range e.Hits {
		neg := ""
		if h.Negated {
			neg = " NEGATED"
		}
		fmt.Fprintf(w, "  hit %s %q [%d,%d) entry %q target %s%s\n", h.Device, h.Text, h.Start, h.End, h.Entry, h.Target, neg)
	}
	for _, ss := range e.Scores {
		for _, p := range ss {
			if device != "" && p.Device != device {
				continue
			}
			var because []string
			for _, r := range p.Because {
				because = append(because, fmt.Sprintf("%s %+.2f", r.Feature, r.Weight))
			}
			fmt.Fprintf(w, "  model %s p=%.2f: %s\n", p.Device, p.P, strings.Join(because, ", "))
		}
	}
}

// writePairedTable prints a paired comparison: this run minus the one
// whose predictions are in the file named base; the intervals are "-"
// without resamples.
func writePairedTable(w io.Writer, base string, p *eval.Paired, intervals bool) {
	how := fmt.Sprintf("95%% intervals from a paired bootstrap over %d items", p.Items)
	if !intervals {
		how = fmt.Sprintf("%d items, no intervals (--resamples 0)", p.Items)
	}
	fmt.Fprintf(w, "\npaired with %s: this run minus that one, %s\n\n", base, how)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tthat run\tthis run\tdifference\t95%%\t\n")
	ci := func(c eval.Interval) string {
		if !intervals {
			return "-"
		}
		return fmt.Sprintf("%+.3f to %+.3f", c.Lo, c.Hi)
	}
	fmt.Fprintf(tw, "micro F1\t%.3f\t%.3f\t%+.3f\t%s\t\n", p.MicroF1[0], p.MicroF1[1], p.MicroDiff, ci(p.MicroCI))
	fmt.Fprintf(tw, "macro F1\t%.3f\t%.3f\t%+.3f\t%s\t\n", p.MacroF1[0], p.MacroF1[1], p.MacroDiff, ci(p.MacroCI))
	fmt.Fprintf(tw, "mean alpha\t%.3f\t%.3f\t%+.3f\t%s\t\n", p.MeanAlpha[0], p.MeanAlpha[1], p.AlphaDiff, ci(p.AlphaCI))
	for _, d := range p.Devices {
		if d.Support == 0 && d.F1 == [2]float64{} {
			continue
		}
		fmt.Fprintf(tw, "%s F1\t%.3f\t%.3f\t%+.3f\t%s\t\n", d.Device, d.F1[0], d.F1[1], d.Diff, ci(d.CI))
	}
	tw.Flush()
}

// crossPredict cross-validates training on items with k folds. With a
// salt, the folds (and the inner folds that choose each device's settings)
// are dealt as if every id began with it, as internal/cvconfig's -salt
// does, so the figures of a salt there are those here; the predictions
// stay the items'.
func crossPredict(c *cli, lex *lexicon.Lexicon, opts rhetoric.Options, items []eval.Item, k int, salt string) ([]eval.Prediction, error) {
	if salt != "" {
		salted := slices.Clone(items)
		for i := range salted {
			salted[i].ID = salt + salted[i].ID
		}
		items = salted
	}
	return eval.CrossPredict(c.ctx, lex, opts, items, k, builtinRecipe(lex))
}
