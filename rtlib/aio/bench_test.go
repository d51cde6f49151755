package aio

import (
	"runtime"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// yielder is a coroutine that yields None n times (await asyncio.sleep(0)
// compiled down to its bare yield) and returns.
type yielder struct{ n int }

func (y *yielder) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	if y.n == 0 {
		return rt.None, true, nil
	}
	y.n--
	return rt.None, false, nil
}

var zeroArgs = []rt.Object{rt.Int(0)}

func asyncioModule() rt.Object {
	m, exc := rt.Import("asyncio")
	if exc != nil {
		panic(exc)
	}
	return m
}

var benchFn = &rt.Function{Name: "bench", Qualname: "bench", Module: "__main__", Kind: rt.CoroutineFunc}

func runMain(b testing.TB, l *Loop, body rt.Resumable) {
	t, exc := NewTask(l, rt.NewCoroutine(benchFn, body), rt.None)
	if exc != nil {
		b.Fatal(exc)
	}
	if _, exc := l.RunUntilComplete(&t.Future); exc != nil {
		b.Fatal(exc)
	}
}

// BenchmarkSleep0Switch measures one task switch: a task yields (as
// sleep(0) does), goes to the back of the ready queue, and the loop steps
// the next one. Two tasks alternate.
func BenchmarkSleep0Switch(b *testing.B) {
	l := NewLoop()
	b.ReportAllocs()
	NewTask(l, rt.NewCoroutine(benchFn, &yielder{n: b.N / 2}), rt.None)
	runMain(b, l, &yielder{n: b.N / 2})
}

// BenchmarkAsyncioSleep0 is `await asyncio.sleep(0)` as a translated
// program runs it (rt.AwaitMethod on the module): the frame, reused, yields
// once. (The args slice is made once here; translated code makes it at
// each call.)
func BenchmarkAsyncioSleep0(b *testing.B) {
	l := NewLoop()
	b.ReportAllocs()
	body := &sleepLoop{n: b.N}
	runMain(b, l, body)
}

type sleepLoop struct {
	n   int
	sub rt.Resumable
}

func (s *sleepLoop) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	for {
		if s.sub != nil {
			v, done, exc := s.sub.Resume(sent, thrown)
			if !done {
				return v, false, nil
			}
			s.sub = nil
			if exc != nil {
				return nil, true, exc
			}
		}
		if s.n == 0 {
			return rt.None, true, nil
		}
		s.n--
		var exc *rt.BaseException
		s.sub, exc = rt.AwaitMethod(asyncioModule(), "sleep", zeroArgs, nil)
		if exc != nil {
			return nil, true, exc
		}
		sent, thrown = rt.None, nil
	}
}

// BenchmarkTaskCreateToDone measures create_task of a coroutine that
// returns at once, up to the task being done and its awaiter resumed: the
// allocations are the coroutine object with its frame, and the task.
func BenchmarkTaskCreateToDone(b *testing.B) {
	l := NewLoop()
	b.ReportAllocs()
	runMain(b, l, &spawner{l: l, n: b.N})
}

type yielderCoro struct {
	c rt.Coroutine
	f yielder
}

type spawner struct {
	l *Loop
	n int
	t *Task
}

func (s *spawner) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	if s.t != nil {
		if _, exc := s.t.Result(); exc != nil {
			return nil, true, exc
		}
	}
	if s.n == 0 {
		return rt.None, true, nil
	}
	s.n--
	// The coroutine object with its frame, as generated code makes it.
	c := &yielderCoro{}
	c.c.Init(benchFn, &c.f)
	t, exc := NewTask(s.l, &c.c, rt.None)
	if exc != nil {
		return nil, true, exc
	}
	s.t = t
	t.blocking = true
	return t, false, nil
}

// BenchmarkTimer measures a timer: call_later(0, cb), the loop moving it
// from the heap to the ready queue and running it.
func BenchmarkTimer(b *testing.B) {
	l := NewLoop()
	b.ReportAllocs()
	n := b.N
	var cb func()
	cb = func() {
		n--
		if n <= 0 {
			l.Stop()
			return
		}
		l.CallLater(0, cb)
	}
	l.CallLater(0, cb)
	l.RunForever()
}

// BenchmarkQueueHandoff measures one item passing from a producer task to
// a consumer task through asyncio.Queue(maxsize=1): await q.put(item) and
// await q.get() as translated code runs them (rt.AwaitMethod), each side
// blocking in turn. (The args slice of q.put(item) is made once here;
// translated code makes it at each call.)
func BenchmarkQueueHandoff(b *testing.B) {
	l := NewLoop()
	b.ReportAllocs()
	q := &Queue{class: QueueType, maxsize: 1}
	q.finished = &Event{}
	NewTask(l, rt.NewCoroutine(benchFn, &queueSide{q: q, n: b.N, put: true}), rt.None)
	runMain(b, l, &queueSide{q: q, n: b.N})
}

type queueSide struct {
	q    *Queue
	n    int
	put  bool
	sub  rt.Resumable
	args []rt.Object
}

