// Package typing is Python's typing module for translated programs: its
// names exist so that annotations evaluate; they check nothing, as at run
// time in CPython.
package typing

import (
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
}

func (*special) Type() *rt.Type { return specialType }

// Repr is typing.Name.
func (s *special) Repr() (rt.Str, *rt.BaseException) {
	if s.typeVar {
		return rt.Str(s.name), nil
	}
	return rt.Str("typing." + s.name), nil
}

// Call is a call of the typing name: TypeVar("T") makes a type variable,
// another name gives its first argument back (NewType- and cast-like use).
func (s *special) Call(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
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
			"TypedDict", "Deque", "DefaultDict", "Counter"} {
			m.Dict.SetStr(n, &special{name: n})
		}
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
