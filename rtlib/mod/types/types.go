// Package types is Python's types module for translated programs:
// SimpleNamespace (its keyword initialization, attribute access, repr and
// equality as CPython 3.12's namespace object has them) and the names of
// the runtime's own types (FunctionType, CoroutineType, GeneratorType,
// ModuleType, MethodType, GenericAlias, UnionType, NoneType …).
package types

import (
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

// SimpleNamespaceType is types.SimpleNamespace.
var SimpleNamespaceType = rt.NewClass("SimpleNamespace", "types")

// reprActive holds the namespaces whose repr is being made (a namespace
// that contains itself shows as namespace(...)).
var reprActive = map[*rt.Instance]bool{}

// defineNamespace gives SimpleNamespace its methods (at the module's
// import: defining them makes the builtin types' method tables).
func defineNamespace() {
	ns := SimpleNamespaceType
	rt.DefMethod(ns, "__init__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) > 0 {
			return nil, rt.Errorf(rt.TypeErrorType, "no positional arguments expected")
		}
		inst := self.(*rt.Instance)
		for _, k := range kw {
			inst.Attrs.SetStr(k.Name, k.Value)
		}
		return rt.None, nil
	})
	rt.DefMethod(ns, "__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		inst := self.(*rt.Instance)
		name := inst.Class.Name
		if inst.Class == SimpleNamespaceType {
			name = "namespace"
		}
		if reprActive[inst] {
			return rt.Str(name + "(...)"), nil
		}
		reprActive[inst] = true
		defer delete(reprActive, inst)
		var b strings.Builder
		b.WriteString(name + "(")
		first := true
		var exc *rt.BaseException
		inst.Attrs.Items(func(k, v rt.Object) {
			key, ok := k.(rt.Str)
			if exc != nil || !ok {
				return
			}
			r, e := rt.Repr(v)
			if e != nil {
				exc = e
				return
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(string(key) + "=" + string(r))
		})
		if exc != nil {
			return nil, exc
		}
		b.WriteString(")")
		return rt.Str(b.String()), nil
	})
	rt.DefMethod(ns, "__eq__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		other, ok := args[0].(*rt.Instance)
		if !ok || !other.Class.IsSubtype(SimpleNamespaceType) {
			return rt.NotImplemented, nil
		}
		return rt.Eq(self.(*rt.Instance).Attrs, other.Attrs)
	})
	// Unhashable, as in CPython, whose message names the C type
	// types.SimpleNamespace (a subclass by its own name).
	rt.DefMethod(ns, "__hash__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		name := self.Type().Name
		if self.Type() == SimpleNamespaceType {
			name = "types.SimpleNamespace"
		}
		return nil, rt.Errorf(rt.TypeErrorType, "unhashable type: '%s'", name)
	})
}

func init() {
	rt.RegisterModule("types", func() (*rt.Module, *rt.BaseException) {
		defineNamespace()
		m := rt.NewModule("types")
		for name, t := range map[string]*rt.Type{
			"SimpleNamespace":     SimpleNamespaceType,
			"FunctionType":        rt.FunctionType,
			"LambdaType":          rt.FunctionType,
			"CoroutineType":       rt.CoroutineType,
			"GeneratorType":       rt.GeneratorType,
			"AsyncGeneratorType":  rt.AsyncGeneratorType,
			"ModuleType":          rt.ModuleType,
			"MethodType":          rt.MethodType,
			"BuiltinFunctionType": rt.BuiltinType,
			"BuiltinMethodType":   rt.BuiltinType,
			"NoneType":            rt.NoneTypeType,
			"GenericAlias":        rt.GenericAliasType,
			"UnionType":           rt.UnionTypeType,
		} {
			m.Dict.SetStr(name, t)
		}
		return m, nil
	})
}
