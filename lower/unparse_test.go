package lower

import (
	"testing"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/parser"
)

// TestUnparseAnnotation checks the strings of annotations under `from
// __future__ import annotations` against CPython 3.12.1's ast.unparse and
// repr (recorded), and that other expressions are refused.
func TestUnparseAnnotation(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`list[int]`, `list[int]`},
		{`dict[str,   list[int]]`, `dict[str, list[int]]`},
		{`tuple[int, ...]`, `tuple[int, ...]`},
		{`tuple[()]`, `tuple[()]`},
		{`x[(1,)]`, `x[1,]`},
		{`(int | str) | None`, `int | str | None`},
		{`int | (str | None)`, `int | (str | None)`},
		{`a.b.C["T"]`, `a.b.C['T']`},
		{`Callable[[int, str], None]`, `Callable[[int, str], None]`},
		{`Literal[1, True, "a"]`, `Literal[1, True, 'a']`},
		{`"it's"`, `"it's"`},
		{`'say "hi"'`, `'say "hi"'`},
		{`'both \' and "'`, `'both \' and "'`},
		{`'a\\b'`, `'a\\b'`},
		{`'line\nnext\t'`, `'line\nnext\t'`},
		{`'\x00\x7f'`, `'\x00\x7f'`},
		{`'café'`, `'café'`},
		{`'\u200b'`, `'\u200b'`},
		{`'\U0001f600'`, `'😀'`},
		{`'\x85'`, `'\x85'`},
	} {
		e := parseExpr(t, c.src)
		got, ok := unparseAnnotation(e)
		if !ok || got != c.want {
			t.Errorf("unparse(%s) = %q, %v; want %q", c.src, got, ok, c.want)
		}
	}
	for _, src := range []string{`f(x)`, `a + b`, `-x`, `[i for i in x]`, `lambda: 0`} {
		if got, ok := unparseAnnotation(parseExpr(t, src)); ok {
			t.Errorf("unparse(%s) = %q, want it refused", src, got)
		}
	}
}

func parseExpr(t *testing.T, src string) ast.Expr {
	t.Helper()
	mod, err := parser.ParseFile("x.py", []byte("x: "+src+"\n"))
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return mod.Body[0].(*ast.AnnAssign).Annotation
}
