package rhetoric

// addRows16Go adds to z, for each feature of fs in order, the 16 weights
// of its row of w (16 weights a row): the portable form of addRows16,
// which the tests compare it with bit for bit.
func addRows16Go(z *[16]float64, w []float32, fs []feat) {
	for _, f := range fs {
		row := (*[16]float32)(w[int(f.h)*16:])
		for d := range z {
			z[d] += float64(row[d])
		}
	}
}

// maxRow returns the largest row of fs, 0 for none.
func maxRow(fs []feat) int {
	r := 0
	for _, f := range fs {
		r = max(r, int(f.h))
	}
	return r
}
