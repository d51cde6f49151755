package math

import (
	gomath "math"

	rt "github.com/async2go/async2go/rtlib"
)

// vectorNorm is the Euclidean norm of the non-negative, finite values vec,
// whose largest is max (or, with foundNaN, NaN; with max infinite, max),
// computed as CPython 3.12's vector_norm (Modules/mathmodule.c) does for
// hypot and dist: scaled by a power of two so that max is in [0.5, 1),
// squared exactly (a product and its rounding error, by FMA), summed with
// the errors kept apart (Neumaier, starting from 1.0 so that the large
// part never loses bits), then the square root corrected by one Newton
// step in the same doubled precision. The results are CPython's, bit for
// bit (every step is an IEEE operation Go does the same way).
func vectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	if gomath.IsInf(max, 0) {
		return max
	}
	if foundNaN {
		return gomath.NaN()
	}
	if max == 0 || len(vec) <= 1 {
		return max
	}
	_, maxE := gomath.Frexp(max)
	if maxE < -1023 {
		// 2**-maxE would overflow: make the subnormals normal first.
		const dblMin = 0x1p-1022
		for i := range vec {
			vec[i] /= dblMin
		}
		return dblMin * vectorNorm(vec, max/dblMin, foundNaN)
	}
	scale := gomath.Ldexp(1, -maxE)
	csum, frac1, frac2 := 1.0, 0.0, 0.0
	for _, x := range vec {
		x *= scale
		hi, lo := exactProduct(x, x)
		s, e := fastTwoSum(csum, hi)
		csum = s
		frac1 += lo
		frac2 += e
	}
	h := gomath.Sqrt(csum - 1 + (frac1 + frac2))
	hi, lo := exactProduct(-h, h)
	s, e := fastTwoSum(csum, hi)
	csum = s
	frac1 += lo
	frac2 += e
	x := csum - 1 + (frac1 + frac2)
	h += x / (2 * h)
	return h / scale
}

// exactProduct is x*y rounded, and the rounding error: their sum is the
// exact product.
func exactProduct(x, y float64) (hi, lo float64) {
	hi = x * y
	return hi, gomath.FMA(x, y, -hi)
}

// fastTwoSum is a+b rounded and its rounding error, for |a| >= |b|.
func fastTwoSum(a, b float64) (hi, lo float64) {
	hi = a + b
	return hi, b - (hi - a)
}

// norm is vectorNorm of the absolute values vec, its largest and whether
// one is a NaN found first.
func norm(vec []float64) float64 {
	max, nan := 0.0, false
	for _, x := range vec {
		nan = nan || gomath.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return vectorNorm(vec, max, nan)
}

// hypot is math.hypot(*coordinates).
func hypot(args []rt.Object) (rt.Object, *rt.BaseException) {
	vec := make([]float64, len(args))
	for i, a := range args {
		x, exc := toFloat(a)
		if exc != nil {
			return nil, exc
		}
		vec[i] = gomath.Abs(x)
	}
	return rt.Float(norm(vec)), nil
}

// dist is math.dist(p, q): the norm of the differences of two points'
// coordinates, given as sequences of one length.
func dist(args []rt.Object) (rt.Object, *rt.BaseException) {
	p, exc := rt.Iterate(args[0])
	if exc != nil {
		return nil, exc
	}
	q, exc := rt.Iterate(args[1])
	if exc != nil {
		return nil, exc
	}
	if len(p) != len(q) {
		return nil, rt.Errorf(rt.ValueErrorType, "both points must have the same number of dimensions")
	}
	vec := make([]float64, len(p))
	for i := range p {
		px, qx, exc := twoFloats([]rt.Object{p[i], q[i]})
		if exc != nil {
			return nil, exc
		}
		vec[i] = gomath.Abs(px - qx)
	}
	return rt.Float(norm(vec)), nil
}
