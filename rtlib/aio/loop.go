package aio

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// timer is an entry of the loop's timer heap: the timer of a Handle made
// by CallAt/CallLater (tmSleeper clear), or the timer a task sleeping in
// asyncio.sleep is parked on (tmSleeper set, task set). It is 24 bytes:
// a million sleeping tasks carry a million of them, so the flags share a
// word with the sequence number (56 bits: more timers than a program can
// make in centuries).
type timer struct {
	when float64
	seqf uint64 // seq<<8 | flags; seq is the order timers were scheduled in (0: not scheduled)
	task *Task  // the task to wake (a sleep's timer)
}

// Flags of timer.seqf (low byte), and the sleep frame's phase in its top bits.
const (
	tmCancelled uint64 = 1 << iota
	tmFired            // a sleep's timer has run (its future has its result)
	tmSleeper
	tmInHeap         // queued in the loop's timers (the heap or the in-order run)
	tmPooled         // the sleep frame is reused once finished (awaitSleep)
	tmHasResult      // the sleep frame is a sleepFrameResult
	tmPhaseShift = 6 // two bits: the state of the sleep frame that owns the timer
	tmFlagBits   = 8
)

func (tm *timer) has(f uint64) bool { return tm.seqf&f != 0 }
func (tm *timer) set(f uint64)      { tm.seqf |= f }
func (tm *timer) seq() uint64       { return tm.seqf >> tmFlagBits }

func (tm *timer) setSeq(seq uint64) {
	tm.seqf = seq<<tmFlagBits | tm.seqf&(1<<tmFlagBits-1)
}

func (tm *timer) phase() uint8 { return uint8(tm.seqf>>tmPhaseShift) & 3 }

func (tm *timer) setPhase(p uint8) {
	tm.seqf = tm.seqf&^(3<<tmPhaseShift) | uint64(p)<<tmPhaseShift
}

// cancel marks the timer cancelled; l counts the cancelled timers left in
// its heap (TimerHandle.cancel → loop._timer_handle_cancelled).
func (tm *timer) cancel(l *Loop) {
	if tm.has(tmCancelled) {
		return
	}
	tm.set(tmCancelled)
	if tm.has(tmInHeap) && l != nil {
		l.timersCancelled++
	}
}

// Handle is a callback scheduled with CallSoon, CallLater or CallAt
// (asyncio.Handle / asyncio.TimerHandle).
type Handle struct {
	timer // first: the timer heap holds &h.timer
	fn    func()
	loop  *Loop // a timer's loop (nil for call_soon)
}

// handleOf is the Handle whose timer tm is (tmSleeper is clear).
func handleOf(tm *timer) *Handle { return (*Handle)(unsafe.Pointer(tm)) }

// Cancel prevents the callback from running; cancelling a handle that has
// already run does nothing.
func (h *Handle) Cancel() { h.timer.cancel(h.loop) }

// Cancelled reports whether Cancel was called.
func (h *Handle) Cancelled() bool { return h.has(tmCancelled) }

// When is the deadline of a timer handle on the loop's clock (0 for a
// handle made by CallSoon).
func (h *Handle) When() float64 { return h.when }

// timerHeap is a 4-ary min-heap of timers ordered by (deadline, sequence
// number): timers with equal deadlines fire in the order they were made.
// Each entry carries its timer's deadline and sequence number, so that
// sifting compares entries without loading the timers: with tens of
// thousands of tasks sleeping, each timer a cache miss away, loading them
// made the sift-down a tenth of a timer-heavy program's time.
type timerHeap []heapEntry

// heapArity is the number of children of a node of the timer heap. A
// 4-ary heap is half as deep as a binary one: a pop sifts down through
// half as many levels, each comparing four children that share one or two
// cache lines (the Go runtime's timers do the same).
const heapArity = 4

// heapEntry is a timer in the heap, with its sort key.
type heapEntry struct {
	when float64
	seq  uint64
	tm   *timer
}

func (a *heapEntry) less(b *heapEntry) bool {
	return a.when < b.when || a.when == b.when && a.seq < b.seq
}

func timerLess(a, b *timer) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seqf>>tmFlagBits < b.seqf>>tmFlagBits
}

func (h *timerHeap) push(tm *timer) {
	tm.set(tmInHeap)
	if len(*h) == cap(*h) {
		// Double (append grows big slices by 1.25x: a million timers
		// would be copied four times over, with a write barrier per
		// pointer while the GC marks).
		*h = slices.Grow(*h, max(64, cap(*h)))
	}
	e := heapEntry{when: tm.when, seq: tm.seq(), tm: tm}
	*h = append(*h, e)
	s := *h
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / heapArity
		if !e.less(&s[p]) {
			break
		}
		s[i] = s[p]
		i = p
	}
	s[i] = e
}

// top is the first timer; the heap is not empty.
func (h timerHeap) top() *timer { return h[0].tm }

