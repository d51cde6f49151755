package driver

import (
	"github.com/async2go/async2go/codegen"
	"github.com/async2go/async2go/frontend/parser"
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
	if err := parser.Check(filename, mod); err != nil {
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
