package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// findChromium returns the path of Debian's chromium, or "" when absent.
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// chromium runs a headless browser with a throw-away profile and no
// network services, returning standard output.
func chromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--disable-extensions", "--mute-audio", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

// hostile is a statement whose every field tries to run script if the
// report failed to escape it: each payload would set the page title or add
// a data-pwned attribute to <body>.
const (
	payloadScript = `<script>document.title="pwned";document.body.setAttribute("data-pwned","script")</script>`
	payloadImg    = `"><img src=x onerror="document.title='pwned';document.body.setAttribute('data-pwned','img')">`
)

func hostileReport() (*rhetoric.Report, string) {
	text := "Moscow bears the blame for this flagrant aggression. " + payloadScript +
		"\nIt is a grave threat " + payloadImg + " to international law & order.\nWe are not seeking a ceasefire at any price."
	find := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	hit := func(dev, entry, s string, w float64) rhetoric.Hit {
		a, b := find(s)
		return rhetoric.Hit{Device: dev, Entry: entry, Text: s, Start: a, End: b, Weight: w, Target: "NONE"}
	}
	blame := hit("blame", "~blame", "blame", 2)
	blame.Target, blame.TargetRule = "RUS", "subject"
	aggr := hit("blame", `aggression"><img src=x onerror=alert(1)>`, "flagrant aggression", 2.25)
	aggr.Intensified = true
	aggr.Modifiers = []rhetoric.Modifier{{Kind: lexicon.Intensifier, Text: "flagrant"}}
	threat := hit("threat", "grave threat", "grave threat", 1.5)
	law := hit("international_law", "international law", "international law", 2)
	order := hit("threat", "law & order", "law & order", 1) // overlaps international law
	cease := hit("peace", "ceasefire", "ceasefire", 1.5)
	cease.Negated = true
	cease.Modifiers = []rhetoric.Modifier{{Kind: lexicon.Negator, Text: "not"}}
	r := &rhetoric.Report{
		ID:      `<script>document.title="pwned-id"</script>`,
		Speaker: payloadImg,
		Date:    "2024-03-01",
		Meta:    map[string]string{"venue": payloadScript, `<b onmouseover=alert(1)>key`: "value"},
		Words:   40, Tokens: 60, Sentences: 3,
		Devices: []rhetoric.DeviceScore{
			{Device: "blame", Hits: 2, Per1K: 50, Weight: 4.25},
			{Device: "threat", Hits: 2, Per1K: 50, Weight: 2.5},
			{Device: "international_law", Hits: 1, Per1K: 25, Weight: 2},
			{Device: "peace", Negated: 1},
		},
		Hits: []rhetoric.Hit{blame, aggr, threat, law, order, cease},
	}
	return r, text
}

