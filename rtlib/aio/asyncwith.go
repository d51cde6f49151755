package aio

import rt "github.com/async2go/async2go/rtlib"

// `async with lock:` and `async with sem:` without coroutine objects. Code
// generated for an async with awaits __aenter__ and __aexit__ through
// rt.AwaitEnterCached and rt.AwaitExit, which use these Await forms: an
// uncontended acquire and a release finish without suspending (as CPython's
// coroutines do on their first step), so the awaitable is doneNone, which
// costs nothing; a contended acquire is the usual coroutine's body.

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
		return &semEnter{s: s}, nil
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

// semEnter is a contended `async with sem:`'s __aenter__: Semaphore.acquire
// (locks.py) waiting for its turn, and the None of __aenter__, in one object
// instead of two coroutines and their closures; the waiter future is part
// of it (its loop is set once it waits).
type semEnter struct {
	s   *Semaphore
	fut Future
}

func (a *semEnter) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	s := a.s
	if a.fut.loop == nil {
		if thrown != nil {
			return nil, true, thrown
		}
		if !s.locked() {
			s.value--
			return rt.None, true, nil
		}
		l, err := loopOrErr()
		if err != nil {
			return nil, true, err
		}
		a.fut.loop = l
		s.waiters.push(&a.fut)
		sent, thrown = rt.None, nil
	}
	v, done, exc := a.fut.Resume(sent, thrown)
	if !done {
		return v, false, nil // the task waits for the future
	}
	if exc := s.waited(&a.fut, exc); exc != nil {
		return nil, true, exc
	}
	return rt.None, true, nil
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
