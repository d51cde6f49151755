package rtlib

import "strings"

// GenericAlias is types.GenericAlias: a class subscripted with type
// arguments, list[int] or dict[str, list[int]], as class bodies evaluate
// their annotations (a dataclass's `tags: list[str] =
// field(default_factory=list)`). It checks nothing, as
// in CPython; calling it calls its origin.
type GenericAlias struct {
	Origin Object
	Args   *Tuple
}

// UnionType is types.UnionType: X | Y of classes, None and aliases
// (`name: str | None = None`).
type UnionType struct {
	Args *Tuple // distinct, None as NoneType
}

var (
	GenericAliasType = NewBuiltinType("GenericAlias", "types")
	UnionTypeType    = NewBuiltinType("UnionType", "types")
)

func (*GenericAlias) Type() *Type { return GenericAliasType }
func (*UnionType) Type() *Type    { return UnionTypeType }

// NewGenericAlias is origin[key]: a tuple key gives the arguments, any
// other key is the only one.
func NewGenericAlias(origin, key Object) *GenericAlias {
	args, ok := key.(*Tuple)
	if !ok {
		args = NewTuple(key)
	}
	return &GenericAlias{Origin: origin, Args: args}
}

// classGetItem is CPython's __class_getitem__ of the builtin classes that
// have one (list, dict, tuple, …): a GenericAlias.
var classGetItem = &ClassMethod{Fn: &Builtin{Name: "__class_getitem__", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
	if len(kw) > 0 || len(args) != 2 {
		return nil, Errorf(TypeErrorType, "__class_getitem__() takes exactly one argument (%d given)", len(args)-1)
	}
	return NewGenericAlias(args[0], args[1]), nil
}}}

// AddClassGetItem gives the builtin class t CPython's __class_getitem__,
// which makes t[X] a GenericAlias.
func AddClassGetItem(t *Type) {
	fillLater(t.Dict, func() { t.Dict.SetStr("__class_getitem__", classGetItem) })
}

// subscriptType is t[key] for a class: its metaclass's __getitem__ if it
// has one, else its __class_getitem__ (an implicit class method), else
// TypeError.
func subscriptType(t *Type, key Object) (Object, *BaseException) {
	if _, ok := t.Type().lookup("__getitem__"); ok {
		return CallMethod(t, "__getitem__", []Object{key}, nil)
	}
	h, ok := t.lookup("__class_getitem__")
	if !ok {
		return nil, Errorf(TypeErrorType, "type '%s' is not subscriptable", t.Name)
	}
	switch f := h.(type) {
	case *ClassMethod:
		h = f.Fn
	case *StaticMethod:
		return Call(f.Fn, []Object{key}, nil)
	}
	return Call(h, []Object{t, key}, nil)
}

// typeReprItem is how a GenericAlias or a UnionType shows one of its
// parts (Objects/genericaliasobject.c, ga_repr_item): a class by its
// qualified name, with its module unless builtins; `...`; an alias by its
// repr; anything else by its repr.
func typeReprItem(b *strings.Builder, x Object) *BaseException {
	switch v := x.(type) {
	case ellipsisType:
		b.WriteString("...")
		return nil
	case *List:
		// A list of arguments (Callable[[int, str], None]).
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			if exc := typeReprItem(b, it); exc != nil {
				return exc
			}
		}
		b.WriteByte(']')
		return nil
	case *Type:
		if v.Module != "builtins" && v.Module != "" {
			b.WriteString(v.Module)
			b.WriteByte('.')
		}
		if v.Qualname != "" {
			b.WriteString(v.Qualname)
		} else {
			b.WriteString(v.Name)
		}
		return nil
	}
	r, exc := Repr(x)
	if exc != nil {
		return exc
	}
	b.WriteString(string(r))
	return nil
}

// Call is origin(…): list[int]() is a list.
func (g *GenericAlias) Call(args []Object, kw []KwArg) (Object, *BaseException) {
	return Call(g.Origin, args, kw)
}

// Repr is origin[arg, …].
func (g *GenericAlias) Repr() (Str, *BaseException) {
	var b strings.Builder
	if exc := typeReprItem(&b, g.Origin); exc != nil {
		return "", exc
	}
	b.WriteByte('[')
	if len(g.Args.Items) == 0 {
		b.WriteString("()")
	}
	for i, a := range g.Args.Items {
		if i > 0 {
			b.WriteString(", ")
		}
		if exc := typeReprItem(&b, a); exc != nil {
			return "", exc
		}
	}
	b.WriteByte(']')
	return Str(b.String()), nil
}

