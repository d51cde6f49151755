// Package bisect is Python's bisect module for translated programs:
// bisect_left, bisect_right (bisect), insort_left and insort_right
// (insort) as CPython 3.12's _bisect does them, with lo, hi and key, on
// any sequence, comparing with < in the same order.
package bisect

import (
	rt "github.com/async2go/async2go/rtlib"
)

func init() {
	rt.RegisterModule("bisect", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("bisect")
		specs := map[string]*rt.ArgSpec{}
		for _, f := range []struct {
			name          string
			right, insort bool
		}{{"bisect_left", false, false}, {"bisect_right", true, false}, {"insort_left", false, true}, {"insort_right", true, true}} {
			f := f
			spec := rt.ArgsPython(f.name, 2, "a", "x", "lo", "hi").KwOnly("key")
			b := &rt.Builtin{Name: f.name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return call(spec, args, kw, f.right, f.insort)
			}}
			m.Dict.SetStr(f.name, b)
			specs[f.name] = spec
		}
		// bisect and insort are bisect_right and insort_right.
		right, _ := m.Dict.GetStr("bisect_right")
		m.Dict.SetStr("bisect", right)
		insort, _ := m.Dict.GetStr("insort_right")
		m.Dict.SetStr("insort", insort)
		rt.ApplyArgs(m.Dict, specs)
		return m, nil
	})
}

func index(x rt.Object) (int, *rt.BaseException) {
	n, ok := rt.AsInt(x)
	if !ok {
		return 0, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", x.Type().Name)
	}
	return int(n), nil
}

func call(spec *rt.ArgSpec, args []rt.Object, kw []rt.KwArg, right, insort bool) (rt.Object, *rt.BaseException) {
	a, x := spec.Arg(args, kw, 0), spec.Arg(args, kw, 1)
	lo, hi := 0, -1
	if v := spec.Arg(args, kw, 2); v != nil {
		var exc *rt.BaseException
		if lo, exc = index(v); exc != nil {
			return nil, exc
		}
	}
	if v := spec.Arg(args, kw, 3); v != nil && v != rt.None {
		var exc *rt.BaseException
		if hi, exc = index(v); exc != nil {
			return nil, exc
		}
	}
	var key rt.Object // keyword-only
	for _, k := range kw {
		if k.Name == "key" && k.Value != rt.None {
			key = k.Value
		}
	}
	if lo < 0 {
		return nil, rt.Errorf(rt.ValueErrorType, "lo must be non-negative")
	}
	if hi == -1 {
		n, exc := rt.Len(a)
		if exc != nil {
			return nil, exc
		}
		hi = n
	}
	target := x
	if insort && key != nil {
		k, exc := rt.Call(key, []rt.Object{x}, nil)
		if exc != nil {
			return nil, exc
		}
		target = k
	}
	for lo < hi {
		mid := int(uint(lo+hi) / 2)
		item, exc := rt.GetItem(a, rt.Int(mid))
		if exc != nil {
			return nil, exc
		}
		if key != nil {
			if item, exc = rt.Call(key, []rt.Object{item}, nil); exc != nil {
				return nil, exc
			}
		}
		var l, r rt.Object = item, target // bisect_left: a[mid] < x
		if right {
			l, r = target, item // bisect_right: x < a[mid]
		}
		lt, exc := rt.Lt(l, r)
		if exc != nil {
			return nil, exc
		}
		less, exc := rt.Truth(lt)
		if exc != nil {
			return nil, exc
		}
		switch {
		case right && less:
			hi = mid
		case right:
			lo = mid + 1
		case less:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	if !insort {
		return rt.Int(lo), nil
	}
	if _, exc := rt.CallMethod(a, "insert", []rt.Object{rt.Int(lo), x}, nil); exc != nil {
		return nil, exc
	}
	return rt.None, nil
}
