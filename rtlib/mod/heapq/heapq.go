// Package heapq is Python's heapq module for translated programs:
// heappush, heappop, heapify, heapreplace and heappushpop as CPython
// 3.12's _heapq does them (the same comparisons in the same order, so a
// __lt__ with side effects or an unorderable pair shows what CPython
// shows), and nlargest, nsmallest and merge as Lib/heapq.py writes them.
package heapq

import (
	rt "github.com/async2go/async2go/rtlib"
)

func init() {
	rt.RegisterModule("heapq", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("heapq")
		def := func(name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
		}
		def("heappush", heappush)
		def("heappop", heappop)
		def("heapify", heapify)
		def("heapreplace", heapreplace)
		def("heappushpop", heappushpop)
		def("merge", newMerge)
		def("nlargest", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return nBest(args, kw, true)
		})
		def("nsmallest", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return nBest(args, kw, false)
		})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"heappush":    rt.ArgsPositional("heappush", "heappush", 2, 2),
			"heappop":     rt.ArgsOne("_heapq.heappop"),
			"heapify":     rt.ArgsOne("_heapq.heapify"),
			"heapreplace": rt.ArgsPositional("heapreplace", "heapreplace", 2, 2),
			"heappushpop": rt.ArgsPositional("heappushpop", "heappushpop", 2, 2),
			"nlargest":    nlargestArgs,
			"nsmallest":   nsmallestArgs,
			"merge":       rt.ArgsPython("merge", 0).VarArgs().KwOnly("key", "reverse"),
		})
		return m, nil
	})
}

var (
	nlargestArgs  = rt.ArgsPython("nlargest", 2, "n", "iterable", "key")
	nsmallestArgs = rt.ArgsPython("nsmallest", 2, "n", "iterable", "key")
)

// less is PyObject_RichCompareBool(a, b, Py_LT).
func less(a, b rt.Object) (bool, *rt.BaseException) {
	r, exc := rt.Lt(a, b)
	if exc != nil {
		return false, exc
	}
	if b, ok := r.(rt.Bool); ok {
		return bool(b), nil
	}
	return rt.Truth(r)
}

// heapList is the heap argument of fn, which must be a list (Argument
// Clinic's message: "argument 1" where fn takes two).
// before is a < b in a min-heap, b < a in a max-heap (the max variants'
// comparisons, operands swapped).
func before(a, b rt.Object, max bool) (bool, *rt.BaseException) {
	if max {
		return less(b, a)
	}
	return less(a, b)
}

func heapList(fn string, x rt.Object, two bool) (*rt.List, *rt.BaseException) {
	l, ok := x.(*rt.List)
	if !ok {
		arg := "argument"
		if two {
			arg = "argument 1"
		}
		return nil, rt.Errorf(rt.TypeErrorType, "%s() %s must be list, not %s", fn, arg, x.Type().Name)
	}
	return l, nil
}

func errChanged() *rt.BaseException {
	return rt.Errorf(rt.RuntimeErrorType, "list changed size during iteration")
}

// siftDown moves the item at pos up towards startpos (the C module's
// siftdown; lt is < for a min-heap, > by swapped operands for a max-heap).
func siftDown(h *rt.List, startpos, pos int, max bool) *rt.BaseException {
	size := len(h.Items)
	for pos > startpos {
		parentpos := (pos - 1) >> 1
		lt, exc := before(h.Items[pos], h.Items[parentpos], max)
		if exc != nil {
			return exc
		}
		if size != len(h.Items) {
			return errChanged()
		}
		if !lt {
			break
		}
		h.Items[parentpos], h.Items[pos] = h.Items[pos], h.Items[parentpos]
		pos = parentpos
	}
	return nil
}

