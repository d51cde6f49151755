package rtlib

import (
	"bufio"
	"fmt"
	"math"
	"math/big"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// Type is a Python type object: builtin types and classes alike.
type Type struct {
	Name   string
	Module string
	// Qualname is __qualname__ when it differs from Name (nested classes).
	Qualname string
	Bases    []*Type
	MRO      []*Type
	Dict     *Dict
	// New, when set, constructs instances (builtin types); classes use
	// __init__ on a fresh *Instance.
	New func(t *Type, args []Object, kw []KwArg) (Object, *BaseException)
	// Meta, when set, is a metaclass implemented in Go; the classes
	// derived from t share it (meta.go).
	Meta *Meta
	// Final marks a type whose instances are Go values that a Python
	// subclass cannot extend yet (asyncio.Queue, Lock, …): deriving a
	// class from it raises TypeError instead of failing later.
	Final bool
}

// Type returns type, the type of every type.
func (*Type) Type() *Type { return TypeType }

func newType(name string, bases ...*Type) *Type {
	// The builtin types are made at start-up, by every program: the type,
	// its dict and (up to a depth of len(mro)) its MRO are one allocation.
	// A single base's MRO is copied as it is (what C3 gives), and the
	// bases are the MRO's second item, so that the variadic slice stays on
	// the caller's stack.
	td := &struct {
		t   Type
		d   Dict
		mro [6]*Type
	}{}
	t := &td.t
	*t = Type{Name: name, Module: "builtins", Dict: &td.d}
	td.d.lazy = &builtinTables
	if len(bases) != 1 {
		t.Bases = append([]*Type(nil), bases...)
		t.MRO = append([]*Type{t}, linearize(bases)...)
		return t
	}
	if n := 1 + len(bases[0].MRO); n <= len(td.mro) {
		t.MRO = td.mro[:n:n]
	} else {
		t.MRO = make([]*Type, n)
	}
	t.MRO[0] = t
	copy(t.MRO[1:], bases[0].MRO)
	t.Bases = t.MRO[1:2:2]
	return t
}

// newObjectType makes object, with its MRO: the types made before the init
// functions run take their MRO from their base's.
func newObjectType() *Type {
	t := &Type{Name: "object", Module: "builtins", Dict: &Dict{lazy: &builtinTables}}
	t.MRO = []*Type{t}
	return t
}

// linearize is a simple MRO for single inheritance chains; multiple bases
// are appended depth-first without duplicates.
func linearize(bases []*Type) []*Type {
	if mro, ok := c3(bases); ok {
		return mro
	}
	var out []*Type
	seen := map[*Type]bool{}
	for _, b := range bases {
		for _, m := range b.MRO {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// IsSubtype reports whether t is sub or one of its bases.
func (t *Type) IsSubtype(base *Type) bool {
	for _, m := range t.MRO {
		if m == base {
			return true
		}
	}
	return false
}

// lookup finds name along the MRO.
func (t *Type) lookup(name string) (Object, bool) {
	for _, m := range t.MRO {
		if v, ok := m.Dict.GetStr(name); ok {
			return v, true
		}
	}
	return nil, false
}

// The builtin types.
var (
	ObjectType    = newObjectType()
	TypeType      = newType("type", ObjectType)
	NoneTypeType  = newType("NoneType", ObjectType)
	IntType       = newType("int", ObjectType)
	BoolType      = newType("bool", IntType)
	FloatType     = newType("float", ObjectType)
	StrType       = newType("str", ObjectType)
	TupleType     = newType("tuple", ObjectType)
	ListType      = newType("list", ObjectType)
	DictType      = newType("dict", ObjectType)
	FunctionType  = newType("function", ObjectType)
	BuiltinType   = newType("builtin_function_or_method", ObjectType)
	MethodType    = newType("method", ObjectType)
	ModuleType    = newType("module", ObjectType)
	CoroutineType = newType("coroutine", ObjectType)
	CellType      = newType("cell", ObjectType)
)

func init() { deferMethods(installInitMethods) }

// installInitMethods defines BaseException.__init__ and object.__init__ (made
// on first use: lazydict.go).
func installInitMethods() {
	// BaseException.__init__ sets args (super().__init__(msg) in subclasses).
	BaseExceptionType.Dict.SetStr("__init__", &Method{Name: "__init__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		if e, ok := self.(*BaseException); ok {
			e.Args = NewTuple(append([]Object(nil), args...)...)
		}
		return None, nil
	}})
	ObjectType.Dict.SetStr("__init__", &Method{Name: "__init__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return None, nil
	}})
}

func (NoneType) Type() *Type { return NoneTypeType }
func (Bool) Type() *Type     { return BoolType }
func (Int) Type() *Type      { return IntType }
func (*BigInt) Type() *Type  { return IntType }
func (Float) Type() *Type    { return FloatType }
func (Str) Type() *Type      { return StrType }
func (*Tuple) Type() *Type   { return TupleType }
func (*List) Type() *Type    { return ListType }
func (d *Dict) Type() *Type {
	if d.Class != nil {
		return d.Class
	}
	return DictType
}
func (*Function) Type() *Type  { return FunctionType }
func (*Builtin) Type() *Type   { return BuiltinType }
func (*Module) Type() *Type    { return ModuleType }
func (*Cell) Type() *Type      { return CellType }
func (*Coroutine) Type() *Type { return CoroutineType }

// BigInt is a Python int that does not fit in an int64.
type BigInt struct{ V *big.Int }

// BigIntFromString makes an int from a decimal literal.
func BigIntFromString(s string) Object {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("rtlib: bad int literal " + s)
	}
	return normBig(v)
}

