package rtlib

// Generators, async generators and the Python-visible methods of
// coroutines.

var (
	GeneratorType      = newType("generator", ObjectType)
	AsyncGeneratorType = newType("async_generator", ObjectType)
)

// Generator is a generator object: the Resumable body of a def with yield.
type Generator struct {
	Fn      *Function
	Body    Resumable
	started bool
	done    bool
	running bool
}

// NewGenerator wraps the frame of a generator function.
func NewGenerator(fn *Function, body Resumable) *Generator { return &Generator{Fn: fn, Body: body} }

// Type returns generator.
func (*Generator) Type() *Type { return GeneratorType }

// Resume is gen.send(sent) / gen.throw(thrown).
func (g *Generator) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	if g.done {
		if thrown != nil {
			return nil, true, thrown
		}
		return nil, true, nil
	}
	if g.running {
		return nil, true, Errorf(ValueErrorType, "generator already executing")
	}
	if !g.started && sent != nil && !IsNone(sent) && thrown == nil {
		return nil, true, Errorf(TypeErrorType, "can't send non-None value to a just-started generator")
	}
	// The generator's frame nests on its caller's, as CPython counts it:
	// a generator recursing through yield from meets RecursionError.
	if callDepth >= RecursionLimit {
		return nil, true, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	g.started = true
	g.running = true
	callDepth++
	v, done, exc := g.Body.Resume(sent, thrown)
	callDepth--
	g.running = false
	if done {
		g.done = true
		if exc != nil && exc.Class.IsSubtype(StopIterationType) {
			exc = Errorf(RuntimeErrorType, "generator raised StopIteration")
		}
	}
	return v, done, exc
}

// NextValue implements Iterator.
func (g *Generator) NextValue() (Object, bool, *BaseException) {
	v, done, exc := g.Resume(None, nil)
	if exc != nil {
		return nil, false, exc
	}
	if done {
		return nil, false, nil
	}
	return v, true, nil
}

// Close is gen.close().
func (g *Generator) Close() *BaseException {
	if g.done || !g.started {
		g.done = true
		return nil
	}
	_, done, exc := g.Resume(nil, NewException(GeneratorExitType))
	if !done {
		return Errorf(RuntimeErrorType, "generator ignored GeneratorExit")
	}
	if exc != nil && !exc.Class.IsSubtype(GeneratorExitType) {
		return exc
	}
	return nil
}

// stopIteration turns a generator's return value into StopIteration.
func stopIteration(v Object) *BaseException {
	if v == nil || IsNone(v) {
		return NewException(StopIterationType)
	}
	e := NewException(StopIterationType, v)
	return e
}

// GetYieldFromIter returns what `yield from x` delegates to.
func GetYieldFromIter(x Object) (Resumable, *BaseException) {
	switch v := x.(type) {
	case *Generator:
		return v, nil
	case *Coroutine:
		return nil, Errorf(TypeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator")
	case *coroWrapper:
		return v, nil
	}
	it, exc := Iter(x)
	if exc != nil {
		return nil, exc
	}
	return &iterDelegate{it: it}, nil
}

// iterDelegate is `yield from` over a plain iterator.
type iterDelegate struct{ it Object }

func (d *iterDelegate) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	v, ok, exc := Next(d.it)
	if exc != nil {
		return nil, true, exc
	}
	if !ok {
		return None, true, nil
	}
	return v, false, nil
}

// asyncGenYield marks a value yielded by an async generator's `yield`, as
// opposed to a future passed up from an await inside it.
type asyncGenYield struct{ v Object }

func (asyncGenYield) Type() *Type { return ObjectType }

// AsyncGenYield wraps the value of a `yield` in an async generator.
func AsyncGenYield(v Object) Object { return asyncGenYield{v} }

// AsyncGenerator is an async generator object.
type AsyncGenerator struct {
	Fn      *Function
	Body    Resumable
	done    bool
	running bool
	started bool
}

// NewAsyncGenerator wraps the frame of an async generator function.
func NewAsyncGenerator(fn *Function, body Resumable) *AsyncGenerator {
	return &AsyncGenerator{Fn: fn, Body: body}
}

// Type returns async_generator.
func (*AsyncGenerator) Type() *Type { return AsyncGeneratorType }

// asyncGenStep is the awaitable of __anext__/asend/athrow: it runs the
// generator until its next yield, passing awaits through to the task.
type asyncGenStep struct {
	g      *AsyncGenerator
	sent   Object
	thrown *BaseException
	first  bool
	closed bool
	aclose bool
	// finalizer: the aclose() of the event loop's finalizer hook, which
	// throws an exception thrown into it at its start into the generator.
	finalizer bool
}

