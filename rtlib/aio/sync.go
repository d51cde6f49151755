package aio

import (
	"math"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

// stepFunc is the body of a coroutine written in Go as a continuation: it
// is called first with (nil, thrown) and then with the outcome of each
// future it asked to await; it returns the next future to await, or the
// coroutine's result or exception.
type stepFunc func(res rt.Object, exc *rt.BaseException) (next *Future, result rt.Object, err *rt.BaseException)

// goCoro adapts a stepFunc to rt.Resumable.
type goCoro struct {
	step    stepFunc
	waiting *Future
	started bool
}

func (g *goCoro) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	var res rt.Object
	var exc *rt.BaseException
	if g.waiting != nil {
		v, done, e := g.waiting.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		g.waiting = nil
		res, exc = v, e
	} else if g.started {
		return nil, true, rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
	} else {
		exc = thrown
	}
	g.started = true
	for {
		next, result, err := g.step(res, exc)
		if next == nil {
			if err != nil {
				return nil, true, err
			}
			if result == nil {
				result = rt.None
			}
			return result, true, nil
		}
		v, done, e := next.Resume(rt.None, nil)
		if !done {
			g.waiting = next
			return v, false, nil
		}
		res, exc = v, e
	}
}

// coro makes a coroutine object running step.
func coro(name string, step stepFunc) rt.Object {
	return rt.NewCoroutine(coroFunction(name), &goCoro{step: step})
}

// The functions of the runtime's coroutines, made once (not per call).
var coroFns = func() map[string]*rt.Function {
	m := map[string]*rt.Function{}
	for _, n := range []string{"__aenter__", "__aexit__", "acquire", "join", "wait", "wait_for"} {
		m[n] = &rt.Function{Name: n, Qualname: n, Module: "asyncio"}
	}
	return m
}()

func coroFunction(name string) *rt.Function {
	if fn, ok := coroFns[name]; ok { // read-only after init: safe from any goroutine
		return fn
	}
	return &rt.Function{Name: name, Qualname: name, Module: "asyncio"}
}

func isCancel(exc *rt.BaseException) bool {
	return exc != nil && exc.Class.IsSubtype(CancelledErrorType)
}

// removeFut removes f from a FIFO list of waiters (deque.remove). Waiters
// mostly leave from the front, which costs O(1) here, not a copy of the
// rest: a semaphore with 100,000 waiters was quadratic.
func removeFut(list []*Future, f *Future) []*Future {
	for i, x := range list {
		if x == f {
			if i == 0 {
				list[0] = nil
				if len(list) == 1 {
					return list[:0] // keep the array for the next waiter
				}
				return list[1:]
			}
			copy(list[i:], list[i+1:])
			list[len(list)-1] = nil
			return list[:len(list)-1]
		}
	}
	return list
}

func loopOrErr() (*Loop, *rt.BaseException) { return needLoop() }

// waitq is a FIFO of waiters (the deque of locks.py): appended at the
// back, removed mostly from the front. Unlike a slice resliced from the
// front, it reuses the room its removals free, and it grows by doubling,
// so that 100,000 waiters queued at once cost one copy of each pointer,
// not the five of append's 1.25x growth.
//
// A waiter is the future of an acquire() or wait() call driven as a
// coroutine (futureWaiter), or the parked waiter a task waits on in place
// of that future (parkedWaiter, asyncwith.go): one word either way, the
// second tagged in its low bit.
type waitq struct {
	buf  []unsafe.Pointer
	head int
	// done counts the waiters at the front known to be done (woken or
	// cancelled, not yet gone: each leaves when its task runs), which
	// wakeUp skips: with n holders releasing at once, waking the next
	// waiter costs O(1), not a scan past up to n woken ones.
	done int
}

// futureWaiter and parkedWaiter are the waitq entries of f and w.
func futureWaiter(f *Future) unsafe.Pointer { return unsafe.Pointer(f) }
func parkedWaiter(p *parked) unsafe.Pointer { return unsafe.Add(unsafe.Pointer(p), 1) }

// waiterState reports whether the waiter e is done (woken or cancelled,
// as its future would be) and whether it is cancelled.
func waiterState(e unsafe.Pointer) (done, cancelled bool) {
	if uintptr(e)&1 != 0 {
		p := (*parked)(unsafe.Add(e, -1))
		return p.state != swPending, p.state == swCancelled
	}
	f := (*Future)(e)
	return f.Done(), f.Cancelled()
}

// wakeWaiter wakes the waiter e, which is not done (set_result(True) on
// its future).
func wakeWaiter(e unsafe.Pointer) {
	if uintptr(e)&1 != 0 {
		(*parked)(unsafe.Add(e, -1)).wake()
		return
	}
	(*Future)(e).SetResult(trueObj)
}

// items are the waiters, first to last.
func (q *waitq) items() []unsafe.Pointer { return q.buf[q.head:] }

func (q *waitq) len() int { return len(q.buf) - q.head }

func (q *waitq) push(e unsafe.Pointer) {
	if len(q.buf) == cap(q.buf) {
		n := q.len()
		if q.head > 0 && n <= cap(q.buf)/2 {
			copy(q.buf, q.buf[q.head:]) // reuse the room at the front
			clear(q.buf[n:])
			q.buf = q.buf[:n]
		} else {
			nb := make([]unsafe.Pointer, n, max(8, 2*n))
			copy(nb, q.buf[q.head:])
			q.buf = nb
		}
		q.head = 0
	}
	q.buf = append(q.buf, e)
}

// remove removes e (deque.remove); waiters mostly leave from the front,
// which costs O(1).
func (q *waitq) remove(e unsafe.Pointer) {
	items := q.items()
	for i, x := range items {
		if x != e {
			continue
		}
		if i < q.done {
			q.done--
		}
		if i == 0 {
			q.buf[q.head] = nil
			q.head++
			if q.head == len(q.buf) {
				q.buf, q.head = q.buf[:0], 0
			}
			return
		}
		copy(items[i:], items[i+1:])
		q.buf[len(q.buf)-1] = nil
		q.buf = q.buf[:len(q.buf)-1]
		return
	}
}

