// Package statistics is the part of Python's statistics module that
// programs use to summarize measurements: mean, fmean, median,
// median_low, median_high, mode, multimode, variance, pvariance, stdev
// and pstdev, computed as CPython 3.12's Lib/statistics.py computes them
// (exact rational sums, the result converted to int or float as the data's
// types say, a correctly rounded square root), with its errors. The data
// are ints, bools and floats (the runtime has no Fraction or Decimal).
package statistics

import (
	"math"
	"math/big"

	rt "github.com/async2go/async2go/rtlib"
)

// StatisticsErrorType is statistics.StatisticsError.
var StatisticsErrorType = rt.NewClass("StatisticsError", "statistics", rt.ValueErrorType)

func init() {
	rt.RegisterModule("statistics", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("statistics")
		m.Dict.SetStr("StatisticsError", StatisticsErrorType)
		def := func(name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
		}
		def("mean", mean)
		def("fmean", fmean)
		def("median", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return median(args[0], 0) })
		def("median_low", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return median(args[0], -1) })
		def("median_high", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return median(args[0], 1) })
		def("mode", mode)
		def("multimode", multimode)
		for _, v := range []struct {
			name    string
			pop     bool
			sqrt    bool
			argName string
		}{{"variance", false, false, "xbar"}, {"pvariance", true, false, "mu"}, {"stdev", false, true, "xbar"}, {"pstdev", true, true, "mu"}} {
			v := v
			spec := rt.ArgsPython(v.name, 1, "data", v.argName)
			def(v.name, func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return spread(v.name, spec.Arg(args, kw, 0), spec.Arg(args, kw, 1), v.pop, v.sqrt)
			})
		}
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"mean":        rt.ArgsPython("mean", 1, "data"),
			"fmean":       fmeanArgs,
			"median":      rt.ArgsPython("median", 1, "data"),
			"median_low":  rt.ArgsPython("median_low", 1, "data"),
			"median_high": rt.ArgsPython("median_high", 1, "data"),
			"mode":        rt.ArgsPython("mode", 1, "data"),
			"multimode":   rt.ArgsPython("multimode", 1, "data"),
			"variance":    rt.ArgsPython("variance", 1, "data", "xbar"),
			"pvariance":   rt.ArgsPython("pvariance", 1, "data", "mu"),
			"stdev":       rt.ArgsPython("stdev", 1, "data", "xbar"),
			"pstdev":      rt.ArgsPython("pstdev", 1, "data", "mu"),
		})
		return m, nil
	})
}

var fmeanArgs = rt.ArgsPython("fmean", 1, "data", "weights")

func statsError(msg string) *rt.BaseException { return rt.Errorf(StatisticsErrorType, "%s", msg) }

// ratio is _exact_ratio(x): x as an exact fraction, or special set for a
// float that is not finite (NaN, ±inf), which no fraction holds.
func ratio(x rt.Object) (r *big.Rat, special float64, isSpecial bool, isFloat bool, exc *rt.BaseException) {
	switch v := x.(type) {
	case rt.Bool:
		if v {
			return big.NewRat(1, 1), 0, false, false, nil
		}
		return new(big.Rat), 0, false, false, nil
	case rt.Int:
		return new(big.Rat).SetInt64(int64(v)), 0, false, false, nil
	case *rt.BigInt:
		return new(big.Rat).SetInt(v.V), 0, false, false, nil
	case rt.Float:
		f := float64(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, f, true, true, nil
		}
		return new(big.Rat).SetFloat64(f), 0, false, true, nil
	}
	return nil, 0, false, false, rt.Errorf(rt.TypeErrorType, "can't convert type '%s' to numerator/denominator", x.Type().Name)
}

// sum is _sum(data): the exact total (or the sum of the non-finite
// values, if any), the count, and whether the result type is float.
type sum struct {
	total      *big.Rat
	special    float64
	hasSpecial bool
	n          int
	isFloat    bool
}