func normBig(v *big.Int) Object {
	if v.IsInt64() {
		return Int(v.Int64())
	}
	return &BigInt{V: v}
}

// NewTuple makes a tuple.
func NewTuple(items ...Object) *Tuple { return &Tuple{Items: items} }

// NewList makes a list.
func NewList(items ...Object) *List { return &List{Items: items} }

// Dict is an insertion-ordered Python dict.
type Dict struct {
	keys  []Object
	vals  []Object
	index map[any]int
	live  int
	// watched: an AttrCache has read this dict; its changes advance
	// dictEpoch (attrcache.go).
	watched bool
	// lazy marks the dict of a runtime class (a builtin type, one of
	// asyncio's) whose methods may not be made yet (lazydict.go); ensure
	// makes them.
	lazy *MethodTables
	// Class is a dict subclass implemented in Go (defaultdict, Counter);
	// nil for a plain dict.
	Class *Type
	// Missing, when set, supplies the value of a missing key and stores it
	// (defaultdict's __missing__).
	Missing func(key Object) (Object, *BaseException)
}

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} } // its index is made by the first SetItem

type floatKey struct{ f float64 }

// hashKey maps a hashable Python value to a Go map key that is equal for
// Python-equal values. A str is its own key: k as it is boxed already,
// where a Go string would be boxed again for every key stored (and would
// meet the "big:…" and "tuple:…" keys of ints and tuples).
func hashKey(k Object) (any, *BaseException) {
	switch v := k.(type) {
	case Str:
		return k, nil
	case Int:
		return int64(v), nil
	case Bool:
		if v {
			return int64(1), nil
		}
		return int64(0), nil
	case Float:
		if f := float64(v); f == math.Trunc(f) && math.Abs(f) < 1<<62 {
			return int64(f), nil
		}
		return floatKey{float64(v)}, nil
	case *BigInt:
		return "big:" + v.V.String(), nil
	case NoneType:
		return v, nil
	case *Tuple:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			hk, exc := hashKey(it)
			if exc != nil {
				return nil, exc
			}
			parts[i] = fmt.Sprintf("%T:%v", hk, hk)
		}
		return "tuple:" + strings.Join(parts, "\x00"), nil
	case *List, *Dict:
		return nil, NewException(TypeErrorType, Str(fmt.Sprintf("unhashable type: '%s'", k.Type().Name)))
	case *rangeObj, *bigRange:
		hk, _ := hashKey(rangeHashTuple(v)) // equal ranges, equal keys
		return "range:" + hk.(string), nil
	case *GenericAlias:
		hk, exc := hashKey(NewTuple(v.Origin, v.Args)) // equal aliases, equal keys
		if exc != nil {
			return nil, exc
		}
		return "alias:" + hk.(string), nil
	case *UnionType:
		parts := make([]string, len(v.Args.Items))
		for i, it := range v.Args.Items {
			hk, exc := hashKey(NewTuple(it))
			if exc != nil {
				return nil, exc
			}
			parts[i] = hk.(string)
		}
		slices.Sort(parts) // equal unions, in any order, equal keys
		return "union:" + strings.Join(parts, "\x00"), nil
	}
	return k, nil // identity hash for other objects
}

// keyFor is the index key of k in d. Instances of classes that define
// __eq__ are found by Python equality among the stored keys with the same
// __hash__ (a linear scan); every other key hashes by value or identity.
func (d *Dict) keyFor(k Object) (any, *BaseException) {
	inst, ok := k.(*Instance)
	if !ok {
		return hashKey(k)
	}
	if _, hasEq := inst.Class.lookup("__eq__"); !hasEq {
		return hashKey(k)
	}
	h, exc := Hash(k)
	if exc != nil {
		return nil, exc
	}
	for _, other := range d.keys {
		o, ok := other.(*Instance)
		if !ok || o == inst {
			if o == inst {
				return hashKey(k)
			}
			continue
		}
		oh, exc := Hash(o)
		if exc != nil || oh != h {
			continue
		}
		if eq, exc := equal(k, o); exc != nil {
			return nil, exc
		} else if eq {
			return hashKey(o)
		}
	}
	return hashKey(k)
}

