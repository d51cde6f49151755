package main

// A differential sweep of typed int arithmetic: random coroutines of int
// operations on values that cross int64 both ways, run by CPython 3.12 and
// translated (codegen's small-int versions, constant divisors, overflow
// promotion). Too slow for make test; `make difftest-int` runs it
// (ASYNC2GO_DIFFINT=N programs, from seed ASYNC2GO_DIFFINT_SEED).

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/async2go/async2go/internal/cpython"
)

func TestIntDifferential(t *testing.T) {
	runDifferential(t, "ASYNC2GO_DIFFINT", "make difftest-int", "diffint", intProgram)
}

// runDifferential runs the random programs gen makes, as many as the
// environment variable env says (from the seed in env_SEED), under CPython
// 3.12 and translated, and compares their output; how says how to ask for
// them.
func runDifferential(t *testing.T, env, how, name string, gen func(seed uint64) string) {
	n, _ := strconv.Atoi(os.Getenv(env))
	if n <= 0 {
		t.Skipf("set %s=N to run N random programs (%s)", env, how)
	}
	py := cpython.Path()
	if py == "" {
		t.Skip("CPython 3.12 not found: nothing to compare with")
	}
	first, _ := strconv.Atoi(os.Getenv(env + "_SEED"))
	for seed := first; seed < first+n; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			src := gen(uint64(seed))
			want, err := exec.Command(py, "-c", src).Output()
			if err != nil {
				t.Fatalf("CPython: %v\n%s", err, src)
			}
			p := &program{name: fmt.Sprintf("%s%d", name, seed), src: []byte(src), stdout: want}
			if err := p.translateBuildRun(t); err != nil {
				t.Errorf("%v\nthe program:\n%s", err, src)
			}
		})
	}
}

// intProgram is the random program of seed: a coroutine whose loop
// updates three ints with expressions of the loop variable, constants
// around 2**31, 2**63 and 2**64, and the operators with small cases
// (sleeping now and then, branching on comparisons), run from three
// starting points; exceptions are printed.
func intProgram(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	consts := []string{"0", "1", "2", "3", "7", "8", "16", "31", "1000", "1024", "65536",
		"2147483648", "2147483647", "4294967296", "4611686018427387904", "9223372036854775807",
		"9223372036854775808", "18446744073709551616", "100000000000000000000",
		"(-1)", "(-2)", "(-7)", "(-8)", "(-1000)", "(-9223372036854775808)", "(-9223372036854775809)"}
	ops := []string{"+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	vars := []string{"x", "y", "z", "i"}
	var expr func(depth int) string
	expr = func(depth int) string {
		if depth > 2 || r.Float64() < 0.3 {
			if r.Float64() < 0.7 {
				return pick(vars)
			}
			return pick(consts)
		}
		op := pick(ops)
		a, b := expr(depth+1), expr(depth+1)
		switch op {
		case "//", "%":
			if r.Float64() < 0.5 {
				b = pick(consts)
			}
		case "<<", ">>":
			b = strconv.Itoa(r.IntN(71))
		}
		return "(" + a + " " + op + " " + b + ")"
	}
	var sb strings.Builder
	sb.WriteString("import asyncio\n\nasync def work(a, b, n):\n    x = a\n    y = b\n    z = 0\n    for i in range(n):\n")
	for k := 2 + r.IntN(5); k > 0; k-- {
		v := pick(vars[:3])
		fmt.Fprintf(&sb, "        %s = %s\n", v, expr(0))
		if r.Float64() < 0.3 {
			fmt.Fprintf(&sb, "        %s = %s %% %s\n", v, v, pick([]string{"1000003", "65536", "18446744073709551616", "7"}))
		}
		switch f := r.Float64(); {
		case f < 0.1:
			sb.WriteString("        await asyncio.sleep(0)\n")
		case f < 0.25:
			// A loop that turns without suspending keeps the frame's
			// ints in Go locals (codegen/cachedfields.go).
			fmt.Fprintf(&sb, "        if i %% %d == 0:\n            await asyncio.sleep(0)\n", 2+r.IntN(4))
		}
		if r.Float64() < 0.2 {
			fmt.Fprintf(&sb, "        if %s %s %s:\n            z = z + 1\n", pick(vars[:3]), pick([]string{"<", ">", "==", "!="}), pick(consts))
		}
	}
	// Keep the values from growing without end.
	sb.WriteString("        x = x % 18446744073709551629\n        y = y % 340282366920938463463374607431768211507\n        z = z % 1000000000000000000000000000057\n")
	sb.WriteString("    return x, y, z\n\nasync def main():\n")
	for k := 0; k < 3; k++ {
		fmt.Fprintf(&sb, "    try:\n        print(await work(%s, %s, %d))\n", pick(consts), pick(consts), 1+r.IntN(40))
		sb.WriteString("    except (ZeroDivisionError, ValueError, OverflowError, MemoryError) as e:\n        print(type(e).__name__, e)\n")
	}
	sb.WriteString("\nasyncio.run(main())\n")
	return sb.String()
}
