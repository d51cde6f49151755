package rtlib

// HasNext and Take are RangeNextSlot in two halves, which generated code
// writes out at a range loop's head (`if f.rN.HasNext() { t =
// rt.MakeInt(f.rN.Take()); goto body }`): with the bool of RangeNextSlot
// gone, Go's compiler no longer tests it again after inlining.

// HasNext says whether the range slot has a next int.
func (r *RangeIter) HasNext() bool { return r.left > 0 }

// Take is the slot's next int, and moves past it; HasNext must be true.
func (r *RangeIter) Take() int64 {
	v := r.next
	r.next += r.step
	r.left--
	return v
}
