# Draft cues from 10 annotated sentences of small.jsonl (rhetorica lexicon suggest).
#
# Each cue is ranked by z, the z-score of the log-odds ratio (informative Dirichlet prior,
# a0 = 10 pseudo-sentences; Monroe, Colaresi & Quinn 2008) of a sentence containing it, with the
# device against without. support = sentences with the device and the cue; seen = sentences with
# the cue; precision = support / seen; new = supporting sentences that the lexicon's category
# does not match yet. These are statistics of the training data, not judgements: keep a cue only
# if it signals the device in general (read its sentences), prefer ~stems and gaps to variants,
# and check the edited lexicon on held-out sentences.

@lexicon suggested
@language en

# blame: 3 of 10 sentences have it; 3 candidate cues
@category blame Blame.
# z 2.0  support 3  seen 3  precision 1.00  new 1  (word)
responsibility
# z 2.0  support 3  seen 3  precision 1.00  new 1  (stem)
~bears
# z 1.4  support 2  seen 2  precision 1.00  new 0  (word)
#   in the lexicon: aggression

# call_to_action: 1 of 10 sentences have it; 0 candidate cues

# economic: 1 of 10 sentences have it; 0 candidate cues

# humanitarian: 1 of 10 sentences have it; 0 candidate cues

# peace: 3 of 10 sentences have it; 3 candidate cues
@category peace
# z 2.0  support 3  seen 3  precision 1.00  new 3  (word)
dialogue
# z 1.4  support 2  seen 2  precision 1.00  new 2  (word)
peace
# z 1.1  support 2  seen 3  precision 0.67  new 2  (stem)
~negotiations
