package rhetoric

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/internal/testutil"
	"github.com/rhetorica/rhetorica/lexicon"
)

// TestGolden analyzes the statements in testdata/statements with the
// default lexicon and compares the JSON reports with the golden files. A
// statement whose meta has "tag": "true" is analyzed with tagging.
// Regenerate with: go test ./rhetoric -run TestGolden -update
func TestGolden(t *testing.T) {
	lex := lexicon.Default()
	root := testutil.ModuleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "testdata", "statements", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements: %v", err)
	}
	plain, err := New(lex, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tagged *Analyzer
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var st Statement
			if err := json.Unmarshal(data, &st); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			a := plain
			if st.Meta["tag"] == "true" {
				if tagged == nil {
					if tagged, err = New(lex, Options{Tag: true}); err != nil {
						t.Fatal(err)
					}
				}
				a = tagged
			}
			r, err := a.Analyze(context.Background(), st)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			again, _ := a.Analyze(context.Background(), st)
			if b, _ := json.MarshalIndent(again, "", "  "); !bytes.Equal(got, append(b, '\n')) {
				t.Fatal("two analyses of the same statement differ")
			}
			testutil.Golden(t, filepath.Join(root, "testdata", "golden", "rhetoric", name+".json"), got)
		})
	}
}
