// Hand-written Go version of bench/timers/prog.py: 40000 tasks each sleeping
// 5 short timers (0.1 to 0.4 ms, varying from task to task), each folding its
// index and rounds into a value; the values are summed.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

const (
	n      = 40000
	rounds = 5
)

type sleeper struct {
	i, r, acc int
	started   bool
}

func (t *sleeper) Step(l *handloop.Loop) {
	if t.started {
		t.acc = (t.acc*31 + t.r + 1) % 1000003
		t.r++
	} else {
		t.started, t.acc = true, t.i
	}
	if t.r < rounds {
		l.After(int64(1+(t.i*7+t.r)%4)*100_000, t)
	}
}

func main() {
	l := handloop.New()
	ts := make([]sleeper, n)
	for i := range ts {
		ts[i] = sleeper{i: i}
		l.Ready(&ts[i])
	}
	l.Run()
	sum := 0
	for i := range ts {
		sum += ts[i].acc
	}
	fmt.Println(sum, n)
}
