package lexicon

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared next to the module root, or skips the test
// when ../shared/sub is absent.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, sub)); err != nil {
		t.Skipf("shared material absent: %v", err)
	}
	return shared
}

// sharedLexicon parses one of the shared lexicon files, skipping when
// absent.
func sharedLexicon(t *testing.T, rel string) *Lexicon {
	t.Helper()
	path := filepath.Join(sharedDir(t, "lexicons"), "lexicons", filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s absent: %v", rel, err)
	}
	l, err := ParseFile(path, FormatAuto)
	if err != nil {
		t.Fatalf("ParseFile(%s): %v", rel, err)
	}
	return l
}
