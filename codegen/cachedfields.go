package codegen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Frame fields kept in Go locals.
//
// A local that lives across an await is a field of the frame, and the code
// reads and writes it through f: Go's compiler keeps no field in a
// register from one statement to the next, so a loop whose value carries
// from one iteration to the next (`x = (x * a + c) % m`) goes through
// memory at every turn, a store then a load on the loop's critical path.
// Resume instead copies such fields into Go locals when it starts, and
// back into the frame before it suspends; nothing else reads the frame's
// fields while Resume runs (the frame is its own; tracebacks and
// cr_frame's line read only its state), and an exception or a return ends
// the frame, so those exits copy nothing back.
//
// Which fields: typed scalars (int, float, bool) that a loop reads or
// writes on a path from its head back to it that does not suspend (an
// await ends a path): there the copies pay. A loop that awaits at every
// turn would pay the copies at every turn instead.

// findCachedFields fills fg.cached for a frame.
func (fg *funcGen) findCachedFields(reach map[*ir.Block]bool) {
	fg.cached = map[string]string{}
	if !fg.frame {
		return
	}
	succs := func(b *ir.Block) []*ir.Block {
		var out []*ir.Block
		if b.Term != nil && b.Term.Kind != ir.Await && b.Term.Kind != ir.Yield {
			for _, s := range []*ir.Block{b.Term.Target, b.Term.Else} {
				if s != nil {
					out = append(out, s)
				}
			}
		}
		if b.Handler != nil {
			out = append(out, b.Handler)
		}
		return out
	}
	// inCycle: b reaches itself without a suspension.
	inCycle := func(b *ir.Block) bool { return reaches(succs(b), b, succs) }
	scalar := func(t ir.Type) bool { return t == ir.Int || t == ir.Float || t == ir.Bool }
	// Every use of a field must be a typed scalar's: a shared field holds
	// one Go type, but be sure.
	typed, looped := map[string]bool{}, map[string]bool{}
	bad := map[string]bool{}
	for _, b := range fg.f.Blocks {
		if !reach[b] {
			continue
		}
		loop := inCycle(b)
		for _, in := range b.Instrs {
			if (in.Op != ir.OpLoad && in.Op != ir.OpStore) || in.Var == nil || in.Var.Kind != ir.Local || !fg.varInFrame(in.Var) {
				continue
			}
			name := fg.fieldOf(slot{temp: -1, v: in.Var})
			if !scalar(in.Var.Type) {
				bad[name] = true
				continue
			}
			typed[name] = true
			if loop {
				looped[name] = true
			}
		}
	}
	for name := range looped {
		if typed[name] && !bad[name] && strings.HasPrefix(name, "f.") {
			fg.cached[name] = "fl_" + strings.TrimPrefix(name, "f.")
		}
	}
	// A range loop's slot (rN), read and advanced at the loop's head:
	// in a local too when the head is on such a path (the slot comes from
	// rt.IterRangeLocal as a value, and the general way's iterator does not
	// point into the frame).
	for _, b := range fg.f.Blocks {
		if t := b.Term; reach[b] && t != nil && t.Kind == ir.ForNext && inCycle(b) {
			if tv, ok := t.Value.(ir.Temp); ok && fg.rangeIn[tv] {
				fg.cached[fmt.Sprintf("f.r%d", tv)] = fmt.Sprintf("fl_r%d", tv)
			}
		}
	}
}

// cachedNames are fg.cached's fields in a fixed order.
func (fg *funcGen) cachedNames() []string {
	names := make([]string, 0, len(fg.cached))
	for n := range fg.cached {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// cacheLoads copies the cached fields into their locals (Resume's start).
func (fg *funcGen) cacheLoads() []jen.Code {
	var out []jen.Code
	for _, n := range fg.cachedNames() {
		local := fg.cached[n]
		out = append(out, jen.Id(local).Op(":=").Id(n), jen.Id("_").Op("=").Id(local))
	}
	return out
}

// writeBack copies the cached locals into the frame, before a suspension.
func (fg *funcGen) writeBack() []jen.Code {
	var out []jen.Code
	for _, n := range fg.cachedNames() {
		out = append(out, jen.Id(n).Op("=").Id(fg.cached[n]))
	}
	return out
}

// suspendAt is the frame suspending at state with value v: the cached
// locals back into the frame, the state set, v yielded.
func (fg *funcGen) suspendAt(state int, v jen.Code) []jen.Code {
	return append(fg.writeBack(), jen.Id("f").Dot("state").Op("=").Lit(state), jen.Return(v, jen.False(), jen.Nil()))
}
