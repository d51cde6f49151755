package aio

import rt "github.com/async2go/async2go/rtlib"

var (
	queueGetFn = &rt.Function{Name: "get", Qualname: "Queue.get", Module: "asyncio.queues", Kind: rt.CoroutineFunc, Frames: rt.GoFramesOf((*queueGetFrame).Resume)}
	queuePutFn = &rt.Function{Name: "put", Qualname: "Queue.put", Module: "asyncio.queues", Kind: rt.CoroutineFunc, Frames: rt.GoFramesOf((*queuePutFrame).Resume)}
)

// maxFreeFrames bounds a queue's list of frames kept for reuse.
const maxFreeFrames = 8

// queueGetFrame is the coroutine body of Queue.get (queues.py): while the
// queue is empty, wait on a new getter future at the back of the getters;
// if the wait is interrupted, cancel and forget the getter and pass the
// wake-up on; then get_nowait. The getter future lives in the frame.
//
// `await q.get()` (rt.AwaitMethod) runs a frame without a coroutine object;
// nothing else can reach such a frame, so once it has finished it goes
// back to the queue's free list for the next one: a hand-off between
// existing tasks allocates nothing. q.get() as a value makes a coroutine
// object and its frame in one allocation (queueGetCoro).
type queueGetFrame struct {
	q       *Queue
	waiting bool
	pooled  bool
	getter  Future
}

type queueGetCoro struct {
	co rt.Coroutine
	f  queueGetFrame
}

func (q *Queue) get() rt.Object {
	c := &queueGetCoro{}
	c.f.q = q
	c.co.Init(queueGetFn, &c.f)
	return &c.co
}

// awaitGet is the frame for `await q.get()`, reused if one is free.
func (q *Queue) awaitGet() *queueGetFrame {
	if n := len(q.freeGets); n > 0 {
		s := q.freeGets[n-1]
		q.freeGets[n-1] = nil
		q.freeGets = q.freeGets[:n-1]
		return s
	}
	return &queueGetFrame{q: q, pooled: true}
}

// end finishes the frame: a pooled one is cleared and kept for reuse.
func (s *queueGetFrame) end(v rt.Object, exc *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if s.pooled {
		q := s.q
		s.getter = Future{}
		if len(q.freeGets) < maxFreeFrames {
			q.freeGets = append(q.freeGets, s)
		}
	}
	return v, true, exc
}

func (s *queueGetFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown == nil && (!s.waiting || s.getter.state == finished) {
		// Started, or woken: the getter has its result (getter.Resume
		// gives it, and no exception).
		s.waiting = false
		q := s.q
		if len(q.items) == 0 {
			return s.wait(q)
		}
		return s.end(q.getNowait())
	}
	return s.resumeSlow(sent, thrown)
}

// resumeSlow is Resume with an exception thrown in, or while the getter
// is pending or was cancelled.
func (s *queueGetFrame) resumeSlow(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	q := s.q
	if s.waiting {
		v, done, exc := s.getter.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		s.waiting = false
		if exc != nil {
			s.getter.Cancel(rt.None) // in case it is not done yet
			q.getters = removeFut(q.getters, &s.getter)
			if len(q.items) > 0 && !s.getter.Cancelled() {
				wakeupNext(&q.getters)
			}
			return s.end(nil, exc)
		}
	} else if thrown != nil {
		return s.end(nil, thrown)
	}
	if len(q.items) == 0 {
		return s.wait(q)
	}
	return s.end(q.getNowait())
}

// wait puts a new getter at the back of q's getters and suspends on it
// (`await getter`: the getter is pending, so the frame yields it).
func (s *queueGetFrame) wait(q *Queue) (rt.Object, bool, *rt.BaseException) {
	l, exc := needLoop()
	if exc != nil {
		return s.end(nil, exc)
	}
	s.getter = Future{loop: l, blocking: true}
	q.getters = append(q.getters, &s.getter)
	s.waiting = true
	return &s.getter, false, nil
}

// queuePutFrame is the coroutine body of Queue.put, the mirror image of
// queueGetFrame: while the queue is full, wait on a putter future.
type queuePutFrame struct {
	q       *Queue
	item    rt.Object
	waiting bool
	pooled  bool
	putter  Future
}

type queuePutCoro struct {
	co rt.Coroutine
	f  queuePutFrame
}

func (q *Queue) put(item rt.Object) rt.Object {
	c := &queuePutCoro{}
	c.f.q, c.f.item = q, item
	c.co.Init(queuePutFn, &c.f)
	return &c.co
}

// awaitPut is the frame for `await q.put(item)`, reused if one is free.
func (q *Queue) awaitPut(item rt.Object) *queuePutFrame {
	if n := len(q.freePuts); n > 0 {
		s := q.freePuts[n-1]
		q.freePuts[n-1] = nil
		q.freePuts = q.freePuts[:n-1]
		s.item = item
		return s
	}
	return &queuePutFrame{q: q, item: item, pooled: true}
}

func (s *queuePutFrame) end(exc *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if s.pooled {
		q := s.q
		s.item, s.putter = nil, Future{}
		if len(q.freePuts) < maxFreeFrames {
			q.freePuts = append(q.freePuts, s)
		}
	}
	if exc != nil {
		return nil, true, exc
	}
	return rt.None, true, nil
}

func (s *queuePutFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	q := s.q
	if s.waiting {
		v, done, exc := s.putter.Resume(sent, thrown)
		if !done {
			return v, false, nil
		}
		s.waiting = false
		if exc != nil {
			s.putter.Cancel(rt.None)
			q.putters = removeFut(q.putters, &s.putter)
			if !q.full() && !s.putter.Cancelled() {
				wakeupNext(&q.putters)
			}
			return s.end(exc)
		}
	} else if thrown != nil {
		return s.end(thrown)
	}
	if q.full() {
		l, exc := needLoop()
		if exc != nil {
			return s.end(exc)
		}
		s.putter = Future{loop: l}
		q.putters = append(q.putters, &s.putter)
		s.waiting = true
		return s.putter.Resume(rt.None, nil)
	}
	return s.end(q.putNowait(s.item))
}
