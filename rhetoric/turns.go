package rhetoric

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker turns
//
// A statement may be a transcript: lines that open with a speaker label
// ("THE PRESIDENT:", "SECRETARY BLINKEN:", "MR. LAVROV:", "Q", "Q:",
// "**MODERATOR:**") begin a turn of that speaker, which runs to the next
// label. The text before the first label, unless blank, belongs to the statement's
// speaker. The turns stage finds the labels line by line, before
// tokenizing matters: it never looks at tokens, so a user's label pattern
// (Options.TurnLabel, a regular expression) costs one match per line, not
// per token.
//
// The built-in rule accepts, after optional
// blanks, "> " and "**" or "__": a label of one to eight words written in
// capitals (letters, digits and . ' ’ - &), then an optional closing ** or
// __, a colon, and white space or the line's end; or the single letter Q
// followed by a colon or by white space (the White House's "Q    Mr.
// President, ...", or "Q Is NATO to blame?", where a word with a lower-case
// letter follows the Q). A label needs two letters unless it is Q. Lower-case
// words ("Note:", "Source:") and numbers ("5:48 P.M.") are never labels.

// Turn is one speaker's turn in a transcript (see [Options].TurnLabel). It
// is plain data.
type Turn struct {
	Speaker   string `json:"speaker"`   // the label as written, without colon and markup
	Start     int    `json:"start"`     // byte offset of the label
	End       int    `json:"end"`       // byte offset of the next label, or the text's end
	Words     int    `json:"words"`     // words in the turn
	Sentences int    `json:"sentences"` // sentences that start in the turn
	// Excluded is true when Options.ExcludeSpeakers names the speaker: the
	// turn's hits and words do not count toward the scores.
	Excluded bool `json:"excluded,omitempty"`
}

// turnSpan is a turn found by the turns stage; the statement's own text
// before the first label is a turnSpan too (label false).
type turnSpan struct {
	start, end int
	// body is where the turn's text begins after its label (the label,
	// colon and emphasis markers); start for the unlabelled first turn.
	body     int
	speaker  string
	excluded bool
	label    bool
	// self is the speaker's side: the index in Analyzer.tcodes of the
	// actor the speaker resolves to (see Analyzer.speakerActor), or -1.
	// The stages set it once per turn.
	self int
}

// findTurns returns the turns of text, or nil when it has no speaker label.
func (a *Analyzer) findTurns(text, speaker string, dst []turnSpan) []turnSpan {
	dst = dst[:0]
	if a.opts.NoTurns {
		return dst
	}
	for at := 0; at < len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		line := text[at:end]
		var (
			who  string
			body int
		)
		if a.opts.TurnLabel != nil {
			who, body = regexpLabel(a.opts.TurnLabel, line)
		} else {
			who, body = defaultLabel(line)
		}
		if who != "" {
			if len(dst) == 0 && strings.TrimSpace(text[:at]) != "" {
				dst = append(dst, turnSpan{start: 0, body: 0, speaker: speaker})
			}
			if len(dst) > 0 {
				dst[len(dst)-1].end = at
			}
			dst = append(dst, turnSpan{start: at, body: at + body, speaker: who, label: true})
		}
		at = end + 1
	}
	if len(dst) == 0 {
		return dst
	}
	dst[len(dst)-1].end = len(text)
	for i := range dst {
		dst[i].excluded = a.excludedSpeaker(dst[i].speaker)
	}
	return dst
}

// excludedSpeaker reports whether Options.ExcludeSpeakers names s (case
// and surrounding blanks, dots and colons ignored).
func (a *Analyzer) excludedSpeaker(s string) bool {
	for _, x := range a.opts.ExcludeSpeakers {
		if strings.EqualFold(speakerKey(x), speakerKey(s)) {
			return true
		}
	}
	return false
}

func speakerKey(s string) string { return strings.Trim(s, " \t.:*_") }

// regexpLabel applies a user's label pattern to the start of line: the
// match must begin at the line's first byte; its first group, or else the
// whole match, is the speaker, and the turn's text begins after the whole
// match.
func regexpLabel(re *regexp.Regexp, line string) (speaker string, body int) {
	m := re.FindStringSubmatchIndex(line)
	if m == nil || m[0] != 0 {
		return "", 0
	}
	s := line[m[0]:m[1]]
	if len(m) >= 4 && m[2] >= 0 {
		s = line[m[2]:m[3]]
	}
	if speaker = speakerKey(strings.TrimSpace(s)); speaker == "" {
		return "", 0
	}
	return speaker, m[1]
}

// defaultLabel is the built-in rule (see DefaultTurnLabel): it returns the
// speaker of a line that opens with a label and the offset in line where
// the turn's text begins (after the label, its colon and emphasis
// markers), else "" and 0.
func defaultLabel(line string) (speaker string, body int) {
	i := 0
	skip := func() {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
	}
	skip()
	if i < len(line) && line[i] == '>' {
		i++
		skip()
	}
	if strings.HasPrefix(line[i:], "**") || strings.HasPrefix(line[i:], "__") {
		i += 2
	}
	start, labelEnd := i, i
	firstEnd := i // the end of the label's first word, once a blank follows it
	letters, words := 0, 1
	space := false // the previous rune was a blank
	for i < len(line) {
		r, w := utf8.DecodeRuneInString(line[i:])
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLetter(r):
			if words > 1 && line[start:firstEnd] == "Q" {
				return "Q", firstEnd // "Q Is NATO to blame?": a question after one blank
			}
			return "", 0 // a lower-case letter: prose, not a label
		case r >= '0' && r <= '9', r == '.', r == '\'', r == '’', r == '-', r == '&':
		case r == ' ' || r == '\u00a0':
			if i == start || space {
				goto end // two blanks end a label ("Q    Mr. President")
			}
			if words == 1 {
				firstEnd = i
			}
			words++
			if words > 8 {
				return "", 0
			}
			space = true
			i += w
			continue
		default:
			goto end
		}
		space = false
		i += w
		labelEnd = i
	}
