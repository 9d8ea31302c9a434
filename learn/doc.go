// Package learn trains the learned layer of package rhetoric: per device,
// an L2-regularised logistic regression over the interpretable sentence
// features that rhetoric.Analyzer.Features extracts (lexicon hits and their
// negation, hedges and intensifiers, device hit counts, words, stems,
// bigrams, actors, target rules, sentence form; see the rhetoric package
// doc).
//
// # Training
//
// [Featurize] extracts the features of every [Example] once (an example
// of several sentences gets the union of their features). [TrainSet] then,
// per device:
//
//   - keeps the features seen in at least Config.MinCount (2) training
//     examples, so that no feature is learned from a single sentence, and
//     whose prefix is not in Config.Drop (bigrams, b=, by default: they did
//     not help in cross-validation);
//   - weighs the loss of each class by n/(2·n_class) (class balancing, so
//     the rare devices, such as hypocrisy with 70 examples in 4,200, are
//     not drowned), features of hits and device counts taking the value 2
//     (Config.Scales) instead of 1, which halves their penalty;
//   - multiplies each feature's value by |r|^0.5 (Config.NB), r its
//     naive-Bayes log-count ratio between the device's positive and
//     negative training examples (add-0.5 smoothing), so that features
//     seen as often with the device as without it are penalised more
//     (NBSVM, Wang and Manning 2012); r is measured on the rows of each
//     fit, inner folds included, never on held-out ones;
//   - minimises the weighted log-loss plus λ/2·‖w‖² (bias unpenalised) by
//     L-BFGS (memory 8, Armijo backtracking) from zero, deterministically;
//   - chooses λ among Config.Lambdas and the decision threshold (0.05 to
//     0.95 by 0.025) by an inner cross-validation (Config.InnerFolds folds
//     by [Folds]) maximising the device's F1 (with Config.Objective micro
//     or blend, the thresholds of all devices are then chosen again
//     together, for the micro-F1, or a blend of micro- and macro-F1, of
//     their pooled inner cross-validated decisions, except those of the
//     devices in Config.OwnThreshold; [DefaultModelConfig], the recipe of
//     the built-in model, is micro with blame held);
//   - refits on all the examples and stores the weights rounded to three
//     decimals, dropping those below Config.Prune in magnitude.
//
// For each device that names a target, a second model ranks the target
// candidates of the examples whose gold target is among them (NONE, the
// actors named and OTHER; see the rhetoric package doc): a conditional
// logit, which maximises the softmax probability of the gold candidate
// among the example's candidates, plus λ/2·‖w‖² with λ =
// Config.TargetLambda (3), by the same L-BFGS. Its weights are stored
// with the device's, under names starting with "t:"; the candidate with
// the largest sum of weights is the target. The models of threat,
// delegitimization and hypocrisy also learn from blame's examples, with a
// weight per feature shared by the pooled devices and one per device,
// summed into the device's (Config.TargetPool, [DefaultTargetPool]).
//
// A device with fewer than two positive (or negative) examples is left out
// of the model, and the analyzer decides it by the lexicon rule. The same
// examples and configuration give the same model, byte for byte.
package learn
