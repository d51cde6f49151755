package rtlib

import (
	"math/big"
	"strings"
	"unsafe"
)

// MustBuiltin returns a builtin for a generated program's package variables;
// the translator has checked that it exists.
func MustBuiltin(name string) Object {
	v, ok := builtins[name]
	if !ok {
		panic("rtlib: no builtin " + name)
	}
	return v
}

type ellipsisType struct{}

func (ellipsisType) Type() *Type { return ellipsisTypeObj }

var ellipsisTypeObj = newType("ellipsis", ObjectType)

// Ellipsis is Python's `...`.
var Ellipsis Object = ellipsisType{}

// Repr of the ellipsis.
func (ellipsisType) Repr() (Str, *BaseException) { return "Ellipsis", nil }

// DelAttr is del obj.name.
func DelAttr(obj Object, name string) *BaseException {
	if inst, ok := obj.(*Instance); ok {
		if m := userHook(inst.Class, "__delattr__", objectDelattr); m != nil {
			_, exc := Call(m, []Object{obj, Str(name)}, nil)
			return exc
		}
		return plainDelAttr(obj, name)
	}
	switch o := obj.(type) {
	case *Module:
		if o.Dict.DelStr(name) {
			return nil
		}
	case *Function:
		if name == "__doc__" {
			o.Doc = nil // CPython's func_set_doc: None
			return nil
		}
	case *Type:
		if MetaOf(o) != nil {
			break
		}
		if o.Dict.DelStr(name) {
			return nil
		}
		return Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", o.Name, name)
	}
	if attrs := instanceAttrs(obj); attrs != nil {
		if attrs.DelStr(name) {
			return nil
		}
	}
	// A runtime object's property with a deleter (range's read-only
	// members raise from theirs).
	if m, ok := obj.Type().lookup(name); ok {
		if p, ok := m.(*Property); ok && p.Del != nil && p.Del != None {
			_, exc := Call(p.Del, []Object{obj}, nil)
			return exc
		}
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, name)
}

// DelStr deletes a str key, reporting whether it was there.
func (d *Dict) DelStr(key string) bool {
	d.ensure()
	i, ok := d.index[Str(key)]
	if !ok {
		return false
	}
	d.delAt(i, Str(key))
	return true
}

// delAt removes entry i, leaving a hole (a nil key) so that deletion is
// O(1); the entries are compacted once holes outnumber them.
func (d *Dict) delAt(i int, hk any) {
	d.touch()
	delete(d.index, hk)
	d.keys[i], d.vals[i] = nil, nil
	d.live--
	if d.live == 0 {
		d.keys, d.vals = d.keys[:0], d.vals[:0]
		return
	}
	if len(d.keys) > 8 && d.live < len(d.keys)/2 {
		keys, vals := d.keys, d.vals
		d.keys, d.vals = make([]Object, 0, d.live*2), make([]Object, 0, d.live*2)
		for j, k := range keys {
			if k == nil {
				continue
			}
			hk, _ := hashKey(k)
			d.index[hk] = len(d.keys)
			d.keys = append(d.keys, k)
			d.vals = append(d.vals, vals[j])
		}
	}
}

// DelItem is del obj[key].
func DelItem(obj, key Object) *BaseException {
	switch c := obj.(type) {
	case *Dict:
		c.ensure()
		hk, exc := c.keyFor(key)
		if exc != nil {
			return exc
		}
		i, ok := c.index[hk]
		if !ok {
			return NewException(KeyErrorType, key)
		}
		c.delAt(i, hk)
		return nil
	case *List:
		if sl, ok := key.(*Slice); ok {
			lo, hi, step, n := sl.indices(len(c.Items))
			if step == 1 {
				c.Items = append(c.Items[:lo], c.Items[hi:]...)
				return nil
			}
			drop := map[int]bool{}
			for k, i := 0, lo; k < n; k, i = k+1, i+step {
				drop[i] = true
			}
			var keep []Object
			for i, it := range c.Items {
				if !drop[i] {
					keep = append(keep, it)
				}
			}
			c.Items = keep
			return nil
		}
		i, exc := seqIndex(key, len(c.Items), "list assignment")
		if exc != nil {
			return exc
		}
		c.Items = append(c.Items[:i], c.Items[i+1:]...)
		return nil
	}
	_, exc := CallMethod(obj, "__delitem__", []Object{key}, nil)
	if exc != nil && exc.Class == AttributeErrorType {
		if _, ok := obj.Type().lookup("__delitem__"); !ok {
			return delItemError(obj, key)
		}
	}
	return exc
}

