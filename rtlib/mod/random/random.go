// Package random is Python's random module for translated programs: the
// Mersenne Twister MT19937 seeded and used exactly as CPython 3.12's
// Modules/_randommodule.c and Lib/random.py do, so a seeded program draws
// the same numbers.
package random

import (
	"math"
	"math/big"
	"time"

	rt "github.com/async2go/async2go/rtlib"
)

const n = 624

type mt19937 struct {
	state [n]uint32
	index int
	// gaussNext is Random.gauss_next (the second value of the last pair).
	gaussNext *float64
}

func (m *mt19937) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < n; i++ {
		prev := m.state[i-1]
		m.state[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	m.index = n
}

func (m *mt19937) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := n
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		prev := m.state[i-1]
		m.state[i] = (m.state[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			m.state[0] = m.state[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		prev := m.state[i-1]
		m.state[i] = (m.state[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			m.state[0] = m.state[n-1]
			i = 1
		}
	}
	m.state[0] = 0x80000000
}

func (m *mt19937) uint32() uint32 {
	if m.index >= n {
		for k := 0; k < n; k++ {
			y := (m.state[k] & 0x80000000) | (m.state[(k+1)%n] & 0x7fffffff)
			v := m.state[(k+397)%n] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.state[k] = v
		}
		m.index = 0
	}
	y := m.state[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (m *mt19937) random() float64 {
	a, b := m.uint32()>>5, m.uint32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// getrandbits returns k random bits, as CPython's _random.getrandbits.
func (m *mt19937) getrandbits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(m.uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	r := new(big.Int)
	for i := 0; i < words; i++ {
		w := m.uint32()
		if k < 32 {
			w >>= 32 - k
		}
		r.Or(r, new(big.Int).Lsh(big.NewInt(int64(w)), uint(32*i)))
		k -= 32
	}
	return r
}

func (m *mt19937) seed(x rt.Object) *rt.BaseException {
	var v *big.Int
	switch s := x.(type) {
	case rt.Int:
		v = big.NewInt(int64(s))
	case *rt.BigInt:
		v = new(big.Int).Set(s.V)
	case rt.NoneType:
		v = big.NewInt(time.Now().UnixNano())
	default:
		return rt.Errorf(rt.TypeErrorType, "The only supported seed types are: None, int, float, str, bytes, and bytearray.")
	}
	v.Abs(v)
	var key []uint32
	mask := big.NewInt(0xffffffff)
	for v.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(v, mask).Uint64()))
		v.Rsh(v, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
	m.gaussNext = nil
	return nil
}

// randomType is random.Random; an instance owns its own generator.
var randomType = rt.NewBuiltinType("Random", "random")

type randomObj struct{ g *mt19937 }

func (*randomObj) Type() *rt.Type { return randomType }

// randbelow is Random._randbelow_with_getrandbits.
func (m *mt19937) randbelow(limit int64) int64 {
	if limit <= 0 {
		return 0
	}
	k := big.NewInt(limit).BitLen()
	for {
		r := m.getrandbits(k).Int64()
		if r < limit {
			return r
		}
	}
}

func init() {
	rt.RegisterModule("random", func() (*rt.Module, *rt.BaseException) {
		g := &mt19937{}
		g.seed(rt.None)
		m := rt.NewModule("random")
		// Each function is also a method of random.Random: the method runs
		// it with g switched to the instance's generator. Both check their
		// arguments with the function's randomArgs spec (applied below).
		def := func(name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
			rt.DefMethod(randomType, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				prev := g
				g = self.(*randomObj).g
				r, exc := fn(args, kw)
				g = prev
				return r, exc
			})
		}
		randomType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			r := &randomObj{g: &mt19937{}}
			var s rt.Object = rt.None
			if len(args) > 0 {
				s = args[0]
			}
			return r, r.g.seed(s)
		}
		m.Dict.SetStr("Random", randomType)
		def("gauss", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			mu, sigma, exc := twoFloats("gauss", args, kw, "mu", 0, "sigma", 1)
			if exc != nil {
				return nil, exc
			}
			var z float64
			if g.gaussNext != nil {
				z = *g.gaussNext
				g.gaussNext = nil
			} else {
				x2pi := g.random() * 2 * math.Pi
				g2rad := math.Sqrt(-2.0 * math.Log(1.0-g.random()))
				z = math.Cos(x2pi) * g2rad
				next := math.Sin(x2pi) * g2rad
				g.gaussNext = &next
			}
			return rt.Float(mu + z*sigma), nil
		})
		def("choices", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) < 1 || len(args) > 2 {
				return nil, rt.Errorf(rt.TypeErrorType, "Random.choices() takes from 2 to 3 positional arguments but %d were given", len(args)+1)
			}
			pop, exc := rt.Iterate(args[0])
			if exc != nil {
				return nil, exc
			}
			var weights, cum rt.Object = rt.None, rt.None
			if len(args) == 2 {
				weights = args[1]
			}
			k := int64(1)
			for _, a := range kw {
				switch a.Name {
				case "weights":
					weights = a.Value
				case "cum_weights":
					cum = a.Value
				case "k":
					v, ok := rt.AsInt(a.Value)
					if !ok {
						return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", a.Value.Type().Name)
					}
					k = v
				default:
					return nil, rt.Errorf(rt.TypeErrorType, "Random.choices() got an unexpected keyword argument '%s'", a.Name)
				}
			}
			n := len(pop)
			out := make([]rt.Object, 0, max(k, 0))
			if cum == rt.None && weights == rt.None {
				if n == 0 {
					if k > 0 {
						return nil, rt.Errorf(rt.IndexErrorType, "list index out of range")
					}
					return rt.NewList(), nil
				}
				for i := int64(0); i < k; i++ {
					out = append(out, pop[int(math.Floor(g.random()*float64(n)))])
				}
				return rt.NewList(out...), nil
			}
			var cw []float64
			if cum != rt.None {
				if weights != rt.None {
					return nil, rt.Errorf(rt.TypeErrorType, "Cannot specify both weights and cumulative weights")
				}
				items, exc := rt.Iterate(cum)
				if exc != nil {
					return nil, exc
				}
				for _, it := range items {
					f, ok := floatOf(it)
					if !ok {
						return nil, rt.Errorf(rt.TypeErrorType, "unsupported operand type(s) for +: 'float' and '%s'", it.Type().Name)
					}
					cw = append(cw, f)
				}
			} else {
				items, exc := rt.Iterate(weights)
				if exc != nil {
					return nil, exc
				}
				acc := 0.0
				for _, it := range items {
					f, ok := floatOf(it)
					if !ok {
						return nil, rt.Errorf(rt.TypeErrorType, "unsupported operand type(s) for +: 'float' and '%s'", it.Type().Name)
					}
					acc += f
					cw = append(cw, acc)
				}
			}
			if len(cw) != n {
				return nil, rt.Errorf(rt.ValueErrorType, "The number of weights does not match the population")
			}
			total := cw[n-1]
			if total <= 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "Total of weights must be greater than zero")
			}
			for i := int64(0); i < k; i++ {
				x := g.random() * total
				lo, hi := 0, n-1 // bisect_right(cw, x, 0, n-1)
				for lo < hi {
					mid := (lo + hi) / 2
					if x < cw[mid] {
						hi = mid
					} else {
						lo = mid + 1
					}
				}
				out = append(out, pop[lo])
			}
			return rt.NewList(out...), nil
		})
		def("seed", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			var s rt.Object = rt.None
			if len(args) > 0 {
				s = args[0]
			}
			return rt.None, g.seed(s)
		})
		def("random", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Float(g.random()), nil
		})
		def("getrandbits", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			k, _ := rt.AsInt(args[0])
			return rt.BigIntFromString(g.getrandbits(int(k)).String()), nil
		})
		randrange := func(args []rt.Object) (rt.Object, *rt.BaseException) {
			var start, stop, step int64 = 0, 0, 1
			vals := make([]int64, len(args))
			for i, a := range args {
				v, ok := rt.AsInt(a)
				if !ok {
					return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", a.Type().Name)
				}
				vals[i] = v
			}
			switch len(vals) {
			case 1:
				stop = vals[0]
			case 2:
				start, stop = vals[0], vals[1]
			case 3:
				start, stop, step = vals[0], vals[1], vals[2]
			default:
				return nil, rt.Errorf(rt.TypeErrorType, "randrange expected at most 3 arguments, got %d", len(vals))
			}
			if step == 1 {
				if stop <= start {
					return nil, rt.Errorf(rt.ValueErrorType, "empty range in randrange(%d, %d)", start, stop)
				}
				return rt.Int(start + g.randbelow(stop-start)), nil
			}
			if step == 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "zero step for randrange()")
			}
			var cnt int64
			if step > 0 {
				cnt = (stop - start + step - 1) / step
			} else {
				cnt = (stop - start + step + 1) / step
			}
			if cnt <= 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "empty range in randrange(%d, %d, %d)", start, stop, step)
			}
			return rt.Int(start + step*g.randbelow(cnt)), nil
		}
		def("randrange", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return randrange(args) })
		def("randint", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) != 2 {
				return nil, rt.Errorf(rt.TypeErrorType, "Random.randint() missing required arguments")
			}
			b, _ := rt.AsInt(args[1])
			return randrange([]rt.Object{args[0], rt.Int(b + 1)})
		})
		def("choice", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			items, exc := rt.Iterate(args[0])
			if exc != nil {
				return nil, exc
			}
			if len(items) == 0 {
				return nil, rt.Errorf(rt.IndexErrorType, "Cannot choose from an empty sequence")
			}
			return items[g.randbelow(int64(len(items)))], nil
		})
		def("uniform", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			a, _ := rt.Add(args[0], rt.Float(0))
			b, _ := rt.Add(args[1], rt.Float(0))
			fa, fb := float64(a.(rt.Float)), float64(b.(rt.Float))
			return rt.Float(fa + (fb-fa)*g.random()), nil
		})
		def("shuffle", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			l, ok := args[0].(*rt.List)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "shuffle needs a list")
			}
			for i := len(l.Items) - 1; i > 0; i-- {
				j := g.randbelow(int64(i + 1))
				l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
			}
			return rt.None, nil
		})
		def("sample", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			pop, exc := rt.Iterate(args[0])
			if exc != nil {
				return nil, exc
			}
			var kObj rt.Object
			if len(args) > 1 {
				kObj = args[1]
			} else {
				for _, k := range kw {
					if k.Name == "k" {
						kObj = k.Value
					}
				}
			}
			k64, _ := rt.AsInt(kObj)
			k, size := int(k64), len(pop)
			if k < 0 || k > size {
				return nil, rt.Errorf(rt.ValueErrorType, "Sample larger than population or is negative")
			}
			result := make([]rt.Object, k)
			setsize := 21
			if k > 5 {
				setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
			}
			if size <= setsize {
				pool := append([]rt.Object(nil), pop...)
				for i := 0; i < k; i++ {
					j := g.randbelow(int64(size - i))
					result[i] = pool[j]
					pool[j] = pool[size-i-1]
				}
			} else {
				selected := map[int64]bool{}
				for i := 0; i < k; i++ {
					j := g.randbelow(int64(size))
					for selected[j] {
						j = g.randbelow(int64(size))
					}
					selected[j] = true
					result[i] = pop[j]
				}
			}
			return rt.NewList(result...), nil
		})
		rt.ApplyArgs(m.Dict, randomArgs)
		rt.ApplyMethodArgs(randomType, randomArgs)
		return m, nil
	})
}

