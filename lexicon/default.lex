# rhetorica default lexicon: how political and diplomatic statements frame a conflict.
#
# Every device, modifier and actor of the project's codebook (../shared/CODEBOOK.md), for English.
# The first cues were written from the codebook's definitions and from reading UN General Debate
# speeches, White House remarks and Kremlin / Ukrainian presidency press releases; the lexicon was
# then rebuilt from 4,200 annotated training sentences (../shared/eval/train.jsonl).
#
# Conventions
# - Weights say how reliably a cue signals its device on its own: 2 = nearly always, 1.5 = usually,
#   1 = often (the default), 0.5-0.8 = a weak cue that mostly adds colour to a stronger one.
#   Cues added from the data have weight 1.
# - `~word` matches every inflection of word (snowball stem); `word*` matches a prefix; `_` is one
#   word gap. General patterns are preferred to literal variants.
# - Negation, intensifiers and hedges are applied by the analyzer, so entries are written in their
#   affirmative form: "we do not seek confrontation" is cancelled by the negator "not".
#
# How it was built and measured (commands from the module root)
# - lexicon/default.lex is generated: go run ./internal/lexfit -o lexicon/default.lex rebuilds it
#   from internal/lexfit/testdata/base.lex (the hand-written lexicon with this header and the rule
#   sections) and ../shared/eval/train.jsonl. In each of 5 folds it runs `rhetorica lexicon suggest`
#   on the 4 training folds, adds the top 60 candidate cues per device, runs the analyzer over the
#   training folds and keeps a candidate when its non-negated hits there reach a support (3, 5 or
#   8 sentences) and a precision (0.5-0.8); an existing entry is kept when it has support (a right
#   hit; an entry that never fires rightly on the training folds was fitted to other sentences) and
#   its hits do not show it imprecise (>= 3 hits, precision below 0.15-0.35); an entry that matches
#   one of the codebook's cues is never deleted. Each device's thresholds are chosen by its pooled held-out F1
#   over the 5 folds; the same thresholds on all of train.jsonl give this file. Added cues are
#   listed at the end of each category with their training support and precision.
# - Lexicon alone through the analyzer (a sentence performs a device when it has a non-negated
#   hit): 5-fold CV on train.jsonl micro-F1 0.654, macro 0.575, where the hand-written lexicon
#   scores 0.643 and 0.563 on the same sentences (never tuned on them); dev.jsonl 0.737 (the
#   hand-written one: 0.82 after tuning on dev, which is now a check only, never a tuning set).
#   go test ./rhetoric -run 'TestEval' -v prints the figures; -eval.data=FILE scores another file
#   and -eval.errors=DEVICE lists the mistakes.

@lexicon diplomatic-framing
@language en

