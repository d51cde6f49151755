package rtlib

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
)

func bigOf(x Object) (*big.Int, bool) {
	switch v := x.(type) {
	case Int:
		return big.NewInt(int64(v)), true
	case Bool:
		if v {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case *BigInt:
		return v.V, true
	}
	return nil, false
}

// AsInt is the value of an int that fits an int64, or of a bool (0 or 1);
// ok is false for anything else.
func AsInt(x Object) (int64, bool) { return asInt(x) }

// AsFloat is x as a float64 when it is an int, a bool or a float (ok
// false otherwise, or for an int too big for a float).
func AsFloat(x Object) (float64, bool) { return asFloat(x) }

// IntFromBig is the int v (small when it fits in an int64).
func IntFromBig(v *big.Int) Object { return normBig(v) }

func asInt(x Object) (int64, bool) {
	switch v := x.(type) {
	case Int:
		return int64(v), true
	case Bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func asFloat(x Object) (float64, bool) {
	switch v := x.(type) {
	case Float:
		return float64(v), true
	case Int:
		return float64(v), true
	case Bool:
		if v {
			return 1, true
		}
		return 0, true
	case *BigInt:
		f, _ := new(big.Float).SetInt(v.V).Float64()
		return f, true
	}
	return 0, false
}

func isIntLike(x Object) bool {
	switch x.(type) {
	case Int, Bool, *BigInt:
		return true
	}
	return false
}

func opError(op string, a, b Object) *BaseException {
	return Errorf(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", op, a.Type().Name, b.Type().Name)
}

// binary dispatches an arithmetic operator. fast handles int64 operands
// (ok=false on overflow), big handles arbitrary ints, flt floats.
func arith(op string, a, b Object,
	fast func(x, y int64) (int64, bool),
	bigf func(x, y *big.Int) (Object, *BaseException),
	flt func(x, y float64) (Object, *BaseException)) (Object, *BaseException) {
	if x, ok := asInt(a); ok {
		if y, ok := asInt(b); ok && fast != nil {
			if r, ok := fast(x, y); ok {
				return Int(r), nil
			}
		}
	}
	if isIntLike(a) && isIntLike(b) {
		x, _ := bigOf(a)
		y, _ := bigOf(b)
		return bigf(x, y)
	}
	x, ok1 := asFloat(a)
	y, ok2 := asFloat(b)
	if ok1 && ok2 && flt != nil {
		if exc := intFloatOverflow(a, x); exc != nil {
			return nil, exc
		}
		if exc := intFloatOverflow(b, y); exc != nil {
			return nil, exc
		}
		return flt(x, y)
	}
	if r, exc, ok := dunderBinary(op, a, b); ok {
		return r, exc
	}
	return nil, opError(op, a, b)
}

var dunderNames = map[string][2]string{
	"+": {"__add__", "__radd__"}, "-": {"__sub__", "__rsub__"}, "*": {"__mul__", "__rmul__"},
	"/": {"__truediv__", "__rtruediv__"}, "//": {"__floordiv__", "__rfloordiv__"}, "%": {"__mod__", "__rmod__"},
	"** or pow()": {"__pow__", "__rpow__"}, "@": {"__matmul__", "__rmatmul__"},
}

// userOperand reports whether x's operators come from its class's dunder
// methods: instances of classes, and dict subclasses written in Go (Counter).
func userOperand(x Object) bool {
	switch v := x.(type) {
	case *Instance:
		return true
	case *Dict:
		return v.Class != nil
	}
	return false
}

func dunderBinary(op string, a, b Object) (Object, *BaseException, bool) {
	names, ok := dunderNames[op]
	if !ok {
		return nil, nil, false
	}
	if m, ok := a.Type().lookup(names[0]); ok {
		if userOperand(a) {
			r, exc := Call(m, []Object{a, b}, nil)
			if exc != nil || r != NotImplemented {
				return r, exc, true
			}
		}
	}
	// The reflected method only for operands of different types
	// (CPython's binary_op1: O() % O() with only __rmod__ is a TypeError).
	if m, ok := b.Type().lookup(names[1]); ok && b.Type() != a.Type() {
		if userOperand(b) {
			r, exc := Call(m, []Object{b, a}, nil)
			if exc != nil || r != NotImplemented {
				return r, exc, true
			}
		}
	}
	return nil, nil, false
}

// Add is a + b.
func Add(a, b Object) (Object, *BaseException) {
	// Fast paths first: int and float operands are by far the most common.
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			if r := x + y; (r > x) == (y > 0) {
				return r, nil
			}
		} else if y, ok := b.(Float); ok {
			return Float(x) + y, nil
		}
	} else if x, ok := a.(Float); ok {
		switch y := b.(type) {
		case Float:
			return x + y, nil
		case Int:
			return x + Float(y), nil
		}
	}
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			return x + y, nil
		}
		if _, ok := b.(*Instance); !ok {
			return nil, Errorf(TypeErrorType, "can only concatenate str (not \"%s\") to str", b.Type().Name)
		}
	case *List:
		if y, ok := b.(*List); ok {
			items := make([]Object, 0, len(x.Items)+len(y.Items))
			return NewList(append(append(items, x.Items...), y.Items...)...), nil
		}
		return nil, Errorf(TypeErrorType, "can only concatenate list (not \"%s\") to list", b.Type().Name)
	case *Tuple:
		if y, ok := b.(*Tuple); ok {
			items := make([]Object, 0, len(x.Items)+len(y.Items))
			return NewTuple(append(append(items, x.Items...), y.Items...)...), nil
		}
		return nil, Errorf(TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", b.Type().Name)
	}
	return arith("+", a, b,
		func(x, y int64) (int64, bool) { r := x + y; return r, (r > x) == (y > 0) },
		func(x, y *big.Int) (Object, *BaseException) { return normBig(new(big.Int).Add(x, y)), nil },
		func(x, y float64) (Object, *BaseException) { return Float(x + y), nil })
}

// Sub is a - b.
func Sub(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			if r := x - y; (r < x) == (y > 0) {
				return r, nil
			}
		} else if y, ok := b.(Float); ok {
			return Float(x) - y, nil
		}
	} else if x, ok := a.(Float); ok {
		switch y := b.(type) {
		case Float:
			return x - y, nil
		case Int:
			return x - Float(y), nil
		}
	}
	if r, exc, ok := setOp("-", a, b); ok {
		return r, exc
	}
	return arith("-", a, b,
		func(x, y int64) (int64, bool) { r := x - y; return r, (r < x) == (y > 0) },
		func(x, y *big.Int) (Object, *BaseException) { return normBig(new(big.Int).Sub(x, y)), nil },
		func(x, y float64) (Object, *BaseException) { return Float(x - y), nil })
}

