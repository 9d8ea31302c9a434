package tokenize

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// tok is the part of a Token that the scanner decides.
type tok struct {
	Text       string
	Start, End int
	Kind       Kind
	Flags      Flags
}

func project(ts []Token) []tok {
	out := make([]tok, len(ts))
	for i, t := range ts {
		out[i] = tok{t.Text, t.Start, t.End, t.Kind, t.Flags}
	}
	return out
}

// w, n, p, s, ... build expected tokens; offsets are given explicitly.
func w(text string, start int) tok { return tok{text, start, start + len(text), Word, 0} }
func wf(text string, start int, f Flags) tok {
	return tok{text, start, start + len(text), Word, f}
}
func num(text string, start int) tok { return tok{text, start, start + len(text), Number, 0} }
func pu(text string, start int) tok  { return tok{text, start, start + len(text), Punct, 0} }
func sy(text string, start int) tok  { return tok{text, start, start + len(text), Symbol, 0} }
func kd(text string, start int, k Kind) tok {
	return tok{text, start, start + len(text), k, 0}
}

type tokenCase struct {
	name string
	lang Language
	in   string
	want []tok
}

var tokenCases = []tokenCase{
	{"empty", "", "", []tok{}},
	{"spaces only", "", " \t\n\u00a0\u200b", []tok{}},
	{"words and punctuation", "", "Peace, now!", []tok{w("Peace", 0), pu(",", 5), w("now", 7), pu("!", 10)}},
	{"negation don't", "", "don't", []tok{w("do", 0), wf("n't", 2, Clitic)}},
	{"negation can't won't", "", "can't won't", []tok{w("ca", 0), wf("n't", 2, Clitic), w("wo", 6), wf("n't", 8, Clitic)}},
	{"negation curly upper", "", "DON’T", []tok{w("DO", 0), wf("N’T", 2, Clitic)}},
	{"possessive", "", "Russia's", []tok{w("Russia", 0), wf("'s", 6, Clitic)}},
	{"possessive curly", "", "Russia’s", []tok{w("Russia", 0), wf("’s", 6, Clitic)}},
	{"clitics re ll ve d m", "", "we're they'll I've she'd I'm", []tok{
		w("we", 0), wf("'re", 2, Clitic), w("they", 6), wf("'ll", 10, Clitic), w("I", 14), wf("'ve", 15, Clitic),
		w("she", 19), wf("'d", 22, Clitic), w("I", 25), wf("'m", 26, Clitic)}},
	{"apostrophe inside a name", "", "O'Brien d'Ivoire", []tok{w("O'Brien", 0), w("d'Ivoire", 8)}},
	{"plural possessive", "", "States' rights", []tok{w("States", 0), pu("'", 6), w("rights", 8)}},
	{"clitics standing alone", "", "'s n't 'sanctions'", []tok{wf("'s", 0, Clitic), wf("n't", 3, Clitic), pu("'", 7), w("sanctions", 8), pu("'", 17)}},
	{"clitics only in English", Russian, "Russia's", []tok{w("Russia's", 0)}},
	{"french elision", French, "l'homme qu’il d'Ivoire aujourd'hui", []tok{
		wf("l'", 0, Clitic), w("homme", 2), wf("qu’", 8, Clitic), w("il", 13), wf("d'", 16, Clitic), w("Ivoire", 18), w("aujourd'hui", 25)}},
	{"compound", "", "rules-based order", []tok{wf("rules-based", 0, Compound), w("order", 12)}},
	{"compound three parts", "", "military-to-military", []tok{wf("military-to-military", 0, Compound)}},
	{"compound unicode hyphen", "", "so‐called", []tok{wf("so‐called", 0, Compound)}},
	{"compound with number", "", "12-point COVID-19", []tok{wf("12-point", 0, Compound), wf("COVID-19", 9, Compound)}},
	{"dash is not a hyphen", "", "calm—not", []tok{w("calm", 0), pu("—", 4), w("not", 7)}},
	{"double hyphen", "", "to--", []tok{w("to", 0), pu("--", 2)}},
	{"acronyms", "", "U.S. U.N. e.g. i.e. H.E. Ph.D.", []tok{
		wf("U.S.", 0, Abbreviation), wf("U.N.", 5, Abbreviation), wf("e.g.", 10, Abbreviation),
		wf("i.e.", 15, Abbreviation), wf("H.E.", 20, Abbreviation), wf("Ph.D.", 25, Abbreviation)}},
	{"acronym then comma", "", "U.S.,", []tok{wf("U.S.", 0, Abbreviation), pu(",", 4)}},
	{"acronym compound", "", "U.S.-led", []tok{wf("U.S.-led", 0, Compound|Abbreviation)}},
	{"titles", "", "Mr. Dr. Amb. etc.", []tok{
		wf("Mr.", 0, Abbreviation), wf("Dr.", 4, Abbreviation), wf("Amb.", 8, Abbreviation), wf("etc.", 13, Abbreviation)}},
	{"numeric abbreviation before a number", "", "No. 5 Art. 51", []tok{
		wf("No.", 0, Abbreviation), num("5", 4), wf("Art.", 6, Abbreviation), num("51", 11)}},
	{"numeric abbreviation elsewhere", "", "I said no.", []tok{w("I", 0), w("said", 2), w("no", 7), pu(".", 9)}},
	{"possessive after abbreviation", "", "Jr.'s", []tok{wf("Jr.", 0, Abbreviation), wf("'s", 3, Clitic)}},
	{"numbers", "", "1,000 3.5 2024-12-05 10:30 14/05/2023", []tok{
		num("1,000", 0), num("3.5", 6), num("2024-12-05", 10), num("10:30", 21), num("14/05/2023", 27)}},
	{"ordinals and suffixes", "", "17th 1990s 3bn", []tok{num("17th", 0), num("1990s", 5), num("3bn", 11)}},
	{"percent and currency", "", "3.5% $4.2", []tok{num("3.5", 0), sy("%", 3), sy("$", 5), num("4.2", 6)}},
	{"number then stop", "", "1,000.", []tok{num("1,000", 0), pu(".", 5)}},
	{"url", "", "see https://un.org/a_b?x=1&y=(2).", []tok{w("see", 0), kd("https://un.org/a_b?x=1&y=(2)", 4, URL), pu(".", 32)}},
	{"url www in brackets", "", "(www.example.com)", []tok{pu("(", 0), kd("www.example.com", 1, URL), pu(")", 16)}},
	{"bare domains", "", "un.org/en, kremlin.ru. U.S.", []tok{kd("un.org/en", 0, URL), pu(",", 9), kd("kremlin.ru", 11, URL), pu(".", 21), wf("U.S.", 23, Abbreviation)}},
	{"not a domain", "", "end.It is.", []tok{w("end", 0), pu(".", 3), w("It", 4), w("is", 7), pu(".", 9)}},
	{"email", "", "Mail jane.doe@example.com.", []tok{w("Mail", 0), kd("jane.doe@example.com", 5, Email), pu(".", 25)}},
	{"handle and hashtag", "", "@UN #StandWithUkraine", []tok{kd("@UN", 0, Handle), kd("#StandWithUkraine", 4, Handle)}},
	{"markdown bold", "", "**BRICS**", []tok{sy("**", 0), w("BRICS", 2), sy("**", 7)}},
	{"markdown underscore", "", "_word_", []tok{pu("_", 0), w("word", 1), pu("_", 5)}},
	{"ellipsis", "", "wait... what…", []tok{w("wait", 0), pu("...", 4), w("what", 8), pu("…", 12)}},
	{"question exclamation run", "", "Really?!", []tok{w("Really", 0), pu("?!", 6)}},
	{"cyrillic with guillemets and dash", Russian, "«Мир» — это война.", []tok{
		pu("«", 0), w("Мир", 2), pu("»", 8), pu("—", 11), w("это", 15), w("война", 22), pu(".", 32)}},
	{"combining accent stays in word", "", "cafe\u0301", []tok{w("cafe\u0301", 0)}},
	{"invalid utf-8", "", "a\xffb \xc3", []tok{w("a", 0), sy("\xff", 1), w("b", 2), sy("\xc3", 4)}},
	{"emoji with modifier", "", "ok 👍🏽", []tok{w("ok", 0), sy("👍🏽", 3)}},
	{"soft hyphen inside word", "", "nego\u00adtiate", []tok{w("nego\u00adtiate", 0)}},
	{"cr lf", "", "a\r\nb", []tok{w("a", 0), w("b", 3)}},
}

