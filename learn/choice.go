package learn

import "math"

// choice is a target model's training problem: an L2-regularised
// conditional logit (softmax over the candidates of each example) over
// binary sparse features. Example e's candidates are the rows
// x[start[e]:start[e+1]], gold[e] its gold row; w[0] is unused (a bias
// shared by all candidates cancels) and w[1+j] is the weight of feature j.
type choice struct {
	x      [][]int32
	start  []int
	gold   []int
	lambda float64
	z      []float64 // scratch: the scores of one example's candidates
}

// eval returns the objective at w and writes its gradient into g.
func (p *choice) eval(w, g []float64) float64 {
	clear(g)
	f := 0.0
	for e := range p.gold {
		lo, hi := p.start[e], p.start[e+1]
		z := p.z[:0]
		zmax := math.Inf(-1)
		for r := lo; r < hi; r++ {
			v := 0.0
			for _, j := range p.x[r] {
				v += w[1+j]
			}
			z = append(z, v)
			zmax = max(zmax, v)
		}
		sum := 0.0
		for _, v := range z {
			sum += math.Exp(v - zmax)
		}
		lse := zmax + math.Log(sum)
		f += lse - z[p.gold[e]-lo]
		for r := lo; r < hi; r++ {
			d := math.Exp(z[r-lo] - lse)
			if r == p.gold[e] {
				d--
			}
			for _, j := range p.x[r] {
				g[1+j] += d
			}
		}
		p.z = z
	}
	for j := 1; j < len(w); j++ {
		f += 0.5 * p.lambda * w[j] * w[j]
		g[j] += p.lambda * w[j]
	}
	return f
}
