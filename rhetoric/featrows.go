package rhetoric

// Features whose whole name is known before any sentence is read: those of
// the analyzer's devices, actors and target codes (d=, d2=, dn=, a=, t:c=,
// tr=DEVICE/RULE) and the target features whose variable part is one of a
// few words (t:none/..., t:r=RULE, t:g=ROLE, t:gd=ROLE/DISTANCE, ...). An
// analyzer with a model looks their rows up once, in New, so that such a
// feature of a sentence costs a load instead of hashing its name and
// probing the model's table (see [featSink.addKnown]).

// Fixed target and sentence features, by index into fixedNames.
const (
	fxNoneN0 = iota // t:none/n=0; n=1 and n=2 follow
	fxNoneN1
	fxNoneN2
	fxNoneNohit
	fxNoneNamed
	fxNoneHit
	fxSelf
	fxFirst
	fxOnly
	fxPoss
	fxBy
	fxMany
	fxBefore
	fxAfter
	fxRNone
	fxQuestion
	fxOther       // t:other/noun, t:other/name (see cueKinds)
	fxOtherBefore = fxOther + len(cueKinds)
	fxOtherAfter  = fxOtherBefore + len(cueKinds)
	fxR1          = fxOtherAfter + len(cueKinds) // t:r1=RULE, by index into targetRules
	fxR           = fxR1 + len(targetRules)
	fxO           = fxR + len(targetRules)
	fxG           = fxO + len(targetRules) // t:g=ROLE, by index into roles
	fxGd          = fxG + len(roles)       // t:gd=ROLE/DISTANCE at fxGd + role*len(gapBuckets) + bucket
	nFixed        = fxGd + len(roles)*len(gapBuckets)
)

// cueKinds are the kinds of OTHER cue as target features name them.
var cueKinds = [...]string{"noun", "name"}

// targetRules are the rules by which a hit finds its target, as the
// features tr=, t:r1=, t:r= and t:o= name them (see ruleIndex).
var targetRules = [...]TargetRule{RuleInside, RuleAccused, RuleAgent, RulePossessive, RuleObject, RuleSubject, RuleNearest, RuleEntity}

// roles are the roles of a mention against a cue (see [scratch.role]), as
// the features t:g= and t:gd= name them (see roleIndex).
var roles = [...]string{roleIn, roleAdj, rolePoss, roleSubj, roleBefore, roleAgainst, roleObj, roleBy, roleOf, roleAfter, roleLater}

// gapBuckets name the distances between a mention and a cue (see
// gapIndex).
var gapBuckets = [...]string{"0", "near", "mid", "far"}

// fixedNames holds the name of each fixed feature, by its fx index; each
// is a prefix (with its hash among the prefixes' hashes) and a rest.
var fixedNames = func() (n [nFixed]struct{ p, y string }) {
	for i, s := range [...]string{"t:none/n=0", "t:none/n=1", "t:none/n=2", "t:none/nohit", "t:none/named", "t:none/hit",
		"t:self", "t:first", "t:only", "t:poss", "t:by", "t:many", "t:before", "t:after", "t:r=-", "f=question"} {
		n[i].p = s
	}
	for i, k := range cueKinds {
		n[fxOther+i] = struct{ p, y string }{"t:other/", k}
		n[fxOtherBefore+i] = struct{ p, y string }{"t:other/before/", k}
		n[fxOtherAfter+i] = struct{ p, y string }{"t:other/after/", k}
	}
	for i, r := range targetRules {
		n[fxR1+i] = struct{ p, y string }{"t:r1=", string(r)}
		n[fxR+i] = struct{ p, y string }{"t:r=", string(r)}
		n[fxO+i] = struct{ p, y string }{"t:o=", string(r)}
	}
	for i, r := range roles {
		n[fxG+i] = struct{ p, y string }{"t:g=", r}
		for j, b := range gapBuckets {
			n[fxGd+i*len(gapBuckets)+j] = struct{ p, y string }{"t:gd=", r + "/" + b}
		}
	}
	return n
}()

// featRows are the model rows of an analyzer's fixed features, -1 where
// the model has none (and everywhere without a model).
type featRows struct {
	fixed [nFixed]int32
	// By device index: d=, d2=, dn=, and tr=DEVICE/RULE by rule index.
	det, det2, detNeg []int32
	rule              [][len(targetRules)]int32
	actor             []int32 // by actor index: a=CODE
	cand              []int32 // by tcodes index: t:c=CODE
}

// newFeatRows returns the rows in model m (nil for none) of the fixed
// features of an analyzer whose feature hashes are fh.
func newFeatRows(m *Model, fh *featHashes) *featRows {
	row := func(h uint64) int32 {
		if m == nil {
			return -1
		}
		return m.lookup(h)
	}
	rows := func(hs []uint64) []int32 {
		r := make([]int32, len(hs))
		for i, h := range hs {
			r[i] = row(h)
		}
		return r
	}
	fr := &featRows{det: rows(fh.det), det2: rows(fh.det2), detNeg: rows(fh.detNeg), actor: rows(fh.actor), cand: rows(fh.cand)}
	for i, n := range fixedNames {
		fr.fixed[i] = row(fnvAdd(FeatureHash(n.p), n.y))
	}
	fr.rule = make([][len(targetRules)]int32, len(fh.rule))
	for d, h := range fh.rule {
		for i, r := range targetRules {
			fr.rule[d][i] = row(fnvAdd(h, string(r)))
		}
	}
	return fr
}

// addKnown records, like [featSink.addh], the feature p+x+sep+y over text
// [start, end) given h, the hash of p+x+sep, when its model row is known
// to be row: the row of that name in the analyzer's model, with which k
// must have begun (every sink of an analyzer does). It inlines to addRow
// in model mode.
func (k *featSink) addKnown(row int32, h uint64, p, x, sep, y string, start, end int) {
	if k.rows {
		k.addRow(row, start, end)
		return
	}
	k.addh(h, p, x, sep, y, start, end)
}

