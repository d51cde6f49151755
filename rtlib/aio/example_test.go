package aio_test

import (
	"fmt"

	"github.com/async2go/async2go/rtlib/aio"
)

// Callbacks run in the order they were scheduled; timers in deadline order,
// equal deadlines in the order they were made; each iteration runs only
// what was ready when it began.
func ExampleLoop() {
	l := aio.NewLoop()
	now := l.Time()
	// Deadlines tens of milliseconds away: the first iterations' callbacks
	// run before timer A is due even on a loaded machine (with 1 ms, a
	// slow first iteration let it fire before "soon 3").
	l.CallAt(now+0.1, func() { fmt.Println("timer B") })
	l.CallAt(now+0.05, func() { fmt.Println("timer A") })
	l.CallAt(now+0.1, func() {
		fmt.Println("timer C")
		l.Stop()
	})
	l.CallSoon(func() {
		fmt.Println("soon 1")
		l.CallSoon(func() { fmt.Println("soon 3 (next iteration)") })
	})
	h := l.CallSoon(func() { fmt.Println("never") })
	h.Cancel()
	l.CallSoon(func() { fmt.Println("soon 2") })
	l.RunForever()
	// Output:
	// soon 1
	// soon 2
	// soon 3 (next iteration)
	// timer A
	// timer B
	// timer C
}

// CallSoonThreadsafe is the way in from other goroutines.
func ExampleLoop_CallSoonThreadsafe() {
	l := aio.NewLoop()
	go func() {
		l.CallSoonThreadsafe(func() {
			fmt.Println("posted from a goroutine")
			l.Stop()
		})
	}()
	l.RunForever()
	// Output: posted from a goroutine
}
