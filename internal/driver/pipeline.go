package driver

import (
	"strings"
	"unicode/utf8"

	"github.com/async2go/async2go/codegen"
	"github.com/async2go/async2go/frontend/parser"
	"github.com/async2go/async2go/frontend/symtable"
	"github.com/async2go/async2go/lower"
	rt "github.com/async2go/async2go/rtlib"
)

// Translate runs the whole pipeline on one Python source file and returns the
// generated Go source. Errors are values whose Error() is the report to show
// the user: CPython's own format for syntax errors, FILE:LINE:COL: unsupported:
// … for constructs the translator does not handle yet.
func Translate(filename string, src []byte, opts Options) ([]byte, error) {
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	if _, err := symtable.Build(mod, filename); err != nil {
		if e, ok := err.(*symtable.Error); ok {
			return nil, syntaxError(e, src)
		}
		return nil, err
	}
	prog, err := lower.Lower(mod, filename, src)
	if err != nil {
		return nil, err
	}
	return codegen.Generate(prog, codegen.Options{
		Package: opts.Package,
		Builtins: func(name string) bool {
			_, ok := rt.LookupBuiltin(name)
			return ok
		},
	})
}

// syntaxError turns a symtable error into the parser's CPython-formatted
// error, with the source line and columns counted in characters.
func syntaxError(e *symtable.Error, src []byte) error {
	lines := strings.Split(string(src), "\n")
	text := ""
	if e.Line >= 1 && e.Line <= len(lines) {
		text = lines[e.Line-1]
	}
	chars := func(col int) int {
		if col-1 > len(text) || col < 1 {
			return col
		}
		return utf8.RuneCountInString(text[:col-1]) + 1
	}
	endCol := 0
	if e.EndLine == e.Line {
		endCol = chars(e.EndCol)
	}
	return &parser.Error{Kind: "SyntaxError", Msg: e.Msg, Filename: e.Filename, Line: e.Line, Col: chars(e.Col), EndCol: endCol, Text: text}
}
