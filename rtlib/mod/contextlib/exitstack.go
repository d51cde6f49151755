package contextlib

import (
	rt "github.com/async2go/async2go/rtlib"
)

// ExitStack and AsyncExitStack, following Lib/contextlib.py: callbacks run
// last in, first out; one that returns true suppresses the exception in
// flight, one that raises replaces it.

var (
	exitStackType      = rt.NewBuiltinType("ExitStack", "contextlib")
	asyncExitStackType = rt.NewBuiltinType("AsyncExitStack", "contextlib")
)

type exitCB struct {
	sync bool
	fn   rt.Object // called with (exc_type, exc, tb) unless plain
	// plain callbacks (callback, push_async_callback) take their own
	// arguments and never suppress.
	plain bool
	args  []rt.Object
	kw    []rt.KwArg
}

type exitStack struct {
	async bool
	cbs   []exitCB
}

func (s *exitStack) Type() *rt.Type {
	if s.async {
		return asyncExitStackType
	}
	return exitStackType
}

func excDetails(e *rt.BaseException) []rt.Object {
	if e == nil {
		return []rt.Object{rt.None, rt.None, rt.None}
	}
	return []rt.Object{e.Class, e, rt.None}
}

// call runs one callback; the result is the suppress flag, or an
// awaitable for an async callback.
func (cb exitCB) call(pending *rt.BaseException) (rt.Object, *rt.BaseException) {
	if cb.plain {
		return rt.Call(cb.fn, cb.args, cb.kw)
	}
	return rt.Call(cb.fn, excDetails(pending), nil)
}

// unwind is __exit__/__aexit__: a Resumable that runs the callbacks,
// awaiting the async ones.
type unwind struct {
	s         *exitStack
	received  bool
	pending   *rt.BaseException // the exception in flight (nil: none)
	raised    bool              // pending came from a callback
	suppress  bool
	cur       rt.Resumable
	curPlain  bool
	curSynced bool
}

func (u *unwind) settle(v rt.Object, exc *rt.BaseException, plain bool) {
	if exc != nil {
		if u.pending != nil && exc != u.pending && exc.Context == nil {
			exc.Context = u.pending
		}
		u.pending, u.raised = exc, true
		return
	}
	if plain {
		return
	}
	if b, _ := rt.Truth(v); b {
		u.suppress, u.raised, u.pending = true, false, nil
	}
}

func (u *unwind) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	for {
		if u.cur != nil {
			v, done, exc := u.cur.Resume(sent, thrown)
			sent, thrown = rt.None, nil
			if !done {
				return v, false, nil
			}
			u.cur = nil
			u.settle(v, exc, u.curPlain)
		}
		if len(u.s.cbs) == 0 {
			break
		}
		cb := u.s.cbs[len(u.s.cbs)-1]
		u.s.cbs = u.s.cbs[:len(u.s.cbs)-1]
		v, exc := cb.call(u.pending)
		if exc != nil || cb.sync {
			u.settle(v, exc, cb.plain)
			continue
		}
		aw, exc := rt.GetAwaitable(v)
		if exc != nil {
			u.settle(nil, exc, cb.plain)
			continue
		}
		u.cur, u.curPlain = aw, cb.plain
		sent, thrown = rt.None, nil
	}
	if u.raised && u.pending != nil {
		return nil, true, u.pending
	}
	return rt.Bool(u.received && u.suppress), true, nil
}

// done is an awaitable that is already complete.
type done struct{ v rt.Object }

func (done) Type() *rt.Type { return rt.ObjectType }

func (d done) Resume(rt.Object, *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	return d.v, true, nil
}

func stackMethod(async bool, name string, fn func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	t := exitStackType
	if async {
		t = asyncExitStackType
	}
	method(t, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return fn(self.(*exitStack), args, kw)
	})
}

func enterSync(s *exitStack, cm rt.Object) (rt.Object, *rt.BaseException) {
	t := cm.Type()
	if _, ok := rt.LookupAttr(t, "__enter__"); !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "'%s' object does not support the context manager protocol", t.Name)
	}
	if _, ok := rt.LookupAttr(t, "__exit__"); !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "'%s' object does not support the context manager protocol (missed __exit__ method)", t.Name)
	}
	exit, exc := rt.GetAttr(cm, "__exit__")
	if exc != nil {
		return nil, exc
	}
	v, exc := rt.CallMethod(cm, "__enter__", nil, nil)
	if exc != nil {
		return nil, exc
	}
	s.cbs = append(s.cbs, exitCB{sync: true, fn: exit})
	return v, nil
}