// wakeUp wakes the first waiter that is not done (Semaphore._wake_up_next
// once the counter is taken), reporting whether there was one.
func (q *waitq) wakeUp() bool {
	items := q.items()
	for i := q.done; i < len(items); i++ {
		if done, _ := waiterState(items[i]); !done {
			q.done = i + 1
			wakeWaiter(items[i])
			return true
		}
	}
	q.done = len(items)
	return false
}

// newWaiter appends a new future of the running loop to waiters.
func newWaiter(waiters *waitq) (*Future, *rt.BaseException) {
	l, err := loopOrErr()
	if err != nil {
		return nil, err
	}
	fut := NewFuture(l)
	waiters.push(futureWaiter(fut))
	return fut, nil
}

var trueObj rt.Object = rt.Bool(true)

// Lock is asyncio.Lock.
type Lock struct {
	locked  bool
	waiters waitq           // the futures of acquire() calls and parked waiters
	aexit   *rt.BoundMethod // made once, for rt.AwaitEnterCached (asyncwith.go)
}

// Event is asyncio.Event.
type Event struct {
	value   bool
	waiters waitq // the futures of wait() calls and parked waiters
}

// Semaphore is asyncio.Semaphore and BoundedSemaphore.
type Semaphore struct {
	value int
	bound int // -1: unbounded
	// asBool says that value is still the bool the semaphore was made
	// with (Semaphore(True)): CPython's _value and repr show True until
	// the first acquire or release changes it.
	asBool  bool
	waiters waitq
	class   *rt.Type
	aexit   *rt.BoundMethod // made once, for rt.AwaitEnterCached (asyncwith.go)
}

// Condition is asyncio.Condition.
type Condition struct {
	lock    *Lock
	waiters waitq // the futures of wait() calls and parked condWaiters
}

// Queue is asyncio.Queue, PriorityQueue and LifoQueue.
type Queue struct {
	class   *rt.Type
	items   []rt.Object
	maxsize int // > 0: the queue is full at this many items
	// maxsizeObj is the maxsize given when it is not an int (a bool, a
	// float, an int beyond 64 bits): maxsize then holds the size at which
	// CPython's full() (qsize() >= maxsize, for maxsize > 0) says yes, and
	// maxsizeObj what its maxsize, _maxsize and repr show.
	maxsizeObj rt.Object
	getters    []*Future
	putters    []*Future
	unfinished int
	finished   *Event
	// frames of finished `await q.get()` / `await q.put(x)`, for reuse
	freeGets []*queueGetFrame
	freePuts []*queuePutFrame
}

var (
	LockType             = newClass("Lock", "asyncio.locks", rt.ObjectType)
	EventType            = newClass("Event", "asyncio.locks", rt.ObjectType)
	SemaphoreType        = newClass("Semaphore", "asyncio.locks", rt.ObjectType)
	BoundedSemaphoreType = newClass("BoundedSemaphore", "asyncio.locks", SemaphoreType)
	ConditionType        = newClass("Condition", "asyncio.locks", rt.ObjectType)
	QueueType            = newClass("Queue", "asyncio.queues", rt.ObjectType)
	PriorityQueueType    = newClass("PriorityQueue", "asyncio.queues", QueueType)
	LifoQueueType        = newClass("LifoQueue", "asyncio.queues", QueueType)
	QueueEmptyType       = newClass("QueueEmpty", "asyncio.queues", rt.ExceptionType)
	QueueFullType        = newClass("QueueFull", "asyncio.queues", rt.ExceptionType)
)

func (*Lock) Type() *rt.Type        { return LockType }
func (*Event) Type() *rt.Type       { return EventType }
func (s *Semaphore) Type() *rt.Type { return s.class }
func (*Condition) Type() *rt.Type   { return ConditionType }
func (q *Queue) Type() *rt.Type     { return q.class }

// --- Lock ---

func (lk *Lock) acquire() rt.Object {
	var fut *Future
	return coro("acquire", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if fut == nil {
			if exc != nil {
				return nil, nil, exc
			}
			if lk.take() {
				return nil, trueObj, nil
			}
			var err *rt.BaseException
			if fut, err = newWaiter(&lk.waiters); err != nil {
				return nil, nil, err
			}
			return fut, nil, nil
		}
		if exc := lk.waited(futureWaiter(fut), exc); exc != nil {
			return nil, nil, exc
		}
		return nil, trueObj, nil
	})
}

// waited is the end of acquire's wait for its waiter e (the waitq entry of
// its future, or of the primWaiter it parked on), which ended with exc
// (nil: woken): its finally and except clauses (locks.py), and the lock
// taken.
func (lk *Lock) waited(e unsafe.Pointer, exc *rt.BaseException) *rt.BaseException {
	lk.waiters.remove(e)
	if exc != nil {
		if isCancel(exc) && !lk.locked {
			lk.wakeUpFirst()
		}
		return exc
	}
	lk.locked = true
	return nil
}

// take is Lock.acquire's fast path: the lock taken if it is free and
// every waiter is cancelled.
func (lk *Lock) take() bool {
	return !lk.locked && lk.takeFree() // inlined: a contended test is one compare
}

func (lk *Lock) takeFree() bool {
	if allCancelled(&lk.waiters) {
		lk.locked = true
		return true
	}
	return false
}

// allCancelled says whether every waiter of q is cancelled.
func allCancelled(q *waitq) bool {
	for _, e := range q.items() {
		if _, cancelled := waiterState(e); !cancelled {
			return false
		}
	}
	return true
}

func (lk *Lock) release() *rt.BaseException {
	if !lk.locked {
		return rt.Errorf(rt.RuntimeErrorType, "Lock is not acquired.")
	}
	lk.locked = false
	lk.wakeUpFirst()
	return nil
}

func (lk *Lock) wakeUpFirst() {
	if lk.waiters.len() == 0 {
		return
	}
	e := lk.waiters.items()[0]
	if done, _ := waiterState(e); !done {
		wakeWaiter(e)
	}
}

// --- Event ---