// addFixed records the fixed feature fx (an index into fixedNames) over
// text [start, end).
func (a *Analyzer) addFixed(k *featSink, fx, start, end int) {
	if k.rows {
		k.addRow(a.fr.fixed[fx], start, end)
		return
	}
	addFixedName(k, fx, start, end)
}

// addFixedName is addFixed when k is not in model mode.
func addFixedName(k *featSink, fx, start, end int) {
	n := &fixedNames[fx]
	k.addh(FeatureHash(n.p), n.p, "", "", n.y, start, end)
}

// ruleIndex returns the index of r in targetRules, or -1.
func ruleIndex(r TargetRule) int {
	switch r {
	case RuleInside:
		return 0
	case RuleAccused:
		return 1
	case RuleAgent:
		return 2
	case RulePossessive:
		return 3
	case RuleObject:
		return 4
	case RuleSubject:
		return 5
	case RuleNearest:
		return 6
	case RuleEntity:
		return 7
	}
	return -1
}

// roleIndex returns the index of role r (one of the role constants) in
// roles, or -1.
func roleIndex(r string) int {
	switch r {
	case roleIn:
		return 0
	case roleAdj:
		return 1
	case rolePoss:
		return 2
	case roleSubj:
		return 3
	case roleBefore:
		return 4
	case roleAgainst:
		return 5
	case roleObj:
		return 6
	case roleBy:
		return 7
	case roleOf:
		return 8
	case roleAfter:
		return 9
	case roleLater:
		return 10
	}
	return -1
}

// gapIndex returns the index in gapBuckets of a distance in tokens: 0,
// near (1-3), mid (4-10), far.
func gapIndex(gap int) int {
	switch {
	case gap == 0:
		return 0
	case gap <= 3:
		return 1
	case gap <= 10:
		return 2
	}
	return 3
}

// addRuleFeature records the feature of prefix fx (fxR1, fxR or fxO) and
// target rule r over text [start, end).
func (a *Analyzer) addRuleFeature(k *featSink, fx int, r TargetRule, start, end int) {
	if ri := ruleIndex(r); ri >= 0 {
		a.addFixed(k, fx+ri, start, end)
		return
	}
	p := fixedNames[fx].p
	k.addh(FeatureHash(p), p, "", "", string(r), start, end)
}

// rowMemo remembers, for one scratch (so one analyzer and its model), the
// model rows of features named by words that the analyzer knows by
// number: a sentence's first word and first two words by form ID
// (f=first/, f=start/) and a hit's lexicon entry (h=, hn=, hi=, hh=). A
// repeat then costs a probe of the memo instead of hashing the words and
// probing the model's table. Direct-mapped; a slot holds its whole key.
type rowMemo struct {
	space uint64 // the form space (tokenize.Document.FormSpace) of the form IDs in the keys
	slots [1 << rowMemoBits]struct {
		key uint64
		row int32
	}
}

// emptyRowKey marks an empty rowMemo slot: its kind (15) is none.
const emptyRowKey = ^uint64(0)

// rowMemoBits is the log2 of a rowMemo's slots (1,024 slots, 16 kB).
const rowMemoBits = 10

// Kinds of rowMemo key, in its top 4 bits; the rest holds two numbers of
// 30 bits: form IDs or a category and entry index (hitKey).
const (
	rkFirst = 1 + iota
	rkStart
	rkHit // h=; hn=, hi= and hh= follow
	rkNeg
	rkIntens
	rkHedged
)

// rowKey returns the memo key of kind and the numbers a and b, or 0 (no
// key) when either is 0 or does not fit in 30 bits.
func rowKey(kind, a, b uint64) uint64 {
	if a-1 >= 1<<30-1 || b-1 >= 1<<30-1 {
		return 0
	}
	return kind<<60 | a<<30 | b
}

// get returns the row that the slot of key holds, and whether it holds
// key's (an empty slot's key is emptyRowKey, which is no key, and the key 0
// is never stored); on false, find the row.
func (r *rowMemo) get(key uint64) (int32, bool) {
	s := &r.slots[key*0x9E3779B97F4A7C15>>(64-rowMemoBits)]
	return s.row, s.key == key
}

// find returns the row in m of the feature with the hash of x+sep+y
// carried on from h (see [featSink.addh]), for a key that get did not
// find, and keeps it in the key's slot (unless key is 0: none).
func (r *rowMemo) find(m *Model, key, h uint64, x, sep, y string) int32 {
	row := m.lookup(fnvAdd(fnvAdd(fnvAdd(h, x), sep), y))
	if key != 0 {
		s := &r.slots[key*0x9E3779B97F4A7C15>>(64-rowMemoBits)]
		s.key, s.row = key, row
	}
	return row
}

// rowMemo returns sc's memo of rows for the form IDs of doc, emptied when
// the memo held those of another tokenizer.
func (sc *scratch) rowMemo(space uint64) *rowMemo {
	r := sc.rmemo
	if r == nil {
		r = new(rowMemo)
		sc.rmemo = r
	}
	if r.space != space || r.slots[0].key == 0 {
		for i := range r.slots {
			r.slots[i].key = emptyRowKey
		}
		r.space = space
	}
	return r
}

// entryKey returns xhit.entry for entry e of category c, 0 when either
// does not fit in 30 bits.
func entryKey(c, e int) uint64 {
	if uint(c) >= 1<<30-1 || uint(e) >= 1<<30 {
		return 0
	}
	return uint64(c+1)<<30 | uint64(e)
}
