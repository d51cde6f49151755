package heapq

import rt "github.com/async2go/async2go/rtlib"

// merge is heapq.merge(*iterables, key=None, reverse=False), as Lib/heapq.py
// writes it: a generator over a heap of [value, order, iterator] lists
// ([key, order, value, iterator] with a key), so that the heap compares
// what CPython's compares (the values, or keys, then the order: a stable
// merge), in the same order; the last iterator left is delegated to as
// `yield from` does.
type merge struct {
	iterables []rt.Object
	key       rt.Object // nil: no key
	max       bool      // reverse
	h         *rt.List
	phase     int  // 0 not started, 1 merging, 2 the last value yielded, 3 done, 4 delegating to the last iterator
	advance   bool // h[0]'s value was yielded: take its iterator's next first
	rest      rt.Object
}

// mergeFn stands for the generator function, for the generator's name.
var mergeFn = &rt.Function{Name: "merge", Qualname: "merge", Module: "heapq"}

func newMerge(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	m := &merge{iterables: args}
	for _, k := range kw {
		switch k.Name {
		case "key":
			if k.Value != rt.None {
				m.key = k.Value
			}
		case "reverse":
			r, exc := rt.Truth(k.Value)
			if exc != nil {
				return nil, exc
			}
			m.max = r
		default:
			return nil, rt.Errorf(rt.TypeErrorType, "merge() got an unexpected keyword argument '%s'", k.Name)
		}
	}
	return rt.NewGenerator(mergeFn, m), nil
}

// slot indexes of an entry: its iterator and its value.
func (m *merge) itOf(s *rt.List) rt.Object { return s.Items[len(s.Items)-1] }

func (m *merge) valueOf(s *rt.List) rt.Object {
	if m.key != nil {
		return s.Items[2]
	}
	return s.Items[0]
}

// set makes v the entry's value (and its key).
func (m *merge) set(s *rt.List, v rt.Object) *rt.BaseException {
	if m.key == nil {
		s.Items[0] = v
		return nil
	}
	k, exc := rt.Call(m.key, []rt.Object{v}, nil)
	if exc != nil {
		return exc
	}
	s.Items[0], s.Items[2] = k, v
	return nil
}

// Resume runs the merge to its next value.
func (m *merge) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	v, done, exc := m.step(sent, thrown)
	if done {
		m.phase, m.h, m.rest, m.iterables = 3, nil, nil, nil
	}
	return v, done, exc
}

func (m *merge) step(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	switch m.phase {
	case 0:
		if thrown != nil {
			return nil, true, thrown
		}
		if exc := m.start(); exc != nil {
			return nil, true, exc
		}
		m.phase = 1
	case 1:
		if thrown != nil {
			if !thrown.Class.IsSubtype(rt.StopIterationType) {
				return nil, true, thrown
			}
			// Thrown in at the yield, a StopIteration is the except
			// clause's: the entry on top is dropped.
			m.advance = false
			if _, exc := pop(m.h, m.max); exc != nil {
				return nil, true, exc
			}
		}
	case 2:
		// Resumed at `yield value`, before `yield from`: an exception
		// thrown in leaves the last iterator alone.
		if thrown != nil {
			return nil, true, thrown
		}
		m.phase = 4
		return m.delegate(rt.None, nil)
	case 4:
		return m.delegate(sent, thrown)
	default:
		return nil, true, thrown
	}
	for {
		if m.advance {
			m.advance = false
			s := m.h.Items[0].(*rt.List)
			v, ok, exc := rt.Next(m.itOf(s))
			if exc != nil {
				return nil, true, exc
			}
			if !ok {
				if _, exc := pop(m.h, m.max); exc != nil {
					return nil, true, exc
				}
			} else {
				if exc := m.set(s, v); exc != nil {
					return nil, true, exc
				}
				if _, exc := replace(m.h, s, m.max); exc != nil {
					return nil, true, exc
				}
				m.advance = true
				return m.valueOf(m.h.Items[0].(*rt.List)), false, nil
			}
		}
		if len(m.h.Items) > 1 {
			m.advance = true
			return m.valueOf(m.h.Items[0].(*rt.List)), false, nil
		}
		break
	}
	if len(m.h.Items) == 0 {
		return rt.None, true, nil
	}
	s := m.h.Items[0].(*rt.List)
	m.rest, m.phase = m.itOf(s), 2
	return m.valueOf(s), false, nil
}

// start takes each iterable's first value (the iterables that have one
// make the heap, in their order) and heapifies.
func (m *merge) start() *rt.BaseException {
	m.h = rt.NewList()
	direction := rt.Int(1)
	if m.max {
		direction = -1
	}
	for order, x := range m.iterables {
		it, exc := rt.Iter(x)
		if exc != nil {
			return exc
		}
		v, ok, exc := rt.Next(it)
		if exc != nil {
			return exc
		}
		if !ok {
			continue
		}
		entry := []rt.Object{v, rt.Int(order) * direction, it}
		if m.key != nil {
			k, exc := rt.Call(m.key, []rt.Object{v}, nil)
			if exc != nil {
				return exc
			}
			entry = []rt.Object{k, rt.Int(order) * direction, v, it}
		}
		m.h.Items = append(m.h.Items, rt.NewList(entry...))
	}
	m.iterables = nil
	return heapifyList(m.h, m.max)
}

// delegate is `yield from` the last iterator: a generator is resumed with
// what the merge was sent or thrown; another iterator is advanced, and
// cannot take a value or an exception.
func (m *merge) delegate(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	if g, ok := m.rest.(*rt.Generator); ok {
		if thrown != nil && thrown.Class.IsSubtype(rt.GeneratorExitType) {
			if exc := g.Close(); exc != nil {
				return nil, true, exc
			}
			return nil, true, thrown
		}
		v, done, exc := g.Resume(sent, thrown)
		if done {
			if exc != nil {
				return nil, true, exc
			}
			return rt.None, true, nil
		}
		return v, false, nil
	}
	if thrown != nil {
		if thrown.Class.IsSubtype(rt.GeneratorExitType) {
			if _, ok := rt.LookupAttr(m.rest.Type(), "close"); ok {
				if _, exc := rt.CallMethod(m.rest, "close", nil, nil); exc != nil {
					return nil, true, exc
				}
			}
		}
		return nil, true, thrown
	}
	if sent != nil && sent != rt.None {
		return nil, true, rt.Errorf(rt.AttributeErrorType, "'%s' object has no attribute 'send'", m.rest.Type().Name)
	}
	v, ok, exc := rt.Next(m.rest)
	if exc != nil || !ok {
		return rt.None, true, exc
	}
	return v, false, nil
}
