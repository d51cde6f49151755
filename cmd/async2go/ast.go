package main

import (
	"fmt"
	"io"
	"os"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/parser"
)

func init() {
	commands["ast"] = command{"print each file's syntax tree as CPython's ast.dump does", runAST}
}

func runAST(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ast", "[--positions] [-q] FILE...", stderr)
	positions := fs.Bool("positions", false, "include positions (ast.dump's include_attributes=True)")
	quiet := fs.Bool("q", false, "parse only; print nothing")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for _, file := range fs.Args() {
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "async2go: %v\n", err)
			status = 1
			continue
		}
		mod, err := parser.ParseFile(file, src)
		if err != nil {
			report(stderr, err)
			status = 1
			continue
		}
		if !*quiet {
			fmt.Fprintln(stdout, ast.Dump(mod, *positions))
		}
	}
	return status
}
