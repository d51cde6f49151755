package functools

import (
	rt "github.com/async2go/async2go/rtlib"
)

// singledispatch is functools.singledispatch as Lib/functools.py writes
// it: a wrapper function that calls the implementation registered for
// the class of its first argument, or for the nearest class of its MRO;
// register(cls, func=None) (a class or a union of classes) and dispatch.
// Not yet: registering by a function's annotation (the runtime keeps no
// annotations) and dispatch on abstract base classes that are not in the
// class's MRO (CPython composes them into it): both raise
// NotImplementedError rather than pick another implementation.
func singledispatch(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	fn := args[0]
	registry := rt.NewDict()
	if exc := registry.SetItem(rt.ObjectType, fn); exc != nil {
		return nil, exc
	}
	funcname := "singledispatch function"
	if n, exc := rt.GetAttr(fn, "__name__"); exc == nil {
		if s, ok := n.(rt.Str); ok {
			funcname = string(s)
		}
	}
	dispatch := func(cls rt.Object) (rt.Object, *rt.BaseException) {
		t, ok := cls.(*rt.Type)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "dispatch() argument must be a class")
		}
		return findImpl(t, registry)
	}
	var register func(cls, f rt.Object) (rt.Object, *rt.BaseException)
	register = func(cls, f rt.Object) (rt.Object, *rt.BaseException) {
		classes, ok := dispatchTypes(cls)
		if !ok {
			if f != nil {
				r, _ := rt.Repr(cls)
				return nil, rt.Errorf(rt.TypeErrorType, "Invalid first argument to `register()`. %s is not a class or union type.", r)
			}
			return nil, rt.Errorf(rt.NotImplementedType, "async2go: register() by a function's annotation is not supported (annotations are not kept); use @%s.register(cls)", funcname)
		}
		if f == nil {
			return &rt.Builtin{Name: "<lambda>", Fn: func(a []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				if len(a) != 1 || len(kw) != 0 {
					return nil, rt.Errorf(rt.TypeErrorType, "singledispatch.<locals>.register.<locals>.<lambda>() takes 1 positional argument but %d were given", len(a))
				}
				return register(cls, a[0])
			}}, nil
		}
		for _, c := range classes {
			if exc := registry.SetItem(c, f); exc != nil {
				return nil, exc
			}
		}
		return f, nil
	}
	wrapper := &rt.Function{Name: "wrapper", Qualname: "singledispatch.<locals>.wrapper", Module: "functools",
		Sig: &rt.Signature{Name: "wrapper", Params: []string{"args", "kw"}, VarArgs: true, VarKw: true}}
	wrapper.Impl = func(_ *rt.Function, a []rt.Object) (rt.Object, *rt.BaseException) {
		pos := a[0].(*rt.Tuple).Items
		if len(pos) == 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "%s requires at least 1 positional argument", funcname)
		}
		impl, exc := dispatch(pos[0].Type())
		if exc != nil {
			return nil, exc
		}
		var kws []rt.KwArg
		a[1].(*rt.Dict).Items(func(k, v rt.Object) { kws = append(kws, rt.KwArg{Name: string(k.(rt.Str)), Value: v}) })
		return rt.Call(impl, pos, kws)
	}
	registerFn := &rt.Builtin{Name: "register", Fn: rt.WithArgs(registerArgs, func(a []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		cls, f := registerArgs.Arg(a, kw, 0), registerArgs.Arg(a, kw, 1)
		if f == rt.None {
			f = nil
		}
		return register(cls, f)
	})}
	dispatchFn := &rt.Builtin{Name: "dispatch", Fn: func(a []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(a) != 1 || len(kw) != 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "singledispatch.<locals>.dispatch() takes 1 positional argument but %d were given", len(a))
		}
		return dispatch(a[0])
	}}
	for name, v := range map[string]rt.Object{"register": registerFn, "dispatch": dispatchFn, "registry": registry,
		"_clear_cache": &rt.Builtin{Name: "clear", Fn: func([]rt.Object, []rt.KwArg) (rt.Object, *rt.BaseException) { return rt.None, nil }}} {
		if exc := rt.SetAttr(wrapper, name, v); exc != nil {
			return nil, exc
		}
	}
	return updateWrapper(wrapper, fn, assigned, updated)
}

var registerArgs = rt.ArgsPython("singledispatch.<locals>.register", 1, "cls", "func")

// dispatchTypes are the classes cls stands for in register: itself, or the
// classes of a union of classes; ok is false for anything else.
func dispatchTypes(cls rt.Object) ([]rt.Object, bool) {
	switch c := cls.(type) {
	case *rt.Type:
		return []rt.Object{c}, true
	case *rt.UnionType:
		for _, a := range c.Args.Items {
			if _, ok := a.(*rt.Type); !ok {
				return nil, false
			}
		}
		return c.Args.Items, true
	}
	return nil, false
}

// findImpl is _find_impl for classes whose registered bases are all in
// their MRO: the implementation of the first class of the MRO registered.
func findImpl(t *rt.Type, registry *rt.Dict) (rt.Object, *rt.BaseException) {
	inMRO := map[*rt.Type]bool{}
	for _, c := range t.MRO {
		inMRO[c] = true
	}
	issubclass, _ := rt.LookupBuiltin("issubclass")
	var exc *rt.BaseException
	abstract := false
	registry.Items(func(k, _ rt.Object) {
		kt, ok := k.(*rt.Type)
		if !ok || inMRO[kt] || exc != nil || abstract {
			return
		}
		r, e := rt.Call(issubclass, []rt.Object{t, kt}, nil)
		if e != nil {
			exc = e
			return
		}
		abstract = r == rt.Bool(true)
	})
	if exc != nil {
		return nil, exc
	}
	if abstract {
		return nil, rt.Errorf(rt.NotImplementedType, "async2go: singledispatch on an abstract base class of %s that is not in its MRO is not supported", t.Name)
	}
	for _, c := range t.MRO {
		if v, ok, exc := registry.GetItem(c); exc != nil || ok {
			return v, exc
		}
	}
	v, _, exc := registry.GetItem(rt.ObjectType)
	return v, exc
}
