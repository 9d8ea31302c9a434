# An overlay a researcher writes after reading the errors of
# examples/validate: complicity is blame under the codebook ("holding
# responsible"), and the default lexicon does not list it.
@lexicon mycues
@language en

@category blame Attribution of responsibility for harm, a crisis or wrongdoing to an actor.
complicit
~complicity