func TestScanner(t *testing.T) {
	for _, c := range tokenCases {
		t.Run(c.name, func(t *testing.T) {
			got := []tok{}
			for tk := range All(c.in, c.lang) {
				got = append(got, tok{tk.Text, tk.Start, tk.End, tk.Kind, tk.Flags})
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("All(%q) mismatch (-want +got):\n%s", c.in, diff)
			}
		})
	}
}

func TestTokenizeMatchesScanner(t *testing.T) {
	for _, c := range tokenCases {
		t.Run(c.name, func(t *testing.T) {
			tk, err := New(Options{Language: c.lang})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := tk.Tokenize(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, project(doc.Tokens)); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", c.in, diff)
			}
			checkInvariants(t, doc)
		})
	}
}

func TestNormAndStem(t *testing.T) {
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	type ns struct{ Text, Norm, Stem string }
	cases := []struct {
		name string
		in   string
		want []ns
	}{
		{"clitics normalise to ASCII", "Russia’s DON’T", []ns{{"Russia", "russia", "russia"}, {"’s", "'s", "'s"}, {"DO", "do", "do"}, {"N’T", "n't", "n't"}}},
		{"stems", "negotiations Negotiated", []ns{{"negotiations", "negotiations", "negoti"}, {"Negotiated", "negotiated", "negoti"}}},
		{"compound stems its last part", "de-escalation", []ns{{"de-escalation", "de-escalation", "de-escal"}}},
		{"unicode hyphen normalised", "so‐called", []ns{{"so‐called", "so-called", "so-call"}}},
		{"abbreviation not stemmed", "U.S.", []ns{{"U.S.", "u.s.", "u.s."}}},
		{"numbers not stemmed", "1,000", []ns{{"1,000", "1,000", "1,000"}}},
		{"quotes and dashes", "“—”", []ns{{"“", `"`, `"`}, {"—", "-", "-"}, {"”", `"`, `"`}}},
		{"width variants", "ＵＮ", []ns{{"ＵＮ", "un", "un"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := tk.Tokenize(c.in)
			got := make([]ns, len(doc.Tokens))
			for i, x := range doc.Tokens {
				got[i] = ns{x.Text, x.Norm, x.Stem}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", c.in, diff)
			}
		})
	}
}

func TestStemLanguages(t *testing.T) {
	cases := []struct {
		lang     Language
		in, want string
	}{
		{English, "sanctions", "sanction"},
		{Russian, "переговоры", "переговор"},
		{Spanish, "negociaciones", "negoci"},
		{French, "négociations", "négoci"},
		{Swedish, "förhandlingar", "förhandling"},
		{Norwegian, "forhandlingene", "forhandling"},
		{Hungarian, "tárgyalások", "tárgyalás"},
		{"xx", "words", "words"},
	}
	for _, c := range cases {
		t.Run(string(c.lang), func(t *testing.T) {
			if got := Stem(c.in, c.lang); got != c.want {
				t.Errorf("Stem(%q, %s) = %q, want %q", c.in, c.lang, got, c.want)
			}
		})
	}
}

func TestParts(t *testing.T) {
	tk, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := tk.Tokenize("A rules-based, U.S.-led and so-called order.")
	type part struct {
		Text, Norm string
		Start, End int
		Kind       Kind
		Flags      Flags
	}
	var got [][]part
	for i := range doc.Tokens {
		ps := doc.PartsOf(i)
		if ps == nil {
			continue
		}
		var g []part
		for _, p := range ps {
			g = append(g, part{p.Text, p.Norm, p.Start, p.End, p.Kind, p.Flags})
		}
		got = append(got, g)
	}
	want := [][]part{
		{{"rules", "rules", 2, 7, Word, 0}, {"based", "based", 8, 13, Word, 0}},
		{{"U.S.", "u.s.", 15, 19, Word, Abbreviation}, {"led", "led", 20, 23, Word, 0}},
		{{"so", "so", 28, 30, Word, 0}, {"called", "called", 31, 37, Word, 0}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parts mismatch (-want +got):\n%s", diff)
	}
	if p := doc.PartsOf(0); p != nil {
		t.Errorf("PartsOf(0) = %v, want nil for a plain word", p)
	}
	if p := doc.PartsOf(-1); p != nil {
		t.Errorf("PartsOf(-1) = %v, want nil", p)
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"ascii lower unchanged", "peace", "peace"},
		{"upper", "UKRAINE", "ukraine"},
		{"curly apostrophe", "Russia’s", "russia's"},
		{"other apostrophes", "a‘b‛c′d`eʼf", "a'b'c'd'e'f"},
		{"double quotes", "“a” „b‟ «c»", `"a" "b" "c"`},
		{"dashes", "a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h"},
		{"soft hyphen removed", "nego\u00adtiate", "negotiate"},
		{"zero width removed", "a\u200bb", "ab"},
		{"combining accent composes", "cafe\u0301", "café"},
		{"stray combining mark removed", "x\u0301", "x"},
		{"full width", "ＵＮＳＣ１２", "unsc12"},
		{"ligature", "ﬁnal", "final"},
		{"cyrillic", "МИР Ёлка", "мир елка"},
		{"yo folds to ye", "Соединённые", "соединенные"},
		{"ye with combining diaeresis folds to ye", "е\u0308ж", "еж"},
		{"russian short i kept", "Мой", "мой"},
		{"invalid utf-8 replaced", "A\xff", "a\ufffd"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Normalize(c.in)
			if got != c.want {
				t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize is not idempotent on %q: %q", got, again)
			}
			if app := string(AppendNormalize([]byte("x"), c.in)); app != "x"+c.want {
				t.Errorf("AppendNormalize(%q) = %q, want %q", c.in, app, "x"+c.want)
			}
		})
	}
}

func TestNormalizeASCIIDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("peace ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
		t.Errorf("Normalize of normal ASCII allocates %v times", n)
	}
	buf := make([]byte, 0, 128)
	u := "UKRAINE’S"
	if n := testing.AllocsPerRun(100, func() { buf = AppendNormalize(buf[:0], u) }); n != 0 {
		t.Errorf("AppendNormalize into a large buffer allocates %v times", n)
	}
}

func TestEmptyInput(t *testing.T) {
	tk, _ := New(Options{})
	doc, err := tk.Tokenize("")
	if err != nil {
		t.Fatal(err)
	}
	if doc == nil || len(doc.Tokens) != 0 || len(doc.Sentences) != 0 || len(doc.Parts) != 0 {
		t.Errorf("Tokenize(\"\") = %+v, want an empty document", doc)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(Options{Language: "klingon"}); !errors.Is(err, ErrLanguage) {
		t.Errorf("New(klingon) error = %v, want ErrLanguage", err)
	}
	if _, err := New(Options{Language: Russian, Tag: true}); !errors.Is(err, ErrLanguage) {
		t.Errorf("New(ru, Tag) error = %v, want ErrLanguage", err)
	}
	tk, err := New(Options{Language: "English", Entities: true})
	if err != nil {
		t.Fatal(err)
	}
	if o := tk.Options(); o.Language != English || !o.Tag {
		t.Errorf("Options() = %+v, want English with Tag implied by Entities", o)
	}
}

func TestTokenizeIntoReuses(t *testing.T) {
	tk, _ := New(Options{})
	var doc Document
	if err := tk.TokenizeInto(&doc, "First-rate work. Second one."); err != nil {
		t.Fatal(err)
	}
	if err := tk.TokenizeInto(&doc, "Short."); err != nil {
		t.Fatal(err)
	}
	want := []tok{w("Short", 0), pu(".", 5)}
	if diff := cmp.Diff(want, project(doc.Tokens)); diff != "" {
		t.Errorf("reused document mismatch (-want +got):\n%s", diff)
	}
	if len(doc.Parts) != 0 || len(doc.Sentences) != 1 || doc.Text != "Short." {
		t.Errorf("reused document keeps old state: %+v", doc)
	}
}

func TestFlagsString(t *testing.T) {
	got := []string{Flags(0).String(), Compound.String(), (Compound | Abbreviation).String(), (Clitic | 64).String()}
	want := []string{"0", "compound", "compound|abbreviation", "clitic|flags(64)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Flags.String mismatch (-want +got):\n%s", diff)
	}
}

