package main

import (
	"fmt"
	"io"
	"os"

	"github.com/async2go/async2go/frontend/parser"
	"github.com/async2go/async2go/lower"
)

func init() {
	commands["ir"] = command{"print the state-machine IR of a Python file", runIR}
}

func runIR(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ir", "FILE.py", stderr)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	file := fs.Arg(0)
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "async2go: %v\n", err)
		return 1
	}
	mod, err := parser.ParseFile(file, src)
	if err != nil {
		return report(stderr, err)
	}
	prog, err := lower.Lower(mod, file, src)
	if err != nil {
		return report(stderr, err)
	}
	io.WriteString(stdout, prog.String())
	return 0
}
