package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/tokenize"
)

// WordClass is one class of a lexicon's grammar: the function words of a
// language that the analyzer's rules look for (the words that end a clause,
// that undo a negation, that mark a passive agent ...), named by one of
// [GrammarClasses]. It is plain data.
//
// A word is one token's form, written as in a pattern and normalised the
// same way: word (the token's normal form equals it), word* (begins with
// it), *word (ends with it: a suffix such as *ly) or ~word (the token's stem
// equals the word's stem). A phrase of such words separated by spaces
// matches consecutive tokens ("hands of", "according to").
type WordClass struct {
	Name  string
	Words []string
}

// Category roles: how the analyzer treats a category's cues beyond counting
// them (see [Category.Role]).
const (
	// RoleVictim marks a device whose cue's object is a victim rather than
	// its target ("aggression against Ukraine" blames whoever aggresses).
	RoleVictim = "victim"
	// RoleAppeal marks the device of appeals: imperatives count as it, and
	// its target is the addressee, never a bystander.
	RoleAppeal = "appeal"
	// RoleTarget marks a device whose moves name a target ("we stand with
	// Ukraine" names whom solidarity is with): the analyzer reports the
	// actor its cues name as the sentence's target for the device. Victim
	// and appeal devices name targets too; a category with neither of
	// those roles declares this one to take a target.
	RoleTarget = "target"
	// RoleNone declares that a category has no role, overriding the role
	// that the default lexicon gives a category of the same name.
	RoleNone = "none"
)

// grammarClassDocs names the grammar classes, in documentation order, with
// what they are for.
var grammarClassDocs = [...]struct{ name, doc string }{
	{"clause-break", "words that end a clause for modifier scope (but, however)"},
	{"parenthetical", "adverbs that between two commas do not end the clause (however, indeed)"},
	{"negation-canceller", "words between a negator and a cue that undo the negation (not only, never again)"},
	{"negating-prefix", "compound parts that negate the parts after them (non-aggression)"},
	{"adverb", "forms of adverbs, which may intensify a cue from after it (*ly)"},
	{"participle", "forms of past participles (*ed, *en)"},
	{"auxiliary", "auxiliaries: an actor just before a cue opening with one is its subject"},
	{"be-form", "forms of be that make a following participle passive"},
	{"object-glue", "function words allowed between a cue and its object"},
	{"own-side", "first-person words: the speaker's side is never a target"},
	{"accusation", "cues whose object is the one accused (blam*, accus*, condemn*)"},
	{"article", "articles that may stand between a victim marker and its actor (the)"},
	{"genitive", "words after which an actor inside a cue is its possessor (of)"},
	{"relative-pronoun", "words opening a relative clause whose subject is the antecedent"},
	{"victim-marker", "prepositions after which an actor is a victim (against)"},
	{"agent-marker", "words ending a cue that name its agent next (by, hands of)"},
	{"origin-marker", "prepositions after which a victim device's actor is its source (from)"},
	{"gerund", "forms of gerunds: after an agent-marker they open a means, not an agent (*ing)"},
	{"fronted-preposition", "prepositions opening a sentence-initial phrase without a subject"},
	{"imperative-skip", "words that may precede the verb of an imperative (please, now)"},
	{"imperative-not", "base-form verbs that open formulas, not calls to action (thank)"},
	{"imperative-self", "words after an imperative that make it the speaker's own move (let me)"},
	{"reporting-verb", "verbs whose subject is the source of a reported move (said, claimed)"},
	{"accusing-verb", "verbs X V Y of/for Z whose object Y is the target of Z (accused, blamed)"},
	{"appeal-verb", "verbs X V Y to Z whose object Y is addressed by Z (called on, urged)"},
	{"object-link", "after X accused Y / called on Y: opens what Y is accused of or asked to do (of, for, to)"},
	{"anaphor", "pronouns standing for the last named source (he, she, his, her)"},
	{"according", "phrases before a source (according to)"},
	{"claim-noun", "nouns that report someone's claim before that (claims, allegations)"},
	{"claim-opener", "words after a claim noun that open the claim (that, about, of)"},
	{"pre-verb", "words between a subject and its reporting verb (also, not, *ly)"},
	{"disputing", "words that reject the claim after them (baseless, false, lie)"},
	{"coordinator", "conjunctions that end the scope of an accusing or appeal verb (and, or)"},
	{"complementizer", "words opening a reported clause (that)"},
	{"clause-opener", "words before a clause's subject that are never part of a source's name (as, when, let)"},
	{"ambiguous-verb", "reporting and appeal verbs with another common sense: verbs only after a subject-like word (other states, maritime claims, the economy added)"},
	{"subject-pronoun", "pronouns that may be the subject of an ambiguous verb (it, they, who)"},
	{"determiner", "quantifiers and determiners that a sentence start capitalizes but that name no subject (other, many, all)"},
	{"own-body", "after my or our, the speaker's own side as a source (my delegation, our government)"},
	{"person-title", "offices that name a person after an article, whom a later he or she may stand for (the President, the Prime Minister)"},
	{"venue", "forums and documents where blame is voiced, never its target (the United Nations, the Security Council)"},
	{"place-name", "phrases that name a place, not an actor (Latin America, the West Bank)"},
	{"agent-noun", "common nouns for an actor the lexicon does not list (the regime, terrorists, occupiers)"},
}

