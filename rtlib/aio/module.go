package aio

import (
	"fmt"
	"os"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

func newClass(name, module string, base *rt.Type) *rt.Type {
	t, _ := rt.BuildClass(name, name, []rt.Object{base}, rt.NewDict(), nil)
	typ := t.(*rt.Type)
	typ.Module = module
	methods.Mark(typ)
	return typ
}

// methods is the set of the asyncio classes' method tables: they are made
// when a program first uses one (rt.MethodTables).
var methods rt.MethodTables

// The asyncio types.
var (
	CancelledErrorType    = newClass("CancelledError", "asyncio.exceptions", rt.BaseExceptionType)
	InvalidStateErrorType = newClass("InvalidStateError", "asyncio.exceptions", rt.ExceptionType)
	FutureType            = newClass("Future", "_asyncio", rt.ObjectType)
	TaskType              = newClass("Task", "_asyncio", FutureType)
)

func method(t *rt.Type, name string, fn func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	t.Dict.SetStr(name, &rt.Method{Name: name, Fn: fn})
}

// awaitMethod gives the method name of t (defined already) its Await form
// (rt.AwaitMethod): the coroutine's body without the coroutine object.
func awaitMethod(t *rt.Type, name string, fn func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException)) {
	v, _ := t.Dict.GetStr(name)
	v.(*rt.Method).Await = fn
}

// startMethod sets the Start form of a method that has an Await form.
func startMethod(t *rt.Type, name string, fn func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, rt.Object, bool, *rt.BaseException, *rt.BaseException)) {
	v, _ := t.Dict.GetStr(name)
	v.(*rt.Method).Start = fn
}

// futureOf returns the *Future inside a Future or Task object.
func futureOf(o rt.Object) *Future {
	switch f := o.(type) {
	case *Future:
		return f
	case *Task:
		return &f.Future
	}
	return nil
}

func kwOrArg(args []rt.Object, kw []rt.KwArg, i int, name string) (rt.Object, bool) {
	if i < len(args) {
		return args[i], true
	}
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

func init() {
	FutureType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := futureNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		l := running
		if l == nil {
			return nil, rt.Errorf(rt.RuntimeErrorType, "no running event loop")
		}
		return NewFuture(l), nil
	}
	// A future is awaitable (collections.abc.Awaitable), by its Go type.
	rt.AddBuiltinMethods(FutureType, "__await__", "__iter__")
	rt.RegisterModule("asyncio", newModule)
	methods.Defer(installFutureMethods)
}

// installFutureMethods defines the methods of Future and Task (made on first
// use: rt.MethodTables).
func installFutureMethods() {
	// Queue, Future and Task take type arguments (asyncio.Queue[int]),
	// as their CPython classes' __class_getitem__ allows.
	for _, t := range []*rt.Type{QueueType, FutureType, TaskType} {
		rt.AddClassGetItem(t)
	}
	for _, t := range []*rt.Type{FutureType, TaskType} {
		method(t, "done", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Bool(futureOf(self).Done()), nil
		})
		method(t, "cancelled", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Bool(futureOf(self).Cancelled()), nil
		})
		method(t, "result", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return futureOf(self).Result()
		})
		method(t, "exception", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return futureOf(self).Exception()
		})
		method(t, "set_result", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.None, futureOf(self).SetResult(args[0])
		})
		method(t, "set_exception", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			exc := rt.Raise(args[0], nil)
			return rt.None, futureOf(self).SetException(exc)
		})
		method(t, "cancel", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			msg, ok := kwOrArg(args, kw, 0, "msg")
			if !ok {
				msg = rt.None
			}
			if t, ok := self.(*Task); ok {
				return rt.Bool(t.Cancel(msg)), nil
			}
			return rt.Bool(cancelFuture(futureOf(self), msg)), nil
		})
		method(t, "add_done_callback", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			cb := args[0]
			f := futureOf(self)
			entry := f.AddDoneCallback(func(*Future) {
				if _, exc := rt.Call(cb, []rt.Object{self}, nil); exc != nil {
					reportCallbackError(exc)
				}
			})
			entry.py = cb
			return rt.None, nil
		})
		method(t, "remove_done_callback", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			n := futureOf(self).RemoveDoneCallback(func(cb *doneCallback) bool { return cb.py != nil && rt.Is(cb.py, args[0]) })
			return rt.Int(n), nil
		})
	}
	// A task's result is its coroutine's: _asyncio's Task refuses both.
	for _, n := range []string{"set_result", "set_exception"} {
		msg := "Task does not support " + n + " operation"
		method(TaskType, n, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return nil, rt.Errorf(rt.RuntimeErrorType, "%s", msg)
		})
	}
	method(TaskType, "get_name", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.Str(self.(*Task).Name()), nil
	})
	method(TaskType, "set_name", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		s, exc := rt.ToStr(args[0])
		if exc == nil {
			self.(*Task).setName(string(s))
		}
		return rt.None, exc
	})
	method(TaskType, "get_coro", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*Task).coro, nil
	})
	method(TaskType, "cancelling", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.Int(self.(*Task).cancelReqs()), nil
	})
	method(TaskType, "uncancel", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.Int(self.(*Task).Uncancel()), nil
	})
	method(TaskType, "__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*Task).Repr()
	})
}