// Mul is a * b.
func Mul(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			if hi, lo := bits.Mul64(uint64(absInt64(int64(x))), uint64(absInt64(int64(y)))); hi == 0 && lo < 1<<63 && x != math.MinInt64 && y != math.MinInt64 {
				if (x < 0) != (y < 0) {
					return Int(-int64(lo)), nil
				}
				return Int(lo), nil
			}
		} else if y, ok := b.(Float); ok {
			return Float(x) * y, nil
		}
	} else if x, ok := a.(Float); ok {
		switch y := b.(type) {
		case Float:
			return x * y, nil
		case Int:
			return x * Float(y), nil
		}
	}
	if exc := seqRepeatError(a, b); exc != nil {
		return nil, exc
	}
	if r, ok := seqRepeat(a, b); ok {
		return r, nil
	}
	if r, ok := seqRepeat(b, a); ok {
		return r, nil
	}
	if s, ok := a.(Str); ok {
		if n, ok := asInt(b); ok {
			if n < 0 {
				n = 0
			}
			return Str(strings.Repeat(string(s), int(n))), nil
		}
	}
	if l, ok := a.(*List); ok {
		if n, ok := asInt(b); ok {
			var items []Object
			for i := int64(0); i < n; i++ {
				items = append(items, l.Items...)
			}
			return NewList(items...), nil
		}
	}
	return arith("*", a, b,
		func(x, y int64) (int64, bool) {
			if x == 0 || y == 0 {
				return 0, true
			}
			r := x * y
			return r, r/y == x && !(x == -1 && y == math.MinInt64) && !(y == -1 && x == math.MinInt64)
		},
		func(x, y *big.Int) (Object, *BaseException) { return normBig(new(big.Int).Mul(x, y)), nil },
		func(x, y float64) (Object, *BaseException) { return Float(x * y), nil })
}

