package rhetoric

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// AppendJSON appends the JSON encoding of r to dst and returns the
// extended slice. The bytes are exactly those of encoding/json's
// json.Marshal(r): the same field order and names, null for nil slices,
// map keys sorted, the same escaping of strings (including <, > and & as
// \u003c, \u003e and \u0026, invalid UTF-8 as \ufffd) and the same
// formatting of numbers. It uses no reflection and allocates nothing once
// dst has room (apart from sorting the keys of a Meta map with more than
// eight entries). Like json.Marshal, it fails on a NaN or infinite float,
// leaving dst as it was.
//
// To write indented JSON, pass the result through json.Indent, which is
// what json.MarshalIndent does.
func (r *Report) AppendJSON(dst []byte) ([]byte, error) {
	e := jsonEnc{b: dst}
	e.report(r)
	if e.memo != nil {
		reasonMemos.Put(e.memo)
	}
	if e.err != nil {
		return dst, e.err
	}
	return e.b, nil
}

// AppendJSON appends the JSON encoding of d to dst, byte-identical to
// json.Marshal(d); see [Report.AppendJSON].
func (d *DeviceScore) AppendJSON(dst []byte) ([]byte, error) {
	e := jsonEnc{b: dst}
	e.device(d)
	if e.err != nil {
		return dst, e.err
	}
	return e.b, nil
}

// jsonEnc appends JSON to b; err records the first unsupported value.
type jsonEnc struct {
	b   []byte
	err error
	// memo remembers the JSON of recent reasons' features and weights
	// (see featureWeight); taken from reasonMemos at the first reason,
	// when memoOK.
	memo   *reasonMemo
	memoOK bool
}

