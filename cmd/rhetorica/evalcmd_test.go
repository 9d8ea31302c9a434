package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tests run from the module root (see TestMain).
const annotated = "testdata/eval/annotated.jsonl"

func TestEvalCommand(t *testing.T) {
	code, out, errs := runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--format", "json", annotated)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Items   int `json:"items"`
		Devices []struct {
			Device  string `json:"device"`
			Support int    `json:"support"`
		} `json:"devices"`
		MicroF1 float64 `json:"micro_f1"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Items != 30 || res.MicroF1 <= 0 || res.MicroF1 > 1 {
		t.Errorf("items %d, micro-F1 %v", res.Items, res.MicroF1)
	}
	support := map[string]int{}
	for _, d := range res.Devices {
		if d.Support > 0 {
			support[d.Device] = d.Support
		}
	}
	if len(res.Devices) != 14 {
		t.Errorf("%d devices, want the 14 of the default lexicon", len(res.Devices))
	}
	if diff := cmp.Diff(map[string]int{"blame": 10, "peace": 10, "call_to_action": 1, "international_law": 1, "solidarity": 1}, support); diff != "" {
		t.Errorf("support (-want +got):\n%s", diff)
	}

	// Errors go to files.
	dir := t.TempDir()
	code, out, errs = runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--errors", dir, annotated)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "micro P") {
		t.Errorf("table output:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "economic.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "wrong economic") || !strings.Contains(string(data), `hit economic "budget"`) {
		t.Errorf("economic.txt:\n%s", data)
	}
}

// TestTrainCommand trains on the sample and uses the model in eval and
// analyze. Without --objective and --own-threshold, training follows the
// built-in model's recipe: the same file as with those flags spelt out.
func TestTrainCommand(t *testing.T) {
	model := filepath.Join(t.TempDir(), "mine.model")
	code, _, errs := runCLI(t, "", "train", "--annotated", annotated, "-o", model)
	if code != exitOK {
		t.Fatalf("train exit %d: %s", code, errs)
	}
	code, _, errs = runCLI(t, "", "train", "--annotated", annotated, "--objective", "micro", "--own-threshold", "blame", "-o", model+".recipe")
	if code != exitOK {
		t.Fatalf("train --objective micro --own-threshold blame exit %d: %s", code, errs)
	}
	// Each device's own F1 gives another valid model, recorded as such.
	code, _, errs = runCLI(t, "", "train", "--annotated", annotated, "--objective", "device", "-o", model+".device")
	if code != exitOK {
		t.Fatalf("train --objective device exit %d: %s", code, errs)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if !bytes.Equal(read(model), read(model+".recipe")) {
		t.Error("train without --objective differs from train --objective micro --own-threshold blame")
	}
	if bytes.Equal(read(model), read(model+".device")) {
		t.Error("train --objective device wrote the recipe's model")
	}
	code, out, errs := runCLI(t, "", "eval", "--model", model, "--resamples", "0", "--format", "json", annotated)
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"device": "blame"`) {
		t.Errorf("eval output:\n%s", out)
	}
	code, out, errs = runCLI(t, "We stand with Ukraine.", "analyze", "--model", model, "--format", "json", "-")
	if code != exitOK || !strings.Contains(out, `"detected"`) {
		t.Errorf("analyze exit %d: %s\n%s", code, errs, out)
	}
}

func TestEvalTrainErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n{\"id\":\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage.model")
	if err := os.WriteFile(garbage, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"no file", []string{"eval"}, exitUsage, []string{"want one annotated file"}},
		{"bad format", []string{"eval", "--format", "xml", annotated}, exitUsage, []string{"unknown --format"}},
		{"one fold", []string{"eval", "--folds", "1", annotated}, exitUsage, []string{"at least 2"}},
		{"folds and model", []string{"eval", "--folds", "3", "--no-model", annotated}, exitUsage, []string{"--folds trains its own"}},
		{"fold salt without folds", []string{"eval", "--fold-salt", "a", annotated}, exitUsage, []string{"--fold-salt needs --folds"}},
		{"model and no-model", []string{"eval", "--model", garbage, "--no-model", annotated}, exitUsage, []string{"exclude each other"}},
		{"missing", []string{"eval", filepath.Join(dir, "none.jsonl")}, exitInput, []string{"none.jsonl"}},
		{"bad lines", []string{"eval", bad}, exitInput, []string{"bad.jsonl:2: id \"a\" repeats line 1", "bad.jsonl:3:"}},
		{"bad model", []string{"eval", "--model", garbage, annotated}, exitInput, []string{"invalid model", "garbage.model"}},
		{"train no output", []string{"train", "--annotated", annotated}, exitUsage, []string{"-o MODEL"}},
		{"train bad lines", []string{"train", "--annotated", bad, "-o", filepath.Join(dir, "m")}, exitInput, []string{"bad.jsonl:2:"}},
		{"train bad objective", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--objective", "pooled"}, exitUsage, []string{`unknown objective "pooled"`}},
		{"train bad micro weight", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--objective", "blend", "--micro-weight", "2"}, exitUsage, []string{"micro weight 2"}},
		{"train micro weight without an objective", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--micro-weight", "0.5"}, exitUsage, []string{"--micro-weight needs --objective blend"}},
		{"train micro weight under the micro objective", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--objective", "micro", "--micro-weight", "0.5"}, exitUsage, []string{"--micro-weight needs --objective blend"}},
		{"train micro weight under the device objective", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--objective", "device", "--micro-weight", "0.75"}, exitUsage, []string{"--micro-weight needs --objective blend"}},
		{"train own threshold under the device objective", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--objective", "device", "--own-threshold", "blame"}, exitUsage, []string{"--own-threshold needs --objective micro or blend"}},
		{"train own threshold of an unknown device", []string{"train", "--annotated", annotated, "-o", filepath.Join(dir, "m"), "--folds", "3", "--objective", "micro", "--own-threshold", "blam"}, exitUsage, []string{`--own-threshold "blam": the lexicon has no such device`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}

// TestEvalContext analyzes located sentences inside their document with
// --context, and fails on a locator that names other text.
func TestEvalContext(t *testing.T) {
	dir := t.TempDir()
	speech := "Russia attacked Ukraine. Russia bears responsibility for this war.\n\nWe call for peace.\n"
	if err := os.WriteFile(filepath.Join(dir, "speech.txt"), []byte(speech), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := filepath.Join(dir, "gold.jsonl")
	line := `{"id": "s1", "file": "speech.txt", "start": 25, "end": 66, "devices": ["blame"], "targets": {"blame": "RUS"}}` + "\n" +
		`{"id": "s2", "text": "We call for peace.", "devices": ["peace"]}` + "\n"
	if err := os.WriteFile(gold, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--corpus", dir, "--context", "500", gold)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "evaluation on 2 items\n1 analyzed inside their document, 0 of them segmented differently\n") {
		t.Errorf("output:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--corpus", dir, gold)
	if code != exitOK || strings.Contains(out, "inside their document") {
		t.Errorf("without --context: exit %d, output:\n%s", code, out)
	}

	bad := `{"id": "s1", "text": "Russia is innocent.", "file": "speech.txt", "start": 25, "end": 66, "devices": []}` + "\n"
	if err := os.WriteFile(gold, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "", "eval", "--no-model", "--corpus", dir, "--context", "500", gold)
	if code != exitInput || !strings.Contains(errs, "gold.jsonl:1: s1: the text differs from bytes [25,66) of speech.txt") {
		t.Errorf("a wrong locator: exit %d, stderr:\n%s", code, errs)
	}
}

// TestEvalPaired writes one run's predictions and compares runs with them:
// against itself every difference is zero; against lexicon counting the
// differences are the two runs' F1s apart, in the table and in JSON.
func TestEvalPaired(t *testing.T) {
	dir := t.TempDir()
	preds := filepath.Join(dir, "model.jsonl")
	code, _, errs := runCLI(t, "", "eval", "--resamples", "200", "--predictions", preds, annotated)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 30 || !strings.HasPrefix(lines[0], `{"id":"b00","devices":["blame"]`) {
		t.Fatalf("%d prediction lines, the first %q; want 30, b00's with blame first", len(lines), lines[0])
	}

	code, out, errs := runCLI(t, "", "eval", "--resamples", "200", "--against", preds, annotated)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, section, ok := strings.Cut(out, "paired with "+preds)
	if !ok {
		t.Fatalf("no paired section:\n%s", out)
	}
	for _, row := range []string{"micro F1", "macro F1", "blame F1"} {
		var f []string
		for _, line := range strings.Split(section, "\n") {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, row+" ") {
				f = strings.Fields(strings.TrimPrefix(l, row))
			}
		}
		// that run, this run, difference, low, "to", high
		if len(f) != 6 || f[0] != f[1] || f[2] != "+0.000" || f[3] != "+0.000" || f[5] != "+0.000" {
			t.Errorf("%s of the same run against itself: %q; want equal F1s and zero differences\n%s", row, f, section)
		}
	}

	type paired struct {
		MicroF1   [2]float64 `json:"micro_f1"`
		MicroDiff float64    `json:"micro_diff"`
		MicroCI   struct{ Lo, Hi float64 }
	}
	var res struct {
		MicroF1 float64 `json:"micro_f1"`
		Paired  *paired `json:"paired"`
	}
	code, out, errs = runCLI(t, "", "eval", "--no-model", "--resamples", "200", "--format", "json", "--against", preds, annotated)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Paired == nil {
		t.Fatalf("no paired section in the JSON output:\n%s", out)
	}
	p := res.Paired
	if p.MicroF1[1] != res.MicroF1 || p.MicroDiff != p.MicroF1[1]-p.MicroF1[0] {
		t.Errorf("paired micro-F1 %v, difference %v; want this run's %v second and their difference", p.MicroF1, p.MicroDiff, res.MicroF1)
	}
	// Without resamples there are no intervals to show.
	code, out, errs = runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--against", preds, annotated)
	if _, section, _ := strings.Cut(out, "paired with"); code != exitOK || strings.Contains(section, " to ") || !strings.Contains(section, " -\n") {
		t.Errorf("exit %d, stderr %q; want the paired table without intervals:\n%s", code, errs, section)
	}
	// Without --against the JSON output has no paired section.
	code, out, _ = runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--format", "json", annotated)
	if code != exitOK || strings.Contains(out, `"paired"`) {
		t.Errorf("exit %d; a paired section without --against:\n%s", code, out)
	}
}

func TestEvalPairedErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := write("other.jsonl", `{"id":"x1","devices":[]}`+"\n")
	short := write("short.jsonl", `{"id":"b00","devices":["blame"]}`+"\n")
	broken := write("broken.jsonl", `{"id":"b00","devices":`+"\n")
	unknown := write("unknown.jsonl", `{"id":"b00","devices":[],"score":1}`+"\n")
	for _, tc := range []struct {
		name, file, want string
	}{
		{"another file's ids", other, `prediction 1 has id "x1", but item 1 of the annotated file is "b00"`},
		{"too few", short, "1 predictions for 30 items"},
		{"broken JSON", broken, "broken.jsonl: prediction 1:"},
		{"unknown field", unknown, `unknown field "score"`},
		{"missing", filepath.Join(dir, "none.jsonl"), "none.jsonl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", "eval", "--no-model", "--against", tc.file, annotated)
			if code != exitInput || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, exitInput, tc.want)
			}
		})
	}
}

// TestEvalFoldSalt checks that --fold-salt deals other folds but reports
// and writes the items under their own ids.
func TestEvalFoldSalt(t *testing.T) {
	dir := t.TempDir()
	run := func(salt string) string {
		t.Helper()
		p := filepath.Join(dir, "salt-"+salt+".jsonl")
		code, _, errs := runCLI(t, "", "eval", "--folds", "3", "--fold-salt", salt, "--resamples", "0", "--predictions", p, annotated)
		if code != exitOK {
			t.Fatalf("salt %q: exit %d: %s", salt, code, errs)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	a, b := run("a"), run("b")
	for _, out := range []string{a, b} {
		if !strings.HasPrefix(out, `{"id":"b00",`) || strings.Count(out, "\n") != 30 {
			t.Errorf("predictions under salted or missing ids:\n%s", out)
		}
	}
	if a == b {
		t.Error("salts a and b gave the same predictions on every item: the salt did not change the folds")
	}
}

// TestEvalFlagsAfterFile checks that eval and train, like analyze, take
// flags after their positional argument, and report a bad flag as a usage
// error with the hint the other commands give.
func TestEvalFlagsAfterFile(t *testing.T) {
	code, before, errs := runCLI(t, "", "eval", "--no-model", "--resamples", "0", "--format", "json", annotated)
	if code != exitOK {
		t.Fatalf("flags first: exit %d: %s", code, errs)
	}
	code, after, errs := runCLI(t, "", "eval", annotated, "--no-model", "--resamples", "0", "--format", "json")
	if code != exitOK {
		t.Fatalf("flags after the file: exit %d: %s", code, errs)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("flags after the file (-before +after):\n%s", diff)
	}
	for _, cmd := range []string{"eval", "train"} {
		code, out, errs := runCLI(t, "", cmd, "--bogus")
		want := "rhetorica: " + cmd + ": flag provided but not defined: -bogus\nRun 'rhetorica " + cmd + " --help' for usage.\n"
		if diff := cmp.Diff(want, errs); code != exitUsage || out != "" || diff != "" {
			t.Errorf("%s --bogus: exit %d, stdout %q, stderr (-want +got):\n%s", cmd, code, out, diff)
		}
	}
}
