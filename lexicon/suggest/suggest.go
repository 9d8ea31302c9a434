package suggest

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/lexicon/suggest/wordnet"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Kind says what shape of pattern a [Cue] is.
type Kind uint8

// The kinds of cue.
const (
	WordCue   Kind = iota // one word: its normal form (aggression)
	StemCue               // a stem: ~word matches every inflection (~accuse)
	PhraseCue             // two or three consecutive words (bear responsibility)
	GapCue                // word, any one word, word (hold _ accountable)
)

var kindNames = [...]string{"word", "stem", "phrase", "gap"}

// String returns "word", "stem", "phrase" or "gap".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Cue is one candidate cue of a device with its statistics on the
// annotated sentences. It is plain data.
type Cue struct {
	Pattern string `json:"pattern"` // in .lex pattern syntax
	Kind    Kind   `json:"kind"`
	// Support is the number of sentences with the device that contain the cue.
	Support int `json:"support"`
	// Count is the number of sentences that contain the cue.
	Count int `json:"count"`
	// Precision is Support / Count: the share of the cue's sentences that
	// have the device.
	Precision float64 `json:"precision"`
	// LogOdds is the log-odds ratio of a sentence containing the cue, with
	// the device against without it, under an informative Dirichlet prior;
	// Z is its z-score (see [Suggest]).
	LogOdds float64 `json:"log_odds"`
	Z       float64 `json:"z"`
	// New is the number of sentences with the device that contain the cue
	// and where no entry of the device's category in Options.Lexicon
	// matches; -1 without a lexicon.
	New int `json:"new"`
	// InLexicon is true when Options.Lexicon already has this pattern in
	// the device's category.
	InLexicon bool `json:"in_lexicon"`
	// WordNet says how a cue of Device.WordNet relates to an entry of the
	// lexicon: "synonym of ~blame", "similar to pernicious"; "" for the
	// cues found in the data alone.
	WordNet string `json:"wordnet,omitempty"`
}

// Device is the ranked candidate cues of one device.
type Device struct {
	Name        string `json:"device"`
	Description string `json:"description,omitempty"` // from Options.Lexicon
	Sentences   int    `json:"sentences"`             // sentences annotated with the device
	Cues        []Cue  `json:"cues"`                  // by Z, largest first, then by pattern
	// WordNet are the candidates Options.WordNet proposes that Cues lacks,
	// ordered as Cues (see [Suggest]).
	WordNet []Cue `json:"wordnet,omitempty"`
	// WordNetLemmas is the number of distinct lemmas Options.WordNet
	// relates to the category's one-word cues that the category does not
	// match, before the data is consulted.
	WordNetLemmas int `json:"wordnet_lemmas,omitempty"`
}

// Result is the outcome of [Suggest]. It is plain data.
type Result struct {
	Sentences int      `json:"sentences"` // annotated sentences read
	Prior     float64  `json:"prior"`     // a0, the prior size in sentences
	Language  string   `json:"language"`
	Devices   []Device `json:"devices"`
}

// Options configure [Suggest]. The zero value means every device of the
// data, no lexicon, English, and the defaults below.
type Options struct {
	// Devices limits the result to these devices, in this order; empty
	// means every device of Lexicon (in its order) and then every other
	// device found in the data (sorted).
	Devices []string
	// Lexicon, when set, marks cues its categories already hold, counts the
	// sentences a cue would add (Cue.New), gives the language and the
	// descriptions. Cues that hold nothing new are still listed.
	Lexicon *lexicon.Lexicon
	// Language of the text when Lexicon is nil; "" means English.
	Language tokenize.Language
	// MinSupport is the least Cue.Support kept; 0 means 3.
	MinSupport int
	// MinPrecision is the least Cue.Precision kept; 0 means the device's
	// share of all sentences (a cue must be better than chance).
	MinPrecision float64
	// MinZ is the least Cue.Z kept; 0 means 1.96.
	MinZ float64
	// Max is the most cues kept per device; 0 means 40, < 0 no limit.
	Max int
	// Prior is a0, the size of the prior in sentences; 0 means 100.
	Prior float64
	// WordNet, with a Lexicon, proposes synonyms of the lexicon's one-word
	// cues as candidates too (Device.WordNet), each validated on the data
	// like the others; nil proposes none.
	WordNet *wordnet.WordNet
}

// Defaults of [Options].
const (
	DefaultMinSupport = 3
	DefaultMinZ       = 1.96
	DefaultMax        = 40
	DefaultPrior      = 100
)

// ErrNoData is returned when there is nothing to learn from.
var ErrNoData = errors.New("suggest: no annotated sentences")

// candidate is one pattern seen in the data with its sentence counts.
type candidate struct {
	pattern string
	kind    Kind
	parts   []int32 // candidate indexes of its words (phrases and gaps)
	stem    int32   // candidate index of the stem of a word, or -1
	count   int32
	dev     []int32 // sentences with the cue, per device
	newDev  []int32 // of those, sentences where the lexicon's category has no match
}

