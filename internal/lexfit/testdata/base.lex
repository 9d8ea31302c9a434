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
accusation* = 1.5
responsible for = 1.5
held responsible = 2
hold _ responsible = 2
bears responsibility = 2
bear responsibility = 1.5
bears the responsibility = 2
bear the responsibility = 1.5
full responsibility = 1.5
the fault of = 2
is to blame = 2
fault = 1
culprit* = 2
guilty = 1.5
those responsible = 1.5
foment* = 1.5
call out = 1
might is right = 1.5
accountable for = 1
hold _ accountable = 1.5
~circumvent = 1
domination = 1
proxy war* = 1
weaponiz* = 2
weaponis* = 2
~erode = 1
pernicious = 1.5
at the expense of = 1
at others' expense = 1.5
~poison = 1
perpetrator* = 1.5
perpetrated = 1.5
committed by = 1.5
provoked by = 1.5
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
provocation* = 1.5
invasion = 1.5
~invade = 1.5
occupier* = 1.5
occupying = 1.5
annexation = 1.5
annexed = 1.5
annexing = 1.5
unleash* = 1.5
orchestrat* = 1.5
instigat* = 1.5
fuel* the conflict = 2
fuel* the war = 2
fueling = 1
fuelling = 1
~escalate = 1
# harm done to someone
destroy* = 1
destruction of = 1
~undermine = 1.5
~trample = 1.5
~sabotage = 1.5
~bomb = 1
~shell = 1
shelling = 1.5
attacks on = 1.5
attacks against = 1.5
~attack = 1
atrocities committed = 1.5
crimes committed = 1.5
crimes against = 1.5
murder* = 1.5
barbar* = 1.5
brutal* = 1.5
ruthless* = 1.5
~blackmail = 1.5
~coerce = 1.5
coercion = 1.5
~intimidate = 1.5
intimidation = 1.5
~condemn = 1.5
denounc* = 1.5
deplor* = 1.5
reckless* = 1.5
shameful = 1.5
unacceptable = 1
~refuse to = 1
betray* = 1.5
~manipulate = 1
interference in = 1
meddl* = 1.5
~violate = 1
violation* of = 1
# coups and support for them
coup = 1.5
coup d'etat = 1.5
coup d'état = 1.5
militariz* = 1
repression = 1.5
~persecute = 1
persecution = 1
war against = 1
deliberately = 1
~target civilians = 2
sponsor* of terror* = 1.5
responsibility lies with = 1.5
~oppress = 1.5
oppression = 1.5
crackdown = 1.5
~plunder = 1.5
~loot = 1.5
~abduct = 1.5
hostile actions = 1.5
provocative = 1.5
irresponsible = 1.5
destabiliz* = 1
destabilis* = 1
directed against = 1
draconian = 1.5
stifl* = 1
thwart* = 1.5
~obstruct = 1.5
obstruction* = 1.5
unconstructive = 1.5
destructive = 1.5
failure of = 1
maximalist = 1
yet to fulfil = 1.5
yet to fulfill = 1.5
~harbour terrorists = 2
~harbor terrorists = 2
~shield terrorists = 2
~finance terrorism = 2
~sponsor terrorism = 2
hidden agenda = 1.5
opportunistic = 1
spread fear = 1.5
~spread hatred = 1.5
war machine = 2
held hostage = 2
fired at = 1.5
misdeeds = 2
failed to honour = 1.5
failed to honor = 1.5
failed to fulfil = 1.5
failed to comply = 1.5
unilateral withdrawal = 1.5
unilaterally withdrew = 2
imposed by = 1.5
coercive = 1.5
aggressions = 1.5
terror against = 1.5
capricious = 1.5
continues to ignore = 1.5
continue to ignore = 1.5
hostility = 1
~arm terrorists = 2
~wage war = 1.5
waged against = 2
downed by = 1.5
war of conquest = 2
illegal war = 2
encroach* = 1.5
dominance = 1
standing in the way = 1.5
# Causing the crisis: "those who created this situation", "Russia knew where to hit to create this
# crisis", "whoever caused this tragedy" (about ten uses in the corpus, nearly all accusations).
~cause the crisis = 1.5
~cause this crisis = 1.5
~create the crisis = 1.5
~create this crisis = 1.5
~cause this situation = 1.5
~create this situation = 1.5
~cause this tragedy = 1.5
~cause this catastrophe = 1.5
~cause this war = 1.5