func (h *timerHeap) pop() *timer {
	s := *h
	top := s[0].tm
	top.seqf &^= tmInHeap
	n := len(s) - 1
	last := s[n]
	s[n] = heapEntry{}
	s = s[:n]
	*h = s
	if n > 0 {
		s[0] = last
		s.down(0)
	}
	if cap(s) > maxKeptTimerCap && n < cap(s)/8 {
		// Give back the memory of a burst of timers, half at a time.
		*h = append(make(timerHeap, 0, cap(s)/2), s...)
	}
	return top
}

// maxKeptTimerCap is the capacity of the timer heap (1.5 MB) that it keeps
// when it empties: below it, a heap that fills and drains every round (tens
// of thousands of tasks sleeping in turn) is not freed and regrown each time.
const maxKeptTimerCap = 1 << 16

// minTimersToPurge is _MIN_SCHEDULED_TIMER_HANDLES: below it, cancelled
// timers simply wait for their turn at the top of the heap.
const minTimersToPurge = 100

// purge drops the cancelled timers and restores the heap order.
func (h *timerHeap) purge() {
	s := *h
	k := 0
	for _, e := range s {
		if e.tm.has(tmCancelled) {
			e.tm.seqf &^= tmInHeap
			continue
		}
		s[k] = e
		k++
	}
	clear(s[k:])
	s = s[:k]
	if cap(s) > maxKeptTimerCap && k < cap(s)/8 {
		// Give back most of the room the cancelled timers took.
		s = append(make(timerHeap, 0, max(2*k, maxKeptTimerCap)), s...)
	}
	// The last parent is that of s[k-1].
	for i := (k - 2) / heapArity; k > 1 && i >= 0; i-- {
		s.down(i)
	}
	*h = s
}

// timerQueue is the loop's timers in (deadline, sequence number) order: a
// heap, and up to maxTimerRuns runs of timers that were scheduled in that
// order already. Timers scheduled with the same delay (deadline minus the
// loop's time when scheduled) arrive in (deadline, sequence number) order,
// as the clock only moves forward: each run holds the timers of one delay,
// its key. A timer goes to the end of the run of its delay (if its
// deadline is no earlier than that run's last), else it starts a run in a
// free slot, else it goes to the heap; the first timer is the earliest of
// the heap's top and the runs' heads. Sleeps of a few durations (a
// thousand tasks each sleeping 1 s; tasks sleeping 0.1, 0.2 or 0.5 s in
// turn; fixed timeouts) never enter the heap, and cost O(1) each instead of
// a sift-down through it (million: a fifth of the CPU time was the heap's
// pop; timers, four delays: a quarter of its instructions).
type timerQueue struct {
	heap timerHeap
	runs [maxTimerRuns]timerRun
	keys [maxTimerRuns]float64 // the delay of each non-empty run's timers
	// heads holds each run's first timer with its sort key (tm nil: the
	// run is empty), so that looking for the first timer reads one small
	// array instead of each run's head timer.
	heads [maxTimerRuns]heapEntry
	nruns int // runs in use are among runs[:nruns]
	nrun  int // timers in the runs
	// firstIdx caches firstAt between a change of the queue and the next
	// (first then pop, as the loop does, looks once): the run's index + 2,
	// 1 for the heap, 0 when not known.
	firstIdx int
	// handles counts the queued timers that are not a sleeping task's
	// (CallAt, CallLater): while there are none, a due timer only wakes
	// its task (Loop.runOnce).
	handles int
}

// maxTimerRuns bounds the runs of a timer queue: each costs a comparison
// when the first timer is looked for.
const maxTimerRuns = 8

// runKeyTolerance is how far two delays may differ and share a run: the
// delay is the deadline minus the time it was computed from, which
// rounding may move by a few ulps. (A run's order never depends on it: a
// timer joins a run only if its deadline is no earlier than the run's
// last.)
const runKeyTolerance = 1e-9

// len is the number of timers queued (cancelled ones included).
func (q *timerQueue) len() int { return len(q.heap) + q.nrun }

// push queues tm, whose deadline was computed from the loop's time now.
func (q *timerQueue) push(tm *timer, now float64) {
	if !tm.has(tmSleeper) {
		q.handles++
	}
	key := tm.when - now
	free := -1
	for i := range q.heads[:q.nruns] {
		if q.heads[i].tm == nil {
			if free < 0 {
				free = i
			}
			continue
		}
		if d := q.keys[i] - key; d <= runKeyTolerance && d >= -runKeyTolerance && tm.when >= q.runs[i].last().when {
			q.pushRun(i, tm)
			return
		}
	}
	if free < 0 && q.nruns < maxTimerRuns {
		free = q.nruns
	}
	if free >= 0 {
		q.keys[free] = key
		q.nruns = max(q.nruns, free+1)
		q.pushRun(free, tm)
		return
	}
	q.firstIdx = 0 // the heap's top may change
	q.heap.push(tm)
}

