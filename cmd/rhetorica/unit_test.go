package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

func TestRenderProgress(t *testing.T) {
	tests := []struct {
		name        string
		n           int
		done, total int64
		elapsed     time.Duration
		width       int
		want        string
	}{
		{"unknown total", 12, 3 << 20, -1, 2 * time.Second, 80, "12 statements  3.0 MB  1.5 MB/s"},
		{"half", 100, 50 << 20, 100 << 20, 10 * time.Second, 80,
			"[##############...............]  50%  100 statements  50.0 MB  5.0 MB/s  ETA 10s"},
		{"start", 8, 0, 100 << 20, 0, 80,
			"[.................................]   0%  8 statements  0.0 MB  0.0 MB/s  ETA --"},
		{"done", 9, 10 << 20, 10 << 20, 4 * time.Second, 80,
			"[################################] 100%  9 statements  10.0 MB  2.5 MB/s  ETA 0s"},
		{"narrow", 100, 50 << 20, 100 << 20, 10 * time.Second, 40, " 50%  100 statements  50.0 MB  5.0 MB/s "},
		{"more than total", 9, 12, 10, time.Second, 80,
			"[#################################] 100%  9 statements  0.0 MB  0.0 MB/s  ETA 0s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderProgress(tt.n, tt.done, tt.total, tt.elapsed, tt.width)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(got) > tt.width {
				t.Errorf("%d columns, wider than %d", len(got), tt.width)
			}
		})
	}
}

// TestProgressSilent checks that the bar is never drawn on a writer that is
// not a terminal.
func TestProgressSilent(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, 100, false)
	for i := range 100 {
		p.update(i, int64(i))
	}
	p.done()
	if b.Len() != 0 {
		t.Errorf("progress wrote %q to a buffer", b.String())
	}
}

