package corpus_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name string
		data string
		want rhetoric.Statement
	}{
		{"plain", "Just text.\n", rhetoric.Statement{ID: "f.txt", Text: "Just text.\n"}},
		{"front matter", "---\nid: x1\nspeaker: A B\ndate: 2024-01-02\ncountry: Ruritania\ntags: [a, b]\n---\nBody.\n",
			rhetoric.Statement{ID: "x1", Speaker: "A B", Date: "2024-01-02", Text: "Body.\n", BodyOffset: 77,
				Meta: map[string]string{"country": "Ruritania", "tags": "a, b"}}},
		{"crlf and bom", "\ufeff---\r\nspeaker: 'Q'\r\n---\r\nBody.\r\n",
			rhetoric.Statement{ID: "f.txt", Speaker: "Q", Text: "Body.\r\n", BodyOffset: 27}},
		{"cr only", "---\rid: c1\rspeaker: Q\r---\rBody.\rMore.\r",
			rhetoric.Statement{ID: "c1", Speaker: "Q", Text: "Body.\rMore.\r", BodyOffset: 26}},
		{"not yaml", "---\ntitle: Remarks: Kyiv\nspeaker: A\n---\nBody",
			rhetoric.Statement{ID: "f.txt", Speaker: "A", Text: "Body", BodyOffset: 40, Meta: map[string]string{"title": "Remarks: Kyiv"}}},
		{"yaml escapes", "---\ntitle: \"Ripon,\\_WI\"\nlanguage: en\n...\nBody",
			rhetoric.Statement{ID: "f.txt", Language: "en", Text: "Body", BodyOffset: 41, Meta: map[string]string{"title": "Ripon,\u00a0WI"}}},
		{"aliases within budget", "---\na: &x [p, q]\nb: *x\n---\nBody",
			rhetoric.Statement{ID: "f.txt", Text: "Body", BodyOffset: 27, Meta: map[string]string{"a": "p, q", "b": "p, q"}}},
		{"unclosed", "---\nid: x\nBody", rhetoric.Statement{ID: "f.txt", Text: "---\nid: x\nBody"}},
		{"empty front matter", "---\n---\nBody", rhetoric.Statement{ID: "f.txt", Text: "Body", BodyOffset: 8}},
		{"rule later", "Intro\n---\nid: x\n---\n", rhetoric.Statement{ID: "f.txt", Text: "Intro\n---\nid: x\n---\n"}},
		{"utf-16le without bom", utf16le("A ceasefire."),
			rhetoric.Statement{ID: "f.txt", Text: "A ceasefire."}},
		{"utf-16be with bom", "\xfe\xff\x00O\x00k", rhetoric.Statement{ID: "f.txt", Text: "Ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpus.ParseText("f.txt", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(tt.name, "utf-16") {
				if body := tt.data[got.BodyOffset:]; body != got.Text {
					t.Errorf("BodyOffset %d does not index the text: %q", got.BodyOffset, body)
				}
			}
		})
	}
}

// billionLaughs nests aliases nine deep: 10^9 scalars if followed naively.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("speaker: *a8\n---\nBody\n")
	return b.String()
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		is   error
		want string
	}{
		{"latin-1", "caf\xe9", nil, "invalid UTF-8 in the text at byte 3"},
		{"unclosed flow", "---\nid: x\nspeaker: [unclosed\n---\nBody", corpus.ErrFrontMatter, "broken front matter: line 3: "},
		{"unclosed quote", "---\nspeaker: \"Q\n---\nBody", corpus.ErrFrontMatter, "broken front matter: line 2: "},
		{"indented junk", "---\nid: x\n  - y: [\n---\nBody", corpus.ErrFrontMatter, "broken front matter: line 3: "},
		{"billion laughs", billionLaughs(), corpus.ErrFrontMatter, "expands past 10000 nodes or bytes"},
		{"binary", "ab\x00\x01\x02\x00\x00cd", corpus.ErrEncoding, "NUL byte at byte 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := corpus.ParseText("f.txt", []byte(tt.data))
			if err == nil {
				t.Fatalf("no error; statement %+v", st)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to contain %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, not %v", err, tt.is)
			}
		})
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"Just text.", "---\nid: x\n---\nBody", "\ufeff---\r\na: [1, 2\r\n---\r\n", "---\n- a\n---\n",
		"\xff\xfeA\x00", "caf\xe9", "---\ra: &x [1]\rb: *x\r---\r", billionLaughs(), "---\nk: v: w\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := corpus.ParseText("f.txt", data)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		if st.ID == "" || !utf8.ValidString(st.Text) {
			t.Errorf("statement %+v", st)
		}
		for k, v := range st.Meta {
			if len(v) > 2*corpus.MaxFrontMatterNodes+len(data) {
				t.Errorf("meta %q has %d bytes from %d of input", k, len(v), len(data))
			}
		}
	})
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    rhetoric.Statement
		wantErr string
	}{
		{"fields", `{"id":"a","speaker":"S","date":"d","lang":"ru","text":"T","n":3,"ok":true,"x":null,"l":[1,"2"]}`,
			rhetoric.Statement{ID: "a", Speaker: "S", Date: "d", Language: "ru", Text: "T",
				Meta: map[string]string{"n": "3", "ok": "true", "l": `[1,"2"]`}}, ""},
		{"meta object", `{"text":"T","meta":{"country":"R","speaker":"S"}}`,
			rhetoric.Statement{Speaker: "S", Text: "T", Meta: map[string]string{"country": "R"}}, ""},
		{"numeric id", `{"id": 7, "text": ""}`, rhetoric.Statement{ID: "7"}, ""},
		{"missing text", `{"id":"a"}`, rhetoric.Statement{}, `missing "text" field`},
		{"text not string", `{"text":1}`, rhetoric.Statement{}, `"text" is not a string`},
		{"array", `[1]`, rhetoric.Statement{}, "not a JSON object"},
		{"broken", `{"text": "x}`, rhetoric.Statement{}, "invalid JSON: unexpected end of JSON input"},
		{"latin-1", "{\"text\": \"caf\xe9\"}", rhetoric.Statement{}, "invalid UTF-8 in the line at byte 13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpus.ParseJSON([]byte(tt.line))
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want prefix %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"text":"a"}`, `{"id":1,"text":"","meta":{"a":[1]}}`, `[1]`, `{"text":`, "{\"text\":\"\xe9\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		st, err := corpus.ParseJSON(line)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		if !utf8.ValidString(st.Text) {
			t.Errorf("invalid text %q", st.Text)
		}
	})
}

// utf16le encodes ASCII s as UTF-16LE without a byte order mark.
func utf16le(s string) string {
	var b strings.Builder
	for i := range len(s) {
		b.WriteByte(s[i])
		b.WriteByte(0)
	}
	return b.String()
}
