package rhetoricbeam

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rhetorica/rhetorica/corpus"
	"github.com/rhetorica/rhetorica/lexicon"
	"github.com/rhetorica/rhetorica/rhetoric"
)

// TestMain runs the pipelines of the tests on the Prism runner, in-process.
// Prism logs every bundle failure, also those the tests provoke; its log
// is shown only with RHETORICA_BEAM_LOG=1.
func TestMain(m *testing.M) {
	if os.Getenv("RHETORICA_BEAM_LOG") == "" {
		slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	ptest.Main(m)
}

// approx compares profiles of the pipeline with those of one pass: weights
// are float sums whose order differs.
var approx = cmp.Options{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateEmpty()}

// outputs are the files a test pipeline writes, in a temporary directory.
type outputs struct{ dir string }

func (o outputs) path(name string) string { return filepath.Join(o.dir, name) }

// lines returns the lines of an output file.
func (o outputs) lines(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(o.path(name))
	if err != nil {
		t.Fatal(err)
	}
	if len(data) == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

func decodeLines[T any](t *testing.T, lines []string) []T {
	t.Helper()
	var out []T
	for _, l := range lines {
		var v T
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("decode %q: %v", l, err)
		}
		out = append(out, v)
	}
	return out
}

// runProfiles builds and runs the pipeline of the command: read, analyze,
// profile by key and in all, write everything.
func runProfiles(t *testing.T, glob string, key string, ro ReadOptions, ao AnalyzeOptions) outputs {
	t.Helper()
	o := outputs{t.TempDir()}
	devices, err := Devices(context.Background(), ao)
	if err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	records, badRead := Read(s, glob, ro)
	reports, badAnalyze := Analyze(s, records, ao)
	WriteReports(s, o.path("reports.jsonl"), reports)
	WriteCSV(s, o.path("reports.csv"), devices, reports)
	WriteProfiles(s, o.path("profiles.jsonl"), ProfileBy(s, key, reports))
	WriteProfiles(s, o.path("all.jsonl"), ProfileAll(s, reports))
	WriteBadRecords(s, o.path("bad.jsonl"), beam.Flatten(s, badRead, badAnalyze))
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return o
}

// onePass analyzes the statements with the library in one pass and returns
// the profiles by key and of all statements.
func onePass(t *testing.T, an *rhetoric.Analyzer, key string, sts []rhetoric.Statement) ([]rhetoric.Profile, rhetoric.Profile, []*rhetoric.Report) {
	t.Helper()
	g := rhetoric.NewGroups(rhetoric.KeyField(key))
	var all rhetoric.Profile
	var reports []*rhetoric.Report
	for _, st := range sts {
		r, err := an.Analyze(context.Background(), st)
		if err != nil {
			continue
		}
		g.Add(r)
		all.Add(r)
		reports = append(reports, r)
	}
	return g.Profiles(), all, reports
}

func defaultAnalyzer(t *testing.T) *rhetoric.Analyzer {
	t.Helper()
	an, err := rhetoric.New(lexicon.Default(), rhetoric.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// TestPipelineShards runs the pipeline over two JSONL shards with bad
// records in both, and checks its profiles against one pass of the library
// and its dead letters against the bad lines.
func TestPipelineShards(t *testing.T) {
	o := runProfiles(t, "testdata/shards/*.jsonl", "speaker", ReadOptions{}, AnalyzeOptions{})

	var sts []rhetoric.Statement
	for _, f := range []string{"testdata/shards/part-00000-of-00002.jsonl", "testdata/shards/part-00001-of-00002.jsonl"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		readJSONL(bytes.NewReader(data), func(_ int, st rhetoric.Statement) { sts = append(sts, st) }, func(int, []byte, error) {})
	}
	want, wantAll, wantReports := onePass(t, defaultAnalyzer(t), "speaker", sts)
	if len(want) != 3 || wantAll.Statements != 6 {
		t.Fatalf("one pass: %d groups, %d statements; the test data changed?", len(want), wantAll.Statements)
	}
	if diff := cmp.Diff(want, decodeLines[rhetoric.Profile](t, o.lines(t, "profiles.jsonl")), approx); diff != "" {
		t.Errorf("profiles by speaker (-one pass +pipeline):\n%s", diff)
	}
	if diff := cmp.Diff([]rhetoric.Profile{wantAll}, decodeLines[rhetoric.Profile](t, o.lines(t, "all.jsonl")), approx); diff != "" {
		t.Errorf("profile of all (-one pass +pipeline):\n%s", diff)
	}
	slices.SortFunc(wantReports, func(a, b *rhetoric.Report) int { return strings.Compare(a.ID, b.ID) })
	if diff := cmp.Diff(wantReports, decodeLines[*rhetoric.Report](t, o.lines(t, "reports.jsonl")), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("reports (-one pass +pipeline):\n%s", diff)
	}
	if got := o.lines(t, "reports.csv"); len(got) != 7 || !strings.HasPrefix(got[0], "id,speaker,words,sentences,") || !strings.HasPrefix(got[1], "a1,Lavrov,") {
		t.Errorf("CSV: %q", got)
	}

	// Error holds a part of the message: the rest belongs to other packages.
	wantBad := []BadRecord{
		{File: "testdata/shards/part-00000-of-00002.jsonl", Line: 3, Error: `statement "x1": rhetoric: `},
		{File: "testdata/shards/part-00001-of-00002.jsonl", Line: 3, Error: "invalid JSON",
			Record: `{"id": "broken", "speaker": "Lavrov", "text": "an unterminated string}`},
		{File: "testdata/shards/part-00001-of-00002.jsonl", Line: 4, Error: "not a JSON object",
			Record: `["not", "an", "object"]`},
	}
	gotBad := decodeLines[BadRecord](t, o.lines(t, "bad.jsonl"))
	if diff := cmp.Diff(wantBad, gotBad, cmpopts.IgnoreFields(BadRecord{}, "Error")); diff != "" {
		t.Errorf("dead letters (-want +got):\n%s", diff)
	}
	for i := range min(len(wantBad), len(gotBad)) {
		if !strings.Contains(gotBad[i].Error, wantBad[i].Error) {
			t.Errorf("dead letter %s: error %q, want it to contain %q", gotBad[i].Record, gotBad[i].Error, wantBad[i].Error)
		}
	}
}

// TestPipelineUNSample runs the pipeline over a sample of the UN General
// Debate corpus (../shared), one statement per file, and checks its
// profiles (by file and of all) against one pass of the library.
func TestPipelineUNSample(t *testing.T) {
	dir := "../../../shared/corpus/ungdc/2022"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the UN corpus is not here (%v)", err)
	}
	glob := dir + "/[A-C]*.txt"
	if testing.Short() {
		glob = dir + "/A*.txt"
	}
	o := runProfiles(t, glob, "file", ReadOptions{FileMeta: true}, AnalyzeOptions{})
	files, err := filepath.Glob(glob)
	if err != nil || len(files) < 3 {
		t.Fatalf("sample: %d files, %v", len(files), err)
	}
	var sts []rhetoric.Statement
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		st, err := corpus.ParseText(f, data)
		if err != nil {
			t.Fatal(err)
		}
		st.Meta = map[string]string{"file": f}
		sts = append(sts, st)
	}
	want, wantAll, _ := onePass(t, defaultAnalyzer(t), "file", sts)
	if diff := cmp.Diff(want, decodeLines[rhetoric.Profile](t, o.lines(t, "profiles.jsonl")), approx); diff != "" {
		t.Errorf("profiles by file (-one pass +pipeline):\n%s", diff)
	}
	gotAll := decodeLines[rhetoric.Profile](t, o.lines(t, "all.jsonl"))
	if diff := cmp.Diff([]rhetoric.Profile{wantAll}, gotAll, approx); diff != "" {
		t.Errorf("profile of all (-one pass +pipeline):\n%s", diff)
	}
	if bad := o.lines(t, "bad.jsonl"); len(bad) != 0 {
		t.Errorf("dead letters: %q", bad)
	}
	t.Logf("%d speeches, %d words, %d cues", wantAll.Statements, wantAll.Words, len(wantAll.Cues))
}

// TestPipelineCLIParity checks that the pipeline writes what the command
// writes for the same input and lexicon: the JSONL reports and the CSV rows
// of the command's golden files.
func TestPipelineCLIParity(t *testing.T) {
	t.Chdir("../..") // the repository root, where the command's goldens name their inputs
	ao := AnalyzeOptions{NoDefault: true, Lexicons: []string{"testdata/cli/lexicons/test.lex"}}
	devices, err := Devices(context.Background(), ao)
	if err != nil {
		t.Fatal(err)
	}
	o := outputs{t.TempDir()}
	p, s := beam.NewPipelineWithRoot()
	jsonl, bad1 := Read(s, "testdata/cli/statements.jsonl", ReadOptions{})
	texts, bad2 := Read(s, "testdata/cli/statements/*", ReadOptions{})
	r1, bad3 := Analyze(s, jsonl, ao)
	r2, bad4 := Analyze(s, texts, ao)
	WriteReports(s, o.path("reports.jsonl"), r1)
	WriteCSV(s, o.path("all.csv"), devices, beam.Flatten(s, r1, r2))
	WriteBadRecords(s, o.path("bad.jsonl"), beam.Flatten(s, bad1, bad2, bad3, bad4))
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	golden := func(name string) []string {
		data, err := os.ReadFile(filepath.Join("testdata/cli/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	}
	want := golden("analyze-jsonl-jsonl.jsonl")
	slices.Sort(want) // the pipeline sorts by id; these ids sort as their lines
	if diff := cmp.Diff(want, o.lines(t, "reports.jsonl")); diff != "" {
		t.Errorf("JSONL reports (-rhetorica analyze +pipeline):\n%s", diff)
	}
	csvAll := golden("analyze-all-csv.csv")
	got := o.lines(t, "all.csv")
	if len(got) != 8 || got[0] != csvAll[0] {
		t.Fatalf("CSV header or size: %q, want header %q and 7 rows", got, csvAll[0])
	}
	for _, row := range got[1:] {
		if !slices.Contains(csvAll[1:], row) {
			t.Errorf("CSV row %q is not among the command's rows:\n%s", row, strings.Join(csvAll, "\n"))
		}
	}
	if bad := o.lines(t, "bad.jsonl"); len(bad) != 0 {
		t.Errorf("dead letters: %q", bad)
	}
}

// TestCompare checks the pipeline's comparison against the library's, and
// that a missing group fails the pipeline naming it.
func TestCompare(t *testing.T) {
	o := outputs{t.TempDir()}
	build := func(a, b string) *beam.Pipeline {
		p, s := beam.NewPipelineWithRoot()
		records, _ := Read(s, "testdata/shards/*.jsonl", ReadOptions{})
		reports, _ := Analyze(s, records, AnalyzeOptions{})
		WriteComparison(s, o.path("cmp.jsonl"), Compare(s, ProfileBy(s, "speaker", reports), a, b, 10))
		return p
	}
	if err := ptest.Run(build("Lavrov", "Blinken")); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	var sts []rhetoric.Statement
	for _, f := range []string{"testdata/shards/part-00000-of-00002.jsonl", "testdata/shards/part-00001-of-00002.jsonl"} {
		data, _ := os.ReadFile(f)
		readJSONL(bytes.NewReader(data), func(_ int, st rhetoric.Statement) { sts = append(sts, st) }, func(int, []byte, error) {})
	}
	profiles, _, _ := onePass(t, defaultAnalyzer(t), "speaker", sts)
	find := func(g string) rhetoric.Profile {
		i := slices.IndexFunc(profiles, func(p rhetoric.Profile) bool { return p.Group == g })
		return profiles[i]
	}
	want := rhetoric.CompareWith(find("Lavrov"), find("Blinken"), 10)
	if diff := cmp.Diff([]rhetoric.Comparison{want}, decodeLines[rhetoric.Comparison](t, o.lines(t, "cmp.jsonl")), approx); diff != "" {
		t.Errorf("comparison (-library +pipeline):\n%s", diff)
	}
	err := ptest.Run(build("Lavrov", "Zelenskyy"))
	if err == nil || !strings.Contains(err.Error(), `no statements in group "Zelenskyy" (the groups are: "Blinken", "Guterres", "Lavrov")`) {
		t.Errorf("missing group: error %v", err)
	}
}

// TestBadGlob checks that a glob matching nothing fails the pipeline.
func TestBadGlob(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	records, _ := Read(s, filepath.Join(t.TempDir(), "*.jsonl"), ReadOptions{})
	reports, _ := Analyze(s, records, AnalyzeOptions{})
	WriteReports(s, filepath.Join(t.TempDir(), "out.jsonl"), reports)
	if err := ptest.Run(p); err == nil {
		t.Error("no error for a glob that matches no file")
	}
}

// TestReadFormats reads a folder of mixed files: text, Markdown with front
// matter, JSONL, a CSV (not read: a dead letter), a text file that is not
// UTF-8 and a folder (dead letters naming them).
func TestReadFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":     "We call for dialogue.",
		"b.md":      "---\nid: b\nspeaker: B\n---\nThe threat is real.",
		"c.jsonl":   `{"id":"c","text":"Peace now."}` + "\n",
		"d.csv":     "id,text\nd,Peace.\n",
		"e.txt":     "caf\xe9",
		"sub/f.txt": "a folder that the glob matches is a dead letter",
	}
	for name, text := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := outputs{t.TempDir()}
	p, s := beam.NewPipelineWithRoot()
	records, bad := Read(s, filepath.Join(dir, "*"), ReadOptions{})
	reports, _ := Analyze(s, records, AnalyzeOptions{})
	WriteReports(s, o.path("reports.jsonl"), reports)
	WriteBadRecords(s, o.path("bad.jsonl"), bad)
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	var ids []string
	for _, r := range decodeLines[rhetoric.Report](t, o.lines(t, "reports.jsonl")) {
		ids = append(ids, r.ID+"/"+r.Speaker)
	}
	if diff := cmp.Diff([]string{filepath.Join(dir, "a.txt") + "/", "b/B", "c/"}, ids); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
	var badFiles []string
	for _, b := range decodeLines[BadRecord](t, o.lines(t, "bad.jsonl")) {
		badFiles = append(badFiles, fmt.Sprintf("%s:%d: %s", filepath.Base(b.File), b.Line, b.Error))
	}
	want := []string{
		`d.csv:0: unknown input format ".csv" (want .jsonl, .ndjson, .txt or .md, or set the format)`,
		"e.txt:0: invalid UTF-8 in the text at byte 3 (is the file in another encoding? convert it to UTF-8, for example: iconv -f WINDOWS-1252 -t UTF-8)",
		"sub:0: a directory, not a file (match the files in it: DIR/*.txt)",
	}
	if diff := cmp.Diff(want, badFiles); diff != "" {
		t.Errorf("dead letters (-want +got):\n%s", diff)
	}
}
