package aio

import (
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// `async with lock:` and `async with sem:` without coroutine objects. Code
// generated for an async with awaits __aenter__ and __aexit__ through
// rt.AwaitEnterCached and rt.AwaitExit, which use these Await forms: an
// uncontended acquire and a release finish without suspending (as CPython's
// coroutines do on their first step), so the awaitable is doneNone, which
// costs nothing; a contended acquire is a waiter its task parks on
// (parked, below). The same waiters serve `await x.acquire()`, `await
// event.wait()` and `await cond.wait()`.

// doneNone is the body of an awaitable already finished with None.
type doneNone struct{}

func (doneNone) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	return rt.None, true, nil
}

// asyncWithAwaits gives the methods of Lock, Semaphore, Event and Condition
// that programs await their Await forms; sync.go's init calls it once
// the methods exist.
func asyncWithAwaits() {
	awaitMethod(LockType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return lockEnter(self.(*Lock), false), nil
	})
	awaitMethod(LockType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return releasedNone(self.(*Lock).release())
	})
	awaitMethod(SemaphoreType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return semEnter(self.(*Semaphore), false), nil
	})
	awaitMethod(SemaphoreType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return releasedNone(self.(*Semaphore).release())
	})
	// `await lock.acquire()` and `await sem.acquire()`: the same, with
	// acquire's True, and its argument check (it takes none).
	awaitNoArgs(LockType, "acquire", func(self rt.Object) rt.Resumable {
		return lockEnter(self.(*Lock), true)
	})
	awaitNoArgs(SemaphoreType, "acquire", func(self rt.Object) rt.Resumable {
		return semEnter(self.(*Semaphore), true)
	})
	// A Condition's own lock: `async with cond:` and `await
	// cond.acquire()` are its lock's, and `await cond.wait()` parks too.
	awaitMethod(ConditionType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return lockEnter(self.(*Condition).lock, false), nil
	})
	awaitMethod(ConditionType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return releasedNone(self.(*Condition).lock.release())
	})
	awaitNoArgs(ConditionType, "acquire", func(self rt.Object) rt.Resumable {
		return lockEnter(self.(*Condition).lock, true)
	})
	awaitNoArgs(ConditionType, "wait", func(self rt.Object) rt.Resumable {
		return &condWaiter{c: self.(*Condition), parked: parked{trueResult: true}}
	})
	awaitMethod(ConditionType, "wait_for", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return condWaitForArgs(self, args, kw)
	})
	// `await event.wait()`.
	awaitNoArgs(EventType, "wait", func(self rt.Object) rt.Resumable {
		ev := self.(*Event)
		if ev.take() {
			return doneTrue{}
		}
		return newPrimWaiter(waitEvent, unsafe.Pointer(ev), true)
	})
}

// lockEnter and semEnter are acquire awaited at once (by `async with` or
// `await x.acquire()`): done when acquire's fast path takes the lock or a
// permit, else a waiter; trueResult says that the await returns True
// (acquire), not None (__aenter__).
func lockEnter(lk *Lock, trueResult bool) rt.Resumable {
	if lk.take() {
		return doneWith(trueResult)
	}
	return newPrimWaiter(waitLock, unsafe.Pointer(lk), trueResult)
}

func semEnter(s *Semaphore, trueResult bool) rt.Resumable {
	if s.take() {
		return doneWith(trueResult)
	}
	return newPrimWaiter(waitSem, unsafe.Pointer(s), trueResult)
}

// doneWith is an awaitable already finished with True or None.
func doneWith(trueResult bool) rt.Resumable {
	if trueResult {
		return doneTrue{}
	}
	return doneNone{}
}

// awaitNoArgs gives t's method name, which takes no arguments, the Await
// form fn, behind the method's argument check.
func awaitNoArgs(t *rt.Type, name string, fn func(self rt.Object) rt.Resumable) {
	v, _ := t.Dict.GetStr(name)
	m := v.(*rt.Method)
	awaitMethod(t, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		if len(args)+len(kw) > 0 {
			return nil, m.Spec().Check(args, kw) // set when asyncio is imported (applyMethodArgs)
		}
		return fn(self), nil
	})
}

// doneTrue is the body of an awaitable already finished with True.
type doneTrue struct{}

func (doneTrue) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	return trueObj, true, nil
}

// releasedNone is __aexit__'s awaitable after a release that returned exc.
func releasedNone(exc *rt.BaseException) (rt.Resumable, *rt.BaseException) {
	if exc != nil {
		return nil, exc
	}
	return doneNone{}, nil
}

