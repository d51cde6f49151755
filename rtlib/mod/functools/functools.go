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
	// keywords = {**self.keywords, **keywords}
	kws := append([]rt.KwArg(nil), p.kw...)
	for _, k := range kw {
		replaced := false
		for i := range kws {
			if kws[i].Name == k.Name {
				kws[i].Value, replaced = k.Value, true
			}
		}
		if !replaced {
			kws = append(kws, k)
		}
	}
	return rt.Call(p.fn, all, kws)
}

// keyType is the class cmp_to_key returns: K(obj) compares by cmp.
var keyType = rt.NewClass("K", "functools")

func init() {
	for name, attr := range map[string]func(p *partial) rt.Object{
		"func": func(p *partial) rt.Object { return p.fn },
		"args": func(p *partial) rt.Object { return rt.NewTuple(p.args...) },
		"keywords": func(p *partial) rt.Object {
			d := rt.NewDict()
			for _, k := range p.kw {
				d.SetStr(k.Name, k.Value)
			}
			return d
		},
	} {
		attr := attr
		partialType.Dict.SetStr(name, &rt.Property{Get: &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return attr(args[0].(*partial)), nil
		}}, Set: rt.None})
	}
	for name, want := range map[string]func(c int64) bool{
		"__lt__": func(c int64) bool { return c < 0 }, "__gt__": func(c int64) bool { return c > 0 },
		"__eq__": func(c int64) bool { return c == 0 }, "__le__": func(c int64) bool { return c <= 0 },
		"__ge__": func(c int64) bool { return c >= 0 }, "__ne__": func(c int64) bool { return c != 0 },
	} {
		want := want
		rt.DefMethod(keyType, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			a := self.(*rt.Instance)
			b, ok := args[0].(*rt.Instance)
			if !ok || b.Class != keyType {
				return rt.NotImplemented, nil
			}
			cmp, _ := a.Attrs.GetStr("cmp")
			x, _ := a.Attrs.GetStr("obj")
			y, _ := b.Attrs.GetStr("obj")
			r, exc := rt.Call(cmp, []rt.Object{x, y}, nil)
			if exc != nil {
				return nil, exc
			}
			n, ok := r.(rt.Int)
			if !ok {
				c, exc := rt.Lt(r, rt.Int(0))
				if exc != nil {
					return nil, exc
				}
				if c == rt.Bool(true) {
					n = -1
				} else if e, _ := rt.Eq(r, rt.Int(0)); e != rt.Bool(true) {
					n = 1
				}
			}
			return rt.Bool(want(int64(n))), nil
		})
	}
	keyType.Dict.SetStr("__hash__", rt.None)
}

func builtin(m *rt.Module, name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
}

// assigned are the attributes functools.wraps copies (WRAPPER_ASSIGNMENTS;
// those the wrapped object lacks are skipped), updated those whose dicts it
// updates from the wrapped object's (WRAPPER_UPDATES).
var (
	assigned = []string{"__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"}
	updated  = []string{"__dict__"}
)

var (
	wrapsArgs         = rt.ArgsPython("wraps", 1, "wrapped", "assigned", "updated")
	updateWrapperArgs = rt.ArgsPython("update_wrapper", 2, "wrapper", "wrapped", "assigned", "updated")
)

// nameLists reads the assigned and updated arguments of wraps and
// update_wrapper (WRAPPER_ASSIGNMENTS and WRAPPER_UPDATES when absent).
func nameLists(a, u rt.Object) (names, updates []string, exc *rt.BaseException) {
	if names, exc = nameList(a, assigned); exc != nil {
		return nil, nil, exc
	}
	if updates, exc = nameList(u, updated); exc != nil {
		return nil, nil, exc
	}
	return names, updates, nil
}

// nameList reads an assigned or updated argument: def when absent.
func nameList(arg rt.Object, def []string) ([]string, *rt.BaseException) {
	if arg == nil {
		return def, nil
	}
	items, exc := rt.Iterate(arg)
	if exc != nil {
		return nil, exc
	}
	names := make([]string, 0, len(items))
	for _, it := range items {
		n, ok := it.(rt.Str)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "attribute name must be string, not '%s'", it.Type().Name)
		}
		names = append(names, string(n))
	}
	return names, nil
}

