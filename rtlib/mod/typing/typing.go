// Package typing is Python's typing module for translated programs: its
// names exist so that annotations evaluate; they check nothing, as at run
// time in CPython.
package typing

import (
	rt "github.com/async2go/async2go/rtlib"
)

var specialType = rt.NewBuiltinType("_SpecialForm", "typing")

// special is a typing name such as Optional or List; subscripting it gives
// itself.
type special struct{ name string }

func (*special) Type() *rt.Type { return specialType }

// Repr is typing.Name.
func (s *special) Repr() (rt.Str, *rt.BaseException) { return rt.Str("typing." + s.name), nil }

func init() {
	specialType.Dict.SetStr("__getitem__", &rt.Method{Name: "__getitem__", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self, nil
	}})
	specialType.Dict.SetStr("__call__", &rt.Method{Name: "__call__", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) > 0 {
			return args[0], nil // NewType/cast-like use
		}
		return rt.None, nil
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
