package rtlib

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"unsafe"
)

// Unboxed values. Where the translator proves that a local or temporary
// always holds an int, a float or a bool, the generated code keeps it as an
// IntVal, a float64 or a bool instead of an Object: no allocation per
// result, no interface dispatch per operation. The functions here are the
// operations on them; each gives exactly the result (and raises exactly
// the exception) of the boxed operation, to which the rare cases fall back.

// IntVal is an unboxed Python int: a native int64 while it fits, the
// arbitrary-precision value otherwise (Big != nil), so overflow promotes
// instead of wrapping.
type IntVal struct {
	Small int64
	Big   *big.Int
}

// MakeInt is the IntVal of v.
func MakeInt(v int64) IntVal { return IntVal{Small: v} }

// Box is v as an Object (an Int or a *BigInt).
func (v IntVal) Box() Object {
	if v.Big != nil {
		return &BigInt{V: v.Big}
	}
	return BoxInt(v.Small)
}

// BoxInt is Int(n) as an Object. Go boxes an int64 from 0 to 255 without
// allocating, and any other in an allocation of its own (8 bytes in a
// 16-byte tiny block, ~25 ns); BoxInt takes the others from a slab of
// intSlabLen, one allocation for them all (bench/million's million
// results: ~10% of its wake-ups). A slab is kept while any of its ints
// is: at worst 64 bytes for an int that outlives the seven boxed after it,
// where Go's own boxes keep 16.
//
// Python code runs on one goroutine at a time (the interpreter lock), so
// the slab needs no lock.
func BoxInt(n int64) Object {
	if uint64(n) < 256 {
		return Int(n)
	}
	if len(intSlab) == 0 {
		intSlab = make([]Int, intSlabLen)
	}
	p := &intSlab[0]
	intSlab = intSlab[1:]
	*p = Int(n)
	w := ifaceWords{tab: intTab, data: unsafe.Pointer(p)}
	return *(*Object)(unsafe.Pointer(&w))
}

// intSlabLen is the number of ints BoxInt allocates at once.
const intSlabLen = 8

var (
	intSlab []Int
	// intTab is the type word of an Int as an Object.
	intTab = func() unsafe.Pointer {
		var o Object = Int(1)
		return (*ifaceWords)(unsafe.Pointer(&o)).tab
	}()
)

// UnboxInt is the IntVal of o, which the translator proved to be an int.
func UnboxInt(o Object) IntVal {
	switch x := o.(type) {
	case Int:
		return IntVal{Small: int64(x)}
	case *BigInt:
		if x.V.IsInt64() {
			return IntVal{Small: x.V.Int64()}
		}
		return IntVal{Big: x.V}
	}
	panic(fmt.Sprintf("async2go: internal error: %s where an int was proved", typeName(o)))
}

// UnboxFloat is the float64 of o, which the translator proved to be a float.
func UnboxFloat(o Object) float64 {
	if x, ok := o.(Float); ok {
		return float64(x)
	}
	panic(fmt.Sprintf("async2go: internal error: %s where a float was proved", typeName(o)))
}

// UnboxBool is the bool of o, which the translator proved to be a bool.
func UnboxBool(o Object) bool {
	if x, ok := o.(Bool); ok {
		return bool(x)
	}
	panic(fmt.Sprintf("async2go: internal error: %s where a bool was proved", typeName(o)))
}

func typeName(o Object) string {
	if o == nil {
		return "nil"
	}
	return o.Type().Name
}

// intSlow applies a boxed binary operator to two IntVals and unboxes the
// result: the overflow and error path of the typed operations.
func intSlow(op func(a, b Object) (Object, *BaseException), a, b IntVal) (IntVal, *BaseException) {
	r, exc := op(a.Box(), b.Box())
	if exc != nil {
		return IntVal{}, exc
	}
	return UnboxInt(r), nil
}

func intSlowNoErr(op func(a, b Object) (Object, *BaseException), a, b IntVal) IntVal {
	r, _ := intSlow(op, a, b)
	return r
}

// IntAdd is a + b.
func IntAdd(a, b IntVal) IntVal {
	r := a.Small + b.Small
	if a.Big == nil && b.Big == nil && (r > a.Small) == (b.Small > 0) {
		return IntVal{Small: r}
	}
	return intSlowNoErr(Add, a, b)
}

