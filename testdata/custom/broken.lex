@lexicon broken-example
@langauge en

@category legitimacy
legitimate government = heavy
*
mandate
mandate

tribunal