func (ev *Event) set() {
	if !ev.value {
		ev.value = true
		for _, e := range ev.waiters.items() {
			if done, _ := waiterState(e); !done {
				wakeWaiter(e)
			}
		}
	}
}

func (ev *Event) wait() rt.Object {
	var fut *Future
	return coro("wait", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if fut == nil {
			if exc != nil {
				return nil, nil, exc
			}
			if ev.take() {
				return nil, trueObj, nil
			}
			var err *rt.BaseException
			if fut, err = newWaiter(&ev.waiters); err != nil {
				return nil, nil, err
			}
			return fut, nil, nil
		}
		if exc := ev.waited(futureWaiter(fut), exc); exc != nil {
			return nil, nil, exc
		}
		return nil, trueObj, nil
	})
}

// take is Event.wait's fast path: whether the event is set.
func (ev *Event) take() bool { return ev.value }

// waited is wait's finally clause for its waiter e.
func (ev *Event) waited(e unsafe.Pointer, exc *rt.BaseException) *rt.BaseException {
	ev.waiters.remove(e)
	return exc
}

// --- Semaphore ---

func (s *Semaphore) locked() bool {
	if s.value == 0 {
		return true
	}
	for _, e := range s.waiters.items() {
		if _, cancelled := waiterState(e); !cancelled {
			return true
		}
	}
	return false
}

// take is Semaphore.acquire's fast path: a permit taken if it is not
// locked.
func (s *Semaphore) take() bool {
	return s.value > 0 && s.takeFree() // inlined: a contended test is one compare
}

func (s *Semaphore) takeFree() bool {
	if !s.locked() {
		s.value--
		s.asBool = false
		return true
	}
	return false
}

func (s *Semaphore) wakeUpNext() bool {
	if s.waiters.len() == 0 {
		return false
	}
	s.value--
	if s.waiters.wakeUp() {
		s.asBool = false
		return true
	}
	s.value++
	return false
}

func (s *Semaphore) acquire() rt.Object {
	var fut *Future
	return coro("acquire", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if fut == nil {
			if exc != nil {
				return nil, nil, exc
			}
			if s.take() {
				return nil, trueObj, nil
			}
			var err *rt.BaseException
			if fut, err = newWaiter(&s.waiters); err != nil {
				return nil, nil, err
			}
			return fut, nil, nil
		}
		if exc := s.waited(futureWaiter(fut), exc); exc != nil {
			return nil, nil, exc
		}
		return nil, trueObj, nil
	})
}

// waited is the end of acquire's wait for its waiter e (the waitq entry of
// its future, or of the primWaiter it parked on), which ended with exc (nil:
// woken): its finally and except clauses as CPython 3.12.1's locks.py has
// them. A cancelled waiter whose future is not cancelled (woken first, or a
// CancelledError thrown in by hand) gives a permit back and wakes one
// waiter; other exceptions wake nobody; a woken waiter wakes at most one
// more (later 3.12 releases wake as many as the counter allows: a program
// can tell, see the e2e archive semaphore_312.txtar).
func (s *Semaphore) waited(e unsafe.Pointer, exc *rt.BaseException) *rt.BaseException {
	s.waiters.remove(e)
	if exc != nil {
		if _, cancelled := waiterState(e); isCancel(exc) && !cancelled {
			s.value++
			s.asBool = false
			s.wakeUpNext()
		}
		return exc
	}
	if s.value > 0 {
		s.wakeUpNext()
	}
	return nil
}

func (s *Semaphore) release() *rt.BaseException {
	if s.bound >= 0 && s.value >= s.bound {
		return rt.Errorf(rt.ValueErrorType, "BoundedSemaphore released too many times")
	}
	s.value++
	s.asBool = false
	s.wakeUpNext()
	return nil
}

// --- Condition ---

func (c *Condition) wait() rt.Object {
	var fut *Future
	var reacquire rt.Resumable
	var pending *rt.BaseException
	var result rt.Object
	phase := 0
	return coro("wait", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		for {
			switch phase {
			case 0:
				if exc != nil {
					return nil, nil, exc
				}
				if !c.lock.locked {
					return nil, nil, rt.Errorf(rt.RuntimeErrorType, "cannot wait on un-acquired lock")
				}
				c.lock.release()
				var err *rt.BaseException
				if fut, err = newWaiter(&c.waiters); err != nil {
					return nil, nil, err
				}
				phase = 1
				return fut, nil, nil
			case 1:
				c.waiters.remove(futureWaiter(fut))
				if exc != nil {
					pending = exc
				} else {
					result = trueObj
				}
				phase = 2
				exc = nil
			case 2:
				// Re-acquire the lock, even when cancelled meanwhile.
				reacquire = c.lock.acquire().(rt.Resumable)
				phase = 3
				fallthrough
			case 3:
				v, done, e := reacquire.Resume(rt.None, nil)
				if !done {
					f, _ := v.(*Future)
					if f == nil {
						if t, ok := v.(*Task); ok {
							f = &t.Future
						}
					}
					phase = 4
					return f, nil, nil
				}
				_ = v
				if e != nil && isCancel(e) {
					pending = e
					phase = 2
					continue
				}
				if pending != nil {
					return nil, nil, pending
				}
				return nil, result, e
			case 4:
				// The lock's future finished: resume the acquire coroutine with its outcome.
				v, done, e := reacquire.Resume(res, exc)
				exc = nil
				if !done {
					f, _ := v.(*Future)
					return f, nil, nil
				}
				if e != nil && isCancel(e) {
					pending = e
					phase = 2
					continue
				}
				if pending != nil {
					return nil, nil, pending
				}
				return nil, result, e
			}
		}
	})
}

func (c *Condition) notify(n int) *rt.BaseException {
	if !c.lock.locked {
		return rt.Errorf(rt.RuntimeErrorType, "cannot notify on un-acquired lock")
	}
	idx := 0
	for _, e := range c.waiters.items() {
		if idx >= n {
			break
		}
		if done, _ := waiterState(e); !done {
			idx++
			c.wakeNotified(e)
		}
	}
	return nil
}

