package math

import (
	gomath "math"

	rt "github.com/async2go/async2go/rtlib"
)

// addMore defines the functions whose results are exact (frexp, ldexp,
// modf, nextafter, ulp, remainder).
func addMore(m *rt.Module) {
	def := func(name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
		m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
	}
	// Of the other functions CPython takes from libm, none is here: Go's
	// Cbrt, Exp2, Acosh, Asinh, Erf and Erfc differ from glibc's in the
	// last bit for 1-50% of arguments (4,000 random ones against CPython
	// 3.12 on glibc 2.36), so they stay unsupported (the translator says
	// so) until they are ported. (atanh, which agreed on all, is math1's.)
	def("frexp", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		if exc != nil {
			return nil, exc
		}
		f, e := gomath.Frexp(x) // (x, 0) for zeros, infinities and NaN, as C's
		return rt.NewTuple(rt.Float(f), rt.Int(e)), nil
	})
	def("ldexp", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		if exc != nil {
			return nil, exc
		}
		var e int64
		switch v := args[1].(type) {
		case rt.Int:
			e = int64(v)
		case rt.Bool:
			if v {
				e = 1
			}
		case *rt.BigInt:
			e = gomath.MaxInt64
			if v.V.Sign() < 0 {
				e = gomath.MinInt64
			}
		default:
			return nil, rt.Errorf(rt.TypeErrorType, "Expected an int as second argument to ldexp.")
		}
		if x == 0 || gomath.IsInf(x, 0) || gomath.IsNaN(x) {
			return rt.Float(x), nil
		}
		if e > gomath.MaxInt32 {
			return nil, rangeError()
		}
		if e < gomath.MinInt32 {
			return rt.Float(gomath.Copysign(0, x)), nil
		}
		r := gomath.Ldexp(x, int(e))
		if gomath.IsInf(r, 0) {
			return nil, rangeError()
		}
		return rt.Float(r), nil
	})
	def("modf", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		if exc != nil {
			return nil, exc
		}
		if gomath.IsInf(x, 0) {
			return rt.NewTuple(rt.Float(gomath.Copysign(0, x)), rt.Float(x)), nil
		}
		i, f := gomath.Modf(x)
		return rt.NewTuple(rt.Float(f), rt.Float(i)), nil
	})
	def("remainder", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, y, exc := twoFloats(args)
		if exc != nil {
			return nil, exc
		}
		switch {
		case gomath.IsNaN(x):
			return rt.Float(x), nil
		case gomath.IsNaN(y):
			return rt.Float(y), nil
		case gomath.IsInf(x, 0) || y == 0:
			return nil, domain()
		case gomath.IsInf(y, 0):
			return rt.Float(x), nil
		}
		return rt.Float(gomath.Remainder(x, y)), nil
	})
	def("ulp", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		if exc != nil {
			return nil, exc
		}
		if gomath.IsNaN(x) {
			return rt.Float(x), nil
		}
		x = gomath.Abs(x)
		if gomath.IsInf(x, 0) {
			return rt.Float(x), nil
		}
		x2 := gomath.Nextafter(x, gomath.Inf(1))
		if gomath.IsInf(x2, 0) {
			return rt.Float(x - gomath.Nextafter(x, gomath.Inf(-1))), nil
		}
		return rt.Float(x2 - x), nil
	})
	def("nextafter", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, y, exc := twoFloats(args)
		if exc != nil {
			return nil, exc
		}
		steps := nextafterArgs.Arg(args, kw, 2)
		if steps == nil || steps == rt.None {
			if x == y {
				return rt.Float(y), nil // C's nextafter: y, the sign of zero included
			}
			return rt.Float(gomath.Nextafter(x, y)), nil
		}
		n := steps
		if _, ok := n.(rt.Bool); ok {
			n = rt.Int(0)
			if steps.(rt.Bool) {
				n = rt.Int(1)
			}
		}
		switch n.(type) {
		case rt.Int, *rt.BigInt:
		default:
			if _, ok := rt.LookupAttr(n.Type(), "__index__"); !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", n.Type().Name)
			}
			if n, exc = rt.CallMethod(n, "__index__", nil, nil); exc != nil {
				return nil, exc
			}
		}
		var us uint64
		switch v := n.(type) {
		case rt.Int:
			if v < 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "steps must be a non-negative integer")
			}
			us = uint64(v)
		case *rt.BigInt:
			if v.V.Sign() < 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "steps must be a non-negative integer")
			}
			us = gomath.MaxUint64
			if v.V.IsUint64() {
				us = v.V.Uint64()
			}
		}
		return rt.Float(nextafterSteps(x, y, us)), nil
	})
}

// nextafterSteps is x moved steps floats towards y, stopping at y, as
// CPython's math.nextafter(x, y, steps=…) counts them: on the floats'
// bit patterns, across zero in one step from -0.0 to 0.0's neighbour.
func nextafterSteps(x, y float64, steps uint64) float64 {
	if steps == 0 || gomath.IsNaN(x) {
		return x
	}
	if gomath.IsNaN(y) {
		return y
	}
	ux, uy := gomath.Float64bits(x), gomath.Float64bits(y)
	if ux == uy {
		return x
	}
	const sign = 1 << 63
	ax, ay := ux&^sign, uy&^sign
	switch {
	case (ux^uy)&sign != 0: // opposite signs
		if ax+ay <= steps {
			return y
		}
		if ax < steps {
			return gomath.Float64frombits(uy&sign | (steps - ax))
		}
		return gomath.Float64frombits(ux - steps)
	case ax > ay:
		if ax-ay >= steps {
			return gomath.Float64frombits(ux - steps)
		}
		return y
	default:
		if ay-ax >= steps {
			return gomath.Float64frombits(ux + steps)
		}
		return y
	}
}

var nextafterArgs = rt.ArgsClinic("nextafter", 2, 2, 2, "steps")

func rangeError() *rt.BaseException { return rt.Errorf(rt.OverflowErrorType, "math range error") }

// moreArgs are the argument checks of addMore's functions.
func moreArgs(specs map[string]*rt.ArgSpec) {
	for _, n := range []string{"frexp", "modf", "ulp"} {
		specs[n] = rt.ArgsOne("math." + n)
	}
	specs["ldexp"] = rt.ArgsPositional("ldexp", "math.ldexp", 2, 2)
	specs["remainder"] = rt.ArgsPositional("remainder", "math.remainder", 2, 2)
	specs["nextafter"] = nextafterArgs
}