func exactSum(items []rt.Object) (sum, *rt.BaseException) {
	s := sum{total: new(big.Rat)}
	for _, x := range items {
		r, sp, isSp, isF, exc := ratio(x)
		if exc != nil {
			return s, exc
		}
		s.n++
		s.isFloat = s.isFloat || isF
		if isSp {
			if s.hasSpecial {
				s.special += sp
			} else {
				s.special, s.hasSpecial = sp, true
			}
			continue
		}
		s.total.Add(s.total, r)
	}
	return s, nil
}

// convert is _convert(value, T): an int when T is int and value is
// whole, else a float (correctly rounded).
func convert(v *big.Rat, isFloat bool) rt.Object {
	if !isFloat && v.IsInt() {
		return rt.IntFromBig(new(big.Int).Set(v.Num()))
	}
	f, _ := v.Float64()
	return rt.Float(f)
}

func mean(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	items, exc := rt.Iterate(args[0])
	if exc != nil {
		return nil, exc
	}
	s, exc := exactSum(items)
	if exc != nil {
		return nil, exc
	}
	if s.n < 1 {
		return nil, statsError("mean requires at least one data point")
	}
	if s.hasSpecial {
		return rt.Float(s.special / float64(s.n)), nil
	}
	return convert(new(big.Rat).Quo(s.total, big.NewRat(int64(s.n), 1)), s.isFloat), nil
}

// fmean is fmean(data) without weights: fsum(data) / n.
func fmean(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	if w := fmeanArgs.Arg(args, kw, 1); w != nil && w != rt.None {
		return nil, rt.Errorf(rt.NotImplementedType, "statistics.fmean(weights=...) is not supported by async2go")
	}
	items, exc := rt.Iterate(fmeanArgs.Arg(args, kw, 0))
	if exc != nil {
		return nil, exc
	}
	total := new(big.Rat)
	special, hasSpecial := 0.0, false
	for _, x := range items {
		f, ok := rt.AsFloat(x)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "must be real number, not %s", x.Type().Name)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			special, hasSpecial = special+f, true
			continue
		}
		total.Add(total, new(big.Rat).SetFloat64(f))
	}
	if len(items) == 0 {
		return nil, statsError("fmean requires at least one data point")
	}
	t, _ := total.Float64()
	if hasSpecial {
		t = special
	}
	return rt.Float(t / float64(len(items))), nil
}

// median is median (which 0), median_low (-1) or median_high (1).
func median(data rt.Object, which int) (rt.Object, *rt.BaseException) {
	sorted, exc := rt.Call(rt.MustBuiltin("sorted"), []rt.Object{data}, nil)
	if exc != nil {
		return nil, exc
	}
	items := sorted.(*rt.List).Items
	n := len(items)
	if n == 0 {
		return nil, statsError("no median for empty data")
	}
	i := n / 2
	if n%2 == 1 {
		return items[i], nil
	}
	switch which {
	case -1:
		return items[i-1], nil
	case 1:
		return items[i], nil
	}
	s, exc := rt.Add(items[i-1], items[i])
	if exc != nil {
		return nil, exc
	}
	return rt.TrueDiv(s, rt.Int(2))
}

// counts is Counter(data): the distinct values in first-seen order, with
// their counts.
func counts(data rt.Object) ([]rt.Object, []int, *rt.BaseException) {
	items, exc := rt.Iterate(data)
	if exc != nil {
		return nil, nil, exc
	}
	index := rt.NewDict()
	var keys []rt.Object
	var ns []int
	for _, x := range items {
		v, ok, exc := index.GetItem(x)
		if exc != nil {
			return nil, nil, exc
		}
		if ok {
			ns[int(v.(rt.Int))]++
			continue
		}
		if exc := index.SetItem(x, rt.Int(len(keys))); exc != nil {
			return nil, nil, exc
		}
		keys, ns = append(keys, x), append(ns, 1)
	}
	return keys, ns, nil
}

func mode(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	keys, ns, exc := counts(args[0])
	if exc != nil {
		return nil, exc
	}
	if len(keys) == 0 {
		return nil, statsError("no mode for empty data")
	}
	best := 0
	for i, n := range ns {
		if n > ns[best] {
			best = i
		}
	}
	return keys[best], nil
}

