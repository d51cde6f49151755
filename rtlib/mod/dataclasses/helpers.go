package dataclasses

import (
	rt "github.com/async2go/async2go/rtlib"
)

// dataFields is the fields of a dataclass instance or class (ok false when
// x is neither).
func dataFields(x rt.Object) ([]*field, bool) {
	t, ok := x.(*rt.Type)
	if !ok {
		t = x.Type()
	}
	for _, c := range t.MRO {
		if v, ok := c.Dict.GetStr("__dataclass_fields__"); ok {
			var out []*field
			v.(*rt.Dict).Items(func(_, f rt.Object) {
				if !f.(*field).initVar { // InitVar pseudo-fields are not fields
					out = append(out, f.(*field))
				}
			})
			return out, true
		}
	}
	return nil, false
}

// convert is asdict's and astuple's recursion (dataclasses._asdict_inner):
// factory, when not nil, makes each dataclass instance's result from a list
// of its (name, value) pairs (asdict's dict_factory) or of its values
// (astuple's tuple_factory).
func convert(x rt.Object, asDict bool, factory rt.Object) (rt.Object, *rt.BaseException) {
	if _, isType := x.(*rt.Type); !isType {
		if fs, ok := dataFields(x); ok {
			d := rt.NewDict()
			var items []rt.Object
			for _, f := range fs {
				v, exc := rt.GetAttr(x, f.name)
				if exc != nil {
					return nil, exc
				}
				if v, exc = convert(v, asDict, factory); exc != nil {
					return nil, exc
				}
				d.SetStr(f.name, v)
				if factory != nil && asDict {
					v = rt.NewTuple(rt.Str(f.name), v)
				}
				items = append(items, v)
			}
			if factory != nil {
				return rt.Call(factory, []rt.Object{rt.NewList(items...)}, nil)
			}
			if asDict {
				return d, nil
			}
			return rt.NewTuple(items...), nil
		}
	}
	switch v := x.(type) {
	case *rt.List:
		out := make([]rt.Object, len(v.Items))
		for i, it := range v.Items {
			var exc *rt.BaseException
			if out[i], exc = convert(it, asDict, factory); exc != nil {
				return nil, exc
			}
		}
		return rt.NewList(out...), nil
	case *rt.Tuple:
		out := make([]rt.Object, len(v.Items))
		for i, it := range v.Items {
			var exc *rt.BaseException
			if out[i], exc = convert(it, asDict, factory); exc != nil {
				return nil, exc
			}
		}
		return rt.NewTuple(out...), nil
	case *rt.Dict:
		if v.Class == nil {
			out := rt.NewDict()
			var exc *rt.BaseException
			v.Items(func(k, val rt.Object) {
				if exc != nil {
					return
				}
				var ck, cv rt.Object
				if ck, exc = convert(k, asDict, factory); exc != nil {
					return
				}
				if cv, exc = convert(val, asDict, factory); exc != nil {
					return
				}
				exc = out.SetItem(ck, cv)
			})
			return out, exc
		}
	}
	return x, nil
}

func addHelpers(m *rt.Module) {
	fieldType.Dict.SetStr("name", &rt.Property{Get: &rt.Builtin{Name: "name", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return rt.Str(args[0].(*field).name), nil
	}}, Set: rt.None})
	// The other attributes of a Field; MISSING stands for no default.
	attr := func(name string, get func(f *field) rt.Object) {
		fieldType.Dict.SetStr(name, &rt.Property{Get: &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return get(args[0].(*field)), nil
		}}})
	}
	orMissing := func(v rt.Object) rt.Object {
		if v == nil {
			return missing
		}
		return v
	}
	attr("default", func(f *field) rt.Object { return orMissing(f.dflt) })
	attr("default_factory", func(f *field) rt.Object { return orMissing(f.factory) })
	attr("type", func(f *field) rt.Object { return orMissing(f.typ) })
	attr("init", func(f *field) rt.Object { return rt.Bool(f.init) })
	attr("repr", func(f *field) rt.Object { return rt.Bool(f.repr) })
	attr("compare", func(f *field) rt.Object { return rt.Bool(f.cmp) })
	attr("hash", func(f *field) rt.Object { return rt.None })
	attr("kw_only", func(f *field) rt.Object { return rt.Bool(f.kw) })
	attr("metadata", func(f *field) rt.Object {
		if f.metadata == nil {
			return rt.NewDict()
		}
		return f.metadata
	})
	m.Dict.SetStr("MISSING", missing)
	one := func(name string, fn func(x rt.Object) (rt.Object, *rt.BaseException)) {
		m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return fn(args[0])
		}})
	}
	notDC := func(fn string) *rt.BaseException {
		return rt.Errorf(rt.TypeErrorType, "%s() should be called on dataclass instances", fn)
	}
	one("fields", func(x rt.Object) (rt.Object, *rt.BaseException) {
		fs, ok := dataFields(x)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "must be called with a dataclass type or instance")
		}
		out := make([]rt.Object, len(fs))
		for i, f := range fs {
			out[i] = f
		}
		return rt.NewTuple(out...), nil
	})
	one("is_dataclass", func(x rt.Object) (rt.Object, *rt.BaseException) {
		_, ok := dataFields(x)
		return rt.Bool(ok), nil
	})
	for _, n := range []string{"asdict", "astuple"} {
		asDict := n == "asdict"
		n := n
		m.Dict.SetStr(n, &rt.Builtin{Name: n, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			x := args[0]
			if _, ok := x.(*rt.Type); ok {
				return nil, notDC(n)
			}
			if _, ok := dataFields(x); !ok {
				return nil, notDC(n)
			}
			var factory rt.Object // dict_factory or tuple_factory
			if len(kw) == 1 {
				factory = kw[0].Value
			}
			return convert(x, asDict, factory)
		}})
	}
	m.Dict.SetStr("replace", &rt.Builtin{Name: "replace", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		fs, ok := dataFields(args[0])
		if _, isType := args[0].(*rt.Type); !ok || isType {
			return nil, notDC("replace")
		}
		var nkw []rt.KwArg
		for _, f := range fs {
			if !f.init {
				continue
			}
			v, exc := rt.GetAttr(args[0], f.name)
			if exc != nil {
				return nil, exc
			}
			for _, k := range kw {
				if k.Name == f.name {
					v = k.Value
				}
			}
			nkw = append(nkw, rt.KwArg{Name: f.name, Value: v})
		}
		for _, k := range kw {
			known := false
			for _, f := range fs {
				known = known || f.name == k.Name
			}
			if !known {
				return nil, rt.Errorf(rt.TypeErrorType, "%s.__init__() got an unexpected keyword argument '%s'", args[0].Type().Name, k.Name)
			}
		}
		return rt.Call(args[0].Type(), nil, nkw)
	}})
	rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
		"fields":       rt.ArgsPython("fields", 1, "class_or_instance"),
		"is_dataclass": rt.ArgsPython("is_dataclass", 1, "obj"),
		"asdict":       rt.ArgsPython("asdict", 1, "obj").KwOnly("dict_factory"),
		"astuple":      rt.ArgsPython("astuple", 1, "obj").KwOnly("tuple_factory"),
		"replace":      rt.ArgsPython("replace", 1, "obj").PosOnly(1).AnyKw(),
	})
}

// missing is dataclasses.MISSING.
var missing rt.Object = missingValue{}

var missingType = rt.NewBuiltinType("_MISSING_TYPE", "dataclasses")

type missingValue struct{}

func (missingValue) Type() *rt.Type { return missingType }
