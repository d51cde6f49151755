package aio

import (
	"math"
	"strconv"
	"unsafe"

	rt "github.com/async2go/async2go/rtlib"
)

type futState uint8

const (
	pending futState = iota
	finished
	failed // finished with an exception (kept in result)
	cancelledState
)

// Bits of Future.kind.
const (
	kindTask       uint8 = 1 << iota // the future is the Future of a Task
	kindCbTask                       // cb0 is a *Task to wake up, not a *doneCallback
	kindGatherMark                   // seen by the gather call being set up (arg_to_fut)
	kindWaitSleep                    // a Task's wait is the *timer of asyncio.sleep, not a *Future
	kindExtra                        // cb is the *futureExtra, which holds the first callback
	kindWaitDone                     // a done Task's wait is its first done callback, scheduled (tagTaskDone)
	kindWaitParked                   // a Task's wait is the *parked waiter of a lock, semaphore, event or condition, not a *Future
	kindLogTB                        // failed, and nothing has retrieved the exception yet (_log_traceback)
)

// Future is asyncio.Future. It is kept small (40 bytes) because every
// task embeds one: a million sleeping tasks carry a million of them.
type Future struct {
	loop     *Loop
	state    futState
	blocking bool
	// mustCancel is Task._must_cancel, kept here in the padding of a
	// task's Future, like tnum.
	mustCancel bool
	kind       uint8
	// tnum is the N of a task's default name Task-N; a task made after
	// 2^32 others keeps its whole number in its extra state (bigNum).
	tnum uint32
	// result is the result, or the exception (*rt.BaseException) when
	// state is failed.
	result rt.Object
	// cb is the first done callback, kept inline (no allocation for one
	// waiter): a *Task whose wakeup it is (kind&kindCbTask) or a
	// *doneCallback; the others are in the extra state's callbacks. Once
	// the rarely needed state exists (kind&kindExtra), cb points to it
	// and it holds the first callback (futureExtra.cb0): one word serves
	// both, which keeps a Task at 80 bytes.
	cb unsafe.Pointer
}

// futureExtra holds the state of a future that only cancellation, gather,
// several done callbacks or a task name need, to keep the common future
// small.
type futureExtra struct {
	cb0       unsafe.Pointer // the first done callback (Future.cb)
	cancelMsg rt.Object
	// cancelledExc is the CancelledError a task's coroutine ended with;
	// result() re-raises it (futures.py _make_cancelled_error).
	cancelledExc *rt.BaseException
	// cancelHook overrides Cancel (gather's outer future cancels its children).
	cancelHook func(msg rt.Object) bool
	callbacks  []cbEntry // done callbacks after cb0
	name       string    // a task's name given by name= or set_name
	named      bool
	// ctx is a task's contextvars context, copied when the task is created
	// once a ContextVar exists (nil until then: no copy, no allocation).
	ctx *rt.Context
	// numCancelReqs is Task._num_cancels_requested (cancelling()).
	numCancelReqs int
	bigNum        uint64 // a task's number beyond 2^32-1 (tnum is 0 then)
}

// ext is the future's extra state, nil if it has none yet.
func (f *Future) ext() *futureExtra {
	if f.kind&kindExtra == 0 {
		return nil
	}
	return (*futureExtra)(f.cb)
}

// extra is the future's extra state, made if needed.
func (f *Future) extra() *futureExtra {
	if x := f.ext(); x != nil {
		return x
	}
	x := &futureExtra{cb0: f.cb}
	f.cb = unsafe.Pointer(x)
	f.kind |= kindExtra
	return x
}

// cb0 is the first done callback (nil if none).
func (f *Future) cb0() unsafe.Pointer {
	if x := f.ext(); x != nil {
		return x.cb0
	}
	return f.cb
}

// setCb0 sets the first done callback.
func (f *Future) setCb0(p unsafe.Pointer) {
	if x := f.ext(); x != nil {
		x.cb0 = p
		return
	}
	f.cb = p
}

// cancelReqs is Task._num_cancels_requested.
func (f *Future) cancelReqs() int {
	if x := f.ext(); x != nil {
		return x.numCancelReqs
	}
	return 0
}

// retrievedExc is exc as Future.exception() gives it to asyncio's own
// callers (gather, wait, shield, TaskGroup): the exception counts as
// retrieved.
func (f *Future) retrievedExc() *rt.BaseException {
	f.kind &^= kindLogTB
	return f.exc()
}