// Uncancel decrements the count of cancellation requests.
func (t *Task) Uncancel() int {
	x := t.ext()
	if x == nil {
		return 0
	}
	if x.numCancelReqs > 0 { // 3.12: must_cancel is left alone
		x.numCancelReqs--
	}
	return x.numCancelReqs
}

func reportCallbackError(exc *rt.BaseException) {
	rt.FlushStdout()
	rt.PrintException(exc)
}

func builtin(m *rt.Module, name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
}

func needLoop() (*Loop, *rt.BaseException) {
	if running == nil {
		return nil, rt.Errorf(rt.RuntimeErrorType, "no running event loop")
	}
	return running, nil
}

func newModule() (*rt.Module, *rt.BaseException) {
	m := rt.NewModule("asyncio")
	m.Dict.SetStr("CancelledError", CancelledErrorType)
	m.Dict.SetStr("InvalidStateError", InvalidStateErrorType)
	m.Dict.SetStr("TimeoutError", rt.TimeoutErrorType)
	m.Dict.SetStr("Future", FutureType)
	m.Dict.SetStr("Task", TaskType)
	builtin(m, "run", asyncioRun)
	m.Dict.SetStr("sleep", &rt.Builtin{Name: "sleep", Fn: asyncioSleep, Await: awaitSleep, Start: startSleep, StartFloat: startSleepFloat, Yield0: &loopSet})
	m.Dict.SetStr("create_task", &rt.Builtin{Name: "create_task", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		name, ok := kwOrArg(nil, kw, 0, "name")
		if !ok {
			name = rt.None
		}
		return NewTask(l, args[0], name)
	}, Fn1: func(coro rt.Object) (rt.Object, *rt.BaseException) {
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		return NewTask(l, coro, rt.None)
	}})
	builtin(m, "ensure_future", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		f, exc := ensureFuture(l, args[0])
		if exc != nil {
			return nil, exc
		}
		return f.object(), nil
	})
	// `await asyncio.gather(…)`: its future is the awaitable; gather keeps
	// nothing of its argument slice, so AwaitMethod need not copy it.
	// gather reads its arguments (ensureFuture: no Python code runs)
	// before anything else: it may be given a list's items (AwaitView).
	m.Dict.SetStr("gather", &rt.Builtin{Name: "gather", Fn: asyncioGather, Await: awaitGather, AwaitView: true})
	registerSync(m)
	registerTaskGroup(m)
	registerThreads(m)
	builtin(m, "wait_for", asyncioWaitFor)
	builtin(m, "current_task", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		if l.current == nil {
			return rt.None, nil
		}
		return l.current, nil
	})
	rt.ApplyArgs(m.Dict, moduleArgs)
	methods.Defer(applyMethodArgs) // once the methods exist
	return m, nil
}

// moduleArgs are the argument specs of asyncio's functions: defs in
// CPython's asyncio package, but for the _asyncio functions in C
// (current_task, get_running_loop, get_event_loop).
var moduleArgs = map[string]*rt.ArgSpec{
	"run":                 rt.ArgsPython("run", 1, "main").KwOnly("debug"),
	"sleep":               sleepSpec,
	"create_task":         rt.ArgsPython("create_task", 1, "coro").KwOnly("name", "context"),
	"ensure_future":       rt.ArgsPython("ensure_future", 1, "coro_or_future").KwOnly("loop"),
	"gather":              gatherSpec,
	"wait_for":            rt.ArgsPython("wait_for", 2, "fut", "timeout"),
	"current_task":        rt.ArgsClinic("current_task", 0, 0, 1, "loop"),
	"get_running_loop":    rt.ArgsNone("_asyncio.get_running_loop"),
	"get_event_loop":      rt.ArgsNone("_asyncio.get_event_loop"),
	"new_event_loop":      rt.ArgsPython("new_event_loop", 0),
	"set_event_loop":      rt.ArgsPython("set_event_loop", 1, "loop"),
	"wait":                rt.ArgsPython("wait", 1, "fs").KwOnly("timeout", "return_when"),
	"as_completed":        rt.ArgsPython("as_completed", 1, "fs").KwOnly("timeout"),
	"shield":              rt.ArgsPython("shield", 1, "arg"),
	"timeout":             rt.ArgsPython("timeout", 1, "delay"),
	"timeout_at":          rt.ArgsPython("timeout_at", 1, "when"),
	"to_thread":           rt.ArgsPython("to_thread", 1, "func").PosOnly(1).VarArgs().AnyKw(),
	"all_tasks":           rt.ArgsPython("all_tasks", 0, "loop"),
	"iscoroutine":         rt.ArgsPython("iscoroutine", 1, "obj"),
	"iscoroutinefunction": rt.ArgsPython("iscoroutinefunction", 1, "func"),
	"isfuture":            rt.ArgsPython("isfuture", 1, "obj"),
}