// Hash is hash(x).
func Hash(x Object) (int64, *BaseException) {
	switch v := x.(type) {
	case *Instance:
		m, ok := v.Class.lookup("__hash__")
		if ok && IsNone(m) {
			return 0, Errorf(TypeErrorType, "unhashable type: '%s'", v.Class.Name)
		}
		if ok {
			r, exc := Call(m, []Object{x}, nil)
			if exc != nil {
				return 0, exc
			}
			n, ok := asInt(r)
			if !ok {
				return 0, Errorf(TypeErrorType, "__hash__ method should return an integer")
			}
			return n, nil
		}
		if _, hasEq := v.Class.lookup("__eq__"); hasEq {
			return 0, Errorf(TypeErrorType, "unhashable type: '%s'", v.Class.Name)
		}
		return int64(addr(v)), nil
	case Int:
		return hashInt64(int64(v)), nil
	case Bool:
		n, _ := asInt(v)
		return n, nil
	case Float:
		return hashFloat(float64(v)), nil
	case *BigInt:
		if b, ok := bigOf(v); ok {
			return hashBig(b), nil
		}
	case Str:
		// A fixed FNV-1a hash (CPython randomizes str hashes per run).
		var h uint64 = 14695981039346656037
		for i := 0; i < len(v); i++ {
			h = (h ^ uint64(v[i])) * 1099511628211
		}
		r := int64(h >> 1)
		if r == -1 {
			r = -2
		}
		return r, nil
	case NoneType:
		return 0xFCA86420, nil // CPython 3.12's constant hash of None
	case *GenericAlias, *UnionType:
		h, _, exc := aliasHash(v)
		return h, exc
	case *rangeObj, *bigRange:
		return Hash(rangeHashTuple(v))
	case *Tuple:
		// tuplehash (Objects/tupleobject.c): xxHash over the items' hashes.
		const p1, p2, p5 = 11400714785074694791, 14029467366897019727, 2870177450012600261
		var acc uint64 = p5
		for _, it := range v.Items {
			lane, exc := Hash(it)
			if exc != nil {
				return 0, exc
			}
			acc += uint64(lane) * p2
			acc = acc<<31 | acc>>33
			acc *= p1
		}
		acc += uint64(len(v.Items)) ^ (p5 ^ 3527539)
		if acc == ^uint64(0) {
			return 1546275796, nil
		}
		return int64(acc), nil
	}
	hk, exc := hashKey(x)
	if exc != nil {
		return 0, exc
	}
	// A stable hash of the value-based key (not CPython's numbers: programs
	// must not print hashes, which CPython randomizes for str).
	var h uint64 = 14695981039346656037
	for _, c := range []byte(fmt.Sprintf("%T:%v", hk, hk)) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return int64(h >> 1), nil
}

// GetItem looks up key.
func (d *Dict) GetItem(key Object) (Object, bool, *BaseException) {
	hk, exc := d.keyFor(key)
	if exc != nil {
		return nil, false, exc
	}
	if i, ok := d.index[hk]; ok {
		return d.vals[i], true, nil
	}
	if d.lazy != nil {
		d.ensure()
		return d.GetItem(key)
	}
	return nil, false, nil
}

// GetStr looks up a str key.
func (d *Dict) GetStr(key string) (Object, bool) {
	if i, ok := d.index[Str(key)]; ok {
		return d.vals[i], true
	}
	if d.lazy != nil {
		d.ensure()
		return d.GetStr(key)
	}
	return nil, false
}

// SetItem sets d[key] = v.
func (d *Dict) SetItem(key, v Object) *BaseException {
	d.ensure()
	hk, exc := d.keyFor(key)
	if exc != nil {
		return exc
	}
	d.touch()
	if i, ok := d.index[hk]; ok {
		d.vals[i] = v
		return nil
	}
	if d.index == nil {
		d.index = make(map[any]int)
	}
	d.index[hk] = len(d.keys)
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, v)
	d.live++
	return nil
}

// SetStr sets a str key.
func (d *Dict) SetStr(key string, v Object) { d.SetItem(Str(key), v) }

// Len is len(d).
func (d *Dict) Len() int {
	d.ensure()
	return d.live
}

// Items calls fn for each entry in insertion order.
func (d *Dict) Items(fn func(k, v Object)) {
	d.ensure()
	for i, k := range d.keys {
		if k != nil {
			fn(k, d.vals[i])
		}
	}
}

// BaseException is a Python exception instance.
type BaseException struct {
	Class           *Type
	Args            *Tuple
	Attrs           *Dict
	Cause, Context  *BaseException
	SuppressContext bool
	// caughtLine is the line the exception was raised at in the frame
	// that last caught it (CaughtAt), for a re-raise there after the
	// frame suspended (ReraiseLine).
	caughtLine int32
	frames     []tbFrame
}

type tbFrame struct {
	file, fn string
	line     int
	// caught says that the entry was made where the frame caught the
	// exception (CaughtAt); AddFrame replaces it if the exception leaves
	// that frame after all.
	caught bool
}

// Type returns the exception's class.
func (e *BaseException) Type() *Type { return e.Class }

func (e *BaseException) Error() string {
	s, _ := ToStr(e)
	return e.Class.Name + ": " + string(s)
}

// CaughtAt records the frame of function fn in file that catches the
// exception, raised at line (generated code, at an except, finally or with
// exit). CPython's traceback of an exception has an entry for every frame
// it passed through, the one that caught it included: it shows where the
// exception ends up as another's __context__ or __cause__, or is logged
// (a task's exception never retrieved). A second catch in the same frame
// (nested try statements) moves the entry to its line; the line is also
// kept for ReraiseLine.
func (e *BaseException) CaughtAt(file, fn string, line int) {
	if e == nil {
		return
	}
	e.caughtLine = int32(line)
	if n := len(e.frames); n > 0 && e.frames[n-1].caught && e.frames[n-1].fn == fn && e.frames[n-1].file == file {
		e.frames[n-1].line = line
		return
	}
	e.frames = append(e.frames, tbFrame{file, fn, line, true})
}

// ReraiseLine is the line the traceback gives a frame that re-raises e (an
// unmatched except, a bare raise, the end of a finally or a with) when the
// frame's own record of it is gone (the frame suspended since it caught
// e): the line e was raised at, else stmt, the re-raising statement's.
func ReraiseLine(e *BaseException, stmt int) int {
	if e != nil && e.caughtLine != 0 {
		return int(e.caughtLine)
	}
	return stmt
}