// seqRepeatError is CPython's error for a str, list or tuple times a count
// that is not a usable int: a built-in non-int, an int beyond 64 bits, a
// str repeated longer than the largest size, or a result that cannot fit
// in the machine's memory (MemoryError, where CPython's allocation fails
// and Go's would be fatal); nil for the others (an int, an object that may
// define __rmul__ or __index__).
func seqRepeatError(a, b Object) *BaseException {
	seq, n := a, b
	if !isRepeatSeq(a) {
		if !isRepeatSeq(b) {
			return nil
		}
		seq, n = b, a
	}
	switch c := n.(type) {
	case *BigInt:
		return Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	case Int:
		if c <= 0 {
			return nil
		}
		var size, elem int64 // elements of seq, bytes per element
		switch v := seq.(type) {
		case Str:
			size, elem = int64(len(v)), 1
			if size > 0 && int64(c) > math.MaxInt64/size {
				return Errorf(OverflowErrorType, "repeated string is too long")
			}
		case *List:
			size, elem = int64(len(v.Items)), 16
		case *Tuple:
			size, elem = int64(len(v.Items)), 16
		}
		if size > 0 && (int64(c) > math.MaxInt64/size/elem || uint64(int64(c)*size*elem) > maxRepeatBytes()) {
			return NewException(MemoryErrorType)
		}
	case Float, Str, NoneType, *List, *Tuple, *Dict, *Set:
		return Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	return nil
}

// maxRepeatBytes bounds the result of a repetition: the machine's memory
// (1 TB where that is unknown).
func maxRepeatBytes() uint64 {
	if m := memTotal(); m > 0 {
		return m
	}
	return 1 << 40
}

func isRepeatSeq(x Object) bool {
	switch x.(type) {
	case Str, *List, *Tuple:
		return true
	}
	return false
}

// TrueDiv is a / b.
func TrueDiv(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		// Both exactly representable as float64: one correctly rounded
		// division, as CPython's long_true_divide does for small ints.
		if y, ok := b.(Int); ok && y != 0 && absInt64(int64(x)) <= 1<<53 && absInt64(int64(y)) <= 1<<53 && x != math.MinInt64 && y != math.MinInt64 {
			return Float(x) / Float(y), nil
		}
	} else if x, ok := a.(Float); ok {
		switch y := b.(type) {
		case Float:
			if y != 0 {
				return x / y, nil
			}
		case Int:
			if y != 0 {
				return x / Float(y), nil
			}
		}
	}
	if isIntLike(a) && isIntLike(b) {
		y, _ := bigOf(b)
		if y.Sign() == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "division by zero")
		}
		x, _ := bigOf(a)
		f, _ := new(big.Rat).SetFrac(x, y).Float64()
		if f == 0 && y.Sign() < 0 {
			f = math.Copysign(0, -1) // 0 / -n is -0.0
		}
		return Float(f), nil
	}
	return arith("/", a, b, nil, nil, func(x, y float64) (Object, *BaseException) {
		if y == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float division by zero")
		}
		return Float(x / y), nil
	})
}

func floorDivMod(x, y *big.Int) (*big.Int, *big.Int) {
	q, m := new(big.Int).DivMod(x, y, new(big.Int)) // Euclidean: 0 <= m < |y|
	if m.Sign() != 0 && y.Sign() < 0 {
		// Floor: the remainder takes the divisor's sign.
		q.Sub(q, big.NewInt(1))
		m.Add(m, y)
	}
	return q, m
}

// FloorDiv is a // b.
func FloorDiv(a, b Object) (Object, *BaseException) {
	return arith("//", a, b,
		func(x, y int64) (int64, bool) {
			if y == 0 || (x == math.MinInt64 && y == -1) {
				return 0, false
			}
			q := x / y
			if (x%y != 0) && ((x < 0) != (y < 0)) {
				q--
			}
			return q, true
		},
		func(x, y *big.Int) (Object, *BaseException) {
			if y.Sign() == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
			}
			q, _ := floorDivMod(x, y)
			return normBig(q), nil
		},
		func(x, y float64) (Object, *BaseException) {
			if y == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "float floor division by zero")
			}
			q, _ := floatDivmod(x, y)
			return Float(q), nil
		})
}

// floatDivmod is CPython's float_divmod: floor division and modulo that
// agree with each other and round like CPython.
func floatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// Mod is a % b.
func Mod(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok && y > 0 {
			m := x % y
			if m < 0 {
				m += y
			}
			return m, nil
		}
	}
	if s, ok := a.(Str); ok {
		return PercentFormat(s, b)
	}
	return arith("%", a, b,
		func(x, y int64) (int64, bool) {
			if y == 0 || y == -1 {
				return 0, y == -1
			}
			m := x % y
			if m != 0 && ((m < 0) != (y < 0)) {
				m += y
			}
			return m, true
		},
		func(x, y *big.Int) (Object, *BaseException) {
			if y.Sign() == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
			}
			_, m := floorDivMod(x, y)
			return normBig(m), nil
		},
		func(x, y float64) (Object, *BaseException) {
			if y == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "float modulo")
			}
			m := math.Mod(x, y)
			if m != 0 && ((m < 0) != (y < 0)) {
				m += y
			} else if m == 0 {
				m = math.Copysign(0, y)
			}
			return Float(m), nil
		})
}

