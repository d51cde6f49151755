package math

import (
	gomath "math"
	"math/big"

	rt "github.com/async2go/async2go/rtlib"
)

// toBig reads an int argument of a math function.
func toBig(fn string, a rt.Object) (*big.Int, *rt.BaseException) {
	switch a.(type) {
	case rt.Int, rt.Bool, *rt.BigInt:
	default:
		return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", a.Type().Name)
	}
	s, exc := rt.Repr(a)
	if exc != nil {
		return nil, exc
	}
	if s == "True" {
		s = "1"
	} else if s == "False" {
		s = "0"
	}
	v, _ := new(big.Int).SetString(string(s), 10)
	return v, nil
}

func bigResult(v *big.Int) rt.Object { return rt.BigIntFromString(v.String()) }

// addExtras defines the integer and the less common float functions.
func addExtras(m *rt.Module) {
	def := func(name string, fn func(args []rt.Object) (rt.Object, *rt.BaseException)) {
		m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return fn(args) }})
	}
	def("factorial", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		if len(args) != 1 {
			return nil, rt.Errorf(rt.TypeErrorType, "math.factorial() takes exactly one argument (%d given)", len(args))
		}
		n, exc := toBig("factorial", args[0])
		if exc != nil {
			return nil, exc
		}
		if n.Sign() < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "factorial() not defined for negative values")
		}
		return bigResult(new(big.Int).MulRange(1, n.Int64())), nil
	})
	def("isqrt", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		n, exc := toBig("isqrt", args[0])
		if exc != nil {
			return nil, exc
		}
		if n.Sign() < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "isqrt() argument must be nonnegative")
		}
		return bigResult(new(big.Int).Sqrt(n)), nil
	})
	def("comb", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		n, exc := toBig("comb", args[0])
		if exc != nil {
			return nil, exc
		}
		k, exc := toBig("comb", args[1])
		if exc != nil {
			return nil, exc
		}
		if n.Sign() < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "n must be a non-negative integer")
		}
		if k.Sign() < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "k must be a non-negative integer")
		}
		if k.Cmp(n) > 0 {
			return rt.Int(0), nil
		}
		return bigResult(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
	})
	def("perm", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		n, exc := toBig("perm", args[0])
		if exc != nil {
			return nil, exc
		}
		k := n
		if len(args) > 1 && args[1] != rt.None {
			if k, exc = toBig("perm", args[1]); exc != nil {
				return nil, exc
			}
		}
		if n.Sign() < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "n must be a non-negative integer")
		}
		if k.Sign() < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "k must be a non-negative integer")
		}
		if k.Cmp(n) > 0 {
			return rt.Int(0), nil
		}
		if k.Sign() == 0 {
			return rt.Int(1), nil
		}
		return bigResult(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
	})
	def("lcm", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		l := big.NewInt(1)
		if len(args) == 0 {
			return rt.Int(1), nil
		}
		for _, a := range args {
			v, exc := toBig("lcm", a)
			if exc != nil {
				return nil, exc
			}
			v.Abs(v)
			if v.Sign() == 0 {
				return rt.Int(0), nil
			}
			g := new(big.Int).GCD(nil, nil, l, v)
			l.Mul(l, v.Div(v, g))
		}
		return bigResult(l), nil
	})
	m.Dict.SetStr("prod", &rt.Builtin{Name: "prod", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		var acc rt.Object = rt.Int(1)
		for _, k := range kw {
			if k.Name == "start" {
				acc = k.Value
			}
		}
		items, exc := rt.Iterate(args[0])
		if exc != nil {
			return nil, exc
		}
		for _, it := range items {
			if acc, exc = rt.Mul(acc, it); exc != nil {
				return nil, exc
			}
		}
		return acc, nil
	}})
	def("fsum", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		items, exc := rt.Iterate(args[0])
		if exc != nil {
			return nil, exc
		}
		// Shewchuk's exact summation, as msum in CPython's math module.
		var partials []float64
		for _, it := range items {
			x, exc := toFloat(it)
			if exc != nil {
				return nil, exc
			}
			i := 0
			for _, y := range partials {
				if gomath.Abs(x) < gomath.Abs(y) {
					x, y = y, x
				}
				hi := x + y
				lo := y - (hi - x)
				if lo != 0 {
					partials[i] = lo
					i++
				}
				x = hi
			}
			partials = append(partials[:i], x)
		}
		hi := 0.0
		n := len(partials)
		if n > 0 {
			n--
			hi = partials[n]
			lo := 0.0
			for n > 0 {
				x := hi
				n--
				y := partials[n]
				hi = x + y
				yr := hi - x
				lo = y - yr
				if lo != 0 {
					break
				}
			}
			if n > 0 && (lo < 0 && partials[n-1] < 0 || lo > 0 && partials[n-1] > 0) {
				y := lo * 2
				x := hi + y
				yr := x - hi
				if y == yr {
					hi = x
				}
			}
		}
		return rt.Float(hi), nil
	})
	f2 := func(name string, fn func(x, y float64) float64) {
		def(name, func(args []rt.Object) (rt.Object, *rt.BaseException) {
			if len(args) != 2 {
				return nil, rt.Errorf(rt.TypeErrorType, "%s expected 2 arguments, got %d", name, len(args))
			}
			x, y, exc := twoFloats(args)
			if exc != nil {
				return nil, exc
			}
			r := fn(x, y)
			if gomath.IsNaN(r) && !gomath.IsNaN(x) && !gomath.IsNaN(y) {
				return nil, rt.Errorf(rt.ValueErrorType, "math domain error")
			}
			return rt.Float(r), nil
		})
	}
	f2("atan2", gomath.Atan2)
	f2("copysign", gomath.Copysign)
	f2("fmod", gomath.Mod)
	f2("pow", gomath.Pow)
	// degrees and radians multiply, with no error (math_degrees_impl).
	def("degrees", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		return rt.Float(x * (180 / gomath.Pi)), exc
	})
	def("radians", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		return rt.Float(x * (gomath.Pi / 180)), exc
	})
	def("isfinite", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		x, exc := toFloat(args[0])
		return rt.Bool(!gomath.IsInf(x, 0) && !gomath.IsNaN(x)), exc
	})
	def("trunc", func(args []rt.Object) (rt.Object, *rt.BaseException) {
		return rt.Call(rt.IntType, args[:1], nil)
	})
}
