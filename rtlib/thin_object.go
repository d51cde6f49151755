package rtlib

import "fmt"

// object's own __repr__ and __str__, so that super().__repr__() and
// object.__str__(x) work in classes that override them.
func init() { deferMethods(installObjectMethods) }

// installObjectMethods defines object.__repr__ and object.__str__ (made on
// first use: lazydict.go).
func installObjectMethods() {
	ObjectType.Dict.SetStr("__repr__", &Method{Name: "__repr__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		t := self.Type()
		return Str(fmt.Sprintf("<%s.%s object at 0x%x>", t.Module, t.Name, addr(self))), nil
	}})
	ObjectType.Dict.SetStr("__str__", &Method{Name: "__str__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return Repr(self)
	}})
}
