package aio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// step is what one piece of a hand-written test coroutine asks for next:
// to await an awaitable, to yield None once (a bare yield), or to return.
type step struct {
	await rt.Object
	yield bool
	ret   rt.Object
	err   *rt.BaseException
}

// script is a coroutine written in Go as a list of continuations: fns[i]
// receives the outcome of the await (or the value sent into the yield) that
// ended piece i-1.
type script struct {
	fns []func(v rt.Object, exc *rt.BaseException) step
	pc  int
	sub rt.Resumable
}

func (s *script) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	v, exc := sent, thrown
	if s.sub != nil {
		y, done, e := s.sub.Resume(sent, thrown)
		if !done {
			return y, false, nil
		}
		s.sub = nil
		v, exc = y, e
	}
	for {
		if s.pc >= len(s.fns) {
			if exc != nil {
				return nil, true, exc
			}
			return rt.None, true, nil
		}
		st := s.fns[s.pc](v, exc)
		s.pc++
		switch {
		case st.await != nil:
			r, e := rt.GetAwaitable(st.await)
			if e != nil {
				v, exc = nil, e
				continue
			}
			y, done, e := r.Resume(rt.None, nil)
			if !done {
				s.sub = r
				return y, false, nil
			}
			v, exc = y, e
		case st.yield:
			return rt.None, false, nil
		default:
			if st.err != nil {
				return nil, true, st.err
			}
			if st.ret == nil {
				st.ret = rt.None
			}
			return st.ret, true, nil
		}
	}
}

var scriptFn = &rt.Function{Name: "script", Qualname: "script", Module: "__main__", Kind: rt.CoroutineFunc}

// newScript makes a coroutine object from continuations.
func newScript(fns ...func(v rt.Object, exc *rt.BaseException) step) *rt.Coroutine {
	return rt.NewCoroutine(scriptFn, &script{fns: fns})
}

// transcript collects printed lines, formatted as Python's print would.
type transcript struct {
	t     *testing.T
	lines []string
}

func (tr *transcript) print(xs ...any) {
	parts := make([]string, len(xs))
	for i, x := range xs {
		switch v := x.(type) {
		case string:
			parts[i] = v
		case rt.Object:
			s, exc := rt.ToStr(v)
			if exc != nil {
				tr.t.Fatalf("str: %v", exc)
			}
			parts[i] = string(s)
		default:
			tr.t.Fatalf("print: unexpected %T", x)
		}
	}
	tr.lines = append(tr.lines, strings.Join(parts, " "))
}

func (tr *transcript) repr(x rt.Object) string {
	s, exc := rt.Repr(x)
	if exc != nil {
		tr.t.Fatalf("repr: %v", exc)
	}
	return string(s)
}

// check compares the transcript with CPython's recorded output.
func (tr *transcript) check(name string) {
	tr.t.Helper()
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "aio", name+".out"))
	if err != nil {
		tr.t.Fatal(err)
	}
	got := strings.Join(tr.lines, "\n") + "\n"
	if got != string(want) {
		tr.t.Errorf("%s: output differs from CPython 3.12\n--- got\n%s--- want\n%s", name, got, want)
	}
}

// run is asyncio.run(main) from Go.
func run(t *testing.T, main *rt.Coroutine) rt.Object {
	t.Helper()
	v, exc := asyncioRun([]rt.Object{main}, nil)
	if exc != nil {
		t.Fatalf("asyncio.run: %v", exc)
	}
	return v
}

func sleep(d rt.Object) rt.Object {
	c, exc := asyncioSleep([]rt.Object{d}, nil)
	if exc != nil {
		panic(exc)
	}
	return c
}

func mustTask(t *testing.T, c rt.Object, name rt.Object) *Task {
	t.Helper()
	tk, exc := NewTask(Running(), c, name)
	if exc != nil {
		t.Fatal(exc)
	}
	return tk
}

func must(t *testing.T, exc *rt.BaseException) {
	t.Helper()
	if exc != nil {
		t.Fatal(exc)
	}
}
