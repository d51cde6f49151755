package aio

import (
	rt "github.com/async2go/async2go/rtlib"
)

// TaskGroup is asyncio.TaskGroup (taskgroups.py of CPython 3.12). Its tasks
// are kept in creation order.
type TaskGroup struct {
	entered, exiting, aborting bool
	loop                       *Loop
	parent                     *Task
	parentCancelRequested      bool
	tasks                      []*Task
	errors                     []*rt.BaseException
	baseError                  *rt.BaseException
	onCompleted                *Future
}

// Timeout is the asyncio.Timeout context manager (timeouts.py).
type Timeout struct {
	when       rt.Object // None or a float deadline
	state      int       // 0 created, 1 entered, 2 expiring, 3 expired, 4 exited
	task       *Task
	cancelling int
	handle     *Handle
}

// LoopObject is the Python-visible event loop.
type LoopObject struct{ l *Loop }

var (
	TaskGroupType = newClass("TaskGroup", "asyncio.taskgroups", rt.ObjectType)
	TimeoutType   = newClass("Timeout", "asyncio.timeouts", rt.ObjectType)
	LoopType      = newClass("_UnixSelectorEventLoop", "asyncio.unix_events", rt.ObjectType)
)

func (*TaskGroup) Type() *rt.Type  { return TaskGroupType }
func (*Timeout) Type() *rt.Type    { return TimeoutType }
func (*LoopObject) Type() *rt.Type { return LoopType }

func isBaseError(e *rt.BaseException) bool {
	return e.Class.IsSubtype(rt.SystemExitType) || e.Class.Name == "KeyboardInterrupt"
}

func (g *TaskGroup) abort() {
	g.aborting = true
	for _, t := range g.tasks {
		if !t.Done() {
			t.Cancel(rt.None)
		}
	}
}

func (g *TaskGroup) onTaskDone(t *Task) {
	for i, x := range g.tasks {
		if x == t {
			g.tasks = append(g.tasks[:i], g.tasks[i+1:]...)
			break
		}
	}
	if g.onCompleted != nil && len(g.tasks) == 0 && !g.onCompleted.Done() {
		g.onCompleted.SetResult(rt.Bool(true))
	}
	if t.Cancelled() || t.retrievedExc() == nil {
		return
	}
	g.errors = append(g.errors, t.exc())
	if isBaseError(t.exc()) && g.baseError == nil {
		g.baseError = t.exc()
	}
	if g.parent.Done() {
		return
	}
	if !g.aborting && !g.parentCancelRequested {
		g.abort()
		g.parentCancelRequested = true
		g.parent.Cancel(rt.None)
	}
}

func (g *TaskGroup) aenter() rt.Object {
	return coro("__aenter__", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if exc != nil {
			return nil, nil, exc
		}
		if g.entered {
			return nil, nil, rt.Errorf(rt.RuntimeErrorType, "TaskGroup has already been entered")
		}
		l, err := needLoop()
		if err != nil {
			return nil, nil, err
		}
		g.loop = l
		g.parent = l.current
		if g.parent == nil {
			return nil, nil, rt.Errorf(rt.RuntimeErrorType, "TaskGroup cannot determine the parent task")
		}
		g.entered = true
		return nil, g, nil
	})
}

func (g *TaskGroup) aexit(et, excVal rt.Object) rt.Object {
	exc, _ := excVal.(*rt.BaseException)
	var propagate *rt.BaseException
	started := false
	return coro("__aexit__", func(res rt.Object, rexc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if !started {
			started = true
			if rexc != nil {
				return nil, nil, rexc
			}
			g.exiting = true
			if exc != nil && isBaseError(exc) && g.baseError == nil {
				g.baseError = exc
			}
			if exc != nil && exc.Class.IsSubtype(CancelledErrorType) {
				propagate = exc
			}
			if g.parentCancelRequested && g.parent.Uncancel() == 0 {
				propagate = nil
			}
			if exc != nil && !g.aborting {
				g.abort()
			}
		} else {
			// Woken from awaiting onCompleted.
			if isCancel(rexc) && !g.aborting {
				propagate = rexc
				g.abort()
			}
			g.onCompleted = nil
		}
		if len(g.tasks) > 0 {
			if g.onCompleted == nil {
				g.onCompleted = NewFuture(g.loop)
			}
			return g.onCompleted, nil, nil
		}
		if g.baseError != nil {
			return nil, nil, g.baseError
		}
		if propagate != nil && len(g.errors) == 0 {
			return nil, nil, propagate
		}
		if exc != nil && !exc.Class.IsSubtype(CancelledErrorType) {
			g.errors = append(g.errors, exc)
		}
		if len(g.errors) > 0 {
			me := rt.NewExceptionGroup("unhandled errors in a TaskGroup", g.errors)
			me.SuppressContext = true
			g.errors = nil
			return nil, nil, me
		}
		return nil, rt.None, nil
	})
}

func (g *TaskGroup) createTask(coroObj, name rt.Object) (rt.Object, *rt.BaseException) {
	if !g.entered {
		return nil, rt.Errorf(rt.RuntimeErrorType, "TaskGroup has not been entered")
	}
	if g.exiting && len(g.tasks) == 0 {
		return nil, rt.Errorf(rt.RuntimeErrorType, "TaskGroup is finished")
	}
	if g.aborting {
		return nil, rt.Errorf(rt.RuntimeErrorType, "TaskGroup is shutting down")
	}
	t, exc := NewTask(g.loop, coroObj, name)
	if exc != nil {
		return nil, exc
	}
	if t.Done() {
		g.onTaskDone(t)
	} else {
		g.tasks = append(g.tasks, t)
		t.AddDoneCallback(func(*Future) { g.onTaskDone(t) })
	}
	return t, nil
}

