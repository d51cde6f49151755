package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// aexit is `await cm.__aexit__(type(exc), exc, None)` (exc nil: all None).
func (p *pyAPI) aexit(cm rt.Object, exc *rt.BaseException) rt.Object {
	if exc == nil {
		return p.method(cm, "__aexit__", rt.None, rt.None, rt.None)
	}
	return p.method(cm, "__aexit__", exc.Class, exc, rt.None)
}

// testdata/aio/timeouts.py
func TestOrderTimeouts(t *testing.T) {
	tr := &transcript{t: t}
	p := newPyAPI(t)
	inner := func() rt.Object {
		return newScript(
			func(rt.Object, *rt.BaseException) step { return step{await: p.sleep(rt.Int(1))} },
			func(_ rt.Object, exc *rt.BaseException) step {
				if isCancel(exc) {
					tr.print("inner cancelled")
				}
				return step{err: exc}
			},
		)
	}
	want := func(exc *rt.BaseException, typ *rt.Type, where string) {
		if !isType(exc, typ) {
			t.Fatalf("%s: want %s, got %v", where, typ.Name, exc)
		}
	}
	var task *Task
	var loop, cm, cm2, outer rt.Object
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			loop = p.call("get_running_loop", nil)
			task = Running().current
			cm = p.call("timeout", []rt.Object{rt.Float(0.01)})
			return step{await: p.method(cm, "__aenter__")}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print("expired?", p.method(cm, "expired"))
			return step{await: p.sleep(rt.Int(1))}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, CancelledErrorType, "sleep under timeout")
			return step{await: p.aexit(cm, exc)}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, rt.TimeoutErrorType, "timeout __aexit__")
			tr.print("timed out", p.method(cm, "expired"), rt.Int(task.cancelReqs()))
			cm = p.call("timeout", []rt.Object{rt.None})
			return step{await: p.method(cm, "__aenter__")}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(p.method(cm, "when"))
			now := p.method(loop, "time")
			p.method(cm, "reschedule", rt.Float(float64(now.(rt.Float))+10))
			tr.print(rt.Bool(p.method(cm, "when") != rt.None))
			return step{await: p.sleep(rt.Int(0))}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			return step{await: p.aexit(cm, nil)}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print("no timeout", p.method(cm, "expired"))
			cm = p.call("timeout", []rt.Object{rt.Int(0)})
			return step{await: p.method(cm, "__aenter__")}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print("body runs")
			return step{await: p.sleep(rt.Int(0))}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, CancelledErrorType, "timeout(0) body")
			return step{await: p.aexit(cm, exc)}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, rt.TimeoutErrorType, "timeout(0)")
			tr.print("timeout(0)", rt.Int(task.cancelReqs()))
			outer = p.call("timeout", []rt.Object{rt.Int(1)})
			return step{await: p.method(outer, "__aenter__")}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			cm2 = p.call("timeout", []rt.Object{rt.Float(0.01)})
			return step{await: p.method(cm2, "__aenter__")}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			return step{await: inner()}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, CancelledErrorType, "inner under timeouts")
			return step{await: p.aexit(cm2, exc)}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, rt.TimeoutErrorType, "inner timeout")
			return step{await: p.aexit(outer, exc)}
		},
		func(v rt.Object, exc *rt.BaseException) step {
			if exc == nil {
				if ok, _ := rt.Truth(v); ok {
					t.Fatal("outer timeout suppressed the inner TimeoutError")
				}
			} else {
				t.Fatalf("outer __aexit__ raised %v", exc)
			}
			tr.print("inner timeout caught outside")
			return step{await: p.call("wait_for", []rt.Object{inner(), rt.Float(0.01)})}
		},
		func(_ rt.Object, exc *rt.BaseException) step {
			want(exc, rt.TimeoutErrorType, "wait_for")
			cause := "None"
			if exc.Cause != nil {
				cause = exc.Cause.Class.Name
			}
			tr.print("wait_for timeout", cause)
			return step{await: p.call("wait_for", []rt.Object{
				p.call("sleep", []rt.Object{rt.Int(0), rt.Str("fast")}), rt.Int(1)})}
		},
		func(v rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			tr.print(v)
			return step{}
		},
	)
	run(t, main)
	tr.check("timeouts")
}

// TestCancelledTimersPurged: when most of the heap is cancelled timers
// waiting for far deadlines, an iteration drops them (base_events'
// _MIN_SCHEDULED_TIMER_HANDLES / _MIN_CANCELLED_TIMER_HANDLES_FRACTION);
// the others still fire in (deadline, creation) order.
func TestCancelledTimersPurged(t *testing.T) {
	l := NewLoop()
	var order []int
	var hs []*Handle
	now := l.Time()
	for i := 0; i < 1000; i++ {
		i := i
		// deadlines in a scrambled order, several equal
		when := now + 0.001*float64((i*7)%13)
		hs = append(hs, l.CallAt(when, func() { order = append(order, i) }))
	}
	far := make([]*Handle, 0, 3000)
	for i := 0; i < 3000; i++ {
		far = append(far, l.CallAt(now+3600, func() { t.Error("a cancelled timer ran") }))
	}
	for _, h := range far {
		h.Cancel()
	}
	for i, h := range hs {
		if i%2 == 1 {
			h.Cancel()
		}
	}
	if l.timersCancelled != 3500 {
		t.Fatalf("timersCancelled = %d, want 3500", l.timersCancelled)
	}
	l.CallAt(now+0.02, l.Stop)
	l.RunForever()
	if l.timers.len() != 0 || l.timersCancelled != 0 {
		t.Errorf("after the run: %d timers queued, %d counted cancelled; want 0, 0", l.timers.len(), l.timersCancelled)
	}
	if len(order) != 500 {
		t.Fatalf("%d timers ran, want 500", len(order))
	}
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		wa, wb := (a*7)%13, (b*7)%13
		if wa > wb || wa == wb && a > b {
			t.Fatalf("timer %d (slot %d) ran before timer %d (slot %d)", a, wa, b, wb)
		}
	}
}
