package codegen

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Small-int versions of blocks.
//
// A typed int (rt.IntVal) is two words: an int64, and a *big.Int that is
// nil while the value fits. Each typed operation tests that its operands
// are small and takes its inline int64 form, else calls the full
// operation; the two paths meet again after it, so Go's compiler knows
// nothing about the result, and the next operation tests it again.
//
// A block that starts with a run of such operations (the body of an
// arithmetic loop) gets a second version of that run in front of the
// usual one: the same statements, except that where an operation's small
// case fails, it jumps to the usual version of the block at that
// operation (which then runs the full operation and everything after it).
// On the small version's own path no two paths meet: the results it made
// are known small, and Go's compiler drops their tests. At its end the
// small version jumps to where the block goes next (its terminator, for a
// jump or a branch on a typed value), or to the usual version of the
// first instruction it does not cover. Both versions assign the same Go
// variables, so either may take over from the other at an instruction's
// boundary.

// minFastOps is the number of typed int operations a block's leading run
// must have to get a small version: fewer gain too little for the code.
const minFastOps = 2

// fastRegion is the leading run of b's instructions that a small version
// covers (n of them; whole: all, and the terminator too), or n == 0 when
// the block gets none.
func (fg *funcGen) fastRegion(b *ir.Block) (n int, whole bool) {
	ops := 0
	for n < len(b.Instrs) {
		in := b.Instrs[n]
		if !fg.fastInstr(in) {
			break
		}
		if fg.intOp(in) {
			ops++
		}
		n++
	}
	if ops < minFastOps {
		return 0, false
	}
	if n == len(b.Instrs) {
		switch b.Term.Kind {
		case ir.Jump:
			whole = true
		case ir.Branch:
			whole = fg.typedTruth(b.Term.Value) != nil
		}
	}
	return n, whole
}

// fastInstr says whether in may run in a small version: a typed
// operation, copy, load or store of a local (a boxed local's store too),
// or a load of a global or a builtin, which compute into Go variables and
// nothing else (running one in either version is the same).
func (fg *funcGen) fastInstr(in *ir.Instr) bool {
	if fg.skip[in] || in.Dst >= 0 && fg.isAwSlot(in.Dst) {
		return false
	}
	switch in.Op {
	case ir.OpStore:
		if in.Var.Kind == ir.Local && in.Var.Type == ir.Boxed {
			return fg.operandType(in.Args[0]) == ir.Boxed // an assignment
		}
		return in.Var.Kind == ir.Local && fg.typedOperands(in)
	case ir.OpLoad:
		if in.Dst >= 0 && (in.Var.Kind == ir.Global || in.Var.Kind == ir.Builtin) && in.Name != "peek" {
			// A global's or a builtin's load (and its NameError) reads
			// nothing the small version changes: it may run in either.
			return true
		}
		return in.Dst >= 0 && in.Var.Kind == ir.Local && in.Var.Type == fg.f.TempType(in.Dst) && in.Var.Type != ir.Boxed
	case ir.OpCopy, ir.OpBinary, ir.OpCompare, ir.OpUnary:
		if in.Dst < 0 || fg.f.TempType(in.Dst) == ir.Boxed || !fg.typedOperands(in) {
			return false
		}
		if t := fg.f.TempType(in.Dst); t.IsList() || t.IsListIter() {
			return false
		}
		return true
	}
	return false
}

func (fg *funcGen) isAwSlot(t ir.Temp) bool {
	_, ok := fg.awSlots[t]
	return ok
}

// typedOperands says whether every operand of in is an unboxed int,
// float, bool or str (not a list: typed lists have their own forms).
func (fg *funcGen) typedOperands(in *ir.Instr) bool {
	for _, a := range in.Args {
		switch fg.operandType(a) {
		case ir.Int, ir.Float, ir.Bool, ir.Str:
		default:
			return false
		}
	}
	return true
}

// intOp says whether in is an operation on typed ints that has a small
// case (what a small version gains on).
func (fg *funcGen) intOp(in *ir.Instr) bool {
	switch in.Op {
	case ir.OpBinary, ir.OpCompare:
		return len(in.Args) == 2 && fg.operandType(in.Args[0]) == ir.Int && fg.operandType(in.Args[1]) == ir.Int
	}
	return false
}

// fastLabel is the label of instruction i of block b in its usual version
// (i == len(b.Instrs): its terminator).
func fastLabel(b *ir.Block, i int) string { return fmt.Sprintf("b%d_%d", b.ID, i) }