// IntSub is a - b.
func IntSub(a, b IntVal) IntVal {
	r := a.Small - b.Small
	if a.Big == nil && b.Big == nil && (r < a.Small) == (b.Small > 0) {
		return IntVal{Small: r}
	}
	return intSlowNoErr(Sub, a, b)
}

// IntMul is a * b.
func IntMul(a, b IntVal) IntVal {
	if a.Big == nil && b.Big == nil && a.Small != math.MinInt64 && b.Small != math.MinInt64 {
		hi, lo := bits.Mul64(uint64(absInt64(a.Small)), uint64(absInt64(b.Small)))
		if hi == 0 && lo < 1<<63 {
			if (a.Small < 0) != (b.Small < 0) {
				return IntVal{Small: -int64(lo)}
			}
			return IntVal{Small: int64(lo)}
		}
	}
	return intSlowNoErr(Mul, a, b)
}

// IntFloorDiv is a // b.
func IntFloorDiv(a, b IntVal) (IntVal, *BaseException) {
	if a.Big == nil && b.Big == nil && b.Small > 0 {
		q := a.Small / b.Small
		if a.Small%b.Small != 0 && a.Small < 0 {
			q--
		}
		return IntVal{Small: q}, nil
	}
	return intSlow(FloorDiv, a, b)
}

// IntMod is a % b.
func IntMod(a, b IntVal) (IntVal, *BaseException) {
	if a.Big == nil && b.Big == nil && b.Small > 0 {
		m := a.Small % b.Small
		if m < 0 {
			m += b.Small
		}
		return IntVal{Small: m}, nil
	}
	return intSlow(Mod, a, b)
}

// IntAnd is a & b.
func IntAnd(a, b IntVal) IntVal {
	if a.Big == nil && b.Big == nil {
		return IntVal{Small: a.Small & b.Small}
	}
	return intSlowNoErr(BitAnd, a, b)
}

// IntOr is a | b.
func IntOr(a, b IntVal) IntVal {
	if a.Big == nil && b.Big == nil {
		return IntVal{Small: a.Small | b.Small}
	}
	return intSlowNoErr(BitOr, a, b)
}

// IntXor is a ^ b.
func IntXor(a, b IntVal) IntVal {
	if a.Big == nil && b.Big == nil {
		return IntVal{Small: a.Small ^ b.Small}
	}
	return intSlowNoErr(BitXor, a, b)
}

// IntLShift is a << b.
func IntLShift(a, b IntVal) (IntVal, *BaseException) {
	if a.Big == nil && b.Big == nil && b.Small >= 0 && b.Small < 63 {
		if r := a.Small << uint(b.Small); r>>uint(b.Small) == a.Small {
			return IntVal{Small: r}, nil
		}
	}
	return intSlow(LShift, a, b)
}

// IntRShift is a >> b.
func IntRShift(a, b IntVal) (IntVal, *BaseException) {
	if a.Big == nil && b.Big == nil && b.Small >= 0 {
		if b.Small > 63 {
			b.Small = 63
		}
		return IntVal{Small: a.Small >> uint(b.Small)}, nil
	}
	return intSlow(RShift, a, b)
}

// IntNeg is -a.
func IntNeg(a IntVal) IntVal {
	if a.Big == nil && a.Small != math.MinInt64 {
		return IntVal{Small: -a.Small}
	}
	r, _ := Neg(a.Box())
	return UnboxInt(r)
}

// IntInvert is ~a.
func IntInvert(a IntVal) IntVal {
	if a.Big == nil {
		return IntVal{Small: ^a.Small}
	}
	r, _ := Invert(a.Box())
	return UnboxInt(r)
}

// IntCmp compares a and b: -1, 0 or 1.
func IntCmp(a, b IntVal) int {
	if a.Big == nil && b.Big == nil {
		switch {
		case a.Small < b.Small:
			return -1
		case a.Small > b.Small:
			return 1
		}
		return 0
	}
	return intCmpBig(a, b)
}

