package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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
// lowering and code generation (driver.Translate runs them in that order). It
// returns the first error, whose Error() is the report to print.
func checkFile(path string) error {
	_, err := driver.TranslateFile(path, driver.Options{})
	return err
}
