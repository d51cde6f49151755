// Package modtest holds tests across the runtime's modules.
package modtest

import (
	"sort"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
	_ "github.com/async2go/async2go/rtlib/aio"
	_ "github.com/async2go/async2go/rtlib/mod/collections"
	_ "github.com/async2go/async2go/rtlib/mod/contextlib"
	_ "github.com/async2go/async2go/rtlib/mod/contextvars"
	_ "github.com/async2go/async2go/rtlib/mod/dataclasses"
	_ "github.com/async2go/async2go/rtlib/mod/enum"
	_ "github.com/async2go/async2go/rtlib/mod/functools"
	_ "github.com/async2go/async2go/rtlib/mod/itertools"
	_ "github.com/async2go/async2go/rtlib/mod/math"
	_ "github.com/async2go/async2go/rtlib/mod/operator"
	_ "github.com/async2go/async2go/rtlib/mod/random"
	_ "github.com/async2go/async2go/rtlib/mod/sys"
	_ "github.com/async2go/async2go/rtlib/mod/time"
	_ "github.com/async2go/async2go/rtlib/mod/typing"
)

// TestModuleFunctionsWrongArity calls every function and class of the
// runtime's modules with 0 to 2 int arguments, with and without a keyword
// none of them takes: none may panic (a wrong count must raise TypeError).
// asyncio.run, asyncio.sleep, time.sleep and sys.exit are left out: given
// an int they would run, wait or exit.
func TestModuleFunctionsWrongArity(t *testing.T) {
	for _, mn := range []string{"asyncio", "collections", "contextlib", "contextvars", "dataclasses", "enum", "functools",
		"itertools", "math", "operator", "random", "sys", "time", "typing"} {
		m, exc := rt.Import(mn)
		if exc != nil {
			t.Fatalf("import %s: %v", mn, exc)
		}
		d := m.(*rt.Module).Dict
		var names []string
		d.Items(func(k, v rt.Object) {
			switch v.(type) {
			case *rt.Builtin, *rt.Type:
				names = append(names, string(k.(rt.Str)))
			}
		})
		sort.Strings(names)
		for _, n := range names {
			if mn == "asyncio" && (n == "run" || n == "sleep") || mn == "sys" && n == "exit" || mn == "time" && n == "sleep" {
				continue
			}
			fn, _ := d.GetStr(n)
			for k := 0; k <= 2; k++ {
				for _, kw := range [][]rt.KwArg{nil, {{Name: "bogus", Value: rt.Int(1)}}} {
					args := make([]rt.Object, k)
					for i := range args {
						args[i] = rt.Int(1)
					}
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("%s.%s with %d positional and %d keyword arguments panics: %v", mn, n, k, len(kw), r)
							}
						}()
						rt.Call(fn, args, kw)
					}()
				}
			}
		}
	}
}

// TestModuleArgSpecsComplete: every function of the runtime's modules was
// given an argument spec (rt.ApplyArgs), so that a wrong call raises
// CPython's TypeError rather than one of the function's own making.
func TestModuleArgSpecsComplete(t *testing.T) {
	for _, mn := range []string{"asyncio", "collections", "contextlib", "contextvars", "dataclasses", "enum", "functools",
		"itertools", "math", "operator", "random", "sys", "time", "typing"} {
		m, exc := rt.Import(mn)
		if exc != nil {
			t.Fatalf("import %s: %v", mn, exc)
		}
		m.(*rt.Module).Dict.Items(func(k, v rt.Object) {
			if b, ok := v.(*rt.Builtin); ok && b.Spec() == nil {
				t.Errorf("%s.%s has no argument spec: give it one with rt.ApplyArgs", mn, k)
			}
		})
	}
}

// TestModuleMethodSpecsComplete: every public Go method of the classes the
// runtime's modules export has an argument spec (rt.ApplyMethodArgs).
func TestModuleMethodSpecsComplete(t *testing.T) {
	for _, mn := range []string{"asyncio", "collections", "contextlib", "contextvars", "dataclasses", "enum", "functools",
		"itertools", "math", "operator", "random", "sys", "time", "typing"} {
		m, _ := rt.Import(mn)
		m.(*rt.Module).Dict.Items(func(k, v rt.Object) {
			typ, ok := v.(*rt.Type)
			if !ok {
				return
			}
			typ.Dict.Items(func(mk, mv rt.Object) {
				name := string(mk.(rt.Str))
				// StrEnum's str methods pass their arguments to str's.
				if meth, ok := mv.(*rt.Method); ok && meth.Spec() == nil && (name[0] != '_' || name == "__aexit__") &&
					typ.Name != "StrEnum" {
					t.Errorf("%s.%s.%s has no argument spec", mn, typ.Name, name)
				}
			})
		})
	}
}
