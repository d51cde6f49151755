package aio

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// TestMethodTablesLazy checks that a program that imports asyncio, sleeps
// and gathers makes neither the builtin types' method tables nor
// asyncio's (rtlib/lazydict.go), and that the first method looked up in an
// asyncio class makes asyncio's alone. It runs in a fresh process: in
// this one, other tests have made them already.
func TestMethodTablesLazy(t *testing.T) {
	if os.Getenv("AIO_LAZY_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMethodTablesLazy$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "AIO_LAZY_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS") {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return
	}
	made := func() (bool, bool) { return rt.BuiltinMethodsMade(), methods.Made() }
	if b, a := made(); b || a {
		t.Fatalf("made at start-up: builtin %v, asyncio %v", b, a)
	}
	l := NewLoop()
	gather, exc := rt.GetAttr(asyncioModule(), "gather")
	if exc != nil {
		t.Fatal(exc)
	}
	var coros []rt.Object
	for range 3 {
		coros = append(coros, rt.NewCoroutine(benchFn, &sleepLoop{n: 2}))
	}
	runMain(t, l, &awaitCall{fn: gather, args: coros})
	if b, a := made(); b || a {
		t.Fatalf("made by sleep and gather: builtin %v, asyncio %v", b, a)
	}
	q, exc := rt.Call(QueueType, nil, nil)
	if exc != nil {
		t.Fatal(exc)
	}
	if _, exc := rt.CallMethod(q, "put_nowait", []rt.Object{rt.Int(1)}, nil); exc != nil {
		t.Fatal(exc)
	}
	if b, a := made(); b || !a {
		t.Fatalf("after Queue.put_nowait: builtin %v (want false), asyncio %v (want true)", b, a)
	}
}

// awaitCall awaits fn(*args).
type awaitCall struct {
	fn   rt.Object
	args []rt.Object
	sub  rt.Resumable
}

func (c *awaitCall) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if c.sub == nil {
		aw, exc := rt.Call(c.fn, c.args, nil)
		if exc != nil {
			return nil, true, exc
		}
		c.sub = aw.(rt.Resumable)
	}
	return c.sub.Resume(sent, thrown)
}
