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
