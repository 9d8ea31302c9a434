package lexicon

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rhetorica/rhetorica/internal/testutil"
)

// sharedLexicon parses one of the shared lexicon files, skipping when
// absent.
func sharedLexicon(t *testing.T, rel string) *Lexicon {
	t.Helper()
	path := filepath.Join(testutil.SharedDir(t, "lexicons"), "lexicons", filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s absent: %v", rel, err)
	}
	l, err := ParseFile(path, FormatAuto)
	if err != nil {
		t.Fatalf("ParseFile(%s): %v", rel, err)
	}
	return l
}
