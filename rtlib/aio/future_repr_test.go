package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// testdata/aio/future_repr.py
func TestOrderFutureRepr(t *testing.T) {
	tr := &transcript{t: t}
	p := newPyAPI(t)
	pr := func(x rt.Object) { tr.print(tr.repr(x)) }
	main := newScript(func(rt.Object, *rt.BaseException) step {
		l := Running()
		f := NewFuture(l)
		pr(f)
		must(t, f.SetResult(rt.Int(3)))
		pr(f)
		g := NewFuture(l)
		must(t, g.SetException(rt.NewException(rt.ValueErrorType, rt.Str("x"))))
		pr(g)
		h := NewFuture(l)
		h.Cancel(rt.None)
		pr(h)
		return step{}
	})
	run(t, main)
	var f *Future
	var tk *Task
	two := newScript(
		func(rt.Object, *rt.BaseException) step {
			f = NewFuture(Running())
			w := newScript(func(rt.Object, *rt.BaseException) step { return step{await: f} })
			tk = mustTask(t, w, rt.None)
			return step{await: p.sleep(rt.Int(0))}
		},
		func(rt.Object, *rt.BaseException) step {
			pr(f)
			must(t, f.SetResult(rt.NewList(rt.Int(1), rt.Int(2))))
			pr(f)
			return step{await: tk}
		},
	)
	run(t, two)
	tr.check("future_repr")
}