# ---------------------------------------------------------------------------------------------
@category blame Attribution of responsibility for harm, a crisis or wrongdoing to an actor.
@role victim
# explicit attribution
~blame = 2
~accuse = 1.5
responsible for = 1.5
hold _ responsible = 2
bears responsibility = 2
the fault of = 2
is to blame = 2
those responsible = 1.5
foment* = 1.5
accountable for = 1
hold _ accountable = 1.5
~circumvent = 1
weaponiz* = 2
pernicious = 1.5
at the expense of = 1
at others' expense = 1.5
~poison = 1
perpetrator* = 1.5
perpetrated = 1.5
committed by = 1.5
at the hands of = 2
waged by = 2
# aggression and war as something an actor does ("Russia's aggression", "NATO aggression",
# "unprovoked aggression"); "aggression" on its own is almost always an accusation in this genre
aggression = 1.5
aggressor* = 2
aggressive = 1
war of aggression = 2
war of choice = 2
unprovoked = 2
~provoke = 1.5
invasion = 1.5
~invade = 1.5
occupier* = 1.5
occupying = 1.5
annexation = 1.5
annexed = 1.5
unleash* = 1.5
orchestrat* = 1.5
fuel* the conflict = 2
fuelling = 1
# harm done to someone
destroy* = 1
destruction of = 1
~undermine = 1.5
~sabotage = 1.5
~bomb = 1
~shell = 1
attacks on = 1.5
attacks against = 1.5
~attack = 1
crimes committed = 1.5
crimes against = 1.5
murder* = 1.5
brutal* = 1.5
~blackmail = 1.5
~coerce = 1.5
coercion = 1.5
~intimidate = 1.5
~condemn = 1.5
denounc* = 1.5
deplor* = 1.5
reckless* = 1.5
shameful = 1.5
unacceptable = 1
~refuse to = 1
~manipulate = 1
interference in = 1
~violate = 1
violation* of = 1
# coups and support for them
coup = 1.5
coup d'etat = 1.5
coup d'état = 1.5
~persecute = 1
war against = 1
deliberately = 1
sponsor* of terror* = 1.5
~plunder = 1.5
~loot = 1.5
~abduct = 1.5
provocative = 1.5
irresponsible = 1.5
destabiliz* = 1
destabilis* = 1
directed against = 1
stifl* = 1
thwart* = 1.5
~obstruct = 1.5
destructive = 1.5
opportunistic = 1
spread fear = 1.5
war machine = 2
unilateral withdrawal = 1.5
imposed by = 1.5
coercive = 1.5
aggressions = 1.5
hostility = 1
~arm terrorists = 2
~wage war = 1.5
waged against = 2
illegal war = 2
encroach* = 1.5
dominance = 1
# Causing the crisis: "those who created this situation", "Russia knew where to hit to create this
# crisis", "whoever caused this tragedy" (about ten uses in the corpus, nearly all accusations).

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 37 / 0.66
~attempts
# 33 / 0.82
~regime
# 25 / 0.68
~illegal
# 24 / 0.63
~imposed
# 15 / 0.75
unilateral
# 13 / 0.72
~blockade
# 17 / 0.94
's war
# 14 / 0.93
aggression against
# 13 / 0.76
occupation
# 13 / 0.62
~death
# 11 / 0.79
~punishment
# 12 / 0.60
pressure
# 10 / 0.67
acts
# 11 / 0.61
~killed
# 9 / 0.69
~abuse
# 8 / 0.80
~blocked

@category sovereignty Appeals to sovereignty, territorial integrity, independence, inviolable borders, non-interference and a state's right to choose its own path.
@role target
sovereign* = 2
independence = 1.5
territorial integrity = 2
independent state* = 1.5
internationally recognized borders = 2
internationally recognised borders = 2
recognized borders = 2
inviolab* = 2
internal affairs = 2
non-interference = 2
interference in = 1.5
right to choose = 2
self-determination = 2
occupied = 1.5
occupation = 1.5
occupier* = 1.5
annexation = 2
statehood = 1.5
sovereign equality = 2
temporarily occupied = 2
separatis* = 1
spheres of influence = 1.5
own destiny = 1.5
de-occupation = 2
interference = 1.5
its borders = 1

# ---------------------------------------------------------------------------------------------
@category call_to_action An explicit demand or exhortation that someone act or stop acting.
@role appeal
# "have to"/"has to" are left out: in speeches they mostly introduce the speaker's own reflection
# ("we have to recognize that ..."). Imperatives are found by the analyzer when tagging is on.
# modal obligation laid on others or on "us"
must = 1.5
should = 1
need to = 1
needs to = 1
will have to = 1
ought to = 1.5
it is time = 1.5
time has come = 1.5
let us = 1.5
let's = 1
# explicit appeals
call on = 2
calls on = 2
calling on = 2
call for = 1.5
calls for = 1.5
calling for = 1.5
~urge = 2
we demand = 2
~demand that = 2
we appeal = 2
i appeal = 2
encourage = 1
invite = 1
we expect = 1
we ask = 1.5
i ask = 1.5
join us = 2
it is important to = 1
it is vital = 1.5
it is essential = 1.5
it is imperative = 2
it is necessary to = 1
is needed = 1
# imperatives that commonly open a demand
stop = 1.5
withdraw your = 2
cease = 1
we call = 1.5
i call = 1.5
~insist that = 1
high time = 2
now is the time = 2
we need = 1
we count on = 1
up to us = 1
is required = 1

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 21 / 0.81
we need to
# 18 / 1.00
we call on

