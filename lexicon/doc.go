// Package lexicon holds framing lexicons: named categories of patterns
// (the devices a statement uses, such as blame or threat), modifiers that
// change how a nearby cue counts, and actors that cues can target. It reads
// and writes them in a native line-based format and imports the formats that
// social scientists already have, and it compiles a lexicon once into a
// [Matcher] that finds every pattern in a tokenized document in one pass.
//
// # Model
//
// A [Definition] is plain, editable data: a name, a [tokenize.Language],
// ordered [Category] values (name, description, [Entry] values of a pattern
// and a weight), [Modifier] values (negators; intensifiers and hedges with a
// factor) and [Actor] values (a code, a display name and alias patterns).
// [New] validates a Definition, reporting every problem at once, copies it
// and compiles it into a [Lexicon], which is immutable and safe for
// concurrent use. Its accessors return copies ([Lexicon.Categories],
// [Lexicon.Definition]) or plain values ([Lexicon.Entry], [Lexicon.Modifier]),
// never something through which it could change. [Default] returns the
// built-in diplomatic-framing lexicon; [Merge] layers one lexicon over
// another.
//
// # Patterns
//
// Entries, modifier patterns and actor aliases share one syntax. A pattern is
// one or more elements separated by white space, matched against
// consecutive tokens:
//
//   - word: the token's normal form equals the word's (see
//     [tokenize.Normalize]: lower case, ASCII apostrophes and hyphens, NFKC).
//   - word*: a trailing wildcard, as in LIWC: the token's normal form begins
//     with word. A lone * is an error ([ErrBareWildcard]); a * inside a word
//     is a syntax error.
//   - ~word: a stem: the token's stem equals the word's stem in the
//     lexicon's language (~negotiate matches negotiate, negotiated,
//     negotiating, negotiations).
//   - _: a gap: exactly one token that is a word or a number (not
//     punctuation). A pattern may not begin or end with a gap.
//
// Each element goes through the tokenizer, so an element that the tokenizer
// splits becomes several consecutive elements (Russia's is russia 's; don't
// is do n't), and curly apostrophes or dashes in a pattern agree with
// straight ones in the text. Phrases combine any of these: territorial
// integrity, call* on _ to, rules-based international order.
//
// # Matching
//
// [Matcher.Find] reports each [Match] with the category (or modifier, or
// actor) and entry it comes from and the tokens and bytes it covers. Each
// category, each modifier kind and each actor is resolved on its own,
// leftmost-longest: where several patterns of one category match, the one
// that starts first wins, and of those the longest; its tokens are then
// used up for that category, so each token counts at most once per
// category. A pattern listed in two categories matches in both. A
// hyphenated compound token ("Russia-backed") is matched as a whole first;
// its parts are matchable on their own ([Match.Part]) where no pattern of
// the same category matches the whole token. Cost is linear in the text and
// does not grow with the size of the lexicon. The [Matcher] documentation
// gives the exact rules and the order of the results.
//
// A lexicon is compiled when it is built, in time linear in its size: a
// 100,000-entry LIWC dictionary loads in about 0.12 to 0.15 s of CPU and
// keeps 11 to 15 MiB live (its entries, in one compact table, and the
// matcher's tables). One pattern may be
// accepted by at most 65,535 categories, modifier kinds and actors
// together; a lexicon with more fails to build ("cannot compile").
//
// # The .lex format
//
// The native format is line based and diff friendly: UTF-8 (a byte order
// mark is skipped), with \n, \r\n or \r line ends. Leading and trailing
// blanks of a line are ignored. A line whose first non-blank character is #
// is a comment; there are no trailing comments. Directives begin with @:
//
//	@lexicon NAME              the lexicon's name (default: the file name without extension)
//	@language CODE             en, ru, es, fr, sv, no or hu (see [tokenize.ParseLanguage]); default English
//	@category NAME [TEXT...]   opens a category; the rest of the line is its description
//	@negators [CATEGORY...]    opens a negator section, for the categories named (default: all)
//	@intensifiers              opens the intensifier section
//	@hedges                    opens the hedge section
//	@stops [CATEGORY...]       opens a stop-phrase section, for the categories named (default: all)
//	@breaches [CATEGORY...]    opens a breach section; a negated breach is a hit of the categories named
//	@actor CODE [NAME...]      opens an actor; the rest of the line is its display name
//	@role ROLE                 in a category section: the category's role (see below)
//	@grammar CLASS             opens a grammar class: function words the analyzer looks for
//
// Any other directive is an error ([ErrUnknownDirective]). A category name
// or actor code has no white space; letters, digits and _ - / + . are
// recommended (WordStat paths such as ECONOMY/+STATE+ are valid). Every
// other line belongs to the section above it ([ErrNoCategory] before the
// first) and is
//
//	PATTERN
//	PATTERN = WEIGHT
//	!PATTERN
//
// WEIGHT is a finite decimal number (1, 1.5, .25, 2e-1). In a category it
// is the entry's weight, 1 by default, and must be > 0 (zero is refused: an
// entry that can count nothing is a mistake). For intensifiers it is the
// factor, 1.5 by default and >= 1; for hedges the factor, 0.5 by default,
// in (0, 1]. Negators and actor aliases take none. A bad weight is
// [ErrBadWeight]. A pattern may not contain = and may not begin with #, @
// or !. !PATTERN, only in a category, is a removal: it never matches, but
// when the file is merged over another lexicon ([Merge]) it removes that
// entry (see [Category.Remove]). Within one file, a pattern repeated in one
// section or a category or actor opened twice is an error ([ErrDuplicate]),
// and so is a category or actor without entries ([ErrEmptyCategory]). A
// worked example:
//
//	# Who is blamed, and how strongly.
//	@lexicon diplomatic-framing
//	@language en
//
//	@category blame Attribution of responsibility for harm to an actor.
//	blame
//	accus*
//	~provoke = 1.5
//	responsible for = 1.5
//	call on _ to
//
//	@negators
//	not
//	n't
//	fail to
//
//	@intensifiers
//	flagrant
//	utterly = 2
//
//	@hedges
//	perhaps = 0.6
//
//	@actor RUS Russia
//	russia
//	the kremlin
//	moscow
//
// Here "accus*" has weight 1, "flagrant" the factor 1.5, and "the kremlin"
// is matched as two consecutive tokens.
//
// # Scoped negators, stop-phrases and breaches
//
// Three sections express rules of reading as data ([Modifier.Categories]
// holds the categories named on the directive line; each must be a category
// of the same file, [ErrUnknownCategory] otherwise; their lines take no
// weight). A negator section with categories cancels only their cues: verbs
// of prevention negate an accusation or a danger without negating a call
// for peace in the same clause.
//
//	@negators blame
//	~prevent
//	~deter
//
// A stop-phrase is a name or fixed expression that contains cues without
// performing them: a cue lying wholly inside a match of a stop-phrase (of
// its category, when the section names some) does not count.
//
//	@stops
//	human rights council
//	international court of justice
//
// A breach is a verb of compliance. Negated ("has never honoured", "did not
// comply with"), it accuses someone of a breach: the negation cancels
// neither the verb nor the cues after it in its clause, and the negated verb
// is a hit of each category the section names.
//
//	@breaches blame
//	~honour
//	~comply
//
// [Merge] carries the categories of an overlay's modifier over those of the
// base modifier with the same kind and pattern. [Write] with [FormatLex] produces
// this format; reading what it wrote gives back the same [Definition].
//
// # Roles and grammar
//
// The analyzer counts every category's cues the same way; a role changes how
// it reads them ([Category.Role], written @role in the category's section):
//
//   - victim ([RoleVictim]): the object of a cue is a victim, not the
//     target ("aggression against Ukraine" blames whoever aggresses); only
//     accusation cues ("blaming the West") take their object as target.
//   - appeal ([RoleAppeal]): imperatives count as this device, and its target
//     is the addressee of the appeal, never a bystander.
//   - target ([RoleTarget]): the device's moves name a target, which the
//     analyzer reports for each sentence that performs it ("we stand with
//     Ukraine"). Victim and appeal devices name targets too.
//   - none ([RoleNone]): no role, even when the category's name has one below.
//
// A category without @role gets the role that the default lexicon declares
// for its name ([Lexicon.Role]): blame and threat are victim devices,
// call_to_action the appeal, sovereignty, solidarity, delegitimization and
// hypocrisy target devices, so a dictionary imported from another format
// keeps that behaviour, and a renamed copy (@category accusation) declares
// @role victim to keep it.
//
// The analyzer's rules (clause breaks, negation cancellers, target rules,
// reported speech) look for the function words of the statement's language.
// They are data: [DefaultGrammar] holds built-in English and Russian sets
// (files grammar/en.lex and grammar/ru.lex in this package), and a
// lexicon's @grammar CLASS sections ([Definition.Grammar], [WordClass])
// replace the built-in class of that name, for the lexicon's language. The
// lines of a class are words, matched as tokens are by patterns (through
// [tokenize.Normalize] and the language's stems): word, word* (a prefix),
// *word (a suffix), ~word (a stem), or a phrase of these. An unknown class
// name is [ErrBadName], an empty class [ErrEmptyCategory]. The classes
// ([GrammarClasses]):
//
//	clause-break          words that end a clause for modifier scope: but, however
//	parenthetical         adverbs that between two commas do not end it: however, indeed
//	negation-canceller    words between a negator and a cue that undo it: only (not only), again
//	negating-prefix       compound parts that negate what follows: non (non-aggression)
//	adverb                adverb forms, which may intensify a cue from after it: *ly
//	participle            past participle forms: *ed, *en
//	gerund                gerund forms, which after "by" open a means, not an agent: *ing
//	auxiliary             an actor just before a cue opening with one is its subject: is, has
//	be-form               forms of be that make a following participle passive
//	object-glue           function words allowed between a cue and its object: the, of, to
//	own-side              first-person words, never a target: we, our
//	accusation            cues whose object is the one accused: blam*, accus*, condemn*
//	article               may stand between a victim marker and its actor: the
//	genitive              after it an actor inside a cue is its possessor: of
//	relative-pronoun      opens a relative clause: that, which, who
//	victim-marker         after it an actor is a victim: against
//	agent-marker          a cue ending in it names its agent next: by, hands of
//	origin-marker         after it a victim device's actor is its source: from
//	fronted-preposition   opens a sentence-initial phrase without a subject: despite
//	imperative-skip       may precede an imperative's verb: please, now
//	imperative-not        base-form verbs of formulas, not appeals: thank
//	imperative-self       after the verb, the speaker's own move: me (let me)
//	reporting-verb        X said/claimed (that) ...: the source of a reported move
//	accusing-verb         X accused Y of Z: Y is the target of Z
//	appeal-verb           X called on Y to Z: Y is addressed by Z
//	object-link           X accused Y of Z, X called on Y to Z: of, for, to
//	anaphor               a source that is the last named one: he, his
//	according             according to X: X is the source
//	claim-noun            X's claims that ...: X is the source
//	claim-opener          after a claim noun, opens the claim: that, about
//	pre-verb              between a subject and its reporting verb: also, not, *ly
//	disputing             the speaker rejects the claim: baseless, lie, so-called
//	coordinator           ends the scope of an accusing or appeal verb: and, or
//	complementizer        opens a reported clause: that
//	clause-opener         before a clause's subject, never part of a source: as (as I said), when, let
//	ambiguous-verb        a reporting verb only after a subject-like word: states, claims (other states)
//	subject-pronoun       may be the subject of an ambiguous verb: it, they, who
//	determiner            capitalized at a sentence start, still no subject: other, many, all
//	own-body              after my or our, the speaker's own side as a source: delegation, government
//	person-title          an office naming a person, antecedent of he or she: president, minister
//	venue                 a forum, never a victim device's target: united nations
//	place-name            a place, not an actor: latin america, west bank
//	agent-noun            an actor the lexicon does not list, offers OTHER as a target: regime, terrorists
//
// A grammar word takes no weight; a word repeated in a class or a class
// given twice is [ErrDuplicate].
//
// # Other formats
//
// [ParseAs] reads every [Format]; [ParseFile] and [ParseFS] pick it from
// the file's extension ([FormatFor]: .lex, .dic, .dicx, .cat, .yml, .yaml,
// .lc3, .ykd, in any case; a .txt valence list by its content,
// [DetectFormat]) unless told otherwise, and [ParseFormat] reads a format
// name. Formats without a lexicon name take the file name without its
// extension. White space inside a category name from another format
// becomes _ ("A category" becomes A_category), and nested categories become
// paths joined by /. These formats treat a category as a set, so an exact
// repeat of a pattern in one category is kept once; entries they hold that
// cannot be represented are left out (or adapted) and reported by
// [Lexicon.Warnings].
//
//   - LIWC .dic ([FormatLIWC]): a header between two % lines maps ids to
//     names ("1<TAB>posemo"; space-padded ids are fine), then each line is a
//     word or phrase, a tab and its category ids. Categories keep the
//     header's order; every weight is 1. An id missing from the header is
//     [ErrUnknownCategory]; a malformed header is [ErrBadHeader].
//   - WordStat .cat ([FormatWordStat]): categories nested by tabs, entries
//     "WORD (1)" one level deeper, the number being the weight; _ joins the
//     words of a phrase (WAR_IN_IRAQ). A header with sub-categories but no
//     entries of its own is not a category.
//   - quanteda YAML ([FormatYAML]): nested mappings whose leaves are lists of
//     patterns; quanteda's glob * is supported at the end of a word.
//   - Lexicoder .lc3 ([FormatLexicoder]): "+NAME" lines open categories.
//   - Yoshikoder .ykd ([FormatYoshikoder]): XML cnode/pnode trees below the
//     dictionary's root node, whose own name is not used.
//   - LIWC-22 .dicx ([FormatLIWC22]): comma-separated values, a header row
//     "DicTerm,cat1,cat2,..." and one row per term whose cells are empty,
//     X (weight 1) or a number (the weight of a weighted dictionary; 0 is
//     no member, a negative weight is left out with a warning).
//   - Valence lists, .txt ([FormatVADER], [FormatAFINN]): VADER's
//     "word<TAB>mean<TAB>sd<TAB>ratings" and AFINN's "word<TAB>integer".
//     Words of valence v > 0 go into the category [PositiveCategory] with
//     weight v, words of v < 0 into [NegativeCategory] with weight |v|; v = 0
//     is left out. So a category's hits count its words and its weight sums
//     their valence. [DetectFormat] tells the two apart by the number of
//     tab-separated fields of the first line; the words are literal, so one
//     that holds pattern syntax (an emoticon such as "*)") is left out with
//     a warning.
//
// All of these formats keep the order of categories and of entries, and
// the parsers keep it too. [Write] exports to LIWC ([FormatLIWC]), which
// keeps only categories and patterns: weights, descriptions, removals,
// modifiers, actors, the name and the language are lost; and to LIWC-22
// ([FormatLIWC22]), which keeps weights too. [Lossy] lists what an export
// loses.
//
// # Errors
//
// Parsers do no I/O and report every problem of a file, never a half-loaded
// lexicon: on error the lexicon is nil and the error is an [ErrorList] in
// file order. Each [Error] prints as file:line:col: message (the column
// counts bytes from 1) and unwraps to one of the sentinel errors, such as
// [ErrUnknownDirective] or [ErrBadWeight], so errors.Is works on the whole
// list. Problems in a Definition given to [New] have no line: their
// [Position] holds only the lexicon's name, and the message names the
// category, modifier or actor.
//
// # Merging
//
// [Merge] layers a lexicon (typically a user's .lex overlay) over another:
// new categories are appended; entries are added to a category of the same
// name, re-weighted when the pattern is already there, and removed by
// !PATTERN lines; modifiers and actors are matched by kind and pattern, and
// by code, and merged. See [Merge] for the rules on names and languages.
package lexicon
