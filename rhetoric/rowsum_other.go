//go:build !amd64 || purego

package rhetoric

import "unsafe"

// addRows16 is addRows16Go where there is no assembly kernel.
func addRows16(z *[16]float64, w *float32, fs *feat, n int) {
	addRows16Go(z, unsafe.Slice(w, (maxRow(unsafe.Slice(fs, n))+1)*16), unsafe.Slice(fs, n))
}

// haveAddRows16 says that addRows16 is an assembly kernel, not
// addRows16Go.
const haveAddRows16 = false
