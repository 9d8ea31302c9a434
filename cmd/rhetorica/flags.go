package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/rhetorica/rhetorica/tokenize"
)

// analysisFlags are the flags shared by analyze and compare.
type analysisFlags struct {
	lexicons    stringList
	noDefault   bool
	lang        string
	tag         bool
	devices     string
	workers     int
	strict      bool
	noProgress  bool
	inputFormat string
	textCol     string
	idCol       string
	speakerCol  string
	lazyQuotes  bool
	model       string
	noModel     bool
}

func (a *analysisFlags) register(fs *flag.FlagSet) {
	fs.Var(&a.lexicons, "lexicon", "lexicon `FILE` (.lex, .dic, .cat, .yml, .lc3, .ykd) merged over the default; repeatable, applied in order")
	fs.BoolVar(&a.noDefault, "no-default", false, "do not use the built-in lexicon (only the --lexicon files)")
	fs.StringVar(&a.lang, "lang", "", "language of the statements (en, ru, es, fr, ...); default the lexicon's")
	fs.BoolVar(&a.tag, "tag", false, "part-of-speech tagging (finds imperatives and more targets; slower)")
	fs.StringVar(&a.devices, "devices", "", "report only these devices (comma-separated `LIST`)")
	fs.IntVar(&a.workers, "workers", 0, "statements analysed in parallel (default all cores)")
	fs.BoolVar(&a.strict, "strict", false, "stop at the first statement that fails")
	fs.BoolVar(&a.noProgress, "no-progress", false, "never show the progress bar")
	fs.StringVar(&a.inputFormat, "input-format", "auto", "read inputs as `FORMAT`: auto, txt, md, jsonl, csv, tsv")
	fs.StringVar(&a.textCol, "text-col", "", "CSV `COLUMN` holding the text")
	fs.StringVar(&a.idCol, "id-col", "", "CSV `COLUMN` holding the id")
	fs.StringVar(&a.speakerCol, "speaker-col", "", "CSV `COLUMN` holding the speaker")
	fs.BoolVar(&a.lazyQuotes, "lazy-quotes", false, "accept stray quotes in CSV fields instead of reporting the row")
	fs.StringVar(&a.model, "model", "", "decide devices with this learned model `FILE` (from rhetorica train) instead of the built-in one")
	fs.BoolVar(&a.noModel, "no-model", false, "no learned model: a sentence performs a device when it has a non-negated hit (lexicon counting)")
}

// outFormat is an output format.
type outFormat int

const (
	outTable outFormat = iota
	outJSON
	outJSONL
	outCSV
	outHTML
)

func parseOutFormat(s string) (outFormat, error) {
	switch strings.ToLower(s) {
	case "table", "text", "txt":
		return outTable, nil
	case "json":
		return outJSON, nil
	case "jsonl", "ndjson":
		return outJSONL, nil
	case "csv":
		return outCSV, nil
	case "html", "htm":
		return outHTML, nil
	}
	return 0, fmt.Errorf("unknown output format %q (want table, json, jsonl, csv or html)", s)
}

// outFormatFor picks the output format from the -o file's extension.
func outFormatFor(path string) outFormat {
	if f, err := parseOutFormat(strings.TrimPrefix(filepath.Ext(path), ".")); err == nil {
		return f
	}
	return outTable
}

// outputFlags are the output flags shared by analyze and compare: --format
// and -o.
type outputFlags struct {
	format string
	out    string
}

func (o *outputFlags) register(fs *flag.FlagSet, formats string) {
	fs.StringVar(&o.format, "format", "", "output `FORMAT`: "+formats+" (default from -o's extension, else table)")
	fs.StringVar(&o.out, "o", "", "write the output to `FILE` instead of standard output")
}

// outFormat returns the format of --format, else the one of -o's extension,
// else table.
func (o *outputFlags) outFormat() (outFormat, error) {
	if o.format != "" {
		return parseOutFormat(o.format)
	}
	if o.out != "" {
		return outFormatFor(o.out), nil
	}
	return outTable, nil
}

func languageList() string {
	var names []string
	for _, l := range tokenize.Languages() {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
}