@category international_law Appeals to law, rules, charters, treaties and commitments, or charges that they were broken.
# "resolution" alone is mostly "conflict resolution" or a draft text; only UN/Security Council
# resolutions count. "commitment*" is kept: the annotators read commitments as legal undertakings.
international law = 2
charter = 2
helsinki final act = 2
rules-based = 2
rule of law = 1.5
rules = 0.8
norms = 1
principles of = 1
obligation* = 1.5
~violate = 1.5
breach* = 1.5
illegal* = 1.5
unlawful* = 1.5
lawful* = 1
war crimes = 2
crimes against humanity = 2
crime = 1
crimes = 1
criminal court = 2
accountab* = 2
justice for = 1
tribunal* = 2
~prosecute = 1.5
~investigate = 1
treaty = 2
treaties = 2
convention = 1.5
conventions = 1.5
protocol = 1
agreement* = 1
accords = 1.5
commitment* = 0.8
compliance = 1.5
binding = 1.5
~ratify = 2
ratification = 2
provisions = 1
humanitarian law = 2
rule-based = 2
security council resolution* = 2
united nations resolution* = 2
un resolution* = 2
assembly resolution* = 2
relevant resolutions = 1.5
resolutions of = 1
legally = 1
legal obligation* = 2
legal basis = 1.5
legal framework = 1

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 15 / 0.83
and principles
# 14 / 0.82
the principles of
# 30 / 1.00
of international law
# 6 / 0.86
international law and
# 12 / 0.86
accordance
# 12 / 0.86
~punishment

@category threat Framing something as a danger to security or survival.
@role victim
# Mentions of weapons or terrorism in arms-control and counter-terrorism business ("the Treaty on
# the Non-Proliferation of Nuclear Weapons", "listing terrorist organizations") are not framing,
# so bare "weapons", "missile*", "terrorist(s)", "instability" and "survival" are left out.
~threat = 2
~threaten = 2
danger* = 1.5
menac* = 2
peril* = 1.5
jeopard* = 2
destabiliz* = 2
destabilis* = 2
existential = 2
risk of escalation = 2
risk of = 1
risks = 1
encirclement = 2
military build-up = 2
build-up of = 1
military infrastructure = 2
nuclear weapon* = 2
nuclear arsenal* = 2
nuclear war = 2
nuclear power plant = 1.5
weapons of mass destruction = 2
biological weapon* = 2
arms race = 2
military confrontation = 2
extremis* = 1.5
radicali* = 1.5
security challenge* = 1.5
hybrid war = 1.5
terrorism = 1
terrorist threat* = 2
terrorist attack* = 1.5
cyberattack* = 1.5
cyberterror* = 1.5
expansion of nato = 1.5
military bases = 1
terrorist cells = 2
terrorist groups = 1.5
islamic state = 1.5

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 13 / 0.72
~spread
# 14 / 0.78
~posed
# 12 / 0.63
~escalation
# 8 / 0.73
~fire
# 9 / 0.90
threat of
# 8 / 0.89
a nuclear

@category justification Presenting one's own or an ally's actions as necessary, forced, defensive, lawful or a response to others.
forced to = 1.5
had no choice = 2
in response to = 1.5
actions are aimed at = 1.5
self-defence = 2
self-defense = 2
to defend = 1
defensive = 1.5
legitimate security interests = 2
legitimate right = 2
we had to = 1.5
the right thing = 1.5
special military operation = 2
to ensure the security = 1
legitimate security concerns = 2
defend itself = 2
# Added for the rare devices (issue #16), each with 2 or more supporting
# training sentences and kept because justification gained in 5-fold CV on
# three splits with each entry chosen on the training folds only:
# an ally defending itself, a response named as one, deterrence as the
# purpose, standing up for one's own.
as they defend = 2
in response = 1.5
to deter = 1
stand up for = 1

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 4 / 0.80
forces and

