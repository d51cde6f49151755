package rtlib

import (
	"strings"
	"testing"
)

// TestAwaitMethodStar checks `await m.f(*xs)`: a list's own items (no copy,
// capacity clipped) for an AwaitView Await form, a copy for any other, and
// ExtendArgs' behaviour for other iterables and non-iterables.
func TestAwaitMethodStar(t *testing.T) {
	var got []Object
	record := func(args []Object, kw []KwArg) (Resumable, *BaseException) {
		got = args
		return nil, nil
	}
	m := NewModule("m")
	m.Dict.SetStr("view", &Builtin{Name: "view", Await: record, AwaitView: true})
	m.Dict.SetStr("copy", &Builtin{Name: "copy", Await: record})
	items := make([]Object, 3, 8)
	items[0], items[1], items[2] = Int(1), Int(2), Int(3)
	xs := &List{Items: items}
	var c1, c2, c3, c4 AttrCache

	if _, exc := AwaitMethodStar(&c1, m, "view", xs); exc != nil {
		t.Fatal(exc)
	}
	if len(got) != 3 || &got[0] != &xs.Items[0] || cap(got) != 3 {
		t.Errorf("view: got %v (cap %d), want the list's items, capacity clipped", got, cap(got))
	}
	if _, exc := AwaitMethodStar(&c2, m, "copy", xs); exc != nil {
		t.Fatal(exc)
	}
	if len(got) != 3 || &got[0] == &xs.Items[0] || got[2] != Int(3) {
		t.Errorf("copy: got %v, want a copy of the list's items", got)
	}
	if _, exc := AwaitMethodStar(&c3, m, "view", NewTuple(Int(7), Int(8))); exc != nil || len(got) != 2 || got[1] != Int(8) {
		t.Errorf("tuple: got %v, %v", got, exc)
	}
	_, exc := AwaitMethodStar(&c4, m, "view", Int(5))
	if exc == nil || !strings.Contains(exc.Error(), "argument after * must be an iterable, not int") {
		t.Errorf("non-iterable: got %v", exc)
	}
}

// TestCallMethod1 checks obj.name(x): a module function's one-argument
// form (Builtin.Fn1) when it has one, its Fn with a one-item slice when
// not, and method calls on other objects as CallMethod makes them.
func TestCallMethod1(t *testing.T) {
	var via string
	m := NewModule("m")
	m.Dict.SetStr("one", &Builtin{Name: "one",
		Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
			via = "Fn"
			return args[0], nil
		},
		Fn1: func(x Object) (Object, *BaseException) {
			via = "Fn1"
			return x, nil
		}})
	m.Dict.SetStr("plain", &Builtin{Name: "plain", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		via = "Fn"
		if len(args) != 1 || kw != nil {
			t.Errorf("plain got %d args, kw %v", len(args), kw)
		}
		return args[0], nil
	}})
	for _, c := range []struct{ name, via string }{{"one", "Fn1"}, {"plain", "Fn"}} {
		via = ""
		v, exc := CallMethod1(m, c.name, Int(7))
		if exc != nil || v != Object(Int(7)) || via != c.via {
			t.Errorf("m.%s(7) = %v, %v via %q; want 7 via %q", c.name, v, exc, via, c.via)
		}
	}
	if _, exc := CallMethod1(m, "missing", Int(1)); exc == nil || !exc.Class.IsSubtype(AttributeErrorType) {
		t.Errorf("m.missing(1): %v, want AttributeError", exc)
	}
	l := NewList(Int(1))
	if _, exc := CallMethod1(l, "append", Int(2)); exc != nil || len(l.Items) != 2 {
		t.Errorf("l.append(2): %v, %d items", exc, len(l.Items))
	}
}

// TestCallMethod1Cached checks the call site's cache of mod.f(x): a hit
// calls the cached Fn1, rebinding the name is seen at once, and a
// function without a one-argument form is called with a slice.
func TestCallMethod1Cached(t *testing.T) {
	var via string
	fn1 := func(tag string) *Builtin {
		return &Builtin{Name: "f",
			Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
				via = tag + " Fn"
				return args[0], nil
			},
			Fn1: func(x Object) (Object, *BaseException) {
				via = tag + " Fn1"
				return x, nil
			}}
	}
	m := NewModule("m")
	m.Dict.SetStr("f", fn1("a"))
	c := AttrCache{Name: "f"}
	call := func(want string) {
		t.Helper()
		via = ""
		if v, exc := CallMethod1Cached(&c, m, Int(3)); exc != nil || v != Object(Int(3)) || via != want {
			t.Errorf("m.f(3) = %v, %v via %q; want 3 via %q", v, exc, via, want)
		}
	}
	call("a Fn1")
	call("a Fn1")
	m.Dict.SetStr("f", fn1("b"))
	call("b Fn1")
	m.Dict.SetStr("f", &Builtin{Name: "f", Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		via = "plain"
		return args[0], nil
	}})
	call("plain")
	call("plain")
	if _, exc := CallMethod1Cached(&AttrCache{Name: "append"}, NewList(), Int(1)); exc != nil {
		t.Errorf("list.append(1): %v", exc)
	}
}
