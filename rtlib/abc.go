package rtlib

// The abstract base classes of collections.abc (CPython 3.12's
// Lib/_collections_abc.py), as isinstance and issubclass see them: the
// one-trick classes (Iterable, Awaitable, Sized, …) recognize any class
// that has their special methods (its own, or a builtin class's, which
// this runtime implements by Go type rather than in the class's dict:
// builtinMethods), the others the builtin classes CPython registers with
// them and the classes a program registers (Mapping.register(C)).
// Subscripting one gives a GenericAlias (Callable[[int], str]). A program
// cannot derive a class from them yet (their mixin methods are not
// there): that is a TypeError, not a class that fails later.

// abcMeta is abc.ABCMeta, the metaclass of the ABCs.
var abcMeta = &Meta{Name: "ABCMeta"}

// abcClass is what an ABC knows about its instances.
type abcClass struct {
	t *Type
	// methods are the special methods whose presence makes a class a
	// virtual subclass of a one-trick ABC (nil for the others).
	methods []string
	// members are the builtin classes CPython registers with it, then
	// the classes register() added.
	members []*Type
	bases   []*abcClass
	subs    []*abcClass // the ABCs that derive from it
}

var abcs = map[*Type]*abcClass{}

// isSubclass is issubclass(c, a.t) (ABCMeta.__subclasscheck__): c is a.t
// or derives from it, one of its members, a subclass of one of its
// sub-ABCs, or has its methods.
func (a *abcClass) isSubclass(c *Type) bool {
	if c.IsSubtype(a.t) {
		return true
	}
	for _, m := range a.members {
		if c.IsSubtype(m) {
			return true
		}
	}
	for _, s := range a.subs {
		if s.isSubclass(c) {
			return true
		}
	}
	return a.methods != nil && hasMethods(c, a.methods)
}

// hasMethods is _collections_abc._check_methods: every name is defined
// along c's MRO, and not as None.
func hasMethods(c *Type, names []string) bool {
	for _, n := range names {
		if !hasMethod(c, n) {
			return false
		}
	}
	return true
}

func hasMethod(c *Type, n string) bool {
	for _, m := range c.MRO {
		if v, ok := m.Dict.GetStr(n); ok {
			return v != None
		}
		if n == "__hash__" {
			if unhashableBuiltins[m] {
				return false
			}
			// A class defined in Python with __eq__ and no __hash__ has
			// __hash__ = None in its dict, in CPython.
			if eq, ok := m.Dict.GetStr("__eq__"); ok {
				if _, py := eq.(*Function); py {
					return false
				}
			}
			continue
		}
		for _, b := range builtinMethods[m] {
			if b == n {
				return true
			}
		}
	}
	return n == "__hash__" // object.__hash__
}

// builtinMethods are special methods of builtin classes that the runtime
// implements by their instances' Go types.
var builtinMethods = map[*Type][]string{}

// unhashableBuiltins are the builtin classes whose __hash__ is None.
var unhashableBuiltins = map[*Type]bool{}

// moduleBuiltinMethods are the builtinMethods of modules' classes
// (AddBuiltinMethods), merged in when collections.abc is made.
var moduleBuiltinMethods = map[*Type][]string{}

// AddBuiltinMethods records special methods of a module's class that its
// instances' Go type implements, for the one-trick ABCs (asyncio.Future's
// __await__).
func AddBuiltinMethods(t *Type, names ...string) {
	moduleBuiltinMethods[t] = append(moduleBuiltinMethods[t], names...)
}

// initBuiltinMethods fills builtinMethods and unhashableBuiltins, when
// collections.abc is first imported (most programs never need them).
func initBuiltinMethods() {
	seq := []string{"__iter__", "__len__", "__contains__", "__getitem__"}
	for t, ms := range map[*Type][]string{
		StrType:            seq,
		TupleType:          seq,
		ListType:           append(seq, "__reversed__", "__setitem__"),
		rangeType:          append(seq, "__reversed__"),
		DictType:           {"__iter__", "__len__", "__contains__", "__getitem__", "__reversed__"},
		SetType:            {"__iter__", "__len__", "__contains__"},
		FrozenSetType:      {"__iter__", "__len__", "__contains__"},
		dictKeysType:       {"__iter__", "__len__", "__contains__", "__reversed__"},
		dictItemsType:      {"__iter__", "__len__", "__contains__", "__reversed__"},
		dictValuesType:     {"__iter__", "__len__", "__reversed__"},
		GeneratorType:      {"__iter__", "__next__", "send", "throw", "close"},
		CoroutineType:      {"__await__", "send", "throw", "close"},
		AsyncGeneratorType: {"__aiter__", "__anext__", "asend", "athrow", "aclose"},
		FunctionType:       {"__call__"},
		BuiltinType:        {"__call__"},
		MethodType:         {"__call__"},
		TypeType:           {"__call__"},
	} {
		builtinMethods[t] = ms
	}
	for _, t := range []*Type{iteratorType, callableIteratorType, mapType, enumerateType, zipType, filterType, reversedType} {
		builtinMethods[t] = []string{"__iter__", "__next__"}
	}
	for _, t := range []*Type{ListType, DictType, SetType, dictKeysType, dictItemsType} {
		unhashableBuiltins[t] = true
	}
	for t, ms := range moduleBuiltinMethods {
		builtinMethods[t] = append(builtinMethods[t], ms...)
	}
}

