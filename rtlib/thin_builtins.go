package rtlib

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"
)

var builtins = make(map[string]Object, 128) // ~120 builtins: no growth at start-up

// LookupBuiltin returns the builtin called name.
func LookupBuiltin(name string) (Object, bool) {
	v, ok := builtins[name]
	return v, ok
}

func kwarg(kw []KwArg, name string) (Object, bool) {
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

func argCount(name string, args []Object, min, max int) *BaseException {
	if len(args) < min || len(args) > max {
		if min == max {
			return Errorf(TypeErrorType, "%s() takes exactly %d argument (%d given)", name, min, len(args))
		}
		return Errorf(TypeErrorType, "%s expected at most %d arguments, got %d", name, max, len(args))
	}
	return nil
}

// Len is len(x).
func Len(x Object) (int, *BaseException) {
	switch v := x.(type) {
	case Str:
		return utf8Len(string(v)), nil
	case *List:
		return len(v.Items), nil
	case *Tuple:
		return len(v.Items), nil
	case *Dict:
		return v.Len(), nil
	case *Set:
		return v.d.Len(), nil
	case *dictView:
		return v.d.Len(), nil
	case *Type:
		if m := MetaOf(v); m != nil && m.Len != nil {
			return m.Len(v)
		}
	case *rangeObj:
		return int(v.length()), nil
	case *bigRange:
		return rangeLen(v)
	}
	r, exc := CallMethod(x, "__len__", nil, nil)
	if exc != nil {
		if exc.Class == AttributeErrorType {
			return 0, Errorf(TypeErrorType, "object of type '%s' has no len()", x.Type().Name)
		}
		return 0, exc
	}
	// CPython's checks on what __len__ returns (typeobject.c slot_sq_length).
	switch v := r.(type) {
	case Int, Bool:
		n, _ := asInt(v)
		if n < 0 {
			return 0, Errorf(ValueErrorType, "__len__() should return >= 0")
		}
		return int(n), nil
	case *BigInt:
		if v.V.Sign() < 0 {
			return 0, Errorf(ValueErrorType, "__len__() should return >= 0")
		}
		return 0, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", r.Type().Name)
}

func utf8Len(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

var rangeType = newType("range", ObjectType)

type rangeObj struct{ start, stop, step int64 }

func (*rangeObj) Type() *Type { return rangeType }

// length is len(r), computed in uint64: stop - start may leave int64
// even though the length does not (a rangeObj's length fits int64).
func (r *rangeObj) length() int64 {
	n, _ := smallRangeLen(r.start, r.stop, r.step)
	return n
}

type rangeIter struct {
	next, step int64
	left       int64
}

func (*rangeIter) Type() *Type { return rangeIterType }

func (r *rangeIter) NextValue() (Object, bool, *BaseException) {
	if r.left <= 0 {
		return nil, false, nil
	}
	v := r.next
	r.next += r.step
	r.left--
	return Int(v), true, nil
}

// NextValue makes range iterable (Iter returns a fresh iterator).
func (r *rangeObj) iter() *rangeIter {
	return &rangeIter{next: r.start, step: r.step, left: r.length()}
}

func init() {
	defBuiltin(&ArgSpec{name: "print", style: argsUnpack, max: manyArgs, anyKw: true}, builtinPrint)
	defBuiltin(oneArg("len"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		n, exc := Len(args[0])
		return Int(n), exc
	})
	defBuiltin(oneArg("repr"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		return Repr(args[0])
	})
	defBuiltin(oneArg("ascii"), func(args []Object, kw []KwArg) (Object, *BaseException) { return Ascii(args[0]) })
	defBuiltin(positional("format", 1, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		spec := Str("")
		if len(args) > 1 {
			var ok bool
			if spec, ok = args[1].(Str); !ok {
				return nil, Errorf(TypeErrorType, "format() argument 2 must be str, not %s", args[1].Type().Name)
			}
		}
		return Format(args[0], string(spec))
	})
	StrType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := strTypeArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 1 && len(kw) == 0 {
			return ToStr(args[0])
		}
		for i, name := range []string{"encoding", "errors"} {
			if v := strTypeArgs.arg(args, kw, i+1); v != nil {
				if _, ok := v.(Str); !ok {
					return nil, Errorf(TypeErrorType, "str() argument '%s' must be str, not %s", name, v.Type().Name)
				}
			}
		}
		x := strTypeArgs.arg(args, kw, 0)
		if x == nil {
			return Str(""), nil
		}
		if len(args) > 1 || len(kw) > 1 || len(kw) == 1 && kw[0].Name != "object" {
			// No bytes in this runtime: nothing decodes.
			return nil, Errorf(TypeErrorType, "decoding to str: need a bytes-like object, %s found", x.Type().Name)
		}
		return ToStr(x)
	}
	IntType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := intArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 0 {
			if len(kw) > 0 {
				return nil, Errorf(TypeErrorType, "int() missing string argument")
			}
			return Int(0), nil
		}
		if len(args) > 1 || len(kw) > 0 {
			bo := intArgs.arg(args, kw, 1)
			if bo != nil {
				base, ok := asInt(bo)
				if !ok {
					return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", bo.Type().Name)
				}
				if base != 0 && (base < 2 || base > 36) {
					return nil, Errorf(ValueErrorType, "int() base must be >= 2 and <= 36, or 0")
				}
				s, ok := args[0].(Str)
				if !ok {
					return nil, Errorf(TypeErrorType, "int() can't convert non-string with explicit base")
				}
				return parseIntLiteral(string(s), base)
			}
		}
		switch v := args[0].(type) {
		case Int, *BigInt:
			return v, nil
		case Bool:
			p, _ := asInt(v)
			return Int(p), nil
		case Float:
			f := math.Trunc(float64(v))
			if math.IsInf(f, 0) {
				return nil, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
			}
			if math.IsNaN(f) {
				return nil, Errorf(ValueErrorType, "cannot convert float NaN to integer")
			}
			bf, _ := new(big.Float).SetFloat64(f).Int(nil)
			return normBig(bf), nil
		case Str:
			return parseIntLiteral(string(v), 10)
		}
		for _, m := range []string{"__int__", "__index__", "__trunc__"} {
			if _, ok := args[0].Type().lookup(m); ok {
				return CallMethod(args[0], m, nil, nil)
			}
		}
		return nil, Errorf(TypeErrorType, "int() argument must be a string, a bytes-like object or a real number, not '%s'", args[0].Type().Name)
	}
	FloatType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := floatArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 0 {
			return Float(0), nil
		}
		if f, ok := asFloat(args[0]); ok {
			if exc := intFloatOverflow(args[0], f); exc != nil {
				return nil, exc
			}
			return Float(f), nil
		}
		if s, ok := args[0].(Str); ok {
			t := strings.ToLower(strings.TrimSpace(string(s)))
			switch t {
			case "inf", "+inf", "infinity", "+infinity":
				return Float(math.Inf(1)), nil
			case "-inf", "-infinity":
				return Float(math.Inf(-1)), nil
			case "nan", "+nan", "-nan":
				return Float(math.NaN()), nil
			}
			f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
			if ne, ok := err.(*strconv.NumError); err == nil || ok && ne.Err == strconv.ErrRange {
				return Float(f), nil // out of range: ±inf or 0.0, as CPython's
			}
			r, _ := Repr(s)
			return nil, Errorf(ValueErrorType, "could not convert string to float: %s", r)
		}
		return nil, Errorf(TypeErrorType, "float() argument must be a string or a real number, not '%s'", args[0].Type().Name)
	}
	BoolType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := boolArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 0 {
			return Bool(false), nil
		}
		b, exc := Truth(args[0])
		return Bool(b), exc
	}
	ListType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := listArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 0 {
			return NewList(), nil
		}
		items, exc := toSlice(args[0])
		if exc != nil {
			return nil, exc
		}
		return NewList(append([]Object(nil), items...)...), nil
	}
	TupleType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := tupleArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 0 {
			return NewTuple(), nil
		}
		items, exc := toSlice(args[0])
		if exc != nil {
			return nil, exc
		}
		return NewTuple(append([]Object(nil), items...)...), nil
	}
	DictType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := dictArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		d := NewDict()
		if len(args) > 0 {
			if src, ok := args[0].(*Dict); ok {
				if exc := DictUpdate(d, src); exc != nil {
					return nil, exc
				}
			} else {
				items, exc := toSlice(args[0])
				if exc != nil {
					return nil, exc
				}
				for i, it := range items {
					kv, exc := toSlice(it)
					if exc != nil {
						if exc.Class.IsSubtype(TypeErrorType) {
							return nil, Errorf(TypeErrorType, "cannot convert dictionary update sequence element #%d to a sequence", i)
						}
						return nil, exc
					}
					if len(kv) != 2 {
						return nil, Errorf(ValueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
					}
					if exc := d.SetItem(kv[0], kv[1]); exc != nil {
						return nil, exc
					}
				}
			}
		}
		for _, k := range kw {
			d.SetStr(k.Name, k.Value)
		}
		return d, nil
	}
	TypeType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 1 && len(kw) > 0 {
			return nil, Errorf(TypeErrorType, "type() takes no keyword arguments")
		}
		if len(args) == 1 {
			return args[0].Type(), nil
		}
		if len(args) == 3 && len(kw) == 0 {
			name, ok := args[0].(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "type.__new__() argument 1 must be str, not %s", args[0].Type().Name)
			}
			bases, ok := args[1].(*Tuple)
			if !ok {
				return nil, Errorf(TypeErrorType, "type.__new__() argument 2 must be tuple, not %s", args[1].Type().Name)
			}
			ns, ok := args[2].(*Dict)
			if !ok {
				return nil, Errorf(TypeErrorType, "type.__new__() argument 3 must be dict, not %s", args[2].Type().Name)
			}
			d := NewDict()
			if exc := DictUpdate(d, ns); exc != nil {
				return nil, exc
			}
			return BuildClass(string(name), string(name), bases.Items, d, nil)
		}
		return nil, Errorf(TypeErrorType, "type() takes 1 or 3 arguments")
	}
	rangeType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := rangeArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		var ints [3]int64
		for i, a := range args {
			n, ok := asInt(a)
			if !ok {
				return newRangeSlow(args)
			}
			ints[i] = n
		}
		r, ok, exc := smallRange(len(args), ints[0], ints[1], ints[2])
		if exc != nil {
			return nil, exc
		}
		if !ok {
			return newRangeSlow(args)
		}
		return &r, nil
	}
	for _, t := range []*Type{StrType, IntType, FloatType, BoolType, ListType, TupleType, DictType, TypeType, rangeType, ObjectType,
		BaseExceptionType, ExceptionType, TypeErrorType, ValueErrorType, RuntimeErrorType, NameErrorType, UnboundLocalErrorType,
		AttributeErrorType, ArithmeticErrorType, ZeroDivisionErrorType, LookupErrorType, KeyErrorType, IndexErrorType,
		StopIterationType, StopAsyncIterationType, GeneratorExitType, SystemExitType, ImportErrorType, NotImplementedType,
		TimeoutErrorType, OverflowErrorType, AssertionErrorType} {
		builtins[t.Name] = t
	}
	builtins["NotImplementedError"] = NotImplementedType
	defBuiltin(positional("isinstance", 2, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if !classInfo(args[1]) {
			return nil, Errorf(TypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union")
		}
		if generic(args[1]) {
			return nil, Errorf(TypeErrorType, "isinstance() argument 2 cannot be a parameterized generic")
		}
		return Bool(isInstance(args[0], args[1])), nil
	})
	defBuiltin(roundArgs, builtinRound)
	defBuiltin(sumArgs, func(args []Object, kw []KwArg) (Object, *BaseException) {
		var acc Object = Int(0)
		start := sumArgs.arg(args, kw, 1)
		if l, ok := args[0].(*List); ok {
			if exc := sumStart(start); exc != nil {
				return nil, exc
			}
			if start != nil {
				acc = start
			}
			// A list is read as its iterator does, live: an __add__ may
			// change it. No copy of it is made.
			i := 0
			return fsum(acc, func() (Object, bool, *BaseException) {
				if i >= len(l.Items) {
					return nil, false, nil
				}
				i++
				return l.Items[i-1], true, nil
			})
		}
		it, exc := Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		if exc := sumStart(start); exc != nil {
			return nil, exc
		}
		if start != nil {
			acc = start
		}
		return fsum(acc, func() (Object, bool, *BaseException) { return Next(it) })
	})
	defBuiltin(positional("min", 1, manyArgs, "key", "default"), func(args []Object, kw []KwArg) (Object, *BaseException) { return minMax("min", args, kw, -1) })
	defBuiltin(positional("max", 1, manyArgs, "key", "default"), func(args []Object, kw []KwArg) (Object, *BaseException) { return minMax("max", args, kw, 1) })
	defBuiltin(&ArgSpec{name: "sorted", style: argsUnpack, min: 1, max: 1, kwOnly: []string{"key", "reverse"}, kwFunc: "sort"}, func(args []Object, kw []KwArg) (Object, *BaseException) {
		items, exc := toSlice(args[0])
		if exc != nil {
			return nil, exc
		}
		l := NewList(append([]Object(nil), items...)...)
		key, _ := kwarg(kw, "key")
		rev, _ := kwarg(kw, "reverse")
		return l, sortList(l, key, rev)
	})
	// enumerate's vectorcall checks its arguments by hand (enumobject.c).
	defBuiltin(&ArgSpec{name: "enumerate", style: argsUnpack, max: manyArgs, anyKw: true}, func(args []Object, kw []KwArg) (Object, *BaseException) {
		iterable, start, exc := enumerateArgs(args, kw)
		if exc != nil {
			return nil, exc
		}
		it, exc := Iter(iterable)
		if exc != nil {
			return nil, exc
		}
		if start == nil {
			start = Int(0)
		}
		if !isIntLike(start) {
			return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", start.Type().Name)
		}
		n := start
		return &funcIter{typ: enumerateType, next: func() (Object, bool, *BaseException) {
			v, ok, exc := Next(it)
			if exc != nil || !ok {
				return nil, false, exc
			}
			i := n
			if n, exc = Add(n, Int(1)); exc != nil {
				return nil, false, exc
			}
			return NewTuple(i, v), true, nil
		}}, nil
	})
	defBuiltin(positional("zip", 0, manyArgs, "strict"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		strict := false
		for _, k := range kw {
			strict, _ = Truth(k.Value)
		}
		its := make([]Object, len(args))
		for i, a := range args {
			it, exc := Iter(a)
			if exc != nil {
				return nil, exc
			}
			its[i] = it
		}
		done := len(its) == 0
		return &funcIter{typ: zipType, next: func() (Object, bool, *BaseException) {
			if done {
				return nil, false, nil
			}
			t := make([]Object, len(its))
			for i, it := range its {
				v, ok, exc := Next(it)
				if exc != nil {
					done = true
					return nil, false, exc
				}
				if !ok {
					done = true
					if strict {
						if i > 0 {
							plural := "s"
							if i == 1 {
								plural = ""
							}
							return nil, false, Errorf(ValueErrorType, "zip() argument %d is shorter than argument%s 1%s", i+1, plural, map[bool]string{true: "-" + fmt.Sprint(i), false: ""}[i > 1])
						}
						for j := 1; j < len(its); j++ {
							if _, more, exc := Next(its[j]); exc != nil {
								return nil, false, exc
							} else if more {
								plural := "s"
								if j == 1 {
									plural = ""
								}
								return nil, false, Errorf(ValueErrorType, "zip() argument %d is longer than argument%s 1%s", j+1, plural, map[bool]string{true: "-" + fmt.Sprint(j), false: ""}[j > 1])
							}
						}
					}
					return nil, false, nil
				}
				t[i] = v
			}
			return NewTuple(t...), true, nil
		}}, nil
	})
	for _, name := range []string{"any", "all"} {
		want := name == "any"
		name := name
		defBuiltin(oneArg(name), func(args []Object, kw []KwArg) (Object, *BaseException) {
			it, exc := Iter(args[0])
			if exc != nil {
				return nil, exc
			}
			for {
				v, ok, exc := Next(it)
				if exc != nil {
					return nil, exc
				}
				if !ok {
					return Bool(!want), nil
				}
				b, exc := Truth(v)
				if exc != nil {
					return nil, exc
				}
				if b == want {
					return Bool(want), nil
				}
			}
		})
	}
	defBuiltin(positional("iter", 1, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 2 {
			return callIter(args[0], args[1])
		}
		return Iter(args[0])
	})
	defBuiltin(positional("next", 1, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if !isIterator(args[0]) {
			return nil, Errorf(TypeErrorType, "'%s' object is not an iterator", args[0].Type().Name)
		}
		if g, ok := args[0].(*Generator); ok {
			v, done, exc := g.Resume(None, nil)
			if exc != nil {
				return nil, exc
			}
			if done {
				if len(args) > 1 {
					return args[1], nil
				}
				return nil, stopIteration(v)
			}
			return v, nil
		}
		v, ok, exc := Next(args[0])
		if exc != nil {
			return nil, exc
		}
		if !ok {
			if len(args) > 1 {
				return args[1], nil
			}
			return nil, NewException(StopIterationType)
		}
		return v, nil
	})
	defBuiltin(positional("hasattr", 2, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, ok := args[1].(Str)
		if !ok {
			return nil, attrNameError(args[1])
		}
		_, exc := GetAttr(args[0], string(name))
		return Bool(exc == nil), nil
	})
	defBuiltin(positional("getattr", 2, 3), func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, ok := args[1].(Str)
		if !ok {
			return nil, attrNameError(args[1])
		}
		v, exc := GetAttr(args[0], string(name))
		if exc != nil && len(args) > 2 && exc.Class.IsSubtype(AttributeErrorType) {
			return args[2], nil
		}
		return v, exc
	})
	defBuiltin(positional("setattr", 3, 3), func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, ok := args[1].(Str)
		if !ok {
			return nil, attrNameError(args[1])
		}
		return None, SetAttr(args[0], string(name), args[2])
	})
	defBuiltin(oneArg("chr"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		n, ok := asInt(args[0])
		if !ok {
			return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		}
		if n < 0 || n > 0x10ffff {
			return nil, Errorf(ValueErrorType, "chr() arg not in range(0x110000)")
		}
		return Str(string(rune(n))), nil
	})
	defBuiltin(oneArg("ord"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		s, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "ord() expected string of length 1, but %s found", args[0].Type().Name)
		}
		r := []rune(string(s))
		if len(r) != 1 {
			return nil, Errorf(TypeErrorType, "ord() expected a character, but string of length %d found", len(r))
		}
		return Int(r[0]), nil
	})
	defBuiltin(positional("divmod", 2, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		q, exc := FloorDiv(args[0], args[1])
		if exc != nil {
			if exc.Class == TypeErrorType && exc.Error() == opError("//", args[0], args[1]).Error() {
				return nil, opError("divmod()", args[0], args[1])
			}
			return nil, exc
		}
		m, exc := Mod(args[0], args[1])
		return NewTuple(q, m), exc
	})
	defBuiltin(oneArg("callable"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		return Bool(isCallable(args[0])), nil
	})
	builtins["None"] = None
	builtins["NotImplemented"] = NotImplemented
	// The builtins module's own name, which a module reads as __name__
	// once it has deleted its own.
	builtins["__name__"] = Str("builtins")
}