// parked is what a task waits on in a contended `async with` on a lock,
// semaphore or condition, or in `await x.acquire()`, `await event.wait()`
// or `await cond.wait()`, in place of the future of locks.py's acquire or
// wait: the task parks on it (Task.parkOn), as it parks on the timer of
// asyncio.sleep. It holds the task and what the future's state would be;
// primWaiter and condWaiter embed it first and add their primitive: 24
// bytes (48 for a condition's), where the future with
// its semaphore took 48, and a lock's acquire, its coroutine and
// __aenter__'s around it six objects. A release schedules the task's step
// itself, without the future's done callback in between.
type parked struct {
	t     *Task // the task parked on it (nil until then)
	state uint8
	// trueResult says that the await returns True (`await x.acquire()`,
	// `await event.wait()`), not None (__aenter__).
	trueResult bool
	// notified says that Condition.notify woke the waiter: its future's
	// result is False, not True (the task's repr shows it).
	notified bool
	kind     uint8 // a primWaiter's primitive (waitLock, …)
}

// result is what the await returns.
func (p *parked) result() rt.Object {
	if p.trueResult {
		return trueObj
	}
	return rt.None
}

// The states of a parked waiter.
const (
	swNew       uint8 = iota // not yet waiting
	swPending                // among the waiters: the future pending
	swWoken                  // woken by a release: the future's result set (True)
	swCancelled              // the future cancelled, by its task's cancellation
	swOver                   // finished
)

// wake is the future's set_result(True) by a release: its task's step is
// scheduled, as the future's done callback (the task's wakeup) would be.
func (p *parked) wake() {
	p.state = swWoken
	if t := p.t; t != nil {
		t.loop.scheduleNext(t)
	}
}

// resumed is Future.__await__ after its yield, for a waiter resumed with
// thrown: the exception the await ends with (nil: woken). The task no
// longer waits on p.
func (p *parked) resumed(thrown *rt.BaseException) *rt.BaseException {
	p.t = nil
	if thrown != nil {
		return thrown
	}
	switch p.state {
	case swPending:
		return rt.Errorf(rt.RuntimeErrorType, "await wasn't used with future")
	case swCancelled:
		return newCancelledError(nil)
	}
	return nil
}

// errReused is the error of resuming a finished waiter.
func errReused() *rt.BaseException {
	return rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
}

// primWaiter is a contended `async with lock:` or `async with sem:`'s
// __aenter__ (acquire waiting for its turn, and __aenter__'s None),
// `await x.acquire()` or `await event.wait()`, in one object: acquire or
// wait (locks.py) awaited at once, past its fast path. Its first step
// joins the primitive's waiters, and the task parks on it; the next ends
// the wait. x is the *Lock, *Semaphore or *Event, as kind says (a switch,
// not an interface, keeps the waiter at 24 bytes and the calls direct).
type primWaiter struct {
	parked
	x unsafe.Pointer
}

// The kinds of primitive a primWaiter waits on (parked.kind).
const (
	waitLock uint8 = iota
	waitSem
	waitEvent
)

func newPrimWaiter(kind uint8, x unsafe.Pointer, trueResult bool) *primWaiter {
	return &primWaiter{parked: parked{kind: kind, trueResult: trueResult}, x: x}
}

// Type makes the waiter an object; it stands for a future, which only a
// Task sees.
func (w *primWaiter) Type() *rt.Type { return FutureType }

func (w *primWaiter) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	switch w.state {
	case swNew:
		// The Await form that made w found the fast path closed just
		// before (lockEnter, semEnter, Event's wait), and generated code
		// resumes w at once: acquire's first step only joins the waiters.
		if thrown != nil {
			w.state = swOver
			return nil, true, thrown
		}
		if _, err := loopOrErr(); err != nil {
			w.state = swOver
			return nil, true, err
		}
		w.state = swPending
		w.queue().push(parkedWaiter(&w.parked))
		return w, false, nil // the task parks on w
	case swOver:
		return nil, true, errReused()
	}
	// acquire's or wait's finally and except clauses.
	e, exc := parkedWaiter(&w.parked), w.resumed(thrown)
	switch w.kind {
	case waitLock:
		exc = (*Lock)(w.x).waited(e, exc)
	case waitSem:
		exc = (*Semaphore)(w.x).waited(e, exc)
	default:
		exc = (*Event)(w.x).waited(e, exc)
	}
	w.state = swOver
	if exc != nil {
		return nil, true, exc
	}
	return w.result(), true, nil
}

// queue is the primitive's waiters.
func (w *primWaiter) queue() *waitq {
	switch w.kind {
	case waitLock:
		return &(*Lock)(w.x).waiters
	case waitSem:
		return &(*Semaphore)(w.x).waiters
	}
	return &(*Event)(w.x).waiters
}

// condWaiter is `await cond.wait()`: Condition.wait (locks.py) releasing
// the lock, waiting for a notify, and taking the lock back, in one object
// that its task parks on twice, first among the condition's waiters, then
// among the lock's, in place of wait's coroutine, its future and the
// coroutines of the lock's acquire.
type condWaiter struct {
	parked
	c     *Condition
	phase uint8 // condNew, condNotify, condLock
	// inflight is the exception the wait for a notify ended with, which
	// the lock's re-acquisition (wait's finally) lets through; again is
	// the last CancelledError that re-acquisition caught, which replaces
	// it.
	inflight, again *rt.BaseException
}

