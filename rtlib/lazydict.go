package rtlib

// The method tables of the builtin types are made when a program first
// uses one, not by every program at start-up. A translated hello or a
// benchmark loop never looks a method up in a builtin type's dict, and
// making the methods of str, list, dict, set, int, generators, the dict
// views and asyncio's classes (each a Method object, a closure, a dict
// entry, with the argument specs) was most of the runtime's start-up:
// rtlib's init made 1,179 allocations and asyncio's 567, now 304 and 160
// (docs/performance.md, finding 54).
//
// newType marks the dicts of the builtin types lazy, and the code that
// fills them registers itself (deferMethods) instead of running; rtlib/aio
// has a set of its own (MethodTables). The first read or write of a marked
// dict runs every filler of its set, in the order they were registered,
// which is the order they ran in before: a dict's entries keep their
// order. A filler registered after that runs at once.

// MethodTables holds the fillers of a set of lazy dicts until one of them
// is used; then it runs them all, so that a filler may write to several of
// its dicts.
type MethodTables struct {
	pending []func()
	made    bool
}

// builtinTables is the set of the builtin types' dicts (rtlib's own).
var builtinTables MethodTables

// make runs the pending fillers, once.
func (m *MethodTables) make() {
	if m.made {
		return
	}
	m.made = true
	for len(m.pending) > 0 {
		f := m.pending[0]
		m.pending = m.pending[1:]
		f()
	}
	m.pending = nil
}

// Defer registers fill, which writes only to dicts of m (Mark, newType for
// the builtin set), to run when a program first uses one of them (at once
// if one has been used already). A dict that a filler writes and that is
// not marked would look empty until the set is made.
func (m *MethodTables) Defer(fill func()) {
	if m.made {
		fill()
		return
	}
	m.pending = append(m.pending, fill)
}

// Mark makes the dict of t, a class of the runtime whose methods m's
// fillers make, one of m's lazy dicts.
func (m *MethodTables) Mark(t *Type) {
	if !m.made {
		t.Dict.lazy = m
	}
}

// Made reports whether m's fillers have run (tests: a program that never
// uses its dicts never makes them).
func (m *MethodTables) Made() bool { return m.made }

// deferMethods defers fill, which writes methods into the dicts of the
// builtin types (newType marks them).
func deferMethods(fill func()) { builtinTables.Defer(fill) }

// fillLater runs fill, which writes to d, when d's methods are made: at
// once unless d is lazy.
func fillLater(d *Dict, fill func()) {
	if d.lazy != nil {
		d.lazy.Defer(fill)
		return
	}
	fill()
}

// ensure makes d's entries if d is lazy. Every use of a dict's entries
// comes after it, but for the reads that find an entry: those need no
// test (a lazy dict has no entries of its fillers until they run), the
// others make it before they report a miss.
func (d *Dict) ensure() {
	if d.lazy != nil {
		m := d.lazy
		d.lazy = nil
		m.make()
	}
}

// BuiltinMethodsMade reports whether the builtin types' methods have been
// made (tests).
func BuiltinMethodsMade() bool { return builtinTables.made }
