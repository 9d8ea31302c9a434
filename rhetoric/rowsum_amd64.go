//go:build !purego

package rhetoric

// addRows16 adds the weight rows of fs[:n] to z in order (see
// rowsum_amd64.s). The rows are 16 weights apart (Model.stride == 16) and
// each fs[i].h is a row of w: the caller checks both.
//
//go:noescape
func addRows16(z *[16]float64, w *float32, fs *feat, n int)

// haveAddRows16 says that addRows16 is an assembly kernel, not
// addRows16Go.
const haveAddRows16 = true
