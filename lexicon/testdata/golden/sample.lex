@lexicon sample
@language en

@category blame Attribution of responsibility for harm to an actor.
blame
accus*
~provoke = 1.5
responsible for = 1.5
call on _ to

@category threat
~threaten = 2
red line*
rules-based international order = 0.25

@negators
not
n't
fail to

@intensifiers
flagrant = 1.5
utterly = 2

@hedges
perhaps = 0.6
somewhat = 0.5

@actor RUS Russia
russia
the kremlin
moscow

@actor NATO
nato
the alliance
