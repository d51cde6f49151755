package rtlib

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"unsafe"
)

// The memory policy of a translated program (docs/performance.md, "GC
// policy").
//
// Go's default (GOGC=100) lets the heap grow to twice the live data
// before collecting, with a 4 MB minimum: small heaps that grow (a
// fan-out of 100,000 coroutines, 26 MB live at its peak) are collected
// every few MB. After each collection a translated program sets the GC
// percent so that the headroom is
//
//	max(live, 32 MB)
//
// and it starts with a 32 MB goal: a heap grows by at least 32 MB between
// collections (small programs collect rarely, for up to 32 MB of memory),
// and past 32 MB live the policy is Go's GOGC=100. (Until 2026-11-30 big
// heaps kept live/4: a million sleeping tasks peaked at 217 MB instead of
// 227, for 200 ms more of CPU in marking, on the critical path while they
// were created; see docs/performance.md, finding 24.) A soft memory limit
// following the live heap (debug.SetMemoryLimit) gave the same peak as
// live/4 but cost more CPU: the runtime also returned freed memory to the
// OS under it, to fault it back in soon after.
//
// A heap that only grows is an exception: when a collection finds at
// least 90% of the goal that started it live (gcGrowing), it freed little
// and marked everything, and the headroom until the next is
//
//	max(2 × live, 32 MB)
//
// (GOGC=200) until a collection finds garbage again. A million sleeping
// tasks are then collected twice instead of three times while they are
// made, in the same 205 MB (docs/performance.md, finding 68). A heap that
// stops growing right after such a collection may meet its next one at up
// to three times its live size instead of twice.
//
// The first collection comes at the policy's 32 MB. With ASYNC2GO_THP=1
// (hugePagesWanted) on Linux it comes after 2.5 to 4 MB of allocation
// instead (before the heap outgrows the memory earlyheap left advised, at
// most Go's minimum heap goal; raised by earlyheap's padding:
// gcFirstPercent), and, where Linux has transparent huge pages in
// "madvise" mode, it reserves 512 MB of heap advised to use them
// (reserveHugeHeap): a page fault then maps 2 MB instead of 4 KB.
//
// GOGC or GOMEMLIMIT in the environment, or ASYNC2GO_GC=go, leave Go's
// defaults alone (and reserve nothing).

// gcMinHeadroom is the headroom of heaps up to 32 MB live; bigger heaps
// have their own size as headroom.
const gcMinHeadroom = 32 << 20

// gcPercentFor is the GC percent after a collection that left live bytes
// of a heap that only grew (grew: the collection found live most of the
// goal that started it). A growing heap's collection frees little and
// marks everything: its headroom is twice its size (GOGC=200) until a
// collection finds garbage again (bench/million: two collections instead
// of three while a million tasks are made, ~0.06 s of its 1.4 s).
func gcPercentFor(live uint64, grew bool) int {
	head := max(live, gcMinHeadroom)
	if grew {
		head = max(2*live, gcMinHeadroom)
	}
	if live < gcMinHeadroom/gcMaxPercent*100 {
		return gcMaxPercent
	}
	return int(head * 100 / live)
}

// gcGrowing is the share of its goal that a collection must find live
// for the heap to count as growing (gcPercentFor's grew).
const gcGrowing = 0.9

// gcLastGoal is the heap goal the policy set last (0: Go's own, before
// the first collection).
var gcLastGoal uint64

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
	if !gcPolicyWanted() {
		return
	}
	// Whether Linux's settings make the reserve worth it is read at the
	// first collection (two files: ~0.13 ms on the benchmark VM), which
	// programs whose heap stays under the first goal never reach.
	if hugePagesPossible && hugePagesWanted() {
		adviseInitialHeap()
		hugeHeapPending.Store(true)
		debug.SetGCPercent(gcFirstPercent(earlyPadding(), earlyRoom()))
	} else {
		debug.SetGCPercent(gcMaxPercent)
		gcLastGoal = gcMinHeapGoal * gcMaxPercent / 100
	}
	armGCPolicy()
}

// gcFirstPercent is the GC percent until the first collection when that
// collection is to reserve the huge-page heap (docs/performance.md,
// findings 20 and 49). The heap memory Go has mapped at start-up is a huge
// page or advised to become one (earlyheap, adviseInitialHeap; room is
// what of it earlyheap saw free, padding included), but Go maps the
// heap's growth as new mappings, which keep no advice: a heap that
// outgrows room before the reserve faults its next 4 MB chunk in 4 KB at a
// time (~500 faults, ~13 µs each on the benchmark VM; fanout and timers
// took ~1,800 faults in all, and now ~1,350–1,500). So the first goal is 60%
// of the room left past the padding (the rest goes to the runtime
// library's initialization, to fragmentation, and to what the program
// allocates while the collection runs and until the policy's finalizer
// reserves), but no more than Go's minimum heap goal, 4 MB, and no less
// than gcFirstFloor; room 0 (earlyheap did nothing) leaves it at 4 MB.
// The padding (up to 520 KB, never written; the collection frees it)
// raises the goal by its size. Programs whose heap stays under the goal
// (most small ones) never collect and never reserve. (Go scales its
// minimum goal by the percent.)
func gcFirstPercent(padding, room uintptr) int {
	own := uintptr(gcMinHeapGoal)
	if room > 0 {
		own = min(max((room-min(room, padding))*6/10, gcFirstFloor), gcMinHeapGoal)
	}
	return int((own + padding) * 100 / gcMinHeapGoal)
}