// The specs of sleep and gather, which their Await and Start forms check
// themselves (ApplyArgs checks calls through Fn only).
var (
	sleepSpec  = rt.ArgsPython("sleep", 1, "delay", "result")
	gatherSpec = rt.ArgsPython("gather", 0).VarArgs().KwOnly("return_exceptions")
)

// ensureFuture wraps a coroutine in a task; futures and tasks pass through.
func ensureFuture(l *Loop, x rt.Object) (*Future, *rt.BaseException) {
	if f := futureOf(x); f != nil {
		return f, nil
	}
	if _, ok := x.(*rt.Coroutine); ok {
		t, exc := NewTask(l, x, rt.None)
		if exc != nil {
			return nil, exc
		}
		return &t.Future, nil
	}
	return nil, rt.Errorf(rt.TypeErrorType, "An asyncio.Future, a coroutine or an awaitable is required")
}

func asyncioRun(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	if running != nil {
		return nil, rt.Errorf(rt.RuntimeErrorType, "asyncio.run() cannot be called from a running event loop")
	}
	if _, ok := args[0].(*rt.Coroutine); !ok {
		rep, _ := rt.Repr(args[0])
		return nil, rt.Errorf(rt.ValueErrorType, "a coroutine was expected, got %s", rep)
	}
	// CPython runs a task's step under six frames of asyncio: run,
	// Runner.run, run_until_complete, run_forever, _run_once, Handle._run.
	if exc := rt.EnterFrames(runFrames); exc != nil {
		return nil, exc
	}
	defer rt.LeaveFrames(runFrames)
	l := NewLoop()
	setEventLoop(l) // Runner._lazy_init; its close sets None
	defer setEventLoop(nil)
	setRunning(l)
	defer setRunning(nil)
	task, exc := NewTask(l, args[0], rt.None)
	if exc != nil {
		return nil, exc
	}
	res, err := l.RunUntilComplete(&task.Future)
	l.reportUnretrieved()
	cancelAllTasks(l)
	l.waitThreads()
	return res, err
}

// noteFailed adds f, which has just failed, to the futures
// reportUnretrieved looks at. Those retrieved since they failed leave the
// list when it is full, so that a program whose tasks fail and are
// awaited all the time keeps at most about twice the failed ones not yet
// retrieved (and 64).
func (l *Loop) noteFailed(f *Future) {
	if n := len(l.unretrieved); n == cap(l.unretrieved) && n >= 64 {
		l.dropRetrieved()
	}
	l.unretrieved = append(l.unretrieved, f)
}

// dropRetrieved removes the retrieved futures from l.unretrieved.
func (l *Loop) dropRetrieved() {
	keep := l.unretrieved[:0]
	for _, f := range l.unretrieved {
		if f.kind&kindLogTB != 0 {
			keep = append(keep, f)
		}
	}
	clear(l.unretrieved[len(keep):])
	l.unretrieved = keep
}