// Suggest ranks candidate cues for each device from annotated sentences.
//
// Every sentence is tokenized with the project's tokenizer, so a cue is in
// the normal form the lexicon matches. The candidates of a sentence are its
// words (not numbers or punctuation), the stems of words seen in two or
// more forms in the data (written ~form with the most frequent form), its
// runs of two and three words not broken by punctuation, and word _ word
// patterns of two content words with any one word or number between. A phrase, gap pattern or
// lone word made only of function words and mentions of the lexicon's
// actors is not a candidate: "russia" is who is blamed, not a cue of
// blame; nor is a word written with a capital inside a sentence more than
// twice as often as without (a name: Donbas, Charter), or a phrase with
// one. A cue counts once per sentence.
//
// For device d with n_a sentences (and n_b = N - n_a without it), a cue in
// y_a of them and y_b of the others has the log-odds ratio of Monroe,
// Colaresi and Quinn (2008) with an informative Dirichlet prior of a0
// pseudo-sentences at the pooled rate, alpha = a0 (y_a+y_b) / N:
//
//	delta = log((y_a+alpha)/(n_a+a0-y_a-alpha)) - log((y_b+alpha)/(n_b+a0-y_b-alpha))
//	z     = delta / sqrt(1/(y_a+alpha) + 1/(y_b+alpha))
//
// the formula of rhetoric.CompareWith with sentences in place of words. A
// cue is kept when its support, precision and z reach the Options; a word
// is dropped when its stem is kept with about the same precision (within
// 0.05), and a phrase
// or gap pattern when one of its words is kept with about the same
// precision (the longer pattern adds nothing). The rest are ranked by z.
func Suggest(items []Item, opts Options) (Result, error) {
	if len(items) == 0 {
		return Result{}, ErrNoData
	}
	lang := opts.Language
	if opts.Lexicon != nil {
		lang = opts.Lexicon.Language()
	}
	tok, err := tokenize.New(tokenize.Options{Language: lang})
	if err != nil {
		return Result{}, fmt.Errorf("suggest: %w", err)
	}
	lang = tok.Options().Language
	a0 := opts.Prior
	if !(a0 > 0) || math.IsInf(a0, 0) {
		a0 = DefaultPrior
	}
	minSup := cmp.Or(max(opts.MinSupport, 0), DefaultMinSupport)
	minZ := opts.MinZ
	if minZ == 0 {
		minZ = DefaultMinZ
	}
	maxN := cmp.Or(opts.Max, DefaultMax)

	devs, descs, err := deviceList(items, opts)
	if err != nil {
		return Result{}, err
	}
	devIndex := make(map[string]int, len(devs))
	for i, d := range devs {
		devIndex[d] = i
	}
	// The lexicon's category index of each device, or -1.
	lexCat := make([]int, len(devs))
	for i, d := range devs {
		lexCat[i] = -1
		if opts.Lexicon != nil {
			lexCat[i] = opts.Lexicon.CategoryIndex(d)
		}
	}

	c := collector{index: map[string]int32{}, nDev: len(devs), stems: map[string]*stemForms{},
		capital: map[string]int{}, lower: map[string]int{}}
	nWith := make([]int, len(devs))
	var doc tokenize.Document
	var matches []lexicon.Match
	hasDev := make([]bool, len(devs))
	lexHit := make([]bool, len(devs))
	var actor []bool
	for _, it := range items {
		if err := tok.TokenizeInto(&doc, it.Text); err != nil {
			return Result{}, fmt.Errorf("suggest: %s: %w", it.ID, err)
		}
		clear(hasDev)
		for _, d := range it.Devices {
			if i, ok := devIndex[d]; ok && !hasDev[i] {
				hasDev[i] = true
				nWith[i]++
			}
		}
		clear(lexHit)
		actor = slices.Grow(actor[:0], len(doc.Tokens))[:len(doc.Tokens)]
		clear(actor)
		if opts.Lexicon != nil {
			matches = opts.Lexicon.Matcher().Find(&doc, matches[:0])
			for _, m := range matches {
				if m.Kind == lexicon.ActorMatch && !m.Part {
					for j := m.First; j < m.Last && j < len(actor); j++ {
						actor[j] = true
					}
				}
				if m.Kind != lexicon.CategoryMatch {
					continue
				}
				for i, ci := range lexCat {
					if ci == m.Index {
						lexHit[i] = true
					}
				}
			}
		}
		c.sentence(doc.Tokens, actor, hasDev, lexHit)
	}
	c.finishStems()
	c.dropNames()

	res := Result{Sentences: len(items), Prior: a0, Language: string(lang)}
	n := float64(len(items))
	cues := make([]Cue, len(c.cands)) // per candidate, reused for every device
	keep := make([]bool, len(c.cands))
	for di, d := range devs {
		dv := Device{Name: d, Description: descs[di], Sentences: nWith[di]}
		minP := opts.MinPrecision
		if minP == 0 {
			minP = float64(nWith[di]) / n
		}
		na, nb := float64(nWith[di]), n-float64(nWith[di])
		clear(cues)
		clear(keep)
		for ci := range c.cands {
			cd := &c.cands[ci]
			if cd.count == 0 {
				continue
			}
			ya, yb := float64(cd.dev[di]), float64(cd.count-cd.dev[di])
			lo, z := logOdds(ya, na, yb, nb, a0)
			cue := Cue{Pattern: cd.pattern, Kind: cd.kind, Support: int(cd.dev[di]), Count: int(cd.count),
				Precision: ya / float64(cd.count), LogOdds: lo, Z: z, New: -1}
			if opts.Lexicon != nil {
				cue.New = int(cd.newDev[di])
			}
			cues[ci] = cue
			keep[ci] = cue.Support >= minSup && cue.Precision >= minP && cue.Z >= minZ
		}
		// Prefer the general form: stems over words, words over phrases.
		for ci := range c.cands {
			cd := &c.cands[ci]
			if !keep[ci] {
				continue
			}
			switch cd.kind {
			case WordCue:
				if s := cd.stem; s >= 0 && keep[s] && cues[s].Precision >= cues[ci].Precision-0.05 {
					keep[ci] = false
				}
			case PhraseCue, GapCue:
				for _, p := range cd.parts {
					if keep[p] && cues[p].Precision >= cues[ci].Precision-0.05 {
						keep[ci] = false
					}
					if s := c.cands[p].stem; s >= 0 && keep[s] && cues[s].Precision >= cues[ci].Precision-0.05 {
						keep[ci] = false
					}
				}
			}
		}
		for ci := range cues {
			if keep[ci] {
				dv.Cues = append(dv.Cues, cues[ci])
			}
		}
		slices.SortFunc(dv.Cues, func(x, y Cue) int {
			if c := cmp.Compare(y.Z, x.Z); c != 0 {
				return c
			}
			return strings.Compare(x.Pattern, y.Pattern)
		})
		if maxN > 0 && len(dv.Cues) > maxN {
			dv.Cues = dv.Cues[:maxN]
		}
		if ci := lexCat[di]; ci >= 0 {
			markInLexicon(dv.Cues, opts.Lexicon, ci)
			if opts.WordNet != nil {
				wc := wordNetCues{wn: opts.WordNet, lex: opts.Lexicon, cat: ci, tok: tok, c: &c, cues: cues,
					minSup: minSup, minP: minP}
				dv.WordNet = wc.propose(dv.Cues)
				dv.WordNetLemmas = wc.lemmas
			}
		}
		res.Devices = append(res.Devices, dv)
	}
	return res, nil
}

