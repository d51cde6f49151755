// Package typing is Python's typing module for translated programs: its
// names exist so that annotations evaluate; they check nothing, as at run
// time in CPython.
package typing

import (
	"fmt"
	"os"

	rt "github.com/async2go/async2go/rtlib"
	"github.com/async2go/async2go/rtlib/mod/collections"
)

var specialType = rt.NewBuiltinType("_SpecialForm", "typing")

// genericClass and protocolClass are the classes typing.Generic[T] and
// typing.Protocol stand for as bases (in the MRO of a generic class).
var (
	genericClass  = rt.NewClass("Generic", "typing")
	protocolClass = rt.NewClass("Protocol", "typing", genericClass)
	// namedTupleClass is what typing.NamedTuple stands for as a base: its
	// metaclass makes a class deriving from it directly a namedtuple of
	// the fields its body annotates (NamedTupleMeta).
	namedTupleClass = rt.NewClass("NamedTuple", "typing")
)

func init() {
	namedTupleClass.Meta = &rt.Meta{Name: "NamedTupleMeta", InitClass: initNamedTuple}
}

// namedTupleProhibited are the names a NamedTuple class body cannot define.
var namedTupleProhibited = map[string]bool{"__new__": true, "__init__": true, "__slots__": true,
	"__getnewargs__": true, "_fields": true, "_field_defaults": true, "_make": true, "_replace": true,
	"_asdict": true, "_source": true}

// initNamedTuple is NamedTupleMeta.__new__ for t: its annotated names are
// the fields, in order, their values the defaults, which only the last
// fields may have.
func initNamedTuple(t *rt.Type) *rt.BaseException {
	if len(t.Bases) != 1 || t.Bases[0] != namedTupleClass {
		return nil // a subclass of a NamedTuple class is a plain subclass
	}
	var fields []string
	var defaults []rt.Object
	var exc *rt.BaseException
	if d, ok := t.Dict.GetStr("__annotations__"); ok {
		d.(*rt.Dict).Items(func(k, _ rt.Object) {
			f, ok := k.(rt.Str)
			if !ok || exc != nil {
				return
			}
			if v, ok := t.Dict.GetStr(string(f)); ok {
				defaults = append(defaults, v)
				t.Dict.DelStr(string(f))
			} else if len(defaults) > 0 {
				exc = rt.Errorf(rt.TypeErrorType, "Non-default namedtuple field %s cannot follow default field%s %s",
					f, map[bool]string{true: "s", false: ""}[len(defaults) > 1], defaultNames(fields, len(defaults)))
				return
			}
			fields = append(fields, string(f))
		})
	}
	t.Dict.Items(func(k, _ rt.Object) {
		if s, ok := k.(rt.Str); ok && namedTupleProhibited[string(s)] && exc == nil {
			exc = rt.Errorf(rt.AttributeErrorType, "Cannot overwrite NamedTuple attribute %s", s)
		}
	})
	if exc != nil {
		return exc
	}
	collections.FillNamedTuple(t, fields, defaults)
	return nil
}

// defaultNames lists the last n fields, as CPython's message does.
func defaultNames(fields []string, n int) string {
	s := ""
	for i, f := range fields[len(fields)-n:] {
		if i > 0 {
			s += ", "
		}
		s += f
	}
	return s
}

// special is a typing name such as Optional or List; subscripting it gives
// an alias that shows its arguments (typing.Optional[int]).
type special struct {
	name    string
	typeVar bool // a TypeVar: its repr is ~name
	// newType: made by NewType: its repr is __main__.name, a call gives
	// its argument back. notGeneric: subscripting it is a TypeError
	// (typing.Hashable).
	newType, notGeneric bool
}

func (*special) Type() *rt.Type { return specialType }

// Repr is typing.Name.
func (s *special) Repr() (rt.Str, *rt.BaseException) {
	if s.typeVar {
		return rt.Str(s.name), nil
	}
	if s.newType {
		return rt.Str("__main__." + s.name), nil
	}
	return rt.Str("typing." + s.name), nil
}

