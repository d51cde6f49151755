package rtlib

import (
	"math/big"
	"sort"
	"strings"
)

// Instance is an instance of a user-defined class.
type Instance struct {
	Class *Type
	Attrs *Dict
}

// Type returns the instance's class.
func (i *Instance) Type() *Type { return i.Class }

// BoundMethod is a function bound to an instance.
type BoundMethod struct {
	Self Object
	Fn   Object
}

// Type returns method.
func (*BoundMethod) Type() *Type { return MethodType }

// Type returns the type of Go-implemented methods.
func (*Method) Type() *Type { return BuiltinType }

// RecursionLimit is sys.getrecursionlimit(): how deep calls of Python
// functions nest before RecursionError (instead of overflowing Go's stack).
var RecursionLimit = 1000

// callDepth is how deep calls of Python functions nest: CPython's
// recursion depth, which counts the module's own frame, so it starts at 1.
var callDepth = 1

// CallDepth is CPython's recursion depth at this point: 1 in module-level
// code, 2 in a function it calls (sys.setrecursionlimit refuses a limit
// no greater).
func CallDepth() int { return callDepth }

// EnterCall counts a call of a Python function made directly by generated
// code (not through Call): RecursionError once RecursionLimit calls nest.
// LeaveCall ends it.
func EnterCall() *BaseException {
	if callDepth >= RecursionLimit {
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	callDepth++
	return nil
}

// EnterFrames counts n frames of CPython's Python code that the runtime
// runs in Go (asyncio.run's event loop), so that the depth of the code
// they call is CPython's: RecursionError if they would pass
// RecursionLimit. LeaveFrames(n) ends them.
func EnterFrames(n int) *BaseException {
	if callDepth+n > RecursionLimit {
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	callDepth += n
	return nil
}

// LeaveFrames ends the frames begun with EnterFrames(n).
func LeaveFrames(n int) { callDepth -= n }

// LeaveCall ends a call begun with EnterCall.
func LeaveCall() { callDepth-- }

// Call calls fn with positional and keyword arguments.
func Call(fn Object, args []Object, kw []KwArg) (Object, *BaseException) {
	switch f := fn.(type) {
	case *Function:
		bound, exc := bindArgs(f, args, kw)
		if exc != nil {
			return nil, exc
		}
		if callDepth >= RecursionLimit {
			return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
		}
		callDepth++
		r, exc := f.Impl(f, bound)
		callDepth--
		return r, exc
	case *Builtin:
		return f.call(args, kw)
	case *BoundMethod:
		if m, ok := f.Fn.(*Method); ok {
			return m.call(f.Self, args, kw)
		}
		all := make([]Object, 0, len(args)+1)
		all = append(append(all, f.Self), args...)
		return Call(f.Fn, all, kw)
	case *Method:
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "descriptor '%s' needs an argument", f.Name)
		}
		return f.call(args[0], args[1:], kw)
	case *StaticMethod:
		return Call(f.Fn, args, kw)
	case *Type:
		return instantiate(f, args, kw)
	case *Instance:
		if m, ok := f.Class.lookup("__call__"); ok {
			return Call(&BoundMethod{Self: f, Fn: m}, args, kw)
		}
	case interface {
		Call([]Object, []KwArg) (Object, *BaseException)
	}:
		return f.Call(args, kw)
	}
	return nil, Errorf(TypeErrorType, "'%s' object is not callable", fn.Type().Name)
}

