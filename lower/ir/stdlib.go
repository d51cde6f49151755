package ir

import (
	"strings"
	"sync"
)

// CPythonOnly reports whether module (a key of ModulePackages) has the
// public attribute name in CPython 3.12 but not in the runtime: a program
// that reads it there would run differently from CPython (an
// AttributeError or ImportError where CPython has a value), which the
// lowering reports as unsupported. The list is stdlib_attrs.go, made by
// gen_stdlibattrs.go (`go generate ./lower/ir`) from CPython and the
// runtime's modules; a test in rtlib/mod/modtest says when it is stale.
func CPythonOnly(module, name string) bool {
	cpythonOnlyOnce.Do(func() {
		cpythonOnlySets = map[string]map[string]bool{}
		for m, names := range cpythonOnly {
			set := map[string]bool{}
			for _, n := range strings.Fields(names) {
				set[n] = true
			}
			cpythonOnlySets[m] = set
		}
	})
	return cpythonOnlySets[module][name]
}

// CPythonOnlyNames is the space-separated list CPythonOnly reads, for a
// module (tests).
func CPythonOnlyNames(module string) string { return cpythonOnly[module] }

var (
	cpythonOnlyOnce sync.Once
	cpythonOnlySets map[string]map[string]bool
)
