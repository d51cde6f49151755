package aio

import (
	"math/rand"
	"strings"
	"testing"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// TestRingMixedEntries: one- and two-word entries come out of the ready
// queue in FIFO order, across chunk boundaries, with their second words.
func TestRingMixedEntries(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	tasks := make([]Task, 16)
	for i := range tasks {
		if i%2 == 0 {
			tasks[i].coro = new(rt.Coroutine)
		}
	}
	futs := make([]*Future, 16)
	for i := range futs {
		futs[i] = new(Future) // each its own object, as in a program
	}
	var r ring
	pop := r.pop
	var want []readyItem
	tags := []uintptr{tagStep, tagStepExc, tagWakeup, tagDone, tagTimer, tagTaskDone}
	for round := 0; round < 20; round++ {
		n := rng.Intn(3 * readyChunkLen)
		for i := 0; i < n; i++ {
			tag := tags[rng.Intn(len(tags))]
			p := unsafe.Pointer(&tasks[rng.Intn(len(tasks))])
			var q unsafe.Pointer
			if twoWords(tag) {
				q = unsafe.Pointer(futs[rng.Intn(len(futs))])
			}
			it := tagged(p, tag, q)
			r.push(it)
			want = append(want, it)
			if rng.Intn(3) == 0 {
				got := pop()
				if got != want[0] {
					t.Fatalf("popped %v, want %v", got, want[0])
				}
				want = want[1:]
			}
			if r.n != len(want) {
				t.Fatalf("n = %d, want %d", r.n, len(want))
			}
		}
		for len(want) > 0 && rng.Intn(4) != 0 {
			if got := pop(); got != want[0] {
				t.Fatalf("popped %v, want %v", got, want[0])
			}
			want = want[1:]
		}
	}
	for len(want) > 0 {
		if got := pop(); got != want[0] {
			t.Fatalf("popped %v, want %v", got, want[0])
		}
		want = want[1:]
	}
	if r.n != 0 || r.hi != r.ti {
		t.Fatalf("not empty: n %d, hi %d, ti %d", r.n, r.hi, r.ti)
	}
}

// TestScheduleStepWords: a step sending None takes one word of the queue,
// a step throwing an exception two.
func TestScheduleStepWords(t *testing.T) {
	l := NewLoop()
	var tk Task
	l.scheduleStep(&tk, nil)
	l.scheduleStep(&tk, rt.NewException(rt.ValueErrorType))
	if l.ready.n != 2 || l.ready.ti != 3 {
		t.Fatalf("n %d, words %d; want 2, 3", l.ready.n, l.ready.ti)
	}
	if tag, p := l.ready.pop().split(); tag != tagStep || p != unsafe.Pointer(&tk) {
		t.Fatalf("first: tag %d", tag)
	}
	it := l.ready.pop()
	if tag, _ := it.split(); tag != tagStepExc || it.q == nil {
		t.Fatalf("second: tag %d", tag)
	}
}

// returnsAtOnce is a coroutine body that returns v on its first step.
type returnsAtOnce struct{ v rt.Object }

func (r *returnsAtOnce) Resume(rt.Object, *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	return r.v, true, nil
}

// TestTaskDoneCallbackOrder: the first done callback of a finished task
// (scheduled in one word, tagTaskDone, its record kept in the task's
// wait) runs in FIFO order with the two-word callbacks of plain futures
// and of the tasks' further callbacks, and the task waits on nothing
// meanwhile.
func TestTaskDoneCallbackOrder(t *testing.T) {
	l := NewLoop()
	fn := &rt.Function{Name: "f", Qualname: "f", Module: "test"}
	var order []string
	var tasks []*Task
	for i := 0; i < 3; i++ {
		tk, exc := NewTask(l, rt.NewCoroutine(fn, &returnsAtOnce{rt.Int(i)}), rt.None)
		if exc != nil {
			t.Fatal(exc)
		}
		tasks = append(tasks, tk)
	}
	fut := NewFuture(l)
	for i, tk := range tasks {
		name := string(rune('a' + i))
		tk.AddDoneCallback(func(f *Future) {
			if f.task() != tk || tk.waiter() != nil || tk.sleepTimer() != nil {
				t.Errorf("callback %s: wrong future or a wait left", name)
			}
			order = append(order, name)
		})
		if i == 1 {
			tk.AddDoneCallback(func(*Future) { order = append(order, "b2") })
			fut.AddDoneCallback(func(*Future) { order = append(order, "fut") })
		}
	}
	l.CallSoon(func() { fut.SetResult(rt.None) })
	l.CallSoon(func() { l.CallSoon(func() { l.CallSoon(l.Stop) }) })
	l.RunForever()
	want := "a b b2 c fut"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("callbacks ran %q, want %q", got, want)
	}
	for _, tk := range tasks {
		if tk.wait != nil || tk.kind&kindWaitDone != 0 {
			t.Errorf("a task keeps its done callback after it ran")
		}
	}
}
