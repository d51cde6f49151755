package rtlib

import (
	"testing"
	"unsafe"
)

// TestCoroutineLayout pins the coroutine object at 24 bytes (with a
// frame of up to 40 bytes it fits the 64-byte size class) and checks that
// its state bits, kept in the low bits of the function pointer, leave the
// function intact.
func TestCoroutineLayout(t *testing.T) {
	if got := unsafe.Sizeof(Coroutine{}); got != 24 {
		t.Errorf("unsafe.Sizeof(Coroutine{}) = %d, want 24", got)
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
