package aio

import (
	"fmt"

	rt "github.com/async2go/async2go/rtlib"
)

// Barrier is asyncio.Barrier (locks.py): parties tasks meet at wait(), and
// leave it together. It is built as locks.py builds it, on a Condition
// (its lock, and waits that are Condition.wait_for with Go predicates),
// so that its tasks take the same turns through the loop as CPython's,
// cancellations included.
type Barrier struct {
	cond    *Condition
	parties int
	state   barrierState
	count   int // the tasks in wait(), between its count and its finally
}

// barrierState is locks.py's _BarrierState.
type barrierState uint8

const (
	barrierFilling barrierState = iota
	barrierDraining
	barrierResetting
	barrierBroken
)

func (s barrierState) String() string {
	return [...]string{"filling", "draining", "resetting", "broken"}[s]
}

var (
	BarrierType            = newClass("Barrier", "asyncio.locks", rt.ObjectType)
	BrokenBarrierErrorType = newClass("BrokenBarrierError", "asyncio.exceptions", rt.RuntimeErrorType)
	barrierNewArgs         = rt.ArgsPython("Barrier.__init__", 1, "parties").Method()
)

func (*Barrier) Type() *rt.Type { return BarrierType }

// Repr is Barrier.__repr__: object's repr with the state, and the tasks
// waiting unless the barrier is broken.
func (b *Barrier) Repr() (rt.Str, *rt.BaseException) {
	extra := b.state.String()
	if b.state != barrierBroken {
		extra += fmt.Sprintf(", waiters:%d/%d", b.nWaiting(), b.parties)
	}
	return lockRepr(b, extra, 0)
}

// nWaiting is Barrier.n_waiting.
func (b *Barrier) nWaiting() int {
	if b.state == barrierFilling {
		return b.count
	}
	return 0
}

// waitFor is `await self._cond.wait_for(pred)`, which the barrier's lock
// must be held for.
func (b *Barrier) waitFor(pred func() bool) rt.Resumable {
	return &condWaitFor{c: b.cond, goPred: pred}
}

// notifyAll is self._cond.notify_all(), with the lock held.
func (b *Barrier) notifyAll() *rt.BaseException {
	return b.cond.notify(b.cond.waiters.len())
}

// exit is Barrier._exit: the last task out of the barrier ends its
// draining or resetting and wakes the tasks waiting for that.
func (b *Barrier) exit() *rt.BaseException {
	if b.count == 0 {
		if b.state == barrierResetting || b.state == barrierDraining {
			b.state = barrierFilling
		}
		return b.notifyAll()
	}
	return nil
}

func brokenBarrier(msg string) *rt.BaseException {
	return rt.NewException(BrokenBarrierErrorType, rt.Str(msg))
}

// The steps of a barrierWait.
const (
	bwNew   = iota
	bwLock  // in `async with self._cond:`, taking the lock
	bwBlock // in _block's wait_for: while the barrier drains or resets
	bwWait  // in _wait's wait_for: until the barrier fills
	bwDone
)

// barrierWait is the body of Barrier.wait() (and __aenter__):
//
//	async with self._cond:
//	    await self._block()
//	    try:
//	        index = self._count
//	        self._count += 1
//	        if index + 1 == self._parties:
//	            await self._release()
//	        else:
//	            await self._wait()
//	        return index
//	    finally:
//	        self._count -= 1
//	        self._exit()
type barrierWait struct {
	b     *Barrier
	aw    rt.Resumable // what the step awaits
	step  uint8
	index int
}

func (w *barrierWait) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	b := w.b
	switch w.step {
	case bwNew:
		if thrown != nil {
			w.step = bwDone
			return nil, true, thrown
		}
		w.aw, w.step = lockEnter(b.cond.lock, false), bwLock
		sent = rt.None
	case bwDone:
		return nil, true, errReused()
	}
	for {
		v, done, exc := w.aw.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		w.aw, sent, thrown = nil, rt.None, nil
		switch w.step {
		case bwLock:
			if exc != nil { // the lock was not taken
				w.step = bwDone
				return nil, true, exc
			}
			w.aw, w.step = b.waitFor(func() bool {
				return b.state != barrierDraining && b.state != barrierResetting
			}), bwBlock
		case bwBlock:
			if exc == nil && b.state == barrierBroken {
				exc = brokenBarrier("Barrier aborted")
			}
			if exc != nil {
				return w.end(exc)
			}
			w.index = b.count
			b.count++
			if w.index+1 == b.parties { // _release
				b.state = barrierDraining
				return w.finally(b.notifyAll())
			}
			w.aw, w.step = b.waitFor(func() bool { return b.state != barrierFilling }), bwWait
		case bwWait:
			if exc == nil && (b.state == barrierBroken || b.state == barrierResetting) {
				exc = brokenBarrier("Abort or reset of barrier")
			}
			return w.finally(exc)
		}
	}
}

