package rtlib

// setLike reports whether x takes part in set operators: a set, a frozenset,
// or a keys or items view of a dict.
func setLike(x Object) bool {
	switch v := x.(type) {
	case *Set:
		return true
	case *dictView:
		return v.kind != viewValues
	}
	return false
}

// setOp is a | b, a & b, a - b and a ^ b where both are sets, frozensets or
// set-like dict views, following CPython's algorithms (setobject.c and
// dictobject.c's dictviews_*) so that the result iterates in CPython's order.
// ok is false when an operand is not set-like.
func setOp(op string, a, b Object) (Object, *BaseException, bool) {
	if !setLike(a) || !setLike(b) {
		return nil, nil, false
	}
	x, xs := a.(*Set)
	y, ys := b.(*Set)
	if xs && ys {
		var r *Set
		var exc *BaseException
		switch op {
		case "|":
			r, exc = x.union(y)
		case "&":
			r, exc = x.intersection(y)
		case "-":
			r, exc = x.difference(y)
		case "^":
			r, exc = x.symmetricDifference(y)
		}
		if exc != nil {
			return nil, exc, true
		}
		return r, nil, true
	}
	if op == "&" {
		r, exc := viewIntersect(a, b)
		if exc != nil {
			return nil, exc, true
		}
		return r, nil, true
	}
	r, exc := viewToSet(a)
	if exc != nil {
		return nil, exc, true
	}
	switch op {
	case "|":
		exc = r.update(b)
	case "-":
		exc = r.differenceUpdate(b)
	case "^":
		exc = r.symmetricDifferenceUpdate(b)
	}
	if exc != nil {
		return nil, exc, true
	}
	return r, nil, true
}

// viewToSet is dictviews_to_set: a new set of a view's (or a set's) elements.
func viewToSet(x Object) (*Set, *BaseException) {
	if v, ok := x.(*dictView); ok && v.kind == viewKeys && v.d.Class == nil {
		return newSetFrom(v.d, false)
	}
	return newSetFrom(x, false)
}

// viewIntersect is _PyDictView_Intersect.
func viewIntersect(a, b Object) (*Set, *BaseException) {
	self, ok := a.(*dictView)
	other := b
	if !ok {
		self, other = b.(*dictView), a
	}
	n := self.d.Len()
	if s, ok := other.(*Set); ok && !s.frozen && n <= s.used {
		return s.intersection(self)
	}
	if o, ok := other.(*dictView); ok && o.d.Len() > n {
		self, other = o, self
	}
	r := &Set{d: NewDict()}
	items, exc := toSlice(other)
	if exc != nil {
		return nil, exc
	}
	for _, k := range items {
		in, exc := self.contains(k)
		if exc != nil {
			return nil, exc
		}
		if in {
			if exc := r.add(k); exc != nil {
				return nil, exc
			}
		}
	}
	return r, nil
}