// AddFrame records a traceback entry as the exception propagates out of
// a frame of function funcName; it replaces the entry CaughtAt made if that
// frame caught the exception before (a frame of the same function: a
// recursive frame's entry could be taken for it).
func (e *BaseException) AddFrame(file, funcName string, line int) {
	if n := len(e.frames); n > 0 && e.frames[n-1].caught && e.frames[n-1].fn == funcName && e.frames[n-1].file == file {
		e.frames[n-1] = tbFrame{file, funcName, line, false}
		return
	}
	e.frames = append(e.frames, tbFrame{file, funcName, line, false})
}

// The builtin exception hierarchy.
var (
	BaseExceptionType      = newType("BaseException", ObjectType)
	ExceptionType          = newType("Exception", BaseExceptionType)
	TypeErrorType          = newType("TypeError", ExceptionType)
	ValueErrorType         = newType("ValueError", ExceptionType)
	RuntimeErrorType       = newType("RuntimeError", ExceptionType)
	NameErrorType          = newType("NameError", ExceptionType)
	UnboundLocalErrorType  = newType("UnboundLocalError", NameErrorType)
	AttributeErrorType     = newType("AttributeError", ExceptionType)
	ArithmeticErrorType    = newType("ArithmeticError", ExceptionType)
	ZeroDivisionErrorType  = newType("ZeroDivisionError", ArithmeticErrorType)
	LookupErrorType        = newType("LookupError", ExceptionType)
	KeyErrorType           = newType("KeyError", LookupErrorType)
	IndexErrorType         = newType("IndexError", LookupErrorType)
	StopIterationType      = newType("StopIteration", ExceptionType)
	StopAsyncIterationType = newType("StopAsyncIteration", ExceptionType)
	GeneratorExitType      = newType("GeneratorExit", BaseExceptionType)
	SystemExitType         = newType("SystemExit", BaseExceptionType)
	ImportErrorType        = newType("ImportError", ExceptionType)
	NotImplementedType     = newType("NotImplementedError", RuntimeErrorType)
	TimeoutErrorType       = newType("TimeoutError", newType("OSError", ExceptionType))
)

// NewException makes an exception instance of type t.
func NewException(t *Type, args ...Object) *BaseException {
	return &BaseException{Class: t, Args: NewTuple(args...)}
}

// Errorf makes an exception of type t with a formatted message.
func Errorf(t *Type, format string, a ...any) *BaseException {
	return NewException(t, Str(fmt.Sprintf(format, a...)))
}

// NameError is raised for an undefined global or builtin.
func NameError(name string) *BaseException {
	return Errorf(NameErrorType, "name '%s' is not defined", name)
}

// UnboundLocalError is raised for a local read before assignment.
func UnboundLocalError(name string) *BaseException {
	return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name)
}

// Coroutine is a coroutine object: the Resumable body of an async def.
//
// It is one word, so that with a frame of up to 40 bytes and the room for
// its task (generated code allocates the three together: TaskSlot) it
// fits the 112-byte size class: a million tasks carry a million
// coroutines. Its state therefore lives in the low bits of the pointer to
// its function (a *Function is 8-aligned, and the tagged pointer still
// points into it): read the function with Func, set both with Init. A
// generated frame keeps the state itself, in its first word (FramesOf,
// FrameRunning); those bits then stay 0.
//
// Its frame follows it in memory (generated code allocates the two as one
// struct), and its function holds the method table that makes that frame
// a Resumable (Function.Frames: every coroutine of a function has a frame
// of one type). Body puts the interface back together.
type Coroutine struct {
	fn unsafe.Pointer // *Function | coState (unless the frame keeps it) | coMarked
}

// The state bits of Coroutine.fn.
const (
	coNew       uintptr = 0 // not started
	coSuspended uintptr = 1 // started, suspended at an await
	coRunning   uintptr = 2 // (Enter tests st >= coRunning: running or done)
	coDone      uintptr = 3
	coState     uintptr = 3
	// coMarked is scratch for one runtime operation at a time, cleared
	// after it (asyncio.gather marks the coroutines it has wrapped).
	coMarked uintptr = 4
	coBits   uintptr = 7
)

// boxedBody is the frame of a coroutine of NewCoroutine: its body as an
// interface value.
type boxedBody struct{ body Resumable }

func (b *boxedBody) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	return b.body.Resume(sent, thrown)
}

// ifaceWords is the layout of an interface value with methods: its method
// table (itab) and its data word.
type ifaceWords struct {
	tab, data unsafe.Pointer
}

// FrameTab is what runs the frames of a function's coroutines
// (Function.Frames): the method table that makes pointers to the frame
// type Resumables, and the frame type's Resume as a function of the
// frame's address.
type FrameTab struct {
	tab  unsafe.Pointer
	step FrameStep
	// keeps says that the frames keep their coroutine's state themselves
	// (generated frames, FramesOf): see FrameRunning.
	keeps bool
	// fast is the frame type's fast resume, if it has one (FastResumer).
	fast FrameFast
}

// FrameFast is a frame type's fast resume as a function of an untyped
// frame pointer (FastResumer, FrameTab.fast).
type FrameFast func(frame unsafe.Pointer) bool

