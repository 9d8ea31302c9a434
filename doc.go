// Package rhetorica reads political and diplomatic statements and tells,
// with evidence, how they frame a conflict.
//
// This package holds no code: it maps the module. The work is done by
// library packages whose dependencies run one way, and by the programs
// built on them:
//
//	tokenize  <-  lexicon  <-  rhetoric  <-  corpus, learn  <-  eval  <-  cmd/rhetorica, examples
//
// What each package does:
//
//   - [github.com/rhetorica/rhetorica/tokenize] splits a statement into
//     sentences and tokens with exact byte offsets (text[t.Start:t.End] is
//     always the token), normalises them with the one normaliser that
//     lexicons share, stems them with Snowball, and tags parts of speech
//     with prose when asked.
//   - [github.com/rhetorica/rhetorica/lexicon] holds framing lexicons:
//     categories of words, wildcards, stems and phrases with weights and
//     roles, modifiers (negators, intensifiers, hedges, stop-phrases),
//     actors and per-language grammar classes. It reads its own .lex format
//     and LIWC, LIWC-22, WordStat, quanteda YAML, Lexicoder, Yoshikoder,
//     VADER and AFINN files, reports every problem as file:line:col, and
//     compiles a lexicon into a one-pass matcher over tokens.
//     [github.com/rhetorica/rhetorica/lexicon.Default] is the embedded
//     diplomatic-framing lexicon; lexicon/suggest ranks candidate cues from
//     annotated sentences.
//   - [github.com/rhetorica/rhetorica/rhetoric] analyzes statements in
//     stages (clauses, cues, modifiers, targets, sources, decide, score):
//     it attaches negation, intensity, the source and the targeted actor to
//     every hit, lets a learned model (embedded, explainable) decide which
//     devices each sentence performs, scores statements, sentences and
//     speakers into mergeable profiles, and compares them with log-odds
//     z-scores.
//   - [github.com/rhetorica/rhetorica/corpus] reads corpora as the command
//     does (text and Markdown with front matter, JSONL, CSV/TSV, metadata
//     from paths and tables).
//   - [github.com/rhetorica/rhetorica/learn] trains the learned layer, and
//     [github.com/rhetorica/rhetorica/eval] measures an analysis against
//     annotated sentences, with cross-validation.
//   - cmd/rhetorica is the command-line tool (analyze, compare, kwic, eval,
//     train, lexicon, serve), examples/ holds runnable programs, and the
//     separate module beam/ runs the analyzer on Apache Beam.
//
// Data flows as: text, then a tokenize.Document, then lexicon matches, then
// a rhetoric.Report per statement, then a rhetoric.Profile per speaker or
// group, then a rhetoric.Comparison of two profiles.
package rhetorica