// delItemError is CPython's TypeError for del obj[key] where obj has no
// __delitem__: "doesn't" from the sequence protocol (a type with sequence
// slots, an int index), "does not" otherwise.
func delItemError(obj, key Object) *BaseException {
	if isIntLike(key) {
		switch obj.(type) {
		case Str, *Tuple, *Set, *rangeObj, *bigRange, *Instance:
			return Errorf(TypeErrorType, "'%s' object doesn't support item deletion", obj.Type().Name)
		}
	}
	return Errorf(TypeErrorType, "'%s' object does not support item deletion", obj.Type().Name)
}

// Set is a Python set.
type Set struct {
	d      *Dict
	frozen bool
	// tab simulates CPython's hash table, which gives the iteration order
	// (setorder.go); fill counts used and dummy slots, used live ones.
	tab        []setSlot
	fill, used int
	finger     int
}

// SetType is set; FrozenSetType is frozenset (a *Set with frozen set).
var (
	SetType       = newType("set", ObjectType)
	FrozenSetType = newType("frozenset", ObjectType)
)

// Type returns set or frozenset.
func (s *Set) Type() *Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// NewSet makes a set of items.
func NewSet(items ...Object) (Object, *BaseException) {
	s := &Set{d: NewDict()}
	for _, it := range items {
		if exc := s.add(it); exc != nil {
			return nil, exc
		}
	}
	return s, nil
}

// Repr of a set.
func (s *Set) Repr() (Str, *BaseException) {
	if s.frozen {
		if s.d.Len() == 0 {
			return "frozenset()", nil
		}
		r, exc := seqRepr("frozenset({", "})", s.items(), false)
		return r, exc
	}
	if s.d.Len() == 0 {
		return "set()", nil
	}
	r, exc := seqRepr("{", "}", s.items(), false)
	return r, exc
}

// Slice is a slice object.
type Slice struct{ Lo, Hi, Step Object }

var sliceType = newType("slice", ObjectType)

// Type returns slice.
func (*Slice) Type() *Type { return sliceType }

// Repr is slice(lo, hi, step).
func (s *Slice) Repr() (Str, *BaseException) {
	parts := make([]string, 3)
	for i, v := range []Object{s.Lo, s.Hi, s.Step} {
		if v == nil {
			v = None
		}
		r, exc := Repr(v)
		if exc != nil {
			return "", exc
		}
		parts[i] = string(r)
	}
	return Str("slice(" + strings.Join(parts, ", ") + ")"), nil
}

// NewSlice makes slice(lo, hi, step).
func NewSlice(lo, hi, step Object) Object { return &Slice{lo, hi, step} }

// indices is slice.indices(n) plus the length of the slice.
func (s *Slice) indices(n int) (lo, hi, step, count int) {
	step = 1
	if s.Step != None {
		st, _ := asInt(s.Step)
		step = int(st)
	}
	clamp := func(v Object, def int) int {
		if v == None {
			return def
		}
		i64, _ := asInt(v)
		i := int(i64)
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					return -1
				}
				return 0
			}
		}
		if i >= n {
			if step < 0 {
				return n - 1
			}
			return n
		}
		return i
	}
	if step > 0 {
		lo, hi = clamp(s.Lo, 0), clamp(s.Hi, n)
		if hi > lo {
			count = (hi - lo + step - 1) / step
		}
	} else {
		lo, hi = clamp(s.Lo, n-1), clamp(s.Hi, -1)
		if lo > hi {
			count = (lo - hi - step - 1) / -step
		}
	}
	return
}