func TestKindString(t *testing.T) {
	got := []string{Word.String(), Number.String(), Punct.String(), Symbol.String(), URL.String(), Email.String(), Handle.String(), Kind(42).String()}
	want := []string{"word", "number", "punct", "symbol", "url", "email", "handle", "kind(42)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Kind.String mismatch (-want +got):\n%s", diff)
	}
}

// checkInvariants checks what every document must satisfy.
func checkInvariants(t testing.TB, doc *Document) {
	t.Helper()
	text := doc.Text
	prev := 0
	for i, tk := range doc.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %q has bad offsets %d:%d (previous end %d)", i, tk.Text, tk.Start, tk.End, prev)
		}
		if text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, tk.Start, tk.End, text[tk.Start:tk.End], tk.Text)
		}
		prev = tk.End
	}
	next := 0
	for i, s := range doc.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(doc.Tokens) {
			t.Fatalf("sentence %d covers tokens %d:%d, want to start at %d", i, s.First, s.Last, next)
		}
		if s.Start != doc.Tokens[s.First].Start || s.End != doc.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d span %d:%d does not match its tokens", i, s.Start, s.End)
		}
		next = s.Last
	}
	if next != len(doc.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(doc.Tokens))
	}
	pstart := 0
	for i, p := range doc.Parts {
		if p.Start < pstart || text[p.Start:p.End] != p.Text {
			t.Fatalf("part %d %q out of order or with bad offsets", i, p.Text)
		}
		pstart = p.End
	}
	np := 0
	for i, tk := range doc.Tokens {
		ps := doc.PartsOf(i)
		if (tk.Flags&Compound != 0) != (len(ps) > 0) {
			t.Fatalf("token %d %q: compound flag %v but %d parts", i, tk.Text, tk.Flags&Compound != 0, len(ps))
		}
		for _, p := range ps {
			if p.Start < tk.Start || p.End > tk.End {
				t.Fatalf("part %q outside its compound %q", p.Text, tk.Text)
			}
		}
		np += len(ps)
	}
	if np != len(doc.Parts) {
		t.Fatalf("PartsOf finds %d parts, document has %d", np, len(doc.Parts))
	}
}

