package rtlib

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The memory policy of a translated program (docs/performance.md, "GC
// policy").
//
// Go's default (GOGC=100) lets the heap grow to twice the live data
// before collecting. That is costly for large heaps in memory (a million
// sleeping tasks, ~170 MB live, peaked at ~300 MB of RSS) and for small
// ones in time (a fan-out of 100,000 coroutines, 26 MB live at its peak,
// collected every few MB as it grew). After each collection a translated
// program sets the GC percent so that the headroom is
//
//	max(live/4, 32 MB)
//
// and it starts with a 32 MB goal: a heap grows by at least 32 MB between
// collections (small programs collect rarely, for up to 32 MB of memory),
// and by a quarter of itself once it is past 128 MB live: some GC time
// traded for memory (the collector runs up to four times as often as with
// GOGC=100). A soft memory limit following the live heap
// (debug.SetMemoryLimit) gave the same peak but cost more CPU: the runtime
// also returned freed memory to the OS under it, to fault it back in soon
// after.
//
// GOGC or GOMEMLIMIT in the environment, or ASYNC2GO_GC=go, leave Go's
// defaults alone.

const (
	gcMinHeadroom = 32 << 20 // headroom of heaps up to 128 MB live
	gcHeadroomDiv = 4        // headroom of bigger heaps: live/4
)

// gcPercentFor is the GC percent after a collection that left live bytes.
func gcPercentFor(live uint64) int {
	head := max(live/gcHeadroomDiv, gcMinHeadroom)
	if live < gcMinHeadroom/gcMaxPercent*100 {
		return gcMaxPercent
	}
	return int(head * 100 / live)
}

// gcMaxPercent bounds the GC percent of a nearly empty heap, and is the
// percent a program starts with: Go's minimum heap goal of 4 MB, times 8,
// is the 32 MB of headroom.
const gcMaxPercent = 800

// gcPolicyWanted says whether the environment leaves memory to the policy.
func gcPolicyWanted() bool {
	return os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" && os.Getenv("ASYNC2GO_GC") != "go"
}

// startGCPolicy installs the policy (Main calls it).
func startGCPolicy() {
	if gcPolicyWanted() {
		debug.SetGCPercent(gcMaxPercent)
		armGCPolicy()
	}
}

// gcSentinel is an object nothing references: its finalizer runs after
// the collection that finds it unreachable, sets the limit, and arms a
// new sentinel for the next collection.
type gcSentinel struct{ _ *int } // has a pointer: not a tiny allocation, whose finalizer might never run

var gcLive = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

// gcPolicyStopped ends the chain of sentinels (tests).
var gcPolicyStopped atomic.Bool

func armGCPolicy() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		if gcPolicyStopped.Load() {
			return
		}
		metrics.Read(gcLive)
		if gcLive[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(gcPercentFor(gcLive[0].Value.Uint64()))
		}
		armGCPolicy()
	})
}