// pushRun appends tm to run i. Only a timer that becomes the head of its
// run can be the queue's first: one behind a head leaves firstAt's
// answer as it was.
func (q *timerQueue) pushRun(i int, tm *timer) {
	tm.set(tmInHeap)
	r := &q.runs[i]
	if r.n == 0 {
		q.heads[i] = heapEntry{when: tm.when, seq: tm.seq(), tm: tm}
		q.firstIdx = 0
	}
	r.push(tm)
	q.nrun++
}

// setHead records the first timer of run i after a change.
func (q *timerQueue) setHead(i int) {
	if r := &q.runs[i]; r.n > 0 {
		tm := r.first()
		q.heads[i] = heapEntry{when: tm.when, seq: tm.seq(), tm: tm}
	} else {
		q.heads[i] = heapEntry{}
		for q.nruns > 0 && q.heads[q.nruns-1].tm == nil {
			q.nruns--
		}
	}
}

// firstAt is where the first timer is: the index of its run, or -1 for
// the heap's top (or none: the queue is empty).
func (q *timerQueue) firstAt() int {
	if q.firstIdx != 0 {
		return q.firstIdx - 2
	}
	at := -1
	if q.nrun > 0 {
		var best *heapEntry
		if len(q.heap) > 0 {
			best = &q.heap[0]
		}
		for i := range q.heads[:q.nruns] {
			if h := &q.heads[i]; h.tm != nil && (best == nil || h.less(best)) {
				at, best = i, h
			}
		}
	}
	q.firstIdx = at + 2
	return at
}

// first is the first timer (nil if none).
func (q *timerQueue) first() *timer {
	if at := q.firstAt(); at >= 0 {
		return q.heads[at].tm
	}
	if len(q.heap) == 0 {
		return nil
	}
	return q.heap.top()
}

// pop removes and returns the first timer; the queue is not empty.
func (q *timerQueue) pop() *timer {
	var tm *timer
	if at := q.firstAt(); at >= 0 {
		tm = q.runs[at].pop()
		tm.seqf &^= tmInHeap
		q.nrun--
		q.setHead(at)
	} else {
		tm = q.heap.pop()
	}
	q.firstIdx = 0
	if !tm.has(tmSleeper) {
		q.handles--
	}
	return tm
}

// purge drops the cancelled timers.
func (q *timerQueue) purge() {
	q.heap.purge()
	q.handles, q.nrun, q.firstIdx = 0, 0, 0
	for _, e := range q.heap {
		if !e.tm.has(tmSleeper) {
			q.handles++
		}
	}
	for i := range q.runs {
		r := &q.runs[i]
		r.purge()
		q.setHead(i)
		q.nrun += r.n
		for c, k := r.head, r.hi; c != nil && r.n > 0; c, k = c.next, 0 {
			end := readyChunkLen
			if c == r.tail {
				end = r.ti
			}
			for _, w := range c.items[k:end] {
				if !(*timer)(w).has(tmSleeper) {
					q.handles++
				}
			}
		}
	}
}

// timerRun is a FIFO of timers in (deadline, sequence number) order, kept
// in the ready queue's kind of chunked list (ring), so that a burst of a
// million timers neither copies the list as it grows nor keeps it whole
// while it drains. Its entries are timers, one word each; a drained run
// keeps its chunks for reuse, as the ready queue does.
type timerRun struct{ ring }

func (r *timerRun) push(tm *timer) {
	r.pushWord(unsafe.Pointer(tm))
	r.n++
}

// first and last are the run's ends; the run is not empty.
func (r *timerRun) first() *timer { return (*timer)(r.head.items[r.hi]) }
func (r *timerRun) last() *timer  { return (*timer)(r.tail.items[r.ti-1]) }

func (r *timerRun) pop() *timer {
	r.n--
	return (*timer)(r.popWord())
}

// purge drops the cancelled timers, keeping the order of the others.
func (r *timerRun) purge() {
	if r.n == 0 {
		return
	}
	var kept timerRun
	for r.n > 0 {
		tm := r.pop()
		if tm.has(tmCancelled) {
			tm.seqf &^= tmInHeap
			continue
		}
		kept.push(tm)
	}
	kept.spare = r.spare
	*r = kept
}

// down moves s[i] down to its place.
func (s timerHeap) down(i int) {
	n := len(s)
	x := s[i]
	for {
		c := heapArity*i + 1
		if c >= n {
			break
		}
		// The least of the up to four children.
		m := c
		for k := c + 1; k < min(c+heapArity, n); k++ {
			if s[k].less(&s[m]) {
				m = k
			}
		}
		if !s[m].less(&x) {
			break
		}
		s[i] = s[m]
		i = m
	}
	s[i] = x
}