// The phases of a condWaiter.
const (
	condNew    uint8 = iota
	condNotify       // waiting among the condition's waiters
	condLock         // waiting among the lock's waiters
)

// Type makes the waiter an object, as primWaiter's.
func (w *condWaiter) Type() *rt.Type { return FutureType }

func (w *condWaiter) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	c, lk := w.c, w.c.lock
	if w.state == swOver {
		return nil, true, errReused()
	}
	switch w.phase {
	case condNew:
		if thrown != nil {
			w.state = swOver
			return nil, true, thrown
		}
		if !lk.locked {
			w.state = swOver
			return nil, true, rt.Errorf(rt.RuntimeErrorType, "cannot wait on un-acquired lock")
		}
		if exc := lk.release(); exc != nil {
			w.state = swOver
			return nil, true, exc
		}
		if _, err := loopOrErr(); err != nil {
			// wait's finally: the lock is taken back (it was just
			// released, so it is free unless a waiter was woken).
			w.inflight = err
			return w.relock()
		}
		w.phase, w.state = condNotify, swPending
		c.waiters.push(parkedWaiter(&w.parked))
		return w, false, nil // the task parks on w
	case condNotify:
		// `await fut` and its finally: the waiter leaves the queue.
		w.inflight = w.resumed(thrown)
		c.waiters.remove(parkedWaiter(&w.parked))
		return w.relock()
	default: // condLock
		err := lk.waited(parkedWaiter(&w.parked), w.resumed(thrown))
		switch {
		case err == nil: // the lock is taken
			return w.finish()
		case isCancel(err):
			w.again = err // caught: acquire again
			return w.relock()
		}
		w.state = swOver
		return nil, true, err
	}
}

// relock is wait's finally: `await self.acquire()` until it succeeds.
func (w *condWaiter) relock() (rt.Object, bool, *rt.BaseException) {
	lk := w.c.lock
	if lk.take() {
		return w.finish()
	}
	if _, err := loopOrErr(); err != nil {
		w.state = swOver
		return nil, true, err
	}
	w.phase, w.state, w.notified = condLock, swPending, false
	lk.waiters.push(parkedWaiter(&w.parked))
	return w, false, nil // the task parks on w again
}

// finish ends wait with the lock held: the last CancelledError of the
// re-acquisition if there was one, else the exception of the wait for a
// notify, else True.
func (w *condWaiter) finish() (rt.Object, bool, *rt.BaseException) {
	w.state = swOver
	if w.again != nil {
		return nil, true, w.again
	}
	if w.inflight != nil {
		return nil, true, w.inflight
	}
	return trueObj, true, nil
}

// condWaitFor is Condition.wait_for(predicate) (locks.py): the predicate
// called until it is true, with `await self.wait()` (a condWaiter) between
// the calls; the predicate's last result is the result. goPred, if set,
// is a predicate of the runtime's own (Barrier's), in place of pred.
type condWaitFor struct {
	c      *Condition
	pred   rt.Object
	goPred func() bool
	w      *condWaiter // the wait in progress (nil between waits)
	over   bool
}

func (f *condWaitFor) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if f.over {
		return nil, true, errReused()
	}
	if f.w != nil {
		v, done, exc := f.w.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		f.w = nil
		if exc != nil {
			f.over = true
			return nil, true, exc
		}
	} else if thrown != nil {
		f.over = true
		return nil, true, thrown
	}
	for {
		var result rt.Object
		var ok bool
		var exc *rt.BaseException
		if f.goPred != nil {
			ok = f.goPred()
			result = rt.Bool(ok)
		} else if result, exc = rt.Call(f.pred, nil, nil); exc == nil {
			ok, exc = rt.Truth(result)
		}
		if exc != nil || ok {
			f.over = true
			return result, true, exc
		}
		f.w = &condWaiter{c: f.c, parked: parked{trueResult: true}}
		v, done, exc := f.w.Resume(rt.None, nil)
		if !done {
			return v, false, nil // the task parks on the wait
		}
		f.w = nil
		if exc != nil {
			f.over = true
			return nil, true, exc
		}
	}
}

// BoundAexit is the lock's bound __aexit__ for an async with, made once:
// the exit of an async with is seen by generated code only, so one object
// serves every async with on the lock (rt.AwaitEnterCached).
func (lk *Lock) BoundAexit() *rt.BoundMethod {
	if lk.aexit == nil {
		lk.aexit = boundAexit(lk)
	}
	return lk.aexit
}

// BoundAexit is the semaphore's bound __aexit__, as Lock's.
func (s *Semaphore) BoundAexit() *rt.BoundMethod {
	if s.aexit == nil {
		s.aexit = boundAexit(s)
	}
	return s.aexit
}

func boundAexit(self rt.Object) *rt.BoundMethod {
	var m rt.Object
	for _, t := range self.Type().MRO {
		if v, ok := t.Dict.GetStr("__aexit__"); ok {
			m = v
			break
		}
	}
	return &rt.BoundMethod{Self: self, Fn: m}
}
