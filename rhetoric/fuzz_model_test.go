package rhetoric

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rhetorica/rhetorica/lexicon"
)

// FuzzAnalyzeModel checks the analysis with the default lexicon and the
// built-in model, the path of the learned layer's per-token shortcuts
// (sentence word rows, actor searches, the shown-device bits) and of the
// JSON reason memo that FuzzAnalyze, without a model, does not take: no
// panic, hits and spans inside the text, AppendJSON equal to encoding/json
// and the same twice (the second time through a memo that the first
// filled).
func FuzzAnalyzeModel(f *testing.F) {
	for _, s := range streamTexts {
		f.Add(s)
	}
	long := strings.Repeat("Russia bears full responsibility for this war of aggression. We call on all states to defend the sovereignty of Ukraine! ", 40)
	for _, s := range []string{"We call on Russia's", "not not not aggression", long, "\ufeffPeace!\r\n\r\n- Kyiv blames Moscow.\n- 1. Stop"} {
		f.Add(s)
	}
	a, err := New(lexicon.Default(), Options{})
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		r, err := a.Analyze(ctx, Statement{ID: "f", Text: text})
		if !utf8.ValidString(text) {
			return // FuzzAnalyze checks the error
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Hits {
			if h.Start < 0 || h.End > len(text) || h.Start >= h.End || text[h.Start:h.End] != h.Text {
				t.Fatalf("hit %+v outside or not matching the text", h)
			}
		}
		for _, s := range r.Spans {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("span %+v outside the text", s)
			}
			for _, p := range s.Scores {
				for _, x := range p.Because {
					if x.Start < 0 || x.End > len(text) || x.Start > x.End {
						t.Fatalf("reason %+v outside the text", x)
					}
				}
			}
		}
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for pass := range 2 {
			got, err := r.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want, got) {
				t.Fatalf("pass %d: AppendJSON differs from encoding/json: %s", pass, jsonDiff(want, got))
			}
		}
	})
}
