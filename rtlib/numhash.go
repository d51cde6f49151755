package rtlib

import (
	"math"
	"math/big"
)

// hashModulus is CPython's _PyHASH_MODULUS (2**61 - 1) on 64-bit builds.
const hashModulus = (1 << 61) - 1

// hashInt64 is CPython's hash of an int that fits in int64.
func hashInt64(v int64) int64 {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-(v + 1)) + 1
	}
	r := int64(u % hashModulus)
	if neg {
		r = -r
	}
	if r == -1 {
		r = -2
	}
	return r
}

// hashBig is CPython's hash of a big int.
func hashBig(b *big.Int) int64 {
	m := new(big.Int).Mod(new(big.Int).Abs(b), big.NewInt(hashModulus)).Int64()
	if b.Sign() < 0 {
		m = -m
	}
	if m == -1 {
		m = -2
	}
	return m
}

// hashFloat is CPython's _Py_HashDouble (NaN hashes to 0 here).
func hashFloat(v float64) int64 {
	if math.IsInf(v, 0) {
		if v > 0 {
			return 314159
		}
		return -314159
	}
	if math.IsNaN(v) {
		return 0
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>uint(61-e)
	r := int64(x) * sign
	if r == -1 {
		r = -2
	}
	return r
}

// fsum adds the items next gives to acc as CPython 3.12's sum() does:
// exact int addition, and Neumaier-compensated addition once the total is
// a float. It takes each item when it adds it, as sum() iterates, so that
// what an __add__ does to the iterable is seen as in CPython.
func fsum(acc Object, next func() (Object, bool, *BaseException)) (Object, *BaseException) {
	for {
		item, ok, exc := next()
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return acc, nil
		}
		if f, isFloat := acc.(Float); isFloat {
			total, c := float64(f), 0.0
			for {
				var x float64
				switch v := item.(type) {
				case Float:
					x = float64(v)
				case Int:
					x = float64(v)
				default:
					goto out
				}
				{
					t := total + x
					if math.Abs(total) >= math.Abs(x) {
						c += (total - t) + x
					} else {
						c += (x - t) + total
					}
					total = t
				}
				if item, ok, exc = next(); exc != nil {
					return nil, exc
				} else if !ok {
					break
				}
			}
		out:
			if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
				total += c
			}
			acc = Float(total)
			if !ok {
				return acc, nil
			}
		} else if a, isInt := acc.(Int); isInt {
			// Ints: added unboxed while they fit in an int64 (CPython's
			// fast path too), boxed once rather than per partial sum.
			total := int64(a)
			for {
				x, isInt := item.(Int)
				if !isInt {
					break
				}
				t := total + int64(x)
				if (t > total) != (x > 0) {
					break // overflow: the exact addition below
				}
				total = t
				if item, ok, exc = next(); exc != nil {
					return nil, exc
				} else if !ok {
					return Int(total), nil
				}
			}
			acc = Int(total)
		}
		if acc, exc = Add(acc, item); exc != nil {
			return nil, exc
		}
	}
}
