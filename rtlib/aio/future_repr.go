package aio

import (
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

// reprInfo is futures._future_repr_info: the state, then the result or
// exception, then the done callbacks.
func (f *Future) reprInfo() (string, *rt.BaseException) {
	var b strings.Builder
	switch f.state {
	case pending:
		b.WriteString("pending")
	case cancelledState:
		b.WriteString("cancelled")
	default:
		b.WriteString("finished")
		if f.exc() != nil {
			s, exc := rt.Repr(f.exc())
			if exc != nil {
				return "", exc
			}
			b.WriteString(" exception=" + string(s))
		} else {
			s, exc := rt.Repr(f.result)
			if exc != nil {
				return "", exc
			}
			b.WriteString(" result=" + truncateRepr(string(s)))
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
		b.WriteString(" cb=[" + strings.Join(names, ", ") + "]")
	}
	return b.String(), nil
}

// callbackList is every registered done callback, in order.
func (f *Future) callbackList() []cbEntry {
	if f.cb0 == nil {
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
func (t *Task) Repr() (rt.Str, *rt.BaseException) { return rt.Str(t.repr()), nil }

func init() {
	method(FutureType, "__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return futureOf(self).Repr()
	})
}
