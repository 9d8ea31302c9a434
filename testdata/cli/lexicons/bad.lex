# A lexicon with mistakes on purpose: each line below is one error.
@lexicon broken
orphan entry
@category blame Blame.
blame = heavy
*
@colour red
blame
