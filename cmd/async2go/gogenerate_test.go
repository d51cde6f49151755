package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoGenerate checks the go generate workflow of the README: a user's
// module that requires this one (through a replace) runs async2go translate
// from a //go:generate line, then builds and runs the program.
func TestGoGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, _ := os.ReadFile(filepath.Join(repo, "go.sum"))
	files := map[string]string{
		"go.mod":  "module example.com/user\n\ngo 1.24\n\nrequire github.com/async2go/async2go v0.0.0\n\nreplace github.com/async2go/async2go => " + repo + "\n",
		"go.sum":  string(sum),
		"prog.py": "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.01)\n    print('generated', 6 * 7)\n\nasyncio.run(main())\n",
		"gen.go":  "package main\n\n//go:generate go run github.com/async2go/async2go/cmd/async2go translate -o prog_gen.go prog.py\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	run := func(args ...string) string {
		cmd := exec.Command(gocmd, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("generate", "./...")
	run("build", "-o", "prog", ".")
	out, err := exec.Command(filepath.Join(dir, "prog")).CombinedOutput()
	if err != nil || string(out) != "generated 42\n" {
		t.Fatalf("program printed %q (%v)", out, err)
	}
	// Generating again replaces the generated file; a file the user wrote is
	// never replaced.
	run("generate", "./...")
	os.WriteFile(filepath.Join(dir, "prog_gen.go"), []byte("package main\n"), 0o644)
	cmd := exec.Command(gocmd, "generate", "./...")
	cmd.Dir = dir
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "refusing to overwrite") {
		t.Fatalf("go generate overwrote a user file: %v\n%s", err, out)
	}
}
