// Package copy is Python's copy module for translated programs: copy and
// deepcopy as CPython 3.12's Lib/copy.py makes them for the runtime's
// values. Immutable values are their own copies; lists, dicts (keeping a
// defaultdict's or Counter's class) and sets are copied; a class's
// __copy__ and __deepcopy__ are called; other instances are made with their
// class's __new__ and given a copy of their __dict__ (through __getstate__
// and __setstate__ when the class has them), as the pickle protocol's
// reduction does; an exception is made again from its args. deepcopy keeps
// its memo, a dict of id() to copy, so that shared and cyclic references
// stay so. Objects the runtime implements in Go (asyncio's futures, locks,
// queues …) cannot be copied: TypeError, as CPython says for objects that
// cannot be pickled.
package copy

import (
	rt "github.com/async2go/async2go/rtlib"
)

// ErrorType is copy.Error.
var ErrorType = rt.NewClass("Error", "copy", rt.ExceptionType)

func init() {
	rt.RegisterModule("copy", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("copy")
		m.Dict.SetStr("Error", ErrorType)
		m.Dict.SetStr("error", ErrorType)
		m.Dict.SetStr("copy", &rt.Builtin{Name: "copy", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return shallow(args[0])
		}})
		m.Dict.SetStr("deepcopy", &rt.Builtin{Name: "deepcopy", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			memo := deepcopyArgs.Arg(args, kw, 1)
			d, ok := memo.(*rt.Dict)
			if memo == nil || memo == rt.None {
				d, ok = rt.NewDict(), true
			}
			if !ok {
				return nil, rt.Errorf(rt.AttributeErrorType, "'%s' object has no attribute 'get'", memo.Type().Name)
			}
			return deep(deepcopyArgs.Arg(args, kw, 0), d)
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"copy":     rt.ArgsPython("copy", 1, "x"),
			"deepcopy": deepcopyArgs,
		})
		return m, nil
	})
}

var deepcopyArgs = rt.ArgsPython("deepcopy", 1, "x", "memo", "_nil")

// atomic reports whether x is its own copy (_copy_immutable,
// _deepcopy_atomic): None, numbers, strs, types, functions, ranges …
func atomic(x rt.Object) bool {
	switch x.(type) {
	case rt.NoneType, rt.Bool, rt.Int, *rt.BigInt, rt.Float, rt.Str, *rt.Type, *rt.Function, *rt.Builtin:
		return true
	}
	switch x.Type().Name {
	case "range", "NotImplementedType", "ellipsis", "property", "complex", "code", "builtin_function_or_method":
		return x.Type().Module == "builtins"
	}
	return false
}

func notCopyable(x rt.Object) *rt.BaseException {
	name := x.Type().Name
	if m := x.Type().Module; m != "builtins" && m != "" {
		name = m + "." + name
	}
	return rt.Errorf(rt.TypeErrorType, "cannot pickle '%s' object", name)
}

// newLike is an empty dict of d's class: a defaultdict with d's
// default_factory (its reduction's arguments), a Counter, an OrderedDict.
func newLike(d *rt.Dict) (*rt.Dict, *rt.BaseException) {
	if d.Class == nil {
		return rt.NewDict(), nil
	}
	var args []rt.Object
	if f, exc := rt.GetAttr(d, "default_factory"); exc == nil {
		args = append(args, f)
	}
	y, exc := rt.Call(d.Class, args, nil)
	if exc != nil {
		return nil, exc
	}
	yd, ok := y.(*rt.Dict)
	if !ok {
		return nil, notCopyable(d)
	}
	return yd, nil
}

// copyDict is a dict with d's entries, of d's class (defaultdict, Counter).
func copyDict(d *rt.Dict, item func(rt.Object) (rt.Object, *rt.BaseException)) (*rt.Dict, *rt.BaseException) {
	y, exc := newLike(d)
	if exc != nil {
		return nil, exc
	}
	return y, fillDict(y, d, item)
}