// Call is a call of the typing name: TypeVar("T") makes a type variable,
// another name gives its first argument back (NewType- and cast-like use).
func (s *special) Call(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	switch {
	case s.newType:
		if len(args) != 1 || len(kw) != 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "NewType.__call__() takes 2 positional arguments but %d were given", len(args)+1)
		}
		return args[0], nil
	case s.name == "NewType":
		if len(args) != 2 {
			return nil, rt.Errorf(rt.TypeErrorType, "NewType.__init__() takes 3 positional arguments but %d were given", len(args)+1)
		}
		name, ok := args[0].(rt.Str)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "NewType name must be a string")
		}
		return &special{name: string(name), newType: true}, nil
	case s.name == "ParamSpec" || s.name == "TypeVarTuple":
		if len(args) == 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "%s.__init__() missing 1 required positional argument: 'name'", s.name)
		}
		name, ok := args[0].(rt.Str)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "%s name must be a string", s.name)
		}
		if s.name == "ParamSpec" {
			name = "~" + name
		}
		return &special{name: string(name), typeVar: true}, nil
	}
	if s.name == "TypeVar" {
		if len(args) == 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "TypeVar.__init__() missing 1 required positional argument: 'name'")
		}
		name, ok := args[0].(rt.Str)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "TypeVar name must be a string")
		}
		return &special{name: "~" + string(name), typeVar: true}, nil
	}
	if len(args) > 0 {
		return args[0], nil
	}
	return rt.None, nil
}

func init() {
	// Subscripting a typing name gives an alias that shows its arguments
	// (typing.Optional[int]); as a base, Generic[T] and Protocol stand
	// for the classes typing.Generic and typing.Protocol, List[int] for
	// list.
	specialType.Dict.SetStr("__getitem__", &rt.Method{Name: "__getitem__", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if s := self.(*special); s.notGeneric || s.typeVar || s.newType {
			r, _ := s.Repr()
			if s.notGeneric {
				return nil, rt.Errorf(rt.TypeErrorType, "%s is not a generic class", r)
			}
			return nil, rt.Errorf(rt.TypeErrorType, "'%s' object is not subscriptable", map[bool]string{true: "NewType", false: "TypeVar"}[s.newType])
		}
		return rt.NewGenericAlias(self, args[0]), nil
	}})
	specialType.Dict.SetStr("__mro_entries__", &rt.Method{Name: "__mro_entries__", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return mroEntries(self.(*special))
	}})

	rt.RegisterModule("typing", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("typing")
		for _, n := range []string{"Any", "Optional", "Union", "List", "Dict", "Set", "FrozenSet", "Tuple", "Callable",
			"Iterable", "Iterator", "AsyncIterator", "AsyncIterable", "Awaitable", "Coroutine", "Generator",
			"AsyncGenerator", "Sequence", "Mapping", "MutableMapping", "Type", "TypeVar", "Generic", "Protocol",
			"ClassVar", "Final", "Literal", "NoReturn", "Never", "Self", "TypeAlias", "Annotated", "NamedTuple",
			"TypedDict", "Deque", "DefaultDict", "Counter",
			"Collection", "Container", "Reversible", "AbstractSet", "MutableSet", "MutableSequence",
			"ItemsView", "KeysView", "ValuesView", "MappingView", "ContextManager", "AsyncContextManager",
			"ChainMap", "OrderedDict", "Pattern", "Match", "TypeGuard", "Required", "NotRequired", "Unpack",
			"Concatenate", "LiteralString", "NewType", "ParamSpec", "TypeVarTuple"} {
			m.Dict.SetStr(n, &special{name: n})
		}
		for _, n := range []string{"Hashable", "Sized", "ByteString"} {
			m.Dict.SetStr(n, &special{name: n, notGeneric: true})
		}
		// The type variables typing defines for its own aliases.
		for _, n := range []string{"~AnyStr", "~T", "~KT", "~VT", "+T_co", "-T_contra", "+V_co", "+VT_co", "+CT_co"} {
			m.Dict.SetStr(n[1:], &special{name: n, typeVar: true})
		}
		m.Dict.SetStr("Text", rt.StrType)
		installDecorators(m)
		m.Dict.SetStr("TYPE_CHECKING", rt.Bool(false))
		m.Dict.SetStr("cast", &rt.Builtin{Name: "cast", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return args[1], nil
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{"cast": rt.ArgsPython("cast", 2, "typ", "val")})
		return m, nil
	})
}

