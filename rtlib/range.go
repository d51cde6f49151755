package rtlib

import (
	"fmt"
	"math"
	"math/big"
)

// Ranges (CPython's Objects/rangeobject.c). A range whose start, stop,
// step and length all fit int64 is a *rangeObj, whose iterator the for
// loops of generated code run without allocating (IterRange and the
// slot's HasNext and Take, RangeNextFast). Any other range is a *bigRange, with
// arbitrary-precision fields and its own iterator (longrange_iterator, as
// CPython's); the general path of the loops (RangeNextInt) iterates it
// through Next. Both have the type range.

// bigRange is a range with a start, stop, step or length beyond int64.
type bigRange struct{ start, stop, step, length *big.Int }

func (*bigRange) Type() *Type { return rangeType }

var (
	rangeIterType     = newType("range_iterator", iteratorType)
	longRangeIterType = newType("longrange_iterator", iteratorType)
	bigOne            = big.NewInt(1)
)

// longRangeIter iterates a bigRange (or a reversed one).
type longRangeIter struct{ next, step, left *big.Int }

func (*longRangeIter) Type() *Type { return longRangeIterType }

func (it *longRangeIter) NextValue() (Object, bool, *BaseException) {
	if it.left.Sign() <= 0 {
		return nil, false, nil
	}
	v := normBig(new(big.Int).Set(it.next))
	it.next.Add(it.next, it.step)
	it.left.Sub(it.left, bigOne)
	return v, true, nil
}

func (r *bigRange) iter() *longRangeIter {
	return &longRangeIter{next: new(big.Int).Set(r.start), step: r.step, left: new(big.Int).Set(r.length)}
}

// smallRangeLen is the length of range(start, stop, step), step != 0,
// computed without overflow; ok=false when it does not fit int64.
func smallRangeLen(start, stop, step int64) (int64, bool) {
	var n uint64
	if step > 0 && start < stop {
		n = (uint64(stop)-uint64(start)-1)/uint64(step) + 1
	} else if step < 0 && start > stop {
		n = (uint64(start)-uint64(stop)-1)/(-uint64(step)) + 1
	}
	return int64(n), n <= math.MaxInt64
}

// smallRange is range(a), range(a, b) or range(a, b, c), as n says, for
// arguments that are int64s; ok is false when the range's length leaves
// int64 (it needs a bigRange), and a zero step is range()'s ValueError.
func smallRange(n int, a, b, c int64) (r rangeObj, ok bool, exc *BaseException) {
	switch n {
	case 1:
		a, b, c = 0, a, 1
	case 2:
		c = 1
	default:
		if c == 0 {
			return rangeObj{}, false, Errorf(ValueErrorType, "range() arg 3 must not be zero")
		}
	}
	if !inHalf(a) || !inHalf(b) {
		// |stop - start| may reach 2**63: does the length fit?
		if _, ok := smallRangeLen(a, b, c); !ok {
			return rangeObj{}, false, nil
		}
	}
	return rangeObj{a, b, c}, true, nil
}

// inHalf says whether -2**62 <= v < 2**62: two such bounds are less
// than 2**63 apart, so the range's length fits int64.
func inHalf(v int64) bool { return uint64(v)+1<<62 < 1<<63 }

// bigRangeLen is the length of range(start, stop, step), step != 0.
func bigRangeLen(start, stop, step *big.Int) *big.Int {
	// (stop - start + step - sign(step)) // step, clamped at 0 (CPython's
	// compute_range_length).
	lo, hi, st := start, stop, step
	if step.Sign() < 0 {
		lo, hi, st = stop, start, new(big.Int).Neg(step)
	}
	if lo.Cmp(hi) >= 0 {
		return new(big.Int)
	}
	n := new(big.Int).Sub(hi, lo)
	n.Sub(n, bigOne)
	n.Quo(n, st)
	return n.Add(n, bigOne)
}

// makeRange is the range of big bounds: a *rangeObj when everything
// fits int64.
func makeRange(start, stop, step *big.Int) Object {
	n := bigRangeLen(start, stop, step)
	if start.IsInt64() && stop.IsInt64() && step.IsInt64() && n.IsInt64() {
		return &rangeObj{start.Int64(), stop.Int64(), step.Int64()}
	}
	return &bigRange{start, stop, step, n}
}

// rangeFields are the start, stop, step and length of a range (either
// form) as big ints.
func rangeFields(x Object) (start, stop, step, n *big.Int, ok bool) {
	switch r := x.(type) {
	case *rangeObj:
		return big.NewInt(r.start), big.NewInt(r.stop), big.NewInt(r.step), big.NewInt(r.length()), true
	case *bigRange:
		return r.start, r.stop, r.step, r.length, true
	}
	return nil, nil, nil, nil, false
}

