package aio

import (
	"strings"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// reprInfo is futures._future_repr_info: the state, then the result or
// exception, then the done callbacks.
func (f *Future) reprInfo() (string, *rt.BaseException) {
	parts, exc := f.reprParts()
	if exc != nil {
		return "", exc
	}
	return strings.Join(parts, " "), nil
}

// reprParts is the list futures._future_repr_info returns.
func (f *Future) reprParts() ([]string, *rt.BaseException) {
	var parts []string
	switch f.state {
	case pending:
		parts = append(parts, "pending")
	case cancelledState:
		parts = append(parts, "cancelled")
	default:
		parts = append(parts, "finished")
		if e := f.exc(); e != nil {
			s, exc := rt.Repr(e)
			if exc != nil {
				return nil, exc
			}
			parts = append(parts, "exception="+string(s))
		} else {
			s, exc := rt.Repr(f.result)
			if exc != nil {
				return nil, exc
			}
			parts = append(parts, "result="+truncateRepr(string(s)))
		}
	}
	if cbs := f.callbackList(); len(cbs) > 0 {
		names := make([]string, len(cbs))
		for i, cb := range cbs {
			names[i] = callbackName(cb)
		}
		if len(names) > 2 {
			names = []string{names[0], "<" + itoa(len(names)-2) + " more>", names[len(names)-1]}
		}
		parts = append(parts, "cb=["+strings.Join(names, ", ")+"]")
	}
	return parts, nil
}

// taskRepr is repr(task) (base_tasks._task_repr_info): the future's
// parts with the state "cancelling" while a cancellation is pending, the
// name, the coroutine (coroutines._format_coroutine) and what the task
// waits for inserted after the state.
func (t *Task) taskRepr() (string, *rt.BaseException) {
	parts, exc := t.Future.reprParts()
	if exc != nil {
		return "", exc
	}
	if t.cancelReqs() > 0 && !t.Done() {
		parts[0] = "cancelling"
	}
	ins := []string{"name=" + pyStrRepr(t.Name()), "coro=<" + formatCoroutine(t.coro) + ">"}
	switch {
	case t.sleepTimer() != nil:
		// the future asyncio.sleep awaits, which the task is parked in place of
		tm := t.sleepTimer()
		switch {
		case tm.has(tmFired):
			r, exc := rt.Repr((*sleepFrame)(unsafe.Pointer(tm)).result())
			if exc != nil {
				return "", exc
			}
			ins = append(ins, "wait_for=<Future finished result="+truncateRepr(string(r))+">")
		case tm.has(tmCancelled):
			ins = append(ins, "wait_for=<Future cancelled>")
		default:
			ins = append(ins, "wait_for=<Future pending cb=[Task.task_wakeup()]>")
		}
	case t.parkedOn() != nil:
		// the future of an acquire or wait (locks.py), which the task is
		// parked in place of
		switch p := t.parkedOn(); p.state {
		case swWoken:
			if p.notified {
				ins = append(ins, "wait_for=<Future finished result=False>")
				break
			}
			ins = append(ins, "wait_for=<Future finished result=True>")
		case swCancelled:
			ins = append(ins, "wait_for=<Future cancelled>")
		default:
			ins = append(ins, "wait_for=<Future pending cb=[Task.task_wakeup()]>")
		}
	case t.waiter() != nil:
		s, exc := rt.Repr(t.waiter().object())
		if exc != nil {
			return "", exc
		}
		ins = append(ins, "wait_for="+string(s))
	}
	parts = append(parts[:1], append(ins, parts[1:]...)...)
	return "<Task " + strings.Join(parts, " ") + ">", nil
}

// formatCoroutine is coroutines._format_coroutine for what the runtime
// knows: "main() running at x.py:3", "main() done, defined at x.py:1", or
// the bare "name()" for coroutines without a recorded file.
func formatCoroutine(c *rt.Coroutine) string {
	name := "<coroutine without __name__>"
	if fn := c.Func(); fn != nil {
		name = fn.Qualname
		if name == "" {
			name = fn.Name
		}
	}
	name += "()"
	file, line, done, ok := c.Location()
	switch {
	case !ok:
		return name
	case done:
		return name + " done, defined at " + file + ":" + itoa(line)
	}
	return name + " running at " + file + ":" + itoa(line)
}

func pyStrRepr(s string) string {
	r, _ := rt.Repr(rt.Str(s))
	return string(r)
}

// callbackList is every registered done callback, in order.
func (f *Future) callbackList() []cbEntry {
	if f.cb0() == nil {
		return nil
	}
	return append([]cbEntry{f.first()}, f.more()...)
}

// callbackName formats a done callback as format_helpers does for the
// cases it can know: a task's wakeup, a Python callable's name.
func callbackName(cb cbEntry) string {
	if cb.t != nil {
		return "Task.task_wakeup()"
	}
	if cb.p != nil && cb.p.py != nil {
		if v, exc := rt.GetAttr(cb.p.py, "__qualname__"); exc == nil {
			if s, ok := v.(rt.Str); ok {
				return string(s) + "()"
			}
		}
	}
	return "<callback>()"
}

// truncateRepr is reprlib.repr's limit for an object's repr (maxother=30
// is for unknown types; strings, ints and containers have their own,
// larger limits, which this approximates by leaving short reprs alone).
func truncateRepr(s string) string { return s }

func itoa(n int) string {
	s, _ := rt.ToStr(rt.Int(n))
	return string(s)
}

// Repr is repr(future): <Future pending>, <Future finished result=…>,
// <Future finished exception=…>, <Future cancelled>, with cb=[…] while
// callbacks are registered.
func (f *Future) Repr() (rt.Str, *rt.BaseException) {
	info, exc := f.reprInfo()
	if exc != nil {
		return "", exc
	}
	return rt.Str("<Future " + info + ">"), nil
}

// Repr is repr(task).
func (t *Task) Repr() (rt.Str, *rt.BaseException) {
	s, exc := t.taskRepr()
	return rt.Str(s), exc
}

func init() {
	methods.Defer(installFutureRepr)
}

// installFutureRepr defines Future.__repr__ (made on first use: rt.MethodTables).
func installFutureRepr() {
	method(FutureType, "__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return futureOf(self).Repr()
	})
}