// bindArgs lays a call's arguments out as fn.Sig describes.
func bindArgs(fn *Function, args []Object, kw []KwArg) ([]Object, *BaseException) {
	sig := fn.Sig
	name := sig.Name
	if name == "" {
		name = fn.Name
	}
	nparams := sig.Pos + sig.KwOnly
	out := make([]Object, len(sig.Params))
	if len(args) > sig.Pos && !sig.VarArgs {
		given := "were"
		if len(args) == 1 {
			given = "was"
		}
		plural := "s"
		if sig.Pos == 1 {
			plural = ""
		}
		if nd := len(fn.Defaults); nd > 0 && nd <= sig.Pos {
			return nil, Errorf(TypeErrorType, "%s() takes from %d to %d positional arguments but %d %s given", name, sig.Pos-nd, sig.Pos, len(args), given)
		}
		return nil, Errorf(TypeErrorType, "%s() takes %d positional argument%s but %d %s given", name, sig.Pos, plural, len(args), given)
	}
	n := len(args)
	if n > sig.Pos {
		n = sig.Pos
	}
	copy(out, args[:n])
	idx := nparams
	if sig.VarArgs {
		var rest []Object
		if len(args) > sig.Pos {
			rest = append(rest, args[sig.Pos:]...)
		}
		out[idx] = NewTuple(rest...)
		idx++
	}
	var kwargs *Dict
	if sig.VarKw {
		kwargs = NewDict()
		out[idx] = kwargs
	}
	for _, k := range kw {
		found := false
		for i := sig.PosOnly; i < nparams; i++ {
			if sig.Params[i] == k.Name {
				if out[i] != nil {
					return nil, Errorf(TypeErrorType, "%s() got multiple values for argument '%s'", name, k.Name)
				}
				out[i] = k.Value
				found = true
				break
			}
		}
		if !found {
			if kwargs == nil {
				return nil, Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", name, k.Name)
			}
			kwargs.SetStr(k.Name, k.Value)
		}
	}
	firstDefault := sig.Pos - len(fn.Defaults)
	var missing []string
	for i := 0; i < sig.Pos; i++ {
		if out[i] == nil {
			if i >= firstDefault {
				out[i] = fn.Defaults[i-firstDefault]
			} else {
				missing = append(missing, "'"+sig.Params[i]+"'")
			}
		}
	}
	if len(missing) > 0 {
		return nil, missingError(name, "positional", missing)
	}
	for i := sig.Pos; i < nparams; i++ {
		if out[i] == nil {
			if d, ok := fn.KwDefaults[sig.Params[i]]; ok {
				out[i] = d
			} else {
				missing = append(missing, "'"+sig.Params[i]+"'")
			}
		}
	}
	if len(missing) > 0 {
		return nil, missingError(name, "keyword-only", missing)
	}
	return out, nil
}

func missingError(name, kind string, missing []string) *BaseException {
	plural := "s"
	if len(missing) == 1 {
		plural = ""
	}
	var list string
	switch len(missing) {
	case 1:
		list = missing[0]
	case 2:
		list = missing[0] + " and " + missing[1]
	default:
		list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
	}
	return Errorf(TypeErrorType, "%s() missing %d required %s argument%s: %s", name, len(missing), kind, plural, list)
}

// hasOwnInit says whether t's __init__ is not object's.
func hasOwnInit(t *Type) bool {
	init, _ := t.lookup("__init__")
	oi, _ := ObjectType.Dict.GetStr("__init__")
	return init != oi
}

func instantiate(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
	if m := MetaOf(t); m != nil && m.Call != nil {
		return m.Call(t, args, kw)
	}
	return Instantiate(t, args, kw)
}

// Instantiate is type.__call__(t, …): what calling the class t does when
// its metaclass does not change it (a Meta.Call that checks first, as
// abc.ABCMeta's, calls it).
func Instantiate(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
	if t.New != nil {
		return t.New(t, args, kw)
	}
	var obj Object
	if nw, ok := t.lookup("__new__"); ok && nw != objectNew {
		if sm, ok := nw.(*StaticMethod); ok {
			nw = sm.Fn
		}
		r, exc := Call(nw, append([]Object{t}, args...), kw)
		if exc != nil {
			return nil, exc
		}
		if !r.Type().IsSubtype(t) {
			return r, nil // __init__ runs only on an instance of t
		}
		obj = r
	} else if t.IsSubtype(BaseExceptionType) {
		obj = &BaseException{Class: t, Args: NewTuple(args...), Attrs: NewDict()}
	} else {
		if (len(args) > 0 || len(kw) > 0) && !hasOwnInit(t) {
			// object_new: neither __new__ nor __init__ takes them.
			return nil, Errorf(TypeErrorType, "%s() takes no arguments", t.Name)
		}
		obj = &Instance{Class: t, Attrs: NewDict()}
	}
	if init, ok := t.lookup("__init__"); ok {
		if _, isGo := init.(*Method); !isGo || !t.IsSubtype(BaseExceptionType) {
			all := append([]Object{obj}, args...)
			r, exc := Call(init, all, kw)
			if exc != nil {
				return nil, exc
			}
			if !IsNone(r) {
				return nil, Errorf(TypeErrorType, "__init__() should return None, not '%s'", r.Type().Name)
			}
		} else if len(kw) > 0 {
			// BaseException.__init__ (_PyArg_NoKeywords).
			return nil, Errorf(TypeErrorType, "%s() takes no keyword arguments", t.Name)
		}
	} else if (len(args) > 0 || len(kw) > 0) && !t.IsSubtype(BaseExceptionType) {
		return nil, Errorf(TypeErrorType, "%s() takes no arguments", t.Name)
	}
	return obj, nil
}