func sliceItems(items []Object, s *Slice) []Object {
	lo, _, step, n := s.indices(len(items))
	out := make([]Object, n)
	for k, i := 0, lo; k < n; k, i = k+1, i+step {
		out[k] = items[i]
	}
	return out
}

// FormatValue is one replacement field of an f-string: the conversion
// (0, 's', 'r' or 'a') and then format(value, spec).
func FormatValue(x Object, conv int, spec Object) (Object, *BaseException) {
	var exc *BaseException
	switch conv {
	case 's':
		x, exc = ToStr(x)
	case 'r':
		x, exc = Repr(x)
	case 'a':
		x, exc = Ascii(x)
	}
	if exc != nil {
		return nil, exc
	}
	sp, _ := spec.(Str)
	if sp == "" {
		if s, ok := x.(Str); ok {
			return s, nil
		}
	}
	return Format(x, string(sp))
}

// Concat joins the str parts of an f-string.
func Concat(parts ...Object) Object {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(string(p.(Str)))
	}
	return Str(b.String())
}

// Chain sets exc.__context__ to ctx (an exception raised while ctx was
// being handled) and returns exc.
func Chain(exc, ctx *BaseException) *BaseException {
	if ctx != nil && exc != ctx && exc.Context == nil {
		exc.Context = ctx
	}
	return exc
}

// ExtendArgs appends the items of an iterable (f(*xs)).
func ExtendArgs(args []Object, iterable Object) ([]Object, *BaseException) {
	items, exc := toSlice(iterable)
	if exc != nil {
		return nil, Errorf(TypeErrorType, "argument after * must be an iterable, not %s", iterable.Type().Name)
	}
	if len(args) == 0 {
		// toSlice's result is a fresh copy or a tuple's (immutable) items,
		// and callees never modify their arguments: no second copy. The
		// capacity is clipped so that appending more arguments copies
		// rather than writing into a tuple's spare capacity.
		return items[:len(items):len(items)], nil
	}
	return append(args, items...), nil
}

// ExtendKwargs appends the items of a mapping (f(**m)).
func ExtendKwargs(kw []KwArg, mapping Object) ([]KwArg, *BaseException) {
	d, ok := mapping.(*Dict)
	if !ok {
		return nil, Errorf(TypeErrorType, "argument after ** must be a mapping, not %s", mapping.Type().Name)
	}
	var exc *BaseException
	d.Items(func(k, v Object) {
		s, ok := k.(Str)
		if !ok && exc == nil {
			exc = Errorf(TypeErrorType, "keywords must be strings")
			return
		}
		kw = append(kw, KwArg{Name: string(s), Value: v})
	})
	return kw, exc
}

// DictUpdate is {**m} inside a dict display.
func DictUpdate(d *Dict, m Object) *BaseException {
	src, ok := m.(*Dict)
	if !ok {
		return Errorf(TypeErrorType, "'%s' object is not a mapping", m.Type().Name)
	}
	var exc *BaseException
	src.Items(func(k, v Object) {
		if exc == nil {
			exc = d.SetItem(k, v)
		}
	})
	return exc
}

