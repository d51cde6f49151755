// Package contextvars is Python's contextvars module for translated
// programs: ContextVar (get, set, reset with tokens, defaults), Token,
// Context and copy_context. The current context lives in rtlib; asyncio
// gives every task a copy of the context it was created in, as CPython does.
package contextvars

import (
	"fmt"

	rt "github.com/async2go/async2go/rtlib"
)

var (
	varType   = rt.NewBuiltinType("ContextVar", "_contextvars")
	tokenType = rt.NewBuiltinType("Token", "_contextvars")
	missing   = &marker{}
)

// ContextVar is contextvars.ContextVar.
type ContextVar struct {
	name string
	dflt rt.Object // nil: no default
}

func (*ContextVar) Type() *rt.Type { return varType }

// Repr is <ContextVar name='x' default=0 at 0x…>.
func (v *ContextVar) Repr() (rt.Str, *rt.BaseException) {
	name, _ := rt.Repr(rt.Str(v.name))
	s := "<ContextVar name=" + string(name)
	if v.dflt != nil {
		d, exc := rt.Repr(v.dflt)
		if exc != nil {
			return "", exc
		}
		s += " default=" + string(d)
	}
	return rt.Str(fmt.Sprintf("%s at %#x>", s, rt.Id(v))), nil
}

// Token is what ContextVar.set returns, for reset.
type Token struct {
	v    *ContextVar
	ctx  *rt.Context
	old  rt.Object // nil: the variable was not set
	used bool
}

func (*Token) Type() *rt.Type { return tokenType }

// Repr is <Token var=… at 0x…>.
func (t *Token) Repr() (rt.Str, *rt.BaseException) {
	v, _ := t.v.Repr()
	used := ""
	if t.used {
		used = " used"
	}
	return rt.Str(fmt.Sprintf("<Token%s var=%s at %#x>", used, v, rt.Id(t))), nil
}

type marker struct{}

func (*marker) Type() *rt.Type { return tokenType }

// Repr is <Token.MISSING>.
func (*marker) Repr() (rt.Str, *rt.BaseException) { return "<Token.MISSING>", nil }

func (v *ContextVar) get(dflt rt.Object) (rt.Object, *rt.BaseException) {
	if x, ok := rt.CurrentContext().Lookup(v); ok {
		return x, nil
	}
	if dflt != nil {
		return dflt, nil
	}
	if v.dflt != nil {
		return v.dflt, nil
	}
	return nil, rt.NewException(rt.LookupErrorType, v)
}

// method defines a Go method of t with the argument check s: CPython's
// parser of it (METH_O, METH_NOARGS, PyArg_UnpackTuple, or a slot wrapper).
func method(t *rt.Type, name string, s *rt.ArgSpec, fn func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException)) {
	rt.DefMethod(t, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return fn(self, args)
	})
	rt.ApplyMethodArgs(t, map[string]*rt.ArgSpec{name: s})
}

func prop(t *rt.Type, name string, get func(self rt.Object) rt.Object) {
	t.Dict.SetStr(name, &rt.Property{Get: &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return get(args[0]), nil
	}}, Set: rt.None})
}

func asVar(x rt.Object) (*ContextVar, *rt.BaseException) {
	v, ok := x.(*ContextVar)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "a ContextVar key was expected, got %s", reprOf(x))
	}
	return v, nil
}

func reprOf(x rt.Object) string {
	r, _ := rt.Repr(x)
	return string(r)
}