// readyItem is one entry of the ready queue. What it is is told by a tag
// in the low bits of p, which points into an object of at least 24 bytes
// (8-aligned), so p+tag still points into it:
//
//	tagStep:    p task t: a step of t sending None
//	tagStepExc: p task t, q *rt.BaseException: a step of t throwing q
//	tagWakeup:  p task t, q *Future f: the wakeup of t by the future it awaited
//	tagDone:    p *doneCallback cb, q *Future f: the done callback cb of f
//	tagTimer:   p *timer: a timer that is due, or a CallSoon handle
//	tagTaskDone: p task t, done: the done callback t.wait of t (kindWaitDone)
//
// None of them needs an allocation when scheduled. In the queue, an entry
// takes one word (p) or, for the tags that have a q, two: a million tasks
// made or woken at once put a million steps or timers in the queue, 8 MB
// rather than 16.
type readyItem struct {
	p, q unsafe.Pointer
}

const (
	tagStep uintptr = iota
	tagStepExc
	tagWakeup
	tagDone
	tagTimer
	tagTaskDone
	tagMask = 7
	// tagStep is 0, so that a step's word is its task (runOnce): this
	// constant fails to compile otherwise.
	_ uintptr = -tagStep
)

// twoWords says whether an entry of tag t has its q in the queue.
func twoWords(t uintptr) bool { return t-tagStepExc <= tagDone-tagStepExc }

func tagged(p unsafe.Pointer, tag uintptr, q unsafe.Pointer) readyItem {
	return readyItem{p: unsafe.Add(p, tag), q: q}
}

// split is the item's tag and its untagged pointer.
func (it readyItem) split() (uintptr, unsafe.Pointer) {
	tag := uintptr(it.p) & tagMask
	return tag, unsafe.Add(it.p, -int(tag))
}

// ring is the FIFO ready queue: a list of fixed-size chunks of words, so
// that neither a burst (a million tasks made or woken at once) nor its end
// copies the queue, and a burst holds one queue's worth of memory rather
// than the old and the doubled buffer at once. Drained chunks are kept for
// reuse, all of them: the queue keeps the memory of its longest burst, as
// a ring buffer keeps its capacity, so that a steady trickle of callbacks
// allocates nothing and neither does a burst no longer than an earlier
// one. (Up to 2026-11-30 it kept 1 MB of them: a million tasks, made,
// then woken by their timers a second later, filled the queue twice and
// allocated its 8 MB twice.)
type ring struct {
	head, tail *readyChunk
	hi, ti     int         // the next word to pop in head, the next slot to fill in tail
	n          int         // entries (of one or two words)
	spare      *readyChunk // drained chunks, linked by next
}

// readyChunkLen makes a chunk 4088 bytes: with the 8-byte header Go's
// allocator puts in front of an object of more than 512 bytes that holds
// pointers, it fills the 4096-byte size class. (A chunk of 4096 bytes
// took the next class, 4864: a million queued entries cost 1.5 MB more.)
const readyChunkLen = (4096 - 8 - 8) / 8

type readyChunk struct {
	items [readyChunkLen]unsafe.Pointer
	next  *readyChunk
}

func (r *ring) push(it readyItem) {
	r.pushWord(it.p)
	if twoWords(uintptr(it.p) & tagMask) {
		r.pushWord(it.q)
	}
	r.n++
}

func (r *ring) pushWord(w unsafe.Pointer) {
	if r.tail == nil || r.ti == readyChunkLen {
		r.grow()
	}
	r.tail.items[r.ti] = w
	r.ti++
}

// repushWord pushes again the word w that the caller popped from the queue
// (a bare yield's step), without Go's write barrier. The collector cannot
// miss w: it is the step of a task that is not done, which the loop's
// table of tasks (Loop.tasks) keeps reachable whatever the queue holds. The caller has just popped a word, so the queue has a tail; the
// store skips the index's bounds test (ti < readyChunkLen once grow has
// run).
func (r *ring) repushWord(w unsafe.Pointer) {
	if r.ti == readyChunkLen {
		r.grow()
	}
	*(*uintptr)(unsafe.Add(unsafe.Pointer(r.tail), uintptr(r.ti)*unsafe.Sizeof(w))) = uintptr(w)
	r.ti++
}

// grow adds a chunk at the tail.
func (r *ring) grow() {
	c := r.spare
	if c != nil {
		r.spare, c.next = c.next, nil
	} else {
		c = new(readyChunk)
	}
	if r.tail == nil {
		r.head, r.hi = c, 0
	} else {
		r.tail.next = c
	}
	r.tail, r.ti = c, 0
}

// pop removes the first entry. Loop.runOnce writes it out (a step's entry
// is one word, and two inlined popWords are over the inlining budget);
// the tests use it.
func (r *ring) pop() readyItem {
	it := readyItem{p: r.popWord()}
	if twoWords(uintptr(it.p) & tagMask) {
		it.q = r.popWord()
	}
	r.n--
	return it
}

// popWord removes the first word. It leaves the word in its slot (no
// store, no write barrier's test, on every entry the loop runs): popped
// clears the chunk once all of it has been read, so a popped entry keeps
// what it points to reachable for at most a chunk's worth of pops.
func (r *ring) popWord() unsafe.Pointer {
	c := r.head
	w := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(c), uintptr(r.hi)*unsafe.Sizeof(unsafe.Pointer(nil))))
	r.hi++
	if r.hi == readyChunkLen {
		r.popped(c)
	}
	return w
}

