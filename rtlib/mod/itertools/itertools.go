// Package itertools is Python's itertools module for translated programs:
// lazy iterators built on rt.Iterator.
package itertools

import (
	rt "github.com/async2go/async2go/rtlib"
)

// iter is a lazy iterator driven by next, an instance of one of the
// module's classes (count, chain, zip_longest, …: iterClass) or of _tee.
type iter struct {
	next func() (rt.Object, bool, *rt.BaseException)
	typ  *rt.Type
}

func (i *iter) Type() *rt.Type { return i.typ }

// NextValue implements rt.Iterator.
func (i *iter) NextValue() (rt.Object, bool, *rt.BaseException) { return i.next() }

// iterSelf is the __iter__ of the iterator classes.
var iterSelf = &rt.Method{Name: "__iter__", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	return self, nil
}}

// newIterType is one of the module's iterator classes.
func newIterType(name string) *rt.Type {
	t := rt.NewBuiltinType(name, "itertools")
	t.Dict.SetStr("__iter__", iterSelf)
	return t
}

// teeType is the class of tee()'s iterators, grouperType that of
// groupby's groups.
var (
	teeType     = newIterType("_tee")
	grouperType = newIterType("_grouper")
)

// overItems is an iterator over items made in advance, of type typ (or
// of the class whose constructor returns it: iterClass).
func overItems(items []rt.Object, typ *rt.Type) *iter {
	i := 0
	return &iter{typ: typ, next: func() (rt.Object, bool, *rt.BaseException) {
		if i == len(items) {
			return nil, false, nil
		}
		i++
		return items[i-1], true, nil
	}}
}

// iterClasses are itertools' callables that are classes in CPython (all but
// tee): the function that makes the iterator, with its argument checks,
// becomes the class's constructor, and the class is its iterators' type,
// as type(), isinstance() and __name__ see it.
var iterClasses = []string{"count", "repeat", "cycle", "chain", "islice", "accumulate", "product", "permutations",
	"combinations", "combinations_with_replacement", "groupby", "takewhile", "dropwhile", "filterfalse", "starmap",
	"compress", "pairwise", "batched", "zip_longest"}

// iterClass makes the class name of m from the function it holds under
// that name (chain's class exists already, with from_iterable).
func iterClass(m *rt.Module, name string) {
	fn, _ := m.Dict.GetStr(name)
	t := chainType
	if name != "chain" {
		t = newIterType(name)
	}
	t.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		o, exc := rt.Call(fn, args, kw)
		if it, ok := o.(*iter); ok {
			it.typ = t
		}
		return o, exc
	}
	m.Dict.SetStr(name, t)
}

func intOf(o rt.Object) int64 {
	switch v := o.(type) {
	case rt.Int:
		return int64(v)
	case rt.Bool:
		if v {
			return 1
		}
	}
	return 0
}

func kwarg(kw []rt.KwArg, name string) (rt.Object, bool) {
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

// product yields the Cartesian product of pools in lexicographic order.
func product(pools [][]rt.Object) *iter {
	idx := make([]int, len(pools))
	done := false
	for _, p := range pools {
		if len(p) == 0 {
			done = true
		}
	}
	return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
		if done {
			return nil, false, nil
		}
		out := make([]rt.Object, len(pools))
		for i, p := range pools {
			out[i] = p[idx[i]]
		}
		i := len(pools) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(pools[i]) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			done = true
		}
		return rt.NewTuple(out...), true, nil
	}}
}

// combos yields r-length index tuples: permutations (ordered, no repeats)
// or combinations (increasing), in CPython's order.
func combos(n, r int, ordered bool) [][]int {
	var out [][]int
	cur := make([]int, 0, r)
	used := make([]bool, n)
	var rec func(start int)
	rec = func(start int) {
		if len(cur) == r {
			out = append(out, append([]int(nil), cur...))
			return
		}
		from := start
		if ordered {
			from = 0
		}
		for i := from; i < n; i++ {
			if used[i] {
				continue
			}
			used[i] = true
			cur = append(cur, i)
			rec(i + 1)
			cur = cur[:len(cur)-1]
			used[i] = false
		}
	}
	if r <= n {
		rec(0)
	}
	return out
}

func fromIndexes(pool []rt.Object, sets [][]int) *iter {
	k := 0
	return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
		if k >= len(sets) {
			return nil, false, nil
		}
		out := make([]rt.Object, len(sets[k]))
		for i, j := range sets[k] {
			out[i] = pool[j]
		}
		k++
		return rt.NewTuple(out...), true, nil
	}}
}