// UnpackStar is `a, *b, c = x`: before items, a list, after items.
func UnpackStar(x Object, before, after int) ([]Object, *BaseException) {
	items, exc := toSlice(x)
	if exc != nil {
		return nil, Errorf(TypeErrorType, "cannot unpack non-iterable %s object", x.Type().Name)
	}
	if len(items) < before+after {
		return nil, Errorf(ValueErrorType, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	out := append([]Object(nil), items[:before]...)
	out = append(out, NewList(append([]Object(nil), items[before:len(items)-after]...)...))
	return append(out, items[len(items)-after:]...), nil
}

// AIter is aiter(x) for `async for`.
func AIter(x Object) (Object, *BaseException) {
	if _, ok := x.Type().lookup("__aiter__"); !ok {
		return nil, Errorf(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", x.Type().Name)
	}
	return CallMethod(x, "__aiter__", nil, nil)
}

// ANext is the awaitable of anext(it).
func ANext(it Object) (Object, *BaseException) {
	if _, ok := it.Type().lookup("__anext__"); !ok {
		return nil, Errorf(TypeErrorType, "'async for' received an object from __aiter__ that does not implement __anext__: %s", it.Type().Name)
	}
	return CallMethod(it, "__anext__", nil, nil)
}

// WithEnter starts a with (or async with) block: it returns the value of
// __enter__ (for async with, the awaitable of __aenter__) and the bound exit.
func WithEnter(mgr Object, async bool) (Object, Object, *BaseException) {
	enter, exit := "__enter__", "__exit__"
	proto := "context manager"
	if async {
		enter, exit = "__aenter__", "__aexit__"
		proto = "asynchronous context manager"
	}
	_, hasEnter := mgr.Type().lookup(enter)
	_, hasExit := mgr.Type().lookup(exit)
	if !hasEnter || !hasExit {
		missing := ""
		if hasEnter {
			missing = " (missed " + exit + " method)"
		}
		return nil, nil, Errorf(TypeErrorType, "'%s' object does not support the %s protocol%s", mgr.Type().Name, proto, missing)
	}
	exitFn, exc := GetAttr(mgr, exit)
	if exc != nil {
		return nil, nil, exc
	}
	v, exc := CallMethod(mgr, enter, nil, nil)
	return v, exitFn, exc
}

// CallExit calls a with block's exit with the exception that ends it (or
// None): exit(type, value, traceback).
func CallExit(exit, exc Object) (Object, *BaseException) {
	return Call(exit, exitArgs(exc), nil)
}

// noExcArgs is (None, None, None), shared: callees never modify args.
var noExcArgs = []Object{None, None, None}

func exitArgs(exc Object) []Object {
	if e, ok := exc.(*BaseException); ok {
		return []Object{e.Class, e, None}
	}
	return noExcArgs
}

// awaitAnyEnter is AwaitEnterCached for a manager whose __aenter__ is not
// a Go method with an Await form: the general async with's entry.
func awaitAnyEnter(mgr Object) (Resumable, Object, *BaseException) {
	v, exit, exc := WithEnter(mgr, true)
	if exc != nil {
		return nil, nil, exc
	}
	r, exc := GetAwaitable(v)
	return r, exit, exc
}

// goAenter is the Await form of type t's __aenter__ when it is a Go method
// with one and t also has an __aexit__, else nil.
func goAenter(t *Type) func(self Object, args []Object, kw []KwArg) (Resumable, *BaseException) {
	if m, ok := t.lookup("__aenter__"); ok {
		if gm, ok := m.(*Method); ok && gm.Await != nil {
			if _, ok := t.lookup("__aexit__"); ok {
				return gm.Await
			}
		}
	}
	return nil
}

// awaitGoEnter is AwaitEnterCached where mgr's __aenter__ is the Go method
// whose Await form is enter.
func awaitGoEnter(enter func(self Object, args []Object, kw []KwArg) (Resumable, *BaseException), mgr Object) (Resumable, Object, *BaseException) {
	var exit Object
	if c, ok := mgr.(interface{ BoundAexit() *BoundMethod }); ok {
		exit = c.BoundAexit() // made once per object
	} else {
		var exc *BaseException
		if exit, exc = GetAttr(mgr, "__aexit__"); exc != nil {
			return nil, nil, exc
		}
	}
	body, exc := enter(mgr, nil, nil)
	return body, exit, exc
}

// AwaitEnterCached is an async with's `await mgr.__aenter__()`, fused
// (codegen emits it when nothing else sees the awaitable): the awaitable's
// body, and the bound __aexit__ as WithEnter gives it. A Go method with an
// Await form (Method.Await) gives its body without a coroutine object, and
// the statement's cache keeps it: while mgr has the Go type and the Python
// type the cache holds and no watched dict has changed since, it is called
// without looking __aenter__ and __aexit__ up again (bench/fanout: two
// type-dict lookups per async with).
func AwaitEnterCached(c *AttrCache, mgr Object) (Resumable, Object, *BaseException) {
	if *(*unsafe.Pointer)(unsafe.Pointer(&mgr)) == c.gotype && c.epoch == dictEpoch && mgr.Type() == c.t {
		return awaitGoEnter(c.meth, mgr)
	}
	t := mgr.Type()
	enter := goAenter(t)
	if enter == nil {
		*c = AttrCache{Name: c.Name}
		return awaitAnyEnter(mgr)
	}
	watchMRO(t)
	*c = AttrCache{Name: c.Name, epoch: dictEpoch, gotype: goType(mgr), t: t, meth: enter}
	return awaitGoEnter(enter, mgr)
}

// AwaitExit is an async with's `await exit(type, value, traceback)`, fused
// as AwaitEnterCached is.
func AwaitExit(exit, exc Object) (Resumable, *BaseException) {
	if bm, ok := exit.(*BoundMethod); ok {
		if gm, ok := bm.Fn.(*Method); ok && gm.Await != nil {
			return gm.Await(bm.Self, exitArgs(exc), nil)
		}
	}
	v, e := CallExit(exit, exc)
	if e != nil {
		return nil, e
	}
	return GetAwaitable(v)
}

func intOp(name string, a, b Object, f func(x, y *big.Int) (*big.Int, *BaseException)) (Object, *BaseException) {
	if isIntLike(a) && isIntLike(b) {
		x, _ := bigOf(a)
		y, _ := bigOf(b)
		r, exc := f(x, y)
		if exc != nil {
			return nil, exc
		}
		if _, ok := a.(Bool); ok {
			if _, ok := b.(Bool); ok && name != "<<" && name != ">>" {
				return Bool(r.Sign() != 0), nil
			}
		}
		return normBig(r), nil
	}
	if r, exc, ok := dunderBinary(name, a, b); ok {
		return r, exc
	}
	return nil, opError(name, a, b)
}

// BitAnd is a & b.
func BitAnd(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return x & y, nil
		}
	}
	if r, exc, ok := setOp("&", a, b); ok {
		return r, exc
	}
	return intOp("&", a, b, func(x, y *big.Int) (*big.Int, *BaseException) { return new(big.Int).And(x, y), nil })
}

// BitOr is a | b.
func BitOr(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return x | y, nil
		}
	}
	if r, exc, ok := setOp("|", a, b); ok {
		return r, exc
	}
	if d, ok := a.(*Dict); ok {
		if e, ok := b.(*Dict); ok {
			out := NewDict()
			DictUpdate(out, d)
			return out, DictUpdate(out, e)
		}
	}
	if r, ok, exc := unionOr(a, b); ok {
		return r, exc
	}
	return intOp("|", a, b, func(x, y *big.Int) (*big.Int, *BaseException) { return new(big.Int).Or(x, y), nil })
}

