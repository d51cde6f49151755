// Package dataclasses is Python's dataclasses module for translated
// programs: @dataclass (init, repr, eq, order) and field(), generating the
// methods CPython 3.12's Lib/dataclasses.py generates.
package dataclasses

import (
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

var fieldType = rt.NewBuiltinType("Field", "dataclasses")

// field is a dataclasses.Field.
type field struct {
	name            string
	dflt, factory   rt.Object // nil when MISSING
	init, repr, cmp bool
	// kwOnly is field(kw_only=…): nil when not given (the class's
	// setting, or KW_ONLY's, decides).
	kwOnly rt.Object
	kw     bool // a keyword-only parameter of __init__
	// initVar: an InitVar pseudo-field, an __init__ parameter passed on
	// to __post_init__ and not stored.
	initVar bool
	// typ is the annotation; metadata is field(metadata=…), nil if none.
	typ, metadata rt.Object
}

func (*field) Type() *rt.Type { return fieldType }

// hasFactory is the default of an __init__ parameter whose field has a
// default_factory: __init__ calls the factory when it sees it.
type sentinel struct{}

func (sentinel) Type() *rt.Type { return fieldType }

var hasFactory rt.Object = sentinel{}

func kwarg(kw []rt.KwArg, name string) (rt.Object, bool) {
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

func flag(kw []rt.KwArg, name string, def bool) bool {
	if v, ok := kwarg(kw, name); ok {
		b, _ := rt.Truth(v)
		return b
	}
	return def
}

type options struct{ init, repr, eq, order, frozen, kwOnly, unsafeHash, matchArgs bool }

// kwOnlyType is the class of dataclasses.KW_ONLY, whose pseudo-field makes
// the fields after it keyword-only.
var kwOnlyType = rt.NewBuiltinType("_KW_ONLY_TYPE", "dataclasses")

type kwOnlyMarker struct{}

func (kwOnlyMarker) Type() *rt.Type { return kwOnlyType }

// KW_ONLY is dataclasses.KW_ONLY.
var KW_ONLY rt.Object = kwOnlyMarker{}

func process(cls *rt.Type, o options) (rt.Object, *rt.BaseException) {
	var fields []*field
	// Fields of dataclass bases come first.
	for i := len(cls.MRO) - 1; i > 0; i-- {
		if v, ok := cls.MRO[i].Dict.GetStr("__dataclass_fields__"); ok {
			v.(*rt.Dict).Items(func(k, f rt.Object) { fields = append(fields, f.(*field)) })
		}
	}
	if ann, ok := cls.Dict.GetStr("__annotations__"); ok {
		var exc *rt.BaseException
		kwAfter := false // past a KW_ONLY pseudo-field
		ann.(*rt.Dict).Items(func(k, a rt.Object) {
			name := string(k.(rt.Str))
			if isClassVar(a) {
				return // a class variable, not a field
			}
			if a == KW_ONLY || isTypeString(a, "KW_ONLY") {
				if kwAfter && exc == nil {
					exc = rt.Errorf(rt.TypeErrorType, "'%s' is KW_ONLY, but KW_ONLY has already been specified", name)
				}
				kwAfter = true
				return
			}
			f := &field{name: name, init: true, repr: true, cmp: true}
			if v, ok := cls.Dict.GetStr(name); ok {
				if spec, ok := v.(*field); ok {
					spec.name = name
					f = spec
					if f.dflt != nil {
						cls.Dict.SetStr(name, f.dflt)
					} else {
						cls.Dict.DelStr(name)
					}
				} else {
					f.dflt = v
				}
			}
			f.initVar, f.typ = isInitVar(a), a
			f.kw = o.kwOnly || kwAfter // unless field(kw_only=…) says
			if f.kwOnly != nil {
				f.kw, _ = rt.Truth(f.kwOnly)
			}
			for i, old := range fields {
				if old.name == name {
					fields = append(fields[:i], fields[i+1:]...)
					break
				}
			}
			fields = append(fields, f)
		})
		if exc != nil {
			return nil, exc
		}
	}
	fd := rt.NewDict()
	all := fields // with the InitVar pseudo-fields, for __init__
	fields = nil
	for _, f := range all {
		fd.SetStr(f.name, f)
		if !f.initVar {
			fields = append(fields, f)
		}
	}
	cls.Dict.SetStr("__dataclass_fields__", fd)
	if _, own := cls.Dict.GetStr("__match_args__"); o.matchArgs && !own {
		var positional []rt.Object
		for _, f := range all {
			if f.init && !f.kw {
				positional = append(positional, rt.Str(f.name))
			}
		}
		cls.Dict.SetStr("__match_args__", rt.NewTuple(positional...))
	}
	qual := cls.Name
	if q, ok := cls.Dict.GetStr("__qualname__"); ok {
		qual = string(q.(rt.Str))
	}
	if o.init {
		if exc := defineInit(cls, qual, all, o.frozen); exc != nil {
			return nil, exc
		}
	}
	if o.repr {
		def(cls, qual, "__repr__", []string{"self"}, func(args []rt.Object) (rt.Object, *rt.BaseException) {
			var parts []string
			for _, f := range fields {
				if !f.repr {
					continue
				}
				v, exc := rt.GetAttr(args[0], f.name)
				if exc != nil {
					return nil, exc
				}
				r, exc := rt.Repr(v)
				if exc != nil {
					return nil, exc
				}
				parts = append(parts, f.name+"="+string(r))
			}
			name, _ := rt.GetAttr(args[0].Type(), "__qualname__")
			n, _ := name.(rt.Str)
			return rt.Str(string(n) + "(" + strings.Join(parts, ", ") + ")"), nil
		})
	}
	key := func(x rt.Object) (rt.Object, *rt.BaseException) {
		var vals []rt.Object
		for _, f := range fields {
			if f.cmp {
				v, exc := rt.GetAttr(x, f.name)
				if exc != nil {
					return nil, exc
				}
				vals = append(vals, v)
			}
		}
		return rt.NewTuple(vals...), nil
	}
	compare := func(name string, op func(a, b rt.Object) (rt.Object, *rt.BaseException)) {
		def(cls, qual, name, []string{"self", "other"}, func(args []rt.Object) (rt.Object, *rt.BaseException) {
			if args[1].Type() != args[0].Type() {
				return rt.NotImplemented, nil
			}
			a, exc := key(args[0])
			if exc != nil {
				return nil, exc
			}
			b, exc := key(args[1])
			if exc != nil {
				return nil, exc
			}
			return op(a, b)
		})
	}
	if o.eq {
		compare("__eq__", rt.Eq)
	}
	if o.order {
		if !o.eq {
			return nil, rt.Errorf(rt.ValueErrorType, "eq must be true if order is true")
		}
		compare("__lt__", rt.Lt)
		compare("__le__", rt.Le)
		compare("__gt__", rt.Gt)
		compare("__ge__", rt.Ge)
	}
	if o.frozen {
		isField := func(name string) bool {
			for _, f := range fields {
				if f.name == name {
					return true
				}
			}
			return false
		}
		guard := func(verb string) func(args []rt.Object) (rt.Object, *rt.BaseException) {
			return func(args []rt.Object) (rt.Object, *rt.BaseException) {
				name, _ := args[1].(rt.Str)
				if args[0].Type() == cls || isField(string(name)) {
					return nil, rt.NewException(FrozenInstanceError, rt.Str("cannot "+verb+" field "+reprStr(string(name))))
				}
				if verb == "assign to" {
					return rt.None, rt.PlainSetAttr(args[0], string(name), args[2])
				}
				return rt.CallMethod(rt.ObjectType, "__delattr__", []rt.Object{args[0], name}, nil)
			}
		}
		def(cls, qual, "__setattr__", []string{"self", "name", "value"}, guard("assign to"))
		def(cls, qual, "__delattr__", []string{"self", "name"}, guard("delete"))
	}
	// The __hash__ rules of dataclasses._hash_action.
	_, explicit := cls.Dict.GetStr("__hash__")
	if o.unsafeHash && explicit {
		return nil, rt.Errorf(rt.TypeErrorType, "Cannot overwrite attribute __hash__ in class %s", cls.Name)
	}
	if o.unsafeHash || !explicit && o.eq {
		if o.frozen || o.unsafeHash {
			def(cls, qual, "__hash__", []string{"self"}, func(args []rt.Object) (rt.Object, *rt.BaseException) {
				k, exc := key(args[0])
				if exc != nil {
					return nil, exc
				}
				h, exc := rt.Hash(k)
				return rt.Int(h), exc
			})
		} else {
			cls.Dict.SetStr("__hash__", rt.None)
		}
	}
	return cls, nil
}

// def adds a generated method to the class.
func def(cls *rt.Type, qual, name string, params []string, impl func(args []rt.Object) (rt.Object, *rt.BaseException)) {
	cls.Dict.SetStr(name, &rt.Function{
		Name: name, Qualname: qual + "." + name, Module: "__main__",
		Sig:  &rt.Signature{Name: qual + "." + name, Params: params, Pos: len(params)},
		Impl: func(fn *rt.Function, args []rt.Object) (rt.Object, *rt.BaseException) { return impl(args) },
	})
}

func defineInit(cls *rt.Type, qual string, fields []*field, frozen bool) *rt.BaseException {
	// __init__ ends with self.__post_init__(*initvars) when the class has
	// one (dataclasses._init_fn).
	_, exc := rt.GetAttr(cls, "__post_init__")
	postInit := exc == nil
	set := rt.SetAttr
	if frozen {
		set = rt.PlainSetAttr
	}
	params := []string{"self"}
	var defaults []rt.Object
	var initFields []*field
	// The positional parameters, then the keyword-only ones (fields that
	// are kw_only), each in field order; only the positional ones must
	// have their defaults last.
	for _, kwPass := range []bool{false, true} {
		for _, f := range fields {
			if !f.init || f.kw != kwPass {
				continue
			}
			if !kwPass && f.dflt == nil && f.factory == nil && len(defaults) > 0 {
				return rt.Errorf(rt.TypeErrorType, "non-default argument '%s' follows default argument", f.name)
			}
			params = append(params, f.name)
			initFields = append(initFields, f)
			if kwPass {
				continue
			}
			switch {
			case f.factory != nil:
				defaults = append(defaults, hasFactory)
			case f.dflt != nil:
				defaults = append(defaults, f.dflt)
			}
		}
	}
	var kwDefaults map[string]rt.Object
	nkw := 0
	for _, f := range initFields {
		if !f.kw {
			continue
		}
		nkw++
		var d rt.Object
		switch {
		case f.factory != nil:
			d = hasFactory
		case f.dflt != nil:
			d = f.dflt
		default:
			continue
		}
		if kwDefaults == nil {
			kwDefaults = map[string]rt.Object{}
		}
		kwDefaults[f.name] = d
	}
	fn := &rt.Function{
		Name: "__init__", Qualname: qual + ".__init__", Module: "__main__",
		Sig:        &rt.Signature{Name: qual + ".__init__", Params: params, Pos: len(params) - nkw, KwOnly: nkw},
		Defaults:   defaults,
		KwDefaults: kwDefaults,
		Impl: func(fn *rt.Function, args []rt.Object) (rt.Object, *rt.BaseException) {
			self := args[0]
			var initVars []rt.Object
			for i, f := range initFields {
				v := args[i+1]
				if v == hasFactory {
					var exc *rt.BaseException
					if v, exc = rt.Call(f.factory, nil, nil); exc != nil {
						return nil, exc
					}
				}
				if f.initVar {
					initVars = append(initVars, v)
					continue
				}
				if exc := set(self, f.name, v); exc != nil {
					return nil, exc
				}
			}
			for _, f := range fields {
				if !f.init && !f.initVar && f.factory != nil {
					v, exc := rt.Call(f.factory, nil, nil)
					if exc != nil {
						return nil, exc
					}
					if exc := set(self, f.name, v); exc != nil {
						return nil, exc
					}
				}
			}
			if postInit {
				if _, exc := rt.CallMethod(self, "__post_init__", initVars, nil); exc != nil {
					return nil, exc
				}
			}
			return rt.None, nil
		},
	}
	cls.Dict.SetStr("__init__", fn)
	return nil
}

// FrozenInstanceError is raised on assignment to a field of a frozen dataclass.
var FrozenInstanceError = rt.NewBuiltinType("FrozenInstanceError", "dataclasses", rt.AttributeErrorType)

func reprStr(s string) string {
	r, _ := rt.Repr(rt.Str(s))
	return string(r)
}

func init() {
	rt.RegisterModule("dataclasses", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("dataclasses")
		m.Dict.SetStr("FrozenInstanceError", FrozenInstanceError)
		m.Dict.SetStr("KW_ONLY", KW_ONLY)
		m.Dict.SetStr("InitVar", initVarType)
		addHelpers(m)
		m.Dict.SetStr("field", &rt.Builtin{Name: "field", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			f := &field{init: flag(kw, "init", true), repr: flag(kw, "repr", true), cmp: flag(kw, "compare", true)}
			if v, ok := kwarg(kw, "kw_only"); ok && v != rt.None {
				f.kwOnly = v
			}
			if v, ok := kwarg(kw, "metadata"); ok && v != rt.None {
				f.metadata = v
			}
			f.dflt, _ = kwarg(kw, "default")
			f.factory, _ = kwarg(kw, "default_factory")
			if f.dflt != nil && f.factory != nil {
				return nil, rt.Errorf(rt.ValueErrorType, "cannot specify both default and default_factory")
			}
			return f, nil
		}})
		m.Dict.SetStr("dataclass", &rt.Builtin{Name: "dataclass", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			o := options{init: flag(kw, "init", true), repr: flag(kw, "repr", true), eq: flag(kw, "eq", true),
				order: flag(kw, "order", false), frozen: flag(kw, "frozen", false), kwOnly: flag(kw, "kw_only", false),
				unsafeHash: flag(kw, "unsafe_hash", false), matchArgs: flag(kw, "match_args", true)}
			if len(args) == 1 {
				cls, ok := args[0].(*rt.Type)
				if !ok {
					return nil, rt.Errorf(rt.TypeErrorType, "dataclass() should be called on a class")
				}
				return process(cls, o)
			}
			return &rt.Builtin{Name: "wrap", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				cls, ok := args[0].(*rt.Type)
				if !ok {
					return nil, rt.Errorf(rt.TypeErrorType, "dataclass() should be called on a class")
				}
				return process(cls, o)
			}}, nil
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"field": rt.ArgsPython("field", 0).KwOnly("default", "default_factory", "init", "repr", "hash", "compare",
				"metadata", "kw_only"),
			"dataclass": rt.ArgsPython("dataclass", 0, "cls").PosOnly(1).KwOnly("init", "repr", "eq", "order",
				"unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"),
		})
		return m, nil
	})
}