// popped follows popWord when it emptied the chunk c: its words are
// cleared, its successor is the head now, and c is kept for reuse. The
// queue does not start a chunk over when it empties (one more test in
// popWord, which the loop inlines): a trickle of entries cycles through
// two chunks.
func (r *ring) popped(c *readyChunk) {
	c.items = [readyChunkLen]unsafe.Pointer{}
	if c == r.tail {
		r.hi, r.ti = 0, 0
		return
	}
	r.head, r.hi = c.next, 0
	c.next, r.spare = r.spare, c
}

// Loop is a single-threaded event loop with the semantics of CPython
// 3.12's BaseEventLoop. All methods except CallSoonThreadsafe must be
// called from the goroutine that runs the loop.
type Loop struct {
	ready    ring
	timers   timerQueue
	seq      uint64
	stopping bool
	closed   bool
	running  bool
	current  *Task
	tasks    taskTable // the tasks not done (all_tasks)
	virtual  bool
	// timersCancelled counts the cancelled timers still in the heap.
	timersCancelled int
	// finished frames of `await asyncio.sleep(…)`, for reuse (awaitSleep)
	freeSleep0 []*sleep0Frame
	freeSleeps []*sleepFrame
	sleepSlab  []sleepFrame // frames never used yet, for pooledSleep
	// now is the last reading of the clock: as the clock is monotonic, a
	// timer due by then is due now, and the loop need not read the clock
	// (which costs more than the rest of a timer's round) to know it.
	now float64
	// batchLeft is the number of entries runOnce has still to run of
	// those that were ready at the start of its iteration: a field rather
	// than a local, which Go's compiler kept on the stack across the
	// steps' calls (a load and a store each), where the loop is loaded
	// again anyway.
	batchLeft int
	// unretrieved are the futures that failed on this loop, in order,
	// for reportUnretrieved (those still flagged kindLogTB).
	unretrieved []*Future

	mu       sync.Mutex
	inbox    []func()
	inboxLen atomic.Int32
	wake     chan struct{}
	threads  atomic.Int32      // worker goroutines running (to_thread, run_in_executor)
	fatal    *rt.BaseException // SystemExit or KeyboardInterrupt raised in a task
}

// NewLoop makes a loop on the program clock (virtual when
// ASYNC2GO_CLOCK=virtual, see rt.Now).
func NewLoop() *Loop {
	return &Loop{
		virtual: rt.VirtualClock(),
		wake:    make(chan struct{}, 1),
	}
}

// Time is loop.time(): seconds on the program clock (rt.Now).
func (l *Loop) Time() float64 {
	now := rt.Now()
	l.now = now
	return now
}

// CallSoon schedules fn to run in the next iteration, after the callbacks
// already scheduled.
func (l *Loop) CallSoon(fn func()) *Handle {
	h := &Handle{fn: fn}
	l.ready.push(tagged(unsafe.Pointer(&h.timer), tagTimer, nil))
	return h
}

// scheduleStep schedules a step of t (Task.__step via call_soon) that
// throws exc into its coroutine (nil: send None).
func (l *Loop) scheduleStep(t *Task, exc *rt.BaseException) {
	if exc == nil {
		l.scheduleNext(t)
		return
	}
	l.ready.push(tagged(unsafe.Pointer(t), tagStepExc, unsafe.Pointer(exc)))
}

// scheduleNext schedules a step of t sending None (scheduleStep(t, nil)).
func (l *Loop) scheduleNext(t *Task) {
	l.ready.pushWord(unsafe.Add(unsafe.Pointer(t), tagStep))
	l.ready.n++
}

// scheduleWakeup schedules Task.__wakeup(f) of t; f is done. The wakeup
// by a future that has a result is a step of t sending None (f.result()
// raises nothing, and a done future stays as it is): it is queued as that
// step, one word instead of two, and the loop runs it as the step it is.
func (l *Loop) scheduleWakeup(t *Task, f *Future) {
	if f.state == finished {
		l.scheduleNext(t)
		return
	}
	l.ready.push(tagged(unsafe.Pointer(t), tagWakeup, unsafe.Pointer(f)))
}

// taskTable is a loop's tasks that are not done, oldest first, with holes
// (nil) where done ones were: slot i is chunks[i/taskChunkLen][i%taskChunkLen],
// and a task knows its slot (Task.idx). It grows a chunk at a time: no
// copies, no garbage.
type taskTable struct {
	chunks [][]*Task
	n      int // slots in use (tasks and holes)
	live   int // tasks (not holes)
}

// taskChunkLen is the slots of a chunk of a taskTable (4 KB).
const taskChunkLen = 512

