package modtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/async2go/async2go/lower/ir"
	_ "github.com/async2go/async2go/rtlib/mod/abc"
	_ "github.com/async2go/async2go/rtlib/mod/future"
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

// listPy prints, per line, a module and its public names that are not
// modules (as gen_stdlibattrs.go does).
const listPy = `
import importlib, sys, types
for mn in sys.argv[1:]:
    m = importlib.import_module(mn)
    print(mn, *[n for n in dir(m) if not n.startswith("_") and not isinstance(getattr(m, n), types.ModuleType)])
`

// TestCPythonOnlyComplete checks, where CPython 3.12 is installed, that
// the list holds every public name of CPython's modules that the
// runtime's lacks.
func TestCPythonOnlyComplete(t *testing.T) {
	py := cpython312()
	if py == "" {
		t.Skip("CPython 3.12 not found (PY312, pyenv's 3.12.1 or python3.12)")
	}
	var mods []string
	for m := range ir.ModulePackages {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	out, err := exec.Command(py, append([]string{"-c", listPy}, mods...)...).Output()
	if err != nil {
		t.Fatalf("%s: %v", py, err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		d := moduleDict(t, f[0])
		listed := map[string]bool{}
		for _, n := range strings.Fields(ir.CPythonOnlyNames(f[0])) {
			listed[n] = true
		}
		for _, n := range f[1:] {
			if _, ok := d.GetStr(n); !ok && !listed[n] {
				t.Errorf("CPython's %s has %s, the runtime's has not, and the list does not say so: %s", f[0], n, regenerate)
			}
		}
	}
}

// cpython312 is CPython 3.12's python3: PY312, pyenv's 3.12.1 or
// python3.12 on PATH ("" if none).
func cpython312() string {
	if p := os.Getenv("PY312"); p != "" {
		return p
	}
	if out, err := exec.Command("pyenv", "root").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "versions", "3.12.1", "bin", "python3")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("python3.12"); err == nil {
		return p
	}
	return ""
}
