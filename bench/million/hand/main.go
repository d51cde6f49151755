// Hand-written Go version of bench/million/prog.py: a million tasks each
// sleeping 1 s and returning its index; results summed.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

type sleeper struct {
	i     int
	slept bool
	sum   *int
}

func (t *sleeper) Step(l *handloop.Loop) {
	if !t.slept {
		t.slept = true
		l.After(1_000_000_000, t)
		return
	}
	*t.sum += t.i
}

func main() {
	l := handloop.New()
	sum := 0
	ts := make([]sleeper, 1000000)
	for i := range ts {
		ts[i] = sleeper{i: i, sum: &sum}
		l.Ready(&ts[i])
	}
	l.Run()
	fmt.Println(sum)
}
