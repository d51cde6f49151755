package modtest

import (
	"sort"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
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
		typ := obj.Type()
		seen := map[string]bool{}
		var names []string
		for _, c := range typ.MRO {
			c.Dict.Items(func(k, v rt.Object) {
				if _, ok := v.(*rt.Method); ok && !seen[string(k.(rt.Str))] {
					seen[string(k.(rt.Str))] = true
					names = append(names, string(k.(rt.Str)))
				}
			})
		}
		sort.Strings(names)
		for _, name := range names {
			for n := 0; n <= 3; n++ {
				for _, kw := range [][]rt.KwArg{nil, {{Name: "bogus", Value: rt.Int(1)}}} {
					args := make([]rt.Object, n)
					for i := range args {
						args[i] = rt.Int(1)
					}
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("%s.%s with %d positional and %d keyword arguments panics: %v", typ.Name, name, n, len(kw), r)
							}
						}()
						rt.CallMethod(obj, name, args, kw)
					}()
				}
			}
		}
	}
}
