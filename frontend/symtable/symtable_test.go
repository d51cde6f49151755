package symtable

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/parser"
)

// recorded is one chunk's CPython result (testdata/symtable/record.py).
type recorded struct {
	Error []any  `json:"error"`
	Table *rtree `json:"table"`
}

type rtree struct {
	Type     int            `json:"type"`
	Name     string         `json:"name"`
	Symbols  map[string]int `json:"symbols"`
	Params   []string       `json:"params"`
	Children []*rtree       `json:"children"`
}

// compare reports the differences between our scope and CPython's table.
func compare(path string, s *Scope, r *rtree, diffs *[]string) {
	if int(s.Type) != r.Type || (s.Name != r.Name && s.Type != ModuleBlock) {
		*diffs = append(*diffs, fmt.Sprintf("%s: scope %s/%d, CPython %s/%d", path, s.Name, s.Type, r.Name, r.Type))
	}
	path += "/" + r.Name
	if fmt.Sprint(s.Params) != fmt.Sprint(r.Params) && !(len(s.Params) == 0 && len(r.Params) == 0) {
		*diffs = append(*diffs, fmt.Sprintf("%s: params %v, CPython %v", path, s.Params, r.Params))
	}
	got := map[string]int{}
	for _, y := range s.Symbols {
		got[y.Name] = y.Flags | int(y.Scope)<<scopeOffset
	}
	var names []string
	for n := range got {
		names = append(names, n)
	}
	for n := range r.Symbols {
		if _, ok := got[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if got[n] != r.Symbols[n] {
			*diffs = append(*diffs, fmt.Sprintf("%s: %s: flags %d (%s), CPython %d (%s)", path, n, got[n], ScopeKind(got[n]>>scopeOffset), r.Symbols[n], ScopeKind(r.Symbols[n]>>scopeOffset)))
		}
	}
	if len(s.Children) != len(r.Children) {
		*diffs = append(*diffs, fmt.Sprintf("%s: %d children, CPython %d", path, len(s.Children), len(r.Children)))
		return
	}
	for i := range s.Children {
		compare(path, s.Children[i], r.Children[i], diffs)
	}
}

// check runs one source against CPython's recorded result and returns the
// differences.
func check(name string, src []byte, want recorded) []string {
	mod, err := parser.ParseFile("x.py", src)
	if err != nil {
		return []string{fmt.Sprintf("parse: %v", err)}
	}
	return checkModule(name, mod, want)
}

// checkModule compares Build's result on mod with CPython's.
func checkModule(name string, mod *ast.Module, want recorded) []string {
	t, err := Build(mod, "x.py")
	if want.Error != nil {
		msg := fmt.Sprintf("%v:%v:%v", want.Error[0], want.Error[1], want.Error[2])
		e, ok := err.(*Error)
		if !ok {
			return []string{fmt.Sprintf("want error %s, got %v", msg, err)}
		}
		if got := fmt.Sprintf("%s:%d:%d", e.Msg, e.Line, e.Col); got != msg {
			return []string{fmt.Sprintf("error %s, CPython %s", got, msg)}
		}
		return nil
	}
	if err != nil {
		return []string{fmt.Sprintf("unexpected error: %v", err)}
	}
	var diffs []string
	compare(name, t.Top, want.Table, &diffs)
	return diffs
}

func TestCorpus(t *testing.T) {
	text, err := os.ReadFile("../../testdata/symtable/corpus.py.txt")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../testdata/symtable/corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	var want []recorded
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	chunks := strings.Split(string(text), "\n---\n")
	if len(chunks) != len(want) {
		t.Fatalf("%d chunks, %d recorded: rerun record.py", len(chunks), len(want))
	}
	pass := 0
	for i, c := range chunks {
		if d := check("chunk", []byte(c), want[i]); len(d) > 0 {
			t.Errorf("chunk %d:\n%s\n--\n%s", i, c, strings.Join(d, "\n"))
		} else {
			pass++
		}
	}
	t.Logf("%d/%d chunks agree with CPython", pass, len(chunks))
}

// TestStdlib compares against CPython's symtable over a sample of Lib/*.py.
func TestStdlib(t *testing.T) {
	py := os.Getenv("PYTHON312")
	if py == "" {
		if root, err := exec.Command("pyenv", "root").Output(); err == nil {
			py = filepath.Join(strings.TrimSpace(string(root)), "versions/3.12.1/bin/python3")
		}
	}
	if _, err := os.Stat(py); py == "" || err != nil {
		t.Skip("CPython 3.12 not found (set PYTHON312)")
	}
	lib := filepath.Join(filepath.Dir(filepath.Dir(py)), "lib/python3.12")
	var files []string
	for _, pat := range []string{"*.py", "asyncio/*.py", "concurrent/futures/*.py", "json/*.py", "email/*.py", "test/test_grammar.py", "test/test_coroutines.py", "test/test_scope.py", "test/test_type_params.py", "test/test_named_expressions.py", "test/test_listcomps.py", "test/test_super.py", "test/test_asyncgen.py", "test/test_exception_group.py", "test/test_patma.py"} {
		m, _ := filepath.Glob(filepath.Join(lib, pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	if testing.Short() && len(files) > 40 {
		files = files[:40]
	}
	// Record all files in one CPython run: chunks joined with ---.
	var srcs [][]byte
	var names []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || strings.Contains(string(b), "\n---\n") {
			continue
		}
		srcs = append(srcs, b)
		names = append(names, f)
	}
	tmp := filepath.Join(t.TempDir(), "all.txt")
	var all []string
	for _, s := range srcs {
		all = append(all, string(s))
	}
	os.WriteFile(tmp, []byte(strings.Join(all, "\n---\n")), 0o644)
	out, err := exec.Command(py, "../../testdata/symtable/record.py", tmp).Output()
	if err != nil {
		t.Fatalf("record.py: %v", err)
	}
	var want []recorded
	if err := json.Unmarshal(out, &want); err != nil || len(want) != len(srcs) {
		t.Fatalf("record.py output: %v (%d results)", err, len(want))
	}
	pass := 0
	for i := range srcs {
		d := check(filepath.Base(names[i]), srcs[i], want[i])
		if len(d) > 0 && strings.HasPrefix(d[0], "parse:") {
			t.Logf("%s: %s", names[i], d[0])
			continue
		}
		if len(d) > 0 {
			if len(d) > 5 {
				d = d[:5]
			}
			t.Errorf("%s:\n%s", names[i], strings.Join(d, "\n"))
		} else {
			pass++
		}
	}
	t.Logf("%d/%d stdlib files agree with CPython", pass, len(srcs))
}
