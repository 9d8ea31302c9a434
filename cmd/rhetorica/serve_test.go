package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// testServer returns a server over the tests' own lexicon (and the extra
// lexicon as an overlay), with cfg changed by mod.
func testServer(t testing.TB, mod func(*serverConfig)) *server {
	t.Helper()
	base, err := lexicon.ParseFile("testdata/cli/lexicons/test.lex", lexicon.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	over, err := lexicon.ParseFile("testdata/cli/lexicons/extra.lex", lexicon.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := lexicon.Merge(base, over)
	if err != nil {
		t.Fatal(err)
	}
	cfg := serverConfig{
		lexicons:      []lexChoice{{name: "test.lex", lex: base}, {name: "extra.lex", lex: merged}},
		maxBytes:      1 << 20,
		maxStatements: 50,
		timeout:       10 * time.Second,
		maxConcurrent: 4,
		queueWait:     time.Second,
		workers:       2,
	}
	if mod != nil {
		mod(&cfg)
	}
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do sends one request to h and returns the response.
func do(t testing.TB, h http.Handler, method, target, ctype string, body io.Reader) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func bodyOf(t testing.TB, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkServeGolden compares got with testdata/serve/name, or rewrites it
// with -update.
func checkServeGolden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", "serve", name), []byte(got))
}

// indentJSON re-indents a JSON body for a readable golden file; a body
// that is not JSON fails the test.
func indentJSON(t *testing.T, body string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(body), "", "  "); err != nil {
		t.Fatalf("the body is not JSON: %v\n%s", err, body)
	}
	return b.String() + "\n"
}

const (
	jsonCT  = "application/json"
	jsonlCT = "application/x-ndjson"
)

// TestServeAPIGolden checks every endpoint's answer to good and partly bad
// requests against golden JSON.
func TestServeAPIGolden(t *testing.T) {
	s := testServer(t, nil)
	jsonl, err := os.ReadFile("testdata/cli/statements.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, target, ctype, body string
		code                              int
	}{
		{"analyze", "POST", "/v1/analyze", jsonCT, `{"statements":[
			{"id":"s1","speaker":"Minister","date":"2024-03-01","text":"Russia bears the blame for this aggression. We call for dialogue.","meta":{"country":"Ruritania"}},
			{"id":"bad","text":5},
			{"speaker":"no text"},
			{"text":"The provocations are not a threat to international law."}]}`, 200},
		{"analyze_jsonl", "POST", "/v1/analyze", jsonlCT, string(jsonl) + "not json\n", 200},
		{"analyze_sniffed_jsonl", "POST", "/v1/analyze", "", `{"id":"x","text":"They blame us."}` + "\n" + `{"id":"y","text":"A treaty."}`, 200},
		{"analyze_devices_overlay", "POST", "/v1/analyze", jsonCT,
			`{"devices":["peace","humanitarian"],"lexicon":"extra.lex","statements":[{"text":"Civilians and refugees will not get a ceasefire or dialogue."}]}`, 200},
		{"analyze_all_failed", "POST", "/v1/analyze", jsonCT, `{"statements":[{"id":"a"},{"id":"b","text":["list"]}]}`, 422},
		{"compare", "POST", "/v1/compare", jsonCT, `{"by":"speaker","statements":[
			{"speaker":"Kyiv","text":"Russia bears the blame for this aggression and its provocations."},
			{"speaker":"Moscow","text":"We call for dialogue, a ceasefire and a peaceful settlement under international law."},
			{"speaker":"Moscow","text":5}]}`, 200},
		{"compare_jsonl", "POST", "/v1/compare?by=country&a=Freedonia&b=Ruritania&sort=true", jsonlCT, string(jsonl), 200},
		{"compare_missing_group", "POST", "/v1/compare", jsonCT, `{"by":"speaker","a":"Kyiv","b":"Paris","statements":[{"speaker":"Kyiv","text":"x"}]}`, 422},
		{"lexicon", "GET", "/v1/lexicon", "", "", 200},
		{"healthz", "GET", "/healthz", "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(t, s, tt.method, tt.target, tt.ctype, strings.NewReader(tt.body))
			body := bodyOf(t, resp)
			if resp.StatusCode != tt.code {
				t.Errorf("status %d, want %d\n%s", resp.StatusCode, tt.code, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			checkServeGolden(t, tt.name+".json", indentJSON(t, body))
		})
	}
}

// TestServeAnalyzeMatchesCLI checks that /v1/analyze returns the reports
// that "analyze --format json" writes for the same statements.
func TestServeAnalyzeMatchesCLI(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", withLex("analyze", "--format", "json", "testdata/cli/statements.jsonl")...)
	if code != 0 {
		t.Fatalf("analyze: %d\n%s", code, stderr)
	}
	var cli []json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &cli); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/cli/statements.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	resp := do(t, testServer(t, nil), "POST", "/v1/analyze", jsonlCT, bytes.NewReader(data))
	var got struct {
		Reports []json.RawMessage `json:"reports"`
		Errors  []apiError        `json:"errors"`
	}
	if err := json.Unmarshal([]byte(bodyOf(t, resp)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Errors) != 0 || len(got.Reports) != len(cli) {
		t.Fatalf("%d reports and errors %v; the CLI wrote %d reports", len(got.Reports), got.Errors, len(cli))
	}
	for i := range cli {
		var want, have map[string]any
		json.Unmarshal(cli[i], &want)
		json.Unmarshal(got.Reports[i], &have)
		// The ids of statements without one differ by design: the CLI
		// names the file and line, the API the index in the request.
		if want["id"] != have["id"] {
			t.Logf("report %d: id %v (CLI) and %v (API)", i, want["id"], have["id"])
			delete(want, "id")
			delete(have, "id")
		}
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("report %d differs from the CLI's (-cli +api):\n%s", i, diff)
		}
	}
}

// TestServeCompareMatchesCLI checks that /v1/compare returns what
// "compare --format json" writes for the same statements: cues included,
// and, by speaker, a transcript's turns grouped by their speakers.
func TestServeCompareMatchesCLI(t *testing.T) {
	transcript, err := os.ReadFile("testdata/cli/transcript.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(transcript), "---\n"), "---\n")
	turns, err := json.Marshal(map[string]any{"by": "speaker", "a": "THE PRESIDENT", "b": "Q",
		"statements": []map[string]string{{"speaker": "White House", "date": "2024-05-02", "text": body}}})
	if err != nil {
		t.Fatal(err)
	}
	statements, err := os.ReadFile("testdata/cli/statements.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                string
		cli                 []string
		target, ctype, body string
	}{
		{"by country, sorted, from JSONL",
			[]string{"--by", "country", "--a", "Freedonia", "--b", "Ruritania", "--sort", "testdata/cli/statements.jsonl"},
			"/v1/compare?by=country&a=Freedonia&b=Ruritania&sort=1", jsonlCT, string(statements)},
		{"a transcript's turns by speaker",
			[]string{"--by", "speaker", "--a", "THE PRESIDENT", "--b", "Q", "testdata/cli/transcript.md"},
			"/v1/compare", jsonCT, string(turns)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", withLex("compare", append([]string{"--format", "json"}, tt.cli...)...)...)
			if code != 0 {
				t.Fatalf("compare: %d\n%s", code, stderr)
			}
			var want map[string]any
			if err := json.Unmarshal([]byte(stdout), &want); err != nil {
				t.Fatal(err)
			}
			resp := do(t, testServer(t, nil), "POST", tt.target, tt.ctype, strings.NewReader(tt.body))
			var got map[string]any
			if err := json.Unmarshal([]byte(bodyOf(t, resp)), &got); err != nil {
				t.Fatal(err)
			}
			if errs, _ := got["errors"].([]any); len(errs) != 0 {
				t.Errorf("errors: %v", errs)
			}
			delete(got, "errors")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("/v1/compare differs from the CLI's compare (-cli +api):\n%s", diff)
			}
		})
	}
}

// TestServeErrors checks the answer to each kind of bad request: its
// status and the message that tells the client what to change.
func TestServeErrors(t *testing.T) {
	s := testServer(t, func(c *serverConfig) { c.maxBytes = 4096; c.maxStatements = 3 })
	many := `{"statements":[{"text":"a"},{"text":"b"},{"text":"c"},{"text":"d"}]}`
	tests := []struct {
		name, method, target, ctype, body string
		code                              int
		msg                               string
	}{
		{"bad json", "POST", "/v1/analyze", jsonCT, `{"statements":[`, 400, "invalid request: unexpected EOF"},
		{"syntax error", "POST", "/v1/analyze", jsonCT, `{"statements":[}`, 400, "invalid character '}' looking for beginning of value at byte 16"},
		{"wrong type", "POST", "/v1/analyze", jsonCT, `{"statements":{}}`, 400, `field "statements" must be []json.RawMessage, not object`},
		{"no statements field", "POST", "/v1/analyze", jsonCT, `{"devices":[]}`, 400, `no "statements" array`},
		{"misspelt option", "POST", "/v1/analyze", jsonCT, `{"statements":[],"device":["blame"]}`, 400, `invalid request: unknown field "device"`},
		{"misspelt option, unlabelled", "POST", "/v1/analyze", "application/x-www-form-urlencoded", `{"statements":[],"device":["blame"]}`, 400, `invalid request: unknown field "device"`},
		{"unknown parameter", "POST", "/v1/analyze?device=blame", jsonlCT, `{"text":"a"}`, 400, `unknown parameter "device"`},
		{"compare field to analyze", "POST", "/v1/analyze", jsonCT, `{"by":"speaker","statements":[{"text":"a"}]}`, 400,
			`invalid request: unknown field "by" (an option of /v1/compare, not of /v1/analyze)`},
		{"compare field to analyze, unlabelled", "POST", "/v1/analyze", "", `{"statements":[{"text":"a"}],"sort":false}`, 400,
			`invalid request: unknown field "sort" (an option of /v1/compare, not of /v1/analyze)`},
		{"compare parameter to analyze", "POST", "/v1/analyze?cues=2", jsonlCT, `{"text":"a"}`, 400,
			`unknown parameter "cues" (an option of /v1/compare, not of /v1/analyze)`},
		{"unknown parameter of analyze", "POST", "/v1/analyze?device=blame", jsonlCT, `{"text":"a"}`, 400, `unknown parameter "device" (want devices, lexicon)`},
		{"unknown parameter of compare", "POST", "/v1/compare?by=speaker&device=blame", jsonlCT, `{"text":"a"}`, 400,
			`unknown parameter "device" (want devices, lexicon, by, a, b, sort, prior, cues)`},
		{"unknown field of compare", "POST", "/v1/compare", jsonCT, `{"by":"speaker","sorted":true,"statements":[{"text":"a"}]}`, 400,
			`invalid request: unknown field "sorted"`},
		{"two values", "POST", "/v1/analyze", jsonCT, `{"statements":[]} {}`, 400, "more than one JSON value"},
		{"empty body", "POST", "/v1/analyze", "", ``, 400, "empty request"},
		{"unknown device", "POST", "/v1/analyze", jsonCT, `{"devices":["blame","sanctions"],"statements":[{"text":"x"}]}`, 400,
			`unknown device "sanctions" (the devices of lexicon test.lex are: blame, threat, peace, law)`},
		{"unknown lexicon", "POST", "/v1/analyze", jsonCT, `{"lexicon":"/etc/passwd","statements":[{"text":"x"}]}`, 400,
			`unknown lexicon "/etc/passwd" (this server has: test.lex, extra.lex)`},
		{"oversized body", "POST", "/v1/analyze", jsonCT, `{"statements":[{"text":"` + strings.Repeat("war ", 2000) + `"}]}`, 413,
			"the request is larger than 4096 bytes (--max-bytes)"},
		{"oversized jsonl", "POST", "/v1/analyze", jsonlCT, strings.Repeat(`{"text":"war and peace"}`+"\n", 400), 413, "--max-bytes"},
		{"too many statements", "POST", "/v1/analyze", jsonCT, many, 413, "4 statements or more in one request; the limit is 3 (--max-statements)"},
		{"too many jsonl lines", "POST", "/v1/analyze", jsonlCT, strings.Repeat(`{"text":"a"}`+"\n", 5), 413, "the limit is 3"},
		{"bad prior", "POST", "/v1/compare?by=speaker&prior=x", jsonlCT, `{"text":"a"}`, 400, `prior "x" is not a number`},
		{"bad sort", "POST", "/v1/compare?by=speaker&sort=yes", jsonlCT, `{"text":"a"}`, 400, `sort "yes" is not true or false`},
		{"empty sort", "POST", "/v1/compare?by=speaker&sort", jsonlCT, `{"text":"a"}`, 400, `sort "" is not true or false`},
		{"sort in the body", "POST", "/v1/compare", jsonCT, `{"by":"speaker","sort":"yes","statements":[{"text":"a"}]}`, 400, `field "sort" must be bool, not string`},
		{"negative prior", "POST", "/v1/compare", jsonCT, `{"by":"speaker","prior":-1,"statements":[{"text":"a"}]}`, 400, "the prior must be positive"},
		{"infinite prior", "POST", "/v1/compare?by=speaker&prior=Inf", jsonlCT, `{"text":"a"}`, 400, "the prior must be positive"},
		{"compare without by", "POST", "/v1/compare", jsonCT, `{"statements":[{"text":"a"}]}`, 400, `compare needs "by"`},
		{"compare a without b", "POST", "/v1/compare", jsonCT, `{"by":"speaker","a":"x","statements":[{"text":"a"}]}`, 400, `give both "a" and "b"`},
		{"compare key absent", "POST", "/v1/compare", jsonCT, `{"by":"speaker","statements":[{"text":"a"}]}`, 422,
			`nothing to compare: no statement has "speaker" (1 statement, all in one group)`},
		{"compare one group", "POST", "/v1/compare", jsonCT, `{"by":"speaker","statements":[{"speaker":"X","text":"a"},{"speaker":"X","text":"b"}]}`, 422,
			`nothing to compare: every statement has speaker "X" (2 statements, all in one group)`},
		{"compare one group, named", "POST", "/v1/compare", jsonCT, `{"by":"speaker","a":"X","b":"Y","statements":[{"speaker":"X","text":"a"}]}`, 422,
			`no statements with speaker "Y" (the groups are: "X")`},
		{"compare key absent, named", "POST", "/v1/compare", jsonCT, `{"by":"side","a":"X","b":"Y","statements":[{"speaker":"X","text":"a"}]}`, 422,
			`nothing to compare: no statement has "side" (1 statement, all in one group)`},
		{"compare no statements", "POST", "/v1/compare", jsonCT, `{"by":"speaker","statements":[]}`, 422,
			`nothing to compare: no statement was analysed`},
		{"GET analyze", "GET", "/v1/analyze", "", "", 405, "GET is not allowed on /v1/analyze (use POST)"},
		{"DELETE page", "DELETE", "/", "", "", 405, "DELETE is not allowed on / (use GET)"},
		{"unknown path", "GET", "/v1/nope", "", "", 404, "no such page: /v1/nope"},
		{"static file", "GET", "/etc/passwd", "", "", 404, "no such page: /etc/passwd"},
		{"preflight without --cors", "OPTIONS", "/v1/analyze", "", "", 403, "cross-origin requests are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(t, s, tt.method, tt.target, tt.ctype, strings.NewReader(tt.body))
			body := bodyOf(t, resp)
			if resp.StatusCode != tt.code {
				t.Errorf("status %d, want %d\n%s", resp.StatusCode, tt.code, body)
			}
			var got errorsBody
			if err := json.Unmarshal([]byte(body), &got); err != nil || len(got.Errors) == 0 {
				t.Fatalf("not a JSON error (%v): %s", err, body)
			}
			if !strings.Contains(got.Errors[0].Message, tt.msg) {
				t.Errorf("message %q, want it to contain %q", got.Errors[0].Message, tt.msg)
			}
		})
	}
}

