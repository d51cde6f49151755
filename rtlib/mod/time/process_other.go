//go:build !unix

package time

import rt "github.com/async2go/async2go/rtlib"

// processTime is the program clock where the CPU time is not at hand.
func processTime() float64 { return rt.Now() }