// fillDict stores in y the copies (item) of d's keys and values.
func fillDict(y, d *rt.Dict, item func(rt.Object) (rt.Object, *rt.BaseException)) (exc *rt.BaseException) {
	d.Items(func(k, v rt.Object) {
		if exc != nil {
			return
		}
		var kc, vc rt.Object
		if kc, exc = item(k); exc != nil {
			return
		}
		if vc, exc = item(v); exc != nil {
			return
		}
		exc = y.SetItem(kc, vc)
	})
	return exc
}

func same(x rt.Object) (rt.Object, *rt.BaseException) { return x, nil }

// shallow is copy.copy.
func shallow(x rt.Object) (rt.Object, *rt.BaseException) {
	if atomic(x) {
		return x, nil
	}
	switch v := x.(type) {
	case *rt.Tuple:
		return x, nil
	case *rt.Set:
		if v.Type() == rt.FrozenSetType {
			return x, nil
		}
		items, exc := rt.Iterate(v)
		if exc != nil {
			return nil, exc
		}
		return rt.NewSet(items...)
	case *rt.List:
		return rt.NewList(append([]rt.Object(nil), v.Items...)...), nil
	case *rt.Dict:
		return copyDict(v, same)
	case *rt.BaseException:
		return copyException(v, nil)
	case *rt.Instance:
		if m, ok := rt.LookupAttr(v.Class, "__copy__"); ok {
			return rt.Call(m, []rt.Object{x}, nil)
		}
		return reconstruct(v, nil)
	}
	return nil, notCopyable(x)
}

// copyException is the reduction of an exception: its class called with
// its args (deep-copied for deepcopy), then its __dict__.
func copyException(e *rt.BaseException, memo *rt.Dict) (rt.Object, *rt.BaseException) {
	var args []rt.Object
	if e.Args != nil {
		args = e.Args.Items
	}
	if memo != nil {
		items := make([]rt.Object, len(args))
		for i, a := range args {
			c, exc := deep(a, memo)
			if exc != nil {
				return nil, exc
			}
			items[i] = c
		}
		args = items
	}
	y, exc := rt.Call(e.Class, args, nil)
	if exc != nil {
		return nil, exc
	}
	if memo != nil {
		if exc := memoize(memo, e, y); exc != nil {
			return nil, exc
		}
	}
	if ye, ok := y.(*rt.BaseException); ok && e.Attrs != nil && e.Attrs.Len() > 0 {
		state, exc := copyState(e.Attrs, memo)
		if exc != nil {
			return nil, exc
		}
		if ye.Attrs == nil {
			ye.Attrs = rt.NewDict()
		}
		state.Items(func(k, v rt.Object) { ye.Attrs.SetItem(k, v) })
	}
	return y, nil
}

func copyState(state *rt.Dict, memo *rt.Dict) (*rt.Dict, *rt.BaseException) {
	if memo == nil {
		return state, nil
	}
	c, exc := deep(state, memo)
	if exc != nil {
		return nil, exc
	}
	return c.(*rt.Dict), nil
}

// reconstruct is copy._reconstruct of an instance reduced by
// object.__reduce_ex__(4): cls.__new__(cls), then its state (__getstate__,
// else its __dict__) given by __setstate__, else into its __dict__.
func reconstruct(x *rt.Instance, memo *rt.Dict) (rt.Object, *rt.BaseException) {
	newFn, ok := rt.LookupAttr(x.Class, "__new__")
	if !ok {
		return nil, notCopyable(x)
	}
	if sm, ok := newFn.(*rt.StaticMethod); ok {
		newFn = sm.Fn
	}
	y, exc := rt.Call(newFn, []rt.Object{x.Class}, nil)
	if exc != nil {
		return nil, exc
	}
	if memo != nil {
		if exc := memoize(memo, x, y); exc != nil {
			return nil, exc
		}
	}
	var state rt.Object = x.Attrs
	if _, ok := rt.LookupAttr(x.Class, "__getstate__"); ok {
		if state, exc = rt.CallMethod(x, "__getstate__", nil, nil); exc != nil {
			return nil, exc
		}
	}
	if state == nil || state == rt.None {
		return y, nil
	}
	if d, ok := state.(*rt.Dict); ok && d.Len() == 0 {
		return y, nil
	}
	if memo != nil {
		if state, exc = deep(state, memo); exc != nil {
			return nil, exc
		}
	}
	if _, ok := rt.LookupAttr(x.Class, "__setstate__"); ok {
		_, exc := rt.CallMethod(y, "__setstate__", []rt.Object{state}, nil)
		return y, exc
	}
	d, ok := state.(*rt.Dict)
	yi, isInst := y.(*rt.Instance)
	if !ok || !isInst {
		return nil, notCopyable(x)
	}
	if yi.Attrs == nil {
		yi.Attrs = rt.NewDict()
	}
	d.Items(func(k, v rt.Object) { exc = yi.Attrs.SetItem(k, v) })
	return y, exc
}

