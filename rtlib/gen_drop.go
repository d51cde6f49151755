package rtlib

import (
	"bufio"
	"fmt"
	"os"
)

// Generators closed where CPython's reference count would finalize them.
//
// The lowering calls DropGenerator where the last reference to a
// generator it follows goes away (a for loop left early, a variable
// rebound, deleted or going out of scope); HoldGenerators where a def with
// such variables is left by an exception (its traceback keeps the frame,
// and so them, alive) and ReleaseHeld at the end of the except clause that
// handled it. The end of the program (Main) closes what uncaught
// exceptions held, then the module globals registered with AtShutdown.

// DropGenerator closes x if it is a generator suspended at a yield; an
// exception from the close is printed as CPython prints an exception
// raised in a finalizer ("Exception ignored in: …") and goes no further.
// It never fails.
func DropGenerator(x Object) *BaseException {
	g, ok := x.(*Generator)
	if !ok || g.done {
		return nil
	}
	if !g.started {
		g.done = true
		return nil
	}
	if err := g.Close(); err != nil {
		Unraisable(g, err)
	}
	return nil
}

// Unraisable prints an exception raised where nothing can catch it (a
// finalizer), as CPython's sys.unraisablehook does.
func Unraisable(obj Object, err *BaseException) {
	stdout.Flush()
	w := bufio.NewWriter(os.Stderr)
	r, rerr := Repr(obj)
	if rerr != nil {
		r = Str(fmt.Sprintf("<%s object>", obj.Type().Name))
	}
	fmt.Fprintf(w, "Exception ignored in: %s\n", r)
	// The hook prints the exception alone, not its chain.
	printChain(w, err, map[*BaseException]bool{err.Context: true, err.Cause: true})
	w.Flush()
}

// held: the generators an exception's traceback keeps alive, in the order
// they were handed over.
var (
	held      = map[*BaseException][]Object{}
	heldOrder []*BaseException
)

// HoldGenerators hands the generators among gens to exception e.
func HoldGenerators(e Object, gens ...Object) *BaseException {
	exc, ok := e.(*BaseException)
	if !ok {
		return nil
	}
	for _, g := range gens {
		if g, ok := g.(*Generator); ok && !g.done {
			if _, seen := held[exc]; !seen {
				heldOrder = append(heldOrder, exc)
			}
			held[exc] = append(held[exc], g)
		}
	}
	return nil
}

// ReleaseHeld closes the generators e (and the exceptions it chains to)
// held: the except clause that handled e is over, and with it the
// traceback. It never fails.
func ReleaseHeld(e Object) *BaseException {
	if len(held) == 0 {
		return nil
	}
	if exc, ok := e.(*BaseException); ok {
		releaseChain(exc, map[*BaseException]bool{})
	}
	return nil
}

func releaseChain(exc *BaseException, seen map[*BaseException]bool) {
	if exc == nil || seen[exc] {
		return
	}
	seen[exc] = true
	gens := held[exc]
	delete(held, exc)
	for _, g := range gens {
		DropGenerator(g)
	}
	releaseChain(exc.Context, seen)
	releaseChain(exc.Cause, seen)
}

var atShutdown []func()

// AtShutdown registers what the end of the program does after the module
// body (closing the generators module globals hold).
func AtShutdown(fn func()) { atShutdown = append(atShutdown, fn) }

// shutdown runs at the end of the program: the generators held by the
// uncaught exception exc (if any) and by any other exception, then the
// AtShutdown functions.
func shutdown(exc *BaseException) {
	if exc != nil {
		releaseChain(exc, map[*BaseException]bool{})
	}
	for _, e := range heldOrder {
		releaseChain(e, map[*BaseException]bool{})
	}
	heldOrder = nil
	for _, fn := range atShutdown {
		fn()
	}
	atShutdown = nil
	stdout.Flush()
}

// AsyncGenFinalizer is the running event loop's finalizer hook for async
// generators (asyncio's _asyncgen_finalizer_hook), set by the asyncio
// runtime: it schedules g's aclose() as a task and reports true, or
// reports false where no loop runs.
var AsyncGenFinalizer func(g *AsyncGenerator) bool

// DropAsyncGenerator is DropGenerator for an async generator: one that
// has started and not finished is handed to the event loop's finalizer
// hook, as CPython does when its reference count reaches zero. It never
// fails.
func DropAsyncGenerator(x Object) *BaseException {
	g, ok := x.(*AsyncGenerator)
	if !ok || g.done || !g.started || AsyncGenFinalizer == nil {
		return nil
	}
	AsyncGenFinalizer(g)
	return nil
}

// ACloseForFinalizer is the aclose() awaitable the finalizer hook runs as
// a task. An exception thrown into it before it started (the task
// cancelled before its first step) is thrown into the generator, which
// leaves the aclose() unstarted, as CPython's athrow object does.
func (g *AsyncGenerator) ACloseForFinalizer() Object {
	fn := &Function{Name: "aclose", Qualname: g.Fn.Qualname}
	return NewCoroutine(fn, &asyncGenStep{g: g, thrown: NewException(GeneratorExitType), first: true, aclose: true, finalizer: true})
}
