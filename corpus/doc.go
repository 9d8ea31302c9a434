// Package corpus reads statements from the files a corpus comes in, the
// way the rhetorica command reads them, so that a Go program and the
// command agree on every statement's id, speaker, metadata and text.
//
// # Formats
//
// [Read] takes one file (any io.Reader and a name) and yields a [Record]
// per statement or per problem, in order:
//
//   - Text and Markdown (.txt, .md): one statement per file. A front matter
//     block between "---" lines gives id, speaker, date, language and any
//     other metadata ([ParseText]).
//   - JSON Lines (.jsonl): one object per line with a "text" field
//     ([ParseJSON]); blank lines are skipped.
//   - CSV and TSV (.csv, .tsv): a header row, then one statement per row;
//     the text, id and speaker columns are found by name ([Options]), the
//     other columns become metadata.
//
// Text is UTF-8 or UTF-16 (with a byte order mark, or recognised by the NUL
// bytes of its ASCII characters); lines end in LF, CRLF or CR alone, in
// every format.
//
// # Nothing lost, nothing unbounded
//
// A problem with one line or row is a Record with Err set and a position
// (name:line), and reading goes on, so a caller can account for every
// statement: records with a statement plus records with an error. CSV rows
// are read by this package's own reader rather than encoding/csv: a quote
// that is never closed is reported on the line where it opened, and the
// lines after it are read again as rows instead of vanishing into one
// field. Each record carries the number of physical lines it covers.
//
// Memory is bounded while reading, not after: a statement (a text file, a
// JSONL line, a CSV row) longer than Options.MaxBytes is refused with an
// error wrapping [ErrTooLarge] once the limit is passed, holding at most
// the limit; front matter aliases are followed within a budget
// ([MaxFrontMatterNodes]).
//
// # Metadata from paths and tables
//
// A [PathPattern] such as "{iso}_{session}_{year}.txt" fills metadata from
// each file's name, and a [MetaTable] joins a CSV table of metadata on a
// key, so that a folder of speeches named by country and year can be
// grouped without code.
package corpus