// GrammarClasses returns the names of the grammar classes that a lexicon
// may define, in documentation order (see the package doc).
func GrammarClasses() []string {
	out := make([]string, len(grammarClassDocs))
	for i, c := range grammarClassDocs {
		out[i] = c.name
	}
	return out
}

func knownClass(name string) bool {
	for _, c := range grammarClassDocs {
		if c.name == name {
			return true
		}
	}
	return false
}

func knownRole(r string) bool {
	return r == RoleVictim || r == RoleAppeal || r == RoleTarget || r == RoleNone
}

//go:embed grammar/*.lex
var grammarFS embed.FS

// defaultGrammars parses the embedded grammar of each language that has
// one, on first use: a run usually needs one language's.
var defaultGrammars = func() map[tokenize.Language]func() []WordClass {
	out := map[tokenize.Language]func() []WordClass{}
	for _, l := range tokenize.Languages() {
		name := "grammar/" + string(l) + ".lex"
		if _, err := fs.Stat(grammarFS, name); err != nil {
			continue
		}
		out[l] = sync.OnceValue(func() []WordClass {
			data, err := grammarFS.ReadFile(name)
			if err != nil {
				panic("lexicon: embedded grammar: " + err.Error()) // listed above
			}
			if g, ok := readGrammarFile(string(data)); ok {
				return g
			}
			lx, err := parseEmbedded(name, string(data))
			if err != nil {
				panic("lexicon: embedded grammar: " + err.Error()) // a build defect, caught by tests
			}
			return lx.def.Grammar
		})
	}
	return out
}()

// readGrammarFile reads the classes of a built-in grammar file without
// the lexicon parser, which would also build a Lexicon of it (0.6 M
// instructions of a one-statement run, whose first analysis compiles the
// English grammar). It reads the plain form that those files have:
// comment lines, @lexicon, @language and @grammar lines, and a word or
// phrase a line. Anything else (a weight, a removal, another directive, a
// carriage return, a byte order mark, a line over MaxLineBytes, invalid
// UTF-8) gives false, and the parser reads the file. The words are
// canonical as the parser leaves them: single spaces between fields.
// TestReadGrammarFile checks that both read the same classes from every
// built-in grammar.
func readGrammarFile(text string) ([]WordClass, bool) {
	if !utf8.ValidString(text) || strings.IndexByte(text, '\r') >= 0 || strings.HasPrefix(text, "\ufeff") {
		return nil, false
	}
	n := strings.Count(text, "@grammar")
	out := make([]WordClass, 0, n)
	// All the words in one slice; class k owns words[from[k]:from[k+1]].
	words := make([]string, 0, strings.Count(text, "\n")+1)
	from := make([]int, 0, n+1)
	for text != "" {
		l := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if len(l) > MaxLineBytes {
			return nil, false
		}
		t := trimRightSpace(l[leadingSpace(l):])
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '@' {
			dir, arg, _ := splitField(t)
			name, rest, _ := splitField(arg)
			if name == "" || rest != "" {
				return nil, false
			}
			switch dir {
			case "@lexicon", "@language":
			case "@grammar":
				out = append(out, WordClass{Name: name})
				from = append(from, len(words))
			default:
				return nil, false
			}
			continue
		}
		if len(out) == 0 || t[0] == '!' || strings.IndexByte(t, '=') >= 0 {
			return nil, false
		}
		if !singleSpaced(t) {
			t = strings.Join(strings.Fields(t), " ")
		}
		words = append(words, t)
	}
	if len(out) == 0 {
		return nil, true
	}
	from = append(from, len(words))
	for k := range out {
		if lo, hi := from[k], from[k+1]; hi > lo {
			out[k].Words = words[lo:hi:hi]
		}
	}
	return out, true
}

