package modtest

import (
	"testing"

	rt "github.com/async2go/async2go/rtlib"
	"github.com/async2go/async2go/rtlib/internal_testcalls"
)

// TestModuleMethodsWrongArity calls every Go method of the objects of
// collections (deque, Counter, defaultdict, OrderedDict) and contextvars
// (ContextVar, Context) with 0 to 3 int arguments, with and without a
// keyword none of them takes: none may panic (a wrong call must raise).
func TestModuleMethodsWrongArity(t *testing.T) {
	mk := func(mn, tn string, args ...rt.Object) rt.Object {
		m, _ := rt.Import(mn)
		c, _ := m.(*rt.Module).Dict.GetStr(tn)
		v, exc := rt.Call(c, args, nil)
		if exc != nil {
			t.Fatalf("%s.%s: %v", mn, tn, exc)
		}
		return v
	}
	objs := []rt.Object{mk("collections", "deque"), mk("collections", "Counter"), mk("collections", "defaultdict"),
		mk("collections", "OrderedDict"), mk("contextvars", "ContextVar", rt.Str("v")), mk("contextvars", "copy_context")}
	for _, obj := range objs {
		for _, name := range testcalls.Methods(obj) {
			testcalls.Wrong(t, obj.Type().Name+"."+name, 3, func(args []rt.Object, kw []rt.KwArg) {
				rt.CallMethod(obj, name, args, kw)
			})
		}
	}
}
