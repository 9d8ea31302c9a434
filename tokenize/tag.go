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
// prose runs once per sentence of doc, on the sentence's text, with its own
// tokenizer. Its tokens carry no offsets, so they are aligned to ours by
// position: each prose token is located in the sentence text from where
// the previous one ended (curly quotes, which prose rewrites to ASCII,
// match their ASCII forms), and our token that starts where a prose token
// starts takes its tag. Our tokens that no prose token starts at stay
// untagged and are counted in doc.Unaligned: the second half of a
// contraction prose keeps whole ("we've" gives "we" a tag but not "'ve"),
// parts of a token that prose merges (3.5 %), and words prose drops (it
// loses words that open with a quote followed by s, m, re or ll, such as
// 'sanctions'). Entities are decoded from prose's IOB labels (B-GPE, I-GPE)
// of aligned tokens.
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
	text := doc.Text[s.Start:s.End]
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
	// Locate prose's tokens in the sentence.
	cur := 0
	for _, pt := range ptoks {
		if pt.Text == "" {
			continue
		}
		start, end, ok := locate(text, cur, pt.Text)
		if !ok {
			continue
		}
		spans = append(spans, proseSpan{start: s.Start + start, end: s.Start + end, tag: pt.Tag, label: pt.Label})
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
		for j < len(spans) && spans[j].start < tok.Start {
			j++
		}
		if j == len(spans) || spans[j].start != tok.Start {
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
