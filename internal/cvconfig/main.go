// Command cvconfig cross-validates the learned layer under one training
// configuration, for comparing settings by the same protocol as
// `go generate ./rhetoric`:
//
//	go run ./internal/cvconfig -config '{"lambdas":[10]}' -salt a
//
// It reads ../shared/eval/train.jsonl (locators resolved in ../shared),
// trains with the default lexicon and the given learn.Config (JSON; empty
// means the defaults) and prints the K-fold micro- and macro-F1, each
// device's F1 and blame's recall and target accuracy, on one line.
//
// -context N analyzes every sentence inside its document (N bytes on each
// side, see eval.AddContext) for training and testing, and adds a line
// with the number of items analyzed so and of those whose sentences the
// analyzer segments differently.
//
// -shipped starts from the built-in model's recipe
// (learn.DefaultModelConfig: thresholds for micro-F1, blame's held)
// instead of learn's zero-value defaults (each device's own F1), and
// -config then changes only the fields it names. Without it a run
// reproduces the figures of the README's earlier rounds.
//
// -salt prefixes every id before the folds are dealt (learn.Folds ranks ids
// by a hash), which gives another, equally valid split into folds. The
// spread of the figures over salts is the noise of one cross-validation:
// a setting is better only when it wins by more than that, on every salt.
//
// -fast decides each held-out item from its features and the fold's
// weights directly (see fastCV), without targets: for comparing many
// settings quickly. Its figures match the full run on the default split
// to within 0.005.
//
// -new FILE, with -fast, validates candidate lexicon entries (a .lex
// overlay of categories and entries) without letting the held-out fold
// choose them: in each fold an entry is added to the default lexicon only
// when its non-negated hits in the training folds fall in at least
// -new-support sentences with its device (2) at a precision of at least
// -new-precision (0.35), and every item is featurized with that fold's
// lexicon. Entries picked by reading all of the training file would
// otherwise fire on held-out sentences they were picked from (an entry that
// two sentences support is then right on both), which flatters the plain
// cross-validation. A last line gives the number of entries kept per fold.
// The default lexicon must not already hold the candidates. -new-entries
// adds a line per candidate with its non-negated hits on all of the
// training file (right/all, as a comment in the lexicon would give them)
// and the number of folds that keep it. With -preds and -against, a -new
// run is compared paired with a run of the base lexicon on the same split.
//
// -preds FILE writes the cross-validated predictions, one JSON line per
// item in file order: {"id": ID, "devices": [...]} (ids with the salt).
// -against FILE compares this run's predictions with such a file, written
// by a run on the same split under another configuration, and adds a line
// with the paired differences (this run minus that one) of micro-F1,
// macro-F1 and every device's F1, each with a 95% interval from a paired
// bootstrap over items (-resamples, 1000; see eval.ComparePaired), and
// blame's recall under both. The folds being the same, this measures a
// change far more finely than the spread over salts.
//
// -dev FILE also trains on all of the training file under the same
// configuration and prints the figures of that model on FILE, its target
// accuracies on a second line (a check, such as ../shared/eval/dev.jsonl,
// never a set to choose settings on).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/internal/predfile"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cvconfig:", err)
		os.Exit(1)
	}
}

