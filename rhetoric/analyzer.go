package rhetoric

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"regexp"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/internal/ordered"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Sentinel errors returned (wrapped) by [New] and [Analyzer.Analyze].
var (
	// ErrInvalidUTF8 is returned for a statement whose text is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("rhetoric: invalid utf-8 in statement text")
	// ErrUnknownDevice is returned by New for a device name that is not a
	// category of the lexicon.
	ErrUnknownDevice = errors.New("rhetoric: unknown device")
	// ErrOptions is returned by New for an invalid option value.
	ErrOptions = errors.New("rhetoric: invalid options")
	// ErrTooLarge is returned for a statement longer than Options.MaxBytes.
	ErrTooLarge = errors.New("rhetoric: statement too large")
)

// Defaults of [Options].
const (
	DefaultNegationWindow = 5 // tokens before a cue searched for a negator
	DefaultModifierWindow = 4 // tokens either side of a cue searched for intensifiers and hedges

	// DefaultMaxBytes is the largest statement text analyzed by default
	// (64 MiB; see Options.MaxBytes).
	DefaultMaxBytes = 64 << 20
)

// Options configure an [Analyzer]. The zero value means the defaults. [New]
// copies the options, so they may be changed or shared afterwards.
type Options struct {
	Language       tokenize.Language // "" means the lexicon's language, else English
	Tag            bool              // part-of-speech tagging (imperatives, entity targets)
	NegationWindow int               // tokens before a cue searched for a negator; 0 means 5
	Devices        []string          // report only these devices; nil means all
	Workers        int               // parallelism of AnalyzeAll; 0 means runtime.GOMAXPROCS, at most 65,536

	// ModifierWindow is how many tokens before and after a cue are searched
	// for intensifiers and hedges (within the cue's clause); 0 means 4.
	ModifierWindow int
	// Entities also runs prose's named-entity extractor when Tag is set, so
	// that an unnamed-in-lexicon actor becomes an OTHER target from a real
	// entity rather than from a run of proper-noun tags. It is much slower.
	Entities bool
	// MaxBytes is the longest statement text, in bytes, that Analyze
	// accepts; a longer one fails with an error wrapping [ErrTooLarge]
	// instead of exhausting memory. 0 means [DefaultMaxBytes]; a negative
	// value means no limit. A statement being analyzed takes about 25 bytes
	// of memory per byte of text (its tokens), so the limit bounds the
	// memory of each worker: split longer texts (a book, a day's
	// transcript) into statements, or stream their tokens with
	// tokenize.Scanner.
	MaxBytes int

	// TurnLabel, when set, replaces the built-in rule for speaker labels
	// in transcripts (see [Turn] and the package doc): it is matched
	// against every line of a statement, must match from the line's first
	// byte, and its first group (else the whole match, without * _ : and
	// blanks) is the speaker, e.g. regexp.MustCompile(`^([A-Z][a-z]+):`).
	// It runs once per line, never per token.
	TurnLabel *regexp.Regexp
	// NoTurns turns speaker-label recognition off: every statement is one
	// speaker's.
	NoTurns bool
	// ExcludeSpeakers names turn speakers ("Q", "MODERATOR") whose turns
	// stay in the report (hits and spans marked Excluded) but do not count
	// toward scores, words or sentences. Names compare without case.
	ExcludeSpeakers []string
	// Model is the learned layer that decides which devices each sentence
	// performs (see the package doc); nil means [DefaultModel]. Devices the
	// model does not know follow the lexicon rule.
	Model *Model
	// NoModel turns the learned layer off: a sentence performs a device when
	// it has a non-negated hit of it (LIWC-style lexicon counting).
	NoModel bool
}

