package modtest

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/async2go/async2go/internal/cpython"
	"github.com/async2go/async2go/lower/ir"
)

// regenerate is what to do when the list is stale.
const regenerate = "go generate ./lower/ir (with CPython 3.12)"

// TestCPythonOnlyNotProvided checks that no name the translator reports as
// unsupported (lower/ir's stdlib_attrs.go) is one the runtime's module has:
// a module that gains a name must be listed again, or programs that use
// it would still be refused.
func TestCPythonOnlyNotProvided(t *testing.T) {
	for m := range ir.ModulePackages {
		d := moduleDict(t, m)
		for _, n := range strings.Fields(ir.CPythonOnlyNames(m)) {
			if _, ok := d.GetStr(n); ok {
				t.Errorf("%s.%s is listed as missing from the runtime, which has it: %s", m, n, regenerate)
			}
		}
	}
}

// TestCPythonOnlyComplete checks, where CPython 3.12 is installed, that
// the list holds every public name of CPython's modules that the
// runtime's lacks.
func TestCPythonOnlyComplete(t *testing.T) {
	py := cpython.Path()
	if py == "" {
		t.Skip("CPython 3.12 not found (PY312, pyenv's 3.12.1 or python3.12)")
	}
	mods := slices.Sorted(maps.Keys(ir.ModulePackages))
	theirs, err := cpython.PublicNames(py, mods)
	if err != nil {
		t.Fatalf("%s: %v", py, err)
	}
	for _, m := range mods {
		d := moduleDict(t, m)
		listed := map[string]bool{}
		for _, n := range strings.Fields(ir.CPythonOnlyNames(m)) {
			listed[n] = true
		}
		for _, n := range theirs[m] {
			if _, ok := d.GetStr(n); !ok && !listed[n] {
				t.Errorf("CPython's %s has %s, the runtime's has not, and the list does not say so: %s", m, n, regenerate)
			}
		}
	}
}
