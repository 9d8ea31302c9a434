package tokenize

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

var segDiff = flag.Bool("segdiff", false, "print every failing case of the segmentation suite")

// Best results reached on ../shared/segmentation; the test fails below them.
const (
	bestGolden  = 50
	bestEnglish = 151
)

type segCase struct {
	ID      string         `json:"id"`
	Name    string         `json:"name"`
	Input   string         `json:"input"`
	Want    []string       `json:"want"`
	Options map[string]any `json:"options"`
	Pending string         `json:"pending"`
}

func readSegCases(t *testing.T, path string) []segCase {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("segmentation suite not readable: %v", err)
	}
	defer f.Close()
	var cases []segCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var c segCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// segmentOK reports whether our sentences of c.Input equal c.Want with all
// white space removed, and returns ours.
func segmentOK(tk *Tokenizer, c segCase) (bool, []string) {
	doc, _ := tk.Tokenize(c.Input)
	got := make([]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		got[i] = doc.Text[s.Start:s.End]
	}
	if len(got) != len(c.Want) {
		return false, got
	}
	for i := range got {
		if stripSpace(got[i]) != stripSpace(c.Want[i]) {
			return false, got
		}
	}
	return true, got
}

func TestSegmentationSuite(t *testing.T) {
	shared := testutil.Shared()
	if shared == "" {
		t.Skip("../shared is absent")
	}
	en := readSegCases(t, filepath.Join(shared, "segmentation", "golden_en.jsonl"))
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden, goldenN, english, englishN := 0, 0, 0, 0
	for _, c := range en {
		isGolden := strings.HasPrefix(c.Name, "Golden Rule")
		inSet := c.Options == nil && c.Pending == ""
		if !isGolden && !inSet {
			continue
		}
		ok, got := segmentOK(tk, c)
		if isGolden {
			goldenN++
			if ok {
				golden++
			}
		}
		if inSet {
			englishN++
			if ok {
				english++
			}
		}
		if !ok && *segDiff {
			t.Logf("%s %s\n  input: %q\n  want:  %q\n  got:   %q", c.ID, c.Name, c.Input, c.Want, got)
		}
	}
	t.Logf("segmentation: Golden Rules %d/%d, English without options/pending %d/%d", golden, goldenN, english, englishN)
	if golden < bestGolden {
		t.Errorf("Golden Rules: %d/%d, below the best reached so far (%d)", golden, goldenN, bestGolden)
	}
	if english < bestEnglish {
		t.Errorf("English set: %d/%d, below the best reached so far (%d)", english, englishN, bestEnglish)
	}

	ru := readSegCases(t, filepath.Join(shared, "segmentation", "golden_ru.jsonl"))
	tkRU, err := New(Options{Language: Russian})
	if err != nil {
		t.Fatal(err)
	}
	russian := 0
	for _, c := range ru {
		ok, got := segmentOK(tkRU, c)
		if ok {
			russian++
		} else if *segDiff {
			t.Logf("%s %s\n  input: %q\n  want:  %q\n  got:   %q", c.ID, c.Name, c.Input, c.Want, got)
		}
	}
	t.Logf("segmentation: Russian %d/%d (for information)", russian, len(ru))
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		lang Language
		in   string
		want []string
	}{
		{"simple", "", "We want peace. They want war!", []string{"We want peace.", "They want war!"}},
		{"titles", "", "Mr. President, H.E. Amb. Smith and Dr. Ng spoke. Then we left.", []string{"Mr. President, H.E. Amb. Smith and Dr. Ng spoke.", "Then we left."}},
		{"numbered articles", "", "Under Art. 51 of the Charter and resolution No. 2231 we act.", []string{"Under Art. 51 of the Charter and resolution No. 2231 we act."}},
		{"initials", "", "John F. Kennedy said so. We agree.", []string{"John F. Kennedy said so.", "We agree."}},
		{"acronym at the end", "", "Sanctions came from the U.S. The EU followed.", []string{"Sanctions came from the U.S.", "The EU followed."}},
		{"acronym inside", "", "The U.S. Government disagrees.", []string{"The U.S. Government disagrees."}},
		{"ellipsis", "", "We waited... Nothing came.", []string{"We waited...", "Nothing came."}},
		{"closing quote", "", "He said, “Never again.” We agreed.", []string{"He said, “Never again.”", "We agreed."}},
		{"quotation continues", "", "“We will fight. We will win,” he said.", []string{"“We will fight. We will win,” he said."}},
		{"closing bracket", "", "(This was expected.) Talks resumed.", []string{"(This was expected.)", "Talks resumed."}},
		{"numbered list", "", "Our demands: 1. A ceasefire 2. Talks 3. Aid", []string{"Our demands:", "1. A ceasefire", "2. Talks", "3. Aid"}},
		{"list lines", "", "Priorities\n- peace\n- security", []string{"Priorities", "- peace", "- security"}},
		{"heading and blank line", "", "Introduction\n\nThe war must end.", []string{"Introduction", "The war must end."}},
		{"blank line between paragraphs", "", "The war must end\n\nPeace is near", []string{"The war must end", "Peace is near"}},
		{"hard-wrapped paragraph", "", "We stand today at an inflection point in history, and the choices we\nmake will decide the future of the United Nations and of the world.", []string{"We stand today at an inflection point in history, and the choices we\nmake will decide the future of the United Nations and of the world."}},
		{"wrapped line before capital", "", "This assembly was founded to protect the peace, and we must honour the\nUnited Nations Charter.", []string{"This assembly was founded to protect the peace, and we must honour the\nUnited Nations Charter."}},
		{"long line without a stop is a paragraph", "", "We call on all parties to respect international humanitarian law and to protect civilians in every circumstance without exception\nThe Council must act.", []string{"We call on all parties to respect international humanitarian law and to protect civilians in every circumstance without exception", "The Council must act."}},
		{"number starts a sentence", "", "The war began in 2022. 2023 was worse. It costs $.50 each.", []string{"The war began in 2022.", "2023 was worse.", "It costs $.50 each."}},
		{"salutation lines in bold", "", "**Mr President,**  \n**Excellencies,**  \nAllow me to begin.", []string{"**Mr President,**", "**Excellencies,**", "Allow me to begin."}},
		{"emphasis after the stop and a rule", "", "Or rather: **What legacy?**\n\n---\n\nNext part.", []string{"Or rather: **What legacy?**", "---", "Next part."}},
		{"salutation then paragraph", "", "Mr. President,\nIt is an honour to speak here.", []string{"Mr. President,", "It is an honour to speak here."}},
		{"stray quote does not silence stops", "", "The theme, '\"Leaving no one behind\" matters. We agree.\nDeveloping countries' lack of access hurts. It must end.", []string{"The theme, '\"Leaving no one behind\" matters.", "We agree.", "Developing countries' lack of access hurts.", "It must end."}},
		{"footnote", "", "It was adopted.[12] Then it failed.", []string{"It was adopted.[12]", "Then it failed."}},
		{"no split before lower case", "", "The deal with Co. at noon held.", []string{"The deal with Co. at noon held."}},
		{"russian", Russian, "«Мы готовы к переговорам», — сказал он. Ответа нет.", []string{"«Мы готовы к переговорам», — сказал он.", "Ответа нет."}},
		{"french title", French, "Selon M. Macron, la paix est proche. Mme Dupont n'est pas d'accord.", []string{"Selon M. Macron, la paix est proche.", "Mme Dupont n'est pas d'accord."}},
		{"spanish questions", Spanish, "¿Habrá paz? ¡Sí! La Sra. Pérez lo dijo.", []string{"¿Habrá paz?", "¡Sí!", "La Sra. Pérez lo dijo."}},
		{"russian initials", Russian, "Заявление сделал В. В. Путин. Реакции не было.", []string{"Заявление сделал В. В. Путин.", "Реакции не было."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tk, err := New(Options{Language: c.lang})
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := tk.Tokenize(c.in)
			got := make([]string, len(doc.Sentences))
			for i, s := range doc.Sentences {
				got[i] = doc.Text[s.Start:s.End]
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("sentences of %q mismatch (-want +got):\n%s", c.in, diff)
			}
			checkInvariants(t, doc)
		})
	}
}

// TestRuneCount checks the ASCII fast path of runeCount against
// utf8.RuneCountInString, with the first non-ASCII byte (valid or not)
// at every position of strings up to 40 bytes.
func TestRuneCount(t *testing.T) {
	for _, odd := range []string{"é", "—", "\xff", "\x80", "\xe2\x80", "𝔘"} {
		for n := 0; n <= 40; n++ {
			for at := 0; at <= n; at++ {
				s := strings.Repeat("a", at) + odd + strings.Repeat("b", n-at)
				if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
					t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
				}
			}
			if s := strings.Repeat("c", n); runeCount(s) != n {
				t.Errorf("runeCount(%q) = %d, want %d", s, runeCount(s), n)
			}
		}
	}
}