// trainConfig returns the configuration to train with: learn's zero-value
// defaults, or with shipped the built-in model's recipe
// (learn.DefaultModelConfig), overlaid by the fields that the JSON config
// sets.
func trainConfig(shipped bool, config string) (learn.Config, error) {
	var cfg learn.Config
	if shipped {
		cfg = learn.DefaultModelConfig()
	}
	if config != "" {
		dec := json.NewDecoder(strings.NewReader(config))
		dec.DisallowUnknownFields() // a misspelt setting would silently mean the default
		if err := dec.Decode(&cfg); err != nil {
			return learn.Config{}, fmt.Errorf("-config: %w", err)
		}
	}
	return cfg, nil
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("cvconfig", flag.ContinueOnError)
	train := fs.String("train", "../shared/eval/train.jsonl", "annotated `FILE`")
	corpus := fs.String("corpus", "", "`DIR` the locators name files under (default: two levels above FILE)")
	config := fs.String("config", "", "learn.Config as `JSON`")
	shipped := fs.Bool("shipped", false, "start from learn.DefaultModelConfig, the built-in model's recipe, which -config then overlays")
	salt := fs.String("salt", "", "prefix ids with `S` before dealing folds")
	folds := fs.Int("folds", 5, "`K` folds")
	window := fs.Int("context", 0, "analyze each sentence inside `N` bytes of its document on each side (0: alone; see eval.AddContext)")
	dev := fs.String("dev", "", "also train on all of -train and score annotated `FILE`")
	fast := fs.Bool("fast", false, "score each item from its features and the fold's weights, without the analyzer or targets")
	newLex := fs.String("new", "", "with -fast: an overlay `FILE` of candidate entries, each kept in a fold only when its training folds support it (see foldLexicon)")
	newSup := fs.Int("new-support", 2, "least training sentences with the device where a -new entry hits")
	newP := fs.Float64("new-precision", 0.35, "least precision of a -new entry's training hits")
	newStats := fs.Bool("new-entries", false, "with -new: print each entry's hits on all items (right/all) and the folds that keep it")
	predsOut := fs.String("preds", "", "write the cross-validated predictions to `FILE` (JSONL)")
	against := fs.String("against", "", "compare with the predictions in `FILE` (written by -preds on the same split), paired")
	resamples := fs.Int("resamples", 1000, "bootstrap resamples of -against")
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	cfg, err := trainConfig(*shipped, *config)
	if err != nil {
		return err
	}
	if *corpus == "" {
		*corpus = filepath.Dir(filepath.Dir(*train))
	}
	items, err := eval.ReadFile(*train, *corpus)
	if err != nil {
		return err
	}
	nctx, err := eval.AddContext(items, *train, *corpus, *window)
	if err != nil {
		return err
	}
	for i := range items {
		items[i].ID = *salt + items[i].ID
	}
	var over *lexicon.Lexicon
	if *newLex != "" {
		if !*fast {
			return fmt.Errorf("-new needs -fast")
		}
		b, err := os.ReadFile(*newLex)
		if err != nil {
			return err
		}
		if over, err = lexicon.Parse(*newLex, b); err != nil {
			return err
		}
	}
	var base []eval.Prediction
	if *against != "" {
		if base, err = predfile.Read(*against, items); err != nil {
			return err
		}
	}
	var preds []eval.Prediction
	var kept []int
	var stats []entryStat
	if *fast {
		preds, kept, stats, err = fastCV(context.Background(), items, *folds, cfg, newEntries{over, *newSup, *newP})
	} else {
		preds, err = eval.CrossPredict(context.Background(), lexicon.Default(), rhetoric.Options{}, items, *folds, cfg)
	}
	if err != nil {
		return err
	}
	an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{NoModel: true})
	if err != nil {
		return err
	}
	devices := an.Devices()
	res := eval.Score(devices, items, preds, eval.Options{Resamples: -1})
	if *predsOut != "" {
		if err := predfile.Write(*predsOut, items, preds); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "micro %.3f macro %.3f |", res.MicroF1, res.MacroF1)
	for _, d := range res.Devices {
		fmt.Fprintf(w, " %s %.3f", d.Device, d.F1)
		if d.Device == "blame" && !*fast {
			fmt.Fprintf(w, " (R %.2f, target %.2f)", d.R, d.TargetAcc)
		}
	}
	fmt.Fprintln(w)
	if base != nil {
		p, err := eval.ComparePaired(devices, items, base, preds, eval.Options{Resamples: *resamples})
		if err != nil {
			return err
		}
		printPaired(w, *against, p)
	}
	if *fast {
		if over != nil {
			fmt.Fprintf(w, "new | entries kept per fold: %s\n", strings.Trim(fmt.Sprint(kept), "[]"))
		}
		if *newStats {
			for _, st := range stats {
				fmt.Fprintf(w, "new entry | %s | %s | %d/%d | kept in %d of %d folds\n", st.Device, st.Pattern, st.Right, st.All, st.Folds, *folds)
			}
		}
		return nil
	}
	printTargets(w, "targets", res)
	if nctx > 0 {
		fmt.Fprintf(w, "context | %d of %d items in their document, %d of them misaligned\n", nctx, len(items), res.Misaligned)
	}
	if *dev == "" {
		return nil
	}
	ditems, err := eval.ReadFile(*dev, *corpus)
	if err != nil {
		return err
	}
	m, err := eval.TrainModel(context.Background(), lexicon.Default(), rhetoric.Options{}, items, filepath.Base(*train), nil, cfg)
	if err != nil {
		return err
	}
	a, err := rhetoric.New(lexicon.Default(), rhetoric.Options{Model: m})
	if err != nil {
		return err
	}
	dres, err := eval.Evaluate(context.Background(), a, ditems, eval.Options{Resamples: -1})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "dev %s | micro %.3f macro %.3f |", filepath.Base(*dev), dres.MicroF1, dres.MacroF1)
	for _, d := range dres.Devices {
		fmt.Fprintf(w, " %s %.3f", d.Device, d.F1)
	}
	fmt.Fprintln(w)
	printTargets(w, "dev targets", dres)
	return nil
}

