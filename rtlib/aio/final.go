package aio

import rt "github.com/async2go/async2go/rtlib"

// The asyncio classes implemented as Go values (their methods take the Go
// struct) cannot be extended by Python subclasses yet: marking them Final
// makes `class MyQueue(asyncio.Queue)` raise a clear TypeError rather than
// fail inside a method. This runs after the package's types are built (the
// runtime's own subclasses, such as BoundedSemaphore, are made before).
func init() {
	for _, t := range []*rt.Type{FutureType, TaskType, LockType, EventType, SemaphoreType, BoundedSemaphoreType,
		ConditionType, QueueType, PriorityQueueType, LifoQueueType, TaskGroupType, TimeoutType, RunnerType} {
		t.Final = true
	}
}
