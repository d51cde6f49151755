package main

// A differential sweep of fast resumes (codegen/fastresume.go): random
// coroutines that loop around `await asyncio.sleep(0)` with int operations
// of the fast resume's kinds (+ - ^ & |, comparisons), on values that
// cross int64 both ways, in for and while loops, with bare yields under
// branches, run by CPython 3.12 and translated. Too slow for make test;
// `make difftest-fast` runs it (ASYNC2GO_DIFFFAST=N programs, from seed
// ASYNC2GO_DIFFFAST_SEED).

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFastResumeDifferential(t *testing.T) {
	runDifferential(t, "ASYNC2GO_DIFFFAST", "make difftest-fast", "difffast", fastProgram)
}

// fastProgram is the random program of seed: three tasks and a direct
// await of a coroutine that updates three ints and counts comparisons,
// yielding after some of its statements and at the end of each turn.
func fastProgram(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	vars := []string{"x", "y", "z"}
	consts := []string{"0", "1", "7", "-3", "255", "4611686018427387904", "-4611686018427387904", "9223372036854775803"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	var expr func(depth int) string
	expr = func(depth int) string {
		if depth > 1 || r.Float64() < 0.4 {
			return pick(append(append([]string{"i", "k"}, vars...), consts...))
		}
		return "(" + expr(depth+1) + " " + pick([]string{"+", "-", "^", "&", "|"}) + " " + expr(depth+1) + ")"
	}
	var sb strings.Builder
	sb.WriteString("import asyncio\n\nasync def work(a, b, n):\n    x = a\n    y = b\n    z = 0\n    k = 0\n")
	while := r.Float64() < 0.4
	if while {
		sb.WriteString("    i = 0\n    while i < n:\n")
	} else {
		sb.WriteString("    for i in range(n):\n")
	}
	for s := 1 + r.IntN(4); s > 0; s-- {
		fmt.Fprintf(&sb, "        %s = %s\n", pick(vars), expr(0))
		if r.Float64() < 0.5 {
			sb.WriteString("        await asyncio.sleep(0)\n")
		}
		if r.Float64() < 0.3 {
			fmt.Fprintf(&sb, "        if %s %s %s:\n            k = k + 1\n            await asyncio.sleep(0)\n",
				pick(vars), pick([]string{"<", ">", "==", "!=", "<=", ">="}), pick(consts))
		}
	}
	if while {
		sb.WriteString("        i = i + 1\n")
	}
	sb.WriteString("        await asyncio.sleep(0)\n    return x, y, z, k\n\n")
	fmt.Fprintf(&sb, "async def main():\n    ts = [asyncio.create_task(work(%d, %s, %d)) for _ in range(3)]\n",
		r.IntN(101)-50, pick([]string{"3", "2305843009213693952", "-2305843009213693952"}), 5+r.IntN(36))
	sb.WriteString("    print(await asyncio.gather(*ts, work(1, 2, 10)))\n\nasyncio.run(main())\n")
	return sb.String()
}
