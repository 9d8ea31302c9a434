package rhetoric

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/tokenize"
)

// Sentence features of the learned layer (see the package doc, "The
// learned model"). Every feature is a name built from a prefix and up to
// three strings, for example "w=aggression" (a word), "b=russian aggression"
// (a bigram) or "h=blame/aggress*" (a hit of the blame entry aggress*). In
// the hot path the name is never built: its 64-bit FNV-1a hash is computed
// from the pieces, which are strings the tokenizer and the lexicon already
// hold, so extracting features allocates nothing per token. The same code
// builds the names when training asks for them.
//
// The prefixes:
//
//	w=  word (normalised form), s= its stem when different
//	b=  two consecutive words of one clause
//	f=  sentence form: f=question, f=first/<word>, f=start/<word> <word>
//	h=  a non-negated hit: h=<device>/<entry>; hn= negated, hi= intensified,
//	    hh= hedged
//	d=  the sentence has a non-negated hit of the device; d2= two or more;
//	    dn= only negated hits
//	tr= a hit of the device found a target by this rule: tr=<device>/<rule>
//	a=  an actor is named: a=<code>
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// FeatureHash returns the hash the learned layer uses for a feature name.
func FeatureHash(name string) uint64 { return fnvAdd(fnvOffset, name) }

// The hashes of the features' fixed prefixes (see [featSink.addh]).
var (
	hW            = FeatureHash("w=")
	hS            = FeatureHash("s=")
	hB            = FeatureHash("b=")
	hFFirst       = FeatureHash("f=first/")
	hFStart       = FeatureHash("f=start/")
	hFQuestion    = FeatureHash("f=question")
	hTOther       = FeatureHash("t:other/")
	hTOtherBefore = FeatureHash("t:other/before/")
	hTOtherAfter  = FeatureHash("t:other/after/")
	hTOprev       = FeatureHash("t:oprev=")
	hTOw          = FeatureHash("t:ow=")
	hTNoneN0      = FeatureHash("t:none/n=0")
	hTNoneN1      = FeatureHash("t:none/n=1")
	hTNoneN2      = FeatureHash("t:none/n=2")
	hTNoneNohit   = FeatureHash("t:none/nohit")
	hTNoneNamed   = FeatureHash("t:none/named")
	hTNoneHit     = FeatureHash("t:none/hit")
	hTR1          = FeatureHash("t:r1=")
	hTR           = FeatureHash("t:r=")
	hTO           = FeatureHash("t:o=")
	hTRNone       = FeatureHash("t:r=-")
	hTFirst       = FeatureHash("t:first")
	hTOnly        = FeatureHash("t:only")
	hTBefore      = FeatureHash("t:before")
	hTAfter       = FeatureHash("t:after")
	hTPoss        = FeatureHash("t:poss")
	hTBy          = FeatureHash("t:by")
	hTPrev        = FeatureHash("t:prev=")
	hTNext        = FeatureHash("t:next=")
	hTMany        = FeatureHash("t:many")
	hTG           = FeatureHash("t:g=")
	hTGd          = FeatureHash("t:gd=")
	hTSelf        = FeatureHash("t:self")
	hTSpk         = FeatureHash("t:sc=")
)

// featHashes holds the hashes of the feature names fixed by an analyzer's
// lexicon, so that the features of a sentence hash only their variable
// part (see [featSink.addh]).
type featHashes struct {
	// Per device index: the prefix of a hit feature up to its entry
	// (h=<device>/, ...) and the whole device features (d=<device>, ...).
	hit, neg, intens, hedged, rule []uint64
	det, det2, detNeg              []uint64
	actor                          []uint64 // per actor index: a=<code>
	cand                           []uint64 // per tcodes index: t:c=<code>
}

// newFeatHashes returns the hashes of the fixed feature names of the
// devices, actors and target codes given.
func newFeatHashes(devices, actors, tcodes []string) featHashes {
	var fh featHashes
	pre := func(p, x, sep string) uint64 { return fnvAdd(fnvAdd(fnvAdd(fnvOffset, p), x), sep) }
	for _, d := range devices {
		fh.hit = append(fh.hit, pre("h=", d, "/"))
		fh.neg = append(fh.neg, pre("hn=", d, "/"))
		fh.intens = append(fh.intens, pre("hi=", d, "/"))
		fh.hedged = append(fh.hedged, pre("hh=", d, "/"))
		fh.rule = append(fh.rule, pre("tr=", d, "/"))
		fh.det = append(fh.det, pre("d=", d, ""))
		fh.det2 = append(fh.det2, pre("d2=", d, ""))
		fh.detNeg = append(fh.detNeg, pre("dn=", d, ""))
	}
	for _, c := range actors {
		fh.actor = append(fh.actor, pre("a=", c, ""))
	}
	for _, c := range tcodes {
		fh.cand = append(fh.cand, pre("t:c=", c, ""))
	}
	return fh
}

// feat is one feature of a sentence: its hash and the byte span of the text
// that produced it (the whole sentence for sentence-level features).
type feat struct {
	h          uint64
	start, end int32
}

// featSink collects the features of one sentence; with names set it also
// builds their names (for training and explanations).
//
// With m set and named false (see begin), it keeps only the features the
// model knows, each once per sentence, and feat.h holds the model row
// instead of the hash. A bit per model row (1.1 kB for the built-in model,
// so that it stays in the first-level cache) marks the rows of the current
// sentence, fs[from:]; next clears just those.
type featSink struct {
	fs    []feat
	names []string // parallel to fs when naming
	named bool

	m    *Model
	seen []uint64 // bit row: fs[from:] has the row
	from int
}