// gcFirstFloor is the lowest first goal: a collection with the reserve
// costs a program ~2.7 ms (bench/pingpong, whose heap peaks between 1.6
// and 2.4 MB: 26.8 -> 29.5 ms, interleaved medians of 21, when its first
// goal was 1.6 MB), which a program that grows past 4 MB gets back in the
// faults it does not take.
const gcFirstFloor = 5 << 19

// gcMinHeapGoal is Go's minimum heap goal at GOGC=100.
const gcMinHeapGoal = 4 << 20

// hugeHeapPending says that the next collection reserves the huge-page
// heap if Linux's settings make it worth it.
var hugeHeapPending atomic.Bool

// reserveHugeHeap makes the heap's next n bytes of growth land in memory
// advised to be backed by transparent huge pages (docs/performance.md,
// finding 20).
//
// Go maps heap memory as the heap grows, a few MB at a time, and gives
// no hook to advise it; the runtime itself no longer asks for huge pages.
// So the reserve is one allocation of n bytes, never written (see
// adviseFreshHeap), advised and dropped at once; debug.FreeOSMemory's
// collection frees it (the collector is off meanwhile, so that the
// allocation, far over the heap goal, starts no collection of its own:
// fanout and timers 6-8% faster), and the heap then grows into it.
// FreeOSMemory also marks the freed reserve as returned to the OS:
// otherwise the background scavenger returns it bit by bit while the heap
// grows into it, splitting huge pages that are already in use (on
// million, 66 000 page faults instead of 8 500). n = 0 does nothing.
func reserveHugeHeap(n uintptr) {
	if n == 0 {
		return
	}
	// With the collector off while the reserve exists, its allocation
	// starts no collection of its own: FreeOSMemory's is the only one.
	prev := debug.SetGCPercent(-1)
	p := adviseFreshHeap(n)
	debug.FreeOSMemory()
	// The heap grows into the freed reserve from its start, which is
	// rarely the start of a huge page: the 2 MB block holding it also
	// holds heap allocated before (in 4 KB pages), and, were the start a
	// block's start, the byte adviseFreshHeap writes would have made that
	// block 4 KB pages too. Either way the heap would fault the rest of
	// the block in 4 KB at a time (up to 512 faults, ~10 µs each on the
	// benchmark VM); collapsing it costs one huge page, on this goroutine
	// (docs/performance.md, finding 51). After FreeOSMemory: its
	// scavenging would split the huge page again.
	collapseHugePage(p)
	debug.SetGCPercent(prev)
}

// adviseFreshHeap allocates and advises the reserve, and returns its
// address (for tests): its only reference dies when it returns.
//
// The reserve comes from strings.Builder.Grow, which allocates without
// zeroing. make([]byte, n) zeroes whatever part of its memory the heap
// used before: a reserve placed over freed pages at the heap's end was
// then written through, all n bytes resident at once (a million-task run
// peaked at 550 MB). One byte is written, to take the buffer's address.
//
//go:noinline
func adviseFreshHeap(n uintptr) uintptr {
	var b strings.Builder
	b.Grow(int(n))
	b.WriteByte(0)
	p := unsafe.Pointer(unsafe.StringData(b.String()))
	adviseHugePages(p, n)
	return uintptr(p)
}

// gcSentinel is an object nothing references: its finalizer runs after
// the collection that finds it unreachable, sets the limit, and arms a
// new sentinel for the next collection.
type gcSentinel struct{ _ *int } // has a pointer: not a tiny allocation, whose finalizer might never run

// gcLiveBytes estimates the heap that the last collection marked live from
// the heap goal it set (MemStats.NextGC): Go makes the goal live + (live +
// stacks + globals) × GOGC/100, so goal / (1 + GOGC/100) is the live heap,
// too high by the stacks' and globals' share (tens to hundreds of KB in a
// translated program). ReadMemStats stops the world briefly, once per
// collection. runtime/metrics would read the live heap exactly, but
// importing it costs every program ~400,000 instructions at start-up (its
// init builds ~100 metric descriptions): half of a translated hello's.
// ok is false when the GC is off.
func gcLiveBytes() (live uint64, ok bool) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p := debug.SetGCPercent(100) // the percent the goal was made with
	debug.SetGCPercent(p)
	if p <= 0 {
		return 0, false
	}
	return m.NextGC * 100 / (100 + uint64(p)), true
}

// gcPolicyStopped ends the chain of sentinels (tests).
var gcPolicyStopped atomic.Bool

func armGCPolicy() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		if gcPolicyStopped.Load() {
			return
		}
		if live, ok := gcLiveBytes(); ok {
			p := gcPercentFor(live, gcLastGoal > 0 && float64(live) >= gcGrowing*float64(gcLastGoal))
			debug.SetGCPercent(p)
			gcLastGoal = live * uint64(100+p) / 100
		}
		if hugeHeapPending.Swap(false) && hugePagesAdvisable() {
			reserveHugeHeap(hugeReserveSize())
		}
		armGCPolicy()
	})
}