// A FastResumer is a frame type of generated code with a fast resume: for
// a frame suspended at a bare yield (`await asyncio.sleep(0)`), sent None,
// it runs the frame to its next bare yield and reports true when the path
// there is one it has (no calls: typed ints, the frame's range slots), or
// reports false having changed nothing, and the frame is resumed the usual
// way. Nothing it runs can see the frame running or the current task, so
// the event loop calls it without marking either (docs/performance.md,
// finding 77). FastResume returns it (FastOf), on a nil receiver.
type FastResumer interface {
	FastResume() FrameFast
}

// FastOf is a frame type's fast resume method as a FrameFast:
// `rt.FastOf((*frame_fn1_f).fast)`.
func FastOf[F Resumable](fast func(F) bool) FrameFast {
	var f F
	if unsafe.Sizeof(f) != unsafe.Sizeof(unsafe.Pointer(nil)) {
		panic("rtlib: FastOf: a frame type that is not a pointer")
	}
	// As in GoFramesOf: a method expression of a pointer type takes the
	// pointer as its first argument, in the same register.
	return *(*FrameFast)(unsafe.Pointer(&fast))
}

// The state of a coroutine whose frame keeps it (a generated frame: its
// first field, `state int`): 0 before it starts, the resume point (> 0)
// while it is suspended, FrameDone once it has returned or raised, and
// FrameRunning while its Resume runs. The frame's Resume marks it running
// as it starts, sets the new state wherever it leaves, and refuses to run
// a running or finished frame (RefuseFrame): a caller steps it without
// testing or changing its coroutine (the event loop's step of a task).
// The coroutine's own state bits stay 0.
const (
	FrameDone    = -1
	FrameRunning = -2
)

// RefuseFrame is what a frame that keeps its state answers when resumed
// while running or finished (state): Coroutine.Resume's refusals. What is
// thrown into a finished coroutine makes no difference (genobject.c,
// gen_send_ex2: only close is silent, and Close does not resume a
// finished coroutine).
func RefuseFrame(state int) (Object, bool, *BaseException) {
	if state == FrameRunning {
		return nil, true, Errorf(ValueErrorType, "coroutine already executing")
	}
	return nil, true, Errorf(RuntimeErrorType, "cannot reuse already awaited coroutine")
}

// FrameStep is a frame type's Resume method as a function of an untyped
// frame pointer (FrameTab.step): the event loop calls it without making
// the frame an interface value, which Go's compiler builds in memory
// (Coroutine.Steppers).
type FrameStep func(frame unsafe.Pointer, sent Object, thrown *BaseException) (Object, bool, *BaseException)

// FramesOf is the FrameTab of the frame type F of generated code, a
// pointer to a struct whose first field is `state int` and whose Resume
// keeps it (FrameRunning), given that Resume method:
// `rt.FramesOf((*frame_fn1_f).Resume)`.
func FramesOf[F Resumable](resume func(F, Object, *BaseException) (Object, bool, *BaseException)) FrameTab {
	ft := GoFramesOf(resume)
	ft.keeps = true
	var f F
	if fr, ok := any(f).(FastResumer); ok {
		ft.fast = fr.FastResume()
	}
	return ft
}

// GoFramesOf is the FrameTab of a frame type written in Go, whose
// coroutine keeps the state (in its own bits).
func GoFramesOf[F Resumable](resume func(F, Object, *BaseException) (Object, bool, *BaseException)) FrameTab {
	var f F
	if unsafe.Sizeof(f) != unsafe.Sizeof(unsafe.Pointer(nil)) {
		panic("rtlib: FramesOf: a frame type that is not a pointer")
	}
	r := Resumable(f)
	// A method expression of a pointer type is a function whose first
	// argument is the pointer: as a function of an unsafe.Pointer it
	// takes its arguments in the same registers.
	return FrameTab{tab: (*ifaceWords)(unsafe.Pointer(&r)).tab, step: *(*FrameStep)(unsafe.Pointer(&resume))}
}

// boxedFrames is the FrameTab of NewCoroutine's frames.
var boxedFrames = GoFramesOf((*boxedBody).Resume)

// noFunction stands for a nil function (the tagged pointer must point
// into an object).
var noFunction Function

// TaskSlot is room for an asyncio task in front of a coroutine object.
// Generated code allocates a coroutine of an async def as {TaskSlot,
// Coroutine, frame} (Function.TaskSlot says so), and asyncio makes the
// first task that wraps the coroutine in that room (aio.NewTask): a task
// and its coroutine are one allocation. TaskSlot has the size and the
// pointer words of aio.Task, which aio checks; nothing else reads it.
type TaskSlot struct {
	p0 unsafe.Pointer
	s1 uint64
	p2 [5]unsafe.Pointer
	s7 uint64
}

// TaskSlot is the room for a task in front of c (see the type TaskSlot),
// or nil if c has none.
func (c *Coroutine) TaskSlot() *TaskSlot {
	if fn := c.Func(); fn == nil || !fn.TaskSlot {
		return nil
	}
	return (*TaskSlot)(unsafe.Add(unsafe.Pointer(c), -int(unsafe.Sizeof(TaskSlot{}))))
}

