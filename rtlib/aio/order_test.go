package aio

import (
	"strings"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

type fn = func(v rt.Object, exc *rt.BaseException) step

// testdata/aio/interleave.py
func TestOrderInterleave(t *testing.T) {
	tr := &transcript{t: t}
	worker := func(name string, n int) *rt.Coroutine {
		var fns []fn
		for i := 0; i < n; i++ {
			fns = append(fns, func(rt.Object, *rt.BaseException) step {
				tr.print(name, rt.Int(i))
				return step{await: sleep(rt.Int(0))}
			})
		}
		fns = append(fns, func(rt.Object, *rt.BaseException) step {
			tr.print(name, "done")
			return step{ret: rt.Str(strings.ToUpper(name))}
		})
		return newScript(fns...)
	}
	var t1, t2 *Task
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			l := Running()
			l.CallSoon(func() { tr.print("cb1") })
			t1 = mustTask(t, worker("a", 3), rt.None)
			l.CallSoon(func() { tr.print("cb2") })
			t2 = mustTask(t, worker("b", 2), rt.None)
			tr.print("main before")
			return step{await: sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			tr.print("main after")
			return step{await: t1}
		},
		func(r rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print("t1 ->", r, rt.Bool(t2.Done()))
			return step{await: t2}
		},
		func(r rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(r)
			return step{}
		},
	)
	run(t, main)
	tr.check("interleave")
}

// testdata/aio/timers.py
func TestOrderTimers(t *testing.T) {
	tr := &transcript{t: t}
	sleeper := func(name string, d rt.Object) *rt.Coroutine {
		return newScript(
			func(rt.Object, *rt.BaseException) step {
				tr.print("start", name)
				return step{await: sleep(d)}
			},
			func(_ rt.Object, exc *rt.BaseException) step {
				must(t, exc)
				tr.print("wake", name)
				return step{ret: d}
			},
		)
	}
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			var tasks []rt.Object
			for _, s := range []struct {
				n string
				d rt.Object
			}{{"x", rt.Float(0.02)}, {"y", rt.Float(0.01)}, {"z", rt.Float(0.02)}, {"w", rt.Int(0)}} {
				tasks = append(tasks, mustTask(t, sleeper(s.n, s.d), rt.None))
			}
			Running().CallLater(0.01, func() { tr.print("timer 0.01") })
			g, exc := gather(Running(), tasks, false)
			must(t, exc)
			return step{await: g}
		},
		func(r rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(r)
			tr.print("all")
			return step{}
		},
	)
	run(t, main)
	tr.check("timers")
}

// testdata/aio/cancel.py
func TestOrderCancel(t *testing.T) {
	tr := &transcript{t: t}
	victim := newScript(
		func(rt.Object, *rt.BaseException) step { return step{await: sleep(rt.Int(10))} },
		func(_ rt.Object, exc *rt.BaseException) step {
			if !isCancel(exc) {
				t.Fatalf("victim: want CancelledError, got %v", exc)
			}
			tr.print("victim cancelled", tr.repr(exc.Args))
			return step{err: exc}
		},
	)
	stubborn := newScript(
		func(rt.Object, *rt.BaseException) step { return step{await: sleep(rt.Int(10))} },
		func(_ rt.Object, exc *rt.BaseException) step {
			if isCancel(exc) {
				tr.print("stubborn ignores")
			}
			return step{ret: rt.Str("kept")}
		},
	)
	var vt, st *Task
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			vt = mustTask(t, victim, rt.None)
			st = mustTask(t, stubborn, rt.None)
			return step{await: sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			tr.print(rt.Bool(vt.Cancel(rt.Str("bye"))), rt.Int(vt.cancelReqs()))
			tr.print(rt.Bool(st.Cancel(rt.None)))
			return step{await: vt}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			if !isCancel(exc) {
				t.Fatalf("main: want CancelledError, got %v", exc)
			}
			tr.print("main saw", tr.repr(exc.Args), rt.Bool(vt.Cancelled()))
			return step{await: st}
		},
		func(r rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(r, rt.Bool(st.Cancelled()), rt.Int(st.cancelReqs()))
			f := NewFuture(Running())
			f.AddDoneCallback(func(f *Future) {
				r, _ := f.Result()
				tr.print("cb1", r)
			})
			f.AddDoneCallback(func(*Future) { tr.print("cb2") })
			must(t, f.SetResult(rt.Int(5)))
			tr.print("set")
			return step{await: sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			tr.print("after")
			return step{}
		},
	)
	run(t, main)
	tr.check("cancel")
}