// add gives t the next slot.
func (tt *taskTable) add(t *Task) {
	i := tt.n
	if i == len(tt.chunks)*taskChunkLen {
		tt.chunks = append(tt.chunks, make([]*Task, taskChunkLen))
	}
	tt.chunks[i/taskChunkLen][i%taskChunkLen] = t
	t.idx = i
	tt.n++
	tt.live++
}

// remove makes t's slot a hole. The table is compacted when its holes
// outnumber eight times its tasks (and 64): a compaction moves each task
// left and writes its index, a cache miss per task in a big table (with
// twice as many, bench/million's compactions took 14 ms), at most an
// eighth of a move per hole over time. The table holds no done task (a
// hole costs 8 bytes), and its tasks stay oldest first.
//
// (Until 2026-12-01 the tasks were a list linked through the tasks, swept
// of done ones when those outnumbered the rest: each sweep read every
// task listed, about two reads per task on the whole, a cache miss each
// once the tasks outgrow the caches: ~40 ms of bench/million's wake-ups,
// which are its critical path; docs/performance.md, finding 70.)
func (tt *taskTable) remove(t *Task) {
	i := t.idx
	tt.chunks[i/taskChunkLen][i%taskChunkLen] = nil
	tt.live--
	if tt.n-tt.live > 8*tt.live+64 {
		tt.compact()
	}
}

// compact closes the table's holes and drops the chunks left empty.
func (tt *taskTable) compact() {
	n := 0
	for i := range tt.n {
		if t := tt.chunks[i/taskChunkLen][i%taskChunkLen]; t != nil {
			t.idx = n
			tt.chunks[n/taskChunkLen][n%taskChunkLen] = t
			n++
		}
	}
	keep := (n + taskChunkLen - 1) / taskChunkLen
	for i := n; i < min(tt.n, keep*taskChunkLen); i++ {
		tt.chunks[i/taskChunkLen][i%taskChunkLen] = nil
	}
	clear(tt.chunks[keep:])
	tt.chunks = tt.chunks[:keep]
	if cap(tt.chunks) > 4*keep+8 {
		tt.chunks = append([][]*Task(nil), tt.chunks...)
	}
	tt.n = n
}

// tasks appends the table's tasks to out, oldest first.
func (tt *taskTable) tasks(out []rt.Object) []rt.Object {
	for _, chunk := range tt.chunks {
		for _, t := range chunk {
			if t != nil {
				out = append(out, t)
			}
		}
	}
	return out
}

// addTask records a new task (all_tasks).
func (l *Loop) addTask(t *Task) { l.tasks.add(t) }

// removeTask notes that a task is done.
func (l *Loop) removeTask(t *Task) { l.tasks.remove(t) }

// allTasks returns the tasks that are not done, oldest first.
func (l *Loop) allTasks() []rt.Object {
	return l.tasks.tasks(make([]rt.Object, 0, l.tasks.live))
}

// scheduleDone schedules the done callback cb(f).
func (l *Loop) scheduleDone(cb *doneCallback, f *Future) {
	l.ready.push(tagged(unsafe.Pointer(cb), tagDone, unsafe.Pointer(f)))
}

// CallAt schedules fn at time when on the loop's clock. Timers with equal
// deadlines run in the order they were scheduled.
func (l *Loop) CallAt(when float64, fn func()) *Handle {
	h := &Handle{fn: fn, loop: l}
	h.when = when
	l.addTimer(&h.timer)
	return h
}

// addTimer puts tm (its deadline set) in the timer heap, after the timers
// with the same deadline.
func (l *Loop) addTimer(tm *timer) {
	l.seq++
	tm.setSeq(l.seq)
	l.timers.push(tm, l.now)
}

// CallLater schedules fn after delay seconds.
func (l *Loop) CallLater(delay float64, fn func()) *Handle {
	return l.CallAt(l.Time()+delay, fn)
}

// CallSoonThreadsafe schedules fn from any goroutine and wakes the loop if
// it is waiting. fn runs on the loop's goroutine.
func (l *Loop) CallSoonThreadsafe(fn func()) {
	l.mu.Lock()
	l.inbox = append(l.inbox, fn)
	l.inboxLen.Store(int32(len(l.inbox)))
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *Loop) drainInbox() {
	if l.inboxLen.Load() == 0 {
		return
	}
	l.mu.Lock()
	in := l.inbox
	l.inbox = nil
	l.inboxLen.Store(0)
	l.mu.Unlock()
	for _, fn := range in {
		l.CallSoon(fn)
	}
}

