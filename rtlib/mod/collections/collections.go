// Package collections is Python's collections module for translated
// programs: deque, defaultdict, Counter and OrderedDict.
package collections

import (
	"sort"
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

var (
	dequeType       = rt.NewBuiltinType("deque", "collections")
	dequeIterType   = rt.NewBuiltinType("_deque_iterator", "collections")
	dequeRevType    = rt.NewBuiltinType("_deque_reverse_iterator", "collections")
	defaultdictType = rt.NewBuiltinType("defaultdict", "collections", rt.DictType)
	counterType     = rt.NewBuiltinType("Counter", "collections", rt.DictType)
	orderedDictType = rt.NewBuiltinType("OrderedDict", "collections", rt.DictType)
)

// deque is collections.deque.
type deque struct {
	items  []rt.Object
	maxlen int // -1: unbounded
	// state counts the changes that move items (appends, pops, clear,
	// rotate, remove), as _collectionsmodule.c's deque->state: an
	// iterator made before one is stale.
	state uint64
}

// dequeIter is a deque's iterator (_deque_iterator) or, with rev, its
// reverse iterator (_deque_reverse_iterator): live, with the count of
// items left, failing once the deque has changed.
type dequeIter struct {
	d       *deque
	state   uint64
	i       int // the next item's index (from the end, rev)
	counter int // items left
	rev     bool
}

func newDequeIter(d *deque, rev bool) *dequeIter {
	return &dequeIter{d: d, state: d.state, counter: len(d.items), rev: rev}
}

func (it *dequeIter) Type() *rt.Type {
	if it.rev {
		return dequeRevType
	}
	return dequeIterType
}

func (it *dequeIter) NextValue() (rt.Object, bool, *rt.BaseException) {
	if it.d.state != it.state {
		it.counter = 0
		return nil, false, rt.Errorf(rt.RuntimeErrorType, "deque mutated during iteration")
	}
	if it.counter == 0 {
		return nil, false, nil
	}
	i := it.i
	if it.rev {
		i = len(it.d.items) - 1 - it.i
	}
	it.i++
	it.counter--
	return it.d.items[i], true, nil
}

func (*deque) Type() *rt.Type { return dequeType }

// NextValue is not defined on deque; Iter goes through __iter__.

func (d *deque) push(v rt.Object, left bool) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if left {
		d.items = append([]rt.Object{v}, d.items...)
		if d.maxlen > 0 && len(d.items) > d.maxlen {
			d.items = d.items[:d.maxlen]
		}
		return
	}
	d.items = append(d.items, v)
	if d.maxlen > 0 && len(d.items) > d.maxlen {
		d.items = d.items[len(d.items)-d.maxlen:]
	}
}

// Repr is deque([...]) or deque([...], maxlen=N).
func (d *deque) Repr() (rt.Str, *rt.BaseException) {
	inner, exc := rt.Repr(rt.NewList(d.items...))
	if exc != nil {
		return "", exc
	}
	if d.maxlen >= 0 {
		m, _ := rt.Repr(rt.Int(d.maxlen))
		return rt.Str("deque(" + string(inner) + ", maxlen=" + string(m) + ")"), nil
	}
	return rt.Str("deque(" + string(inner) + ")"), nil
}

func method(t *rt.Type, name string, fn func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
	t.Dict.SetStr(name, &rt.Method{Name: name, Fn: fn})
}

