package aio

import (
	"math/rand"
	"slices"
	"testing"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// TestWaitqModel runs random pushes (of futures and of parked waiters),
// removals (front and middle), cancellations and wake-ups against a plain
// slice scanned from the front (locks.py's deque): the same waiters are
// woken in the same order, and the queue holds the same entries.
func TestWaitqModel(t *testing.T) {
	l := NewLoop()
	for seed := int64(0); seed < 200; seed++ {
		r := rand.New(rand.NewSource(seed))
		var q waitq
		var model []unsafe.Pointer
		for step := 0; step < 300; step++ {
			switch op := r.Intn(10); {
			case op < 4:
				var e unsafe.Pointer
				if r.Intn(2) == 0 {
					e = futureWaiter(NewFuture(l))
				} else {
					e = parkedWaiter(&parked{state: swPending})
				}
				q.push(e)
				model = append(model, e)
			case op < 6 && len(model) > 0:
				i := 0
				if r.Intn(3) == 0 {
					i = r.Intn(len(model))
				}
				q.remove(model[i])
				model = slices.Delete(model, i, i+1)
			case op < 7 && len(model) > 0:
				e := model[r.Intn(len(model))]
				if uintptr(e)&1 == 0 {
					(*Future)(e).Cancel(nil)
				} else if p := (*parked)(unsafe.Add(e, -1)); p.state == swPending {
					p.state = swCancelled
				}
			default:
				var want unsafe.Pointer
				for _, e := range model {
					if done, _ := waiterState(e); !done {
						want = e
						break
					}
				}
				woke := q.wakeUp()
				if woke != (want != nil) {
					t.Fatalf("seed %d step %d: wakeUp = %v, want the first pending waiter %p woken", seed, step, woke, want)
				}
				if want != nil {
					if done, cancelled := waiterState(want); !done || cancelled {
						t.Fatalf("seed %d step %d: the first pending waiter %p is not woken", seed, step, want)
					}
				}
			}
			if !slices.Equal(q.items(), model) {
				t.Fatalf("seed %d step %d: queue %v, want %v", seed, step, q.items(), model)
			}
			for i, e := range q.items()[:q.done] {
				if done, _ := waiterState(e); !done {
					t.Fatalf("seed %d step %d: waiter %d counted done is pending", seed, step, i)
				}
			}
		}
	}
}

// TestGatherMarks checks gather's dedupe of coroutines by a mark on them:
// a coroutine given twice is one child, and no mark outlives the call
// (not even when the call fails part-way).
func TestGatherMarks(t *testing.T) {
	l := NewLoop()
	c := rt.NewCoroutine(benchFn, doneNone{})
	d := rt.NewCoroutine(benchFn, doneNone{})
	before := len(l.allTasks())
	outer, exc := gather(l, []rt.Object{c, d, c}, false)
	if exc != nil {
		t.Fatal(exc)
	}
	if n := len(l.allTasks()) - before; n != 2 {
		t.Errorf("gather made %d tasks, want 2 (c once, d once)", n)
	}
	if c.Marked() || d.Marked() {
		t.Errorf("marks left after gather: c %v, d %v", c.Marked(), d.Marked())
	}
	res, exc := l.RunUntilComplete(outer)
	if exc != nil {
		t.Fatal(exc)
	}
	if r, _ := rt.Repr(res); r != "[None, None, None]" {
		t.Errorf("result %s", r)
	}
	e := rt.NewCoroutine(benchFn, doneNone{})
	if _, exc := gather(l, []rt.Object{e, rt.Int(1)}, false); exc == nil {
		t.Fatal("gather of an int: no TypeError")
	}
	if e.Marked() {
		t.Error("a failed gather left its mark on a coroutine")
	}
}

// semUser is a coroutine body that does `async with sem:` as generated
// code does (rt.AwaitEnterCached, then resuming what it returns) and
// returns when it is in.
type semUser struct {
	s   *Semaphore
	aw  rt.Resumable
	hit rt.AttrCache
}

func (u *semUser) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if u.aw == nil {
		aw, _, exc := rt.AwaitEnterCached(&u.hit, u.s)
		if exc != nil {
			return nil, true, exc
		}
		u.aw, sent, thrown = aw, rt.None, nil
	}
	return u.aw.Resume(sent, thrown)
}

// TestSemaphoreParks checks that a task in a contended `async with sem:`
// waits on a primWaiter, with no future, until a release wakes it.
func TestSemaphoreParks(t *testing.T) {
	l := NewLoop()
	running = l // runOnce below, as RunForever would
	defer func() { running = nil }()
	s := &Semaphore{bound: -1, class: SemaphoreType}
	u := &semUser{s: s, hit: rt.AttrCache{Name: "__aenter__"}}
	task, exc := NewTask(l, rt.NewCoroutine(benchFn, u), rt.None)
	if exc != nil {
		t.Fatal(exc)
	}
	l.runOnce()
	w := task.parkedOn()
	if w == nil || task.waiter() != nil || w.state != swPending || w.t != task {
		t.Fatalf("after its first step the task waits on %v (waiter %v), want a pending primWaiter", w, task.waiter())
	}
	if s.waiters.len() != 1 || s.waiters.items()[0] != parkedWaiter(w) {
		t.Fatalf("the semaphore's waiters are %v, want the primWaiter", s.waiters.items())
	}
	if exc := s.release(); exc != nil {
		t.Fatal(exc)
	}
	if w.state != swWoken || l.ready.n != 1 {
		t.Fatalf("after the release: state %d, %d ready, want woken and its step scheduled", w.state, l.ready.n)
	}
	l.runOnce()
	if !task.Done() || s.waiters.len() != 0 || s.value != 0 || task.parkedOn() != nil {
		t.Errorf("after the step: done %v, %d waiters, value %d, want done, none and 0", task.Done(), s.waiters.len(), s.value)
	}
}