// reportUnretrieved logs the futures and tasks of l that failed and whose
// exception nothing retrieved (result(), exception(), an await, gather …),
// as CPython's default exception handler logs them when such a future is
// destroyed: "Task exception was never retrieved", the task's repr, the
// traceback. CPython destroys one when the last reference to it goes,
// which this runtime cannot tell: asyncio.run and Runner.run report them
// when the main coroutine has returned, when those held by its locals go
// in CPython, in the order they failed. A task dropped earlier (created
// and never kept) is reported mid-run there, one kept in a global at the
// interpreter's exit: the same lines, elsewhere among the program's other
// writes to stderr. A run that ends with an exception reports them before
// its traceback (CPython: before it for those dropped while the program
// ran, after it for those the main coroutine's frame held).
func (l *Loop) reportUnretrieved() {
	fs := l.unretrieved
	l.unretrieved = nil
	for _, f := range fs {
		if f.kind&kindLogTB == 0 {
			continue
		}
		f.kind &^= kindLogTB
		what := "Future"
		var rep rt.Str
		var exc *rt.BaseException
		if t := f.task(); t != nil {
			what = "Task"
			rep, exc = t.Repr()
		} else {
			rep, exc = f.Repr()
		}
		if exc != nil {
			continue
		}
		rt.FlushStdout()
		fmt.Fprintf(os.Stderr, "%s exception was never retrieved\nfuture: %s\n", what, rep)
		rt.PrintException(f.exc())
	}
}

// runFrames is how many Python frames of CPython's asyncio lie between
// asyncio.run's caller and a task's coroutine (or a loop callback); a
// Runner's run has one fewer.
const runFrames = 6

// cancelAllTasks is runners._cancel_all_tasks.
func cancelAllTasks(l *Loop) {
	toCancel := l.allTasks()
	if len(toCancel) == 0 {
		return
	}
	for _, t := range toCancel {
		t.(*Task).Cancel(rt.None)
	}
	g, exc := gather(l, toCancel, true)
	if exc != nil {
		return
	}
	l.RunUntilComplete(g)
}

// sleepFrame is asyncio.sleep's coroutine body for a positive delay.
// CPython's sleep makes a future, a TimerHandle that completes it, and
// awaits the future; here the frame yields itself and the task parks
// directly on the frame's timer (Task.park): the timer wakes the task,
// Task.cancel cancels the timer and schedules the CancelledError. The
// frame and its coroutine object are one allocation (sleepCoro).
//
// The frame is its timer alone (24 bytes): sleep's result is almost always
// None, and a frame with another result is a sleepFrameResult (tmHasResult).
type sleepFrame struct {
	timer // when holds the delay until the frame starts
}

// sleepFrameResult is the frame of asyncio.sleep(delay, result) whose
// result is not None.
type sleepFrameResult struct {
	sleepFrame
	result rt.Object
}

// result is what sleep returns (and its future's result).
func (s *sleepFrame) result() rt.Object {
	if s.has(tmHasResult) {
		return (*sleepFrameResult)(unsafe.Pointer(s)).result
	}
	return rt.None
}

// newSleepFrame makes the frame of sleep(delay, result), not pooled.
func newSleepFrame(delay float64, result rt.Object) *sleepFrame {
	if rt.IsNone(result) {
		s := &sleepFrame{}
		s.when = delay
		return s
	}
	s := &sleepFrameResult{result: result}
	s.when = delay
	s.set(tmHasResult)
	return &s.sleepFrame
}

// The phases of a sleepFrame (timer.phase).
const (
	sleepNew uint8 = iota
	sleepArmed
	sleepOver
)

// sleepCoro is the coroutine object of asyncio.sleep(delay) with its frame.
type sleepCoro struct {
	co rt.Coroutine
	f  sleepFrame
}

// sleepCoroResult is sleepCoro for a result that is not None.
type sleepCoroResult struct {
	co rt.Coroutine
	f  sleepFrameResult
}

// sleepFn and sleep0Fn are the function of asyncio.sleep's coroutines:
// two, as their frames' types differ (rt.Function.Frames); sleep0Fn's have
// a delay of 0 or less.
var (
	sleepFn  = &rt.Function{Name: "sleep", Qualname: "sleep", Module: "asyncio.tasks", Frames: rt.GoFramesOf((*sleepFrame).Resume)}
	sleep0Fn = &rt.Function{Name: "sleep", Qualname: "sleep", Module: "asyncio.tasks", Frames: rt.GoFramesOf((*sleep0Frame).Resume)}
)

// Type makes the yielded frame an object; only a Task sees it.
func (s *sleepFrame) Type() *rt.Type { return FutureType }

func (s *sleepFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	switch s.phase() {
	case sleepNew:
		if thrown != nil {
			s.setPhase(sleepOver)
			return nil, true, thrown
		}
		l, exc := needLoop()
		if exc != nil {
			return nil, true, exc
		}
		s.when += l.Time()
		s.set(tmSleeper)
		s.setPhase(sleepArmed)
		return s, false, nil
	case sleepArmed:
		s.setPhase(sleepOver)
		// sleep's finally: h.cancel()
		var l *Loop
		if t := s.task; t != nil {
			l = t.loop
			if t.sleepTimer() == &s.timer {
				t.setWait(nil)
			}
			s.task = nil
		}
		s.timer.cancel(l)
		result := s.result()
		s.recycle(l)
		if thrown != nil {
			return nil, true, thrown
		}
		return result, true, nil
	}
	return nil, true, rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
}