func kwarg(kw []rt.KwArg, name string) (rt.Object, bool) {
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

// countInto adds the items of an iterable, or a mapping's counts, to c
// (Counter.update: a mapping given to an empty counter is copied as is).
func countInto(c *rt.Dict, src rt.Object) *rt.BaseException {
	if m, ok := src.(*rt.Dict); ok {
		if c.Len() == 0 { // Counter.update's fast path: dict.update
			rt.DictUpdate(c, m)
			return nil
		}
		var exc *rt.BaseException
		m.Items(func(k, v rt.Object) {
			if exc != nil {
				return
			}
			cur, found, e := c.GetItem(k)
			if e != nil {
				exc = e
				return
			}
			if !found {
				cur = rt.Int(0)
			}
			sum, e := rt.Add(v, cur) // count + self_get(elem, 0)
			if e != nil {
				exc = e
				return
			}
			exc = c.SetItem(k, sum)
		})
		return exc
	}
	items, exc := rt.Iterate(src)
	if exc != nil {
		return exc
	}
	for _, it := range items {
		cur, found, exc := c.GetItem(it)
		if exc != nil {
			return exc
		}
		if !found {
			cur = rt.Int(0)
		}
		sum, _ := rt.Add(cur, rt.Int(1))
		if exc := c.SetItem(it, sum); exc != nil {
			return exc
		}
	}
	return nil
}

func init() {
	rt.AddClassGetItem(dequeType) // deque[int]; the dict subclasses inherit dict's
	dequeType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := dequeNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		args, kw = dequeNewArgs.Positional(args, kw)
		d := &deque{maxlen: -1}
		if v, ok := kwarg(kw, "maxlen"); ok && v != rt.None {
			n, _ := v.(rt.Int)
			if n < 0 {
				return nil, rt.Errorf(rt.ValueErrorType, "maxlen must be non-negative")
			}
			d.maxlen = int(n)
		} else if len(args) > 1 && args[1] != rt.None {
			n, _ := args[1].(rt.Int)
			d.maxlen = int(n)
		}
		if len(args) > 0 {
			items, exc := rt.Iterate(args[0])
			if exc != nil {
				return nil, exc
			}
			for _, it := range items {
				d.push(it, false)
			}
		}
		return d, nil
	}
	method(dequeType, "append", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		self.(*deque).push(args[0], false)
		return rt.None, nil
	})
	method(dequeType, "appendleft", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		self.(*deque).push(args[0], true)
		return rt.None, nil
	})
	method(dequeType, "extend", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		items, exc := rt.Iterate(args[0])
		for _, it := range items {
			self.(*deque).push(it, false)
		}
		return rt.None, exc
	})
	pop := func(left bool) func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			d := self.(*deque)
			if len(d.items) == 0 {
				return nil, rt.Errorf(rt.IndexErrorType, "pop from an empty deque")
			}
			var v rt.Object
			d.state++
			if left {
				v, d.items = d.items[0], d.items[1:]
			} else {
				v, d.items = d.items[len(d.items)-1], d.items[:len(d.items)-1]
			}
			return v, nil
		}
	}
	method(dequeType, "pop", pop(false))
	method(dequeType, "popleft", pop(true))
	method(dequeType, "clear", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d := self.(*deque)
		d.items = nil
		d.state++
		return rt.None, nil
	})
	method(dequeType, "__len__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.Int(len(self.(*deque).items)), nil
	})
	method(dequeType, "__iter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return newDequeIter(self.(*deque), false), nil
	})
	for _, t := range []*rt.Type{dequeIterType, dequeRevType} {
		method(t, "__iter__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return self, nil
		})
		method(t, "__next__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			v, ok, exc := self.(*dequeIter).NextValue()
			if exc != nil {
				return nil, exc
			}
			if !ok {
				return nil, rt.NewException(rt.StopIterationType)
			}
			return v, nil
		})
		method(t, "__length_hint__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Int(self.(*dequeIter).counter), nil
		})
	}
	method(dequeType, "__getitem__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.GetItem(rt.NewList(self.(*deque).items...), args[0])
	})
	method(dequeType, "rotate", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d := self.(*deque)
		k := int64(1)
		if len(args) > 0 {
			v, ok := args[0].(rt.Int)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			k = int64(v)
		}
		d.state++
		if n := int64(len(d.items)); n > 1 {
			k = ((k % n) + n) % n
			d.items = append(append([]rt.Object(nil), d.items[n-k:]...), d.items[:n-k]...)
		}
		return rt.None, nil
	})
	method(dequeType, "extendleft", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		items, exc := rt.Iterate(args[0])
		if exc != nil {
			return nil, exc
		}
		for _, it := range items {
			self.(*deque).push(it, true)
		}
		return rt.None, nil
	})
	method(dequeType, "__reversed__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return newDequeIter(self.(*deque), true), nil
	})
	method(dequeType, "__contains__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		in, exc := rt.Contains(rt.NewList(self.(*deque).items...), args[0])
		return rt.Bool(in), exc
	})
	method(dequeType, "count", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.CallMethod(rt.NewList(self.(*deque).items...), "count", args, kw)
	})
	method(dequeType, "remove", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d := self.(*deque)
		for i, v := range d.items {
			eq, exc := rt.Eq(v, args[0])
			if exc != nil {
				return nil, exc
			}
			if b, _ := rt.Truth(eq); b {
				d.items = append(d.items[:i:i], d.items[i+1:]...)
				d.state++
				return rt.None, nil
			}
		}
		return nil, rt.Errorf(rt.ValueErrorType, "deque.remove(x): x not in deque")
	})
	method(dequeType, "__bool__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.Bool(len(self.(*deque).items) > 0), nil
	})

	defaultdictType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d := rt.NewDict()
		d.Class = defaultdictType
		var factory rt.Object = rt.None
		if len(args) > 0 {
			factory = args[0]
			if c, _ := rt.Call(callable, args[:1], nil); factory != rt.None && c != rt.Bool(true) {
				return nil, rt.Errorf(rt.TypeErrorType, "first argument must be callable or None")
			}
			args = args[1:]
		}
		// The other arguments are dict's.
		if len(args) > 1 {
			return nil, rt.Errorf(rt.TypeErrorType, "dict expected at most 1 argument, got %d", len(args))
		}
		if len(args)+len(kw) > 0 {
			if _, exc := rt.CallMethod(d, "update", args, kw); exc != nil {
				return nil, exc
			}
		}
		if factory != rt.None {
			d.Missing = func(key rt.Object) (rt.Object, *rt.BaseException) {
				v, exc := rt.Call(factory, nil, nil)
				if exc != nil {
					return nil, exc
				}
				return v, d.SetItem(key, v)
			}
		}
		defaultFactories[d] = factory
		return d, nil
	}
	counterType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if exc := counterNewArgs.Check(args, kw); exc != nil {
			return nil, exc
		}
		c := rt.NewDict()
		c.Class = counterType
		c.Missing = func(rt.Object) (rt.Object, *rt.BaseException) { return rt.Int(0), nil }
		if len(args)+len(kw) > 0 { // Counter.__init__ is self.update(iterable, **kwds)
			if _, exc := rt.CallMethod(c, "update", args, kw); exc != nil {
				return nil, exc
			}
		}
		return c, nil
	}
	method(counterType, "most_common", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*rt.Dict)
		type kv struct{ k, v rt.Object }
		var items []kv
		c.Items(func(k, v rt.Object) { items = append(items, kv{k, v}) })
		var exc *rt.BaseException
		sort.SliceStable(items, func(i, j int) bool {
			r, e := rt.Gt(items[i].v, items[j].v)
			if e != nil && exc == nil {
				exc = e
			}
			return r == rt.Bool(true)
		})
		if exc != nil {
			return nil, exc
		}
		n := len(items)
		if len(args) > 0 && args[0] != rt.None {
			if m, ok := args[0].(rt.Int); ok && int(m) < n {
				n = int(m)
			}
		}
		out := make([]rt.Object, n)
		for i := 0; i < n; i++ {
			out[i] = rt.NewTuple(items[i].k, items[i].v)
		}
		return rt.NewList(out...), nil
	})
	method(counterType, "update", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*rt.Dict)
		if len(args) > 0 && args[0] != rt.None {
			if exc := countInto(c, args[0]); exc != nil {
				return nil, exc
			}
		}
		if len(kw) > 0 { // update(**kwds): counts by keyword
			d := rt.NewDict()
			for _, k := range kw {
				d.SetStr(k.Name, k.Value)
			}
			return rt.None, countInto(c, d)
		}
		return rt.None, nil
	})
	counterOp := func(name string, combine func(a, b int64, inSelf, inOther bool) (int64, bool)) {
		method(counterType, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			other, ok := args[0].(*rt.Dict)
			if !ok || other.Class != counterType {
				return rt.NotImplemented, nil
			}
			me := self.(*rt.Dict)
			r, exc := rt.Call(counterType, nil, nil)
			if exc != nil {
				return nil, exc
			}
			out := r.(*rt.Dict)
			count := func(d *rt.Dict, k rt.Object) (int64, bool) {
				v, found, _ := d.GetItem(k)
				n, _ := v.(rt.Int)
				return int64(n), found
			}
			var err *rt.BaseException
			me.Items(func(k, v rt.Object) {
				a, _ := v.(rt.Int)
				b, inOther := count(other, k)
				if n, keep := combine(int64(a), b, true, inOther); keep && err == nil {
					err = out.SetItem(k, rt.Int(n))
				}
			})
			other.Items(func(k, v rt.Object) {
				if _, inSelf := count(me, k); inSelf {
					return
				}
				b, _ := v.(rt.Int)
				if n, keep := combine(0, int64(b), false, true); keep && err == nil {
					err = out.SetItem(k, rt.Int(n))
				}
			})
			return out, err
		})
	}
	counterOp("__add__", func(a, b int64, inSelf, _ bool) (int64, bool) { return a + b, a+b > 0 })
	counterOp("__sub__", func(a, b int64, inSelf, _ bool) (int64, bool) { return a - b, a-b > 0 })
	counterOp("__or__", func(a, b int64, _, _ bool) (int64, bool) { return max(a, b), max(a, b) > 0 })
	counterOp("__and__", func(a, b int64, inSelf, inOther bool) (int64, bool) {
		if !inSelf || !inOther {
			return 0, false
		}
		return min(a, b), min(a, b) > 0
	})
	method(counterType, "elements", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		var out []rt.Object
		self.(*rt.Dict).Items(func(k, v rt.Object) {
			n, _ := v.(rt.Int)
			for i := rt.Int(0); i < n; i++ {
				out = append(out, k)
			}
		})
		return rt.Iter(rt.NewList(out...))
	})
	method(counterType, "total", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		var sum rt.Object = rt.Int(0)
		var exc *rt.BaseException
		self.(*rt.Dict).Items(func(k, v rt.Object) {
			if exc == nil {
				sum, exc = rt.Add(sum, v)
			}
		})
		return sum, exc
	})
	orderedDictType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) > 1 { // odict_init's own count check
			return nil, rt.Errorf(rt.TypeErrorType, "expected at most 1 arguments, got %d", len(args))
		}
		d := rt.NewDict()
		d.Class = orderedDictType
		if _, exc := rt.CallMethod(d, "update", args, kw); exc != nil {
			return nil, exc
		}
		return d, nil
	}
	lastArg := func(args []rt.Object, kw []rt.KwArg, i int) bool {
		last := true
		if len(args) > i {
			last, _ = rt.Truth(args[i])
		}
		for _, k := range kw {
			if k.Name == "last" {
				last, _ = rt.Truth(k.Value)
			}
		}
		return last
	}
	method(orderedDictType, "move_to_end", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		found, exc := self.(*rt.Dict).MoveToEnd(args[0], lastArg(args, kw, 1))
		if exc == nil && !found {
			exc = rt.NewException(rt.KeyErrorType, args[0])
		}
		return rt.None, exc
	})
	method(orderedDictType, "popitem", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		d := self.(*rt.Dict)
		if d.Len() == 0 {
			return nil, rt.Errorf(rt.KeyErrorType, "dictionary is empty")
		}
		k, v, _ := d.FirstItem()
		if lastArg(args, kw, 0) {
			k, v, _ = d.LastItem()
		}
		return rt.NewTuple(k, v), rt.DelItem(d, k)
	})
	// default_factory, read-only here (CPython's may be assigned).
	defaultdictType.Dict.SetStr("default_factory", &rt.Property{Get: &rt.Builtin{Name: "default_factory", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if f, ok := defaultFactories[args[0].(*rt.Dict)]; ok {
			return f, nil
		}
		return rt.None, nil
	}}, Set: rt.None, Del: rt.None})
	for _, t := range []*rt.Type{defaultdictType, counterType, orderedDictType} {
		t := t
		method(t, "__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			d := self.(*rt.Dict)
			plain := rt.NewDict()
			rt.DictUpdate(plain, d)
			inner, exc := rt.Repr(plain)
			if exc != nil {
				return nil, exc
			}
			switch t {
			case defaultdictType:
				f, _ := rt.Repr(defaultFactories[d])
				return rt.Str("defaultdict(" + string(f) + ", " + string(inner) + ")"), nil
			case counterType:
				if d.Len() == 0 {
					return rt.Str("Counter()"), nil
				}
				// dict(self.most_common()), or dict(self) if counts do not compare.
				if mc, exc := rt.CallMethod(d, "most_common", nil, nil); exc == nil {
					byCount := rt.NewDict()
					for _, kv := range mc.(*rt.List).Items {
						p := kv.(*rt.Tuple).Items
						byCount.SetItem(p[0], p[1])
					}
					if inner, exc = rt.Repr(byCount); exc != nil {
						return nil, exc
					}
				} else if !exc.Class.IsSubtype(rt.TypeErrorType) {
					return nil, exc
				}
				return rt.Str("Counter(" + string(inner) + ")"), nil
			}
			if d.Len() == 0 {
				return rt.Str("OrderedDict()"), nil
			}
			return rt.Str("OrderedDict(" + strings.TrimSpace(string(inner)) + ")"), nil
		})
	}
	rt.RegisterWithABC("MutableSequence", dequeType)
	rt.RegisterModule("collections.abc", func() (*rt.Module, *rt.BaseException) { return rt.ABCModule(), nil })
	rt.RegisterModule("collections", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("collections")
		m.Dict.SetStr("deque", dequeType)
		m.Dict.SetStr("namedtuple", &rt.Builtin{Name: "namedtuple", Fn: namedtuple})
		m.Dict.SetStr("defaultdict", defaultdictType)
		m.Dict.SetStr("Counter", counterType)
		m.Dict.SetStr("OrderedDict", orderedDictType)
		applyMethodArgs()
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"namedtuple": rt.ArgsPython("namedtuple", 2, "typename", "field_names").KwOnly("rename", "defaults", "module"),
		})
		return m, nil
	})
}