// exc is the exception the future finished with (nil if none).
func (f *Future) exc() *rt.BaseException {
	if f.state != failed {
		return nil
	}
	return f.result.(*rt.BaseException)
}

// task is the Task this future is the Future of, if any.
func (f *Future) task() *Task {
	if f.kind&kindTask == 0 {
		return nil
	}
	return (*Task)(unsafe.Pointer(f)) // Future is Task's first field
}

// getCancelMsg is the message of a cancellation request (nil if none).
func (f *Future) getCancelMsg() rt.Object {
	x := f.ext()
	if x == nil {
		return nil
	}
	return x.cancelMsg
}

func (f *Future) setCancelMsg(msg rt.Object) {
	if f.ext() == nil && (msg == nil || msg == rt.None) {
		return
	}
	f.extra().cancelMsg = msg
}

func (f *Future) getCancelledExc() *rt.BaseException {
	x := f.ext()
	if x == nil {
		return nil
	}
	return x.cancelledExc
}

func (f *Future) getCancelHook() func(msg rt.Object) bool {
	x := f.ext()
	if x == nil {
		return nil
	}
	return x.cancelHook
}

// NewFuture makes a pending future on loop.
func NewFuture(loop *Loop) *Future {
	f := &Future{loop: loop}
	return f
}

// Done reports whether the future has a result, an exception or was cancelled.
func (f *Future) Done() bool { return f.state != pending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == cancelledState }

func (f *Future) cancelledError() *rt.BaseException {
	if exc := f.getCancelledExc(); exc != nil {
		return exc
	}
	return newCancelledError(f.getCancelMsg())
}

// newCancelledError is CancelledError(msg), or CancelledError() when msg
// is None.
func newCancelledError(msg rt.Object) *rt.BaseException {
	if msg != nil && msg != rt.None {
		return rt.NewException(CancelledErrorType, msg)
	}
	return rt.NewException(CancelledErrorType)
}

// Result returns the result or raises the exception.
func (f *Future) Result() (rt.Object, *rt.BaseException) {
	switch f.state {
	case cancelledState:
		return nil, f.cancelledError()
	case pending:
		return nil, rt.Errorf(InvalidStateErrorType, "Result is not set.")
	case failed:
		f.kind &^= kindLogTB
		return nil, f.exc()
	}
	return f.result, nil
}

// Exception returns the exception (nil if none).
func (f *Future) Exception() (rt.Object, *rt.BaseException) {
	switch f.state {
	case cancelledState:
		return nil, f.cancelledError()
	case pending:
		return nil, rt.Errorf(InvalidStateErrorType, "Exception is not set.")
	case failed:
		f.kind &^= kindLogTB
		return f.result, nil
	}
	return rt.None, nil
}

// doneCallback is a registered done callback; py is the Python callable
// for callbacks added from Python (remove_done_callback compares it).
type doneCallback struct {
	fn func(*Future)
	py rt.Object
	// now, if set, is asked as the future becomes done whether the
	// callback's work can be done at once instead of in a turn of the
	// ready queue, and does it if so (gather's bookkeeping of a child
	// that finished with a result: nothing observable, Future.schedule).
	now func(*Future) bool
}

// cbEntry is one entry of a future's callback list: a general callback, or
// (with no allocation beyond the list) the wakeup of a task awaiting it.
type cbEntry struct {
	p *doneCallback
	t *Task
}

// AddDoneCallback registers fn; it is scheduled with CallSoon when the
// future is (or becomes) done.
func (f *Future) AddDoneCallback(fn func(*Future)) *doneCallback {
	cb := &doneCallback{fn: fn}
	if f.Done() {
		f.loop.scheduleDone(cb, f)
		return cb
	}
	f.addCallback(cbEntry{p: cb})
	return cb
}

// first is the first done callback as a list entry.
func (f *Future) first() cbEntry {
	if f.kind&kindCbTask != 0 {
		return cbEntry{t: (*Task)(f.cb0())}
	}
	return cbEntry{p: (*doneCallback)(f.cb0())}
}

// setFirst makes e the first done callback.
func (f *Future) setFirst(e cbEntry) {
	if e.t != nil {
		f.setCb0(unsafe.Pointer(e.t))
		f.kind |= kindCbTask
	} else {
		f.setCb0(unsafe.Pointer(e.p))
		f.kind &^= kindCbTask
	}
}