// fastVersion is the small version of b's first n instructions (and of
// its terminator when whole); used collects the labels of the usual
// version it jumps to.
func (fg *funcGen) fastVersion(b *ir.Block, n int, whole bool, used map[int]bool) []jen.Code {
	var stmts []jen.Code
	known := newSmallFacts()
	for i := 0; i < n; i++ {
		in := b.Instrs[i]
		fg.deopt = fastLabel(b, i)
		code := fg.smallAccess(in, known)
		if code == nil {
			code = fg.instr(b, in)
		}
		if fg.deoptUsed {
			used[i] = true
			fg.deoptUsed = false
		}
		fg.learn(in, known)
		stmts = append(stmts, fg.scoped(b, fg.withLine(in, code))...)
	}
	fg.deopt = ""
	if whole {
		return append(stmts, fg.scoped(b, fg.term(b))...)
	}
	used[n] = true
	return append(stmts, jen.Goto().Id(fastLabel(b, n)))
}

// smallFacts is what a small version knows to be small (Big nil) at a
// point on its path: temporaries, and ints in frame fields (smallAccess:
// a store of a small int into a field that holds one writes no pointer,
// so it needs no write barrier test).
type smallFacts struct {
	temps  map[ir.Temp]bool
	from   map[ir.Temp]string // temporaries loaded from a frame field, which has not changed since
	fields map[string]bool
}

func newSmallFacts() smallFacts {
	return smallFacts{temps: map[ir.Temp]bool{}, from: map[ir.Temp]string{}, fields: map[string]bool{}}
}

// frameIntField is the frame field of an int local that lives in the frame
// ("" otherwise).
func (fg *funcGen) frameIntField(v *ir.Var) string {
	if v == nil || v.Kind != ir.Local || v.Type != ir.Int || !fg.varInFrame(v) {
		return ""
	}
	return fg.fieldOf(slot{temp: -1, v: v})
}

// smallAccess is in written for ints known small (nil when it is not such
// a load or store): a store into a frame field that holds a small int
// writes the int64 alone, and a load from one reads the int64 alone (so
// that Go's compiler knows the result small).
func (fg *funcGen) smallAccess(in *ir.Instr, k smallFacts) []jen.Code {
	if in.Op == ir.OpLoad && in.Dst >= 0 {
		if f := fg.frameIntField(in.Var); f != "" && k.fields[f] && fg.f.TempType(in.Dst) == ir.Int {
			return []jen.Code{fg.rawTemp(in.Dst).Op("=").Qual(rtPath, "MakeInt").Call(fg.varExpr(in.Var).Dot("Small"))}
		}
	}
	if in.Op != ir.OpStore {
		return nil
	}
	f := fg.frameIntField(in.Var)
	t, ok := in.Args[0].(ir.Temp)
	if f == "" || !ok || !k.fields[f] || !k.temps[t] || fg.operandType(t) != ir.Int {
		return nil
	}
	return []jen.Code{fg.varExpr(in.Var).Dot("Small").Op("=").Add(fg.rawTemp(t)).Dot("Small")}
}

// learn updates k for instruction in, which the small version has just
// run (its failed small cases jumped away).
func (fg *funcGen) learn(in *ir.Instr, k smallFacts) {
	small := func(o ir.Operand) {
		if t, ok := o.(ir.Temp); ok && fg.operandType(t) == ir.Int {
			k.temps[t] = true
			if f, ok := k.from[t]; ok {
				k.fields[f] = true
			}
		}
	}
	if in.Dst >= 0 && fg.frame && fg.lay.inFrame[slot{temp: in.Dst}] {
		// A temporary kept in the frame may share a field with a local.
		clear(k.fields)
		clear(k.from)
	}
	switch in.Op {
	case ir.OpLoad:
		if f := fg.frameIntField(in.Var); f != "" {
			k.from[in.Dst] = f
			k.temps[in.Dst] = k.fields[f]
		}
	case ir.OpStore:
		if f := fg.frameIntField(in.Var); f != "" {
			for t, g := range k.from {
				if g == f {
					delete(k.from, t)
				}
			}
			t, ok := in.Args[0].(ir.Temp)
			k.fields[f] = ok && k.temps[t]
		}
	case ir.OpCopy:
		if t, ok := in.Args[0].(ir.Temp); ok && k.temps[t] {
			k.temps[in.Dst] = true
		}
	case ir.OpCompare:
		if fg.intOp(in) {
			small(in.Args[0])
			small(in.Args[1])
		}
	case ir.OpBinary:
		op := strings.TrimPrefix(in.Name, "Inplace")
		switch {
		case fg.intOp(in) && fg.f.TempType(in.Dst) == ir.Int:
			if _, ok := intOps[op]; ok || op == "Mod" || op == "FloorDiv" {
				// Past its small case: operands and result small.
				small(in.Args[0])
				small(in.Args[1])
				k.temps[in.Dst] = true
			}
		case fg.f.TempType(in.Dst) == ir.Float && floatArith[op] && fg.numeric(in.Args[0]) && fg.numeric(in.Args[1]) &&
			!(fg.intOp(in) && op == "TrueDiv"):
			// An int operand of a typed float operation was tested small
			// (floatOperand).
			small(in.Args[0])
			small(in.Args[1])
		}
	}
}

