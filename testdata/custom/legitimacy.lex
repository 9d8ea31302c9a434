# A user's overlay on the default diplomatic-framing lexicon: two devices
# the default does not have, one re-weighted cue and one removed cue.
@lexicon legitimacy-overlay
@language en

@category legitimacy Claims that an authority, election or decision is (or is not) legitimate.
legitimate government
lawful authorities
~elect = 0.5
will of the people = 1.5
referendum*
mandate

@category historical_grievance Appeals to past wrongs, historical injustice or broken promises.
broken promise*
betray*
not one inch = 2
historical injustice = 1.5
humiliation
for centuries

# Existing device: make 'so-called' count less, and drop 'regime', which our
# analysts find too broad (it also names ordinary sanctions or visa regimes).
@category delegitimization
so-called = 0.5
!regime
