package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// TestUnretrievedBounded checks that failed futures whose exception was
// retrieved do not pile up in the list reportUnretrieved reads: a loop
// whose tasks fail and are awaited all the time keeps only a few.
func TestUnretrievedBounded(t *testing.T) {
	l := NewLoop()
	var kept []*Future
	for i := 0; i < 10000; i++ {
		f := NewFuture(l)
		f.SetException(rt.Errorf(rt.ValueErrorType, "x"))
		if i%1000 == 0 {
			kept = append(kept, f) // never retrieved
			continue
		}
		if _, exc := f.Exception(); exc != nil {
			t.Fatal(exc)
		}
	}
	if n := len(l.unretrieved); n > 2*len(kept)+64 {
		t.Fatalf("%d futures listed, %d of them unretrieved", n, len(kept))
	}
	l.dropRetrieved()
	if len(l.unretrieved) != len(kept) {
		t.Fatalf("after dropping the retrieved: %d listed, want the %d unretrieved", len(l.unretrieved), len(kept))
	}
	for i, f := range l.unretrieved {
		if f != kept[i] {
			t.Fatalf("listed #%d is not the %dth unretrieved future", i, i)
		}
	}
}

// TestFatalMainRetrieved checks that the main task of a run that a
// SystemExit stops is not reported as never retrieved: the run's caller
// gets its exception (CPython's run_until_complete consumes it; a program
// ending in sys.exit() from its main coroutine logs nothing).
func TestFatalMainRetrieved(t *testing.T) {
	l := NewLoop()
	setRunning(l)
	defer setRunning(nil)
	main := newScript(func(rt.Object, *rt.BaseException) step {
		return step{err: rt.NewException(rt.SystemExitType, rt.Int(3))}
	})
	task, exc := NewTask(l, main, rt.None)
	if exc != nil {
		t.Fatal(exc)
	}
	if _, exc := l.RunUntilComplete(&task.Future); exc == nil || exc.Class != rt.SystemExitType {
		t.Fatalf("run: %v, want SystemExit", exc)
	}
	if task.kind&kindLogTB != 0 {
		t.Fatal("the main task's SystemExit is left to be reported as never retrieved")
	}
}