// sleepArgs checks and parses asyncio.sleep's arguments.
func sleepArgs(args []rt.Object, kw []rt.KwArg) (float64, rt.Object, *rt.BaseException) {
	if exc := sleepSpec.Check(args, kw); exc != nil {
		return 0, nil, exc
	}
	d, _ := kwOrArg(args, kw, 0, "delay")
	result, ok := kwOrArg(args, kw, 1, "result")
	if !ok {
		result = rt.None
	}
	var delay float64
	switch v := d.(type) {
	case rt.Int:
		delay = float64(v)
	case rt.Float:
		delay = float64(v)
	case rt.Bool:
		if v {
			delay = 1
		}
	case *rt.BigInt:
		// An int beyond int64: sleep's `delay <= 0` holds or not, then
		// math.isnan(delay) converts it to a float (OverflowError when
		// too large for one).
		if v.V.Sign() <= 0 {
			delay = -1
			break
		}
		f, exc := rt.IntToFloat(rt.IntVal{Big: v.V})
		if exc != nil {
			return 0, nil, exc
		}
		delay = f
	default:
		return 0, nil, rt.Errorf(rt.TypeErrorType, "'<=' not supported between instances of '%s' and 'int'", d.Type().Name)
	}
	return delay, result, nil
}

func asyncioSleep(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	delay, result, exc := sleepArgs(args, kw)
	if exc != nil {
		return nil, exc
	}
	if delay <= 0 {
		sc := &sleep0Coro{}
		sc.f.result = result
		sc.co.Init(sleep0Fn, &sc.f)
		return &sc.co, nil
	}
	if !rt.IsNone(result) {
		sc := &sleepCoroResult{}
		sc.f.when, sc.f.result = delay, result
		sc.f.set(tmHasResult)
		sc.co.Init(sleepFn, &sc.f.sleepFrame)
		return &sc.co, nil
	}
	sc := &sleepCoro{}
	sc.f.when = delay
	sc.co.Init(sleepFn, &sc.f)
	return &sc.co, nil
}

// awaitSleep is `await asyncio.sleep(delay, result)` (rt.Builtin.Await):
// the frame without the coroutine object, taken from the running loop's
// free list; a frame goes back there when it has finished (and, for a
// positive delay, its timer has left the heap). A task sleeping this way
// costs its frame only, and a sleep(0) switch nothing.
func awaitSleep(args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
	var delay float64
	var result rt.Object = rt.None
	l := running
	if l != nil && len(args) == 1 && len(kw) == 0 {
		// sleep(0), sleep(int), sleep(float): the common forms, without
		// sleepArgs.
		switch d := args[0].(type) {
		case rt.Int:
			if d <= 0 {
				if n := len(l.freeSleep0); n > 0 {
					s := l.freeSleep0[n-1]
					l.freeSleep0[n-1] = nil
					l.freeSleep0 = l.freeSleep0[:n-1]
					s.result = rt.None
					return s, nil
				}
				return &sleep0Frame{loop: l, result: rt.None}, nil
			}
			delay = float64(d)
		case rt.Float:
			delay = float64(d)
		default:
			l = nil
		}
	} else {
		l = nil
	}
	if l == nil {
		var exc *rt.BaseException
		if delay, result, exc = sleepArgs(args, kw); exc != nil {
			return nil, exc
		}
		l = running
	}
	if l == nil { // sleep's own error comes when it runs
		c, exc := asyncioSleep(args, kw)
		if exc != nil {
			return nil, exc
		}
		return c.(rt.Resumable), nil
	}
	if delay <= 0 {
		var s *sleep0Frame
		if n := len(l.freeSleep0); n > 0 {
			s = l.freeSleep0[n-1]
			l.freeSleep0[n-1] = nil
			l.freeSleep0 = l.freeSleep0[:n-1]
		} else {
			s = &sleep0Frame{loop: l}
		}
		s.result = result
		return s, nil
	}
	if !rt.IsNone(result) {
		return newSleepFrame(delay, result), nil
	}
	return l.pooledSleep(delay), nil
}