// TestServeSortParameter checks the values of the sort query parameter
// that are read as true and false.
func TestServeSortParameter(t *testing.T) {
	s := testServer(t, nil)
	for _, tt := range []struct {
		value string
		want  bool
	}{
		{"true", true}, {"1", true}, {"TRUE", true}, {"t", true},
		{"false", false}, {"0", false}, {"False", false},
	} {
		t.Run(tt.value, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/v1/compare?by=speaker&sort="+tt.value, nil)
			r.Header.Set("Content-Type", jsonlCT)
			req, _, err := s.parseRequest(r, []byte(`{"text":"a"}`), true)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, req.Sort); diff != "" {
				t.Errorf("sort=%s (-want +got):\n%s", tt.value, diff)
			}
		})
	}
}

// TestServeTimeout checks that the per-request timeout cancels the
// analysis itself: the answer comes long before the analysis would end.
func TestServeTimeout(t *testing.T) {
	speech := strings.Repeat("Russia bears the blame for this aggression; its provocations are a threat to international law. ", 200)
	var b strings.Builder
	b.WriteString(`{"statements":[`)
	const n = 100
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"text":%q}`, speech)
	}
	b.WriteString("]}")
	body := b.String()
	big := func(c *serverConfig) {
		c.maxBytes = 64 << 20
		c.maxStatements = n
		c.workers = 1
		c.timeout = 10 * time.Minute
	}

	// Timings on a shared machine vary: a run passes when one of three
	// attempts shows the early stop.
	for attempt := 1; ; attempt++ {
		start := time.Now()
		resp := do(t, testServer(t, big), "POST", "/v1/analyze", jsonCT, strings.NewReader(body))
		full := time.Since(start)
		if resp.StatusCode != 200 {
			t.Fatalf("without a timeout: status %d", resp.StatusCode)
		}
		limit := full / 20
		s := testServer(t, func(c *serverConfig) { big(c); c.timeout = limit })
		start = time.Now()
		resp = do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(body))
		took := time.Since(start)
		msg := bodyOf(t, resp)
		if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(msg, "(--timeout)") {
			t.Fatalf("status %d, want 504: %s", resp.StatusCode, msg)
		}
		if len(s.sem) != 0 {
			t.Fatalf("%d analysis slots still held", len(s.sem))
		}
		t.Logf("whole analysis %v; with a %v timeout, answered in %v", full, limit, took)
		// Parsing the request is outside the timeout; the analysis of 100
		// statements must have stopped early.
		if took <= full/2 {
			return
		}
		if attempt == 3 {
			t.Fatalf("the answer took %v with a %v timeout; the whole analysis takes %v: cancellation did not reach the analyzer", took, limit, full)
		}
	}
}

// TestServeBusy checks the semaphore: a request that finds every slot
// taken waits up to --queue-wait, then gets 503 with Retry-After.
func TestServeBusy(t *testing.T) {
	s := testServer(t, func(c *serverConfig) { c.maxConcurrent = 2; c.queueWait = 30 * time.Millisecond })
	s.sem <- struct{}{}
	s.sem <- struct{}{} // both slots taken, as by two long analyses
	body := `{"statements":[{"text":"They blame us."}]}`
	start := time.Now()
	resp := do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(body))
	msg := bodyOf(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "1" ||
		!strings.Contains(msg, "the server is busy: 2 analyses are running") {
		t.Errorf("status %d, Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), msg)
	}
	if waited := time.Since(start); waited < 30*time.Millisecond {
		t.Errorf("answered 503 after %v, before the queue wait", waited)
	}
	// The page says so too, with the same status.
	resp = do(t, s, "GET", "/?a=They+blame+us.", "", nil)
	if page := bodyOf(t, resp); resp.StatusCode != 503 || !strings.Contains(page, "the server is busy") {
		t.Errorf("page: status %d", resp.StatusCode)
	}
	// A slot freed while the request waits serves it.
	go func() {
		time.Sleep(10 * time.Millisecond)
		<-s.sem
	}()
	s.cfg.queueWait = 5 * time.Second
	resp = do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(body))
	if resp.StatusCode != 200 {
		t.Errorf("after a slot was freed: status %d", resp.StatusCode)
	}
	<-s.sem
	if len(s.sem) != 0 {
		t.Errorf("%d slots still held", len(s.sem))
	}
	// Requests that analyse nothing need no slot.
	s.sem <- struct{}{}
	s.sem <- struct{}{}
	if resp := do(t, s, "GET", "/healthz", "", nil); resp.StatusCode != 200 {
		t.Errorf("healthz while busy: %d", resp.StatusCode)
	}
}

// TestServePending checks the bound on POST requests held at once: beyond
// it a request gets 503 at once, before its body is read.
func TestServePending(t *testing.T) {
	s := testServer(t, func(c *serverConfig) { c.maxPending = 2 })
	s.pending <- struct{}{}
	s.pending <- struct{}{} // two requests waiting for a slot
	resp := do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(`{"statements":[{"text":"a"}]}`))
	msg := bodyOf(t, resp)
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" || !strings.Contains(msg, "2 requests are waiting (--max-pending)") {
		t.Errorf("status %d, Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), msg)
	}
	resp = do(t, s, "POST", "/", "application/x-www-form-urlencoded", strings.NewReader("a=They+blame+us."))
	if page := bodyOf(t, resp); resp.StatusCode != 503 || !strings.Contains(page, "requests are waiting") || !strings.Contains(page, "<form") {
		t.Errorf("page: status %d", resp.StatusCode)
	}
	// GET requests hold no body: they pass.
	if resp := do(t, s, "GET", "/v1/lexicon", "", nil); resp.StatusCode != 200 {
		t.Errorf("GET while full: %d", resp.StatusCode)
	}
	<-s.pending
	if resp := do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(`{"statements":[{"text":"a"}]}`)); resp.StatusCode != 200 {
		t.Errorf("with a free place: %d", resp.StatusCode)
	}
	if len(s.pending) != 1 {
		t.Errorf("%d places held, want 1", len(s.pending))
	}
}

// TestServeConcurrent runs analyses from many goroutines (for -race) and
// checks that each gets its own statement's report.
func TestServeConcurrent(t *testing.T) {
	s := testServer(t, func(c *serverConfig) { c.maxConcurrent = 3; c.queueWait = 10 * time.Second })
	var wg sync.WaitGroup
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := fmt.Sprintf(`{"statements":[{"id":"n%d","text":"They blame us %d times for the aggression."}]}`, i, i)
			resp := do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(body))
			var got analyzeResponse
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != 200 || len(got.Reports) != 1 {
				t.Errorf("request %d: status %d, %v", i, resp.StatusCode, err)
				return
			}
			if id := got.Reports[0].ID; id != fmt.Sprintf("n%d", i) {
				t.Errorf("request %d got the report of %s", i, id)
			}
		}()
	}
	wg.Wait()
}

// TestServeAnalyzeRepeated sends the same statements to /v1/analyze
// several times, and others between, on one server: the reports of each
// request are recycled once written, and no answer may show anything of
// an earlier one.
func TestServeAnalyzeRepeated(t *testing.T) {
	data, err := os.ReadFile("testdata/cli/statements.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := bodyOf(t, do(t, testServer(t, nil), "POST", "/v1/analyze", jsonlCT, bytes.NewReader(data)))
	s := testServer(t, nil)
	for i := range 4 {
		other := fmt.Sprintf(`{"statements":[{"id":"x%d","speaker":"Q","text":"Moscow's aggression must end, the minister said. We stand with Ukraine."}]}`, i)
		if resp := do(t, s, "POST", "/v1/analyze", jsonCT, strings.NewReader(other)); resp.StatusCode != 200 {
			t.Fatalf("round %d: other request: status %d", i, resp.StatusCode)
		}
		got := bodyOf(t, do(t, s, "POST", "/v1/analyze", jsonlCT, bytes.NewReader(data)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: the answer differs from a fresh server's (-want +got):\n%s", i, diff)
		}
	}
}

// TestServeHeaders checks the security headers and CORS: none by default,
// the one --cors origin when set.
func TestServeHeaders(t *testing.T) {
	s := testServer(t, nil)
	for _, target := range []string{"/", "/healthz", "/v1/nope"} {
		resp := do(t, s, "GET", target, "", nil)
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") ||
			strings.Contains(csp, "script-src") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: Content-Security-Policy %q", target, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", target)
		}
	}
	req := httptest.NewRequest("POST", "/v1/analyze", strings.NewReader(`{"statements":[]}`))
	req.Header.Set("Origin", "https://evil.example")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS allowed by default: %q", got)
	}

	c := testServer(t, func(c *serverConfig) { c.cors = "https://newsroom.example" })
	for _, tt := range []struct {
		method, origin string
		code           int
		allow          string
	}{
		{"POST", "https://newsroom.example", 200, "https://newsroom.example"},
		{"POST", "https://evil.example", 200, ""},
		{"OPTIONS", "https://newsroom.example", 204, "https://newsroom.example"},
		{"OPTIONS", "https://evil.example", 403, ""},
	} {
		req := httptest.NewRequest(tt.method, "/v1/analyze", strings.NewReader(`{"statements":[]}`))
		req.Header.Set("Origin", tt.origin)
		rec := httptest.NewRecorder()
		c.ServeHTTP(rec, req)
		if rec.Code != tt.code || rec.Header().Get("Access-Control-Allow-Origin") != tt.allow {
			t.Errorf("%s from %s: status %d, allow %q; want %d, %q", tt.method, tt.origin, rec.Code,
				rec.Header().Get("Access-Control-Allow-Origin"), tt.code, tt.allow)
		}
	}
}

// hostileFields are form values that would run script or inject markup if
// the page did not escape them: the payloads of the HTML report's tests.
var hostileFields = url.Values{
	"a":         {"They blame us for the aggression. " + payloadScript + " A threat " + payloadImg + " to international law & order, not a ceasefire."},
	"speaker_a": {payloadImg},
	"b":         {"We call for dialogue " + payloadScript},
	"speaker_b": {`</textarea><script>document.title="pwned-b"</script>`},
	"device":    {"blame", "threat", "peace", "law"},
}

// TestServePageEscapes renders the page for hostile input, by GET and by a
// multipart POST with hostile file names and contents, and checks that no
// input became markup.
func TestServePageEscapes(t *testing.T) {
	s := testServer(t, nil)
	resp := do(t, s, "GET", "/?"+hostileFields.Encode(), "", nil)
	page := bodyOf(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d\n%s", resp.StatusCode, page)
	}
	checkNoInjection(t, page)
	for _, want := range []string{
		`<mark class="hl d0"`,                          // blame highlighted
		`<mark class="hl d2 neg"`,                      // the negated ceasefire
		`id="compare"`,                                 // two sides compared
		`&lt;script&gt;document.title=&#34;pwned&#34;`, // the payload shown as text
		`<td>~blame</td>`,                              // the cue table
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	body, ctype := multipartBody(t, url.Values{"speaker_b": {payloadImg}}, map[string][]upload{
		"file_a": {{`x"><img src=x onerror=alert(1)>.md`, []byte(readFile(t, "testdata/cli/xss.md"))}},
		"file_b": {{"rows.csv", []byte("id,speaker,text\n\"<script>alert(2)</script>\",\"" +
			strings.ReplaceAll(payloadImg, `"`, `""`) + "\",They blame us. <svg onload=alert(3)>\n")}},
	})
	resp = do(t, s, "POST", "/", ctype, body)
	page = bodyOf(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("upload: status %d\n%s", resp.StatusCode, page)
	}
	checkNoInjection(t, page)
	if !strings.Contains(page, "&lt;svg onload=alert(3)&gt;") || strings.Count(page, `<article class="card"`) != 2 {
		t.Errorf("the uploads were not analysed:\n%s", page)
	}
}