// runOnce is one iteration of base_events._run_once: wait (or, on the
// virtual clock, jump the clock) until the earliest timer if nothing is
// ready; move the timers that are due to the ready queue; then run exactly
// the items that were ready at that point — items they schedule wait for
// the next iteration.
func (l *Loop) runOnce() {
	if l.inboxLen.Load() != 0 {
		l.drainInbox()
	}
	if n := l.timers.len(); n > 0 {
		if n > minTimersToPurge && 2*l.timersCancelled > n {
			// Most timers are cancelled ones waiting for their deadline
			// (say, wait_for(…, 60) in a loop): drop them all (base_events).
			l.timers.purge()
			l.timersCancelled = 0
		}
		for tm := l.timers.first(); tm != nil && tm.has(tmCancelled); tm = l.timers.first() {
			l.timers.pop()
			l.timersCancelled--
		}
	}
	if l.ready.n == 0 && !l.stopping {
		switch {
		case l.virtual && l.threads.Load() > 0:
			// Worker goroutines run first: the virtual clock does not
			// jump while they may still post (deterministic output).
			rt.UnlockGIL()
			<-l.wake
			rt.LockGIL()
			l.drainInbox()
		case l.timers.len() > 0:
			when := l.timers.first().when
			if when <= l.now {
				break // due already
			}
			if l.virtual {
				rt.AdvanceClock(when)
			} else if d := when - l.Time(); d > 0 {
				t := time.NewTimer(time.Duration(d * float64(time.Second)))
				rt.UnlockGIL()
				select {
				case <-t.C:
				case <-l.wake:
					t.Stop()
				}
				rt.LockGIL()
				l.drainInbox()
			}
		default:
			// Nothing scheduled: only another goroutine can wake us.
			rt.UnlockGIL()
			<-l.wake
			rt.LockGIL()
			l.drainInbox()
		}
	}
	// With nothing else ready and only sleeping tasks' timers queued, the
	// due timers are all this iteration would run, and running one only
	// schedules its task's step (no Python code runs in between): they
	// fire here, without a turn through the ready queue, and the iteration
	// runs nothing else; the steps are the next iteration's, as they
	// would be.
	direct := l.ready.n == 0 && l.timers.handles == 0
	if l.timers.len() > 0 {
		now, fresh := l.now, false
		for l.timers.len() > 0 {
			tm := l.timers.first()
			if tm.has(tmCancelled) {
				l.timers.pop()
				l.timersCancelled--
				continue
			}
			if tm.when > now {
				if fresh {
					break
				}
				now, fresh = l.Time(), true
				if tm.when > now {
					break
				}
			}
			l.timers.pop()
			if direct {
				l.fire(tm)
			} else {
				l.ready.push(tagged(unsafe.Pointer(tm), tagTimer, nil))
			}
		}
	}
	n := l.ready.n
	if direct {
		n = 0 // the steps of the tasks woken above are the next iteration's
	}
	if !rt.CanNest() {
		// A step would raise RecursionError as it enters its coroutine:
		// none takes the fast path below, whose test of the depth is this.
		for ; n > 0; n-- {
			l.runEntry(l.ready.popWord())
		}
		n = 0
	}
	// The steps below run their coroutines one frame deeper than the
	// loop, counted once for them all; the rest of the iteration runs at
	// the loop's depth.
	rt.NestSteps()
	for l.batchLeft = n; l.batchLeft > 0; l.batchLeft-- {
		// The ready queue's pop, written out: most entries are one-word
		// task steps.
		// The entry leaves the queue: l.ready.n is one less, which each
		// path below but a bare yield's counts (only a batch's start reads
		// the count; the steps' own pushes add to it meanwhile).
		w := l.ready.popWord()
		if uintptr(w)&tagMask == tagStep { // tagStep is 0: w is the task
			p := w
			t := (*Task)(p)
			if t.plain() {
				// Task.step, written out for a task with nothing but its
				// coroutine to run (the step of most entries), when the
				// coroutine's frame keeps its state (generated code): the
				// frame refuses to run if it is running or finished, as
				// Coroutine.Resume would, and its depth is NestSteps'.
				if fast, step, frame, keeps := t.coro.Steppers(); keeps {
					if t.wait != nil {
						t.setWait(nil) // the future it was woken by
					} else if fast != nil && fast(frame) {
						// Run to its next bare yield by its fast resume
						// (rt.FastResumer): requeued as a bare yield is.
						l.ready.repushWord(w)
						continue
					}
					// No step is current between the loop's entries
					// (RunUntilComplete refuses to nest a run), so none
					// is saved to come back to. The two stores skip the
					// write barrier: t, not done when set, is reachable
					// from the loop's table of tasks (repushWord), and it
					// stays on this goroutine's stack until after the
					// clear (t.stepped below).
					*(*uintptr)(unsafe.Pointer(&l.current)) = uintptr(p)
					v, done, err := step(frame, rt.None, nil)
					*(*uintptr)(unsafe.Pointer(&l.current)) = 0
					if done {
						l.ready.n--
					} else {
						if _, bare := v.(rt.NoneType); bare {
							// A bare yield (sleep(0)): the entry goes
							// from the queue's head to its tail, and
							// the count stays.
							l.ready.repushWord(w)
							continue
						}
						l.ready.n--
						if f, ok := v.(*Future); ok {
							rt.UnnestSteps()
							t.await(f) // what t.stepped(v, false, nil) does with a future
							rt.NestSteps()
							continue
						}
					}
					rt.UnnestSteps()
					t.stepped(v, done, err)
					rt.NestSteps()
					continue
				}
			}
		}
		rt.UnnestSteps()
		l.runEntry(w)
		rt.NestSteps()
	}
	rt.UnnestSteps()
	if rt.GILEnabled() {
		l.yieldGIL()
	}
}

