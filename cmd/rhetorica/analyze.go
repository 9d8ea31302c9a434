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
                columns become metadata. These flags and --lazy-quotes
                need a CSV or TSV input: with none, they are a usage error
  -             standard input (text, unless --input-format says otherwise);
                it is read once, so name it once
The id defaults to the file path, or file:line for JSONL and CSV rows.

Outputs (--format; default from the extension of -o, else table):
  table   aligned text: per statement its words, hits and strongest devices
  json    a JSON array of reports (or of profiles with --by)
  jsonl   one JSON report (or profile) per line
  csv     LIWC layout: id, speaker, words, sentences, then per device
          <device>_per1k and <device>_hits, devices in lexicon order
  html    a standalone report: highlighted statements, legend, charts
  hits    one row per hit: statement id, speaker, date, sentence index and
          text, device, entry, matched text, byte span, weight, negated/
          intensified/hedged and by which words, target, source, and
          whether it is reported, disputed and counted; CSV, or JSON Lines
          with -o FILE.jsonl or --format hits-jsonl. --meta-cols adds
          metadata columns
An -o extension that names no format (out.xlsx) is a usage error.

With --over KEY the output is a time series instead: for each --by group (or
all statements) and each period, the statements, words and device rates;
json, jsonl (one line per group and period), csv (the LIWC layout with the
group and period first) or a table; in HTML, a line chart per device.
Statements without the key are counted and left out.

A statement that cannot be read or analysed is reported on standard error as
"file:line: message" and the run goes on (unless --strict); the exit code is
then 1. Every statement is either written or reported. Notes (an empty
statement, metadata not found) do not change the exit code.

Metadata and limits:
  --path-meta '{iso}_{session}_{year}.txt'   fields from each file's name
  --meta FILE.csv --meta-key 'COLUMN=FIELD,...'  join a table of metadata
  --include GLOB, --exclude GLOB             filter the files of directories
  --max-bytes SIZE (8M)    a longer statement is refused while it is read
  --max-memory SIZE (2G)   budget of the statements being analysed, at
                           200 bytes a byte of text; fewer run at once
-o FILE is written under a temporary name and renamed when complete, and is
refused when it is one of the inputs. Piped into a command that exits early
(| head), the command ends silently with the pipe's signal (exit 141).

Examples:
  rhetorica analyze speech.md
  rhetorica analyze --format json statements.jsonl
  rhetorica analyze -o report.html --by speaker speeches/
  rhetorica analyze --text-col body --id-col link --format csv press.csv > scores.csv
  rhetorica analyze --lexicon extra.lex --devices blame,threat speeches/
  rhetorica analyze --format hits --meta-cols country,year -o hits.csv speeches/
  rhetorica analyze --by country --over year --format csv speeches/
  rhetorica analyze --by speaker --over date:month -o report.html statements.jsonl
  rhetorica analyze --path-meta '{iso}_{session}_{year}.txt' --include '*_*_*.txt' --by iso ungdc/
  cat speech.txt | rhetorica analyze -
`

func (c *cli) analyze(args []string) int {
	fs := newFlagSet("analyze", analyzeUsage)
	var f analysisFlags
	f.register(fs)
	var o outputFlags
	o.register(fs, "table, json, jsonl, csv, html, hits, matrix (who frames whom, CSV) or matrix-json")
	metaCols := fs.String("meta-cols", "", "with --format hits, also write these metadata `KEYS` (comma-separated) as columns")
	by := fs.String("by", "", "aggregate by speaker, date, file or any metadata `KEY`; output one profile per group")
	title := fs.String("title", "", "title of the HTML report")
	over := fs.String("over", "", "device rates over time: one profile per period of metadata `KEY` (year; date:year or date:month to bucket ISO dates), per --by group; a line chart in HTML")
	paths, code := c.parseFlags(fs, "analyze", args)
	if code >= 0 {
		return code
	}
	of, err := o.outFormat()
	if err != nil {
		return c.usageError("analyze ", "%v", err)
	}
	var overA *overAgg
	if *over != "" {
		spec, err := parseOver(*over)
		if err != nil {
			return c.usageError("analyze ", "%v", err)
		}
		if of == outHits {
			return c.usageError("analyze ", "--format hits writes one row per hit; it does not aggregate over time (drop --over)")
		}
		if of == outMatrix || of == outMatrixJSON {
			name := "matrix"
			if of == outMatrixJSON {
				name = "matrix-json"
			}
			return c.usageError("analyze ", "--format %s counts who frames whom; it does not aggregate over time (drop --over, or group it with --by)", name)
		}
		overA = newOverAgg(spec, *by)
	}
	s, code := c.prepare("analyze", &f, paths)
	if code >= 0 {
		return code
	}
	s.inOpts.fileMeta = *by == "file"
	s.inOpts.keepText = of == outHTML || of == outHits
	if *metaCols != "" && of != outHits {
		return c.usageError("analyze ", "--meta-cols adds columns to --format hits; other formats carry all metadata already (json) or none (csv, table)")
	}
	if of == outHits && *by != "" {
		return c.usageError("analyze ", "--format hits writes one row per hit; it does not group (drop --by, or use --meta-cols %s)", *by)
	}

	w, closeOut, err := c.openOutput(o.out, s.srcs)
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
	case of == outHits:
		sink = newHitsSink(w, o.hitsJSONL(), splitList(*metaCols))
	case agg != nil || overA != nil:
		sink = nopSink{}
	case of == outMatrix || of == outMatrixJSON:
		sink = &matrixSink{w: w, json: of == outMatrixJSON}
	case of == outJSON:
		sink = &jsonSink{w: w}
	case of == outJSONL:
		sink = &jsonlSink{w: w}
	case of == outCSV:
		sink = newCSVSink(w, devices)
	default:
		sink = newTableSink(w, devices)
	}
	if enc, ok := sink.(encoder); ok && encodeOnWorkers {
		s.enc = enc // encode on the analysis workers
	}
	// These sinks copy what they need of a report (its strings, which
	// are never reused, and numbers), so that nothing holds it once it is
	// written; profiles and the HTML report keep reports.
	recycle := false
	if agg == nil && overA == nil {
		switch sink.(type) {
		case *jsonSink, *jsonlSink, *csvSink, *tableSink, *hitsSink, *matrixSink:
			recycle = true
		}
	}
	res := c.pipeline(s, func(r *rhetoric.Report, text string) error {
		if agg != nil {
			addReport(agg, r)
		}
		if overA != nil {
			overA.add(r)
		}
		err := sink.report(r, text)
		if recycle {
			s.an.Recycle(r)
		}
		return err
	})
	if res.writeErr == nil {
		var profiles []rhetoric.Profile
		if agg != nil {
			profiles = agg.Profiles()
			c.checkGroupKey(*by, profiles, s.strict, &res)
		}
		switch {
		case of == outHTML:
			h := sink.(*htmlReport)
			if overA != nil {
				ts := overA.series()
				h.timeSeries = &ts
			}
			res.writeErr = h.finishProfiles(profiles)
		case overA != nil:
			res.writeErr = writeTimeSeries(w, of, devices, overA.series())
		case agg != nil:
			res.writeErr = writeProfiles(w, of, *by, devices, profiles)
		default:
			res.writeErr = sink.finish()
		}
		if overA != nil && overA.missing > 0 {
			c.errorf("note: %s without %s left out of the time series", plural(overA.missing, "statement"), overA.spec)
		}
	}
	if err := closeOut(); err != nil && res.writeErr == nil {
		res.writeErr = err
	}
	return c.finish(res)
}
