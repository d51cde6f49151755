package rtlib

// Meta is what a metaclass implemented in Go (enum's EnumType) adds to the
// classes that derive from a type carrying it: a hook run when such a class
// is created, and the behaviour of the class object itself when called,
// subscripted, iterated, measured, searched and printed. A nil hook means
// the ordinary behaviour of type.
type Meta struct {
	Name      string // the metaclass's name, for type(cls)
	InitClass func(t *Type) *BaseException
	Call      func(t *Type, args []Object, kw []KwArg) (Object, *BaseException)
	GetItem   func(t *Type, key Object) (Object, *BaseException)
	Iter      func(t *Type) (Object, *BaseException)
	Len       func(t *Type) (int, *BaseException)
	Contains  func(t *Type, x Object) (bool, *BaseException)
	Repr      func(t *Type) (Str, *BaseException)
	SetAttr   func(t *Type, name string, v Object) *BaseException
}

// MetaOf is the Meta of t's nearest base that has one (nil if none).
func MetaOf(t *Type) *Meta {
	for _, m := range t.MRO {
		if m.Meta != nil {
			return m.Meta
		}
	}
	return nil
}

// NewClass makes a class (for modules written in Go) with the given bases.
func NewClass(name, module string, bases ...*Type) *Type {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	t := newType(name, bases...)
	t.Module = module
	return t
}

// DefMethod defines a method implemented in Go on t.
func DefMethod(t *Type, name string, fn func(self Object, args []Object, kw []KwArg) (Object, *BaseException)) {
	defMethod(t, name, fn)
}

// NewInstance makes a bare instance of a class, without calling __init__.
func NewInstance(t *Type) *Instance { return &Instance{Class: t, Attrs: NewDict()} }

// LookupAttr finds name along t's MRO (a class attribute or method).
func LookupAttr(t *Type, name string) (Object, bool) { return t.lookup(name) }
