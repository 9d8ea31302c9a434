package main

import (
	"bytes"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/lexicon"
)

// Two statements for the page's browser test and its screenshot, written
// for this test in the register of the press statements the tool reads.
const (
	browserStatementA = "Moscow bears full responsibility for this unprovoked aggression against a sovereign state. " +
		"The shelling of cities is a grave threat to international law and to the security of all of Europe. " +
		"We are not seeking a ceasefire at any price. We call on our partners to stand with us and to tighten sanctions."
	browserStatementB = "The crisis was provoked by the expansion of NATO, which ignored our legitimate security concerns. " +
		"We have always been ready for dialogue and a peaceful settlement based on the realities on the ground. " +
		"The Western sponsors of the Kyiv regime are to blame for the suffering of civilians."
)

// TestServePageInBrowser starts the server on a loopback port, submits the
// page's own form (fetched from the server) in headless chromium, checks
// the highlights of the result and that no hostile input ran, and takes
// screenshots at 1280 and 800 px.
func TestServePageInBrowser(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		if os.Getenv("RHETORICA_REQUIRE_BROWSER") != "" {
			t.Fatal("RHETORICA_REQUIRE_BROWSER is set but chromium is not installed")
		}
		t.Skip("chromium is not installed (apt-get install -y chromium)")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	s := testServer(t, func(c *serverConfig) {
		c.lexicons = []lexChoice{{name: "default", lex: lexicon.Default()}}
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	dir := t.TempDir()

	// The form as the server serves it, filled in and submitted by a
	// small script: the browser posts it (multipart) to the server.
	form := bodyOf(t, mustGet(t, ts.URL+"/"))
	fill := func(page, field, value string) string {
		open := `<textarea id="` + field + `" name="` + field + `"`
		i := strings.Index(page, open)
		j := strings.Index(page[i:], ">")
		if i < 0 || j < 0 {
			t.Fatalf("no textarea %s in the page", field)
		}
		at := i + j + 1
		return page[:at] + html.EscapeString(value) + page[at:]
	}
	form = fill(form, "a", "They bear the blame for this aggression. "+payloadScript+" A grave threat "+payloadImg+" to international law, not a ceasefire.")
	form = fill(form, "b", "We call for dialogue. "+payloadScript)
	form = strings.Replace(form, `<input type="text" id="speaker_a" name="speaker_a" value="">`,
		`<input type="text" id="speaker_a" name="speaker_a" value="`+html.EscapeString(payloadImg)+`">`, 1)
	form = strings.Replace(form, `action="/"`, `action="`+ts.URL+`/"`, 1)
	form = strings.Replace(form, "</body>", `<script>document.getElementById("ask").submit()</script></body>`, 1)
	submit := filepath.Join(dir, "submit.html")
	if err := os.WriteFile(submit, []byte(form), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(chromium(t, bin, "--virtual-time-budget=5000", "--dump-dom", "file://"+submit))
	if !strings.Contains(dom, "<title>rhetorica</title>") {
		t.Fatalf("the browser did not reach the result page (or its title changed):\n%.2000s", dom)
	}
	checkBrowserDOM(t, dom)

	// The same by GET, for the screenshots of a real comparison.
	q := url.Values{"a": {browserStatementA}, "speaker_a": {"Kyiv"}, "b": {browserStatementB}, "speaker_b": {"Moscow"}}
	page := ts.URL + "/?" + q.Encode()
	dom = string(chromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", page))
	if !strings.Contains(dom, `id="compare"`) || strings.Count(dom, `<mark class="hl`) < 8 {
		t.Errorf("the comparison page lacks the comparison or highlights:\n%.3000s", dom)
	}
	for _, width := range []string{"1280", "800"} {
		png := filepath.Join(dir, "page-"+width+".png")
		chromium(t, bin, "--hide-scrollbars", "--window-size="+width+",1500", "--screenshot="+png, page)
		data, err := os.ReadFile(png)
		if err != nil || len(data) < 1000 || !bytes.HasPrefix(data, []byte("\x89PNG")) {
			t.Fatalf("no screenshot at %s px (%d bytes, %v)", width, len(data), err)
		}
		if out := os.Getenv("RHETORICA_SERVE_SCREENSHOT"); out != "" {
			os.WriteFile(strings.TrimSuffix(out, ".png")+"-"+width+".png", data, 0o644)
		}
	}
}

// checkBrowserDOM checks the result page of the hostile form as the
// browser built it.
func checkBrowserDOM(t *testing.T, dom string) {
	t.Helper()
	if regexp.MustCompile(`<body[^>]*data-pwned`).MatchString(dom) || strings.Contains(dom, "pwned</title>") {
		t.Error("an injected script ran")
	}
	// The only script in the DOM would be an injected one: the page has none.
	if strings.Contains(dom, "<script") || strings.Contains(dom, "<img") {
		t.Errorf("an injected element is in the DOM:\n%s", dom)
	}
	for _, want := range []string{
		`<mark class="hl d0"`,                  // blame
		`neg"`,                                 // the negated ceasefire
		`id="compare"`,                         // A compared with B
		`&lt;script&gt;document.title="pwned"`, // the payload as text
		`<table class="hits">`,                 // every cue explained
		"target",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the result page lacks %s", want)
		}
	}
	if n := strings.Count(dom, `<mark class="hl`); n < 4 {
		t.Errorf("%d highlights, want at least 4", n)
	}
}

func mustGet(t *testing.T, u string) *http.Response {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}
