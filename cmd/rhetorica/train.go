package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/rhetorica/rhetorica/eval"
	"github.com/rhetorica/rhetorica/learn"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

const trainUsage = `Usage: rhetorica train --annotated GOLD.jsonl -o MODEL [flags]

Trains the learned layer on annotated sentences (the format of rhetorica
eval): per device, a logistic regression over the sentence features, with
its regularisation and threshold chosen by inner cross-validation. With
--folds K it first measures the training by K-fold cross-validation and
prints the figures (and records them in the model). --objective chooses
what the thresholds maximise: each device's own F1 (device), the micro-F1
of all devices together (micro), or --micro-weight W times micro-F1 plus
1-W times macro-F1 (blend; --micro-weight without --objective blend is a
usage error); --own-threshold D keeps device D's threshold at its own
best F1 under micro or blend (repeat it for more devices).
Without either flag, training follows the built-in model's recipe, which
rhetorica eval --folds measures: --objective micro --own-threshold blame,
blame held only when the lexicon has it. Use the model with --model MODEL
in analyze, compare and eval.

Examples:
  rhetorica train --annotated mine.jsonl -o mine.model
  rhetorica train --annotated mine.jsonl --lexicon extra.lex --folds 5 -o mine.model
  rhetorica analyze --model mine.model speech.md

`

func (c *cli) train(args []string) int {
	fs := newFlagSet("train", trainUsage)
	var ef evalFlags
	ef.register(fs)
	gold := fs.String("annotated", "", "annotated `FILE` (.jsonl) to train on")
	out := fs.String("o", "", "write the model to `FILE` (gzip-compressed JSON)")
	fs.IntVar(&ef.folds, "folds", 0, "first cross-validate with `K` folds and print the figures")
	var cfg learn.Config
	fs.StringVar(&cfg.Objective, "objective", learn.ObjectiveMicro, "what the thresholds maximise: device, micro or blend")
	fs.Float64Var(&cfg.MicroWeight, "micro-weight", 0.75, "the weight `W` of micro-F1, 0 to 1 (0 means 0.75); needs --objective blend")
	fs.Func("own-threshold", "with --objective micro or blend, keep `DEVICE`'s threshold at its own best F1 (repeatable)", func(v string) error {
		if v == "" {
			return errors.New("empty device name")
		}
		cfg.OwnThreshold = append(cfg.OwnThreshold, v)
		return nil
	})
	rest, code := c.parseFlags(fs, "train", args)
	if code >= 0 {
		return code
	}
	if *gold == "" || *out == "" {
		return c.usageError("train ", "--annotated FILE and -o MODEL are required")
	}
	if len(rest) > 0 {
		return c.usageError("train ", "unexpected argument %q", rest[0])
	}
	if ef.folds == 1 || ef.folds < 0 {
		return c.usageError("train ", "--folds must be at least 2")
	}
	if ef.context < 0 {
		return c.usageError("train ", "--context must be 0 or more bytes")
	}
	if ef.noDefault && len(ef.lexicons) == 0 {
		return c.usageError("train ", "--no-default needs at least one --lexicon FILE")
	}
	recipe := true // neither --objective nor --own-threshold given
	microWeight := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "objective", "own-threshold":
			recipe = false
		case "micro-weight":
			microWeight = true
		}
	})
	if cfg.Objective == learn.ObjectiveDevice {
		cfg.Objective = "" // learn's default, recorded in the model as such
	}
	if cfg.Objective != learn.ObjectiveBlend {
		cfg.MicroWeight = 0
	}
	if cfg.Objective == "" && len(cfg.OwnThreshold) > 0 {
		return c.usageError("train ", "--own-threshold needs --objective micro or blend")
	}
	if err := cfg.Validate(); err != nil {
		return c.usageError("train ", "%v", err)
	}
	if microWeight && cfg.Objective != learn.ObjectiveBlend {
		// Only the blend objective weighs micro- against macro-F1; any
		// other would train without the weight the user asked for.
		return c.usageError("train ", "--micro-weight needs --objective blend (it weighs micro-F1 against macro-F1 there)")
	}
	if err := outputIsInput(*out, append([]string{*gold}, ef.lexicons...)...); err != nil {
		return c.fatal(fmt.Errorf("-o %w", err))
	}
	items, code := c.readGold(*gold, ef.corpus, ef.context)
	if code >= 0 {
		return code
	}
	lex, code := c.loadLexicon("train", ef.lexicons, ef.noDefault)
	if code >= 0 {
		return code
	}
	if recipe {
		r := builtinRecipe(lex)
		cfg.Objective, cfg.OwnThreshold = r.Objective, r.OwnThreshold
	}
	for _, d := range cfg.OwnThreshold {
		if lex.CategoryIndex(d) < 0 {
			// Before --folds trains anything.
			return c.usageError("train ", "--own-threshold %q: the lexicon has no such device", d)
		}
	}
	data, err := os.ReadFile(*gold)
	if err != nil {
		c.errorf("%v", err)
		return exitInput
	}
	opts := rhetoric.Options{Tag: ef.tag}
	if ef.folds > 0 {
		res, err := eval.CrossValidate(c.ctx, lex, opts, items, ef.folds, cfg, eval.Options{})
		if err != nil {
			c.errorf("%v", err)
			return exitInput
		}
		writeEvalTable(c.stdout, res, true)
	}
	m, err := eval.TrainModel(c.ctx, lex, opts, items, filepath.Base(*gold), data, cfg)
	if err != nil {
		c.errorf("%v", err)
		return exitInput
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		c.errorf("%v", err)
		return exitInput
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		c.errorf("%v", err)
		return exitInput
	}
	return exitOK
}

// builtinRecipe returns the configuration the built-in model was trained
// with (learn.DefaultModelConfig) for lex: the devices it holds at their
// own thresholds are kept only where lex has them, so a user's lexicon
// without blame trains and cross-validates under the same objective.
func builtinRecipe(lex *lexicon.Lexicon) learn.Config {
	cfg := learn.DefaultModelConfig()
	cfg.OwnThreshold = slices.DeleteFunc(cfg.OwnThreshold, func(d string) bool { return lex.CategoryIndex(d) < 0 })
	return cfg
}
