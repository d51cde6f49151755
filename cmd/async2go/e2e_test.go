package main

// End-to-end tests: Python programs with CPython 3.12's recorded output are
// translated, built and run, on the real clock and on the virtual clock, and
// must print byte for byte what CPython printed, exit with its code and end
// stderr with its last line.
//
// Two sources of programs:
//   - testdata/e2e/*.txtar: our own, one archive per program with the files
//     prog.py, stdout, and for programs that fail on purpose exit and
//     stderr-tail (and, if the archive wants the traceback's lines checked,
//     stderr-frames: the frames of the program's own file, which -record
//     keeps up to date once the section exists); for programs that succeed but write to stderr (a
//     warning), stderr, which must match whole; or prog.py and unsupported, the error translating it
//     must report (prog.py:LINE:COL: unsupported: …) for programs the
//     translator refuses. Record them from CPython with -record; check the recorded
//     outputs against a live CPython with -live.
//   - the shared conformance corpus (../shared/conformance beside the repo, or
//     $ASYNC2GO_CONFORMANCE), when it is there.
//
// testdata/e2e/KNOWN_FAILURES lists programs that do not pass yet, with the
// reason; they are reported as skipped, and a listed program that passes
// fails the test so that the list stays true.

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/async2go/async2go/internal/cpython"
	"github.com/async2go/async2go/internal/driver"
	"golang.org/x/tools/txtar"
)

var (
	recordFlag = flag.Bool("record", false, "re-record testdata/e2e outputs from CPython 3.12")
	liveFlag   = flag.Bool("live", false, "also check recorded outputs against a live CPython 3.12")
)

// program is one end-to-end case.
type program struct {
	name    string
	path    string // the .py file (for conformance) or the archive
	src     []byte
	stdout  []byte
	exit    int
	errTail string
	// stderr: the whole of stderr, for a program that exits 0 but warns.
	stderr []byte
	// frames: for a program that fails on purpose, the frames of its own
	// file in its traceback ("line N, in NAME", innermost last), when the
	// archive has stderr-frames: the lines a traceback names, which
	// stderr-tail alone does not check.
	frames string
	// unsupported: the translation error expected instead of a run.
	unsupported string
	fromTxt     *txtar.Archive
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n\r\t "), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return lines[i]
		}
	}
	return ""
}

// tracebackFrame matches a traceback's frame line.
var tracebackFrame = regexp.MustCompile(`^  File "([^"]*)", line (\d+), in (\S+)$`)

// ownFrames are the frames of file in the tracebacks of stderr, one
// "line N, in NAME" a line.
func ownFrames(stderr []byte, file string) string {
	var out []string
	for _, line := range strings.Split(string(stderr), "\n") {
		if m := tracebackFrame.FindStringSubmatch(line); m != nil && m[1] == file {
			out = append(out, "line "+m[2]+", in "+m[3])
		}
	}
	return strings.Join(out, "\n")
}

func loadArchives(t *testing.T) []*program {
	files, _ := filepath.Glob("testdata/e2e/*.txtar")
	var progs []*program
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := &program{name: strings.TrimSuffix(filepath.Base(f), ".txtar"), path: f, fromTxt: a}
		for _, file := range a.Files {
			switch file.Name {
			case "prog.py":
				p.src = file.Data
			case "stdout":
				p.stdout = file.Data
			case "exit":
				p.exit, _ = strconv.Atoi(strings.TrimSpace(string(file.Data)))
			case "stderr":
				p.stderr = file.Data
			case "stderr-tail":
				p.errTail = strings.TrimSpace(string(file.Data))
			case "stderr-frames":
				p.frames = strings.TrimSpace(string(file.Data))
			case "unsupported":
				p.unsupported = strings.TrimSpace(string(file.Data))
			}
		}
		if p.src == nil {
			t.Fatalf("%s: no prog.py", f)
		}
		progs = append(progs, p)
	}
	return progs
}

func conformanceDir() string {
	if d := os.Getenv("ASYNC2GO_CONFORMANCE"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "conformance")
}

func loadConformance() []*program {
	dir := conformanceDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	var progs []*program
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		src, err1 := os.ReadFile(f)
		out, err2 := os.ReadFile(filepath.Join(dir, name+".out"))
		if err1 != nil || err2 != nil {
			continue
		}
		p := &program{name: "conformance/" + name, path: f, src: src, stdout: out}
		if b, err := os.ReadFile(filepath.Join(dir, name+".exit")); err == nil {
			p.exit, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
		if b, err := os.ReadFile(filepath.Join(dir, name+".errtail")); err == nil {
			p.errTail = strings.TrimSpace(string(b))
		}
		progs = append(progs, p)
	}
	return progs
}