// BitXor is a ^ b.
func BitXor(a, b Object) (Object, *BaseException) {
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			return x ^ y, nil
		}
	}
	if r, exc, ok := setOp("^", a, b); ok {
		return r, exc
	}
	return intOp("^", a, b, func(x, y *big.Int) (*big.Int, *BaseException) { return new(big.Int).Xor(x, y), nil })
}

// LShift is a << b.
func LShift(a, b Object) (Object, *BaseException) {
	return intOp("<<", a, b, func(x, y *big.Int) (*big.Int, *BaseException) {
		if y.Sign() < 0 {
			return nil, Errorf(ValueErrorType, "negative shift count")
		}
		return new(big.Int).Lsh(x, uint(y.Int64())), nil
	})
}

// RShift is a >> b.
func RShift(a, b Object) (Object, *BaseException) {
	return intOp(">>", a, b, func(x, y *big.Int) (*big.Int, *BaseException) {
		if y.Sign() < 0 {
			return nil, Errorf(ValueErrorType, "negative shift count")
		}
		if y.BitLen() > 31 {
			if x.Sign() < 0 {
				return big.NewInt(-1), nil
			}
			return new(big.Int), nil
		}
		return new(big.Int).Rsh(x, uint(y.Int64())), nil
	})
}

// MatMul is a @ b.
func MatMul(a, b Object) (Object, *BaseException) {
	// No builtin type has @: only the operands' own __matmul__ and
	// __rmatmul__.
	if r, exc, ok := dunderBinary("@", a, b); ok {
		return r, exc
	}
	return nil, opError("@", a, b)
}

