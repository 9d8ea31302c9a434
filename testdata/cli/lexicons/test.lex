# A small lexicon for the command's tests. Written for these tests only.
@lexicon cli-test
@language en

@category blame Holding an actor responsible for harm.
~blame = 2
responsible for = 1.5
aggression = 1.5
provocation*

@category threat Presenting something as a danger.
threat*
~endanger
danger

@category peace Appeals to dialogue and a peaceful settlement.
dialogue
~negotiate
ceasefire = 1.5
peaceful settlement = 2

@category law Appeals to rules and treaties.
international law = 2
charter
treaty

@negators
not
n't
never

@intensifiers
flagrant = 1.5
grave = 1.5

@hedges
perhaps = 0.5
may = 0.7

@actor RUS Russia
russia
moscow

@actor UKR Ukraine
ukraine
kyiv

@actor NATO NATO
nato
the alliance