func init() {
	rt.RegisterModule("itertools", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("itertools")
		def := func(name string, fn func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: fn})
		}
		def("count", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			var cur, step rt.Object = rt.Int(0), rt.Int(1)
			if len(args) > 0 {
				cur = args[0]
			}
			if len(args) > 1 {
				step = args[1]
			}
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				v := cur
				var exc *rt.BaseException
				cur, exc = rt.Add(cur, step)
				return v, true, exc
			}}, nil
		})
		def("repeat", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			n := int64(-1)
			if len(args) > 1 {
				n = intOf(args[1])
			} else if v, ok := kwarg(kw, "times"); ok {
				n = intOf(v)
			}
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				if n == 0 {
					return nil, false, nil
				}
				if n > 0 {
					n--
				}
				return args[0], true, nil
			}}, nil
		})
		def("cycle", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			items, exc := rt.Iterate(args[0])
			if exc != nil {
				return nil, exc
			}
			items = append([]rt.Object(nil), items...)
			i := 0
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				if len(items) == 0 {
					return nil, false, nil
				}
				v := items[i%len(items)]
				i++
				return v, true, nil
			}}, nil
		})
		def("chain", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			k := 0
			var cur rt.Object
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				for {
					if cur == nil {
						if k >= len(args) {
							return nil, false, nil
						}
						var exc *rt.BaseException
						if cur, exc = rt.Iter(args[k]); exc != nil {
							return nil, false, exc
						}
						k++
					}
					v, ok, exc := rt.Next(cur)
					if exc != nil || ok {
						return v, ok, exc
					}
					cur = nil
				}
			}}, nil
		})
		def("islice", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			it, exc := rt.Iter(args[0])
			if exc != nil {
				return nil, exc
			}
			start, stop, step := int64(0), int64(-1), int64(1)
			switch len(args) {
			case 2:
				if args[1] != rt.None {
					stop = intOf(args[1])
				}
			case 3, 4:
				if args[1] != rt.None {
					start = intOf(args[1])
				}
				if args[2] != rt.None {
					stop = intOf(args[2])
				}
				if len(args) == 4 && args[3] != rt.None {
					step = intOf(args[3])
				}
			}
			pos := int64(0)
			next := start
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				for {
					if stop >= 0 && next >= stop {
						return nil, false, nil
					}
					v, ok, exc := rt.Next(it)
					if exc != nil || !ok {
						return nil, false, exc
					}
					pos++
					if pos-1 == next {
						next += step
						return v, true, nil
					}
				}
			}}, nil
		})
		def("accumulate", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			it, exc := rt.Iter(args[0])
			if exc != nil {
				return nil, exc
			}
			var fn rt.Object
			if len(args) > 1 {
				fn = args[1]
			}
			var acc rt.Object
			if v, ok := kwarg(kw, "initial"); ok && v != rt.None {
				acc = v
			}
			first := true
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				if first && acc != nil {
					first = false
					return acc, true, nil
				}
				first = false
				v, ok, exc := rt.Next(it)
				if exc != nil || !ok {
					return nil, false, exc
				}
				if acc == nil {
					acc = v
				} else if fn != nil {
					if acc, exc = rt.Call(fn, []rt.Object{acc, v}, nil); exc != nil {
						return nil, false, exc
					}
				} else if acc, exc = rt.Add(acc, v); exc != nil {
					return nil, false, exc
				}
				return acc, true, nil
			}}, nil
		})
		def("product", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			repeat := 1
			if v, ok := kwarg(kw, "repeat"); ok {
				repeat = int(intOf(v))
			}
			var pools [][]rt.Object
			for r := 0; r < repeat; r++ {
				for _, a := range args {
					items, exc := rt.Iterate(a)
					if exc != nil {
						return nil, exc
					}
					pools = append(pools, items)
				}
			}
			return product(pools), nil
		})
		perms := func(ordered bool) func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				pool, exc := rt.Iterate(args[0])
				if exc != nil {
					return nil, exc
				}
				r := len(pool)
				if len(args) > 1 && args[1] != rt.None {
					r = int(intOf(args[1]))
				} else if !ordered {
					return nil, rt.Errorf(rt.TypeErrorType, "combinations() missing required argument 'r' (pos 2)")
				}
				return fromIndexes(pool, combos(len(pool), r, ordered)), nil
			}
		}
		def("permutations", perms(true))
		def("combinations", perms(false))
		def("zip_longest", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			var fill rt.Object = rt.None
			if len(kw) > 0 { // zip_longest_new: fillvalue and nothing else
				if len(kw) != 1 || kw[0].Name != "fillvalue" {
					return nil, rt.Errorf(rt.TypeErrorType, "zip_longest() got an unexpected keyword argument")
				}
				fill = kw[0].Value
			}
			its := make([]rt.Object, len(args))
			for i, a := range args {
				var exc *rt.BaseException
				if its[i], exc = rt.Iter(a); exc != nil {
					return nil, exc
				}
			}
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				out := make([]rt.Object, len(its))
				live := 0
				for i, it := range its {
					if it == nil {
						out[i] = fill
						continue
					}
					v, ok, exc := rt.Next(it)
					if exc != nil {
						return nil, false, exc
					}
					if !ok {
						its[i] = nil
						out[i] = fill
						continue
					}
					live++
					out[i] = v
				}
				if live == 0 {
					return nil, false, nil
				}
				return rt.NewTuple(out...), true, nil
			}}, nil
		})
		def("groupby", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			items, exc := rt.Iterate(args[0])
			if exc != nil {
				return nil, exc
			}
			var keyfn rt.Object
			if len(args) > 1 && args[1] != rt.None {
				keyfn = args[1]
			} else if v, ok := kwarg(kw, "key"); ok && v != rt.None {
				keyfn = v
			}
			i := 0
			return &iter{next: func() (rt.Object, bool, *rt.BaseException) {
				if i >= len(items) {
					return nil, false, nil
				}
				keyOf := func(v rt.Object) (rt.Object, *rt.BaseException) {
					if keyfn == nil {
						return v, nil
					}
					return rt.Call(keyfn, []rt.Object{v}, nil)
				}
				k, exc := keyOf(items[i])
				if exc != nil {
					return nil, false, exc
				}
				var group []rt.Object
				for i < len(items) {
					k2, exc := keyOf(items[i])
					if exc != nil {
						return nil, false, exc
					}
					eq, exc := rt.Eq(k, k2)
					if exc != nil {
						return nil, false, exc
					}
					if eq != rt.Bool(true) {
						break
					}
					group = append(group, items[i])
					i++
				}
				g := overItems(group, grouperType)
				return rt.NewTuple(k, g), true, nil
			}}, nil
		})
		addMore(m, def)
		rt.ApplyArgs(m.Dict, itertoolsArgs())
		for _, name := range iterClasses {
			iterClass(m, name)
		}
		return m, nil
	})
}

