package rtlib

import (
	"math"
	"math/big"
	"math/bits"
)

// The methods of int (and so of bool) and float that inspect a number.
func init() { deferMethods(installNumMethods) }

// installNumMethods defines the methods of int and float that inspect a number
// (made on first use: lazydict.go).
func installNumMethods() {
	noArgs := func(t, name string, fn func(self Object) Object) func(Object, []Object, []KwArg) (Object, *BaseException) {
		return func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			if len(args)+len(kw) > 0 {
				return nil, Errorf(TypeErrorType, "%s.%s() takes no arguments (%d given)", t, name, len(args)+len(kw))
			}
			return fn(self), nil
		}
	}
	intMethod := func(name string, fn func(x *big.Int) Object) {
		defMethod(IntType, name, noArgs("int", name, func(self Object) Object {
			if v, ok := asInt(self); ok {
				return fn(big.NewInt(v))
			}
			x, _ := bigOf(self)
			return fn(x)
		}))
	}
	intMethod("bit_length", func(x *big.Int) Object {
		if x.IsInt64() {
			v := x.Int64()
			if v < 0 {
				return Int(bits.Len64(uint64(-v))) // -MinInt64 wraps to 2**63: still right
			}
			return Int(bits.Len64(uint64(v)))
		}
		return Int(new(big.Int).Abs(x).BitLen())
	})
	intMethod("bit_count", func(x *big.Int) Object {
		n := 0
		for _, w := range new(big.Int).Abs(x).Bits() {
			n += bits.OnesCount64(uint64(w))
		}
		return Int(n)
	})
	intMethod("is_integer", func(*big.Int) Object { return Bool(true) })
	defMethod(FloatType, "is_integer", noArgs("float", "is_integer", func(self Object) Object {
		f := float64(self.(Float))
		return Bool(!math.IsInf(f, 0) && f == math.Trunc(f))
	}))
}
