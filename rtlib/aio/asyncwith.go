package aio

import rt "github.com/async2go/async2go/rtlib"

// `async with lock:` and `async with sem:` without coroutine objects. Code
// generated for an async with awaits __aenter__ and __aexit__ through
// rt.AwaitEnterCached and rt.AwaitExit, which use these Await forms: an
// uncontended acquire and a release finish without suspending (as CPython's
// coroutines do on their first step), so the awaitable is doneNone, which
// costs nothing; a contended acquire of a lock is the usual coroutine's
// body, and of a semaphore a semWaiter, which its task parks on.

// doneNone is the body of an awaitable already finished with None.
type doneNone struct{}

func (doneNone) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	return rt.None, true, nil
}

// asyncWithAwaits gives Lock and Semaphore their Await forms; sync.go's
// init calls it once their methods exist.
func asyncWithAwaits() {
	awaitMethod(LockType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		lk := self.(*Lock)
		if !lk.locked && allCancelled(lk.waiters) {
			lk.locked = true // Lock.acquire's fast path
			return doneNone{}, nil
		}
		return aenterAcquire(lk.acquire()).(rt.Resumable), nil
	})
	awaitMethod(LockType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return releasedNone(self.(*Lock).release())
	})
	awaitMethod(SemaphoreType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		s := self.(*Semaphore)
		if !s.locked() {
			s.value-- // Semaphore.acquire's fast path
			return doneNone{}, nil
		}
		return &semWaiter{s: s}, nil
	})
	awaitMethod(SemaphoreType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return releasedNone(self.(*Semaphore).release())
	})
}

// releasedNone is __aexit__'s awaitable after a release that returned exc.
func releasedNone(exc *rt.BaseException) (rt.Resumable, *rt.BaseException) {
	if exc != nil {
		return nil, exc
	}
	return doneNone{}, nil
}

// semWaiter is a contended `async with sem:`'s __aenter__: Semaphore.acquire
// (locks.py) waiting for its turn, and the None of __aenter__, in one
// object instead of two coroutines and their closures. In place of
// acquire's future, the task parks on the semWaiter itself (Task.parkSem),
// as it parks on the timer of asyncio.sleep: 24 bytes, where the future
// with its semaphore took 48, and a release schedules the task's step
// without the future's done callback in between. Its state is what the
// future's would be.
type semWaiter struct {
	s     *Semaphore
	t     *Task // the task parked on it (nil until then)
	state uint8
}

// The states of a semWaiter.
const (
	swNew       uint8 = iota // not yet waiting
	swPending                // in the semaphore's waiters: the future pending
	swWoken                  // woken by a release: the future's result set (True)
	swCancelled              // the future cancelled, by its task's cancellation
	swOver                   // finished
)

// Type makes the semWaiter an object; it stands for acquire's future,
// which only a Task sees.
func (w *semWaiter) Type() *rt.Type { return FutureType }

func (w *semWaiter) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	s := w.s
	switch w.state {
	case swNew:
		if thrown != nil {
			w.state = swOver
			return nil, true, thrown
		}
		if !s.locked() {
			s.value--
			w.state = swOver
			return rt.None, true, nil
		}
		if _, err := loopOrErr(); err != nil {
			w.state = swOver
			return nil, true, err
		}
		w.state = swPending
		s.waiters.push(parkedWaiter(w))
		return w, false, nil // the task parks on w
	case swOver:
		return nil, true, rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
	}
	// Resumed: Future.__await__ after its yield, then acquire's finally
	// and except clauses (waited).
	exc := thrown
	if exc == nil {
		switch w.state {
		case swPending:
			exc = rt.Errorf(rt.RuntimeErrorType, "await wasn't used with future")
		case swCancelled:
			exc = newCancelledError(nil)
		}
	}
	w.t = nil
	exc = s.waited(parkedWaiter(w), exc)
	w.state = swOver
	if exc != nil {
		return nil, true, exc
	}
	return rt.None, true, nil
}

// wake is the future's set_result(True) by Semaphore._wake_up_next: its
// task's step is scheduled, as the future's done callback (the task's
// wakeup) would be.
func (w *semWaiter) wake() {
	w.state = swWoken
	if t := w.t; t != nil {
		t.loop.scheduleNext(t)
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