// begin readies k to collect the features of model m, forgetting those
// collected so far.
func (k *featSink) begin(m *Model) {
	k.m, k.named = m, false
	if n := (m.names.len() + 63) / 64; len(k.seen) != n {
		k.seen = make([]uint64, n)
	} else {
		k.next()
	}
	k.fs, k.from = k.fs[:0], 0
}

// next starts a new sentence: the features collected so far stay in fs
// but no longer count as seen.
func (k *featSink) next() {
	if fs := k.fs[k.from:]; len(fs) > len(k.seen)/8 {
		// Clearing the whole bit set (a few vector stores for the built-in
		// model's 142 words) is cheaper than a bit a feature.
		clear(k.seen)
	} else {
		for _, f := range fs {
			k.seen[f.h>>6] &^= 1 << (f.h & 63)
		}
	}
	k.from = len(k.fs)
}

// addh records the feature p+x+sep+y over text [start, end), given h, the
// hash of p+x+sep. FNV-1a reads a name byte after byte, so the hash of a
// name's fixed part (its prefix, or a prefix and a device) is found once
// and carried on over the rest, rather than hashed again for every feature.
func (k *featSink) addh(h uint64, p, x, sep, y string, start, end int) {
	h = fnvAdd(h, y)
	if !k.named && k.m != nil {
		k.addRow(k.m.lookup(h), start, end)
		return
	}
	k.fs = append(k.fs, feat{h: h, start: int32(start), end: int32(end)})
	if k.named {
		k.names = append(k.names, p+x+sep+y)
	}
}

// addRow records the feature of model row row (none when row < 0) over
// text [start, end), in model mode.
func (k *featSink) addRow(row int32, start, end int) {
	if row < 0 {
		return
	}
	w, bit := row>>6, uint64(1)<<(row&63)
	if k.seen[w]&bit != 0 {
		return
	}
	k.seen[w] |= bit
	k.fs = append(k.fs, feat{h: uint64(row), start: int32(start), end: int32(end)})
}

// addRowTo appends to fs the feature of model row row over text [start,
// end), unless row < 0 or seen has its bit, which it then sets: addRow on
// slices held in registers.
func addRowTo(fs []feat, seen []uint64, row int32, start, end int) []feat {
	if row < 0 {
		return fs
	}
	w, bit := row>>6, uint64(1)<<(row&63)
	if seen[w]&bit != 0 {
		return fs
	}
	seen[w] |= bit
	return append(fs, feat{h: uint64(row), start: int32(start), end: int32(end)})
}

// sentenceWordRows appends to fs (in model mode, seen being the sink's bit
// row) the w= and s= rows of the words of toks, in order, as the word loop
// of sentenceFeatures does once a sentence's first two words are past and
// the model has no bigrams.
func sentenceWordRows(fs []feat, seen []uint64, m *Model, forms *formIndex, toks []tokenize.Token) []feat {
	for i := range toks {
		t := &toks[i]
		if t.Kind != tokenize.Word {
			continue
		}
		var v uint64
		if sl := forms.Known(t.Form); sl != nil {
			v = sl.Load()
		}
		if v == 0 {
			if t.Form == 0 {
				fs = addRowTo(fs, seen, m.lookup(fnvAdd(hW, t.Norm)), t.Start, t.End)
				if t.Stem != t.Norm && t.Stem != "" {
					fs = addRowTo(fs, seen, m.lookup(fnvAdd(hS, t.Stem)), t.Start, t.End)
				}
				continue
			}
			v = m.findWordRows(forms, t)
		}
		w, st := unpackRows(v)
		fs = addRowTo(fs, seen, w, t.Start, t.End)
		fs = addRowTo(fs, seen, st, t.Start, t.End)
	}
	return fs
}

// Steps of a target plan ([Analyzer.planTargets]) that are not a row: a
// feat whose start is one of these (a feature's start is a byte offset,
// never negative) is resolved per device by [Analyzer.chooseTarget].
const (
	// stepCond: the feature of row int32(h) when token end comes before
	// the device's first hit, else that of row int32(h>>32); none when the
	// device has no hit (-1 rows: the model has no such feature)
	stepCond   = -1 - iota
	stepNone   // NONE's feature by the device's hits (Analyzer.noneHitFeature)
	stepDevice // the features of Analyzer.deviceFeatures
)

// planCond records, in a target plan, the feature of hash hb when token at
// comes before the device's first hit and that of hash ha when it does
// not (see stepCond).
func (k *featSink) planCond(at int, hb, ha uint64) {
	rb, ra := k.m.lookup(hb), k.m.lookup(ha)
	k.fs = append(k.fs, feat{h: uint64(uint32(rb)) | uint64(uint32(ra))<<32, start: stepCond, end: int32(at)})
}

// planMark records step (stepNone or stepDevice) in a target plan.
func (k *featSink) planMark(step int32) {
	k.fs = append(k.fs, feat{start: step})
}

// endPlan closes the plan of one candidate: its rows no longer count as
// seen, and the next candidate's plan follows it in fs.
func (k *featSink) endPlan() {
	for _, f := range k.fs[k.from:] {
		if f.start >= 0 {
			k.seen[f.h>>6] &^= 1 << (f.h & 63)
		}
	}
	k.from = len(k.fs)
}