// CallAppend is obj.append(x): on a list (whose methods cannot be
// replaced) the append itself, without the argument slice that
// CallMethod's callee could keep, hence without an allocation per call
// (list comprehensions append each item this way).
func CallAppend(obj, x Object) (Object, *BaseException) {
	if l, ok := obj.(*List); ok {
		l.Items = appendItem(l.Items, x)
		return None, nil
	}
	return CallMethod(obj, "append", []Object{x}, nil)
}

// maxListFor bounds the room NewListFor makes in advance.
const maxListFor = 1 << 20

// NewListFor is the empty list of a comprehension [elt for x in xs] with
// no condition, made with room for as many items as xs has when xs is a
// list, a tuple or a range (no user code runs to know it): building a big
// list does not copy it as it grows (with the GC's write barriers on each
// pointer copied).
func NewListFor(xs Object) (Object, *BaseException) {
	return &List{Items: make([]Object, 0, listForHint(xs))}, nil
}

// CallMethod is obj.name(*args, **kw) without allocating a bound method.
func CallMethod(obj Object, name string, args []Object, kw []KwArg) (Object, *BaseException) {
	if _, isMod := obj.(*Module); !isMod {
		if !isTypeOrSuper(obj) {
			if m, ok := obj.Type().lookup(name); ok {
				if attrs := instanceAttrs(obj); attrs != nil {
					if v, ok := attrs.GetStr(name); ok {
						return Call(v, args, kw)
					}
				}
				switch f := m.(type) {
				case *Method:
					return f.call(obj, args, kw)
				case *Function:
					all := make([]Object, 0, len(args)+1)
					return Call(f, append(append(all, obj), args...), kw)
				case *StaticMethod:
					return Call(f.Fn, args, kw)
				case *ClassMethod:
					all := make([]Object, 0, len(args)+1)
					return Call(f.Fn, append(append(all, obj.Type()), args...), kw)
				}
			}
		}
	}
	fn, exc := GetAttr(obj, name)
	if exc != nil {
		return nil, exc
	}
	return Call(fn, args, kw)
}

// CallMethod1 is obj.name(x): CallMethod with one positional argument and
// no keywords. A module function with a one-argument form (Builtin.Fn1)
// gets x without an argument slice.
func CallMethod1(obj Object, name string, x Object) (Object, *BaseException) {
	if m, ok := obj.(*Module); ok {
		if v, ok := m.Dict.GetStr(name); ok {
			if b, ok := v.(*Builtin); ok && b.Fn1 != nil {
				return b.Fn1(x)
			}
			return Call(v, []Object{x}, nil)
		}
	}
	return CallMethod(obj, name, []Object{x}, nil)
}

// AwaitMethod is `await obj.name(args…)` where the call's result is
// awaited at once and bound to nothing (codegen emits it for that shape):
// CallMethod then GetAwaitable, except that a Go method or module function
// with an Await form (Method.Await, Builtin.Await) gives the coroutine's
// body directly, so that no coroutine object is made and the body can be
// reused once finished (asyncio.Queue.put/get allocate nothing). args
// belong to the caller, which may reuse them once AwaitMethod returns: an
// Await form must not keep the slice.
func AwaitMethod(obj Object, name string, args []Object, kw []KwArg) (Resumable, *BaseException) {
	return awaitMethod(obj, name, args, kw, false)
}

// awaitMethod is AwaitMethod; owned says that args were made for this call
// alone (see AwaitMethodCachedOwned) and need no copy.
func awaitMethod(obj Object, name string, args []Object, kw []KwArg, owned bool) (Resumable, *BaseException) {
	switch o := obj.(type) {
	case *Module:
		if v, ok := o.Dict.GetStr(name); ok {
			if b, ok := v.(*Builtin); ok && b.Await != nil {
				return b.Await(args, kw)
			}
		}
	case *Type, *superObj:
	default:
		if m, ok := obj.Type().lookup(name); ok {
			if bm, ok := m.(*Method); ok && bm.Await != nil {
				shadowed := false
				if attrs := instanceAttrs(obj); attrs != nil {
					_, shadowed = attrs.GetStr(name)
				}
				if !shadowed {
					return bm.Await(obj, args, kw)
				}
			}
		}
	}
	// The caller may reuse args after the call (generated code keeps them
	// in a frame array): what is called here may keep them (*args).
	if !owned {
		args = append([]Object(nil), args...)
	}
	v, exc := CallMethod(obj, name, args, kw)
	if exc != nil {
		return nil, exc
	}
	return GetAwaitable(v)
}

