// Package async2go holds the Go source of the runtime (rtlib and its
// subpackages), embedded so that the async2go command can build translated
// programs offline, from any folder, without fetching anything: the runtime
// travels inside the binary.
//
// The command-line tool is cmd/async2go; the translator's stages are the
// packages frontend/..., lower and codegen.
package async2go

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed rtlib
var runtimeFS embed.FS

// ModulePath is the Go module path of this repository; generated programs
// import the runtime from under it.
const ModulePath = "github.com/async2go/async2go"

// RuntimeGoMod is the go.mod written beside an extracted copy of the runtime.
// The runtime depends on the Go standard library only.
const RuntimeGoMod = "module " + ModulePath + "\n\ngo 1.23\n"

// RuntimeFiles calls fn for every non-test Go source file of the runtime, with
// its slash-separated path relative to the module root (rtlib/…).
func RuntimeFiles(fn func(path string, data []byte) error) error {
	return fs.WalkDir(runtimeFS, "rtlib", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "rtlib" && (strings.HasPrefix(d.Name(), "testdata") || strings.HasPrefix(d.Name(), "internal_test")) {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := runtimeFS.ReadFile(path)
		if err != nil {
			return err
		}
		return fn(path, data)
	})
}