// RemoveDoneCallback unregisters callbacks for which match is true and
// reports how many it removed.
func (f *Future) RemoveDoneCallback(match func(*doneCallback) bool) int {
	all := f.callbackList()
	if len(all) == 0 {
		return 0
	}
	var kept []cbEntry
	n := 0
	for _, cb := range all {
		if cb.p != nil && match(cb.p) {
			n++
			continue
		}
		kept = append(kept, cb)
	}
	f.setCb0(nil)
	if x := f.ext(); x != nil {
		x.callbacks = nil
	}
	if len(kept) > 0 {
		f.setFirst(kept[0])
		if rest := kept[1:]; len(rest) > 0 {
			f.extra().callbacks = rest
		}
	}
	return n
}

func (f *Future) scheduleCallbacks() {
	if f.kind&(kindExtra|kindCbTask) == kindCbTask && f.cb != nil {
		// One callback, the wakeup of the task that awaits f (a future
		// awaited by one task: the common case).
		t := (*Task)(f.cb)
		f.cb = nil
		if f.state == finished { // f.loop.scheduleWakeup(t, f), inlined
			f.loop.ready.pushWord(unsafe.Add(unsafe.Pointer(t), tagStep))
			f.loop.ready.n++
		} else {
			f.loop.scheduleWakeup(t, f)
		}
		return
	}
	if f.cb0() == nil {
		return
	}
	first := f.first()
	f.setCb0(nil)
	if first.p != nil && first.p.now != nil && first.p.now(f) {
		// done already
	} else if t := f.task(); t != nil && first.p != nil && t.wait == nil {
		// A done task waits on nothing: its wait holds the callback, and
		// the queue one word (tagTaskDone) instead of two (gather's
		// children: a million tasks finishing at once).
		t.wait = unsafe.Pointer(first.p)
		t.kind |= kindWaitDone
		f.loop.ready.pushWord(unsafe.Add(unsafe.Pointer(t), tagTaskDone))
		f.loop.ready.n++
	} else {
		f.schedule(first)
	}
	if x := f.ext(); x != nil && len(x.callbacks) > 0 {
		cbs := x.callbacks
		x.callbacks = nil
		for _, cb := range cbs {
			f.schedule(cb)
		}
	}
}

// addCallback appends a done callback.
func (f *Future) addCallback(e cbEntry) {
	if f.cb0() == nil {
		f.setFirst(e)
		return
	}
	x := f.extra()
	x.callbacks = append(x.callbacks, e)
}

// schedule puts one done callback in the ready queue.
func (f *Future) schedule(cb cbEntry) {
	switch {
	case cb.t != nil:
		f.loop.scheduleWakeup(cb.t, f)
	case cb.p.now != nil && cb.p.now(f):
		// done already
	default:
		f.loop.scheduleDone(cb.p, f)
	}
}

// SetResult completes the future.
func (f *Future) SetResult(v rt.Object) *rt.BaseException {
	if f.Done() {
		return rt.Errorf(InvalidStateErrorType, "invalid state")
	}
	f.result, f.state = v, finished
	f.scheduleCallbacks()
	return nil
}

