package rtlib

import (
	"math"
	"math/big"
	"testing"
)

// TestIntValMatchesBoxed checks every typed int operation, fast form and
// full form, against the boxed operator on values around the int64 and
// 2**31 boundaries and on big ints.
func TestIntValMatchesBoxed(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	var vals []IntVal
	for _, v := range []int64{0, 1, -1, 2, -2, 3, 7, -7, 255, 256, 1000, 1<<31 - 1, -(1<<31 - 1), 1 << 31, -(1 << 31),
		1<<32 + 5, 1 << 53, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1} {
		vals = append(vals, IntVal{Small: v})
	}
	vals = append(vals, IntVal{Big: huge}, IntVal{Big: new(big.Int).Neg(huge)})
	type op struct {
		name  string
		boxed func(a, b Object) (Object, *BaseException)
		typed func(a, b IntVal) (IntVal, *BaseException)
		fast  func(a, b IntVal) (IntVal, bool)
	}
	noErr := func(f func(a, b IntVal) IntVal) func(a, b IntVal) (IntVal, *BaseException) {
		return func(a, b IntVal) (IntVal, *BaseException) { return f(a, b), nil }
	}
	ops := []op{
		{"+", Add, noErr(IntAdd), IntAddFast},
		{"-", Sub, noErr(IntSub), IntSubFast},
		{"*", Mul, noErr(IntMul), IntMulFast},
		{"%", Mod, IntMod, IntModFast},
		{"//", FloorDiv, IntFloorDiv, IntFloorDivFast},
		{"&", BitAnd, noErr(IntAnd), IntAndFast},
		{"|", BitOr, noErr(IntOr), IntOrFast},
		{"^", BitXor, noErr(IntXor), IntXorFast},
		{"<<", LShift, IntLShift, nil},
		{">>", RShift, IntRShift, nil},
	}
	str := func(o Object) string {
		s, _ := Repr(o)
		return string(s)
	}
	for _, o := range ops {
		for _, a := range vals {
			for _, b := range vals {
				if (o.name == "<<" || o.name == ">>") && (b.Big != nil || b.Small > 200 || b.Small < -5) {
					continue
				}
				want, wantExc := o.boxed(a.Box(), b.Box())
				got, gotExc := o.typed(a, b)
				if (wantExc == nil) != (gotExc == nil) {
					t.Errorf("%s %s %s: exception %v, want %v", str(a.Box()), o.name, str(b.Box()), gotExc, wantExc)
					continue
				}
				if wantExc != nil {
					continue
				}
				if str(got.Box()) != str(want) {
					t.Errorf("%s %s %s = %s, want %s", str(a.Box()), o.name, str(b.Box()), str(got.Box()), str(want))
				}
				if o.fast != nil {
					if r, ok := o.fast(a, b); ok && str(r.Box()) != str(want) {
						t.Errorf("fast %s %s %s = %s, want %s", str(a.Box()), o.name, str(b.Box()), str(r.Box()), str(want))
					}
				}
			}
		}
	}
	for _, a := range vals {
		for _, b := range vals {
			want, _ := Lt(a.Box(), b.Box())
			if got := IntCmp(a, b) < 0; Bool(got) != want {
				t.Errorf("%s < %s = %v, want %v", str(a.Box()), str(b.Box()), got, want)
			}
			if IntSmall(a, b) && (a.Small < b.Small) != bool(want.(Bool)) {
				t.Errorf("small %s < %s wrong", str(a.Box()), str(b.Box()))
			}
			wantF, wantExc := TrueDiv(a.Box(), b.Box())
			gotF, gotExc := IntTrueDiv(a, b)
			if (wantExc == nil) != (gotExc == nil) || wantExc == nil && str(Float(gotF)) != str(wantF) {
				t.Errorf("%s / %s = %v (%v), want %s (%v)", str(a.Box()), str(b.Box()), gotF, gotExc, str(wantF), wantExc)
			}
		}
	}
}

// TestPyModFloorDiv checks the int64 helpers of generated code's typed %
// and // against the boxed operators, signs and boundaries included.
func TestPyModFloorDiv(t *testing.T) {
	vals := []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 1000, 1 << 31, -(1 << 31), 2147483648,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	for _, a := range vals {
		for _, b := range vals {
			if b == 0 {
				continue
			}
			want, _ := Mod(Int(a), Int(b))
			if got := PyMod(a, b); Int(got) != want {
				t.Errorf("PyMod(%d, %d) = %d, want %v", a, b, got, want)
			}
			if got := PyModPos(a, b); b > 0 && Int(got) != want {
				t.Errorf("PyModPos(%d, %d) = %d, want %v", a, b, got, want)
			}
			if a == math.MinInt64 && b == -1 {
				continue
			}
			want, _ = FloorDiv(Int(a), Int(b))
			if got := PyFloorDiv(a, b); Int(got) != want {
				t.Errorf("PyFloorDiv(%d, %d) = %d, want %v", a, b, got, want)
			}
		}
	}
}