// Analyzer scores statements against a lexicon. It is immutable and safe
// for concurrent use; the zero value is not usable: get one from [New].
type Analyzer struct {
	lex     *lexicon.Lexicon
	matcher *lexicon.Matcher
	opts    Options
	lang    tokenize.Language

	// tokenizers by language, built in New; an entry whose construction
	// failed holds the error instead.
	toks    map[tokenize.Language]*tokenize.Tokenizer
	tokErrs map[tokenize.Language]error

	devices []string // reported device names, lexicon order
	catDev  []int    // category index -> device index, -1 when not reported
	ctaDev  int      // device index of the first device with role appeal, -1 when none is reported
	// victimDev marks the devices with role victim, whose cues' objects are
	// victims (blame, threat in the default lexicon).
	victimDev []bool
	cats      []lexicon.Category // the lexicon's category names (entries: lex.Entry, which does not copy)
	mods      []lexicon.Modifier // the lexicon's modifiers
	modScope  [][]bool           // per modifier, the devices it applies to; nil: all (rules.go)
	hasBreach bool               // the lexicon has breach modifiers
	actors    []string           // actor codes by actor index
	// Targets are counted by index: tcodes holds the distinct actor codes
	// then OTHER and NONE (unless an actor already uses those codes);
	// canon maps an actor index to its index in tcodes.
	tcodes            []string
	canon             []int
	otherIdx, noneIdx int
	fh                featHashes // hashes of the feature names fixed by the lexicon

	// grams holds the compiled grammar of every language, each compiled
	// on first use (most runs see one language); the lexicon's own classes
	// apply to its language.
	grams map[tokenize.Language]func() *grammar
	model *Model // nil with Options.NoModel
	mdev  []int  // device index -> model device index, or -1
	// modeled lists the devices the model decides, in device order, with
	// their model device index: the decision stage's loops skip the
	// others without a test.
	modeled     []modeledDevice
	modIdx      []int  // device index -> index into modeled, or -1
	modOf       []int  // model device index -> index into modeled, or -1
	takesTarget []bool // device index -> its moves name a target (role victim, appeal or target)

	pool    sync.Pool // *scratch
	reports sync.Pool // *Report, cleared by Recycle

	// find is the matcher's Find; tests may replace it before first use.
	find func(doc *tokenize.Document, dst []lexicon.Match) []lexicon.Match
}

// maxWorkers bounds Options.Workers. AnalyzeAll starts that many goroutines
// and buffers 4×Workers statements up front, so an absurd count would fail
// there (a channel too large to make, or memory exhausted) instead of here;
// far more goroutines than cores only cost memory for CPU-bound work.
const maxWorkers = 1 << 16

