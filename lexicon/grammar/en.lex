# The built-in English grammar: the function words that rhetoric's rules look for.
# A lexicon may replace any class with its own @grammar section (see the package doc).
@lexicon grammar-en
@language en

@grammar clause-break
but
however
although
though
whereas
nevertheless

@grammar parenthetical
indeed
however
therefore

# Between a negator and a cue these undo the negation: "not only", "not just", "never again",
# "not least", "no doubt", "no alternative to", "cannot deny", "cannot ignore". Negative verbs:
# a negated refusal affirms ("Russia has never refused dialogue"). A negation does not reach
# into an embedded clause: "it was not Russia that staged the coup" denies the agent.
@grammar negation-canceller
only
just
merely
simply
again
least
less
doubt
alternative
question
deny
denies
denied
denying
dispute
disputes
disputed
ignore
ignores
ignored
ignoring
overlook
overlooks
overlooked
forget
forgets
forgotten
forgot
underestimate
underestimated
refuse
refuses
refused
refusing
reject
rejects
rejected
rejecting
oppose
opposes
opposed
opposing
abandon
abandons
abandoned
abandoning
that
which
who
whom

@grammar negating-prefix
non
anti

@grammar adverb
*ly

@grammar participle
*ed
*en

@grammar gerund
*ing

@grammar auxiliary
# contracted auxiliaries are tokens of their own: "I" "'ve" "said"
've
'll
'd
're
'm
is
are
was
were
be
has
have
had
bears
bear
bore
will
would
must
should
can
could
may
might
shall
does
did
do

@grammar be-form
am
is
are
was
were
be
been
being

@grammar object-glue
the
a
an
of
to
on
upon
against
with
for
from
at
by
toward
towards
into
onto
its
their
so-called
hands

@grammar own-side
we
us
our
ours
ourselves
i
me
my
mine
myself

@grammar accusation
blam*
accus*
condemn*
denounc*
charg*
hold*
call*
fault*
indict*
censur*
reproach*
imput*
point*

@grammar article
the

@grammar genitive
of

@grammar relative-pronoun
that
which
who

@grammar victim-marker
against

@grammar agent-marker
by
hands of

@grammar origin-marker
from

@grammar fronted-preposition
despite
notwithstanding
in
with
within
without
following
for
during
throughout
through
given
among
amid
amidst
regarding
concerning
unlike
like
beyond
at
on
from
against
according
apart
besides

@grammar imperative-skip
please
so
now
and
then

@grammar imperative-not
thank
excuse
pardon
welcome
congratulate

@grammar imperative-self
me

# Sources of reported moves (X said that ...; according to X; X's claims that ...).
@grammar reporting-verb
said
says
say
stated
states
claimed
claims
claim
insisted
insists
alleged
alleges
asserted
asserts
argued
argues
declared
declares
maintained
maintains
told
added
warned
warns
noted
notes
suggested
suggests
wrote
writes
portrayed
portrays
# phrases of saying
made clear
made it clear
made very clear
made it very clear
made crystal clear
made it crystal clear
made abundantly clear
made it abundantly clear
makes clear
makes it clear
pointed out
points out
went on to say
# "sends a signal that" was tried and left out: documents, talks and events send signals too.
# "paints a picture of" was left out as well: the seed article is the only text here with it.
# Gerunds open a participial clause whose subject opens the sentence ("Lavrov spoke, arguing
# that ..."). Verbs of emphasis (stresses, reiterates, underscores) are left out: in speeches a
# state names itself with them ("Morocco reiterates its commitment").
saying
stating
claiming
insisting
alleging
asserting
arguing
declaring
warning
portraying

@grammar accusing-verb
blame
condemn
denounce
accused
accuses
accuse
accusing
blamed
blames
blaming
charged
charges
condemned
condemns
condemning
denounced
denounces
denouncing

@grammar object-link
of
for
to

@grammar appeal-verb
called
calls
urged
urges
asked
asks
demanded
demands
demanding
pressed
presses
calling
urging
asking

@grammar anaphor
he
she
his
her

@grammar according
according to

@grammar claim-noun
claim
claims
allegation
allegations
assertion
assertions
accusation
accusations
narrative
narratives
lie
lies
myth
myths
story
pretext
propaganda
charge
charges
insistence

@grammar claim-opener
that
about
of

@grammar pre-verb
also
very
therefore
thus
hence
further
just
always
already
often
ever
long
still
even
keep
keeps
kept
continue
continues
continued
to
not
n't
never
again
once
*ly

@grammar disputing
baseless
false
falsely
unfounded
groundless
absurd
ridiculous
fabricated
bogus
lie
lies
myth
myths
pretext
propaganda
disinformation
so-called

@grammar coordinator
and
or
nor

@grammar complementizer
that

# Sentence openers before a reporting verb's subject: "As I said", "And we have said", "Let me say".
# A reporting or appeal verb with another common sense is one only after a name, an actor,
# a pronoun or an auxiliary: "Russia claims", "it states", "he added", but "maritime claims",
# "other states", "the economy added 250,000 jobs".
@grammar ambiguous-verb
states
claims
claim
blame
notes
charges
demands
calls
presses
added

@grammar subject-pronoun
he
she
it
they
we
i
you
who
which
that

# "Other states", "Many states", "All states": a capital at the sentence start makes no name.
@grammar determiner
there
here
this
other
many
some
all
several
these
those
both
most
few
such
various
certain
numerous
member
my
our
their
its
his
her
your
every
each
any
no

# "My delegation calls on ...", "our Government has declared": the speaker's own body, not a
# third party (but "my predecessor said" is one).
@grammar own-body
country
countries
government
governments
delegation
administration
nation
nations
state
states
people
republic
kingdom
authorities
ministry
parliament
party

# "When the President spoke, he said ...": an office after an article names a person whom a later
# "he" or "she" may stand for ("The Organization" does not).
@grammar person-title
president
secretary
secretary-general
minister
chancellor
king
queen
prince
ambassador
envoy
governor
senator
pope
lady
chairman
chairperson
chair
speaker
spokesperson
spokesman
director
commissioner

@grammar clause-opener
as
when
whenever
while
if
because
since
once
unless
until
after
before
so
what
where
how
why
let

# Forums and documents: blame is voiced there, it does not target them ("a violation of the
# Charter of the United Nations", "efforts to undermine the Security Council").
@grammar venue
united nations
un
security council
general assembly
secretary-general
human rights council
un charter

# Place names that hold an actor's alias: "Latin America" is not the United States, "the West
# Bank" is not the West.
@grammar place-name
latin america
south america
central america
north america
americas
west bank
western sahara
western balkans
western europe
western hemisphere
west africa
latin american
south american
central american

# Common nouns that name an actor the lexicon's actors do not list: a sentence with one offers the
# learned target chooser the candidate OTHER ("the regime shelled ...", "terrorists attacked ...").
@grammar agent-noun
regime
regimes
terrorist
terrorists
militant
militants
aggressor
aggressors
occupier
occupiers
invader
invaders
smuggler
smugglers
trafficker
traffickers
insurgent
insurgents
junta
separatists
extremists
mercenaries
perpetrators
