package corpus_test

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/corpus"
)

// readAll reads data and returns one line per record: "pos id|speaker|text|meta"
// for a statement, "pos: error" for a problem.
func readAll(t *testing.T, name, data string, opts corpus.Options) []string {
	t.Helper()
	var out []string
	for rec := range corpus.Read(name, strings.NewReader(data), opts) {
		if rec.Err != nil {
			out = append(out, rec.Pos+": "+rec.Err.Error())
			continue
		}
		st := rec.Statement
		var keys []string
		for k, v := range st.Meta {
			keys = append(keys, k+"="+v)
		}
		slices.Sort(keys)
		out = append(out, rec.Pos+" "+st.ID+"|"+st.Speaker+"|"+st.Text+"|"+strings.Join(keys, ","))
	}
	return out
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		file string
		opts corpus.Options
		data string
		want []string
	}{
		{"csv defaults", "f.csv", corpus.Options{}, "ID,Speaker,Body,Country\n1,A,Text one.,X\n2,B,\"Two, quoted \"\"here\"\"\",Y\n",
			[]string{"f.csv:2 1|A|Text one.|Country=X", `f.csv:3 2|B|Two, quoted "here"|Country=Y`}},
		{"csv no id column, blank line", "f.csv", corpus.Options{}, "text\nfirst\n\nsecond\n",
			[]string{"f.csv:2 f.csv:2||first|", "f.csv:4 f.csv:4||second|"}},
		{"csv named columns", "f.csv", corpus.Options{TextColumn: "headline", IDColumn: "link", SpeakerColumn: "who"},
			"link,who,headline,body\nu1,P,Head,Body\n", []string{"f.csv:2 u1|P|Head|body=Body"}},
		{"csv missing named column", "f.csv", corpus.Options{SpeakerColumn: "who"}, "id,text\n1,x\n",
			[]string{`f.csv:1: no column "who" (--speaker-col); the columns are: id, text`}},
		{"csv no text column", "f.csv", corpus.Options{}, "id,words\n1,x\n",
			[]string{"f.csv:1: no text column (looked for text, body, content, speech, statement, transcript; choose one with --text-col; the columns are: id, words)"}},
		{"csv bare quote", "f.csv", corpus.Options{}, "id,text\n1,he said \"no\"\n2,fine\n",
			[]string{"f.csv:2: csv quote: bare \" in a field that is not quoted (--lazy-quotes keeps it)", "f.csv:3 2||fine|"}},
		{"csv bare quote lazy", "f.csv", corpus.Options{LazyQuotes: true}, "id,text\n1,he said \"no\"\n2,fine\n",
			[]string{`f.csv:2 1||he said "no"|`, "f.csv:3 2||fine|"}},
		{"csv ragged rows", "f.csv", corpus.Options{}, "id,text\n1,a,b\n2\n3,c\n",
			[]string{"f.csv:2: row has 3 fields, the header has 2", "f.csv:3: row has 1 fields, the header has 2", "f.csv:4 3||c|"}},
		{"csv multi-line field", "f.csv", corpus.Options{}, "id,text\n1,\"a\r\nb\rc\"\n2,c\n",
			[]string{"f.csv:2 1||a\nb\nc|", "f.csv:5 2||c|"}},
		{"csv unclosed quote", "f.csv", corpus.Options{}, "id,text\n1,ok\n2,\"never closed\n3,three\n4,four\n",
			[]string{"f.csv:2 1||ok|",
				"f.csv:3: csv quote: the quote opened on line 3 is never closed (it runs to the end of the file); the lines after it are read as rows",
				"f.csv:4 3||three|", "f.csv:5 4||four|"}},
		{"csv unclosed quote lazy", "f.csv", corpus.Options{LazyQuotes: true}, "id,text\n1,\"never closed\n2,two\n",
			[]string{"f.csv:2: csv quote: the quote opened on line 2 is never closed (it runs to the end of the file); the lines after it are read as rows",
				"f.csv:3 2||two|"}},
		{"csv quote past the limit", "f.csv", corpus.Options{MaxBytes: 20}, "id,text\n1,\"runs on\n2,and on\n3,and on and on\n",
			[]string{"f.csv:2: csv quote: the quote opened on line 2 is never closed (the field passes the limit of 20 bytes); the lines after it are read as rows",
				"f.csv:3 2||and on|", "f.csv:4 3||and on and on|"}},
		{"csv row too large", "f.csv", corpus.Options{MaxBytes: 10}, "id,text\n1,short\n2,far too long a row\n3,ok\n",
			[]string{"f.csv:2 1||short|", "f.csv:3: statement too large: the row has more than 10 bytes (the limit; raise it with --max-bytes or Options.MaxBytes)", "f.csv:4 3||ok|"}},
		{"csv quote closed by a later row's quote", "f.csv", corpus.Options{}, "id,text\n1,\"open\n2,two\n3,\"quoted\" x\n4,four\n",
			[]string{"f.csv:2: csv quote: the quote opened on line 2 is never closed (a quote on line 4 does not close it); the lines after it are read as rows",
				"f.csv:3 2||two|", "f.csv:4: csv quote: extraneous \" in a quoted field (line 4; --lazy-quotes keeps it)", "f.csv:5 4||four|"}},
		{"csv row too large, then a quote", "f.csv", corpus.Options{MaxBytes: 10}, "id,text\n1,abcdefghijkl \"x\n2,ok\r\n3,o\"k\n",
			[]string{"f.csv:2: statement too large: the row has more than 10 bytes (the limit; raise it with --max-bytes or Options.MaxBytes)",
				"f.csv:3 2||ok|", "f.csv:4: csv quote: bare \" in a field that is not quoted (--lazy-quotes keeps it)"}},
		{"csv bom crlf", "f.csv", corpus.Options{}, "\ufeffid,text\r\n1,a\r\n", []string{"f.csv:2 1||a|"}},
		{"csv cr only", "f.csv", corpus.Options{}, "id,text\r1,a\r2,b", []string{"f.csv:2 1||a|", "f.csv:3 2||b|"}},
		{"csv utf-16le without bom", "f.csv", corpus.Options{}, utf16le("id,text\r\n1,a\r\n"), []string{"f.csv:2 1||a|"}},
		{"csv empty", "f.csv", corpus.Options{}, "", []string{"f.csv: empty file (want a header row)"}},
		{"tsv", "f.tsv", corpus.Options{}, "id\ttext\n1\ta, b\n", []string{"f.tsv:2 1||a, b|"}},
		{"jsonl", "f.jsonl", corpus.Options{}, "{\"text\":\"see\"}\n\n{\"id\":\"x\"}\n",
			[]string{"f.jsonl:1 f.jsonl:1||see|", `f.jsonl:3: missing "text" field`}},
		{"jsonl cr only", "f.jsonl", corpus.Options{}, "{\"text\":\"a\"}\r{\"text\":\"b\"}\r\r{\"text\":\"c\"}",
			[]string{"f.jsonl:1 f.jsonl:1||a|", "f.jsonl:2 f.jsonl:2||b|", "f.jsonl:4 f.jsonl:4||c|"}},
		{"jsonl line too long", "f.jsonl", corpus.Options{MaxBytes: 16}, "{\"text\":\"a\"}\n{\"text\":\"far too long\"}\n{\"text\":\"c\"}\n",
			[]string{"f.jsonl:1 f.jsonl:1||a|", "f.jsonl:2: statement too large: the line has more than 16 bytes (the limit; raise it with --max-bytes or Options.MaxBytes)", "f.jsonl:3 f.jsonl:3||c|"}},
		{"jsonl utf-16be with bom", "f.jsonl", corpus.Options{}, "\xfe\xff\x00{\x00\"\x00t\x00e\x00x\x00t\x00\"\x00:\x00\"\x00a\x00\"\x00}",
			[]string{"f.jsonl:1 f.jsonl:1||a|"}},
		{"text", "a.md", corpus.Options{}, "---\nspeaker: S\n---\nBody", []string{"a.md a.md|S|Body|"}},
		{"text too large", "a.txt", corpus.Options{MaxBytes: 4}, "12345",
			[]string{"a.txt: statement too large: the file has more than 4 bytes (the limit; raise it with --max-bytes or Options.MaxBytes)"}},
		{"format by option", "notes", corpus.Options{Format: corpus.FormatJSONL}, "{\"text\":\"x\"}", []string{"notes:1 notes:1||x|"}},
		{"unknown extension", "a.pdf", corpus.Options{}, "%PDF", []string{`a.pdf: unknown input format ".pdf" (want .txt, .md, .jsonl, .csv or .tsv)`}},
		{"binary", "a.jsonl", corpus.Options{}, "{\x00\x01\x02\x03\x00\x00\x00", []string{"a.jsonl: unsupported encoding: NUL byte at byte 1 (a binary file, or UTF-16/UTF-32 that could not be recognised? convert it to UTF-8)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, tt.file, tt.data, tt.opts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadAccounting checks that a broken CSV accounts for every row:
// statements plus errors equal the data rows, and the records' lines add up
// to the file's lines after the header.
func TestReadAccounting(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,text\n")
	const rows = 1000
	for i := range rows {
		switch i {
		case 4:
			b.WriteString("5,\"a quote that never closes\n")
		case 500:
			b.WriteString("501,too,many,fields\n")
		default:
			b.WriteString("n,We call for a ceasefire.\n")
		}
	}
	for _, lazy := range []bool{false, true} {
		stmts, errs, lines := 0, 0, 0
		for rec := range corpus.Read("f.csv", strings.NewReader(b.String()), corpus.Options{LazyQuotes: lazy}) {
			lines += rec.Lines
			if rec.Err != nil {
				errs++
			} else {
				stmts++
			}
		}
		if stmts != rows-2 || errs != 2 || lines != rows {
			t.Errorf("lazy %v: %d statements, %d errors, %d lines; want %d, 2, %d", lazy, stmts, errs, lines, rows-2, rows)
		}
	}
}

// TestReadBodyOffset checks that BodyOffset locates the text after front
// matter and a byte order mark.
func TestReadBodyOffset(t *testing.T) {
	for _, data := range []string{"---\nid: a\n---\nBody text.", "\ufeff---\r\nid: a\r\n...\r\nBody text.", "Body text.", "\ufeffBody text."} {
		for rec := range corpus.Read("a.md", strings.NewReader(data), corpus.Options{}) {
			if rec.Err != nil {
				t.Fatal(rec.Err)
			}
			off := rec.Statement.BodyOffset
			if got := data[off:]; got != rec.Statement.Text || got != "Body text." {
				t.Errorf("%q: text at BodyOffset %d is %q, the statement's %q", data, off, got, rec.Statement.Text)
			}
		}
	}
}

// TestReadBodyOffsetUTF16 checks what BodyOffset indexes in a UTF-16 file:
// the file's text decoded to UTF-8 (without its byte order mark), not the
// file's bytes, which the README and the doc comments say.
func TestReadBodyOffsetUTF16(t *testing.T) {
	const text = "---\nspeaker: Über\ntitle: Заява\n---\nWe blame Moscow.\n"
	const decodedOffset = len("---\nspeaker: Über\ntitle: Заява\n---\n") // UTF-8 bytes
	encode := func(s string, big, bom bool) string {
		var b strings.Builder
		units := utf16.Encode([]rune(s))
		if bom {
			units = append([]uint16{0xFEFF}, units...)
		}
		for _, u := range units {
			if big {
				b.WriteByte(byte(u >> 8))
				b.WriteByte(byte(u))
			} else {
				b.WriteByte(byte(u))
				b.WriteByte(byte(u >> 8))
			}
		}
		return b.String()
	}
	type result struct {
		Offset int
		Text   string
	}
	// The statement's text is the decoded text from BodyOffset on.
	want := result{decodedOffset, text[decodedOffset:]}
	tests := []struct {
		name string
		data string
	}{
		{"utf-16le with bom", encode(text, false, true)},
		{"utf-16be with bom", encode(text, true, true)},
		{"utf-16le without bom", encode(text, false, false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for rec := range corpus.Read("a.md", strings.NewReader(tt.data), corpus.Options{}) {
				if rec.Err != nil {
					t.Fatal(rec.Err)
				}
				got := result{rec.Statement.BodyOffset, rec.Statement.Text}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestReadStops checks that the sequence stops when the consumer does.
func TestReadStops(t *testing.T) {
	n := 0
	for range corpus.Read("f.jsonl", strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), corpus.Options{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d records after break", n)
	}
}

// errReader fails after its data.
type errReader struct{ data string }

func (e *errReader) Read(p []byte) (int, error) {
	if e.data == "" {
		return 0, errors.New("disk on fire")
	}
	n := copy(p, e.data)
	e.data = e.data[n:]
	return n, nil
}

func TestReadIOError(t *testing.T) {
	for _, name := range []string{"f.csv", "f.jsonl", "f.txt"} {
		var got []string
		for rec := range corpus.Read(name, &errReader{data: "text\n{\"text\":\"a\"}\n"}, corpus.Options{}) {
			if rec.Err != nil {
				got = append(got, rec.Err.Error())
			}
		}
		if len(got) == 0 || !strings.Contains(got[len(got)-1], "disk on fire") {
			t.Errorf("%s: errors %q, want the read error last", name, got)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, s := range []string{"auto", "txt", "MD", "jsonl", "ndjson", "csv", "tsv"} {
		f, err := corpus.ParseFormat(s)
		if err != nil {
			t.Errorf("%s: %v", s, err)
		}
		if f2, _ := corpus.ParseFormat(f.String()); f2 != f {
			t.Errorf("%s: %v does not round-trip", s, f)
		}
	}
	if _, err := corpus.ParseFormat("xlsx"); err == nil {
		t.Error("xlsx accepted")
	}
	if got := corpus.Format(9).String(); got != "Format(9)" {
		t.Errorf("Format(9) = %q", got)
	}
}

// FuzzRead reads arbitrary bytes in every format: no panic, statements are
// valid UTF-8 with an id, every error has a position and a message, and
// the records never claim more lines than the input has.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"id,text\n1,a\n", "text\n\"a\nb\"\n\"x", "a,b\n1,2,3\n", "\ufefftext\r\n\xe9\r\n",
		"id,text\n1,he \"x\"\n", "text\r\"a\r\"\"b\"\r", "{\"text\":\"a\"}\r{}", "---\nid: x\n---\nbody"} {
		for fm := range 4 {
			f.Add([]byte(s), uint8(fm), false)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, fm uint8, lazy bool) {
		name := [...]string{"f.csv", "f.tsv", "f.jsonl", "f.md"}[fm%4]
		physical := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r") + 1
		lines := 0
		for rec := range corpus.Read(name, strings.NewReader(string(data)), corpus.Options{LazyQuotes: lazy, MaxBytes: 64}) {
			lines += rec.Lines
			if rec.Err != nil {
				if rec.Pos == "" || rec.Err.Error() == "" {
					t.Errorf("problem without position or message: %+v", rec)
				}
				continue
			}
			if !utf8.ValidString(rec.Statement.Text) || rec.Statement.ID == "" {
				t.Errorf("statement %+v", rec.Statement)
			}
		}
		if lines > physical {
			t.Errorf("records cover %d lines, the input has %d", lines, physical)
		}
	})
}

var _ io.Reader = (*errReader)(nil)

// TestReadUnknownFormat checks that a Format outside the constants is an
// error naming it, not a silent read as text.
func TestReadUnknownFormat(t *testing.T) {
	for _, f := range []corpus.Format{-1, corpus.FormatTSV + 1, 99} {
		got := readAll(t, "f.jsonl", `{"text":"a"}`+"\n", corpus.Options{Format: f})
		want := []string{"f.jsonl: corpus: unknown format " + f.String() + " in Options.Format"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Format %d (-want +got):\n%s", int(f), diff)
		}
	}
}
