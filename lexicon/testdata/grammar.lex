# A lexicon that brings its own grammar and declares roles.
@lexicon accusations
@language en

@category accusation Charges against an actor.
@role victim
aggression
~accuse

@category demand
@role appeal
must stop

@grammar clause-break
but
yet

@grammar agent-marker
by
at the hands of

@grammar adverb
*ly
