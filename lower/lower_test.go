package lower_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
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
	if got := lowerError(t, "import numpy\n"); got != "u.py:1:8: unsupported: import of 'numpy'" {
		t.Fatalf("got %q", got)
	}
}

// TestUnsupportedModuleAttrs: a module attribute or an import that
// CPython's module has and the runtime's lacks is reported, unless the code
// expects it to be missing (a try with except clauses, a hasattr test) or
// the name read may hold something else than the module.
func TestUnsupportedModuleAttrs(t *testing.T) {
	missing := func(m string) string {
		names := strings.Fields(ir.CPythonOnlyNames(m))
		if len(names) == 0 {
			t.Skipf("the runtime's %s has all of CPython's names", m)
		}
		return names[0]
	}
	x, p := missing("os"), missing("os.path")
	cases := []struct{ src, want string }{
		{"import os\nprint(os." + x + ")\n", "u.py:2:7: unsupported: os." + x},
		{"import os\nos." + x + "()\n", "u.py:2:1: unsupported: os." + x},
		{"import os as o\ndef f():\n    return o." + x + "\n", "u.py:3:12: unsupported: os." + x},
		{"import os\nprint(os.path." + p + ")\n", "u.py:2:7: unsupported: os.path." + p},
		{"import os.path\nprint(os.path." + p + ")\n", "u.py:2:7: unsupported: os.path." + p},
		{"from os import " + x + "\n", "u.py:1:16: unsupported: from os import " + x},
		{"import os\nprint(os.getcwd, os.no_such_name)\n", ""}, // CPython raises too
		{"try:\n    from os import " + x + "\nexcept ImportError:\n    pass\n", ""},
		{"import os\ntry:\n    os." + x + "\nexcept AttributeError:\n    pass\n", ""},
		{"import os\nif hasattr(os, '" + x + "'):\n    os." + x + "\n", ""},
		{"import os\nwhile hasattr(os, '" + x + "'):\n    os." + x + "\n", ""},
		{"import os\nv = hasattr(os, '" + x + "') and os." + x + "\n", ""},
		{"import os\nv = os." + x + " if hasattr(os, '" + x + "') else 0\n", ""},
		{"import os\nos = object()\nprint(os." + x + ")\n", ""},
		{"import os\ndef f():\n    global os\n    os = 3\nprint(os." + x + ")\n", ""},
		{"import os\ndef f(os):\n    return os." + x + "\n", ""},
		{"import os\nimport sys as os\nprint(os." + x + ")\n", ""},
		{"import os\nos." + x + " = 1\n", ""},
	}
	for _, c := range cases {
		if got := lowerError(t, c.src); got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
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
		if got := lowerError(t, c.src); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// TestGenCloseUnsupported: a generator whose close runs code (finally,
// with, except GeneratorExit) is followed where CPython's reference count
// is knowable, and reported where it is not; generators whose close runs
// nothing are never reported.
func TestGenCloseUnsupported(t *testing.T) {
	const gen = "def gen():\n    try:\n        yield 1\n    finally:\n        print('f')\n"
	const what = "unsupported: a generator of 'gen' whose close would run its cleanup (finally, with, except GeneratorExit) when CPython's reference count drops, at a point the translation cannot follow"
	cases := []struct{ src, want string }{
		// Followed: for loops, comprehensions, consumers, yield from,
		// dropped calls, tracked variables.
		{gen + "for x in gen():\n    break\n", ""},
		{gen + "def f():\n    for x in gen():\n        return x\n", ""},
		{gen + "print([x for x in gen()], list(gen()), next(gen()), sum(gen()))\n", ""},
		{gen + "def g2():\n    yield from gen()\nfor x in g2():\n    break\n", ""},
		{gen + "gen()\n", ""},
		{gen + "def f():\n    g = gen()\n    print(next(g), g.send(None))\n    g.close()\n    del g\n", ""},
		{gen + "async def f():\n    g = gen()\n    for x in g:\n        pass\n", ""},
		{gen + "g = gen()\nnext(g)\ng = None\n", ""},
		// Not followed.
		{gen + "def f():\n    return gen()\n", "u.py:7:12: " + what},
		{gen + "xs = [gen()]\n", "u.py:6:7: " + what},
		{gen + "it = (x for x in gen())\n", "u.py:6:18: " + what},
		{gen + "def f():\n    g = gen()\n    return g\n", "u.py:8:12: unsupported: the generator held in 'g' may be referenced elsewhere: when CPython would close it (running its finally, with or except GeneratorExit code) cannot be followed"},
		{gen + "def f():\n    g = gen()\n    def h():\n        return next(g)\n", "u.py:7:5: unsupported: a generator held in 'g', which an inner function reaches: when CPython would close it cannot be followed"},
		{gen + "def f():\n    x = gen()\n    yield x\n", "u.py:7:9: " + what},
		{gen + "m = map(gen, [])\n", "u.py:6:9: unsupported: generator function 'gen' used as a value: when CPython would close its generators (running their finally, with or except GeneratorExit code) cannot be followed"},
		{"class C:\n    def it(self):\n        with open('x'):\n            yield 1\n", "u.py:2:5: unsupported: generator function 'it' with cleanup (finally, with, except GeneratorExit) that is not a module-level function bound only by its undecorated def: when CPython would close its generators cannot be followed"},
		{"def g():\n    try:\n        yield 1\n    except BaseException:\n        pass\nh = g\n", "u.py:6:5: unsupported: generator function 'g' used as a value: when CPython would close its generators (running their finally, with or except GeneratorExit code) cannot be followed"},
		{"async def ag():\n    try:\n        yield 1\n    finally:\n        pass\nasync def main():\n    a = ag()\n", "u.py:7:9: unsupported: an async generator of 'ag' whose close would run its cleanup (finally, with, except GeneratorExit) when CPython's reference count drops, at a point the translation cannot follow"},
		{gen + "def f():\n    g = gen()\n    next(g)\n    raise KeyError\ntry:\n    f()\nexcept KeyError as e:\n    saved = e\n", "u.py:13:13: unsupported: the exception 'e' kept past its except clause, in a program where an exception's traceback can hold generators with cleanup: when CPython would close them cannot be followed"},
		{gen + "def f(g):\n    g = gen()\n", "u.py:7:5: unsupported: a generator held in the parameter 'g': when CPython would close what it held before cannot be followed"},
		{gen + "g = gen()\nfor g in [1]:\n    pass\n", "u.py:7:5: unsupported: a value stored in 'g', which holds generators with cleanup: only a call of a generator function or a constant may be (closing what it held before must close nothing referenced elsewhere)"},
		{gen + "g = gen()\nsend = g.send\n", "u.py:7:8: unsupported: the generator held in 'g' may be referenced elsewhere: when CPython would close it (running its finally, with or except GeneratorExit code) cannot be followed"},
		// A close that runs nothing is never reported.
		{"def g():\n    try:\n        yield 1\n    except ValueError:\n        pass\ndef f():\n    return g()\n", ""},
		{"def g():\n    yield 1\nxs = [g()]\n", ""},
		{"from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield 1\n    finally:\n        pass\n", ""},
	}
	for _, c := range cases {
		if got := lowerError(t, c.src); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// lowerError lowers src as u.py and returns its error's text ("" if none).
func lowerError(t *testing.T, src string) string {
	t.Helper()
	mod, err := parser.ParseFile("u.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lower.Lower(mod, "u.py", []byte(src)); err != nil {
		return err.Error()
	}
	return ""
}

// TestImportBound: the globals that, once bound, hold one module for good
// are those whose every binding imports that module, none deletes, in a
// program that cannot bind its globals by name.
func TestImportBound(t *testing.T) {
	cases := []struct{ src, want string }{
		{"import asyncio\n", "asyncio"},
		{"import asyncio as aio, time\n", "aio time"},
		{"import os.path\n", "os"},
		{"import asyncio\ndef f():\n    global asyncio\n    import asyncio\n", "asyncio"},
		{"def f():\n    global a\n    import asyncio as a\n", "a"},
		{"import asyncio\nfor i in range(3):\n    import asyncio\n", "asyncio"},
		{"import asyncio\nasyncio = None\n", ""},
		{"import asyncio\ndef f():\n    global asyncio\n    asyncio = 1\n", ""},
		{"import asyncio\ndel asyncio\n", ""},
		{"import asyncio as m\nimport time as m\n", ""},
		{"from asyncio import sleep\n", ""},
		{"import asyncio\nfor asyncio in []:\n    pass\n", ""},
		{"import asyncio\ntry:\n    pass\nexcept Exception as asyncio:\n    pass\n", ""},
		{"import asyncio\nimport time\nglobals()['asyncio'] = time\n", ""},
		{"import asyncio\ndef f(g):\n    return g.__globals__\n", ""},
		{"import asyncio\ndef f():\n    import asyncio\n    return asyncio\n", "asyncio"}, // the local is not the global
	}
	for _, c := range cases {
		file, err := parser.ParseFile("u.py", []byte(c.src))
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		p, err := lower.Lower(file, "u.py", []byte(c.src))
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		var got []string
		for name := range p.ImportBound {
			got = append(got, name)
		}
		sort.Strings(got)
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: import-bound %q, want %q", c.src, g, c.want)
		}
	}
}
