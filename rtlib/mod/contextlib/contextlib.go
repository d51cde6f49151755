// Package contextlib is Python's contextlib module for translated programs:
// contextmanager, asynccontextmanager, suppress, nullcontext, closing,
// aclosing and the exit stacks, following CPython 3.12's
// Lib/contextlib.py.
package contextlib

import (
	rt "github.com/async2go/async2go/rtlib"
)

var (
	genCMType      = rt.NewBuiltinType("_GeneratorContextManager", "contextlib")
	asyncGenCMType = rt.NewBuiltinType("_AsyncGeneratorContextManager", "contextlib")
	suppressType   = rt.NewBuiltinType("suppress", "contextlib")
)

// genCM is the context manager made by a @contextmanager or
// @asynccontextmanager function call.
type genCM struct {
	gen   rt.Object
	async bool
}

func (c *genCM) Type() *rt.Type {
	if c.async {
		return asyncGenCMType
	}
	return genCMType
}

type suppress struct{ excs []rt.Object }

func (*suppress) Type() *rt.Type { return suppressType }

func method(t *rt.Type, name string, fn func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	t.Dict.SetStr(name, &rt.Method{Name: name, Fn: fn})
}

func isClass(exc *rt.BaseException, t *rt.Type) bool { return exc != nil && exc.Class.IsSubtype(t) }

// exitOutcome is __exit__/__aexit__ after the generator was resumed: v,exc
// is how the resumption ended; value the exception being handled (nil on a
// normal exit).
func exitOutcome(yielded bool, exc, value *rt.BaseException, stop *rt.Type) (rt.Object, *rt.BaseException) {
	if value == nil {
		if exc == nil && yielded {
			return nil, rt.Errorf(rt.RuntimeErrorType, "generator didn't stop")
		}
		if isClass(exc, stop) {
			return rt.Bool(false), nil
		}
		if exc != nil {
			return nil, exc
		}
		return rt.Bool(false), nil
	}
	if exc == nil {
		if yielded {
			return nil, rt.Errorf(rt.RuntimeErrorType, "generator didn't stop after athrow()")
		}
		return rt.Bool(true), nil
	}
	if isClass(exc, stop) {
		return rt.Bool(exc != value), nil
	}
	if exc == value {
		return rt.Bool(false), nil
	}
	if isClass(exc, rt.RuntimeErrorType) && exc.Cause == value {
		return rt.Bool(false), nil
	}
	return nil, exc
}

func init() {
	method(asyncGenCMType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*genCM)
		step, exc := rt.CallMethod(c.gen, "__anext__", nil, nil)
		if exc != nil {
			return nil, exc
		}
		return rt.NewCoroutine(&rt.Function{Name: "__aenter__", Qualname: "_AsyncGeneratorContextManager.__aenter__"},
			rt.MapAwait(step.(rt.Resumable), func(v rt.Object, exc *rt.BaseException) (rt.Object, *rt.BaseException) {
				if isClass(exc, rt.StopAsyncIterationType) {
					return nil, rt.Errorf(rt.RuntimeErrorType, "generator didn't yield")
				}
				return v, exc
			})), nil
	})
	method(asyncGenCMType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*genCM)
		value, _ := args[1].(*rt.BaseException)
		var step rt.Object
		var exc *rt.BaseException
		if value == nil {
			step, exc = rt.CallMethod(c.gen, "__anext__", nil, nil)
		} else {
			step, exc = rt.CallMethod(c.gen, "athrow", []rt.Object{value}, nil)
		}
		if exc != nil {
			return nil, exc
		}
		return rt.NewCoroutine(&rt.Function{Name: "__aexit__", Qualname: "_AsyncGeneratorContextManager.__aexit__"},
			rt.MapAwait(step.(rt.Resumable), func(v rt.Object, exc *rt.BaseException) (rt.Object, *rt.BaseException) {
				return exitOutcome(exc == nil, exc, value, rt.StopAsyncIterationType)
			})), nil
	})
	method(genCMType, "__enter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		v, ok, exc := rt.Next(self.(*genCM).gen)
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return nil, rt.Errorf(rt.RuntimeErrorType, "generator didn't yield")
		}
		return v, nil
	})
	method(genCMType, "__exit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*genCM)
		value, _ := args[1].(*rt.BaseException)
		g := c.gen.(rt.Resumable)
		_, done, exc := g.Resume(rt.None, value)
		if done && exc == nil {
			exc = rt.NewException(rt.StopIterationType)
		}
		return exitOutcome(!done, exc, value, rt.StopIterationType)
	})
	method(suppressType, "__enter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.None, nil
	})
	method(suppressType, "__exit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		value, ok := args[1].(*rt.BaseException)
		if !ok {
			return rt.Bool(false), nil
		}
		for _, e := range self.(*suppress).excs {
			if m, exc := rt.ExceptionMatches(value, e); exc != nil || m {
				return rt.Bool(m), exc
			}
		}
		return rt.Bool(false), nil
	})
	rt.RegisterModule("contextlib", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("contextlib")
		decorator := func(name string, async bool) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				fn := args[0]
				helper := &rt.Builtin{Name: "helper", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
					gen, exc := rt.Call(fn, args, kw)
					if exc != nil {
						return nil, exc
					}
					return &genCM{gen: gen, async: async}, nil
				}}
				return helper, nil
			}})
		}
		decorator("contextmanager", false)
		decorator("asynccontextmanager", true)
		installExitStacks(m)
		installSimple(m)
		m.Dict.SetStr("suppress", &rt.Builtin{Name: "suppress", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return &suppress{excs: append([]rt.Object(nil), args...)}, nil
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"contextmanager":      rt.ArgsPython("contextmanager", 1, "func"),
			"asynccontextmanager": rt.ArgsPython("asynccontextmanager", 1, "func"),
			"suppress":            rt.ArgsPython("suppress.__init__", 0).VarArgs(),
			"nullcontext":         rt.ArgsPython("nullcontext.__init__", 0, "enter_result").Method(),
			"closing":             rt.ArgsPython("closing.__init__", 1, "thing").Method(),
			"aclosing":            rt.ArgsPython("aclosing.__init__", 1, "thing").Method(),
		})
		return m, nil
	})
}