// Invert is ~x.
func Invert(x Object) (Object, *BaseException) {
	if isIntLike(x) {
		v, _ := bigOf(x)
		return normBig(new(big.Int).Not(v)), nil
	}
	return nil, Errorf(TypeErrorType, "bad operand type for unary ~: '%s'", x.Type().Name)
}

// InplaceAdd is a += b (lists extend in place).
func InplaceAdd(a, b Object) (Object, *BaseException) {
	// Fast paths first (exact ints and floats have no __iadd__).
	if x, ok := a.(Int); ok {
		if y, ok := b.(Int); ok {
			if r := x + y; (r > x) == (y > 0) {
				return r, nil
			}
		}
	} else if x, ok := a.(Float); ok {
		if y, ok := b.(Float); ok {
			return x + y, nil
		}
	}
	if r, exc, ok := inplaceDunder("__iadd__", a, b); ok {
		return r, exc
	}
	if l, ok := a.(*List); ok {
		items, exc := toSlice(b)
		if exc != nil {
			return nil, Errorf(TypeErrorType, "'%s' object is not iterable", b.Type().Name)
		}
		l.Items = append(l.Items, items...)
		return l, nil
	}
	return inplaceFallback("+", "+=", a, b, Add)
}

// inplaceFallback is a op= b computed by the binary operator op (for
// the types without an in-place method), with CPython's error naming the
// augmented operator iop when neither operand supports it.
func inplaceFallback(op, iop string, a, b Object, bin func(a, b Object) (Object, *BaseException)) (Object, *BaseException) {
	r, exc := bin(a, b)
	if exc != nil && exc.Class == TypeErrorType && len(exc.Args.Items) == 1 &&
		exc.Args.Items[0] == opError(op, a, b).Args.Items[0] {
		return nil, opError(iop, a, b)
	}
	return r, exc
}

// The other in-place operators behave as the binary ones for the builtin
// immutable types.
func InplaceSub(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__isub__", a, b); ok {
		return r, exc
	}
	if r, exc, ok := inplaceSetOp("-", a, b); ok {
		return r, exc
	}
	return inplaceFallback("-", "-=", a, b, Sub)
}
func InplaceMul(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__imul__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("*", "*=", a, b, Mul)
}
func InplaceTrueDiv(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__itruediv__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("/", "/=", a, b, TrueDiv)
}
func InplaceFloorDiv(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__ifloordiv__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("//", "//=", a, b, FloorDiv)
}
func InplaceMod(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__imod__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("%", "%=", a, b, Mod)
}
func InplacePow(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__ipow__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("** or pow()", "**=", a, b, Pow)
}
func InplaceLShift(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__ilshift__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("<<", "<<=", a, b, LShift)
}
func InplaceRShift(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__irshift__", a, b); ok {
		return r, exc
	}
	return inplaceFallback(">>", ">>=", a, b, RShift)
}
func InplaceBitAnd(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__iand__", a, b); ok {
		return r, exc
	}
	if r, exc, ok := inplaceSetOp("&", a, b); ok {
		return r, exc
	}
	return inplaceFallback("&", "&=", a, b, BitAnd)
}
func InplaceBitOr(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__ior__", a, b); ok {
		return r, exc
	}
	if r, exc, ok := inplaceSetOp("|", a, b); ok {
		return r, exc
	}
	return inplaceFallback("|", "|=", a, b, BitOr)
}
func InplaceBitXor(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__ixor__", a, b); ok {
		return r, exc
	}
	if r, exc, ok := inplaceSetOp("^", a, b); ok {
		return r, exc
	}
	return inplaceFallback("^", "^=", a, b, BitXor)
}
func InplaceMatMul(a, b Object) (Object, *BaseException) {
	if r, exc, ok := inplaceDunder("__imatmul__", a, b); ok {
		return r, exc
	}
	return inplaceFallback("@", "@=", a, b, MatMul)
}

