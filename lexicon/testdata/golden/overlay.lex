@lexicon overlay

@category blame Blame, as the overlay describes it.
accus* = 2
scapegoat*
!call on _ to

@category denial Denial of facts.
~deny

@intensifiers
utterly = 3
blatant = 1.8

@actor RUS
russian federation
moscow

@actor UKR Ukraine
ukraine
kyiv
