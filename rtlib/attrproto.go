package rtlib

// The attribute protocol of classes: __setattr__, __delattr__ and
// __getattr__ defined in Python (object's own are the plain behaviour, and
// object.__setattr__(self, name, v) reaches it from an override), and
// property setters.

var objectSetattr, objectDelattr Object

func init() {
	objectSetattr = &Method{Name: "__setattr__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("__setattr__", args, 2, 2); exc != nil {
			return nil, exc
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[0].Type().Name)
		}
		return None, plainSetAttr(self, string(name), args[1])
	}}
	objectDelattr = &Method{Name: "__delattr__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("__delattr__", args, 1, 1); exc != nil {
			return nil, exc
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[0].Type().Name)
		}
		return None, plainDelAttr(self, string(name))
	}}
	deferMethods(func() {
		ObjectType.Dict.SetStr("__setattr__", objectSetattr)
		ObjectType.Dict.SetStr("__delattr__", objectDelattr)
	})
}

// userDataDescriptors is set once a class defines __set__ or __delete__
// (BuildClass, or assigned later): until then no class attribute is a data
// descriptor written in Python, and reading an instance's attribute need
// not look at its class first.
var userDataDescriptors bool

// descrGet is type(d).__get__ when d is an instance of a class that
// defines it: a descriptor written in Python.
func descrGet(d Object) (Object, bool) {
	inst, ok := d.(*Instance)
	if !ok {
		return nil, false
	}
	return inst.Class.lookup("__get__")
}

// isDataDescriptor reports whether d is an instance of a class defining
// __set__ or __delete__.
func isDataDescriptor(d Object) bool {
	inst, ok := d.(*Instance)
	if !ok {
		return false
	}
	if _, ok := inst.Class.lookup("__set__"); ok {
		return true
	}
	_, ok = inst.Class.lookup("__delete__")
	return ok
}

// userSetattr is a class's own __setattr__ (nil when it is object's).
func userHook(t *Type, name string, plain Object) Object {
	if m, ok := t.lookup(name); ok && m != plain {
		return m
	}
	return nil
}

// plainSetAttr is object.__setattr__ on an instance: a property's setter,
// or the instance dict.
func plainSetAttr(obj Object, name string, v Object) *BaseException {
	inst, ok := obj.(*Instance)
	if !ok {
		return SetAttr(obj, name, v)
	}
	if m, ok := inst.Class.lookup(name); ok {
		if p, ok := m.(*Property); ok {
			if p.Set == nil || p.Set == None {
				return Errorf(AttributeErrorType, "property '%s' of '%s' object has no setter", name, inst.Class.Name)
			}
			_, exc := Call(p.Set, []Object{obj, v}, nil)
			return exc
		}
		if d, ok := m.(*Instance); ok {
			if set, ok := d.Class.lookup("__set__"); ok {
				_, exc := Call(set, []Object{m, obj, v}, nil)
				return exc
			}
		}
	}
	if !slotAllows(inst.Class, name) {
		return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", inst.Class.Name, name)
	}
	inst.Attrs.SetStr(name, v)
	return nil
}

// slotAllows reports whether an instance of t may have the attribute name:
// when every class of the MRO but object declares __slots__, only the
// declared names (and no __dict__) exist.
func slotAllows(t *Type, name string) bool {
	for _, c := range t.MRO {
		if c == ObjectType {
			continue
		}
		s, ok := c.Dict.GetStr("__slots__")
		if !ok {
			return true
		}
		if str, ok := s.(Str); ok {
			s = NewTuple(str)
		}
		items, exc := toSlice(s)
		if exc != nil {
			return true
		}
		for _, it := range items {
			if n, ok := it.(Str); ok && (string(n) == name || n == "__dict__") {
				return true
			}
		}
	}
	return false
}

// getitemIter iterates an object that has __getitem__ but no __iter__:
// x[0], x[1], … until IndexError.
type getitemIter struct {
	seq  Object
	i    int64
	done bool
}

func (*getitemIter) Type() *Type { return iteratorType }

func (g *getitemIter) NextValue() (Object, bool, *BaseException) {
	if g.done {
		return nil, false, nil
	}
	v, exc := GetItem(g.seq, Int(g.i))
	if exc != nil {
		g.done = true
		if exc.Class.IsSubtype(IndexErrorType) || exc.Class.IsSubtype(StopIterationType) {
			return nil, false, nil
		}
		return nil, false, exc
	}
	g.i++
	return v, true, nil
}

func plainDelAttr(obj Object, name string) *BaseException {
	if inst, ok := obj.(*Instance); ok {
		if m, ok := inst.Class.lookup(name); ok {
			if p, ok := m.(*Property); ok {
				if p.Del == nil || p.Del == None {
					return Errorf(AttributeErrorType, "property '%s' of '%s' object has no deleter", name, inst.Class.Name)
				}
				_, exc := Call(p.Del, []Object{obj}, nil)
				return exc
			}
			if d, ok := m.(*Instance); ok {
				if del, ok := d.Class.lookup("__delete__"); ok {
					_, exc := Call(del, []Object{m, obj}, nil)
					return exc
				}
			}
		}
	}
	if attrs := instanceAttrs(obj); attrs != nil {
		if attrs.DelStr(name) {
			return nil
		}
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, name)
}

// PlainSetAttr is object.__setattr__(obj, name, v): it bypasses a class's
// own __setattr__ (a frozen dataclass's __init__ uses it).
func PlainSetAttr(obj Object, name string, v Object) *BaseException {
	return plainSetAttr(obj, name, v)
}

// object.__new__ (a static method: cls comes first) and
// object.__init_subclass__ (a class method that does nothing).
var objectNew, objectInitSubclass Object

func init() {
	objectNew = &StaticMethod{Fn: &Builtin{Name: "__new__", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "object.__new__(): not enough arguments")
		}
		t, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeErrorType, "object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
		}
		if t.IsSubtype(BaseExceptionType) {
			return &BaseException{Class: t, Args: NewTuple(args[1:]...), Attrs: NewDict()}, nil
		}
		if len(args) > 1 || len(kw) > 0 {
			if nw, _ := t.lookup("__new__"); nw != objectNew {
				return nil, Errorf(TypeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)")
			}
			if !hasOwnInit(t) {
				return nil, Errorf(TypeErrorType, "%s() takes no arguments", t.Name)
			}
		}
		return &Instance{Class: t, Attrs: NewDict()}, nil
	}}}
	objectInitSubclass = &ClassMethod{Fn: &Builtin{Name: "__init_subclass__", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(kw) > 0 {
			return nil, Errorf(TypeErrorType, "%s.__init_subclass__() takes no keyword arguments", args[0].(*Type).Name)
		}
		return None, nil
	}}}
	deferMethods(func() {
		ObjectType.Dict.SetStr("__new__", objectNew)
		ObjectType.Dict.SetStr("__init_subclass__", objectInitSubclass)
	})
}
