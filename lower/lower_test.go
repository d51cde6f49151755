package lower_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/parser"
	"github.com/async2go/async2go/lower"
	"github.com/async2go/async2go/lower/ir"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected IR of testdata/*.txtar")

func lowerSource(t *testing.T, name string, src []byte) *ir.Program {
	t.Helper()
	mod, err := parser.ParseFile(name, src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	prog, err := lower.Lower(mod, name, src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return prog
}

// TestGolden compares the IR text form of each testdata/*.txtar's in.py
// with its ir file (-update rewrites them).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var src []byte
		irIndex := -1
		for i, f := range a.Files {
			switch f.Name {
			case "in.py":
				src = f.Data
			case "ir":
				irIndex = i
			}
		}
		got := lowerSource(t, "in.py", src).String()
		if *update {
			if irIndex < 0 {
				a.Files = append(a.Files, txtar.File{Name: "ir"})
				irIndex = len(a.Files) - 1
			}
			a.Files[irIndex].Data = []byte(got)
			os.WriteFile(file, txtar.Format(a), 0o644)
			continue
		}
		if irIndex < 0 || string(a.Files[irIndex].Data) != got {
			t.Errorf("%s: IR differs (run go test ./lower -update and review the diff):\n%s", file, got)
		}
	}
}

// TestValidateCorpus lowers every program of the e2e tests and of the
// conformance corpus that the lowering accepts and runs the IR validator
// (Lower runs it too; this also checks the text form prints).
func TestValidateCorpus(t *testing.T) {
	var files []string
	e2e, _ := filepath.Glob("../cmd/async2go/testdata/e2e/*.txtar")
	conf, _ := filepath.Glob("../../shared/conformance/*.py")
	files = append(files, e2e...)
	files = append(files, conf...)
	n := 0
	for _, file := range files {
		src, _ := os.ReadFile(file)
		if strings.HasSuffix(file, ".txtar") {
			a := txtar.Parse(src)
			for _, f := range a.Files {
				if f.Name == "prog.py" {
					src = f.Data
				}
			}
		}
		mod, err := parser.ParseFile(file, src)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		prog, err := lower.Lower(mod, file, src)
		if err != nil {
			if _, ok := err.(*lower.UnsupportedError); ok {
				continue
			}
			t.Errorf("%s: %v", file, err)
			continue
		}
		if err := ir.Validate(prog); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		if prog.String() == "" {
			t.Errorf("%s: empty text form", file)
		}
		n++
	}
	t.Logf("validated the IR of %d programs", n)
}

func TestUnsupportedIsReported(t *testing.T) {
	src := []byte("import numpy\n")
	mod, _ := parser.ParseFile("u.py", src)
	_, err := lower.Lower(mod, "u.py", src)
	if err == nil || err.Error() != "u.py:1:8: unsupported: import of 'numpy'" {
		t.Fatalf("got %v", err)
	}
}

// TestUnsupportedBuiltinBases: a class deriving from a builtin container
// is reported at its base; the same name rebound by the program is not the
// builtin, and nothing is reported.
func TestUnsupportedBuiltinBases(t *testing.T) {
	cases := []struct{ src, want string }{
		{"class L(list):\n    pass\n", "u.py:1:9: unsupported: subclassing the builtin 'list'"},
		{"class A:\n    pass\nclass D(A, dict):\n    pass\n", "u.py:3:12: unsupported: subclassing the builtin 'dict'"},
		{"def f():\n    class S(set):\n        pass\n", "u.py:2:13: unsupported: subclassing the builtin 'set'"},
		{"list = tuple\nclass L(list):\n    pass\n", ""},
		{"class E(Exception):\n    pass\n", ""},
		{"class S(str):\n    pass\n", "u.py:1:9: unsupported: subclassing the builtin 'str'"},
		{"class P(tuple, object):\n    pass\n", "u.py:1:9: unsupported: subclassing the builtin 'tuple'"},
		{"from enum import Enum\nclass C(str, Enum):\n    A = 'a'\n", ""},
	}
	for _, c := range cases {
		src := []byte(c.src)
		mod, err := parser.ParseFile("u.py", src)
		if err != nil {
			t.Fatal(err)
		}
		_, err = lower.Lower(mod, "u.py", src)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}
