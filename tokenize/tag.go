package tokenize

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// ErrTagger is wrapped by the errors of part-of-speech tagging.
var ErrTagger = errors.New("tokenize: part-of-speech tagger failed")

// The prose models, loaded once per process on first use: loading
// decompresses several megabytes of weights (about 0.4 s), and prose would
// otherwise do it again for every document.
var (
	tagModel    = sync.OnceValues(func() (*prose.Model, error) { return loadModel(false) })
	entityModel = sync.OnceValues(func() (*prose.Model, error) { return loadModel(true) })
)

func loadModel(entities bool) (m *prose.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%w: loading the model: %v", ErrTagger, r)
		}
	}()
	doc, err := prose.NewDocument("a", prose.WithSegmentation(false), prose.WithExtraction(entities))
	if err != nil {
		return nil, fmt.Errorf("%w: loading the model: %w", ErrTagger, err)
	}
	return doc.Model, nil
}

// Tag assigns Penn Treebank part-of-speech tags to the tokens of doc with
// prose v2, and fills doc.Entities when the tokenizer was built with
// Options.Entities. [Tokenizer.Tokenize] calls it when Options.Tag is set;
// call it directly to tag a document tokenized without tags.
//
// prose runs once per sentence of doc. It tokenizes on its own and its
// tokens carry no offsets, so it is given the sentence's tokens joined by
// single spaces: it then splits where we split (and tags clitics the
// Treebank way: "we 've" is PRP VBP). Its tokens are located in that text
// from where the previous one ended (curly quotes, which prose rewrites to
// ASCII, match their ASCII forms), and our token that starts where a prose
// token starts takes its tag. Our tokens that no prose token starts at
// stay untagged and are counted in doc.Unaligned: words prose drops (it
// loses a word that opens with a quote followed by s, m, re or ll) and the
// rare token it joins to the one before. A token prose splits (our "..."
// is three of its tokens) takes the tag of prose's first piece. Entities
// are decoded from prose's IOB labels (B-GPE, I-GPE) of aligned tokens.
//
// Tag is safe for concurrent use on different documents.
func (t *Tokenizer) Tag(doc *Document) error {
	if doc == nil {
		return nil
	}
	doc.Tagged = false
	doc.Unaligned = 0
	doc.Entities = doc.Entities[:0]
	for i := range doc.Tokens {
		doc.Tokens[i].Tag = ""
	}
	model, err := tagModel()
	if t.opts.Entities {
		model, err = entityModel()
	}
	if err != nil {
		return err
	}
	var spans []proseSpan
	for _, s := range doc.Sentences {
		spans, err = t.tagSentence(doc, s, model, spans[:0])
		if err != nil {
			return err
		}
	}
	doc.Tagged = true
	return nil
}

// proseSpan is a prose token located in the text.
type proseSpan struct {
	start, end int
	tag, label string
}

func (t *Tokenizer) tagSentence(doc *Document, s Sentence, model *prose.Model, spans []proseSpan) (_ []proseSpan, err error) {
	// prose gets our tokens joined by single spaces, so that it splits
	// where we split (it then tags "we 've" as PRP VBP, Treebank style),
	// and starts[i] is where token s.First+i begins in that text.
	var sb strings.Builder
	starts := make([]int, 0, s.Last-s.First)
	for i := s.First; i < s.Last; i++ {
		starts = append(starts, sb.Len())
		sb.WriteString(doc.Tokens[i].Text)
		sb.WriteByte(' ')
	}
	text := sb.String()
	var ptoks []prose.Token
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%w: %v", ErrTagger, r)
			}
		}()
		var pd *prose.Document
		pd, err = prose.NewDocument(text, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(t.opts.Entities))
		if err != nil {
			err = fmt.Errorf("%w: %w", ErrTagger, err)
			return
		}
		ptoks = pd.Tokens()
	}()
	if err != nil {
		return spans, err
	}
	// Locate prose's tokens in the joined text.
	cur := 0
	for _, pt := range ptoks {
		if pt.Text == "" {
			continue
		}
		start, end, ok := locate(text, cur, pt.Text)
		if !ok {
			continue
		}
		spans = append(spans, proseSpan{start: start, end: end, tag: pt.Tag, label: pt.Label})
		cur = end
	}
	// Align by start offset.
	j := 0
	entStart, entLast, entLabel := -1, 0, ""
	flush := func() {
		if entStart >= 0 {
			doc.Entities = append(doc.Entities, Entity{First: entStart, Last: entLast, Label: entLabel})
			entStart = -1
		}
	}
	for i := s.First; i < s.Last; i++ {
		tok := &doc.Tokens[i]
		at := starts[i-s.First]
		for j < len(spans) && spans[j].start < at {
			j++
		}
		if j == len(spans) || spans[j].start != at {
			doc.Unaligned++
			continue
		}
		sp := &spans[j]
		tok.Tag = sp.tag
		if !t.opts.Entities {
			continue
		}
		kind, typ, _ := strings.Cut(sp.label, "-")
		switch {
		case typ == "" || kind == "O":
			flush()
			continue
		case kind == "B" || typ != entLabel || entStart < 0:
			flush()
			entStart, entLabel = i, typ
		}
		entLast = i + 1
	}
	flush()
	return spans, nil
}

// locateWindow bounds how far ahead of the previous token a prose token is
// looked for, so that a token prose invented cannot make alignment
// quadratic.
const locateWindow = 64

// locate finds the prose token text pt in text at or after cur (after
// white space, or within locateWindow bytes when prose dropped something),
// treating curly quotes as their ASCII forms.
func locate(text string, cur int, pt string) (int, int, bool) {
	for cur < len(text) {
		r, w := utf8.DecodeRuneInString(text[cur:])
		if !unicode.IsSpace(r) {
			break
		}
		cur += w
	}
	limit := min(len(text), cur+locateWindow)
	for p := cur; p < limit; p++ {
		if end, ok := matchProse(text, p, pt); ok {
			return p, end, true
		}
	}
	return 0, 0, false
}

// matchProse reports whether pt occurs in text at p, up to prose's quote
// rewriting, and where the match ends.
func matchProse(text string, p int, pt string) (int, bool) {
	i, j := p, 0
	for j < len(pt) {
		if i >= len(text) {
			return 0, false
		}
		if text[i] == pt[j] {
			i++
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case (r == '“' || r == '”') && pt[j] == '"',
			(r == '‘' || r == '’') && pt[j] == '\'':
			i += w
			j++
		case r == '&' && pt[j] == '\'' && strings.HasPrefix(text[i:], "&rsquo;"):
			i += len("&rsquo;")
			j++
		default:
			return 0, false
		}
	}
	return i, true
}