// --- Timeout ---

func (t *Timeout) reschedule(when rt.Object) *rt.BaseException {
	if t.state != 1 {
		return rt.Errorf(rt.RuntimeErrorType, "Timeout has not been entered")
	}
	t.when = when
	if t.handle != nil {
		t.handle.Cancel()
		t.handle = nil
	}
	if when == rt.None {
		return nil
	}
	d, _ := toFloat(when)
	l := t.task.loop
	if d <= l.Time() {
		t.handle = l.CallSoon(t.onTimeout)
	} else {
		t.handle = l.CallAt(d, t.onTimeout)
	}
	return nil
}

func (t *Timeout) onTimeout() {
	t.task.Cancel(rt.None)
	t.state = 2
	t.handle = nil
}

func (t *Timeout) aenter() rt.Object {
	return coro("__aenter__", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if exc != nil {
			return nil, nil, exc
		}
		if t.state != 0 {
			return nil, nil, rt.Errorf(rt.RuntimeErrorType, "Timeout has already been entered")
		}
		l, err := needLoop()
		if err != nil {
			return nil, nil, err
		}
		if l.current == nil {
			return nil, nil, rt.Errorf(rt.RuntimeErrorType, "Timeout should be used inside a task")
		}
		t.state = 1
		t.task = l.current
		t.cancelling = t.task.cancelReqs()
		return nil, t, t.reschedule(t.when)
	})
}

func (t *Timeout) aexit(et, excVal rt.Object) rt.Object {
	exc, _ := excVal.(*rt.BaseException)
	return coro("__aexit__", func(res rt.Object, rexc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if rexc != nil {
			return nil, nil, rexc
		}
		if t.handle != nil {
			t.handle.Cancel()
			t.handle = nil
		}
		if t.state == 2 {
			t.state = 3
			if t.task.Uncancel() <= t.cancelling && exc != nil && exc.Class.IsSubtype(CancelledErrorType) {
				te := rt.NewException(rt.TimeoutErrorType)
				te.Cause, te.Context, te.SuppressContext = exc, exc, true
				return nil, nil, te
			}
		} else if t.state == 1 {
			t.state = 4
		}
		return nil, rt.None, nil
	})
}

func init() {
	TaskGroupType.New = func(_ *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := taskGroupNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		return &TaskGroup{}, nil
	}
	methods.Defer(installTaskGroupMethods)
}

// installTaskGroupMethods defines the methods of TaskGroup, Timeout and the loop
// (made on first use: rt.MethodTables).
func installTaskGroupMethods() {
	noArgsMethod(TaskGroupType, "__aenter__", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*TaskGroup).aenter(), nil })
	method(TaskGroupType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*TaskGroup).aexit(args[0], args[1]), nil
	})
	method(TaskGroupType, "create_task", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		name, ok := kwOrArg(nil, kw, 0, "name")
		if !ok {
			name = rt.None
		}
		return self.(*TaskGroup).createTask(args[0], name)
	})
	method(TimeoutType, "__aenter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*Timeout).aenter(), nil
	})
	method(TimeoutType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*Timeout).aexit(args[0], args[1]), nil
	})
	noArgsMethod(TimeoutType, "when", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Timeout).when, nil })
	noArgsMethod(TimeoutType, "expired", func(self rt.Object) (rt.Object, *rt.BaseException) {
		s := self.(*Timeout).state
		return rt.Bool(s == 2 || s == 3), nil
	})
	method(TimeoutType, "reschedule", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.None, self.(*Timeout).reschedule(args[0])
	})
	noArgsMethod(LoopType, "time", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.Float(self.(*LoopObject).l.Time()), nil })
	noArgsMethod(LoopType, "create_future", func(self rt.Object) (rt.Object, *rt.BaseException) { return NewFuture(self.(*LoopObject).l), nil })
	callback := func(fn rt.Object, args []rt.Object) func() {
		return func() {
			if _, exc := rt.Call(fn, args, nil); exc != nil {
				reportCallbackError(exc)
			}
		}
	}
	method(LoopType, "call_soon", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		self.(*LoopObject).l.CallSoon(callback(args[0], args[1:]))
		return rt.None, nil
	})
	method(LoopType, "call_later", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d, _ := toFloat(args[0])
		self.(*LoopObject).l.CallLater(d, callback(args[1], args[2:]))
		return rt.None, nil
	})
	method(LoopType, "call_at", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d, _ := toFloat(args[0])
		self.(*LoopObject).l.CallAt(d, callback(args[1], args[2:]))
		return rt.None, nil
	})
	method(LoopType, "create_task", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		name, ok := kwOrArg(nil, kw, 0, "name")
		if !ok {
			name = rt.None
		}
		return NewTask(self.(*LoopObject).l, args[0], name)
	})
}

// registerTaskGroup adds TaskGroup, timeout, timeout_at and the loop getters.
func registerTaskGroup(m *rt.Module) {
	m.Dict.SetStr("TaskGroup", TaskGroupType)
	m.Dict.SetStr("Timeout", TimeoutType)
	builtin(m, "timeout", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		delay, _ := kwOrArg(args, kw, 0, "delay")
		if delay == nil || delay == rt.None {
			return &Timeout{when: rt.None}, nil
		}
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		d, _ := toFloat(delay)
		return &Timeout{when: rt.Float(l.Time() + d)}, nil
	})
	builtin(m, "timeout_at", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		when, _ := kwOrArg(args, kw, 0, "when")
		if when == nil {
			when = rt.None
		}
		return &Timeout{when: when}, nil
	})
	getLoop := func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		return loopObject(l), nil
	}
	m.Dict.SetStr("Runner", RunnerType)
	builtin(m, "get_running_loop", getLoop)
	registerEventLoop(m)
}