// sentenceFeatures appends to k the features of sentence si of doc, whose
// hits are hits (the contiguous run of sc.hits in that sentence). When
// naming, k must hold this sentence's features only: they are then sorted
// by hash and repeats dropped (keeping the first place), so that every
// feature counts once, as the model mode's stamps do.
func (a *Analyzer) sentenceFeatures(doc *tokenize.Document, sc *scratch, si int, hits []xhit, k *featSink) {
	s := doc.Sentences[si]
	toks := doc.Tokens
	ss, se := s.Start, s.End

	// Words, stems, bigrams; bigrams do not cross clause boundaries.
	var forms *formIndex // in model mode, the rows of w= and s= by form ID
	if !k.named && k.m != nil {
		forms = k.m.forms.Index(doc.FormSpace)
	}
	prev := -1
	nw := 0
	bigrams := k.named || (k.m != nil && k.m.bigrams)
	end := min(s.Last, len(toks))
	i := s.First
	for ; i < end; i++ {
		if nw >= 2 && forms != nil && !bigrams {
			// The rest of the words have only their w= and s= rows:
			// sentenceWordRows adds them in a tighter loop.
			break
		}
		t := &toks[i]
		if t.Kind != tokenize.Word {
			if endsClause(t) {
				prev = -1
			}
			continue
		}
		if forms != nil && t.Form != 0 {
			// Model.wordRows, written out so that a word met before
			// costs no call.
			var v uint64
			if sl := forms.Known(t.Form); sl != nil {
				v = sl.Load()
			}
			if v == 0 {
				v = k.m.findWordRows(forms, t)
			}
			w, st := unpackRows(v)
			k.addRow(w, t.Start, t.End)
			k.addRow(st, t.Start, t.End)
		} else {
			k.addh(hW, "w=", "", "", t.Norm, t.Start, t.End)
			if t.Stem != t.Norm && t.Stem != "" {
				k.addh(hS, "s=", "", "", t.Stem, t.Start, t.End)
			}
		}
		if bigrams && prev >= 0 {
			p := &toks[prev]
			k.addh(fnvAdd(fnvAdd(hB, p.Norm), " "), "b=", p.Norm, " ", t.Norm, p.Start, t.End)
		}
		switch nw {
		case 0:
			k.addh(hFFirst, "f=first/", "", "", t.Norm, t.Start, t.End)
		case 1:
			if prev >= 0 {
				p := &toks[prev]
				k.addh(fnvAdd(fnvAdd(hFStart, p.Norm), " "), "f=start/", p.Norm, " ", t.Norm, p.Start, t.End)
			}
		}
		nw++
		prev = i
	}
	if i < end {
		k.fs = sentenceWordRows(k.fs, k.seen, k.m, forms, toks[i:end])
	}
	if s.Last > s.First && s.Last <= len(toks) {
		for i := s.Last - 1; i >= s.First; i-- {
			t := &toks[i]
			if t.Kind == tokenize.Punct && (t.Text == "?" || t.Text == "?!" || t.Text == "!?") {
				k.addh(hFQuestion, "f=question", "", "", "", t.Start, t.End)
				break
			}
			if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
				break
			}
		}
	}

	// Hits and their flags, device counts and target rules.
	nd := len(a.devices)
	for i := range hits {
		h := &hits[i]
		dev := a.devices[h.dev]
		if h.Negated {
			k.addh(a.fh.neg[h.dev], "hn=", dev, "/", h.Entry, h.Start, h.End)
			continue
		}
		k.addh(a.fh.hit[h.dev], "h=", dev, "/", h.Entry, h.Start, h.End)
		if h.Intensified {
			k.addh(a.fh.intens[h.dev], "hi=", dev, "/", h.Entry, h.Start, h.End)
		}
		if h.Hedged {
			k.addh(a.fh.hedged[h.dev], "hh=", dev, "/", h.Entry, h.Start, h.End)
		}
		if string(h.TargetRule) != "" {
			k.addh(a.fh.rule[h.dev], "tr=", dev, "/", string(h.TargetRule), h.Start, h.End)
		}
	}
	if len(hits) > 0 {
		// Count each device's hits in one pass, noting the devices with
		// a hit and those with a negated one as bits, then add the
		// device features of those devices in device order.
		pw := perfWords(nd)
		hb := slices.Grow(sc.hbits[:0], 2*pw)[:2*pw]
		clear(hb)
		sc.hbits = hb
		pb, nb := hb[:pw], hb[pw:]
		pos, first, last := grow32(sc.hpos, nd), grow32(sc.hfirst, nd), grow32(sc.hlast, nd)
		sc.hpos, sc.hfirst, sc.hlast = pos, first, last
		for i := range hits {
			h := &hits[i]
			w, bit := h.dev>>6, uint64(1)<<(h.dev&63)
			if h.Negated {
				nb[w] |= bit
				continue
			}
			if pb[w]&bit == 0 {
				pb[w] |= bit
				pos[h.dev], first[h.dev] = 0, int32(i)
			}
			last[h.dev] = int32(i)
			pos[h.dev]++
		}
		for wi, p := range pb {
			for w := p | nb[wi]; w != 0; w &= w - 1 {
				d := wi*64 + bits.TrailingZeros64(w)
				if p&(1<<(d&63)) == 0 {
					k.addh(a.fh.detNeg[d], "dn=", a.devices[d], "", "", ss, se)
					continue
				}
				f := &hits[first[d]]
				k.addh(a.fh.det[d], "d=", a.devices[d], "", "", f.Start, f.End)
				if pos[d] >= 2 {
					k.addh(a.fh.det2[d], "d2=", a.devices[d], "", "", f.Start, hits[last[d]].End)
				}
			}
		}
	}
	// Actors named in the sentence (sc.actors is ordered by place).
	j := firstActor(sc.actors, s.First)
	for _, m := range sc.actors[j:] {
		if m.First >= s.Last {
			break
		}
		k.addh(a.fh.actor[m.Index], "a=", a.actors[m.Index], "", "", m.Start, m.End)
	}

	if k.named {
		dedupe(k)
	}
}

