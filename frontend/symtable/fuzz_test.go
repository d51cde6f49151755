package symtable

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/parser"
)

// FuzzBuild checks that Build never panics on anything the parser accepts.
func FuzzBuild(f *testing.F) {
	for _, path := range []string{"../../testdata/symtable/corpus.py.txt", "../parser/testdata/errors.py.txt"} {
		text, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for _, c := range strings.Split(string(text), "\n---\n") {
			f.Add(c)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		mod, err := parseNoPanic(src)
		if err != nil || mod == nil {
			return
		}
		tab, err := Build(mod, "x.py")
		if err == nil && tab.Top == nil {
			t.Fatal("no top scope")
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
	})
}

// parseNoPanic parses src; parser panics are the parser's to fix (its own
// fuzz test finds them) and are skipped here.
func parseNoPanic(src string) (mod *ast.Module, err error) {
	defer func() {
		if recover() != nil {
			mod, err = nil, errors.New("parser panic")
		}
	}()
	return parser.ParseFile("x.py", []byte(src))
}
