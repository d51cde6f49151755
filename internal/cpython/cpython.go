package cpython

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Path is CPython 3.12's python3: $PY312, pyenv's 3.12.1, or python3.12
// on the PATH; "" if none is there.
func Path() string {
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

// publicNamesPy prints, per line, a module and its public names that are
// not modules themselves.
const publicNamesPy = `
import importlib, sys, types
for mn in sys.argv[1:]:
    m = importlib.import_module(mn)
    print(mn, *[n for n in dir(m) if not n.startswith("_") and not isinstance(getattr(m, n), types.ModuleType)])
`

// PublicNames runs the interpreter py on modules and returns, for each,
// the public names its module has that are not modules, in dir()'s order.
func PublicNames(py string, modules []string) (map[string][]string, error) {
	out, err := exec.Command(py, append([]string{"-c", publicNamesPy}, modules...)...).Output()
	if err != nil {
		return nil, err
	}
	names := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			names[f[0]] = f[1:]
		}
	}
	return names, nil
}