func intCmpBig(a, b IntVal) int {
	x, y := a.Big, b.Big
	if x == nil {
		x = big.NewInt(a.Small)
	}
	if y == nil {
		y = big.NewInt(b.Small)
	}
	return x.Cmp(y)
}

// IntTruth is bool(a).
func IntTruth(a IntVal) bool { return a.Big != nil || a.Small != 0 }

// IntToFloat is float(a) (OverflowError for an int too large).
func IntToFloat(a IntVal) (float64, *BaseException) {
	if a.Big == nil {
		return float64(a.Small), nil
	}
	return bigToFloat(a)
}

// bigToFloat is float() of an int beyond int64 (OverflowError when huge);
// apart from IntToFloat, so that IntToFloat inlines.
func bigToFloat(a IntVal) (float64, *BaseException) {
	r, exc := Call(FloatType, []Object{a.Box()}, nil)
	if exc != nil {
		return 0, exc
	}
	return UnboxFloat(r), nil
}

// IntTrueDiv is a / b.
func IntTrueDiv(a, b IntVal) (float64, *BaseException) {
	if a.Big == nil && b.Big == nil && b.Small != 0 &&
		absInt64(a.Small) <= 1<<53 && absInt64(b.Small) <= 1<<53 &&
		a.Small != math.MinInt64 && b.Small != math.MinInt64 {
		return float64(a.Small) / float64(b.Small), nil
	}
	r, exc := TrueDiv(a.Box(), b.Box())
	if exc != nil {
		return 0, exc
	}
	return UnboxFloat(r), nil
}

// FloatDiv is a / b for floats.
func FloatDiv(a, b float64) (float64, *BaseException) {
	if b == 0 {
		return 0, Errorf(ZeroDivisionErrorType, "float division by zero")
	}
	return a / b, nil
}

// FloatOp applies a boxed binary operator to two floats (floor division,
// modulo: the rarer float operations) and unboxes the float result.
func FloatOp(op func(a, b Object) (Object, *BaseException), a, b float64) (float64, *BaseException) {
	r, exc := op(Float(a), Float(b))
	if exc != nil {
		return 0, exc
	}
	return UnboxFloat(r), nil
}

// RangeNextInt is next() on a range iterator (iter of a range): the next
// int, unboxed, and whether there was one.
func RangeNextInt(it Object) (IntVal, bool, *BaseException) {
	if r, ok := it.(*rangeIter); ok && r.left > 0 {
		v := r.next
		r.next += r.step
		r.left--
		return IntVal{Small: v}, true, nil
	}
	return rangeNextSlow(it)
}

// RangeIter is the state of a range iterator, which a frame keeps inside
// itself for a for loop over a range (IterRange).
type RangeIter = rangeIter

// IterRange is Iter(x) for a for loop whose iterator nothing but the loop
// reads (generated code proves it): a range's iterator is made in *slot, a
// field of the frame, instead of in an object of its own (no allocation per
// loop, and the loop's next touches the frame's memory only). Anything
// else is Iter(x). The iterator returned points into the frame: frames are
// allocated once and never copied (embedded frames are built in place), so
// it stays the loop's own.
//
// When x is not a range the slot is emptied, so that HasNext on it
// reports no next int and the loop goes the general way (RangeNextInt on
// the iterator IterRange returned).
func IterRange(slot *RangeIter, x Object) (Object, *BaseException) {
	if r, ok := x.(*rangeObj); ok {
		*slot = rangeIter{next: r.start, step: r.step, left: r.length()}
		return slot, nil
	}
	*slot = rangeIter{}
	return Iter(x)
}

// RangeNextFast is the inlinable common case of RangeNextInt: the next int
// of a range iterator that has one; ok=false sends the caller to
// RangeNextInt (exhausted, or not a range iterator).
func RangeNextFast(it Object) (IntVal, bool) {
	if r, ok := it.(*rangeIter); ok && r.left > 0 {
		v := r.next
		r.next += r.step
		r.left--
		return IntVal{Small: v}, true
	}
	return IntVal{}, false
}

// PyMod is Python's a % b on int64 operands, b != 0: the result has the
// sign of b (Go's % truncates). It never overflows. Generated code calls
// it on the small case of a typed %.
func PyMod(a, b int64) int64 {
	m := a % b
	if m != 0 && (m < 0) != (b < 0) {
		m += b
	}
	return m
}

