// Package abc is Python's abc module for translated programs: ABC, whose
// metaclass (ABCMeta, in Go) records a class's abstract methods and refuses
// to instantiate a class that has some, and abstractmethod. Not there yet:
// ABCMeta itself (a metaclass= keyword is unsupported anyway) and
// register() (virtual subclasses).
package abc

import (
	"sort"
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

// abcClass is abc.ABC.
var abcClass = rt.NewClass("ABC", "abc")

func init() {
	abcClass.Meta = &rt.Meta{Name: "ABCMeta", InitClass: initClass, Call: call}
	empty, _ := rt.Call(rt.FrozenSetType, nil, nil)
	abcClass.Dict.SetStr("__abstractmethods__", empty)
	rt.RegisterModule("abc", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("abc")
		m.Dict.SetStr("ABC", abcClass)
		m.Dict.SetStr("abstractmethod", &rt.Builtin{Name: "abstractmethod", Fn: abstractmethod})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{"abstractmethod": rt.ArgsPython("abstractmethod", 1, "funcobj")})
		return m, nil
	})
}

// abstractmethod marks funcobj abstract (its __isabstractmethod__); a
// classmethod or staticmethod is marked through its function.
func abstractmethod(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	f := args[0]
	target := f
	switch m := f.(type) {
	case *rt.ClassMethod:
		target = m.Fn
	case *rt.StaticMethod:
		target = m.Fn
	}
	if exc := rt.SetAttr(target, "__isabstractmethod__", rt.Bool(true)); exc != nil {
		return nil, exc
	}
	return f, nil
}

// isAbstract is getattr(v, "__isabstractmethod__", False), through
// classmethods, staticmethods and a property's getter.
func isAbstract(v rt.Object) bool {
	switch m := v.(type) {
	case *rt.ClassMethod:
		v = m.Fn
	case *rt.StaticMethod:
		v = m.Fn
	case *rt.Property:
		v = m.Get
	}
	a, exc := rt.GetAttr(v, "__isabstractmethod__")
	if exc != nil {
		return false
	}
	b, _ := rt.Truth(a)
	return b
}

// initClass is ABCMeta.__new__'s computation of t.__abstractmethods__: the
// abstract methods its body defines, and those of its bases it does not
// override.
func initClass(t *rt.Type) *rt.BaseException {
	names := map[string]bool{}
	t.Dict.Items(func(k, v rt.Object) {
		if s, ok := k.(rt.Str); ok && isAbstract(v) {
			names[string(s)] = true
		}
	})
	for _, b := range t.Bases {
		am, exc := rt.GetAttr(b, "__abstractmethods__")
		if exc != nil {
			continue
		}
		inherited, exc := rt.Iterate(am)
		if exc != nil {
			return exc
		}
		for _, n := range inherited {
			s, ok := n.(rt.Str)
			if !ok {
				continue
			}
			if v, exc := rt.GetAttr(t, string(s)); exc == nil && isAbstract(v) {
				names[string(s)] = true
			}
		}
	}
	items := make([]rt.Object, 0, len(names))
	for n := range names {
		items = append(items, rt.Str(n))
	}
	set, exc := rt.Call(rt.FrozenSetType, []rt.Object{rt.NewList(items...)}, nil)
	if exc != nil {
		return exc
	}
	t.Dict.SetStr("__abstractmethods__", set)
	return nil
}

// call is calling a class of ABCMeta: refused while it has abstract
// methods (object.__new__'s check), else as any class.
func call(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	if am, ok := t.Dict.GetStr("__abstractmethods__"); ok {
		items, exc := rt.Iterate(am)
		if exc != nil {
			return nil, exc
		}
		if len(items) > 0 {
			names := make([]string, len(items))
			for i, it := range items {
				names[i] = "'" + string(it.(rt.Str)) + "'"
			}
			sort.Strings(names)
			plural := ""
			if len(names) > 1 {
				plural = "s"
			}
			return nil, rt.Errorf(rt.TypeErrorType, "Can't instantiate abstract class %s without an implementation for abstract method%s %s",
				t.Name, plural, strings.Join(names, ", "))
		}
	}
	return rt.Instantiate(t, args, kw)
}
