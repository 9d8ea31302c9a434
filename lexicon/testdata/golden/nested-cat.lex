@lexicon nested

@category ECONOMY/+STATE+
BENEFIT
CARER* = 2

@category ECONOMY/=STATE=
BANK*

@category CULTURE
WAR IN IRAQ
PENITEN*

@category CULTURE/HIGH_ART
MUSEUM*