// logOdds is the log-odds ratio with an informative Dirichlet prior and its
// z-score (see [Suggest]); 0, 0 when the cue is never seen or degenerate.
func logOdds(ya, na, yb, nb, a0 float64) (delta, z float64) {
	if ya+yb == 0 || na+nb == 0 {
		return 0, 0
	}
	alpha := a0 * (ya + yb) / (na + nb)
	ra, rb := na+a0-ya-alpha, nb+a0-yb-alpha
	if ra <= 0 || rb <= 0 {
		return 0, 0
	}
	delta = math.Log((ya+alpha)/ra) - math.Log((yb+alpha)/rb)
	return delta, delta / math.Sqrt(1/(ya+alpha)+1/(yb+alpha))
}

// deviceList returns the devices to rank and their descriptions.
func deviceList(items []Item, opts Options) ([]string, []string, error) {
	seen := map[string]bool{}
	for _, it := range items {
		for _, d := range it.Devices {
			seen[d] = true
		}
	}
	desc := func(d string) string {
		if opts.Lexicon != nil {
			if c, ok := opts.Lexicon.Category(d); ok {
				return c.Description
			}
		}
		return ""
	}
	var devs []string
	if len(opts.Devices) > 0 {
		for _, d := range opts.Devices {
			if !seen[d] {
				return nil, nil, fmt.Errorf("suggest: no annotated sentence has the device %q", d)
			}
			if !slices.Contains(devs, d) {
				devs = append(devs, d)
			}
		}
	} else {
		if opts.Lexicon != nil {
			for _, c := range opts.Lexicon.Categories() {
				if seen[c.Name] {
					devs = append(devs, c.Name)
				}
			}
		}
		var rest []string
		for d := range seen {
			if !slices.Contains(devs, d) && d != "" {
				rest = append(rest, d)
			}
		}
		slices.Sort(rest)
		devs = append(devs, rest...)
	}
	if len(devs) == 0 {
		return nil, nil, errors.New("suggest: no annotated sentence has a device")
	}
	descs := make([]string, len(devs))
	for i, d := range devs {
		descs[i] = desc(d)
	}
	return devs, descs, nil
}

// markInLexicon sets InLexicon on the cues whose pattern is an entry of the
// lexicon's category ci (compared in the lexicon's canonical spelling).
func markInLexicon(cues []Cue, lex *lexicon.Lexicon, ci int) {
	have := map[string]bool{}
	for j := range lex.NumEntries(ci) {
		have[lex.Entry(ci, j).Pattern] = true
	}
	for i := range cues {
		cues[i].InLexicon = have[cues[i].Pattern]
	}
}