@category solidarity Commitment, support and alliance unity: standing with an actor, pledging support, invoking allies and partners as one.
@role target
# Bare "united" (United Nations/States), "support", "help", "assistance", "partners", "alliance" and
# "allies" fire far more often on routine mentions than on pledges, so only phrases are used.
solidarity = 2
stand with = 2
stands with = 2
standing with = 2
stand together = 2
support for = 1.5
support to = 1.5
our support = 1.5
in support of = 1.5
as long as it takes = 2
unwavering = 2
unshakeable = 2
steadfast = 2
ironclad = 2
allies and partners = 2
our allies = 1.5
unity = 1.5
unified = 1.5
reliable partner = 2
~commend = 1
aid to = 1.5
fight for = 1
alongside = 1.5
closely with = 1
~pledge = 1.5
collective security = 1.5
united in = 1.5
we are united = 2
full support = 1.5
continued support = 1.5
strong support = 1.5
~support ukraine = 1.5
~support the people = 1.5
assistance to = 1.5
security assistance = 1.5
military assistance = 1.5
our partners = 1
our friends = 1
~help ukraine = 1.5
standing by = 1.5
shoulder to shoulder = 2
brotherly = 1.5
friendship = 1
military equipment = 1
air defense systems = 1

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 53 / 0.62
~partners
# 21 / 0.66
~allies
# 27 / 0.60
~coordination
# 25 / 0.61
~defense
# 18 / 0.64
together with
# 10 / 0.71
support for the
# 16 / 0.64
capabilities
# 4 / 1.00
allies and
# 15 / 0.62
~coalition
# 13 / 0.81
we stand
# 9 / 0.90
and partners
# 10 / 0.71
to stand
# 9 / 0.60
our support for
# 10 / 0.71
~reinforce
# 10 / 0.67
~deterrence

@category peace Appeals to dialogue, negotiation, diplomacy, peaceful settlement, ceasefire, de-escalation, compromise and cooperation.
peace = 1.5
peaceful* = 2
dialogue = 2
~negotiate = 1.5
negotiating table = 2
diplomacy = 2
diplomatic = 1.5
settlement = 1.5
ceasefire = 2
truce = 2
de-escalat* = 2
compromise* = 1.5
common ground = 2
cooperate = 1
cooperating = 1
# bare "cooperation" is mostly development/economic cooperation in UN speeches
international cooperation = 1
dialogue and cooperation = 2
mutually beneficial cooperation = 1.5
~mediate = 2
reconciliation = 2
peace talks = 2
talks = 1
consensus = 1
confidence-building = 2
mutual respect = 1.5
meet halfway = 2
political solution = 2
resolution of the conflict = 2
resolve the conflict = 2
end _ war = 1.5
denucleari* = 1.5
disarmament = 1.5
working together = 1
harmony = 1
coexistence = 1.5
peace formula = 2
peacebuilding = 1.5
conflict resolution = 2
political process = 1.5
~reconcile = 1.5
good offices = 2
detente = 2
normalization = 1
end to the war = 1.5
strategic stability = 1.5
two-state solution = 2

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 16 / 0.73
of peace
# 13 / 0.76
~peacekeeping
# 10 / 0.91
lasting
# 7 / 0.70
willing to
# 5 / 0.83
formula
# 6 / 0.75
the peace
# 5 / 0.71
to engage
# 7 / 0.78
we are ready

@category delegitimization Labels that deny an opponent's legitimacy or good faith: name-calling, scare-quote labels, puppets, criminals, liars.
@role target
# "regime" is pejorative in most political uses; it also names technical regimes
# (non-proliferation, sanctions), hence a lower weight
regime = 1
regimes = 1
so-called = 2
self-proclaimed = 2
puppet* = 2
illegitimate = 2
propaganda = 2
disinformation = 1.5
neo-nazi* = 2
nazi* = 1
sham = 2
pawn* = 2
lies and = 1.5
criminal regime = 2
junta = 2
thug* = 2
mercenar* = 1.5
extremists = 1
russophob* = 2
~manipulate = 1
usurp* = 2
dictator* = 1.5
coup = 1
pseudo* = 1.5
fabricat* = 1.5
falsif* = 1.5
war criminal* = 2
rogue = 1.5
empire of lies = 2
racist = 1.5

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 6 / 0.67
~satellites
# 4 / 0.67
the truth
# 5 / 0.83
the regime
# 5 / 0.83
~proxies
# 4 / 0.67
rules-based order
# 4 / 0.67
~allegedly
# 3 / 0.60
brutality
# 3 / 0.75
impunity
# 3 / 0.60
seized
# 3 / 0.60
terror
# 3 / 0.60
~massacre
# 3 / 0.75
are increasingly
# 3 / 0.75
artificially

