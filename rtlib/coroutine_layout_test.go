package rtlib

import (
	"testing"
	"unsafe"
)

// TestCoroutineLayout pins the coroutine object at one word (with a
// frame of up to 40 bytes and its task's room it fits the 112-byte size
// class) and checks that its state bits, kept in the low bits of the
// function pointer, leave the function intact.
func TestCoroutineLayout(t *testing.T) {
	if got := unsafe.Sizeof(Coroutine{}); got != 8 {
		t.Errorf("unsafe.Sizeof(Coroutine{}) = %d, want 8", got)
	}
	fn := &Function{Name: "f", Qualname: "f"}
	c := NewCoroutine(fn, &countdown{n: 1})
	c.SetMarked(true)
	if !c.Marked() || c.Func() != fn || c.Running() || c.Done() {
		t.Fatalf("after SetMarked(true): marked %v func %p running %v done %v", c.Marked(), c.Func(), c.Running(), c.Done())
	}
	if _, done, _ := c.Resume(None, nil); done || c.state() != coSuspended || !c.Marked() {
		t.Fatalf("after the first step: done %v state %d marked %v", done, c.state(), c.Marked())
	}
	c.SetMarked(false)
	if _, done, _ := c.Resume(None, nil); !done || !c.Done() || c.Marked() || c.Func() != fn {
		t.Fatalf("after the last step: done %v/%v marked %v func %p", done, c.Done(), c.Marked(), c.Func())
	}
	if NewCoroutine(nil, &countdown{}).Func() != nil {
		t.Errorf("a coroutine made without a function has one")
	}
}

// inlineCountdown is a coroutine and its frame in one allocation, as
// generated code makes them.
type inlineCountdown struct {
	c Coroutine
	f countdown
}

// TestCoroutineInlineBody checks that a coroutine made by Init finds its
// frame again (Body), through its function's method table; that
// NewCoroutine's coroutines run the body they were given; and that Init
// and NewCoroutine refuse a frame of another type than the function's.
func TestCoroutineInlineBody(t *testing.T) {
	fn := &Function{Name: "f", Qualname: "f", Frames: GoFramesOf((*countdown).Resume)}
	var cs [3]*inlineCountdown
	for i := range cs {
		cs[i] = &inlineCountdown{f: countdown{n: i}}
		cs[i].c.Init(fn, &cs[i].f)
	}
	for i, ic := range cs {
		if b, ok := ic.c.Body().(*countdown); !ok || b != &ic.f {
			t.Fatalf("coroutine %d: Body() = %#v, want its own frame %p", i, ic.c.Body(), &ic.f)
		}
		steps := 0
		for {
			_, done, exc := ic.c.Resume(None, nil)
			if exc != nil {
				t.Fatal(exc)
			}
			steps++
			if done {
				break
			}
		}
		if steps != i+1 || ic.f.n != 0 || ic.c.Func() != fn {
			t.Errorf("coroutine %d: %d steps, n %d, func %p", i, steps, ic.f.n, ic.c.Func())
		}
	}
	// The event loop's way in: Enter, the Steppers' call (the frame
	// type's Resume as a function of the frame's address), Leave.
	rf := &inlineCountdown{f: countdown{n: 2}}
	rf.c.Init(fn, &rf.f)
	for steps := 1; ; steps++ {
		if !rf.c.Enter() {
			t.Fatalf("Steppers step %d: Enter refused", steps)
		}
		_, done, exc := stepOf(&rf.c)
		rf.c.Leave(done)
		if exc != nil || rf.f.n != max(2-steps, 0) || steps > 3 {
			t.Fatalf("Steppers step %d: exc %v, n %d", steps, exc, rf.f.n)
		}
		if done {
			if steps != 3 || !rf.c.Done() {
				t.Errorf("Steppers: done after %d steps (want 3), Done() %v", steps, rf.c.Done())
			}
			break
		}
	}
	boxed := &countdown{n: 2}
	g := &Function{Name: "g", Qualname: "g"}
	c := NewCoroutine(g, boxed)
	if !c.Enter() {
		t.Fatal("NewCoroutine's coroutine: Enter refused")
	}
	_, done, _ := stepOf(c)
	c.Leave(done)
	if done || boxed.n != 1 {
		t.Errorf("NewCoroutine's step by its Steppers: done %v, n %d", done, boxed.n)
	}
	boxed.n = 2
	if b, ok := c.frame().(*countdown); !ok || b != boxed {
		t.Errorf("NewCoroutine's frame() = %#v, want %p", c.frame(), boxed)
	}
	if _, done, _ := c.Resume(None, nil); done || boxed.n != 1 {
		t.Errorf("NewCoroutine's first step: done %v, n %d", done, boxed.n)
	}
	if c2 := NewCoroutine(g, &countdown{}); c2.Func() != g {
		t.Errorf("a second coroutine of g has function %p", c2.Func())
	}
	mustPanic := func(what string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s did not panic", what)
			}
		}()
		f()
	}
	mustPanic("Init of a function without Frames", func() {
		ic := &inlineCountdown{}
		ic.c.Init(&Function{}, &ic.f)
	})
	mustPanic("NewCoroutine of a function Init made coroutines of", func() { NewCoroutine(fn, &countdown{}) })
	other := &struct {
		c Coroutine
		f inlineOther
	}{}
	mustPanic("Init with a frame of another type", func() { other.c.Init(fn, &other.f) })
}

// inlineOther is a frame of another type than countdown.
type inlineOther struct{ countdown }

func (o *inlineOther) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	return o.countdown.Resume(sent, thrown)
}

// countdown suspends n times, then returns None.
type countdown struct{ n int }

