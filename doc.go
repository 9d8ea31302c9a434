// Package rhetorica reads political and diplomatic statements and tells,
// with evidence, how they frame a conflict.
//
// It is a documentation-only package that maps the module. The work is
// done by three packages whose dependencies run one way:
//
//	tokenize  <-  lexicon  <-  rhetoric  <-  cmd/rhetorica, examples
//
//   - [github.com/rhetorica/rhetorica/tokenize] splits a statement into
//     sentences and tokens with exact byte offsets, normalises and stems
//     them, and tags parts of speech when asked.
//   - [github.com/rhetorica/rhetorica/lexicon] holds framing lexicons:
//     categories of words, wildcards, stems and phrases with weights,
//     modifiers and actors. It reads its own .lex format and the formats
//     social scientists already use, and compiles a lexicon into a matcher
//     over tokens. [github.com/rhetorica/rhetorica/lexicon.Default] is the
//     embedded diplomatic-framing lexicon.
//   - [github.com/rhetorica/rhetorica/rhetoric] finds framing devices in
//     statements, attaches negation, intensity and the targeted actor to
//     every hit, scores statements, sentences and speakers, and compares
//     speakers.
//
// Data flows as text -> tokenize.Document -> lexicon.Match ->
// rhetoric.Report -> rhetoric.Profile -> rhetoric.Comparison.
package rhetorica