// Pow is a ** b.
func Pow(a, b Object) (Object, *BaseException) {
	if isIntLike(a) && isIntLike(b) {
		y, _ := bigOf(b)
		if y.Sign() < 0 {
			x, _ := asFloat(a)
			yf, _ := asFloat(b)
			// As CPython: the float power of the operands as floats
			// (Go's math.Pow is off by ulps: 10 ** -300).
			return floatPow(x, yf)
		}
		x, _ := bigOf(a)
		return normBig(new(big.Int).Exp(x, y, nil)), nil
	}
	return arith("** or pow()", a, b, nil, nil, floatPow)
}

// floatPow is float ** float with CPython's errors: ZeroDivisionError for
// 0.0 to a negative power, OverflowError when finite operands overflow. A
// negative base to a non-integer power has a complex result in Python, which
// this runtime does not support: it raises rather than return a wrong value.
func floatPow(x, y float64) (Object, *BaseException) {
	if x == 0 && y < 0 {
		return nil, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && y != math.Trunc(y) && !math.IsInf(y, 0) {
		return nil, Errorf(NotImplementedType, "async2go: complex results of ** are not supported")
	}
	var r float64
	switch {
	case y == math.Trunc(y) && math.Abs(y) < 1<<31 && !math.IsInf(x, 0) && !math.IsNaN(x):
		r = intPow(x, int64(y))
	case x > 0 && !math.IsInf(x, 0) && math.Abs(y) < 1<<31:
		// x**(n+f) = x**n * x**f: the integer part exactly, the fraction
		// (|f| < 1, sqrt for halves) with a small relative error.
		n := math.Trunc(y)
		frac := y - n
		var xf float64
		if frac == 0.5 {
			xf = math.Sqrt(x)
		} else if frac == -0.5 {
			xf = 1 / math.Sqrt(x)
		} else {
			xf = math.Pow(x, frac)
		}
		p := new(big.Float).SetPrec(256).SetFloat64(intPow(x, int64(n)))
		r, _ = p.Mul(p, new(big.Float).SetPrec(256).SetFloat64(xf)).Float64()
		if math.IsInf(r, 0) || r == 0 {
			r = math.Pow(x, y)
		}
	default:
		r = math.Pow(x, y)
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return nil, NewException(OverflowErrorType, NewTuple(Int(34), Str("Numerical result out of range")).Items...)
	}
	return Float(r), nil
}

// intPow is x**n for an integer n, computed in extended precision and
// rounded once, as a correctly rounded pow would give.
func intPow(x float64, n int64) float64 {
	if n == 0 {
		return 1
	}
	neg := n < 0
	if neg {
		n = -n
	}
	const prec = 256
	base := new(big.Float).SetPrec(prec).SetFloat64(x)
	acc := new(big.Float).SetPrec(prec).SetFloat64(1)
	for n > 0 {
		if n&1 == 1 {
			acc.Mul(acc, base)
		}
		base.Mul(base, base)
		n >>= 1
	}
	if neg {
		acc.Quo(new(big.Float).SetPrec(prec).SetFloat64(1), acc)
	}
	r, _ := acc.Float64()
	return r
}

// Neg is -x.
func Neg(x Object) (Object, *BaseException) {
	switch v := x.(type) {
	case Float:
		return -v, nil
	case Int, Bool, *BigInt:
		return Sub(Int(0), x)
	}
	if _, ok := x.(*Instance); ok {
		return CallMethod(x, "__neg__", nil, nil)
	}
	return nil, Errorf(TypeErrorType, "bad operand type for unary -: '%s'", x.Type().Name)
}

// Pos is +x.
func Pos(x Object) (Object, *BaseException) {
	if b, ok := x.(Bool); ok {
		if b {
			return Int(1), nil
		}
		return Int(0), nil
	}
	return x, nil
}

// Truth is bool(x).
func Truth(x Object) (bool, *BaseException) {
	switch v := x.(type) {
	case Bool:
		return bool(v), nil
	case NoneType:
		return false, nil
	case Int:
		return v != 0, nil
	case *BigInt:
		return v.V.Sign() != 0, nil
	case Float:
		return v != 0, nil
	case Str:
		return v != "", nil
	case *List:
		return len(v.Items) > 0, nil
	case *Tuple:
		return len(v.Items) > 0, nil
	case *Dict:
		return v.Len() > 0, nil
	case *Set:
		return v.d.Len() > 0, nil
	case *dictView:
		return v.d.Len() > 0, nil
	case *rangeObj:
		return v.length() > 0, nil
	case *bigRange:
		return v.length.Sign() > 0, nil
	}
	if t := x.Type(); t != nil {
		if m, ok := t.lookup("__bool__"); ok {
			r, exc := Call(m, []Object{x}, nil)
			if exc != nil {
				return false, exc
			}
			return Truth(r)
		}
		if m, ok := t.lookup("__len__"); ok {
			r, exc := Call(m, []Object{x}, nil)
			if exc != nil {
				return false, exc
			}
			return Truth(r)
		}
	}
	return true, nil
}

// Is is `a is b`.
func Is(a, b Object) bool {
	switch x := a.(type) {
	case NoneType:
		return IsNone(b)
	case Int, Bool, Str, Float:
		return a == b
	case *BaseException:
		y, ok := b.(*BaseException)
		return ok && x == y
	}
	return a == b
}

// compare returns -1, 0, 1 for ordered builtin values; ok=false when the
// types are not comparable this way.
func compare(a, b Object) (int, bool) {
	if x, ok := asInt(a); ok {
		if y, ok := asInt(b); ok {
			switch {
			case x < y:
				return -1, true
			case x > y:
				return 1, true
			}
			return 0, true
		}
	}
	if isIntLike(a) && isIntLike(b) {
		x, _ := bigOf(a)
		y, _ := bigOf(b)
		return x.Cmp(y), true
	}
	x, ok1 := asFloat(a)
	y, ok2 := asFloat(b)
	if ok1 && ok2 {
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		case x == y:
			return 0, true
		}
		return 2, true // NaN: unordered
	}
	if s, ok := a.(Str); ok {
		if t, ok := b.(Str); ok {
			return strings.Compare(string(s), string(t)), true
		}
	}
	if s, ok := a.(*Tuple); ok {
		if t, ok := b.(*Tuple); ok {
			return compareSeq(s.Items, t.Items)
		}
	}
	if s, ok := a.(*List); ok {
		if t, ok := b.(*List); ok {
			return compareSeq(s.Items, t.Items)
		}
	}
	return 0, false
}

