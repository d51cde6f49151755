package rtlib

import "unsafe"

// AttrCache is an inline cache for one call site's `await obj.name(…)`:
// what the lookup of name on obj found last time, when that was a Go
// function with an Await form — a module function (`asyncio.sleep`) or a
// method of a Go-implemented type (`queue.get`). Generated code keeps one
// per call site, as a package variable; translated code runs one Python
// thread at a time, so it needs no lock.
//
// The cache is valid while no dict that the lookup read has changed: the
// lookup marks those dicts (the module's, or those of the type's MRO) as
// watched, and any change to a watched dict (a store, even of the same
// value, a deletion, a reordering) advances dictEpoch, which empties every
// cache at once. So rebinding (asyncio.sleep = f), deleting or shadowing a
// method in a class of the MRO is seen at once, and a hit costs two or
// three comparisons.
type AttrCache struct {
	// Name is the attribute, set by generated code (`rt.AttrCache{Name:
	// "sleep"}`) for AwaitStart, so that calls need not pass it.
	Name  string
	epoch uint64 // dictEpoch when filled; 0: empty
	// A module function: the module (whose Dict never changes) and the
	// function's Await and Start forms.
	m     *Module
	mod   func(args []Object, kw []KwArg) (Resumable, *BaseException)
	start func(args []Object, kw []KwArg) (Resumable, Object, bool, *BaseException, *BaseException)
	// startF is the function's StartFloat form.
	startF StartFloatFunc
	// yield0Epoch is epoch when the function's Yield0 flag
	// (Builtin.Yield0) was set at the fill, else 0: whoever changes such a
	// flag makes every cache stale (CachesStale), so that one comparison
	// with dictEpoch tests both.
	yield0Epoch uint64
	// A method: the Go type of the receiver (the type word of the
	// interface; set for a module too, so that only an empty cache has
	// none), its Python type, and the method's Await and Start forms.
	gotype unsafe.Pointer
	t      *Type
	meth   func(self Object, args []Object, kw []KwArg) (Resumable, *BaseException)
	mstart func(self Object, args []Object, kw []KwArg) (Resumable, Object, bool, *BaseException, *BaseException)
	// fn1 is the one-argument form (Builtin.Fn1) of the module function
	// of a call site `mod.f(x)` (CallMethod1Cached).
	fn1 func(x Object) (Object, *BaseException)
}

// dictEpoch counts the changes to watched dicts; it starts at 1 so that
// an empty cache (epoch 0) never matches.
var dictEpoch uint64 = 1

// touch notes a change to d: the caches that read it are stale.
func (d *Dict) touch() {
	if d.watched {
		dictEpoch++
	}
}

// goType is the dynamic Go type of x (the first word of the interface).
func goType(x Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0]
}

// StartFunc is a Go function's Start form (Builtin.Start).
type StartFunc = func(args []Object, kw []KwArg) (aw Resumable, v Object, done bool, exc, err *BaseException)

// StartHit is the inlinable hit test of a call site's cache, which
// generated code writes out in front of `await mod.f(…)` without keywords:
// the Start form of the module function the cache holds when obj is that
// module and no watched dict has changed since, else nil (then the call is
// AwaitStart). A hit thus costs three comparisons and the call of the
// Start form, with no layer between.
func (c *AttrCache) StartHit(obj Object) StartFunc {
	if m, ok := obj.(*Module); ok && m == c.m && c.epoch == dictEpoch {
		return c.start
	}
	return nil
}

// Yield0Hit is the hit test generated code writes in front of `await
// mod.f(0)` (a constant int or float no greater than 0) without keywords:
// it reports whether obj is the module whose function the cache holds, no
// watched dict has changed since, and that function's call is a bare
// yield now (Builtin.Yield0: asyncio.sleep(0) while a loop runs). The
// frame then yields None itself, without calling the function.
//
// The test reads obj's data word alone: no Object but the module itself
// has the module's address for data (a Module's first field is its
// name, a string, which no Object points to), so its type word needs no
// test. A cache that holds no module function has yield0Epoch 0, which
// dictEpoch never is.
func (c *AttrCache) Yield0Hit(obj Object) bool {
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&obj))
	return w[1] == unsafe.Pointer(c.m) && c.yield0Epoch == dictEpoch
}

// The Bound forms of the hit tests are for a receiver that the translator
// proved, once bound, always holds the object the cache was filled from:
// a global bound only by imports of one module (ir.Program.ImportBound).
// The cache of such a call site is filled from nothing else, so a current
// cache (no watched dict changed since the fill) is a hit; an empty one
// has epoch 0, which dictEpoch never is.