// finally is wait's finally clause, then the end of its async with.
func (w *barrierWait) finally(exc *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	w.b.count--
	if e := w.b.exit(); e != nil {
		exc = rt.Chain(e, exc)
	}
	return w.end(exc)
}

// end leaves the async with (releasing the lock) with exc, or returns the
// index.
func (w *barrierWait) end(exc *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	w.step = bwDone
	if e := w.b.cond.lock.release(); e != nil {
		exc = rt.Chain(e, exc)
	}
	if exc != nil {
		return nil, true, exc
	}
	return rt.Int(w.index), true, nil
}

// barrierLocked is the body of reset() and abort(): fn under the
// barrier's lock (`async with self._cond:`).
type barrierLocked struct {
	b    *Barrier
	fn   func(b *Barrier) *rt.BaseException
	aw   rt.Resumable
	over bool
}

func (l *barrierLocked) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if l.over {
		return nil, true, errReused()
	}
	if l.aw == nil {
		if thrown != nil {
			l.over = true
			return nil, true, thrown
		}
		l.aw, sent = lockEnter(l.b.cond.lock, false), rt.None
	}
	v, done, exc := l.aw.Resume(sent, thrown)
	if !done {
		return v, false, nil
	}
	l.over = true
	if exc != nil {
		return nil, true, exc
	}
	exc = l.fn(l.b)
	if e := l.b.cond.lock.release(); e != nil {
		exc = rt.Chain(e, exc)
	}
	if exc != nil {
		return nil, true, exc
	}
	return rt.None, true, nil
}

// barrierReset is Barrier.reset's body under the lock.
func barrierReset(b *Barrier) *rt.BaseException {
	if b.count > 0 {
		b.state = barrierResetting
	} else {
		b.state = barrierFilling
	}
	return b.notifyAll()
}

// barrierAbort is Barrier.abort's body under the lock.
func barrierAbort(b *Barrier) *rt.BaseException {
	b.state = barrierBroken
	return b.notifyAll()
}

func init() {
	BarrierType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := barrierNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		v, _ := kwOrArg(args, kw, 0, "parties")
		n, ok := rt.AsInt(v)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "Barrier(parties) must be an int here, not '%s'", typeName(v))
		}
		if n < 1 {
			return nil, rt.Errorf(rt.ValueErrorType, "parties must be > 0")
		}
		return &Barrier{cond: &Condition{lock: &Lock{}}, parties: int(n)}, nil
	}
	methods.Defer(installBarrierMethods)
}

// installBarrierMethods defines the methods of Barrier (made on first use:
// rt.MethodTables).
func installBarrierMethods() {
	wait := func(self rt.Object) rt.Resumable { return &barrierWait{b: self.(*Barrier)} }
	locked := func(fn func(b *Barrier) *rt.BaseException) func(self rt.Object) rt.Resumable {
		return func(self rt.Object) rt.Resumable { return &barrierLocked{b: self.(*Barrier), fn: fn} }
	}
	for name, body := range map[string]func(self rt.Object) rt.Resumable{
		"wait":       wait,
		"__aenter__": wait,
		"reset":      locked(barrierReset),
		"abort":      locked(barrierAbort),
	} {
		fn := barrierFns[name]
		noArgsMethod(BarrierType, name, func(self rt.Object) (rt.Object, *rt.BaseException) {
			return rt.NewCoroutine(fn, body(self)), nil
		})
		awaitNoArgs(BarrierType, name, body)
	}
	method(BarrierType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.NewCoroutine(barrierFns["__aexit__"], doneNone{}), nil
	})
	awaitMethod(BarrierType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		return doneNone{}, nil
	})
	privAttr(BarrierType, "parties", func(o rt.Object) rt.Object { return rt.Int(o.(*Barrier).parties) }, nil)
	privAttr(BarrierType, "n_waiting", func(o rt.Object) rt.Object { return rt.Int(o.(*Barrier).nWaiting()) }, nil)
	privAttr(BarrierType, "broken", func(o rt.Object) rt.Object { return rt.Bool(o.(*Barrier).state == barrierBroken) }, nil)
	rt.ApplyMethodArgs(BarrierType, map[string]*rt.ArgSpec{
		"wait":       rt.ArgsPython("Barrier.wait", 0).Method(),
		"reset":      rt.ArgsPython("Barrier.reset", 0).Method(),
		"abort":      rt.ArgsPython("Barrier.abort", 0).Method(),
		"__aenter__": rt.ArgsPython("Barrier.__aenter__", 0).Method(),
		"__aexit__":  rt.ArgsPython("Barrier.__aexit__", 0).VarArgs().Method(),
	})
}

// barrierFns are the functions of the coroutines of Barrier's methods
// (their qualnames, as CPython's coroutine objects show them).
var barrierFns = func() map[string]*rt.Function {
	m := map[string]*rt.Function{}
	for _, n := range []string{"wait", "__aenter__", "__aexit__", "reset", "abort"} {
		m[n] = &rt.Function{Name: n, Qualname: "Barrier." + n, Module: "asyncio.locks"}
	}
	return m
}()
