# Draft cues from 8 annotated sentences of wordnet.jsonl (rhetorica lexicon suggest).
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

# blame: 4 of 8 sentences have it; 1 candidate cues; WordNet relates 4 more lemmas to its cues, 2 kept
@category blame Blame.
# z 1.0  support 2  seen 2  precision 1.00  new 2  (stem; wordnet: synonym of ~accuse)
~charge
# WordNet synonyms of the category's one-word cues that the data supports
# z 0.0  support 1  seen 2  precision 0.50  new 0  (word; wordnet: similar to pernicious)
harmful

# economic: 1 of 8 sentences have it; 2 candidate cues
@category economic Money.
# z 1.1  support 1  seen 1  precision 1.00  new 0  (word)
#   in the lexicon: electricity
# z 1.1  support 1  seen 1  precision 1.00  new 0  (word)
fees
