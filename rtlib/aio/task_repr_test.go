package aio

import (
	"runtime"
	"strconv"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// lineFrame is a coroutine body like a generated frame: PyLine gives the
// line of the await it is suspended at. It awaits fut, then records the
// repr of its own (running) task with the Go line of that call, and
// returns 7.
type lineFrame struct {
	state   int
	fut     *Future
	task    **Task
	running string
	line    int
}

func (f *lineFrame) PyLine() int {
	if f.state == 1 {
		return 12
	}
	return 10
}

func (f *lineFrame) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	switch f.state {
	case 0:
		f.state = 1
		return f.fut.Resume(sent, nil)
	case 1:
		f.state = 2
		_, _, f.line, _ = runtime.Caller(0)
		s, _ := (*f.task).Repr() // the line above plus one
		f.line++
		f.running = string(s)
	}
	return rt.Int(7), true, nil
}

func TestTaskRepr(t *testing.T) {
	l := NewLoop()
	fn := &rt.Function{Name: "work", Qualname: "work", Module: "__main__", Kind: rt.CoroutineFunc, File: "x.py", Line: 10}
	var task *Task
	body := &lineFrame{fut: NewFuture(l), task: &task}
	task, _ = NewTask(l, rt.NewCoroutine(fn, body), rt.Str("w"))
	var got []string
	show := func() {
		s, exc := task.Repr()
		if exc != nil {
			t.Fatal(exc)
		}
		got = append(got, string(s))
	}
	show() // not started: the def line
	main, _ := NewTask(l, rt.NewCoroutine(benchFn, &script{fns: []func(rt.Object, *rt.BaseException) step{
		func(rt.Object, *rt.BaseException) step { return step{yield: true} },
		func(rt.Object, *rt.BaseException) step {
			show() // suspended on the future
			body.fut.SetResult(rt.None)
			return step{await: task}
		},
		func(rt.Object, *rt.BaseException) step { return step{ret: rt.None} },
	}}), rt.None)
	if _, exc := l.RunUntilComplete(&main.Future); exc != nil {
		t.Fatal(exc)
	}
	show() // done
	want := []string{
		"<Task pending name='w' coro=<work() running at x.py:10>>",
		"<Task pending name='w' coro=<work() running at x.py:12> wait_for=<Future pending cb=[Task.task_wakeup()]>>",
		"<Task finished name='w' coro=<work() done, defined at x.py:10> result=7>",
	}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("repr %d:\n got %q\nwant %q", i, got, want[i])
		}
	}
	wantRunning := "<Task pending name='w' coro=<work() running at x.py:" + strconv.Itoa(body.line) + ">"
	if body.running[:len(wantRunning)] != wantRunning {
		t.Errorf("running repr %q, want prefix %q", body.running, wantRunning)
	}

	// sleeping, cancelling, and a coroutine without a recorded file
	l2 := NewLoop()
	sl, _ := NewTask(l2, rt.NewCoroutine(benchFn, &sleeper{done: new(int)}), rt.None)
	asyncioMod = asyncioModule()
	var reprs []string
	m2, _ := NewTask(l2, rt.NewCoroutine(benchFn, &script{fns: []func(rt.Object, *rt.BaseException) step{
		func(rt.Object, *rt.BaseException) step { return step{yield: true} },
		func(rt.Object, *rt.BaseException) step {
			s, _ := sl.Repr()
			reprs = append(reprs, string(s))
			sl.Cancel(rt.None)
			s, _ = sl.Repr()
			reprs = append(reprs, string(s))
			sl.Cancel(rt.None)
			s, _ = sl.Repr()
			reprs = append(reprs, string(s))
			return step{ret: rt.None}
		},
	}}), rt.None)
	if _, exc := l2.RunUntilComplete(&m2.Future); exc != nil {
		t.Fatal(exc)
	}
	n := strconv.Itoa(int(sl.tnum))
	want2 := []string{
		"<Task pending name='Task-" + n + "' coro=<bench()> wait_for=<Future pending cb=[Task.task_wakeup()]>>",
		"<Task cancelling name='Task-" + n + "' coro=<bench()> wait_for=<Future cancelled>>",
		"<Task cancelling name='Task-" + n + "' coro=<bench()> wait_for=<Future cancelled>>",
	}
	for i := range want2 {
		if i >= len(reprs) || reprs[i] != want2[i] {
			t.Errorf("repr %d:\n got %q\nwant %q", i, reprs, want2[i])
		}
	}
}