// TestHTMLInBrowser renders a report of a hostile statement in headless
// chromium, checks the highlights in the resulting DOM and that no injected
// script ran, and takes a screenshot.
func TestHTMLInBrowser(t *testing.T) {
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
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	devices := []string{"blame", "sovereignty", "threat", "international_law", "peace"}
	h := newHTMLReport(w, devices, nil, "Browser test report", "speaker")
	r, text := hostileReport()
	if err := h.report(r, text); err != nil {
		t.Fatal(err)
	}
	agg := rhetoric.NewGroups(rhetoric.KeySpeaker())
	agg.Add(r)
	agg.Add(&rhetoric.Report{ID: "b", Speaker: `<script>document.title="pwned-group"</script>`, Words: 100,
		Devices: []rhetoric.DeviceScore{{Device: "peace", Hits: 3}, {Device: "blame", Hits: 1}}})
	if err := h.finishProfiles(agg.Profiles()); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page

	dom := string(chromium(t, bin, "--virtual-time-budget=2000", "--dump-dom", url))
	if !strings.Contains(dom, "<title>Browser test report</title>") {
		t.Errorf("the page title changed:\n%.400s", dom)
	}
	if regexp.MustCompile(`<body[^>]*data-pwned`).MatchString(dom) {
		t.Error("an injected script ran: <body> has data-pwned")
	}
	if strings.Contains(dom, "<img") || strings.Contains(dom, "<script") {
		t.Error("an injected element is in the DOM")
	}
	marks := regexp.MustCompile(`<mark class="hl [^"]*"`).FindAllString(dom, -1)
	if len(marks) < 6 {
		t.Errorf("%d highlights in the DOM, want at least 6: %q", len(marks), marks)
	}
	for _, want := range []string{
		`class="hl d0"`,                        // blame
		`class="hl d4 neg"`,                    // the negated ceasefire
		`class="hl d3 u u2"`,                   // international law overlapped by threat
		`&lt;script&gt;document.title="pwned"`, // the payload shown as text
		`"&gt;&lt;img src=x onerror=`,
		`<svg role="img"`,
		"entry: ~blame\nweight: 2\ntarget: RUS (subject)", // the tooltip
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("DOM lacks %s", want)
		}
	}

	// The same end to end: the command analyses testdata/cli/xss.md.
	page2 := filepath.Join(dir, "xss.html")
	if code, _, stderr := runCLI(t, "", "analyze", "-o", page2, "testdata/cli/xss.md"); code != 0 {
		t.Fatalf("analyze xss.md: code %d\n%s", code, stderr)
	}
	dom2 := string(chromium(t, bin, "--virtual-time-budget=2000", "--dump-dom", "file://"+page2))
	if !strings.Contains(dom2, "<title>Framing devices in the statements</title>") ||
		regexp.MustCompile(`<body[^>]*data-pwned`).MatchString(dom2) ||
		strings.Contains(dom2, "<img") || strings.Contains(dom2, "<script") {
		t.Errorf("an injected script ran or an element was injected in the report of xss.md:\n%s", dom2)
	}
	if !strings.Contains(dom2, `<mark class="hl`) || !strings.Contains(dom2, `&lt;script&gt;document.title="pwned"`) {
		t.Errorf("the report of xss.md lacks highlights or the payload text")
	}

	png := filepath.Join(dir, "report.png")
	chromium(t, bin, "--hide-scrollbars", "--window-size=1280,2000", "--screenshot="+png, url)
	data, err := os.ReadFile(png)
	if err != nil || len(data) < 1000 || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Fatalf("no screenshot (%d bytes, %v)", len(data), err)
	}
	if out := os.Getenv("RHETORICA_SCREENSHOT"); out != "" {
		os.WriteFile(out, data, 0o644)
	}
}

// layoutCheck is appended to a copy of a report: it measures the heatmap,
// the sections and the time charts as laid out by the browser and writes
// what it finds into <body data-check="...">, which --dump-dom shows.
const layoutCheck = `<script>
(function(){
  var out = [];
  var heat = document.querySelector("figure.heat svg");
  var card = document.getElementById("summary");
  if (!heat) { out.push("no-heatmap"); } else {
    var r = heat.getBoundingClientRect(), c = card.getBoundingClientRect();
    if (r.right > c.right + 0.5 || r.left < c.left - 0.5) out.push("heatmap-outside-card");
    var fig = heat.parentNode;
    if (fig.scrollWidth > fig.clientWidth + 1) out.push("heatmap-scrolls");
    var vb = heat.viewBox.baseVal;
    heat.querySelectorAll("text").forEach(function(t){
      var b = t.getBBox(), m = t.getCTM();
      if (!m) return;
      // The box's corners in the svg's own coordinates.
      var pts = [[b.x,b.y],[b.x+b.width,b.y],[b.x,b.y+b.height],[b.x+b.width,b.y+b.height]].map(function(p){
        return [m.a*p[0]+m.c*p[1]+m.e, m.b*p[0]+m.d*p[1]+m.f];
      });
      pts.forEach(function(p){
        if (p[0] < vb.x - 1 || p[0] > vb.x + vb.width + 1 || p[1] < vb.y - 1 || p[1] > vb.y + vb.height + 1) {
          out.push("clipped-label:" + t.textContent);
        }
      });
    });
  }
  ["comparison","targets","over-time","who-frames-whom"].forEach(function(id){
    var e = document.getElementById(id);
    if (!e || e.getBoundingClientRect().height === 0) out.push("missing-section:" + id);
  });
  if (document.querySelectorAll("figure.line polyline").length === 0) out.push("no-time-lines");
  document.querySelectorAll("figure.line svg").forEach(function(s){
    if (s.getBoundingClientRect().height < 50) out.push("flat-time-chart");
  });
  if (document.querySelectorAll("table.targets tbody tr").length === 0) out.push("empty-targets");
  var mx = document.querySelector("table.matrix");
  if (!mx || mx.querySelectorAll("tbody tr").length === 0) { out.push("empty-matrix"); } else {
    var box = mx.parentNode;
    if (box.scrollWidth > box.clientWidth + 1) out.push("matrix-scrolls");
  }
  document.body.setAttribute("data-check", out.length ? out.join("|") : "ok");
})();
</script>`

