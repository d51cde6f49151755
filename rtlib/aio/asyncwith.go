package aio

import rt "github.com/async2go/async2go/rtlib"

// `async with lock:` and `async with sem:` without coroutine objects. Code
// generated for an async with awaits __aenter__ and __aexit__ through
// rt.AwaitEnter and rt.AwaitExit, which use these Await forms: an
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

// asyncWithAwaits gives Lock and Semaphore their Await forms; thin_sync.go's
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
		return aenterAcquire(s.acquire()).(rt.Resumable), nil
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