// NewCoroutine wraps body, the frame of a coroutine made in Go, as a
// coroutine of fn (nil: none). Its frame is a boxedBody: fn's Frames must
// be unset or boxedFrames, and fn's other coroutines made this way too.
func NewCoroutine(fn *Function, body Resumable) *Coroutine {
	if fn == nil {
		fn = &noFunction
	}
	if fn.Frames.tab != boxedFrames.tab {
		if fn.Frames.tab != nil {
			panic("rtlib: NewCoroutine of " + fn.Qualname + ", whose coroutines have frames of another type")
		}
		fn.Frames = boxedFrames
	}
	b := &struct {
		c Coroutine
		f boxedBody
	}{f: boxedBody{body}}
	b.c.Init(fn, &b.f)
	return &b.c
}

// Init makes c a new coroutine of fn running body, a pointer to the frame
// that follows c in memory (generated code allocates the coroutine and
// its frame in one struct, {Coroutine, frame}, and calls Init). fn.Frames
// must be the method table of body's type: every coroutine of fn has a
// frame of that type.
func (c *Coroutine) Init(fn *Function, body Resumable) {
	if (*ifaceWords)(unsafe.Pointer(&body)).tab != fn.Frames.tab {
		panic("rtlib: Coroutine.Init: a frame of another type than its function's Frames")
	}
	c.fn = unsafe.Pointer(fn)
}

// Body is what the coroutine runs: its frame, as a Resumable.
func (c *Coroutine) Body() Resumable {
	w := ifaceWords{
		tab:  (*Function)(unsafe.Pointer(uintptr(c.fn) &^ coBits)).Frames.tab,
		data: unsafe.Add(unsafe.Pointer(c), unsafe.Sizeof(Coroutine{})),
	}
	return *(*Resumable)(unsafe.Pointer(&w))
}

// Steppers is c.Body() in words, for a caller that calls `step(frame,
// sent, thrown)` in place of c.Body().Resume(sent, thrown): the frame
// type's Resume as a function of the frame's address (its function's
// FrameTab), and that address; keeps says whether the frame keeps the
// coroutine's state (FramesOf), so that the caller may call it without
// Enter and Leave, as long as it counts the frame's depth; fast is the
// frame type's fast resume, nil if it has none (FastResumer). (A method
// that made the call itself is over Go's inlining budget.)
func (c *Coroutine) Steppers() (fast FrameFast, step FrameStep, frame unsafe.Pointer, keeps bool) {
	ft := &(*Function)(unsafe.Pointer(uintptr(c.fn) &^ coBits)).Frames
	return ft.fast, ft.step, unsafe.Add(unsafe.Pointer(c), unsafe.Sizeof(Coroutine{})), ft.keeps
}

// framed says whether c's frame keeps its state (FrameRunning).
func (c *Coroutine) framed() bool {
	return (*Function)(unsafe.Pointer(uintptr(c.fn) &^ coBits)).Frames.keeps
}

// frameState is the state word of a frame that keeps its state.
func (c *Coroutine) frameState() *int {
	return (*int)(unsafe.Add(unsafe.Pointer(c), unsafe.Sizeof(Coroutine{})))
}

// frame is Body, or for a coroutine of NewCoroutine the body it was given.
func (c *Coroutine) frame() Resumable {
	b := c.Body()
	if bb, ok := b.(*boxedBody); ok {
		return bb.body
	}
	return b
}

// Func is the coroutine's function (nil if it has none).
func (c *Coroutine) Func() *Function {
	fn := (*Function)(unsafe.Add(c.fn, -int(uintptr(c.fn)&coBits)))
	if fn == &noFunction {
		return nil
	}
	return fn
}

func (c *Coroutine) state() uintptr {
	if c.framed() {
		switch s := *c.frameState(); {
		case s > 0:
			return coSuspended
		case s == 0:
			return coNew
		case s == FrameRunning:
			return coRunning
		}
		return coDone
	}
	return uintptr(c.fn) & coState
}

// setState sets the state of a coroutine that is not running: coDone
// (closed before it started).
func (c *Coroutine) setState(st uintptr) {
	if c.framed() {
		if st != coDone {
			panic("rtlib: setState of a frame that keeps its state to other than done")
		}
		*c.frameState() = FrameDone
		return
	}
	c.retag(int(st) - int(uintptr(c.fn)&coState))
}

// retag adds d to the tag bits of c.fn. The store skips Go's write
// barrier: the old and the new word point into the same object (the
// function, or noFunction), which the slot kept reachable before the
// store and keeps after it, so the collector loses nothing whichever
// of the two it reads (an aligned word store is atomic). Enter and Leave
// do it on every step, where the barrier's test was a tenth of the
// loop's part of a switch.
func (c *Coroutine) retag(d int) {
	*(*uintptr)(unsafe.Pointer(&c.fn)) = uintptr(c.fn) + uintptr(d)
}

// Marked reports the runtime operation's mark (see coMarked).
func (c *Coroutine) Marked() bool { return uintptr(c.fn)&coMarked != 0 }

// SetMarked sets or clears the mark.
func (c *Coroutine) SetMarked(m bool) {
	if m != c.Marked() {
		if m {
			c.retag(int(coMarked))
		} else {
			c.retag(-int(coMarked))
		}
	}
}

// Running is cr_running.
func (c *Coroutine) Running() bool { return c.state() == coRunning }

// Done reports whether the coroutine has finished (returned, raised or
// been closed).
func (c *Coroutine) Done() bool { return c.state() == coDone }

