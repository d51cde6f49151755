package rtlib

// This file holds the types of the runtime ABI that generated code and
// rtlib/aio are written against (docs/design.md lists the functions).

// Signature describes the parameters of a compiled Python function, for
// binding a call's arguments. Bound arguments are laid out as CPython's
// co_varnames: positional-only, then positional-or-keyword, then keyword-only
// parameters, then the *args tuple (if VarArgs), then the **kwargs dict (if
// VarKw).
type Signature struct {
	Name    string   // qualified name used in error messages ("f", "C.m")
	Params  []string // the names of all parameters, in the layout above
	PosOnly int      // how many leading params are positional-only
	Pos     int      // how many params are positional (posonly included)
	KwOnly  int      // how many keyword-only params follow the positional ones
	VarArgs bool     // has *args
	VarKw   bool     // has **kwargs
}

// FuncKind says what calling a compiled function returns.
type FuncKind uint8

const (
	PlainFunc     FuncKind = iota // returns its result
	CoroutineFunc                 // async def: returns a *Coroutine
	GeneratorFunc                 // def with yield: returns a *Generator
	AsyncGenFunc                  // async def with yield: returns an *AsyncGenerator
)

// Function is a compiled Python function (def, async def, lambda).
type Function struct {
	Name, Qualname, Module string
	Sig                    *Signature
	Kind                   FuncKind
	Defaults               []Object          // defaults of the last len(Defaults) positional params
	KwDefaults             map[string]Object // defaults of keyword-only params
	Dict                   *Dict             // function attributes (__wrapped__, user attributes); nil until set
	File                   string            // co_filename ("" if unknown: set for coroutine functions)
	Line                   int               // co_firstlineno
	// TaskSlot says that Impl allocates each coroutine object with a
	// TaskSlot in front of it (generated code, for an async def).
	TaskSlot bool
	// Impl runs the function on arguments already bound to Sig's layout.
	// For a coroutine, generator or async generator it builds the frame and
	// returns the *Coroutine, *Generator or *AsyncGenerator wrapping it.
	Impl func(fn *Function, args []Object) (Object, *BaseException)
	// Frames, for a function whose coroutines are made with Init (an
	// async def), is the method table of their frames' type (FramesOf):
	// a Coroutine holds no pointer to its frame.
	Frames FrameTab
	// Doc is __doc__ (nil: None), a slot of the function as in CPython,
	// not an entry of its __dict__.
	Doc Object
}

// Builtin is a function implemented in Go (print, len, asyncio.sleep, …).
type Builtin struct {
	Name string
	Fn   func(args []Object, kw []KwArg) (Object, *BaseException)
	// Await, if set, is `await f(...)` without the coroutine object: see
	// AwaitMethod.
	Await func(args []Object, kw []KwArg) (Resumable, *BaseException)
	// Start, if set, is Await followed by the first step of what it
	// returns, Resume(None, nil), in one: see AwaitMethodStart. It may
	// return an awaitable that can only finish (a shared one, with no
	// state), as nothing but the awaiting frame sees it, or nil when what
	// it yielded was a bare yield with nothing after it (the awaiting
	// frame then finishes the await itself: None, or what is thrown in).
	Start func(args []Object, kw []KwArg) (aw Resumable, v Object, done bool, exc, err *BaseException)
	// StartFloat, if set, is Start for a call with one positional argument
	// that is a float, given unboxed (generated code calls it where the
	// inference proved the argument a float: asyncio.sleep(delay)).
	StartFloat func(x float64) (aw Resumable, v Object, done bool, exc, err *BaseException)
	// AwaitView says that Await reads all of its args before anything that
	// could run Python code (and, as every Await form, keeps none): it may
	// be given a list's own items for `await f(*xs)` (AwaitMethodStar).
	AwaitView bool
	// Fn1, if set, is Fn for a call with one positional argument and no
	// keywords, without the argument slice (generated code calls it
	// through CallMethod1: asyncio.create_task(coro)).
	Fn1 func(x Object) (Object, *BaseException)
	// Yield0, if set, points to a flag that says whether a call with one
	// positional argument, a constant int or float no greater than 0, is
	// now a bare yield with None after it (asyncio.sleep(0) while a loop
	// runs): the awaiting frame then yields itself (AttrCache.Yield0Hit).
	// Whoever changes the flag calls CachesStale: call sites' caches
	// hold the flag as it was when they were filled.
	Yield0 *bool
	// args and body, when set (defBuiltin, ApplyArgs), are the argument
	// check Fn makes and the body it then runs: Call checks inline and
	// calls body, without Fn's extra call. positional says that body takes
	// the keyword arguments for positional parameters in args
	// (ArgSpec.Positional, ApplyArgs).
	args       *ArgSpec
	body       func(args []Object, kw []KwArg) (Object, *BaseException)
	positional bool
}

// call is b.Fn(args, kw).
func (b *Builtin) call(args []Object, kw []KwArg) (Object, *BaseException) {
	if s := b.args; s != nil {
		if len(kw) != 0 || uint(len(args)-s.min) > uint(s.max-s.min) {
			if exc := s.fail(args, kw); exc != nil {
				return nil, exc
			}
			if b.positional {
				args, kw = s.Positional(args, kw)
			}
		}
		return b.body(args, kw)
	}
	return b.Fn(args, kw)

}

// Method is a method of a type implemented in Go; the type's Dict maps its
// name to the *Method, and attribute lookup on an instance binds it.
type Method struct {
	Name string
	Fn   func(self Object, args []Object, kw []KwArg) (Object, *BaseException)
	// Await, if set, is `await self.m(...)` without the coroutine object
	// (see AwaitMethod): Fn returns a coroutine whose body Await returns
	// directly; as nothing else can hold that body, its maker may recycle
	// it once it has finished. It must not keep args (see AwaitMethod).
	Await func(self Object, args []Object, kw []KwArg) (Resumable, *BaseException)
	// Start, if set, is Await and the first step in one (see
	// Builtin.Start and AwaitMethodStart).
	Start func(self Object, args []Object, kw []KwArg) (aw Resumable, v Object, done bool, exc, err *BaseException)
	// args and body, when set (defMethod, ApplyMethodArgs), are the
	// argument check Fn makes and the body it then runs: the runtime's own
	// calls check inline and call body, without Fn's extra call.
	// positional is as Builtin's.
	args       *ArgSpec
	body       func(self Object, args []Object, kw []KwArg) (Object, *BaseException)
	positional bool
}

// call is m.Fn(self, args, kw).
func (m *Method) call(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
	if s := m.args; s != nil {
		if len(kw) != 0 || uint(len(args)-s.min) > uint(s.max-s.min) {
			if exc := s.fail(args, kw); exc != nil {
				return nil, exc
			}
			if m.positional {
				args, kw = s.Positional(args, kw)
			}
		}
		return m.body(self, args, kw)
	}
	return m.Fn(self, args, kw)
}

// Resumable is a suspendable computation: the compiled body of a coroutine,
// generator or async generator, a *Coroutine itself (so `await coro` and
// `yield from gen` delegate to it), or the awaiter of a future.
//
// Resume runs it from its current suspension point until it next suspends,
// returns or raises. sent is the value of the expression it is suspended in
// (None on the first call); if thrown is non-nil it is raised at the
// suspension point instead. The results are:
//
//	(v, false, nil)   suspended, yielding v (to a Task: a future to wait for, or None for a bare yield)
//	(r, true, nil)    returned r
//	(nil, true, exc)  raised exc
type Resumable interface {
	Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException)
}
