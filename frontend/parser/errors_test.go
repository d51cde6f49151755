package parser

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestSyntaxErrors checks each chunk (the parser's errors; the symbol-table
// errors CPython reports after parsing are frontend/symtable's) of testdata/errors.py.txt against
// CPython 3.12's verdict recorded in testdata/errors.golden (the error class,
// line and message of compile(), or OK). Regenerate the golden file with
// testdata/record_errors.py.
func TestSyntaxErrors(t *testing.T) {
	src, err := os.ReadFile("testdata/errors.py.txt")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/errors.golden")
	if err != nil {
		t.Fatal(err)
	}
	chunks := strings.Split(string(src), "\n---\n")
	want := strings.Split(strings.TrimSuffix(string(golden), "\n"), "\n")
	if len(chunks) != len(want) {
		t.Fatalf("%d chunks but %d golden lines: re-run record_errors.py", len(chunks), len(want))
	}
	for i, chunk := range chunks {
		if !strings.HasSuffix(chunk, "\n") {
			chunk += "\n"
		}
		got := "OK"
		_, err := ParseFile("x.py", []byte(chunk))
		if e, ok := err.(*Error); ok {
			got = fmt.Sprintf("%s\t%d\t%s", e.Kind, e.Line, e.Msg)
		} else if err != nil {
			got = "other: " + err.Error()
		}
		if got != want[i] {
			t.Errorf("chunk %d:\n%s\ngot  %q\nwant %q", i, chunk, got, want[i])
		}
	}
}

// TestFStringFieldErrorColumns checks the caret (1-based offset and
// end_offset, as CPython 3.12's compile() reports them) of errors for tokens
// left over after a replacement field's expression.
func TestFStringFieldErrorColumns(t *testing.T) {
	for _, c := range []struct {
		src               string
		line, col, endCol int
	}{
		{"u = 1\nt = f\"{f\"{u}|{{\"k\": 1}!a}\"}\"\n", 2, 8, 18},
		{"x = f\"{a b}\"\n", 1, 8, 11},
		{"x = f\"{a \"x\"}\"\n", 1, 10, 13},
		{"x = f\"{ a  b }\"\n", 1, 9, 13},
		{"x = f\"{lambda: 1}\"\n", 1, 8, 15},
		{"x = f\"{ lambda  x : 1}\"\n", 1, 9, 20},
		{"x = f\"{lambda x, y: 1}\"\n", 1, 8, 20},
	} {
		_, err := ParseFile("x.py", []byte(c.src))
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want a SyntaxError", c.src, err)
			continue
		}
		if e.Line != c.line || e.Col != c.col || e.EndCol != c.endCol {
			t.Errorf("%q: got line %d cols %d-%d, want line %d cols %d-%d", c.src, e.Line, e.Col, e.EndCol, c.line, c.col, c.endCol)
		}
	}
}
