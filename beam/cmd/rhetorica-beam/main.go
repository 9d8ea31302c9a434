// Command rhetorica-beam runs the rhetorica analyzer as an Apache Beam
// pipeline: on the Prism runner in this process by default, or unchanged on
// Flink, Spark or Google Cloud Dataflow.
//
// It reads statements from files matching --input (one per JSONL line, or
// one per text file), analyzes them with the default lexicon or --lexicon
// files, and writes to the directory (or gs:// prefix) --output:
//
//	all.jsonl       the profile of all statements
//	profiles.jsonl  one profile per group, with --by KEY
//	compare.jsonl   the comparison of two groups, with --compare A,B
//	reports.jsonl   every report (the JSON contract), with --reports
//	reports.csv     the LIWC layout of "rhetorica analyze --format csv", with --csv
//	bad.jsonl       every record that did not become a report, with file and line
//
// Output files are sorted, so they are byte-identical across runs and
// runners. The exit code is 0 when every record became a report, 1 when
// some went to bad.jsonl or the pipeline failed, 2 for a usage error.
//
// Prism (local, in-process; the default):
//
//	rhetorica-beam --input 'corpus/*.jsonl' --by speaker --output out/
//
// Flink (a job server at ENDPOINT; workers need the lexicon files at the
// same paths, or none):
//
//	rhetorica-beam --runner=flink --endpoint=localhost:8099 --environment_type=LOOPBACK \
//	  --input '/data/corpus/*.jsonl' --by speaker --output /data/out/
//
// Google Cloud Dataflow:
//
//	rhetorica-beam --runner=dataflow --project=PROJECT --region=europe-west1 \
//	  --staging_location=gs://BUCKET/staging --input 'gs://BUCKET/corpus/*.jsonl' \
//	  --by country --lexicon gs://BUCKET/mine.lex --output gs://BUCKET/out/
//
// Beam's own flags (--runner, --endpoint, --environment_type, --project,
// --region, --staging_location, ...) are listed by -help with the rest.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/rhetorica/rhetorica/beam/rhetoricbeam"
)

// config holds the program's own flags.
type config struct {
	input, inputFormat, output, by string
	lexicons                       []string
	noDefault, reports, csv        bool
	compare                        string
	prior                          float64
}

// listFlag is a flag that may be repeated or hold a comma-separated list.
type listFlag struct{ list *[]string }

func (l listFlag) String() string {
	if l.list == nil {
		return ""
	}
	return strings.Join(*l.list, ",")
}

func (l listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l.list = append(*l.list, v)
		}
	}
	return nil
}

func (c *config) register(fs *flag.FlagSet) {
	fs.StringVar(&c.input, "input", "", "statements: a glob of files (local, or gs:// on Dataflow), `GLOB` (required)")
	fs.StringVar(&c.inputFormat, "input_format", "auto", "jsonl (one statement per line), text (one per file) or auto (by extension)")
	fs.StringVar(&c.output, "output", "", "the `DIR` (or gs:// prefix) to write to (required)")
	fs.StringVar(&c.by, "by", "", "also profile each group by speaker, id, date, file or a metadata `KEY`")
	fs.Var(listFlag{&c.lexicons}, "lexicon", "lexicon `FILE`s merged over the default lexicon (repeat or separate with commas)")
	fs.BoolVar(&c.noDefault, "no_default", false, "use only the --lexicon files, not the default lexicon")
	fs.BoolVar(&c.reports, "reports", false, "also write every report to reports.jsonl")
	fs.BoolVar(&c.csv, "csv", false, "also write reports.csv (LIWC layout)")
	fs.StringVar(&c.compare, "compare", "", "compare two groups of --by, `A,B`")
	fs.Float64Var(&c.prior, "prior", 0, "size of the comparison's Dirichlet prior in pseudo-words (0: the default, 1000)")
}

// usageError is an error in the flags.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	var c config
	c.register(flag.CommandLine)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: rhetorica-beam --input GLOB --output DIR [--by KEY] [flags]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init() // returns only when this process is not a worker
	// Prism, in this process, logs every stage at level INFO.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(run(context.Background(), c, os.Stdout, os.Stderr))
}

