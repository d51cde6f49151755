// Command benchrun runs the whole-program benchmarks in bench/*/: each
// workload under CPython 3.12, under uvloop (where some python3 can import
// it), as the hand-written Go version (bench/<w>/hand) and as the program
// async2go translates from bench/<w>/prog.py. It checks every run's output
// against bench/<w>/checksum and prints the medians of wall time, CPU time
// (user+sys) and peak RSS (from the child's rusage), and the ratios, with
// their geometric means. The implementations take turns run by run.
//
//	go run ./bench/cmd/benchrun [-n 3] [-min-wall 1s] [-only switch,timers] [-million-n 1] [-no-cpython]
//
// Run it from the repository root. $PY312 overrides the CPython 3.12 path.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/async2go/async2go/internal/cpython"
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
	showRuns = flag.Bool("runs", false, "print every run's wall time to stderr, in the order of the runs")
	minWall  = flag.Duration("min-wall", time.Second, "a command runs more than -n times, until its runs add up to this much wall time (or -max-runs)")
	maxRuns  = flag.Int("max-runs", 41, "most runs of a short command under -min-wall")
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
		py = cpython.Path()
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
		ver, _ := exec.Command(uv, "-c", "import sys, uvloop; print(uvloop.__version__, 'on Python', sys.version.split()[0])").Output()
		fmt.Printf("uvloop: %s (%s)\n", uv, strings.TrimSpace(string(ver)))
	}
	fmt.Printf("runs per figure: %d, or as many as make %v (at most %d) (median); million under CPython/uvloop: %d\n\n", *reps, *minWall, *maxRuns, *millionN)

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
		// The implementations take turns, one run each per round, so that
		// a change in the machine's load falls on all of them alike.
		var runs []*run
		if py != "" {
			runs = append(runs, &run{res: &r.cpy, reps: pyReps, argv: []string{py, prog}})
		}
		if uv != "" {
			runs = append(runs, &run{res: &r.uvl, reps: pyReps, argv: []string{uv, "-c",
				"import asyncio, runpy, sys, uvloop; asyncio.set_event_loop_policy(uvloop.EventLoopPolicy()); sys.argv=[sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')", prog}})
		}
		hbin := filepath.Join(tmp, w+"-hand")
		if out, err := exec.Command("go", "build", "-o", hbin, "./"+dir+"/hand").CombinedOutput(); err != nil {
			r.hand = result{err: "build failed: " + firstLine(string(out))}
		} else {
			runs = append(runs, &run{res: &r.hand, reps: *reps, argv: []string{hbin}})
		}
		if a2g != "" {
			tbin := filepath.Join(tmp, w+"-translated")
			if out, err := exec.Command(a2g, "build", "-o", tbin, prog).CombinedOutput(); err != nil {
				r.trans = result{err: "translate failed: " + firstLine(string(out)+err.Error())}
			} else {
				runs = append(runs, &run{res: &r.trans, reps: *reps, env: []string{"ASYNC2GO_CLOCK="}, argv: []string{tbin}})
				if w == "million" {
					r.hasV = true
					runs = append(runs, &run{res: &r.transV, reps: *reps, env: []string{"ASYNC2GO_CLOCK=virtual"}, argv: []string{tbin}})
				}
			}
		}
		measureInTurns(runs, want)
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
	var gc, gu, gh []float64
	for _, r := range rows {
		fmt.Printf("| %s | %s | %s | %s |\n", r.name, ratio(r.cpy, r.trans), ratio(r.uvl, r.trans), ratio(r.trans, r.hand))
		gc = appendWallRatio(gc, r.cpy, r.trans)
		gu = appendWallRatio(gu, r.uvl, r.trans)
		gh = appendWallRatio(gh, r.trans, r.hand)
	}
	if len(rows) > 1 {
		fmt.Printf("| geometric mean, wall | %s | %s | %s |\n", geomean(gc, len(rows)), geomean(gu, len(rows)), geomean(gh, len(rows)))
	}
}

