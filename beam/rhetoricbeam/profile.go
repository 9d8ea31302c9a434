package rhetoricbeam

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rhetorica/rhetorica/rhetoric"
)

func init() {
	register.Combiner2[rhetoric.Profile, rhetoric.Report](&profileFn{})
	register.DoFn1x2[rhetoric.Report, string, rhetoric.Report](&keyFn{})
	register.DoFn2x1[string, rhetoric.Profile, rhetoric.Profile](&nameFn{})
	register.DoFn2x2[[]byte, func(*rhetoric.Profile) bool, rhetoric.Comparison, error](&compareFn{})
	register.Iter1[rhetoric.Profile]()
}

// ProfileBy groups reports by key and returns one [rhetoric.Profile] per
// group, its Key and Group set. key is a name as the CLI's --by takes it
// ([rhetoric.KeyField]): "speaker", "id", "date", or a metadata field such
// as "country" or (with [ReadOptions].FileMeta) "file". It is a
// CombinePerKey whose accumulator is the profile itself.
func ProfileBy(s beam.Scope, key string, reports beam.PCollection) beam.PCollection {
	s = s.Scope("rhetoricbeam.ProfileBy")
	keyed := beam.ParDo(s, &keyFn{Key: key}, reports)
	combined := beam.CombinePerKey(s, &profileFn{}, keyed)
	return beam.ParDo(s, &nameFn{Key: key}, combined)
}

// ProfileAll returns the profile of all reports: a collection of one
// [rhetoric.Profile] (empty when there are no reports), its Key and Group
// empty.
func ProfileAll(s beam.Scope, reports beam.PCollection) beam.PCollection {
	s = s.Scope("rhetoricbeam.ProfileAll")
	return beam.Combine(s, &profileFn{}, reports)
}

// profileFn combines reports into a profile.
type profileFn struct{}

func (*profileFn) CreateAccumulator() rhetoric.Profile { return rhetoric.Profile{} }

func (*profileFn) AddInput(p rhetoric.Profile, r rhetoric.Report) rhetoric.Profile {
	p.Add(&r)
	return p
}

func (*profileFn) MergeAccumulators(a, b rhetoric.Profile) rhetoric.Profile {
	a.Merge(b)
	return a
}

// keyFn keys a report by its group.
type keyFn struct {
	Key string
	of  func(*rhetoric.Report) string
}

func (fn *keyFn) ProcessElement(r rhetoric.Report) (string, rhetoric.Report) {
	if fn.of == nil {
		fn.of = rhetoric.KeyField(fn.Key).Of
	}
	return fn.of(&r), r
}

// nameFn sets a combined profile's Key and Group.
type nameFn struct{ Key string }

func (fn *nameFn) ProcessElement(group string, p rhetoric.Profile) rhetoric.Profile {
	p.Key, p.Group = fn.Key, group
	return p
}

// Compare compares the profiles of groups a and b device by device
// ([rhetoric.CompareWith] with prior size prior; 0 means
// [rhetoric.DefaultPrior]). profiles is the output of [ProfileBy]. It
// returns a collection of one [rhetoric.Comparison]; a group without a
// profile fails the pipeline with an error that lists the groups.
func Compare(s beam.Scope, profiles beam.PCollection, a, b string, prior float64) beam.PCollection {
	s = s.Scope("rhetoricbeam.Compare")
	return beam.ParDo(s, &compareFn{A: a, B: b, Prior: prior}, beam.Impulse(s), beam.SideInput{Input: profiles})
}

// compareFn compares two profiles found among all of them.
type compareFn struct {
	A, B  string
	Prior float64
}

func (fn *compareFn) ProcessElement(_ []byte, profiles func(*rhetoric.Profile) bool) (rhetoric.Comparison, error) {
	var pa, pb *rhetoric.Profile
	var groups []string
	var p rhetoric.Profile
	for profiles(&p) {
		q := p
		switch q.Group {
		case fn.A:
			pa = &q
		case fn.B:
			pb = &q
		}
		groups = append(groups, fmt.Sprintf("%q", q.Group))
		p = rhetoric.Profile{}
	}
	if pa == nil || pb == nil {
		missing := fn.A
		if pa != nil {
			missing = fn.B
		}
		slices.Sort(groups)
		if len(groups) > 20 {
			groups = append(groups[:20], fmt.Sprintf("... %d more", len(groups)-20))
		}
		return rhetoric.Comparison{}, fmt.Errorf("rhetoricbeam: no statements in group %q (the groups are: %s)", missing, strings.Join(groups, ", "))
	}
	return rhetoric.CompareWith(*pa, *pb, fn.Prior), nil
}