// singleSpaced reports whether s, trimmed, is its fields joined by single
// spaces: ASCII without control bytes or two spaces in a row (other bytes
// may be white space: the caller asks strings.Fields).
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// DefaultGrammar returns a copy of the built-in grammar of lang: English and
// Russian have one; other languages get none (their rules then find no
// function words). A lexicon's own @grammar classes replace the classes of
// the same name (see [Lexicon.Grammar]).
func DefaultGrammar(lang tokenize.Language) []WordClass {
	g := defaultGrammars[langOf(lang)]
	if g == nil {
		return nil
	}
	return cloneGrammar(g())
}

// Grammar returns a copy of the lexicon's own grammar classes, in lexicon
// order (empty for a lexicon that brings none).
func (l *Lexicon) Grammar() []WordClass { return cloneGrammar(l.def.Grammar) }

// defaultRoles are the roles that the built-in lexicon declares, by
// category name.
var defaultRoles = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, c := range Default().def.Categories {
		if c.Role != "" {
			out[c.Name] = c.Role
		}
	}
	return out
})

// Role returns the role of the category named name: the one it declares,
// else the one the default lexicon declares for a category of that name
// (so that a foreign dictionary with a "blame" category keeps the default
// behaviour), else "". [RoleNone] comes back as "".
func (l *Lexicon) Role(name string) string {
	r := ""
	if i, ok := l.catIndex[name]; ok {
		r = l.def.Categories[i].Role
	}
	if r == "" {
		r = defaultRoles()[name]
	}
	if r == RoleNone {
		r = ""
	}
	return r
}

func cloneGrammar(g []WordClass) []WordClass {
	if g == nil {
		return nil
	}
	out := make([]WordClass, len(g))
	for i, c := range g {
		out[i] = WordClass{Name: c.Name, Words: slices.Clone(c.Words)}
	}
	return out
}

// mergeGrammar layers over's classes on base's: a class of over replaces
// base's class of the same name.
func mergeGrammar(base, over []WordClass) []WordClass {
	out := cloneGrammar(base)
	for _, c := range over {
		c = WordClass{Name: c.Name, Words: slices.Clone(c.Words)}
		if i := slices.IndexFunc(out, func(b WordClass) bool { return b.Name == c.Name }); i >= 0 {
			out[i] = c
		} else {
			out = append(out, c)
		}
	}
	return out
}

// checkGrammar validates def's roles and grammar classes.
func (c *checker) checkGrammar(def *Definition) {
	for i, cat := range def.Categories {
		if cat.Role != "" && !knownRole(cat.Role) {
			cs := c.catSrc(i)
			pos := c.at(func(*source) Position { return cs.role })
			c.addf(pos, ErrSyntax, "category %q: unknown role %q (want %s, %s, %s or %s)", cat.Name, cat.Role, RoleVictim, RoleAppeal, RoleTarget, RoleNone)
		}
	}
	seen := make(map[string]bool, len(def.Grammar))
	for i, g := range def.Grammar {
		gs := c.grammarSrc(i)
		gpos := c.at(func(*source) Position { return gs.pos })
		label := fmt.Sprintf("grammar class %q", g.Name)
		switch {
		case !knownClass(g.Name):
			c.addf(gpos, ErrBadName, "unknown grammar class %q (see lexicon.GrammarClasses)", g.Name)
		case seen[g.Name]:
			c.addf(gpos, ErrDuplicate, "%s given twice", label)
		}
		seen[g.Name] = true
		if len(g.Words) == 0 {
			c.addf(gpos, ErrEmptyCategory, "%s has no words", label)
		}
		words := make(map[string]bool, len(g.Words))
		for j, w := range g.Words {
			pos := c.at(func(*source) Position { return get(gs.aliases, j) })
			if msg := badGrammarWord(w); msg != "" {
				c.addf(pos, ErrSyntax, "%s: word %q: %s", label, w, msg)
				continue
			}
			if words[w] {
				c.addf(pos, ErrDuplicate, "%s: word %q listed twice", label, w)
			}
			words[w] = true
		}
	}
}

