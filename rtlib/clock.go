package rtlib

import (
	"math"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// The program clock. By default it is the real monotonic clock since
// program start. With ASYNC2GO_CLOCK=virtual in the environment it is a
// virtual clock that starts at 0 and that only the event loop (and
// time.sleep) moves: when no callback is ready, the loop jumps it to the
// next timer's deadline (like trio's autojump clock), so sleeping costs no
// real time and the output is the same.
//
// Deadlines equal to (or before) the current time are due at once, on
// either clock: the timer fires in the next loop iteration, after the
// callbacks already ready. The virtual clock never moves while callbacks
// are ready and never moves backwards, so a loop of sleep(1e-17) calls
// still makes progress (each call is one trip through the timer heap and
// the ready queue, whether or not now+1e-17 differs from now).
var (
	virtualClock = os.Getenv("ASYNC2GO_CLOCK") == "virtual"
	clockStart   = time.Now()
	virtualNow   atomic.Uint64 // math.Float64bits of the virtual time
)

// VirtualClock reports whether the program runs on the virtual clock.
func VirtualClock() bool { return virtualClock }

// Now is the program clock in seconds (time.monotonic, time.perf_counter
// and loop.time() all read it). It is safe to call from any goroutine.
func Now() float64 {
	if virtualClock {
		return math.Float64frombits(virtualNow.Load())
	}
	return time.Since(clockStart).Seconds()
}

// AdvanceClock moves the virtual clock forward to t; it never goes back.
// It is safe to call from any goroutine.
func AdvanceClock(t float64) {
	for {
		old := virtualNow.Load()
		if t <= math.Float64frombits(old) {
			return
		}
		if virtualNow.CompareAndSwap(old, math.Float64bits(t)) {
			return
		}
	}
}

// WallTime is time.time(): the real wall clock, plus the virtual time that
// has elapsed on the virtual clock.
func WallTime() float64 {
	base := float64(clockStart.UnixNano()) / 1e9
	if virtualClock {
		return base + Now()
	}
	return float64(time.Now().UnixNano()) / 1e9
}

// The interpreter lock. Python code runs on one goroutine at a time: the
// event loop's, or a worker goroutine of asyncio.to_thread /
// loop.run_in_executor. It only matters once a worker has been started
// (EnableGIL); until then LockGIL and UnlockGIL cost an atomic load.
var (
	gil       sync.Mutex
	gilActive atomic.Bool
)

// EnableGIL switches the interpreter lock on; rtlib/aio calls it before it
// starts the first worker goroutine, from a goroutine that then holds it.
func EnableGIL() {
	if !gilActive.Load() {
		gilActive.Store(true)
		gil.Lock()
	}
}

// GILEnabled reports whether EnableGIL was called.
func GILEnabled() bool { return gilActive.Load() }

// LockGIL takes the interpreter lock (a no-op until EnableGIL).
func LockGIL() {
	if gilActive.Load() {
		gil.Lock()
	}
}

// UnlockGIL releases the interpreter lock (a no-op until EnableGIL).
func UnlockGIL() {
	if gilActive.Load() {
		gil.Unlock()
	}
}

// Blocking runs f, an operation that blocks without running Python code
// (a real sleep, I/O), with the interpreter lock released, so that other
// goroutines can run Python code meanwhile — what CPython does around
// time.sleep and blocking I/O.
func Blocking(f func()) {
	if !gilActive.Load() {
		f()
		return
	}
	gil.Unlock()
	defer gil.Lock()
	f()
}
