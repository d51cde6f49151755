package rtlib

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Unboxed strs. Where the translator proves that a local or temporary
// always holds exactly a str, the generated code keeps it as a Str (Go
// string) rather than an Object: concatenation, comparison and `in` are
// Go's string operations, and a value is boxed only where it meets code
// that takes any object. The functions here give exactly the boxed
// operation's result and exception; the rare cases call the boxed one.

// UnboxStr is the Str of o, which the translator proved to be a str.
func UnboxStr(o Object) Str {
	if x, ok := o.(Str); ok {
		return x
	}
	panic(fmt.Sprintf("async2go: internal error: %s where a str was proved", typeName(o)))
}

// StrLen is len(s): its code points.
func StrLen(s Str) int { return utf8.RuneCountInString(string(s)) }

// StrContains is `item in container` for two strs.
func StrContains(container, item Str) bool {
	return strings.Contains(string(container), string(item))
}

// repeatSmall is s * n where n is small and the result short, as Mul
// computes it (a negative count repeats zero times); ok=false otherwise.
func repeatSmall(s Str, n IntVal) (Str, bool) {
	if n.Big != nil {
		return "", false
	}
	switch {
	case n.Small <= 0 || s == "":
		return "", true
	case n.Small == 1:
		return s, true
	case n.Small <= math.MaxInt32/int64(len(s)):
		return Str(strings.Repeat(string(s), int(n.Small))), true
	}
	return "", false
}

// StrRepeat is s * n.
func StrRepeat(s Str, n IntVal) (Str, *BaseException) {
	if r, ok := repeatSmall(s, n); ok {
		return r, nil
	}
	r, exc := Mul(s, n.Box())
	if exc != nil {
		return "", exc
	}
	return UnboxStr(r), nil
}

// IntStrRepeat is n * s.
func IntStrRepeat(n IntVal, s Str) (Str, *BaseException) {
	if r, ok := repeatSmall(s, n); ok {
		return r, nil
	}
	r, exc := Mul(n.Box(), s)
	if exc != nil {
		return "", exc
	}
	return UnboxStr(r), nil
}

// FormatStr is FormatValue (one replacement field of an f-string) with
// its result, always a str, unboxed: a field without a format spec is
// converted without boxing its text.
func FormatStr(x Object, conv int, spec Object) (Str, *BaseException) {
	if sp, _ := spec.(Str); sp == "" {
		switch conv {
		case 0:
			if s, ok := x.(Str); ok {
				return s, nil
			}
		case 's':
			return ToStr(x)
		case 'r':
			return Repr(x)
		case 'a':
			return Ascii(x)
		}
	}
	r, exc := FormatValue(x, conv, spec)
	if exc != nil {
		return "", exc
	}
	return UnboxStr(r), nil
}
