package aio

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// TestPrimitiveArgsRefused checks the arguments this runtime refuses where
// CPython goes on: a Semaphore counting in floats or in ints beyond 64
// bits, and a queue whose maxsize no comparison with 0 accepts (CPython
// makes it and fails at the first put, with the same TypeError). The rest
// (bools, floats and big ints as maxsize, notify's n) is the e2e archive
// sync_args.txtar, against CPython.
func TestPrimitiveArgsRefused(t *testing.T) {
	errMsg := func(exc *rt.BaseException) string {
		s, e := rt.ToStr(exc)
		must(t, e)
		return string(s)
	}
	for _, c := range []struct {
		typ   *rt.Type
		arg   rt.Object
		class *rt.Type
		msg   string
	}{
		{SemaphoreType, rt.Float(2.5), rt.TypeErrorType, "Semaphore value must be an int here, not 'float'"},
		{BoundedSemaphoreType, rt.BigIntFromString("1000000000000000000000000000000"), rt.OverflowErrorType, "BoundedSemaphore value too large here (more than 64 bits)"},
		{QueueType, rt.Str("x"), rt.TypeErrorType, "'<=' not supported between instances of 'str' and 'int'"},
		{QueueType, rt.None, rt.TypeErrorType, "'<=' not supported between instances of 'NoneType' and 'int'"},
	} {
		_, exc := c.typ.New(c.typ, []rt.Object{c.arg}, nil)
		if exc == nil {
			t.Errorf("%s(%v): no error", c.typ.Name, c.arg)
			continue
		}
		if exc.Class != c.class || errMsg(exc) != c.msg {
			t.Errorf("%s(%v): %s: %s; want %s: %s", c.typ.Name, c.arg, exc.Class.Name, errMsg(exc), c.class.Name, c.msg)
		}
	}
	// The _maxsize setter takes what the constructor takes.
	q, _ := QueueType.New(QueueType, nil, nil)
	if exc := rt.SetAttr(q, "_maxsize", rt.Float(1.5)); exc != nil {
		t.Fatal(exc)
	}
	if qq := q.(*Queue); qq.maxsize != 2 || qq.maxsizeValue() != rt.Float(1.5) {
		t.Errorf("_maxsize = 1.5: maxsize %d, shown as %v; want 2, 1.5", qq.maxsize, qq.maxsizeValue())
	}
}