// itertoolsArgs are the argument checks of itertools' functions, in
// CPython's words.
func itertoolsArgs() map[string]*rt.ArgSpec {
	return map[string]*rt.ArgSpec{
		"count":                         rt.ArgsClinic("count", 0, 0, 2, "start", "step"),
		"repeat":                        rt.ArgsClinic("repeat", 0, 1, 2, "object", "times"),
		"cycle":                         rt.ArgsPositional("cycle", "", 1, 1),
		"islice":                        rt.ArgsPositional("islice", "", 2, 4),
		"accumulate":                    rt.ArgsClinic("accumulate", 0, 1, 2, "iterable", "func", "initial"),
		"product":                       rt.ArgsPositional("product", "", 0, -1).KwOnly("repeat"),
		"permutations":                  rt.ArgsClinic("permutations", 0, 1, 2, "iterable", "r"),
		"combinations":                  rt.ArgsClinic("combinations", 0, 2, 2, "iterable", "r"),
		"combinations_with_replacement": rt.ArgsClinic("combinations_with_replacement", 0, 2, 2, "iterable", "r"),
		"groupby":                       rt.ArgsClinic("groupby", 0, 1, 2, "iterable", "key"),
		"takewhile":                     rt.ArgsPositional("takewhile", "", 2, 2),
		"dropwhile":                     rt.ArgsPositional("dropwhile", "", 2, 2),
		"filterfalse":                   rt.ArgsPositional("filterfalse", "", 2, 2),
		"starmap":                       rt.ArgsPositional("starmap", "", 2, 2),
		"compress":                      rt.ArgsClinic("compress", 0, 2, 2, "data", "selectors"),
		"pairwise":                      rt.ArgsPositional("pairwise", "", 1, 1),
		"batched":                       rt.ArgsClinic("batched", 0, 2, 2, "iterable", "n"),
		"tee":                           rt.ArgsPositional("tee", "itertools.tee", 1, 2),
		"zip_longest":                   rt.ArgsPositional("zip_longest", "", 0, -1).AnyKw(),
	}
}
