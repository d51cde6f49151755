package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/async2go/async2go/internal/driver"
)

func init() {
	commands["translate"] = command{"translate a Python file into Go source", runTranslate}
	commands["build"] = command{"translate and compile a Python file into an executable", runBuild}
	commands["run"] = command{"translate, compile and run a Python file", runRun}
}

// newFlagSet returns a FlagSet whose usage text goes to stderr and names the
// command's synopsis.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: async2go %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; it returns the exit code to stop with, or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0 // the flag package has printed the usage
		}
		return 2
	}
	return -1
}

// report prints an error of the input: the error's own text (CPython's report
// for syntax errors, FILE:LINE:COL: … for the rest).
func report(stderr io.Writer, err error) int {
	msg := err.Error()
	if !strings.HasSuffix(msg, "\n") {
		msg += "\n"
	}
	io.WriteString(stderr, msg)
	return 1
}

func runTranslate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("translate", "[-o OUT.go] [-package NAME] FILE.py", stderr)
	out := fs.String("o", "", "write the Go source to `OUT.go` (atomically; only over a file async2go generated) instead of standard output (\"-\": standard output too)")
	pkg := fs.String("package", "main", "the Go package `NAME` of the output")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	src, err := driver.TranslateFile(fs.Arg(0), driver.Options{Package: *pkg})
	if err != nil {
		return report(stderr, err)
	}
	if *out == "" || *out == "-" {
		stdout.Write(src)
		return 0
	}
	if err := driver.WriteGenerated(*out, src); err != nil {
		fmt.Fprintf(stderr, "async2go: %v\n", err)
		return 1
	}
	return 0
}

// profileUsage describes the -profile flag of build and run.
const profileUsage = "link profiling in: the program then writes pprof profiles to the files named by ASYNC2GO_CPUPROFILE and ASYNC2GO_MEMPROFILE in its environment"

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "[-o BINARY] [-profile] FILE.py", stderr)
	out := fs.String("o", "", "write the executable to `BINARY` (default: the file's name without .py)")
	profile := fs.Bool("profile", false, profileUsage)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	file := fs.Arg(0)
	if *out == "" {
		*out = strings.TrimSuffix(filepath.Base(file), ".py")
		if *out == filepath.Base(file) {
			*out += ".bin"
		}
	}
	src, err := driver.TranslateFile(file, driver.Options{})
	if err != nil {
		return report(stderr, err)
	}
	if err := driver.Build(src, *out, driver.BuildOptions{Profile: *profile}); err != nil {
		fmt.Fprintf(stderr, "async2go: %v\n", err)
		return 1
	}
	return 0
}

func runRun(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("run", "[-profile] FILE.py [ARGS...]", stderr)
	profile := fs.Bool("profile", false, profileUsage)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() < 1 {
		fs.Usage()
		return 2
	}
	file := fs.Arg(0)
	src, err := driver.TranslateFile(file, driver.Options{})
	if err != nil {
		return report(stderr, err)
	}
	dir, err := os.MkdirTemp("", "async2go-run-*")
	if err != nil {
		fmt.Fprintf(stderr, "async2go: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".py"))
	if err := driver.Build(src, bin, driver.BuildOptions{Profile: *profile}); err != nil {
		fmt.Fprintf(stderr, "async2go: %v\n", err)
		return 1
	}
	cmd := exec.Command(bin, fs.Args()[1:]...)
	cmd.Stdin = os.Stdin
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if code := exit.ExitCode(); code >= 0 {
				return code
			}
			// Killed by a signal: the shell that ran us sees only our
			// exit, so say what happened, and exit as a shell reports a
			// killed command (128 + the signal's number).
			if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				fmt.Fprintf(stderr, "async2go: %s: %v\n", file, ws.Signal())
				return 128 + int(ws.Signal())
			}
			fmt.Fprintf(stderr, "async2go: %s: %v\n", file, err)
			return 1
		}
		fmt.Fprintf(stderr, "async2go: %v\n", err)
		return 1
	}
	return 0
}
