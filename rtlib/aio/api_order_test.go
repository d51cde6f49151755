package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// pyAPI calls the Python-facing asyncio module from Go.
type pyAPI struct {
	t *testing.T
	m rt.Object
}

func newPyAPI(t *testing.T) *pyAPI {
	m, exc := rt.Import("asyncio")
	must(t, exc)
	return &pyAPI{t: t, m: m}
}

// call is asyncio.name(*args, **kw).
func (p *pyAPI) call(name string, args []rt.Object, kw ...rt.KwArg) rt.Object {
	p.t.Helper()
	fn, exc := rt.GetAttr(p.m, name)
	must(p.t, exc)
	v, exc := rt.Call(fn, args, kw)
	must(p.t, exc)
	return v
}

// method is obj.name(*args).
func (p *pyAPI) method(obj rt.Object, name string, args ...rt.Object) rt.Object {
	p.t.Helper()
	v, exc := rt.CallMethod(obj, name, args, nil)
	must(p.t, exc)
	return v
}

func (p *pyAPI) sleep(d rt.Object) rt.Object { return p.call("sleep", []rt.Object{d}) }

func isType(exc *rt.BaseException, t *rt.Type) bool {
	return exc != nil && exc.Class.IsSubtype(t)
}

// testdata/aio/gather_timeout.py
func TestOrderGatherTimeout(t *testing.T) {
	tr := &transcript{t: t}
	p := newPyAPI(t)
	child := func(name string, d rt.Object, fail bool) rt.Object {
		return newScript(
			func(rt.Object, *rt.BaseException) step { return step{await: p.sleep(d)} },
			func(_ rt.Object, exc *rt.BaseException) step {
				if isCancel(exc) {
					tr.print(name, "cancelled")
					return step{err: exc}
				}
				if exc != nil {
					return step{err: exc}
				}
				if fail {
					return step{err: rt.NewException(rt.ValueErrorType, rt.Str(name))}
				}
				tr.print(name, "ok")
				return step{ret: rt.Str(name)}
			},
		)
	}
	var g rt.Object
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			return step{await: p.call("gather", []rt.Object{
				child("a", rt.Float(0.02), false), child("b", rt.Float(0.01), true), child("c", rt.Int(0), false),
			}, rt.KwArg{Name: "return_exceptions", Value: rt.Bool(true)})}
		},
		func(r rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(tr.repr(r))
			g = p.call("gather", []rt.Object{child("d", rt.Int(1), false), child("e", rt.Int(1), false)})
			return step{await: p.sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			tr.print(p.method(g, "cancel"))
			return step{await: g}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			if !isCancel(exc) {
				t.Fatalf("await gather: want CancelledError, got %v", exc)
			}
			tr.print("gather cancelled", p.method(g, "cancelled"))
			return step{await: p.call("wait_for", []rt.Object{child("f", rt.Int(1), false), rt.Float(0.01)})}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			if !isType(exc, rt.TimeoutErrorType) {
				t.Fatalf("wait_for: want TimeoutError, got %v", exc)
			}
			tr.print("timeout")
			return step{await: p.call("wait_for", []rt.Object{child("g", rt.Int(0), false), rt.Int(1)})}
		},
		func(r rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(r)
			return step{}
		},
	)
	run(t, main)
	tr.check("gather_timeout")
}

// testdata/aio/sync_order.py
func TestOrderSync(t *testing.T) {
	tr := &transcript{t: t}
	p := newPyAPI(t)
	getter := func(q rt.Object, name string) rt.Object {
		return newScript(
			func(rt.Object, *rt.BaseException) step { return step{await: p.method(q, "get")} },
			func(item rt.Object, exc *rt.BaseException) step {
				must(t, exc)
				tr.print(name, "got", item)
				return step{}
			},
		)
	}
	locker := func(lock rt.Object, name string) rt.Object {
		return newScript(
			func(rt.Object, *rt.BaseException) step { return step{await: p.method(lock, "acquire")} },
			func(_ rt.Object, exc *rt.BaseException) step {
				must(t, exc)
				tr.print(name, "acquired")
				return step{await: p.sleep(rt.Int(0))}
			},
			func(rt.Object, *rt.BaseException) step {
				p.method(lock, "release")
				tr.print(name, "released")
				return step{}
			},
		)
	}
	waiter := func(ev rt.Object, name string) rt.Object {
		return newScript(
			func(rt.Object, *rt.BaseException) step { return step{await: p.method(ev, "wait")} },
			func(_ rt.Object, exc *rt.BaseException) step {
				must(t, exc)
				tr.print(name, "woke")
				return step{}
			},
		)
	}
	var q, ev rt.Object
	var getters, ws []rt.Object
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			q = p.call("Queue", nil)
			for _, n := range []string{"x", "y", "z"} {
				getters = append(getters, p.call("create_task", []rt.Object{getter(q, n)}))
			}
			return step{await: p.sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			for i := 0; i < 3; i++ {
				p.method(q, "put_nowait", rt.Int(i))
			}
			tr.print("put all", p.method(q, "qsize"))
			return step{await: p.call("gather", getters)}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			lock := p.call("Lock", nil)
			return step{await: p.call("gather", []rt.Object{locker(lock, "a"), locker(lock, "b"), locker(lock, "c")})}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			ev = p.call("Event", nil)
			for _, n := range []string{"p", "q"} {
				ws = append(ws, p.call("create_task", []rt.Object{waiter(ev, n)}))
			}
			return step{await: p.sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			p.method(ev, "set")
			tr.print("set")
			return step{await: p.call("gather", ws)}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			return step{}
		},
	)
	run(t, main)
	tr.check("sync_order")
}
