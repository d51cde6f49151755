package functools

import (
	rt "github.com/async2go/async2go/rtlib"
	"github.com/async2go/async2go/rtlib/mod/collections"
)

var lruType = rt.NewBuiltinType("_lru_cache_wrapper", "functools")

// lruCache is the wrapper functools.lru_cache and functools.cache return.
type lruCache struct {
	fn      rt.Object
	maxsize int64 // < 0: unbounded
	cache   *rt.Dict
	order   []rt.Object // keys, least recently used first (bounded caches)
	hits    int64
	misses  int64
}

func (*lruCache) Type() *rt.Type { return lruType }

// kwMark separates positional from keyword arguments in a cache key.
var kwMark = rt.Str("\x00kwmark")

// Call returns the cached result for the arguments or computes it.
func (c *lruCache) Call(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	var key rt.Object
	if len(kw) == 0 && len(args) == 1 {
		switch args[0].(type) {
		case rt.Int, rt.Str:
			key = args[0]
		}
	}
	if key == nil {
		parts := append([]rt.Object(nil), args...)
		if len(kw) > 0 {
			parts = append(parts, kwMark)
			for _, k := range kw {
				parts = append(parts, rt.Str(k.Name), k.Value)
			}
		}
		key = rt.NewTuple(parts...)
	}
	if v, ok, exc := c.cache.GetItem(key); exc != nil {
		return nil, exc
	} else if ok {
		c.hits++
		if c.maxsize >= 0 {
			c.touch(key)
		}
		return v, nil
	}
	c.misses++
	v, exc := rt.Call(c.fn, args, kw)
	if exc != nil {
		return nil, exc
	}
	if c.maxsize == 0 {
		return v, nil
	}
	if exc := c.cache.SetItem(key, v); exc != nil {
		return nil, exc
	}
	if c.maxsize > 0 {
		c.order = append(c.order, key)
		if int64(c.cache.Len()) > c.maxsize {
			old := c.order[0]
			c.order = c.order[1:]
			rt.DelItem(c.cache, old)
		}
	}
	return v, nil
}

func (c *lruCache) touch(key rt.Object) {
	for i, k := range c.order {
		if eq, _ := rt.Eq(k, key); eq == rt.Bool(true) {
			c.order = append(append(c.order[:i:i], c.order[i+1:]...), k)
			return
		}
	}
}

func newLRU(fn rt.Object, maxsize int64) *lruCache {
	return &lruCache{fn: fn, maxsize: maxsize, cache: rt.NewDict()}
}

func init() {
	lruType.Dict.SetStr("cache_clear", &rt.Method{Name: "cache_clear", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*lruCache)
		c.cache, c.order, c.hits, c.misses = rt.NewDict(), nil, 0, 0
		return rt.None, nil
	}})
}

// lruCacheBuiltin is functools.lru_cache: @lru_cache, @lru_cache() and
// @lru_cache(maxsize=N).
func lruCacheBuiltin(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	maxsize := int64(128)
	var ms rt.Object
	if len(args) >= 1 {
		switch args[0].(type) {
		case rt.Int, rt.NoneType:
			ms = args[0]
		default:
			if _, isBool := args[0].(rt.Bool); !isBool {
				return newLRU(args[0], maxsize), nil
			}
			ms = args[0]
		}
	}
	if ms != nil {
		if ms == rt.None {
			maxsize = -1
		} else if n, ok := ms.(rt.Int); ok {
			maxsize = max(int64(n), 0)
		} else {
			return nil, rt.Errorf(rt.TypeErrorType, "Expected first argument to be an integer, a callable, or None")
		}
	}
	return &rt.Builtin{Name: "decorating_function", Fn: func(a []rt.Object, _ []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(a) != 1 {
			return nil, rt.Errorf(rt.TypeErrorType, "decorating_function() takes 1 positional argument")
		}
		return newLRU(a[0], maxsize), nil
	}}, nil
}

// cacheBuiltin is functools.cache (an unbounded lru_cache).
func cacheBuiltin(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	return newLRU(args[0], -1), nil
}

// cacheInfoClass is functools.CacheInfo, the namedtuple cache_info()
// returns (CacheInfo(hits, misses, maxsize, currsize)): a tuple for
// indexing, unpacking, len and equality; made on first use.
var cacheInfoClass rt.Object

func newCacheInfo(hits, misses, maxsize, currsize rt.Object) (rt.Object, *rt.BaseException) {
	if cacheInfoClass == nil {
		c, exc := collections.NamedTuple("CacheInfo", "hits", "misses", "maxsize", "currsize")
		if exc != nil {
			return nil, exc
		}
		if t, ok := c.(*rt.Type); ok {
			t.Module = "functools"
		}
		cacheInfoClass = c
	}
	return rt.Call(cacheInfoClass, []rt.Object{hits, misses, maxsize, currsize}, nil)
}

func init() {
	lruType.Dict.SetStr("cache_info", &rt.Method{Name: "cache_info", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		c := self.(*lruCache)
		var ms rt.Object = rt.None
		if c.maxsize >= 0 {
			ms = rt.Int(c.maxsize)
		}
		return newCacheInfo(rt.Int(c.hits), rt.Int(c.misses), ms, rt.Int(c.cache.Len()))
	}})
	rt.ApplyMethodArgs(lruType, map[string]*rt.ArgSpec{
		"cache_info":  rt.ArgsNone("_lru_cache_wrapper.cache_info"),
		"cache_clear": rt.ArgsNone("_lru_cache_wrapper.cache_clear"),
	})
}