func multimode(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	keys, ns, exc := counts(args[0])
	if exc != nil {
		return nil, exc
	}
	most := 0
	for _, n := range ns {
		most = max(most, n)
	}
	var out []rt.Object
	for i, n := range ns {
		if n == most {
			out = append(out, keys[i])
		}
	}
	return rt.NewList(out...), nil
}

// spread is variance, pvariance, stdev or pstdev (pop: divide by n, not
// n - 1; sqrt: the standard deviation), from _ss's exact sum of squares.
func spread(name string, data, center rt.Object, pop, sqrt bool) (rt.Object, *rt.BaseException) {
	items, exc := rt.Iterate(data)
	if exc != nil {
		return nil, exc
	}
	var ss *big.Rat
	special, hasSpecial, isFloat := 0.0, false, false
	n := len(items)
	if center != nil && center != rt.None {
		// _sum((x - c)**2 for x in data)
		sq := make([]rt.Object, n)
		for i, x := range items {
			d, exc := rt.Sub(x, center)
			if exc != nil {
				return nil, exc
			}
			if sq[i], exc = rt.Mul(d, d); exc != nil {
				return nil, exc
			}
		}
		s, exc := exactSum(sq)
		if exc != nil {
			return nil, exc
		}
		ss, special, hasSpecial, isFloat = s.total, s.special, s.hasSpecial, s.isFloat
	} else {
		sx, sxx := new(big.Rat), new(big.Rat)
		for _, x := range items {
			r, sp, isSp, isF, exc := ratio(x)
			if exc != nil {
				return nil, exc
			}
			isFloat = isFloat || isF
			if isSp {
				special, hasSpecial = special+sp, true
				continue
			}
			sx.Add(sx, r)
			sxx.Add(sxx, new(big.Rat).Mul(r, r))
		}
		if n > 0 && !hasSpecial {
			cnt := big.NewRat(int64(n), 1)
			ss = new(big.Rat).Mul(cnt, sxx)
			ss.Sub(ss, new(big.Rat).Mul(sx, sx))
			ss.Quo(ss, cnt)
		} else {
			ss = new(big.Rat)
		}
	}
	need, what := 2, "two data points"
	if pop {
		need, what = 1, "one data point"
	}
	if n < need {
		return nil, statsError(name + " requires at least " + what)
	}
	div := int64(n - 1)
	if pop {
		div = int64(n)
	}
	if hasSpecial {
		if sqrt {
			// CPython's ss is then a float, which has no numerator.
			return nil, rt.Errorf(rt.AttributeErrorType, "'float' object has no attribute 'numerator'")
		}
		return rt.Float(special / float64(div)), nil
	}
	mss := new(big.Rat).Quo(ss, big.NewRat(div, 1))
	if !sqrt {
		return convert(mss, isFloat), nil
	}
	return rt.Float(sqrtOfFrac(mss.Num(), mss.Denom())), nil
}

// sqrtBitWidth is _sqrt_bit_width: 2 * 53 + 3.
const sqrtBitWidth = 2*53 + 3

// sqrtOfFrac is _float_sqrt_of_frac(n, m): the square root of n/m,
// correctly rounded, through a round-to-odd integer square root.
func sqrtOfFrac(n, m *big.Int) float64 {
	q := floorDiv(n.BitLen()-m.BitLen()-sqrtBitWidth, 2)
	var num, den *big.Int
	if q >= 0 {
		num = new(big.Int).Lsh(isqrtRTO(n, new(big.Int).Lsh(m, uint(2*q))), uint(q))
		den = big.NewInt(1)
	} else {
		num = isqrtRTO(new(big.Int).Lsh(n, uint(-2*q)), m)
		den = new(big.Int).Lsh(big.NewInt(1), uint(-q))
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// isqrtRTO is _integer_sqrt_of_frac_rto(n, m): isqrt(n // m), its low bit
// set when the root is not exact.
func isqrtRTO(n, m *big.Int) *big.Int {
	a := new(big.Int).Sqrt(new(big.Int).Quo(n, m))
	check := new(big.Int).Mul(a, a)
	check.Mul(check, m)
	if check.Cmp(n) != 0 {
		a.SetBit(a, 0, 1)
	}
	return a
}