// updateWrapper is functools.update_wrapper: the assigned attributes
// copied from wrapped where it has them, the updated ones' dicts updated
// from wrapped's, then __wrapped__ set (last, so that a __wrapped__ in
// wrapped's __dict__ does not win).
func updateWrapper(wrapper, wrapped rt.Object, names, updates []string) (rt.Object, *rt.BaseException) {
	for _, name := range names {
		v, exc := rt.GetAttr(wrapped, name)
		if exc != nil {
			if exc.Class.IsSubtype(rt.AttributeErrorType) {
				continue
			}
			return nil, exc
		}
		if exc := rt.SetAttr(wrapper, name, v); exc != nil {
			return nil, exc
		}
	}
	for _, name := range updates {
		target, exc := rt.GetAttr(wrapper, name)
		if exc != nil {
			return nil, exc
		}
		source, exc := rt.GetAttr(wrapped, name)
		if exc != nil {
			if !exc.Class.IsSubtype(rt.AttributeErrorType) {
				return nil, exc
			}
			source = rt.NewDict()
		}
		if _, exc := rt.CallMethod(target, "update", []rt.Object{source}, nil); exc != nil {
			return nil, exc
		}
	}
	if exc := rt.SetAttr(wrapper, "__wrapped__", wrapped); exc != nil {
		return nil, exc
	}
	return wrapper, nil
}

func init() {
	callable, _ := rt.LookupBuiltin("callable")
	rt.RegisterModule("functools", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("functools")
		builtin(m, "wraps", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			wrapped := args[0]
			names, updates, exc := nameLists(wrapsArgs.Arg(args, kw, 1), wrapsArgs.Arg(args, kw, 2))
			if exc != nil {
				return nil, exc
			}
			return &rt.Builtin{Name: "decorator", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return updateWrapper(args[0], wrapped, names, updates)
			}}, nil
		})
		builtin(m, "singledispatch", singledispatch)
		builtin(m, "update_wrapper", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			names, updates, exc := nameLists(updateWrapperArgs.Arg(args, kw, 2), updateWrapperArgs.Arg(args, kw, 3))
			if exc != nil {
				return nil, exc
			}
			return updateWrapper(args[0], args[1], names, updates)
		})
		strs := func(names []string) rt.Object {
			items := make([]rt.Object, len(names))
			for i, n := range names {
				items[i] = rt.Str(n)
			}
			return rt.NewTuple(items...)
		}
		m.Dict.SetStr("WRAPPER_ASSIGNMENTS", strs(assigned))
		m.Dict.SetStr("WRAPPER_UPDATES", strs(updated))
		builtin(m, "partial", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if ok, exc := rt.Call(callable, args[:1], nil); exc != nil || ok != rt.Bool(true) {
				return nil, rt.Errorf(rt.TypeErrorType, "the first argument must be callable")
			}
			return &partial{fn: args[0], args: append([]rt.Object(nil), args[1:]...), kw: kw}, nil
		})
		defineCachedProperty()
		m.Dict.SetStr("cached_property", cachedPropertyType)
		builtin(m, "lru_cache", lruCacheBuiltin)
		builtin(m, "cmp_to_key", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			cmp := args[0]
			return &rt.Builtin{Name: "K", Fn: func(a []rt.Object, _ []rt.KwArg) (rt.Object, *rt.BaseException) {
				if len(a) != 1 {
					return nil, rt.Errorf(rt.TypeErrorType, "K() takes exactly one argument (%d given)", len(a))
				}
				k := rt.NewInstance(keyType)
				k.Attrs.SetStr("cmp", cmp)
				k.Attrs.SetStr("obj", a[0])
				return k, nil
			}}, nil
		})
		builtin(m, "total_ordering", totalOrdering)
		builtin(m, "cache", cacheBuiltin)
		builtin(m, "reduce", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
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
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			// wraps' updated (WRAPPER_UPDATES, __dict__) is taken but not
			// used: wrappers here copy no __dict__.
			"wraps":          wrapsArgs,
			"update_wrapper": updateWrapperArgs,
			"singledispatch": rt.ArgsPython("singledispatch", 1, "func"),
			"partial":        rt.ArgsPositional("partial", "", 1, -1).AnyKw().FewMessage("type 'partial' takes at least one argument"),
			"lru_cache":      rt.ArgsPython("lru_cache", 0, "maxsize", "typed"),
			"cmp_to_key":     rt.ArgsClinic("cmp_to_key", 0, 1, 1, "mycmp"),
			"total_ordering": rt.ArgsPython("total_ordering", 1, "cls"),
			"cache":          rt.ArgsPython("cache", 1, "user_function").PosOnly(1),
			"reduce":         rt.ArgsPositional("reduce", "", 2, 3),
		})
		return m, nil
	})
}