func init() {
	// ContextVar[int] in annotations.
	generic := &rt.Meta{Name: "type", GetItem: func(t *rt.Type, key rt.Object) (rt.Object, *rt.BaseException) { return t, nil }}
	varType.Meta = generic
	tokenType.Meta = generic
	tokenType.New = func(*rt.Type, []rt.Object, []rt.KwArg) (rt.Object, *rt.BaseException) {
		return nil, rt.Errorf(rt.RuntimeErrorType, "Tokens can only be created by ContextVars")
	}
	varType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		// PyArg_ParseTupleAndKeywords("U|$O:ContextVar", {"name", "default"}).
		switch {
		case len(args) > 1:
			return nil, rt.Errorf(rt.TypeErrorType, "ContextVar() takes at most 1 positional argument (%d given)", len(args))
		case len(args) == 0:
			return nil, rt.Errorf(rt.TypeErrorType, "ContextVar() takes exactly 1 positional argument (0 given)")
		}
		name, ok := args[0].(rt.Str)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "context variable name must be a str")
		}
		v := &ContextVar{name: string(name)}
		for _, k := range kw {
			if k.Name != "default" {
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' is an invalid keyword argument for ContextVar()", k.Name)
			}
			v.dflt = k.Value
		}
		rt.UseContextVars()
		return v, nil
	}
	prop(varType, "name", func(self rt.Object) rt.Object { return rt.Str(self.(*ContextVar).name) })
	method(varType, "get", rt.ArgsPositional("get", "ContextVar.get", 0, 1), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		var d rt.Object
		if len(args) == 1 {
			d = args[0]
		}
		return self.(*ContextVar).get(d)
	})
	method(varType, "set", rt.ArgsOne("ContextVar.set"), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		v := self.(*ContextVar)
		ctx := rt.CurrentContext()
		old, _ := ctx.Lookup(v)
		ctx.With(v, args[0])
		return &Token{v: v, ctx: ctx, old: old}, nil
	})
	method(varType, "reset", rt.ArgsOne("ContextVar.reset"), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		v := self.(*ContextVar)
		t, ok := args[0].(*Token)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "expected an instance of Token, got %s", reprOf(args[0]))
		}
		if t.used {
			return nil, rt.Errorf(rt.RuntimeErrorType, "%s has already been used once", reprOf(t))
		}
		if t.v != v {
			return nil, rt.Errorf(rt.ValueErrorType, "%s was created by a different ContextVar", reprOf(t))
		}
		if t.ctx != rt.CurrentContext() {
			return nil, rt.Errorf(rt.ValueErrorType, "%s was created in a different Context", reprOf(t))
		}
		t.used = true
		t.ctx.With(v, t.old)
		return rt.None, nil
	})
	prop(tokenType, "var", func(self rt.Object) rt.Object { return self.(*Token).v })
	prop(tokenType, "old_value", func(self rt.Object) rt.Object {
		if t := self.(*Token); t.old != nil {
			return t.old
		}
		return missing
	})
	tokenType.Dict.SetStr("MISSING", missing)

	ctxT := rt.ContextType
	ctxT.Module = "_contextvars"
	ctxT.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "Context() does not accept any arguments")
		}
		return &rt.Context{}, nil
	}
	rt.DefMethod(ctxT, "run", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self.(*rt.Context).Run(args[0], args[1:], kw)
	})
	// context_run: the callable, then its own arguments.
	rt.ApplyMethodArgs(ctxT, map[string]*rt.ArgSpec{
		"run": rt.ArgsPositional("run", "", 1, -1).AnyKw().FewMessage("run() missing 1 required positional argument"),
	})
	method(ctxT, "copy", rt.ArgsNone("Context.copy"), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		return self.(*rt.Context).Copy(), nil
	})
	method(ctxT, "get", rt.ArgsPositional("get", "Context.get", 1, 2), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		v, exc := asVar(args[0])
		if exc != nil {
			return nil, exc
		}
		if x, ok := self.(*rt.Context).Lookup(v); ok {
			return x, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return rt.None, nil
	})
	method(ctxT, "__getitem__", rt.ArgsSlot("__getitem__", 1), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		v, exc := asVar(args[0])
		if exc != nil {
			return nil, exc
		}
		if x, ok := self.(*rt.Context).Lookup(v); ok {
			return x, nil
		}
		return nil, rt.NewException(rt.KeyErrorType, v)
	})
	method(ctxT, "__contains__", rt.ArgsSlot("__contains__", 1), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		v, exc := asVar(args[0])
		if exc != nil {
			return nil, exc
		}
		_, ok := self.(*rt.Context).Lookup(v)
		return rt.Bool(ok), nil
	})
	method(ctxT, "__len__", rt.ArgsSlot("__len__", 0), func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
		return rt.Int(len(self.(*rt.Context).Vars())), nil
	})
	for _, name := range []string{"__iter__", "keys", "values", "items"} {
		name := name
		spec := rt.ArgsNone("Context." + name)
		if name == "__iter__" {
			spec = rt.ArgsSlot(name, 0)
		}
		method(ctxT, name, spec, func(self rt.Object, args []rt.Object) (rt.Object, *rt.BaseException) {
			c := self.(*rt.Context)
			var out []rt.Object
			for _, v := range c.Vars() {
				x, _ := c.Lookup(v)
				switch name {
				case "values":
					out = append(out, x)
				case "items":
					out = append(out, rt.NewTuple(v, x))
				default:
					out = append(out, v)
				}
			}
			l := rt.NewList(out...)
			if name == "__iter__" {
				return rt.Iter(l)
			}
			return l, nil
		})
	}
	rt.RegisterModule("contextvars", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("contextvars")
		m.Dict.SetStr("ContextVar", varType)
		m.Dict.SetStr("Token", tokenType)
		m.Dict.SetStr("Context", ctxT)
		m.Dict.SetStr("copy_context", &rt.Builtin{Name: "copy_context", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.CopyContext(), nil
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{"copy_context": rt.ArgsNone("_contextvars.copy_context")})
		return m, nil
	})
}
