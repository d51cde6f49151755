package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that no input makes the parser panic or hang. It is
// seeded with the syntax-error corpus and the e2e programs.
func FuzzParse(f *testing.F) {
	if src, err := os.ReadFile("testdata/errors.py.txt"); err == nil {
		for _, chunk := range strings.Split(string(src), "\n---\n") {
			f.Add([]byte(chunk))
		}
	}
	files, _ := filepath.Glob("../../cmd/async2go/testdata/e2e/*.txtar")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			ParseFile("fuzz.py", src)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("parser hangs on %q", src)
		}
	})
}