// run builds and runs the pipeline and returns the exit code.
func run(ctx context.Context, c config, stdout, stderr io.Writer) int {
	p, files, err := build(ctx, c)
	if err != nil {
		fmt.Fprintf(stderr, "rhetorica-beam: %v\n", err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(stderr, "run rhetorica-beam -help for the flags")
			return 2
		}
		return 1
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(stderr, "rhetorica-beam: the pipeline failed: %v\n", err)
		return 1
	}
	var read, made, bad int64
	if res != nil {
		for _, cr := range res.Metrics().AllMetrics().Counters() {
			if cr.Namespace() != rhetoricbeam.Namespace {
				continue
			}
			switch cr.Name() {
			case "statements":
				read += cr.Result()
			case "reports":
				made += cr.Result()
			case "bad_records":
				bad += cr.Result()
			}
		}
	}
	fmt.Fprintf(stdout, "%d statements read, %d reports, %d bad records; wrote %s\n", read, made, bad, strings.Join(files, ", "))
	if bad > 0 {
		fmt.Fprintf(stderr, "rhetorica-beam: %d records did not become reports; see %s\n", bad, outPath(c.output, "bad.jsonl"))
		return 1
	}
	return 0
}

// outPath joins dir and name, keeping a scheme's "//" (gs://bucket/x).
func outPath(dir, name string) string {
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// build checks the configuration and builds the pipeline. It returns the
// files the pipeline will write.
func build(ctx context.Context, c config) (*beam.Pipeline, []string, error) {
	if c.input == "" || c.output == "" {
		return nil, nil, usageError{"--input and --output are required"}
	}
	format, err := rhetoricbeam.ParseFormat(c.inputFormat)
	if err != nil {
		return nil, nil, usageError{err.Error()}
	}
	var ga, gb string
	if c.compare != "" {
		a, b, ok := strings.Cut(c.compare, ",")
		if !ok || a == "" || b == "" || strings.Contains(b, ",") {
			return nil, nil, usageError{fmt.Sprintf("--compare wants two groups, A,B; got %q", c.compare)}
		}
		if c.by == "" {
			return nil, nil, usageError{"--compare needs --by KEY"}
		}
		ga, gb = a, b
	}
	ao := rhetoricbeam.AnalyzeOptions{Lexicons: c.lexicons, NoDefault: c.noDefault}
	devices, err := rhetoricbeam.Devices(ctx, ao) // also checks the lexicons before anything runs
	if err != nil {
		return nil, nil, err
	}
	if !strings.Contains(c.output, "://") {
		if err := os.MkdirAll(c.output, 0o755); err != nil {
			return nil, nil, err
		}
	}

	p, s := beam.NewPipelineWithRoot()
	records, badRead := rhetoricbeam.Read(s, c.input, rhetoricbeam.ReadOptions{Format: format, FileMeta: c.by == "file"})
	reports, badAnalyze := rhetoricbeam.Analyze(s, records, ao)
	var files []string
	out := func(name string) string {
		files = append(files, name)
		return outPath(c.output, name)
	}
	rhetoricbeam.WriteProfiles(s, out("all.jsonl"), rhetoricbeam.ProfileAll(s, reports))
	if c.by != "" {
		profiles := rhetoricbeam.ProfileBy(s, c.by, reports)
		rhetoricbeam.WriteProfiles(s, out("profiles.jsonl"), profiles)
		if ga != "" {
			rhetoricbeam.WriteComparison(s, out("compare.jsonl"), rhetoricbeam.Compare(s, profiles, ga, gb, c.prior))
		}
	}
	if c.reports {
		rhetoricbeam.WriteReports(s, out("reports.jsonl"), reports)
	}
	if c.csv {
		rhetoricbeam.WriteCSV(s, out("reports.csv"), devices, reports)
	}
	rhetoricbeam.WriteBadRecords(s, out("bad.jsonl"), beam.Flatten(s, badRead, badAnalyze))
	return p, files, nil
}
