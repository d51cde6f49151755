package rtlib

import "slices"

// reversed(), as CPython's bltinmodule.c and enumobject.c have it: an
// object's __reversed__ when it has one (a dict, a dict view, a range
// answer theirs), else the sequence protocol read live from the end
// (__len__ once, then __getitem__ for each item).

var (
	// reversedType is CPython's `reversed`: the reverse iterator of a
	// tuple, a str, or an object with __len__ and __getitem__.
	reversedType = newType("reversed", iteratorType)
	// listRevIterType is a list's: it reads the list as it is now.
	listRevIterType      = newType("list_reverseiterator", iteratorType)
	dictRevKeyIterType   = newType("dict_reversekeyiterator", iteratorType)
	dictRevValueIterType = newType("dict_reversevalueiterator", iteratorType)
	dictRevItemIterType  = newType("dict_reverseitemiterator", iteratorType)
)

// reversedOf is reversed(x).
func reversedOf(x Object) (Object, *BaseException) {
	switch x := x.(type) {
	case *rangeObj, *bigRange:
		return rangeReversed(x), nil
	case *List:
		return &listRevIter{l: x, i: len(x.Items) - 1}, nil
	case *Dict:
		return newDictRevIter(&dictView{d: x, kind: viewKeys}), nil
	case *dictView:
		return newDictRevIter(x), nil
	case *Tuple, Str:
		n, exc := Len(x)
		if exc != nil {
			return nil, exc
		}
		return &reversedIter{seq: x, i: int64(n) - 1}, nil
	}
	if m, ok := x.Type().lookup("__reversed__"); ok {
		if m == None {
			return nil, Errorf(TypeErrorType, "'%s' object is not reversible", x.Type().Name)
		}
		return CallMethod(x, "__reversed__", nil, nil)
	}
	if _, ok := x.Type().lookup("__getitem__"); !ok || x.Type().IsSubtype(DictType) {
		return nil, Errorf(TypeErrorType, "'%s' object is not reversible", x.Type().Name)
	}
	n, exc := Len(x)
	if exc != nil {
		return nil, exc
	}
	return &reversedIter{seq: x, i: int64(n) - 1}, nil
}

// listRevIter is list_reverseiterator (listobject.c): the index of the
// next item, read from the list as it is then; -1 once exhausted.
type listRevIter struct {
	l *List
	i int
}

func (*listRevIter) Type() *Type { return listRevIterType }

func (it *listRevIter) NextValue() (Object, bool, *BaseException) {
	if it.l != nil && it.i >= 0 && it.i < len(it.l.Items) {
		v := it.l.Items[it.i]
		it.i--
		return v, true, nil
	}
	it.i, it.l = -1, nil
	return nil, false, nil
}

// reversedIter is `reversed` (enumobject.c): seq[i], seq[i-1], … seq[0],
// where i was len(seq)-1; an IndexError or StopIteration from
// __getitem__ ends it early, any other exception ends it too.
type reversedIter struct {
	seq Object // nil once exhausted
	i   int64
}

func (*reversedIter) Type() *Type { return reversedType }

func (it *reversedIter) NextValue() (Object, bool, *BaseException) {
	if it.seq != nil && it.i >= 0 {
		v, exc := GetItem(it.seq, Int(it.i))
		if exc == nil {
			it.i--
			return v, true, nil
		}
		it.i, it.seq = -1, nil
		if exc.Class.IsSubtype(IndexErrorType) || exc.Class.IsSubtype(StopIterationType) {
			return nil, false, nil
		}
		return nil, false, exc
	}
	it.i, it.seq = -1, nil
	return nil, false, nil
}

// newDictRevIter is the reverse iterator of a dict or of one of its
// views: the view's elements from the last, while the dict keeps its size.
func newDictRevIter(v *dictView) *dictViewIter {
	items := v.elems()
	slices.Reverse(items)
	return &dictViewIter{v: v, items: items, n: v.d.Len(), rev: true}
}

// lengthHint is listreviter_len: the items left, 0 once the list is
// shorter than that.
func (it *listRevIter) lengthHint() Object {
	n := it.i + 1
	if it.l == nil || len(it.l.Items) < n {
		n = 0
	}
	return Int(int64(n))
}

// lengthHint is reversed_len: the items left, 0 once the sequence is
// shorter than that (its __len__ is read again).
func (it *reversedIter) lengthHint() (Object, *BaseException) {
	if it.seq == nil {
		return Int(0), nil
	}
	size, exc := Len(it.seq)
	if exc != nil {
		return nil, exc
	}
	if pos := it.i + 1; int64(size) >= pos {
		return Int(pos), nil
	}
	return Int(0), nil
}
