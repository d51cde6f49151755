// Package aio is the asyncio event loop and the asyncio API for programs
// translated by async2go; its init registers the Python module asyncio
// (rt.RegisterModule), and it is usable from hand-written Go as well.
//
// # The loop
//
// A Loop follows CPython 3.12's BaseEventLoop (Lib/asyncio/base_events.py):
// a FIFO ready queue (a ring buffer that stops allocating once it has grown
// to its working size), a timer heap ordered by (deadline, insertion
// order), and one iteration (runOnce) is _run_once: if nothing is ready,
// wait until the earliest timer (on the virtual clock: jump the clock to
// it); move every timer that is due to the ready queue; then run exactly
// the items that were ready at that point. Anything they schedule waits
// for the next iteration. The loop runs on one goroutine; the only entry
// from other goroutines is CallSoonThreadsafe (a mutex-protected inbox and
// a wake-up channel).
//
// # Tasks
//
// There is no goroutine per task. A Task is a state machine stepped by the
// loop: step resumes its coroutine (an rt.Resumable) with None or with an
// exception to throw in, exactly as Task.__step in tasks.py. When the
// coroutine suspends on a pending Future, the task registers its wakeup as
// a done callback of that future; a bare yield (None, as asyncio.sleep(0)
// does) schedules the next step at the back of the ready queue. Task steps,
// wakeups and done callbacks go into the ready queue as plain values, so a
// sleep(0) switch allocates nothing.
//
// # Clock
//
// Loop.Time reads rt.Now, the program clock: real monotonic time, or with
// ASYNC2GO_CLOCK=virtual a virtual clock that the loop advances to the next
// timer's deadline whenever nothing is ready. See docs/aio.md.
package aio