// Yield0Bound is Yield0Hit for a receiver bound for good.
func (c *AttrCache) Yield0Bound() bool { return c.yield0Epoch == dictEpoch }

// StartBound is StartHit for a receiver bound for good: nil unless the
// cache holds a module function's Start form.
func (c *AttrCache) StartBound() StartFunc {
	if c.epoch == dictEpoch {
		return c.start
	}
	return nil
}

// StartFloatBound is StartFloatHit for a receiver bound for good.
func (c *AttrCache) StartFloatBound() StartFloatFunc {
	if c.epoch == dictEpoch {
		return c.startF
	}
	return nil
}

// CachesStale makes every call site's cache miss once: the owner of a
// Builtin.Yield0 flag calls it when the flag changes.
func CachesStale() { dictEpoch++ }

// StartFloatFunc is a Go function's Start form for one float argument
// (Builtin.StartFloat).
type StartFloatFunc = func(x float64) (aw Resumable, v Object, done bool, exc, err *BaseException)

// StartFloatHit is StartHit for `await mod.f(x)` where x is a float the
// inference proved: the StartFloat form of the cached module function,
// called with x unboxed, or nil (then x is boxed and the call goes the
// way of StartHit).
func (c *AttrCache) StartFloatHit(obj Object) StartFloatFunc {
	if m, ok := obj.(*Module); ok && m == c.m && c.epoch == dictEpoch {
		return c.startF
	}
	return nil
}

// MethodStartFunc is a Go method's Start form (Method.Start).
type MethodStartFunc = func(self Object, args []Object, kw []KwArg) (aw Resumable, v Object, done bool, exc, err *BaseException)

// MethodHit is StartHit for `await obj.m(…)` where obj is not a module:
// the Start form of the Go method the cache holds when obj has the Go type
// and the Python type it was found on and no watched dict has changed
// since, else nil (then the call is AwaitStart).
func (c *AttrCache) MethodHit(obj Object) MethodStartFunc {
	if *(*unsafe.Pointer)(unsafe.Pointer(&obj)) == c.gotype && c.epoch == dictEpoch && obj.Type() == c.t {
		return c.mstart
	}
	return nil
}

// AwaitMethodCached is AwaitMethod through the call site's cache: the
// same result, with the lookup skipped while the cache holds.
func AwaitMethodCached(c *AttrCache, obj Object, name string, args []Object, kw []KwArg) (Resumable, *BaseException) {
	return awaitMethodCached(c, obj, name, args, kw, false)
}

// AwaitMethodCachedOwned is AwaitMethodCached for an argument slice the
// caller hands over: a call with *args, whose slice ExtendArgs made for
// this call alone. A callee without an Await form gets the slice itself
// rather than a copy.
func AwaitMethodCachedOwned(c *AttrCache, obj Object, name string, args []Object, kw []KwArg) (Resumable, *BaseException) {
	return awaitMethodCached(c, obj, name, args, kw, true)
}

func awaitMethodCached(c *AttrCache, obj Object, name string, args []Object, kw []KwArg, owned bool) (Resumable, *BaseException) {
	if c.epoch == dictEpoch {
		if c.mod != nil {
			if obj == c.m {
				return c.mod(args, kw)
			}
		} else if goType(obj) == c.gotype && obj.Type() == c.t {
			return c.meth(obj, args, kw)
		}
	}
	return awaitMethodFill(c, obj, name, args, kw, owned)
}

// AwaitMethodStart is `await obj.name(…)` in a frame up to its first
// suspension: AwaitMethodCached, then the first step of the awaitable,
// Resume(None, nil). err is the call's exception (nothing ran); otherwise
// aw is the awaitable and v, done, exc are what its first step returned.
// A function or method with a Start form runs that step itself, often
// without an awaitable to make and recycle (asyncio.sleep(0), a bare
// yield, leaves none: aw == nil; Queue.put on a queue with room; Queue.get
// on one with items).
func AwaitMethodStart(c *AttrCache, obj Object, name string, args []Object, kw []KwArg) (aw Resumable, v Object, done bool, exc, err *BaseException) {
	if c.epoch == dictEpoch {
		if c.m != nil {
			if c.start != nil && obj == c.m {
				return c.start(args, kw)
			}
		} else if c.mstart != nil && goType(obj) == c.gotype && obj.Type() == c.t {
			return c.mstart(obj, args, kw)
		}
	}
	return awaitStartSlow(c, obj, name, args, kw)
}

// AwaitStart is AwaitMethodStart(c, obj, c.Name, args, nil), the form of
// the calls without keywords, which generated code makes after its own hit
// test (StartHit, MethodHit) missed: fewer words of arguments at the site.
func AwaitStart(c *AttrCache, obj Object, args []Object) (aw Resumable, v Object, done bool, exc, err *BaseException) {
	return AwaitMethodStart(c, obj, c.Name, args, nil)
}

