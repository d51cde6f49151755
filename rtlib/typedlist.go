package rtlib

// Typed lists. The translator (lower/infer.go) keeps a list that a
// function creates, whose items are proved all ints, floats, strs or bools,
// and that never leaves the function (only appended to, indexed, assigned
// by index, iterated, measured with len, summed and tested for truth) as a
// *TList of unboxed items instead of a *List of objects. It is a pointer,
// as a list is: a loop iterating it sees the appends and assignments made
// while it runs, and rebinding the variable leaves the loop on the list it
// started with.
type TList[T any] struct{ Items []T }

// TListIter is an iterator over a TList, read live as CPython's list
// iterator is: each step checks the current length.
type TListIter[T any] struct {
	L *TList[T]
	I int
}

// Next is the next item, or ok=false when the list is exhausted.
func (it *TListIter[T]) Next() (v T, ok bool) {
	if it.I < len(it.L.Items) {
		v = it.L.Items[it.I]
		it.I++
		return v, true
	}
	return v, false
}

// tlistIndex is the position of index i in a list of n items, or the
// IndexError CPython raises (what: "list" or "list assignment").
func tlistIndex(i IntVal, n int, what string) (int, *BaseException) {
	if i.Big != nil {
		return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	x := i.Small
	if x < 0 {
		x += int64(n)
	}
	if x < 0 || x >= int64(n) {
		return 0, Errorf(IndexErrorType, "%s index out of range", what)
	}
	return int(x), nil
}

// TListGet is l[i].
func TListGet[T any](l *TList[T], i IntVal) (T, *BaseException) {
	if i.Big == nil && i.Small >= 0 && i.Small < int64(len(l.Items)) {
		return l.Items[i.Small], nil
	}
	k, exc := tlistIndex(i, len(l.Items), "list")
	if exc != nil {
		var zero T
		return zero, exc
	}
	return l.Items[k], nil
}

// TListSet is l[i] = v.
func TListSet[T any](l *TList[T], i IntVal, v T) *BaseException {
	k, exc := tlistIndex(i, len(l.Items), "list assignment")
	if exc != nil {
		return exc
	}
	l.Items[k] = v
	return nil
}

// TListSumInt is sum(l) of a list of ints.
func TListSumInt(l *TList[IntVal]) IntVal {
	acc := MakeInt(0)
	for _, x := range l.Items {
		acc = IntAdd(acc, x)
	}
	return acc
}

// TListSumFloat is sum(l) of a list of floats: the int 0 when it is empty,
// else the compensated sum of CPython 3.12 (the builtin's own code).
func TListSumFloat(l *TList[float64]) (Object, *BaseException) {
	i := 0
	return fsum(Int(0), func() (Object, bool, *BaseException) {
		if i >= len(l.Items) {
			return nil, false, nil
		}
		i++
		return Float(l.Items[i-1]), true, nil
	})
}

// NewTListFor is the empty typed list of a comprehension over xs, with
// room made in advance as NewListFor does.
func NewTListFor[T any](xs Object) *TList[T] {
	return &TList[T]{Items: make([]T, 0, listForHint(xs))}
}

// NewListCap is an empty list with room for n items (a comprehension over
// a typed list of n items).
func NewListCap(n int) Object {
	return &List{Items: make([]Object, 0, max(0, min(n, maxListFor)))}
}

// listForHint is the room to make for a comprehension over xs: its length
// when xs is a list, a tuple or a range (no user code runs to know it), at
// most maxListFor.
func listForHint(xs Object) int64 {
	var n int64
	switch v := xs.(type) {
	case *List:
		n = int64(len(v.Items))
	case *Tuple:
		n = int64(len(v.Items))
	case *rangeObj:
		n = v.length()
	case *bigRange:
		n = maxListFor
		if v.length.IsInt64() {
			n = v.length.Int64()
		}
	}
	return max(0, min(n, maxListFor))
}

// NewTListCap is an empty typed list with room for n items (a
// comprehension over a typed list of n items).
func NewTListCap[T any](n int) *TList[T] {
	return &TList[T]{Items: make([]T, 0, max(0, min(n, maxListFor)))}
}

// TListMinInt is min(l) (max(l) when max) of a list of ints.
func TListMinInt(l *TList[IntVal], max bool) (IntVal, *BaseException) {
	if len(l.Items) == 0 {
		return IntVal{}, emptyMinMax(max)
	}
	m := l.Items[0]
	for _, x := range l.Items[1:] {
		if c := IntCmp(x, m); c < 0 && !max || c > 0 && max {
			m = x
		}
	}
	return m, nil
}

// TListMinOrd is min(l) (max(l) when max) of a list of floats or strs: an
// item replaces the one kept when it is less (greater), as CPython
// compares, so a NaN is kept only when it comes first.
func TListMinOrd[T float64 | Str](l *TList[T], max bool) (T, *BaseException) {
	if len(l.Items) == 0 {
		var zero T
		return zero, emptyMinMax(max)
	}
	m := l.Items[0]
	for _, x := range l.Items[1:] {
		if x < m && !max || x > m && max {
			m = x
		}
	}
	return m, nil
}

func emptyMinMax(max bool) *BaseException {
	name := "min"
	if max {
		name = "max"
	}
	return Errorf(ValueErrorType, "%s() iterable argument is empty", name)
}
