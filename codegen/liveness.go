package codegen

import "github.com/async2go/async2go/lower/ir"

// Compact frames. A coroutine's or generator's frame needs only the values
// that must survive a suspension: the parameters and cells (set before the
// first resume or shared with closures), and the temporaries and locals that
// are live across an await or a yield. Everything else is a Go local of
// Resume, which the Go compiler keeps in registers or on the stack, so it
// costs the frame no memory and the stores no write barrier.
//
// liveness is a backward data-flow analysis over the function's blocks; an
// exception can leave a block from any instruction, so whatever is live at
// the block's handler is counted live throughout the block (a superset,
// which only errs towards keeping a value in the frame).

// slot is a temporary (a Temp) or a local variable (a *Var) in the analysis.
type slot struct {
	temp ir.Temp
	v    *ir.Var
}

type slotSet map[slot]bool

func (s slotSet) addAll(o slotSet) bool {
	changed := false
	for k := range o {
		if !s[k] {
			s[k] = true
			changed = true
		}
	}
	return changed
}

// frameLayout says where each temporary and local of a function lives.
type frameLayout struct {
	inFrame map[slot]bool // live across a suspension
	read    map[slot]bool // read somewhere (the rest need `_ = x`)
	// field maps a frame slot kept in another slot's field to that slot:
	// two values of the same Go type that are never live at once share a
	// field (shareFields).
	field map[slot]slot
}

// tracked reports whether the analysis places a variable: plain locals only;
// cells, frees and globals have their own storage.
func tracked(v *ir.Var) bool { return v != nil && v.Kind == ir.Local }

func tempSlot(o ir.Operand) (slot, bool) {
	if t, ok := o.(ir.Temp); ok && t >= 0 {
		return slot{temp: t}, true
	}
	return slot{}, false
}

// instrUses and instrDefs list what an instruction reads and writes.
func instrUses(in *ir.Instr, add func(slot)) {
	for _, a := range in.Args {
		if s, ok := tempSlot(a); ok {
			add(s)
		}
	}
	// `del x` reads x too: it raises UnboundLocalError when x is unbound.
	if (in.Op == ir.OpLoad || in.Op == ir.OpDelete) && tracked(in.Var) {
		add(slot{temp: -1, v: in.Var})
	}
}

func instrDefs(in *ir.Instr, add func(slot)) {
	if in.Dst >= 0 {
		add(slot{temp: in.Dst})
	}
	for _, d := range in.Dsts {
		if d >= 0 {
			add(slot{temp: d})
		}
	}
	if (in.Op == ir.OpStore || in.Op == ir.OpDelete) && tracked(in.Var) {
		add(slot{temp: -1, v: in.Var})
	}
}

func termUses(t *ir.Terminator, add func(slot)) {
	for _, o := range []ir.Operand{t.Value, t.Cause, t.Context} {
		if s, ok := tempSlot(o); ok {
			add(s)
		}
	}
}

// hasDst reports whether the terminator writes t.Dst.
func hasDst(t *ir.Terminator) bool {
	switch t.Kind {
	case ir.Await, ir.ForNext, ir.Yield:
		return t.Dst >= 0
	}
	return false
}

// layout computes the frame layout of f (a state machine). own reports the
// temporaries that have a field of their own elsewhere (the awaitable's).
func layout(f *ir.Func, reach map[*ir.Block]bool, own func(ir.Temp) bool) frameLayout {
	read := reads(f)
	liveIn := make(map[*ir.Block]slotSet, len(f.Blocks))
	for _, b := range f.Blocks {
		liveIn[b] = slotSet{}
	}
	// transfer computes a block's live-in set from its successors'.
	transfer := func(b *ir.Block) slotSet {
		live := slotSet{}
		for _, succ := range []*ir.Block{b.Term.Target, b.Term.Else} {
			if succ != nil {
				live.addAll(liveIn[succ])
			}
		}
		if hasDst(b.Term) {
			delete(live, slot{temp: b.Term.Dst})
		}
		termUses(b.Term, func(s slot) { live[s] = true })
		for i := len(b.Instrs) - 1; i >= 0; i-- {
			in := b.Instrs[i]
			instrDefs(in, func(s slot) { delete(live, s) })
			instrUses(in, func(s slot) { live[s] = true })
		}
		if b.Handler != nil {
			live.addAll(liveIn[b.Handler])
		}
		return live
	}
	for changed := true; changed; {
		changed = false
		for i := len(f.Blocks) - 1; i >= 0; i-- {
			b := f.Blocks[i]
			if !reach[b] {
				continue
			}
			if liveIn[b].addAll(transfer(b)) {
				changed = true
			}
		}
	}
	inFrame := map[slot]bool{}
	for _, b := range f.Blocks {
		if !reach[b] || (b.Term.Kind != ir.Await && b.Term.Kind != ir.Yield) {
			continue
		}
		// On resumption the code continues at Target with Dst just set, or
		// goes to the block's handler with the exception thrown in.
		for s := range liveIn[b.Term.Target] {
			if !(s.v == nil && s.temp == b.Term.Dst) {
				inFrame[s] = true
			}
		}
		if b.Handler != nil {
			for s := range liveIn[b.Handler] {
				inFrame[s] = true
			}
		}
	}
	lay := frameLayout{inFrame: inFrame, read: read}
	lay.field = shareFields(f, reach, liveIn, inFrame, own)
	return lay
}

