package main

// A differential sweep of asyncio's synchronization primitives: random
// programs in which tasks take a Lock, a Semaphore and a BoundedSemaphore
// (async with, and acquire/release), wait on an Event, a Condition and a
// Barrier, and are cancelled at random points by a controller (which also
// resets and aborts the barrier), run by CPython 3.12 and
// translated; the order of what they did must be the same. Every wait is a
// sleep(0) or on a primitive, so the interleaving is CPython's scheduling
// alone (no clock). Too slow for make test; `make difftest-sync` runs it
// (ASYNC2GO_DIFFSYNC=N programs, from seed ASYNC2GO_DIFFSYNC_SEED).

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/async2go/async2go/internal/driver"
)

func TestSyncDifferential(t *testing.T) {
	runDifferential(t, "ASYNC2GO_DIFFSYNC", "make difftest-sync", "diffsync", syncProgram)
}

// TestSyncProgramShape keeps the generator honest without CPython: its
// programs translate, and they use every primitive the sweep is about.
func TestSyncProgramShape(t *testing.T) {
	var all strings.Builder
	for seed := uint64(0); seed < 20; seed++ {
		src := syncProgram(seed)
		if _, err := driver.Translate("diffsync.py", []byte(src), driver.Options{}); err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, src)
		}
		all.WriteString(src)
	}
	for _, want := range []string{"async with L:", "async with S:", "await B.acquire()", "await E.wait()", "await C.wait()", "await C.wait_for(", ".cancel(", "E.clear()",
		"await X.wait()", "async with X as", "await X.reset()", "await X.abort()"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("20 programs never use %q", want)
		}
	}
}

// syncProgram is the random program of seed: a few worker tasks, each a
// random sequence of steps on the primitives, and a controller that
// sleeps(0) in turn with them, sets and clears the event, notifies the
// condition and cancels workers; at the end it wakes whoever still waits,
// and the program prints the log, each task's outcome and the primitives'
// state.
func syncProgram(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 0x5c0c))
	var sb strings.Builder
	sb.WriteString(`import asyncio

log = []


async def nap(k):
    for _ in range(k):
        await asyncio.sleep(0)

`)
	nworkers := 3 + r.IntN(6)
	for w := 0; w < nworkers; w++ {
		fmt.Fprintf(&sb, "\nasync def worker%d(L, S, B, E, C, X):\n    try:\n", w)
		for k := 3 + r.IntN(7); k > 0; k-- {
			step := r.IntN(12)
			tag := fmt.Sprintf("w%d.%d", w, k)
			switch step {
			case 0:
				fmt.Fprintf(&sb, "        async with L:\n            log.append(%q)\n            await nap(%d)\n", tag+" L", r.IntN(3))
			case 1:
				fmt.Fprintf(&sb, "        async with S:\n            log.append(%q)\n            await nap(%d)\n", tag+" S", r.IntN(3))
			case 2:
				fmt.Fprintf(&sb, "        log.append((%q, await B.acquire()))\n        try:\n            await nap(%d)\n        finally:\n            B.release()\n", tag+" B", r.IntN(3))
			case 3:
				fmt.Fprintf(&sb, "        log.append((%q, await L.acquire()))\n        try:\n            await nap(%d)\n        finally:\n            L.release()\n", tag+" L", r.IntN(2))
			case 4:
				fmt.Fprintf(&sb, "        log.append((%q, await E.wait()))\n", tag+" E")
			case 5:
				fmt.Fprintf(&sb, "        async with C:\n            log.append((%q, await C.wait()))\n", tag+" C")
			case 6:
				fmt.Fprintf(&sb, "        await nap(%d)\n", 1+r.IntN(3))
			case 7:
				fmt.Fprintf(&sb, "        log.append((%q, S.locked(), L.locked(), E.is_set()))\n", tag+" ?")
			case 8:
				// Holding the condition's lock across a sleep: notified
				// waiters then wait to take it back.
				fmt.Fprintf(&sb, "        async with C:\n            log.append(%q)\n            await nap(%d)\n", tag+" C held", 1+r.IntN(2))
			case 9:
				fmt.Fprintf(&sb, "        async with C:\n            log.append((%q, await C.wait_for(E.is_set)))\n", tag+" C until E")
			case 10:
				fmt.Fprintf(&sb, "        try:\n            log.append((%q, await X.wait()))\n        except asyncio.BrokenBarrierError as e:\n            log.append((%q, str(e)))\n", tag+" X", tag+" X broken")
			case 11:
				fmt.Fprintf(&sb, "        try:\n            async with X as i:\n                log.append((%q, i, X.n_waiting))\n                await nap(%d)\n        except asyncio.BrokenBarrierError:\n            log.append(%q)\n", tag+" X with", r.IntN(2), tag+" X with broken")
			}
		}
		fmt.Fprintf(&sb, "    except asyncio.CancelledError:\n        log.append(%q)\n        raise\n    return %d\n", fmt.Sprintf("w%d cancelled", w), w)
	}
	sb.WriteString("\n\nasync def main():\n")
	fmt.Fprintf(&sb, "    L, S, B, E, C = asyncio.Lock(), asyncio.Semaphore(%d), asyncio.BoundedSemaphore(%d), asyncio.Event(), asyncio.Condition()\n", 1+r.IntN(2), 1+r.IntN(3))
	fmt.Fprintf(&sb, "    X = asyncio.Barrier(%d)\n", 1+r.IntN(3))
	sb.WriteString("    tasks = [\n")
	for w := 0; w < nworkers; w++ {
		fmt.Fprintf(&sb, "        asyncio.create_task(worker%d(L, S, B, E, C, X)),\n", w)
	}
	sb.WriteString("    ]\n")
	for step := 10 + r.IntN(20); step > 0; step-- {
		switch f := r.Float64(); {
		case f < 0.45:
			fmt.Fprintf(&sb, "    await nap(%d)\n", 1+r.IntN(3))
		case f < 0.6:
			sb.WriteString("    E.set()\n")
		case f < 0.7:
			sb.WriteString("    E.clear()\n")
		case f < 0.8:
			fmt.Fprintf(&sb, "    async with C:\n        C.notify(%d)\n", 1+r.IntN(2))
		case f < 0.84:
			fmt.Fprintf(&sb, "    await X.reset()\n    log.append(('reset %d', X.n_waiting, X.broken))\n", step)
		case f < 0.86:
			fmt.Fprintf(&sb, "    await X.abort()\n    log.append(('abort %d', X.n_waiting, X.broken))\n", step)
		default:
			fmt.Fprintf(&sb, "    log.append(('cancel %d', tasks[%d].cancel()))\n", step, r.IntN(nworkers))
		}
	}
	sb.WriteString(`    while not all(t.done() for t in tasks):
        E.set()
        async with C:
            C.notify_all()
        await X.abort()
        await asyncio.sleep(0)
    for t in tasks:
        print("cancelled" if t.cancelled() else t.result())
    for x in log:
        print(x)
    print(L.locked(), S.locked(), B.locked(), E.is_set(), C.locked(), X.broken, X.n_waiting)


asyncio.run(main())
`)
	return sb.String()
}
