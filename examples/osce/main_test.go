package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, "testdata/osce"); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	testutil.Golden(t, filepath.Join("testdata", "output.golden"), []byte(got))
	// What a reader of this example checks: both speakers, every device
	// row, and the US side blaming Russia.
	for _, want := range []string{"Russian Federation: 2 statements", "United States: 2 statements",
		"sovereignty", "justification", "United States: RUS ("} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestRunMissingDir(t *testing.T) {
	if err := run(context.Background(), &bytes.Buffer{}, "testdata/no-such-folder"); err == nil {
		t.Fatal("want an error for a missing folder")
	}
}
