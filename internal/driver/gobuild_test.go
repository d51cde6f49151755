package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
	if err := Build(src, bin, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin).CombinedOutput()
	if err != nil || string(out) != "built ok\n" {
		t.Fatalf("ran %q, %v", out, err)
	}
	// The go line is the toolchain's: no compatibility settings of an
	// older Go for the program to parse at each start (langVersion).
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err != nil {
		t.Fatal(err)
	} else if strings.Contains(string(info), "DefaultGODEBUG") {
		t.Errorf("the program was built with an older Go's settings:\n%s", info)
	}
	if err := Build([]byte("package main\n\nfunc main() { undefined() }\n"), bin, BuildOptions{}); err == nil {
		t.Fatal("a program that does not compile built")
	} else if _, ok := err.(*BuildError); !ok {
		t.Fatalf("got %T, want *BuildError", err)
	}
}

// TestBuildProfile: only a program built with BuildOptions.Profile writes
// the profile its environment asks for; one built without says that it
// ignores the request.
func TestBuildProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	src, err := Translate("hello.py", []byte("print('hi')\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, profile := range []bool{true, false} {
		bin := filepath.Join(dir, "prog")
		if err := Build(src, bin, BuildOptions{Profile: profile}); err != nil {
			t.Fatal(err)
		}
		prof := filepath.Join(dir, "cpu.out")
		os.Remove(prof)
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "ASYNC2GO_CPUPROFILE="+prof)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil || stdout.String() != "hi\n" {
			t.Fatalf("profile %v: ran %q %q, %v", profile, stdout.String(), stderr.String(), err)
		}
		b, err := os.ReadFile(prof)
		switch {
		case profile && (err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b})):
			t.Errorf("built with profiling: no gzipped profile written (%v, %d bytes)", err, len(b))
		case profile && stderr.Len() > 0:
			t.Errorf("built with profiling: stderr %q", stderr.String())
		case !profile && err == nil:
			t.Errorf("built without profiling: a profile was written")
		case !profile && !strings.Contains(stderr.String(), "ASYNC2GO_CPUPROFILE is ignored"):
			t.Errorf("built without profiling: stderr %q does not say the request is ignored", stderr.String())
		}
	}
}