# ---------------------------------------------------------------------------------------------
@category sovereignty Appeals to sovereignty, territorial integrity, independence, inviolable borders, non-interference and a state's right to choose its own path.
@role target
sovereign* = 2
independence = 1.5
territorial integrity = 2
independent state* = 1.5
independent countr* = 1.5
internationally recognized borders = 2
internationally recognised borders = 2
recognized borders = 2
recognised borders = 2
existing borders = 1.5
inviolab* = 2
internal affairs = 2
non-interference = 2
interference in = 1.5
right to choose = 2
right to decide = 1.5
own path = 1.5
own future = 1
self-determination = 2
occupied = 1.5
occupying = 1.5
occupation = 1.5
occupier* = 1.5
annexation = 2
annexed = 2
annexing = 2
secession = 1.5
statehood = 1.5
servitude = 1
~subjugate = 1.5
colonial* = 1
neo-colonial* = 1.5
impose its will = 1.5
impose their will = 1.5
equal rights = 1
sovereign equality = 2
temporarily occupied = 2
separatis* = 1
hegemon* = 1
sphere of influence = 1.5
spheres of influence = 1.5
own destiny = 1.5
freedom to choose = 2
de-occupation = 2
interference = 1.5
territorial claim* = 2
our borders = 1
its borders = 1
subordinat* = 1

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
time to act = 2
let us = 1.5
let's = 1
# explicit appeals
call on = 2
call upon = 2
calls on = 2
calls upon = 2
calling on = 2
call for = 1.5
calls for = 1.5
calling for = 1.5
~urge = 2
we demand = 2
~demand that = 2
demanded = 1.5
we appeal = 2
i appeal = 2
appeal to all = 2
~implore = 2
encourage = 1
encourages = 1
invite = 1
invites = 1
we expect = 1
we ask = 1.5
i ask = 1.5
join us = 2
join efforts = 1.5
it is important to = 1
it is vital = 1.5
it is essential = 1.5
it is imperative = 2
it is crucial = 1.5
it is necessary to = 1
is needed = 1
are needed = 1
more to do = 1.5
# imperatives that commonly open a demand
stop = 1.5
withdraw your = 2
cease = 1
lay down = 1.5
we call = 1.5
i call = 1.5
~insist that = 1
high time = 2
now is the time = 2
~exhort = 2
i challenge = 1.5
we need = 1
we count on = 1
called upon = 2
is called on = 1.5
desist = 1.5
falls to us = 1.5
up to us = 1
remains to be done = 1.5
it is pressing = 1.5
pressing need = 1
expect _ to = 1
lot to do = 1
much to do = 1
is required = 1

# ---------------------------------------------------------------------------------------------
@category international_law Appeals to law, rules, charters, treaties and commitments, or charges that they were broken.
# "resolution" alone is mostly "conflict resolution" or a draft text; only UN/Security Council
# resolutions count. "commitment*" is kept: the annotators read commitments as legal undertakings.
international law = 2
international legal = 2
law = 0.8
charter = 2
helsinki final act = 2
final act = 1.5
rules-based = 2
rule of law = 1.5
rules = 0.8
norms = 1
principles of = 1
obligation* = 1.5
~violate = 1.5
violation* = 1.5
breach* = 1.5
illegal* = 1.5
unlawful* = 1.5
lawful* = 1
war crimes = 2
crimes against humanity = 2
genocide = 1
crime = 1
crimes = 1
criminal court = 2
accountab* = 2
to account = 1.5
impunity = 2
justice for = 1
tribunal* = 2
international court = 2
court of justice = 2
~prosecute = 1.5
~convict = 1.5
~investigate = 1
investigation* = 1
treaty = 2
treaties = 2
convention = 1.5
conventions = 1.5
protocol = 1
agreement* = 1
accords = 1.5
accord = 1
commitment* = 0.8
~comply = 1.5
compliance = 1.5
binding = 1.5
~ratify = 2
ratification = 2
signatory = 1.5
signatories = 1.5
code of conduct = 1.5
declaration = 1
provisions = 1
mandate = 0.8
jurisdiction = 1.5
humanitarian law = 2
rule-based = 2
icc = 1.5
might is right = 1.5
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
military buildup = 2
build-up of = 1
military infrastructure = 2
nuclear weapon* = 2
nuclear arsenal* = 2
nuclear war = 2
nuclear power plant = 1.5
weapons of mass destruction = 2
chemical weapon* = 2
biological weapon* = 2
arms race = 2
military confrontation = 2
extremis* = 1.5
radicali* = 1.5
radicalism = 1.5
security challenge* = 1.5
global challenge = 1
insecurity = 1.5
safety = 1
hostile = 1.5
blackmail = 1
hybrid war = 1.5
terrorism = 1
terrorist threat* = 2
terrorist attack* = 1.5
warning = 1
security risk* = 1.5
grave danger = 2
military threat* = 2
nuclear catastrophe = 2
nuclear blackmail = 2
cyberattack* = 1.5
cyber attack* = 1.5
cyberterror* = 1.5
nato expansion = 1.5
expansion of nato = 1.5
eastward expansion = 2
military bases = 1
security concerns = 1
terrorist cells = 2
terrorist groups = 1.5
islamic state = 1.5
rocket attack* = 1.5
rockets = 1

