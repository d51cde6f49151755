// Hand-written Go version of bench/switch/prog.py: 1000 tasks each doing 600
// yields to the loop (sleep(0)), results summed as gather would.
package main

import (
	"fmt"

	"github.com/async2go/async2go/bench/internal/handloop"
)

type worker struct {
	i, k, n, total int
	sum            *int
}

func (w *worker) Step(l *handloop.Loop) {
	if w.k > 0 { // resumed after a sleep(0)
		w.total += (w.k - 1) ^ w.i
	}
	if w.k < w.n {
		w.k++
		l.Ready(w)
		return
	}
	*w.sum += w.total
}

func main() {
	l := handloop.New()
	sum := 0
	ws := make([]worker, 1000)
	for i := range ws {
		ws[i] = worker{i: i, n: 600, sum: &sum}
		l.Ready(&ws[i])
	}
	l.Run()
	fmt.Println(sum)
}