// wakeNotified wakes the waiter e of wait() (set_result(False)).
func (c *Condition) wakeNotified(e unsafe.Pointer) {
	if uintptr(e)&1 != 0 {
		p := (*parked)(unsafe.Add(e, -1))
		p.notified = true
		p.wake()
	} else {
		(*Future)(e).SetResult(rt.Bool(false))
	}
}

// notifyAny is notify for an n that is not an int: CPython's loop, with
// its comparison `idx >= n` made as Python makes it (a float wakes up to
// its ceiling, nan every waiter, a str fails once there is a waiter).
func (c *Condition) notifyAny(n rt.Object) *rt.BaseException {
	if !c.lock.locked {
		return rt.Errorf(rt.RuntimeErrorType, "cannot notify on un-acquired lock")
	}
	idx := 0
	for _, e := range c.waiters.items() {
		r, exc := rt.Ge(rt.Int(idx), n)
		if exc != nil {
			return exc
		}
		if reached, exc := rt.Truth(r); exc != nil {
			return exc
		} else if reached {
			break
		}
		if done, _ := waiterState(e); !done {
			idx++
			c.wakeNotified(e)
		}
	}
	return nil
}

// condWaitForArgs checks the arguments of Condition.wait_for(predicate)
// and makes its body.
func condWaitForArgs(self rt.Object, args []rt.Object, kw []rt.KwArg) (*condWaitFor, *rt.BaseException) {
	if exc := condWaitForSpec.Check(args, kw); exc != nil {
		return nil, exc
	}
	pred, _ := kwOrArg(args, kw, 0, "predicate")
	return &condWaitFor{c: self.(*Condition), pred: pred}, nil
}

// --- Queue ---

func (q *Queue) full() bool { return q.maxsize > 0 && len(q.items) >= q.maxsize }

func wakeupNext(waiters *[]*Future) {
	for len(*waiters) > 0 {
		w := (*waiters)[0]
		(*waiters)[0] = nil
		if len(*waiters) == 1 {
			*waiters = (*waiters)[:0] // keep the array for the next waiter
		} else {
			*waiters = (*waiters)[1:]
		}
		if !w.Done() {
			w.result, w.state = rt.None, finished // w.SetResult(None)
			w.scheduleCallbacks()
			break
		}
	}
}

func (q *Queue) putNowait(item rt.Object) *rt.BaseException {
	if q.full() {
		return rt.NewException(QueueFullType)
	}
	switch q.class {
	case PriorityQueueType:
		// heapq.heappush: an error of a comparison leaves the item in
		// the heap, and the count of unfinished tasks as it was.
		q.items = append(q.items, item)
		if exc := q.siftDown(0, len(q.items)-1); exc != nil {
			return exc
		}
	default:
		q.items = append(q.items, item)
	}
	q.unfinished++
	q.finished.value = false
	if len(q.getters) > 0 {
		wakeupNext(&q.getters)
	}
	return nil
}

// heapLess is PyObject_RichCompareBool(a, b, Py_LT), what heapq compares
// with.
func heapLess(a, b rt.Object) (bool, *rt.BaseException) {
	r, exc := rt.Lt(a, b)
	if exc != nil {
		return false, exc
	}
	return rt.Truth(r)
}

// siftDown is _heapq's siftdown on the priority queue's heap: the item at
// pos moves towards start past the parents it is less than. A comparison
// (Python code) that changes the heap's size stops it with CPython's
// RuntimeError.
func (q *Queue) siftDown(start, pos int) *rt.BaseException {
	size := len(q.items)
	for pos > start {
		parent := (pos - 1) >> 1
		lt, exc := heapLess(q.items[pos], q.items[parent])
		if exc != nil {
			return exc
		}
		if len(q.items) != size {
			return rt.Errorf(rt.RuntimeErrorType, "list changed size during iteration")
		}
		if !lt {
			break
		}
		q.items[parent], q.items[pos] = q.items[pos], q.items[parent]
		pos = parent
	}
	return nil
}

// siftUp is _heapq's siftup (heappop's): the smaller child moves up until
// a leaf is empty, where the item at pos goes, and siftDown takes it back
// up to its place. It compares as CPython does, so that items neither
// less than the other leave in CPython's order.
func (q *Queue) siftUp(pos int) *rt.BaseException {
	end, start := len(q.items), pos
	for limit := end >> 1; pos < limit; {
		child := 2*pos + 1
		if child+1 < end {
			lt, exc := heapLess(q.items[child], q.items[child+1])
			if exc != nil {
				return exc
			}
			if len(q.items) != end {
				return rt.Errorf(rt.RuntimeErrorType, "list changed size during iteration")
			}
			if !lt {
				child++
			}
		}
		q.items[child], q.items[pos] = q.items[pos], q.items[child]
		pos = child
	}
	return q.siftDown(start, pos)
}

func (q *Queue) getNowait() (rt.Object, *rt.BaseException) {
	if len(q.items) == 0 {
		return nil, rt.NewException(QueueEmptyType)
	}
	var item rt.Object
	switch q.class {
	case LifoQueueType:
		item = q.items[len(q.items)-1]
		q.items = q.items[:len(q.items)-1]
	case PriorityQueueType:
		// heapq.heappop: the last item goes to the root and down. An
		// error of a comparison loses the item that was popped, as in
		// CPython, and wakes no putter.
		n := len(q.items) - 1
		item = q.items[n]
		q.items[n] = nil
		q.items = q.items[:n]
		if n > 0 {
			item, q.items[0] = q.items[0], item
			if exc := q.siftUp(0); exc != nil {
				return nil, exc
			}
		}
	default:
		item = q.items[0]
		q.items[0] = nil
		if len(q.items) == 1 {
			q.items = q.items[:0] // keep the array
		} else {
			q.items = q.items[1:]
		}
	}
	if len(q.putters) > 0 {
		wakeupNext(&q.putters)
	}
	return item, nil
}

