// Package aio is the asyncio event loop and API for translated programs; it
// registers the Python module asyncio.
//
// The loop follows CPython 3.12's base_events.py: a FIFO ready queue, a timer
// heap ordered by (deadline, insertion order), and _run_once semantics (timers
// that are due move to the ready queue, then exactly the handles that were
// ready at the start of the iteration run). Tasks are state machines stepped
// by the loop: Task.step resumes the coroutine (rt.Resumable), and a pending
// future it yields gets the task's wakeup as a done callback.
package aio

import (
	"container/heap"
	"sync"
	"time"

	rt "github.com/async2go/async2go/rtlib"
)

// Handle is a scheduled callback.
type Handle struct {
	fn        func()
	when      float64
	seq       uint64
	cancelled bool
}

// Cancel prevents the callback from running.
func (h *Handle) Cancel() { h.cancelled = true }

type timerHeap []*Handle

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)   { *h = append(*h, x.(*Handle)) }
func (h *timerHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Loop is a single-threaded event loop.
type Loop struct {
	ready    []*Handle
	timers   timerHeap
	seq      uint64
	stopping bool
	closed   bool
	running  bool
	current  *Task
	tasks    map[*Task]struct{}
	virtual  bool

	mu    sync.Mutex
	inbox []func()
	wake  chan struct{}
}

// NewLoop makes a loop on the program clock (virtual when
// ASYNC2GO_CLOCK=virtual).
func NewLoop() *Loop {
	return &Loop{
		tasks:   map[*Task]struct{}{},
		virtual: rt.VirtualClock(),
		wake:    make(chan struct{}, 1),
	}
}

// Time is loop.time(): seconds on the program clock (rt.Now).
func (l *Loop) Time() float64 { return rt.Now() }

// CallSoon schedules fn to run in the next iteration, after the callbacks
// already scheduled.
func (l *Loop) CallSoon(fn func()) *Handle {
	h := &Handle{fn: fn}
	l.ready = append(l.ready, h)
	return h
}

// CallAt schedules fn at time when on the loop's clock.
func (l *Loop) CallAt(when float64, fn func()) *Handle {
	l.seq++
	h := &Handle{fn: fn, when: when, seq: l.seq}
	heap.Push(&l.timers, h)
	return h
}

// CallLater schedules fn after delay seconds.
func (l *Loop) CallLater(delay float64, fn func()) *Handle {
	return l.CallAt(l.Time()+delay, fn)
}

// CallSoonThreadsafe schedules fn from another goroutine.
func (l *Loop) CallSoonThreadsafe(fn func()) {
	l.mu.Lock()
	l.inbox = append(l.inbox, fn)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *Loop) drainInbox() {
	l.mu.Lock()
	in := l.inbox
	l.inbox = nil
	l.mu.Unlock()
	for _, fn := range in {
		l.CallSoon(fn)
	}
}

// runOnce is one iteration of base_events._run_once.
func (l *Loop) runOnce() {
	l.drainInbox()
	for len(l.timers) > 0 && l.timers[0].cancelled {
		heap.Pop(&l.timers)
	}
	if len(l.ready) == 0 && !l.stopping && len(l.timers) > 0 {
		when := l.timers[0].when
		if l.virtual {
			rt.AdvanceClock(when)
		} else if d := when - l.Time(); d > 0 {
			t := time.NewTimer(time.Duration(d * float64(time.Second)))
			select {
			case <-t.C:
			case <-l.wake:
				t.Stop()
			}
			l.drainInbox()
		}
	} else if len(l.ready) == 0 && !l.stopping && len(l.timers) == 0 {
		// Nothing scheduled: only another goroutine can wake us.
		<-l.wake
		l.drainInbox()
	}
	now := l.Time()
	for len(l.timers) > 0 {
		h := l.timers[0]
		if h.cancelled {
			heap.Pop(&l.timers)
			continue
		}
		if h.when > now {
			break
		}
		heap.Pop(&l.timers)
		l.ready = append(l.ready, h)
	}
	n := len(l.ready)
	batch := l.ready[:n:n]
	l.ready = l.ready[n:]
	for _, h := range batch {
		if !h.cancelled {
			h.fn()
		}
	}
	if len(l.ready) == 0 {
		l.ready = nil
	}
}

// RunForever runs until Stop.
func (l *Loop) RunForever() {
	l.running = true
	defer func() { l.running = false; l.stopping = false }()
	for {
		l.runOnce()
		if l.stopping {
			return
		}
	}
}

// Stop makes RunForever return after the current iteration.
func (l *Loop) Stop() { l.stopping = true }

// RunUntilComplete runs until fut is done and returns its outcome.
func (l *Loop) RunUntilComplete(fut *Future) (rt.Object, *rt.BaseException) {
	fut.AddDoneCallback(func(*Future) { l.Stop() })
	l.RunForever()
	if !fut.Done() {
		return nil, rt.Errorf(rt.RuntimeErrorType, "Event loop stopped before Future completed.")
	}
	return fut.Result()
}

var running *Loop

// Running returns the running loop, or nil.
func Running() *Loop { return running }