// checkNoInjection fails when page holds markup that only input could have
// put there.
func checkNoInjection(t *testing.T, page string) {
	t.Helper()
	for _, bad := range []string{"<script", "<img", "<svg onload", "onerror=\"", "<b>not"} {
		if strings.Contains(page, bad) {
			i := strings.Index(page, bad)
			t.Errorf("the page holds %q: ...%s...", bad, page[max(0, i-80):min(len(page), i+80)])
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type upload struct {
	name string
	data []byte
}

// multipartBody encodes a form with files as the browser does.
func multipartBody(t testing.TB, fields url.Values, files map[string][]upload) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	for field, ups := range files {
		for _, u := range ups {
			fw, err := w.CreateFormFile(field, u.name)
			if err != nil {
				t.Fatal(err)
			}
			fw.Write(u.data)
		}
	}
	w.Close()
	return &b, w.FormDataContentType()
}

// TestServeReadsNoPath checks that a file name in a request is only a
// label: an upload named after a file of the server is read from the
// upload.
func TestServeReadsNoPath(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("a secret the server must not show"), 0o600); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(moduleRoot, secret)
	if err != nil {
		t.Fatal(err)
	}
	body, ctype := multipartBody(t, url.Values{"lexicon": {secret}}, map[string][]upload{
		"file_a": {{secret, []byte("They blame us.")}},
		"file_b": {{rel, []byte("We call for dialogue.")}},
	})
	resp := do(t, testServer(t, nil), "POST", "/", ctype, body)
	page := bodyOf(t, resp)
	if resp.StatusCode != 400 || !strings.Contains(page, "unknown lexicon") {
		t.Errorf("a lexicon path in the form: status %d", resp.StatusCode)
	}
	body, ctype = multipartBody(t, nil, map[string][]upload{
		"file_a": {{secret, []byte("They blame us.")}},
		"file_b": {{rel, []byte("We call for dialogue.")}},
	})
	resp = do(t, testServer(t, nil), "POST", "/", ctype, body)
	page = bodyOf(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(page, "They") || !strings.Contains(page, "dialogue") {
		t.Fatalf("status %d; the uploads were not read:\n%s", resp.StatusCode, page)
	}
	if strings.Contains(page, "a secret") {
		t.Error("the page shows the content of the file named by the upload")
	}
}

// TestServePageUploadAndDownload uploads files on both sides, then posts
// the page's own form back with each download button, as a browser would:
// the uploaded statements travel in the page, not on the server.
func TestServePageUploadAndDownload(t *testing.T) {
	s := testServer(t, nil)
	body, ctype := multipartBody(t, url.Values{"a": {"Russia bears the blame for this aggression."}, "speaker_a": {"Kyiv"}},
		map[string][]upload{
			"file_a": {{"statements.jsonl", []byte(readFile(t, "testdata/cli/statements.jsonl") + "{broken\n")}},
			"file_b": {{"statements.csv", []byte(readFile(t, "testdata/cli/statements.csv"))}, {"notes.pdf", []byte("%PDF")}},
		})
	resp := do(t, s, "POST", "/", ctype, body)
	page := bodyOf(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d\n%s", resp.StatusCode, page)
	}
	for _, want := range []string{
		"2 statements could not be analysed (the others were)",
		"<strong>statements.jsonl:5</strong>: invalid JSON",
		`<strong>notes.pdf</strong>: unknown file type &#34;.pdf&#34;`,
		`id="compare"`, "A compared with B",
		"3 statements from uploaded files are kept in this page, not on the server",
		`name="format" value="json"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// Enter in a text field submits with the page's first submit button:
	// it must analyse, not download.
	if m := regexp.MustCompile(`<button [^>]*type="submit"[^>]*>`).FindString(page); !strings.Contains(m, `value=""`) {
		t.Errorf("the first submit button is %s", m)
	}
	// Post the form back as the browser would, from the page's fields.
	form := url.Values{"a": {"Russia bears the blame for this aggression."}, "speaker_a": {"Kyiv"}}
	for _, name := range []string{"carried_a", "carried_b"} {
		m := regexp.MustCompile(`name="` + name + `" value="([^"]*)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s field", name)
		}
		form.Set(name, htmlUnescape(m[1]))
	}
	nA := strings.Count(form.Get("carried_a"), "\n")
	nB := strings.Count(form.Get("carried_b"), "\n")
	if nA != 3 || nB == 0 {
		t.Fatalf("carried %d and %d statements", nA, nB)
	}
	for _, tt := range []struct {
		format, ctype, want string
	}{
		{"json", "application/json; charset=utf-8", `"comparison": {`},
		{"csv", "text/csv; charset=utf-8", "id,speaker,words,sentences,blame_per1k"},
		{"html", "text/html; charset=utf-8", "<!DOCTYPE html>"},
		{"", "text/html; charset=utf-8", `<form class="card ask after"`},
	} {
		form.Set("format", tt.format)
		resp := do(t, s, "POST", "/", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		got := bodyOf(t, resp)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tt.ctype || !strings.Contains(got, tt.want) {
			t.Errorf("format %q: status %d, %s, lacks %q", tt.format, resp.StatusCode, resp.Header.Get("Content-Type"), tt.want)
		}
		if cd := resp.Header.Get("Content-Disposition"); (tt.format != "") != strings.HasPrefix(cd, "attachment;") {
			t.Errorf("format %q: Content-Disposition %q", tt.format, cd)
		}
		if tt.format == "json" {
			var d struct {
				Reports []json.RawMessage `json:"reports"`
			}
			json.Unmarshal([]byte(got), &d)
			if len(d.Reports) != 1+nA+nB {
				t.Errorf("the JSON download has %d reports, want %d", len(d.Reports), 1+nA+nB)
			}
		}
	}
}