// OverflowErrorType and AssertionErrorType complete the builtin exceptions
// this runtime raises.
var (
	OverflowErrorType  = newType("OverflowError", ArithmeticErrorType)
	AssertionErrorType = newType("AssertionError", ExceptionType)
)

// isIterator is PyIter_Check: x has __next__.
func isIterator(x Object) bool {
	switch x.(type) {
	case Iterator, *Generator:
		return true
	}
	_, ok := x.Type().lookup("__next__")
	return ok
}

// classInfo says whether x may be isinstance's and issubclass's second
// argument: a type or a (nested) tuple of them. Only the plain values are
// refused; other objects (typing's names) keep answering False.
func classInfo(x Object) bool {
	if _, ok := x.(*Type); ok {
		return true
	}
	switch c := x.(type) {
	case *Tuple:
		for _, it := range c.Items {
			if !classInfo(it) {
				return false
			}
		}
		return true
	case Int, Bool, Float, Str, *BigInt, *List, *Dict, *Set, *Function, *Builtin:
		return false
	}
	return x != None
}

func isCallable(x Object) bool {
	switch x.(type) {
	case *Function, *Builtin, *BoundMethod, *Type, *Method:
		return true
	}
	_, ok := x.Type().lookup("__call__")
	return ok
}

func isInstance(x, cls Object) bool {
	switch c := cls.(type) {
	case *Type:
		if c == IntType {
			if _, ok := x.(*BigInt); ok {
				return true
			}
		}
		if c.Meta == abcMeta {
			is, _ := abcSubclass(c, x.Type())
			return is
		}
		return x.Type().IsSubtype(c)
	case *Tuple:
		for _, it := range c.Items {
			if isInstance(x, it) {
				return true
			}
		}
	case *UnionType:
		return isInstance(x, c.Args)
	}
	return false
}

