package lower

import "github.com/async2go/async2go/lower/ir"

// Typed lists. A plain local qualifies when every binding of it is a list
// it just made (a list display of no starred item, `[]` or a list
// comprehension), it is never deleted, and every load of it feeds only:
// `xs.append(v)` as a statement, `len(xs)`, `sum(xs)`, `xs[i]`,
// `xs[i] = v`, `min(xs)`, `max(xs)`, `for x in xs`, the truth test of `if`/`while`, and the
// size hint of a comprehension over it. Its element type is the join of
// the items of its displays and of every value appended or assigned into
// it; it keeps the type (ir.ListOf|elem) when that is int, float, str or
// bool, every index is an int, sum is only taken of ints or floats and
// min and max not of bools.
// Anything else — passing it to any other call, printing, returning,
// aliasing it, a closure capturing it (then it is a cell) — leaves it an
// ordinary list.

const (
	tyListOf   ty = 16 // | elem: a typed list
	tyListIter ty = 32 // | elem: an iterator over a typed list
)

func (t ty) isList() bool     { return t&tyListOf != 0 }
func (t ty) isListIter() bool { return t&tyListIter != 0 }
func (t ty) elem() ty         { return t &^ (tyListOf | tyListIter) }

func scalarElem(t ty) bool { return t == tyInt || t == tyFloat || t == tyStr || t == tyBool }

// listInfo is what the structural analysis found for one candidate list.
type listInfo struct {
	contrib []ir.Operand // values that become items: display items, appended, assigned
	index   []ir.Operand // the indices of its getitems and setitems
	sums    int          // sum(xs) calls
	minMax  int          // min(xs) and max(xs) calls
}

// findLists finds the structural candidates of fi: fi.lists maps each
// candidate local to its listInfo, fi.creation each temporary that makes
// one to its local.
func (in *inferrer) findLists(fi *funcInfo) {
	f := fi.f
	fi.lists = map[*ir.Var]*listInfo{}
	fi.creation = map[ir.Temp]*ir.Var{}
	if in.noTypedLists {
		return
	}
	type use struct {
		ins *ir.Instr
		arg int
	}
	uses := map[ir.Temp][]use{}
	termUses := map[ir.Temp][]*ir.Terminator{}
	for _, b := range f.Blocks {
		for _, ins := range b.Instrs {
			for i, a := range ins.Args {
				if t, ok := a.(ir.Temp); ok {
					uses[t] = append(uses[t], use{ins, i})
				}
			}
		}
		if t := b.Term; t != nil {
			for _, o := range []ir.Operand{t.Value, t.Cause, t.Context} {
				if tm, ok := o.(ir.Temp); ok {
					termUses[tm] = append(termUses[tm], t)
				}
			}
		}
	}
	unused := func(t ir.Temp) bool { return t < 0 || len(uses[t]) == 0 && len(termUses[t]) == 0 }
	single := func(t ir.Temp) bool { return len(fi.defs[t]) == 1 }
	params := map[string]bool{}
	for _, n := range f.Params.Names {
		params[n] = true
	}
	byVar := map[*ir.Var][]*ir.Instr{}
	for _, b := range f.Blocks {
		for _, ins := range b.Instrs {
			if ins.Var != nil && ins.Var.Kind == ir.Local {
				byVar[ins.Var] = append(byVar[ins.Var], ins)
			}
		}
	}
	builtin := func(o ir.Operand) string {
		t, ok := o.(ir.Temp)
		if !ok || !single(t) {
			return ""
		}
		d := fi.defs[t][0]
		if d.Op != ir.OpLoad || d.Var == nil || d.Var.Kind != ir.Builtin {
			return ""
		}
		return d.Var.Name
	}
	// listUse checks one use of the list in temporary t, recording what it
	// contributes; creation is set for the temporary that makes it.
	listUse := func(li *listInfo, t ir.Temp, u use, creation bool) bool {
		ins := u.ins
		noKw := len(ins.KwNames) == 0 && !ir.AnyStar(ins.Star)
		others := func() bool { // t appears only at u.arg
			for i, a := range ins.Args {
				if i != u.arg && a == ir.Operand(t) {
					return false
				}
			}
			return true
		}
		if !noKw || !others() {
			return false
		}
		switch ins.Op {
		case ir.OpCallMethod:
			if ins.Name == "append" && u.arg == 0 && len(ins.Args) == 2 && unused(ins.Dst) {
				li.contrib = append(li.contrib, ins.Args[1])
				return true
			}
		case ir.OpStore:
			return creation
		}
		if creation {
			return false
		}
		switch ins.Op {
		case ir.OpCall:
			if u.arg == 1 && len(ins.Args) == 2 {
				switch builtin(ins.Args[0]) {
				case "len":
					return true
				case "sum":
					li.sums++
					return true
				case "min", "max":
					li.minMax++
					return true
				}
			}
		case ir.OpGetItem:
			if u.arg == 0 {
				li.index = append(li.index, ins.Args[1])
				return true
			}
		case ir.OpSetItem:
			if u.arg == 0 {
				li.index = append(li.index, ins.Args[1])
				li.contrib = append(li.contrib, ins.Args[2])
				return true
			}
		case ir.OpIter:
			if u.arg != 0 || !single(ins.Dst) || len(uses[ins.Dst]) != 0 {
				return false
			}
			for _, tm := range termUses[ins.Dst] {
				if tm.Kind != ir.ForNext || tm.Value != ir.Operand(ins.Dst) {
					return false
				}
			}
			return true
		case ir.OpRuntime:
			return ins.Name == "NewListFor" && u.arg == 0
		}
		return false
	}
vars:
	for _, v := range f.Locals {
		if v.Kind != ir.Local || params[v.Name] || len(byVar[v]) == 0 {
			continue
		}
		li := &listInfo{}
		creations := map[ir.Temp]bool{}
		stores := 0
		for _, ins := range byVar[v] {
			switch ins.Op {
			case ir.OpStore:
				stores++
				t, ok := ins.Args[0].(ir.Temp)
				if !ok || !single(t) || len(termUses[t]) > 0 || creations[t] {
					continue vars
				}
				d := fi.defs[t][0]
				switch {
				case d.Op == ir.OpList && !ir.AnyStar(d.Star):
					li.contrib = append(li.contrib, d.Args...)
				case d.Op == ir.OpRuntime && d.Name == "NewListFor":
				default:
					continue vars
				}
				creations[t] = true
				for _, u := range uses[t] {
					if u.ins.Op == ir.OpStore && u.ins != ins || !listUse(li, t, u, true) {
						continue vars
					}
				}
			case ir.OpLoad:
				if ins.Dst < 0 || !single(ins.Dst) {
					continue vars
				}
				for _, tm := range termUses[ins.Dst] {
					if tm.Kind != ir.Branch {
						continue vars
					}
				}
				for _, u := range uses[ins.Dst] {
					if !listUse(li, ins.Dst, u, false) {
						continue vars
					}
				}
			default:
				continue vars
			}
		}
		if stores == 0 {
			continue
		}
		fi.lists[v] = li
		for t := range creations {
			fi.creation[t] = v
		}
	}
}