// SetException completes the future with an exception.
func (f *Future) SetException(exc *rt.BaseException) *rt.BaseException {
	if f.Done() {
		return rt.Errorf(InvalidStateErrorType, "invalid state")
	}
	if exc.Class.IsSubtype(rt.StopIterationType) {
		exc = rt.Errorf(rt.RuntimeErrorType, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.result, f.state = exc, failed
	f.kind |= kindLogTB
	if f.loop != nil {
		f.loop.noteFailed(f)
	}
	f.scheduleCallbacks()
	return nil
}

// Cancel cancels a pending future.
func (f *Future) Cancel(msg rt.Object) bool {
	if f.Done() {
		return false
	}
	f.state = cancelledState
	f.setCancelMsg(msg)
	f.scheduleCallbacks()
	return true
}

// Resume implements rt.Resumable: awaiting a future (Future.__await__).
func (f *Future) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	if !f.Done() {
		f.blocking = true
		return f.object(), false, nil
	}
	v, exc := f.Result()
	return v, true, exc
}

// Type returns asyncio.Future.
func (f *Future) Type() *rt.Type { return FutureType }

// Task is asyncio.Task: 64 bytes (a size class of Go's allocator), its
// Future included: a million tasks carry a million of them.
type Task struct {
	Future
	coro *rt.Coroutine
	// wait is what the task waits on (_fut_waiter), nil if nothing: the
	// *Future it awaits, or (kindWaitSleep) the *timer it is parked on by
	// asyncio.sleep in place of a future. It stays set until the task's
	// next step (repr shows it as wait_for=).
	wait unsafe.Pointer
	// idx is the task's index in its loop's table of tasks (Loop.tasks)
	// while it is not done.
	idx int
}

// waiter is the future the task awaits (nil if none, or parked in a sleep
// or on a waiter of a synchronization primitive).
func (t *Task) waiter() *Future {
	if t.kind&(kindWaitSleep|kindWaitDone|kindWaitParked) != 0 {
		return nil
	}
	return (*Future)(t.wait)
}

// parkedOn is the waiter of a lock, semaphore, event or condition the
// task is parked on, if any.
func (t *Task) parkedOn() *parked {
	if t.kind&kindWaitParked == 0 {
		return nil
	}
	return (*parked)(t.wait)
}

// sleepTimer is the timer the task is parked on by asyncio.sleep, if any.
func (t *Task) sleepTimer() *timer {
	if t.kind&kindWaitSleep == 0 {
		return nil
	}
	return (*timer)(t.wait)
}

// setWait makes the task wait on the future w (nil: on nothing).
func (t *Task) setWait(w *Future) {
	t.wait = unsafe.Pointer(w)
	t.kind &^= kindWaitSleep | kindWaitDone | kindWaitParked
}

// setSleep parks the task on the timer of asyncio.sleep.
func (t *Task) setSleep(tm *timer) {
	t.wait = unsafe.Pointer(tm)
	t.kind |= kindWaitSleep
}

var taskCounter uint64

// NewTask wraps a coroutine in a task and schedules its first step.
func NewTask(loop *Loop, coro rt.Object, name rt.Object) (*Task, *rt.BaseException) {
	r, ok := coro.(*rt.Coroutine)
	if !ok {
		rep, _ := rt.Repr(coro)
		return nil, rt.Errorf(rt.TypeErrorType, "a coroutine was expected, got %s", rep)
	}
	taskCounter++
	t := taskFor(r)
	t.loop = loop
	t.kind = kindTask
	if taskCounter <= math.MaxUint32 {
		t.tnum = uint32(taskCounter)
	} else {
		t.extra().bigNum = taskCounter
	}
	if name != nil && !rt.IsNone(name) {
		s, exc := rt.ToStr(name)
		if exc != nil {
			return nil, exc
		}
		t.setName(string(s))
	}
	if rt.ContextVarsInUse() {
		t.extra().ctx = rt.CopyContext()
	}
	loop.addTask(t)
	loop.scheduleStep(t, nil)
	return t, nil
}

// taskFor returns a new task for the coroutine r: made in the room in
// front of r where r has that room free (rt.TaskSlot: one allocation for
// both; a second task of the same coroutine is its own), else allocated.
func taskFor(r *rt.Coroutine) *Task {
	if s := r.TaskSlot(); s != nil {
		if t := (*Task)(unsafe.Pointer(s)); t.coro == nil {
			t.coro = r
			return t
		}
	}
	return &Task{coro: r}
}

// A Task is made in an rt.TaskSlot: the two have the same size (these
// constants fail to compile otherwise), and the same pointer words
// (TestTaskSlotLayout).
const (
	_ = unsafe.Sizeof(Task{}) - unsafe.Sizeof(rt.TaskSlot{})
	_ = unsafe.Sizeof(rt.TaskSlot{}) - unsafe.Sizeof(Task{})
)

// setName is set_name (and create_task's name=).
func (t *Task) setName(s string) {
	x := t.extra()
	x.name, x.named = s, true
}

// Type returns asyncio.Task.
func (t *Task) Type() *rt.Type { return TaskType }

// Resume awaits the task.
func (t *Task) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	if !t.Done() {
		t.blocking = true
		return t, false, nil
	}
	v, exc := t.Result()
	return v, true, exc
}

