// Package eval measures an analysis against annotated sentences, so that a
// lexicon or a learned model is validated before it is trusted.
//
// # Data
//
// [Read] reads annotated JSON Lines: one object per line with "id",
// "devices" (the devices a careful reader finds), "targets" (device ->
// actor code or NONE) and either "text" or a locator "file", "start", "end"
// (byte offsets into a file of a corpus directory). Every problem is
// reported as file:line: message and wraps [ErrFormat].
//
// Each item has a speaker, passed to the analyzer as the statement's
// speaker, as a user's metadata would be: the optional "speaker" field,
// else the one its file names ([LocatorSpeaker]: the country code of a UN
// General Debate speech, USA for the White House corpus, RUS and UKR for
// the Kremlin and Zelenskyy press files). The analyzer resolves it to the
// speaker's side, which the target chooser uses (the feature t:self); an
// item with only a text has no speaker.
//
// # Context
//
// An annotated sentence is normally analyzed alone. [AddContext] puts it
// back into its document, so that it is analyzed as in a whole statement
// (speaker turns, sources named in earlier sentences, any feature of a
// model that looks at neighbouring sentences): an item whose "file" names a
// text or Markdown file (with "start", "end") or a CSV file (with "row",
// the data row from 0 whose text column holds "text") gets Item.Context,
// up to a window of bytes on each side of its text, cut at sentence
// boundaries. [Predict] and learn.Featurize then analyze the context and
// keep the sentences that [learn.Align] finds for the item's span: those
// lying at least half inside it, or else the one overlapping it most.
// Result.InContext and Result.Misaligned count the items so analyzed and
// those whose sentences the analyzer segments differently from the
// annotation (88 of the 4,200 of the project's train.jsonl).
//
// # Scores
//
// [Evaluate] analyzes every item with a rhetoric.Analyzer: the devices
// predicted for an item are those of any of its sentences (the analyzer's
// decision, Span.Devices) and the target of a device is the one of the
// first sentence deciding it (Span.Targets). [Score] then computes, per
// device ([DeviceResult]),
//
//	P  = TP / (TP + FP)    R = TP / (TP + FN)    F1 = 2PR / (P + R)
//
// (0 when undefined), the support TP + FN, and the target accuracy over
// the items whose gold and predicted devices both hold the device and
// whose gold names its target. Micro-F1 pools TP, FP and FN of all devices;
// macro-F1 is the mean F1 of the devices with support. Agreement takes the
// analysis and the annotation as two coders who mark each of n items with
// the device or not; with g and p the items each marks and d = FP + FN
// those they disagree on, Cohen's kappa and Krippendorff's alpha (nominal
// values, two coders, nothing missing) are
//
//	kappa = (po - pe) / (1 - pe)    po = 1 - d/n    pe = (g·p + (n-g)(n-p)) / n²
//	alpha = 1 - (2n - 1)·d / (m0·m1)    m1 = g + p    m0 = 2n - m1
//
// (0 when undefined), and Result.MeanAlpha is the mean alpha of the
// devices with support. Each figure has a
// 95% interval from a bootstrap over items (Options.Resamples resamples,
// 1000 by default, from a seeded PCG stream, so the intervals are the same
// on every run): the 2.5th and 97.5th percentiles by nearest rank.
//
// The [Confusion] table shows, for every missed device, which wrong
// devices were found instead in the same item; [Error] lists every item
// with a mistake, its hits (spans, negation, targets) and the model's
// explanation.
//
// # Cross-validation
//
// [CrossValidate] measures training rather than a fixed model: items are
// dealt into K folds by a hash of their id ([learn.Folds], independent of
// file order), and for each fold a model is trained on the others with
// [learn.TrainSet] and the fold analyzed with it. The features are
// extracted once. [CrossPredict] returns the predictions behind it, and
// [ComparePaired] compares those of two configurations on the same folds
// with a paired bootstrap, whose intervals of the differences are far
// narrower than the spread of either figure over splits. [TrainModel]
// trains on all items and records the data's SHA-256, as the built-in
// model was made (go generate ./rhetoric).
package eval
