package main

import (
	"flag"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
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
	maxBytes    byteSize
	maxMemory   byteSize
	include     stringList
	exclude     stringList
	pathMeta    string
	meta        string
	metaKey     string

	// speaker turns (see rhetoric.Options.TurnLabel)
	excludeSpeakers stringList
	turnLabel       string
	noTurns         bool
	model           string
	noModel         bool
}

// Input limits (see the README's "Input and reliability").
const (
	// defaultMaxBytes is the longest statement read by default; at
	// costPerByte it fits in defaultMaxMemory.
	defaultMaxBytes = 8 << 20
	// defaultMaxMemory is the default memory budget of the statements in
	// flight: 2 GiB, or 512 MiB where an int has 32 bits (the address
	// space of such a process would not hold more).
	defaultMaxMemory = (2<<30)*(strconv.IntSize/64) + (512<<20)*(1-strconv.IntSize/64)
	// maxByteSize bounds a size flag: 1 TiB, or the largest int.
	maxByteSize = min(1<<40, math.MaxInt)
	// costPerByte is the peak live heap of analysing and writing one byte
	// of text dense with hits (tokens, matches, hits, the report and its
	// JSON): 134 measured on a 2 MiB statement with a hit every 14 bytes
	// (TestMemoryBudget), rounded up. It turns --max-memory into bytes of
	// text in flight.
	costPerByte = 200
	maxWorkers  = 1024
)

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
	fs.StringVar(&a.textCol, "text-col", "", "CSV or TSV `COLUMN` holding the text")
	fs.StringVar(&a.idCol, "id-col", "", "CSV or TSV `COLUMN` holding the id")
	fs.StringVar(&a.speakerCol, "speaker-col", "", "CSV or TSV `COLUMN` holding the speaker")
	fs.BoolVar(&a.lazyQuotes, "lazy-quotes", false, "accept stray quotes in CSV fields instead of reporting the row")
	a.maxBytes = defaultMaxBytes
	fs.Var(&a.maxBytes, "max-bytes", "refuse a statement (file, JSONL line, CSV row) over `SIZE` bytes while reading it (K, M, G suffixes)")
	a.maxMemory = defaultMaxMemory
	fs.Var(&a.maxMemory, "max-memory", "memory budget of the statements being analysed, `SIZE` (K, M, G); fewer run at once when they are long")
	fs.Var(&a.include, "include", "in directories, read only files matching `GLOB` (base name, or path below the directory if it has /); repeatable")
	fs.Var(&a.exclude, "exclude", "in directories, skip files matching `GLOB`; repeatable")
	fs.StringVar(&a.pathMeta, "path-meta", "", "fill metadata from each file's path: `PATTERN` such as '{iso}_{session}_{year}.txt'")
	fs.StringVar(&a.meta, "meta", "", "join metadata from a CSV `FILE` (see --meta-key)")
	fs.StringVar(&a.metaKey, "meta-key", "", "key `COLUMNS` of --meta, comma separated, each COLUMN or COLUMN=FIELD ('ISO Code=iso,Year=year')")
	fs.Var(&a.excludeSpeakers, "exclude-speaker", "leave the turns of transcript speaker `NAME` (Q, MODERATOR) out of the scores; repeatable")
	fs.StringVar(&a.turnLabel, "turn-label", "", "speaker labels are lines matching `REGEXP` (first group = speaker) instead of the built-in rule")
	fs.BoolVar(&a.noTurns, "no-turns", false, "do not split transcripts into speaker turns")
	fs.StringVar(&a.model, "model", "", "decide devices with this learned model `FILE` (from rhetorica train) instead of the built-in one")
	fs.BoolVar(&a.noModel, "no-model", false, "no learned model: a sentence performs a device when it has a non-negated hit (lexicon counting)")
}

// byteSize is a flag value in bytes with an optional K, M or G suffix
// (powers of 1024), which may be written Ki, Mi, Gi and end in B.
type byteSize int

// String gives the size with the largest suffix that writes it exactly
// (8388608 is "8M"), as Set reads it back; flag's help prints it as the
// default.
func (b *byteSize) String() string {
	if b == nil {
		return "0"
	}
	v := int(*b)
	for _, u := range []struct {
		suffix string
		size   int
	}{{"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}} {
		if v != 0 && v%u.size == 0 {
			return strconv.Itoa(v/u.size) + u.suffix
		}
	}
	return strconv.Itoa(v)
}

func (b *byteSize) Set(s string) error {
	// 16M, 16Mi and 16MiB (and 16MB) are all 16 × 2^20.
	t := strings.TrimSuffix(strings.TrimSpace(s), "B")
	if n := len(t); n > 1 && (t[n-1] == 'i' || t[n-1] == 'I') && strings.ContainsRune("kKmMgG", rune(t[n-2])) {
		t = t[:n-1]
	}
	mult := 1
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'k', 'K':
			mult, t = 1<<10, t[:n-1]
		case 'm', 'M':
			mult, t = 1<<20, t[:n-1]
		case 'g', 'G':
			mult, t = 1<<30, t[:n-1]
		}
	}
	v, err := strconv.Atoi(t)
	if err != nil || v <= 0 || int64(v) > maxByteSize/int64(mult) {
		return fmt.Errorf("want a positive size such as 500K, 16M or 2G, got %q", s)
	}
	*b = byteSize(v * mult)
	return nil
}

// sizeText formats a byte count for a message: "512 B", "3.5 KiB",
// "1.2 GiB".
func sizeText(n int) string {
	switch {
	case n < 1<<10:
		return strconv.Itoa(n) + " B"
	case n < 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	case n < 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	}
	return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GiB"
}

// outFormat is an output format.
type outFormat int

const (
	outTable outFormat = iota
	outJSON
	outJSONL
	outCSV
	outHTML
	outHits       // one row per hit, CSV or JSON Lines (see hits.go)
	outMatrix     // who frames whom, CSV
	outMatrixJSON // who frames whom, JSON
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
	case "hits", "hits-csv", "hits-jsonl":
		return outHits, nil
	case "matrix", "matrix-csv":
		return outMatrix, nil
	case "matrix-json":
		return outMatrixJSON, nil
	}
	return 0, fmt.Errorf("unknown output format %q (want table, json, jsonl, csv, html, hits, matrix or matrix-json)", s)
}

// outFormatFor picks the output format from the -o file's extension: a
// file without one, or a .txt, gets the table; an extension that names no
// format (out.xlsx) is an error rather than a table under a misleading
// name.
func outFormatFor(path string) (outFormat, error) {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	if ext == "" {
		return outTable, nil
	}
	if f, err := parseOutFormat(ext); err == nil && f != outHits {
		return f, nil
	}
	hint := ""
	if e := strings.ToLower(ext); e == "xlsx" || e == "xls" || e == "ods" {
		hint = "; spreadsheets open the csv format"
	}
	return 0, fmt.Errorf("cannot tell the output format from the extension of %s: give --format (table, json, jsonl, csv, html or hits)%s", path, hint)
}

// hitsJSONL reports whether --format hits writes JSON Lines: with --format
// hits-jsonl, or -o FILE.jsonl; else it writes CSV.
func (o *outputFlags) hitsJSONL() bool {
	f := strings.ToLower(o.format)
	ext := strings.ToLower(filepath.Ext(o.out))
	return f == "hits-jsonl" || f == "hits" && (ext == ".jsonl" || ext == ".ndjson")
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
		return outFormatFor(o.out)
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
