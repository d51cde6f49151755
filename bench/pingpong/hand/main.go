// Hand-written Go version of bench/pingpong/prog.py: two tasks ping-ponging
// a counter through two unbounded queues 100000 times.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

type queue struct {
	items  []int
	getter handloop.Task // a task parked in get()
}

func (q *queue) put(l *handloop.Loop, v int) {
	q.items = append(q.items, v)
	if q.getter != nil {
		l.Ready(q.getter)
		q.getter = nil
	}
}

type ping struct {
	in, out *queue
	left    int
}

func (p *ping) Step(l *handloop.Loop) {
	for p.left > 0 {
		if len(p.in.items) == 0 {
			p.in.getter = p
			return
		}
		v := p.in.items[0]
		p.in.items = p.in.items[1:]
		p.left--
		p.out.put(l, v+1) // put on an unbounded queue does not suspend
	}
}

func main() {
	l := handloop.New()
	a, b := &queue{}, &queue{}
	n := 100000
	l.Ready(&ping{in: a, out: b, left: n})
	l.Ready(&ping{in: b, out: a, left: n})
	a.put(l, 0)
	l.Run()
	fmt.Println(a.items[0])
}