func instanceAttrs(obj Object) *Dict {
	switch o := obj.(type) {
	case *Instance:
		return o.Attrs
	case *BaseException:
		return o.Attrs
	case *Function:
		return o.Dict
	}
	return nil
}

// GetAttr is obj.name.
func GetAttr(obj Object, name string) (Object, *BaseException) {
	switch o := obj.(type) {
	case *Module:
		if v, ok := o.Dict.GetStr(name); ok {
			return v, nil
		}
		return nil, Errorf(AttributeErrorType, "module '%s' has no attribute '%s'", o.Name, name)
	case *Type:
		if v, ok := o.lookup(name); ok {
			if b, ok := bindDescriptor(v, o, o); ok {
				return b, nil
			}
			if get, ok := descrGet(v); ok {
				return Call(get, []Object{v, None, o}, nil)
			}
			return v, nil
		}
		if v, ok := typeSpecialAttr(o, name); ok {
			return v, nil
		}
		return nil, Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", o.Name, name)
	case *Function:
		if o.Dict != nil {
			if v, ok := o.Dict.GetStr(name); ok {
				return v, nil
			}
		}
		switch name {
		case "__name__":
			return Str(o.Name), nil
		case "__qualname__":
			return Str(o.Qualname), nil
		case "__module__":
			return Str(o.Module), nil
		case "__doc__":
			if o.Doc != nil {
				return o.Doc, nil
			}
			return None, nil
		case "__dict__":
			if o.Dict == nil {
				o.Dict = NewDict()
			}
			return o.Dict, nil
		}
	case *Builtin:
		// builtin_function_or_method's names (not yet __module__: a
		// builtin does not record its module).
		switch name {
		case "__name__", "__qualname__":
			return Str(o.Name), nil
		}
	case *BoundMethod:
		switch name {
		case "__self__":
			return o.Self, nil
		case "__func__":
			return o.Fn, nil
		}
		if _, isFn := o.Fn.(*Function); isFn {
			return GetAttr(o.Fn, name) // method_getattro: the function's attributes
		}
	case *Coroutine:
		switch name {
		case "__name__":
			return Str(o.Func().Name), nil
		case "__qualname__":
			return Str(o.Func().Qualname), nil
		case "cr_running":
			return Bool(o.Running()), nil
		case "cr_suspended":
			return Bool(o.state() == coSuspended), nil
		}
	case *Generator:
		switch name {
		case "__name__":
			return Str(o.Fn.Name), nil
		case "__qualname__":
			return Str(o.Fn.Qualname), nil
		}
	case *BaseException:
		if v, ok := groupAttr(o, name); ok {
			return v, nil
		}
		if v, ok := excAttr(o, name); ok {
			return v, nil
		}
		switch name {
		case "args":
			return o.Args, nil
		case "__cause__":
			if o.Cause == nil {
				return None, nil
			}
			return o.Cause, nil
		case "__context__":
			if o.Context == nil {
				return None, nil
			}
			return o.Context, nil
		}
	}
	if userDataDescriptors {
		// A data descriptor of the class comes before the instance's own
		// attribute (PyObject_GenericGetAttr).
		if inst, ok := obj.(*Instance); ok {
			if d, ok := inst.Class.lookup(name); ok && isDataDescriptor(d) {
				if get, ok := descrGet(d); ok {
					return Call(get, []Object{d, obj, inst.Class}, nil)
				}
			}
		}
	}
	if attrs := instanceAttrs(obj); attrs != nil {
		if v, ok := attrs.GetStr(name); ok {
			return v, nil
		}
		if name == "__dict__" {
			if inst, ok := obj.(*Instance); !ok || slotAllows(inst.Class, "__dict__") {
				return attrs, nil
			}
			// Every class declares __slots__ without __dict__: none.
			return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '__dict__'", obj.Type().Name)
		}
	}
	if name == "__class__" {
		return obj.Type(), nil
	}
	if s, ok := obj.(*superObj); ok {
		if m, ok := s.lookup(name); ok {
			switch f := m.(type) {
			case *Function, *Method:
				return &BoundMethod{Self: s.self, Fn: m}, nil
			case *ClassMethod:
				cls, ok := s.self.(*Type)
				if !ok {
					cls = s.self.Type()
				}
				return &BoundMethod{Self: cls, Fn: f.Fn}, nil
			case *StaticMethod:
				return f.Fn, nil
			case *Property:
				return Call(f.Get, []Object{s.self}, nil)
			}
			return m, nil
		}
		return nil, Errorf(AttributeErrorType, "'super' object has no attribute '%s'", name)
	}
	if m, ok := obj.Type().lookup(name); ok {
		if p, ok := m.(*Property); ok {
			return Call(p.Get, []Object{obj}, nil)
		}
		if b, ok := bindDescriptor(m, obj, nil); ok {
			return b, nil
		}
		if get, ok := descrGet(m); ok {
			return Call(get, []Object{m, obj, obj.Type()}, nil)
		}
		switch m.(type) {
		case *Function, *Method:
			return &BoundMethod{Self: obj, Fn: m}, nil
		}
		return m, nil
	}
	if inst, ok := obj.(*Instance); ok {
		if m, ok := inst.Class.lookup("__getattr__"); ok {
			return Call(m, []Object{obj, Str(name)}, nil)
		}
	}
	return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, name)
}

