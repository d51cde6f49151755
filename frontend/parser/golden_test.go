package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/ast"
)

// TestGolden checks the chunked files of testdata/parser (chunks separated
// by "---", each source then "###" then the expected output recorded from
// CPython 3.12 by testdata/parser/record.py): the expected output is the
// dump with positions, or "Kind<TAB>line<TAB>msg" for a syntax error.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/parser/*.txt")
	if len(files) == 0 {
		t.Fatal("no golden files in testdata/parser")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, chunk := range strings.Split(string(data), "\n---\n") {
			src, want, ok := strings.Cut(chunk, "\n###\n")
			if !ok {
				t.Errorf("%s: chunk %d has no ###", name, i)
				continue
			}
			want = strings.TrimSuffix(want, "\n")
			var got string
			mod, err := ParseFile("x.py", []byte(src+"\n"))
			if e, ok := err.(*Error); ok {
				got = fmt.Sprintf("%s\t%d\t%s", e.Kind, e.Line, e.Msg)
			} else if err != nil {
				got = "other: " + err.Error()
			} else {
				got = ast.Dump(mod, true)
			}
			if got != want {
				t.Errorf("%s chunk %d:\n%s\ngot  %s\nwant %s", filepath.Base(name), i, src, got, want)
			}
		}
	}
}

// TestErrorCarets checks the chunked files of testdata/parser/carets (as
// TestGolden's, recorded by testdata/parser/carets/record.py): the expected
// output is the syntax error as CPython 3.12 prints it, source line and
// carets included, or OK.
func TestErrorCarets(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/parser/carets/*.txt")
	if len(files) == 0 {
		t.Fatal("no golden files in testdata/parser/carets")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, chunk := range strings.Split(string(data), "\n---\n") {
			src, want, ok := strings.Cut(chunk, "\n###\n")
			if !ok {
				t.Errorf("%s: chunk %d has no ###", name, i)
				continue
			}
			want = strings.TrimSuffix(want, "\n")
			got := "OK"
			if _, err := ParseFile("x.py", []byte(src+"\n")); err != nil {
				got = err.Error()
			}
			if got != want {
				t.Errorf("%s chunk %d:\n%s\ngot\n%s\nwant\n%s", filepath.Base(name), i, src, got, want)
			}
		}
	}
}