// generic says whether cls (isinstance's second argument) is or holds a
// GenericAlias, which isinstance refuses.
func generic(cls Object) bool {
	switch c := cls.(type) {
	case *GenericAlias:
		return true
	case *Tuple:
		for _, it := range c.Items {
			if generic(it) {
				return true
			}
		}
	case *UnionType:
		return generic(c.Args)
	}
	return false
}

func builtinPrint(args []Object, kw []KwArg) (Object, *BaseException) {
	sep, end := " ", "\n"
	out := stdout
	toStderr := false
	flush := false
	for _, k := range kw {
		switch k.Name {
		case "sep":
			if s, ok := k.Value.(Str); ok {
				sep = string(s)
			} else if k.Value != None {
				return nil, Errorf(TypeErrorType, "sep must be None or a string, not %s", k.Value.Type().Name)
			}
		case "end":
			if s, ok := k.Value.(Str); ok {
				end = string(s)
			} else if k.Value != None {
				return nil, Errorf(TypeErrorType, "end must be None or a string, not %s", k.Value.Type().Name)
			}
		case "file":
			if f, ok := k.Value.(interface{ IsStderr() bool }); ok && f.IsStderr() {
				toStderr = true
			}
		case "flush":
			flush, _ = Truth(k.Value)
		default:
			return nil, Errorf(TypeErrorType, "'%s' is an invalid keyword argument for print()", k.Name)
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		s, exc := ToStr(a)
		if exc != nil {
			return nil, exc
		}
		b.WriteString(string(s))
	}
	b.WriteString(end)
	if toStderr {
		stdout.Flush()
		os.Stderr.WriteString(b.String())
		return None, nil
	}
	out.WriteString(b.String())
	if flush || stdoutIsTerminal {
		out.Flush()
	}
	return None, nil
}

var stdoutIsTerminal = func() bool {
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}()

func builtinRound(args []Object, kw []KwArg) (Object, *BaseException) {
	args = roundArgs.positionalize(args, kw)
	x := args[0]
	if len(args) == 1 || args[1] == None {
		if f, ok := x.(Float); ok {
			r := math.RoundToEven(float64(f))
			if math.IsInf(r, 0) {
				return nil, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
			}
			if math.IsNaN(r) {
				return nil, Errorf(ValueErrorType, "cannot convert float NaN to integer")
			}
			bf, _ := new(big.Float).SetFloat64(r).Int(nil)
			return normBig(bf), nil
		}
		if isIntLike(x) {
			n, _ := bigOf(x)
			return normBig(n), nil
		}
		if _, ok := x.Type().lookup("__round__"); ok {
			return CallMethod(x, "__round__", nil, nil)
		}
		return nil, Errorf(TypeErrorType, "type %s doesn't define __round__ method", x.Type().Name)
	}
	nd, _ := asInt(args[1])
	if f, ok := x.(Float); ok {
		// Correctly rounded: format with nd digits via strconv (round-half-even on the exact binary value).
		s := strconv.FormatFloat(float64(f), 'f', int(max(nd, 0)), 64)
		if nd < 0 {
			p := math.Pow(10, float64(-nd))
			return Float(math.RoundToEven(float64(f)/p) * p), nil
		}
		v, _ := strconv.ParseFloat(s, 64)
		return Float(v), nil
	}
	if isIntLike(x) {
		if nd >= 0 {
			n, _ := bigOf(x)
			return normBig(n), nil
		}
		return roundIntNeg(x, nd), nil
	}
	if _, ok := x.Type().lookup("__round__"); ok {
		return CallMethod(x, "__round__", args[1:], nil)
	}
	return nil, Errorf(TypeErrorType, "type %s doesn't define __round__ method", x.Type().Name)
}

// roundIntNeg is round(x, nd) for an int x and nd < 0: half to even at
// 10**-nd.
func roundIntNeg(x Object, nd int64) Object {
	n, _ := bigOf(x)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-nd), nil)
	q, r := new(big.Int).DivMod(n, p, new(big.Int))
	twice := new(big.Int).Lsh(r, 1)
	if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return normBig(q.Mul(q, p))
}