# ---------------------------------------------------------------------------------------------
@category justification Presenting one's own or an ally's actions as necessary, forced, defensive, lawful or a response to others.
forced to = 1.5
had no choice = 2
no other choice = 2
no choice but = 2
no alternative = 1.5
in response to = 1.5
actions are aimed at = 1.5
response to = 1
self-defence = 2
self-defense = 2
right to defend = 2
right to self-defence = 2
to defend = 1
defend ourselves = 2
defend our = 1.5
protect our citizens = 1.5
protect ourselves = 2
protect our people = 1.5
defensive = 1.5
legitimate security interests = 2
legitimate security = 1.5
legitimate right = 2
legitimate interests = 1.5
we had to = 1.5
we were compelled = 2
necessary to = 1
~necessary = 0.8
the right thing = 1.5
right thing to do = 2
special military operation = 2
to ensure the security = 1
legitimate security concerns = 2
security guarantees = 1
no other way = 2
had to act = 2
compelled to = 1.5
defend itself = 2
are defending = 1.5
is defending = 1.5
are protecting = 1
is protecting = 1
defend themselves = 1.5
our response = 1.5
proportionate = 1.5
necessary measures = 1.5
forced us = 2
no choice = 2
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
@category solidarity Commitment, support and alliance unity: standing with an actor, pledging support, invoking allies and partners as one.
@role target
# Bare "united" (United Nations/States), "support", "help", "assistance", "partners", "alliance" and
# "allies" fire far more often on routine mentions than on pledges, so only phrases are used.
solidarity = 2
stand with = 2
stands with = 2
standing with = 2
stand by = 1.5
stand together = 2
stand united = 2
support for = 1.5
support to = 1.5
our support = 1.5
in support of = 1.5
as long as it takes = 2
unwavering = 2
unshakable = 2
unshakeable = 2
steadfast = 2
ironclad = 2
rock solid = 1.5
allies and partners = 2
our allies = 1.5
unity = 1.5
unified = 1.5
reliable partner = 2
~commend = 1
heart goes out = 2
hearts go out = 2
condolence* = 2
sympathy = 1.5
aid to = 1.5
fight for = 1
alongside = 1.5
will not abandon = 2
never abandon = 2
closely with = 1
~pledge = 1.5
collective security = 1.5
united in = 1.5
remain united = 2
stay united = 2
we are united = 2
united front = 2
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
side by side = 1.5
brotherly = 1.5
fraternal = 1.5
friendship = 1
sympathies = 1.5
~sympathize = 1.5
prayers = 1.5
thoughts are with = 2
military aid = 1.5
military equipment = 1
air defense systems = 1
air defence systems = 1
rally behind = 1.5
rally around = 1.5
rally to = 1

