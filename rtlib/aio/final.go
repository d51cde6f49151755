package aio

import rt "github.com/async2go/async2go/rtlib"

// The asyncio classes implemented as Go values (their methods take the Go
// struct) cannot be extended by Python subclasses yet: marking them Final
// makes `class MyQueue(asyncio.Queue)` raise a clear TypeError rather than
// fail inside a method. This runs after the package's types are built (the
// runtime's own subclasses, such as BoundedSemaphore, are made before).
func init() {
	for _, t := range []*rt.Type{FutureType, TaskType, LockType, EventType, SemaphoreType, BoundedSemaphoreType,
		ConditionType, BarrierType, QueueType, PriorityQueueType, LifoQueueType, TaskGroupType, TimeoutType, RunnerType} {
		t.Final = true
	}
}

// The finalizer hook of async generators (BaseEventLoop's
// _asyncgen_finalizer_hook): an async generator dropped before its end is
// closed by an aclose() task created from a callback (call_soon_threadsafe
// of create_task in CPython, which puts it in the same ready queue).
func init() {
	rt.AsyncGenFinalizer = func(g *rt.AsyncGenerator) bool {
		l := running
		if l == nil {
			return false
		}
		l.CallSoon(func() { NewTask(l, g.ACloseForFinalizer(), rt.None) })
		return true
	}
}