// superObj is the result of super().
type superObj struct {
	cls  *Type
	self Object
}

var superType = newType("super", ObjectType)

func (*superObj) Type() *Type { return superType }

func init() {
	defBuiltin(&ArgSpec{name: "super", style: argsUnpack, max: manyArgs, anyKw: true}, func(args []Object, kw []KwArg) (Object, *BaseException) {
		if len(kw) > 0 {
			return nil, Errorf(TypeErrorType, "super() takes no keyword arguments")
		}
		if len(args) > 2 {
			return nil, Errorf(TypeErrorType, "super() expected at most 2 arguments, got %d", len(args))
		}
		if len(args) == 0 {
			return nil, Errorf(RuntimeErrorType, "super(): no arguments")
		}
		if _, ok := args[0].(*Type); ok && len(args) == 1 {
			return nil, Errorf(RuntimeErrorType, "super(): no arguments")
		}
		cls, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeErrorType, "super() argument 1 must be a type, not %s", args[0].Type().Name)
		}
		return &superObj{cls: cls, self: args[1]}, nil
	})
	builtins["set"] = SetType
	SetType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := setTypeArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		if len(args) == 0 {
			return NewSet()
		}
		return newSetFrom(args[0], false)
	}
	builtins["Ellipsis"] = Ellipsis
	builtins["slice"] = sliceType
	sliceType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := sliceArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		switch len(args) {
		case 1:
			return NewSlice(None, args[0], None), nil
		case 2:
			return NewSlice(args[0], args[1], None), nil
		}
		return NewSlice(args[0], args[1], args[2]), nil
	}
	builtins["object"] = ObjectType
}

// superLookup finds name in the MRO of s.self's type after s.cls.
func (s *superObj) lookup(name string) (Object, bool) {
	mro := s.self.Type().MRO
	if t, ok := s.self.(*Type); ok {
		mro = t.MRO
	}
	after := false
	for _, m := range mro {
		if after {
			if v, ok := m.Dict.GetStr(name); ok {
				return v, true
			}
		}
		if m == s.cls {
			after = true
		}
	}
	return nil, false
}

// ClassAnnotations returns a class namespace's __annotations__ dict,
// making it on first use.
func ClassAnnotations(ns *Dict) (Object, *BaseException) {
	if v, ok := ns.GetStr("__annotations__"); ok {
		return v, nil
	}
	d := NewDict()
	ns.SetStr("__annotations__", d)
	return d, nil
}

// StaticMethod is staticmethod(f); ClassMethod is classmethod(f).
type StaticMethod struct{ Fn Object }
type ClassMethod struct{ Fn Object }

var (
	staticMethodType = newType("staticmethod", ObjectType)
	classMethodType  = newType("classmethod", ObjectType)
)

func (*StaticMethod) Type() *Type { return staticMethodType }
func (*ClassMethod) Type() *Type  { return classMethodType }

