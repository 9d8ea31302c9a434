// Package tokenize splits political statements into sentences and tokens
// with exact byte offsets, normalises and stems them, and optionally tags
// them with parts of speech. It is the first stage of rhetorica: lexicons
// (package lexicon) normalise their patterns with the same [Normalize] and
// [Stem], so a lexicon entry and a text token cannot disagree about case,
// apostrophes, dashes or stems.
//
// # Tokens and offsets
//
// A [Tokenizer] turns a text into a [Document]. Every [Token] is a small
// value whose Text is exactly the input between its Start and End byte
// offsets, always, including for invalid UTF-8 (each bad byte becomes a
// one-byte [Symbol] token) and for text with carriage returns, BOMs or
// zero-width characters (which are skipped like white space). The empty
// text gives an empty Document.
//
// Each token has a [Kind]: [Word] (letters, digits, inner apostrophes and
// hyphens, abbreviations), [Number] (1,000 3.5 2024-12-05 10:30 14/05/2023
// and glued suffixes such as 17th or 3bn), [Punct], [Symbol] ($ % & * and
// emoji), [URL] (http://, https://, ftp://, www.), [Email] and [Handle]
// (@user, #hashtag). Runs such as "...", "?!", "--" and "**" are one token;
// Markdown emphasis (**BRICS**, _word_) is never glued to its word.
//
// # Normalisation and stems
//
// Token.Norm is [Normalize] of the text: lower case, curly apostrophes and
// quotes as ASCII, all hyphens and dashes as '-', soft hyphens and
// zero-width characters removed, NFKC folding (width variants, ligatures)
// and leftover combining accents removed, and Cyrillic ё as е (as most
// Russian print writes it). Normal ASCII is returned without
// allocating; [AppendNormalize] appends into a caller's buffer.
//
// Token.Stem is the snowball stem ([Stem]) of Norm in the tokenizer's
// [Language] (English, Russian, Spanish, French, Swedish, Norwegian,
// Hungarian) for words of letters; of a hyphenated compound only the last
// part is stemmed (de-escalation → de-escal); numbers, clitics,
// abbreviations and punctuation keep their Norm. The English stems of the
// words of the default lexicon's stem patterns and of the built-in model
// are read from an embedded table that Snowball made (go generate), the
// same stems without running it. Snowball costs about two
// microseconds a word, so a Tokenizer memoises the normal form and stem of
// each surface text it has seen: a token already seen costs one look-up
// in a hash table and no allocation. The memo is safe for concurrent use
// and bounded. A token's Norm and Stem share the memo's 64 KiB chunks of
// bytes, which a program that keeps tokens keeps alive. The memo also
// gives each (Norm, Stem) pair a small dense ID, [Token.Form], unique
// within the tokenizer that [Document.FormSpace] names, so that consumers
// (the lexicon's matcher, the analyzer's model and grammar) can keep facts
// about a word in a table indexed by it instead of hashing its strings.
//
// # Clitics
//
// In English, contractions are split so that negation is its own token,
// Penn Treebank style: don't → do + n't, can't → ca + n't, won't → wo +
// n't. The possessive 's and the clitics 're 'll 've 'd 'm are split off
// too (Russia's → Russia + 's, also with ’). Clitic tokens are Words with
// the [Clitic] flag; their Norm uses the ASCII apostrophe ("n't", "'s").
// Names such as O'Brien stay whole. In French, elided words are split off
// with their apostrophe (l'homme → l' + homme, qu'il → qu' + il), also as
// Clitic tokens; other languages split nothing.
//
// # Compounds and abbreviations
//
// A hyphenated compound (rules-based, so-called, U.S.-led, COVID-19) is one
// Word token with the [Compound] flag and Norm "rules-based"; its parts are
// in [Document.Parts] with their own offsets, sorted by Start, and
// [Document.PartsOf] finds those of a token. Dashes (– —) never join words.
//
// Acronyms written with dots (U.S., U.N., e.g., i.e., H.E., Ph.D.) and
// known abbreviations (Mr. Dr. Amb. etc. Inc. vs. Jan.) keep their dot and
// carry the [Abbreviation] flag. Abbreviations that only stand before a
// number (No. 5, Art. 51, p. 55) keep the dot only there, so "say no."
// ends with a full stop.
//
// # Sentences
//
// [Document.Sentences] cover the tokens in order, each exactly once. The
// segmenter is rule-based and tuned for speeches and statements: a stop
// ends a sentence when what follows can start one; titles, No. 5, Art. 51,
// initials and inline abbreviations do not end sentences; closing quotes,
// brackets and footnote marks stay with the sentence they close; stops
// inside a quotation that continues do not split it; ellipses, numbered
// and lettered lists, bullets, headings and blank lines are handled, and
// hard-wrapped lines inside a paragraph are joined. On the Pragmatic
// Segmenter test suite in ../shared/segmentation it gets 50 of the 52
// Golden Rules, 151 of the 164 English cases without options, and 42 of
// the 42 Russian cases (see segment_test.go).
//
// # Part-of-speech tags and entities
//
// With Options.Tag (or by calling [Tokenizer.Tag]) tokens get Penn Treebank
// tags from prose v2, which loads its model once per process and runs once
// per sentence. prose tokenizes on its own and has no offsets, so it is
// given our tokens joined by spaces and its tokens are aligned back to ours
// by position; tokens it cannot align (it drops some words) stay untagged
// and are counted in Document.Unaligned (see [Tokenizer.Tag]; on two UN
// speeches, none). With Options.Entities, Document.Entities lists prose's
// named entities as token ranges. Tagging is English only and runs at
// under 1 MB/s, against 50-100 MB/s for tokenizing alone.
//
// # Streaming and concurrency
//
// A [Scanner] is the step function underneath: each call to
// [Scanner.Next] returns one token without allocating. [All] and
// [Tokenizer.All] wrap it as iterators; they never build a Document, so a
// huge single-line input is tokenized in constant memory. A Document
// holds one 88-byte Token per token (about 20 bytes per byte of English
// text); [Tokenizer.TokenizeInto] reuses a Document's memory. A Tokenizer
// is safe for concurrent use; Scanners and Documents are not.
package tokenize