// New returns an Analyzer for lex. It fails (wrapping [ErrOptions],
// [ErrUnknownDevice] or tokenize.ErrLanguage) when lex is nil, a window or
// the worker count is negative, the worker count is above 65,536, a device
// in opts.Devices is not a category of lex, or the language is not
// supported.
func New(lex *lexicon.Lexicon, opts Options) (*Analyzer, error) {
	if lex == nil {
		return nil, fmt.Errorf("%w: nil lexicon", ErrOptions)
	}
	if opts.NegationWindow < 0 {
		return nil, fmt.Errorf("%w: negative negation window %d", ErrOptions, opts.NegationWindow)
	}
	if opts.ModifierWindow < 0 {
		return nil, fmt.Errorf("%w: negative modifier window %d", ErrOptions, opts.ModifierWindow)
	}
	if opts.Workers < 0 {
		return nil, fmt.Errorf("%w: negative worker count %d", ErrOptions, opts.Workers)
	}
	if opts.Workers > maxWorkers {
		return nil, fmt.Errorf("%w: worker count %d above the limit %d", ErrOptions, opts.Workers, maxWorkers)
	}
	if opts.NegationWindow == 0 {
		opts.NegationWindow = DefaultNegationWindow
	}
	if opts.MaxBytes == 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.ModifierWindow == 0 {
		opts.ModifierWindow = DefaultModifierWindow
	}
	if opts.Workers == 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Entities {
		opts.Tag = true
	}
	langName := string(opts.Language)
	if langName == "" {
		langName = string(lex.Language())
	}
	lang, err := tokenize.ParseLanguage(langName)
	if err != nil {
		return nil, fmt.Errorf("rhetoric: %w", err)
	}
	opts.Language = lang

	a := &Analyzer{lex: lex, matcher: lex.Matcher(), lang: lang, ctaDev: -1,
		toks: map[tokenize.Language]*tokenize.Tokenizer{}, tokErrs: map[tokenize.Language]error{}}

	// Names only: Categories would copy every entry (megabytes for a large
	// lexicon), which cues reads through lex.Entry instead.
	cats := make([]lexicon.Category, lex.NumCategories())
	for i := range cats {
		cats[i].Name = lex.CategoryName(i)
	}
	a.cats = cats
	a.mods = lex.Modifiers()
	a.catDev = make([]int, len(cats))
	if opts.Devices == nil {
		for i, c := range cats {
			a.catDev[i] = len(a.devices)
			a.devices = append(a.devices, c.Name)
		}
	} else {
		want := make(map[string]bool, len(opts.Devices))
		for _, d := range opts.Devices {
			found := false
			for _, c := range cats {
				if c.Name == d {
					found = true
					break
				}
			}
			if !found {
				return nil, fmt.Errorf("%w: %q", ErrUnknownDevice, d)
			}
			want[d] = true
		}
		for i, c := range cats {
			a.catDev[i] = -1
			if want[c.Name] {
				a.catDev[i] = len(a.devices)
				a.devices = append(a.devices, c.Name)
			}
		}
		opts.Devices = append([]string(nil), opts.Devices...)
	}
	a.modScope = scopeOf(lex, a.mods, a.catDev, len(a.devices))
	a.hasBreach = slices.ContainsFunc(a.mods, func(m lexicon.Modifier) bool { return m.Kind == lexicon.Breach })
	opts.ExcludeSpeakers = append([]string(nil), opts.ExcludeSpeakers...)
	a.victimDev = make([]bool, len(a.devices))
	a.takesTarget = make([]bool, len(a.devices))
	for i, d := range a.devices {
		switch lex.Role(d) {
		case lexicon.RoleAppeal:
			if a.ctaDev < 0 {
				a.ctaDev = i
			}
			a.takesTarget[i] = true
		case lexicon.RoleVictim:
			a.victimDev[i] = true
			a.takesTarget[i] = true
		case lexicon.RoleTarget:
			a.takesTarget[i] = true
		}
	}
	for _, ac := range lex.Actors() {
		a.actors = append(a.actors, ac.Code)
		k := slices.Index(a.tcodes, ac.Code)
		if k < 0 {
			k = len(a.tcodes)
			a.tcodes = append(a.tcodes, ac.Code)
		}
		a.canon = append(a.canon, k)
	}
	for _, c := range []string{TargetOther, TargetNone} {
		k := slices.Index(a.tcodes, c)
		if k < 0 {
			k = len(a.tcodes)
			a.tcodes = append(a.tcodes, c)
		}
		if c == TargetOther {
			a.otherIdx = k
		} else {
			a.noneIdx = k
		}
	}
	a.fh = newFeatHashes(a.devices, a.actors, a.tcodes)
	if !opts.NoModel {
		a.model = opts.Model
		if a.model == nil {
			a.model = DefaultModel()
		}
	}
	a.mdev = make([]int, len(a.devices))
	a.modIdx = make([]int, len(a.devices))
	for i, d := range a.devices {
		a.mdev[i], a.modIdx[i] = -1, -1
		if a.model != nil {
			a.mdev[i] = slices.Index(a.model.devices, d)
			if a.mdev[i] >= 0 {
				a.modIdx[i] = len(a.modeled)
				a.modeled = append(a.modeled, modeledDevice{d: i, md: a.mdev[i]})
			}
		}
	}
	if a.model != nil {
		a.modOf = make([]int, len(a.model.devices))
		for md := range a.modOf {
			a.modOf[md] = -1
		}
		for x, dm := range a.modeled {
			a.modOf[dm.md] = x
		}
	}
	a.opts = opts

	// The tokenizer of the analyzer's language must work; the others are
	// built now too (tokenizers are cheap) so that Analyze never mutates the
	// analyzer, and their errors surface only for statements asking for them.
	for _, l := range tokenize.Languages() {
		t, err := tokenize.New(tokenize.Options{Language: l, Tag: opts.Tag, Entities: opts.Entities})
		if err != nil && l != lang && opts.Tag {
			// Tagging is optional enrichment: a statement in a language the
			// tagger does not know is analyzed untagged.
			t, err = tokenize.New(tokenize.Options{Language: l})
		}
		if err != nil {
			if l == lang {
				return nil, fmt.Errorf("rhetoric: %w", err)
			}
			a.tokErrs[l] = err
			continue
		}
		a.toks[l] = t
	}
	if a.toks[lang] == nil {
		return nil, fmt.Errorf("rhetoric: no tokenizer for language %q", lang)
	}
	a.grams = make(map[tokenize.Language]func() *grammar, len(tokenize.Languages()))
	lexLang := lex.Language()
	if lexLang == "" {
		lexLang = tokenize.English
	}
	for _, l := range tokenize.Languages() {
		var own []lexicon.WordClass
		if l == lexLang {
			own = lex.Grammar()
		}
		a.grams[l] = sync.OnceValue(func() *grammar { return newGrammar(l, own) })
	}
	a.pool.New = func() any { return new(scratch) }
	a.find = a.matcher.Find
	return a, nil
}

// Options returns the options in effect, with defaults filled in.
func (a *Analyzer) Options() Options {
	o := a.opts
	o.Devices = append([]string(nil), a.opts.Devices...)
	o.ExcludeSpeakers = append([]string(nil), a.opts.ExcludeSpeakers...)
	return o
}

// Devices returns the names of the reported devices in lexicon order.
func (a *Analyzer) Devices() []string { return append([]string(nil), a.devices...) }

// Lexicon returns the analyzer's lexicon.
func (a *Analyzer) Lexicon() *lexicon.Lexicon { return a.lex }

