package wordnet

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func loadTestdata(t *testing.T) *WordNet {
	t.Helper()
	wn, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return wn
}

func TestLoadTestdata(t *testing.T) {
	wn := loadTestdata(t)
	got := map[string]int{}
	for _, pos := range POSes() {
		got[pos.String()] = wn.Len(pos)
	}
	if diff := cmp.Diff(map[string]int{"noun": 2, "verb": 3, "adj": 3, "adv": 0}, got); diff != "" {
		t.Errorf("synsets per POS (-want +got):\n%s", diff)
	}
	ss, ok := wn.Synset(Adj, 700)
	if !ok || !ss.Satellite || !slices.Equal(ss.Words, []string{"harmful", "noxious"}) {
		t.Errorf("Synset(Adj, 700) = %+v, %v", ss, ok)
	}
	if _, ok := wn.Synset(Noun, 700); ok {
		t.Errorf("Synset(Noun, 700) found a synset")
	}
}

func TestBaseForms(t *testing.T) {
	wn := loadTestdata(t)
	tests := []struct {
		word string
		pos  POS
		want []string
	}{
		{"accused", Verb, []string{"accuse"}},
		{"charges", Verb, []string{"charge"}},
		{"charging", Verb, []string{"charge"}},
		{"Defending", Verb, []string{"defend"}},
		{"geese", Noun, []string{"goose"}},
		{"Canada_geese", Noun, nil},
		{"Canada geese", Noun, nil},
		{"canada goose", Noun, []string{"canada goose"}},
		{"blames", Noun, []string{"blame"}},
		{"war", Noun, nil},
		{"", Noun, nil},
		{"blame", POS(9), nil},
	}
	for _, tt := range tests {
		if got := wn.BaseForms(tt.word, tt.pos); !slices.Equal(got, tt.want) {
			t.Errorf("BaseForms(%q, %v) = %q, want %q", tt.word, tt.pos, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	wn := loadTestdata(t)
	var got []string
	for _, ss := range wn.Lookup("Fight_Back", Verb) {
		got = append(got, strings.Join(ss.Words, ","))
	}
	if diff := cmp.Diff([]string{"defend,guard,fight back"}, got); diff != "" {
		t.Errorf("Lookup (-want +got):\n%s", diff)
	}
	if got := wn.Lookup("blame", Adv); len(got) != 0 {
		t.Errorf("Lookup(blame, Adv) = %v", got)
	}
}

func TestRelated(t *testing.T) {
	wn := loadTestdata(t)
	tests := []struct {
		name string
		word string
		rel  Relation
		max  int
		want []Related
	}{
		{name: "synonyms of an inflection", word: "accused", rel: Synonym, want: []Related{
			{Lemma: "charge", POS: Verb, Relation: Synonym, Base: "accuse", Sense: 1},
			{Lemma: "blame", POS: Verb, Relation: Synonym, Base: "accuse", Sense: 1},
		}},
		{name: "every part of speech", word: "blame", rel: Synonym | Derived, want: []Related{
			{Lemma: "incrimination", POS: Noun, Relation: Synonym, Base: "blame", Sense: 1},
			{Lemma: "accuse", POS: Verb, Relation: Synonym, Base: "blame", Sense: 1},
			{Lemma: "charge", POS: Verb, Relation: Synonym, Base: "blame", Sense: 1},
		}},
		{name: "derived forms only", word: "incrimination", rel: Derived, want: nil},
		{name: "similar adjectives", word: "pernicious", rel: Synonym | Similar, want: []Related{
			{Lemma: "baneful", POS: Adj, Relation: Synonym, Base: "pernicious", Sense: 1},
			{Lemma: "harmful", POS: Adj, Relation: Similar, Base: "pernicious", Sense: 1},
			{Lemma: "noxious", POS: Adj, Relation: Similar, Base: "pernicious", Sense: 1},
		}},
		{name: "satellite to head", word: "noxious", rel: Similar, want: []Related{
			{Lemma: "pernicious", POS: Adj, Relation: Similar, Base: "noxious", Sense: 1},
			{Lemma: "baneful", POS: Adj, Relation: Similar, Base: "noxious", Sense: 1},
		}},
		{name: "collocation", word: "defending", rel: Synonym, max: 1, want: []Related{
			{Lemma: "guard", POS: Verb, Relation: Synonym, Base: "defend", Sense: 1},
			{Lemma: "fight back", POS: Verb, Relation: Synonym, Base: "defend", Sense: 1},
		}},
		{name: "antonyms are no relation", word: "harmless", rel: Synonym | Similar | Derived, want: nil},
		{name: "unknown", word: "peace", rel: Synonym, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, wn.Related(tt.word, tt.rel, tt.max)); diff != "" {
				t.Errorf("Related(%q, %v) (-want +got):\n%s", tt.word, tt.rel, diff)
			}
		})
	}
}

func TestRelationString(t *testing.T) {
	for r, want := range map[Relation]string{0: "none", Synonym: "synonym", Similar | Derived: "similar+derived"} {
		if got := r.String(); got != want {
			t.Errorf("Relation(%d).String() = %q, want %q", r, got, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	verb, err := os.ReadFile("testdata/data.verb")
	if err != nil {
		t.Fatal(err)
	}
	index := []byte("accuse v 1 0 1 0 00000100\nwar v 1 0 1 0 00000999\n")
	tests := []struct {
		name     string
		fsys     fstest.MapFS
		sentinel error
		want     []string
	}{
		{name: "empty directory", fsys: fstest.MapFS{}, sentinel: fs.ErrNotExist,
			want: []string{"no data.noun, data.verb, data.adj or data.adv: file does not exist"}},
		{name: "index missing", fsys: fstest.MapFS{"data.verb": {Data: verb}}, sentinel: fs.ErrNotExist,
			want: []string{"open index.verb: file does not exist"}},
		{name: "dangling", fsys: fstest.MapFS{"data.verb": {Data: verb}, "index.verb": {Data: index}}, sentinel: ErrDangling,
			want: []string{
				"data.verb:3: synset 00000100: + pointer to 00000300, which data.noun lacks",
				`index.verb: "war": offset 00000999, which data.verb lacks`,
			}},
		{name: "syntax", fsys: fstest.MapFS{"data.verb": {Data: []byte("x\n")}, "index.verb": {Data: []byte("\n")},
			"verb.exc": {Data: []byte("y\n")}}, sentinel: ErrSyntax,
			want: []string{`data.verb:1: no gloss separator " |"`, `verb.exc:1: form "y" without a base form`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wn, err := LoadFS(tt.fsys)
			if wn != nil || err == nil {
				t.Fatalf("LoadFS = %v, %v; want an error", wn, err)
			}
			if diff := cmp.Diff(tt.want, errLines(t, err, tt.sentinel)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := Load("testdata/none"); err == nil || !strings.HasPrefix(err.Error(), "wordnet: testdata/none: ") {
		t.Errorf("Load(missing dir) = %v", err)
	}
}

func TestNewBadPOS(t *testing.T) {
	if _, err := New(map[POS]Files{POS(7): {}}); err == nil {
		t.Error("New accepted POS 7")
	}
}

// TestDebianWordNet loads the full database of Debian's wordnet-base when
// it is installed; .ci/run installs it and sets RHETORICA_REQUIRE_WORDNET,
// so that there the test must run, not skip.
func TestDebianWordNet(t *testing.T) {
	const dir = "/usr/share/wordnet"
	required := os.Getenv("RHETORICA_REQUIRE_WORDNET") != ""
	if _, err := os.Stat(dir + "/data.noun"); err != nil {
		if required {
			t.Fatalf("RHETORICA_REQUIRE_WORDNET is set but %s has no WordNet: %v", dir, err)
		}
		t.Skipf("%s: WordNet is not installed (apt-get install wordnet-base)", dir)
	}
	if testing.Short() && !required {
		t.Skip("loading WordNet takes half a second")
	}
	wn, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	// WordNet 3.0's synset counts (wnstats(7WN)).
	got := map[string]int{}
	for _, pos := range POSes() {
		got[pos.String()] = wn.Len(pos)
	}
	if diff := cmp.Diff(map[string]int{"noun": 82115, "verb": 13767, "adj": 18156, "adv": 3621}, got); diff != "" {
		t.Errorf("synsets per POS (-want +got):\n%s", diff)
	}
	var lemmas []string
	for _, r := range wn.Related("accused", Synonym, 0) {
		lemmas = append(lemmas, r.Lemma)
	}
	if !slices.Contains(lemmas, "charge") || !slices.Contains(lemmas, "impeach") {
		t.Errorf("synonyms of accused = %q, want charge and impeach among them", lemmas)
	}
	if got := wn.BaseForms("went", Verb); !slices.Equal(got, []string{"go"}) {
		t.Errorf("BaseForms(went) = %q, want [go] (verb.exc)", got)
	}
}

// TestNewBadInput checks that New reports, rather than panics on, files
// built by a caller with parts of speech out of range, and that its
// message does not depend on the map's order.
func TestNewBadInput(t *testing.T) {
	war := Synset{Offset: 100, POS: Noun, Words: []string{"war"}}
	tests := []struct {
		name  string
		files map[POS]Files
		want  string
	}{
		{"pointer to POS 9", map[POS]Files{Noun: {Data: []Synset{{Offset: 200, POS: Noun, Words: []string{"conflict"},
			Pointers: []Pointer{{Symbol: "@", POS: POS(9), Offset: 100}}}, war}}},
			"wordnet: synset 00000200: @ pointer to 00000100 of a bad part of speech 9"},
		{"two bad parts of speech", map[POS]Files{POS(9): {}, Noun: {}, POS(5): {}, POS(200): {}},
			"wordnet: bad part of speech 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 10 { // map order varies from run to run
				_, err := New(tt.files)
				got := ""
				if err != nil {
					got = err.Error()
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Fatalf("error (-want +got):\n%s", diff)
				}
			}
		})
	}
}
