// Package rtlib is the runtime that programs translated by async2go link
// against: the Python object model (values, types, exceptions, calls,
// attributes, operators, builtins) and the coroutine protocol that the
// generated state machines implement. The event loop and the asyncio API live
// in the subpackage rtlib/aio; further Python modules (time, collections, …)
// in subpackages of their own that register themselves with RegisterModule.
//
// rtlib depends on the Go standard library only, and is usable from
// hand-written Go as well as from generated code.
//
// # Values
//
// Every Python value is an Object. The built-in types are Go types:
//
//	None            NoneType (the value None)
//	bool            Bool
//	int             Int (fits in int64) or *BigInt (does not; never holds a value that fits)
//	float           Float
//	str             Str (UTF-8; indexing and len count code points)
//	tuple, list     *Tuple, *List
//	dict, set       *Dict, *Set (insertion-ordered hash tables keyed by Python equality)
//	function        *Function (compiled Python), *Builtin (implemented in Go)
//	type            *Type
//	exceptions      *BaseException (every instance of a BaseException subclass)
//	other instances *Instance
//	coroutine       *Coroutine, generator *Generator, async generator *AsyncGenerator
//
// # Exceptions
//
// A raised Python exception travels as a *BaseException return value; a
// nil *BaseException means success. Go panics are reserved for bugs.
//
// # Coroutines
//
// The body of every async def, generator and async generator is compiled
// into a Resumable state machine. A Task (rtlib/aio) steps a coroutine by
// calling Resume; awaiting a coroutine delegates to its Resume inline (as
// `yield from` does), so only a pending future suspends the task.
//
// Where CPython's reference count would finalize a generator, generated
// code calls DropGenerator (or DropAsyncGenerator, which goes through the
// event loop's finalizer hook that rtlib/aio installs); HoldGenerators,
// ReleaseHeld and the end of Main cover the frames an exception's
// traceback keeps alive and the module's globals (gen_drop.go).
package rtlib
