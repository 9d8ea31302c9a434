package rhetorica_test

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// maxTrackedBytes is the largest file the repository may track. Build
// outputs (a 7 MB binary of cmd/rhetorica was once committed by accident)
// and data dumps do not belong in it; the embedded lexicon and model are far
// smaller.
const maxTrackedBytes = 1 << 20

// TestNoLargeTrackedFiles fails when git tracks a file over maxTrackedBytes.
// It skips outside a git checkout (a source archive has no index to check).
func TestNoLargeTrackedFiles(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	out, err := exec.Command("git", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	files := bytes.Split(bytes.TrimRight(out, "\x00"), []byte{0})
	if len(files) == 0 || len(files[0]) == 0 {
		t.Skip("git tracks no files here")
	}
	for _, f := range files {
		fi, err := os.Lstat(string(f))
		if err != nil {
			continue // deleted in the work tree but not yet committed
		}
		if fi.Mode().IsRegular() && fi.Size() > maxTrackedBytes {
			t.Errorf("%s is tracked and holds %d bytes (limit %d): build outputs and large data do not belong in the repository", f, fi.Size(), maxTrackedBytes)
		}
	}
}

// TestEveryTestPackageTakesUpdate fails when a package in this module has
// tests but does not import internal/testutil, which defines the -update
// flag: go test ./... -update passes the flag to every test binary, and one
// that does not define it fails with "flag provided but not defined".
func TestEveryTestPackageTakesUpdate(t *testing.T) {
	const testutil = "github.com/rhetorica/rhetorica/internal/testutil"
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{len .TestGoFiles}} {{len .XTestGoFiles}} {{join .TestImports \",\"}},{{join .XTestImports \",\"}}", "./...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		f := bytes.Fields(line)
		if len(f) < 3 || string(f[0]) == testutil || (string(f[1]) == "0" && string(f[2]) == "0") {
			continue
		}
		imports := ""
		if len(f) > 3 {
			imports = "," + string(f[3]) + ","
		}
		if !bytes.Contains([]byte(imports), []byte(","+testutil+",")) {
			t.Errorf("%s has tests but does not import %s, so go test ./... -update fails there; add an update_flag_test.go", f[0], testutil)
		}
	}
}
