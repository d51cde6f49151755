package rtlib

// Context is a contextvars.Context: a mutable cell holding an immutable
// mapping from ContextVar to value. Setting a variable replaces the mapping,
// so copying a context (what every asyncio task does when it is created) is
// copying one pointer.
type Context struct {
	vars    *ctxVars
	entered bool
}

type ctxVars struct {
	m map[Object]Object
}

var (
	ContextType = newType("Context", ObjectType)
	rootContext = &Context{}
	curContext  = rootContext
)

// Type returns contextvars.Context.
func (*Context) Type() *Type { return ContextType }

// CurrentContext is the context the running code sees.
func CurrentContext() *Context { return curContext }

// CopyContext is contextvars.copy_context().
func CopyContext() *Context { return &Context{vars: curContext.vars} }

var contextVarsInUse bool

// ContextVarsInUse reports whether a ContextVar has been created: until
// then no task needs a context of its own (asyncio skips the copy).
func ContextVarsInUse() bool { return contextVarsInUse }

// UseContextVars records that a ContextVar exists.
func UseContextVars() { contextVarsInUse = true }

// EnterContext makes c current and returns the context to restore with
// ExitContext (asyncio runs each step of a task in the task's context).
func EnterContext(c *Context) *Context {
	prev := curContext
	curContext = c
	return prev
}

// ExitContext restores the context EnterContext returned.
func ExitContext(prev *Context) { curContext = prev }

// Lookup is the value of v in c.
func (c *Context) Lookup(v Object) (Object, bool) {
	if c.vars == nil {
		return nil, false
	}
	x, ok := c.vars.m[v]
	return x, ok
}

// With sets v to x in c (x nil deletes v), replacing the mapping.
func (c *Context) With(v, x Object) {
	m := map[Object]Object{}
	if c.vars != nil {
		for k, old := range c.vars.m {
			m[k] = old
		}
	}
	if x == nil {
		delete(m, v)
	} else {
		m[v] = x
	}
	c.vars = &ctxVars{m: m}
}

// Vars is the context's variables (unordered).
func (c *Context) Vars() []Object {
	if c.vars == nil {
		return nil
	}
	out := make([]Object, 0, len(c.vars.m))
	for k := range c.vars.m {
		out = append(out, k)
	}
	return out
}

// Copy is ctx.copy().
func (c *Context) Copy() *Context { return &Context{vars: c.vars} }

// Run is ctx.run(fn, *args): fn runs with c as the current context.
func (c *Context) Run(fn Object, args []Object, kw []KwArg) (Object, *BaseException) {
	if c.entered {
		r, _ := Repr(c)
		return nil, Errorf(RuntimeErrorType, "cannot enter context: %s is already entered", r)
	}
	c.entered = true
	prev := EnterContext(c)
	defer func() {
		ExitContext(prev)
		c.entered = false
	}()
	return Call(fn, args, kw)
}

// Id is the address id(x) and default reprs show for x.
func Id(x any) uintptr { return addr(x) }