// dedupe sorts the named features of k by hash and keeps the first
// occurrence of each.
func dedupe(k *featSink) {
	{
		// Sort an index so that names follow their features.
		idx := make([]int, len(k.fs))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(k.fs[x].h, k.fs[y].h) })
		fs := make([]feat, 0, len(idx))
		names := make([]string, 0, len(idx))
		for _, i := range idx {
			if n := len(fs); n > 0 && fs[n-1].h == k.fs[i].h {
				continue
			}
			fs = append(fs, k.fs[i])
			names = append(names, k.names[i])
		}
		k.fs, k.names = fs, names
	}
}

// Feature is one feature of a sentence as the learned layer sees it: its
// name (see the package doc) and the byte span of the text that produced
// it. It is plain data.
type Feature struct {
	Name  string `json:"feature"` // the feature name, as in a model file
	Start int    `json:"start"`   // byte span in the statement's text
	End   int    `json:"end"`
}

// SentenceFeatures are the features of one sentence of a statement. It is
// plain data.
type SentenceFeatures struct {
	Start    int       `json:"start"` // byte span of the sentence
	End      int       `json:"end"`
	Features []Feature `json:"features"` // sorted by hash, each name once
	// Targets are the features of every target candidate for every device
	// that names a target (see the package doc), device by device in
	// lexicon order, candidates NONE first then by first mention.
	Targets []TargetFeatures `json:"targets"`
}

// TargetFeatures are the features of one candidate target of a device in
// a sentence. It is plain data.
type TargetFeatures struct {
	Device   string    `json:"device"`   // the device whose target is chosen
	Actor    string    `json:"actor"`    // actor code or NONE
	Features []Feature `json:"features"` // the candidate's features in this sentence
}

// Features returns the features of every sentence of st as the learned
// layer computes them (package learn trains on them). It fails like
// [Analyzer.Analyze].
func (a *Analyzer) Features(ctx context.Context, st Statement) ([]SentenceFeatures, error) {
	tok, err := a.admit(ctx, st)
	if err != nil {
		return nil, err
	}
	sc := a.pool.Get().(*scratch)
	defer a.pool.Put(sc)
	doc := &sc.doc
	if err := tok.TokenizeInto(doc, st.Text); err != nil {
		return nil, fmt.Errorf("rhetoric: statement %q: %w", st.ID, err)
	}
	a.stages(doc, &st, sc)
	out := make([]SentenceFeatures, len(doc.Sentences))
	k := &featSink{named: true}
	lo := 0
	for si, s := range doc.Sentences {
		hi := lo
		for hi < len(sc.hits) && sc.hits[hi].Sentence == si {
			hi++
		}
		k.fs, k.names = k.fs[:0], k.names[:0]
		a.sentenceFeatures(doc, sc, si, sc.hits[lo:hi], k)
		fs := make([]Feature, len(k.fs))
		for i, f := range k.fs {
			fs[i] = Feature{Name: k.names[i], Start: int(f.start), End: int(f.end)}
		}
		out[si] = SentenceFeatures{Start: s.Start, End: s.End, Features: fs}
		cands := a.candidates(doc, sc, si)
		for d := range a.devices {
			if !a.takesTarget[d] {
				continue
			}
			for ci, c := range cands {
				k.fs, k.names = k.fs[:0], k.names[:0]
				a.candidateFeatures(doc, sc, si, sc.hits[lo:hi], d, ci, cands, k)
				dedupe(k)
				tf := TargetFeatures{Device: a.devices[d], Actor: a.tcodes[c], Features: make([]Feature, len(k.fs))}
				for i, f := range k.fs {
					tf.Features[i] = Feature{Name: k.names[i], Start: int(f.start), End: int(f.end)}
				}
				out[si].Targets = append(out[si].Targets, tf)
			}
		}
		lo = hi
	}
	sc.reset()
	return out, nil
}