// semValue is Semaphore's initial value: an int (or a bool, an int in
// Python). CPython takes any object that compares with 0 (`value < 0` is
// its only check, so a str fails there with its TypeError); a float or an
// int beyond 64 bits is refused here (it would count down in floats or
// big ints).
func semValue(s *Semaphore, v rt.Object) *rt.BaseException {
	if n, ok := v.(rt.Int); ok {
		s.value = int(n)
	} else if b, ok := v.(rt.Bool); ok {
		s.value, s.asBool = boolInt(b), true
	} else {
		neg, exc := pyLess(v, rt.Int(0))
		if exc != nil {
			return exc
		}
		if !neg {
			if _, big := v.(*rt.BigInt); big {
				return rt.Errorf(rt.OverflowErrorType, "%s value too large here (more than 64 bits)", s.class.Name)
			}
			return rt.Errorf(rt.TypeErrorType, "%s value must be an int here, not '%s'", s.class.Name, typeName(v))
		}
		s.value = -1
	}
	if s.value < 0 {
		return rt.Errorf(rt.ValueErrorType, "Semaphore initial value must be >= 0")
	}
	return nil
}

// setMaxsize makes v the queue's maxsize. CPython keeps any object and
// compares it in full() (`maxsize <= 0`, then `qsize() >= maxsize`); an
// int, a bool, an int beyond 64 bits and a float are kept with the size
// those comparisons give. Anything else is refused with the TypeError
// that full() would raise at the first put (CPython makes the queue).
func (q *Queue) setMaxsize(v rt.Object) *rt.BaseException {
	if n, ok := v.(rt.Int); ok {
		q.maxsize, q.maxsizeObj = int(n), nil
		return nil
	}
	const unbounded = 0 // maxsize <= 0: never full
	const never = math.MaxInt
	switch x := v.(type) {
	case rt.Bool:
		q.maxsize = boolInt(x)
	case *rt.BigInt:
		q.maxsize = unbounded
		if x.V.Sign() > 0 {
			q.maxsize = never
		}
	case rt.Float:
		f := float64(x)
		switch {
		case f <= 0:
			q.maxsize = unbounded
		case math.IsNaN(f) || f >= math.MaxInt/2: // qsize() >= nan is never true
			q.maxsize = never
		default:
			q.maxsize = int(math.Ceil(f))
		}
	default:
		if _, exc := rt.Le(v, rt.Int(0)); exc != nil {
			return exc
		}
		return rt.Errorf(rt.TypeErrorType, "Queue maxsize must be a number here, not '%s'", typeName(v))
	}
	q.maxsizeObj = v
	return nil
}

// maxsizeValue is the maxsize as Python shows it.
func (q *Queue) maxsizeValue() rt.Object {
	if q.maxsizeObj != nil {
		return q.maxsizeObj
	}
	return rt.Int(q.maxsize)
}

// notifyCount is Condition.notify's n as an int, if it is one.
func notifyCount(args []rt.Object, kw []rt.KwArg) (rt.Object, int, bool) {
	v, ok := kwOrArg(args, kw, 0, "n")
	if !ok {
		return nil, 1, true
	}
	n, ok := rt.AsInt(v)
	return v, int(n), ok
}

// pyLess is Python's a < b.
func pyLess(a, b rt.Object) (bool, *rt.BaseException) {
	r, exc := rt.Lt(a, b)
	if exc != nil {
		return false, exc
	}
	return rt.Truth(r)
}

func boolInt(b rt.Bool) int {
	if b {
		return 1
	}
	return 0
}

func noArgsMethod(t *rt.Type, name string, fn func(self rt.Object) (rt.Object, *rt.BaseException)) {
	method(t, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return fn(self)
	})
}

// aexitRelease is __aexit__ for locks and semaphores: release, as a coroutine.
func aexitRelease(release func() *rt.BaseException) rt.Object {
	return coro("__aexit__", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if exc != nil {
			return nil, nil, exc
		}
		return nil, rt.None, release()
	})
}

var aenterFn = &rt.Function{Name: "__aenter__", Qualname: "__aenter__"}

// aenterAcquire is __aenter__: await acquire(), return None.
func aenterAcquire(acquire rt.Object) rt.Object {
	inner := acquire.(*rt.Coroutine)
	started := false
	return rt.NewCoroutine(aenterFn, resumableFunc(func(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
		if !started {
			started = true
			sent = rt.None
		}
		v, done, exc := inner.Resume(sent, thrown)
		if done && exc == nil {
			return rt.None, true, nil
		}
		return v, done, exc
	}))
}

type resumableFunc func(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException)

func (f resumableFunc) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	return f(sent, thrown)
}

func init() {
	LockType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := lockNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		return &Lock{}, nil
	}

	EventType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := eventNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		return &Event{}, nil
	}

	newSem := func(bounded bool) func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		spec := semNewArgs
		if bounded {
			spec = boundedNewArgs
		}
		return func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if exc := spec.Check(args, kw); exc != nil {
				return nil, exc
			}
			s := &Semaphore{value: 1, bound: -1, class: t}
			if v, ok := kwOrArg(args, kw, 0, "value"); ok {
				if exc := semValue(s, v); exc != nil {
					return nil, exc
				}
			}
			if bounded {
				s.bound = s.value
			}
			return s, nil
		}
	}
	SemaphoreType.New = newSem(false)
	BoundedSemaphoreType.New = newSem(true)

	ConditionType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := condNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		c := &Condition{lock: &Lock{}}
		if v, ok := kwOrArg(args, kw, 0, "lock"); ok && v != rt.None {
			lk, ok := v.(*Lock)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "Condition needs an asyncio.Lock")
			}
			c.lock = lk
		}
		return c, nil
	}

	newQueue := func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := queueNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		q := &Queue{class: t, finished: &Event{value: true}}
		if v, ok := kwOrArg(args, kw, 0, "maxsize"); ok {
			if exc := q.setMaxsize(v); exc != nil {
				return nil, exc
			}
		}
		return q, nil
	}
	for _, t := range []*rt.Type{QueueType, PriorityQueueType, LifoQueueType} {
		t.New = newQueue
	}
	methods.Defer(installSyncMethods)
}