// Repr is X | Y | …, None for NoneType.
func (u *UnionType) Repr() (Str, *BaseException) {
	var b strings.Builder
	for i, a := range u.Args.Items {
		if i > 0 {
			b.WriteString(" | ")
		}
		if a == NoneTypeType {
			b.WriteString("None")
			continue
		}
		if exc := typeReprItem(&b, a); exc != nil {
			return "", exc
		}
	}
	return Str(b.String()), nil
}

// unionOperand says whether x can be a member of a union (X | Y):
// a class, None, an alias or a union.
func unionOperand(x Object) bool {
	switch x.(type) {
	case *Type, NoneType, *GenericAlias, *UnionType:
		return true
	}
	return false
}

// unionOr is a | b when both can be members of a union
// (Objects/unionobject.c): their members, flattened, None as NoneType,
// without repeats; a single member is itself.
func unionOr(a, b Object) (Object, bool, *BaseException) {
	if !unionOperand(a) || !unionOperand(b) {
		return nil, false, nil
	}
	var items []Object
	add := func(x Object) *BaseException {
		if x == None {
			x = NoneTypeType
		}
		for _, y := range items {
			eq, exc := equal(x, y)
			if exc != nil {
				return exc
			}
			if eq {
				return nil
			}
		}
		items = append(items, x)
		return nil
	}
	for _, x := range []Object{a, b} {
		if u, ok := x.(*UnionType); ok {
			for _, y := range u.Args.Items {
				if exc := add(y); exc != nil {
					return nil, true, exc
				}
			}
			continue
		}
		if exc := add(x); exc != nil {
			return nil, true, exc
		}
	}
	if len(items) == 1 {
		return items[0], true, nil
	}
	return &UnionType{Args: NewTuple(items...)}, true, nil
}

// aliasEqual is a == b for aliases and unions: the same origin and
// arguments, the same members in any order.
func aliasEqual(a, b Object) (bool, bool, *BaseException) {
	switch x := a.(type) {
	case *GenericAlias:
		y, ok := b.(*GenericAlias)
		if !ok {
			return false, true, nil
		}
		eq, exc := equal(x.Origin, y.Origin)
		if exc != nil || !eq {
			return false, true, exc
		}
		eq, exc = equal(x.Args, y.Args)
		return eq, true, exc
	case *UnionType:
		y, ok := b.(*UnionType)
		if !ok || len(x.Args.Items) != len(y.Args.Items) {
			return false, true, nil
		}
		for _, m := range x.Args.Items {
			found := false
			for _, n := range y.Args.Items {
				eq, exc := equal(m, n)
				if exc != nil {
					return false, true, exc
				}
				if eq {
					found = true
					break
				}
			}
			if !found {
				return false, true, nil
			}
		}
		return true, true, nil
	}
	return false, false, nil
}

// aliasHash is the hash of an alias (its origin's and its arguments')
// or a union (its members', in any order).
func aliasHash(x Object) (int64, bool, *BaseException) {
	switch v := x.(type) {
	case *GenericAlias:
		h0, exc := Hash(v.Origin)
		if exc != nil {
			return 0, true, exc
		}
		h1, exc := Hash(v.Args)
		return h0 ^ h1, true, exc
	case *UnionType:
		var h int64
		for _, m := range v.Args.Items {
			hm, exc := Hash(m)
			if exc != nil {
				return 0, true, exc
			}
			h ^= hm
		}
		return h, true, nil
	}
	return 0, false, nil
}

func init() { deferMethods(installAliasMethods) }

// installAliasMethods gives the builtin containers __class_getitem__ and
// GenericAlias and UnionType their members (made on first use: lazydict.go).
func installAliasMethods() {
	for _, t := range []*Type{ListType, DictType, SetType, FrozenSetType, TupleType, TypeType} {
		AddClassGetItem(t)
	}
	getter := func(t *Type, name string, get func(x Object) Object) {
		t.Dict.SetStr(name, &Property{Get: &Builtin{Name: name, Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
			return get(args[0]), nil
		}}})
	}
	getter(GenericAliasType, "__origin__", func(x Object) Object { return x.(*GenericAlias).Origin })
	getter(GenericAliasType, "__args__", func(x Object) Object { return x.(*GenericAlias).Args })
	getter(GenericAliasType, "__parameters__", func(Object) Object { return NewTuple() })
	getter(UnionTypeType, "__args__", func(x Object) Object { return x.(*UnionType).Args })
	GenericAliasType.Dict.SetStr("__mro_entries__", &Method{Name: "__mro_entries__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		o := self.(*GenericAlias).Origin
		if _, ok := o.(*Type); !ok {
			if _, ok := o.Type().lookup("__mro_entries__"); ok {
				return CallMethod(o, "__mro_entries__", args, nil) // typing.Generic[T]
			}
		}
		return NewTuple(o), nil
	}})
}