// bindDescriptor turns a class attribute found for obj (an instance, or the
// class itself when cls is set) into what attribute access returns.
func bindDescriptor(v, obj Object, cls *Type) (Object, bool) {
	switch d := v.(type) {
	case *StaticMethod:
		return d.Fn, true
	case *ClassMethod:
		if cls == nil {
			cls = obj.Type()
		}
		return &BoundMethod{Self: cls, Fn: d.Fn}, true
	}
	return nil, false
}

func init() {
	builtins["staticmethod"] = staticMethodType
	builtins["classmethod"] = classMethodType
	staticMethodType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := staticMethodArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		return &StaticMethod{Fn: args[0]}, nil
	}
	classMethodType.New = func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := classMethodArgs.check(args, kw); exc != nil {
			return nil, exc
		}
		return &ClassMethod{Fn: args[0]}, nil
	}
	defBuiltin(oneArg("hash"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		h, exc := Hash(args[0])
		return Int(h), exc
	})
	defBuiltin(positional("issubclass", 2, 2), func(args []Object, kw []KwArg) (Object, *BaseException) {
		t, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeErrorType, "issubclass() arg 1 must be a class")
		}
		if !classInfo(args[1]) {
			return nil, Errorf(TypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
		}
		if generic(args[1]) {
			return nil, Errorf(TypeErrorType, "issubclass() argument 2 cannot be a parameterized generic")
		}
		var check func(c Object) bool
		check = func(c Object) bool {
			switch ct := c.(type) {
			case *Type:
				if is, ok := abcSubclass(ct, t); ok {
					return is
				}
				return t.IsSubtype(ct)
			case *UnionType:
				for _, m := range ct.Args.Items {
					if check(m) {
						return true
					}
				}
			}
			return false
		}
		if tup, ok := args[1].(*Tuple); ok {
			for _, c := range tup.Items {
				if check(c) {
					return Bool(true), nil
				}
			}
			return Bool(false), nil
		}
		return Bool(check(args[1])), nil
	})
	defBuiltin(oneArg("abs"), func(args []Object, kw []KwArg) (Object, *BaseException) {
		x := args[0]
		switch v := x.(type) {
		case Float:
			if v < 0 {
				return -v, nil
			}
			return v, nil
		case Int, Bool, *BigInt:
			if c, _ := compare(x, Int(0)); c < 0 {
				return Neg(x)
			}
			return Pos(x)
		}
		if _, ok := x.Type().lookup("__abs__"); ok {
			return CallMethod(x, "__abs__", nil, nil)
		}
		return nil, Errorf(TypeErrorType, "bad operand type for abs(): '%s'", x.Type().Name)
	})
}

// inplaceSetOp is s |= t, s &= t, s -= t and s ^= t on a set: s changes in
// place (set_ior and friends). ok is false for other operands.
func inplaceSetOp(op string, a, b Object) (Object, *BaseException, bool) {
	s, ok := a.(*Set)
	if !ok || s.frozen || !setLike(b) {
		return nil, nil, false
	}
	var exc *BaseException
	switch op {
	case "|":
		exc = s.update(b)
	case "&":
		var r *Set
		if r, exc = s.intersection(b); exc == nil {
			s.d, s.tab, s.fill, s.used = r.d, r.tab, r.fill, r.used
		}
	case "-":
		exc = s.differenceUpdate(b)
	case "^":
		exc = s.symmetricDifferenceUpdate(b)
	}
	if exc != nil {
		return nil, exc, true
	}
	return s, nil, true
}

// inplaceDunder is a class's __iadd__ and friends for an augmented
// assignment; ok is false when there is none or it returned NotImplemented.
func inplaceDunder(name string, a, b Object) (Object, *BaseException, bool) {
	if !userOperand(a) {
		return nil, nil, false
	}
	m, ok := a.Type().lookup(name)
	if !ok {
		return nil, nil, false
	}
	r, exc := Call(m, []Object{a, b}, nil)
	if exc != nil {
		return nil, exc, true
	}
	if r == NotImplemented {
		return nil, nil, false
	}
	return r, nil, true
}