func (s *asyncGenStep) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	g := s.g
	if s.first && s.finalizer && thrown != nil {
		// athrow.throw() before the aclose() started: CPython throws the
		// exception into the generator and leaves the aclose() unstarted
		// (its next send throws GeneratorExit).
		if g.done {
			return nil, true, thrown
		}
	} else if s.first {
		s.first = false
		sent, thrown = s.sent, s.thrown
		if g.done {
			if s.aclose {
				return None, true, nil
			}
			if thrown != nil {
				return nil, true, thrown
			}
			return nil, true, NewException(StopAsyncIterationType)
		}
		if s.aclose && !g.started {
			g.done = true
			return None, true, nil
		}
	}
	if g.running && !s.closed {
		return nil, true, Errorf(RuntimeErrorType, "anext(): asynchronous generator is already running")
	}
	g.started = true
	g.running = true
	v, done, exc := g.Body.Resume(sent, thrown)
	g.running = false
	if done {
		g.done = true
		if exc != nil {
			if s.aclose && (exc.Class.IsSubtype(GeneratorExitType) || exc.Class.IsSubtype(StopAsyncIterationType)) {
				return None, true, nil
			}
			if exc.Class.IsSubtype(StopAsyncIterationType) || exc.Class.IsSubtype(StopIterationType) {
				exc = Errorf(RuntimeErrorType, "async generator raised %s", exc.Class.Name)
			}
			return nil, true, exc
		}
		if s.aclose {
			return None, true, nil
		}
		return nil, true, NewException(StopAsyncIterationType)
	}
	if y, ok := v.(asyncGenYield); ok {
		if s.aclose {
			return nil, true, Errorf(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return y.v, true, nil
	}
	return v, false, nil // an await inside the generator: suspend the task
}

func (g *AsyncGenerator) step(sent Object, thrown *BaseException, aclose bool) Object {
	fn := &Function{Name: "__anext__", Qualname: g.Fn.Qualname}
	return NewCoroutine(fn, &asyncGenStep{g: g, sent: sent, thrown: thrown, first: true, aclose: aclose})
}

func init() { deferMethods(installGeneratorMethods) }

// installGeneratorMethods defines the methods of generators, coroutines and
// async generators (made on first use: lazydict.go).
func installGeneratorMethods() {
	defMethod(GeneratorType, "__iter__", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) { return self, nil })
	defMethod(GeneratorType, "__next__", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		v, done, exc := self.(*Generator).Resume(None, nil)
		if exc != nil {
			return nil, exc
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	})
	defMethod(GeneratorType, "send", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		v, done, exc := self.(*Generator).Resume(args[0], nil)
		if exc != nil {
			return nil, exc
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	})
	defMethod(GeneratorType, "throw", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		v, done, exc := self.(*Generator).Resume(nil, Raise(args[0], nil))
		if exc != nil {
			return nil, exc
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	})
	defMethod(GeneratorType, "close", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return None, self.(*Generator).Close()
	})
	for _, name := range []string{"send", "throw"} {
		name := name
		defMethod(CoroutineType, name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			c := self.(*Coroutine)
			var v Object
			var done bool
			var exc *BaseException
			if name == "send" {
				v, done, exc = c.Resume(args[0], nil)
			} else {
				v, done, exc = c.Resume(nil, Raise(args[0], nil))
			}
			if exc != nil {
				return nil, exc
			}
			if done {
				return nil, stopIteration(v)
			}
			return v, nil
		})
	}
	defMethod(CoroutineType, "close", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return None, self.(*Coroutine).Close()
	})
	defMethod(AsyncGeneratorType, "__aiter__", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) { return self, nil })
	defMethod(AsyncGeneratorType, "__anext__", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return self.(*AsyncGenerator).step(None, nil, false), nil
	})
	defMethod(AsyncGeneratorType, "asend", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return self.(*AsyncGenerator).step(args[0], nil, false), nil
	})
	defMethod(AsyncGeneratorType, "athrow", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return self.(*AsyncGenerator).step(nil, Raise(args[0], nil), false), nil
	})
	defMethod(AsyncGeneratorType, "aclose", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return self.(*AsyncGenerator).step(nil, NewException(GeneratorExitType), true), nil
	})
}

// MapAwait is an awaitable that awaits inner and then maps its outcome
// with fn (for library coroutines written in Go that post-process an await).
func MapAwait(inner Resumable, fn func(v Object, exc *BaseException) (Object, *BaseException)) Resumable {
	return &mapAwait{inner: inner, fn: fn}
}

type mapAwait struct {
	inner   Resumable
	fn      func(Object, *BaseException) (Object, *BaseException)
	started bool
}

func (m *mapAwait) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	if !m.started {
		m.started = true
		sent = None
	}
	v, done, exc := m.inner.Resume(sent, thrown)
	if !done {
		return v, false, nil
	}
	r, e := m.fn(v, exc)
	return r, true, e
}

// coroWrapper is what coroutine.__await__() returns: an iterator over the
// coroutine's suspensions, which a class's __await__ may `yield from`.
type coroWrapper struct{ c *Coroutine }

var coroWrapperType = newType("coroutine_wrapper", ObjectType)

func (*coroWrapper) Type() *Type { return coroWrapperType }

func (w *coroWrapper) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	return w.c.Resume(sent, thrown)
}

func init() { deferMethods(installAwaitMethod) }

// installAwaitMethod defines coroutine.__await__ (made on first use:
// lazydict.go).
func installAwaitMethod() {
	defMethod(CoroutineType, "__await__", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return &coroWrapper{c: self.(*Coroutine)}, nil
	})
}