func (s *queueSide) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	for {
		if s.sub != nil {
			v, done, exc := s.sub.Resume(sent, thrown)
			if !done {
				return v, false, nil
			}
			s.sub = nil
			if exc != nil {
				return nil, true, exc
			}
		}
		if s.n == 0 {
			return rt.None, true, nil
		}
		s.n--
		var exc *rt.BaseException
		if s.put {
			if s.args == nil {
				s.args = []rt.Object{rt.Str("item")}
			}
			s.sub, exc = rt.AwaitMethod(s.q, "put", s.args, nil)
		} else {
			s.sub, exc = rt.AwaitMethod(s.q, "get", nil, nil)
		}
		if exc != nil {
			return nil, true, exc
		}
		sent, thrown = rt.None, nil
	}
}

// TestMillionSleepers runs a million tasks that all sleep at once and
// reports the heap they occupy while sleeping.
func TestMillionSleepers(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	l := NewLoop()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var peak uint64
	done := 0
	main := &sleepers{l: l, n: n, done: &done, measure: func() {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		peak = m.HeapAlloc - before.HeapAlloc
	}}
	runMain(t, l, main)
	if done != n {
		t.Fatalf("%d of %d sleepers finished", done, n)
	}
	mb := float64(peak) / (1 << 20)
	t.Logf("%d sleeping tasks: %.1f MB live heap (%.0f bytes per task)", n, mb, float64(peak)/float64(n))
	// 137.7 MB (144 bytes per task) since the records were cut to their
	// size classes (docs/performance.md, finding 9).
	if n == 1_000_000 && mb > 160 {
		t.Errorf("a million sleeping tasks take %.1f MB, want < 160 MB", mb)
	}
}

type sleepers struct {
	l       *Loop
	n       int
	done    *int
	measure func()
	state   int
	sub     rt.Resumable
}

func (s *sleepers) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	switch s.state {
	case 0:
		asyncioMod = asyncioModule()
		for i := 0; i < s.n; i++ {
			if _, exc := NewTask(s.l, rt.NewCoroutine(benchFn, &sleeper{done: s.done}), rt.None); exc != nil {
				return nil, true, exc
			}
		}
		s.state = 1
		return rt.None, false, nil // let every task start and go to sleep
	case 1:
		s.measure()
		s.state = 2
		c, _ := asyncioSleep([]rt.Object{rt.Float(0.3)}, nil)
		s.sub = c.(rt.Resumable)
		fallthrough
	case 2:
		return s.sub.Resume(sent, thrown)
	}
	return rt.None, true, nil
}

var asyncioMod rt.Object

type sleeper struct {
	done *int
	sub  rt.Resumable
}

// sleeper is `await asyncio.sleep(0.2)` as translated code runs it.
func (s *sleeper) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if s.sub == nil {
		var exc *rt.BaseException
		s.sub, exc = rt.AwaitMethod(asyncioMod, "sleep", []rt.Object{rt.Float(0.2)}, nil)
		if exc != nil {
			return nil, true, exc
		}
	}
	v, done, exc := s.sub.Resume(sent, thrown)
	if done && exc == nil {
		*s.done++
	}
	return v, done, exc
}

// TestZeroAllocs holds the runtime to no allocation per operation on a
// sleep(0) switch (bare yield and `await asyncio.sleep(0)`) and on a queue
// hand-off between existing tasks, as generated code drives them.
func TestZeroAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("counts allocations over a few thousand operations")
	}
	cases := []struct {
		name string
		run  func(n int)
	}{
		{"sleep0 switch", func(n int) {
			l := NewLoop()
			NewTask(l, rt.NewCoroutine(benchFn, &yielder{n: n / 2}), rt.None)
			runMain(t, l, &yielder{n: n / 2})
		}},
		{"await asyncio.sleep(0)", func(n int) {
			runMain(t, NewLoop(), &sleepLoop{n: n})
		}},
		{"queue hand-off", func(n int) {
			l := NewLoop()
			q := &Queue{class: QueueType, maxsize: 1, finished: &Event{}}
			NewTask(l, rt.NewCoroutine(benchFn, &queueSide{q: q, n: n, put: true}), rt.None)
			runMain(t, l, &queueSide{q: q, n: n})
		}},
	}
	for _, c := range cases {
		c.run(1000) // warm up: the ready ring, free lists
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		const n = 20000
		c.run(n)
		runtime.ReadMemStats(&after)
		// The loop, two tasks and their coroutines are a fixed cost.
		if per := float64(after.Mallocs-before.Mallocs) / n; per > 0.01 {
			t.Errorf("%s: %.3f allocations per operation, want 0", c.name, per)
		}
	}
}

// BenchmarkSleep0Batch is BenchmarkSleep0Switch with 1000 tasks yielding
// in turn (bench/switch's shape): the loop's cost per step of a batch.
func BenchmarkSleep0Batch(b *testing.B) { benchSleep0Batch(b, 1000) }

// BenchmarkSleep0Batch10k is BenchmarkSleep0Batch with tasks beyond the
// caches.
func BenchmarkSleep0Batch10k(b *testing.B) { benchSleep0Batch(b, 10000) }

func benchSleep0Batch(b *testing.B, tasks int) {
	l := NewLoop()
	b.ReportAllocs()
	per := b.N/tasks + 1
	for i := 0; i < tasks-1; i++ {
		NewTask(l, rt.NewCoroutine(benchFn, &yielder{n: per}), rt.None)
	}
	runMain(b, l, &yielder{n: per})
}