// fieldReloads is the code that reads again, at the usual version's
// label of instruction i of b, the ints that b's earlier instructions
// loaded from frame fields into Go variables and that instruction i or a
// later one reads, where nothing has stored into the field since: the
// same values (a frame's fields change only by its own stores). Without
// them a value loaded at the block's start and read again past a call of
// the usual version's (rt.IntXor, rt.IntAdd) is live across that call,
// and Go's compiler saves it on the stack on the small version's path,
// where the call is not.
func (fg *funcGen) fieldReloads(b *ir.Block, i int) []jen.Code {
	if !fg.frame {
		return nil
	}
	from := map[ir.Temp]*ir.Var{}
	for _, in := range b.Instrs[:i] {
		if in.Dst >= 0 {
			delete(from, in.Dst)
			if fg.lay.inFrame[slot{temp: in.Dst}] {
				clear(from) // a temporary in the frame may share a field with a local
			}
		}
		switch in.Op {
		case ir.OpLoad:
			if f := fg.frameIntField(in.Var); f != "" && in.Dst >= 0 && fg.f.TempType(in.Dst) == ir.Int && !fg.lay.inFrame[slot{temp: in.Dst}] {
				from[in.Dst] = in.Var
			}
		case ir.OpStore:
			if f := fg.frameIntField(in.Var); f != "" {
				for t, v := range from {
					if fg.frameIntField(v) == f {
						delete(from, t)
					}
				}
			}
		}
	}
	if len(from) == 0 {
		return nil
	}
	read := map[ir.Temp]bool{}
	note := func(o ir.Operand) {
		if t, ok := o.(ir.Temp); ok {
			if _, ok := from[t]; ok {
				read[t] = true
			}
		}
	}
	for _, in := range b.Instrs[i:] {
		for _, a := range in.Args {
			note(a)
		}
	}
	note(b.Term.Value)
	note(b.Term.Cause)
	note(b.Term.Context)
	var out []jen.Code
	for _, t := range slices.Sorted(maps.Keys(read)) {
		out = append(out, fg.rawTemp(t).Op("=").Add(fg.varExpr(from[t])))
	}
	return out
}

// scoped is the code of one instruction of block b, in braces of its own
// when b's statements go without the block's braces (a block the range
// loop's head enters at its usual version: Go refuses a goto into a
// block, so its labels must be the function's; and the variables an
// instruction declares must stay its own).
func (fg *funcGen) scoped(b *ir.Block, code []jen.Code) []jen.Code {
	if !fg.slowEntry[b.ID] || !declares(code) {
		return code
	}
	return []jen.Code{jen.Block(code...)}
}

// declares says whether a statement of code declares a variable in the
// scope that holds it (`var x` or `x := …`; not in an if's or a block's).
func declares(code []jen.Code) bool {
	for _, c := range code {
		st, ok := c.(*jen.Statement)
		if !ok {
			return true // not known: braces are safe
		}
		text := strings.TrimSpace(fmt.Sprintf("%#v", st))
		for strings.HasPrefix(text, "/*") { // a line directive
			end := strings.Index(text, "*/")
			if end < 0 {
				return true
			}
			text = strings.TrimSpace(text[end+2:])
		}
		if strings.HasPrefix(text, "var ") || declLHS.MatchString(text) {
			return true
		}
	}
	return false
}

// declLHS matches a short variable declaration's start: `a, b := `.
var declLHS = regexp.MustCompile(`^[\pL_][\pL\pN_]*(\s*,\s*[\pL_][\pL\pN_]*)*\s*:=`)

// deoptJump is the jump a small version takes where an operation's small
// case fails.
func (fg *funcGen) deoptJump() jen.Code {
	fg.deoptUsed = true
	return jen.Goto().Id(fg.deopt)
}

// withLine puts in's line directive on the first statement of its code.
func (fg *funcGen) withLine(in *ir.Instr, code []jen.Code) []jen.Code {
	if in.Line > 0 && len(code) > 0 {
		// A /*line*/ directive on the same line as the statement it
		// positions: Go reports that statement at the Python line. Each
		// instruction gets one, since Go counts the lines after a
		// directive onward from it (the error checks in between span
		// several Go lines).
		fg.line = in.Line
		code[0] = jen.Comment(fmt.Sprintf("/*line %s:%d*/", fg.g.prog.File, in.Line)).Add(code[0])
	}
	return code
}

// floatArith are the float operations typedInstr writes with floatOperand.
var floatArith = map[string]bool{"Add": true, "Sub": true, "Mul": true, "TrueDiv": true, "FloorDiv": true, "Mod": true}

// numeric says whether o is a typed int or float.
func (fg *funcGen) numeric(o ir.Operand) bool {
	t := fg.operandType(o)
	return t == ir.Int || t == ir.Float
}