# ---------------------------------------------------------------------------------------------
@category peace Appeals to dialogue, negotiation, diplomacy, peaceful settlement, ceasefire, de-escalation, compromise and cooperation.
peace = 1.5
peaceful* = 2
dialogue = 2
dialog = 2
~negotiate = 1.5
negotiating table = 2
diplomacy = 2
diplomatic = 1.5
settlement = 1.5
ceasefire = 2
cease-fire = 2
truce = 2
armistice = 2
de-escalat* = 2
compromise* = 1.5
common ground = 2
cooperate = 1
cooperating = 1
cooperated = 1
lay down their arms = 2
lay down arms = 2
# bare "cooperation" is mostly development/economic cooperation in UN speeches
international cooperation = 1
peaceful cooperation = 2
cooperation and dialogue = 2
dialogue and cooperation = 2
mutually beneficial cooperation = 1.5
~mediate = 2
mediation = 2
mediator* = 2
reconciliation = 2
rapprochement = 2
peace talks = 2
talks = 1
consensus = 1
restraint = 1.5
confidence-building = 2
mutual respect = 1.5
meet halfway = 2
political solution = 2
resolution of the conflict = 2
resolving the conflict = 2
resolve the conflict = 2
resolved through = 1.5
end the war = 1.5
end the conflict = 1.5
end the conflicts = 1.5
end _ war = 1.5
end _ conflict = 1.5
end this war = 1.5
non-proliferation = 1
denucleari* = 1.5
disarmament = 1.5
work together = 1
working together = 1
harmony = 1
coexistence = 1.5
good-neighbourly = 1.5
good neighbourliness = 1.5
peace formula = 2
peacebuilding = 1.5
peacemaking = 1.5
conflict resolution = 2
political process = 1.5
~reconcile = 1.5
good offices = 2
detente = 2
détente = 2
normalization = 1
mutual understanding = 1.5
end to the war = 1.5
end to the conflict = 1.5
end to hostilities = 2
cessation of hostilities = 2
strategic stability = 1.5
prevent conflict* = 1.5
conflict prevention = 1.5
prevention of conflict* = 1.5
end the _ conflict = 1.5
two-state solution = 2

# ---------------------------------------------------------------------------------------------
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
terrorist state = 2
sham = 2
pawn* = 2
lied = 2
lies and = 1.5
outright lies = 2
blatant lies = 2
web of lies = 2
spreading lies = 2
criminal regime = 2
criminal gang* = 2
liar* = 2
fascists = 1.5
terrorist regime = 2
junta = 2
criminals = 1.5
thug* = 2
bandit* = 2
mercenar* = 1.5
extremists = 1
radicals = 1.5
russophob* = 2
fake = 1.5
~manipulate = 1
usurp* = 2
dictator* = 1.5
tyrant* = 2
tyranny = 1.5
despot* = 2
barbarians = 2
gang = 1.5
clique = 2
coup = 1
anti-constitutional = 2
denazif* = 1.5
kleptocra* = 2
corrupt regime = 2
so called = 2
pseudo* = 1.5
marionette* = 2
hysteria = 1.5
fabricat* = 1.5
slander* = 1.5
smear = 1.5
falsif* = 1.5
misinformation = 1.5
warmonger* = 2
war criminal* = 2
murderer* = 2
gangster* = 2
pariah = 2
rogue = 1.5
axis of evil = 2
cronies = 2
stunt = 1.5
stunts = 1.5
empire of lies = 2
racist = 1.5

# ---------------------------------------------------------------------------------------------
@category polarization Us-versus-them framing: dividing the world into opposed camps, or a struggle between blocs, systems or civilizations.
free world = 2
collective west = 2
right side of history = 2
wrong side of history = 2
democracy versus autocracy = 2
democracies and autocracies = 2
democracy and autocracy = 2
autocra* = 1.5
democratic countries = 1
like-minded = 1.5
battle between = 2
struggle between = 2
clash of civilizations = 2
with us or against us = 2
us or against us = 2
~bloc = 1.5
camp = 1
camps = 1.5
divide the world = 2
divided world = 1.5
divide and rule = 2
divisive = 1
dividing lines = 2
cold war mentality = 2
zero-sum = 1.5
golden billion = 2
them and us = 2
us and them = 2
us versus them = 2
free societies = 1
global majority = 1.5
world majority = 1.5
unipolar = 1.5
new cold war = 2
iron curtain = 2
anti-russian = 1.5
anti-western = 1.5
enemies of = 1
versus = 1
liberal democracies = 1
illiberal = 1.5
authoritarian* = 1

