package aio

import (
	"sort"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
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
		objs = append(objs, p.call("timeout", []rt.Object{rt.None}))
		for _, obj := range objs {
			typ := obj.Type()
			var names []string
			for _, c := range typ.MRO {
				c.Dict.Items(func(k, v rt.Object) {
					if _, ok := v.(*rt.Method); ok {
						names = append(names, string(k.(rt.Str)))
					}
				})
			}
			sort.Strings(names)
			for _, name := range names {
				if name == "cancel" || name == "__aexit__" || name == "__exit__" || name == "stop" || name == "close" {
					continue // would end the test's own task or loop
				}
				for n := 0; n <= 3; n++ {
					for _, kw := range [][]rt.KwArg{nil, {{Name: "bogus", Value: rt.Int(1)}}} {
						args := make([]rt.Object, n)
						for i := range args {
							args[i] = rt.Int(1)
						}
						func() {
							defer func() {
								if r := recover(); r != nil {
									t.Errorf("%s.%s with %d positional and %d keyword arguments panics: %v", typ.Name, name, n, len(kw), r)
								}
							}()
							v, _ := rt.CallMethod(obj, name, args, kw)
							if c, ok := v.(*rt.Coroutine); ok {
								rt.CallMethod(c, "close", nil, nil)
							}
						}()
					}
				}
			}
		}
		return step{}
	})
	run(t, main)
}
