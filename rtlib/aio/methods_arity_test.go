package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
	"github.com/async2go/async2go/rtlib/internal_testcalls"
)

// TestMethodsWrongArity calls every Go method of asyncio's objects (a
// future, a task, the loop, the synchronization primitives, a queue, a
// task group, a timeout) with 0 to 3 positional arguments, with and without
// a keyword none of them takes: none may panic (a Go panic in a translated
// program is "async2go: internal error").
func TestMethodsWrongArity(t *testing.T) {
	p := newPyAPI(t)
	main := newScript(func(rt.Object, *rt.BaseException) step {
		loop := p.call("get_running_loop", nil)
		objs := []rt.Object{p.method(loop, "create_future"), p.call("current_task", nil), loop}
		for _, name := range []string{"Lock", "Event", "Semaphore", "BoundedSemaphore", "Condition", "Queue",
			"LifoQueue", "PriorityQueue", "TaskGroup"} {
			objs = append(objs, p.call(name, nil))
		}
		objs = append(objs, p.call("timeout", []rt.Object{rt.None}), p.call("Barrier", []rt.Object{rt.Int(2)}))
		for _, obj := range objs {
			typ := obj.Type()
			for _, name := range testcalls.Methods(obj) {
				if name == "cancel" || name == "__aexit__" || name == "__exit__" || name == "stop" || name == "close" {
					continue // would end the test's own task or loop
				}
				testcalls.Wrong(t, typ.Name+"."+name, 3, func(args []rt.Object, kw []rt.KwArg) {
					v, _ := rt.CallMethod(obj, name, args, kw)
					if c, ok := v.(*rt.Coroutine); ok {
						rt.CallMethod(c, "close", nil, nil)
					}
				})
			}
		}
		return step{}
	})
	run(t, main)
}
