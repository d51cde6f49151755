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

func domain() *rt.BaseException { return rt.Errorf(rt.ValueErrorType, "math domain error") }

func init() {
	rt.RegisterModule("math", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("math")
		m.Dict.SetStr("pi", rt.Float(gomath.Pi))
		m.Dict.SetStr("e", rt.Float(gomath.E))
		m.Dict.SetStr("tau", rt.Float(2*gomath.Pi))
		m.Dict.SetStr("inf", rt.Float(gomath.Inf(1)))
		m.Dict.SetStr("nan", rt.Float(gomath.NaN()))
		unary := func(name string, fn func(float64) (float64, bool)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				if len(args) != 1 {
					return nil, rt.Errorf(rt.TypeErrorType, "math.%s() takes exactly one argument (%d given)", name, len(args))
				}
				x, exc := toFloat(args[0])
				if exc != nil {
					return nil, exc
				}
				r, ok := fn(x)
				if !ok {
					return nil, domain()
				}
				return rt.Float(r), nil
			}})
		}
		unary("sqrt", func(x float64) (float64, bool) { return gomath.Sqrt(x), x >= 0 || gomath.IsNaN(x) })
		unary("exp", func(x float64) (float64, bool) { return gomath.Exp(x), true })
		unary("sin", func(x float64) (float64, bool) { return gomath.Sin(x), !gomath.IsInf(x, 0) })
		unary("cos", func(x float64) (float64, bool) { return gomath.Cos(x), !gomath.IsInf(x, 0) })
		unary("tan", func(x float64) (float64, bool) { return gomath.Tan(x), !gomath.IsInf(x, 0) })
		unary("atan", func(x float64) (float64, bool) { return gomath.Atan(x), true })
		unary("fabs", func(x float64) (float64, bool) { return gomath.Abs(x), true })
		unary("log10", func(x float64) (float64, bool) { return gomath.Log10(x), x > 0 })
		unary("log2", func(x float64) (float64, bool) { return gomath.Log2(x), x > 0 })
		unary("radians", func(x float64) (float64, bool) { return x * gomath.Pi / 180, true })
		unary("degrees", func(x float64) (float64, bool) { return x * 180 / gomath.Pi, true })
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
		"asin", "acos", "sinh", "cosh", "tanh", "log1p", "expm1"} {
		specs[n] = rt.ArgsOne("math." + n)
	}
	moreArgs(specs)
	return specs
}

var iscloseArgs = rt.ArgsClinic("isclose", 0, 2, 2, "a", "b", "rel_tol", "abs_tol")