// Resume advances the coroutine (send/throw).
func (c *Coroutine) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	if !c.Enter() {
		return c.refuse()
	}
	v, done, exc := c.Body().Resume(sent, thrown)
	c.Leave(done)
	if done && exc != nil {
		exc = CoroutineRaised(exc)
	}
	return v, done, exc
}

// refuse is Resume's answer when the coroutine cannot run.
func (c *Coroutine) refuse() (Object, bool, *BaseException) {
	switch c.state() {
	case coDone:
		return RefuseFrame(FrameDone)
	case coRunning:
		return RefuseFrame(FrameRunning)
	}
	return nil, true, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
}

// Enter and Leave are Resume in parts, so that a caller that resumes
// coroutines all the time (a task's step) calls the frame itself:
//
//	if c.Enter() {
//		v, done, exc = c.Body().Resume(sent, thrown)
//		c.Leave(done)
//		if done && exc != nil {
//			exc = CoroutineRaised(exc)
//		}
//	} else {
//		v, done, exc = c.Resume(sent, thrown)
//	}
//
// is c.Resume(sent, thrown). Enter reports false, changing nothing, where
// Resume would refuse (done, running, too deep).
func (c *Coroutine) Enter() bool {
	if !c.CanEnter() { // running or done, or too deep
		return false
	}
	c.Entered()
	return true
}

// CanEnter and Entered are Enter in two halves: `if c.CanEnter() {
// c.Entered(); … }`, where Go's compiler otherwise makes Enter's result a
// value and tests it again.
func (c *Coroutine) CanEnter() bool { return c.Startable() && CanNest() }

// Startable is CanEnter's test of the coroutine: new or suspended.
func (c *Coroutine) Startable() bool { return c.state() < coRunning }

// CanNest is CanEnter's test of the depth: one more frame would not pass
// RecursionLimit. Code at one depth gets the same answer until it
// returns: sys.setrecursionlimit refuses a limit no greater than its
// caller's depth, which is at least one more. (The event loop tests it
// once per iteration: every step of an iteration starts at the loop's
// depth.)
func CanNest() bool { return callDepth < RecursionLimit }

// Entered is the rest of Enter, once CanEnter said yes: the state
// becomes coRunning (from coNew or coSuspended, by a known step), unless
// the frame keeps it (it marks itself running).
func (c *Coroutine) Entered() {
	if !c.framed() {
		c.retag(int(coRunning - c.state()))
	}
	callDepth++
}

// NestSteps counts the frame of the coroutines an event loop steps, once
// for a run of steps; UnnestSteps ends it, around whatever else the loop
// runs meanwhile. Every step of a run starts at the same depth, so the
// count needs no change between two of them (CanNest).
func NestSteps() { callDepth++ }

// UnnestSteps ends NestSteps.
func UnnestSteps() { callDepth-- }

// Leave ends a Resume begun by Enter.
//
// The coroutine is running from Enter to Leave: nothing changes its state
// bits meanwhile (close, send and throw refuse a running coroutine; the
// scratch mark is another bit), so Leave moves them from coRunning by a
// known step. A frame that keeps its state has set it as it left.
func (c *Coroutine) Leave(done bool) {
	callDepth--
	if c.framed() {
		return
	}
	if done {
		c.retag(int(coDone) - int(coRunning))
	} else {
		c.retag(int(coSuspended) - int(coRunning))
	}
}

// CoroutineRaised is what leaves a coroutine for an exception its frame
// raised: a StopIteration becomes RuntimeError (PEP 479).
func CoroutineRaised(exc *BaseException) *BaseException {
	if exc.Class.IsSubtype(StopIterationType) {
		return Errorf(RuntimeErrorType, "coroutine raised StopIteration")
	}
	return exc
}

// Location is where the coroutine is, as asyncio's repr of a task shows
// it (coroutines._format_coroutine): the file and line its frame is at
// (running or suspended; before it starts, the def line), or when done the
// line it was defined at. ok is false when the coroutine function does not
// record its file (runtime coroutines).
//
// A suspended frame gives its line (PyLine); for a running one the Go stack
// is searched for the frame's Resume, whose position the /*line*/
// directives of generated code make the Python line.
func (c *Coroutine) Location() (file string, line int, done, ok bool) {
	fn := c.Func()
	if fn == nil || fn.File == "" {
		return "", 0, c.Done(), false
	}
	if c.Done() {
		return fn.File, fn.Line, true, true
	}
	if c.Running() {
		if l, found := runningLine(c.frame()); found {
			return fn.File, l, false, true
		}
	}
	if pl, isPL := c.frame().(interface{ PyLine() int }); isPL {
		return fn.File, pl.PyLine(), false, true
	}
	return fn.File, fn.Line, false, true
}

// runningLine is the line of the innermost call of body's Resume on the
// goroutine's stack.
func runningLine(body Resumable) (int, bool) {
	t := reflect.TypeOf(body)
	if t.Kind() != reflect.Pointer {
		return 0, false
	}
	want := t.Elem().PkgPath() + ".(*" + t.Elem().Name() + ").Resume"
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		if fr.Function == want {
			return fr.Line, true
		}
		if !more {
			return 0, false
		}
	}
}

// Close closes a coroutine that has not finished.
func (c *Coroutine) Close() *BaseException {
	if st := c.state(); st == coDone || st == coNew {
		c.setState(coDone)
		return nil
	}
	_, done, exc := c.Resume(nil, NewException(GeneratorExitType))
	if !done {
		return Errorf(RuntimeErrorType, "coroutine ignored GeneratorExit")
	}
	if exc != nil && !exc.Class.IsSubtype(GeneratorExitType) {
		return exc
	}
	return nil
}