func TestSegments(t *testing.T) {
	h := &htmlReport{devices: []string{"blame", "threat", "peace"}}
	text := "We blame the grave threat of war. Peace."
	hit := func(dev string, s, e int, neg bool) rhetoric.Hit {
		return rhetoric.Hit{Device: dev, Entry: text[s:e], Text: text[s:e], Start: s, End: e, Weight: 1, Negated: neg, Target: "NONE"}
	}
	tests := []struct {
		name string
		hits []rhetoric.Hit
		want []string // text|class per segment
	}{
		{"none", nil, []string{text + "|"}},
		{"one", []rhetoric.Hit{hit("blame", 3, 8, false)}, []string{"We |", "blame|hl d0", " the grave threat of war. Peace.|"}},
		{"overlap", []rhetoric.Hit{hit("blame", 3, 25, false), hit("threat", 13, 32, false)},
			[]string{"We |", "blame the |hl d0", "grave threat|hl d0 u u1", " of war|hl d1", ". Peace.|"}},
		{"nested", []rhetoric.Hit{hit("threat", 13, 25, false), hit("peace", 19, 25, false)},
			[]string{"We blame the |", "grave |hl d1", "threat|hl d1 u u2", " of war. Peace.|"}},
		{"negated", []rhetoric.Hit{hit("peace", 34, 39, true)}, []string{"We blame the grave threat of war. |", "Peace|hl d2 neg", ".|"}},
		{"negated under counted", []rhetoric.Hit{hit("peace", 34, 39, true), hit("blame", 34, 39, false)},
			[]string{"We blame the grave threat of war. |", "Peace|hl d0 u u2", ".|"}},
		{"out of range dropped", []rhetoric.Hit{hit("blame", 3, 8, false), {Device: "blame", Start: 30, End: 99}, {Device: "blame", Start: 5, End: 5}},
			[]string{"We |", "blame|hl d0", " the grave threat of war. Peace.|"}},
		{"adjacent", []rhetoric.Hit{hit("blame", 3, 8, false), hit("threat", 8, 13, false)},
			[]string{"We |", "blame|hl d0", " the |hl d1", "grave threat of war. Peace.|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			joined := ""
			for _, s := range h.segments(text, tt.hits) {
				got = append(got, s.Text+"|"+s.Class)
				joined += s.Text
				if s.Class != "" && !strings.Contains(s.Title, "entry: ") {
					t.Errorf("segment %q without tooltip", s.Text)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if joined != text {
				t.Errorf("segments do not rebuild the text: %q", joined)
			}
		})
	}
}

func TestHitTooltip(t *testing.T) {
	got := hitTooltip(rhetoric.Hit{Device: "blame", Entry: "~blame", Weight: 3, Negated: true,
		Modifiers: []rhetoric.Modifier{{Kind: lexicon.Negator, Text: "not"}, {Kind: lexicon.Intensifier, Text: "flagrant"}},
		Target:    "RUS", TargetRule: "object"})
	want := "blame (negated: not counted)\nentry: ~blame\nweight: 3\nnegator: not\nintensifier: flagrant\ntarget: RUS (object)"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestHTMLEscaping renders a report of a hostile statement without the
// analyzer and checks that nothing from the input reaches the page as
// markup.
func TestHTMLEscaping(t *testing.T) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	h := newHTMLReport(w, []string{"blame"}, nil, `</title><script>alert("t")</script>`, "speaker")
	text := `They blame us. <script>alert(1)</script> "><img src=x onerror=alert(2)>`
	r := &rhetoric.Report{ID: `<b id="x">`, Speaker: `"><img src=x onerror=alert(3)>`,
		Meta:    map[string]string{`<i>k</i>`: `<svg onload=alert(4)>`},
		Devices: []rhetoric.DeviceScore{{Device: "blame", Hits: 1, Per1K: 100}},
		Hits:    []rhetoric.Hit{{Device: "blame", Entry: `"><script>`, Text: "blame", Start: 5, End: 10, Weight: 1, Target: "NONE"}}}
	if err := h.report(r, text); err != nil {
		t.Fatal(err)
	}
	if err := h.finishProfiles([]rhetoric.Profile{{Key: "speaker", Group: `<script>alert(5)</script>`, Statements: 1,
		Devices: []rhetoric.DeviceScore{{Device: "blame", Hits: 1, Per1K: 100}}}}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	page := b.String()
	for _, bad := range []string{"<script", "<img", "<svg onload", "<b id", "<i>k"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", `<mark class="hl d0"`, "&lt;img src=x onerror=alert(3)&gt;"} {
		if !strings.Contains(page, good) {
			t.Errorf("page lacks %q", good)
		}
	}
}

func FuzzSegments(f *testing.F) {
	f.Add("We blame the grave threat.", 3, 8, 6, 20, true)
	f.Add("é—ü", 0, 2, 1, 5, false)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, neg bool) {
		h := &htmlReport{devices: []string{"a", "b"}}
		hits := []rhetoric.Hit{{Device: "a", Start: s1, End: e1}, {Device: "b", Start: s2, End: e2, Negated: neg}}
		joined := ""
		for _, s := range h.segments(text, hits) {
			joined += s.Text
		}
		if joined != text {
			t.Errorf("segments rebuild %q, not %q", joined, text)
		}
	})
}

// readAll runs a reader over srcs and returns, in order, one line per
// statement ("id|speaker|text|meta") or problem ("pos: error").
func readAll(t *testing.T, opts inputOptions, stdin string, srcs []source) []string {
	t.Helper()
	rd := &reader{opts: opts, stdin: strings.NewReader(stdin)}
	var out []string
	drain := func() {
		for {
			it, ok := rd.q.pop()
			if !ok {
				return
			}
			if it.err != nil {
				out = append(out, it.pos+": "+it.err.Error())
			}
		}
	}
	for st := range rd.statements(srcs) {
		drain()
		keys := make([]string, 0, len(st.Meta))
		for k, v := range st.Meta {
			keys = append(keys, k+"="+v)
		}
		slices.Sort(keys)
		out = append(out, st.ID+"|"+st.Speaker+"|"+st.Text+"|"+strings.Join(keys, ","))
	}
	drain()
	return out
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name string
		opts inputOptions
		data string
		want []string
	}{
		{"defaults", inputOptions{}, "ID,Speaker,Body,Country\n1,A,Text one.,X\n2,B,\"Two, quoted \"\"here\"\"\",Y\n",
			[]string{"1|A|Text one.|Country=X", `2|B|Two, quoted "here"|Country=Y`}},
		{"no id column", inputOptions{}, "text\nfirst\n\nsecond\n", []string{"f.csv:2||first|", "f.csv:4||second|"}},
		{"named columns", inputOptions{textCol: "headline", idCol: "link", speakerCol: "who"},
			"link,who,headline,body\nu1,P,Head,Body\n", []string{"u1|P|Head|body=Body"}},
		{"missing named column", inputOptions{speakerCol: "who"}, "id,text\n1,x\n",
			[]string{"f.csv:1: no column \"who\" (--speaker-col); the columns are: id, text"}},
		{"bare quote", inputOptions{}, "id,text\n1,he said \"no\"\n2,fine\n",
			[]string{"f.csv:2: csv quote: bare \" in a field that is not quoted (--lazy-quotes keeps it)", "2||fine|"}},
		{"bare quote lazy", inputOptions{lazyQuotes: true}, "id,text\n1,he said \"no\"\n2,fine\n",
			[]string{`1||he said "no"|`, "2||fine|"}},
		{"field count", inputOptions{}, "id,text\n1,a,b\n2\n3,c\n",
			[]string{"f.csv:2: row has 3 fields, the header has 2", "f.csv:3: row has 1 fields, the header has 2", "3||c|"}},
		{"multi-line field keeps its first line", inputOptions{}, "id,text\n1,\"a\nb\"\n2,c\n",
			[]string{"1||a\nb|", "2||c|"}},
		{"bom crlf", inputOptions{}, "\ufeffid,text\r\n1,a\r\n", []string{"1||a|"}},
		{"empty", inputOptions{}, "", []string{"f.csv: empty file (want a header row)"}},
		{"file meta", inputOptions{fileMeta: true}, "id,text\n1,a\n", []string{"1||a|file=f.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.csv")
			os.WriteFile(path, []byte(tt.data), 0o644)
			t.Chdir(filepath.Dir(path))
			got := readAll(t, tt.opts, "", []source{{path: "f.csv", format: inCSV}})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadSources(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("d/sub", 0o755)
	os.MkdirAll("d/.git", 0o755)
	os.WriteFile("d/b.md", []byte("---\nid: B\n---\nbee"), 0o644)
	os.WriteFile("d/a.txt", []byte("ay"), 0o644)
	os.WriteFile("d/sub/c.jsonl", []byte("{\"text\":\"see\"}\n\n{\"id\":\"x\"}\n"), 0o644)
	os.WriteFile("d/.git/e.txt", []byte("hidden"), 0o644)
	os.WriteFile("d/notes.pdf", []byte("%PDF"), 0o644)
	os.WriteFile("d/README", []byte("no extension"), 0o644)
	srcs := listSources([]string{"d", "missing.txt", "-", "d/notes.pdf"}, listOptions{})
	got := readAll(t, inputOptions{}, "from stdin", srcs)
	want := []string{
		"d/a.txt||ay|",
		"B||bee|",
		"d/sub/c.jsonl:1||see|",
		`d/sub/c.jsonl:3: missing "text" field`,
		": missing.txt: no such file or directory",
		"stdin||from stdin|",
		`: d/notes.pdf: unknown input format ".pdf" (want .txt, .md, .jsonl, .csv or .tsv, or set --input-format)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The stdin format follows --input-format.
	got = readAll(t, inputOptions{}, "{\"id\":\"s\",\"text\":\"t\"}\n", listSources([]string{"-"}, listOptions{format: inJSONL}))
	if diff := cmp.Diff([]string{"s||t|"}, got); diff != "" {
		t.Errorf("stdin jsonl (-want +got):\n%s", diff)
	}
}

// FuzzHTMLReport renders arbitrary input and checks that it never becomes
// markup: the page must hold no element but the report's own.
func FuzzHTMLReport(f *testing.F) {
	f.Add(`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, "blame", 0, 8)
	f.Add("Caf\u00e9 <b>bold</b> & <svg onload=x>", "</title><style>", "<i>dev</i>", 3, 20)
	f.Fuzz(func(t *testing.T, text, id, device string, start, end int) {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		h := newHTMLReport(w, []string{"blame", device}, nil, id, "speaker")
		r := &rhetoric.Report{ID: id, Speaker: text, Meta: map[string]string{id: text},
			Devices: []rhetoric.DeviceScore{{Device: device, Hits: 1, Per1K: 1}},
			Hits:    []rhetoric.Hit{{Device: device, Entry: text, Start: start, End: end}}}
		if err := h.report(r, text); err != nil {
			t.Fatal(err)
		}
		if err := h.finishProfiles([]rhetoric.Profile{{Group: text, Devices: r.Devices}}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		page := strings.ToLower(b.String())
		for _, tag := range []string{"<script", "<img", "<svg onload", "<b>", "<i>", "</title><style>"} {
			if strings.Contains(page, tag) {
				t.Errorf("page contains %q", tag)
			}
		}
	})
}

// TestUnusedColumnFlags checks when the CSV flags are refused: only when
// every input was listed and none is CSV or TSV.
func TestUnusedColumnFlags(t *testing.T) {
	text := source{path: "a.md", format: inText}
	jl := source{path: "b.jsonl", format: inJSONL}
	csvSrc := source{path: "c.csv", format: inCSV}
	tsv := source{path: "d.tsv", format: inTSV}
	stdin := source{path: "-", format: inText, size: -1}
	missing := source{path: "e.csv", err: os.ErrNotExist}
	textCol := analysisFlags{textCol: "body"}
	tests := []struct {
		name  string
		flags analysisFlags
		srcs  []source
		want  string
	}{
		{"no flag", analysisFlags{}, []source{jl}, ""},
		{"csv", textCol, []source{csvSrc}, ""},
		{"tsv among others", textCol, []source{text, jl, tsv}, ""},
		{"nothing found", textCol, nil, ""},
		{"an input that failed", textCol, []source{jl, missing}, ""},
		{"jsonl", textCol, []source{jl},
			`--text-col applies to CSV and TSV inputs, and none of the inputs is one (a JSONL line's text, id and speaker are always its fields "text", "id" and "speaker")`},
		{"text", analysisFlags{idCol: "link", lazyQuotes: true}, []source{text},
			"--id-col and --lazy-quotes apply to CSV and TSV inputs, and none of the inputs is one"},
		{"standard input", analysisFlags{speakerCol: "author"}, []source{jl, stdin},
			"--speaker-col applies to CSV and TSV inputs, and none of the inputs is one (standard input is read as text; --input-format csv or tsv reads it as a table)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unusedColumnFlags(&tt.flags, tt.srcs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
