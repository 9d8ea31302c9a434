// Package rhetorica reads political and diplomatic statements and tells,
// with evidence, how they frame a conflict.
//
// This package holds no code: it maps the module. The work is done by three
// library packages whose dependencies run one way, and by the programs
// built on them:
//
//	tokenize  <-  lexicon  <-  rhetoric  <-  cmd/rhetorica, examples
//
// What each package does:
//
//   - [github.com/rhetorica/rhetorica/tokenize] splits a statement into
//     sentences and tokens with exact byte offsets (text[t.Start:t.End] is
//     always the token), normalises them with the one normaliser that
//     lexicons share, stems them with Snowball, and tags parts of speech
//     with prose when asked.
//   - [github.com/rhetorica/rhetorica/lexicon] holds framing lexicons:
//     categories of words, wildcards, stems and phrases with weights,
//     modifiers (negators, intensifiers, hedges) and actors. It reads its
//     own .lex format and LIWC, WordStat, quanteda YAML, Lexicoder and
//     Yoshikoder files, reports every problem as file:line:col, and
//     compiles a lexicon into a one-pass matcher over tokens.
//     [github.com/rhetorica/rhetorica/lexicon.Default] is the embedded
//     diplomatic-framing lexicon.
//   - [github.com/rhetorica/rhetorica/rhetoric] finds framing devices in
//     statements, attaches negation, intensity and the targeted actor to
//     every hit, scores statements, sentences and speakers, and compares
//     speakers with log-odds z-scores.
//   - cmd/rhetorica is the command-line tool (text, Markdown, JSONL and CSV
//     in; table, JSON, CSV and a standalone HTML report out), and examples/
//     holds runnable programs.
//
// Data flows as: text, then a tokenize.Document, then lexicon matches, then
// a rhetoric.Report per statement, then a rhetoric.Profile per speaker or
// group, then a rhetoric.Comparison of two profiles.
package rhetorica