func installExitStacks(m *rt.Module) {
	for _, async := range []bool{false, true} {
		async := async
		t := exitStackType
		if async {
			t = asyncExitStackType
		}
		t.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) != 0 || len(kw) != 0 {
				return nil, rt.Errorf(rt.TypeErrorType, "%s() takes no arguments", t.Name)
			}
			return &exitStack{async: async}, nil
		}
		stackMethod(async, "enter_context", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return enterSync(s, args[0])
		})
		stackMethod(async, "push", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			fn := args[0]
			if _, ok := rt.LookupAttr(fn.Type(), "__exit__"); ok {
				exit, exc := rt.GetAttr(fn, "__exit__")
				if exc != nil {
					return nil, exc
				}
				s.cbs = append(s.cbs, exitCB{sync: true, fn: exit})
			} else {
				s.cbs = append(s.cbs, exitCB{sync: true, fn: fn})
			}
			return fn, nil
		})
		stackMethod(async, "callback", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			s.cbs = append(s.cbs, exitCB{sync: true, plain: true, fn: args[0], args: args[1:], kw: kw})
			return args[0], nil
		})
		stackMethod(async, "pop_all", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			n := &exitStack{async: s.async, cbs: s.cbs}
			s.cbs = nil
			return n, nil
		})
		if !async {
			stackMethod(false, "__enter__", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return s, nil
			})
			stackMethod(false, "__exit__", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				e := excDetail(args)
				v, _, exc := (&unwind{s: s, received: e != nil, pending: e}).Resume(rt.None, nil)
				return v, exc
			})
			stackMethod(false, "close", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				_, _, exc := (&unwind{s: s}).Resume(rt.None, nil)
				return rt.None, exc
			})
			continue
		}
		stackMethod(true, "enter_async_context", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			cm := args[0]
			t := cm.Type()
			_, hasEnter := rt.LookupAttr(t, "__aenter__")
			_, hasExit := rt.LookupAttr(t, "__aexit__")
			if !hasEnter || !hasExit {
				missing := ""
				if hasEnter {
					missing = " (missed __aexit__ method)"
				}
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' object does not support the asynchronous context manager protocol%s", t.Name, missing)
			}
			exit, exc := rt.GetAttr(cm, "__aexit__")
			if exc != nil {
				return nil, exc
			}
			v, exc := rt.CallMethod(cm, "__aenter__", nil, nil)
			if exc != nil {
				return nil, exc
			}
			aw, exc := rt.GetAwaitable(v)
			if exc != nil {
				return nil, exc
			}
			return rt.NewCoroutine(&rt.Function{Name: "enter_async_context", Qualname: "AsyncExitStack.enter_async_context"},
				rt.MapAwait(aw, func(v rt.Object, exc *rt.BaseException) (rt.Object, *rt.BaseException) {
					if exc == nil {
						s.cbs = append(s.cbs, exitCB{fn: exit})
					}
					return v, exc
				})), nil
		})
		stackMethod(true, "push_async_exit", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			fn := args[0]
			if _, ok := rt.LookupAttr(fn.Type(), "__aexit__"); ok {
				exit, exc := rt.GetAttr(fn, "__aexit__")
				if exc != nil {
					return nil, exc
				}
				s.cbs = append(s.cbs, exitCB{fn: exit})
			} else {
				s.cbs = append(s.cbs, exitCB{fn: fn})
			}
			return fn, nil
		})
		stackMethod(true, "push_async_callback", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			s.cbs = append(s.cbs, exitCB{plain: true, fn: args[0], args: args[1:], kw: kw})
			return args[0], nil
		})
		coro := func(name string, r rt.Resumable) rt.Object {
			return rt.NewCoroutine(&rt.Function{Name: name, Qualname: "AsyncExitStack." + name}, r)
		}
		stackMethod(true, "__aenter__", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return coro("__aenter__", done{s}), nil
		})
		stackMethod(true, "__aexit__", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			e := excDetail(args)
			return coro("__aexit__", &unwind{s: s, received: e != nil, pending: e}), nil
		})
		stackMethod(true, "aclose", func(s *exitStack, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return coro("aclose", rt.MapAwait(&unwind{s: s}, func(v rt.Object, exc *rt.BaseException) (rt.Object, *rt.BaseException) {
				return rt.None, exc
			})), nil
		})
	}
	m.Dict.SetStr("ExitStack", exitStackType)
	m.Dict.SetStr("AsyncExitStack", asyncExitStackType)
	// The argument checks of CPython's methods, named by the class that
	// defines them (_BaseExitStack for the shared ones).
	py := func(name string, required int, params ...string) *rt.ArgSpec {
		return rt.ArgsPython(name, required, params...).Method()
	}
	for _, t := range []*rt.Type{exitStackType, asyncExitStackType} {
		specs := map[string]*rt.ArgSpec{
			"enter_context": py("_BaseExitStack.enter_context", 1, "cm"),
			"push":          py("_BaseExitStack.push", 1, "exit"),
			"callback":      py("_BaseExitStack.callback", 1, "callback").PosOnly(1).VarArgs().AnyKw(),
			"pop_all":       py("_BaseExitStack.pop_all", 0),
		}
		if t == exitStackType {
			specs["close"] = py("ExitStack.close", 0)
			specs["__exit__"] = py("ExitStack.__exit__", 0).VarArgs()
		} else {
			specs["aclose"] = py("AsyncExitStack.aclose", 0)
			specs["enter_async_context"] = py("AsyncExitStack.enter_async_context", 1, "cm")
			specs["push_async_exit"] = py("AsyncExitStack.push_async_exit", 1, "exit")
			specs["push_async_callback"] = py("AsyncExitStack.push_async_callback", 1, "callback").PosOnly(1).VarArgs().AnyKw()
			specs["__aexit__"] = py("AsyncExitStack.__aexit__", 0).VarArgs()
		}
		rt.ApplyMethodArgs(t, specs)
	}
}

// excDetail is the exception among __exit__'s *exc_details (type, value,
// traceback), or nil.
func excDetail(args []rt.Object) *rt.BaseException {
	if len(args) < 2 {
		return nil
	}
	e, _ := args[1].(*rt.BaseException)
	return e
}
