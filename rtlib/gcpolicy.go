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
// ones: a million sleeping tasks (~180 MB live) peaked at ~330 MB of RSS.
// A translated program keeps GOGC=100 but, after each collection, sets a
// soft memory limit (debug.SetMemoryLimit) of
//
//	live + max(live/4, 32 MB) + 16 MB (the runtime's own memory)
//
// so that the headroom stays 100% for heaps up to 32 MB live (where the
// limit is above the GOGC goal and changes nothing: every bench workload
// but million) and shrinks to 25% of the live heap for big ones, which
// trades some GC time for memory (the collector runs up to four times
// as often as with GOGC=100 once the heap is past 128 MB). The limit also
// makes the runtime return freed memory to the OS sooner.
//
// The limit follows the live heap, so a growing program is never held at
// a fixed size (a fixed GOMEMLIMIT would make the collector run without
// pause once the live heap reached it). Setting GOGC or GOMEMLIMIT in the
// environment, or ASYNC2GO_GC=go, leaves Go's defaults alone.

const (
	gcMinHeadroom = 32 << 20 // headroom for heaps up to 128 MB live
	gcHeadroomDiv = 4        // headroom of bigger heaps: live/4
	gcRuntimeMem  = 16 << 20 // stacks, GC metadata, … counted by the limit
)

// gcLimitFor is the memory limit after a collection that left live bytes.
func gcLimitFor(live uint64) int64 {
	return int64(live + max(live/gcHeadroomDiv, gcMinHeadroom) + gcRuntimeMem)
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
			debug.SetMemoryLimit(gcLimitFor(gcLive[0].Value.Uint64()))
		}
		armGCPolicy()
	})
}
