package itertools

import (
	rt "github.com/async2go/async2go/rtlib"
)

var chainType = newIterType("chain")

func predArgs(name string, args []rt.Object) (rt.Object, rt.Object, *rt.BaseException) {
	if len(args) != 2 {
		return nil, nil, rt.Errorf(rt.TypeErrorType, "%s expected 2 arguments, got %d", name, len(args))
	}
	it, exc := rt.Iter(args[1])
	return args[0], it, exc
}

func truthOf(pred, v rt.Object) (bool, *rt.BaseException) {
	if pred == rt.None {
		return rt.Truth(v)
	}
	r, exc := rt.Call(pred, []rt.Object{v}, nil)
	if exc != nil {
		return false, exc
	}
	return rt.Truth(r)
}

// addMore adds the itertools functions of more.go, and chain's
// from_iterable (chain becomes a class with the others: iterClass).
func addMore(m *rt.Module, def func(name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException))) {
	chainType.Dict.SetStr("from_iterable", &rt.StaticMethod{Fn: &rt.Builtin{Name: "from_iterable", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 1 {
			return nil, rt.Errorf(rt.TypeErrorType, "chain.from_iterable() takes exactly one argument (%d given)", len(args))
		}
		outer, exc := rt.Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		var cur rt.Object
		return &iter{typ: chainType, next: func() (rt.Object, bool, *rt.BaseException) {
			for {
				if cur == nil {
					sub, ok, exc := rt.Next(outer)
					if exc != nil || !ok {
						return nil, false, exc
					}
					if cur, exc = rt.Iter(sub); exc != nil {
						return nil, false, exc
					}
				}
				v, ok, exc := rt.Next(cur)
				if exc != nil || ok {
					return v, ok, exc
				}
				cur = nil
			}
		}}, nil
	}}})
	def("takewhile", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		pred, it, exc := predArgs("takewhile", args)
		if exc != nil {
			return nil, exc
		}
		stopped := false
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			if stopped {
				return nil, false, nil
			}
			v, ok, exc := rt.Next(it)
			if exc != nil || !ok {
				return nil, false, exc
			}
			keep, exc := truthOf(pred, v)
			if exc != nil {
				return nil, false, exc
			}
			if !keep {
				stopped = true
				return nil, false, nil
			}
			return v, true, nil
		}}, nil
	})
	def("dropwhile", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		pred, it, exc := predArgs("dropwhile", args)
		if exc != nil {
			return nil, exc
		}
		dropping := true
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			for {
				v, ok, exc := rt.Next(it)
				if exc != nil || !ok {
					return nil, false, exc
				}
				if dropping {
					drop, exc := truthOf(pred, v)
					if exc != nil {
						return nil, false, exc
					}
					if drop {
						continue
					}
					dropping = false
				}
				return v, true, nil
			}
		}}, nil
	})
	def("filterfalse", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		pred, it, exc := predArgs("filterfalse", args)
		if exc != nil {
			return nil, exc
		}
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			for {
				v, ok, exc := rt.Next(it)
				if exc != nil || !ok {
					return nil, false, exc
				}
				t, exc := truthOf(pred, v)
				if exc != nil {
					return nil, false, exc
				}
				if !t {
					return v, true, nil
				}
			}
		}}, nil
	})
	def("starmap", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		fn, it, exc := predArgs("starmap", args)
		if exc != nil {
			return nil, exc
		}
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			v, ok, exc := rt.Next(it)
			if exc != nil || !ok {
				return nil, false, exc
			}
			a, exc := rt.Iterate(v)
			if exc != nil {
				return nil, false, exc
			}
			r, exc := rt.Call(fn, a, nil)
			return r, exc == nil, exc
		}}, nil
	})
	def("compress", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 2 {
			return nil, rt.Errorf(rt.TypeErrorType, "compress expected 2 arguments, got %d", len(args))
		}
		data, exc := rt.Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		sel, exc := rt.Iter(args[1])
		if exc != nil {
			return nil, exc
		}
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			for {
				v, ok, exc := rt.Next(data)
				if exc != nil || !ok {
					return nil, false, exc
				}
				s, ok, exc := rt.Next(sel)
				if exc != nil || !ok {
					return nil, false, exc
				}
				if b, exc := rt.Truth(s); exc != nil {
					return nil, false, exc
				} else if b {
					return v, true, nil
				}
			}
		}}, nil
	})
	def("pairwise", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 1 {
			return nil, rt.Errorf(rt.TypeErrorType, "pairwise expected 1 argument, got %d", len(args))
		}
		it, exc := rt.Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		var prev rt.Object
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			if prev == nil {
				v, ok, exc := rt.Next(it)
				if exc != nil || !ok {
					return nil, false, exc
				}
				prev = v
			}
			v, ok, exc := rt.Next(it)
			if exc != nil || !ok {
				return nil, false, exc
			}
			pair := rt.NewTuple(prev, v)
			prev = v
			return pair, true, nil
		}}, nil
	})
	def("batched", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 2 {
			return nil, rt.Errorf(rt.TypeErrorType, "batched() takes exactly 2 arguments (%d given)", len(args))
		}
		n, ok := args[1].(rt.Int)
		if !ok || n < 1 {
			return nil, rt.Errorf(rt.ValueErrorType, "n must be at least one")
		}
		it, exc := rt.Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
			var batch []rt.Object
			for int64(len(batch)) < int64(n) {
				v, ok, exc := rt.Next(it)
				if exc != nil {
					return nil, false, exc
				}
				if !ok {
					break
				}
				batch = append(batch, v)
			}
			if len(batch) == 0 {
				return nil, false, nil
			}
			return rt.NewTuple(batch...), true, nil
		}}, nil
	})
	def("tee", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) < 1 || len(args) > 2 {
			return nil, rt.Errorf(rt.TypeErrorType, "tee expected at most 2 arguments, got %d", len(args))
		}
		n := int64(2)
		if len(args) == 2 {
			v, ok := args[1].(rt.Int)
			if !ok || v < 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "n must be >= 0")
			}
			n = int64(v)
		}
		it, exc := rt.Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		var buf []rt.Object
		pos := make([]int, n)
		out := make([]rt.Object, n)
		for i := range out {
			i := i
			out[i] = &iter{typ: teeType, next: func() (rt.Object, bool, *rt.BaseException) {
				if pos[i] == len(buf) {
					v, ok, exc := rt.Next(it)
					if exc != nil || !ok {
						return nil, false, exc
					}
					buf = append(buf, v)
				}
				pos[i]++
				return buf[pos[i]-1], true, nil
			}}
		}
		return rt.NewTuple(out...), nil
	})
	def("combinations_with_replacement", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 2 {
			return nil, rt.Errorf(rt.TypeErrorType, "combinations_with_replacement() takes exactly 2 arguments (%d given)", len(args))
		}
		pool, exc := rt.Iterate(args[0])
		if exc != nil {
			return nil, exc
		}
		rv, ok := args[1].(rt.Int)
		if !ok || rv < 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "r must be non-negative")
		}
		r, n := int(rv), len(pool)
		var out []rt.Object
		if n > 0 || r == 0 {
			idx := make([]int, r)
			for {
				t := make([]rt.Object, r)
				for i, j := range idx {
					t[i] = pool[j]
				}
				out = append(out, rt.NewTuple(t...))
				i := r - 1
				for i >= 0 && idx[i] == n-1 {
					i--
				}
				if i < 0 {
					break
				}
				v := idx[i] + 1
				for k := i; k < r; k++ {
					idx[k] = v
				}
			}
		}
		return overItems(out, nil), nil
	})
}