// installSyncMethods defines the methods of the locks, the events, the semaphores,
// the conditions and the queues (made on first use: rt.MethodTables).
func installSyncMethods() {
	noArgsMethod(LockType, "acquire", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Lock).acquire(), nil })
	noArgsMethod(LockType, "release", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.None, self.(*Lock).release() })
	noArgsMethod(LockType, "locked", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.Bool(self.(*Lock).locked), nil })
	noArgsMethod(LockType, "__aenter__", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return aenterAcquire(self.(*Lock).acquire()), nil
	})
	method(LockType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return aexitRelease(self.(*Lock).release), nil
	})
	noArgsMethod(EventType, "set", func(self rt.Object) (rt.Object, *rt.BaseException) { self.(*Event).set(); return rt.None, nil })
	noArgsMethod(EventType, "clear", func(self rt.Object) (rt.Object, *rt.BaseException) { self.(*Event).value = false; return rt.None, nil })
	noArgsMethod(EventType, "is_set", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.Bool(self.(*Event).value), nil })
	noArgsMethod(EventType, "wait", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Event).wait(), nil })
	noArgsMethod(SemaphoreType, "acquire", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Semaphore).acquire(), nil })
	noArgsMethod(SemaphoreType, "release", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.None, self.(*Semaphore).release() })
	noArgsMethod(SemaphoreType, "locked", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.Bool(self.(*Semaphore).locked()), nil })
	noArgsMethod(SemaphoreType, "__aenter__", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return aenterAcquire(self.(*Semaphore).acquire()), nil
	})
	method(SemaphoreType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return aexitRelease(self.(*Semaphore).release), nil
	})
	noArgsMethod(ConditionType, "acquire", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Condition).lock.acquire(), nil })
	noArgsMethod(ConditionType, "release", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.None, self.(*Condition).lock.release() })
	noArgsMethod(ConditionType, "locked", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return rt.Bool(self.(*Condition).lock.locked), nil
	})
	noArgsMethod(ConditionType, "wait", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Condition).wait(), nil })
	method(ConditionType, "wait_for", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		f, exc := condWaitForArgs(self, args, kw)
		if exc != nil {
			return nil, exc
		}
		return rt.NewCoroutine(coroFunction("wait_for"), f), nil
	})
	method(ConditionType, "notify", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*Condition)
		v, n, ok := notifyCount(args, kw)
		if !ok {
			return rt.None, c.notifyAny(v)
		}
		return rt.None, c.notify(n)
	})
	noArgsMethod(ConditionType, "notify_all", func(self rt.Object) (rt.Object, *rt.BaseException) {
		c := self.(*Condition)
		return rt.None, c.notify(c.waiters.len())
	})
	noArgsMethod(ConditionType, "__aenter__", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return aenterAcquire(self.(*Condition).lock.acquire()), nil
	})
	method(ConditionType, "__aexit__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return aexitRelease(self.(*Condition).lock.release), nil
	})
	method(QueueType, "put", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*Queue).put(args[0]), nil
	})
	awaitMethod(QueueType, "put", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		if !queuePutArgs.Fits(args, kw) {
			if exc := queuePutArgs.Check(args, kw); exc != nil {
				return nil, exc
			}
		}
		item, _ := kwOrArg(args, kw, 0, "item")
		return self.(*Queue).awaitPut(item), nil
	})
	startMethod(QueueType, "put", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, rt.Object, bool, *rt.BaseException, *rt.BaseException) {
		if !queuePutArgs.Fits(args, kw) {
			if exc := queuePutArgs.Check(args, kw); exc != nil {
				return nil, nil, true, nil, exc
			}
		}
		item, _ := kwOrArg(args, kw, 0, "item")
		q := self.(*Queue)
		if !q.full() { // the frame's first step, without the frame
			if exc := q.putNowait(item); exc != nil {
				return nil, nil, true, exc, nil
			}
			return nil, rt.None, true, nil, nil
		}
		s := q.awaitPut(item)
		v, done, exc := s.Resume(rt.None, nil)
		return s, v, done, exc, nil
	})
	method(QueueType, "put_nowait", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.None, self.(*Queue).putNowait(args[0])
	})
	noArgsMethod(QueueType, "get", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Queue).get(), nil })
	awaitMethod(QueueType, "get", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, *rt.BaseException) {
		if len(args)+len(kw) > 0 {
			return nil, queueGetArgs.Check(args, kw)
		}
		return self.(*Queue).awaitGet(), nil
	})
	startMethod(QueueType, "get", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Resumable, rt.Object, bool, *rt.BaseException, *rt.BaseException) {
		if len(args)+len(kw) > 0 {
			return nil, nil, true, nil, queueGetArgs.Check(args, kw)
		}
		q := self.(*Queue)
		if len(q.items) > 0 { // the frame's first step, without the frame
			v, exc := q.getNowait()
			return nil, v, true, exc, nil
		}
		s := q.awaitGet()
		v, done, exc := s.wait(q) // s.Resume(None, nil) on an empty queue
		return s, v, done, exc, nil
	})
	noArgsMethod(QueueType, "get_nowait", func(self rt.Object) (rt.Object, *rt.BaseException) { return self.(*Queue).getNowait() })
	noArgsMethod(QueueType, "qsize", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.Int(len(self.(*Queue).items)), nil })
	noArgsMethod(QueueType, "empty", func(self rt.Object) (rt.Object, *rt.BaseException) {
		return rt.Bool(len(self.(*Queue).items) == 0), nil
	})
	noArgsMethod(QueueType, "full", func(self rt.Object) (rt.Object, *rt.BaseException) { return rt.Bool(self.(*Queue).full()), nil })
	noArgsMethod(QueueType, "task_done", func(self rt.Object) (rt.Object, *rt.BaseException) {
		q := self.(*Queue)
		if q.unfinished <= 0 {
			return nil, rt.Errorf(rt.ValueErrorType, "task_done() called too many times")
		}
		q.unfinished--
		if q.unfinished == 0 {
			q.finished.set()
		}
		return rt.None, nil
	})
	noArgsMethod(QueueType, "join", func(self rt.Object) (rt.Object, *rt.BaseException) {
		q := self.(*Queue)
		if q.unfinished > 0 {
			return q.finished.wait(), nil
		}
		return coro("join", func(rt.Object, *rt.BaseException) (*Future, rt.Object, *rt.BaseException) { return nil, rt.None, nil }), nil
	})
	privAttr(QueueType, "maxsize", func(o rt.Object) rt.Object { return o.(*Queue).maxsizeValue() }, nil)
	privAttrs()
	asyncWithAwaits() // once the methods it gives Await forms to exist
}

