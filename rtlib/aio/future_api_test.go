package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// testdata/aio/future_api.py
func TestOrderFutureAPI(t *testing.T) {
	taskCounter = 0 // a fresh process, as the Python program is
	tr := &transcript{t: t}
	p := newPyAPI(t)
	noop := func() rt.Object {
		return newScript(func(rt.Object, *rt.BaseException) step { return step{ret: rt.Int(1)} })
	}
	errMsg := func(exc *rt.BaseException) string {
		s, e := rt.ToStr(exc)
		must(t, e)
		return string(s)
	}
	var t1 rt.Object
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			loop := p.call("get_running_loop", nil)
			f := p.method(loop, "create_future")
			for _, m := range []string{"result", "exception"} {
				_, exc := rt.CallMethod(f, m, nil, nil)
				if !isType(exc, InvalidStateErrorType) {
					t.Fatalf("%s: %v", m, exc)
				}
				tr.print(exc.Class.Name, errMsg(exc))
			}
			p.method(f, "set_result", rt.Int(3))
			_, exc := rt.CallMethod(f, "set_result", []rt.Object{rt.Int(4)}, nil)
			tr.print("again:", errMsg(exc))
			tr.print(p.method(f, "result"), p.method(f, "exception"), p.method(f, "done"), p.method(f, "cancelled"))
			c := p.method(loop, "create_future")
			tr.print(p.method(c, "cancel", rt.Str("why")), p.method(c, "cancel"), p.method(c, "cancelled"))
			_, exc = rt.CallMethod(c, "result", nil, nil)
			tr.print("cancelled:", tr.repr(exc.Args))
			t1 = p.call("create_task", []rt.Object{noop()})
			t2 := p.call("create_task", []rt.Object{noop()}, rt.KwArg{Name: "name", Value: rt.Str("named")})
			t3 := p.call("create_task", []rt.Object{noop()})
			tr.print(p.method(t1, "get_name"), p.method(t2, "get_name"), p.method(t3, "get_name"))
			p.method(t3, "set_name", rt.Str("renamed"))
			tr.print(p.method(t3, "get_name"))
			return step{await: t1}
		},
		func(v rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(v, p.method(t1, "done"))
			tr.print(rt.Bool(CancelledErrorType.IsSubtype(rt.ExceptionType)), rt.Bool(CancelledErrorType.IsSubtype(rt.BaseExceptionType)))
			te, exc := rt.GetAttr(p.m, "TimeoutError")
			must(t, exc)
			tr.print(rt.Bool(rt.Is(te, rt.TimeoutErrorType)))
			all, exc := rt.Call(rt.MustBuiltin("len"), []rt.Object{p.call("all_tasks", nil)}, nil)
			must(t, exc)
			tr.print(p.method(p.call("current_task", nil), "get_name"), all)
			return step{}
		},
	)
	run(t, main)
	tr.check("future_api")
}
