package predfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rhetorica/rhetorica/eval"
	_ "github.com/rhetorica/rhetorica/internal/testutil" // the -update flag of go test ./... -update
)

var items = []eval.Item{{ID: "a"}, {ID: "b"}}

func write(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "p.jsonl")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWriteRead(t *testing.T) {
	preds := []eval.Prediction{
		{Devices: []string{"blame", "threat"}, Targets: map[string]string{"blame": "RUS"}},
		{},
	}
	path := filepath.Join(t.TempDir(), "p.jsonl")
	if err := Write(path, items, preds); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","devices":["blame","threat"],"targets":{"blame":"RUS"}}` + "\n" + `{"id":"b","devices":[]}` + "\n"
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
	got, err := Read(path, items)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(preds, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("read back (-written +read):\n%s", diff)
	}
	if err := Write(path, items, preds[:1]); err == nil {
		t.Error("Write of one prediction for two items: no error")
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"another file's ids", `{"id":"x","devices":[]}` + "\n", `prediction 1 has id "x", but item 1 of the annotated file is "a"`},
		{"too few", `{"id":"a","devices":[]}` + "\n", "1 predictions for 2 items"},
		{"too many", `{"id":"a","devices":[]}{"id":"b","devices":[]}{"id":"c","devices":[]}`, `prediction 3 has id "c", but item 3 of the annotated file is "(none)"`},
		{"broken JSON", `{"id":"a","devices":`, "prediction 1:"},
		{"unknown field", `{"id":"a","devices":[],"score":1}`, `unknown field "score"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(t, tc.text)
			got, err := Read(path, items)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Read: %v, %v; want an error naming the file and saying %q", got, err, tc.want)
			}
		})
	}
	if _, err := Read(filepath.Join(t.TempDir(), "none.jsonl"), items); !os.IsNotExist(err) {
		t.Errorf("missing file: %v, want a not-exist error", err)
	}
}

// FuzzRead holds Read to its contract on any file: an error, or exactly
// one prediction per item, which Write writes and Read reads back
// unchanged.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"id":"a","devices":["blame"],"targets":{"blame":"RUS"}}` + "\n" + `{"id":"b","devices":[]}` + "\n"))
	f.Add([]byte(`{"id":"a","devices":null}{"id":"b","devices":["x","x"]}`))
	f.Add([]byte(`{"id":"a"`))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "p.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Read(path, items)
		if err != nil {
			if got != nil {
				t.Errorf("predictions %v beside error %v", got, err)
			}
			return
		}
		if len(got) != len(items) {
			t.Fatalf("%d predictions for %d items, no error", len(got), len(items))
		}
		again := filepath.Join(t.TempDir(), "again.jsonl")
		if err := Write(again, items, got); err != nil {
			t.Fatal(err)
		}
		back, err := Read(again, items)
		if err != nil {
			t.Fatalf("reading back what was written: %v", err)
		}
		if diff := cmp.Diff(got, back, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("written and read back (-read +again):\n%s", diff)
		}
	})
}
