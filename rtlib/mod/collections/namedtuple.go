package collections

import (
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

// ntValues returns the field values of a namedtuple instance in order.
func ntValues(self rt.Object, fields []string) ([]rt.Object, *rt.BaseException) {
	out := make([]rt.Object, len(fields))
	for i, f := range fields {
		v, exc := rt.GetAttr(self, f)
		if exc != nil {
			return nil, exc
		}
		out[i] = v
	}
	return out, nil
}

// NamedTuple is collections.namedtuple(name, "f1 f2 …"): the runtime's
// own namedtuple classes (functools.CacheInfo) are made as Python's are.
func NamedTuple(name string, fields ...string) (rt.Object, *rt.BaseException) {
	return namedtuple([]rt.Object{rt.Str(name), rt.Str(strings.Join(fields, " "))}, nil)
}

// namedtuple is collections.namedtuple(typename, field_names, *, defaults=None):
// a class whose instances hold their fields as attributes and behave as
// tuples for iteration, indexing, len, equality, hashing and repr.
func namedtuple(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	name, ok := args[0].(rt.Str)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "typename must be a str")
	}
	var fields []string
	if s, ok := args[1].(rt.Str); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else {
		items, exc := rt.Iterate(args[1])
		if exc != nil {
			return nil, exc
		}
		for _, it := range items {
			s, ok := it.(rt.Str)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "Type names and field names must be strings")
			}
			fields = append(fields, string(s))
		}
	}
	var defaults []rt.Object
	for _, k := range kw {
		if k.Name == "defaults" && k.Value != rt.None {
			d, exc := rt.Iterate(k.Value)
			if exc != nil {
				return nil, exc
			}
			defaults = d
		}
	}
	ns := rt.NewDict()
	var cls rt.Object
	fillNamedTuple(ns, string(name), fields, defaults, func() rt.Object { return cls }, false)
	c, exc := rt.BuildClass(string(name), string(name), nil, ns, nil)
	if exc != nil {
		return nil, exc
	}
	cls = c
	return c, nil
}

// FillNamedTuple makes the class t, made by a class statement deriving
// from typing.NamedTuple, a namedtuple with the given fields and defaults
// (of its last fields); the methods its body defined stay.
func FillNamedTuple(t *rt.Type, fields []string, defaults []rt.Object) {
	fillNamedTuple(t.Dict, t.Name, fields, defaults, func() rt.Object { return t }, true)
}

