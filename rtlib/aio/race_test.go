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

// TestToThreadHammer runs many asyncio.to_thread calls at once; the
// workers share state with the loop under the interpreter lock. Run with
// -race.
func TestToThreadHammer(t *testing.T) {
	p := newPyAPI(t)
	shared := 0
	work := &rt.Builtin{Name: "work", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		shared++
		return rt.Int(int(args[0].(rt.Int)) * 2), nil
	}}
	const n = 100
	var total rt.Object
	main := newScript(
		func(rt.Object, *rt.BaseException) step {
			var cs []rt.Object
			for i := 0; i < n; i++ {
				cs = append(cs, p.call("to_thread", []rt.Object{work, rt.Int(i)}))
				shared++ // the loop touches the same state
			}
			return step{await: p.call("gather", cs)}
		},
		func(v rt.Object, exc *rt.BaseException) step {
			must(t, exc)
			total = v
			return step{}
		},
	)
	run(t, main)
	sum := 0
	for _, x := range total.(*rt.List).Items {
		sum += int(x.(rt.Int))
	}
	if sum != n*(n-1) || shared != 2*n {
		t.Fatalf("sum %d shared %d, want %d and %d", sum, shared, n*(n-1), 2*n)
	}
}
