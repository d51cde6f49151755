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

// layout computes the frame layout of f (a state machine).
func layout(f *ir.Func, reach map[*ir.Block]bool) frameLayout {
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
	return frameLayout{inFrame: inFrame, read: read}
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
