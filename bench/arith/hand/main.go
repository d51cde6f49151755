// Hand-written Go version of bench/arith/prog.py: 8 tasks each running an
// LCG and a float accumulation 400000 times, yielding every 10000 steps.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

type crunch struct {
	x, i, n int64
	acc     float64
	sum     *int64
}

func (c *crunch) Step(l *handloop.Loop) {
	for c.i < c.n {
		i := c.i
		c.x = (c.x*1103515245 + 12345) % 2147483648
		c.acc += float64(c.x%1000) / 7.0
		c.i++
		if i%10000 == 0 {
			l.Ready(c)
			return
		}
	}
	*c.sum += int64(c.acc) + c.x
}

func main() {
	l := handloop.New()
	var sum int64
	for s := int64(0); s < 8; s++ {
		l.Ready(&crunch{x: s, n: 400000, sum: &sum})
	}
	l.Run()
	fmt.Println(sum)
}
