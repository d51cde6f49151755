package rtlib

// Object is any Python value. Type returns its Python type (type(x)).
type Object interface {
	Type() *Type
}

// NoneType is the type of None; None is its only value.
type NoneType struct{}

// None is Python's None.
var None Object = NoneType{}

// IsNone says whether x is None. It tests the dynamic type only, where
// x == None also calls the runtime to compare the two values (~25
// instructions: NoneType is not a pointer); hot paths use it.
func IsNone(x Object) bool {
	_, ok := x.(NoneType)
	return ok
}

// Bool is a Python bool (a subclass of int).
type Bool bool

// Int is a Python int that fits in an int64. Arithmetic that overflows
// promotes to *BigInt; a *BigInt whose value fits in an int64 is always
// normalized back to Int, so equal ints have one representation.
type Int int64

// Float is a Python float.
type Float float64

// Str is a Python str, stored as UTF-8.
type Str string

// Tuple is a Python tuple.
type Tuple struct {
	Items []Object
}

// List is a Python list.
type List struct {
	Items []Object
}

// KwArg is one keyword argument of a call.
type KwArg struct {
	Name  string
	Value Object
}

// Cell holds a variable captured by a closure (CPython's cell object).
// A nil V means the variable is unbound.
type Cell struct {
	V Object
}

// Module is a Python module object.
type Module struct {
	Name string
	Dict *Dict
}