// knownFailures reads testdata/e2e/KNOWN_FAILURES: "name: reason" lines.
func knownFailures(t *testing.T) map[string]string {
	known := map[string]string{}
	f, err := os.Open("testdata/e2e/KNOWN_FAILURES")
	if err != nil {
		return known
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		known[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return known
}

// runResult is what one run of a program did.
type runResult struct {
	stdout, stderr []byte
	exit           int
}

func runBinary(bin string, env []string, timeout time.Duration) (runResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := runResult{stdout: out.Bytes(), stderr: errb.Bytes()}
	if ctx.Err() != nil {
		return r, fmt.Errorf("timed out after %v", timeout)
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			r.exit = ee.ExitCode()
		} else {
			return r, err
		}
	}
	return r, nil
}

// check compares one run against the recorded expectations.
func (p *program) check(r runResult) error {
	var problems []string
	if !bytes.Equal(r.stdout, p.stdout) {
		problems = append(problems, fmt.Sprintf("stdout differs:\n--- got\n%s--- want\n%s", r.stdout, p.stdout))
	}
	if r.exit != p.exit {
		problems = append(problems, fmt.Sprintf("exit code %d, want %d", r.exit, p.exit))
	}
	if p.exit != 0 && lastLine(r.stderr) != p.errTail {
		problems = append(problems, fmt.Sprintf("last stderr line %q, want %q", lastLine(r.stderr), p.errTail))
	}
	if p.frames != "" {
		if got := ownFrames(r.stderr, p.name+".py"); got != p.frames {
			problems = append(problems, fmt.Sprintf("traceback frames differ:\n--- got\n%s\n--- want\n%s", got, p.frames))
		}
	}
	if p.stderr != nil && !bytes.Equal(r.stderr, p.stderr) {
		problems = append(problems, fmt.Sprintf("stderr differs:\n--- got\n%s--- want\n%s", r.stderr, p.stderr))
	}
	if p.stderr == nil && p.exit == 0 && r.exit == 0 && len(r.stderr) > 0 {
		problems = append(problems, fmt.Sprintf("unexpected stderr:\n%s", r.stderr))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// buildSlots bounds concurrent go builds to the number of CPUs.
var buildSlots = make(chan struct{}, runtime.NumCPU())

func (p *program) translateBuildRun(t *testing.T) error {
	dir := t.TempDir()
	pyFile := filepath.Join(dir, filepath.Base(strings.TrimSuffix(p.name, ".txtar"))+".py")
	if err := os.WriteFile(pyFile, p.src, 0o644); err != nil {
		return err
	}
	if p.unsupported != "" {
		_, err := driver.Translate("prog.py", p.src, driver.Options{})
		if err == nil {
			return fmt.Errorf("translated; want the error %q", p.unsupported)
		}
		if err.Error() != p.unsupported {
			return fmt.Errorf("translate: %v\nwant: %s", err, p.unsupported)
		}
		return nil
	}
	goSrc, err := driver.Translate(filepath.Base(pyFile), p.src, driver.Options{})
	if err != nil {
		return fmt.Errorf("translate: %v", err)
	}
	bin := filepath.Join(dir, "prog")
	buildSlots <- struct{}{}
	err = driver.Build(goSrc, bin, driver.BuildOptions{})
	<-buildSlots
	if err != nil {
		return fmt.Errorf("build: %v", err)
	}
	for _, clock := range []string{"virtual", "real"} {
		// On the real clock a program's output may depend on timings
		// (sleeps of a few milliseconds racing each other), which a loaded
		// machine stretches: a mismatch there gets two more tries. The
		// virtual clock is deterministic and gets one.
		tries := 1
		if clock == "real" {
			tries = 3
		}
		var err error
		for try := 1; try <= tries; try++ {
			var r runResult
			r, err = runBinary(bin, []string{"ASYNC2GO_CLOCK=" + clock}, 60*time.Second)
			if err == nil {
				err = p.check(r)
			}
			if err == nil {
				break
			}
			if try < tries {
				t.Logf("real clock, try %d: %v", try, firstLines(err.Error(), 3))
			}
		}
		if err != nil {
			return fmt.Errorf("%s clock: %v", clock, err)
		}
	}
	return nil
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	progs := loadArchives(t)
	if conf := loadConformance(); len(conf) > 0 {
		progs = append(progs, conf...)
	} else {
		t.Logf("no conformance corpus at %s; only testdata/e2e runs", conformanceDir())
	}
	if *recordFlag || *liveFlag {
		recordOrLive(t, progs)
	}
	known := knownFailures(t)
	var mu sync.Mutex
	seen := map[string]bool{}
	for _, p := range progs {
		p := p
		mu.Lock()
		seen[p.name] = true
		mu.Unlock()
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			err := p.translateBuildRun(t)
			reason, isKnown := known[p.name]
			switch {
			case err != nil && isKnown:
				t.Skipf("known failure (%s): %v", reason, firstLines(err.Error(), 6))
			case err != nil:
				t.Error(err)
			case isKnown:
				t.Errorf("passes now: remove %q from testdata/e2e/KNOWN_FAILURES", p.name)
			}
		})
	}
	for name := range known {
		if !seen[name] && !strings.HasPrefix(name, "conformance/") {
			t.Errorf("testdata/e2e/KNOWN_FAILURES names %q, which is not a test", name)
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}

// recordOrLive runs each of our own programs under CPython 3.12 three times.
// With -record it rewrites the archive's outputs (when the runs agree); with
// -live it checks that the recorded outputs still match CPython's.
func recordOrLive(t *testing.T, progs []*program) {
	py := cpython.Path()
	if py == "" {
		t.Skip("-record/-live need CPython 3.12 (set PY312 or install it with pyenv)")
	}
	for _, p := range progs {
		if p.fromTxt == nil || p.unsupported != "" {
			continue
		}
		dir := t.TempDir()
		file := filepath.Join(dir, p.name+".py")
		os.WriteFile(file, p.src, 0o644)
		var runs []runResult
		for i := 0; i < 3; i++ {
			cmd := exec.Command(py, filepath.Base(file))
			cmd.Dir = dir
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			code := 0
			if err := cmd.Run(); err != nil {
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				} else {
					t.Fatal(err)
				}
			}
			// CPython names the script by its absolute path; the
			// translated program by the name it was translated from.
			stderr := bytes.ReplaceAll(errb.Bytes(), []byte(dir+string(filepath.Separator)), nil)
			runs = append(runs, runResult{out.Bytes(), stderr, code})
		}
		for _, r := range runs[1:] {
			if !bytes.Equal(r.stdout, runs[0].stdout) || r.exit != runs[0].exit || lastLine(r.stderr) != lastLine(runs[0].stderr) {
				t.Fatalf("%s: CPython's output is not deterministic; fix the program", p.name)
			}
		}
		r := runs[0]
		if *liveFlag {
			want := &program{name: p.name, stdout: p.stdout, exit: p.exit, errTail: p.errTail, stderr: p.stderr, frames: p.frames}
			if err := want.check(r); err != nil {
				t.Errorf("%s: recorded output differs from live CPython: %v", p.name, err)
			}
			continue
		}
		a := &txtar.Archive{Comment: p.fromTxt.Comment}
		a.Files = append(a.Files, txtar.File{Name: "prog.py", Data: p.src}, txtar.File{Name: "stdout", Data: r.stdout})
		if r.exit != 0 {
			a.Files = append(a.Files,
				txtar.File{Name: "exit", Data: []byte(strconv.Itoa(r.exit) + "\n")},
				txtar.File{Name: "stderr-tail", Data: []byte(lastLine(r.stderr) + "\n")})
			if p.frames != "" {
				a.Files = append(a.Files, txtar.File{Name: "stderr-frames", Data: []byte(ownFrames(r.stderr, p.name+".py") + "\n")})
			}
		} else if len(r.stderr) > 0 {
			a.Files = append(a.Files, txtar.File{Name: "stderr", Data: r.stderr})
		}
		if err := os.WriteFile(p.path, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		p.stdout, p.exit, p.errTail = r.stdout, r.exit, lastLine(r.stderr)
		if p.frames != "" {
			p.frames = ownFrames(r.stderr, p.name+".py")
		}
		p.stderr = nil
		if r.exit == 0 && len(r.stderr) > 0 {
			p.stderr = r.stderr
		}
		t.Logf("recorded %s (exit %d)", p.name, r.exit)
	}
}
