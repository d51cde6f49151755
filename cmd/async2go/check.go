package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/async2go/async2go/frontend/parser"
	"github.com/async2go/async2go/frontend/symtable"
	"github.com/async2go/async2go/internal/driver"
)

func init() {
	commands["check"] = command{"run every stage but the Go compiler and report errors", runCheck}
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("check", "FILE.py|DIR...", stderr)
	if code := parseFlags(flags, args); code >= 0 {
		return code
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	var files []string
	for _, arg := range flags.Args() {
		info, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintf(stderr, "async2go: %v\n", err)
			return 1
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
				files = append(files, path)
			}
			return nil
		})
	}
	status := 0
	for _, file := range files {
		if err := checkFile(file); err != nil {
			report(stderr, err)
			status = 1
		}
	}
	return status
}

// checkFile runs every stage on one file but the Go compiler: the parser,
// CPython's symbol-table and compile-time checks (frontend/symtable), then
// lowering and code generation. It returns the first error, whose Error()
// is the report to print. Later stages add their checks here.
func checkFile(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	mod, err := parser.ParseFile(path, src)
	if err != nil {
		return err
	}
	if _, err := symtable.Build(mod, path); err != nil {
		if e, ok := err.(*symtable.Error); ok {
			return syntaxError(e, src)
		}
		return err
	}
	_, err = driver.TranslateFile(path, driver.Options{})
	return err
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
