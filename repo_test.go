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
