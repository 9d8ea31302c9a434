package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhetorica/rhetorica/examples/internal/exampleio"
	"github.com/rhetorica/rhetorica/internal/testutil"
)

func TestRunSamples(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, config{dir: "testdata/osce", top: 3}); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, filepath.Join("testdata", "samples.golden"), out.Bytes())
}

func TestRunUNGDC(t *testing.T) {
	if _, err := exampleio.FindDir(ungdc); err != nil {
		t.Skip("../shared/corpus/ungdc is absent")
	}
	if testing.Short() {
		t.Skip("reads 27 MB of speeches")
	}
	var out bytes.Buffer
	if err := run(context.Background(), &out, config{groups: "RUS,USA,UKR", top: 3}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"2132 statements", "grouped by country", "RUS (11 statements", "UKR (11 statements"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "CHN (") {
		t.Errorf("printed a group that was not asked for:\n%s", got)
	}
}

func TestRunUnknownGroups(t *testing.T) {
	if _, err := exampleio.FindDir(ungdc); err != nil {
		t.Skip("../shared/corpus/ungdc is absent")
	}
	if testing.Short() {
		t.Skip("reads 27 MB of speeches")
	}
	if err := run(context.Background(), &bytes.Buffer{}, config{groups: "XXX", top: 3}); err == nil {
		t.Fatal("want an error when no asked-for group exists")
	}
}
