package rtlib

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"sort"
	"strconv"
	"strings"
)

var builtins = make(map[string]Object, 128) // ~120 builtins: no growth at start-up

// LookupBuiltin returns the builtin called name.
func LookupBuiltin(name string) (Object, bool) {
	v, ok := builtins[name]
	return v, ok
}

func defBuiltin(name string, fn func(args []Object, kw []KwArg) (Object, *BaseException)) {
	builtins[name] = &Builtin{Name: name, Fn: fn}
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

func (r *rangeObj) length() int64 {
	if r.step > 0 && r.start < r.stop {
		return (r.stop - r.start + r.step - 1) / r.step
	}
	if r.step < 0 && r.start > r.stop {
		return (r.start - r.stop - r.step - 1) / -r.step
	}
	return 0
}

type rangeIter struct {
	next, step int64
	left       int64
}

func (*rangeIter) Type() *Type { return iteratorType }

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
	defBuiltin("print", builtinPrint)
	defBuiltin("len", func(args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("len", args, 1, 1); exc != nil {
			return nil, exc
		}
		n, exc := Len(args[0])
		return Int(n), exc
	})
	defBuiltin("repr", func(args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("repr", args, 1, 1); exc != nil {
			return nil, exc
		}
		return Repr(args[0])
	})
	defBuiltin("ascii", func(args []Object, kw []KwArg) (Object, *BaseException) { return Ascii(args[0]) })
	defBuiltin("format", func(args []Object, kw []KwArg) (Object, *BaseException) {
		spec := Str("")
		if len(args) > 1 {
			spec, _ = args[1].(Str)
		}
		return Format(args[0], string(spec))
	})
	StrType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return Str(""), nil
		}
		return ToStr(args[0])
	}
	IntType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return Int(0), nil
		}
		if len(args) > 1 || len(kw) > 0 {
			var bo Object
			if len(args) > 1 {
				bo = args[1]
			} else if v, ok := kwarg(kw, "base"); ok {
				bo = v
			}
			if bo != nil {
				base, ok := asInt(bo)
				if !ok {
					return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", bo.Type().Name)
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
			if f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64); err == nil {
				return Float(f), nil
			}
			r, _ := Repr(s)
			return nil, Errorf(ValueErrorType, "could not convert string to float: %s", r)
		}
		return nil, Errorf(TypeErrorType, "float() argument must be a string or a real number, not '%s'", args[0].Type().Name)
	}
	BoolType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return Bool(false), nil
		}
		b, exc := Truth(args[0])
		return Bool(b), exc
	}
	ListType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
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
				for _, it := range items {
					kv, exc := Unpack(it, 2)
					if exc != nil {
						return nil, exc
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
		var ints [3]int64
		for i, a := range args {
			n, ok := asInt(a)
			if !ok {
				return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", a.Type().Name)
			}
			ints[i] = n
		}
		switch len(args) {
		case 1:
			return &rangeObj{0, ints[0], 1}, nil
		case 2:
			return &rangeObj{ints[0], ints[1], 1}, nil
		case 3:
			if ints[2] == 0 {
				return nil, Errorf(ValueErrorType, "range() arg 3 must not be zero")
			}
			return &rangeObj{ints[0], ints[1], ints[2]}, nil
		}
		return nil, Errorf(TypeErrorType, "range expected at least 1 argument, got %d", len(args))
	}
	for _, t := range []*Type{StrType, IntType, FloatType, BoolType, ListType, TupleType, DictType, TypeType, rangeType, ObjectType,
		BaseExceptionType, ExceptionType, TypeErrorType, ValueErrorType, RuntimeErrorType, NameErrorType, UnboundLocalErrorType,
		AttributeErrorType, ArithmeticErrorType, ZeroDivisionErrorType, LookupErrorType, KeyErrorType, IndexErrorType,
		StopIterationType, StopAsyncIterationType, GeneratorExitType, SystemExitType, ImportErrorType, NotImplementedType,
		TimeoutErrorType, OverflowErrorType, AssertionErrorType} {
		builtins[t.Name] = t
	}
	builtins["NotImplementedError"] = NotImplementedType
	defBuiltin("isinstance", func(args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("isinstance", args, 2, 2); exc != nil {
			return nil, exc
		}
		return Bool(isInstance(args[0], args[1])), nil
	})
	defBuiltin("round", builtinRound)
	defBuiltin("sum", func(args []Object, kw []KwArg) (Object, *BaseException) {
		var acc Object = Int(0)
		if len(args) > 1 {
			acc = args[1]
		}
		if l, ok := args[0].(*List); ok {
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
		return fsum(acc, func() (Object, bool, *BaseException) { return Next(it) })
	})
	defBuiltin("min", func(args []Object, kw []KwArg) (Object, *BaseException) { return minMax("min", args, kw, -1) })
	defBuiltin("max", func(args []Object, kw []KwArg) (Object, *BaseException) { return minMax("max", args, kw, 1) })
	defBuiltin("sorted", func(args []Object, kw []KwArg) (Object, *BaseException) {
		items, exc := toSlice(args[0])
		if exc != nil {
			return nil, exc
		}
		l := NewList(append([]Object(nil), items...)...)
		key, _ := kwarg(kw, "key")
		rev, _ := kwarg(kw, "reverse")
		return l, sortList(l, key, rev)
	})
	defBuiltin("enumerate", func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "enumerate() missing required argument 'iterable'")
		}
		it, exc := Iter(args[0])
		if exc != nil {
			return nil, exc
		}
		var start Object = Int(0)
		if len(args) > 1 {
			start = args[1]
		} else if v, ok := kwarg(kw, "start"); ok {
			start = v
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
	defBuiltin("zip", func(args []Object, kw []KwArg) (Object, *BaseException) {
		strict := false
		for _, k := range kw {
			if k.Name != "strict" {
				return nil, Errorf(TypeErrorType, "zip() got an unexpected keyword argument '%s'", k.Name)
			}
			strict, _ = Truth(k.Value)
		}
		its := make([]Object, len(args))
		for i, a := range args {
			it, exc := Iter(a)
			if exc != nil {
				return nil, Errorf(TypeErrorType, "zip argument #%d must support iteration", i+1)
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
		defBuiltin(name, func(args []Object, kw []KwArg) (Object, *BaseException) {
			if exc := argCount(name, args, 1, 1); exc != nil {
				return nil, exc
			}
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
	defBuiltin("iter", func(args []Object, kw []KwArg) (Object, *BaseException) { return Iter(args[0]) })
	defBuiltin("next", func(args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("next", args, 1, 2); exc != nil {
			return nil, exc
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
	defBuiltin("hasattr", func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, _ := args[1].(Str)
		_, exc := GetAttr(args[0], string(name))
		return Bool(exc == nil), nil
	})
	defBuiltin("getattr", func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, _ := args[1].(Str)
		v, exc := GetAttr(args[0], string(name))
		if exc != nil && len(args) > 2 && exc.Class.IsSubtype(AttributeErrorType) {
			return args[2], nil
		}
		return v, exc
	})
	defBuiltin("setattr", func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, _ := args[1].(Str)
		return None, SetAttr(args[0], string(name), args[2])
	})
	defBuiltin("chr", func(args []Object, kw []KwArg) (Object, *BaseException) {
		n, _ := asInt(args[0])
		return Str(string(rune(n))), nil
	})
	defBuiltin("ord", func(args []Object, kw []KwArg) (Object, *BaseException) {
		s, _ := args[0].(Str)
		r := []rune(string(s))
		if len(r) != 1 {
			return nil, Errorf(TypeErrorType, "ord() expected a character, but string of length %d found", len(r))
		}
		return Int(r[0]), nil
	})
	defBuiltin("divmod", func(args []Object, kw []KwArg) (Object, *BaseException) {
		q, exc := FloorDiv(args[0], args[1])
		if exc != nil {
			return nil, exc
		}
		m, exc := Mod(args[0], args[1])
		return NewTuple(q, m), exc
	})
	defBuiltin("callable", func(args []Object, kw []KwArg) (Object, *BaseException) {
		switch args[0].(type) {
		case *Function, *Builtin, *BoundMethod, *Type, *Method:
			return Bool(true), nil
		}
		_, ok := args[0].Type().lookup("__call__")
		return Bool(ok), nil
	})
	builtins["None"] = None
	builtins["NotImplemented"] = NotImplemented
}

// OverflowErrorType and AssertionErrorType complete the builtin exceptions
// this runtime raises.
var (
	OverflowErrorType  = newType("OverflowError", ArithmeticErrorType)
	AssertionErrorType = newType("AssertionError", ExceptionType)
)

func isInstance(x, cls Object) bool {
	switch c := cls.(type) {
	case *Type:
		if c == IntType {
			if _, ok := x.(*BigInt); ok {
				return true
			}
		}
		return x.Type().IsSubtype(c)
	case *Tuple:
		for _, it := range c.Items {
			if isInstance(x, it) {
				return true
			}
		}
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

func sortList(l *List, key, reverse Object) *BaseException {
	keys := l.Items
	if key != nil && key != None {
		keys = make([]Object, len(l.Items))
		for i, it := range l.Items {
			k, exc := Call(key, []Object{it}, nil)
			if exc != nil {
				return exc
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	rev := false
	if reverse != nil {
		rev, _ = Truth(reverse)
	}
	var exc *BaseException
	sort.SliceStable(idx, func(a, b int) bool {
		if exc != nil {
			return false
		}
		x, y := keys[idx[a]], keys[idx[b]]
		if rev {
			x, y = y, x
		}
		r, e := Lt(x, y)
		if e != nil {
			exc = e
			return false
		}
		return r == Bool(true)
	})
	if exc != nil {
		return exc
	}
	out := make([]Object, len(idx))
	for i, j := range idx {
		out[i] = l.Items[j]
	}
	copy(l.Items, out)
	return nil
}