func (c *checker) grammarSrc(i int) actorSource {
	if c.src != nil && i < len(c.src.grammar) {
		return c.src.grammar[i]
	}
	return actorSource{}
}

// badGrammarWord says what is wrong with a grammar word, or returns "".
func badGrammarWord(w string) string {
	if strings.TrimSpace(w) == "" {
		return "empty"
	}
	if indexBreakOrEq(w) >= 0 {
		return "may not contain a line break or ="
	}
	if w[0] == '#' || w[0] == '@' || w[0] == '!' {
		return "may not begin with " + w[:1]
	}
	for _, f := range strings.Fields(w) {
		body := strings.TrimPrefix(strings.TrimSuffix(f, "*"), "*")
		body = strings.TrimPrefix(body, "~")
		switch {
		case body == "" || strings.ContainsAny(body, "*~"):
			return "a word is letters with at most one * at its start or end, or ~ at its start"
		case strings.HasPrefix(f, "*") && strings.HasSuffix(f, "*"):
			return "a word may not have * at both ends"
		case strings.HasPrefix(f, "~") && strings.ContainsRune(f, '*'):
			return "a stem (~word) takes no *"
		}
	}
	return ""
}

// grammarText renders the roles-free part of def's grammar in the .lex
// format.
func grammarText(b *strings.Builder, def *Definition) {
	for _, g := range def.Grammar {
		b.WriteString("\n@grammar ")
		b.WriteString(g.Name)
		b.WriteByte('\n')
		for _, w := range g.Words {
			b.WriteString(w)
			b.WriteByte('\n')
		}
	}
}

// grammarDirective handles the .lex directives @grammar CLASS (opens a
// grammar class) and @role ROLE (sets the role of the category whose
// section it is in), returning the new section, category and class.
func (b *defBuilder) grammarDirective(l line, i int, dir, arg string, argAt int, sec lexSection, cat, gr int) (lexSection, int, int) {
	name, rest, restAt := splitField(arg)
	switch {
	case name == "":
		b.errorf(b.pos(l, argAt), ErrSyntax, "%s needs a name", dir)
	case rest != "":
		b.errorf(b.pos(l, argAt+restAt), ErrSyntax, "%s takes one name", dir)
	}
	if dir == "@grammar" {
		if name == "" {
			return secGrammar, cat, -1
		}
		b.def.Grammar = append(b.def.Grammar, WordClass{Name: name})
		b.src.grammar = append(b.src.grammar, actorSource{pos: b.pos(l, argAt)})
		return secGrammar, cat, len(b.def.Grammar) - 1
	}
	// @role
	if sec != secCategory {
		b.errorf(b.pos(l, i), ErrSyntax, "@role belongs in a @category section")
		return sec, cat, gr
	}
	if cat < 0 || name == "" {
		return sec, cat, gr
	}
	c := &b.def.Categories[cat]
	if c.Role != "" {
		b.errorf(b.pos(l, i), ErrDuplicate, "@role given twice for category %q", c.Name)
		return sec, cat, gr
	}
	c.Role = name
	b.src.cats[cat].role = b.pos(l, argAt)
	return sec, cat, gr
}

func (b *defBuilder) grammarWord(gr int, w string, pos Position) {
	g := &b.def.Grammar[gr]
	g.Words = append(g.Words, w)
	s := &b.src.grammar[gr]
	s.aliases = append(s.aliases, pos)
}
