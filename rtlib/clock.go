package rtlib

import (
	"os"
	"time"
)

// The program clock. By default it is the real monotonic clock. With
// ASYNC2GO_CLOCK=virtual in the environment it is a virtual clock that only
// the event loop moves: when no callback is ready, the loop jumps it to the
// next timer's deadline (like trio's autojump clock), so sleeping costs no
// real time and the output is the same.
//
// A deadline equal to the current time is due at once, on either clock: a
// loop of sleep(1e-17) calls still makes progress because each call goes
// through the ready queue and the timer heap in order; the virtual clock
// never moves backwards and never moves while callbacks are ready.
var (
	virtualClock = os.Getenv("ASYNC2GO_CLOCK") == "virtual"
	clockStart   = time.Now()
	virtualNow   float64
)

// VirtualClock reports whether the program runs on the virtual clock.
func VirtualClock() bool { return virtualClock }

// Now is the program clock in seconds (time.monotonic, time.perf_counter
// and loop.time() all read it).
func Now() float64 {
	if virtualClock {
		return virtualNow
	}
	return time.Since(clockStart).Seconds()
}

// AdvanceClock moves the virtual clock forward to t; it never goes back.
func AdvanceClock(t float64) {
	if t > virtualNow {
		virtualNow = t
	}
}

// WallTime is time.time(): the real wall clock, plus the virtual time that
// has elapsed on the virtual clock.
func WallTime() float64 {
	base := float64(clockStart.UnixNano()) / 1e9
	if virtualClock {
		return base + virtualNow
	}
	return float64(time.Now().UnixNano()) / 1e9
}
