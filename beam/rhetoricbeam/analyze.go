package rhetoricbeam

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"   // gs:// paths
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func init() {
	register.DoFn4x1[context.Context, Record, func(rhetoric.Report), func(BadRecord), error](&analyzeFn{})
	register.Emitter1[rhetoric.Report]()
}

// AnalyzeOptions configures [Analyze]. The zero value analyses with the
// embedded default lexicon.
type AnalyzeOptions struct {
	// Lexicons are lexicon files (any format lexicon.ParseFile reads, picked
	// by extension) merged in order over the default lexicon, as the CLI's
	// --lexicon. They are read through Beam's file systems when each worker
	// starts, so on a cluster they must be where every worker can read them:
	// gs:// on Dataflow, a shared or staged path on Flink.
	Lexicons []string
	// NoDefault uses only Lexicons, without the default lexicon.
	NoDefault bool
}

// Analyze analyses every statement and returns the reports and the dead
// letters: statements the analyzer rejects (an unknown language, say), with
// their file and line. Each worker builds one analyzer, in Setup; a lexicon
// that fails to load fails the pipeline (check it first with [Devices]).
func Analyze(s beam.Scope, records beam.PCollection, opts AnalyzeOptions) (reports, bad beam.PCollection) {
	s = s.Scope("rhetoricbeam.Analyze")
	return beam.ParDo2(s, &analyzeFn{Lexicons: opts.Lexicons, NoDefault: opts.NoDefault}, records)
}

// Devices returns the device names an analysis with opts reports, in
// order: the columns of [WriteCSV]. It also checks that the lexicons load.
func Devices(ctx context.Context, opts AnalyzeOptions) ([]string, error) {
	an, err := newAnalyzer(ctx, opts.Lexicons, opts.NoDefault)
	if err != nil {
		return nil, err
	}
	return an.Devices(), nil
}

// analyzeFn analyses statements with one analyzer per worker.
type analyzeFn struct {
	Lexicons  []string
	NoDefault bool

	an *rhetoric.Analyzer
}

func (fn *analyzeFn) Setup(ctx context.Context) error {
	an, err := newAnalyzer(ctx, fn.Lexicons, fn.NoDefault)
	fn.an = an
	return err
}

func (fn *analyzeFn) ProcessElement(ctx context.Context, rec Record, emit func(rhetoric.Report), bad func(BadRecord)) error {
	r, err := fn.an.Analyze(ctx, rec.Statement)
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		badRecords.Inc(ctx, 1)
		bad(BadRecord{File: rec.File, Line: rec.Line, Error: fmt.Sprintf("statement %q: %v", rec.Statement.ID, err)})
		return nil
	}
	reportsMade.Inc(ctx, 1)
	emit(*r)
	return nil
}

// newAnalyzer builds the analyzer of [AnalyzeOptions].
func newAnalyzer(ctx context.Context, files []string, noDefault bool) (*rhetoric.Analyzer, error) {
	var lex *lexicon.Lexicon
	if !noDefault {
		if lex = lexicon.Default(); lex == nil {
			return nil, errors.New("rhetoricbeam: the default lexicon is not available in this build")
		}
	}
	for _, file := range files {
		l, err := readLexicon(ctx, file)
		if err != nil {
			return nil, err
		}
		if lex == nil {
			lex = l
		} else if lex, err = lexicon.Merge(lex, l); err != nil {
			return nil, fmt.Errorf("rhetoricbeam: lexicon %s: %w", file, err)
		}
	}
	if lex == nil {
		return nil, errors.New("rhetoricbeam: no lexicon (NoDefault without Lexicons)")
	}
	an, err := rhetoric.New(lex, rhetoric.Options{})
	if err != nil {
		return nil, fmt.Errorf("rhetoricbeam: %w", err)
	}
	return an, nil
}

// readLexicon reads a lexicon file through Beam's file systems.
func readLexicon(ctx context.Context, file string) (*lexicon.Lexicon, error) {
	f, err := lexicon.FormatFor(path.Base(file))
	if err != nil {
		return nil, fmt.Errorf("rhetoricbeam: lexicon %s: %w", file, err)
	}
	fs, err := filesystem.New(ctx, file)
	if err != nil {
		return nil, fmt.Errorf("rhetoricbeam: lexicon %s: %w", file, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, file)
	if err != nil {
		return nil, fmt.Errorf("rhetoricbeam: lexicon: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("rhetoricbeam: lexicon %s: %w", file, err)
	}
	l, err := lexicon.ParseAs(file, data, f)
	if err != nil {
		return nil, fmt.Errorf("rhetoricbeam: %w", err) // positions name the file
	}
	return l, nil
}
