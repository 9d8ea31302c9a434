package tokenize

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kljensen/snowball/english"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// TestStemASCII checks stemASCII on words that take each step's branches,
// against the stems Porter2 gives them and against Snowball itself.
func TestStemASCII(t *testing.T) {
	tests := []struct {
		word, want string
	}{
		// Short words, stop words (stemmed here: stemStopWords is true),
		// and Porter2's exceptions.
		{"a", "a"}, {"is", "is"}, {"was", "was"}, {"having", "have"},
		{"skies", "sky"}, {"dying", "die"}, {"news", "news"}, {"succeeding", "succeed"},
		{"innings", "inning"}, {"proceeded", "proceed"}, {"gently", "gentl"},
		// Consonant y's and the regions (gener, commun, arsen).
		{"yesterday", "yesterday"}, {"sayings", "say"}, {"enjoying", "enjoy"},
		{"generous", "generous"}, {"generously", "generous"}, {"communism", "communism"},
		{"community", "communiti"}, {"arsenal", "arsenal"}, {"playing", "play"},
		// Step 0 and step 1a.
		{"nation's", "nation"}, {"nations'", "nation"}, {"states'", "state"},
		{"caresses", "caress"}, {"ties", "tie"}, {"cries", "cri"}, {"gas", "gas"},
		{"gaps", "gap"}, {"kiwis", "kiwi"}, {"focus", "focus"}, {"press", "press"},
		{"policies", "polici"},
		// Step 1b.
		{"agreed", "agre"}, {"feed", "feed"}, {"proceedings", "proceed"},
		{"luxuriated", "luxuri"}, {"troubled", "troubl"}, {"sized", "size"},
		{"hopping", "hop"}, {"hoping", "hope"}, {"filing", "file"}, {"bleed", "bleed"},
		{"exceedingly", "exceed"}, {"dwelling", "dwell"}, {"sing", "sing"},
		{"fixing", "fix"}, {"snowed", "snow"}, {"rated", "rate"},
		// Step 1c.
		{"cry", "cri"}, {"by", "by"}, {"say", "say"}, {"happy", "happi"},
		// Steps 2 to 5.
		{"relational", "relat"}, {"conditional", "condit"}, {"rational", "ration"},
		{"valency", "valenc"}, {"hesitancy", "hesit"}, {"digitizer", "digit"},
		{"conformably", "conform"}, {"radically", "radic"}, {"differently", "differ"},
		{"vilely", "vile"}, {"analogously", "analog"}, {"vietnamization", "vietnam"},
		{"predication", "predic"}, {"operator", "oper"}, {"feudalism", "feudal"},
		{"decisiveness", "decis"}, {"hopefulness", "hope"}, {"callousness", "callous"},
		{"formality", "formal"}, {"sensitivity", "sensit"}, {"sensibility", "sensibl"},
		{"geology", "geolog"}, {"archaeology", "archaeolog"}, {"fluently", "fluentli"},
		{"brotherly", "brother"}, {"triplicate", "triplic"}, {"formative", "format"},
		{"formalize", "formal"}, {"electricity", "electr"}, {"electrical", "electr"},
		{"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"},
		{"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
		{"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"},
		{"irritant", "irrit"}, {"replacement", "replac"}, {"adjustment", "adjust"},
		{"dependent", "depend"}, {"adoption", "adopt"}, {"communion", "communion"},
		{"activate", "activ"}, {"angularity", "angular"}, {"homologous", "homolog"},
		{"effective", "effect"}, {"bowdlerize", "bowdler"}, {"probate", "probat"},
		{"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"}, {"roll", "roll"},
		// Words of the domain.
		{"sovereignty", "sovereignti"}, {"aggression", "aggress"}, {"territorial", "territori"},
		{"de", "de"}, {"escalation", "escal"}, {"accusations", "accus"}, {"unilaterally", "unilater"},
		{"humanitarian", "humanitarian"}, {"provocations", "provoc"}, {"countries", "countri"},
		// Apostrophes and other ASCII.
		{"don't", "don't"}, {"o'clock", "o'clock"}, {"rock'n'roll", "rock'n'rol"},
		{"abc123", "abc123"}, {"e-mails", "e-mail"},
	}
	var got, want []string
	for _, tc := range tests {
		s, ok := stemASCII(tc.word, true)
		if !ok {
			t.Errorf("stemASCII(%q) declined the word", tc.word)
		}
		got = append(got, tc.word+" "+s)
		want = append(want, tc.word+" "+tc.want)
		if sn := english.Stem(tc.word, true); sn != s {
			t.Errorf("stemASCII(%q) = %q, Snowball %q", tc.word, s, sn)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stems (-want +got):\n%s", diff)
	}
}

// TestStemASCIIDeclines checks the words stemASCII leaves to Snowball, and
// that stop words are kept whole unless stemStopWords is set, as Snowball
// keeps them.
func TestStemASCIIDeclines(t *testing.T) {
	for _, w := range []string{"", "Nations", "'tis", "naïve", "two words", "tab\t", "del\x7f",
		strings.Repeat("a", maxFastStem+1)} {
		if s, ok := stemASCII(w, true); ok {
			t.Errorf("stemASCII(%q) = %q, want it declined", w, s)
		}
	}
	for _, tc := range []struct {
		word string
		all  bool
		want string
	}{
		{"having", false, "having"}, {"having", true, "have"},
		{"only", false, "only"}, {"only", true, "onli"},
		{"ourselves", false, "ourselves"}, {"ourselves", true, "ourselv"},
	} {
		got, ok := stemASCII(tc.word, tc.all)
		if !ok || got != tc.want || got != english.Stem(tc.word, tc.all) {
			t.Errorf("stemASCII(%q, %v) = %q, %v; want %q (Snowball %q)", tc.word, tc.all, got, ok, tc.want, english.Stem(tc.word, tc.all))
		}
	}
}

// TestStemASCIIAllocs checks that a stem that is a prefix of its word
// costs no allocation.
func TestStemASCIIAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { stemASCII("nations", true) }); n != 0 {
		t.Errorf("stemASCII(\"nations\") allocates %v times, want 0", n)
	}
}

