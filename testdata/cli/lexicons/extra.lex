# Merged over test.lex: a new device and a re-weighted entry.
@category humanitarian The human cost of the conflict.
civilian*
refugee*

@category blame
aggression = 2