// isClassVar says whether a field's annotation is typing.ClassVar, bare or
// subscripted, or under `from __future__ import annotations` a string
// that starts with it (dataclasses._is_classvar and _is_type).
func isClassVar(a rt.Object) bool {
	if g, ok := a.(*rt.GenericAlias); ok {
		a = g.Origin
	}
	if _, ok := a.(rt.Str); ok {
		return isTypeString(a, "ClassVar")
	}
	if a.Type().Name != "_SpecialForm" {
		return false
	}
	r, exc := rt.Repr(a)
	return exc == nil && r == "typing.ClassVar"
}

// isTypeString says whether a is a string annotation naming name, bare,
// qualified by its module, or subscripted (dataclasses._is_type).
func isTypeString(a rt.Object, name string) bool {
	s, ok := a.(rt.Str)
	if !ok {
		return false
	}
	t := strings.TrimSpace(string(s))
	if i := strings.IndexByte(t, '['); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = strings.TrimSpace(t[i+1:])
	}
	return t == name
}

// initVarType is dataclasses.InitVar; InitVar[T] is an initVar.
var initVarType = rt.NewBuiltinType("InitVar", "dataclasses")

type initVar struct{ typ rt.Object }

func (*initVar) Type() *rt.Type { return initVarType }

// Repr is dataclasses.InitVar[T], T by its name if it is a class.
func (v *initVar) Repr() (rt.Str, *rt.BaseException) {
	if t, ok := v.typ.(*rt.Type); ok {
		return rt.Str("dataclasses.InitVar[" + t.Name + "]"), nil
	}
	r, exc := rt.Repr(v.typ)
	if exc != nil {
		return "", exc
	}
	return rt.Str("dataclasses.InitVar[" + string(r) + "]"), nil
}

func init() {
	initVarType.Dict.SetStr("__class_getitem__", &rt.ClassMethod{Fn: &rt.Builtin{Name: "__class_getitem__", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return &initVar{typ: args[1]}, nil
	}}})
}

// isInitVar says whether a field's annotation makes it an InitVar
// pseudo-field: InitVar, InitVar[T], or a string naming it.
func isInitVar(a rt.Object) bool {
	switch a.(type) {
	case *initVar:
		return true
	case *rt.Type:
		return a == rt.Object(initVarType)
	}
	return isTypeString(a, "InitVar")
}
