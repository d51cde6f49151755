package aio

import rt "github.com/async2go/async2go/rtlib"

// The specs of Queue.put and Queue.get, which their Await and Start forms
// check themselves.
var (
	queuePutArgs = rt.ArgsPython("Queue.put", 1, "item").Method()
	queueGetArgs = rt.ArgsPython("Queue.get", 0).Method()
)

// The specs of the constructors, which the types' New functions check:
// __init__ of the Python classes, _asyncio.Future's Argument Clinic.
var (
	lockNewArgs      = rt.ArgsPython("Lock.__init__", 0).Method()
	eventNewArgs     = rt.ArgsPython("Event.__init__", 0).Method()
	semNewArgs       = rt.ArgsPython("Semaphore.__init__", 0, "value").Method()
	boundedNewArgs   = rt.ArgsPython("BoundedSemaphore.__init__", 0, "value").Method()
	condNewArgs      = rt.ArgsPython("Condition.__init__", 0, "lock").Method()
	queueNewArgs     = rt.ArgsPython("Queue.__init__", 0, "maxsize").Method()
	taskGroupNewArgs = rt.ArgsPython("TaskGroup.__init__", 0).Method()
	runnerNewArgs    = rt.ArgsPython("Runner.__init__", 0).KwOnly("debug", "loop_factory").Method()
	futureNewArgs    = rt.ArgsClinic("Future", 0, 0, 0, "loop")
	taskNewArgs      = rt.ArgsClinic("Task", 0, 1, 1, "coro", "loop", "name", "context", "eager_start")
	timeoutNewArgs   = rt.ArgsPython("Timeout.__init__", 1, "when").Method()
	condWaitForSpec  = rt.ArgsPython("Condition.wait_for", 1, "predicate").Method()
)

// Task(coro, *, name=None, …) and Timeout(when), the classes called
// directly; the loop, context and eager_start a task may be given are not
// used: it runs on the running loop, in a copy of the current context.
func init() {
	TaskType.New = func(_ *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := taskNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		coro, _ := kwOrArg(args, kw, 0, "coro")
		name, ok := kwOrArg(nil, kw, 0, "name")
		if !ok {
			name = rt.None
		}
		l, exc := needLoop()
		if exc != nil {
			return nil, exc
		}
		return NewTask(l, coro, name)
	}
	TimeoutType.New = func(_ *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := timeoutNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		when, _ := kwOrArg(args, kw, 0, "when")
		return &Timeout{when: when}, nil
	}
}

// methodArgsApplied says whether applyMethodArgs has run (newModule runs
// it once, after registerThreads has given the loop run_in_executor).
var methodArgsApplied bool