// TestHTMLSectionsInBrowser renders a report with groups (one with a very
// long name) and periods at 1280 and 800 pixels: the heatmap must fit its
// card with every label inside the drawing, and the comparison, targets
// time-chart and who-frames-whom sections must be laid out, the matrix
// without a horizontal scrollbar.
func TestHTMLSectionsInBrowser(t *testing.T) {
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
	dir := t.TempDir()
	long := "Permanent Mission of the Union of Federated Republics to the United Nations Office at Geneva"
	texts := []struct{ speaker, date, text string }{
		{"Ruritania", "2014-03-01", "Moscow bears the blame for this aggression. We call for dialogue and a ceasefire."},
		{"Ruritania", "2015-05-02", "The aggression of Moscow is a threat. We demand negotiations under international law."},
		{long, "2014-06-03", "NATO is responsible for the crisis. Its expansion is a threat to our security."},
		{long, "2015-07-04", "The West is to blame. We are ready for dialogue; sanctions are illegal."},
		{"Freedonia", "2015-08-05", "We condemn Russia's aggression and stand with Ukraine."},
	}
	var paths []string
	for i, s := range texts {
		p := filepath.Join(dir, fmt.Sprintf("s%d.md", i))
		md := fmt.Sprintf("---\nspeaker: %q\ndate: %s\n---\n%s\n", s.speaker, s.date, s.text)
		if err := os.WriteFile(p, []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	page := filepath.Join(dir, "report.html")
	args := append([]string{"analyze", "--no-progress", "--by", "speaker", "--over", "date:year", "-o", page}, paths...)
	if code, _, stderr := runCLI(t, "", args...); code != 0 {
		t.Fatalf("analyze: code %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	checked := filepath.Join(dir, "checked.html")
	withCheck := bytes.Replace(data, []byte("</body>"), []byte(layoutCheck+"</body>"), 1)
	if err := os.WriteFile(checked, withCheck, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1280, 800} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			size := fmt.Sprintf("--window-size=%d,3000", width)
			dom := string(chromium(t, bin, size, "--virtual-time-budget=2000", "--dump-dom", "file://"+checked))
			m := regexp.MustCompile(`<body[^>]*data-check="([^"]*)"`).FindStringSubmatch(dom)
			if m == nil {
				t.Fatalf("the layout check did not run:\n%.600s", dom)
			}
			if m[1] != "ok" {
				t.Errorf("layout problems at %d px: %s", width, m[1])
			}
			png := filepath.Join(dir, fmt.Sprintf("sections-%d.png", width))
			chromium(t, bin, "--hide-scrollbars", size, "--screenshot="+png, "file://"+page)
			if out := os.Getenv("RHETORICA_SCREENSHOT_DIR"); out != "" {
				if b, err := os.ReadFile(png); err == nil {
					os.WriteFile(filepath.Join(out, filepath.Base(png)), b, 0o644)
				}
			}
		})
	}
}
