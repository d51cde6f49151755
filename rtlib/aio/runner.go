package aio

import (
	rt "github.com/async2go/async2go/rtlib"
)

// Runner is asyncio.Runner (runners.py of CPython 3.12): one loop reused by
// several run() calls, closed by close() or at the end of a with block.
type Runner struct {
	loop  *Loop
	state int // 0 created, 1 initialized, 2 closed
}

// A Runner sets the policy's loop (set_event_loop) when it makes its
// loop, and None when it closes, as runners.py does.

var RunnerType = newClass("Runner", "asyncio.runners", rt.ObjectType)

func (*Runner) Type() *rt.Type { return RunnerType }

// loopObjects gives each Loop one Python-visible object, so that
// `get_running_loop() is loop` holds.
var loopObjects = map[*Loop]*LoopObject{}

func loopObject(l *Loop) *LoopObject {
	if o, ok := loopObjects[l]; ok {
		return o
	}
	o := &LoopObject{l: l}
	loopObjects[l] = o
	return o
}

func (r *Runner) lazyInit() *rt.BaseException {
	if r.state == 2 {
		return rt.Errorf(rt.RuntimeErrorType, "Runner is closed")
	}
	if r.state == 0 {
		r.loop = NewLoop()
		setEventLoop(r.loop)
		r.state = 1
	}
	return nil
}

func (r *Runner) run(coroObj rt.Object) (rt.Object, *rt.BaseException) {
	if _, ok := coroObj.(*rt.Coroutine); !ok {
		rep, _ := rt.Repr(coroObj)
		return nil, rt.Errorf(rt.ValueErrorType, "a coroutine was expected, got %s", rep)
	}
	if running != nil {
		return nil, rt.Errorf(rt.RuntimeErrorType, "Runner.run() cannot be called from a running event loop")
	}
	if exc := r.lazyInit(); exc != nil {
		return nil, exc
	}
	if exc := rt.EnterFrames(runFrames - 1); exc != nil {
		return nil, exc
	}
	defer rt.LeaveFrames(runFrames - 1)
	setRunning(r.loop)
	defer setRunning(nil)
	task, exc := NewTask(r.loop, coroObj, rt.None)
	if exc != nil {
		return nil, exc
	}
	res, exc := r.loop.RunUntilComplete(&task.Future)
	r.loop.reportUnretrieved()
	return res, exc
}

func (r *Runner) close() *rt.BaseException {
	if r.state != 1 {
		return nil
	}
	setRunning(r.loop)
	cancelAllTasks(r.loop)
	setRunning(nil)
	setEventLoop(nil)
	r.loop.Close()
	r.state = 2
	return nil
}

func init() {
	RunnerType.New = func(_ *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := runnerNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		return &Runner{}, nil
	}
	methods.Defer(installRunnerMethods)
}

// installRunnerMethods defines the methods of Runner and the loop (made on first
// use: rt.MethodTables).
func installRunnerMethods() {
	method(RunnerType, "run", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*Runner).run(args[0])
	})
	noArgsMethod(RunnerType, "close", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.None, self.(*Runner).close() })
	noArgsMethod(RunnerType, "get_loop", func(self rt.Object) (rt.Object, *rt.BaseException) {
		r := self.(*Runner)
		if exc := r.lazyInit(); exc != nil {
			return nil, exc
		}
		return loopObject(r.loop), nil
	})
	noArgsMethod(RunnerType, "__enter__", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return self, self.(*Runner).lazyInit()
	})
	method(RunnerType, "__exit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.None, self.(*Runner).close()
	})
	noArgsMethod(LoopType, "is_closed", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return rt.Bool(self.(*LoopObject).l.IsClosed()), nil
	})
	noArgsMethod(LoopType, "is_running", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return rt.Bool(running == self.(*LoopObject).l), nil
	})
}
