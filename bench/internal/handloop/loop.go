// Package handloop is the small single-threaded event loop shared by the
// hand-written Go versions of the bench workloads (bench/*/hand): a FIFO
// ready queue, a timer heap, and tasks that are hand-written state machines
// (no goroutine per task). It is what a careful Go programmer would write
// instead of asyncio, and so the yardstick for the translated programs.
package handloop

import "time"

// A Task is resumed by Step; it re-schedules itself (Ready, At) or parks
// itself on some wait list before returning, or is finished.
type Task interface {
	Step(l *Loop)
}

type timer struct {
	when int64 // nanoseconds since the loop started
	seq  uint64
	t    Task
}

// Loop runs tasks in batches like asyncio's _run_once: the tasks ready at the
// start of an iteration run, then due timers move to the ready queue.
type Loop struct {
	ready  []Task // ring buffer
	head   int
	n      int
	timers []timer // binary min-heap on (when, seq)
	seq    uint64
	start  time.Time
}

// New returns an empty loop whose clock starts now.
func New() *Loop { return &Loop{ready: make([]Task, 64), start: time.Now()} }

// Now is the loop's monotonic time in nanoseconds.
func (l *Loop) Now() int64 { return int64(time.Since(l.start)) }

// Ready appends t to the ready queue.
func (l *Loop) Ready(t Task) {
	if l.n == len(l.ready) {
		nr := make([]Task, 2*len(l.ready))
		k := copy(nr, l.ready[l.head:])
		copy(nr[k:], l.ready[:l.head])
		l.ready, l.head = nr, 0
	}
	l.ready[(l.head+l.n)&(len(l.ready)-1)] = t
	l.n++
}

// At wakes t at loop time when (nanoseconds); equal times wake in FIFO order.
func (l *Loop) At(when int64, t Task) {
	l.seq++
	h := append(l.timers, timer{when, l.seq, t})
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !less(&h[i], &h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	l.timers = h
}

// After wakes t d nanoseconds from now.
func (l *Loop) After(d int64, t Task) { l.At(l.Now()+d, t) }

func less(a, b *timer) bool { return a.when < b.when || a.when == b.when && a.seq < b.seq }

func (l *Loop) popTimer() Task {
	h := l.timers
	t := h[0].t
	last := len(h) - 1
	h[0] = h[last]
	h[last] = timer{}
	h = h[:last]
	i := 0
	for {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && less(&h[c+1], &h[c]) {
			c++
		}
		if !less(&h[c], &h[i]) {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
	l.timers = h
	return t
}

// Run runs until there is nothing ready and no timer pending.
func (l *Loop) Run() {
	for l.n > 0 || len(l.timers) > 0 {
		if l.n == 0 {
			if d := l.timers[0].when - l.Now(); d > 0 {
				time.Sleep(time.Duration(d))
			}
		}
		now := l.Now()
		for len(l.timers) > 0 && l.timers[0].when <= now {
			l.Ready(l.popTimer())
		}
		for k := l.n; k > 0; k-- {
			t := l.ready[l.head]
			l.ready[l.head] = nil
			l.head = (l.head + 1) & (len(l.ready) - 1)
			l.n--
			t.Step(l)
		}
	}
}
