# a toy lexicon for lexfit's tests
@lexicon toy
@language en

@category blame Attribution of responsibility to an actor.
# hand-written
blame*
accus*

# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 20 / 1.00
responsible

@category peace Calls for negotiation and an end to fighting.
peace
ceasefire = 1.5
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 20 / 1.00
negotiations
# 10 / 1.00
held
# 10 / 1.00
last
# 10 / 1.00
month
# 10 / 1.00
parties
# 10 / 1.00
resume
# 10 / 1.00
secure
# 10 / 1.00
welcome