// TestSharedStemASCII stems every distinct lower-case word of the UN
// General Debate and the White House texts in ../shared/corpus (skipped
// when absent) both ways: stemASCII must give Snowball's stem for each.
func TestSharedStemASCII(t *testing.T) {
	shared := testutil.SharedDir(t, "corpus")
	if testing.Short() {
		t.Skip("reads the corpus")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "ungdc", "*", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(shared, "corpus", "whitehouse_ukraine", "*"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no corpus texts")
	}
	seen := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		sc.Split(bufio.ScanWords)
		for sc.Scan() {
			w := strings.ToLower(strings.Trim(sc.Text(), ".,;:!?\"()[]“”"))
			if seen[w] {
				continue
			}
			seen[w] = true
			for _, all := range []bool{true, false} {
				if s, ok := stemASCII(w, all); ok {
					if want := english.Stem(w, all); s != want {
						t.Errorf("stemASCII(%q, %v) = %q, Snowball %q", w, all, s, want)
					}
				}
			}
		}
		fh.Close()
	}
	if len(seen) < 1000 {
		t.Errorf("only %d distinct words read", len(seen))
	}
	t.Logf("%d distinct words", len(seen))
}

// FuzzStemASCII checks that stemASCII gives Snowball's stem for every
// word it takes, and never declines a plain lower-case ASCII word.
func FuzzStemASCII(f *testing.F) {
	for _, w := range []string{"nations", "generously", "communion", "yy", "eeds", "ationally",
		"bbing", "agreed", "skies", "ied", "'s'", "a's", "xyzzy", "logi", "ogi"} {
		f.Add(w, true)
	}
	f.Fuzz(func(t *testing.T, w string, all bool) {
		s, ok := stemASCII(w, all)
		if !ok {
			plain := w != "" && len(w) <= maxFastStem && w[0] != '\''
			for i := 0; i < len(w); i++ {
				if c := w[i]; c <= ' ' || c >= 0x7f || 'A' <= c && c <= 'Z' {
					plain = false
				}
			}
			if plain {
				t.Fatalf("stemASCII(%q) declined a plain word", w)
			}
			return
		}
		if want := english.Stem(w, all); s != want {
			t.Fatalf("stemASCII(%q, %v) = %q, Snowball %q", w, all, s, want)
		}
	})
}

// BenchmarkStemEnglish stems the distinct words of a UN speech with
// stemASCII and with Snowball.
func BenchmarkStemEnglish(b *testing.B) {
	seen := map[string]bool{}
	var words []string
	for _, f := range strings.Fields(strings.ToLower(speech(b))) {
		w := strings.Trim(f, ".,;:!?\"()[]“”")
		if _, ok := stemASCII(w, true); ok && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for _, bc := range []struct {
		name string
		stem func(string) string
	}{
		{"ascii", func(w string) string { s, _ := stemASCII(w, true); return s }},
		{"snowball", func(w string) string { return english.Stem(w, true) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range words {
					bc.stem(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
		})
	}
}

// stemTestSuffixes are endings the steps of Porter2 act on.
var stemTestSuffixes = []string{
	"s", "es", "ies", "ied", "sses", "us", "ss", "'s", "'", "ed", "ing", "eed", "edly", "ingly",
	"eedly", "ly", "li", "y", "e", "l", "at", "bl", "iz", "bb", "tt", "ational", "tional", "enci",
	"anci", "izer", "abli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism",
	"iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "bli", "ogi", "fulli", "lessli",
	"alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic",
	"able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
	"sion", "tion",
}

// TestStemASCIIRandom compares stemASCII with Snowball on random words
// over letters that meet the steps' suffixes and conditions often.
func TestStemASCIIRandom(t *testing.T) {
	const letters = "aeiouybcdglmnrstwxz'"
	rng := rand.New(rand.NewPCG(1, 2))
	n := 200_000
	if testing.Short() {
		n = 20_000
	}
	b := make([]byte, 0, 16)
	for range n {
		b = b[:0]
		if rng.IntN(8) == 0 {
			b = append(b, [...]string{"gener", "commun", "arsen"}[rng.IntN(3)]...)
		}
		for range 1 + rng.IntN(8) {
			b = append(b, letters[rng.IntN(len(letters))])
		}
		// Half the words end in suffixes the steps look for.
		for k := rng.IntN(4); k > 0 && rng.IntN(2) == 0; k-- {
			b = append(b, stemTestSuffixes[rng.IntN(len(stemTestSuffixes))]...)
		}
		w := string(b)
		all := rng.IntN(4) != 0
		s, ok := stemASCII(w, all)
		if !ok {
			if w[0] != '\'' {
				t.Fatalf("stemASCII(%q) declined a plain word", w)
			}
			continue
		}
		if want := english.Stem(w, all); s != want {
			t.Fatalf("stemASCII(%q, %v) = %q, Snowball %q", w, all, s, want)
		}
	}
}
