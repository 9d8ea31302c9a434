// Package testutil holds the helpers that the module's tests share: where
// the module root and the shared material (../shared beside it) are, and
// golden files that `go test ./... -update` rewrites.
//
// It is imported by tests only. Importing it defines the -update flag, so a
// test package must not define its own.
package testutil

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Update reports whether the tests run with -update, for a golden file that
// Golden cannot handle.
func Update() bool { return *update }

// Root returns the module root: the nearest folder at or above the working
// directory that holds go.mod. TestMain functions, which have no
// testing.TB, use it; tests use [ModuleRoot].
func Root() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("testutil: go.mod not found above " + wd)
		}
	}
}

// ModuleRoot returns [Root], failing the test when there is none.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// SharedDir returns the shared material, ../shared beside the module root,
// and skips the test when ../shared/sub is absent (sub "" checks ../shared
// itself): tests that read it must pass without it.
func SharedDir(t testing.TB, sub string) string {
	t.Helper()
	shared := filepath.Join(ModuleRoot(t), "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, sub)); err != nil {
		t.Skipf("shared material absent: %v", err)
	}
	return shared
}

// Shared returns the shared material, ../shared beside the module root, or
// "" when it (or the module root) is absent, for code that falls back to
// other data rather than skipping.
func Shared() string {
	root, err := Root()
	if err != nil {
		return ""
	}
	shared := filepath.Join(root, "..", "shared")
	if fi, err := os.Stat(shared); err != nil || !fi.IsDir() {
		return ""
	}
	return shared
}

// Golden compares got with the file at path (relative to the test's working
// directory), or with -update writes got there, creating its folder. An
// absent file stands for empty output, so -update removes the file when got
// is empty, and a missing golden file fails as a difference from "".
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if len(got) == 0 {
			if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); if the change is intended, go test -update rewrites it:\n%s", path, diff)
	}
}
