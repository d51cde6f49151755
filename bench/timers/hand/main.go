// Hand-written Go version of bench/timers/prog.py: 40000 tasks sleeping
// towards a common deadline plus one of 60 offsets 5 ms apart; the checksum
// comes from the order in which they wake.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

const (
	nb = 60
	n  = 40000
)

type shared struct {
	deadline int64
	order    []int
	sum      int
}

type sleeper struct {
	i, b  int
	slept bool
	s     *shared
}

func (t *sleeper) Step(l *handloop.Loop) {
	if !t.slept {
		t.slept = true
		t.b = (t.i * 37) % nb
		l.At(t.s.deadline+int64(t.b)*5_000_000, t)
		return
	}
	t.s.order = append(t.s.order, t.b)
	t.s.sum += t.b
}

func main() {
	l := handloop.New()
	s := &shared{}
	ts := make([]sleeper, n)
	for i := range ts {
		ts[i] = sleeper{i: i, s: s}
		l.Ready(&ts[i])
	}
	s.deadline = l.Now() + 500_000_000
	l.Run()
	check := 0
	for p, b := range s.order {
		check = (check*31 + b*(p+1)) % 1000000007
	}
	fmt.Println(check, s.sum)
}