func (c *countdown) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	if c.n > 0 {
		c.n--
		return None, false, nil
	}
	return None, true, nil
}

// stepOf sends None to the entered coroutine c through its Steppers.
func stepOf(c *Coroutine) (Object, bool, *BaseException) {
	_, step, frame, _ := c.Steppers()
	return step(frame, None, nil)
}

// keeper is a frame that keeps its coroutine's state, as generated frames
// do (FramesOf): state first, marked running while Resume runs, refusing
// when running or finished. It suspends n times, and runs inner (if set)
// while running, to look at its own coroutine then.
type keeper struct {
	state int
	n     int
	inner func()
}

func (k *keeper) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	switch {
	case k.state >= 0:
		k.state = FrameRunning
	default:
		return RefuseFrame(k.state)
	}
	if k.inner != nil {
		k.inner()
	}
	if thrown != nil {
		k.state = FrameDone
		return nil, true, thrown
	}
	if k.n > 0 {
		k.n--
		k.state = 1
		return None, false, nil
	}
	k.state = FrameDone
	return Int(7), true, nil
}

type keeperCoro struct {
	c Coroutine
	f keeper
}

// TestFrameKeepsState: a coroutine whose frame keeps its state reads it
// from the frame (new, suspended, running, done), refuses to run while
// running or finished, closes before it starts without running, and its
// Steppers says that the frame keeps it; Enter and Leave count the depth
// and leave the state to the frame.
func TestFrameKeepsState(t *testing.T) {
	fn := &Function{Name: "k", Qualname: "k", Frames: FramesOf((*keeper).Resume)}
	kc := &keeperCoro{f: keeper{n: 1}}
	kc.c.Init(fn, &kc.f)
	c := &kc.c
	if _, _, _, keeps := c.Steppers(); !keeps {
		t.Fatal("Steppers: a generated frame's coroutine does not keep its state")
	}
	if c.state() != coNew || c.Running() || c.Done() {
		t.Fatalf("new: state %d", c.state())
	}
	var seen uintptr
	var again *BaseException
	kc.f.inner = func() {
		seen = c.state()
		_, _, again = c.Resume(None, nil)
	}
	depth := callDepth
	v, done, exc := c.Resume(None, nil)
	if done || exc != nil || !IsNone(v) || c.state() != coSuspended || callDepth != depth {
		t.Fatalf("first step: %v %v %v, state %d, depth %d (was %d)", v, done, exc, c.state(), callDepth, depth)
	}
	if seen != coRunning || again == nil || again.Class != ValueErrorType {
		t.Fatalf("while running: state %d, a second Resume gave %v", seen, again)
	}
	kc.f.inner = nil
	v, done, exc = c.Resume(None, nil)
	if !done || exc != nil || v != Int(7) || !c.Done() {
		t.Fatalf("second step: %v %v %v, state %d", v, done, exc, c.state())
	}
	if _, _, exc := c.Resume(None, nil); exc == nil || exc.Class != RuntimeErrorType {
		t.Fatalf("resumed when done: %v", exc)
	}
	_, step, frame, _ := c.Steppers()
	if _, done, exc := step(frame, None, nil); !done || exc == nil || exc.Class != RuntimeErrorType {
		t.Fatalf("stepped when done: %v %v", done, exc)
	}
	closed := &keeperCoro{f: keeper{n: 1}}
	closed.c.Init(fn, &closed.f)
	if exc := closed.c.Close(); exc != nil || !closed.c.Done() || closed.f.n != 1 {
		t.Fatalf("Close before the start: %v, state %d, n %d", exc, closed.c.state(), closed.f.n)
	}
}

// fastKeeper is a keeper with a fast resume (FastResumer): in state 1 it
// counts down n itself while n > 1.
type fastKeeper struct{ keeper }

func (k *fastKeeper) fast() bool {
	if k.state != 1 || k.n <= 1 {
		return false
	}
	k.n--
	return true
}

func (*fastKeeper) FastResume() FrameFast { return FastOf((*fastKeeper).fast) }

// TestFramesOfFast: FramesOf finds a frame type's fast resume (FastResumer),
// Steppers gives it with the step, and calling it runs the frame's own
// method; a frame type without one has none.
func TestFramesOfFast(t *testing.T) {
	fn := &Function{Name: "k", Qualname: "k", Frames: FramesOf((*fastKeeper).Resume)}
	kc := &struct {
		c Coroutine
		f fastKeeper
	}{f: fastKeeper{keeper{n: 3}}}
	kc.c.Init(fn, &kc.f)
	fast, step, frame, keeps := kc.c.Steppers()
	if fast == nil || step == nil || !keeps || frame != unsafe.Pointer(&kc.f) {
		t.Fatalf("Steppers: fast %v, keeps %v, frame %p (want %p)", fast != nil, keeps, frame, &kc.f)
	}
	if fast(frame) {
		t.Fatal("fast resume of a frame not yet started ran")
	}
	if _, done, exc := step(frame, None, nil); done || exc != nil || kc.f.state != 1 || kc.f.n != 2 {
		t.Fatalf("first step: done %v, exc %v, state %d, n %d", done, exc, kc.f.state, kc.f.n)
	}
	if !fast(frame) || kc.f.n != 1 || fast(frame) {
		t.Fatalf("fast resume: n %d", kc.f.n)
	}
	plain := &Function{Name: "k", Qualname: "k", Frames: FramesOf((*keeper).Resume)}
	kp := &keeperCoro{f: keeper{n: 1}}
	kp.c.Init(plain, &kp.f)
	if fast, _, _, _ := kp.c.Steppers(); fast != nil {
		t.Fatal("a frame type without FastResume has a fast resume")
	}
}
