// Package modtest holds tests across the runtime's modules.
package modtest

import (
	"sort"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
	"github.com/async2go/async2go/rtlib/internal_testcalls"
	_ "github.com/async2go/async2go/rtlib/mod/all"
)

// moduleNames are the runtime's modules the tests here sweep.
var moduleNames = []string{"asyncio", "bisect", "collections", "contextlib", "contextvars", "copy", "dataclasses", "enum", "functools",
	"heapq", "itertools", "json", "math", "operator", "os", "os.path", "random", "statistics", "string", "sys", "time", "types", "typing"}

// moduleDict is the dict of module mn, imported.
func moduleDict(t *testing.T, mn string) *rt.Dict {
	t.Helper()
	m, exc := rt.Import(mn)
	if exc != nil {
		t.Fatalf("import %s: %v", mn, exc)
	}
	return m.(*rt.Module).Dict
}

// TestModuleFunctionsWrongArity calls every function and class of the
// runtime's modules with 0 to 2 int arguments, with and without a keyword
// none of them takes: none may panic (a wrong count must raise TypeError).
// asyncio.run, asyncio.sleep, time.sleep and sys.exit are left out: given
// an int they would run, wait or exit.
func TestModuleFunctionsWrongArity(t *testing.T) {
	for _, mn := range moduleNames {
		d := moduleDict(t, mn)
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
			testcalls.Wrong(t, mn+"."+n, 2, func(args []rt.Object, kw []rt.KwArg) { rt.Call(fn, args, kw) })
		}
	}
}

// TestModuleArgSpecsComplete: every function of the runtime's modules was
// given an argument spec (rt.ApplyArgs), so that a wrong call raises
// CPython's TypeError rather than one of the function's own making.
func TestModuleArgSpecsComplete(t *testing.T) {
	for _, mn := range moduleNames {
		moduleDict(t, mn).Items(func(k, v rt.Object) {
			if b, ok := v.(*rt.Builtin); ok && b.Spec() == nil {
				t.Errorf("%s.%s has no argument spec: give it one with rt.ApplyArgs", mn, k)
			}
		})
	}
}

// TestModuleMethodSpecsComplete: every public Go method of the classes the
// runtime's modules export has an argument spec (rt.ApplyMethodArgs).
func TestModuleMethodSpecsComplete(t *testing.T) {
	for _, mn := range moduleNames {
		moduleDict(t, mn).Items(func(k, v rt.Object) {
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
