// Hand-written Go version of bench/fanout/prog.py: 100000 small jobs, at
// most 100 at a time inside a semaphore, each yielding once; results summed.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

type semaphore struct {
	value   int
	waiters []handloop.Task // FIFO
	wh      int
}

type job struct {
	i     int
	state uint8 // 0 acquire, 1 woken holding the semaphore, 2 after sleep(0)
	sem   *semaphore
	sum   *int
}

func (j *job) Step(l *handloop.Loop) {
	switch j.state {
	case 0:
		if j.sem.value == 0 || j.sem.wh < len(j.sem.waiters) {
			j.sem.waiters = append(j.sem.waiters, j)
			j.state = 1
			return
		}
		j.sem.value--
		fallthrough
	case 1: // holding the semaphore: sleep(0)
		j.state = 2
		l.Ready(j)
	case 2:
		*j.sum += (j.i * j.i) % 1009
		s := j.sem
		if s.wh < len(s.waiters) { // hand the permit to the first waiter
			l.Ready(s.waiters[s.wh])
			s.waiters[s.wh] = nil
			s.wh++
		} else {
			s.value++
		}
	}
}

func main() {
	l := handloop.New()
	sem := &semaphore{value: 100}
	sum := 0
	js := make([]job, 100000)
	for i := range js {
		js[i] = job{i: i, sem: sem, sum: &sum}
		l.Ready(&js[i])
	}
	l.Run()
	fmt.Println(sum)
}