// printTargets prints a line with the target accuracy of every device
// that names a target, with its counts, and their total, for comparing
// target rules and features (issues #14, #16).
func printTargets(w io.Writer, label string, res *eval.Result) {
	fmt.Fprintf(w, "%s |", label)
	right, n := 0, 0
	for _, d := range res.Devices {
		if d.TargetN > 0 {
			fmt.Fprintf(w, " %s %.2f (%d/%d)", d.Device, d.TargetAcc, d.TargetRight, d.TargetN)
			right, n = right+d.TargetRight, n+d.TargetN
		}
	}
	fmt.Fprintf(w, " | all %d/%d\n", right, n)
}

// fastCV cross-validates the device decisions of learn.TrainSet (targets
// off) as eval.CrossValidate does, but featurizes every item once and
// decides each held-out item from the union of its sentences' features
// and the fold's weights, instead of analyzing it with the fold's model.
// On single-sentence items the two agree; it takes a third of the time.
// It returns the predictions and, with nw, the entries kept per fold and
// each entry's support (see newEntries.stats).
func fastCV(ctx context.Context, items []eval.Item, k int, cfg learn.Config, nw newEntries) ([]eval.Prediction, []int, []entryStat, error) {
	if k < 2 || k > len(items) {
		return nil, nil, nil, fmt.Errorf("%d folds for %d items", k, len(items))
	}
	lex := lexicon.Default()
	if nw.over != nil {
		var err error
		if lex, err = lexicon.Merge(lex, nw.over); err != nil {
			return nil, nil, nil, err
		}
	}
	base, err := rhetoric.New(lex, rhetoric.Options{NoModel: true})
	if err != nil {
		return nil, nil, nil, err
	}
	full, err := learn.Featurize(ctx, base, eval.Examples(items))
	if err != nil {
		return nil, nil, nil, err
	}
	cfg.NoTargets = true
	folds := learn.Folds(full.IDs, k)
	var stats []entryStat
	if nw.over != nil {
		if stats, err = nw.stats(full, folds, k); err != nil {
			return nil, nil, nil, err
		}
	}
	preds := make([]eval.Prediction, len(items))
	var kept []int // -new entries kept per fold
	for f := range k {
		set := full
		if nw.over != nil {
			fl, n, err := nw.foldLexicon(full, folds, f)
			if err != nil {
				return nil, nil, nil, err
			}
			kept = append(kept, n)
			a, err := rhetoric.New(fl, rhetoric.Options{NoModel: true})
			if err != nil {
				return nil, nil, nil, err
			}
			if set, err = learn.Featurize(ctx, a, eval.Examples(items)); err != nil {
				return nil, nil, nil, err
			}
		}
		var tr []int
		for i := range items {
			if folds[i] != f {
				tr = append(tr, i)
			}
		}
		spec, err := learn.TrainSet(ctx, set, tr, cfg)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, dm := range spec.Devices {
			w := make(map[string]float64, len(dm.Weights))
			for _, x := range dm.Weights {
				w[x.Feature] = x.W
			}
			for i := range items {
				if folds[i] != f {
					continue
				}
				z := dm.Bias
				for _, id := range set.X[i] {
					z += w[set.Names[id]]
				}
				if 1/(1+math.Exp(-z)) >= dm.Threshold {
					preds[i].Devices = append(preds[i].Devices, dm.Device)
				}
			}
		}
	}
	return preds, kept, stats, nil
}

// printPaired prints the line of -against: this run's figures minus those
// of the predictions in the file named base, with paired intervals.
func printPaired(w io.Writer, base string, p *eval.Paired) {
	fmt.Fprintf(w, "paired vs %s | micro %.3f -> %.3f %+.4f [%+.4f, %+.4f] macro %.3f -> %.3f %+.4f [%+.4f, %+.4f] |",
		filepath.Base(base), p.MicroF1[0], p.MicroF1[1], p.MicroDiff, p.MicroCI.Lo, p.MicroCI.Hi,
		p.MacroF1[0], p.MacroF1[1], p.MacroDiff, p.MacroCI.Lo, p.MacroCI.Hi)
	for _, d := range p.Devices {
		fmt.Fprintf(w, " %s %+.3f [%+.3f, %+.3f]", d.Device, d.Diff, d.CI.Lo, d.CI.Hi)
		if d.Device == "blame" {
			fmt.Fprintf(w, " (R %.3f -> %.3f)", d.R[0], d.R[1])
		}
	}
	fmt.Fprintln(w)
}