// mroEntries is what a typing name stands for as a base class.
func mroEntries(s *special) (rt.Object, *rt.BaseException) {
	switch s.name {
	case "Generic":
		return rt.NewTuple(genericClass), nil
	case "Protocol":
		return rt.NewTuple(protocolClass), nil
	case "NamedTuple":
		return rt.NewTuple(namedTupleClass), nil
	}
	if t, ok := builtinOrigins[s.name]; ok {
		return rt.NewTuple(t), nil
	}
	return nil, rt.Errorf(rt.TypeErrorType, "async2go does not support deriving a class from typing.%s yet", s.name)
}

// builtinOrigins are the builtin classes of typing's aliases.
var builtinOrigins = map[string]rt.Object{
	"List": rt.ListType, "Dict": rt.DictType, "Set": rt.SetType, "FrozenSet": rt.FrozenSetType,
	"Tuple": rt.TupleType, "Type": rt.TypeType,
}

// installDecorators defines typing's functions that change nothing at run
// time but what CPython's change: overload's stand-in raises when called,
// reveal_type reports on stderr, assert_never raises.
func installDecorators(m *rt.Module) {
	fn := func(name string, f func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
		m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: f})
	}
	// Decorators that give their argument back, marked as CPython marks
	// it where the object takes attributes.
	for name, attr := range map[string]string{"final": "__final__", "override": "__override__",
		"no_type_check": "__no_type_check__", "runtime_checkable": "", "no_type_check_decorator": ""} {
		attr := attr
		fn(name, func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if attr != "" {
				rt.SetAttr(args[0], attr, rt.Bool(true)) // (CPython ignores objects that take none)
			}
			return args[0], nil
		})
	}
	dummy := &rt.Builtin{Name: "_overload_dummy", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return nil, rt.Errorf(rt.NotImplementedType, "You should not call an overloaded function. "+
			"A series of @typing.overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.")
	}}
	fn("overload", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return dummy, nil })
	fn("assert_type", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) { return args[0], nil })
	fn("assert_never", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		r, exc := rt.Repr(args[0])
		if exc != nil {
			return nil, exc
		}
		if rs := []rune(string(r)); len(rs) > 100 {
			r = rt.Str(string(rs[:100]) + "...")
		}
		return nil, rt.Errorf(rt.AssertionErrorType, "Expected code to be unreachable, but got: %s", r)
	})
	fn("reveal_type", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		name, exc := rt.Repr(rt.Str(args[0].Type().Name))
		if exc != nil {
			return nil, exc
		}
		rt.FlushStdout() // as sys.stderr's write does
		fmt.Fprintf(os.Stderr, "Runtime type is %s\n", name)
		return args[0], nil
	})
	fn("dataclass_transform", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return &rt.Builtin{Name: "decorator", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return args[0], nil
		}}, nil
	})
	rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
		"final":                   rt.ArgsPython("final", 1, "f"),
		"override":                rt.ArgsPython("override", 1, "method"),
		"no_type_check":           rt.ArgsPython("no_type_check", 1, "arg"),
		"runtime_checkable":       rt.ArgsPython("runtime_checkable", 1, "cls"),
		"no_type_check_decorator": rt.ArgsPython("no_type_check_decorator", 1, "decorator"),
		"overload":                rt.ArgsPython("overload", 1, "func"),
		"assert_type":             rt.ArgsPython("assert_type", 2, "val", "typ"),
		"assert_never":            rt.ArgsPython("assert_never", 1, "arg"),
		"reveal_type":             rt.ArgsPython("reveal_type", 1, "obj"),
		"dataclass_transform":     rt.ArgsPython("dataclass_transform", 0).AnyKw(),
	})
}
