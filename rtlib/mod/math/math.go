// Package math is Python's math module for translated programs.
package math

import (
	gomath "math"
	"math/big"

	rt "github.com/async2go/async2go/rtlib"
)

func toFloat(o rt.Object) (float64, *rt.BaseException) {
	switch v := o.(type) {
	case rt.Float:
		return float64(v), nil
	case rt.Int:
		return float64(v), nil
	case rt.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case *rt.BigInt:
		f, _ := new(big.Float).SetInt(v.V).Float64()
		return f, nil
	}
	return 0, rt.Errorf(rt.TypeErrorType, "must be real number, not %s", o.Type().Name)
}

// twoFloats reads the two float arguments of a function of two.
func twoFloats(args []rt.Object) (x, y float64, exc *rt.BaseException) {
	if x, exc = toFloat(args[0]); exc != nil {
		return 0, 0, exc
	}
	y, exc = toFloat(args[1])
	return x, y, exc
}

// sinh and cosh are fdlibm's (glibc's, CPython's) past |x| = 22: half
// of exp(|x|), and past log(MaxFloat64), where that overflows, the square
// of exp(|x|/2) halved, finite up to |x| ≈ 710.4758. (Go's overflow from
// |x| ≈ 709.44 on, with its amd64 Exp.)
// logMaxFloat is log(MaxFloat64), past which exp overflows.
const logMaxFloat = 709.782712893384

// exp is Go's Exp, but for x in (709, log(MaxFloat64)], where the amd64
// assembly Exp returns +Inf from about 709.44 on (CPython's exp(709.5)
// is 1.3549863193146328e+308): there it is 2**k * Exp(r), x = k*ln2 + r
// with |r| <= ln2/2 reduced in two parts as Go's pure exp does, so that r
// carries no error worth an ulp.
func exp(x float64) float64 {
	if x > 709 && x <= logMaxFloat {
		const ln2Hi, ln2Lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
		k := gomath.Round(x / gomath.Ln2)
		r := (x - k*ln2Hi) - k*ln2Lo
		return gomath.Ldexp(gomath.Exp(r), int(k))
	}
	return gomath.Exp(x)
}

func sinh(x float64) float64 {
	if a := gomath.Abs(x); a > logMaxFloat && !gomath.IsInf(a, 0) {
		w := gomath.Exp(0.5 * a)
		return gomath.Copysign(0.5, x) * w * w
	}
	if a := gomath.Abs(x); a > 22 {
		return gomath.Copysign(0.5*exp(a), x) // fdlibm's h*exp(|x|), exp past Go's amd64 limit
	}
	return gomath.Sinh(x)
}

func cosh(x float64) float64 {
	if a := gomath.Abs(x); a > logMaxFloat && !gomath.IsInf(a, 0) {
		w := gomath.Exp(0.5 * a)
		return 0.5 * w * w
	}
	if a := gomath.Abs(x); a > 22 {
		return 0.5 * exp(a)
	}
	return gomath.Cosh(x)
}

// math1 defines name as CPython's math_1 computes it with fn: a NaN from
// a number is a domain error, and an infinity from a finite number an
// overflow (canOverflow: "math range error") or a domain error.
func math1(m *rt.Module, name string, fn func(float64) float64, canOverflow bool) {
	m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		if exc != nil {
			return nil, exc
		}
		r := fn(x)
		switch {
		case gomath.IsNaN(r) && !gomath.IsNaN(x):
			return nil, domain()
		case gomath.IsInf(r, 0) && !gomath.IsInf(x, 0) && !gomath.IsNaN(x):
			if canOverflow {
				return nil, rangeError()
			}
			return nil, domain()
		}
		return rt.Float(r), nil
	}})
}

func domain() *rt.BaseException { return rt.Errorf(rt.ValueErrorType, "math domain error") }