// newEntries are candidate lexicon entries to validate without letting the
// held-out fold choose them: in each fold, an entry of over is added to the
// default lexicon only when its non-negated hits in the training folds
// (with every candidate in place) fall in at least sup sentences with its
// device, at a precision of at least p. So an entry that two sentences
// support is tested on one only after it was kept for the other.
type newEntries struct {
	over *lexicon.Lexicon
	sup  int
	p    float64
}

// foldLexicon returns the default lexicon with the entries of nw.over that
// the training folds of fold f support, and how many those are.
func (nw newEntries) foldLexicon(full *learn.Set, folds []int, f int) (*lexicon.Lexicon, int, error) {
	src, kept, err := nw.kept(full, folds, f)
	if err != nil || kept == 0 {
		return lexicon.Default(), 0, err
	}
	over, err := lexicon.Parse("new", []byte(src))
	if err != nil {
		return nil, 0, err
	}
	l, err := lexicon.Merge(lexicon.Default(), over)
	return l, kept, err
}

// kept writes the entries of nw.over that the training folds of fold f
// support as .lex source (full is featurized with all of them: an entry's
// non-negated hits are its h=DEVICE/PATTERN features), with their number.
func (nw newEntries) kept(full *learn.Set, folds []int, f int) (string, int, error) {
	id := make(map[string]int32, len(full.Names))
	for i, n := range full.Names {
		id[n] = int32(i)
	}
	var b strings.Builder
	kept := 0
	for _, c := range nw.over.Categories() {
		di := slices.Index(full.Devices, c.Name)
		if di < 0 {
			return "", 0, fmt.Errorf("-new: category %q is no device", c.Name)
		}
		header := false
		for _, e := range c.Entries {
			tp, fp := hitCounts(full, folds, f, id, di, "h="+c.Name+"/"+e.Pattern)
			if !nw.supported(tp, fp) {
				continue
			}
			if !header {
				fmt.Fprintf(&b, "@category %s\n", c.Name)
				header = true
			}
			fmt.Fprintf(&b, "%s = %g\n", e.Pattern, e.Weight)
			kept++
		}
	}
	return b.String(), kept, nil
}

// supported reports whether an entry whose non-negated training hits fall in
// tp sentences with its device and fp without is kept.
func (nw newEntries) supported(tp, fp int) bool {
	return tp >= nw.sup && float64(tp) >= nw.p*float64(tp+fp)
}

// hitCounts counts the items outside fold f (all items when f < 0) with
// the feature named feat, with device di (tp) and without it (fp); id maps
// the feature names of full to their ids.
func hitCounts(full *learn.Set, folds []int, f int, id map[string]int32, di int, feat string) (tp, fp int) {
	fid, ok := id[feat]
	if !ok {
		return 0, 0
	}
	for i, x := range full.X {
		if folds[i] == f {
			continue
		}
		if _, hit := slices.BinarySearch(x, fid); hit {
			if full.Y[i][di] {
				tp++
			} else {
				fp++
			}
		}
	}
	return tp, fp
}

// entryStat is a -new entry's support: the items where it has a
// non-negated hit, with its device (Right) and in all (All), and the number
// of folds whose training part keeps it.
type entryStat struct {
	Device, Pattern string
	Right, All      int
	Folds           int
}

// stats returns the support of every entry of nw.over on all items of full
// and the number of the k folds that keep it (see kept).
func (nw newEntries) stats(full *learn.Set, folds []int, k int) ([]entryStat, error) {
	id := make(map[string]int32, len(full.Names))
	for i, n := range full.Names {
		id[n] = int32(i)
	}
	var out []entryStat
	for _, c := range nw.over.Categories() {
		di := slices.Index(full.Devices, c.Name)
		if di < 0 {
			return nil, fmt.Errorf("-new: category %q is no device", c.Name)
		}
		for _, e := range c.Entries {
			feat := "h=" + c.Name + "/" + e.Pattern
			tp, fp := hitCounts(full, folds, -1, id, di, feat)
			st := entryStat{Device: c.Name, Pattern: e.Pattern, Right: tp, All: tp + fp}
			for f := range k {
				if nw.supported(hitCounts(full, folds, f, id, di, feat)) {
					st.Folds++
				}
			}
			out = append(out, st)
		}
	}
	return out, nil
}