// privAttr exposes a field of a runtime object under the name of the
// attribute that CPython's pure-Python class keeps it in, as a property:
// read with get and, when set is not nil, rebound with set (a property
// without a setter refuses assignment as CPython's read-only properties
// do). Only attribute lookups reach these: the methods read the fields.
func privAttr(t *rt.Type, name string, get func(self rt.Object) rt.Object, set func(self, v rt.Object) *rt.BaseException) {
	p := &rt.Property{Get: &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return get(args[0]), nil
	}}, Set: rt.None, Del: rt.None}
	if set != nil {
		p.Set = &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.None, set(args[0], args[1])
		}}
	}
	t.Dict.SetStr(name, p)
}

// intAttr converts a value assigned to a counter (Semaphore._value,
// Queue._maxsize …). CPython stores any object there and fails later, in
// the comparisons that read it; these fields are Go ints, so anything but
// an int (or a bool) is refused at the assignment.
func intAttr(t *rt.Type, name string, v rt.Object) (int, *rt.BaseException) {
	if n, ok := rt.AsInt(v); ok {
		return int(n), nil
	}
	return 0, rt.Errorf(rt.TypeErrorType, "%s.%s must be an int here, not '%s'", t.Name, name, typeName(v))
}

// privAttrs exposes the private attributes of locks.py's and queues.py's
// classes that programs read to peek at a primitive's state.
func privAttrs() {
	privAttr(SemaphoreType, "_value", func(o rt.Object) rt.Object {
		s := o.(*Semaphore)
		if s.asBool {
			return rt.Bool(s.value != 0)
		}
		return rt.Int(s.value)
	}, func(o, v rt.Object) *rt.BaseException {
		n, exc := intAttr(o.Type(), "_value", v)
		if exc == nil {
			s := o.(*Semaphore)
			_, isBool := v.(rt.Bool)
			s.value, s.asBool = n, isBool
		}
		return exc
	})
	privAttr(BoundedSemaphoreType, "_bound_value", func(o rt.Object) rt.Object { return rt.Int(o.(*Semaphore).bound) },
		func(o, v rt.Object) *rt.BaseException {
			n, exc := intAttr(o.Type(), "_bound_value", v)
			if exc == nil {
				o.(*Semaphore).bound = max(n, 0) // bound < 0 means unbounded
			}
			return exc
		})
	boolPrivAttr(LockType, "_locked", func(o rt.Object) *bool { return &o.(*Lock).locked })
	boolPrivAttr(EventType, "_value", func(o rt.Object) *bool { return &o.(*Event).value })
	privAttr(ConditionType, "_lock", func(o rt.Object) rt.Object { return o.(*Condition).lock }, nil)
	// A future's _asyncio_future_blocking (Task's too, by inheritance):
	// True while a task is suspended on it.
	boolPrivAttr(FutureType, "_asyncio_future_blocking", func(o rt.Object) *bool { return &futureOf(o).blocking })
	privAttr(QueueType, "_maxsize", func(o rt.Object) rt.Object { return o.(*Queue).maxsizeValue() },
		func(o, v rt.Object) *rt.BaseException { return o.(*Queue).setMaxsize(v) })
	intPrivAttr(QueueType, "_unfinished_tasks", func(o rt.Object) *int { return &o.(*Queue).unfinished })
}

// intPrivAttr is privAttr for a counter: the int field that field gives.
func intPrivAttr(t *rt.Type, name string, field func(o rt.Object) *int) {
	privAttr(t, name, func(o rt.Object) rt.Object { return rt.Int(*field(o)) },
		func(o, v rt.Object) *rt.BaseException {
			n, exc := intAttr(o.Type(), name, v)
			if exc == nil {
				*field(o) = n
			}
			return exc
		})
}

// boolPrivAttr is privAttr for a flag: the bool field that field gives.
// CPython keeps the object assigned, whose truth is all its methods test;
// here the flag keeps the truth, and reads give a bool.
func boolPrivAttr(t *rt.Type, name string, field func(o rt.Object) *bool) {
	privAttr(t, name, func(o rt.Object) rt.Object { return rt.Bool(*field(o)) },
		func(o, v rt.Object) *rt.BaseException {
			b, exc := rt.Truth(v)
			if exc == nil {
				*field(o) = b
			}
			return exc
		})
}

// registerSync adds the synchronization primitives and queues to the module.
func registerSync(m *rt.Module) {
	for name, t := range map[string]*rt.Type{"Lock": LockType, "Event": EventType, "Semaphore": SemaphoreType,
		"BoundedSemaphore": BoundedSemaphoreType, "Condition": ConditionType, "Queue": QueueType,
		"PriorityQueue": PriorityQueueType, "LifoQueue": LifoQueueType, "QueueEmpty": QueueEmptyType, "QueueFull": QueueFullType,
		"Barrier": BarrierType, "BrokenBarrierError": BrokenBarrierErrorType} {
		m.Dict.SetStr(name, t)
	}
	m.Dict.SetStr("FIRST_COMPLETED", rt.Str("FIRST_COMPLETED"))
	m.Dict.SetStr("FIRST_EXCEPTION", rt.Str("FIRST_EXCEPTION"))
	m.Dict.SetStr("ALL_COMPLETED", rt.Str("ALL_COMPLETED"))
	builtin(m, "wait", asyncioWait)
	builtin(m, "as_completed", asyncioAsCompleted)
	builtin(m, "shield", asyncioShield)
}