// pyIndex is PyNumber_Index(x) as a big int.
func pyIndex(x Object) (*big.Int, *BaseException) {
	if b, ok := bigOf(x); ok {
		return b, nil
	}
	if _, ok := x.Type().lookup("__index__"); ok {
		v, exc := CallMethod(x, "__index__", nil, nil)
		if exc != nil {
			return nil, exc
		}
		switch v.(type) {
		case Int, *BigInt:
			b, _ := bigOf(v)
			return b, nil
		}
		return nil, Errorf(TypeErrorType, "__index__ returned non-int (type %s)", v.Type().Name)
	}
	return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", x.Type().Name)
}

// hasIndex is PyIndex_Check.
func hasIndex(x Object) bool {
	switch x.(type) {
	case Int, Bool, *BigInt:
		return true
	case *Instance:
		_, ok := x.Type().lookup("__index__")
		return ok
	}
	return false
}

// newRangeSlow is range(*args) when an argument is not a small int.
func newRangeSlow(args []Object) (Object, *BaseException) {
	var v [3]*big.Int
	for i, a := range args {
		b, exc := pyIndex(a)
		if exc != nil {
			return nil, exc
		}
		v[i] = b
	}
	switch len(args) {
	case 1:
		return makeRange(new(big.Int), v[0], bigOne), nil
	case 2:
		return makeRange(v[0], v[1], bigOne), nil
	}
	if v[2].Sign() == 0 {
		return nil, Errorf(ValueErrorType, "range() arg 3 must not be zero")
	}
	return makeRange(v[0], v[1], v[2]), nil
}

// Repr is range(start, stop) or range(start, stop, step).
func (r *bigRange) Repr() (Str, *BaseException) {
	if r.step.Cmp(bigOne) == 0 {
		return Str(fmt.Sprintf("range(%s, %s)", r.start, r.stop)), nil
	}
	return Str(fmt.Sprintf("range(%s, %s, %s)", r.start, r.stop, r.step)), nil
}

// rangeLen is len(r): CPython's OverflowError past sys.maxsize.
func rangeLen(r *bigRange) (int, *BaseException) {
	if r.length.IsInt64() {
		return int(r.length.Int64()), nil
	}
	return 0, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
}

// rangeGetItem is r[key] for a range r.
func rangeGetItem(r, key Object) (Object, *BaseException) {
	if sl, ok := key.(*Slice); ok {
		return rangeSlice(r, sl)
	}
	if s, ok := r.(*rangeObj); ok {
		if i, ok := key.(Int); ok {
			n := s.length()
			if i < 0 {
				i += Int(n)
			}
			if i < 0 || int64(i) >= n {
				return nil, Errorf(IndexErrorType, "range object index out of range")
			}
			return Int(s.start + int64(i)*s.step), nil // wraps only past int64, where the element is not
		}
	}
	if !hasIndex(key) {
		return nil, Errorf(TypeErrorType, "range indices must be integers or slices, not %s", key.Type().Name)
	}
	i, exc := pyIndex(key)
	if exc != nil {
		return nil, exc
	}
	start, _, step, n, _ := rangeFields(r)
	if i.Sign() < 0 {
		i = new(big.Int).Add(i, n)
	}
	if i.Sign() < 0 || i.Cmp(n) >= 0 {
		return nil, Errorf(IndexErrorType, "range object index out of range")
	}
	v := new(big.Int).Mul(i, step)
	return normBig(v.Add(v, start)), nil
}

