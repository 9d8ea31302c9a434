# Stop-phrases, scoped negators and breaches.
@lexicon rules

@category blame
aggression
@category threat
threat
@category values
human rights

@negators
not
never

@negators blame threat
~prevent
~deter

@stops
human rights council
@stops threat
threat assessment

@breaches blame
~honour
~comply with
@breaches
~respect