// siftUp bubbles the smaller (larger) child up from pos to a leaf, then
// sifts the item there down into place.
func siftUp(h *rt.List, pos int, max bool) *rt.BaseException {
	endpos := len(h.Items)
	startpos := pos
	limit := endpos >> 1
	for pos < limit {
		childpos := 2*pos + 1
		if childpos+1 < endpos {
			lt, exc := before(h.Items[childpos], h.Items[childpos+1], max)
			if exc != nil {
				return exc
			}
			if !lt {
				childpos++
			}
			if endpos != len(h.Items) {
				return errChanged()
			}
		}
		h.Items[childpos], h.Items[pos] = h.Items[pos], h.Items[childpos]
		pos = childpos
	}
	return siftDown(h, startpos, pos, max)
}

func heappush(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	h, exc := heapList("heappush", args[0], true)
	if exc != nil {
		return nil, exc
	}
	h.Items = append(h.Items, args[1])
	return rt.None, siftDown(h, 0, len(h.Items)-1, false)
}

func pop(h *rt.List, max bool) (rt.Object, *rt.BaseException) {
	n := len(h.Items)
	if n == 0 {
		return nil, rt.Errorf(rt.IndexErrorType, "index out of range")
	}
	last := h.Items[n-1]
	h.Items[n-1] = nil
	h.Items = h.Items[:n-1]
	if n-1 == 0 {
		return last, nil
	}
	ret := h.Items[0]
	h.Items[0] = last
	return ret, siftUp(h, 0, max)
}

func heappop(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	h, exc := heapList("heappop", args[0], false)
	if exc != nil {
		return nil, exc
	}
	return pop(h, false)
}

func replace(h *rt.List, item rt.Object, max bool) (rt.Object, *rt.BaseException) {
	if len(h.Items) == 0 {
		return nil, rt.Errorf(rt.IndexErrorType, "index out of range")
	}
	ret := h.Items[0]
	h.Items[0] = item
	if exc := siftUp(h, 0, max); exc != nil {
		return nil, exc
	}
	return ret, nil
}

func heapreplace(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	h, exc := heapList("heapreplace", args[0], true)
	if exc != nil {
		return nil, exc
	}
	return replace(h, args[1], false)
}

func heappushpop(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	h, exc := heapList("heappushpop", args[0], true)
	if exc != nil {
		return nil, exc
	}
	item := args[1]
	if len(h.Items) == 0 {
		return item, nil
	}
	lt, exc := less(h.Items[0], item)
	if exc != nil {
		return nil, exc
	}
	if !lt {
		return item, nil
	}
	if len(h.Items) == 0 {
		return nil, rt.Errorf(rt.IndexErrorType, "index out of range")
	}
	return replace(h, item, false)
}

// heapifyList is heapify_internal: a plain loop, or for lists likely to
// be bigger than the L1 cache the cache-friendly order.
func heapifyList(h *rt.List, max bool) *rt.BaseException {
	n := len(h.Items)
	if n > 2500 {
		// Once both children of a node are sifted, the node is: the
		// same sifts as the plain loop's, in another order.
		m := n >> 1                     // the first node without children
		leftmost := keepTopBit(m+1) - 1 // the leftmost node in m's row
		mhalf := m >> 1                 // the parent of m
		chain := func(i int) *rt.BaseException {
			for j := i; ; j >>= 1 {
				if exc := siftUp(h, j, max); exc != nil {
					return exc
				}
				if j&1 == 0 {
					return nil
				}
			}
		}
		for i := leftmost - 1; i >= mhalf; i-- {
			if exc := chain(i); exc != nil {
				return exc
			}
		}
		for i := m - 1; i >= leftmost; i-- {
			if exc := chain(i); exc != nil {
				return exc
			}
		}
		return nil
	}
	for i := n/2 - 1; i >= 0; i-- {
		if exc := siftUp(h, i, max); exc != nil {
			return exc
		}
	}
	return nil
}

// keepTopBit is n with only its highest set bit.
func keepTopBit(n int) int {
	i := 0
	for n > 1 {
		n >>= 1
		i++
	}
	return n << i
}

func heapify(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	h, exc := heapList("heapify", args[0], false)
	if exc != nil {
		return nil, exc
	}
	return rt.None, heapifyList(h, false)
}