// awaitStartSlow is AwaitMethodStart without a Start form to call: the
// Await form of a hit, or a miss, and the first step.
func awaitStartSlow(c *AttrCache, obj Object, name string, args []Object, kw []KwArg) (aw Resumable, v Object, done bool, exc, err *BaseException) {
	switch {
	case c.epoch != dictEpoch:
		aw, err = awaitMethodFill(c, obj, name, args, kw, false)
	case c.mod != nil:
		if obj == c.m {
			aw, err = c.mod(args, kw)
		} else {
			aw, err = awaitMethodFill(c, obj, name, args, kw, false)
		}
	case goType(obj) == c.gotype && obj.Type() == c.t:
		aw, err = c.meth(obj, args, kw)
	default:
		aw, err = awaitMethodFill(c, obj, name, args, kw, false)
	}
	if err != nil {
		return nil, nil, true, nil, err
	}
	v, done, exc = aw.Resume(None, nil)
	return aw, v, done, exc, nil
}

// watchMRO makes a change to the dict of t or of any of its bases advance
// dictEpoch, which empties the caches that hold a method found on t.
func watchMRO(t *Type) {
	for _, b := range t.MRO {
		b.Dict.watched = true
	}
}

// awaitMethodFill is a miss of AwaitMethodCached: AwaitMethod, and the
// cache filled when the lookup found a Go function with an Await form
// that nothing can shadow. owned is as for awaitMethod.
func awaitMethodFill(c *AttrCache, obj Object, name string, args []Object, kw []KwArg, owned bool) (Resumable, *BaseException) {
	*c = AttrCache{Name: c.Name}
	switch o := obj.(type) {
	case *Module:
		if v, ok := o.Dict.GetStr(name); ok {
			if b, ok := v.(*Builtin); ok && b.Await != nil {
				o.Dict.watched = true
				c.epoch, c.m, c.mod, c.start, c.startF = dictEpoch, o, b.Await, b.Start, b.StartFloat
				if b.Yield0 != nil && *b.Yield0 {
					c.yield0Epoch = dictEpoch
				}
				c.gotype = goType(obj) // t stays nil: MethodHit misses
			}
		}
	case *Type, *superObj, *Instance, *BaseException, *Function:
		// Types look up on themselves; the others have instance
		// attributes that may shadow a method.
	default:
		t := obj.Type()
		if m, ok := t.lookup(name); ok {
			if bm, ok := m.(*Method); ok && bm.Await != nil && instanceAttrs(obj) == nil {
				watchMRO(t)
				c.epoch, c.gotype, c.t, c.meth, c.mstart = dictEpoch, goType(obj), t, bm.Await, bm.Start
			}
		}
	}
	return awaitMethod(obj, name, args, kw, owned)
}

// CallMethod1Cached is CallMethod1(obj, c.Name, x) through the call site's
// cache, for `mod.f(x)`: while obj is the module the cache holds and no
// watched dict has changed, the function's one-argument form
// (Builtin.Fn1: asyncio.create_task) is called without a lookup.
func CallMethod1Cached(c *AttrCache, obj Object, x Object) (Object, *BaseException) {
	if m, ok := obj.(*Module); ok && m == c.m && c.fn1 != nil && c.epoch == dictEpoch {
		return c.fn1(x)
	}
	return callMethod1Fill(c, obj, x)
}

// CallMethod1Bound is CallMethod1Cached for a receiver bound for good (see
// Yield0Bound): a current cache is a hit.
func CallMethod1Bound(c *AttrCache, obj Object, x Object) (Object, *BaseException) {
	if c.fn1 != nil && c.epoch == dictEpoch {
		return c.fn1(x)
	}
	return callMethod1Fill(c, obj, x)
}

// callMethod1Fill is a miss of CallMethod1Cached: CallMethod1, and the
// cache filled when it found a module function with a one-argument form.
func callMethod1Fill(c *AttrCache, obj Object, x Object) (Object, *BaseException) {
	if m, ok := obj.(*Module); ok {
		if v, ok := m.Dict.GetStr(c.Name); ok {
			if b, ok := v.(*Builtin); ok && b.Fn1 != nil {
				m.Dict.watched = true
				*c = AttrCache{Name: c.Name, epoch: dictEpoch, m: m, fn1: b.Fn1, gotype: goType(obj)}
				return b.Fn1(x)
			}
			return Call(v, []Object{x}, nil)
		}
	}
	return CallMethod(obj, c.Name, []Object{x}, nil)
}
