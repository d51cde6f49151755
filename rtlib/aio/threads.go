package aio

import (
	"runtime"

	rt "github.com/async2go/async2go/rtlib"
)

// runInThread is loop.run_in_executor(None, fn, *args): fn runs on a new
// goroutine that holds the interpreter lock (rt.LockGIL) while it runs
// Python code, and the returned future is completed on the loop through
// CallSoonThreadsafe, as futures._chain_future does.
func (l *Loop) runInThread(fn rt.Object, args []rt.Object, kw []rt.KwArg) *Future {
	fut := NewFuture(l)
	rt.EnableGIL()
	l.threads.Add(1)
	go func() {
		rt.LockGIL()
		v, exc := rt.Call(fn, args, kw)
		rt.UnlockGIL()
		l.CallSoonThreadsafe(func() {
			if fut.Done() { // cancelled meanwhile
				return
			}
			if exc != nil {
				fut.SetException(exc)
			} else {
				fut.SetResult(v)
			}
		})
		l.threads.Add(-1)
		l.poke()
	}()
	return fut
}

// poke wakes the loop if it is waiting.
func (l *Loop) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// yieldGIL lets worker goroutines run Python code between two iterations
// while any are running (CPython's switch interval).
func (l *Loop) yieldGIL() {
	if l.threads.Load() > 0 {
		rt.UnlockGIL()
		runtime.Gosched()
		rt.LockGIL()
	}
}

// waitThreads waits for the worker goroutines to finish
// (loop.shutdown_default_executor), with the interpreter lock released.
func (l *Loop) waitThreads() {
	for l.threads.Load() > 0 {
		rt.UnlockGIL()
		<-l.wake
		rt.LockGIL()
	}
	l.drainInbox()
}

var toThreadFn = &rt.Function{Name: "to_thread", Qualname: "to_thread", Module: "asyncio.threads", Kind: rt.CoroutineFunc}

// toThreadFrame is asyncio.to_thread's coroutine body: the call is handed
// to a worker when the coroutine first runs, then its future is awaited.
type toThreadFrame struct {
	fn   rt.Object
	args []rt.Object
	kw   []rt.KwArg
	fut  *Future
}

func (s *toThreadFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if s.fut == nil {
		if thrown != nil {
			return nil, true, thrown
		}
		l, exc := needLoop()
		if exc != nil {
			return nil, true, exc
		}
		s.fut = l.runInThread(s.fn, s.args, s.kw)
	}
	return s.fut.Resume(sent, thrown)
}

// registerThreads adds to_thread, all_tasks, iscoroutine,
// iscoroutinefunction and loop.run_in_executor.
func registerThreads(m *rt.Module) {
	builtin(m, "to_thread", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.NewCoroutine(toThreadFn, &toThreadFrame{fn: args[0], args: args[1:], kw: kw}), nil
	})
	builtin(m, "all_tasks", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		s, exc := rt.NewSet(l.allTasks()...)
		return s, exc
	})
	builtin(m, "iscoroutine", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		_, ok := args[0].(*rt.Coroutine)
		return rt.Bool(ok), nil
	})
	// isfuture is base_futures.isfuture: a Future or Task, or an object
	// whose class has _asyncio_future_blocking and whose value of it is
	// not None (a Future-compatible object, as asyncio duck-types them).
	builtin(m, "isfuture", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if futureOf(args[0]) != nil {
			return rt.Bool(true), nil
		}
		if _, ok := rt.LookupAttr(args[0].Type(), "_asyncio_future_blocking"); !ok {
			return rt.Bool(false), nil
		}
		v, exc := rt.GetAttr(args[0], "_asyncio_future_blocking")
		if exc != nil {
			return nil, exc
		}
		return rt.Bool(!rt.IsNone(v)), nil
	})
	builtin(m, "iscoroutinefunction", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		f, ok := args[0].(*rt.Function)
		return rt.Bool(ok && f.Kind == rt.CoroutineFunc), nil
	})
	methods.Defer(func() {
		method(LoopType, "run_in_executor", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) < 2 {
				return nil, rt.Errorf(rt.TypeErrorType, "run_in_executor() missing 2 required positional arguments: 'executor' and 'func'")
			}
			if args[0] != rt.None {
				return nil, rt.Errorf(rt.TypeErrorType, "run_in_executor: only the default executor (None) is supported")
			}
			return self.(*LoopObject).l.runInThread(args[1], args[2:], nil), nil
		})
	})
}
