package contextlib

import rt "github.com/async2go/async2go/rtlib"

// nullcontext, closing and aclosing, as in CPython 3.12's Lib/contextlib.py.

var (
	nullcontextType = rt.NewBuiltinType("nullcontext", "contextlib")
	closingType     = rt.NewBuiltinType("closing", "contextlib")
	aclosingType    = rt.NewBuiltinType("aclosing", "contextlib")
)

// nullcontext is a context manager, sync and async, that does nothing:
// its enter gives enterResult.
type nullcontext struct{ enterResult rt.Object }

func (*nullcontext) Type() *rt.Type { return nullcontextType }

// closing calls thing.close() on exit; aclosing awaits thing.aclose().
type closing struct {
	thing rt.Object
	async bool
}

func (c *closing) Type() *rt.Type {
	if c.async {
		return aclosingType
	}
	return closingType
}

func installSimple(m *rt.Module) {
	method(nullcontextType, "__enter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*nullcontext).enterResult, nil
	})
	method(nullcontextType, "__exit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.None, nil
	})
	method(nullcontextType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.NewCoroutine(&rt.Function{Name: "__aenter__", Qualname: "nullcontext.__aenter__"}, done{self.(*nullcontext).enterResult}), nil
	})
	method(nullcontextType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.NewCoroutine(&rt.Function{Name: "__aexit__", Qualname: "nullcontext.__aexit__"}, done{rt.None}), nil
	})
	method(closingType, "__enter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*closing).thing, nil
	})
	method(closingType, "__exit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if _, exc := rt.CallMethod(self.(*closing).thing, "close", nil, nil); exc != nil {
			return nil, exc
		}
		return rt.None, nil
	})
	method(aclosingType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.NewCoroutine(&rt.Function{Name: "__aenter__", Qualname: "aclosing.__aenter__"}, done{self.(*closing).thing}), nil
	})
	method(aclosingType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		v, exc := rt.CallMethod(self.(*closing).thing, "aclose", nil, nil)
		if exc != nil {
			return nil, exc
		}
		aw, exc := rt.GetAwaitable(v)
		if exc != nil {
			return nil, exc
		}
		return rt.NewCoroutine(&rt.Function{Name: "__aexit__", Qualname: "aclosing.__aexit__"},
			rt.MapAwait(aw, func(v rt.Object, exc *rt.BaseException) (rt.Object, *rt.BaseException) {
				if exc != nil {
					return nil, exc
				}
				return rt.None, nil
			})), nil
	})
	m.Dict.SetStr("nullcontext", &rt.Builtin{Name: "nullcontext", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		var v rt.Object = rt.None
		if len(args) > 0 {
			v = args[0]
		}
		return &nullcontext{enterResult: v}, nil
	}})
	m.Dict.SetStr("closing", &rt.Builtin{Name: "closing", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return &closing{thing: args[0]}, nil
	}})
	m.Dict.SetStr("aclosing", &rt.Builtin{Name: "aclosing", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return &closing{thing: args[0], async: true}, nil
	}})
}
