package rtlib

import (
	"math/big"
	"testing"
)

// TestBigDecimalLimit checks the digit-count bounds of bigDecimal against
// the text's length, around the limit and around powers of two and ten.
func TestBigDecimalLimit(t *testing.T) {
	defer func(old int) { IntMaxStrDigits = old }(IntMaxStrDigits)
	for _, lim := range []int{640, 700, 4300} {
		IntMaxStrDigits = lim
		var vals []*big.Int
		for k := lim - 3; k <= lim+3; k++ {
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
			vals = append(vals, p, new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Add(p, big.NewInt(1)))
		}
		for n := lim*3 + lim/10 - 40; n < lim*3+lim/3+40; n++ {
			p := new(big.Int).Lsh(big.NewInt(1), uint(n))
			vals = append(vals, p, new(big.Int).Sub(p, big.NewInt(1)))
		}
		for _, v := range vals {
			for _, x := range []*big.Int{v, new(big.Int).Neg(v)} {
				want := len(new(big.Int).Abs(x).String()) <= lim
				s, exc := bigDecimal(x)
				if (exc == nil) != want || exc == nil && s != x.String() {
					t.Fatalf("limit %d, %d bits: ok %v, want %v", lim, x.BitLen(), exc == nil, want)
				}
			}
		}
	}
	IntMaxStrDigits = 0
	big := new(big.Int).Exp(big.NewInt(10), big.NewInt(10000), nil)
	if s, exc := bigDecimal(big); exc != nil || len(s) != 10001 {
		t.Fatalf("no limit: %d digits, %v", len(s), exc)
	}
}

func TestIntStrSmallNoAlloc(t *testing.T) {
	v := MakeInt(42)
	if n := testing.AllocsPerRun(100, func() { IntStr(v) }); n != 0 {
		t.Fatalf("IntStr of a small int: %v allocations", n)
	}
}
