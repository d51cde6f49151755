package rtlib

import "testing"

// TestStartHit: the hit test that generated code writes out in front of
// `await mod.f(…)` must miss for another object, another module, and after
// any change to a watched dict, and AwaitStart must refill the cache.
func TestStartHit(t *testing.T) {
	started := 0
	start := func(args []Object, kw []KwArg) (Resumable, Object, bool, *BaseException, *BaseException) {
		started++
		return nil, None, false, nil, nil
	}
	awaited := 0
	await := func(args []Object, kw []KwArg) (Resumable, *BaseException) {
		awaited++
		return &yieldOnce{}, nil
	}
	m := NewModule("m")
	m.Dict.SetStr("f", &Builtin{Name: "f", Await: await, Start: start})
	other := NewModule("m")
	other.Dict.SetStr("f", &Builtin{Name: "f", Await: await, Start: start})
	c := AttrCache{Name: "f"}
	if c.StartHit(m) != nil {
		t.Fatal("an empty cache hit")
	}
	// A miss takes the Await form and its first step, and fills the cache.
	if aw, v, done, exc, err := AwaitStart(&c, m, nil); aw == nil || v != None || done || exc != nil || err != nil || awaited != 1 {
		t.Fatalf("AwaitStart: %v %v %v %v %v (awaited %d)", aw, v, done, exc, err, awaited)
	}
	if c.StartHit(m) == nil {
		t.Fatal("no hit after AwaitStart filled the cache")
	}
	// A hit through AwaitStart takes the Start form.
	if aw, v, done, exc, err := AwaitStart(&c, m, nil); aw != nil || v != None || done || exc != nil || err != nil || started != 1 {
		t.Fatalf("AwaitStart: %v %v %v %v %v (started %d)", aw, v, done, exc, err, started)
	}
	if c.StartHit(other) != nil || c.StartHit(Int(1)) != nil || c.StartHit(None) != nil {
		t.Fatal("a hit for another object")
	}
	if c.MethodHit(m) != nil || c.MethodHit(other) != nil {
		t.Fatal("a method hit for a module function")
	}
	m.Dict.SetStr("g", None) // any change to a watched dict
	if c.StartHit(m) != nil {
		t.Fatal("a hit after the module's dict changed")
	}
	AwaitStart(&c, m, nil)
	if c.StartHit(m) == nil || c.Name != "f" {
		t.Fatalf("the refill lost the hit or the name (%q)", c.Name)
	}
	m.Dict.SetStr("f", &Builtin{Name: "f", Await: await})
	if c.StartHit(m) != nil {
		t.Fatal("a hit after f was rebound")
	}
}

// yieldOnce yields None once, then finishes with None.
type yieldOnce struct{ n int }

func (y *yieldOnce) Resume(sent Object, thrown *BaseException) (Object, bool, *BaseException) {
	if thrown != nil {
		return nil, true, thrown
	}
	y.n++
	if y.n == 1 {
		return None, false, nil
	}
	return None, true, nil
}

// TestStartFloatHit: the unboxed-float form is found with the Start form,
// and missed for another object, after a change to a watched dict, and
// for a function without one.
func TestStartFloatHit(t *testing.T) {
	var got float64
	startF := func(x float64) (Resumable, Object, bool, *BaseException, *BaseException) {
		got = x
		return nil, None, false, nil, nil
	}
	await := func(args []Object, kw []KwArg) (Resumable, *BaseException) { return &yieldOnce{}, nil }
	m := NewModule("m")
	m.Dict.SetStr("f", &Builtin{Name: "f", Await: await, StartFloat: startF})
	m.Dict.SetStr("g", &Builtin{Name: "g", Await: await})
	c, cg := AttrCache{Name: "f"}, AttrCache{Name: "g"}
	if c.StartFloatHit(m) != nil {
		t.Fatal("an empty cache hit")
	}
	AwaitStart(&c, m, []Object{Float(2.5)})
	AwaitStart(&cg, m, []Object{Float(2.5)})
	start := c.StartFloatHit(m)
	if start == nil {
		t.Fatal("no hit after AwaitStart filled the cache")
	}
	if start(0.25); got != 0.25 {
		t.Fatalf("StartFloat got %v", got)
	}
	if cg.StartFloatHit(m) != nil {
		t.Fatal("a hit for a function without a StartFloat form")
	}
	if c.StartFloatHit(NewModule("m")) != nil || c.StartFloatHit(Float(1)) != nil {
		t.Fatal("a hit for another object")
	}
	m.Dict.SetStr("h", None)
	if c.StartFloatHit(m) != nil {
		t.Fatal("a hit after the module's dict changed")
	}
}