// GetAwaitable returns what `await x` delegates to.
func GetAwaitable(x Object) (Resumable, *BaseException) {
	if r, ok := x.(Resumable); ok {
		return r, nil
	}
	if _, ok := x.(*Instance); ok {
		if _, ok := x.Type().lookup("__await__"); ok {
			it, exc := CallMethod(x, "__await__", nil, nil)
			if exc != nil {
				return nil, exc
			}
			switch v := it.(type) {
			case *Coroutine:
				return nil, Errorf(TypeErrorType, "__await__() returned a coroutine")
			case *Generator, *coroWrapper:
				return v.(Resumable), nil
			case Iterator:
				return &iterDelegate{it: v}, nil
			}
			if _, ok := it.Type().lookup("__next__"); ok {
				return &iterDelegate{it: it}, nil
			}
			return nil, Errorf(TypeErrorType, "__await__() returned non-iterator of type '%s'", it.Type().Name)
		}
	}
	return nil, Errorf(TypeErrorType, "object %s can't be used in 'await' expression", x.Type().Name)
}

// stdout is buffered; Main flushes it.
var stdout = bufio.NewWriterSize(os.Stdout, 64<<10)

// Stdout is the program's buffered standard output.
func Stdout() *bufio.Writer { return stdout }

// FlushStdout writes out buffered standard output.
func FlushStdout() { stdout.Flush() }

// Main runs the module body of a translated program and exits as CPython
// would: 0, or 1 after printing an uncaught exception's traceback.
func Main(file string, module func() *BaseException) {
	programFile = file
	startGCPolicy()
	stopProfiles := startProfiles()
	defer func() {
		// A Go panic is a bug of the translator or its runtime: the
		// program still shows what it printed first, then says so in one
		// line and exits 70 (EX_SOFTWARE) rather than with a Go stack
		// trace, unless ASYNC2GO_PANIC asks for the trace.
		if r := recover(); r != nil {
			stdout.Flush()
			if os.Getenv("ASYNC2GO_PANIC") != "" {
				panic(r)
			}
			fmt.Fprintf(os.Stderr, "async2go: internal error: %v\n(a bug of the translator or its runtime; ASYNC2GO_PANIC=1 shows the Go stack)\n", r)
			os.Exit(70)
		}
	}()
	exc := module()
	stdout.Flush()
	stopProfiles()
	if exc == nil {
		shutdown(nil)
		os.Exit(0)
	}
	if exc.Class.IsSubtype(SystemExitType) {
		shutdown(exc)
		code := 0
		if len(exc.Args.Items) > 0 {
			switch c := exc.Args.Items[0].(type) {
			case Int:
				code = int(c)
			case NoneType:
			default:
				s, _ := ToStr(c)
				fmt.Fprintln(os.Stderr, string(s))
				code = 1
			}
		}
		os.Exit(code)
	}
	PrintException(exc)
	shutdown(exc)
	os.Exit(1)
}

var programFile string

// ProgramFile is the Python file the program was translated from (sys.argv[0]).
func ProgramFile() string { return programFile }

// PrintException writes an exception's traceback to stderr as CPython does.
func PrintException(exc *BaseException) {
	w := bufio.NewWriter(os.Stderr)
	printChain(w, exc, map[*BaseException]bool{})
	w.Flush()
}

func printChain(w *bufio.Writer, exc *BaseException, seen map[*BaseException]bool) {
	seen[exc] = true
	if exc.Cause != nil && !seen[exc.Cause] {
		printChain(w, exc.Cause, seen)
		w.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	} else if exc.Context != nil && !exc.SuppressContext && !seen[exc.Context] {
		printChain(w, exc.Context, seen)
		w.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if len(exc.frames) > 0 {
		w.WriteString("Traceback (most recent call last):\n")
		for i := len(exc.frames) - 1; i >= 0; i-- {
			f := exc.frames[i]
			fmt.Fprintf(w, "  File \"%s\", line %d, in %s\n", f.file, f.line, f.fn)
			if src := sourceLine(f.file, f.line); src != "" {
				fmt.Fprintf(w, "    %s\n", src)
			}
		}
	}
	name := exc.Class.Name
	if exc.Class.Module != "builtins" && exc.Class.Module != "__main__" && exc.Class.Module != "" {
		name = exc.Class.Module + "." + name
	}
	msg, _ := ToStr(exc)
	if msg == "" {
		fmt.Fprintf(w, "%s\n", name)
	} else {
		fmt.Fprintf(w, "%s: %s\n", name, msg)
	}
}

var sources = map[string][]string{}

// SetSource registers a program's source text for tracebacks.
func SetSource(file, text string) { sources[file] = strings.Split(text, "\n") }

func sourceLine(file string, line int) string {
	lines := sources[file]
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}

// FloatRepr formats a float as CPython's repr does.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-4 || abs >= 1e16) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		digits := strings.TrimLeft(exp[1:], "0")
		for len(digits) < 2 {
			digits = "0" + digits
		}
		return mant + "e" + exp[:1] + digits
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// NewBuiltinType makes a type implemented in Go, for runtime modules.
func NewBuiltinType(name, module string, bases ...*Type) *Type {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	t := newType(name, bases...)
	t.Module = module
	return t
}