// Cancel requests cancellation (Task.cancel).
func (t *Task) Cancel(msg rt.Object) bool {
	if t.Done() {
		return false
	}
	t.extra().numCancelReqs++
	if tm := t.sleepTimer(); tm != nil && !tm.has(tmCancelled|tmFired) {
		// Cancelling the sleep's future: its wakeup is scheduled now.
		t.cancelSleep(msg)
		return true
	}
	if p := t.parkedOn(); p != nil && p.state == swPending {
		t.cancelParked(p, msg)
		return true
	}
	if w := t.waiter(); w != nil && cancelFuture(w, msg) {
		// Leave the waiter: it may be a task that ignores the cancellation.
		return true
	}
	t.mustCancel = true
	t.setCancelMsg(msg)
	return true
}

// cancelSleep is the cancellation of the future asyncio.sleep waits on:
// the timer will not wake the task; the task's wakeup, which raises
// CancelledError(msg) into it, is scheduled instead.
func (t *Task) cancelSleep(msg rt.Object) {
	t.sleepTimer().cancel(t.loop) // the wait stays, as _fut_waiter does, until the step
	t.loop.scheduleStep(t, newCancelledError(msg))
}

// cancelParked is the cancellation of the future of an acquire or wait
// (locks.py), which the task waits on as the parked waiter p: p is
// cancelled (it stays among the waiters until the task's step, as the
// future does), and the task's wakeup, which raises CancelledError(msg)
// into it, is scheduled.
func (t *Task) cancelParked(p *parked, msg rt.Object) {
	p.state = swCancelled
	t.loop.scheduleStep(t, newCancelledError(msg))
}

// cancelFuture cancels f, through Task.Cancel when f is a task's future.
func cancelFuture(f *Future, msg rt.Object) bool {
	if h := f.getCancelHook(); h != nil {
		return h(msg)
	}
	if t := f.task(); t != nil {
		return t.Cancel(msg)
	}
	return f.Cancel(msg)
}

func (t *Task) step(exc *rt.BaseException) {
	if t.Done() {
		return
	}
	if t.mustCancel {
		if exc == nil || !exc.Class.IsSubtype(CancelledErrorType) {
			exc = t.cancelledError()
		}
		t.mustCancel = false
	}
	if t.wait != nil {
		t.setWait(nil)
	}
	l := t.loop
	prev := l.current
	l.current = t
	var prevCtx *rt.Context
	if t.kind&kindExtra != 0 {
		if x := t.ext(); x.ctx != nil {
			prevCtx = rt.EnterContext(x.ctx)
		}
	}
	var v rt.Object
	var done bool
	var err *rt.BaseException
	if c := t.coro; c.Enter() {
		v, done, err = c.Body().Resume(rt.None, exc)
		c.Leave(done)
	} else {
		v, done, err = c.Resume(rt.None, exc)
	}
	if prevCtx != nil {
		rt.ExitContext(prevCtx)
	}
	l.current = prev
	if _, bare := v.(rt.NoneType); bare && !done { // a bare yield: sleep(0)
		// l.scheduleNext(t), which is a little over the inlining budget.
		l.ready.pushWord(unsafe.Add(unsafe.Pointer(t), tagStep))
		l.ready.n++
		return
	}
	t.stepped(v, done, err)
}

// plain says whether the task's next step only resumes its coroutine
// (after forgetting what it waited on): not done, no cancellation
// pending, and no context of its own to enter (runOnce steps such a task
// itself).
func (t *Task) plain() bool {
	// One load for state, mustCancel and kind (plainMask).
	return *(*uint32)(unsafe.Pointer(&t.state))&plainMask == 0
}

// plainMask selects, in the four bytes of a Future from its state on
// (state, blocking, mustCancel, kind: TestFutureFlagsWord pins them
// together, and checks the mask on a little-endian machine), the bits that
// make a task's step more than a resume: a state other than pending, a
// cancellation pending, the extra record. A constant, so that the test is
// one instruction.
const plainMask = uint32(0xff) | 1<<16 | uint32(kindExtra)<<24

