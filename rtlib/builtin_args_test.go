package rtlib

import (
	"bufio"
	"sort"
	"strings"
	"testing"
)

// TestBuiltinsWrongArity calls every registered builtin (functions and
// types) with 0 to 4 positional arguments of harmless values, and with a
// keyword no builtin takes: none may panic (a Go panic in a translated
// program is "async2go: internal error"); a wrong count must raise.
func TestBuiltinsWrongArity(t *testing.T) {
	var names []string
	for name, v := range builtins {
		switch v.(type) {
		case *Builtin, *Type:
			names = append(names, name)
		}
	}
	sort.Strings(names)
	saved := stdout
	defer func() { stdout = saved }()
	stdout = bufio.NewWriter(discard{})
	values := []func() Object{
		func() Object { return Int(1) },
		func() Object { return NewList(Int(1)) },
		func() Object { return Str("a") },
	}
	for _, name := range names {
		fn := builtins[name]
		for n := 0; n <= 4; n++ {
			for _, val := range values {
				args := make([]Object, n)
				for i := range args {
					args[i] = val()
				}
				callNoPanic(t, name, fn, args, nil)
				callNoPanic(t, name, fn, args, []KwArg{{Name: "bogus", Value: Int(1)}})
			}
		}
	}
}

func callNoPanic(t *testing.T, name string, fn Object, args []Object, kw []KwArg) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s with %d positional and %d keyword arguments panics: %v", name, len(args), len(kw), r)
		}
	}()
	Call(fn, args, kw)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestMethodsWrongArity calls every Go method of the builtin types on a
// value of the type with 0 to 4 positional arguments, and with a keyword:
// none may panic.
func TestMethodsWrongArity(t *testing.T) {
	d := NewDict()
	d.SetStr("k", Int(1))
	s, _ := NewSet()
	selves := []Object{Str("abc"), NewList(Int(1), Int(2)), NewTuple(Int(1)), d, s, Int(3), Float(1.5), Bool(true), BigIntFromString("123456789012345678901234567890")}
	fs, _ := newSetFrom(NewList(Int(1)), true)
	selves = append(selves, fs)
	if r, exc := Call(builtins["range"], []Object{Int(3)}, nil); exc == nil {
		selves = append(selves, r)
	}
	values := []func() Object{
		func() Object { return Int(1) },
		func() Object { return NewList(Int(1)) },
		func() Object { return Str("a") },
	}
	for _, self := range selves {
		typ := self.Type()
		var names []string
		typ.Dict.Items(func(k, v Object) {
			if _, ok := v.(*Method); ok {
				names = append(names, string(k.(Str)))
			}
		})
		sort.Strings(names)
		for _, name := range names {
			for n := 0; n <= 4; n++ {
				for _, val := range values {
					args := make([]Object, n)
					for i := range args {
						args[i] = val()
					}
					label := typ.Name + "." + name
					callMethodNoPanic(t, label, self, name, args, nil)
					callMethodNoPanic(t, label, self, name, args, []KwArg{{Name: "bogus", Value: Int(1)}})
				}
			}
		}
	}
}

func callMethodNoPanic(t *testing.T, label string, self Object, name string, args []Object, kw []KwArg) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s with %d positional and %d keyword arguments panics: %v", label, len(args), len(kw), r)
		}
	}()
	// A fresh copy for the methods that change their object.
	CallMethod(self, name, append([]Object(nil), args...), kw)
}

// TestArgSpecsComplete: every builtin function was registered with an
// argument spec (through defBuiltin), and every Go method of the builtin
// types has one in methodArgs, so that none checks its arguments ad hoc.
func TestArgSpecsComplete(t *testing.T) {
	for name, v := range builtins {
		if _, ok := v.(*Builtin); ok && builtinArgs[name] == nil {
			t.Errorf("builtin %s has no argument spec: define it with defBuiltin", name)
		}
	}
	for _, typ := range []*Type{StrType, ListType, TupleType, DictType, SetType, FrozenSetType, IntType, FloatType,
		propertyType, dictKeysType, dictItemsType} {
		typ.Dict.Items(func(k, v Object) {
			name := string(k.(Str))
			if _, ok := v.(*Method); ok && !strings.HasPrefix(name, "__") && methodArgSpec(typ.Name, name) == nil {
				t.Errorf("method %s.%s has no entry in methodArgs", typ.Name, name)
			}
		})
	}
}