// newABC makes the ABC name of collections.abc.
func newABC(name string, methods []string, bases ...*abcClass) *abcClass {
	tb := []*Type{ObjectType}
	if len(bases) > 0 {
		tb = tb[:0]
		for _, b := range bases {
			tb = append(tb, b.t)
		}
	}
	t := NewClass(name, "collections.abc", tb...)
	t.Meta = abcMeta
	t.Final = true
	a := &abcClass{t: t, methods: methods, bases: bases}
	for _, b := range bases {
		b.subs = append(b.subs, a)
	}
	abcs[t] = a
	AddClassGetItem(t)
	t.Dict.SetStr("register", &ClassMethod{Fn: &Builtin{Name: "register", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) != 2 || len(kw) != 0 {
			return nil, Errorf(TypeErrorType, "register() takes exactly one argument (%d given)", len(args)-1)
		}
		c, ok := args[1].(*Type)
		if !ok {
			return nil, Errorf(TypeErrorType, "Can only register classes")
		}
		a := abcs[args[0].(*Type)]
		a.members = append(a.members, c)
		return c, nil
	}}})
	return a
}

// abcModule is collections.abc, made once.
var abcModule *Module

// extraMembers are registrations of modules' classes with ABCs, by ABC
// name (RegisterWithABC), applied when collections.abc is made.
var extraMembers = map[string][]*Type{}

// RegisterWithABC registers the class t with the ABC name of
// collections.abc, as CPython's modules do (MutableSequence.register(deque)).
func RegisterWithABC(name string, t *Type) {
	extraMembers[name] = append(extraMembers[name], t)
}

// ABCModule is the collections.abc module.
func ABCModule() *Module {
	if abcModule != nil {
		return abcModule
	}
	initBuiltinMethods()
	m := NewModule("collections.abc")
	one := func(name string, methods ...string) *abcClass { return newABC(name, methods) }
	hashable := one("Hashable", "__hash__")
	awaitable := one("Awaitable", "__await__")
	coroutine := newABC("Coroutine", []string{"__await__", "send", "throw", "close"}, awaitable)
	asyncIterable := one("AsyncIterable", "__aiter__")
	asyncIterator := newABC("AsyncIterator", []string{"__aiter__", "__anext__"}, asyncIterable)
	asyncGenerator := newABC("AsyncGenerator", []string{"__aiter__", "__anext__", "asend", "athrow", "aclose"}, asyncIterator)
	iterable := one("Iterable", "__iter__")
	iterator := newABC("Iterator", []string{"__iter__", "__next__"}, iterable)
	reversible := newABC("Reversible", []string{"__reversed__", "__iter__"}, iterable)
	generator := newABC("Generator", []string{"__iter__", "__next__", "send", "throw", "close"}, iterator)
	sized := one("Sized", "__len__")
	container := one("Container", "__contains__")
	collection := newABC("Collection", []string{"__len__", "__iter__", "__contains__"}, sized, iterable, container)
	callable := one("Callable", "__call__")
	set := newABC("Set", nil, collection)
	mutableSet := newABC("MutableSet", nil, set)
	mapping := newABC("Mapping", nil, collection)
	mutableMapping := newABC("MutableMapping", nil, mapping)
	mappingView := newABC("MappingView", nil, sized)
	keysView := newABC("KeysView", nil, mappingView, set)
	itemsView := newABC("ItemsView", nil, mappingView, set)
	valuesView := newABC("ValuesView", nil, mappingView, collection)
	sequence := newABC("Sequence", nil, reversible, collection)
	mutableSequence := newABC("MutableSequence", nil, sequence)
	// The registrations of _collections_abc.py that this runtime has the
	// classes of.
	set.members = []*Type{FrozenSetType}
	mutableSet.members = []*Type{SetType}
	mutableMapping.members = []*Type{DictType}
	keysView.members = []*Type{dictKeysType}
	itemsView.members = []*Type{dictItemsType}
	valuesView.members = []*Type{dictValuesType}
	sequence.members = []*Type{TupleType, StrType, rangeType}
	mutableSequence.members = []*Type{ListType}
	for _, a := range []*abcClass{awaitable, coroutine, asyncIterable, asyncIterator, asyncGenerator, hashable,
		iterable, iterator, reversible, generator, sized, container, callable, collection, set, mutableSet,
		mapping, mutableMapping, mappingView, keysView, itemsView, valuesView, sequence, mutableSequence} {
		m.Dict.SetStr(a.t.Name, a.t)
		a.members = append(a.members, extraMembers[a.t.Name]...)
	}
	abcModule = m
	return m
}

// abcSubclass is issubclass(c, t) for t one of collections.abc's classes
// (isinstance(x, t) is abcSubclass(t, type(x))); ok is false for any other
// class.
func abcSubclass(t, c *Type) (is, ok bool) {
	a, ok := abcs[t]
	if !ok {
		return false, false
	}
	return a.isSubclass(c), true
}
