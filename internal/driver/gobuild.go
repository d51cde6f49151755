package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	async2go "github.com/async2go/async2go"
)

// runtimeDir returns a folder holding the embedded runtime as a Go module,
// extracting it on first use. The folder is named after a hash of its
// contents, so a new async2go binary never reuses a stale copy, and a stable
// path lets the go command's build cache reuse the compiled runtime.
func runtimeDir() (string, error) {
	h := sha256.New()
	h.Write([]byte(async2go.RuntimeGoMod))
	err := async2go.RuntimeFiles(func(path string, data []byte) error {
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	sum := hex.EncodeToString(h.Sum(nil))[:20]
	base, err := os.UserCacheDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "async2go", "runtime-"+sum)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".runtime-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	err = async2go.RuntimeFiles(func(path string, data []byte) error {
		p := filepath.Join(tmp, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(async2go.RuntimeGoMod), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another process may have extracted the same runtime first.
		if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
			return dir, nil
		}
		return "", err
	}
	return dir, nil
}

// minLangVersion is the Go version the runtime needs (runtime.go's
// RuntimeGoMod).
const minLangVersion = 23

var (
	langOnce sync.Once
	langVer  string
)

// langVersion is the go line of a program's go.mod: the language version
// of the toolchain that builds it (go env GOVERSION), so that the program
// runs with that toolchain's defaults. With an older go line, Go builds in
// the compatibility settings of that version (DefaultGODEBUG: for go 1.23,
// seventeen of them), which every start parses, and which cost a
// translated hello ~0.3 ms of its ~9 (docs/performance.md, finding 55).
// Where the version cannot be read, or is older, the runtime's own.
func langVersion(gocmd string) string {
	langOnce.Do(func() {
		langVer = fmt.Sprintf("1.%d", minLangVersion)
		cmd := exec.Command(gocmd, "env", "GOVERSION")
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off")
		out, err := cmd.Output()
		if err != nil {
			return
		}
		if m := goMinor.FindSubmatch(out); m != nil {
			if n, err := strconv.Atoi(string(m[1])); err == nil && n > minLangVersion {
				langVer = fmt.Sprintf("1.%d", n)
			}
		}
	})
	return langVer
}

// goMinor finds the minor version in go1.26.8 or devel go1.27-abcdef.
var goMinor = regexp.MustCompile(`go1\.(\d+)`)

// BuildError is a failure of the go command on generated code: a bug in the
// translator, since generated code must always compile.
type BuildError struct {
	Output string
}

func (e *BuildError) Error() string {
	return "internal error: the generated Go did not build (please report this):\n" + e.Output
}

// BuildOptions are the choices of Build.
type BuildOptions struct {
	// Profile links runtime/pprof into the program (the build tag
	// async2go_profile), so that ASYNC2GO_CPUPROFILE and
	// ASYNC2GO_MEMPROFILE in its environment write profiles.
	Profile bool
}

// Build compiles the generated Go source of one program into the executable
// out, offline: the runtime comes from the copy embedded in this binary.
func Build(goSrc []byte, out string, opts BuildOptions) error {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		return errors.New("the go command is needed to build translated programs; install Go from https://go.dev/dl/")
	}
	rt, err := runtimeDir()
	if err != nil {
		return fmt.Errorf("extracting the runtime: %v", err)
	}
	dir, err := os.MkdirTemp("", "async2go-build-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	gomod := fmt.Sprintf("module async2go.program\n\ngo %s\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		langVersion(gocmd), async2go.ModulePath, async2go.ModulePath, rt)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), goSrc, 0o644); err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	args := []string{"build", "-o", abs}
	if opts.Profile {
		args = append(args, "-tags", "async2go_profile")
	}
	cmd := exec.Command(gocmd, append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	var buf bytes.Buffer
	cmd.Stdout = &buf
	cmd.Stderr = &buf
	if err := cmd.Run(); err != nil {
		return &BuildError{Output: strings.TrimSpace(buf.String())}
	}
	return nil
}