end:
	label := line[start:labelEnd]
	rest := strings.TrimLeft(line[labelEnd:], " ")
	if strings.HasPrefix(rest, "**") || strings.HasPrefix(rest, "__") {
		rest = rest[2:]
	}
	switch {
	case label == "Q":
		if rest == "" || rest[0] == ':' || blankAt(line, labelEnd) {
			if rest != "" && rest[0] == ':' {
				rest = rest[1:]
			}
			return label, len(line) - len(rest)
		}
		return "", 0
	case letters < 2 || rest == "" || rest[0] != ':':
		return "", 0
	}
	rest = strings.TrimPrefix(strings.TrimPrefix(rest[1:], "**"), "__")
	if rest != "" && !blankAt(rest, 0) {
		return "", 0 // "U.S.:x", a time such as "NOTE:3"
	}
	return label, len(line) - len(rest)
}

// blankAt reports whether s has a blank (space, tab, no-break space, CR)
// at byte i.
func blankAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '\r' || unicode.IsSpace(r)
}

// inLabel reports whether byte offset off lies in a speaker label ("Q" in
// "Q    You said ..."). A caller reading offsets in order passes hint, the
// turn found last, which inLabel moves on (see turnAt); nil starts from the
// first turn.
func (sc *scratch) inLabel(off int, hint *int) bool {
	if len(sc.turns) == 0 {
		return false
	}
	h := 0
	if hint != nil {
		h = *hint
	}
	k := turnAt(sc.turns, off, h)
	if k < 0 {
		return false
	}
	if hint != nil {
		*hint = k
	}
	return off < sc.turns[k].body
}

// turnAt returns the index of the turn holding byte offset off, or -1 when
// the statement has no turns. Offsets run forward, so the search starts at
// the hint.
func turnAt(turns []turnSpan, off, hint int) int {
	if len(turns) == 0 {
		return -1
	}
	k := max(hint, 0)
	if k >= len(turns) || turns[k].start > off {
		k = 0
	}
	for k+1 < len(turns) && turns[k+1].start <= off {
		k++
	}
	return k
}

// SplitBySpeaker splits a transcript's report into one report per turn
// speaker, in order of first appearance, so that profiles can be grouped by
// who speaks rather than by the statement's speaker (the command's --by
// speaker). Each part keeps r's ID, date and metadata, takes the speaker's
// name, turns, hits and spans, and has its words, sentences and device
// scores computed from them by the report's formulas. Excluded turns are
// left out. A report without turns comes back alone, unchanged.
func SplitBySpeaker(r *Report) []*Report {
	if r == nil {
		return nil
	}
	if len(r.Turns) == 0 {
		return []*Report{r}
	}
	var (
		out   []*Report
		index = map[string]int{}
	)
	part := func(speaker string) *Report {
		if k, ok := index[speaker]; ok {
			return out[k]
		}
		p := &Report{ID: r.ID, Speaker: speaker, Date: r.Date, Meta: r.Meta, Hits: []Hit{}, Spans: []Span{}}
		index[speaker] = len(out)
		out = append(out, p)
		return p
	}
	for _, t := range r.Turns {
		if t.Excluded {
			continue
		}
		p := part(t.Speaker)
		p.Turns = append(p.Turns, t)
		p.Words += t.Words
		p.Sentences += t.Sentences
	}
	for _, h := range r.Hits {
		if k, ok := index[h.Speaker]; ok && !h.Excluded {
			out[k].Hits = append(out[k].Hits, h)
		}
	}
	for _, s := range r.Spans {
		if k, ok := index[s.Speaker]; ok && !s.Excluded {
			out[k].Spans = append(out[k].Spans, s)
		}
	}
	for _, p := range out {
		p.Devices = deviceScores(r.Devices, p)
	}
	return out
}

// deviceScores computes the device scores of p from its hits, for the
// devices listed in like (in that order).
func deviceScores(like []DeviceScore, p *Report) []DeviceScore {
	tallies := make([]tally, len(like))
	idx := make(map[string]int, len(like))
	for i, d := range like {
		idx[d.Device] = i
	}
	type ds struct{ dev, sent int }
	seen := map[ds]bool{}
	all := 0
	for i := range p.Hits {
		h := &p.Hits[i]
		d, ok := idx[h.Device]
		if !ok || h.Disputed || h.Excluded {
			continue
		}
		t := &tallies[d]
		if !t.count(h) {
			continue
		}
		all++
		t.addTarget(h.Target, 1)
		if k := (ds{d, h.Sentence}); !seen[k] {
			seen[k] = true
			t.sentences++
		}
	}
	out := make([]DeviceScore, len(like))
	for i, d := range like {
		out[i] = tallies[i].finish(d.Device, p.Words, p.Sentences, all)
	}
	return out
}