// SetAttr is obj.name = v.
func SetAttr(obj Object, name string, v Object) *BaseException {
	switch o := obj.(type) {
	case *Instance:
		if m := userHook(o.Class, "__setattr__", objectSetattr); m != nil {
			_, exc := Call(m, []Object{obj, Str(name), v}, nil)
			return exc
		}
		return plainSetAttr(obj, name, v)
	case *BaseException:
		if o.Attrs == nil {
			o.Attrs = NewDict()
		}
		o.Attrs.SetStr(name, v)
		return nil
	case *Function:
		switch name {
		case "__name__", "__qualname__":
			s, ok := v.(Str)
			if !ok {
				return Errorf(TypeErrorType, "%s must be set to a string object", name)
			}
			if name == "__name__" {
				o.Name = string(s)
			} else {
				o.Qualname = string(s)
			}
			return nil
		case "__module__":
			if s, ok := v.(Str); ok {
				o.Module = string(s)
			}
			return nil
		case "__doc__":
			o.Doc = v
			return nil
		}
		if o.Dict == nil {
			o.Dict = NewDict()
		}
		o.Dict.SetStr(name, v)
		return nil
	case *Type:
		if m := MetaOf(o); m != nil && m.SetAttr != nil {
			return m.SetAttr(o, name, v)
		}
		if name == "__set__" || name == "__delete__" {
			userDataDescriptors = true
		}
		o.Dict.SetStr(name, v)
		return nil
	case *Module:
		o.Dict.SetStr(name, v)
		return nil
	}
	// A runtime object's attribute that its type exposes as a property
	// (asyncio.Semaphore's _value, say): its setter, or CPython's error
	// for a property without one.
	if m, ok := obj.Type().lookup(name); ok {
		if p, ok := m.(*Property); ok {
			if p.Set == nil || p.Set == None {
				return Errorf(AttributeErrorType, "property '%s' of '%s' object has no setter", name, obj.Type().Name)
			}
			_, exc := Call(p.Set, []Object{obj, v}, nil)
			return exc
		}
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, name)
}