// appendWallRatio appends a's wall time over b's when both were measured.
func appendWallRatio(xs []float64, a, b result) []float64 {
	if a.err != "" || b.err != "" || b.wall <= 0 {
		return xs
	}
	return append(xs, a.wall.Seconds()/b.wall.Seconds())
}

// geomean is the geometric mean of xs, "–" unless all n workloads have one.
func geomean(xs []float64, n int) string {
	if len(xs) != n || n == 0 {
		return "–"
	}
	sum := 0.0
	for _, x := range xs {
		sum += math.Log(x)
	}
	g := math.Exp(sum / float64(n))
	if g >= 10 {
		return fmt.Sprintf("%.1f", g) // a target is 40: 39.6 is not 40
	}
	return fmt.Sprintf("%.2f", g)
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
			return fmt.Sprintf("%.2f", r) // a target is 1.5: 1.54 is not 1.5
		}
	}
	return f(a.wall.Seconds(), b.wall.Seconds()) + " / " + f(a.cpu.Seconds(), b.cpu.Seconds()) + " / " + f(float64(a.rssKB), float64(b.rssKB))
}

// A run is one implementation of a workload to be measured reps times.
type run struct {
	res   *result
	reps  int
	env   []string
	argv  []string
	walls []time.Duration
	cpus  []time.Duration
	rss   []int64
	fail  bool
}

// measureInTurns runs each command of runs, one run of each per round, until
// each has had its reps and, if its runs are short, as many more as make
// -min-wall of wall time in all (at most -max-runs): the median of a
// program that runs for 10 ms on a shared machine moves by a third from one
// set of five runs to the next, and more runs steady it. It stores the
// medians in each result; a run whose output differs from want, or that
// fails, makes its result an error and ends its turns.
func measureInTurns(runs []*run, want string) {
	for round := 0; ; round++ {
		busy := false
		for _, m := range runs {
			if m.fail || !m.wantsMore(round) {
				continue
			}
			busy = true
			if err := m.once(want); err != "" {
				*m.res, m.fail = result{err: err}, true
				continue
			}
			*m.res = result{wall: median(m.walls), cpu: median(m.cpus), rssKB: median(m.rss)}
		}
		if !busy {
			if *showRuns {
				for _, m := range runs {
					var ms []string
					for _, w := range m.walls {
						ms = append(ms, fmt.Sprintf("%.1f", float64(w.Microseconds())/1000))
					}
					fmt.Fprintf(os.Stderr, "benchrun: %s: %s ms\n", filepath.Base(m.argv[0]), strings.Join(ms, " "))
				}
			}
			return
		}
	}
}

// wantsMore says whether m is to run in the given round: until it has had
// its reps, then while its runs add up to less than -min-wall (a command
// with a single run asked for, the million tasks under CPython, gets one).
func (m *run) wantsMore(round int) bool {
	if round < m.reps {
		return true
	}
	if m.reps <= 1 || round >= *maxRuns {
		return false
	}
	var sum time.Duration
	for _, w := range m.walls {
		sum += w
	}
	return sum < *minWall
}

// once runs the command and records its wall time, CPU time and peak RSS;
// it returns what went wrong, if anything.
func (m *run) once(want string) string {
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, m.argv[0], m.argv[1:]...)
	cmd.Env = append(os.Environ(), m.env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return fmt.Sprintf("failed: %v %s", err, firstLine(errb.String()))
	}
	if got := strings.TrimSpace(out.String()); got != want {
		return fmt.Sprintf("wrong checksum %q (want %q)", firstLine(got), want)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	m.walls = append(m.walls, wall)
	m.cpus = append(m.cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
	m.rss = append(m.rss, ru.Maxrss)
	return ""
}

// median is the median of xs (the upper one of an even count); xs keeps
// its order (-runs prints it).
func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
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
