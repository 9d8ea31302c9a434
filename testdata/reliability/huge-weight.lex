@lexicon huge
@language en

@category blame Blame.
~blame = 1e308
aggression