// The constructors' argument checks: deque's PyArg_ParseTupleAndKeywords
// (worded as Argument Clinic's) and Counter.__init__(self, iterable=None,
// /, **kwds).
var (
	dequeNewArgs   = rt.ArgsClinic("deque", 0, 0, 2, "iterable", "maxlen")
	counterNewArgs = rt.ArgsPython("Counter.__init__", 0, "iterable").PosOnly(1).AnyKw().Method()
	callable, _    = rt.LookupBuiltin("callable")
)

// methodArgsApplied says whether applyMethodArgs has run.
var methodArgsApplied bool

// applyMethodArgs gives the methods of deque, Counter and OrderedDict the
// argument checks of CPython's: deque's C methods (METH_O, METH_NOARGS,
// rotate's UnpackTuple, slot wrappers), Counter's Python ones, OrderedDict's
// Argument Clinic ones.
func applyMethodArgs() {
	if methodArgsApplied {
		return
	}
	methodArgsApplied = true
	dq := map[string]*rt.ArgSpec{
		"rotate":       rt.ArgsPositional("deque.rotate", "deque.rotate", 0, 1),
		"__getitem__":  rt.ArgsSlot("__getitem__", 1),
		"__contains__": rt.ArgsSlot("__contains__", 1),
		"__len__":      rt.ArgsSlot("__len__", 0),
		"__iter__":     rt.ArgsSlot("__iter__", 0),
	}
	for _, n := range []string{"append", "appendleft", "extend", "extendleft", "count", "remove"} {
		dq[n] = rt.ArgsOne("deque." + n)
	}
	for _, n := range []string{"pop", "popleft", "clear", "__reversed__"} {
		dq[n] = rt.ArgsNone("deque." + n)
	}
	rt.ApplyMethodArgs(dequeType, dq)
	py := func(name string, required int, params ...string) *rt.ArgSpec {
		return rt.ArgsPython("Counter."+name, required, params...).Method()
	}
	rt.ApplyMethodArgs(counterType, map[string]*rt.ArgSpec{
		"most_common": py("most_common", 0, "n"),
		"update":      py("update", 0, "iterable").PosOnly(1).AnyKw(),
		"elements":    py("elements", 0),
		"total":       py("total", 0),
		"__add__":     py("__add__", 1, "other"),
		"__sub__":     py("__sub__", 1, "other"),
		"__or__":      py("__or__", 1, "other"),
		"__and__":     py("__and__", 1, "other"),
	})
	rt.ApplyMethodArgs(orderedDictType, map[string]*rt.ArgSpec{
		"move_to_end": rt.ArgsClinic("move_to_end", 0, 1, 2, "key", "last"),
		"popitem":     rt.ArgsClinic("popitem", 0, 0, 1, "last"),
	})
}

// defaultFactories remembers each defaultdict's factory for its repr.
var defaultFactories = map[*rt.Dict]rt.Object{}
