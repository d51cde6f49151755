package rtlib

import (
	"math"
	"testing"
)

// Expected values recorded from CPython 3.12.1.
func TestNumericHash(t *testing.T) {
	cases := []struct {
		x    Object
		want int64
	}{
		{Int(-1), -2}, {Int(1), 1}, {Float(1.0), 1}, {Bool(true), 1}, {Float(1.5), 1152921504606846977},
		{Float(-0.5), -1152921504606846976}, {Float(1e300), 1224995262755759164},
		{BigIntFromString("1180591620717411303424"), 512}, {Float(math.Inf(1)), 314159},
	}
	for _, c := range cases {
		got, exc := Hash(c.x)
		if exc != nil || got != c.want {
			r, _ := Repr(c.x)
			t.Errorf("hash(%s) = %d, %v; want %d", r, got, exc, c.want)
		}
	}
}

func callB(t *testing.T, name string, args ...Object) string {
	t.Helper()
	fn, _ := LookupBuiltin(name)
	v, exc := Call(fn, args, nil)
	if exc != nil {
		return exc.Class.Name + ": " + exc.Error()
	}
	r, _ := Repr(v)
	return string(r)
}

func TestBuiltinsMore(t *testing.T) {
	tenths := NewList()
	for i := 0; i < 10; i++ {
		tenths.Items = append(tenths.Items, Float(0.1))
	}
	cases := []struct{ got, want string }{
		{callB(t, "sum", tenths), "1.0"},
		{callB(t, "sum", NewList(Float(1e100), Float(1.0), Float(-1e100), Float(1.0))), "2.0"},
		{callB(t, "sum", NewList(Int(1), Float(0.1), Float(0.2), Int(3))), "4.3"},
		{callB(t, "int", Str("ff"), Int(16)), "255"},
		{callB(t, "int", Str("0b101"), Int(0)), "5"},
		{callB(t, "int", Str(" -12 ")), "-12"},
		{callB(t, "int", Str("1__0")), "ValueError: ValueError: invalid literal for int() with base 10: '1__0'"},
		{callB(t, "int", Str("010"), Int(0)), "ValueError: ValueError: invalid literal for int() with base 0: '010'"},
		{callB(t, "round", Int(1250), Int(-2)), "1200"},
		{callB(t, "round", Int(1350), Int(-2)), "1400"},
		{callB(t, "round", Int(-15), Int(-1)), "-20"},
		{callB(t, "pow", Int(3), Int(4), Int(5)), "1"},
		{callB(t, "hex", Int(255)), "'0xff'"},
		{callB(t, "bin", Int(-10)), "'-0b1010'"},
		{callB(t, "frozenset", NewList(Int(1))), "frozenset({1})"},
		{callB(t, "frozenset"), "frozenset()"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %s, want %s", i, c.got, c.want)
		}
	}
}

func TestStrMethodsMore(t *testing.T) {
	m := func(s, name string, args ...Object) string {
		v, exc := CallMethod(Str(s), name, args, nil)
		if exc != nil {
			return exc.Error()
		}
		r, _ := Repr(v)
		return string(r)
	}
	cases := []struct{ got, want string }{
		{m("a  b c ", "split", None, Int(1)), "['a', 'b c ']"},
		{m(" a b c", "rsplit", None, Int(1)), "[' a b', 'c']"},
		{m("a,b,c", "rsplit", Str(","), Int(1)), "['a,b', 'c']"},
		{m("xxhixx", "strip", Str("x")), "'hi'"},
		{m("ab", "center", Int(5)), "'  ab '"},
		{m("abc", "center", Int(6), Str("-")), "'-abc--'"},
		{m("héllo", "find", Str("l"), Int(3)), "3"},
		{m("a:b:c", "rpartition", Str(":")), "('a:b', ':', 'c')"},
		{m("a\r\nb\rc\n", "splitlines"), "['a', 'b', 'c']"},
		{m("Hello World", "istitle"), "True"},
		{m("x\ty", "expandtabs", Int(4)), "'x   y'"},
		{m("abc", "index", Str("z")), "ValueError: substring not found"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %s, want %s", i, c.got, c.want)
		}
	}
}

func TestRecursiveRepr(t *testing.T) {
	l := NewList(Int(1))
	l.Items = append(l.Items, l)
	if r, _ := Repr(l); r != "[1, [...]]" {
		t.Errorf("got %s", r)
	}
}

func TestC3(t *testing.T) {
	a, _ := BuildClass("A", "A", nil, NewDict(), nil)
	b, _ := BuildClass("B", "B", []Object{a}, NewDict(), nil)
	c, _ := BuildClass("C", "C", []Object{a}, NewDict(), nil)
	d, exc := BuildClass("D", "D", []Object{b, c}, NewDict(), nil)
	if exc != nil {
		t.Fatal(exc)
	}
	mro, _ := GetAttr(d, "__mro__")
	if r, _ := Repr(mro); r != "(<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, <class '__main__.A'>, <class 'object'>)" {
		t.Errorf("got %s", r)
	}
	if _, exc := BuildClass("E", "E", []Object{a, b}, NewDict(), nil); exc == nil || exc.Error() != "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B" {
		t.Errorf("got %v", exc)
	}
}

// TestBuiltinTypeMRO checks the MROs of builtin types made at start-up
// (newType copies its base's MRO; object's must be there already).
func TestBuiltinTypeMRO(t *testing.T) {
	for _, c := range []struct {
		typ  *Type
		want []*Type
	}{
		{ObjectType, []*Type{ObjectType}},
		{IntType, []*Type{IntType, ObjectType}},
		{BoolType, []*Type{BoolType, IntType, ObjectType}},
		{StrType, []*Type{StrType, ObjectType}},
		{mapType, []*Type{mapType, ObjectType}},
		{TypeErrorType, []*Type{TypeErrorType, ExceptionType, BaseExceptionType, ObjectType}},
	} {
		if len(c.typ.MRO) != len(c.want) {
			t.Errorf("%s: MRO of %d types, want %d", c.typ.Name, len(c.typ.MRO), len(c.want))
			continue
		}
		for i := range c.want {
			if c.typ.MRO[i] != c.want[i] {
				t.Errorf("%s: MRO[%d] is %s, want %s", c.typ.Name, i, c.typ.MRO[i].Name, c.want[i].Name)
			}
		}
		if mro, ok := c3(c.typ.Bases); c.typ != ObjectType && (!ok || len(mro) != len(c.want)-1) {
			t.Errorf("%s: C3 of its bases gives %d types, want %d", c.typ.Name, len(mro), len(c.want)-1)
		}
	}
}

// TestBuildClassValueBases: a plain class cannot derive from str, int,
// float or tuple (its instances would carry no Go value); one deriving
// from an ordinary class can.
func TestBuildClassValueBases(t *testing.T) {
	for _, b := range []*Type{StrType, IntType, FloatType, TupleType} {
		_, exc := BuildClass("S", "S", []Object{b}, NewDict(), nil)
		want := "TypeError: async2go does not support subclassing the builtin '" + b.Name + "' yet (class S)"
		if exc == nil || exc.Error() != want {
			t.Errorf("class S(%s): got %v, want %s", b.Name, exc, want)
		}
	}
	a, _ := BuildClass("A", "A", nil, NewDict(), nil)
	if _, exc := BuildClass("B", "B", []Object{a}, NewDict(), nil); exc != nil {
		t.Errorf("class B(A): %v", exc)
	}
}
