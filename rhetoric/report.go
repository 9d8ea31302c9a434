package rhetoric

import (
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Statement is one text to analyze, with who said it and when. It is a
// plain value: the zero value is an empty statement (a valid input), and it
// is safe to read from several goroutines.
type Statement struct {
	ID       string            `json:"id"`                 // names the statement in reports and errors
	Speaker  string            `json:"speaker,omitempty"`  // who speaks: the source of the moves outside transcript turns
	Date     string            `json:"date,omitempty"`     // free form; ISO 8601 recommended
	Language tokenize.Language `json:"language,omitempty"` // overrides Options.Language when set
	Meta     map[string]string `json:"meta,omitempty"`     // any other metadata (country, venue, ...)
	Text     string            `json:"text"`               // the text to analyze (UTF-8)
	// BodyOffset is the byte offset of Text in the file it was read from
	// (after a Markdown front matter block, or a byte order mark), so that
	// a hit's Start + BodyOffset indexes the file; 0 when Text is the whole
	// file or did not come from one. For a UTF-16 file it indexes the file
	// decoded to UTF-8 (without its byte order mark), not the file's bytes.
	BodyOffset int `json:"body_offset,omitempty"`
}

// Report is the analysis of one [Statement]. Its JSON encoding is the
// stable contract documented in the package doc. A Report is plain data:
// the zero value is an empty report, and it is safe for concurrent reads.
type Report struct {
	ID      string            `json:"id"`             // Statement.ID
	Speaker string            `json:"speaker"`        // Statement.Speaker
	Date    string            `json:"date,omitempty"` // Statement.Date
	Meta    map[string]string `json:"meta,omitempty"` // Statement.Meta
	// BodyOffset is [Statement.BodyOffset]: add it to a hit's Start and End
	// to index the statement's file rather than its text (for a UTF-16
	// file, the file decoded to UTF-8).
	BodyOffset int           `json:"body_offset,omitempty"`
	Words      int           `json:"words"`     // word tokens
	Tokens     int           `json:"tokens"`    // all tokens, punctuation included
	Sentences  int           `json:"sentences"` // sentences; Spans holds each one
	Devices    []DeviceScore `json:"devices"`   // one score per lexicon category, in lexicon order
	Hits       []Hit         `json:"hits"`      // every cue found, in text order
	Spans      []Span        `json:"spans"`     // the sentences, in text order
	// Turns are the speaker turns of a transcript (see [Options].TurnLabel),
	// in text order; empty when the text has no speaker label. Words and
	// Sentences above then count only the turns that are not excluded.
	Turns []Turn `json:"turns,omitempty"`
}

// Hit is one framing cue found in a statement. It is plain data; the zero
// value is meaningless but harmless.
type Hit struct {
	Device      string     `json:"device"`              // the lexicon category of the entry
	Entry       string     `json:"entry"`               // the lexicon entry as written
	Text        string     `json:"text"`                // the matched text, Statement.Text[Start:End]
	Start       int        `json:"start"`               // byte offset of the match in Statement.Text
	End         int        `json:"end"`                 // byte offset just after it
	Sentence    int        `json:"sentence"`            // index of its sentence in Report.Spans
	Weight      float64    `json:"weight"`              // entry weight after intensifiers and hedges
	Negated     bool       `json:"negated"`             // a negator cancels the cue; it does not count
	Intensified bool       `json:"intensified"`         // an intensifier strengthens it
	Hedged      bool       `json:"hedged"`              // a hedge weakens it
	Modifiers   []Modifier `json:"modifiers,omitempty"` // the modifier tokens that applied
	Target      string     `json:"target"`              // actor code, or NONE
	// TargetRule names the rule that found the target (see the package
	// doc): inside, accused, agent, possessive, object, subject, nearest or entity;
	// empty for NONE.
	TargetRule TargetRule `json:"target_rule,omitempty"`

	// Speaker is who speaks where the hit is: the speaker of its turn in a
	// transcript, else the statement's speaker.
	Speaker string `json:"speaker,omitempty"`
	// Source is whose move the hit is: for a reported move ("Lavrov
	// accused the West of ...", "according to Kyiv") the reported speaker
	// as written, else Speaker. SourceActor is the actor code that Source
	// names through the lexicon's actors, if any.
	Source      string `json:"source,omitempty"`
	SourceActor string `json:"source_actor,omitempty"`
	// Reported marks a move that the speaker reports rather than makes;
	// Disputed a reported claim that the speaker rejects ("baseless claims
	// that ..."): it is not the speaker's move and does not count.
	Reported bool `json:"reported,omitempty"`
	Disputed bool `json:"disputed,omitempty"`
	// Excluded marks a hit in a turn whose speaker Options.ExcludeSpeakers
	// names: shown, but not counted.
	Excluded bool `json:"excluded,omitempty"`
}

// Counts reports whether the hit counts toward scores and decisions as a
// move of its source: it is not negated, not disputed and not in an
// excluded turn.
func (h *Hit) Counts() bool { return !h.Negated && !h.Disputed && !h.Excluded }

// Modifier is a modifier that applied to a [Hit]: a match of a
// [lexicon.Modifier] in the text. It is plain data.
type Modifier struct {
	// Kind is lexicon.Negator, lexicon.Intensifier or lexicon.Hedge; JSON
	// carries its name ("negator", "intensifier", "hedge").
	Kind  lexicon.ModifierKind `json:"kind"`
	Text  string               `json:"text"`  // the modifier's words as matched
	Start int                  `json:"start"` // byte span in Statement.Text
	End   int                  `json:"end"`
}

// DeviceScore sums the hits of one device in a report or profile (formulas
// in the package doc). It is plain data; the zero value is a device without
// hits.
type DeviceScore struct {
	Device    string        `json:"device"`    // the lexicon category
	Hits      int           `json:"hits"`      // non-negated hits
	Negated   int           `json:"negated"`   // negated hits
	Weight    float64       `json:"weight"`    // summed weight of non-negated hits
	Per1K     float64       `json:"per_1k"`    // Hits per 1,000 words
	Share     float64       `json:"share"`     // Hits / all non-negated device hits
	Coverage  float64       `json:"coverage"`  // share of sentences with a non-negated hit
	Intensity float64       `json:"intensity"` // in [0,1]; see the package doc
	Targets   []TargetCount `json:"targets"`   // targets of non-negated hits, by count desc then code

	// Raw counts behind the rates, so that reports can be summed.
	Intensified      int `json:"intensified"` // non-negated hits with an intensifier
	Hedged           int `json:"hedged"`      // non-negated hits with a hedge
	CoveredSentences int `json:"covered"`     // sentences with a non-negated hit
	// Detected is the number of sentences that perform the device by the
	// analyzer's decision (the model's when on): the sentences whose
	// Span.Devices list it.
	Detected int `json:"detected"`
}

// TargetCount is how many hits of a device target an actor. It is plain data.
type TargetCount struct {
	Actor string `json:"actor"` // an actor code, OTHER or NONE
	Count int    `json:"count"` // hits with that target
}

// Span is one sentence of a report and the devices performed in it. It is
// plain data.
type Span struct {
	Start int `json:"start"` // byte span of the sentence in Statement.Text
	End   int `json:"end"`
	// Devices are the devices the sentence performs, by the analyzer's
	// decision: the model's with the learned layer on, else the devices
	// with a non-negated hit. Lexicon order.
	Devices []string `json:"devices"`
	// Speaker is the speaker of the sentence's turn (see Hit.Speaker).
	Speaker  string `json:"speaker,omitempty"`
	Excluded bool   `json:"excluded,omitempty"` // the sentence's turn is excluded
	// Targets maps each device of Devices that names a target (its role is
	// victim, appeal or target: blame, sovereignty, call_to_action, threat,
	// solidarity, delegitimization and hypocrisy in the default lexicon) to
	// an actor code or NONE (see the package doc).
	Targets map[string]string `json:"targets,omitempty"`
	// Scores explain the model's decision, for every device it decided and
	// every device with a hit in the sentence (lexicon order); empty
	// without a model.
	Scores []Prob `json:"scores,omitempty"`
}

// Prob is the model's probability that a sentence performs a device, and
// the features that weighed most in it. It is plain data.
type Prob struct {
	Device  string   `json:"device"`  // the device
	P       float64  `json:"p"`       // the probability, rounded to 4 decimals
	Because []Reason `json:"because"` // up to five features with the largest |weight|, largest first
}

// Reason is one feature of a sentence and its weight in a device's model
// (positive for, negative against), with the byte span of the text that
// produced it. It is plain data.
type Reason struct {
	Feature string  `json:"feature"` // the feature name (see the package doc)
	Weight  float64 `json:"weight"`  // its contribution to the log-odds
	Start   int     `json:"start"`   // byte span of the text that produced it
	End     int     `json:"end"`
}