// shareFields lets frame slots that are never live at the same time share
// a field, as a register allocator colours an interference graph: a value
// defined at a point interferes with everything live just after it (and
// with the operands of its own instruction, which generated code may read
// after writing the result); a parameter, set when the frame is made,
// interferes with the other parameters and with everything live on entry
// (a variable that may be read unbound relies on its field being nil).
// Only slots of the same type share, the parameters keeping their own
// fields; each other slot takes the first field it does not interfere
// with, in the order of the locals and then of the temporaries.
func shareFields(f *ir.Func, reach map[*ir.Block]bool, liveIn map[*ir.Block]slotSet, inFrame map[slot]bool, own func(ir.Temp) bool) map[slot]slot {
	isParam := map[*ir.Var]bool{}
	for _, n := range f.Params.Names {
		for _, v := range f.Locals {
			if v.Name == n && tracked(v) {
				isParam[v] = true
			}
		}
	}
	cand := func(s slot) bool {
		if s.v != nil {
			return isParam[s.v] || inFrame[s]
		}
		return inFrame[s] && !own(s.temp)
	}
	typeOf := func(s slot) ir.Type {
		if s.v != nil {
			return s.v.Type
		}
		return f.TempType(s.temp)
	}
	inter := map[[2]slot]bool{}
	edge := func(a, b slot) {
		if a != b && cand(a) && cand(b) {
			inter[[2]slot{a, b}] = true
			inter[[2]slot{b, a}] = true
		}
	}
	defAt := func(d slot, live slotSet, also slotSet) {
		for s := range live {
			edge(d, s)
		}
		for s := range also {
			edge(d, s)
		}
	}
	for _, b := range f.Blocks {
		if !reach[b] {
			continue
		}
		live := slotSet{}
		for _, succ := range []*ir.Block{b.Term.Target, b.Term.Else} {
			if succ != nil {
				live.addAll(liveIn[succ])
			}
		}
		var handler slotSet
		if b.Handler != nil {
			handler = liveIn[b.Handler]
		}
		if hasDst(b.Term) {
			defAt(slot{temp: b.Term.Dst}, live, handler)
			delete(live, slot{temp: b.Term.Dst})
		}
		termUses(b.Term, func(s slot) { live[s] = true })
		for i := len(b.Instrs) - 1; i >= 0; i-- {
			in := b.Instrs[i]
			uses := slotSet{}
			instrUses(in, func(s slot) { uses[s] = true })
			var defs []slot
			instrDefs(in, func(s slot) { defs = append(defs, s) })
			for _, d := range defs {
				defAt(d, live, handler)
				for s := range uses {
					edge(d, s)
				}
				for _, d2 := range defs {
					edge(d, d2)
				}
			}
			for _, d := range defs {
				delete(live, d)
			}
			live.addAll(uses)
		}
	}
	var order []slot
	for _, v := range f.Locals {
		if s := (slot{temp: -1, v: v}); tracked(v) && cand(s) {
			order = append(order, s)
		}
	}
	for t := 0; t < f.NTemps; t++ {
		if s := (slot{temp: ir.Temp(t)}); cand(s) {
			order = append(order, s)
		}
	}
	if len(f.Blocks) > 0 {
		for _, p := range order {
			if p.v == nil || !isParam[p.v] {
				continue
			}
			for _, q := range order {
				if q.v != nil && isParam[q.v] || liveIn[f.Blocks[0]][q] {
					edge(p, q)
				}
			}
		}
	}
	field := map[slot]slot{}
	var fields []slot            // the slots that keep a field of their own
	members := map[slot][]slot{} // each such field's slots
	for _, s := range order {
		if s.v == nil || !isParam[s.v] {
			for _, r := range fields {
				if typeOf(r) != typeOf(s) {
					continue
				}
				free := true
				for _, m := range members[r] {
					if inter[[2]slot{m, s}] {
						free = false
						break
					}
				}
				if free {
					field[s] = r
					members[r] = append(members[r], s)
					break
				}
			}
			if _, ok := field[s]; ok {
				continue
			}
		}
		fields = append(fields, s)
		members[s] = []slot{s}
	}
	return field
}

// reads is the set of temporaries and locals that f reads somewhere.
func reads(f *ir.Func) map[slot]bool {
	read := map[slot]bool{}
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			instrUses(in, func(s slot) { read[s] = true })
		}
		termUses(b.Term, func(s slot) { read[s] = true })
	}
	return read
}
