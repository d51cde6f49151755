// Package operator is Python's operator module for translated programs:
// the operators as functions, and itemgetter, attrgetter, methodcaller.
package operator

import (
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

var (
	itemgetterType   = rt.NewBuiltinType("itemgetter", "operator")
	attrgetterType   = rt.NewBuiltinType("attrgetter", "operator")
	methodcallerType = rt.NewBuiltinType("methodcaller", "operator")
)

// getter is itemgetter, attrgetter or methodcaller.
type getter struct {
	t    *rt.Type
	keys []rt.Object
	name string
	args []rt.Object
	kw   []rt.KwArg
}

func (g *getter) Type() *rt.Type { return g.t }

// Call applies the getter to its one argument.
func (g *getter) Call(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	if len(kw) != 0 {
		return nil, rt.Errorf(rt.TypeErrorType, "%s() takes no keyword arguments", g.t.Name)
	}
	if len(args) != 1 {
		return nil, rt.Errorf(rt.TypeErrorType, "%s expected 1 argument, got %d", g.t.Name, len(args))
	}
	x := args[0]
	switch g.t {
	case methodcallerType:
		return rt.CallMethod(x, g.name, g.args, g.kw)
	}
	out := make([]rt.Object, len(g.keys))
	for i, k := range g.keys {
		var v rt.Object
		var exc *rt.BaseException
		if g.t == itemgetterType {
			v, exc = rt.GetItem(x, k)
		} else {
			v = x
			for _, part := range strings.Split(string(k.(rt.Str)), ".") {
				if v, exc = rt.GetAttr(v, part); exc != nil {
					break
				}
			}
		}
		if exc != nil {
			return nil, exc
		}
		out[i] = v
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return rt.NewTuple(out...), nil
}

func init() {
	rt.RegisterModule("operator", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("operator")
		// CPython's _operator parses the binary functions with
		// _PyArg_CheckPositional ("add expected 2 arguments, got 1") and
		// the unary ones are METH_O; both name the function as
		// "_operator.add()" for a keyword.
		specs := map[string]*rt.ArgSpec{
			// itemgetter(*items) and attrgetter(*attrs) unpack a single
			// argument: PyArg_UnpackTuple(args, name, 1, 1).
			"itemgetter":   rt.ArgsPositional("itemgetter", "", 1, -1).FewMessage("itemgetter expected 1 argument, got 0"),
			"attrgetter":   rt.ArgsPositional("attrgetter", "", 1, -1).FewMessage("attrgetter expected 1 argument, got 0"),
			"methodcaller": rt.ArgsPositional("methodcaller", "", 1, -1).AnyKw().FewMessage("methodcaller needs at least one argument, the method name"),
		}
		bin := func(name string, fn func(a, b rt.Object) (rt.Object, *rt.BaseException)) {
			specs[name] = rt.ArgsPositional(name, "_operator."+name, 2, 2)
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return fn(args[0], args[1])
			}})
		}
		un := func(name string, fn func(a rt.Object) (rt.Object, *rt.BaseException)) {
			specs[name] = rt.ArgsOne("_operator." + name)
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return fn(args[0])
			}})
		}
		for name, fn := range map[string]func(a, b rt.Object) (rt.Object, *rt.BaseException){
			"add": rt.Add, "sub": rt.Sub, "mul": rt.Mul, "truediv": rt.TrueDiv, "floordiv": rt.FloorDiv,
			"mod": rt.Mod, "pow": rt.Pow, "and_": rt.BitAnd, "or_": rt.BitOr, "xor": rt.BitXor,
			"lshift": rt.LShift, "rshift": rt.RShift, "eq": rt.Eq, "ne": rt.Ne, "lt": rt.Lt, "le": rt.Le,
			"gt": rt.Gt, "ge": rt.Ge, "getitem": rt.GetItem, "concat": rt.Add,
			"iadd": rt.InplaceAdd, "isub": rt.InplaceSub, "imul": rt.InplaceMul,
			"itruediv": rt.InplaceTrueDiv, "ifloordiv": rt.InplaceFloorDiv, "imod": rt.InplaceMod,
			"ipow": rt.InplacePow, "ilshift": rt.InplaceLShift, "irshift": rt.InplaceRShift,
			"iand": rt.InplaceBitAnd, "ior": rt.InplaceBitOr, "ixor": rt.InplaceBitXor,
			"imatmul": rt.InplaceMatMul, "matmul": rt.MatMul,
			"iconcat": func(a, b rt.Object) (rt.Object, *rt.BaseException) {
				if !isSequence(a) {
					return nil, rt.Errorf(rt.TypeErrorType, "'%s' object can't be concatenated", a.Type().Name)
				}
				return rt.InplaceAdd(a, b)
			},
			"delitem": func(a, b rt.Object) (rt.Object, *rt.BaseException) { return rt.None, rt.DelItem(a, b) },
			"countOf": func(a, b rt.Object) (rt.Object, *rt.BaseException) {
				n := 0
				exc := eachMatch(a, b, func(int) bool { n++; return true })
				return rt.Int(n), exc
			},
			"indexOf": func(a, b rt.Object) (rt.Object, *rt.BaseException) {
				at := -1
				if exc := eachMatch(a, b, func(i int) bool { at = i; return false }); exc != nil {
					return nil, exc
				}
				if at < 0 {
					return nil, rt.Errorf(rt.ValueErrorType, "sequence.index(x): x not in sequence")
				}
				return rt.Int(at), nil
			},
			"contains": func(a, b rt.Object) (rt.Object, *rt.BaseException) {
				r, exc := rt.Contains(a, b)
				return rt.Bool(r), exc
			},
			"is_":    func(a, b rt.Object) (rt.Object, *rt.BaseException) { return rt.Bool(a == b), nil },
			"is_not": func(a, b rt.Object) (rt.Object, *rt.BaseException) { return rt.Bool(a != b), nil },
		} {
			bin(name, fn)
		}
		for name, fn := range map[string]func(a rt.Object) (rt.Object, *rt.BaseException){
			"neg": rt.Neg, "pos": rt.Pos, "invert": rt.Invert, "inv": rt.Invert,
			"not_": func(a rt.Object) (rt.Object, *rt.BaseException) {
				b, exc := rt.Truth(a)
				return rt.Bool(!b), exc
			},
			"truth": func(a rt.Object) (rt.Object, *rt.BaseException) {
				b, exc := rt.Truth(a)
				return rt.Bool(b), exc
			},
			"abs": func(a rt.Object) (rt.Object, *rt.BaseException) {
				f, _ := rt.LookupBuiltin("abs")
				return rt.Call(f, []rt.Object{a}, nil)
			},
			"index": func(a rt.Object) (rt.Object, *rt.BaseException) {
				// PyNumber_Index: ints as they are (a bool as an int), else
				// __index__; int() would truncate floats and parse strs.
				switch v := a.(type) {
				case rt.Int, *rt.BigInt:
					return a, nil
				case rt.Bool:
					if v {
						return rt.Int(1), nil
					}
					return rt.Int(0), nil
				}
				if _, ok := rt.LookupAttr(a.Type(), "__index__"); ok {
					return rt.CallMethod(a, "__index__", nil, nil)
				}
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", a.Type().Name)
			},
		} {
			un(name, fn)
		}
		specs["setitem"] = rt.ArgsPositional("setitem", "_operator.setitem", 3, 3)
		m.Dict.SetStr("setitem", &rt.Builtin{Name: "setitem", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.None, rt.SetItem(args[0], args[1], args[2])
		}})
		specs["length_hint"] = rt.ArgsPositional("length_hint", "_operator.length_hint", 1, 2)
		m.Dict.SetStr("length_hint", &rt.Builtin{Name: "length_hint", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			def := rt.Object(rt.Int(0))
			if len(args) > 1 {
				def = args[1]
			}
			return lengthHint(args[0], def)
		}})
		specs["call"] = rt.ArgsPositional("call", "_operator.call", 1, -1).AnyKw()
		m.Dict.SetStr("call", &rt.Builtin{Name: "call", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Call(args[0], args[1:], kw)
		}})
		m.Dict.SetStr("itemgetter", &rt.Builtin{Name: "itemgetter", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return &getter{t: itemgetterType, keys: args}, nil
		}})
		m.Dict.SetStr("attrgetter", &rt.Builtin{Name: "attrgetter", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			for _, a := range args {
				if _, ok := a.(rt.Str); !ok {
					return nil, rt.Errorf(rt.TypeErrorType, "attribute name must be a string")
				}
			}
			return &getter{t: attrgetterType, keys: args}, nil
		}})
		m.Dict.SetStr("methodcaller", &rt.Builtin{Name: "methodcaller", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			name, ok := args[0].(rt.Str)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "method name must be a string")
			}
			return &getter{t: methodcallerType, name: string(name), args: args[1:], kw: kw}, nil
		}})
		rt.ApplyArgs(m.Dict, specs)
		return m, nil
	})
}