func floatOf(x rt.Object) (float64, bool) {
	switch v := x.(type) {
	case rt.Int:
		return float64(v), true
	case rt.Float:
		return float64(v), true
	case rt.Bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// twoFloats reads the two float parameters of gauss-like functions.
func twoFloats(fn string, args []rt.Object, kw []rt.KwArg, n1 string, d1 float64, n2 string, d2 float64) (float64, float64, *rt.BaseException) {
	vals := []float64{d1, d2}
	names := []string{n1, n2}
	if len(args) > 2 {
		return 0, 0, rt.Errorf(rt.TypeErrorType, "Random.%s() takes from 1 to 3 positional arguments but %d were given", fn, len(args)+1)
	}
	for i, a := range args {
		f, ok := floatOf(a)
		if !ok {
			return 0, 0, rt.Errorf(rt.TypeErrorType, "must be real number, not %s", a.Type().Name)
		}
		vals[i] = f
	}
	for _, k := range kw {
		found := false
		for i, n := range names {
			if k.Name == n {
				f, ok := floatOf(k.Value)
				if !ok {
					return 0, 0, rt.Errorf(rt.TypeErrorType, "must be real number, not %s", k.Value.Type().Name)
				}
				vals[i], found = f, true
			}
		}
		if !found {
			return 0, 0, rt.Errorf(rt.TypeErrorType, "Random.%s() got an unexpected keyword argument '%s'", fn, k.Name)
		}
	}
	return vals[0], vals[1], nil
}

// randomArgs are the argument checks of random's functions (Random's
// methods, written in Python in CPython), in CPython's words. A body gets
// the parameters that may be given by position in args, whether they were
// given by position or by keyword.
var randomArgs = map[string]*rt.ArgSpec{
	"random":      rt.ArgsNone("Random.random"),
	"getrandbits": rt.ArgsOne("Random.getrandbits"),
	"seed":        rt.ArgsPython("Random.seed", 0, "a", "version").Method(),
	"gauss":       rt.ArgsPython("Random.gauss", 0, "mu", "sigma").Method(),
	"choices":     rt.ArgsPython("Random.choices", 1, "population", "weights").KwOnly("cum_weights", "k").Method(),
	"randrange":   rt.ArgsPython("Random.randrange", 1, "start", "stop", "step").Method(),
	"randint":     rt.ArgsPython("Random.randint", 2, "a", "b").Method(),
	"choice":      rt.ArgsPython("Random.choice", 1, "seq").Method(),
	"uniform":     rt.ArgsPython("Random.uniform", 2, "a", "b").Method(),
	"shuffle":     rt.ArgsPython("Random.shuffle", 1, "x").Method(),
	"sample":      rt.ArgsPython("Random.sample", 2, "population", "k").KwOnly("counts").Method(),
}