// BuildClass creates a class from its executed body's namespace.
func BuildClass(name, qualname string, bases []Object, ns *Dict, kw []KwArg) (Object, *BaseException) {
	var bt []*Type
	resolved := false
	for _, b := range bases {
		if t, ok := b.(*Type); ok {
			bt = append(bt, t)
			continue
		}
		// types.resolve_bases: a base that is not a class names the
		// classes it stands for (Generic[T], list[int]).
		if _, ok := b.Type().lookup("__mro_entries__"); !ok {
			return nil, Errorf(TypeErrorType, "bases must be types")
		}
		r, exc := CallMethod(b, "__mro_entries__", []Object{NewTuple(bases...)}, nil)
		if exc != nil {
			return nil, exc
		}
		entries, ok := r.(*Tuple)
		if !ok {
			return nil, Errorf(TypeErrorType, "__mro_entries__ must return a tuple")
		}
		for _, e := range entries.Items {
			t, ok := e.(*Type)
			if !ok {
				return nil, Errorf(TypeErrorType, "bases must be types")
			}
			bt = append(bt, t)
		}
		resolved = true
	}
	if resolved {
		ns.SetStr("__orig_bases__", NewTuple(bases...))
	}
	if len(bt) == 0 {
		bt = []*Type{ObjectType}
	}
	for _, b := range bt {
		for _, m := range b.MRO {
			if m.Final {
				return nil, Errorf(TypeErrorType, "async2go does not support subclassing %s.%s yet (class %s)", m.Module, m.Name, name)
			}
		}
	}
	if _, ok := c3(bt); !ok {
		return nil, mroError(bt)
	}
	t := newType(name, bt...)
	if MetaOf(t) == nil {
		// A str, int, float or tuple is a Go value; an instance of a
		// plain Python subclass would carry none, and print, compare and
		// add as an object. (Enum's members with such a mixin are made by
		// its Go metaclass.)
		for _, b := range bt {
			if b == StrType || b == IntType || b == FloatType || b == TupleType {
				return nil, Errorf(TypeErrorType, "async2go does not support subclassing the builtin '%s' yet (class %s)", b.Name, name)
			}
		}
	}
	t.Module = "__main__"
	if m, ok := ns.GetStr("__module__"); ok {
		if s, ok := m.(Str); ok {
			t.Module = string(s)
		}
	}
	if qualname != name {
		t.Qualname = qualname
	}
	t.Dict = ns
	if m := MetaOf(t); m != nil && m.InitClass != nil {
		if exc := m.InitClass(t); exc != nil {
			return nil, exc
		}
	}
	// Descriptors written in Python: a class that defines __set__ or
	// __delete__ makes instance attribute reads look at the class first
	// from now on, and each attribute whose class defines __set_name__ is
	// told its owner and name (type_new_set_names), in the body's order.
	if _, ok := ns.GetStr("__set__"); ok {
		userDataDescriptors = true
	} else if _, ok := ns.GetStr("__delete__"); ok {
		userDataDescriptors = true
	}
	type setName struct {
		name  Str
		value *Instance
		hook  Object
	}
	var named []setName
	ns.Items(func(k, v Object) {
		key, isStr := k.(Str)
		if inst, ok := v.(*Instance); ok && isStr {
			if m, ok := inst.Class.lookup("__set_name__"); ok {
				named = append(named, setName{key, inst, m})
			}
		}
	})
	for _, n := range named {
		if _, exc := Call(n.hook, []Object{n.value, t, n.name}, nil); exc != nil {
			return nil, exc
		}
	}
	// __init_subclass__ of the nearest base that defines it (an implicit
	// classmethod), called with the class keywords.
	for _, b := range t.MRO[1:] {
		if b.Dict.lazy != nil && !b.Dict.lazy.made {
			// Of the runtime's classes only object defines it, and its
			// does nothing (object is last): no need to make their
			// method tables to know.
			continue
		}
		if h, ok := b.Dict.GetStr("__init_subclass__"); ok {
			if h == objectInitSubclass {
				break
			}
			switch f := h.(type) {
			case *ClassMethod:
				h = f.Fn
			case *StaticMethod:
				h = f.Fn
			}
			if _, exc := Call(h, []Object{t}, kw); exc != nil {
				return nil, exc
			}
			break
		}
	}
	return t, nil
}