// pooledSleep is a frame of sleep(delay) for a positive delay, with no
// result, from the loop's free list if it has one.
func (l *Loop) pooledSleep(delay float64) *sleepFrame {
	var s *sleepFrame
	if n := len(l.freeSleeps); n > 0 {
		s = l.freeSleeps[n-1]
		l.freeSleeps[n-1] = nil
		l.freeSleeps = l.freeSleeps[:n-1]
	} else {
		if len(l.sleepSlab) == 0 {
			l.sleepSlab = make([]sleepFrame, sleepSlabLen)
		}
		s = &l.sleepSlab[0]
		l.sleepSlab = l.sleepSlab[1:]
		s.set(tmPooled)
	}
	s.when = delay
	return s
}

// sleepSlabLen is the number of pooled sleep frames allocated at once
// (Loop.sleepSlab): one allocation for 16 frames when many tasks sleep at
// the same time (bench/million's first steps), at the cost of a slab of
// 384 bytes kept while any of its frames is in use.
const sleepSlabLen = 16

// startSleep is the Start form of asyncio.sleep: sleep(0) with no result
// (a single int argument <= 0) yields at once and leaves a nil awaitable,
// the rest of a bare yield (see Builtin.Start); the other forms are
// awaitSleep and its first step.
func startSleep(args []rt.Object, kw []rt.KwArg) (rt.Resumable, rt.Object, bool, *rt.BaseException, *rt.BaseException) {
	if running != nil && len(args) == 1 && len(kw) == 0 {
		if d, ok := args[0].(rt.Int); ok && d <= 0 {
			return nil, rt.None, false, nil, nil
		}
	}
	aw, err := awaitSleep(args, kw)
	if err != nil {
		return nil, nil, true, nil, err
	}
	v, done, exc := aw.Resume(rt.None, nil)
	return aw, v, done, exc, nil
}

// startSleepFloat is startSleep for sleep(delay) with a float delay
// (Builtin.StartFloat): no box for the delay, no argument parsing.
func startSleepFloat(delay float64) (rt.Resumable, rt.Object, bool, *rt.BaseException, *rt.BaseException) {
	l := running
	switch {
	case l == nil:
		return startSleep([]rt.Object{rt.Float(delay)}, nil)
	case delay <= 0:
		return nil, rt.None, false, nil, nil // a bare yield, as startSleep
	}
	s := l.pooledSleep(delay)
	v, done, exc := s.Resume(rt.None, nil)
	return s, v, done, exc, nil
}

// maxFreeSleeps bounds the loop's list of sleep frames (with a timer) kept
// for reuse; maxFreeSleep0s that of sleep(0) frames (32 bytes each: enough
// for a few hundred tasks yielding in the same iteration).
const (
	maxFreeSleeps  = 64
	maxFreeSleep0s = 256
)

// recycle puts a finished frame of awaitSleep back in the free list, once
// its timer is out of the heap (a cancelled timer stays there until due).
func (s *sleepFrame) recycle(l *Loop) {
	if !s.has(tmPooled) || s.has(tmInHeap) || l == nil || len(l.freeSleeps) >= maxFreeSleeps {
		return
	}
	s.timer = timer{seqf: tmPooled}
	l.freeSleeps = append(l.freeSleeps, s)
}

func asyncioGather(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	l, exc := needLoop()
	if exc != nil {
		return nil, exc
	}
	retExc := false
	if v, ok := kwOrArg(nil, kw, 0, "return_exceptions"); ok {
		retExc, _ = rt.Truth(v)
	}
	f, exc := gather(l, args, retExc)
	if exc != nil {
		return nil, exc
	}
	return f, nil
}

// awaitGather is the Await form of gather: the outer future, which is what
// awaiting gather's result awaits.
func awaitGather(args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
	if len(kw) != 0 { // gather takes any number of positional arguments
		if exc := gatherSpec.Check(args, kw); exc != nil {
			return nil, exc
		}
	}
	f, exc := asyncioGather(args, kw)
	if exc != nil {
		return nil, exc
	}
	return f.(*Future), nil
}

