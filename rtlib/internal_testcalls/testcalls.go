// Package testcalls is test support for the runtime's packages: it calls
// Python callables with wrong arguments and fails the test on a Go panic
// (a wrong call must raise, not crash). Directories named internal_test*
// are not part of the runtime the async2go command embeds.
package testcalls

import (
	"sort"
	"testing"

	rt "github.com/async2go/async2go/rtlib"
)

// Wrong calls call with 0 to max int arguments, each without and with a
// keyword that none of the runtime's callables takes; a panic fails t,
// naming what was called.
func Wrong(t *testing.T, what string, max int, call func(args []rt.Object, kw []rt.KwArg)) {
	t.Helper()
	for n := 0; n <= max; n++ {
		for _, kw := range [][]rt.KwArg{nil, {{Name: "bogus", Value: rt.Int(1)}}} {
			args := make([]rt.Object, n)
			for i := range args {
				args[i] = rt.Int(1)
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s with %d positional and %d keyword arguments panics: %v", what, n, len(kw), r)
					}
				}()
				call(args, kw)
			}()
		}
	}
}

// Methods is the names of obj's Go methods, through its type's MRO, each
// once, sorted.
func Methods(obj rt.Object) []string {
	seen := map[string]bool{}
	var names []string
	for _, c := range obj.Type().MRO {
		c.Dict.Items(func(k, v rt.Object) {
			if _, ok := v.(*rt.Method); ok && !seen[string(k.(rt.Str))] {
				seen[string(k.(rt.Str))] = true
				names = append(names, string(k.(rt.Str)))
			}
		})
	}
	sort.Strings(names)
	return names
}
