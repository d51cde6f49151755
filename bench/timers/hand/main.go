// Hand-written Go version of bench/timers/prog.py: 40000 tasks each sleeping
// i * 10 us; the checksum comes from the order in which they wake.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

const n = 40000

type shared struct {
	order []int
	sum   int
}

type sleeper struct {
	i     int
	slept bool
	s     *shared
}

func (t *sleeper) Step(l *handloop.Loop) {
	if !t.slept {
		t.slept = true
		if t.i == 0 { // sleep(0) just yields
			l.Ready(t)
		} else {
			l.After(int64(t.i)*10_000, t)
		}
		return
	}
	t.s.order = append(t.s.order, t.i)
	t.s.sum += t.i % 97
}

func main() {
	l := handloop.New()
	s := &shared{}
	ts := make([]sleeper, n)
	for i := range ts {
		ts[i] = sleeper{i: i, s: s}
		l.Ready(&ts[i])
	}
	l.Run()
	check := 0
	for p, i := range s.order {
		check = (check*31 + i*(p+1)) % 1000000007
	}
	fmt.Println(check, s.sum)
}