// ExceptionMatches reports whether exc is an instance of cls (a class or a
// tuple of classes).
func ExceptionMatches(exc *BaseException, cls Object) (bool, *BaseException) {
	switch c := cls.(type) {
	case *Type:
		if !c.IsSubtype(BaseExceptionType) {
			return false, Errorf(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
		}
		return exc.Class.IsSubtype(c), nil
	case *Tuple:
		for _, it := range c.Items {
			if ok, e := ExceptionMatches(exc, it); e != nil || ok {
				return ok, e
			}
		}
		return false, nil
	}
	return false, Errorf(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
}

// Raise turns the operand of `raise x` into the exception to propagate.
func Raise(x Object, context *BaseException) *BaseException {
	var exc *BaseException
	switch v := x.(type) {
	case *BaseException:
		exc = v
	case *Type:
		if !v.IsSubtype(BaseExceptionType) {
			return Errorf(TypeErrorType, "exceptions must derive from BaseException")
		}
		o, e := Call(v, nil, nil)
		if e != nil {
			return e
		}
		b, ok := o.(*BaseException)
		if !ok {
			return Errorf(TypeErrorType, "exceptions must derive from BaseException")
		}
		exc = b
	default:
		return Errorf(TypeErrorType, "exceptions must derive from BaseException")
	}
	if context != nil && context != exc && exc.Context == nil {
		exc.Context = context
	}
	return exc
}

// RaiseFrom is `raise x from cause`.
func RaiseFrom(x, cause Object, context *BaseException) *BaseException {
	exc := Raise(x, context)
	if exc.Class == TypeErrorType && exc.Context == nil && x != exc {
		return exc
	}
	switch c := cause.(type) {
	case NoneType:
		exc.Cause = nil
	case *BaseException:
		exc.Cause = c
	case *Type:
		ce := Raise(c, nil)
		exc.Cause = ce
	}
	exc.SuppressContext = true
	return exc
}

// Iter is iter(x).
func Iter(x Object) (Object, *BaseException) {
	switch v := x.(type) {
	case *List:
		return &seqIter{items: func() []Object { return v.Items }, t: listIterType}, nil
	case *Tuple:
		return &seqIter{items: func() []Object { return v.Items }, t: tupleIterType}, nil
	case *Set:
		keys := v.items()
		return &seqIter{items: func() []Object { return keys }, t: setIterType}, nil
	case *dictView:
		return &dictViewIter{v: v, items: v.elems(), n: v.d.Len()}, nil
	case Str:
		rs := []rune(string(v))
		items := make([]Object, len(rs))
		for i, r := range rs {
			items[i] = Str(string(r))
		}
		t := strASCIIIterType
		if len(rs) != len(v) {
			t = strIterType
		}
		return &seqIter{items: func() []Object { return items }, t: t}, nil
	case *Dict:
		dv := &dictView{d: v, kind: viewKeys}
		return &dictViewIter{v: dv, items: dv.elems(), n: v.Len()}, nil
	case *rangeObj:
		return v.iter(), nil
	case *bigRange:
		return v.iter(), nil
	case *Type:
		if m := MetaOf(v); m != nil && m.Iter != nil {
			return m.Iter(v)
		}
	case Iterator:
		return x, nil
	}
	if _, ok := x.Type().lookup("__iter__"); ok {
		return CallMethod(x, "__iter__", nil, nil)
	}
	if _, ok := x.(*Instance); ok {
		if _, ok := x.Type().lookup("__getitem__"); ok {
			return &getitemIter{seq: x}, nil // the old sequence protocol
		}
	}
	return nil, Errorf(TypeErrorType, "'%s' object is not iterable", x.Type().Name)
}

// Iterator is implemented by Go-side iterators.
type Iterator interface {
	Object
	NextValue() (Object, bool, *BaseException)
}

// Next advances an iterator; ok=false when it is exhausted.
func Next(it Object) (Object, bool, *BaseException) {
	if i, ok := it.(Iterator); ok {
		return i.NextValue()
	}
	v, exc := CallMethod(it, "__next__", nil, nil)
	if exc != nil {
		if exc.Class.IsSubtype(StopIterationType) {
			return nil, false, nil
		}
		return nil, false, exc
	}
	return v, true, nil
}

var iteratorType = newType("iterator", ObjectType)

// The iterators of the builtin containers, named as CPython's.
var (
	listIterType      = newType("list_iterator", iteratorType)
	tupleIterType     = newType("tuple_iterator", iteratorType)
	setIterType       = newType("set_iterator", iteratorType)
	strASCIIIterType  = newType("str_ascii_iterator", iteratorType)
	strIterType       = newType("str_iterator", iteratorType)
	dictKeyIterType   = newType("dict_keyiterator", iteratorType)
	dictValueIterType = newType("dict_valueiterator", iteratorType)
	dictItemIterType  = newType("dict_itemiterator", iteratorType)
)

func init() {
	// __length_hint__ of the runtime's iterators, all of iteratorType or
	// a subclass: what is left (operator.length_hint, list()).
	deferMethods(func() {
		iteratorType.Dict.SetStr("__length_hint__", &Method{Name: "__length_hint__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			return lengthHint(self)
		}})
	})
}

// lengthHint is the __length_hint__ of one of the runtime's iterators.
func lengthHint(it Object) (Object, *BaseException) {
	switch it := it.(type) {
	case *listRevIter:
		return it.lengthHint(), nil
	case *reversedIter:
		return it.lengthHint()
	case *seqIter:
		return Int(max(len(it.items())-it.i, 0)), nil
	case *dictViewIter:
		if it.v.d.Len() != it.n {
			return Int(0), nil
		}
		return Int(max(len(it.items)-it.i, 0)), nil
	case *rangeIter:
		return Int(max(it.left, 0)), nil
	case *longRangeIter:
		if it.left.Sign() <= 0 {
			return Int(0), nil
		}
		return normBig(new(big.Int).Set(it.left)), nil
	case *getitemIter:
		// iter_len: what the sequence's len leaves past the index, for a
		// sequence that has one.
		if it.done {
			return Int(0), nil
		}
		if _, ok := it.seq.Type().lookup("__len__"); !ok {
			return NotImplemented, nil
		}
		n, exc := Len(it.seq)
		if exc != nil {
			return nil, exc
		}
		return Int(max(int64(n)-it.i, 0)), nil
	}
	return NotImplemented, nil
}

type seqIter struct {
	items func() []Object
	i     int
	t     *Type // its class: list_iterator, …
}

func (s *seqIter) Type() *Type {
	if s.t == nil {
		return iteratorType
	}
	return s.t
}

func (s *seqIter) NextValue() (Object, bool, *BaseException) {
	items := s.items()
	if s.i >= len(items) {
		return nil, false, nil
	}
	s.i++
	return items[s.i-1], true, nil
}

// Unpack is `a, b = x`.
func Unpack(x Object, n int) ([]Object, *BaseException) {
	items, exc := toSlice(x)
	if exc != nil {
		return nil, Errorf(TypeErrorType, "cannot unpack non-iterable %s object", x.Type().Name)
	}
	if len(items) < n {
		return nil, Errorf(ValueErrorType, "not enough values to unpack (expected %d, got %d)", n, len(items))
	}
	if len(items) > n {
		return nil, Errorf(ValueErrorType, "too many values to unpack (expected %d)", n)
	}
	return items, nil
}

// Iterate returns the items of an iterable (the backing array of a tuple
// or list is returned as is: callers must not modify it).
func Iterate(x Object) ([]Object, *BaseException) { return toSlice(x) }

func toSlice(x Object) ([]Object, *BaseException) {
	switch v := x.(type) {
	case *List:
		return append([]Object(nil), v.Items...), nil
	case *Tuple:
		return v.Items, nil
	}
	it, exc := Iter(x)
	if exc != nil {
		return nil, exc
	}
	var out []Object
	for {
		v, ok, exc := Next(it)
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return out, nil
		}
		out = append(out, v)
	}
}

