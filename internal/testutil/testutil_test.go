package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatal(a ...any)            { r.errs = append(r.errs, fmt.Sprint(a...)) }

func TestRoot(t *testing.T) {
	root := ModuleRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !strings.HasPrefix(string(data), "module github.com/rhetorica/rhetorica\n") {
		t.Errorf("ModuleRoot = %s: go.mod %q, %v", root, data, err)
	}
	if s := Shared(); s != "" && filepath.Dir(s) != filepath.Dir(root) {
		t.Errorf("Shared() = %s, not beside %s", s, root)
	}
}

func TestGolden(t *testing.T) {
	defer func(u bool) { *update = u }(*update)
	path := filepath.Join(t.TempDir(), "sub", "out.golden")
	check := func(step string, got string, wantFail bool) {
		t.Helper()
		r := &recorder{TB: t}
		Golden(r, path, []byte(got))
		if failed := len(r.errs) > 0; failed != wantFail {
			t.Errorf("%s: Golden(%q) failures %q, want failure %v", step, got, r.errs, wantFail)
		}
	}
	*update = false
	check("absent file is empty output", "", false)
	check("absent file differs from output", "x", true)
	*update = true
	check("update writes the file and its folder", "report\n", false)
	*update = false
	check("same output", "report\n", false)
	check("other output", "report!\n", true)
	*update = true
	check("update with empty output removes the file", "", false)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("after -update with empty output the file is still there: %v", err)
	}
}
