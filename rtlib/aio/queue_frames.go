package aio

import rt "github.com/async2go/async2go/rtlib"

var (
	queueGetFn = &rt.Function{Name: "get", Qualname: "Queue.get", Module: "asyncio.queues", Kind: rt.CoroutineFunc}
	queuePutFn = &rt.Function{Name: "put", Qualname: "Queue.put", Module: "asyncio.queues", Kind: rt.CoroutineFunc}
)

// queueGetFrame is the coroutine body of Queue.get (queues.py): while the
// queue is empty, wait on a new getter future at the back of the getters;
// if the wait is interrupted, cancel and forget the getter and pass the
// wake-up on; then get_nowait. The getter future lives in the frame, so a
// blocking get costs the coroutine object and this frame.
type queueGetFrame struct {
	q       *Queue
	waiting bool
	getter  Future
}

func (s *queueGetFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
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
			return nil, true, exc
		}
	} else if thrown != nil {
		return nil, true, thrown
	}
	if len(q.items) == 0 {
		l, exc := needLoop()
		if exc != nil {
			return nil, true, exc
		}
		s.getter = Future{loop: l}
		q.getters = append(q.getters, &s.getter)
		s.waiting = true
		return s.getter.Resume(rt.None, nil)
	}
	v, exc := q.getNowait()
	return v, true, exc
}

// queuePutFrame is the coroutine body of Queue.put, the mirror image of
// queueGetFrame: while the queue is full, wait on a putter future.
type queuePutFrame struct {
	q       *Queue
	item    rt.Object
	waiting bool
	putter  Future
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
			return nil, true, exc
		}
	} else if thrown != nil {
		return nil, true, thrown
	}
	if q.full() {
		l, exc := needLoop()
		if exc != nil {
			return nil, true, exc
		}
		s.putter = Future{loop: l}
		q.putters = append(q.putters, &s.putter)
		s.waiting = true
		return s.putter.Resume(rt.None, nil)
	}
	return rt.None, true, q.putNowait(s.item)
}