@category polarization Us-versus-them framing: dividing the world into opposed camps, or a struggle between blocs, systems or civilizations.
free world = 2
collective west = 2
right side of history = 2
democracy versus autocracy = 2
autocra* = 1.5
battle between = 2
struggle between = 2
with us or against us = 2
~bloc = 1.5
camp = 1
divide the world = 2
unipolar = 1.5
anti-russian = 1.5
enemies of = 1

# ---------------------------------------------------------------------------------------------
@category values Appeals to shared political and moral values: freedom, democracy, human rights, dignity, justice.
freedom* = 1.5
democracy = 1.5
democracies = 1.5
democratic = 1.5
democratically = 1.5
democratization = 1.5
human rights = 2
dignity = 2
justice = 1.5
liberty = 2
liberties = 2
our values = 2
shared values = 2
common values = 2
values = 1
fundamental freedoms = 2
equality = 1.5
ideals = 1.5
free and fair = 2
rule of law = 1
respect for = 0.8
empowerment = 1
discrimination = 1.5
injustice* = 1.5
voting rights = 2
free expression = 2

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 11 / 0.73
rights and
# 10 / 0.83
the rule of
# 8 / 0.73
~girls
# 10 / 0.77
~gender
# 7 / 0.70
elections
# 8 / 0.89
justice and

@category humanitarian The human cost: civilians, casualties, suffering, displacement, hunger, destruction of homes and lives.
civilian* = 2
casualt* = 2
killed = 1.5
killing* = 1.5
~die = 1
deaths = 1.5
injured = 1.5
victims = 1.5
~suffer = 1.5
refugee* = 2
displaced = 2
humanitarian = 2
children = 1
hunger = 2
famine = 2
starv* = 2
malnutrition = 2
atrocit* = 2
massacre* = 2
genocide = 1.5
homes = 1
rape = 1.5
sexual violence = 2
torture* = 1.5
captivity = 1.5
hostages = 1.5
deported = 1.5
deportation = 1.5
misery = 1.5
millions of people = 0.8
million people = 0.8
prisoners = 1.5
plight = 1.5
tragedy = 1
lost their lives = 2
human lives = 1.5
innocent lives = 2
~save lives = 1.5
destroyed homes = 2
hospitals = 1
orphan* = 1.5
~flee = 1.5
evacuat* = 1.5
innocent people = 2
women and children = 2
violence = 0.8
bloodshed = 1.5
human cost = 2
~mourn = 1.5
gender-based violence = 2
hostage = 1.5
food insecurity = 1.5
those in need = 1.5
hardship* = 1.5
food aid = 1.5
access to food = 1.5
asylum = 1
devastation = 1.5
rubble = 1.5

# ---------------------------------------------------------------------------------------------
# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 4 / 1.00
~killed
# 14 / 0.82
humanitarian assistance
# 13 / 0.93
humanitarian aid
# 6 / 0.86
~innocent
# 9 / 0.82
persons
# 3 / 1.00
return of
# 7 / 0.88
the return of

@category hypocrisy Accusing others of double standards, hypocrisy, selective application of rules, or turning an accusation back on the accuser.
@role target
double standard* = 2
hypocri* = 2
selective* = 1.5
lecture us = 2
what about = 1
those who themselves = 2
turn a blind eye = 1.5
exceptionalism = 1.5
conspicuously silent = 2
# Added for the rare devices (issue #16): what an actor claims to be or do,
# set against what it does ("claims to champion", "claim to be fighting
# terrorism"); kept because hypocrisy gained in 5-fold CV on three splits.
~claim to = 1.5