// Target features (prefix t:) score the candidate targets of a device that
// a sentence performs: NONE, every actor code named in the sentence, and
// OTHER when the sentence suggests an actor the lexicon does not list (see
// [Analyzer.otherCues]).
// For candidate c and device d:
//
//	t:c=CODE                the candidate itself (NONE included)
//	t:none/n=K              NONE, with K = 0, 1 or 2 (or more) actors named
//	t:none/hit, t:none/nohit, t:none/named   NONE, and d has a non-negated
//	                        hit, has none, has one that names an actor
//	t:self                  c is the speaker's side: the actor that the
//	                        speaker of the sentence's turn, else of the
//	                        statement, resolves to (Statement.Speaker "RUS"
//	                        or "Russian Federation" gives RUS)
//	t:sc=SIDE/CODE          the speaker's side is SIDE, not c, and d is a
//	                        victim device (blame, threat): c's code (NONE
//	                        and OTHER included)
//	t:r=RULE, t:r1=RULE     a non-negated hit of d (the first one) names c by RULE
//	t:r=-                   no hit of d names c
//	t:o=RULE                a non-negated hit of another device names c
//	t:first, t:only, t:many c is named first, is the only actor named, is
//	                        named twice or more
//	t:before, t:after       c is first named before (after) d's first hit
//	t:poss, t:by            c is followed by 's, preceded by "by"
//	t:prev=W, t:next=W      a mention of c follows (precedes) the word W
//	                        (^ at the start of the sentence)
//	t:other/K               OTHER, and the sentence has a cue of kind K:
//	                        noun (a word of the agent-noun grammar class) or
//	                        name (a capitalised word inside the sentence
//	                        outside every actor match)
//	t:other/before/K, t:other/after/K   that cue comes before (after) d's
//	                        first hit
//	t:oprev=W               that cue follows the word W
//	t:ow=W                  W is the noun cue, the first name cue or a
//	                        later name cue of the sentence (lower case)
//	t:g=ROLE, t:gd=ROLE/D   for each non-negated hit of d, the role of the
//	                        mention of c nearest to its cue (see
//	                        [scratch.role]: in, adj, poss, subj, before,
//	                        against, obj, by, of, after, later) and the
//	                        distance D in tokens between them (0, near:
//	                        1-3, mid: 4-10, far); the mentions of OTHER are
//	                        the lexicon's OTHER actors and the runs of
//	                        OTHER cues
//
// The candidate with the largest sum of its weights is the target.

// candidates returns the target candidates of sentence si: NONE, then the
// codes (indices into a.tcodes) of the actors named, in order of first
// mention, in sc.cands.
func (a *Analyzer) candidates(doc *tokenize.Document, sc *scratch, si int) []int {
	s := doc.Sentences[si]
	cands := append(sc.cands[:0], a.noneIdx)
	j := firstActor(sc.actors, s.First)
	for _, m := range sc.actors[j:] {
		if m.First >= s.Last {
			break
		}
		if c := a.canon[m.Index]; !slices.Contains(cands, c) {
			cands = append(cands, c)
		}
	}
	sc.okSent = -1
	sc.self = a.selfSide(doc, sc, si)
	if a.otherIdx >= 0 && !slices.Contains(cands, a.otherIdx) {
		if noun, name := otherCues(s, a.otherKinds(doc, sc, si)); noun >= 0 || name >= 0 {
			cands = append(cands, a.otherIdx)
		}
	}
	sc.cands = cands
	// The mentions and the target plan of the previous sentence's
	// candidates are gone.
	sc.ments = sc.ments[:0]
	sc.mentOff = slices.Grow(sc.mentOff[:0], 2*len(cands))[:2*len(cands)]
	for i := range sc.mentOff {
		sc.mentOff[i] = -1
	}
	sc.planned = false
	return cands
}

// Kinds of OTHER cue (see [Analyzer.otherKinds]).
const (
	okNoun = 1 << iota // a word of the grammar's agent-noun class ("the regime")
	okName             // a capitalised word that suggests a name (isNameCue)
)

// otherKinds returns, for every token i of sentence si, which OTHER cues
// it is at index i-s.First (okNoun, okName or both): only words that lie
// in no actor match are cues. The target chooser asks for them for every
// candidate and device of the sentence, so they are found once per
// sentence: the result holds until the next call of [Analyzer.candidates],
// which every chooser call follows.
func (a *Analyzer) otherKinds(doc *tokenize.Document, sc *scratch, si int) []uint8 {
	if sc.okSent == si {
		return sc.okinds
	}
	s := doc.Sentences[si]
	toks := doc.Tokens[s.First:s.Last]
	kinds := slices.Grow(sc.okinds[:0], len(toks))[:len(toks)]
	for j := range toks {
		i := s.First + j
		var k uint8
		if t := &toks[j]; t.Kind == tokenize.Word {
			if sc.g.agentQuick.maybeNorm(t.Norm) && sc.is(&sc.g.agentNoun, i) {
				k |= okNoun
			}
			if maybeUpper(t.Text) && isNameCue(doc, sc, s, i) {
				k |= okName
			}
			// Most words are neither: look for the actor match only
			// for those that are.
			if k != 0 && inActor(sc, i) {
				k = 0
			}
		}
		kinds[j] = k
	}
	sc.okinds, sc.okSent = kinds, si
	return kinds
}

