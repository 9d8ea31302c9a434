// Package suggest finds candidate cues for a framing lexicon in annotated
// sentences, so that a lexicon is built from what readers marked rather
// than from intuition alone.
//
// # Model
//
// [ReadAnnotated] reads sentences with the devices a reader found in them
// (JSON Lines, as the project's train.jsonl). [Suggest] tokenizes them with
// the project's tokenizer, so every candidate is in the normal form that a
// lexicon matches, and counts, for every candidate, in how many sentences
// with each device it occurs and in how many sentences at all. Candidates
// are words, stems (~word), phrases of two or three words and one-gap
// patterns (word _ word). Each device's candidates are ranked by the
// z-score of the log-odds ratio with an informative Dirichlet prior
// (Monroe, Colaresi and Quinn 2008), the model rhetoric.CompareWith uses to
// compare profiles, applied to sentences with the device against sentences
// without; a cue needs a minimum support, a precision above the device's
// base rate and a z above 1.96 by default. Where a word and its stem, or a
// phrase and one of its words, say the same, the more general form is
// kept.
//
// With a lexicon, [Cue.InLexicon] marks what the lexicon already holds and
// [Cue.New] counts the device's sentences a cue would add. [WriteLex]
// writes the result as a commented .lex draft to edit by hand: the
// statistics describe the training data, and a cue earns its place only by
// signalling the device on held-out text too.
//
// # WordNet
//
// With Options.WordNet (a database the wordnet package loads, such as
// Debian's wordnet-base in /usr/share/wordnet) and a lexicon, Suggest also
// proposes, for each device, the WordNet synonyms of its category's
// one-word cues (~accuse, pernicious, perpetrator*): the other lemmas of
// their synsets, and for adjectives the lemmas of the synsets they are
// similar to, in every sense and part of speech. A proposal that the
// category matches already is left out; the rest are validated on the
// annotated sentences like every other candidate, as a word, its ~stem or
// a phrase, and kept only with the least support and precision
// ([Device.WordNet], each [Cue.WordNet] naming the cue it came from).
// Nothing is proposed blind: a synonym the data never shows with the
// device is dropped. On the project's training data these candidates did
// not help the learned model in cross-validation (see the README), so
// they are a list to read, not entries to add unread.
//
// Results are plain data in a fixed order: the same input gives the same
// output, byte for byte.
package suggest
