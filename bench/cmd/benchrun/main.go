// Command benchrun runs the whole-program benchmarks in bench/*/: each
// workload under CPython 3.12, under uvloop (where some python3 can import
// it), as the hand-written Go version (bench/<w>/hand) and as the program
// async2go translates from bench/<w>/prog.py. It checks every run's output
// against bench/<w>/checksum and prints the medians of wall time, CPU time
// (user+sys) and peak RSS (from the child's rusage), and the ratios.
//
//	go run ./bench/cmd/benchrun [-n 3] [-only switch,timers] [-million-n 1] [-no-cpython]
//
// Run it from the repository root. $PY312 overrides the CPython 3.12 path.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

var workloads = []string{"switch", "pingpong", "timers", "fanout", "arith", "million"}

type result struct {
	wall, cpu time.Duration
	rssKB     int64
	err       string // non-empty: failed (first line of the reason)
}

var (
	reps     = flag.Int("n", 3, "runs per measurement (median reported)")
	millionN = flag.Int("million-n", 1, "runs of the million-task workload under CPython and uvloop (25 s each)")
	only     = flag.String("only", "", "comma-separated workloads (default: all)")
	timeout  = flag.Duration("timeout", 5*time.Minute, "limit per run")
	noTrans  = flag.Bool("no-translated", false, "skip the translated programs")
	noPy     = flag.Bool("no-cpython", false, "skip the CPython and uvloop runs (fast iteration on the Go columns)")
)

func main() {
	flag.Parse()
	if _, err := os.Stat("bench/internal/handloop"); err != nil {
		fatalf("run from the repository root")
	}
	tmp, err := os.MkdirTemp("", "benchrun")
	if err != nil {
		fatalf("%v", err)
	}
	defer os.RemoveAll(tmp)

	py, uv := "", ""
	if !*noPy {
		py = findPy312()
		uv = findUvloop(py)
	}
	var a2g string
	if !*noTrans {
		a2g = filepath.Join(tmp, "async2go")
		if out, err := exec.Command("go", "build", "-o", a2g, "./cmd/async2go").CombinedOutput(); err != nil {
			fmt.Printf("note: building cmd/async2go failed (%s); no translated column\n", firstLine(string(out)))
			a2g = ""
		}
	}
	fmt.Printf("CPython: %s\n", orNone(py))
	if uv == "" {
		fmt.Println("uvloop: not importable by any python3 here (Debian python3-uvloop absent); uvloop column skipped")
	} else {
		fmt.Printf("uvloop: %s\n", uv)
	}
	fmt.Printf("runs per figure: %d (median); million under CPython/uvloop: %d\n\n", *reps, *millionN)

	sel := workloads
	if *only != "" {
		sel = strings.Split(*only, ",")
	}
	type row struct {
		name                          string
		cpy, uvl, hand, trans, transV result
		hasV                          bool
	}
	var rows []row
	for _, w := range sel {
		dir := filepath.Join("bench", w)
		wantB, err := os.ReadFile(filepath.Join(dir, "checksum"))
		if err != nil {
			fatalf("%v", err)
		}
		want := strings.TrimSpace(string(wantB))
		prog := filepath.Join(dir, "prog.py")
		r := row{name: w}
		pyReps := *reps
		if w == "million" {
			pyReps = *millionN
		}
		na := result{err: "n/a"}
		r.cpy, r.uvl, r.trans, r.transV = na, na, na, na
		if py != "" {
			r.cpy = measure(pyReps, want, nil, py, prog)
		}
		if uv != "" {
			r.uvl = measure(pyReps, want, nil, uv, "-c",
				"import asyncio, runpy, sys, uvloop; asyncio.set_event_loop_policy(uvloop.EventLoopPolicy()); sys.argv=[sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')", prog)
		}
		hbin := filepath.Join(tmp, w+"-hand")
		if out, err := exec.Command("go", "build", "-o", hbin, "./"+dir+"/hand").CombinedOutput(); err != nil {
			r.hand = result{err: "build failed: " + firstLine(string(out))}
		} else {
			r.hand = measure(*reps, want, nil, hbin)
		}
		if a2g != "" {
			tbin := filepath.Join(tmp, w+"-translated")
			if out, err := exec.Command(a2g, "build", "-o", tbin, prog).CombinedOutput(); err != nil {
				r.trans = result{err: "translate failed: " + firstLine(string(out)+err.Error())}
			} else {
				r.trans = measure(*reps, want, []string{"ASYNC2GO_CLOCK="}, tbin)
				if w == "million" {
					r.hasV = true
					r.transV = measure(*reps, want, []string{"ASYNC2GO_CLOCK=virtual"}, tbin)
				}
			}
		}
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "benchrun: %s done\n", w)
	}

	fmt.Println("| workload | implementation | wall s | CPU s | peak RSS MB |")
	fmt.Println("|---|---|---:|---:|---:|")
	line := func(w, impl string, r result) {
		if r.err != "" {
			fmt.Printf("| %s | %s | %s | | |\n", w, impl, r.err)
			return
		}
		fmt.Printf("| %s | %s | %.3f | %.3f | %.1f |\n", w, impl, r.wall.Seconds(), r.cpu.Seconds(), float64(r.rssKB)/1024)
	}
	for _, r := range rows {
		line(r.name, "CPython 3.12", r.cpy)
		if uv != "" {
			line(r.name, "uvloop", r.uvl)
		}
		line(r.name, "hand-written Go", r.hand)
		line(r.name, "translated", r.trans)
		if r.hasV {
			line(r.name, "translated, virtual clock", r.transV)
		}
	}
	fmt.Println()
	fmt.Println("Ratios of medians (wall / CPU / RSS); > 1 means the translated program is smaller or faster than the other, except translated/hand where > 1 means it is slower or bigger:")
	fmt.Println()
	fmt.Println("| workload | CPython/translated | uvloop/translated | translated/hand |")
	fmt.Println("|---|---|---|---|")
	for _, r := range rows {
		fmt.Printf("| %s | %s | %s | %s |\n", r.name, ratio(r.cpy, r.trans), ratio(r.uvl, r.trans), ratio(r.trans, r.hand))
	}
}

