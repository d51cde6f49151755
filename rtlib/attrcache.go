package rtlib

// AttrCache is an inline cache for one call site's `await module.name(…)`:
// where in the module's dict the name was found last time. A hit checks
// that the same key is still at that place and still bound, so rebinding
// (asyncio.sleep = f), deleting or reordering the module's names is seen
// at once; a miss looks the name up and remembers it. Generated code keeps
// one per call site, as a package variable; translated code runs one
// Python thread at a time, so it needs no lock.
type AttrCache struct {
	d *Dict
	i int
}

// lookup is d[name] through the cache.
func (c *AttrCache) lookup(d *Dict, name string) (Object, bool) {
	if c.d == d && c.i < len(d.keys) {
		if k, ok := d.keys[c.i].(Str); ok && string(k) == name {
			if v := d.vals[c.i]; v != nil {
				return v, true
			}
		}
	}
	i, ok := d.index[name]
	if !ok {
		return nil, false
	}
	c.d, c.i = d, i
	return d.vals[i], true
}

// AwaitMethodCached is AwaitMethod with the module attribute looked up
// through the call site's cache.
func AwaitMethodCached(c *AttrCache, obj Object, name string, args []Object, kw []KwArg) (Resumable, *BaseException) {
	return awaitMethodCached(c, obj, name, args, kw, false)
}

// AwaitMethodCachedOwned is AwaitMethodCached for an argument slice the
// caller hands over: a call with *args, whose slice ExtendArgs made for
// this call alone. A callee without an Await form gets the slice itself
// rather than a copy (`await asyncio.gather(*tasks)` of a million tasks:
// 16 MB less to allocate and copy).
func AwaitMethodCachedOwned(c *AttrCache, obj Object, name string, args []Object, kw []KwArg) (Resumable, *BaseException) {
	return awaitMethodCached(c, obj, name, args, kw, true)
}

func awaitMethodCached(c *AttrCache, obj Object, name string, args []Object, kw []KwArg, owned bool) (Resumable, *BaseException) {
	if m, ok := obj.(*Module); ok {
		if v, ok := c.lookup(m.Dict, name); ok {
			if b, ok := v.(*Builtin); ok && b.Await != nil {
				return b.Await(args, kw)
			}
		}
	}
	return awaitMethod(obj, name, args, kw, owned)
}
