package rtlib

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestGCLimit checks the policy's limit: Go's own goal (twice the live
// heap) stays the binding one for small heaps; big heaps get a quarter of
// their size as headroom.
func TestGCLimit(t *testing.T) {
	const mb = 1 << 20
	for _, live := range []uint64{0, 8 * mb, 32 * mb} {
		if lim := gcLimitFor(live); uint64(lim) < 2*live {
			t.Errorf("live %d MB: limit %d MB is below GOGC=100's goal", live/mb, lim/mb)
		}
	}
	if got, want := gcLimitFor(200*mb), int64(200*mb+50*mb+16*mb); got != want {
		t.Errorf("live 200 MB: limit %d MB, want %d MB", got/mb, want/mb)
	}
}

// TestGCPolicyFollowsCollections checks that the policy sets a memory
// limit after a collection, and re-arms for the next one.
func TestGCPolicyFollowsCollections(t *testing.T) {
	if !gcPolicyWanted() {
		t.Skip("GOGC, GOMEMLIMIT or ASYNC2GO_GC=go is set")
	}
	prev := debug.SetMemoryLimit(-1)
	defer func() {
		gcPolicyStopped.Store(true)
		runtime.GC()
		runtime.GC()
		debug.SetMemoryLimit(prev)
	}()
	for round := 0; round < 2; round++ {
		debug.SetMemoryLimit(1 << 62)
		if round == 0 {
			armGCPolicy()
		}
		deadline := time.Now().Add(5 * time.Second)
		for debug.SetMemoryLimit(-1) == 1<<62 {
			if time.Now().After(deadline) {
				t.Fatalf("round %d: no memory limit set after collections", round)
			}
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	}
}