// compareSeq orders two sequences whose items compare without Python code
// (numbers, strs, and sequences of them); ok is false as soon as a pair
// does not, before any comparison that could run a class's __eq__ or
// __lt__: the caller's item-by-item comparison (seqRichCompare) then makes
// each of them once, as CPython does.
func compareSeq(a, b []Object) (int, bool) {
	for i := 0; i < len(a) && i < len(b); i++ {
		c, ok := compare(a[i], b[i])
		if !ok {
			return 0, false
		}
		if c != 0 {
			return c, true
		}
	}
	switch {
	case len(a) < len(b):
		return -1, true
	case len(a) > len(b):
		return 1, true
	}
	return 0, true
}

// seqEqual is == of two lists or two tuples (list_richcompare): the
// lengths, then each pair of items, identical ones equal without a call.
func seqEqual(x, y []Object) (bool, *BaseException) {
	if len(x) != len(y) {
		return false, nil
	}
	for i := range x {
		eq, exc := equal(x[i], y[i])
		if exc != nil || !eq {
			return false, exc
		}
	}
	return true, nil
}

func equal(a, b Object) (bool, *BaseException) {
	if a == b {
		if f, ok := a.(Float); ok && f != f {
			return false, nil
		}
		return true, nil
	}
	if c, ok := compare(a, b); ok {
		return c == 0, nil
	}
	if r, ok, exc := viewEqual(a, b); ok {
		return r, exc
	}
	if r, ok, exc := userEq("__eq__", a, b); ok {
		// A class's __eq__ defined in Python, tried in CPython's order.
		if exc != nil {
			return false, exc
		}
		return Truth(r)
	}
	if r, ok, exc := aliasEqual(a, b); ok {
		return r, exc
	}
	switch x := a.(type) {
	case NoneType:
		return false, nil
	case *rangeObj, *bigRange:
		switch b.(type) {
		case *rangeObj, *bigRange:
			return rangeEqual(x, b), nil
		}
		return false, nil
	case *List:
		if y, ok := b.(*List); ok {
			return seqEqual(x.Items, y.Items)
		}
		return false, nil
	case *Tuple:
		if y, ok := b.(*Tuple); ok {
			return seqEqual(x.Items, y.Items)
		}
		return false, nil
	case *Set:
		y, ok := b.(*Set)
		if !ok || x.d.Len() != y.d.Len() {
			return false, nil
		}
		return allIn(x, y)
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || x.Len() != y.Len() {
			return false, nil
		}
		var exc *BaseException
		eq := true
		x.Items(func(k, v Object) {
			if !eq || exc != nil {
				return
			}
			w, found, e := y.GetItem(k)
			if e != nil || !found {
				eq, exc = false, e
				return
			}
			eq, exc = equal(v, w)
		})
		return eq, exc
	case *Instance:
		// An __eq__ implemented in Go (userEq took those defined in Python).
		if m, ok := x.Class.lookup("__eq__"); ok {
			r, exc := Call(m, []Object{a, b}, nil)
			if exc != nil {
				return false, exc
			}
			if r != NotImplemented {
				return Truth(r)
			}
		}
	}
	return false, nil
}

