package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestASTParallelOrder checks that `async2go ast` prints the same bytes,
// in argument order, whether it parses one file at a time or several at
// once, dumps and errors alike.
func TestASTParallelOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := 0; i < 40; i++ {
		name := filepath.Join(dir, fmt.Sprintf("f%02d.py", i))
		src := fmt.Sprintf("x%d = f(%d, y=[i for i in range(%d)])\n", i, i, i)
		switch i % 7 {
		case 3:
			src = "def f(:\n"
		case 5:
			src = "x = (\n"
		}
		if i == 11 {
			name = filepath.Join(dir, "missing.py") // never written
		} else if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	run := func(flags ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := runAST(append(flags, files...), &out, &errOut)
		return out.String(), errOut.String(), code
	}
	for _, pos := range [][]string{nil, {"--positions"}} {
		out1, err1, code1 := run(append([]string{"-j", "1"}, pos...)...)
		for _, j := range []string{"2", "4", "16"} {
			out, errOut, code := run(append([]string{"-j", j}, pos...)...)
			if out != out1 || errOut != err1 || code != code1 {
				t.Errorf("-j %s %v: output differs from -j 1", j, pos)
			}
		}
		if code1 != 1 || err1 == "" || out1 == "" {
			t.Errorf("-j 1 %v: exit %d, want 1 with dumps and errors", pos, code1)
		}
	}
}
