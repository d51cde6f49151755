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
// before collecting. That is cheap for small heaps and costly for large
// ones: a million sleeping tasks (~170 MB live) peaked at ~300 MB of RSS.
// After each collection a translated program sets the GC percent so that
// the headroom is
//
//	max(live/4, 32 MB), but at most 100% of live (GOGC=100)
//
// so heaps up to 32 MB live (every bench workload but million) keep Go's
// default exactly, and the percent shrinks towards 25 as the live heap
// grows past 32 MB: some GC time traded for memory (the collector runs up
// to four times as often as with GOGC=100 once the heap is past 128 MB).
// A soft memory limit following the live heap (debug.SetMemoryLimit) gave
// the same peak but cost more CPU: the runtime also returned freed memory
// to the OS under it, to fault it back in soon after.
//
// GOGC or GOMEMLIMIT in the environment, or ASYNC2GO_GC=go, leave Go's
// defaults alone.

const (
	gcMinHeadroom = 32 << 20 // headroom for heaps up to 128 MB live
	gcHeadroomDiv = 4        // headroom of bigger heaps: live/4
)

// gcPercentFor is the GC percent after a collection that left live bytes.
func gcPercentFor(live uint64) int {
	head := max(live/gcHeadroomDiv, gcMinHeadroom)
	if live == 0 || head >= live {
		return 100
	}
	return int(head * 100 / live)
}

// gcPolicyWanted says whether the environment leaves memory to the policy.
func gcPolicyWanted() bool {
	return os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" && os.Getenv("ASYNC2GO_GC") != "go"
}

// startGCPolicy installs the policy (Main calls it).
func startGCPolicy() {
	if gcPolicyWanted() {
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
