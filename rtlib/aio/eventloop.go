package aio

import (
	rt "github.com/async2go/async2go/rtlib"
)

// The main thread's event loop as events.py's BaseDefaultEventLoopPolicy
// keeps it (its _local._loop and _local._set_called): set by
// set_event_loop, by a Runner (and so asyncio.run) from its first use to
// its close, or made by get_event_loop's first call outside a loop.
var (
	policyLoop      *Loop
	policySetCalled bool
)

// setEventLoop is asyncio.set_event_loop (l nil: None).
func setEventLoop(l *Loop) { policyLoop, policySetCalled = l, true }

// getEventLoop is asyncio.get_event_loop: the running loop, or the
// policy's. CPython 3.12's policy, on the main thread, when no loop was
// ever set, warns (DeprecationWarning, attached to the caller's line) and
// sets a new loop; once set_event_loop was called (asyncio.run's end sets
// None) it raises instead.
func getEventLoop(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	if running != nil {
		return loopObject(running), nil
	}
	if policyLoop == nil && !policySetCalled {
		rt.Warn(rt.DeprecationWarningType, "There is no current event loop")
		setEventLoop(NewLoop())
	}
	if policyLoop == nil {
		return nil, rt.Errorf(rt.RuntimeErrorType, "There is no current event loop in thread 'MainThread'.")
	}
	return loopObject(policyLoop), nil
}

// runUntilComplete is loop.run_until_complete (base_events.py): the
// loop's checks, then ensure_future, then the run.
func (o *LoopObject) runUntilComplete(x rt.Object) (rt.Object, *rt.BaseException) {
	l := o.l
	if exc := l.checkRunnable(); exc != nil {
		return nil, exc
	}
	// CPython runs a task's step under four frames of asyncio:
	// run_until_complete, run_forever, _run_once, Handle._run.
	if exc := rt.EnterFrames(runFrames - 2); exc != nil {
		return nil, exc
	}
	defer rt.LeaveFrames(runFrames - 2)
	setRunning(l)
	fut, exc := ensureFuture(l, x)
	if exc != nil {
		setRunning(nil)
		return nil, exc
	}
	res, exc := l.RunUntilComplete(fut)
	setRunning(nil)
	return res, exc
}

// runForever is loop.run_forever: it runs until loop.stop().
func (o *LoopObject) runForever() *rt.BaseException {
	l := o.l
	if exc := l.checkRunnable(); exc != nil {
		return exc
	}
	// run_forever, _run_once, Handle._run
	if exc := rt.EnterFrames(runFrames - 3); exc != nil {
		return exc
	}
	defer rt.LeaveFrames(runFrames - 3)
	l.RunForever()
	if exc := l.fatal; exc != nil {
		l.fatal = nil
		return exc
	}
	return nil
}

// closeLoop is loop.close: a running loop refuses; the executor's
// threads are waited for, as the interpreter's exit would.
func (o *LoopObject) closeLoop() *rt.BaseException {
	l := o.l
	if l.running {
		return rt.Errorf(rt.RuntimeErrorType, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.waitThreads()
	return l.Close()
}

func registerEventLoop(m *rt.Module) {
	builtin(m, "get_event_loop", getEventLoop)
	builtin(m, "new_event_loop", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return loopObject(NewLoop()), nil
	})
	builtin(m, "set_event_loop", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		v, _ := kwOrArg(args, kw, 0, "loop")
		switch lo := v.(type) {
		case *LoopObject:
			setEventLoop(lo.l)
		default:
			if v != rt.None {
				policySetCalled = true // CPython sets the flag before its check
				return nil, rt.Errorf(rt.TypeErrorType, "loop must be an instance of AbstractEventLoop or None, not '%s'", typeName(v))
			}
			setEventLoop(nil)
		}
		return rt.None, nil
	})
	methods.Defer(installLoopMethods)
}

// installLoopMethods defines the event loop's run and stop methods.
func installLoopMethods() {
	method(LoopType, "run_until_complete", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		v, _ := kwOrArg(args, kw, 0, "future")
		return self.(*LoopObject).runUntilComplete(v)
	})
	noArgsMethod(LoopType, "run_forever", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return rt.None, self.(*LoopObject).runForever()
	})
	noArgsMethod(LoopType, "close", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return rt.None, self.(*LoopObject).closeLoop()
	})
	noArgsMethod(LoopType, "stop", func(self rt.Object) (rt.Object, *rt.BaseException) {
		self.(*LoopObject).l.Stop()
		return rt.None, nil
	})
}