# ---------------------------------------------------------------------------------------------
@category economic Economic consequences and instruments: sanctions, energy, food security, trade, prices, aid budgets, economic pressure, reconstruction.
sanction* = 2
econom* = 1.5
energy = 1.5
food security = 2
grain = 2
trade = 1.5
~price = 1.5
inflation = 2
reconstruction = 1.5
export* = 1.5
imports = 1.5
import = 1
~invest = 1.5
poverty = 1
jobs = 1.5
wages = 2
income* = 1.5
tax = 1.5
taxes = 1.5
market* = 1
financ* = 1.5
budget* = 1.5
debt = 1.5
gdp = 2
gross domestic product = 2
growth = 1
supply chain* = 2
oil = 1.5
gas = 1
fertili* = 1.5
fuel = 1
~cost = 1
dollars = 1.5
money = 1
funding = 1.5
industr* = 1
businesses = 1
production = 1
manufactur* = 1.5
pension* = 1.5
insurance = 1
banks = 1
banking = 1
central bank* = 1.5
world bank = 1.5
development bank* = 1.5
currency = 1.5
trillion = 1
emissions = 1
low-carbon = 1.5
green transition = 1.5
commodit* = 1.5
infrastructure = 1
unemployment = 2
employment = 1.5
sustainable development = 1
fiscal = 1.5
monetary = 1.5
tariff* = 2
embargo* = 1.5
recession = 2
wheat = 1.5
petroleum = 1.5
lng = 1.5
pipeline* = 1.5
nord stream = 2
loan* = 1.5
credit = 1
compensation = 1
agricultur* = 1.5
farmers = 1.5
harvest* = 1.5
workers = 1
salaries = 1.5
affordable = 1
cost of living = 2
development aid = 2
development assistance = 2
development agenda = 1
underdevelop* = 1.5
job = 1
job creation = 2
replenish* = 1.5
global fund = 1
fossil fuel* = 1.5
electricity = 1.5
inequalit* = 0.8
food insecurity = 2
wealth = 1
entrepreneur* = 1.5
consumption = 1
revenue* = 1.5
profits = 1.5
spending = 1.5
expenditure* = 1.5
deficit* = 1.5
minerals = 1.5
middle class = 1.5
billionaires = 1.5

# ---------------------------------------------------------------------------------------------
# Modifiers

# found by lexicon suggest on train.jsonl and kept by lexfit (training hits: support / precision)
# 25 / 0.89
~funding
# 32 / 0.89
food
# 38 / 0.84
~imposed
# 5 / 1.00
~trade
# 28 / 0.80
~sector
# 22 / 0.85
clean
# 22 / 0.92
the economic
# 18 / 0.82
~restrictions
# 9 / 1.00
~production

@negators
not
no
never
neither
nor
without
n't
cannot
fail to
fails to
failed to
failing to
hardly
no one
nobody
nothing
none
refrain from
far from

@intensifiers
strongest possible terms = 2
in the strongest terms = 2
flagrant* = 1.5
blatant* = 1.5
categorically = 1.5
deeply = 1.5
absolutely = 1.5
firmly = 1.5
crystal clear = 1.5
strongly = 1.5
resolutely = 1.5
vehemently = 1.5
unequivocally = 1.5
utterly = 1.5
totally = 1.3
completely = 1.3
extremely = 1.3
gross = 1.5
grave = 1.3
very = 1.2
once and for all = 1.5

@hedges
perhaps = 0.6
might = 0.6
reportedly = 0.5
allegedly = 0.5
it seems = 0.6
seems = 0.7
appears to = 0.7
apparently = 0.6
we note with concern = 0.7
possibly = 0.5
maybe = 0.5
probably = 0.7
could = 0.8
somewhat = 0.7
to some extent = 0.7

# ---------------------------------------------------------------------------------------------
# Rules of reading as data (see lexicon/doc.go), each measured on train.jsonl (README, "The default
# lexicon"): verbs of prevention cancel an accusation ("to deter future aggression" accuses no one);
# the danger stays (annotators mark "countering the terrorist threat" as threat: scoped to threat
# too, these verbs lost 6 right threat sentences of train.jsonl for 3 wrong ones).
@negators blame
~prevent
prevention of
~avert
~deter
~counter

# Names and technical terms that contain cues without performing them. Each recurs in train.jsonl
# as a false hit (two or more times) or is a cue-bearing name of an institution.
@stops
human rights council
international court of justice
international atomic energy agency
commonwealth of independent states
collective security treaty organization
north atlantic treaty organization
united nations framework convention
democratic people's republic
democratic republic of the congo
camp david

# "Regime" is a label of illegitimacy, not in a regime of rules.
@stops delegitimization blame
~sanction ~regime
non-proliferation ~regime
nonproliferation ~regime
~trade ~regime
trading ~regime
visa ~regime
ceasefire ~regime
control ~regime
inspection ~regime
verification ~regime
safeguards ~regime
legal ~regime
treaty ~regime
disarmament ~regime
climate ~regime

