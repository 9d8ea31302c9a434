// Package rhetoric analyzes how political and diplomatic statements frame a
// conflict: it finds the framing devices of a lexicon (blame, sovereignty,
// call to action, ...) in a statement, explains every hit, and scores,
// aggregates and compares them.
//
// # Analysis
//
// [New] builds an [Analyzer] from a [lexicon.Lexicon] and [Options]; it is
// immutable and safe for concurrent use. [Analyzer.Analyze] tokenizes one
// [Statement] (with the tokenizer of its Language, else the analyzer's),
// runs the lexicon's matcher once over the tokens, and returns a [Report].
// [Analyzer.AnalyzeDocument] analyzes an already tokenized document.
// [Analyzer.AnalyzeAll] does what Analyze does for a stream of statements,
// in parallel over Options.Workers goroutines, yielding results in input
// order with at most 4×Workers statements read ahead, stopping when the
// context is cancelled (the last [Result] carries ctx.Err()) or the
// consumer stops; an error for one statement is reported in its Result
// and the stream goes on. A program that drops each report once it has
// written it can hand the report's memory back with [Analyzer.Recycle],
// for the next analyses to reuse instead of allocating.
//
// Options.Tag tags parts of speech with prose (English only: a statement
// in another language is analyzed untagged), which enables imperatives as
// calls to action and proper nouns as OTHER targets; Options.Entities
// adds prose's slower named-entity extractor.
//
// Text that is not valid UTF-8 is rejected with an error wrapping
// [ErrInvalidUTF8], because every hit's Text must be the exact substring
// Text[Start:End] and survive JSON encoding; empty text gives a valid report
// whose counts and rates are all zero.
// Text longer than Options.MaxBytes ([DefaultMaxBytes], 64 MiB, unless set)
// is rejected with an error wrapping [ErrTooLarge]: a tokenized statement
// takes about 25 bytes of memory per byte of text, and one huge statement
// should fail clearly rather than exhaust memory.
//
// # Hits
//
// Every match of a category entry is a [Hit] of the device named by the
// category (restricted to Options.Devices when set). A hit records the
// entry as written in the lexicon, the matched text and its byte span, the
// sentence index, its weight after modifiers, its flags, the modifier
// tokens that applied ([Modifier]) and its target actor.
//
// When Options.Tag is set, a clause that opens with a base-form verb (Penn
// tag VB) and whose sentence does not end with "?" is also a call_to_action
// hit with Entry [ImperativeEntry] on the verb ("Withdraw your forces").
// Clauses open at the start of a sentence and after ";" or ":"; "please",
// "so", "now", "and", "then" may precede the verb. Formulas are excluded:
// "thank", "excuse", "pardon", "welcome", "congratulate", and any verb
// followed by "me" ("let me", "allow me"). A verb already covered by a
// lexicon call_to_action hit gives no second hit. This needs the lexicon to
// have a call_to_action category.
//
// Hits are ordered by start offset, then device (lexicon order), then end.
//
// # Grammar
//
// The rules below look for function words (but, only, by, against, said,
// ...). They are language data, not code: each named word class
// (clause-break, negation-canceller, agent-marker, reporting-verb, ...) has
// built-in English and Russian words (lexicon.DefaultGrammar), and a
// lexicon's @grammar sections replace classes for its language (see the
// lexicon package). The English words are quoted below; a statement in
// another language gets its own language's classes ("но" ends a clause,
// "не только" does not negate), and a language without a built-in grammar
// gets none. Category roles are data too: the devices whose role is victim
// (blame and threat in the default lexicon) and the appeal device
// (call_to_action) are named by @role in the lexicon, not by their names,
// and so are the devices whose moves name a target (Span.Targets, the
// target accuracy): those with role victim, appeal or target (sovereignty,
// solidarity, delegitimization and hypocrisy in the default lexicon).
//
// # Clauses
//
// Modifiers act only inside the cue's clause. A clause ends at the end of a
// sentence, at the punctuation , ; : ( ) [ ] dashes and ellipses, and before
// the conjunctions but, however, although, though, whereas, nevertheless
// (which open the next clause). A parenthetical "however", "indeed" or
// "therefore" between commas does not end the clause ("we have not,
// however, abandoned diplomacy").
//
// # Negation
//
// A hit is negated when a negator of the lexicon ends within
// Options.NegationWindow tokens before the cue (default
// [DefaultNegationWindow] = 5: at most 4 tokens lie between them), in the
// same clause. Five reaches past an auxiliary and a short coordination
// ("we should never play with words or manipulate them"); on the dev set it
// cancelled 5 cues rightly and 1 wrongly, against 2 and 1 with a window of
// 4, and 5 and 3 with 6. Two such negators cancel each other ("we will not fail to
// support", "no peace without justice" for justice). Negators after the cue or overlapping it do not count
// ("no choice" as an entry is not negated by its own "no"). A negated hit is
// reported and flagged but does not count as the device performed: it
// counts in DeviceScore.Negated, not in Hits, weights, rates, coverage,
// targets or spans ("we do not seek confrontation" performs no threat).
//
// A hit on one part of a hyphenated compound is also negated when an
// earlier part is "non" or "anti" ("non-aggression pact", "anti-war"); an
// entry for the whole compound ("non-interference") is not affected.
//
// Some words between the negator and the cue cancel the negation, because
// the phrase as a whole affirms the move: only, just, merely, simply
// ("not only ... but also"), again ("never again"), least, less ("not
// least"), doubt, question ("no doubt"), alternative ("no alternative to
// dialogue"), forms of deny, dispute, ignore, overlook, forget and
// underestimate ("no one can deny", "we cannot ignore the threat"), and
// forms of the negative verbs refuse, reject, oppose and abandon ("Russia
// has never refused dialogue"). A
// negation also stops at a relative pronoun or complementizer (that, which,
// who, whom): it does not reach into an embedded clause ("it was not Russia
// that staged the coup" denies the agent, not the coup).
//
// # Rules stated in the lexicon
//
// A modifier whose section names categories (lexicon.Modifier.Categories)
// changes only the hits of those devices: the default lexicon's "@negators
// blame" lists prevent, avert, deter and counter, so "to deter future
// aggression" accuses no one while "countering the terrorist threat" still
// frames a threat. A cue that lies wholly inside a match of a stop-phrase
// (lexicon.Stop; "Human Rights Council", "sanctions regime") makes no hit.
// A breach (lexicon.Breach, a compliance verb such as honour, fulfil or
// comply) under a negator is an accusation, not a cancelled cue: the
// negator cancels neither the breach nor any cue after it ("has never
// honoured its commitments" keeps the commitments cue), and when the
// breach's section names categories the negated verb is itself a hit of
// each (entry: the breach pattern, weight 1). Whether a breach is negated
// follows the rules above, with the negators that name no category.
//
// One rule needs no data: a hit on one part of a hyphenated name, a
// compound whose every part begins with a capital letter
// ("Non-Proliferation Treaty", "Counter-Terrorism Committee"), is dropped:
// the part names something rather than describing it.
//
// # Intensifiers and hedges
//
// An intensifier or hedge of the lexicon in the cue's clause, ending at
// most Options.ModifierWindow tokens before the cue or starting at most that
// many after it (default [DefaultModifierWindow] = 4, so fewer than 4 tokens
// between), multiplies the hit's weight by its factor; several multiply
// together. After the cue, a one-word intensifier counts only when it is an
// adverb in -ly ("we condemn it categorically"; phrases such as "in the
// strongest terms" always count): an adjective there modifies a later noun
// ("attacks are flagrant violations" intensifies violations, not attacks). The hit is flagged Intensified or Hedged. A modifier overlapping
// the cue is ignored (the entry already says it).
//
// # Targets
//
// The target of a hit is the code of a lexicon actor in the hit's sentence,
// found by the first of these rules that applies, in this order
// (Hit.TargetRule names it, a [TargetRule]). Actor matches strictly inside a
// place name of the grammar ("America" in "Latin America", "South America")
// are not actors; an alias that covers the whole place ("the West Bank"
// under OTHER) is.
// Where the matches of different actors overlap, only the leftmost is kept,
// then the longest, then the one of the actor listed first in the lexicon:
// "the West Bank", listed under OTHER, is not also "the West".
//
//  1. inside: an actor within the cue ("call on Russia to"), or an actor
//     whose alias contains the cue ("the Kyiv regime" for "regime").
//  2. accused: the object Y of an accusing or appeal verb (accused, blamed,
//     condemns, called on, urged ...): for the verb's own cue ("Russia
//     accused the West", "condemns Russia's actions") and, for victim and
//     appeal devices, for every cue after "Y of/for/to" within 12 tokens
//     ("Lavrov accused the West of fueling the conflict": WEST for both).
//  3. agent: a cue ending in "by" or "at the hands of", or followed by
//     function words and "by", takes the first actor within the next 6
//     tokens of its clause ("waged by Russia", "provoked by the acts of the
//     Ukrainian army"); "by" before a gerund is a means, not an agent ("by
//     arming Ukraine").
//  4. possessive: an actor directly before the cue, with or without 's
//     ("Russia's aggression", "Russian aggression", "NATO expansion"), also
//     after "against" ("defend against Russian aggression") unless the cue
//     opens with a preposition. When the cue opens with an auxiliary (is,
//     are, has, bears, must, ...) the actor is its subject instead
//     ("Washington is to blame"); with tagging, an actor directly before a
//     verb cue is left to the later rules.
//  5. object: an actor after the cue with at most 3 function words between
//     (the, a, of, to, on, with, for, from, at, ...): "blaming the West",
//     "support for Ukraine". An actor followed by 's is skipped and ends the
//     search ("responsible for Ukraine's suffering"), and so does "against",
//     which introduces a victim ("sanctions against Russia").
//  6. subject: the nearest actor ending before the cue in its clause, within
//     8 tokens ("NATO bears responsibility").
//  7. nearest: the actor nearest the cue in the sentence, counting tokens
//     between them; on a tie the one before the cue.
//  8. entity (tagging only): [TargetOther] when the sentence has a named
//     entity (Options.Entities) or a proper-noun tag (NNP, NNPS) within 8
//     tokens of the cue.
//  9. otherwise [TargetNone].
//
// Victim devices (blame and threat) are different, because the codebook's target is the
// actor blamed or the source of the danger, while the object of their cues
// is usually a victim ("aggression against Ukraine", "the invasion of
// Iraq", "a threat to Russia"). For these two devices, unless the cue is an
// accusation (blam*, accus*, condemn*, denounc*, charg*, hold*, call*, ...),
// whose object is the accused ("blaming the West"):
//
//   - venues of the grammar ("the United Nations", "the Security Council")
//     are where blame is voiced and are never their target;
//   - rule 1 skips an actor inside the cue that is its object, one that
//     neither opens the cue nor follows "of" or "by" ("shield terrorists"
//     blames whoever shields them; "expansion of NATO" names NATO);
//   - rule 5 accepts only an actor after "from" ("a threat from NATO");
//   - a cue that is a participle after a form of "be" with no agent is an
//     agentless passive and names no target ("Ukraine was attacked");
//   - rule 6 takes the earliest actor before the cue, within 40 tokens,
//     across commas but not across ; : or but, however, although, ...:
//     the main clause's subject ("NATO led an intervention in Libya,
//     destroying its statehood"; "the United States and the EU supported
//     the coup" gives USA). At a relative pronoun (that, which, who) the
//     search stops, and when nothing was found after it the antecedent is
//     taken: the nearest actor before the pronoun ("the crisis in Ukraine
//     that resulted from the coup"). Nor does it enter a prepositional
//     phrase that opens the sentence and ends at its first comma ("Despite
//     the Security Council's resolutions, some countries shield
//     terrorists" names no one); "under" does not count as such a
//     preposition, since it names who is in control ("Under Russian
//     occupation, Crimea has become a stronghold, threatening ...");
//   - rule 7 is replaced by the nearest later actor after by, of or a form
//     of be, skipping the cue's object and actors after "against"
//     (nearest: "the destabilizing activities of Iran", "the aggressor is
//     President Putin"); any other actor after the cue is not the one
//     blamed.
//
// Calls to action name an addressee, the subject or object of the appeal,
// never a bystander: for call_to_action rule 7 is replaced by the earliest
// actor before the cue as described above for blame ("the Council, and the
// United Nations in general, should adapt"; "attitudes against Türkiye
// should stop" names none, as an actor right after "against" is skipped).
//
// In rules 5 to 7 an actor right after "against" (or "against the") is a
// victim and is not taken.
//
// # Speaker turns
//
// A statement may be a transcript. A line that opens with a speaker label
// begins that speaker's turn, which runs to the next label; text before the
// first label is the statement's speaker's. The built-in rule accepts, after
// optional blanks, "> " and "**" or "__", one to eight words in capitals
// (letters, digits, . ' ’ - &) and a colon ("THE PRESIDENT:", "SECRETARY
// BLINKEN:", "MR. LAVROV:", "**MODERATOR:**"), or Q followed by a colon
// or blanks ("Q    Mr. President, ..."). Options.TurnLabel replaces it with
// a regular expression tried once per line (never per token);
// Options.NoTurns turns turns off. [Report].Turns lists them with their
// words and sentences; every hit and span carries its turn's speaker.
// Options.ExcludeSpeakers leaves the named speakers' turns ("Q") out of the
// scores, words and sentences while keeping their hits and spans, marked
// Excluded; [SplitBySpeaker] splits a report into one per turn speaker.
//
// # Sources
//
// A hit is its speaker's move unless the speaker reports someone else's
// (Hit.Reported, Source as written, SourceActor through the lexicon's
// actors). A speaker's own move has Source = Speaker and SourceActor the
// actor the speaker's name resolves to: the actor whose code it is ("RUS";
// not OTHER), else the first lexicon actor it names, matched as a short
// text of its own ("Russian Federation" and "MR. LAVROV" give RUS). The frames, tried in order for each hit, back from it to the
// start of its sentence, stopping at ";" or a clause break:
//
//  1. claim: a claim noun before it, followed by that/about/of or the hit
//     ("Moscow's claims that ...", "the lie that ...", "claims by Moscow
//     that ..."); the source is the possessor or the by-phrase. A disputing
//     word at the noun ("baseless claims", "the lie", "so-called") makes
//     the hit Disputed: it is not the speaker's move and counts nowhere.
//  2. according: "according to X" before the hit.
//  3. verb: the nearest reporting verb before the hit ("X said/claimed/
//     insisted that ..."), or an accusing or appeal verb with no comma or
//     and/or between ("X accused Y of ...", "X called on Y to ..."), or the
//     cue itself when it is such a verb ("Russia accuses Ukraine"); the
//     source is the subject before the verb: capitalized words, actor
//     names, articles, "of" and 's, or one lower-case head ("officials").
//  4. tail: ", X said." or ", according to X." closing the sentence.
//
// A source of the speaker's own side ("we said") leaves the move the
// speaker's; a pronoun source ("he said", "his claims") is the last named
// source before it in the statement.
//
// # Who frames whom
//
// A [Matrix] counts the moves that count (Hit.Counts) by source, device and
// target, for any set of reports; [Profile].Matrix holds each group's.
//
// The speaker's own side is never a target: an actor match made only of
// first-person words (we, us, our, I, my, ...) is ignored even when a
// lexicon lists it.
//
// # Scores
//
// Words counts the tokens of kind Word and Number (a hyphenated compound is
// one word); Tokens counts all tokens, punctuation included; Sentences the
// sentences of the tokenizer (without the excluded turns of a transcript).
// Disputed hits and hits in excluded turns count nowhere, not even as
// negated. For each device, in lexicon order ([DeviceScore]), counting only
// non-negated hits unless said otherwise:
//
//	Hits      = number of non-negated hits
//	Negated   = number of negated hits
//	Weight    = sum of the weights of the hits
//	Per1K     = Hits × 1000 / Words                      (0 when Words = 0)
//	Share     = Hits / non-negated hits of all reported devices (0 when none)
//	Coverage  = CoveredSentences / Sentences              (0 when Sentences = 0)
//	Intensity = Intensified / Hits                        (0 when Hits = 0)
//	Targets   = target codes of the hits with counts, by count descending then code
//
// where CoveredSentences is the number of sentences with at least one hit
// of the device and Intensified the number of hits with an intensifier.
// Intensity is thus the share of the device's performed hits that were
// intensified, in [0, 1]; hedging lowers Weight but not Intensity. The
// counts behind each rate are in the report, so reports can be summed.
// Detected is the number of sentences that perform the device by the
// analyzer's decision (see "The learned model"): with the model off it
// equals CoveredSentences. Each [Span] lists the devices its sentence
// performs, in lexicon order; [Report.SentenceWeights] adds to each
// sentence its devices' hit counts and summed weights. No score is ever NaN
// or infinite.
//
// # The learned model
//
// Which devices a sentence performs is decided by a learned layer on top of
// the hits: per device, a logistic regression over interpretable features
// of the sentence, trained on annotated sentences (package learn) and
// embedded ([DefaultModel]) in a binary form that loads without parsing
// ([Model.MarshalBinary]; model.gz, the training's output, is converted into
// model.bin by go generate, and model.bin's compiled lookup table and
// weight rows into model.tab, which the built-in model takes as they lie
// on a little-endian machine); Options.Model supplies another ([ReadModel],
// [ParseModel], [NewModel]). The features are names (see [Feature]):
//
//	w=WORD, s=STEM           each word (normalised) and its stem when different
//	b=WORD WORD              two consecutive words of one clause
//	f=question, f=first/W, f=start/W W   sentence form: ends in "?", its first words
//	h=DEVICE/ENTRY           a non-negated hit of a lexicon entry; hn= negated,
//	                         hi= intensified, hh= hedged
//	d=DEVICE, d2=DEVICE      one, two or more non-negated hits of the device
//	dn=DEVICE                only negated hits of the device
//	tr=DEVICE/RULE           a hit of the device found its target by this rule
//	a=ACTOR                  an actor is named
//
// Each feature counts once per sentence. Its name is never built in the
// analysis: a 64-bit FNV-1a hash ([FeatureHash]) is computed from the
// strings the tokens and the lexicon already hold and looked up in an
// open-addressing table of the model's features, so the layer allocates
// nothing per token. For device d with bias b_d, weights w_d and threshold
// t_d,
//
//	p_d = 1 / (1 + exp(-(b_d + sum of w_d[f] over the features f of the sentence)))
//
// and the sentence performs d when p_d >= t_d. Every decision is explained:
// Span.Scores lists, for each device decided and each device with a hit in
// the sentence, p_d and the five features with the largest |w_d[f]| (for or
// against), with the byte span of the text that produced each ("because").
// A device the model does not know (a custom lexicon's) follows the lexicon
// rule. With Options.NoModel every device does: a sentence performs a device
// when it has a non-negated hit of it, which is LIWC-style counting.
//
// Span.Targets gives, for each device decided in the sentence that names a
// target (blame, sovereignty, call_to_action, threat, solidarity,
// delegitimization, hypocrisy), an actor code or NONE. With a model that
// has target weights for the device (features t:, see [TargetFeatures]),
// the candidates NONE, every actor named in the sentence, and OTHER when
// the sentence has a cue of an actor the lexicon does not list (a word of
// the grammar's agent-noun class such as "regime" or "terrorists", or a
// capitalised word inside the sentence outside every actor match) are
// scored by the sum of their features' weights and the best is taken: the
// rule that linked a hit to the actor, its position, the words around it,
// the kind of OTHER cue and where it stands, and the role of the
// candidate's mention nearest to each of the device's cues (attributive,
// possessive, subject, object, "by" or "of" phrase, victim after
// "against", in an earlier or later clause) with its distance in tokens,
// and whether the candidate is the speaker's side (t:self: the actor that
// the speaker of the sentence's turn, else Statement.Speaker, resolves to,
// as for Hit.SourceActor; a speaker that is an actor code, "RUS", is that
// actor). A speaker rarely blames its own side, but often stands with it.
// For blame and threat (the lexicon's victim devices) every other
// candidate, NONE and OTHER included, is also paired with the speaker's
// side (t:sc=SIDE/CODE): who a side blames, which the sentence alone does
// not say.
// Otherwise
// it is the first actor named by the sentence's non-negated hits of that
// device, NONE when they name none; when the device has no hit there, the
// first actor named by a non-negated hit of any device that takes a
// target, else NONE.
//
// # Profiles
//
// A [Profile] sums the counts of a group of reports without keeping the
// reports, and applies the same formulas to the sums, so a profile of one
// report equals that report's scores. [Profile.Cues] counts the
// non-negated hits of each lexicon entry per device: the evidence behind a
// profile's rates, and behind a difference between two profiles.
//
// Profiles are mergeable. [Profile.Add] adds a report, [Profile.Merge]
// adds another profile; both only add counts and recompute the rates, so
// merging is associative and commutative, with the zero Profile as its
// identity: any split of a corpus into parts, profiled in any order and
// merged in any order, gives the profile of one pass (floating-point
// weights up to rounding). That is what lets a distributed runner (the
// separate module github.com/rhetorica/rhetorica/beam) profile a corpus on
// many workers. Devices keep the analyzer's order ([Analyzer.Devices]),
// which every report lists in full, so workers agree; should profiles of
// different lexicons meet, the devices fall back to name order, still
// independent of the order of the calls.
//
// [Groups] keeps one profile per group, a [Key] telling which group a
// report belongs to: [KeySpeaker], [KeyID], [KeyDate], [KeyMeta] for a
// metadata field, or any function of the report.
//
// # Comparison
//
// [Compare] contrasts two profiles per device with the log-odds ratio
// with informative Dirichlet prior of Monroe, Colaresi and Quinn (2008,
// "Fightin' Words", eqs. 16-22). Each word of a profile is a draw from K+1
// classes: the K devices (each non-negated hit) and one residual "no
// device" class holding the remaining words, so a profile's total is
// n = max(Words, all hits) and y_k is the device's hits. The prior of device
// k is alpha_k = a0 × (y_ka + y_kb) / (n_a + n_b): the pooled rate scaled
// to a0 pseudo-words, a0 = [DefaultPrior] = 1000 by default ([CompareWith]
// takes another). A thousand words is the unit of Per1K: the prior weighs
// as much as one 1,000-word statement at the pooled rates, which shrinks
// the contrasts of short profiles strongly and hardly moves those of whole
// speeches. Then
//
//	delta = log((y_a+alpha)/(n_a+a0-y_a-alpha)) - log((y_b+alpha)/(n_b+a0-y_b-alpha))
//	var   ≈ 1/(y_a+alpha) + 1/(y_b+alpha)
//	z     = delta / sqrt(var)
//
// A positive z means profile a uses the device more; |z| > 1.96 is the
// usual threshold. RateA, RateB and Diff are hits per 1,000 words.
//
// # JSON
//
// A [Report] encodes to JSON deterministically: the same statement gives
// byte-identical output (Span.Targets is an object whose keys encoding/json
// sorts). The field names of Report, Hit, DeviceScore, TargetCount, Span,
// Prob and Reason are a stable contract; fields may be added.
// Offsets index the statement's text; body_offset ([Report.BodyOffset]),
// when not 0, is where that text starts in its file (after Markdown front
// matter), so body_offset + start indexes the file; for a UTF-16 file, the
// file decoded to UTF-8 without its byte order mark. A span looks like
//
//	{"start": 0, "end": 44, "devices": ["blame"], "targets": {"blame": "RUS"},
//	 "scores": [{"device": "blame", "p": 0.93, "because": [
//	   {"feature": "h=blame/aggression", "weight": 1.71, "start": 9, "end": 19}, ...]}]}
package rhetoric
