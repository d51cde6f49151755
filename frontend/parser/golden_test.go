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
	eachChunk(t, "../../testdata/parser/*.txt", func(name string, i int, src, want string) {
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
			t.Errorf("%s chunk %d:\n%s\ngot  %s\nwant %s", name, i, src, got, want)
		}
	})
}

// TestErrorCarets checks the chunked files of testdata/parser/carets (as
// TestGolden's, recorded by testdata/parser/carets/record.py): the expected
// output is the syntax error as CPython 3.12 prints it, source line and
// carets included, or OK.
func TestErrorCarets(t *testing.T) {
	eachChunk(t, "../../testdata/parser/carets/*.txt", func(name string, i int, src, want string) {
		got := "OK"
		if _, err := ParseFile("x.py", []byte(src+"\n")); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%s chunk %d:\n%s\ngot\n%s\nwant\n%s", name, i, src, got, want)
		}
	})
}

// eachChunk calls check with every chunk of the files matching pattern:
// chunks are separated by "---" lines, each a source, a "###" line and the
// expected output.
func eachChunk(t *testing.T, pattern string, check func(name string, i int, src, want string)) {
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		t.Fatalf("no golden files match %s", pattern)
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
			check(filepath.Base(name), i, src, strings.TrimSuffix(want, "\n"))
		}
	}
}
