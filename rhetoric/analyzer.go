package rhetoric

import (
	"context"
	"iter"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Options configure an [Analyzer]. The zero value means the defaults.
type Options struct {
	Language       tokenize.Language // "" means the lexicon's language, else English
	Tag            bool              // part-of-speech tagging (imperatives, entity targets)
	NegationWindow int               // tokens before a cue searched for a negator; 0 means 4
	Devices        []string          // report only these devices; nil means all
	Workers        int               // parallelism of AnalyzeAll; 0 means runtime.GOMAXPROCS
}

// Analyzer scores statements against a lexicon. It is immutable and safe
// for concurrent use; the zero value is not usable.
type Analyzer struct {
	lex  *lexicon.Lexicon
	opts Options
}

// New returns an Analyzer for lex.
func New(lex *lexicon.Lexicon, opts Options) (*Analyzer, error) {
	return &Analyzer{lex: lex, opts: opts}, nil // TEMPORARY
}

// Analyze analyzes one statement.
func (a *Analyzer) Analyze(ctx context.Context, st Statement) (*Report, error) {
	return &Report{ID: st.ID, Speaker: st.Speaker}, nil // TEMPORARY
}

// Result is one element of [Analyzer.AnalyzeAll]: the report of the
// statement at Index in the input, or the error analyzing it.
type Result struct {
	Index  int
	Report *Report
	Err    error
}

// AnalyzeAll analyzes a stream of statements in parallel and yields the
// results in input order, holding a bounded number in memory. It stops
// early when ctx is cancelled (the last Result carries ctx.Err()) or when
// the consumer stops iterating.
func (a *Analyzer) AnalyzeAll(ctx context.Context, in iter.Seq[Statement]) iter.Seq[Result] {
	return func(yield func(Result) bool) {} // TEMPORARY
}