// stepped is the end of a step whose coroutine gave v, done and err, other
// than a bare yield: the task's result, or what it waits on next.
func (t *Task) stepped(v rt.Object, done bool, err *rt.BaseException) {
	l := t.loop
	if done && err != nil {
		err = rt.CoroutineRaised(err)
	}
	if done {
		l.removeTask(t)
		if err == nil {
			if t.mustCancel {
				t.mustCancel = false
				t.Future.Cancel(t.getCancelMsg())
			} else {
				t.Future.SetResult(v)
			}
		} else if err.Class.IsSubtype(CancelledErrorType) {
			t.extra().cancelledExc = err
			t.Future.Cancel(nil)
		} else {
			t.Future.SetException(err)
			if err.Class.IsSubtype(rt.SystemExitType) {
				// tasks.py re-raises these out of the loop.
				l.fatal = err
				l.Stop()
			}
		}
		return
	}
	switch w := v.(type) {
	case *sleepFrame:
		t.park(w)
	case *primWaiter:
		t.parkOn(&w.parked)
	case *condWaiter:
		t.parkOn(&w.parked)
	case *Task:
		t.await(&w.Future)
	case *Future:
		t.await(w)
	default:
		rep, _ := rt.Repr(v)
		bad := rt.Errorf(rt.RuntimeErrorType, "Task got bad yield: %s", rep)
		l.scheduleStep(t, bad)
	}
}

// park puts t to sleep on the timer of the asyncio.sleep frame s: what
// awaiting sleep's future, with the timer set to complete it, does in
// CPython, without the future, its callback and the handle.
func (t *Task) park(s *sleepFrame) {
	if s.phase() != sleepArmed || s.seq() != 0 {
		bad := rt.Errorf(rt.RuntimeErrorType, "Task got bad yield: <sleep timer>")
		t.loop.scheduleStep(t, bad)
		return
	}
	s.task = t
	t.loop.addTimer(&s.timer)
	t.setSleep(&s.timer)
	if t.mustCancel {
		t.mustCancel = false
		t.cancelSleep(t.getCancelMsg())
	}
}

// parkOn makes t wait on the waiter p of a lock, semaphore, event or
// condition, which has just joined its waiters: what awaiting the future
// of acquire or wait does, without the future and its done callback.
func (t *Task) parkOn(p *parked) {
	if p.state != swPending || p.t != nil {
		bad := rt.Errorf(rt.RuntimeErrorType, "Task got bad yield: <lock waiter>")
		t.loop.scheduleStep(t, bad)
		return
	}
	p.t = t
	t.wait = unsafe.Pointer(p)
	t.kind |= kindWaitParked
	if t.mustCancel {
		t.mustCancel = false
		t.cancelParked(p, t.getCancelMsg())
	}
}

func (t *Task) await(w *Future) {
	if !w.blocking {
		l := t.loop
		bad := rt.Errorf(rt.RuntimeErrorType, "yield was used instead of yield from in task %s with %s", t.Name(), "future")
		l.scheduleStep(t, bad)
		return
	}
	w.blocking = false
	if w == &t.Future {
		bad := rt.Errorf(rt.RuntimeErrorType, "Task cannot await on itself: %s", t.Name())
		t.loop.scheduleStep(t, bad)
		return
	}
	if w.state == pending && w.kind&kindExtra == 0 && w.cb == nil {
		// w.addWaiter(t) for a future with no callback yet, inlined.
		w.cb = unsafe.Pointer(t)
		w.kind |= kindCbTask
	} else {
		w.addWaiter(t)
	}
	t.setWait(w)
	if t.mustCancel && cancelFuture(w, t.getCancelMsg()) {
		t.mustCancel = false
	}
}

func (t *Task) wakeup(f *Future) {
	t.setWait(nil)
	if _, exc := f.Result(); exc != nil {
		t.step(exc)
		return
	}
	t.step(nil)
}

// addWaiter registers the wakeup of t as a done callback of f.
func (f *Future) addWaiter(t *Task) {
	if f.Done() {
		f.loop.scheduleWakeup(t, f)
		return
	}
	f.addCallback(cbEntry{t: t})
}

// Name is the task's name: the one given, or Task-N (formatted when asked).
func (t *Task) Name() string {
	if x := t.ext(); x != nil && x.named {
		return x.name
	}
	if x := t.ext(); x != nil && x.bigNum != 0 {
		return "Task-" + strconv.FormatUint(x.bigNum, 10)
	}
	return "Task-" + strconv.FormatUint(uint64(t.tnum), 10)
}

// object is the Python-visible object of f: its *Task if f is part of a
// task, else f.
func (f *Future) object() rt.Object {
	if t := f.task(); t != nil {
		return t
	}
	return f
}

// more is the list of done callbacks after the first.
func (f *Future) more() []cbEntry {
	x := f.ext()
	if x == nil {
		return nil
	}
	return x.callbacks
}