// admit checks a statement before it is tokenized (ctx not done, within
// Options.MaxBytes, valid UTF-8) and returns the tokenizer of its language.
// Analyze and Features share it, so both refuse the same statements.
func (a *Analyzer) admit(ctx context.Context, st Statement) (*tokenize.Tokenizer, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.opts.MaxBytes > 0 && len(st.Text) > a.opts.MaxBytes {
		return nil, fmt.Errorf("%w: statement %q has %d bytes, the limit is %d (Options.MaxBytes)",
			ErrTooLarge, st.ID, len(st.Text), a.opts.MaxBytes)
	}
	if !utf8.ValidString(st.Text) {
		return nil, fmt.Errorf("%w (statement %q)", ErrInvalidUTF8, st.ID)
	}
	return a.tokenizer(st.Language)
}

// Analyze analyzes one statement. Text longer than Options.MaxBytes is
// rejected with an error wrapping [ErrTooLarge]. Text that is not valid UTF-8 is rejected
// with an error wrapping [ErrInvalidUTF8] (hit texts must be exact substrings
// that survive JSON encoding); empty text gives a valid report with zero
// counts. Statement.Language, when set, overrides the analyzer's language;
// with Options.Tag, a statement in a language the tagger does not support
// (tagging is English only) is analyzed without tags.
// The error is non-nil also when ctx is done or part-of-speech tagging
// failed.
func (a *Analyzer) Analyze(ctx context.Context, st Statement) (*Report, error) {
	tok, err := a.admit(ctx, st)
	if err != nil {
		return nil, err
	}
	sc := a.pool.Get().(*scratch)
	defer a.pool.Put(sc)
	if err := tok.TokenizeInto(&sc.doc, st.Text); err != nil {
		return nil, fmt.Errorf("rhetoric: statement %q: %w", st.ID, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := a.report(&sc.doc, st, sc)
	sc.reset()
	return r, nil
}

func (a *Analyzer) tokenizer(name tokenize.Language) (*tokenize.Tokenizer, error) {
	if name == "" {
		return a.toks[a.lang], nil
	}
	l, err := tokenize.ParseLanguage(string(name))
	if err != nil {
		return nil, fmt.Errorf("rhetoric: %w", err)
	}
	if t := a.toks[l]; t != nil {
		return t, nil
	}
	if err := a.tokErrs[l]; err != nil {
		return nil, fmt.Errorf("rhetoric: language %q: %w", l, err)
	}
	return nil, fmt.Errorf("rhetoric: no tokenizer for language %q", l)
}

// AnalyzeDocument analyzes an already tokenized document (for callers that
// tokenize once and analyze with several lexicons). The statement supplies
// the identity fields of the report; its Text is ignored in favour of
// doc.Text. doc must come from a tokenize.Tokenizer (possibly with edited
// tags or entities): its sentences must cover every token; a document
// that breaks this is a programming error and may panic.
func (a *Analyzer) AnalyzeDocument(doc *tokenize.Document, st Statement) *Report {
	sc := a.pool.Get().(*scratch)
	r := a.report(doc, st, sc)
	sc.reset()
	a.pool.Put(sc)
	return r
}

// Result is one element of [Analyzer.AnalyzeAll]: the report of the
// statement at Index in the input, or the error analyzing it. It is plain
// data.
type Result struct {
	Index  int     // position of the statement in the input, from 0
	Report *Report // the report; nil when Err is set
	Err    error   // the error analyzing the statement, which it names
}

// AnalyzeAll analyzes a stream of statements in parallel and yields the
// results in input order, holding a bounded number in memory. It stops
// early when ctx is cancelled (the last Result carries ctx.Err()) or when
// the consumer stops iterating.
//
// Options.Workers goroutines analyze; one more goroutine ranges over in
// (which must therefore tolerate being iterated from another goroutine, as
// any ordinary sequence does); a nil in is an empty stream. At most
// 4*Workers statements are read ahead of the consumer. When the iteration ends, early or not, every goroutine
// has exited; this means a stopped iteration waits for in to produce its
// next statement (or end), so in should not block indefinitely.
// An error for one statement (such as invalid UTF-8) is reported in its
// Result and the stream goes on.
func (a *Analyzer) AnalyzeAll(ctx context.Context, in iter.Seq[Statement]) iter.Seq[Result] {
	return ordered.Map(ctx, a.opts.Workers, in, ordered.Funcs[Statement, Result]{
		Do: func(ctx context.Context, i int, st Statement) Result {
			r, err := a.Analyze(ctx, st)
			return Result{Index: i, Report: r, Err: err}
		},
		Stopped: func(i int, err error) Result { return Result{Index: i, Err: err} },
		Err:     func(r Result) error { return r.Err },
	})
}