func ratio(a, b result) string {
	if a.err != "" || b.err != "" {
		return "–"
	}
	f := func(x, y float64) string {
		if y == 0 {
			return "∞"
		}
		if r := x / y; r >= 10 {
			return fmt.Sprintf("%.0f", r)
		} else {
			return fmt.Sprintf("%.2g", r)
		}
	}
	return f(a.wall.Seconds(), b.wall.Seconds()) + " / " + f(a.cpu.Seconds(), b.cpu.Seconds()) + " / " + f(float64(a.rssKB), float64(b.rssKB))
}

// measure runs the command n times and returns the medians; any run whose
// output differs from want makes the result an error.
func measure(n int, want string, env []string, name string, args ...string) result {
	var walls, cpus []time.Duration
	var rss []int64
	for range n {
		ctx, cancel := context.WithTimeout(context.Background(), *timeout)
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Env = append(os.Environ(), env...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		cancel()
		if err != nil {
			return result{err: fmt.Sprintf("failed: %v %s", err, firstLine(errb.String()))}
		}
		if got := strings.TrimSpace(out.String()); got != want {
			return result{err: fmt.Sprintf("wrong checksum %q (want %q)", firstLine(got), want)}
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		walls = append(walls, wall)
		cpus = append(cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
		rss = append(rss, ru.Maxrss)
	}
	return result{wall: median(walls), cpu: median(cpus), rssKB: median(rss)}
}

func median[T int64 | time.Duration](xs []T) T {
	slices.Sort(xs)
	return xs[len(xs)/2]
}

func findPy312() string {
	if p := os.Getenv("PY312"); p != "" {
		return p
	}
	if root, err := exec.Command("pyenv", "root").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(root)), "versions", "3.12.1", "bin", "python3")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("python3.12"); err == nil {
		return p
	}
	return ""
}

// findUvloop returns a python that can import uvloop: CPython 3.12 first,
// then the system python3 (Debian's python3-uvloop).
func findUvloop(py string) string {
	cands := []string{py, "/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	}
	for _, c := range cands {
		if c != "" && exec.Command(c, "-c", "import uvloop").Run() == nil {
			return c
		}
	}
	return ""
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "not found (set PY312); CPython column skipped"
	}
	return s
}

func fatalf(f string, a ...any) {
	fmt.Fprintf(os.Stderr, "benchrun: "+f+"\n", a...)
	os.Exit(1)
}