func (e *jsonEnc) report(r *Report) {
	e.b = append(e.b, `{"id":`...)
	e.str(r.ID)
	e.b = append(e.b, `,"speaker":`...)
	e.str(r.Speaker)
	if r.Date != "" {
		e.b = append(e.b, `,"date":`...)
		e.str(r.Date)
	}
	if len(r.Meta) > 0 {
		e.b = append(e.b, `,"meta":`...)
		e.meta(r.Meta)
	}
	if r.BodyOffset != 0 {
		e.b = append(e.b, `,"body_offset":`...)
		e.b = appendInt(e.b, r.BodyOffset)
	}
	e.b = append(e.b, `,"words":`...)
	e.b = appendInt(e.b, r.Words)
	e.b = append(e.b, `,"tokens":`...)
	e.b = appendInt(e.b, r.Tokens)
	e.b = append(e.b, `,"sentences":`...)
	e.b = appendInt(e.b, r.Sentences)
	// A report of many reasons (a speech) goes through the memos of
	// featureWeight and floatMemo; a short one (a quote) does without, so that a
	// one-statement run allocates no memo.
	nr := 0
	for i := range r.Spans {
		for j := range r.Spans[i].Scores {
			nr += len(r.Spans[i].Scores[j].Because)
		}
	}
	e.memoOK = nr >= reasonMemoMin
	e.b = append(e.b, `,"devices":`...)
	if r.Devices == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range r.Devices {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.device(&r.Devices[i])
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, `,"hits":`...)
	if r.Hits == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range r.Hits {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.hit(&r.Hits[i])
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, `,"spans":`...)
	if r.Spans == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range r.Spans {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.span(&r.Spans[i])
		}
		e.b = append(e.b, ']')
	}
	if len(r.Turns) > 0 {
		e.b = append(e.b, `,"turns":[`...)
		for i := range r.Turns {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			t := &r.Turns[i]
			e.b = append(e.b, `{"speaker":`...)
			e.str(t.Speaker)
			e.b = append(e.b, `,"start":`...)
			e.b = appendInt(e.b, t.Start)
			e.b = append(e.b, `,"end":`...)
			e.b = appendInt(e.b, t.End)
			e.b = append(e.b, `,"words":`...)
			e.b = appendInt(e.b, t.Words)
			e.b = append(e.b, `,"sentences":`...)
			e.b = appendInt(e.b, t.Sentences)
			if t.Excluded {
				e.b = append(e.b, `,"excluded":true`...)
			}
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

// hit writes a hit. Like prob, it appends to a local slice, stored back
// once, and writes the three modifier flags as one of eight strings.
func (e *jsonEnc) hit(h *Hit) {
	b := append(e.b, `{"device":`...)
	b = appendStr(b, h.Device)
	b = append(b, `,"entry":`...)
	b = appendStr(b, h.Entry)
	b = append(b, `,"text":`...)
	b = appendStr(b, h.Text)
	b = append(b, `,"start":`...)
	b = appendInt(b, h.Start)
	b = append(b, `,"end":`...)
	b = appendInt(b, h.End)
	b = append(b, `,"sentence":`...)
	b = appendInt(b, h.Sentence)
	b = append(b, `,"weight":`...)
	b = e.appendFloat(b, h.Weight)
	flags := 0
	if h.Negated {
		flags |= 4
	}
	if h.Intensified {
		flags |= 2
	}
	if h.Hedged {
		flags |= 1
	}
	b = append(b, hitFlags[flags]...)
	if len(h.Modifiers) > 0 {
		b = append(b, `,"modifiers":[`...)
		for i := range h.Modifiers {
			if i > 0 {
				b = append(b, ',')
			}
			m := &h.Modifiers[i]
			b = append(b, `{"kind":`...)
			b = appendStr(b, m.Kind.String())
			b = append(b, `,"text":`...)
			b = appendStr(b, m.Text)
			b = append(b, `,"start":`...)
			b = appendInt(b, m.Start)
			b = append(b, `,"end":`...)
			b = appendInt(b, m.End)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"target":`...)
	b = appendStr(b, h.Target)
	if h.TargetRule != "" {
		b = append(b, `,"target_rule":`...)
		b = appendStr(b, string(h.TargetRule))
	}
	if h.Speaker != "" {
		b = append(b, `,"speaker":`...)
		b = appendStr(b, h.Speaker)
	}
	if h.Source != "" {
		b = append(b, `,"source":`...)
		b = appendStr(b, h.Source)
	}
	if h.SourceActor != "" {
		b = append(b, `,"source_actor":`...)
		b = appendStr(b, h.SourceActor)
	}
	if h.Reported {
		b = append(b, `,"reported":true`...)
	}
	if h.Disputed {
		b = append(b, `,"disputed":true`...)
	}
	if h.Excluded {
		b = append(b, `,"excluded":true`...)
	}
	e.b = append(b, '}')
}

// hitFlags are a hit's negated, intensified and hedged fields, by the bits
// 4, 2 and 1 of those that are true.
var hitFlags = [8]string{
	`,"negated":false,"intensified":false,"hedged":false`,
	`,"negated":false,"intensified":false,"hedged":true`,
	`,"negated":false,"intensified":true,"hedged":false`,
	`,"negated":false,"intensified":true,"hedged":true`,
	`,"negated":true,"intensified":false,"hedged":false`,
	`,"negated":true,"intensified":false,"hedged":true`,
	`,"negated":true,"intensified":true,"hedged":false`,
	`,"negated":true,"intensified":true,"hedged":true`,
}

func (e *jsonEnc) device(d *DeviceScore) {
	b := append(e.b, `{"device":`...)
	b = appendStr(b, d.Device)
	b = append(b, `,"hits":`...)
	b = appendInt(b, d.Hits)
	b = append(b, `,"negated":`...)
	b = appendInt(b, d.Negated)
	b = append(b, `,"weight":`...)
	b = e.appendFloat(b, d.Weight)
	b = append(b, `,"per_1k":`...)
	b = e.appendFloat(b, d.Per1K)
	b = append(b, `,"share":`...)
	b = e.appendFloat(b, d.Share)
	b = append(b, `,"coverage":`...)
	b = e.appendFloat(b, d.Coverage)
	b = append(b, `,"intensity":`...)
	b = e.appendFloat(b, d.Intensity)
	b = append(b, `,"targets":`...)
	if d.Targets == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range d.Targets {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"actor":`...)
			b = appendStr(b, d.Targets[i].Actor)
			b = append(b, `,"count":`...)
			b = appendInt(b, d.Targets[i].Count)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"intensified":`...)
	b = appendInt(b, d.Intensified)
	b = append(b, `,"hedged":`...)
	b = appendInt(b, d.Hedged)
	b = append(b, `,"covered":`...)
	b = appendInt(b, d.CoveredSentences)
	b = append(b, `,"detected":`...)
	b = appendInt(b, d.Detected)
	e.b = append(b, '}')
}

func (e *jsonEnc) span(s *Span) {
	b := append(e.b, `{"start":`...)
	b = appendInt(b, s.Start)
	b = append(b, `,"end":`...)
	b = appendInt(b, s.End)
	b = append(b, `,"devices":`...)
	if s.Devices == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, d := range s.Devices {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendStr(b, d)
		}
		b = append(b, ']')
	}
	if s.Speaker != "" {
		b = append(b, `,"speaker":`...)
		b = appendStr(b, s.Speaker)
	}
	if s.Excluded {
		b = append(b, `,"excluded":true`...)
	}
	e.b = b
	if len(s.Targets) > 0 {
		e.b = append(e.b, `,"targets":`...)
		e.meta(s.Targets)
	}
	if len(s.Scores) > 0 {
		e.b = append(e.b, `,"scores":[`...)
		for i := range s.Scores {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.prob(&s.Scores[i])
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

// prob writes a model score and its reasons, most of a report's bytes
// with the learned layer on. It appends to a local slice (stored back
// once) and writes the reasons' weights through appendDecimal3.
func (e *jsonEnc) prob(p *Prob) {
	b := append(e.b, `{"device":`...)
	b = appendStr(b, p.Device)
	b = append(b, `,"p":`...)
	b = e.appendFloat(b, p.P)
	if p.Because == nil {
		e.b = append(b, `,"because":null}`...)
		return
	}
	b = append(b, `,"because":[`...)
	for i := range p.Because {
		r := &p.Because[i]
		if i == 0 {
			b = append(b, `{"feature":`...)
		} else {
			b = append(b, `,{"feature":`...)
		}
		b = e.featureWeight(b, r.Feature, r.Weight)
		b = append(b, `,"start":`...)
		b = appendInt(b, r.Start)
		b = append(b, `,"end":`...)
		b = appendInt(b, r.End)
		b = append(b, '}')
	}
	e.b = append(b, "]}"...)
}

// featureWeight appends a reason's feature and weight, `"name","weight":w`,
// to b and returns the result. A report's reasons repeat a few thousand
// features with their weights (the model's strongest words, hits and
// device counts), so the bytes are remembered in a direct-mapped memo: a
// repeat is one copy instead of escaping the name and formatting the
// weight.
//
// A slot is found by the feature string's address and the weight's bits,
// which is cheap, but it answers only for the same weight and the same
// bytes of the name, which it holds itself (it remembers only names that
// need no escaping, whose JSON is the name between quotes). So a string
// over memory the caller reuses, with another string's address and length
// but other bytes, misses as it must; and the memo holds no pointer, so it
// keeps none of the caller's memory alive.
func (e *jsonEnc) featureWeight(b []byte, f string, w float64) []byte {
	if !e.memoOK {
		return e.appendFeatureWeight(b, f, w)
	}
	m := e.memo
	if m == nil {
		m = reasonMemos.Get().(*reasonMemo)
		e.memo = m
	}
	wb := math.Float64bits(w)
	h := (uint64(uintptr(unsafe.Pointer(unsafe.StringData(f))))*0x9E3779B97F4A7C15 ^ wb*0xC2B2AE3D27D4EB4F) >> (64 - reasonMemoBits)
	x := &m.slots[h]
	if x.n > 0 && x.weight == wb && int(x.flen) == len(f) && string(x.enc[1:1+len(f)]) == f {
		return append(b, x.enc[:x.n]...)
	}
	from := len(b)
	b = appendStr(b, f)
	plain := len(b)-from == len(f)+2 // escaping only ever lengthens
	b = e.appendWeight(b, w)
	if n := len(b) - from; plain && n <= len(x.enc) && e.err == nil {
		x.weight, x.flen, x.n = wb, uint8(len(f)), uint8(n)
		copy(x.enc[:], b[from:])
	}
	return b
}

// appendFeatureWeight appends `"f","weight":w` to b.
func (e *jsonEnc) appendFeatureWeight(b []byte, f string, w float64) []byte {
	return e.appendWeight(appendStr(b, f), w)
}

// appendWeight appends `,"weight":w` to b.
func (e *jsonEnc) appendWeight(b []byte, w float64) []byte {
	b = append(b, `,"weight":`...)
	if d, ok := appendDecimal3(b, w); ok {
		return d
	}
	return e.appendFloat(b, w)
}

// reasonMemoMin is the number of reasons from which a report's encoding
// uses a reasonMemo: a UN speech has hundreds (median 440 in 2020), a
// quote a few dozen, whose encoding is not worth taking (and, in a
// one-statement run, allocating) 160 kB of memo.
const reasonMemoMin = 128

// reasonMemoBits is the log2 of a reasonMemo's slots: 2,048 slots of 80
// bytes (160 kB) find three reasons in four on the 2020 UN speeches, where
// the 2,048 commonest pairs of feature and weight are 93% of the reasons.
const reasonMemoBits = 11

// reasonMemo is featureWeight's memo: slots of a weight's bits and the
// JSON of a feature and that weight (n bytes; n == 0 marks an empty slot),
// whose name is enc[1:1+flen].
type reasonMemo struct {
	slots [1 << reasonMemoBits]struct {
		weight uint64
		flen   uint8
		n      uint8
		enc    [70]byte
	}
	// floats are floatMemo's slots: the bits of a float and its JSON
	// (n bytes; n == 0 marks an empty slot).
	floats [1 << floatMemoBits]struct {
		bits uint64
		n    uint8
		enc  [31]byte
	}
}

// floatMemoBits is the log2 of a reasonMemo's slots for floats: 1,024
// slots of 40 bytes (40 kB) find 37% of the floats that need strconv on
// the 2020 UN speeches (256 slots, 28%).
const floatMemoBits = 10

// reasonMemos hands each encoding a memo of its own (a memo is not safe
// for concurrent use), kept from one report to the next.
var reasonMemos = sync.Pool{New: func() any { return new(reasonMemo) }}

// meta writes a non-empty map with its keys in sorted order, as
// encoding/json does. Up to eight keys are sorted on the stack.
func (e *jsonEnc) meta(m map[string]string) {
	var small [8]string
	keys := small[:0]
	if len(m) > len(small) {
		keys = make([]string, 0, len(m))
	}
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.b = append(e.b, '{')
	for i, k := range keys {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(k)
		e.b = append(e.b, ':')
		e.str(m[k])
	}
	e.b = append(e.b, '}')
}

// errUnsupportedFloat is the error for a NaN or infinite float, which
// JSON cannot represent.
var errUnsupportedFloat = errors.New("rhetoric: report holds a NaN or infinite number, which JSON cannot represent")

// appendFloat appends f to b as encoding/json writes it: the shortest
// decimal that reads back as f, in exponent form (with at least one
// exponent digit) below 1e-6 and from 1e21 on.
func (e *jsonEnc) appendFloat(b []byte, f float64) []byte {
	if out, ok := appendDecimal4(b, f); ok {
		return out
	}
	if math.Float64bits(f) == 0 {
		// +0, a fifth of a report's device scores (-0 is written "-0").
		return append(b, '0')
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if e.err == nil {
			e.err = errUnsupportedFloat
		}
		return append(b, '0')
	}
	if e.memoOK {
		return e.floatMemo(b, f)
	}
	return appendShortest(b, f)
}

// floatMemo appends f (finite, not a short decimal) through the memo's
// floats: a device's rates and shares are quotients of small counts (the
// hits over the words, the intensified hits over the hits), which repeat
// within a report and from one report to the next, and strconv's
// shortest digits cost about a thousand instructions. A slot answers for
// the same bits only.
func (e *jsonEnc) floatMemo(b []byte, f float64) []byte {
	m := e.memo
	if m == nil {
		m = reasonMemos.Get().(*reasonMemo)
		e.memo = m
	}
	fb := math.Float64bits(f)
	x := &m.floats[fb*0x9E3779B97F4A7C15>>(64-floatMemoBits)]
	if x.n > 0 && x.bits == fb {
		return append(b, x.enc[:x.n]...)
	}
	from := len(b)
	b = appendShortest(b, f)
	if n := len(b) - from; n <= len(x.enc) {
		x.bits, x.n = fb, uint8(n)
		copy(x.enc[:], b[from:])
	}
	return b
}

// appendShortest appends the finite f as encoding/json writes it: the
// shortest decimal that reads back as f, in exponent form (with at least
// one exponent digit) below 1e-6 and from 1e21 on.
func appendShortest(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 -> 1e-7, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendDecimal4 appends f as strconv.AppendFloat(b, f, 'f', -1, 64) does,
// without its shortest-digits search, when f is the double nearest to
// n/10^4 for an integer n with 0 < |n| < 10^15. Most numbers of a report
// are such (probabilities rounded to four decimals, model weights with
// three, counts). The decimal n/10^4 without trailing zeros reads back as
// f, and no other decimal of as few digits does: two decimals of at most
// 15 significant digits never read back as the same double. So it is the
// shortest, which is what strconv writes. It reports false, appending
// nothing, for any other f.
func appendDecimal4(b []byte, f float64) ([]byte, bool) {
	if !(f > -1e10 && f < 1e10) || f == 0 {
		return b, false
	}
	// |f*1e4| < 2^47, so adding ±0.5 is exact and truncating rounds half
	// away from zero, as math.Round does.
	x := f * 1e4
	n := int64(x + math.Copysign(0.5, x))
	if float64(n)/1e4 != f {
		return b, false
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	if q := n / 10000; q < 1000000 {
		b = appendInt(b, int(q))
	} else {
		b = strconv.AppendInt(b, q, 10)
	}
	switch f := n % 10000; {
	case f == 0:
		return b, true
	case f%1000 == 0:
		b = append(b, '.', '0'+byte(f/1000))
	case f%100 == 0:
		b = append(b, '.', '0'+byte(f/1000), '0'+byte(f/100%10))
	case f%10 == 0:
		b = append(b, '.', '0'+byte(f/1000), '0'+byte(f/100%10), '0'+byte(f/10%10))
	default:
		b = append(b, '.', '0'+byte(f/1000), '0'+byte(f/100%10), '0'+byte(f/10%10), '0'+byte(f%10))
	}
	return b, true
}

// appendDecimal3 is appendDecimal4 for the double nearest to k/1000 with
// 0 < |k| < 10^6, as the reasons' weights are (int16 thousandths for a
// trained model): the same digits, as k/1000 is (10k)/10^4, found with
// one rounding and one division and written with at most three decimals.
// It reports false, appending nothing, for any other f.
func appendDecimal3(b []byte, f float64) ([]byte, bool) {
	x := f * 1000
	if !(x > -1e6 && x < 1e6) {
		return b, false
	}
	k := int64(x + math.Copysign(0.5, x))
	if k == 0 || float64(k)/1000 != f {
		return b, false
	}
	if k < 0 {
		b = append(b, '-')
		k = -k
	}
	b = appendInt(b, int(k/1000))
	// The decimals, trailing zeros dropped.
	switch r := k % 1000; {
	case r == 0:
	case r%100 == 0:
		b = append(b, '.', '0'+byte(r/100))
	case r%10 == 0:
		lo := r / 10 * 2
		b = append(b, '.', digits2[lo], digits2[lo+1])
	default:
		lo := r % 100 * 2
		b = append(b, '.', '0'+byte(r/100), digits2[lo], digits2[lo+1])
	}
	return b, true
}

// appendInt appends v in decimal, as strconv.AppendInt(b, int64(v), 10)
// does. Numbers under a million (offsets, counts) are written in one
// append, without strconv's buffer and copy.
func appendInt(b []byte, v int) []byte {
	switch u := uint(v); {
	case u < 10:
		return append(b, '0'+byte(u))
	case u < 100:
		return append(b, digits2[2*u], digits2[2*u+1])
	case u < 1000:
		hi, lo := u/100, u%100*2
		return append(b, '0'+byte(hi), digits2[lo], digits2[lo+1])
	case u < 10000:
		hi, lo := u/100*2, u%100*2
		return append(b, digits2[hi], digits2[hi+1], digits2[lo], digits2[lo+1])
	case u < 100000:
		top, mid, lo := u/10000, u/100%100*2, u%100*2
		return append(b, '0'+byte(top), digits2[mid], digits2[mid+1], digits2[lo], digits2[lo+1])
	case u < 1000000:
		top, mid, lo := u/10000*2, u/100%100*2, u%100*2
		return append(b, digits2[top], digits2[top+1], digits2[mid], digits2[mid+1], digits2[lo], digits2[lo+1])
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// digits2 holds the two digits of every number under 100 ("00" to "99"),
// so that appendInt writes two digits with one division.
const digits2 = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// jsonSafe marks the bytes that a JSON string holds as they are: the
// ASCII ones apart from the quote, the backslash, control characters and
// (as encoding/json escapes them for HTML) <, > and &. Bytes of UTF-8
// sequences are not marked: str decodes them.
var jsonSafe = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string, escaped as encoding/json escapes it.
func (e *jsonEnc) str(s string) { e.b = appendStr(e.b, s) }

// appendStr appends s as a JSON string, escaped as encoding/json escapes
// it. Most strings of a report (device and feature names, actor codes)
// need no escape: they are checked eight bytes at a time (unsafe8) and
// copied whole.
func appendStr(b []byte, s string) []byte {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if unsafe8(load8(s, i)) != 0 {
			break
		}
	}
	switch {
	case i == len(s):
	case i >= 8 && i+8 > len(s):
		if unsafe8(load8(s, len(s)-8)) == 0 {
			// The last eight bytes, overlapping those checked, are safe.
			i = len(s)
		}
	case len(s) >= 4 && len(s) < 8:
		// Four to seven bytes: the first four and the last four.
		if unsafe8(load4(s, 0)|load4(s, len(s)-4)<<32) == 0 {
			i = len(s)
		}
	}
	for i < len(s) && jsonSafe[s[i]] {
		i++
	}
	b = append(b, '"')
	if i == len(s) {
		b = append(b, s...)
		return append(b, '"')
	}
	return appendStrEscaped(b, s, i)
}

// load8 returns bytes i to i+7 of s as a little-endian integer (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load4 returns bytes i to i+3 of s as a little-endian integer.
func load4(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// Byte-wise constants of unsafe8.
const (
	lsb8 = 0x0101010101010101
	msb8 = 0x8080808080808080
)

// unsafe8 returns a nonzero value exactly when one of the eight bytes of
// x is not jsonSafe: at or above 0x80, under 0x20, or one of "\\<>&. The
// test for a byte under n, (x - n*lsb8) &^ x & msb8, and for a zero byte
// (n = 1, after XOR with the byte sought) may flag a wrong byte when a
// borrow runs on, but only above a byte that truly matches, so whether
// any byte matches is exact (TestUnsafe8 compares it with jsonSafe). The
// pairs " and & (0x22, 0x26) and < and > (0x3c, 0x3e) differ in one bit,
// so each pair is one test with that bit set.
func unsafe8(x uint64) uint64 {
	qa := (x | 0x04*lsb8) ^ '&'*lsb8
	lg := (x | 0x02*lsb8) ^ '>'*lsb8
	bs := x ^ '\\'*lsb8
	r := (x - 0x20*lsb8) &^ x
	r |= (qa - lsb8) &^ qa
	r |= (lg - lsb8) &^ lg
	r |= (bs - lsb8) &^ bs
	return (r | x) & msb8
}

// appendStrEscaped appends the rest of the JSON string s from byte i on,
// having appended the opening quote; s[:i] needs no escape.
func appendStrEscaped(b []byte, s string, i int) []byte {
	start := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			// Line and paragraph separators end a line in JavaScript.
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