func asyncioWait(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	l, exc := needLoop()
	if exc != nil {
		return nil, exc
	}
	fsArg, _ := kwOrArg(args, kw, 0, "fs")
	if fsArg == nil || futureOf(fsArg) != nil {
		return nil, rt.Errorf(rt.TypeErrorType, "expect a list of futures, not %s", typeName(fsArg))
	}
	returnWhen := "ALL_COMPLETED"
	if v, ok := kwOrArg(nil, kw, 0, "return_when"); ok {
		s, _ := v.(rt.Str)
		returnWhen = string(s)
	}
	timeout, hasTimeout := kwOrArg(nil, kw, 0, "timeout")
	items, err := iterate(fsArg)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, rt.Errorf(rt.ValueErrorType, "Set of Tasks/Futures is empty.")
	}
	var fs []*Future
	var objs []rt.Object
	seen := map[*Future]bool{}
	for _, it := range items {
		f := futureOf(it)
		if f == nil {
			return nil, rt.Errorf(rt.TypeErrorType, "Passing coroutines is forbidden, use tasks explicitly.")
		}
		if !seen[f] {
			seen[f] = true
			fs = append(fs, f)
			objs = append(objs, it)
		}
	}
	var waiter *Future
	var handle *Handle
	var entries []*doneCallback
	return coro("wait", func(res rt.Object, exc *rt.BaseException) (*Future, rt.Object, *rt.BaseException) {
		if waiter == nil {
			if exc != nil {
				return nil, nil, exc
			}
			waiter = NewFuture(l)
			if hasTimeout && timeout != rt.None {
				d, _ := toFloat(timeout)
				handle = l.CallLater(d, func() {
					if !waiter.Done() {
						waiter.SetResult(rt.None)
					}
				})
			}
			counter := len(fs)
			for _, f := range fs {
				entries = append(entries, f.AddDoneCallback(func(f *Future) {
					counter--
					if counter <= 0 || returnWhen == "FIRST_COMPLETED" || returnWhen == "FIRST_EXCEPTION" && !f.Cancelled() && f.retrievedExc() != nil {
						if handle != nil {
							handle.Cancel()
						}
						if !waiter.Done() {
							waiter.SetResult(rt.None)
						}
					}
				}))
			}
			return waiter, nil, nil
		}
		if handle != nil {
			handle.Cancel()
		}
		for i, f := range fs {
			e := entries[i]
			f.RemoveDoneCallback(func(cb *doneCallback) bool { return cb == e })
		}
		if exc != nil {
			return nil, nil, exc
		}
		var done, pending []rt.Object
		for i, f := range fs {
			if f.Done() {
				done = append(done, objs[i])
			} else {
				pending = append(pending, objs[i])
			}
		}
		d, err := rt.NewSet(done...)
		if err != nil {
			return nil, nil, err
		}
		p, err := rt.NewSet(pending...)
		if err != nil {
			return nil, nil, err
		}
		return nil, rt.NewTuple(d, p), nil
	}), nil
}

func typeName(o rt.Object) string {
	if o == nil {
		return "NoneType"
	}
	return o.Type().Name
}

func toFloat(o rt.Object) (float64, bool) {
	switch v := o.(type) {
	case rt.Int:
		return float64(v), true
	case rt.Float:
		return float64(v), true
	}
	return 0, false
}

func iterate(o rt.Object) ([]rt.Object, *rt.BaseException) {
	it, exc := rt.Iter(o)
	if exc != nil {
		return nil, exc
	}
	var out []rt.Object
	for {
		v, ok, exc := rt.Next(it)
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return out, nil
		}
		out = append(out, v)
	}
}

func asyncioAsCompleted(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	l, exc := needLoop()
	if exc != nil {
		return nil, exc
	}
	items, exc := iterate(args[0])
	if exc != nil {
		return nil, exc
	}
	var todo []*Future
	seen := map[*Future]bool{}
	for _, it := range items {
		f, exc := ensureFuture(l, it)
		if exc != nil {
			return nil, exc
		}
		if !seen[f] {
			seen[f] = true
			todo = append(todo, f)
		}
	}
	done := &Queue{class: QueueType, finished: &Event{value: true}}
	remaining := len(todo)
	var handle *Handle
	for _, f := range todo {
		f.AddDoneCallback(func(f *Future) {
			if remaining == 0 {
				return
			}
			remaining--
			done.putNowait(f.object())
			if remaining == 0 && handle != nil {
				handle.Cancel()
			}
		})
	}
	if t, ok := kwOrArg(nil, kw, 0, "timeout"); ok && t != rt.None && len(todo) > 0 {
		d, _ := toFloat(t)
		handle = l.CallLater(d, func() {
			for _, f := range todo {
				_ = f
			}
			for i := 0; i < remaining; i++ {
				done.putNowait(rt.None)
			}
			remaining = 0
		})
	}
	var coros []rt.Object
	for range todo {
		var get rt.Resumable
		coros = append(coros, rt.NewCoroutine(&rt.Function{Name: "_wait_for_one", Qualname: "as_completed.<locals>._wait_for_one"}, resumableFunc(func(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
			if get == nil {
				get = done.get().(rt.Resumable)
				sent = rt.None
			}
			v, fin, exc := get.Resume(sent, thrown)
			if !fin || exc != nil {
				return v, fin, exc
			}
			if v == rt.None {
				return nil, true, rt.NewException(rt.TimeoutErrorType)
			}
			r, exc := futureOf(v).Result()
			return r, true, exc
		})))
	}
	return rt.NewList(coros...), nil
}

func asyncioShield(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	l, exc := needLoop()
	if exc != nil {
		return nil, exc
	}
	inner, exc := ensureFuture(l, args[0])
	if exc != nil {
		return nil, exc
	}
	if inner.Done() {
		return inner.object(), nil
	}
	outer := NewFuture(l)
	cb := inner.AddDoneCallback(func(inner *Future) {
		if outer.Cancelled() {
			return
		}
		switch {
		case inner.Cancelled():
			outer.Cancel(rt.None)
		case inner.retrievedExc() != nil:
			outer.SetException(inner.exc())
		default:
			outer.SetResult(inner.result)
		}
	})
	outer.AddDoneCallback(func(*Future) {
		if !inner.Done() {
			inner.RemoveDoneCallback(func(c *doneCallback) bool { return c == cb })
		}
	})
	return outer, nil
}