// runEntry runs the entry of the ready queue whose first word, w, runOnce
// has just popped: what its fast path for a task's plain step leaves.
func (l *Loop) runEntry(w unsafe.Pointer) {
	l.ready.n--
	tag := uintptr(w) & tagMask
	p := unsafe.Add(w, -int(tag))
	var q unsafe.Pointer
	if twoWords(tag) {
		q = l.ready.popWord()
	}
	switch tag {
	case tagStep:
		(*Task)(p).step(nil)
	case tagStepExc:
		(*Task)(p).step((*rt.BaseException)(q))
	case tagWakeup:
		(*Task)(p).wakeup((*Future)(q))
	case tagDone:
		(*doneCallback)(p).fn((*Future)(q))
	case tagTaskDone:
		t := (*Task)(p)
		cb := (*doneCallback)(t.wait)
		t.wait = nil
		t.kind &^= kindWaitDone
		cb.fn(&t.Future)
	default:
		l.fire((*timer)(p))
	}
}

// fire runs a timer that is due (or a CallSoon handle): the handle's
// callback, or the wakeup of the task sleeping on it, unless cancelled.
func (l *Loop) fire(tm *timer) {
	if tm.has(tmCancelled) {
		return
	}
	if !tm.has(tmSleeper) {
		handleOf(tm).fn()
		return
	}
	// The sleep's future gets its result (futures._set_result_unless_cancelled)
	// and the task's wakeup is scheduled.
	tm.set(tmFired)
	if t := tm.task; t != nil && t.sleepTimer() == tm {
		l.scheduleStep(t, nil)
	}
}

// RunForever runs the loop until Stop is called; the iteration in which
// Stop was called completes first.
func (l *Loop) RunForever() {
	prev := running
	l.running = true
	setRunning(l)
	defer func() { l.running = false; l.stopping = false; setRunning(prev) }()
	for {
		l.runOnce()
		if l.stopping {
			return
		}
	}
}

// Stop makes RunForever return after the current iteration.
func (l *Loop) Stop() { l.stopping = true }

// IsRunning reports whether the loop is running.
func (l *Loop) IsRunning() bool { return l.running }

// Close closes the loop: pending callbacks and timers are dropped. A
// running loop cannot be closed.
func (l *Loop) Close() *rt.BaseException {
	if l.running {
		return rt.Errorf(rt.RuntimeErrorType, "Cannot close a running event loop")
	}
	l.closed = true
	l.ready = ring{}
	l.timers = timerQueue{}
	l.timersCancelled = 0
	return nil
}

// IsClosed reports whether Close was called.
func (l *Loop) IsClosed() bool { return l.closed }

// checkRunnable is base_events' _check_closed and _check_running: the
// errors of running a loop that is closed or running, or while another
// loop runs.
func (l *Loop) checkRunnable() *rt.BaseException {
	switch {
	case l.closed:
		return rt.Errorf(rt.RuntimeErrorType, "Event loop is closed")
	case l.running:
		return rt.Errorf(rt.RuntimeErrorType, "This event loop is already running")
	case running != nil && running != l:
		return rt.Errorf(rt.RuntimeErrorType, "Cannot run the event loop while another loop is running")
	}
	return nil
}

// RunUntilComplete runs the loop until fut is done and returns its
// outcome (loop.run_until_complete).
func (l *Loop) RunUntilComplete(fut *Future) (rt.Object, *rt.BaseException) {
	if exc := l.checkRunnable(); exc != nil {
		return nil, exc
	}
	fut.AddDoneCallback(func(*Future) { l.Stop() })
	l.RunForever()
	if exc := l.fatal; exc != nil {
		l.fatal = nil
		if fut.Done() && !fut.Cancelled() {
			// The future ended with the SystemExit or KeyboardInterrupt
			// that stops the run, which its caller gets: CPython's
			// run_until_complete consumes it "to not log a warning".
			fut.retrievedExc()
		}
		return nil, exc
	}
	if !fut.Done() {
		return nil, rt.Errorf(rt.RuntimeErrorType, "Event loop stopped before Future completed.")
	}
	return fut.Result()
}

var running *Loop

// loopSet is running != nil, for asyncio.sleep's Builtin.Yield0: call
// sites' caches hold it as it was when they were filled
// (rt.AttrCache.Yield0Hit), so a change makes them stale.
var loopSet bool

// setRunning makes l the running loop (nil: none).
func setRunning(l *Loop) {
	running = l
	if loopSet != (l != nil) {
		loopSet = l != nil
		rt.CachesStale()
	}
}

// Running returns the running loop, or nil.
func Running() *Loop { return running }
