package main

import (
	"github.com/rhetorica/rhetorica/rhetoric"
)

const analyzeUsage = `Usage: rhetorica analyze [flags] [PATH ...]

Scores every statement against the lexicon (the built-in diplomatic-framing
lexicon unless --no-default) and writes one report per statement, or one
profile per group with --by.

Inputs (formats detected by extension; --input-format overrides):
  .txt, .md     one statement per file; a YAML front matter block between
                "---" lines gives id, speaker, date, language and metadata
  directory     every .txt, .md, .jsonl, .csv and .tsv file in it, recursively,
                in sorted order (hidden files skipped)
  .jsonl        one JSON object per line: "text" (required), "id", "speaker",
                "date", "language"; other fields become metadata
  .csv, .tsv    a header row, then one statement per row; the text column is
                --text-col or the first of text, body, content, speech,
                statement; the id column --id-col or id, link, url; the
                speaker column --speaker-col or speaker, author; other
                columns become metadata
  -             standard input (text, unless --input-format says otherwise)
The id defaults to the file path, or file:line for JSONL and CSV rows.

Outputs (--format; default from the extension of -o, else table):
  table   aligned text: per statement its words, hits and strongest devices
  json    a JSON array of reports (or of profiles with --by)
  jsonl   one JSON report (or profile) per line
  csv     LIWC layout: id, speaker, words, sentences, then per device
          <device>_per1k and <device>_hits, devices in lexicon order
  html    a standalone report: highlighted statements, legend, charts

A statement that cannot be read or analysed is reported on standard error as
"file:line: message" and the run goes on (unless --strict); the exit code is
then 1.

Examples:
  rhetorica analyze speech.md
  rhetorica analyze --format json statements.jsonl
  rhetorica analyze -o report.html --by speaker speeches/
  rhetorica analyze --text-col body --id-col link --format csv press.csv > scores.csv
  rhetorica analyze --lexicon extra.lex --devices blame,threat speeches/
  cat speech.txt | rhetorica analyze -
`

func (c *cli) analyze(args []string) int {
	fs := newFlagSet("analyze", analyzeUsage)
	var f analysisFlags
	f.register(fs)
	var o outputFlags
	o.register(fs, "table, json, jsonl, csv or html")
	by := fs.String("by", "", "aggregate by speaker, date, file or any metadata `KEY`; output one profile per group")
	title := fs.String("title", "", "title of the HTML report")
	paths, code := c.parseFlags(fs, "analyze", args)
	if code >= 0 {
		return code
	}
	of, err := o.outFormat()
	if err != nil {
		return c.usageError("analyze ", "%v", err)
	}
	s, code := c.prepare("analyze", &f, paths)
	if code >= 0 {
		return code
	}
	s.inOpts.fileMeta = *by == "file"
	s.inOpts.keepText = of == outHTML

	w, closeOut, err := c.openOutput(o.out)
	if err != nil {
		return c.fatal(err)
	}
	devices := s.an.Devices()
	var agg *rhetoric.Groups
	if *by != "" {
		agg = rhetoric.NewGroups(rhetoric.KeyField(*by))
	}
	var sink reportSink
	switch {
	case of == outHTML:
		h := newHTMLReport(w, devices, s.an.Lexicon(), *title, *by)
		sink = h
	case agg != nil:
		sink = nopSink{}
	case of == outJSON:
		sink = &jsonSink{w: w}
	case of == outJSONL:
		sink = &jsonlSink{w: w}
	case of == outCSV:
		sink = newCSVSink(w, devices)
	default:
		sink = newTableSink(w, devices)
	}
	res := c.pipeline(s, func(r *rhetoric.Report, text string) error {
		if agg != nil {
			agg.Add(r)
		}
		return sink.report(r, text)
	})
	if res.writeErr == nil {
		var profiles []rhetoric.Profile
		if agg != nil {
			profiles = agg.Profiles()
		}
		switch {
		case of == outHTML:
			res.writeErr = sink.(*htmlReport).finishProfiles(profiles)
		case agg != nil:
			res.writeErr = writeProfiles(w, of, *by, devices, profiles)
		default:
			res.writeErr = sink.finish()
		}
	}
	if err := closeOut(); err != nil && res.writeErr == nil {
		res.writeErr = err
	}
	return c.finish(res)
}
