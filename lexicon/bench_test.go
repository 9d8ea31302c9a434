//go:build unix

package lexicon

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/tokenize"
)

// largeBenchDef builds a 100,000-entry lexicon deterministically from the
// vocabulary and word sequences of the 2022 and 2023 UN General Debate
// speeches: exact words, wildcards, stems, two- and three-word phrases and
// gap phrases, spread over 200 categories, with the small lexicon's cues,
// modifiers and actors.
//
// With held set, generated entries that would match somewhere in held are
// left out (the small lexicon's cues stay): matching held then finds the
// same matches as with the small lexicon, so the two benchmarks differ only
// in the size of the lexicon. Phrases whose first words occur in held are
// kept, so the matcher still starts (and abandons) walks there. Without
// held, the lexicon covers nearly every word of a speech, and the benchmark
// shows the cost of many more matches.
func largeBenchDef(b testing.TB, shared string, held *tokenize.Document) *Definition {
	var texts []string
	for _, year := range []string{"2022", "2023"} {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", year, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	usable := func(t tokenize.Token) bool {
		return t.Kind == tokenize.Word && !strings.ContainsAny(t.Norm, "*~_")
	}
	wordSet := map[string]bool{}
	pairSet := map[string]bool{}
	tripleSet := map[string]bool{}
	for _, text := range texts {
		doc, _ := tk.Tokenize(text)
		ts := doc.Tokens
		for i, t := range ts {
			if !usable(t) {
				continue
			}
			wordSet[t.Norm] = true
			if i+1 < len(ts) && usable(ts[i+1]) {
				pairSet[t.Norm+" "+ts[i+1].Norm] = true
				if i+2 < len(ts) && usable(ts[i+2]) {
					tripleSet[t.Norm+" "+ts[i+1].Norm+" "+ts[i+2].Norm] = true
				}
			}
		}
	}
	sorted := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	words, pairs, triples := sorted(wordSet), sorted(pairSet), sorted(tripleSet)
	matchesHeld := func(string) bool { return false }
	if held != nil {
		norms, stems, grams := map[string]bool{}, map[string]bool{}, map[string]bool{}
		ts := held.Tokens
		for i, t := range ts {
			norms[t.Norm], stems[t.Stem] = true, true
			if i+1 < len(ts) {
				grams[t.Norm+" "+ts[i+1].Norm] = true
			}
			if i+2 < len(ts) {
				grams[t.Norm+" "+ts[i+1].Norm+" "+ts[i+2].Norm] = true
				grams[t.Norm+" _ "+ts[i+2].Norm] = true
			}
		}
		normList := sorted(norms)
		matchesHeld = func(p string) bool {
			switch {
			case strings.Contains(p, " "):
				return grams[p]
			case strings.HasSuffix(p, "*"):
				for _, n := range normList {
					if strings.HasPrefix(n, p[:len(p)-1]) {
						return true
					}
				}
				return false
			case strings.HasPrefix(p, "~"):
				return stems[tokenize.Stem(p[1:], tokenize.English)]
			}
			return norms[p]
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	shuffle := func(s []string) {
		rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	}
	shuffle(words)
	shuffle(pairs)
	shuffle(triples)

	const total, ncat = 100_000, 200
	seen := map[string]bool{}
	var pats []string
	add := func(p string, max int) bool {
		if len(pats) >= max || seen[p] || matchesHeld(p) {
			return len(pats) < max
		}
		seen[p] = true
		pats = append(pats, p)
		return true
	}
	small := smallBenchDef()
	for _, c := range small.Categories {
		for _, e := range c.Entries {
			seen[e.Pattern] = true
			pats = append(pats, e.Pattern)
		}
	}
	for i, w := range words { // exact words, some as wildcards and stems
		switch {
		case i%5 == 3 && len(w) > 5:
			add(w[:len(w)-2]+"*", 30_000)
		case i%5 == 4:
			add("~"+w, 30_000)
		default:
			add(w, 30_000)
		}
	}
	for i, p := range pairs {
		if i%10 == 9 {
			f := strings.Fields(p)
			p = f[0] + " _ " + f[1]
		}
		if !add(p, 80_000) {
			break
		}
	}
	for _, p := range triples {
		if !add(p, total) {
			break
		}
	}
	for _, p := range pairs { // top up if the triples ran out
		if !add(strings.Replace(p, " ", " _ ", 1), total) {
			break
		}
	}
	def := &Definition{Name: "bench-large", Modifiers: benchModifiers, Actors: benchActors}
	def.Categories = make([]Category, ncat)
	for i := range def.Categories {
		def.Categories[i].Name = "cat" + strconv.Itoa(i)
	}
	for i, p := range pats {
		c := &def.Categories[i%ncat]
		c.Entries = append(c.Entries, Entry{Pattern: p, Weight: 1})
	}
	return def
}

// cpuTime returns the user and system CPU time used by this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchLarge memoises the large lexicons, which take a few seconds to build.
var benchLarge = map[string]*benchLexicon{}

type benchLexicon struct {
	m   *Matcher
	n   int
	err error
}

// TestFindSpeech checks the matcher against the naive reference on real
// speeches, with the benchmark's small lexicon.
func TestFindSpeech(t *testing.T) {
	shared := testutil.SharedDir(t, "corpus")
	def := smallBenchDef()
	m, err := compile(def)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"USA_79_2024.txt", "RUS_79_2024.txt", "UKR_79_2024.txt"} {
		data, err := os.ReadFile(filepath.Join(shared, "corpus", "ungdc", "2024", name))
		if err != nil {
			t.Logf("skipping %s: %v", name, err)
			continue
		}
		doc := tokenizeIn(t, "", string(data))
		got := m.Find(doc, nil)
		if len(got) == 0 {
			t.Errorf("%s: no matches", name)
		}
		if diff := cmp.Diff(refFind(t, def, doc), got); diff != "" {
			t.Errorf("%s: Find differs from the reference (-want +got):\n%s", name, diff)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	shared := testutil.SharedDir(b, "corpus")
	data, err := os.ReadFile(filepath.Join(shared, "corpus", "ungdc", "2024", "USA_79_2024.txt"))
	if err != nil {
		b.Skip(err)
	}
	text := string(data)
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := tk.Tokenize(text)
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, m *Matcher, entries int) {
		dst := m.Find(doc, nil)
		matches := len(dst)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		cpu0 := cpuTime()
		n := 0
		for b.Loop() {
			dst = m.Find(doc, dst[:0])
			n++
		}
		// The machine is shared: next to the wall-clock MB/s, report the
		// throughput per second of CPU time this process actually got.
		if d := cpuTime() - cpu0; d > 0 {
			b.ReportMetric(float64(n)*float64(len(text))/d.Seconds()/1e6, "cpu-MB/s")
		}
		b.ReportMetric(float64(matches), "matches")
		b.ReportMetric(float64(len(doc.Tokens)), "tokens")
		b.ReportMetric(float64(entries), "entries")
	}
	b.Run("entries=100", func(b *testing.B) {
		def := smallBenchDef()
		n := 0
		for _, c := range def.Categories {
			n += len(c.Entries)
		}
		m, err := compile(def)
		if err != nil {
			b.Fatal(err)
		}
		run(b, m, n)
	})
	large := func(name string, held *tokenize.Document) {
		b.Run(name, func(b *testing.B) {
			l := benchLarge[name]
			if l == nil {
				l = new(benchLexicon)
				def := largeBenchDef(b, shared, held)
				for _, c := range def.Categories {
					l.n += len(c.Entries)
				}
				l.m, l.err = compile(def)
				benchLarge[name] = l
			}
			if l.err != nil {
				b.Fatal(l.err)
			}
			run(b, l.m, l.n)
		})
	}
	// The same matches as entries=100, from a lexicon 1,000 times larger.
	large("entries=100000", doc)
	// Nearly every word matches: cost grows with the number of matches.
	large("entries=100000-dense", nil)
}

// BenchmarkFindRatio runs the 100-entry and the held-out 100,000-entry
// lexicons of BenchmarkFind alternately on the same speech and reports the
// time of each (small-ns/op, large-ns/op) and their ratio (large/small), the
// figure the matcher promises to keep under 1.5. Alternating the two makes
// the ratio robust to the machine's speed drifting during a run, which
// comparing two separate benchmarks is not.
func BenchmarkFindRatio(b *testing.B) {
	shared := testutil.SharedDir(b, "corpus")
	data, err := os.ReadFile(filepath.Join(shared, "corpus", "ungdc", "2024", "USA_79_2024.txt"))
	if err != nil {
		b.Skip(err)
	}
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := tk.Tokenize(string(data))
	if err != nil {
		b.Fatal(err)
	}
	small, err := compile(smallBenchDef())
	if err != nil {
		b.Fatal(err)
	}
	l := benchLarge["entries=100000"]
	if l == nil {
		l = new(benchLexicon)
		l.m, l.err = compile(largeBenchDef(b, shared, doc))
		benchLarge["entries=100000"] = l
	}
	if l.err != nil {
		b.Fatal(l.err)
	}
	dst := small.Find(doc, nil)
	dst = l.m.Find(doc, dst[:0])
	b.SetBytes(2 * int64(len(data)))
	b.ReportAllocs()
	var ts, tl time.Duration
	for b.Loop() {
		t0 := time.Now()
		dst = small.Find(doc, dst[:0])
		t1 := time.Now()
		dst = l.m.Find(doc, dst[:0])
		ts, tl = ts+t1.Sub(t0), tl+time.Since(t1)
	}
	b.ReportMetric(float64(ts.Nanoseconds())/float64(b.N), "small-ns/op")
	b.ReportMetric(float64(tl.Nanoseconds())/float64(b.N), "large-ns/op")
	b.ReportMetric(float64(tl)/float64(ts), "large/small")
}

// BenchmarkCompile measures building a matcher (what New adds to
// validation), for the small and the large lexicon.
func BenchmarkCompile(b *testing.B) {
	shared := testutil.SharedDir(b, "corpus")
	for _, tc := range []struct {
		name string
		def  func() *Definition
	}{
		{"entries=100", smallBenchDef},
		{"entries=100000", func() *Definition { return largeBenchDef(b, shared, nil) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			def := tc.def()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := compile(def); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadLIWC measures what a user waits for when loading a LIWC
// dictionary: parsing, validating and compiling the 100-entry lexicon and
// the 100,000-entry one of BenchmarkFind. Both report the heap that the
// loaded lexicon keeps live (live-MiB, measured once before the loop)
// next to the allocation totals. (scripts/bench-lexicon.sh measures the
// peak heap and RSS of a load in a process of its own.)
func BenchmarkLoadLIWC(b *testing.B) {
	shared := testutil.SharedDir(b, "corpus")
	for _, tc := range []struct {
		name string
		def  func() *Definition
	}{
		{"entries=100", smallBenchDef},
		{"entries=100000", func() *Definition { return largeBenchDef(b, shared, nil) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			data := []byte(liwcText(tc.def()))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			l, err := ParseAs("bench.dic", data, FormatLIWC)
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(l)
			live := float64(after.HeapAlloc) - float64(before.HeapAlloc)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu0, n := cpuTime(), 0
			for b.Loop() {
				if _, err := ParseAs("bench.dic", data, FormatLIWC); err != nil {
					b.Fatal(err)
				}
				n++
			}
			// The machine is shared: the CPU time this process got per
			// load is steadier than the wall clock (it includes the
			// garbage collector's work on the other core).
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(n)/1e6, "cpu-ms/op")
			b.ReportMetric(live/(1<<20), "live-MiB")
		})
	}
}
