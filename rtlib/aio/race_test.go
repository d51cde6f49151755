package aio

import (
	"sync"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// TestThreadsafeHammer posts callbacks from many goroutines while the loop
// runs tasks and timers; every callback runs exactly once, on the loop.
// Run with -race.
func TestThreadsafeHammer(t *testing.T) {
	const goroutines, each = 8, 2000
	l := NewLoop()
	got := 0
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				l.CallSoonThreadsafe(func() {
					got++
					if got == goroutines*each {
						l.Stop()
					}
				})
			}
		}()
	}
	// Keep the loop busy with a task that yields and a stream of timers.
	NewTask(l, rt.NewCoroutine(benchFn, &yielder{n: 5000}), rt.None)
	var tick func()
	n := 0
	tick = func() {
		if n++; n < 200 {
			l.CallLater(0, tick)
		}
	}
	l.CallLater(0, tick)
	l.RunForever()
	wg.Wait()
	if got != goroutines*each {
		t.Fatalf("ran %d callbacks, want %d", got, goroutines*each)
	}
}

// TestFutureFromGoroutines completes futures from worker goroutines through
// CallSoonThreadsafe (the run_in_executor pattern) while a task awaits
// them in turn.
func TestFutureFromGoroutines(t *testing.T) {
	l := NewLoop()
	const n = 200
	futs := make([]*Future, n)
	for i := range futs {
		futs[i] = NewFuture(l)
	}
	for i := range futs {
		go func() {
			f := futs[i]
			l.CallSoonThreadsafe(func() { f.SetResult(rt.Int(i)) })
		}()
	}
	sum := 0
	var fns []func(v rt.Object, exc *rt.BaseException) step
	for i := 0; i <= n; i++ {
		fns = append(fns, func(v rt.Object, exc *rt.BaseException) step {
			if exc != nil {
				return step{err: exc}
			}
			if i > 0 {
				sum += int(v.(rt.Int))
			}
			if i == n {
				return step{}
			}
			return step{await: futs[i]}
		})
	}
	main, exc := NewTask(l, newScript(fns...), rt.None)
	must(t, exc)
	if _, exc := l.RunUntilComplete(&main.Future); exc != nil {
		t.Fatal(exc)
	}
	if sum != n*(n-1)/2 {
		t.Fatalf("sum %d, want %d", sum, n*(n-1)/2)
	}
}
