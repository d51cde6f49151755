package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/async2go/async2go/internal/cpython"
)

// BenchmarkParse parses the e2e programs and the syntax-error corpus source.
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob("../../lower/*.go")
	_ = files
	src, err := os.ReadFile("../../cmd/async2go/testdata/e2e/classes.txtar")
	if err != nil {
		b.Fatal(err)
	}
	// Only the Python part of the archive.
	start := len("-- prog.py --\n")
	end := start
	for end < len(src) && !(src[end] == '\n' && end+3 < len(src) && string(src[end+1:end+4]) == "-- ") {
		end++
	}
	py := src[start : end+1]
	b.SetBytes(int64(len(py)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile("classes.py", py); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseStdlib parses every .py file of CPython 3.12's Lib/ without
// its test suites (the files make bench-parser measures) that this parser
// accepts. Skips where CPython 3.12 is absent.
func BenchmarkParseStdlib(b *testing.B) {
	py := cpython.Path()
	if py == "" {
		b.Skip("CPython 3.12 not found")
	}
	lib := filepath.Join(filepath.Dir(filepath.Dir(py)), "lib", "python3.12")
	var srcs [][]byte
	var total int64
	filepath.Walk(lib, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		if info.IsDir() {
			switch info.Name() {
			case "site-packages", "test", "tests", "idle_test", "encoded_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".py") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		if _, err := ParseFile(path, src); err != nil {
			return nil
		}
		srcs = append(srcs, src)
		total += int64(len(src))
		return nil
	})
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			if _, err := ParseFile("x.py", src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
