package rtlib

// HasNext and Take give the next int of a frame's range slot (IterRange)
// in two halves, which generated code writes out at a range loop's head
// (`if f.rN.HasNext() { t = rt.MakeInt(f.rN.Take()); goto body }`): a
// single function returning (int, ok) made Go's compiler test ok again
// after inlining it.

// HasNext says whether the range slot has a next int.
func (r *RangeIter) HasNext() bool { return r.left > 0 }

// Take is the slot's next int, and moves past it; HasNext must be true.
func (r *RangeIter) Take() int64 {
	v := r.next
	r.next += r.step
	r.left--
	return v
}
