// Package functools is Python's functools module for translated programs:
// wraps, partial and reduce.
package functools

import (
	rt "github.com/async2go/async2go/rtlib"
)

var partialType = rt.NewBuiltinType("partial", "functools")

// partial is functools.partial.
type partial struct {
	fn   rt.Object
	args []rt.Object
	kw   []rt.KwArg
}

func (*partial) Type() *rt.Type { return partialType }

// Call calls the wrapped function with the frozen and the new arguments.
func (p *partial) Call(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	all := append(append([]rt.Object(nil), p.args...), args...)
	kws := append(append([]rt.KwArg(nil), p.kw...), kw...)
	return rt.Call(p.fn, all, kws)
}

func builtin(m *rt.Module, name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
}

// assigned are the attributes functools.wraps copies (WRAPPER_ASSIGNMENTS).
var assigned = []string{"__module__", "__name__", "__qualname__", "__doc__"}

func init() {
	rt.RegisterModule("functools", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("functools")
		builtin(m, "wraps", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) != 1 {
				return nil, rt.Errorf(rt.TypeErrorType, "wraps() takes 1 positional argument")
			}
			wrapped := args[0]
			return &rt.Builtin{Name: "decorator", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				wrapper := args[0]
				for _, name := range assigned {
					if v, exc := rt.GetAttr(wrapped, name); exc == nil {
						if exc := rt.SetAttr(wrapper, name, v); exc != nil {
							return nil, exc
						}
					}
				}
				if exc := rt.SetAttr(wrapper, "__wrapped__", wrapped); exc != nil {
					return nil, exc
				}
				return wrapper, nil
			}}, nil
		})
		builtin(m, "partial", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) == 0 {
				return nil, rt.Errorf(rt.TypeErrorType, "type 'partial' takes at least one argument")
			}
			return &partial{fn: args[0], args: append([]rt.Object(nil), args[1:]...), kw: kw}, nil
		})
		builtin(m, "lru_cache", lruCacheBuiltin)
		builtin(m, "total_ordering", totalOrdering)
		builtin(m, "cache", cacheBuiltin)
		builtin(m, "reduce", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) < 2 {
				return nil, rt.Errorf(rt.TypeErrorType, "reduce expected at least 2 arguments, got %d", len(args))
			}
			it, exc := rt.Iter(args[1])
			if exc != nil {
				return nil, exc
			}
			var acc rt.Object
			if len(args) > 2 {
				acc = args[2]
			}
			for {
				v, ok, exc := rt.Next(it)
				if exc != nil {
					return nil, exc
				}
				if !ok {
					break
				}
				if acc == nil {
					acc = v
					continue
				}
				if acc, exc = rt.Call(args[0], []rt.Object{acc, v}, nil); exc != nil {
					return nil, exc
				}
			}
			if acc == nil {
				return nil, rt.Errorf(rt.TypeErrorType, "reduce() of empty iterable with no initial value")
			}
			return acc, nil
		})
		return m, nil
	})
}