// nBest is nlargest (largest) or nsmallest, as Lib/heapq.py writes them.
func nBest(args []rt.Object, kw []rt.KwArg, largest bool) (rt.Object, *rt.BaseException) {
	spec := nsmallestArgs
	if largest {
		spec = nlargestArgs
	}
	nObj, iterable, key := spec.Arg(args, kw, 0), spec.Arg(args, kw, 1), spec.Arg(args, kw, 2)
	if key == nil {
		key = rt.None
	}
	if eq, exc := rt.Eq(nObj, rt.Int(1)); exc != nil {
		return nil, exc
	} else if b, _ := rt.Truth(eq); b {
		// max or min with a sentinel default.
		fn := "min"
		if largest {
			fn = "max"
		}
		items, exc := rt.Iterate(iterable)
		if exc != nil {
			return nil, exc
		}
		if len(items) == 0 {
			return rt.NewList(), nil
		}
		var kws []rt.KwArg
		if key != rt.None {
			kws = []rt.KwArg{{Name: "key", Value: key}}
		}
		r, exc := rt.Call(rt.MustBuiltin(fn), []rt.Object{rt.NewList(items...)}, kws)
		if exc != nil {
			return nil, exc
		}
		return rt.NewList(r), nil
	}
	n, ok := rt.AsInt(nObj)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", nObj.Type().Name)
	}
	if size, exc := rt.Len(iterable); exc == nil && n >= int64(size) {
		sorted, exc := rt.Call(rt.MustBuiltin("sorted"), []rt.Object{iterable}, []rt.KwArg{{Name: "key", Value: key}, {Name: "reverse", Value: rt.Bool(largest)}})
		if exc != nil {
			return nil, exc
		}
		items := sorted.(*rt.List).Items
		return rt.NewList(items[:min(len(items), int(max(n, 0)))]...), nil
	}
	items, exc := rt.Iterate(iterable)
	if exc != nil {
		return nil, exc
	}
	// result holds (elem, order) or (key, order, elem) tuples; orders count
	// up from 0 (nsmallest) or down from 0 (nlargest), so that equal
	// elements keep their first-seen order.
	step := int64(1)
	if largest {
		step = -1
	}
	var result []rt.Object
	i := 0
	for ; i < len(items) && int64(i) < n; i++ {
		order := rt.Int(int64(i) * step)
		if key == rt.None {
			result = append(result, rt.NewTuple(items[i], order))
		} else {
			k, exc := rt.Call(key, []rt.Object{items[i]}, nil)
			if exc != nil {
				return nil, exc
			}
			result = append(result, rt.NewTuple(k, order, items[i]))
		}
	}
	if len(result) == 0 {
		return rt.NewList(), nil
	}
	h := rt.NewList(result...)
	if exc := heapifyList(h, !largest); exc != nil {
		return nil, exc
	}
	top := h.Items[0].(*rt.Tuple).Items[0]
	order := n * step
	for ; i < len(items); i++ {
		elem := items[i]
		k := elem
		if key != rt.None {
			if k, exc = rt.Call(key, []rt.Object{elem}, nil); exc != nil {
				return nil, exc
			}
		}
		var better bool
		if largest {
			better, exc = less(top, k)
		} else {
			better, exc = less(k, top)
		}
		if exc != nil {
			return nil, exc
		}
		if !better {
			continue
		}
		var entry rt.Object = rt.NewTuple(elem, rt.Int(order))
		if key != rt.None {
			entry = rt.NewTuple(k, rt.Int(order), elem)
		}
		if _, exc := replace(h, entry, !largest); exc != nil {
			return nil, exc
		}
		top = h.Items[0].(*rt.Tuple).Items[0]
		order += step
	}
	if _, exc := rt.CallMethod(h, "sort", nil, []rt.KwArg{{Name: "reverse", Value: rt.Bool(largest)}}); exc != nil {
		return nil, exc
	}
	out := make([]rt.Object, len(h.Items))
	last := 0
	if key != rt.None {
		last = 2
	}
	for j, e := range h.Items {
		out[j] = e.(*rt.Tuple).Items[last]
	}
	return rt.NewList(out...), nil
}
