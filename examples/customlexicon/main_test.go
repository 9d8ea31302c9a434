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
	if err := run(context.Background(), &out, "testdata/custom"); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	testutil.Golden(t, filepath.Join("testdata", "output.golden"), []byte(got))
	for _, want := range []string{
		"16 categories",                       // 14 defaults + 2 new devices
		`historical_grievance "not one inch"`, // a new device's phrase
		"broken.lex:2:1: unknown directive",   // positioned errors
		"broken.lex:5:25: weight \"heavy\"",   //
		"is a bad weight among them: true",    // errors.Is through the list
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