func richCompare(op string, a, b Object, want func(int) bool) (Object, *BaseException) {
	if c, ok := compare(a, b); ok {
		if c == 2 {
			return Bool(false), nil
		}
		return Bool(want(c)), nil
	}
	if x, y, ok := seqPair(a, b); ok {
		return seqRichCompare(op, x, y)
	}
	if setLike(a) && setLike(b) {
		// Subset and superset tests.
		la, _ := Len(a)
		lb, _ := Len(b)
		x, y := a, b
		if op == ">" || op == ">=" {
			x, y, la, lb = b, a, lb, la
		}
		if la > lb || (la == lb && (op == "<" || op == ">")) {
			return Bool(false), nil
		}
		sub, exc := allIn(x, y)
		return Bool(sub), exc
	}
	dunder := map[string][2]string{"<": {"__lt__", "__gt__"}, "<=": {"__le__", "__ge__"}, ">": {"__gt__", "__lt__"}, ">=": {"__ge__", "__le__"}}[op]
	if _, ok := a.(*Instance); ok {
		if m, ok := a.Type().lookup(dunder[0]); ok {
			r, exc := Call(m, []Object{a, b}, nil)
			if exc != nil || r != NotImplemented {
				return r, exc
			}
		}
	}
	if _, ok := b.(*Instance); ok {
		if m, ok := b.Type().lookup(dunder[1]); ok {
			r, exc := Call(m, []Object{b, a}, nil)
			if exc != nil || r != NotImplemented {
				return r, exc
			}
		}
	}
	return nil, Errorf(TypeErrorType, "'%s' not supported between instances of '%s' and '%s'", op, a.Type().Name, b.Type().Name)
}

// seqPair is the items of a and b when both are tuples or both lists.
func seqPair(a, b Object) ([]Object, []Object, bool) {
	switch x := a.(type) {
	case *Tuple:
		if y, ok := b.(*Tuple); ok {
			return x.Items, y.Items, true
		}
	case *List:
		if y, ok := b.(*List); ok {
			return x.Items, y.Items, true
		}
	}
	return nil, nil, false
}

// seqRichCompare is an order comparison of two tuples or two lists whose
// items the fast path (compare) could not order (tuplerichcompare): the
// first items that are not equal decide, compared with op, or else the
// lengths.
func seqRichCompare(op string, x, y []Object) (Object, *BaseException) {
	i := 0
	for ; i < len(x) && i < len(y); i++ {
		eq, exc := equal(x[i], y[i])
		if exc != nil {
			return nil, exc
		}
		if !eq {
			break
		}
	}
	if i >= len(x) || i >= len(y) {
		c := len(x) - len(y)
		switch op {
		case "<":
			return Bool(c < 0), nil
		case "<=":
			return Bool(c <= 0), nil
		case ">":
			return Bool(c > 0), nil
		}
		return Bool(c >= 0), nil
	}
	switch op {
	case "<":
		return Lt(x[i], y[i])
	case "<=":
		return Le(x[i], y[i])
	case ">":
		return Gt(x[i], y[i])
	}
	return Ge(x[i], y[i])
}

// Eq is a == b.
func Eq(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return Bool(x == y), nil
		}
	}
	if r, ok, exc := userEq("__eq__", a, b); ok {
		return r, exc
	}
	r, exc := equal(a, b)
	return Bool(r), exc
}

// method1 is x's class's method name when defined in Python, else nil.
func method1(x *Instance, name string) Object {
	if m, ok := x.Class.lookup(name); ok {
		if _, isGo := m.(*Method); !isGo {
			return m
		}
	}
	return nil
}

