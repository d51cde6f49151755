package rtlib

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// TestGCPercent checks the policy's GC percent: a headroom of 32 MB (at
// most 800% for a nearly empty heap) up to 32 MB live, then the heap's own
// size (GOGC=100).
func TestGCPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{{0, 800}, {2 * mb, 800}, {4 * mb, 800}, {8 * mb, 400}, {16 * mb, 200}, {32 * mb, 100}, {64 * mb, 100}, {400 * mb, 100}} {
		if got := gcPercentFor(c.live, false); got != c.want {
			t.Errorf("live %d MB: GC percent %d, want %d", c.live/mb, got, c.want)
		}
	}
}

// TestGCPercentGrowing checks the headroom of a heap that only grew:
// twice its size (at least 32 MB).
func TestGCPercentGrowing(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{{0, 800}, {2 * mb, 800}, {8 * mb, 400}, {16 * mb, 200}, {35 * mb, 200}, {400 * mb, 200}} {
		if got := gcPercentFor(c.live, true); got != c.want {
			t.Errorf("live %d MB, growing: GC percent %d, want %d", c.live/mb, got, c.want)
		}
	}
}

// TestGCFirstPercent checks the first heap goal: 60% of the room earlyheap
// left past its padding, between gcFirstFloor and Go's 4 MB minimum goal,
// raised by the padding (Go scales its minimum goal by the percent).
func TestGCFirstPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		padding, room uintptr
		want          int
	}{
		{0, 0, 100},                       // earlyheap did nothing: Go's minimum goal
		{1 * mb, 0, 125},                  // (padding without room does not happen)
		{0, 3 * mb, 62},                   // 1.8 MB, raised to the floor (2.5 MB)
		{0, 5 * mb, 75},                   // 3 MB
		{0, 7 * mb, 100},                  // 4.2 MB, capped at 4
		{mb / 2, 5*mb + mb/2, 87},         // padded: 60% of 5 MB, plus the 0.5 MB padding
		{2*mb + 8<<10, 2*mb + 8<<10, 112}, // no room past the padding: the floor, plus the padding
	} {
		if got := gcFirstPercent(c.padding, c.room); got != c.want {
			t.Errorf("padding %d, room %d: first GC percent %d, want %d", c.padding, c.room, got, c.want)
		}
	}
}

// TestGCPolicyFollowsCollections checks that the policy sets the GC
// percent after a collection, and re-arms for the next one.
func TestGCPolicyFollowsCollections(t *testing.T) {
	if !gcPolicyWanted() {
		t.Skip("GOGC, GOMEMLIMIT or ASYNC2GO_GC=go is set")
	}
	gcPolicyStopped.Store(false) // (a previous run, -count > 1, stopped it)
	prev := debug.SetGCPercent(100)
	defer func() {
		gcPolicyStopped.Store(true)
		runtime.GC()
		runtime.GC()
		debug.SetGCPercent(prev)
	}()
	gogc := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	for round := 0; round < 2; round++ {
		debug.SetGCPercent(12345) // a percent the policy never sets
		if round == 0 {
			armGCPolicy()
		}
		deadline := time.Now().Add(5 * time.Second)
		for {
			metrics.Read(gogc)
			if gogc[0].Value.Uint64() <= gcMaxPercent {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("round %d: GC percent still %d after collections", round, gogc[0].Value.Uint64())
			}
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	}
}

// TestGCLiveBytes checks that gcLiveBytes reads the live heap after a
// collection.
func TestGCLiveBytes(t *testing.T) {
	keep := make([][]byte, 0, 64)
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 64<<10))
	}
	runtime.GC()
	got, ok := gcLiveBytes()
	if !ok || got < 4<<20 {
		t.Fatalf("gcLiveBytes() = %d, %v; want at least the 4 MB kept live", got, ok)
	}
	// Against the runtime's own figure, at two GC percents.
	for _, pct := range []int{100, 800} {
		prev := debug.SetGCPercent(pct)
		runtime.GC()
		exact := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(exact)
		got, _ := gcLiveBytes()
		want := exact[0].Value.Uint64()
		if got < want || got > want+want/10+(512<<10) {
			t.Errorf("GOGC=%d: gcLiveBytes() = %d, /gc/heap/live:bytes %d", pct, got, want)
		}
		debug.SetGCPercent(prev)
	}
	runtime.KeepAlive(keep)
}