# ---------------------------------------------------------------------------------------------
@category values Appeals to shared political and moral values: freedom, democracy, human rights, dignity, justice.
freedom* = 1.5
democracy = 1.5
democracies = 1.5
democratic = 1.5
democratically = 1.5
democratization = 1.5
democratisation = 1.5
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
tolerance = 1.5
free press = 2
free and fair = 2
free elections = 2
rule of law = 1
respect for = 0.8
empowerment = 1
pluralism = 1.5
decency = 1.5
non-discrimination = 1.5
will of the people = 1.5
moral = 1
open societies = 1.5
discrimination = 1.5
injustice* = 1.5
voting rights = 2
right to vote = 2
free expression = 2
freedom of expression = 2
inequalit* = 1
peaceful transfer of power = 2

# ---------------------------------------------------------------------------------------------
@category humanitarian The human cost: civilians, casualties, suffering, displacement, hunger, destruction of homes and lives.
civilian* = 2
casualt* = 2
killed = 1.5
killing* = 1.5
~die = 1
deaths = 1.5
wounded = 1.5
injured = 1.5
victims = 1.5
~suffer = 1.5
refugee* = 2
displaced = 2
displacement = 2
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
prisoners of war = 1.5
deported = 1.5
deportation = 1.5
disease* = 0.8
misery = 1.5
pain = 1
millions of people = 0.8
million people = 0.8
prisoners = 1.5
detainees = 1.5
plight = 1.5
tragedy = 1
lost their lives = 2
human lives = 1.5
innocent lives = 2
lives lost = 2
loss of life = 2
~save lives = 1.5
destroyed homes = 2
medical care = 1
humanitarian disaster = 2
humanitarian catastrophe = 2
hospitals = 1
orphan* = 1.5
widows = 1.5
~flee = 1.5
evacuat* = 1.5
homeless = 1.5
innocent people = 2
women and children = 2
mass graves = 2
filtration camps = 2
violence = 0.8
bloodshed = 1.5
human cost = 2
human toll = 2
~mourn = 1.5
gender-based violence = 2
violence against women = 2
extreme poverty = 1.5
hostage = 1.5
~save the lives = 1.5
food insecurity = 1.5
people in need = 2
those in need = 1.5
hardship* = 1.5
trauma = 1.5
food aid = 1.5
access to food = 1.5
asylum = 1
shipwreck* = 1.5
drown* = 1.5
devastation = 1.5
rubble = 1.5
ruins = 1.5

# ---------------------------------------------------------------------------------------------
@category hypocrisy Accusing others of double standards, hypocrisy, selective application of rules, or turning an accusation back on the accuser.
@role target
double standard* = 2
hypocri* = 2
selective* = 1.5
lecture us = 2
lecturing = 1.5
what about = 1
those who themselves = 2
cynical* = 1.5
preach* = 1.5
while at the same time = 1.5
at the same time it = 1
turn a blind eye = 1.5
turning a blind eye = 1.5
pick and choose = 2
one set of rules = 2
rules for some = 2
pretext = 1
under the guise = 2
under the pretext = 2
double-standard* = 2
they themselves = 1.5
remained silent = 1.5
cherry-pick* = 2
exceptionalism = 1.5
same yardstick = 2
same standards = 1.5
claim to defend = 1.5
silent when = 1.5
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
importer* = 1.5
~invest = 1.5
investment* = 1.5
prosperity = 1.5
poverty = 1
jobs = 1.5
wages = 2
income* = 1.5
tax = 1.5
taxes = 1.5
taxpayers = 1.5
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
welfare = 1.5
pension* = 1.5
insurance = 1
banks = 1
banking = 1
central bank* = 1.5
world bank = 1.5
development bank* = 1.5
currency = 1.5
trillion = 1
carbon = 1
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
subsidies = 1.5
subsidy = 1.5
subsidiz* = 1.5
subsidis* = 1.5
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
assets = 1
frozen assets = 2
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
development goals = 1
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
value chain* = 1.5
entrepreneur* = 1.5
consumption = 1
revenue* = 1.5
profits = 1.5
spending = 1.5
expenditure* = 1.5
deficit* = 1.5
hydrocarbon* = 1.5
minerals = 1.5
middle class = 1.5
billionaires = 1.5
procurement = 1
tourism = 1

# ---------------------------------------------------------------------------------------------
# Modifiers

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