// PyModPos is PyMod for a divisor b > 0 (generated code calls it for a
// positive constant): the result is never negative. A non-negative a, the
// common case, takes the unsigned remainder: with b constant, Go's
// compiler divides by multiplying without the signed form's corrections
// (arith's `x % 1000`: 12 instructions → 8).
func PyModPos(a, b int64) int64 {
	if a >= 0 {
		return int64(uint64(a) % uint64(b))
	}
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// PyFloorDiv is Python's a // b on int64 operands, b != 0 and not
// (math.MinInt64, -1), whose quotient overflows: the quotient rounded
// toward minus infinity (Go's / truncates).
func PyFloorDiv(a, b int64) int64 {
	q := a / b
	if q*b != a && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func rangeNextSlow(it Object) (IntVal, bool, *BaseException) {
	if r, ok := it.(*rangeIter); ok && r.left <= 0 {
		return IntVal{}, false, nil
	}
	v, ok, exc := Next(it)
	if !ok || exc != nil {
		return IntVal{}, ok, exc
	}
	return UnboxInt(v), true, nil
}

// The Fast forms are the inlinable common cases of the operations above:
// ok=false sends the caller to the full operation. Generated code calls
// them as `if r, ok := rt.IntAddFast(a, b); ok { x = r } else { x = rt.IntAdd(a, b) }`.

// IntAddFast is a + b for small operands without overflow.
func IntAddFast(a, b IntVal) (IntVal, bool) {
	r := a.Small + b.Small
	return IntVal{Small: r}, a.Big == nil && b.Big == nil && (r > a.Small) == (b.Small > 0)
}

// IntSubFast is a - b for small operands without overflow.
func IntSubFast(a, b IntVal) (IntVal, bool) {
	r := a.Small - b.Small
	return IntVal{Small: r}, a.Big == nil && b.Big == nil && (r < a.Small) == (b.Small > 0)
}

// IntMulFast is a * b for operands in (-2**31, 2**31).
func IntMulFast(a, b IntVal) (IntVal, bool) {
	return IntVal{Small: a.Small * b.Small}, a.Big == nil && b.Big == nil && uint64(a.Small+1<<31) < 1<<32 && uint64(b.Small+1<<31) < 1<<32
}

// IntModFast is a % b for a >= 0, b > 0.
func IntModFast(a, b IntVal) (IntVal, bool) {
	if a.Big == nil && b.Big == nil && b.Small > 0 && a.Small >= 0 {
		return IntVal{Small: a.Small % b.Small}, true
	}
	return IntVal{}, false
}

// IntFloorDivFast is a // b for a >= 0, b > 0.
func IntFloorDivFast(a, b IntVal) (IntVal, bool) {
	if a.Big == nil && b.Big == nil && b.Small > 0 && a.Small >= 0 {
		return IntVal{Small: a.Small / b.Small}, true
	}
	return IntVal{}, false
}

// IntAndFast, IntOrFast and IntXorFast are the bitwise operations on small operands.
func IntAndFast(a, b IntVal) (IntVal, bool) {
	return IntVal{Small: a.Small & b.Small}, a.Big == nil && b.Big == nil
}

func IntOrFast(a, b IntVal) (IntVal, bool) {
	return IntVal{Small: a.Small | b.Small}, a.Big == nil && b.Big == nil
}

func IntXorFast(a, b IntVal) (IntVal, bool) {
	return IntVal{Small: a.Small ^ b.Small}, a.Big == nil && b.Big == nil
}

// IntSmall reports whether a and b are both small (int64) values, for
// comparisons on .Small.
func IntSmall(a, b IntVal) bool { return a.Big == nil && b.Big == nil }

// Set stores x in *v, for generated code storing an int into a frame
// field: the int64 always, the *big.Int only when it differs, so that a
// small int stored over a small int writes no pointer (Go tests for its
// write barrier on every pointer store into the heap).
func (v *IntVal) Set(x IntVal) {
	v.Small = x.Small
	if v.Big != x.Big {
		v.Big = x.Big
	}
}
