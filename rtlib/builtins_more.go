package rtlib

import (
	"fmt"
	"math/big"
)

// funcIter is a lazy iterator driven by a Go closure (map, filter).
type funcIter struct {
	typ  *Type
	next func() (Object, bool, *BaseException)
}

func (f *funcIter) Type() *Type { return f.typ }

func (f *funcIter) NextValue() (Object, bool, *BaseException) { return f.next() }

var (
	mapType       = newType("map", ObjectType)
	enumerateType = newType("enumerate", ObjectType)
	zipType       = newType("zip", ObjectType)
	filterType    = newType("filter", ObjectType)
	builtinNoneID = map[Object]int{}
)

func init() {
	defBuiltin(&ArgSpec{name: "map", style: argsUnpack, min: 2, max: manyArgs, fewMsg: "map() must have at least two arguments."}, func(args []Object, kw []KwArg) (Object, *BaseException) {
		fn := args[0]
		its := make([]Object, len(args)-1)
		for i, a := range args[1:] {
			it, exc := Iter(a)
			if exc != nil {
				return nil, exc
			}
			its[i] = it
		}
		return &funcIter{typ: mapType, next: func() (Object, bool, *BaseException) {
			vals := make([]Object, len(its))
			for i, it := range its {
				v, ok, exc := Next(it)
				if exc != nil || !ok {
					return nil, false, exc
				}
				vals[i] = v
			}
			r, exc := Call(fn, vals, nil)
			return r, exc == nil, exc
		}}, nil
	})
	defBuiltin(positional("filter", 2, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		fn := args[0]
		it, exc := Iter(args[1])
		if exc != nil {
			return nil, exc
		}
		return &funcIter{typ: filterType, next: func() (Object, bool, *BaseException) {
			for {
				v, ok, exc := Next(it)
				if exc != nil || !ok {
					return nil, false, exc
				}
				t := v
				if fn != None {
					r, exc := Call(fn, []Object{v}, nil)
					if exc != nil {
						return nil, false, exc
					}
					t = r
				}
				b, exc := Truth(t)
				if exc != nil {
					return nil, false, exc
				}
				if b {
					return v, true, nil
				}
			}
		}}, nil
	})
	defBuiltin(positional("reversed", 1, 1), func(args []Object, kw []KwArg) (Object, *BaseException) {
		return reversedOf(args[0])
	})
	defBuiltin(powArgs, func(args []Object, kw []KwArg) (Object, *BaseException) {
		args = powArgs.positionalize(args, kw)
		if len(args) == 3 && args[2] != None {
			if isIntLike(args[0]) && isIntLike(args[1]) && isIntLike(args[2]) {
				x, _ := bigOf(args[0])
				y, _ := bigOf(args[1])
				m, _ := bigOf(args[2])
				if m.Sign() == 0 {
					return nil, Errorf(ValueErrorType, "pow() 3rd argument cannot be 0")
				}
				if y.Sign() < 0 {
					return nil, Errorf(ValueErrorType, "base is not invertible for the given modulus")
				}
				r := new(big.Int).Exp(x, y, new(big.Int).Abs(m))
				if r.Sign() != 0 && m.Sign() < 0 {
					r.Add(r, m)
				}
				return normBig(r), nil
			}
			if _, ok := args[0].Type().lookup("__pow__"); !ok {
				return nil, Errorf(TypeErrorType, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", args[0].Type().Name, args[1].Type().Name, args[2].Type().Name)
			}
			return CallMethod(args[0], "__pow__", args[1:], nil)
		}
		return Pow(args[0], args[1])
	})
	defBuiltin(oneArg("id"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		var n int64
		fmt.Sscanf(fmt.Sprintf("%p", args[0]), "0x%x", &n)
		if n == 0 {
			h, _ := Hash(args[0])
			n = h
		}
		return Int(n), nil
	})
	defBuiltin(positional("delattr", 2, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		return None, DelAttr(args[0], string(name))
	})
	for _, p := range [][2]string{{"hex", "#x"}, {"oct", "#o"}, {"bin", "#b"}} {
		name, spec := p[0], p[1]
		defBuiltin(oneArg(name), func(args []Object, kw []KwArg) (Object, *BaseException) {
			switch args[0].(type) {
			case Int, Bool, *BigInt:
			default:
				if _, ok := args[0].Type().lookup("__index__"); ok {
					v, exc := CallMethod(args[0], "__index__", nil, nil)
					if exc != nil {
						return nil, exc
					}
					return Format(v, spec)
				}
				return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			return Format(args[0], spec)
		})
	}
	defBuiltin(positional("vars", 0, 1), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "vars() takes exactly one argument")
		}
		d, exc := GetAttr(args[0], "__dict__")
		if exc != nil {
			return nil, Errorf(TypeErrorType, "vars() argument must have __dict__ attribute")
		}
		return d, nil
	})
	defBuiltin(positional("dir", 0, 1), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "dir() without arguments is not supported")
		}
		seen := map[string]bool{}
		var names []Object
		add := func(d *Dict) {
			if d == nil {
				return
			}
			d.Items(func(k, _ Object) {
				if s, ok := k.(Str); ok && !seen[string(s)] {
					seen[string(s)] = true
					names = append(names, s)
				}
			})
		}
		if inst, ok := args[0].(*Instance); ok {
			add(inst.Attrs)
		}
		t, ok := args[0].(*Type)
		if !ok {
			t = args[0].Type()
		}
		for _, c := range t.MRO {
			add(c.Dict)
		}
		l := NewList(names...)
		if exc := sortList(l, None, Bool(false)); exc != nil {
			return nil, exc
		}
		return l, nil
	})
	// frozenset is the class, as set is (frozenset[str], isinstance).
	frozensetArgs := positional("frozenset", 0, 1)
	builtins["frozenset"] = FrozenSetType
	FrozenSetType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := frozensetArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		var it Object
		if len(args) == 1 {
			it = args[0]
		}
		return newSetFrom(it, true)
	}
	defBuiltin(oneArg("aiter"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if _, ok := args[0].Type().lookup("__aiter__"); !ok {
			return nil, Errorf(TypeErrorType, "'%s' object is not an async iterable", args[0].Type().Name)
		}
		return AIter(args[0])
	})
	defBuiltin(positional("anext", 1, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		if _, ok := args[0].Type().lookup("__anext__"); !ok {
			return nil, Errorf(TypeErrorType, "'%s' object is not an async iterator", args[0].Type().Name)
		}
		aw, exc := ANext(args[0])
		if exc != nil || len(args) == 1 {
			return aw, exc
		}
		r, exc := GetAwaitable(aw)
		if exc != nil {
			return nil, exc
		}
		dflt := args[1]
		return &anextAwaitable{MapAwait(r, func(v Object, exc *BaseException) (Object, *BaseException) {
			if exc != nil && exc.Class.IsSubtype(StopAsyncIterationType) {
				return dflt, nil
			}
			return v, exc
		})}, nil
	})
}

// anextAwaitable is anext(it, default): StopAsyncIteration becomes default.
type anextAwaitable struct{ Resumable }

var anextAwaitableType = newType("anext_awaitable", ObjectType)

func (*anextAwaitable) Type() *Type { return anextAwaitableType }