func idOf(x rt.Object) (rt.Object, *rt.BaseException) {
	return rt.Call(rt.MustBuiltin("id"), []rt.Object{x}, nil)
}

func memoize(memo *rt.Dict, x, y rt.Object) *rt.BaseException {
	id, exc := idOf(x)
	if exc != nil {
		return exc
	}
	return memo.SetItem(id, y)
}

// deep is copy.deepcopy(x, memo).
func deep(x rt.Object, memo *rt.Dict) (rt.Object, *rt.BaseException) {
	if atomic(x) {
		return x, nil
	}
	id, exc := idOf(x)
	if exc != nil {
		return nil, exc
	}
	if y, ok, exc := memo.GetItem(id); exc != nil || ok {
		return y, exc
	}
	item := func(o rt.Object) (rt.Object, *rt.BaseException) { return deep(o, memo) }
	var y rt.Object
	switch v := x.(type) {
	case *rt.List:
		l := rt.NewList()
		if exc := memo.SetItem(id, l); exc != nil {
			return nil, exc
		}
		for _, it := range v.Items {
			c, exc := deep(it, memo)
			if exc != nil {
				return nil, exc
			}
			l.Items = append(l.Items, c)
		}
		return l, nil
	case *rt.Dict:
		d, exc := newLike(v)
		if exc != nil {
			return nil, exc
		}
		if exc := memo.SetItem(id, d); exc != nil {
			return nil, exc
		}
		if exc := fillDict(d, v, item); exc != nil {
			return nil, exc
		}
		return d, nil
	case *rt.Tuple:
		items := make([]rt.Object, len(v.Items))
		changed := false
		for i, it := range v.Items {
			c, exc := deep(it, memo)
			if exc != nil {
				return nil, exc
			}
			items[i] = c
			changed = changed || c != it
		}
		// A cycle through the tuple made its copy already.
		if y, ok, exc := memo.GetItem(id); exc != nil || ok {
			return y, exc
		}
		y = x
		if changed {
			y = rt.NewTuple(items...)
		}
	case *rt.Set:
		items, exc := rt.Iterate(v)
		if exc != nil {
			return nil, exc
		}
		for i, it := range items {
			if items[i], exc = deep(it, memo); exc != nil {
				return nil, exc
			}
		}
		// The reduction of a set or a frozenset: its class called with a
		// list of copies.
		if y, exc = rt.Call(v.Type(), []rt.Object{rt.NewList(items...)}, nil); exc != nil {
			return nil, exc
		}
	case *rt.BaseException:
		return copyException(v, memo)
	case *rt.BoundMethod:
		self, exc := deep(v.Self, memo)
		if exc != nil {
			return nil, exc
		}
		y = &rt.BoundMethod{Self: self, Fn: v.Fn}
	case *rt.Instance:
		if m, ok := rt.LookupAttr(v.Class, "__deepcopy__"); ok {
			if y, exc = rt.Call(m, []rt.Object{x, memo}, nil); exc != nil {
				return nil, exc
			}
		} else {
			return reconstruct(v, memo)
		}
	default:
		return nil, notCopyable(x)
	}
	if y != x {
		if exc := memo.SetItem(id, y); exc != nil {
			return nil, exc
		}
	}
	return y, nil
}