// gather is tasks.gather of CPython 3.12.
func gather(l *Loop, args []rt.Object, returnExceptions bool) (*Future, *rt.BaseException) {
	outer := NewFuture(l)
	if len(args) == 0 {
		outer.SetResult(rt.NewList())
		return outer, nil
	}
	var children []*Future
	nfuts, nfinished := 0, 0
	var doneFuts []*Future
	cancelRequested := false
	abandoned := false // gather raised while making its children: CPython's outer is None
	// results[:filled] are the results of the first children, taken as
	// each finished with a result in the order given (most fan-outs): the
	// final pass reads only the children after them, where reading each
	// child again would cost a cache miss per child of a big fan-out
	// (bench/million: ~20 ms). A child that failed or was cancelled is
	// left to the final pass, which retrieves its exception as CPython's
	// does.
	var results []rt.Object
	filled := 0
	takeResult := func(fut *Future) {
		if filled < len(children) && children[filled] == fut && fut.state == finished && !abandoned {
			if results == nil {
				results = make([]rt.Object, len(children))
			}
			results[filled] = fut.result
			filled++
		}
	}
	onChildDone := func(fut *Future) {
		nfinished++
		takeResult(fut)
		if abandoned || outer.Done() {
			if !fut.Cancelled() {
				fut.retrievedExc() // "Mark exception retrieved."
			}
			return
		}
		if !returnExceptions {
			if fut.Cancelled() {
				outer.SetException(fut.cancelledError())
				return
			}
			if exc := fut.retrievedExc(); exc != nil {
				outer.SetException(exc)
				return
			}
		}
		if nfinished == nfuts {
			if results == nil {
				results = make([]rt.Object, len(children))
			}
			for i := filled; i < len(children); i++ {
				c := children[i]
				switch {
				case c.Cancelled():
					msg := c.getCancelMsg()
					if msg == nil || msg == rt.None {
						msg = rt.Str("")
					}
					results[i] = rt.NewException(CancelledErrorType, msg)
				case c.retrievedExc() != nil:
					results[i] = c.exc()
				default:
					results[i] = c.result
				}
			}
			if cancelRequested {
				outer.SetException(fut.cancelledError())
			} else {
				outer.SetResult(rt.NewList(results...))
			}
		}
	}
	// arg_to_fut: one done callback record serves every child, so a
	// future or task given twice is found by that callback when it is
	// its first (most are), else by a mark on it (cleared below); a
	// coroutine given twice by a mark on it, anything else through a map.
	var argToFut map[rt.Object]*Future
	// A child that finishes with a result, when it is not the last and
	// none of gather's callbacks is queued, is counted at once
	// (doneCallback.now) instead of through the ready queue: its callback
	// would only count it (and take its result), with nothing else of
	// gather's to run before it, and nothing outside gather sees the
	// count (bench/million: a million children, ~15% of their wake-ups).
	queued := 0 // gather's callbacks in the ready queue
	cb := &doneCallback{fn: func(fut *Future) {
		queued--
		onChildDone(fut)
	}}
	cb.now = func(fut *Future) bool {
		if queued > 0 || fut.state != finished || nfinished+1 >= nfuts || abandoned || outer.Done() {
			queued++
			return false
		}
		nfinished++
		takeResult(fut)
		return true
	}
	children = make([]*Future, 0, len(args))
	var marked []*Future
	coros := 0
	for _, a := range args {
		var fut *Future
		seen := false
		switch x := a.(type) {
		case *Task:
			fut = &x.Future
			seen = fut.kind&kindGatherMark != 0 || fut.cb0() == unsafe.Pointer(cb)
		case *Future:
			fut = x
			seen = fut.kind&kindGatherMark != 0 || fut.cb0() == unsafe.Pointer(cb)
		case *rt.Coroutine:
			if seen = x.Marked(); seen {
				fut = taskOf(children, args, x)
			}
		default:
			fut, seen = argToFut[a]
		}
		if !seen {
			var exc *rt.BaseException
			fut, exc = ensureFuture(l, a)
			if exc != nil {
				clearGatherMarks(marked, args, coros)
				abandoned = true // children done already keep their exception unretrieved: CPython calls their callback after this loop
				return nil, exc
			}
			nfuts++
			switch x := a.(type) {
			case *Task, *Future:
				if fut.Done() || fut.cb0() != nil {
					fut.kind |= kindGatherMark
					marked = append(marked, fut)
				}
			case *rt.Coroutine:
				x.SetMarked(true)
				coros++
			default:
				if argToFut == nil {
					argToFut = map[rt.Object]*Future{}
				}
				argToFut[a] = fut
			}
			if fut.Done() {
				doneFuts = append(doneFuts, fut)
			} else {
				fut.addCallback(cbEntry{p: cb})
			}
		}
		children = append(children, fut)
	}
	clearGatherMarks(marked, args, coros)
	outer.extra().cancelHook = func(msg rt.Object) bool {
		if outer.Done() {
			return false
		}
		ret := false
		for _, c := range children {
			if cancelFuture(c, msg) {
				ret = true
			}
		}
		if ret {
			cancelRequested = true
		}
		return ret
	}
	for _, f := range doneFuts {
		onChildDone(f)
	}
	return outer, nil
}

