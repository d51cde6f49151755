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
			"index": func(a rt.Object) (rt.Object, *rt.BaseException) { return rt.Call(rt.IntType, []rt.Object{a}, nil) },
		} {
			un(name, fn)
		}
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