// applyMethodArgs gives the methods of asyncio's objects their argument
// specs, in the words of CPython's: the C methods of _asyncio's Future and
// Task (Argument Clinic, METH_O, METH_NOARGS), the Python ones of the loop,
// the locks, the queues, TaskGroup and Timeout (named by the class that
// defines them in CPython: a Condition's acquire is its Lock's).
func applyMethodArgs() {
	if methodArgsApplied {
		return
	}
	methodArgsApplied = true
	py := func(name string, required int, params ...string) *rt.ArgSpec {
		return rt.ArgsPython(name, required, params...).Method()
	}
	for _, t := range []*rt.Type{FutureType, TaskType} {
		n := t.Name
		specs := map[string]*rt.ArgSpec{
			"done":                 rt.ArgsNone(n + ".done"),
			"cancelled":            rt.ArgsNone(n + ".cancelled"),
			"result":               rt.ArgsNone(n + ".result"),
			"exception":            rt.ArgsNone("exception").AnyKw(),
			"cancel":               rt.ArgsClinic("cancel", 0, 0, 1, "msg"),
			"add_done_callback":    rt.ArgsClinic("add_done_callback", 1, 1, 1, "context"),
			"remove_done_callback": rt.ArgsClinic("remove_done_callback", 1, 1, 1),
			"set_result":           rt.ArgsClinic("set_result", 1, 1, 1),
			"set_exception":        rt.ArgsClinic("set_exception", 1, 1, 1),
		}
		if t == TaskType {
			specs["set_result"] = rt.ArgsOne("Task.set_result")
			specs["set_exception"] = rt.ArgsOne("Task.set_exception")
			specs["set_name"] = rt.ArgsOne("Task.set_name")
			for _, m := range []string{"get_name", "get_coro", "cancelling", "uncancel"} {
				specs[m] = rt.ArgsNone("Task." + m)
			}
		}
		rt.ApplyMethodArgs(t, specs)
	}
	loop := map[string]*rt.ArgSpec{
		"call_soon":       py("BaseEventLoop.call_soon", 1, "callback").VarArgs().KwOnly("context"),
		"call_later":      py("BaseEventLoop.call_later", 2, "delay", "callback").VarArgs().KwOnly("context"),
		"call_at":         py("BaseEventLoop.call_at", 2, "when", "callback").VarArgs().KwOnly("context"),
		"create_task":     py("BaseEventLoop.create_task", 1, "coro").KwOnly("name", "context"),
		"run_in_executor": py("BaseEventLoop.run_in_executor", 2, "executor", "func").VarArgs(),
	}
	loop["run_until_complete"] = py("BaseEventLoop.run_until_complete", 1, "future")
	for _, m := range []string{"close", "create_future", "is_closed", "is_running", "run_forever", "stop", "time"} {
		loop[m] = py("BaseEventLoop."+m, 0)
	}
	rt.ApplyMethodArgs(LoopType, loop)
	// BoundedSemaphore.release is its own in CPython, and named so.
	if v, ok := SemaphoreType.Dict.GetStr("release"); ok {
		BoundedSemaphoreType.Dict.SetStr("release", &rt.Method{Name: "release", Fn: v.(*rt.Method).Fn})
		rt.ApplyMethodArgs(BoundedSemaphoreType, map[string]*rt.ArgSpec{"release": py("BoundedSemaphore.release", 0)})
	}
	mixinExit := py("_ContextManagerMixin.__aexit__", 3, "exc_type", "exc", "tb")
	for t, names := range map[*rt.Type][]string{
		LockType:      {"acquire", "locked", "release"},
		EventType:     {"clear", "is_set", "set", "wait"},
		SemaphoreType: {"acquire", "locked", "release"},
		QueueType:     {"empty", "full", "get_nowait", "join", "qsize", "task_done"},
		TimeoutType:   {"when", "expired"},
	} {
		specs := map[string]*rt.ArgSpec{}
		for _, m := range names {
			specs[m] = py(t.Name+"."+m, 0)
		}
		switch t {
		case LockType, SemaphoreType:
			specs["__aenter__"] = py("_ContextManagerMixin.__aenter__", 0)
			specs["__aexit__"] = mixinExit
		case QueueType:
			specs["put"], specs["get"] = queuePutArgs, queueGetArgs
			specs["put_nowait"] = py("Queue.put_nowait", 1, "item")
		case TimeoutType:
			specs["reschedule"] = py("Timeout.reschedule", 1, "when")
			specs["__aenter__"] = py("Timeout.__aenter__", 0)
			specs["__aexit__"] = py("Timeout.__aexit__", 3, "exc_type", "exc_val", "exc_tb")
		}
		rt.ApplyMethodArgs(t, specs)
	}
	rt.ApplyMethodArgs(ConditionType, map[string]*rt.ArgSpec{
		"acquire":    py("Lock.acquire", 0),
		"locked":     py("Lock.locked", 0),
		"release":    py("Lock.release", 0),
		"wait":       py("Condition.wait", 0),
		"wait_for":   condWaitForSpec,
		"notify":     py("Condition.notify", 0, "n"),
		"notify_all": py("Condition.notify_all", 0),
		"__aenter__": py("_ContextManagerMixin.__aenter__", 0),
		"__aexit__":  mixinExit,
	})
	rt.ApplyMethodArgs(RunnerType, map[string]*rt.ArgSpec{
		"run":      py("Runner.run", 1, "coro").KwOnly("context"),
		"close":    py("Runner.close", 0),
		"get_loop": py("Runner.get_loop", 0),
	})
	rt.ApplyMethodArgs(TaskGroupType, map[string]*rt.ArgSpec{
		"create_task": py("TaskGroup.create_task", 1, "coro").KwOnly("name", "context"),
		"__aenter__":  py("TaskGroup.__aenter__", 0),
		"__aexit__":   py("TaskGroup.__aexit__", 3, "et", "exc", "tb"),
	})
}