// rangeSlice is r[sl] (compute_slice): a range.
func rangeSlice(r Object, sl *Slice) (Object, *BaseException) {
	start, _, step, n, _ := rangeFields(r)
	idx := func(v Object) (*big.Int, *BaseException) {
		if !hasIndex(v) {
			return nil, Errorf(TypeErrorType, "slice indices must be integers or None or have an __index__ method")
		}
		return pyIndex(v)
	}
	// _PySlice_GetLongIndices
	sstep := bigOne
	if sl.Step != nil && sl.Step != None {
		s, exc := idx(sl.Step)
		if exc != nil {
			return nil, exc
		}
		if s.Sign() == 0 {
			return nil, Errorf(ValueErrorType, "slice step cannot be zero")
		}
		sstep = s
	}
	lower, upper := new(big.Int), n
	if sstep.Sign() < 0 {
		lower = big.NewInt(-1)
		upper = new(big.Int).Add(n, lower)
	}
	bound := func(v Object, def *big.Int) (*big.Int, *BaseException) {
		if v == nil || v == None {
			return def, nil
		}
		i, exc := idx(v)
		if exc != nil {
			return nil, exc
		}
		if i.Sign() < 0 {
			i = new(big.Int).Add(i, n)
			if i.Cmp(lower) < 0 {
				return lower, nil
			}
		} else if i.Cmp(upper) > 0 {
			return upper, nil
		}
		return i, nil
	}
	var lo, hi *big.Int
	var exc *BaseException
	if sstep.Sign() < 0 {
		lo, exc = bound(sl.Lo, upper)
		if exc == nil {
			hi, exc = bound(sl.Hi, lower)
		}
	} else {
		lo, exc = bound(sl.Lo, lower)
		if exc == nil {
			hi, exc = bound(sl.Hi, upper)
		}
	}
	if exc != nil {
		return nil, exc
	}
	item := func(i *big.Int) *big.Int {
		v := new(big.Int).Mul(i, step)
		return v.Add(v, start)
	}
	return makeRange(item(lo), item(hi), new(big.Int).Mul(sstep, step)), nil
}

// rangeHas is x in r for an int x (range_contains_long).
func rangeHas(r Object, x *big.Int) bool {
	start, stop, step, _, _ := rangeFields(r)
	if step.Sign() > 0 {
		if x.Cmp(start) < 0 || x.Cmp(stop) >= 0 {
			return false
		}
	} else if x.Cmp(stop) <= 0 || x.Cmp(start) > 0 {
		return false
	}
	d := new(big.Int).Sub(x, start)
	return d.Rem(d, step).Sign() == 0
}

// exactInt is x as a big int when x is an int or a bool (CPython's
// PyLong_CheckExact || PyBool_Check), which range tests arithmetically.
func exactInt(x Object) (*big.Int, bool) {
	switch v := x.(type) {
	case Int:
		return big.NewInt(int64(v)), true
	case Bool, *BigInt:
		return bigOf(v)
	}
	return nil, false
}

// rangeContains is x in r.
func rangeContains(r, x Object) (bool, *BaseException) {
	if s, ok := r.(*rangeObj); ok {
		if v, ok := x.(Int); ok {
			i := int64(v)
			var d uint64 // |i - start|, exact once i is between the bounds
			if s.step > 0 {
				if i < s.start || i >= s.stop {
					return false, nil
				}
				d = uint64(i) - uint64(s.start)
			} else {
				if i <= s.stop || i > s.start {
					return false, nil
				}
				d = uint64(s.start) - uint64(i)
			}
			return d%absU64(s.step) == 0, nil
		}
	}
	if b, ok := exactInt(x); ok {
		return rangeHas(r, b), nil
	}
	// _PySequence_IterSearch: equality with each item.
	it, _ := Iter(r)
	return iterSearch(it, x)
}

func absU64(s int64) uint64 {
	if s < 0 {
		return -uint64(s)
	}
	return uint64(s)
}

// rangeEqual is r0 == r1 for two ranges (range_equals): as sequences.
func rangeEqual(a, b Object) bool {
	if x, ok := a.(*rangeObj); ok {
		if y, ok := b.(*rangeObj); ok {
			n := x.length()
			switch {
			case n != y.length():
				return false
			case n == 0:
				return true
			case x.start != y.start:
				return false
			}
			return n == 1 || x.step == y.step
		}
	}
	s0, _, st0, n0, _ := rangeFields(a)
	s1, _, st1, n1, _ := rangeFields(b)
	switch {
	case n0.Cmp(n1) != 0:
		return false
	case n0.Sign() == 0:
		return true
	case s0.Cmp(s1) != 0:
		return false
	}
	return n0.Cmp(bigOne) == 0 || st0.Cmp(st1) == 0
}

// rangeHashTuple is the tuple range_hash hashes: (len, start, step) with
// None for what equality ignores.
func rangeHashTuple(r Object) *Tuple {
	start, _, step, n, _ := rangeFields(r)
	switch n.Sign() {
	case 0:
		return NewTuple(Int(0), None, None)
	}
	if n.Cmp(bigOne) == 0 {
		return NewTuple(Int(1), normBig(start), None)
	}
	return NewTuple(normBig(n), normBig(start), normBig(step))
}

// rangeReversed is reversed(r).
func rangeReversed(r Object) Object {
	if s, ok := r.(*rangeObj); ok {
		n := s.length()
		// Wrapping arithmetic is exact here: the values are the range's.
		return &rangeIter{next: s.start + (n-1)*s.step, step: -s.step, left: n}
	}
	b := r.(*bigRange)
	last := new(big.Int).Sub(b.length, bigOne)
	last.Mul(last, b.step)
	return &longRangeIter{next: last.Add(last, b.start), step: new(big.Int).Neg(b.step), left: new(big.Int).Set(b.length)}
}