// listOK reports whether candidate v is (still) a typed list.
func (fi *funcInfo) listOK(v *ir.Var) bool {
	return fi.lists[v] != nil && !fi.listBad[v] && !fi.boxed[v]
}

// listElem is the join of the types of what goes into candidate v.
func (fi *funcInfo) listElem(v *ir.Var) ty {
	e := tyNone
	for _, o := range fi.lists[v].contrib {
		e = join(e, stored(fi.typeOf(o)))
	}
	return e
}

// creationType is the type of the list a creation temporary makes.
func (fi *funcInfo) creationType(t ir.Temp) (ty, bool) {
	v, ok := fi.creation[t]
	if !ok {
		return 0, false
	}
	if !fi.listOK(v) {
		return tyAny, true
	}
	switch e := fi.listElem(v); {
	case e == tyNone:
		return tyNone, true
	case scalarElem(e):
		return tyListOf | e, true
	}
	return tyAny, true
}

// checkLists disqualifies the candidates whose types do not fit (an item
// or an index of another type, a sum of strs, a list never given a type);
// it reports whether it disqualified any.
func (fi *funcInfo) checkLists() bool {
	bad := false
	for v, li := range fi.lists {
		if !fi.listOK(v) {
			continue
		}
		t := fi.vars[v]
		if t == tyNone {
			continue // nothing known yet (a parameter's type comes later); never made, it stays boxed
		}
		ok := t.isList() && scalarElem(t.elem()) && fi.listElem(v) == t.elem()
		for _, o := range li.index {
			if it := fi.typeOf(o); it != tyInt && it != tyNone {
				ok = false
			}
		}
		if li.sums > 0 && t.elem() != tyInt && t.elem() != tyFloat {
			ok = false
		}
		if li.minMax > 0 && t.elem() == tyBool {
			ok = false
		}
		if !ok {
			fi.listBad[v] = true
			bad = true
		}
	}
	return bad
}
