package aio

import (
	"math/rand"
	"sort"
	"testing"
)

// TestTimerQueueOrder: timers pushed with a few delays (the runs), with
// more delays than runs, out of order (the heap) and interleaved with pops
// come out in (deadline, sequence) order,
// and purge keeps that order; the queue counts the timers that are not
// sleeping tasks'.
func TestTimerQueueOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 50; round++ {
		var q timerQueue
		var seq uint64
		var pending []*timer
		now := 0.0
		pushOne := func() {
			tm := &timer{}
			switch rng.Intn(6) {
			case 0: // out of order
				tm.when = now + rng.Float64()
			case 1: // an equal deadline
				tm.when = float64(int(now))
			case 2: // one of more delays than there are runs
				tm.when = now + float64(rng.Intn(2*maxTimerRuns))*0.01
			case 3: // one of a few delays: their runs
				tm.when = now + float64(1+rng.Intn(3))*0.1
			default: // in order: a constant delay on a moving clock
				tm.when = now + 1
			}
			if rng.Intn(2) == 0 {
				tm.set(tmSleeper)
			}
			seq++
			tm.setSeq(seq)
			// The time a deadline was computed from is the loop's, which
			// may lag (then a delay's run can meet an earlier deadline).
			from := now
			if rng.Intn(5) == 0 {
				from -= float64(rng.Intn(3)) * 0.1
			}
			q.push(tm, from)
			pending = append(pending, tm)
		}
		check := func(got *timer) {
			sort.Slice(pending, func(i, j int) bool { return timerLess(pending[i], pending[j]) })
			if got != pending[0] {
				t.Fatalf("round %d: popped (%v, %d), want (%v, %d)", round, got.when, got.seq(), pending[0].when, pending[0].seq())
			}
			if got.has(tmInHeap) {
				t.Fatalf("popped timer still marked queued")
			}
			pending = pending[1:]
		}
		n := 1 + rng.Intn(3000)
		for i := 0; i < n; i++ {
			now += rng.Float64() * 0.01
			pushOne()
			if rng.Intn(3) == 0 && q.len() > 0 {
				if f := q.first(); f != q.first() {
					t.Fatal("first is not stable")
				}
				check(q.pop())
			}
			if rng.Intn(500) == 0 {
				// cancel some and purge
				for _, tm := range pending {
					if rng.Intn(2) == 0 {
						tm.set(tmCancelled)
					}
				}
				q.purge()
				kept := pending[:0]
				for _, tm := range pending {
					if !tm.has(tmCancelled) {
						kept = append(kept, tm)
					} else if tm.has(tmInHeap) {
						t.Fatal("purged timer still marked queued")
					}
				}
				pending = kept
			}
			if q.len() != len(pending) {
				t.Fatalf("len %d, want %d", q.len(), len(pending))
			}
			handles := 0
			for _, tm := range pending {
				if !tm.has(tmSleeper) {
					handles++
				}
			}
			if q.handles != handles {
				t.Fatalf("handles %d, want %d", q.handles, handles)
			}
		}
		for q.len() > 0 {
			check(q.pop())
		}
		if q.first() != nil {
			t.Fatal("first of an empty queue")
		}
	}
}
