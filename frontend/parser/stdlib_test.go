package parser

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/internal/cpython"
)

const dumpScript = `
import ast, json, sys
for f in sys.stdin.read().split("\n"):
    if not f:
        continue
    try:
        tree = ast.parse(open(f, "rb").read())
    except Exception:
        continue  # CPython itself does not parse it
    print(json.dumps({"file": f, "dump": ast.dump(tree), "pos": ast.dump(tree, include_attributes=True)}))
`

// TestStdlibDifferential parses the .py files of CPython 3.12's Lib/ (tests
// included) and compares ast.Dump with CPython's ast.dump, with and without
// positions. go test checks every 25th file; ASYNC2GO_STDLIB=all (make
// stdlib-ast) checks them all. Skips where CPython 3.12 is absent.
func TestStdlibDifferential(t *testing.T) {
	py := cpython.Path()
	if py == "" {
		t.Skip("CPython 3.12 not found (set PY312 or install 3.12.1 with pyenv); the stdlib sweep is skipped")
	}
	out, err := exec.Command(py, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
	if err != nil {
		t.Skipf("cannot ask CPython for its Lib/: %v", err)
	}
	lib := strings.TrimSpace(string(out))
	var files []string
	filepath.Walk(lib, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(path, ".py") && !strings.Contains(path, "site-packages") {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	all := os.Getenv("ASYNC2GO_STDLIB") == "all"
	if !all {
		var sample []string
		for i := 0; i < len(files); i += 25 {
			sample = append(sample, files[i])
		}
		files = sample
	}
	cmd := exec.Command(py, "-c", dumpScript)
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	var n, okPlain, okPos int
	var failures []string
	for sc.Scan() {
		var rec struct{ File, Dump, Pos string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		n++
		src, _ := os.ReadFile(rec.File)
		mod, err := ParseFile(rec.File, src)
		if err != nil {
			failures = append(failures, rec.File+": "+firstLine(err.Error()))
			continue
		}
		if ast.Dump(mod, false) == rec.Dump {
			okPlain++
		} else {
			failures = append(failures, rec.File+": dump differs")
		}
		if ast.Dump(mod, true) == rec.Pos {
			okPos++
		} else {
			failures = append(failures, rec.File+": dump with positions differs")
		}
	}
	cmd.Wait()
	t.Logf("%d files CPython parses: %d dump identically, %d with positions too", n, okPlain, okPos)
	for _, f := range failures {
		t.Error(f)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
