package rtlib

// AwaitMethodStar is `await obj.name(*xs)` (xs the only argument), as
// AwaitMethodCached(c, obj, name, ExtendArgs(nil, xs), nil) but without the
// copy of a list xs when obj.name is a module function whose Await form is
// an AwaitView (asyncio.gather): CPython builds the arguments' tuple from
// the list, and the callee reads it; a callee that reads all of its
// arguments before any Python code can run (which could change the list)
// and keeps none of them sees the same values in the list itself. A
// fan-out's `await asyncio.gather(*coros)` thus copies no list of 100 000
// coroutines.
func AwaitMethodStar(c *AttrCache, obj Object, name string, xs Object) (Resumable, *BaseException) {
	if l, ok := xs.(*List); ok {
		if m, ok := obj.(*Module); ok {
			if v, ok := m.Dict.GetStr(name); ok {
				if b, ok := v.(*Builtin); ok && b.Await != nil && b.AwaitView {
					n := len(l.Items)
					return b.Await(l.Items[:n:n], nil)
				}
			}
		}
	}
	args, exc := ExtendArgs(nil, xs)
	if exc != nil {
		return nil, exc
	}
	return AwaitMethodCached(c, obj, name, args, nil)
}