# A negated compliance verb accuses someone of a breach ("has never honoured", "failed to fulfil",
# "did not comply with"): the negation cancels neither the verb nor the cues after it ("does not
# respect Syria's sovereignty" appeals to sovereignty). The section names no category: reported as
# blame hits, negated compliance verbs were right in 1 and wrong in 6 sentences of train.jsonl
# (conditionals, "we fail to respect", "challenges do not respect borders").
@breaches
~honour
~honor
~fulfil
~fulfill
~comply
~abide
~respect
~implement
~observe
~adhere

# ---------------------------------------------------------------------------------------------
# Actors (targets). Aliases are full names, short forms, capitals used as metonyms and leaders.
# Demonyms name their state's side in both numbers (russian, russians): annotators give "the
# Russians", "Ukrainian territory" and "Ukrainians" that actor as target.
# OTHER collects frequent other states, organisations and groups so that a sentence naming one of
# them is not reported as NONE; it is deliberately limited to names that recur in the corpus.

@actor RUS Russia
russia
russian federation
russian
russians
moscow
kremlin
putin
vladimir putin
lavrov

@actor USA United States
united states
united states of america
# "America" inside a place name (Latin America, South America) is no actor: the grammar's
# place-name class drops actor matches strictly inside one (see the package doc).
america
american
americans
washington
u.s.
usa
us administration
us government
us president
biden
trump
obama
white house

@actor WEST the West
the west
collective west
westerners
# Bare "western" names the bloc ("Western sanctions", "Western weapons", "Western handlers").
# Places that start with the word are OTHER aliases (Western Sahara, Western Balkans, West
# Africa): the analyzer keeps the longest actor match, so they win over this one.
western

@actor NATO NATO
nato
the alliance
our alliance
north atlantic alliance
north atlantic treaty organization
north atlantic treaty organisation

@actor EU European Union
european union
eu
brussels
european commission
european council
european parliament

@actor UKR Ukraine
ukraine
ukrainian
ukrainians
ukrainian government
ukrainian authorities
ukrainian army
ukrainian armed forces
ukrainian forces
ukrainian military
ukrainian troops
ukrainian nationalists
ukrainian regime
ukrainian leadership
ukrainian president
ukrainian people
kyiv
kiev
zelenskyy
zelensky
zelenskiy
kyiv regime
kiev regime

@actor OTHER other named actor
# Geographic uses of "west" belong here, not to WEST; they shadow WEST's "the west" only where the
# analyzer prefers the longest actor match at a position.
the west bank
west bank
west africa
west african
western sahara
western hemisphere
western pacific
western asia
western africa
western indian ocean
western balkans
western balkan
china
chinese
beijing
united nations
un
security council
secretary-general
general assembly
israel
israeli
palestine
hamas
hezbollah
iran
iranian
tehran
syria
syrian
assad
iraq
afghanistan
taliban
libya
yemen
houthis
north korea
dprk
pyongyang
turkey
türkiye
turkish
india
pakistan
japan
germany
france
united kingdom
britain
belarus
lukashenko
serbia
kosovo
georgia
armenia
azerbaijan
venezuela
maduro
cuba
nicaragua
african union
asean
osce
g20
g7
brics
isil
isis
da'esh
daesh
al-qaida
al-qaeda
boko haram
al-shabaab
terrorists
terrorist groups
afghan
albania
algeria
argentina
australia
austria
bahrain
bangladesh
belgium
bolivia
bosnia and herzegovina
brazil
canada
chile
colombia
croatia
cyprus
czech republic
denmark
ecuador
egypt
eritrea
estonia
ethiopia
finland
greece
guatemala
guyana
haiti
hungary
indonesia
ireland
italy
jordan
kazakhstan
kenya
latvia
lebanon
lithuania
mali
mexico
moldova
morocco
myanmar
nigeria
norway
philippines
poland
qatar
romania
rwanda
saudi arabia
slovakia
somalia
south africa
south korea
republic of korea
south sudan
spain
sri lanka
sudan
sweden
switzerland
taiwan
tajikistan
thailand
tunisia
uganda
united arab emirates
uzbekistan
viet nam
vietnam
zimbabwe
gaza
golan
iranian regime
israeli government
chinese government
belarusian
belarussian