// userEq is a == b (a != b for __ne__) where an operand's class defines
// the method in Python: its result as is (a == b is whatever __eq__
// returns), tried in CPython's order: the right operand's first if its
// class is a proper subclass of the left's, else the left's, then the
// right's reflected; identity if all return NotImplemented. ok=false if
// neither class defines it (equal decides).
func userEq(name string, a, b Object) (Object, bool, *BaseException) {
	ia, aok := a.(*Instance)
	ib, bok := b.(*Instance)
	if !aok && !bok {
		return nil, false, nil
	}
	method := func(x *Instance) Object {
		if m := method1(x, name); m != nil {
			return m
		}
		if name == "__ne__" {
			// object.__ne__: the inverse of __eq__ unless NotImplemented.
			if eq := method1(x, "__eq__"); eq != nil {
				return &Builtin{Name: "__ne__", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
					r, exc := Call(eq, args, nil)
					if exc != nil || r == NotImplemented {
						return r, exc
					}
					t, exc := Truth(r)
					return Bool(!t), exc
				}}
			}
		}
		return nil
	}
	var order [2]struct {
		m           Object
		self, other Object
	}
	if aok {
		order[0].m, order[0].self, order[0].other = method(ia), a, b
	}
	if bok {
		order[1].m, order[1].self, order[1].other = method(ib), b, a
		if aok && ib.Class != ia.Class && ib.Class.IsSubtype(ia.Class) {
			order[0], order[1] = order[1], order[0]
		}
	}
	tried := false
	for _, o := range order {
		if o.m == nil {
			continue
		}
		tried = true
		r, exc := Call(o.m, []Object{o.self, o.other}, nil)
		if exc != nil {
			return nil, true, exc
		}
		if r != NotImplemented {
			return r, true, nil
		}
	}
	if !tried {
		return nil, false, nil
	}
	if name == "__ne__" {
		return Bool(a != b), true, nil
	}
	return Bool(a == b), true, nil
}

// Ne is a != b.
func Ne(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return Bool(x != y), nil
		}
	}
	if r, ok, exc := userEq("__ne__", a, b); ok {
		return r, exc
	}
	r, exc := equal(a, b)
	return Bool(!r), exc
}

// Lt is a < b.
func Lt(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return Bool(x < y), nil
		}
	}
	return richCompare("<", a, b, func(c int) bool { return c < 0 })
}

// Le is a <= b.
func Le(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return Bool(x <= y), nil
		}
	}
	return richCompare("<=", a, b, func(c int) bool { return c <= 0 })
}

// Gt is a > b.
func Gt(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return Bool(x > y), nil
		}
	}
	return richCompare(">", a, b, func(c int) bool { return c > 0 })
}

// Ge is a >= b.
func Ge(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return Bool(x >= y), nil
		}
	}
	return richCompare(">=", a, b, func(c int) bool { return c >= 0 })
}

// Contains is `item in container`.
func Contains(container, item Object) (bool, *BaseException) {
	switch c := container.(type) {
	case Str:
		s, ok := item.(Str)
		if !ok {
			return false, Errorf(TypeErrorType, "'in <string>' requires string as left operand, not %s", item.Type().Name)
		}
		return strings.Contains(string(c), string(s)), nil
	case *Dict:
		_, found, exc := c.GetItem(item)
		return found, exc
	case *Set:
		_, found, exc := c.d.GetItem(item)
		return found, exc
	case *dictView:
		return c.contains(item)
	case *Type:
		if m := MetaOf(c); m != nil && m.Contains != nil {
			return m.Contains(c, item)
		}
	case *Instance:
		if m, ok := c.Class.lookup("__contains__"); ok {
			r, exc := Call(m, []Object{container, item}, nil)
			if exc != nil {
				return false, exc
			}
			return Truth(r)
		}
	case *List:
		return containsSeq(c.Items, item)
	case *Tuple:
		return containsSeq(c.Items, item)
	case *rangeObj, *bigRange:
		return rangeContains(c, item)
	}
	it, exc := Iter(container)
	if exc != nil {
		return false, Errorf(TypeErrorType, "argument of type '%s' is not iterable", container.Type().Name)
	}
	return iterSearch(it, item)
}

// iterSearch is _PySequence_IterSearch's test: whether an item of the
// iterator it equals x.
func iterSearch(it, x Object) (bool, *BaseException) {
	for {
		v, ok, exc := Next(it)
		if exc != nil || !ok {
			return false, exc
		}
		if eq, exc := equal(v, x); exc != nil || eq {
			return eq, exc
		}
	}
}

func containsSeq(items []Object, x Object) (bool, *BaseException) {
	for _, it := range items {
		if eq, exc := equal(it, x); exc != nil || eq {
			return eq, exc
		}
	}
	return false, nil
}