// firstActor returns the index of the first of actors (ordered by place)
// that starts at or after token first, or len(actors): a binary search,
// written out because the generic one with a comparison function costs
// several times as much on this hot path.
func firstActor(actors []lexicon.Match, first int) int {
	lo, hi := 0, len(actors)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if actors[mid].First < first {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// otherCues returns the first token of sentence s that suggests an actor
// the lexicon does not list, or -1 for none, given the sentence's kinds
// (see [Analyzer.otherKinds]): noun, a word of the grammar's agent-noun
// class ("the regime"); name, a capitalised word that does not open the
// sentence, is not "I" and lies in no actor match ("Hamas", "the Houthis").
func otherCues(s tokenize.Sentence, kinds []uint8) (noun, name int) {
	noun, name = -1, -1
	for j, k := range kinds {
		if noun < 0 && k&okNoun != 0 {
			noun = s.First + j
		}
		if name < 0 && k&okName != 0 {
			name = s.First + j
		}
		if noun >= 0 && name >= 0 {
			break
		}
	}
	return noun, name
}

// maybeUpper reports whether s may begin with an upper-case letter: it
// does not begin with an ASCII byte other than A-Z. Most words fail it
// without a call.
func maybeUpper(s string) bool {
	return s != "" && (s[0] >= utf8.RuneSelf || 'A' <= s[0] && s[0] <= 'Z')
}

// isNameCue reports whether token i of sentence s, a word outside every
// actor match, is a capitalised word that suggests a name: it does not open
// the sentence or a quote, is not "I" and not first-person.
func isNameCue(doc *tokenize.Document, sc *scratch, s tokenize.Sentence, i int) bool {
	t := &doc.Tokens[i]
	return i > s.First && t.Text != "I" && isUpperStart(t.Text) && !isQuoteOpen(doc.Tokens, s.First, i) && !sc.is(&sc.g.ownSide, i)
}

// isQuoteOpen reports whether token i follows an opening quote or colon,
// where a capital letter starts a sentence rather than a name.
func isQuoteOpen(toks []tokenize.Token, lo, i int) bool {
	if i-1 < lo {
		return false
	}
	switch toks[i-1].Text {
	case "\"", "“", ":", "«", "'", "‘", "(", "-", "–", "—":
		return true
	}
	return false
}

// candidateFeatures appends to k the features of candidate cands[ci] (an
// index into a.tcodes) for device d in sentence si with hits hits; cands
// are the sentence's candidates, as the last call of [Analyzer.candidates]
// found them (it leaves the sentence's OTHER cues in sc).
//
// With d < 0 it writes the candidate's plan instead (k in model mode): the
// features that do not depend on the device as rows, and in the place of
// each feature that does a step for [Analyzer.chooseTarget] to resolve
// per device (see [featSink.planCond] and [featSink.planMark]). The plan
// keeps the features' order, so each device's sum adds the same weights
// in the same order as with d >= 0.
func (a *Analyzer) candidateFeatures(doc *tokenize.Document, sc *scratch, si int, hits []xhit, d, ci int, cands []int, k *featSink) {
	s := doc.Sentences[si]
	ss, se := s.Start, s.End
	c := cands[ci]
	plan := d < 0
	var dh devHits
	if !plan {
		dh = devHitsOf(hits, d, a.noneIdx)
	}
	k.addh(a.fh.cand[c], "t:c=", a.tcodes[c], "", "", ss, se)
	if c == a.noneIdx {
		switch n := len(cands) - 1; {
		case n == 0:
			k.addh(hTNoneN0, "t:none/n=0", "", "", "", ss, se)
		case n == 1:
			k.addh(hTNoneN1, "t:none/n=1", "", "", "", ss, se)
		default:
			k.addh(hTNoneN2, "t:none/n=2", "", "", "", ss, se)
		}
		if plan {
			k.planMark(stepNone)
		} else {
			a.noneHitFeature(dh, ss, se, k)
			a.speakerFeature(sc, d, c, ss, se, k)
		}
		return
	}
	if c == sc.self {
		k.addh(hTSelf, "t:self", "", "", "", ss, se)
	}
	if c == a.otherIdx {
		kinds := a.otherKinds(doc, sc, si)
		noun, name := otherCues(s, kinds)
		for _, cue := range [...]struct {
			i    int
			kind string
		}{{noun, "noun"}, {name, "name"}} {
			if cue.i < 0 {
				continue
			}
			t := &doc.Tokens[cue.i]
			k.addh(hTOther, "t:other/", "", "", cue.kind, t.Start, t.End)
			switch {
			case plan:
				k.planCond(cue.i, fnvAdd(hTOtherBefore, cue.kind), fnvAdd(hTOtherAfter, cue.kind))
			case dh.first < 0:
			case cue.i < dh.first:
				k.addh(hTOtherBefore, "t:other/before/", "", "", cue.kind, t.Start, t.End)
			default:
				k.addh(hTOtherAfter, "t:other/after/", "", "", cue.kind, t.Start, t.End)
			}
			if cue.i > s.First {
				p := &doc.Tokens[cue.i-1]
				k.addh(hTOprev, "t:oprev=", "", "", p.Norm, p.Start, t.End)
			}
			k.addh(hTOw, "t:ow=", "", "", t.Norm, t.Start, t.End)
		}
		if name >= 0 {
			for i := name + 1; i < s.Last; i++ {
				if kinds[i-s.First]&okName != 0 {
					t := &doc.Tokens[i]
					k.addh(hTOw, "t:ow=", "", "", t.Norm, t.Start, t.End)
				}
			}
		}
	}
	if plan {
		k.planMark(stepDevice)
	} else {
		a.deviceFeatures(doc, sc, si, hits, d, ci, k)
	}
	if len(cands) > 1 && cands[1] == c {
		k.addh(hTFirst, "t:first", "", "", "", ss, se)
	}
	if len(cands) == 2 {
		k.addh(hTOnly, "t:only", "", "", "", ss, se)
	}
	toks := doc.Tokens
	mentions := 0
	j := firstActor(sc.actors, s.First)
	for _, m := range sc.actors[j:] {
		if m.First >= s.Last {
			break
		}
		if a.canon[m.Index] != c {
			continue
		}
		mentions++
		if mentions == 1 {
			switch {
			case plan:
				k.planCond(m.First, hTBefore, hTAfter)
			case dh.first < 0:
			case m.First < dh.first:
				k.addh(hTBefore, "t:before", "", "", "", m.Start, m.End)
			default:
				k.addh(hTAfter, "t:after", "", "", "", m.Start, m.End)
			}
		}
		if m.Last < len(toks) && m.Last < s.Last && isPossessive(toks[m.Last].Norm) {
			k.addh(hTPoss, "t:poss", "", "", "", m.Start, m.End)
		}
		if m.First > s.First {
			p := &toks[m.First-1]
			if p.Norm == "by" {
				k.addh(hTBy, "t:by", "", "", "", m.Start, m.End)
			}
			k.addh(hTPrev, "t:prev=", "", "", p.Norm, p.Start, m.End)
		} else {
			k.addh(hTPrev, "t:prev=", "", "", "^", m.Start, m.End)
		}
		if m.Last < s.Last && m.Last < len(toks) {
			n := &toks[m.Last]
			k.addh(hTNext, "t:next=", "", "", n.Norm, m.Start, n.End)
		}
	}
	if mentions >= 2 {
		k.addh(hTMany, "t:many", "", "", "", ss, se)
	}
}

// devHits is what the target features need of a device's hits in a
// sentence: the first token of its first non-negated hit (-1 for none)
// and whether any such hit names an actor.
type devHits struct {
	first int
	named bool
}

// devHitsOf returns the devHits of device d among hits (noneIdx is the
// target index of NONE).
func devHitsOf(hits []xhit, d, noneIdx int) devHits {
	dh := devHits{first: -1}
	for i := range hits {
		h := &hits[i]
		if h.dev != d || h.Negated {
			continue
		}
		if dh.first < 0 {
			dh.first = h.first
		}
		if h.tgt != noneIdx {
			dh.named = true
		}
	}
	return dh
}

// speakerFeature appends to k the pair of the speaker's side and candidate
// c (t:sc=SIDE/CODE, NONE and OTHER included) when device d is a victim
// device (blame, threat: the move is against its target) and the sentence
// has a speaker's side other than c (sc.self, set by
// [Analyzer.candidates]); the side itself has t:self. Who a side blames is
// a prior that the sentence alone does not carry: Russia's speeches blame
// the West where Ukraine's blame Russia.
func (a *Analyzer) speakerFeature(sc *scratch, d, c, ss, se int, k *featSink) {
	if sc.self < 0 || c == sc.self || !a.victimDev[d] {
		return
	}
	sp := a.tcodes[sc.self]
	k.addh(fnvAdd(fnvAdd(hTSpk, sp), "/"), "t:sc=", sp, "/", a.tcodes[c], ss, se)
}

// noneHitFeature appends to k the feature of NONE that depends on the
// device's hits: t:none/nohit, t:none/named or t:none/hit.
func (a *Analyzer) noneHitFeature(dh devHits, ss, se int, k *featSink) {
	switch {
	case dh.first < 0:
		k.addh(hTNoneNohit, "t:none/nohit", "", "", "", ss, se)
	case dh.named:
		k.addh(hTNoneNamed, "t:none/named", "", "", "", ss, se)
	default:
		k.addh(hTNoneHit, "t:none/hit", "", "", "", ss, se)
	}
}

// deviceFeatures appends to k the features of candidate cands[ci] (not
// NONE) that depend on device d, in the middle of its other features: the
// roles of its mentions ([Analyzer.roleFeatures]), its pair with the
// speaker's side ([Analyzer.speakerFeature]) and the rules by which hits
// name it (t:r1=, t:r=, t:o=, t:r=-).
func (a *Analyzer) deviceFeatures(doc *tokenize.Document, sc *scratch, si int, hits []xhit, d, ci int, k *featSink) {
	s := doc.Sentences[si]
	c := sc.cands[ci]
	a.roleFeatures(doc, sc, si, hits, d, ci, k)
	a.speakerFeature(sc, d, c, s.Start, s.End, k)
	byD := false
	for i := range hits {
		h := &hits[i]
		if h.Negated || h.tgt != c || string(h.TargetRule) == "" {
			continue
		}
		if h.dev == d {
			if !byD {
				k.addh(hTR1, "t:r1=", "", "", string(h.TargetRule), h.Start, h.End)
			}
			byD = true
			k.addh(hTR, "t:r=", "", "", string(h.TargetRule), h.Start, h.End)
		} else {
			k.addh(hTO, "t:o=", "", "", string(h.TargetRule), h.Start, h.End)
		}
	}
	if !byD {
		k.addh(hTRNone, "t:r=-", "", "", "", s.Start, s.End)
	}
}

// Roles of a mention relative to a cue (see [scratch.role]).
const (
	roleIn      = "in"      // the mention overlaps the cue
	roleAdj     = "adj"     // directly before the cue ("Russian aggression")
	rolePoss    = "poss"    // before it with 's ("Russia's unprovoked invasion")
	roleSubj    = "subj"    // before it in its clause ("the regime shelled")
	roleBefore  = "before"  // before it in an earlier clause
	roleAgainst = "against" // after "against" (and an article): a victim
	roleObj     = "obj"     // after it across object glue only ("call on the Assembly")
	roleBy      = "by"      // after it, "by" among the glue ("bombed by the terrorists")
	roleOf      = "of"      // after it, "of" among the glue ("attacks of the militants")
	roleAfter   = "after"   // after it in its clause, beyond the glue
	roleLater   = "later"   // after it in a later clause
)

// role returns how the mention on tokens [mf, ml) stands to the cue on
// tokens [hf, hl), both in sentence s, and the number of tokens between
// them. It reads the grammar's classes (object glue, agent marker,
// genitive, victim marker) and the clauses, so it holds for any language
// whose grammar the lexicon supplies.
func (sc *scratch) role(s tokenize.Sentence, mf, ml, hf, hl int) (string, int) {
	g, toks := sc.g, sc.toks
	switch {
	case mf < hl && ml > hf:
		return roleIn, 0
	case ml <= hf:
		gap := hf - ml
		switch {
		case gap == 0:
			return roleAdj, 0
		case sc.beforeArticle(s, mf) >= s.First && sc.is(&g.victimMarker, sc.beforeArticle(s, mf)):
			return roleAgainst, gap
		case isPossessive(toks[ml].Norm) && gap <= 4 && sc.clause[ml] == sc.clause[hf]:
			return rolePoss, gap
		case sc.clause[ml-1] == sc.clause[hf]:
			return roleSubj, gap
		}
		return roleBefore, gap
	}
	gap := mf - hl
	if k := sc.beforeArticle(s, mf); k >= hl && sc.is(&g.victimMarker, k) {
		return roleAgainst, gap
	}
	marker, glue := "", true
	for k := hl; k < mf && glue; k++ {
		switch {
		case sc.is(&g.agentMarker, k):
			if marker == "" {
				marker = roleBy
			}
		case sc.is(&g.genitive, k):
			if marker == "" {
				marker = roleOf
			}
		case !sc.is(&g.objectGlue, k):
			glue = false
		}
	}
	switch {
	case glue && gap <= objectReach+1:
		if marker == "" {
			return roleObj, gap
		}
		return marker, gap
	case sc.clause[mf] == sc.clause[hl-1]:
		return roleAfter, gap
	}
	return roleLater, gap
}

// gapBucket names a distance in tokens: 0, near (1-3), mid (4-10), far.
func gapBucket(gap int) string {
	switch {
	case gap == 0:
		return "0"
	case gap <= 3:
		return "near"
	case gap <= 10:
		return "mid"
	}
	return "far"
}

// eachMention calls f with the token span [mf, ml) of every mention of
// candidate c (an actor code or OTHER) in sentence s, in order of place:
// the actor matches of c, and for OTHER also the runs of OTHER cues (see
// [Analyzer.otherCues]; a run is all agent nouns or all name cues).
func (a *Analyzer) eachMention(doc *tokenize.Document, sc *scratch, si int, c int, f func(mf, ml int)) {
	s := doc.Sentences[si]
	j := firstActor(sc.actors, s.First)
	for _, m := range sc.actors[j:] {
		if m.First >= s.Last {
			break
		}
		if a.canon[m.Index] == c {
			f(m.First, m.Last)
		}
	}
	if c != a.otherIdx {
		return
	}
	kinds := a.otherKinds(doc, sc, si)
	run, noun := -1, false
	for i := s.First; i <= s.Last; i++ {
		cue, n := false, false
		if i < s.Last {
			k := kinds[i-s.First]
			n = k&okNoun != 0
			cue = k != 0
		}
		if run >= 0 && (!cue || n != noun) {
			f(run, i)
			run = -1
		}
		if cue && run < 0 {
			run, noun = i, n
		}
	}
}

// roleFeatures appends to k, for every non-negated hit of device d among
// hits, the role of the mention of candidate cands[ci] nearest to its cue
// and their distance (t:g=ROLE, t:gd=ROLE/DISTANCE). A candidate without a
// mention, and a device without such a hit, get none.
func (a *Analyzer) roleFeatures(doc *tokenize.Document, sc *scratch, si int, hits []xhit, d, ci int, k *featSink) {
	s := doc.Sentences[si]
	var ments [][2]int
	found := false
	for i := range hits {
		h := &hits[i]
		if h.dev != d || h.Negated {
			continue
		}
		if !found {
			found = true
			ments = a.mentions(doc, sc, si, ci)
		}
		role, gap, mf, ml := "", -1, 0, 0
		for _, m := range ments {
			if r, n := sc.role(s, m[0], m[1], h.first, h.last); gap < 0 || n < gap {
				role, gap, mf, ml = r, n, m[0], m[1]
			}
		}
		if gap < 0 {
			continue
		}
		ms, me := doc.Tokens[mf].Start, doc.Tokens[ml-1].End
		k.addh(hTG, "t:g=", "", "", role, ms, me)
		k.addh(fnvAdd(fnvAdd(hTGd, role), "/"), "t:gd=", role, "/", gapBucket(gap), ms, me)
	}
}

// mentions returns the mentions of candidate sc.cands[ci] in sentence si
// ([Analyzer.eachMention]). They do not depend on the device or the hit,
// so they are found once per candidate and kept in sc until the next call
// of [Analyzer.candidates].
func (a *Analyzer) mentions(doc *tokenize.Document, sc *scratch, si, ci int) [][2]int {
	if lo := sc.mentOff[2*ci]; lo >= 0 {
		return sc.ments[lo:sc.mentOff[2*ci+1]]
	}
	ments := sc.ments
	lo := len(ments)
	a.eachMention(doc, sc, si, sc.cands[ci], func(f, l int) { ments = append(ments, [2]int{f, l}) })
	sc.ments = ments
	sc.mentOff[2*ci], sc.mentOff[2*ci+1] = int32(lo), int32(len(ments))
	return ments[lo:]
}
