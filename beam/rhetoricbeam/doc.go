// Package rhetoricbeam runs the rhetorica analyzer as an Apache Beam
// pipeline, so that a corpus too large for one machine is analysed and
// profiled on a distributed engine: the Prism runner in-process, Flink,
// Spark or Google Cloud Dataflow, unchanged.
//
// # Transforms
//
// A pipeline composes:
//
//   - [Read]: statements from files matched by a glob (local paths, or gs://
//     on Dataflow), one per JSONL line (.jsonl, .ndjson) or one per text file
//     (.txt, .md, with optional front matter), read as the command-line tool
//     reads them. Every record that cannot be read goes to a dead-letter
//     collection of [BadRecord] with its file and line; none is dropped.
//   - [Analyze]: a DoFn that builds one [rhetoric.Analyzer] per worker, in
//     Setup (the default lexicon, or lexicon files read through Beam's file
//     systems so that they can be staged with the pipeline), and emits one
//     [rhetoric.Report] per statement. Statements the analyzer rejects go to
//     the dead letters too.
//   - [ProfileBy] and [ProfileAll]: CombinePerKey (or a global Combine) whose
//     accumulator is the mergeable [rhetoric.Profile]. Workers add their
//     reports to partial profiles and the runner merges them in whatever
//     order it likes; [rhetoric.Profile.Merge] is associative and
//     commutative, so the result is the profile of one pass.
//   - [Compare]: two combined profiles compared device by device
//     ([rhetoric.CompareWith]).
//   - Writers: [WriteReports] (JSONL, the report contract), [WriteCSV] (the
//     LIWC layout of "rhetorica analyze --format csv"), [WriteProfiles]
//     (JSONL, as "rhetorica analyze --by KEY --format jsonl"),
//     [WriteComparison] and [WriteBadRecords].
//
// # Encoding and order
//
// Statements, reports, profiles and comparisons cross worker boundaries as
// their JSON encoding (a Beam coder registered for each type), which
// round-trips every field exactly. A runner gives no order, so the writers
// sort: each writes one file, its lines sorted by a key (statement id,
// group, file and line), so that output is byte-identical across runs and
// runners. A writer gathers its lines on one worker to sort them; for very
// large corpora write profiles, which are small, rather than every report.
//
// # Registration
//
// Beam needs every DoFn, combiner, emitter and coder registered before the
// pipeline is built, in init functions: importing this package does that.
package rhetoricbeam
