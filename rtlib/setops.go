package rtlib

// setOp is a | b, a & b, a - b and a ^ b for two sets (or frozensets); the
// result has the type of a, as in CPython. ok is false when a or b is not a set.
func setOp(op string, a, b Object) (Object, *BaseException, bool) {
	x, ok1 := a.(*Set)
	y, ok2 := b.(*Set)
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	var out []Object
	var keys []Object
	x.d.Items(func(k, _ Object) { keys = append(keys, k) })
	var ykeys []Object
	y.d.Items(func(k, _ Object) { ykeys = append(ykeys, k) })
	in := func(s *Set, k Object) (bool, *BaseException) {
		_, ok, exc := s.d.GetItem(k)
		return ok, exc
	}
	switch op {
	case "|":
		out = append(append(out, keys...), ykeys...)
	case "&", "-":
		for _, k := range keys {
			ok, exc := in(y, k)
			if exc != nil {
				return nil, exc, true
			}
			if ok == (op == "&") {
				out = append(out, k)
			}
		}
	case "^":
		for _, k := range keys {
			ok, exc := in(y, k)
			if exc != nil {
				return nil, exc, true
			}
			if !ok {
				out = append(out, k)
			}
		}
		for _, k := range ykeys {
			ok, exc := in(x, k)
			if exc != nil {
				return nil, exc, true
			}
			if !ok {
				out = append(out, k)
			}
		}
	}
	r, exc := NewSet(out...)
	if exc != nil {
		return nil, exc, true
	}
	r.(*Set).frozen = x.frozen
	return r, nil, true
}
