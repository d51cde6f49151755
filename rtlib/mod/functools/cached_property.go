package functools

import rt "github.com/async2go/async2go/rtlib"

// cachedPropertyType is functools.cached_property, a non-data descriptor
// as Lib/functools.py writes it: the first read of the attribute on an
// instance calls the function and stores its value in the instance's
// __dict__, where later reads find it before the descriptor.
var cachedPropertyType = rt.NewClass("cached_property", "functools")

var cachedPropertyDefined bool

// defineCachedProperty gives cached_property its methods, at the module's
// import.
func defineCachedProperty() {
	if cachedPropertyDefined {
		return
	}
	cachedPropertyDefined = true
	t := cachedPropertyType
	rt.DefMethod(t, "__init__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 1 || len(kw) != 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "cached_property.__init__() takes 2 positional arguments but %d were given", len(args)+1)
		}
		inst := self.(*rt.Instance)
		inst.Attrs.SetStr("func", args[0])
		inst.Attrs.SetStr("attrname", rt.None)
		doc, exc := rt.GetAttr(args[0], "__doc__")
		if exc != nil {
			doc = rt.None
		}
		inst.Attrs.SetStr("__doc__", doc)
		return rt.None, nil
	})
	rt.DefMethod(t, "__set_name__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		inst := self.(*rt.Instance)
		cur, _ := inst.Attrs.GetStr("attrname")
		if cur == rt.None {
			inst.Attrs.SetStr("attrname", args[1])
			return rt.None, nil
		}
		if eq, exc := rt.Eq(cur, args[1]); exc != nil {
			return nil, exc
		} else if b, _ := rt.Truth(eq); !b {
			a, _ := rt.Repr(cur)
			n, _ := rt.Repr(args[1])
			return nil, rt.Errorf(rt.TypeErrorType, "Cannot assign the same cached_property to two different names (%s and %s).", a, n)
		}
		return rt.None, nil
	})
	rt.DefMethod(t, "__get__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		instance := args[0]
		if instance == rt.None {
			return self, nil
		}
		d := self.(*rt.Instance).Attrs
		name, _ := d.GetStr("attrname")
		if name == rt.None {
			return nil, rt.Errorf(rt.TypeErrorType, "Cannot use cached_property instance without calling __set_name__ on it.")
		}
		cache, exc := rt.GetAttr(instance, "__dict__")
		cd, ok := cache.(*rt.Dict)
		if exc != nil || !ok {
			n, _ := rt.Repr(name)
			return nil, rt.Errorf(rt.TypeErrorType, "No '__dict__' attribute on '%s' instance to cache %s property.", instance.Type().Name, n)
		}
		if v, ok, exc := cd.GetItem(name); exc != nil || ok {
			return v, exc
		}
		fn, _ := d.GetStr("func")
		v, exc := rt.Call(fn, []rt.Object{instance}, nil)
		if exc != nil {
			return nil, exc
		}
		return v, cd.SetItem(name, v)
	})
}
