package learn

import "math"

// problem is one device's training problem: L2-regularised, class-weighted
// logistic regression over binary sparse features. w[0] is the bias (not
// regularised); w[1+j] the weight of feature j.
type problem struct {
	x      [][]int32 // features of each example, column ids
	y      []bool
	cost   []float64 // weight of each example's loss
	lambda float64
	nf     int
	scale  []float64 // per feature: its value when present (binary features scaled by group)
}

// objective is a differentiable function to minimise: eval returns its
// value at w and writes its gradient into g.
type objective interface {
	eval(w, g []float64) float64
}

// eval returns the objective at w and writes its gradient into g.
func (p *problem) eval(w, g []float64) float64 {
	clear(g)
	f := 0.0
	for i, xs := range p.x {
		z := w[0]
		for _, j := range xs {
			z += w[1+j] * p.scale[j]
		}
		// loss = log(1+exp(-s z)) with s = +1 for positives.
		var loss, d float64
		if p.y[i] {
			loss = softplus(-z)
			d = -sigmoid(-z) // dloss/dz
		} else {
			loss = softplus(z)
			d = sigmoid(z)
		}
		c := p.cost[i]
		f += c * loss
		d *= c
		g[0] += d
		for _, j := range xs {
			g[1+j] += d * p.scale[j]
		}
	}
	for j := 1; j < len(w); j++ {
		f += 0.5 * p.lambda * w[j] * w[j]
		g[j] += p.lambda * w[j]
	}
	return f
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	if z < -30 {
		return math.Exp(z)
	}
	return math.Log1p(math.Exp(z))
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// minimize runs L-BFGS (memory m) with a backtracking Armijo line search
// from w (updated in place) for at most iters iterations, stopping when the
// objective's relative decrease falls below tol. It is deterministic.
func minimize(p objective, w []float64, iters int, tol float64) {
	const m = 8
	n := len(w)
	g := make([]float64, n)
	f := p.eval(w, g)
	s := make([][]float64, 0, m)
	yv := make([][]float64, 0, m)
	rho := make([]float64, 0, m)
	alpha := make([]float64, m)
	dir := make([]float64, n)
	wn := make([]float64, n)
	gn := make([]float64, n)
	for it := 0; it < iters; it++ {
		// Two-loop recursion: dir = -H g.
		copy(dir, g)
		for k := len(s) - 1; k >= 0; k-- {
			alpha[k] = rho[k] * dot(s[k], dir)
			axpy(-alpha[k], yv[k], dir)
		}
		if k := len(s) - 1; k >= 0 {
			scale(dot(s[k], yv[k])/dot(yv[k], yv[k]), dir)
		} else {
			gn := math.Sqrt(dot(g, g))
			if gn == 0 {
				return
			}
			scale(1/gn, dir)
		}
		for k := range s {
			b := rho[k] * dot(yv[k], dir)
			axpy(alpha[k]-b, s[k], dir)
		}
		scale(-1, dir)
		gd := dot(g, dir)
		if gd >= 0 { // not a descent direction: restart from the gradient
			s, yv, rho = s[:0], yv[:0], rho[:0]
			copy(dir, g)
			scale(-1/math.Max(1e-12, math.Sqrt(dot(g, g))), dir)
			gd = dot(g, dir)
		}
		step := 1.0
		var fn float64
		ok := false
		for range 30 {
			for j := range w {
				wn[j] = w[j] + step*dir[j]
			}
			fn = p.eval(wn, gn)
			if fn <= f+1e-4*step*gd {
				ok = true
				break
			}
			step *= 0.5
		}
		if !ok {
			return
		}
		// Update memory.
		var sk, yk []float64
		if len(s) == m {
			sk, yk = s[0], yv[0]
			s, yv, rho = s[1:], yv[1:], rho[1:]
		} else {
			sk, yk = make([]float64, n), make([]float64, n)
		}
		for j := range w {
			sk[j] = wn[j] - w[j]
			yk[j] = gn[j] - g[j]
		}
		if sy := dot(sk, yk); sy > 1e-12 {
			s, yv, rho = append(s, sk), append(yv, yk), append(rho, 1/sy)
		}
		copy(w, wn)
		copy(g, gn)
		done := (f - fn) <= tol*math.Max(1, math.Abs(f))
		f = fn
		if done {
			return
		}
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func axpy(a float64, x, y []float64) {
	for i := range x {
		y[i] += a * x[i]
	}
}

func scale(a float64, x []float64) {
	for i := range x {
		x[i] *= a
	}
}