var modules = map[string]func() (*Module, *BaseException){}
var loaded = map[string]*Module{}

// RegisterModule makes a module importable.
func RegisterModule(name string, init func() (*Module, *BaseException)) { modules[name] = init }

// Import is `import name`.
func Import(name string) (Object, *BaseException) {
	if m, ok := loaded[name]; ok {
		return m, nil
	}
	init, ok := modules[name]
	if !ok {
		return nil, Errorf(ImportErrorType, "No module named '%s'", name)
	}
	m, exc := init()
	if exc != nil {
		return nil, exc
	}
	loaded[name] = m
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		// A submodule is an attribute of its package once imported.
		parent, exc := Import(name[:i])
		if exc != nil {
			return nil, exc
		}
		parent.(*Module).Dict.SetStr(name[i+1:], m)
	}
	return m, nil
}

// ImportFrom is `from mod import name`.
func ImportFrom(mod Object, name string) (Object, *BaseException) {
	m := mod.(*Module)
	if v, ok := m.Dict.GetStr(name); ok {
		return v, nil
	}
	return nil, Errorf(ImportErrorType, "cannot import name '%s' from '%s'", name, m.Name)
}

// NewModule makes an empty module.
func NewModule(name string) *Module { return &Module{Name: name, Dict: NewDict()} }

// sortedKeys is a helper for deterministic iteration of Go maps.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// isTypeOrSuper reports whether obj's attributes are not found on its type
// first (types and super objects).
func isTypeOrSuper(obj Object) bool {
	switch obj.(type) {
	case *Type, *superObj:
		return true
	}
	return false
}
