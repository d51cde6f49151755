package aio

import (
	"fmt"
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

// The reprs of locks.py's primitives: object's repr with the state in
// brackets, and the number of waiters where there are any (len of the
// _waiters deque: here the waitq, which holds what the deque would).

// lockRepr is `f'<{super().__repr__()[1:-1]} [{extra}]>'`, extra followed
// by ", waiters:n" when waiters is not 0.
func lockRepr(x rt.Object, extra string, waiters int) (rt.Str, *rt.BaseException) {
	m, _ := rt.ObjectType.Dict.GetStr("__repr__")
	res, exc := m.(*rt.Method).Fn(x, nil, nil)
	if exc != nil {
		return "", exc
	}
	if waiters > 0 {
		extra += fmt.Sprintf(", waiters:%d", waiters)
	}
	s := strings.TrimSuffix(strings.TrimPrefix(string(res.(rt.Str)), "<"), ">")
	return rt.Str("<" + s + " [" + extra + "]>"), nil
}

// Repr is Lock.__repr__.
func (lk *Lock) Repr() (rt.Str, *rt.BaseException) {
	return lockRepr(lk, lockedWord(lk.locked), lk.waiters.len())
}

// Repr is Event.__repr__.
func (ev *Event) Repr() (rt.Str, *rt.BaseException) {
	extra := "unset"
	if ev.value {
		extra = "set"
	}
	return lockRepr(ev, extra, ev.waiters.len())
}

// Repr is Semaphore.__repr__ (BoundedSemaphore's too).
func (s *Semaphore) Repr() (rt.Str, *rt.BaseException) {
	extra := "locked"
	if !s.locked() {
		extra = fmt.Sprintf("unlocked, value:%d", s.value)
		if s.asBool {
			extra = "unlocked, value:True" // Semaphore(True), unchanged
		}
	}
	return lockRepr(s, extra, s.waiters.len())
}

// Repr is Condition.__repr__.
func (c *Condition) Repr() (rt.Str, *rt.BaseException) {
	return lockRepr(c, lockedWord(c.lock.locked), c.waiters.len())
}

func lockedWord(locked bool) string {
	if locked {
		return "locked"
	}
	return "unlocked"
}

// format is Queue._format: the maxsize, and what is queued, waiting and
// unfinished where there is any.
func (q *Queue) format() (string, *rt.BaseException) {
	result := fmt.Sprintf("maxsize=%d", q.maxsize)
	if q.maxsizeObj != nil {
		r, exc := rt.Repr(q.maxsizeObj)
		if exc != nil {
			return "", exc
		}
		result = "maxsize=" + string(r)
	}
	if len(q.items) > 0 {
		r, exc := rt.Repr(rt.NewList(append([]rt.Object(nil), q.items...)...))
		if exc != nil {
			return "", exc
		}
		result += " _queue=" + string(r)
	}
	if len(q.getters) > 0 {
		result += fmt.Sprintf(" _getters[%d]", len(q.getters))
	}
	if len(q.putters) > 0 {
		result += fmt.Sprintf(" _putters[%d]", len(q.putters))
	}
	if q.unfinished != 0 {
		result += fmt.Sprintf(" tasks=%d", q.unfinished)
	}
	return result, nil
}

// Repr is Queue.__repr__: `<Queue at 0x… maxsize=0>`.
func (q *Queue) Repr() (rt.Str, *rt.BaseException) {
	f, exc := q.format()
	if exc != nil {
		return "", exc
	}
	return rt.Str(fmt.Sprintf("<%s at %#x %s>", q.class.Name, rt.Id(q), f)), nil
}

// PyStr is Queue.__str__: `<Queue maxsize=0>`.
func (q *Queue) PyStr() (rt.Str, *rt.BaseException) {
	f, exc := q.format()
	if exc != nil {
		return "", exc
	}
	return rt.Str(fmt.Sprintf("<%s %s>", q.class.Name, f)), nil
}
