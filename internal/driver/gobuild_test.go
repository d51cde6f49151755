package driver

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestBuildOffline builds a program against the embedded runtime with the
// module proxy turned off, as `async2go build` does on a machine without a
// network.
func TestBuildOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	src := []byte(GeneratedHeader + `

package main

import (
	"fmt"

	rt "github.com/async2go/async2go/rtlib"
)

func main() { fmt.Println("built", rt.Str("ok")) }
`)
	bin := filepath.Join(t.TempDir(), "prog")
	if err := Build(src, bin); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin).CombinedOutput()
	if err != nil || string(out) != "built ok\n" {
		t.Fatalf("ran %q, %v", out, err)
	}
	if err := Build([]byte("package main\n\nfunc main() { undefined() }\n"), bin); err == nil {
		t.Fatal("a program that does not compile built")
	} else if _, ok := err.(*BuildError); !ok {
		t.Fatalf("got %T, want *BuildError", err)
	}
}
