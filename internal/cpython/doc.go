// Package cpython finds the reference interpreter, CPython 3.12, for the
// tests and generators that compare the translator and its runtime with
// it, and asks it what its modules hold.
package cpython