// htmlUnescape undoes html/template's attribute escaping of the carried
// statements.
func htmlUnescape(s string) string {
	r := strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#43;", "+", "&#10;", "\n", "&#9;", "\t", "&#13;", "\r")
	return r.Replace(s)
}

// TestServePageForms checks the page's other paths: the empty form, an
// empty POST, an oversized one, an unknown format, a device choice.
func TestServePageForms(t *testing.T) {
	s := testServer(t, func(c *serverConfig) { c.maxBytes = 2048 })
	tests := []struct {
		name, method, target, ctype, body string
		code                              int
		want                              string
	}{
		{"empty form", "GET", "/", "", "", 200, `<textarea id="a" name="a"`},
		{"nothing to analyse", "POST", "/", "application/x-www-form-urlencoded", "a=+&b=", 400, "paste a statement or choose a file first"},
		{"oversized", "POST", "/", "application/x-www-form-urlencoded", "a=" + strings.Repeat("war+", 1000), 413, "larger than 2048 bytes"},
		{"unknown format", "GET", "/?a=x&format=pdf", "", "", 400, "unknown format &#34;pdf&#34;"},
		{"unknown lexicon", "GET", "/?a=x&lexicon=nope", "", "", 400, "unknown lexicon"},
		{"devices", "GET", "/?a=They+blame+us+and+threaten+us.&device=threat", "", "", 200, `<input type="checkbox" name="device" value="threat" checked>`},
		{"source column", "GET", "/?a=They+blame+us.&speaker_a=Kyiv", "", "", 200, `<td>They (reported)</td><td>none</td>`},
		{"overlay", "GET", "/?a=Civilians+flee.&lexicon=extra.lex", "", "", 200, `<option value="extra.lex" selected>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(t, s, tt.method, tt.target, tt.ctype, strings.NewReader(tt.body))
			page := bodyOf(t, resp)
			if resp.StatusCode != tt.code || !strings.Contains(page, tt.want) {
				t.Errorf("status %d (want %d); page lacks %s:\n%.3000s", resp.StatusCode, tt.code, tt.want, page)
			}
		})
	}
	// Only the chosen device is highlighted.
	page := bodyOf(t, do(t, s, "GET", "/?a=They+blame+us+and+threaten+us.&device=threat", "", nil))
	if n := strings.Count(page, "<mark "); n != 1 {
		t.Errorf("%d highlights with one device chosen", n)
	}
}

// TestServeCommand runs "rhetorica serve" in-process on a free loopback
// port, answers a request that is in flight when SIGINT arrives (graceful
// shutdown), and checks that the command then exits 0.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, withLex("serve", "--addr", "127.0.0.1:0"), nil, outW, &stderr)
		outW.Close()
	}()
	line := make([]byte, 200)
	n, err := outR.Read(line)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`serving on (http://127\.0\.0\.1:\d+/)`).FindSubmatch(line[:n])
	if m == nil {
		t.Fatalf("no URL in %q", line[:n])
	}
	base := string(m[1])
	go io.Copy(io.Discard, outR)

	// A request whose body is still being sent when the signal comes.
	bodyR, bodyW := io.Pipe()
	type result struct {
		code int
		body string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Post(base+"v1/analyze", jsonCT, bodyR)
		if err != nil {
			res <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		res <- result{code: resp.StatusCode, body: string(b)}
	}()
	io.WriteString(bodyW, `{"statements":[{"id":"in-flight","text":"They blame us`)
	// Wait until the server holds the request (it has read its headers).
	for deadline := time.Now().Add(10 * time.Second); ; {
		var h struct{ Pending int }
		if resp, err := http.Get(base + "healthz"); err == nil {
			json.NewDecoder(resp.Body).Decode(&h)
			resp.Body.Close()
		}
		if h.Pending == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server never received the request")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel() // SIGINT
	time.Sleep(100 * time.Millisecond)
	io.WriteString(bodyW, ` for the aggression."}]}`)
	bodyW.Close()
	r := <-res
	if r.err != nil || r.code != 200 || !strings.Contains(r.body, `"id":"in-flight"`) {
		t.Errorf("the request in flight: %v, status %d: %s", r.err, r.code, r.body)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := http.Get(base + "healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// TestServeFlags checks the command's usage errors.
func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{args("serve", "x.txt"), 2, "serve takes no arguments"},
		{args("serve", "--cors", "*"), 2, `--cors: "*" is not an origin`},
		{args("serve", "--cors", "https://a.example/path"), 2, "is not an origin"},
		{args("serve", "--model", "testdata/serve/no-such-model.gz"), 1, "no-such-model.gz"},
		{args("serve", "--model", "m.gz", "--no-model"), 2, "--model and --no-model exclude each other"},
		{args("serve", "--max-bytes", "0"), 2, "want a positive size such as 500K"},
		{args("serve", "--max-bytes", "16M", "--addr", "256.0.0.1:1"), 1, "serve: listen tcp"},
		{args("serve", "--timeout", "-1s"), 2, "--timeout must be positive"},
		{args("serve", "--max-pending", "-1"), 2, "--max-pending must be positive"},
		{args("serve", "--no-default"), 2, "--no-default needs at least one --lexicon FILE"},
		{args("serve", "--lexicon", "testdata/cli/lexicons/bad.lex"), 1, "the server did not start"},
		{args("serve", "--lexicon", "testdata/cli/lexicons/test.lex", "--lexicon", "testdata/cli/lexicons/test.lex"), 2, `two lexicons are named "test.lex"`},
		{args("serve", "--addr", "256.0.0.1:99999"), 1, "serve: listen tcp"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant it to contain %q", code, tt.code, stderr, tt.msg)
			}
		})
	}
	if code, stdout, _ := runCLI(t, "", "serve", "--help"); code != 0 || !strings.Contains(stdout, "POST /v1/analyze") {
		t.Errorf("serve --help: %d\n%s", code, stdout)
	}
}

// FuzzServeAnalyze sends arbitrary bodies to /v1/analyze as JSON, JSONL
// and unlabelled: the answer is always JSON with a documented status, and
// every statement of a 200 answer is either a report or an error.
func FuzzServeAnalyze(f *testing.F) {
	for _, seed := range []string{
		`{"statements":[{"text":"They blame us."},{"id":"x","text":5}]}`,
		`{"statements":[{"text":"a","meta":{"k":[1,2]}}],"devices":["blame"]}`,
		"{\"text\":\"They blame us.\"}\n\nnot json\n{\"text\":\"\\u00ff\"}",
		"\xef\xbb\xbf{\"text\":\"bom\"}",
		"\xff\xfe{\x00}\x00",
		`{"statements":[` + strings.Repeat(`{"text":"a"},`, 60) + `{"text":"a"}]}`,
		`[]`, `null`, `{"statements":null}`, "",
	} {
		for ct := range uint8(3) {
			f.Add(seed, ct)
		}
	}
	s := testServer(f, nil)
	f.Fuzz(func(t *testing.T, body string, ct uint8) {
		ctype := [...]string{jsonCT, jsonlCT, ""}[ct%3]
		resp := do(t, s, "POST", "/v1/analyze", ctype, strings.NewReader(body))
		var got struct {
			Reports []json.RawMessage `json:"reports"`
			Errors  []apiError        `json:"errors"`
		}
		raw := bodyOf(t, resp)
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatalf("status %d, not JSON: %v\n%s", resp.StatusCode, err, raw)
		}
		switch resp.StatusCode {
		case 200, 422:
			last := -1
			for _, e := range got.Errors {
				if e.Index == nil || *e.Index <= last || e.Message == "" {
					t.Fatalf("bad error list: %s", raw)
				}
				last = *e.Index
			}
		case 400, 413:
			if len(got.Errors) != 1 || got.Errors[0].Message == "" {
				t.Fatalf("status %d without a message: %s", resp.StatusCode, raw)
			}
		default:
			t.Fatalf("status %d: %s", resp.StatusCode, raw)
		}
	})
}

// FuzzServePage renders the page for arbitrary form values: it never
// fails with a 500 and no value becomes markup.
func FuzzServePage(f *testing.F) {
	f.Add("They blame us. "+payloadScript, payloadImg, "We call for dialogue.", "blame", "")
	f.Add("", "", "", "", "")
	f.Add("x", "", "", "nope", "json")
	f.Add("\xff\xfe", "</textarea>", "{\"text\":\"a\"}\n", "", "csv")
	s := testServer(f, nil)
	f.Fuzz(func(t *testing.T, a, speaker, carried, device, format string) {
		form := url.Values{"a": {a}, "speaker_a": {speaker}, "carried_b": {carried}, "device": {device}, "format": {format}}
		resp := do(t, s, "POST", "/", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		page := bodyOf(t, resp)
		if resp.StatusCode >= 500 {
			t.Fatalf("status %d: %s", resp.StatusCode, page)
		}
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			for _, bad := range []string{"<script", "<img"} {
				if strings.Contains(page, bad) {
					t.Fatalf("the page holds %s", bad)
				}
			}
		}
	})
}