// TestConcurrentTokenize shares one cold Tokenizer (and so its memo)
// between goroutines; run with -race.
func TestConcurrentTokenize(t *testing.T) {
	texts := []string{
		"Russia’s so-called referendums don't count. Mr. Smith said so.",
		"Die Verhandlungen gehen weiter. The U.S.-led talks resume on 2024-12-05.",
		"«Мы готовы к переговорам», — сказал он.",
		"Sanctions, sanctioned, sanctioning: the sanctions regime!",
	}
	ref, _ := New(Options{})
	want := make([]*Document, len(texts))
	for i, s := range texts {
		want[i], _ = ref.Tokenize(s)
	}
	tk, _ := New(Options{})
	done := make(chan string, 32)
	for g := 0; g < 8; g++ {
		go func() {
			for r := 0; r < 20; r++ {
				i := (g + r) % len(texts)
				doc, _ := tk.Tokenize(texts[i])
				// Form IDs depend on which goroutine computed a form first
				// and differ between tokenizers; TestFormIDs checks them.
				if diff := cmp.Diff(want[i], doc, ignoreForms); diff != "" {
					done <- diff
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if d := <-done; d != "" {
			t.Errorf("concurrent result differs (-want +got):\n%s", d)
		}
	}
}

// ignoreForms ignores the form IDs, which depend on the order in which a
// tokenizer first met each word.
var ignoreForms = cmp.Options{cmpopts.IgnoreFields(Token{}, "Form"), cmpopts.IgnoreFields(Document{}, "FormSpace")}

// TestFormIDs checks the promise of Token.Form: within one tokenizer, a
// nonzero ID stands for one (Norm, Stem) pair, whatever the surface text,
// the token's kind or the goroutine that first computed it.
func TestFormIDs(t *testing.T) {
	texts := []string{
		"Russia’s so-called referendums don't count. Mr. Smith said so.",
		"RUSSIA'S referendums: the The THE sanctions, Sanctions and sanctioned.",
		"The U.S.-led talks resume on 2024-12-05 at 10.30; see https://example.org/x #peace @un.",
		"«Мы готовы к переговорам», — сказал он. Ёлка, елка.",
		strings.Repeat("x", 70) + " " + strings.Repeat("y", 70),
	}
	tk, _ := New(Options{})
	other, _ := New(Options{})
	type pair struct{ norm, stem string }
	seen := map[uint32]pair{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 10 {
				doc, _ := tk.Tokenize(texts[(g+r)%len(texts)])
				if doc.FormSpace == 0 {
					t.Error("FormSpace is 0")
				}
				mu.Lock()
				for _, tok := range append(doc.Tokens, doc.Parts...) {
					if tok.Form == 0 {
						if len(tok.Text) <= maxMemoLen && tok.Kind == Word {
							t.Errorf("word %q has no form ID", tok.Text)
						}
						continue
					}
					p := pair{tok.Norm, tok.Stem}
					if q, ok := seen[tok.Form]; ok && q != p {
						t.Errorf("form %d is both %q and %q", tok.Form, q, p)
					}
					seen[tok.Form] = p
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) < 20 {
		t.Errorf("only %d form IDs", len(seen))
	}
	d1, _ := tk.Tokenize(texts[0])
	d2, _ := other.Tokenize(texts[0])
	if d1.FormSpace == d2.FormSpace {
		t.Errorf("two tokenizers share FormSpace %d", d1.FormSpace)
	}
	// "The" and "the" share their normal form's ID. (A fresh tokenizer:
	// two goroutines that compute the form of "the" at once give it two
	// IDs, and "The" may have taken the one the memo did not keep.)
	fresh, _ := New(Options{})
	d, _ := fresh.Tokenize("The the")
	if d.Tokens[0].Form == 0 || d.Tokens[0].Form != d.Tokens[1].Form {
		t.Errorf("The and the: forms %d and %d", d.Tokens[0].Form, d.Tokens[1].Form)
	}
}

// TestFormIDBound checks that a tokenizer stops handing out IDs at
// maxFormIDs, so a table indexed by them stays bounded.
func TestFormIDBound(t *testing.T) {
	tk, _ := New(Options{})
	tk.cache.ids.Store(maxFormIDs - 3)
	doc, _ := tk.Tokenize("alpha beta gamma delta epsilon")
	var got []uint32
	for _, tok := range doc.Tokens {
		got = append(got, tok.Form)
	}
	want := []uint32{maxFormIDs - 2, maxFormIDs - 1, 0, 0, 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("forms near the bound (-want +got):\n%s", diff)
	}
}

// TestNoStems checks that a tokenizer with NoStems gives the tokens of one
// without, with each Stem equal to its Norm.
func TestNoStems(t *testing.T) {
	tests := []string{"", "Russia’s DON’T", "negotiations Negotiated", "de-escalation so‐called", "U.S. 1,000 “—” ＵＮ", "running generously"}
	for _, lang := range Languages() {
		plain, err := New(Options{Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		bare, err := New(Options{Language: lang, NoStems: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range tests {
			t.Run(string(lang)+"/"+in, func(t *testing.T) {
				want, err := plain.Tokenize(in)
				if err != nil {
					t.Fatal(err)
				}
				got, err := bare.Tokenize(in)
				if err != nil {
					t.Fatal(err)
				}
				type tok struct{ Text, Norm, Stem string }
				var w, g []tok
				for _, x := range want.Tokens {
					w = append(w, tok{x.Text, x.Norm, x.Norm})
				}
				for _, x := range got.Tokens {
					g = append(g, tok{x.Text, x.Norm, x.Stem})
				}
				if diff := cmp.Diff(w, g); diff != "" {
					t.Errorf("tokens (-want +got):\n%s", diff)
				}
			})
		}
	}
}