// clearGatherMarks clears the marks gather put on the futures and tasks
// it was given (marked: those that were done, or had a done callback
// before gather's) and on the coroutines among args (coros of them): the
// tasks it made are not marked, so a fan-out of coroutines costs no
// second pass over its tasks, nor does one of new tasks.
func clearGatherMarks(marked []*Future, args []rt.Object, coros int) {
	for _, f := range marked {
		f.kind &^= kindGatherMark
	}
	if coros > 0 {
		for _, a := range args {
			if c, ok := a.(*rt.Coroutine); ok {
				c.SetMarked(false)
			}
		}
	}
}

// taskOf is the child future gather made for coroutine c, given earlier
// among args (children[i] is args[i]'s).
func taskOf(children []*Future, args []rt.Object, c *rt.Coroutine) *Future {
	for i, f := range children {
		if a, ok := args[i].(*rt.Coroutine); ok && a == c {
			return f
		}
	}
	return nil
}

// waitForFrame is tasks.wait_for of 3.12: `async with timeout(t): return await fut`.
type waitForFrame struct {
	state      int
	fut        rt.Object
	timeout    rt.Object
	aw         rt.Resumable
	task       *Task
	cancelling int
	handle     *Handle
	expiring   bool
}

var waitForFn = &rt.Function{Name: "wait_for", Qualname: "wait_for", Module: "asyncio.tasks"}

func (w *waitForFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	switch w.state {
	case 0:
		if thrown != nil {
			w.state = 2
			return nil, true, thrown
		}
		l, exc := needLoop()
		if exc != nil {
			return nil, true, exc
		}
		aw, exc := rt.GetAwaitable(w.fut)
		if exc != nil {
			return nil, true, exc
		}
		w.aw = aw
		if w.timeout != rt.None {
			t, _ := w.timeout.(rt.Float)
			if i, ok := w.timeout.(rt.Int); ok {
				t = rt.Float(i)
			}
			if t <= 0 {
				// Run it until it is done or cancelled, then report.
				f, exc := ensureFuture(l, w.fut)
				if exc != nil {
					return nil, true, exc
				}
				if f.Done() {
					v, exc := f.Result()
					return v, true, exc
				}
				cancelFuture(f, rt.None)
				w.aw = f
				w.state = 3
				return w.Resume(sent, nil)
			}
			w.task = l.current
			if w.task == nil {
				return nil, true, rt.Errorf(rt.RuntimeErrorType, "Timeout should be used inside a task")
			}
			w.cancelling = w.task.cancelReqs()
			task := w.task
			w.handle = l.CallAt(l.Time()+float64(t), func() {
				task.Cancel(rt.None)
				w.expiring = true
			})
		}
		w.state = 1
		fallthrough
	case 1:
		v, done, exc := w.aw.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		w.state = 2
		if w.handle != nil {
			w.handle.Cancel()
		}
		if w.expiring {
			if w.task.Uncancel() <= w.cancelling && exc != nil && exc.Class.IsSubtype(CancelledErrorType) {
				te := rt.NewException(rt.TimeoutErrorType)
				te.Cause, te.Context, te.SuppressContext = exc, exc, true
				return nil, true, te
			}
		}
		return v, true, exc
	case 3:
		v, done, exc := w.aw.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		w.state = 2
		if exc != nil && exc.Class.IsSubtype(CancelledErrorType) {
			te := rt.NewException(rt.TimeoutErrorType)
			te.Cause, te.Context, te.SuppressContext = exc, exc, true
			return nil, true, te
		}
		return v, true, exc
	}
	return nil, true, rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
}

func asyncioWaitFor(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	return rt.NewCoroutine(waitForFn, &waitForFrame{fut: args[0], timeout: args[1]}), nil
}

// sleep0Frame is asyncio.sleep(0)'s coroutine body: one bare yield
// (tasks.__sleep0), then the result. loop is set for a frame of
// awaitSleep, which goes back to the loop's free list when finished.
type sleep0Frame struct {
	yielded bool
	result  rt.Object
	loop    *Loop
}

type sleep0Coro struct {
	co rt.Coroutine
	f  sleep0Frame
}

func (s *sleep0Frame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if !s.yielded && thrown == nil {
		s.yielded = true
		return rt.None, false, nil
	}
	s.yielded = true
	result := s.result
	if l := s.loop; l != nil && len(l.freeSleep0) < maxFreeSleep0s {
		s.yielded, s.result = false, nil
		l.freeSleep0 = append(l.freeSleep0, s)
	}
	if thrown != nil {
		return nil, true, thrown
	}
	return result, true, nil
}