// eachMatch calls fn with the index of each item of a that is b or equals
// it (PySequence_Count and PySequence_Index), until fn returns false.
func eachMatch(a, b rt.Object, fn func(i int) bool) *rt.BaseException {
	it, exc := rt.Iter(a)
	if exc != nil {
		return exc
	}
	for i := 0; ; i++ {
		x, ok, exc := rt.Next(it)
		if exc != nil || !ok {
			return exc
		}
		eq := x == b
		if !eq {
			r, exc := rt.Eq(x, b)
			if exc != nil {
				return exc
			}
			if eq, exc = rt.Truth(r); exc != nil {
				return exc
			}
		}
		if eq && !fn(i) {
			return nil
		}
	}
}

// isSequence is PySequence_Check: a str, list or tuple, or an
// object whose class defines __getitem__ (a dict is not one).
func isSequence(a rt.Object) bool {
	switch a.(type) {
	case rt.Str, *rt.List, *rt.Tuple:
		return true
	case *rt.Dict:
		return false
	}
	_, ok := rt.LookupAttr(a.Type(), "__getitem__")
	return ok
}

// lengthHint is operator.length_hint(obj, default): len(obj), else what
// obj.__length_hint__() says, else default (PyObject_LengthHint).
func lengthHint(obj, def rt.Object) (rt.Object, *rt.BaseException) {
	switch def.(type) {
	case rt.Int, rt.Bool, *rt.BigInt:
	default:
		return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", def.Type().Name)
	}
	n, exc := rt.Len(obj)
	if exc == nil {
		return rt.Int(n), nil
	}
	if _, own := rt.LookupAttr(obj.Type(), "__len__"); own || !exc.Class.IsSubtype(rt.TypeErrorType) {
		return nil, exc
	}
	if _, ok := rt.LookupAttr(obj.Type(), "__length_hint__"); !ok {
		return def, nil
	}
	r, exc := rt.CallMethod(obj, "__length_hint__", nil, nil)
	if exc != nil {
		if exc.Class.IsSubtype(rt.TypeErrorType) {
			return def, nil
		}
		return nil, exc
	}
	if r == rt.NotImplemented {
		return def, nil
	}
	h, ok := r.(rt.Int)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "__length_hint__ must be an integer, not %s", r.Type().Name)
	}
	if h < 0 {
		return nil, rt.Errorf(rt.ValueErrorType, "__length_hint__() should return >= 0")
	}
	return h, nil
}