// rangeCount is r.count(x).
func rangeCount(r, x Object) (Object, *BaseException) {
	if b, ok := exactInt(x); ok {
		if rangeHas(r, b) {
			return Int(1), nil
		}
		return Int(0), nil
	}
	it, _ := Iter(r)
	n := int64(0)
	for {
		v, ok, exc := Next(it)
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return Int(n), nil
		}
		eq, exc := equal(v, x)
		if exc != nil {
			return nil, exc
		}
		if eq {
			n++
		}
	}
}

// rangeIndex is r.index(x).
func rangeIndex(r, x Object) (Object, *BaseException) {
	if b, ok := exactInt(x); ok {
		if !rangeHas(r, b) {
			rep, exc := Repr(x)
			if exc != nil {
				return nil, exc
			}
			return nil, Errorf(ValueErrorType, "%s is not in range", rep)
		}
		start, _, step, _, _ := rangeFields(r)
		d := new(big.Int).Sub(b, start)
		return normBig(d.Quo(d, step)), nil
	}
	it, _ := Iter(r)
	for i := int64(0); ; i++ {
		v, ok, exc := Next(it)
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return nil, Errorf(ValueErrorType, "sequence.index(x): x not in sequence")
		}
		eq, exc := equal(v, x)
		if exc != nil {
			return nil, exc
		}
		if eq {
			return Int(i), nil
		}
	}
}

func init() { deferMethods(installRangeMethods) }

// installRangeMethods defines the methods and members of range (made on first
// use: lazydict.go).
func installRangeMethods() {
	exactlyOne := func(name string, fn func(r, x Object) (Object, *BaseException)) {
		rangeType.Dict.SetStr(name, &Method{Name: name, Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			if len(kw) > 0 {
				return nil, Errorf(TypeErrorType, "range.%s() takes no keyword arguments", name)
			}
			if len(args) != 1 {
				return nil, Errorf(TypeErrorType, "range.%s() takes exactly one argument (%d given)", name, len(args))
			}
			return fn(self, args[0])
		}})
	}
	exactlyOne("count", rangeCount)
	exactlyOne("index", rangeIndex)
	// start, stop and step are read-only members.
	readonly := &Builtin{Name: "readonly", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		return nil, Errorf(AttributeErrorType, "readonly attribute")
	}}
	for i, name := range []string{"start", "stop", "step"} {
		i := i
		rangeType.Dict.SetStr(name, &Property{Get: &Builtin{Name: name, Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
			start, stop, step, _, _ := rangeFields(args[0])
			return normBig([]*big.Int{start, stop, step}[i]), nil
		}}, Set: readonly, Del: readonly})
	}
	// The slots as methods (r.__len__() and the like; the operations
	// themselves switch on the range types).
	dunder := func(name string, n int, fn func(self Object, args []Object) (Object, *BaseException)) {
		rangeType.Dict.SetStr(name, &Method{Name: name, Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			// The messages of slot wrappers (__reversed__ is a method).
			switch {
			case name == "__reversed__" && len(kw) > 0:
				return nil, Errorf(TypeErrorType, "range.%s() takes no keyword arguments", name)
			case len(kw) > 0:
				return nil, Errorf(TypeErrorType, "wrapper %s() takes no keyword arguments", name)
			case name == "__reversed__" && len(args) != 0:
				return nil, Errorf(TypeErrorType, "range.%s() takes no arguments (%d given)", name, len(args))
			case len(args) != n:
				return nil, Errorf(TypeErrorType, "expected %d argument%s, got %d", n, plural(n), len(args))
			}
			return fn(self, args)
		}})
	}
	dunder("__len__", 0, func(self Object, _ []Object) (Object, *BaseException) {
		n, exc := Len(self)
		return Int(n), exc
	})
	dunder("__getitem__", 1, func(self Object, args []Object) (Object, *BaseException) { return rangeGetItem(self, args[0]) })
	dunder("__contains__", 1, func(self Object, args []Object) (Object, *BaseException) {
		b, exc := rangeContains(self, args[0])
		return Bool(b), exc
	})
	dunder("__iter__", 0, func(self Object, _ []Object) (Object, *BaseException) { return Iter(self) })
	dunder("__reversed__", 0, func(self Object, _ []Object) (Object, *BaseException) { return rangeReversed(self), nil })
}