func init() {
	rt.RegisterModule("math", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("math")
		m.Dict.SetStr("pi", rt.Float(gomath.Pi))
		m.Dict.SetStr("e", rt.Float(gomath.E))
		m.Dict.SetStr("tau", rt.Float(2*gomath.Pi))
		m.Dict.SetStr("inf", rt.Float(gomath.Inf(1)))
		m.Dict.SetStr("nan", rt.Float(gomath.NaN()))
		// The functions CPython computes with math_1, and whether a
		// finite argument's infinite result is an overflow there.
		for _, f := range []struct {
			name     string
			fn       func(float64) float64
			overflow bool
		}{
			{"sqrt", gomath.Sqrt, false}, {"exp", exp, true}, {"sin", gomath.Sin, false},
			{"cos", gomath.Cos, false}, {"tan", gomath.Tan, false}, {"atan", gomath.Atan, false},
			{"fabs", gomath.Abs, false}, {"log10", gomath.Log10, false}, {"log2", gomath.Log2, false},
			{"asin", gomath.Asin, false}, {"acos", gomath.Acos, false}, {"sinh", sinh, true},
			{"cosh", cosh, true}, {"tanh", gomath.Tanh, false}, {"log1p", gomath.Log1p, false},
			{"expm1", gomath.Expm1, true}, {"atanh", gomath.Atanh, false},
		} {
			math1(m, f.name, f.fn, f.overflow)
		}
		def := func(name string, fn func(args []rt.Object) (rt.Object, *rt.BaseException)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return fn(args) }})
		}
		def("log", func(args []rt.Object) (rt.Object, *rt.BaseException) {
			x, exc := toFloat(args[0])
			if exc != nil {
				return nil, exc
			}
			if x <= 0 {
				return nil, domain()
			}
			r := gomath.Log(x)
			if len(args) > 1 {
				b, exc := toFloat(args[1])
				if exc != nil {
					return nil, exc
				}
				if b <= 0 {
					return nil, domain()
				}
				den := gomath.Log(b)
				if den == 0 {
					return nil, rt.Errorf(rt.ZeroDivisionErrorType, "float division by zero")
				}
				r /= den
			}
			return rt.Float(r), nil
		})
		rounding := func(name string, fn func(float64) float64) {
			def(name, func(args []rt.Object) (rt.Object, *rt.BaseException) {
				switch v := args[0].(type) {
				case rt.Int, *rt.BigInt:
					return v, nil
				}
				x, exc := toFloat(args[0])
				if exc != nil {
					return nil, exc
				}
				if gomath.IsInf(x, 0) {
					return nil, rt.Errorf(rt.OverflowErrorType, "cannot convert float infinity to integer")
				}
				if gomath.IsNaN(x) {
					return nil, rt.Errorf(rt.ValueErrorType, "cannot convert float NaN to integer")
				}
				b, _ := new(big.Float).SetFloat64(fn(x)).Int(nil)
				return rt.BigIntFromString(b.String()), nil
			})
		}
		rounding("floor", gomath.Floor)
		rounding("ceil", gomath.Ceil)
		rounding("trunc", gomath.Trunc)
		m.Dict.SetStr("isclose", &rt.Builtin{Name: "isclose", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			// math_isclose_impl; isclose's spec (mathArgs) has checked the
			// arguments.
			var v [4]float64
			v[2] = 1e-09
			for i := range v {
				if x := iscloseArgs.Arg(args, kw, i); x != nil {
					f, exc := toFloat(x)
					if exc != nil {
						return nil, exc
					}
					v[i] = f
				}
			}
			a, b, relTol, absTol := v[0], v[1], v[2], v[3]
			if relTol < 0 || absTol < 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "tolerances must be non-negative")
			}
			if a == b {
				return rt.Bool(true), nil
			}
			if gomath.IsInf(a, 0) || gomath.IsInf(b, 0) {
				return rt.Bool(false), nil
			}
			d := gomath.Abs(b - a)
			return rt.Bool(d <= gomath.Abs(relTol*b) || d <= gomath.Abs(relTol*a) || d <= absTol), nil
		}})
		def("isnan", func(args []rt.Object) (rt.Object, *rt.BaseException) {
			x, exc := toFloat(args[0])
			return rt.Bool(gomath.IsNaN(x)), exc
		})
		def("isinf", func(args []rt.Object) (rt.Object, *rt.BaseException) {
			x, exc := toFloat(args[0])
			return rt.Bool(gomath.IsInf(x, 0)), exc
		})
		def("gcd", func(args []rt.Object) (rt.Object, *rt.BaseException) {
			g := new(big.Int)
			for _, a := range args {
				s, exc := rt.Repr(a)
				if exc != nil {
					return nil, exc
				}
				v, ok := new(big.Int).SetString(string(s), 10)
				if !ok {
					return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", a.Type().Name)
				}
				g.GCD(nil, nil, g.Abs(g), v.Abs(v))
			}
			return rt.BigIntFromString(g.String()), nil
		})
		def("hypot", hypot)
		def("dist", dist)
		addExtras(m)
		addMore(m)
		rt.ApplyArgs(m.Dict, mathArgs())
		return m, nil
	})
}

// mathArgs are the argument checks of math's functions, in CPython's words.
func mathArgs() map[string]*rt.ArgSpec {
	specs := map[string]*rt.ArgSpec{
		"log":      rt.ArgsPositional("log", "math.log", 1, 2),
		"comb":     rt.ArgsPositional("comb", "math.comb", 2, 2),
		"perm":     rt.ArgsPositional("perm", "math.perm", 1, 2),
		"isclose":  iscloseArgs,
		"prod":     rt.ArgsClinic("prod", 1, 1, 1, "start"),
		"gcd":      rt.ArgsPositional("gcd", "math.gcd", 0, -1),
		"lcm":      rt.ArgsPositional("lcm", "math.lcm", 0, -1),
		"hypot":    rt.ArgsPositional("hypot", "math.hypot", 0, -1),
		"dist":     rt.ArgsPositional("dist", "math.dist", 2, 2),
		"atan2":    rt.ArgsPositional("atan2", "math.atan2", 2, 2),
		"copysign": rt.ArgsPositional("copysign", "math.copysign", 2, 2),
		"fmod":     rt.ArgsPositional("fmod", "math.fmod", 2, 2),
		"pow":      rt.ArgsPositional("pow", "math.pow", 2, 2),
	}
	for _, n := range []string{"ceil", "floor", "trunc", "fsum", "isfinite", "isinf", "isnan", "isqrt", "factorial",
		"sqrt", "exp", "sin", "cos", "tan", "atan", "fabs", "log10", "log2", "radians", "degrees",
		"asin", "acos", "sinh", "cosh", "tanh", "log1p", "expm1", "atanh"} {
		specs[n] = rt.ArgsOne("math." + n)
	}
	moreArgs(specs)
	return specs
}

var iscloseArgs = rt.ArgsClinic("isclose", 0, 2, 2, "a", "b", "rel_tol", "abs_tol")
