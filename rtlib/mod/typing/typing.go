// Package typing is Python's typing module for translated programs: its
// names exist so that annotations evaluate; they check nothing, as at run
// time in CPython.
package typing

import (
	rt "github.com/async2go/async2go/rtlib"
)

var specialType = rt.NewBuiltinType("_SpecialForm", "typing")

// genericClass and protocolClass are the classes typing.Generic[T] and
// typing.Protocol stand for as bases (in the MRO of a generic class).
var (
	genericClass  = rt.NewClass("Generic", "typing")
	protocolClass = rt.NewClass("Protocol", "typing", genericClass)
)

// special is a typing name such as Optional or List; subscripting it gives
// itself.
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
