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

// TakeUnit is Take for a range whose step is 1 (generated code knows it
// from the range call): one load fewer.
func (r *RangeIter) TakeUnit() int64 {
	v := r.next
	r.next = v + 1
	r.left--
	return v
}

// IterRangeLocal is IterRange for a range slot that Resume keeps in a Go
// local (codegen/cachedfields.go): the slot comes back as a value (no
// address of the local is taken, so Go keeps it in registers), and the
// iterator for the general way is an exhausted one where the slot holds
// the range (the local, not the frame, has the slot's state: an iterator
// pointing into the frame would read a stale copy).
func IterRangeLocal(x Object) (RangeIter, Object, *BaseException) {
	if r, ok := x.(*rangeObj); ok {
		return rangeIter{next: r.start, step: r.step, left: r.length()}, &noRangeLeft, nil
	}
	it, exc := Iter(x)
	return rangeIter{}, it, exc
}

// noRangeLeft is an exhausted range iterator: nothing is ever taken from
// it, so all slots kept in locals share it.
var noRangeLeft rangeIter

// More, Cur and Advanced are HasNext and Take for a slot kept in a Go
// local, with value receivers (a pointer method would take the local's
// address, and Go would keep it in memory): `if s.More() { t =
// rt.MakeInt(s.Cur()); s = s.Advanced() }`.

// More says whether the slot has a next int.
func (r RangeIter) More() bool { return r.left > 0 }

// Cur is the slot's next int; More must be true.
func (r RangeIter) Cur() int64 { return r.next }

// Advanced is the slot past its next int.
func (r RangeIter) Advanced() RangeIter {
	r.next += r.step
	r.left--
	return r
}

// AdvancedUnit is Advanced for a range whose step is 1 (see TakeUnit).
func (r RangeIter) AdvancedUnit() RangeIter {
	r.next++
	r.left--
	return r
}

// IterRangeInts is IterRange(slot, range(a0)), range(a0, a1) or range(a0,
// a1, a2), as n (1 to 3) says, for a loop over range called with ints:
// where the range is small, the range object that only the loop would see
// is not made (nor the argument list of its call). Generated code calls it
// at the head of such a loop (codegen's rangeCalls).
func IterRangeInts(slot *RangeIter, n int, a0, a1, a2 IntVal) (Object, *BaseException) {
	it, ok, exc := smallRangeIter(n, a0, a1, a2)
	if exc != nil {
		return nil, exc
	}
	if ok {
		*slot = it
		return slot, nil
	}
	x, exc := rangeOfInts(n, a0, a1, a2)
	if exc != nil {
		return nil, exc
	}
	return IterRange(slot, x)
}

// IterRangeIntsLocal is IterRangeInts for a slot kept in a Go local, as
// IterRangeLocal is IterRange's.
func IterRangeIntsLocal(n int, a0, a1, a2 IntVal) (RangeIter, Object, *BaseException) {
	it, ok, exc := smallRangeIter(n, a0, a1, a2)
	if exc != nil {
		return rangeIter{}, nil, exc
	}
	if ok {
		return it, &noRangeLeft, nil
	}
	x, exc := rangeOfInts(n, a0, a1, a2)
	if exc != nil {
		return rangeIter{}, nil, exc
	}
	return IterRangeLocal(x)
}

// smallRangeIter is the iteration of range(a0, …) with n int arguments,
// when they and the range's length are int64s (ok); a zero step is
// range()'s ValueError.
func smallRangeIter(n int, a0, a1, a2 IntVal) (it rangeIter, ok bool, exc *BaseException) {
	if a0.Big != nil || a1.Big != nil || a2.Big != nil {
		return rangeIter{}, false, nil
	}
	r, ok, exc := smallRange(n, a0.Small, a1.Small, a2.Small)
	if !ok {
		return rangeIter{}, false, exc
	}
	return rangeIter{next: r.start, step: r.step, left: r.length()}, true, nil
}

// rangeOfInts is the range object of range(a0, …) with n int arguments
// (one of them big, or a length past int64).
func rangeOfInts(n int, a0, a1, a2 IntVal) (Object, *BaseException) {
	args := []Object{a0.Box(), a1.Box(), a2.Box()}
	return rangeType.New(rangeType, args[:n], nil)
}
