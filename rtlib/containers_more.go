package rtlib

import (
	"fmt"
	"strings"
)

// setArgs turns the arguments of set methods (any iterables) into sets.
func setArgs(args []Object) ([]*Set, *BaseException) {
	out := make([]*Set, len(args))
	for i, a := range args {
		if s, ok := a.(*Set); ok {
			out[i] = s
			continue
		}
		items, exc := toSlice(a)
		if exc != nil {
			return nil, exc
		}
		s, exc := NewSet(items...)
		if exc != nil {
			return nil, exc
		}
		out[i] = s.(*Set)
	}
	return out, nil
}

func setContains(s *Set, k Object) (bool, *BaseException) {
	_, ok, exc := s.d.GetItem(k)
	return ok, exc
}

func installContainerMethods() {
	defMethod(DictType, "popitem", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		d := self.(*Dict)
		if d.Len() == 0 {
			return nil, Errorf(KeyErrorType, "popitem(): dictionary is empty")
		}
		k, v, _ := d.LastItem()
		return NewTuple(k, v), DelItem(d, k)
	})
	defMethod(DictType, "clear", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		d := self.(*Dict)
		cls, missing := d.Class, d.Missing
		*d = *NewDict()
		d.Class, d.Missing = cls, missing
		return None, nil
	})
	DictType.Dict.SetStr("fromkeys", &ClassMethod{Fn: &Builtin{Name: "fromkeys", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) < 2 || len(args) > 3 {
			return nil, Errorf(TypeErrorType, "fromkeys expected at least 1 argument, got %d", len(args)-1)
		}
		var v Object = None
		if len(args) == 3 {
			v = args[2]
		}
		items, exc := toSlice(args[1])
		if exc != nil {
			return nil, exc
		}
		d := NewDict()
		for _, k := range items {
			if exc := d.SetItem(k, v); exc != nil {
				return nil, exc
			}
		}
		return d, nil
	}}})
	defMethod(DictType, "update", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		d := self.(*Dict)
		if len(args) > 0 {
			if _, ok := args[0].(*Dict); ok {
				if exc := DictUpdate(d, args[0]); exc != nil {
					return nil, exc
				}
			} else {
				items, exc := toSlice(args[0])
				if exc != nil {
					return nil, exc
				}
				for i, it := range items {
					kv, exc := toSlice(it)
					if exc != nil || len(kv) != 2 {
						n := 0
						if exc == nil {
							n = len(kv)
						}
						return nil, Errorf(ValueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", i, n)
					}
					if exc := d.SetItem(kv[0], kv[1]); exc != nil {
						return nil, exc
					}
				}
			}
		}
		for _, k := range kw {
			d.SetStr(k.Name, k.Value)
		}
		return None, nil
	})
	defMethod(TupleType, "index", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		items := self.(*Tuple).Items
		start, stop, exc := indexBounds(args, len(items))
		if exc != nil {
			return nil, exc
		}
		for i := start; i < stop && i < len(items); i++ {
			r, exc := Eq(items[i], args[0])
			if exc != nil {
				return nil, exc
			}
			if b, _ := Truth(r); b {
				return Int(i), nil
			}
		}
		return nil, Errorf(ValueErrorType, "tuple.index(x): x not in tuple")
	})
	defMethod(TupleType, "count", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		n := 0
		for _, it := range self.(*Tuple).Items {
			r, exc := Eq(it, args[0])
			if exc != nil {
				return nil, exc
			}
			if b, _ := Truth(r); b {
				n++
			}
		}
		return Int(n), nil
	})
	for _, t := range []*Type{SetType, FrozenSetType} {
		for _, m := range []string{"union", "intersection", "difference", "symmetric_difference"} {
			m := m
			defMethod(t, m, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
				s := self.(*Set)
				if m == "symmetric_difference" {
					if exc := argCount(m, args, 1, 1); exc != nil {
						return nil, exc
					}
				}
				if len(args) == 0 {
					return copySet(s), nil
				}
				r := s
				var exc *BaseException
				for i, o := range args {
					switch m {
					case "union":
						if i == 0 {
							r = copySet(s)
						}
						exc = r.update(o)
					case "intersection":
						r, exc = r.intersection(o)
					case "difference":
						if i == 0 {
							r, exc = s.difference(o)
						} else {
							exc = r.differenceUpdate(o)
						}
					default:
						r, exc = r.symmetricDifference(o)
					}
					if exc != nil {
						return nil, exc
					}
				}
				return r, nil
			})
		}
		for _, m := range []string{"issubset", "issuperset", "isdisjoint"} {
			m := m
			defMethod(t, m, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
				if exc := argCount(m, args, 1, 1); exc != nil {
					return nil, exc
				}
				others, exc := setArgs(args)
				if exc != nil {
					return nil, exc
				}
				a, b := self.(*Set), others[0]
				if m == "issuperset" {
					a, b = b, a
				}
				for _, k := range a.items() {
					in, exc := setContains(b, k)
					if exc != nil {
						return nil, exc
					}
					if m == "isdisjoint" && in {
						return Bool(false), nil
					}
					if m != "isdisjoint" && !in {
						return Bool(false), nil
					}
				}
				return Bool(true), nil
			})
		}
		defMethod(t, "copy", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			if s := self.(*Set); !s.frozen {
				return copySet(s), nil
			}
			return self, nil
		})
	}
	for _, m := range []string{"update", "intersection_update", "difference_update", "symmetric_difference_update"} {
		m := m
		defMethod(SetType, m, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			s := self.(*Set)
			if m == "symmetric_difference_update" {
				if exc := argCount(m, args, 1, 1); exc != nil {
					return nil, exc
				}
			}
			for _, o := range args {
				var exc *BaseException
				switch m {
				case "update":
					exc = s.update(o)
				case "intersection_update":
					var r *Set
					if r, exc = s.intersection(o); exc == nil {
						s.d, s.tab, s.fill, s.used = r.d, r.tab, r.fill, r.used
					}
				case "difference_update":
					exc = s.differenceUpdate(o)
				default:
					exc = s.symmetricDifferenceUpdate(o)
				}
				if exc != nil {
					return nil, exc
				}
			}
			return None, nil
		})
	}
	defMethod(SetType, "clear", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		self.(*Set).clear()
		return None, nil
	})
	defMethod(SetType, "pop", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return self.(*Set).pop()
	})
}

// seqRepeat is seq * n for str, list and tuple (n an int or bool).
func seqRepeat(seq, count Object) (Object, bool) {
	if _, isInt := count.(Int); !isInt {
		if _, isBool := count.(Bool); !isBool {
			return nil, false
		}
	}
	n, _ := asInt(count)
	if n < 0 {
		n = 0
	}
	rep := func(items []Object) []Object {
		out := make([]Object, 0, len(items)*int(n))
		for i := int64(0); i < n; i++ {
			out = append(out, items...)
		}
		return out
	}
	switch v := seq.(type) {
	case Str:
		return Str(strings.Repeat(string(v), int(n))), true
	case *List:
		return NewList(rep(v.Items)...), true
	case *Tuple:
		return NewTuple(rep(v.Items)...), true
	}
	return nil, false
}

// Repr is range(start, stop) or range(start, stop, step).
func (r *rangeObj) Repr() (Str, *BaseException) {
	if r.step == 1 {
		return Str(fmt.Sprintf("range(%d, %d)", r.start, r.stop)), nil
	}
	return Str(fmt.Sprintf("range(%d, %d, %d)", r.start, r.stop, r.step)), nil
}