func minMax(name string, args []Object, kw []KwArg, want int) (Object, *BaseException) {
	if _, ok := kwarg(kw, "default"); ok && len(args) > 1 {
		return nil, Errorf(TypeErrorType, "Cannot specify a default for %s() with multiple positional arguments", name)
	}
	items := args
	if len(args) == 1 {
		var exc *BaseException
		if items, exc = toSlice(args[0]); exc != nil {
			return nil, exc
		}
	}
	key, hasKey := kwarg(kw, "key")
	if len(items) == 0 {
		if d, ok := kwarg(kw, "default"); ok {
			return d, nil
		}
		return nil, Errorf(ValueErrorType, "%s() iterable argument is empty", name)
	}
	best := items[0]
	bestKey := best
	if hasKey && key != None {
		var exc *BaseException
		if bestKey, exc = Call(key, []Object{best}, nil); exc != nil {
			return nil, exc
		}
	}
	for _, it := range items[1:] {
		k := it
		if hasKey && key != None {
			var exc *BaseException
			if k, exc = Call(key, []Object{it}, nil); exc != nil {
				return nil, exc
			}
		}
		var r Object
		var exc *BaseException
		if want > 0 {
			r, exc = Gt(k, bestKey)
		} else {
			r, exc = Lt(k, bestKey)
		}
		if exc != nil {
			return nil, exc
		}
		if r == Bool(true) {
			best, bestKey = it, k
		}
	}
	return best, nil
}