// GetItem is obj[key].
func GetItem(obj, key Object) (Object, *BaseException) {
	if t, ok := obj.(*Type); ok {
		if m := MetaOf(t); m != nil && m.GetItem != nil {
			return m.GetItem(t, key)
		}
		return subscriptType(t, key)
	}
	if sl, ok := key.(*Slice); ok {
		switch c := obj.(type) {
		case *List:
			return NewList(sliceItems(c.Items, sl)...), nil
		case *Tuple:
			return NewTuple(sliceItems(c.Items, sl)...), nil
		case Str:
			rs := []rune(string(c))
			items := make([]Object, len(rs))
			for i, r := range rs {
				items[i] = Str(string(r))
			}
			return Concat(sliceItems(items, sl)...), nil
		}
	}
	switch c := obj.(type) {
	case *List:
		i, exc := seqIndex(key, len(c.Items), "list")
		if exc != nil {
			return nil, exc
		}
		return c.Items[i], nil
	case *Tuple:
		i, exc := seqIndex(key, len(c.Items), "tuple")
		if exc != nil {
			return nil, exc
		}
		return c.Items[i], nil
	case Str:
		r := []rune(string(c))
		i, exc := seqIndex(key, len(r), "string")
		if exc != nil {
			return nil, exc
		}
		return Str(string(r[i])), nil
	case *Dict:
		v, found, exc := c.GetItem(key)
		if exc != nil {
			return nil, exc
		}
		if !found {
			if c.Missing != nil {
				return c.Missing(key)
			}
			return nil, NewException(KeyErrorType, key)
		}
		return v, nil
	case *rangeObj, *bigRange:
		return rangeGetItem(obj, key)
	}
	return CallMethod(obj, "__getitem__", []Object{key}, nil)
}

func seqIndex(key Object, n int, what string) (int, *BaseException) {
	if _, isInst := key.(*Instance); isInst {
		if _, ok := key.Type().lookup("__index__"); ok {
			v, exc := CallMethod(key, "__index__", nil, nil)
			if exc != nil {
				return 0, exc
			}
			if _, isInt := v.(Int); !isInt {
				return 0, Errorf(TypeErrorType, "__index__ returned non-int (type %s)", v.Type().Name)
			}
			key = v
		}
	}
	if _, big := key.(*BigInt); big {
		if what == "pop" {
			return 0, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
		}
		return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	i, ok := asInt(key)
	if !ok {
		switch what {
		case "string":
			return 0, Errorf(TypeErrorType, "string indices must be integers, not '%s'", key.Type().Name)
		case "list assignment":
			what = "list"
		case "pop":
			return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", key.Type().Name)
		}
		return 0, Errorf(TypeErrorType, "%s indices must be integers or slices, not %s", what, key.Type().Name)
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, Errorf(IndexErrorType, "%s index out of range", what)
	}
	return int(i), nil
}

// SetItem is obj[key] = v.
func SetItem(obj, key, v Object) *BaseException {
	if sl, ok := key.(*Slice); ok {
		if l, ok := obj.(*List); ok {
			return setSlice(l, sl, v)
		}
	}
	switch c := obj.(type) {
	case *List:
		i, exc := seqIndex(key, len(c.Items), "list assignment")
		if exc != nil {
			return exc
		}
		c.Items[i] = v
		return nil
	case *Dict:
		return c.SetItem(key, v)
	}
	_, exc := CallMethod(obj, "__setitem__", []Object{key, v}, nil)
	if exc != nil && exc.Class == AttributeErrorType {
		if _, ok := obj.Type().lookup("__setitem__"); !ok {
			return Errorf(TypeErrorType, "'%s' object does not support item assignment", obj.Type().Name)
		}
	}
	return exc
}

// notImplementedType is the type of NotImplemented.
type notImplementedType struct{}

func (notImplementedType) Type() *Type { return ObjectType }

// NotImplemented is Python's NotImplemented.
var NotImplemented Object = notImplementedType{}

var _ = fmt.Sprint

// setSlice is l[lo:hi:step] = v.
func setSlice(l *List, sl *Slice, v Object) *BaseException {
	items, exc := toSlice(v)
	if exc != nil {
		return Errorf(TypeErrorType, "can only assign an iterable")
	}
	items = append([]Object(nil), items...)
	lo, hi, step, n := sl.indices(len(l.Items))
	if step == 1 {
		if hi < lo {
			hi = lo
		}
		out := make([]Object, 0, len(l.Items)-(hi-lo)+len(items))
		out = append(append(append(out, l.Items[:lo]...), items...), l.Items[hi:]...)
		l.Items = out
		return nil
	}
	if len(items) != n {
		return Errorf(ValueErrorType, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for k, i := 0, lo; k < n; k, i = k+1, i+step {
		l.Items[i] = items[k]
	}
	return nil
}

// absInt64 is |x|; math.MinInt64 stays negative (callers exclude it).
func absInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// intFloatOverflow is CPython's OverflowError for an int operand too large
// for a float (f is asFloat's conversion of x).
func intFloatOverflow(x Object, f float64) *BaseException {
	if _, ok := x.(*BigInt); ok && math.IsInf(f, 0) {
		return Errorf(OverflowErrorType, "int too large to convert to float")
	}
	return nil
}
