package aio

import (
	"math/rand"
	"slices"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// TestWaitqModel runs random pushes, removals (front and middle),
// cancellations and wake-ups against a plain slice scanned from the front
// (locks.py's deque): the same waiters are woken in the same order, and
// the queue holds the same futures.
func TestWaitqModel(t *testing.T) {
	l := NewLoop()
	for seed := int64(0); seed < 200; seed++ {
		r := rand.New(rand.NewSource(seed))
		var q waitq
		var model []*Future
		for step := 0; step < 300; step++ {
			switch op := r.Intn(10); {
			case op < 4:
				f := NewFuture(l)
				q.push(f)
				model = append(model, f)
			case op < 6 && len(model) > 0:
				i := 0
				if r.Intn(3) == 0 {
					i = r.Intn(len(model))
				}
				f := model[i]
				q.remove(f)
				model = slices.Delete(model, i, i+1)
			case op < 7 && len(model) > 0:
				model[r.Intn(len(model))].Cancel(nil)
			default:
				var want *Future
				for _, f := range model {
					if !f.Done() {
						want = f
						break
					}
				}
				woke := q.wakeUp()
				if woke != (want != nil) || (want != nil && (!want.Done() || want.Cancelled())) {
					t.Fatalf("seed %d step %d: wakeUp = %v, want the first pending waiter %p woken", seed, step, woke, want)
				}
			}
			if !slices.Equal(q.items(), model) {
				t.Fatalf("seed %d step %d: queue %v, want %v", seed, step, q.items(), model)
			}
			for i, f := range q.items()[:q.done] {
				if !f.Done() {
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