// fillNamedTuple defines the methods of a namedtuple class in ns; cls
// gives the class (for _replace). keep leaves the methods ns has already.
func fillNamedTuple(ns *rt.Dict, tn string, fields []string, defaults []rt.Object, cls func() rt.Object, keep bool) {
	fieldObjs := make([]rt.Object, len(fields))
	for i, f := range fields {
		fieldObjs[i] = rt.Str(f)
	}
	def := func(n string, fn func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
		if _, has := ns.GetStr(n); has && keep {
			return
		}
		ns.SetStr(n, &rt.Method{Name: n, Fn: fn})
	}
	ns.SetStr("_fields", rt.NewTuple(fieldObjs...))
	fieldDefaults := rt.NewDict()
	for i, d := range defaults {
		fieldDefaults.SetStr(fields[len(fields)-len(defaults)+i], d)
	}
	ns.SetStr("_field_defaults", fieldDefaults)
	// No __slots__: the fields live in the instance dict (see __init__).
	def("__init__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) > len(fields) {
			return nil, rt.Errorf(rt.TypeErrorType, "%s.__new__() takes %d positional arguments but %d were given", tn, len(fields)+1, len(args)+1)
		}
		vals := make([]rt.Object, len(fields))
		copy(vals, args)
		for _, k := range kw {
			found := false
			for i, f := range fields {
				if f == k.Name {
					if vals[i] != nil {
						return nil, rt.Errorf(rt.TypeErrorType, "%s.__new__() got multiple values for argument '%s'", tn, f)
					}
					vals[i], found = k.Value, true
				}
			}
			if !found {
				return nil, rt.Errorf(rt.TypeErrorType, "%s.__new__() got an unexpected keyword argument '%s'", tn, k.Name)
			}
		}
		first := len(fields) - len(defaults)
		for i := range vals {
			if vals[i] == nil && i >= first {
				vals[i] = defaults[i-first]
			}
		}
		var missing []string
		for i := range vals {
			if vals[i] == nil {
				missing = append(missing, "'"+fields[i]+"'")
			}
		}
		if len(missing) > 0 {
			noun := "argument"
			if len(missing) > 1 {
				noun = "arguments"
			}
			list := strings.Join(missing, ", ")
			if len(missing) > 1 {
				list = strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
			}
			return nil, rt.Errorf(rt.TypeErrorType, "%s.__new__() missing %d required positional %s: %s", tn, len(missing), noun, list)
		}
		for i, f := range fields {
			if exc := rt.SetAttr(self, f, vals[i]); exc != nil {
				return nil, exc
			}
		}
		return rt.None, nil
	})
	def("__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		vals, exc := ntValues(self, fields)
		if exc != nil {
			return nil, exc
		}
		var b strings.Builder
		b.WriteString(tn + "(")
		for i, v := range vals {
			if i > 0 {
				b.WriteString(", ")
			}
			r, exc := rt.Repr(v)
			if exc != nil {
				return nil, exc
			}
			b.WriteString(fields[i] + "=" + string(r))
		}
		b.WriteString(")")
		return rt.Str(b.String()), nil
	})
	asTuple := func(self rt.Object) (*rt.Tuple, *rt.BaseException) {
		vals, exc := ntValues(self, fields)
		if exc != nil {
			return nil, exc
		}
		return rt.NewTuple(vals...), nil
	}
	unary := func(n string, f func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException)) {
		def(n, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			t, exc := asTuple(self)
			if exc != nil {
				return nil, exc
			}
			return f(t, args)
		})
	}
	unary("__iter__", func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException) { return rt.Iter(t) })
	unary("__len__", func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException) { return rt.Int(len(t.Items)), nil })
	unary("__getitem__", func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException) { return rt.GetItem(t, args[0]) })
	unary("__hash__", func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException) {
		h, exc := rt.Hash(t)
		return rt.Int(h), exc
	})
	unary("__contains__", func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException) {
		ok, exc := rt.Contains(t, args[0])
		return rt.Bool(ok), exc
	})
	for _, op := range []struct {
		name string
		fn   func(a, b rt.Object) (rt.Object, *rt.BaseException)
	}{{"__eq__", rt.Eq}, {"__ne__", rt.Ne}, {"__lt__", rt.Lt}, {"__le__", rt.Le}, {"__gt__", rt.Gt}, {"__ge__", rt.Ge}, {"__add__", rt.Add}} {
		op := op
		unary(op.name, func(t *rt.Tuple, args []rt.Object) (rt.Object, *rt.BaseException) {
			other := args[0]
			if _, ok := other.(*rt.Tuple); !ok {
				if _, ok := other.Type().Dict.GetStr("_fields"); ok {
					o, exc := rt.Iterate(other)
					if exc != nil {
						return nil, exc
					}
					other = rt.NewTuple(o...)
				} else {
					return rt.NotImplemented, nil
				}
			}
			return op.fn(t, other)
		})
	}
	def("_asdict", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		vals, exc := ntValues(self, fields)
		if exc != nil {
			return nil, exc
		}
		d := rt.NewDict()
		for i, f := range fields {
			d.SetStr(f, vals[i])
		}
		return d, nil
	})
	def("_replace", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		vals, exc := ntValues(self, fields)
		if exc != nil {
			return nil, exc
		}
		for _, k := range kw {
			found := false
			for i, f := range fields {
				if f == k.Name {
					vals[i], found = k.Value, true
				}
			}
			if !found {
				return nil, rt.Errorf(rt.ValueErrorType, "Got unexpected field names: ['%s']", k.Name)
			}
		}
		return rt.Call(cls(), vals, nil)
	})
}
