package parser

import (
	"os"
	"path/filepath"
	"testing"
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
