package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// hitRow is one row of --format hits: a hit with its statement and
// sentence, so that a reader can check and quote every hit in a
// spreadsheet.
type hitRow struct {
	ID       string            `json:"id"`
	Speaker  string            `json:"speaker"`
	Date     string            `json:"date,omitempty"`
	Meta     map[string]string `json:"meta,omitempty"` // the --meta-cols keys
	Sentence int               `json:"sentence"`
	// SentenceText is the sentence's text, line breaks and runs of white
	// space folded to one space.
	SentenceText  string  `json:"sentence_text"`
	Device        string  `json:"device"`
	Entry         string  `json:"entry"`
	Text          string  `json:"text"`
	Start         int     `json:"start"` // byte offsets in the statement's text
	End           int     `json:"end"`
	BodyOffset    int     `json:"body_offset,omitempty"` // add to Start/End to index the file (decoded to UTF-8 when UTF-16)
	Weight        float64 `json:"weight"`
	Negated       bool    `json:"negated"`
	NegatedBy     string  `json:"negated_by,omitempty"` // the modifier words, "; "-separated
	Intensified   bool    `json:"intensified"`
	IntensifiedBy string  `json:"intensified_by,omitempty"`
	Hedged        bool    `json:"hedged"`
	HedgedBy      string  `json:"hedged_by,omitempty"`
	Target        string  `json:"target"`
	TargetRule    string  `json:"target_rule,omitempty"`
	// Source is whose move the hit is (the reported speaker of a reported
	// move, else Speaker), SourceActor its actor code; Reported and
	// Disputed as in rhetoric.Hit; Counted is false for a negated,
	// disputed or excluded hit.
	Source      string `json:"source,omitempty"`
	SourceActor string `json:"source_actor,omitempty"`
	Reported    bool   `json:"reported"`
	Disputed    bool   `json:"disputed"`
	Counted     bool   `json:"counted"`
}

// hitColumns is the CSV header of --format hits, before the --meta-cols.
var hitColumns = []string{"id", "speaker", "date", "sentence", "sentence_text", "device", "entry", "text",
	"start", "end", "body_offset", "weight", "negated", "negated_by", "intensified", "intensified_by",
	"hedged", "hedged_by", "target", "target_rule", "source", "source_actor", "reported", "disputed", "counted"}

// newHitRows returns the rows of r's hits; text is the statement's text
// (sentence texts are empty without it) and metaCols the metadata keys to
// carry.
func newHitRows(r *rhetoric.Report, text string, metaCols []string) []hitRow {
	rows := make([]hitRow, 0, len(r.Hits))
	var meta map[string]string
	if len(metaCols) > 0 {
		meta = make(map[string]string, len(metaCols))
		for _, k := range metaCols {
			meta[k] = metaValue(r, k)
		}
	}
	for _, h := range r.Hits {
		row := hitRow{ID: r.ID, Speaker: r.Speaker, Date: r.Date, Meta: meta, Sentence: h.Sentence,
			Device: h.Device, Entry: h.Entry, Text: h.Text, Start: h.Start, End: h.End, BodyOffset: r.BodyOffset,
			Weight: h.Weight, Negated: h.Negated, Intensified: h.Intensified, Hedged: h.Hedged,
			Target: h.Target, TargetRule: string(h.TargetRule),
			Source: h.Source, SourceActor: h.SourceActor, Reported: h.Reported, Disputed: h.Disputed, Counted: h.Counts()}
		if h.Speaker != "" {
			row.Speaker = h.Speaker // the speaker of the hit's turn in a transcript
		}
		if h.Sentence >= 0 && h.Sentence < len(r.Spans) {
			sp := r.Spans[h.Sentence]
			if sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) {
				row.SentenceText = oneLine(text[sp.Start:sp.End])
			}
		}
		row.NegatedBy = modifierWords(h.Modifiers, lexicon.Negator)
		row.IntensifiedBy = modifierWords(h.Modifiers, lexicon.Intensifier)
		row.HedgedBy = modifierWords(h.Modifiers, lexicon.Hedge)
		rows = append(rows, row)
	}
	return rows
}

// metaValue returns a report's value for a metadata key; speaker, id and
// date are read from their fields.
func metaValue(r *rhetoric.Report, key string) string {
	switch key {
	case "speaker":
		return r.Speaker
	case "id":
		return r.ID
	case "date":
		return r.Date
	}
	return r.Meta[key]
}

// modifierWords joins the texts of the modifiers of one kind.
func modifierWords(ms []rhetoric.Modifier, kind lexicon.ModifierKind) string {
	var parts []string
	for _, m := range ms {
		if m.Kind == kind {
			parts = append(parts, m.Text)
		}
	}
	return strings.Join(parts, "; ")
}

// oneLine folds every run of white space (line breaks included) to one
// space and trims the ends.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// hitsSink writes one row per hit, as CSV or JSON Lines.
type hitsSink struct {
	w        *bufio.Writer
	csv      *csv.Writer // nil for JSON Lines
	metaCols []string
	header   bool
}

func newHitsSink(w *bufio.Writer, jsonl bool, metaCols []string) *hitsSink {
	s := &hitsSink{w: w, metaCols: metaCols}
	if !jsonl {
		s.csv = csv.NewWriter(w)
	}
	return s
}

func (s *hitsSink) writeHeader() error {
	s.header = true
	return s.csv.Write(append(append([]string(nil), hitColumns...), s.metaCols...))
}

func (s *hitsSink) report(r *rhetoric.Report, text string) error {
	rows := newHitRows(r, text, s.metaCols)
	if s.csv == nil {
		for i := range rows {
			b, err := json.Marshal(&rows[i])
			if err != nil {
				return err
			}
			s.w.Write(b)
			if err := s.w.WriteByte('\n'); err != nil {
				return err
			}
		}
		return nil
	}
	if !s.header {
		if err := s.writeHeader(); err != nil {
			return err
		}
	}
	for i := range rows {
		if err := s.csv.Write(hitRecord(&rows[i], s.metaCols)); err != nil {
			return err
		}
	}
	return nil
}

// hitRecord is a row's CSV record, in the order of hitColumns then the
// metadata columns.
func hitRecord(h *hitRow, metaCols []string) []string {
	rec := []string{h.ID, h.Speaker, h.Date, strconv.Itoa(h.Sentence), h.SentenceText, h.Device, h.Entry, h.Text,
		strconv.Itoa(h.Start), strconv.Itoa(h.End), strconv.Itoa(h.BodyOffset),
		strconv.FormatFloat(h.Weight, 'g', -1, 64), strconv.FormatBool(h.Negated), h.NegatedBy,
		strconv.FormatBool(h.Intensified), h.IntensifiedBy, strconv.FormatBool(h.Hedged), h.HedgedBy,
		h.Target, h.TargetRule, h.Source, h.SourceActor, strconv.FormatBool(h.Reported), strconv.FormatBool(h.Disputed),
		strconv.FormatBool(h.Counted)}
	for _, k := range metaCols {
		rec = append(rec, h.Meta[k])
	}
	return rec
}

func (s *hitsSink) finish() error {
	if s.csv == nil {
		return nil
	}
	if !s.header {
		if err := s.writeHeader(); err != nil {
			return err
		}
	}
	s.csv.Flush()
	return s.csv.Error()
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
